// The generic GPU mapping of yat-gpu-pipeline, down to cubins that ptxas
// assembles (gpu-module-to-binary runs it) for sm_90 and sm_80, and host code
// on the mgpu* ABI.
// REQUIRES: ptxas
// RUN: yat-opt %s --split-input-file --yat-gpu-pipeline | FileCheck %s
// RUN: yat-opt %s --split-input-file --yat-gpu-pipeline=chip=sm_80 | FileCheck %s --check-prefix=SM80
// RUN: yat-opt %s --split-input-file --yat-gpu-pipeline=format=isa | FileCheck %s --check-prefix=PTX

// An elementwise chain: one kernel on 256-thread blocks, its result in
// host-shared memory (mgpuMemAlloc's last operand is 1).
// CHECK-LABEL: llvm.func @elementwise
// CHECK: %[[SHARED:.*]] = llvm.mlir.constant(1 : i8) : i8
// CHECK: llvm.call @mgpuMemAlloc({{.*}}, %[[SHARED]])
// CHECK: gpu.launch_func @[[KERNEL:.*]]::@{{.*}} blocks in
// CHECK-NOT: gpu.launch_func
// CHECK: gpu.binary @[[KERNEL]]  [#gpu.object<#nvvm.target<chip = "sm_90", features = "+ptx80">
// SM80-LABEL: llvm.func @elementwise
// SM80: gpu.binary @{{.*}}  [#gpu.object<#nvvm.target<chip = "sm_80"
// PTX-LABEL: llvm.func @elementwise
// PTX: assembly = "{{.*}}.target sm_90{{.*}}ex2.approx
func.func @elementwise(%a: tensor<1000xf32>, %b: tensor<1000xf32>) -> tensor<1000xf32> {
  %s = arith.addf %a, %b : tensor<1000xf32>
  %e = math.exp %s : tensor<1000xf32>
  return %e : tensor<1000xf32>
}

// -----

// yat.product by its reference lowering: the three fills, the contraction,
// both norms and the epilogue are kernels.
// CHECK-LABEL: llvm.func @product
// CHECK-COUNT-7: gpu.launch_func
// CHECK-NOT: gpu.launch_func
// CHECK: gpu.binary
// SM80-LABEL: llvm.func @product
// PTX-LABEL: llvm.func @product
// PTX: assembly = "{{.*}}div.rn.f32
func.func @product(%x: tensor<?x32xf32>, %w: tensor<48x32xf32>, %b: tensor<48xf32>) -> tensor<?x48xf32> {
  %y = yat.product %x, %w, %b {epsilon = 1.0e-3 : f32} : (tensor<?x32xf32>, tensor<48x32xf32>, tensor<48xf32>) -> tensor<?x48xf32>
  return %y : tensor<?x48xf32>
}

// -----

// A StableHLO export: the dot_general and the reduction become kernels, and
// the constant they read is copied into host-shared memory.
// CHECK-LABEL: llvm.func @stablehlo
// CHECK: llvm.call @mgpuMemAlloc
// CHECK: "llvm.intr.memcpy"
// CHECK: gpu.launch_func
// CHECK: gpu.binary
// SM80-LABEL: llvm.func @stablehlo
// PTX-LABEL: llvm.func @stablehlo
func.func @stablehlo(%x: tensor<8x16xf32>) -> tensor<8xf32> {
  %w = stablehlo.constant dense<0.5> : tensor<16x4xf32>
  %y = stablehlo.dot_general %x, %w, contracting_dims = [1] x [0] : (tensor<8x16xf32>, tensor<16x4xf32>) -> tensor<8x4xf32>
  %zero = stablehlo.constant dense<0.0> : tensor<f32>
  %s = stablehlo.reduce(%y init: %zero) applies stablehlo.add across dimensions = [1] : (tensor<8x4xf32>, tensor<f32>) -> tensor<8xf32>
  return %s : tensor<8xf32>
}
