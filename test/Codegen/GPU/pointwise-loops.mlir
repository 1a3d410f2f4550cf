// RUN: yat-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(yat-gpu-pointwise-loops),canonicalize,cse)' | FileCheck %s

#id = affine_map<(b, d) -> (b, d)>

// The reference lowering of a reversed yat.linear_recurrence: the loop over
// T moves into one kernel whose threads (ceil(2 * 256 / 256) blocks of 256)
// each walk T for one (b, d), reading and writing only there.
// CHECK-LABEL: func.func @recurrence
// CHECK-SAME: (%[[A:.*]]: memref<2x64x256xf32>, %[[B:.*]]: memref<2x64x256xf32>, %[[STATE:.*]]: memref<2x256xf32>, %[[H:.*]]: memref<2x64x256xf32>)
// CHECK-DAG: %[[TWO:.*]] = arith.constant 2 : index
// CHECK-DAG: %[[THREADS:.*]] = arith.constant 256 : index
// CHECK-NOT: scf.for
// CHECK: gpu.launch blocks(%[[BX:.*]], %{{.*}}, %{{.*}}) in (%{{.*}} = %[[TWO]], %{{.*}} = %{{.*}}, %{{.*}} = %{{.*}}) threads(%[[TX:.*]], %{{.*}}, %{{.*}}) in (%{{.*}} = %[[THREADS]],
// CHECK: %[[POINT:.*]] = arith.addi %{{.*}}, %[[TX]] : index
// CHECK: %[[IN_RANGE:.*]] = arith.cmpi ult, %[[POINT]], %{{.*}} : index
// CHECK: scf.if %[[IN_RANGE]]
// CHECK: %[[INDICES:.*]]:2 = affine.delinearize_index %[[POINT]] into (2, 256) : index, index
// CHECK: scf.for %[[T:.*]] =
// CHECK: %[[STEP:.*]] = arith.subi %{{.*}}, %[[T]]
// CHECK: %[[A_T:.*]] = memref.subview %[[A]][0, %[[STEP]], 0] [2, 1, 256] [1, 1, 1]
// CHECK: %[[H_T:.*]] = memref.subview %[[H]][0, %[[STEP]], 0] [2, 1, 256] [1, 1, 1]
// CHECK: %[[AV:.*]] = memref.load %[[A_T]][%[[INDICES]]#0, %[[INDICES]]#1]
// CHECK: %[[HV:.*]] = memref.load %[[STATE]][%[[INDICES]]#0, %[[INDICES]]#1]
// CHECK: %[[PRODUCT:.*]] = arith.mulf %[[AV]], %[[HV]] : f32
// CHECK: %[[NEXT:.*]] = arith.addf %[[PRODUCT]], %{{.*}} : f32
// CHECK: memref.store %[[NEXT]], %[[STATE]][%[[INDICES]]#0, %[[INDICES]]#1]
// CHECK: memref.store %[[NEXT]], %[[H_T]][%[[INDICES]]#0, %[[INDICES]]#1]
// CHECK: gpu.terminator
func.func @recurrence(%a: memref<2x64x256xf32>, %b: memref<2x64x256xf32>, %state: memref<2x256xf32>, %h: memref<2x64x256xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c63 = arith.constant 63 : index
  %c64 = arith.constant 64 : index
  scf.for %i = %c0 to %c64 step %c1 {
    %t = arith.subi %c63, %i : index
    %a_t = memref.subview %a[0, %t, 0] [2, 1, 256] [1, 1, 1] : memref<2x64x256xf32> to memref<2x256xf32, strided<[16384, 1], offset: ?>>
    %b_t = memref.subview %b[0, %t, 0] [2, 1, 256] [1, 1, 1] : memref<2x64x256xf32> to memref<2x256xf32, strided<[16384, 1], offset: ?>>
    %h_t = memref.subview %h[0, %t, 0] [2, 1, 256] [1, 1, 1] : memref<2x64x256xf32> to memref<2x256xf32, strided<[16384, 1], offset: ?>>
    linalg.generic {indexing_maps = [#id, #id, #id, #id], iterator_types = ["parallel", "parallel"]} ins(%a_t, %b_t : memref<2x256xf32, strided<[16384, 1], offset: ?>>, memref<2x256xf32, strided<[16384, 1], offset: ?>>) outs(%state, %h_t : memref<2x256xf32>, memref<2x256xf32, strided<[16384, 1], offset: ?>>) {
    ^bb0(%av: f32, %bv: f32, %hv: f32, %out: f32):
      %product = arith.mulf %av, %hv : f32
      %next = arith.addf %product, %bv : f32
      linalg.yield %next, %next : f32, f32
    }
  }
  return
}

// -----

#id = affine_map<(d) -> (d)>
#row = affine_map<(b, d) -> (b, d)>
#sum = affine_map<(b, d) -> (b)>

// Left as they are: a view that slides along a dim of the space (a point
// would read what its neighbour wrote an iteration before), views at fixed
// but different offsets of one buffer (the same), a reduction in the body,
// a loop that carries a value.
// CHECK-LABEL: func.func @unsupported
// CHECK-COUNT-4: scf.for
// CHECK-NOT: gpu.launch
func.func @unsupported(%x: memref<512xf32>, %m: memref<4x64xf32>, %s: memref<4xf32>, %y: memref<257xf32>) -> f32 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c8 = arith.constant 8 : index
  %zero = arith.constant 0.0 : f32
  scf.for %i = %c0 to %c8 step %c1 {
    %window = memref.subview %x[%i] [256] [1] : memref<512xf32> to memref<256xf32, strided<[1], offset: ?>>
    linalg.generic {indexing_maps = [#id], iterator_types = ["parallel"]} outs(%window : memref<256xf32, strided<[1], offset: ?>>) {
    ^bb0(%v: f32):
      %twice = arith.addf %v, %v : f32
      linalg.yield %twice : f32
    }
  }
  scf.for %i = %c0 to %c8 step %c1 {
    %next = memref.subview %y[1] [256] [1] : memref<257xf32> to memref<256xf32, strided<[1], offset: 1>>
    %here = memref.subview %y[0] [256] [1] : memref<257xf32> to memref<256xf32, strided<[1]>>
    linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel"]} ins(%next : memref<256xf32, strided<[1], offset: 1>>) outs(%here : memref<256xf32, strided<[1]>>) {
    ^bb0(%v: f32, %o: f32):
      linalg.yield %v : f32
    }
  }
  scf.for %i = %c0 to %c8 step %c1 {
    linalg.generic {indexing_maps = [#row, #sum], iterator_types = ["parallel", "reduction"]} ins(%m : memref<4x64xf32>) outs(%s : memref<4xf32>) {
    ^bb0(%v: f32, %acc: f32):
      %total = arith.addf %acc, %v : f32
      linalg.yield %total : f32
    }
  }
  %r = scf.for %i = %c0 to %c8 step %c1 iter_args(%acc = %zero) -> (f32) {
    linalg.generic {indexing_maps = [#id], iterator_types = ["parallel"]} outs(%x : memref<512xf32>) {
    ^bb0(%v: f32):
      linalg.yield %v : f32
    }
    scf.yield %acc : f32
  }
  return %r : f32
}
