// RUN: yat-opt %s --split-input-file --pass-pipeline='builtin.module(gpu.module(yat-gpu-align-workgroup-memory))' | FileCheck %s
// RUN: yat-opt %s --split-input-file --pass-pipeline='builtin.module(gpu.module(yat-gpu-align-workgroup-memory{alignment=64}))' | FileCheck %s --check-prefix=WIDE
// RUN: not yat-opt %s --split-input-file --pass-pipeline='builtin.module(gpu.module(yat-gpu-align-workgroup-memory{alignment=24}))' 2>&1 | FileCheck %s --check-prefix=BAD

// Every workgroup attribution gets 16 bytes at least; a larger alignment
// stays; private memory and functions without attributions are untouched.
// CHECK-LABEL: gpu.func @kernel
// CHECK-SAME: workgroup(%[[TILE:.*]] : memref<64x40xf16, #gpu.address_space<workgroup>> {llvm.align = 16 : i64}, %[[LARGE:.*]] : memref<8xf32, #gpu.address_space<workgroup>> {llvm.align = 128 : i64})
// CHECK-SAME: private(%{{.*}} : memref<4xf32, #gpu.address_space<private>>)
// CHECK-SAME: kernel
// CHECK-LABEL: gpu.func @plain
// CHECK-NOT: llvm.align
// WIDE-LABEL: gpu.func @kernel
// WIDE-SAME: {llvm.align = 64 : i64}, %{{.*}} : memref<8xf32, #gpu.address_space<workgroup>> {llvm.align = 128 : i64}
// BAD: yat-gpu-align-workgroup-memory option 'alignment' must be a positive power of two, got 24
gpu.module @kernels {
  gpu.func @kernel(%out: memref<4xf16>)
      workgroup(%tile : memref<64x40xf16, #gpu.address_space<workgroup>>,
                %wide : memref<8xf32, #gpu.address_space<workgroup>> {llvm.align = 128 : i64})
      private(%scratch : memref<4xf32, #gpu.address_space<private>>) kernel {
    %c0 = arith.constant 0 : index
    %v = memref.load %tile[%c0, %c0] : memref<64x40xf16, #gpu.address_space<workgroup>>
    memref.store %v, %out[%c0] : memref<4xf16>
    gpu.return
  }
  gpu.func @plain(%out: memref<4xf16>) kernel {
    gpu.return
  }
}
