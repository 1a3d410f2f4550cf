// RUN: yat-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(yat-gpu-host-shared-allocations))' | FileCheck %s

// A host buffer that the host hands back (or reads) becomes host-shared GPU
// memory; one that only kernels touch, device memory (allocated on a stream
// that is waited for: gpu-to-llvm lowers only that form); a host copy between
// whole buffers, a copy by the driver (so the copy does not count as the
// host touching them), which a strided one is not; a release is a
// gpu.dealloc on a stream that is waited for; what happens inside the
// kernel is left alone.
// CHECK-LABEL: func.func @host_buffers
// CHECK: %[[BUFFER:.*]] = gpu.alloc  host_shared () : memref<256xf32>
// CHECK: %[[ALLOC_STREAM:.*]] = gpu.wait async
// CHECK: %[[TEMP:.*]], %[[ALLOCATED:.*]] = gpu.alloc async [%[[ALLOC_STREAM]]] () : memref<256xf32>
// CHECK: gpu.wait [%[[ALLOCATED]]]
// CHECK: %[[STAGED:.*]], %{{.*}} = gpu.alloc async [%{{.*}}] () : memref<256xf32>
// CHECK: %[[READ:.*]] = gpu.alloc  host_shared () : memref<256xf32>
// CHECK: %[[START:.*]] = gpu.wait async
// CHECK: %[[COPIED:.*]] = gpu.memcpy async [%[[START]]] %[[STAGED]], %{{.*}} : memref<256xf32>, memref<256xf32>
// CHECK: gpu.wait [%[[COPIED]]]
// CHECK: gpu.launch
// CHECK: memref.alloca() : memref<4xf32>
// CHECK: memref.store {{.*}}, %[[TEMP]]
// CHECK: memref.copy %{{.*}}, %{{.*}} : memref<128xf32, strided<[2]>> to memref<128xf32, strided<[2]>>
// CHECK: memref.load %[[READ]]
// CHECK: %[[STREAM:.*]] = gpu.wait async
// CHECK: %[[FREED:.*]] = gpu.dealloc async [%[[STREAM]]] %[[TEMP]] : memref<256xf32>
// CHECK: gpu.wait [%[[FREED]]]
// CHECK-NOT: memref.alloc(
// CHECK: return %[[BUFFER]]
func.func @host_buffers(%x: memref<256xf32>) -> (memref<256xf32>, f32) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c256 = arith.constant 256 : index
  %buffer = memref.alloc() : memref<256xf32>
  %temp = memref.alloc() : memref<256xf32>
  %staged = memref.alloc() : memref<256xf32>
  %read = memref.alloc() : memref<256xf32>
  memref.copy %x, %staged : memref<256xf32> to memref<256xf32>
  gpu.launch blocks(%bx, %by, %bz) in (%gx = %c1, %gy = %c1, %gz = %c1)
             threads(%tx, %ty, %tz) in (%sx = %c256, %sy = %c1, %sz = %c1) {
    %scratch = memref.alloca() : memref<4xf32>
    %v = memref.load %staged[%tx] : memref<256xf32>
    memref.store %v, %temp[%tx] : memref<256xf32>
    memref.store %v, %buffer[%tx] : memref<256xf32>
    memref.store %v, %read[%tx] : memref<256xf32>
    gpu.terminator
  }
  %even = memref.subview %x[0] [128] [2] : memref<256xf32> to memref<128xf32, strided<[2]>>
  %evenTemp = memref.subview %buffer[0] [128] [2] : memref<256xf32> to memref<128xf32, strided<[2]>>
  memref.copy %even, %evenTemp : memref<128xf32, strided<[2]>> to memref<128xf32, strided<[2]>>
  %r = memref.load %read[%c0] : memref<256xf32>
  memref.dealloc %temp : memref<256xf32>
  memref.dealloc %staged : memref<256xf32>
  memref.dealloc %read : memref<256xf32>
  return %buffer, %r : memref<256xf32>, f32
}

// -----

memref.global "private" constant @weights : memref<4xf32> = dense<[1.0, 2.0, 3.0, 4.0]>
memref.global "private" constant @unused_by_gpu : memref<4xf32> = dense<0.0>
memref.global "private" @mutable : memref<4xf32> = dense<5.0>

// A constant that kernels read moves into them, with its views (kernel
// outlining then puts the global into the GPU module, in device memory); the
// host keeps its own for what it reads. A global that is not constant is
// copied once, at the function's entry, into host-shared memory, which is
// released before the return; a constant only the host reads stays where
// it is.
// CHECK-LABEL: func.func @constants
// CHECK: %[[MUTABLE:.*]] = memref.get_global @mutable
// CHECK: %[[COPY:.*]] = gpu.alloc  host_shared () : memref<4xf32>
// CHECK: memref.copy %[[MUTABLE]], %[[COPY]]
// CHECK: scf.for
// CHECK: %[[HOST_WEIGHTS:.*]] = memref.get_global @weights
// CHECK: gpu.launch
// CHECK: %[[WEIGHTS:.*]] = memref.get_global @weights : memref<4xf32>
// CHECK: %[[PAIRS:.*]] = memref.expand_shape %[[WEIGHTS]]
// CHECK: memref.load %[[PAIRS]]
// CHECK: memref.load %[[COPY]]
// CHECK: gpu.terminator
// CHECK: memref.load %[[HOST_WEIGHTS]]
// CHECK: %[[HOST:.*]] = memref.get_global @unused_by_gpu
// CHECK: memref.load %[[HOST]]
// CHECK: %[[STREAM:.*]] = gpu.wait async
// CHECK: %[[FREED:.*]] = gpu.dealloc async [%[[STREAM]]] %[[COPY]]
// CHECK: gpu.wait [%[[FREED]]]
// CHECK-NEXT: return
func.func @constants(%out: memref<4xf32>, %n: index) -> f32 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  scf.for %i = %c0 to %n step %c1 {
    %w = memref.get_global @weights : memref<4xf32>
    %pairs = memref.expand_shape %w [[0, 1]] output_shape [2, 2] : memref<4xf32> into memref<2x2xf32>
    %s = memref.get_global @mutable : memref<4xf32>
    gpu.launch blocks(%bx, %by, %bz) in (%gx = %c1, %gy = %c1, %gz = %c1)
               threads(%tx, %ty, %tz) in (%sx = %c4, %sy = %c1, %sz = %c1) {
      %row = arith.divui %tx, %c4 : index
      %v = memref.load %pairs[%row, %c0] : memref<2x2xf32>
      %u = memref.load %s[%tx] : memref<4xf32>
      %sum = arith.addf %v, %u : f32
      memref.store %sum, %out[%tx] : memref<4xf32>
      gpu.terminator
    }
    %host = memref.load %w[%c0] : memref<4xf32>
    memref.store %host, %out[%c0] : memref<4xf32>
  }
  %h = memref.get_global @unused_by_gpu : memref<4xf32>
  %r = memref.load %h[%c0] : memref<4xf32>
  return %r : f32
}
