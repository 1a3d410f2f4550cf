// RUN: yat-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(yat-gpu-warp-reductions),canonicalize,cse)' | FileCheck %s

#in = affine_map<(i, k) -> (i, k)>
#out = affine_map<(i, k) -> (i)>

// A row's sum of squares: one warp per row (grid ceil(rows / 4), 128
// threads), the lanes from -0 (the identity of addf) over every 32nd
// element, xor shuffles, lane 0 adding the total to the output.
// CHECK-LABEL: func.func @sum_of_squares
// CHECK-SAME: (%[[X:.*]]: memref<?x1000xf32>, %[[OUT:.*]]: memref<?xf32>)
// CHECK-DAG: %[[IDENTITY:.*]] = arith.constant -0.000000e+00 : f32
// CHECK-DAG: %[[ROWS:.*]] = memref.dim %[[X]], %{{.*}}
// CHECK: %[[GRID:.*]] = arith.ceildivui %[[ROWS]], %{{.*}}
// CHECK: gpu.launch blocks(%[[BX:.*]], %{{.*}}, %{{.*}}) in (%{{.*}} = %[[GRID]],
// CHECK: %[[ROW:.*]] = arith.addi
// CHECK: %[[LANE:.*]] = arith.remui
// CHECK: scf.if
// CHECK: %[[SUM:.*]] = scf.for %[[K:.*]] = %[[LANE]] to %{{.*}} step %{{.*}} iter_args(%[[PARTIAL:.*]] = %[[IDENTITY]]) -> (f32)
// CHECK: %[[V:.*]] = memref.load %[[X]][%[[ROW]], %[[K]]]
// CHECK: %[[SQUARE:.*]] = arith.mulf %[[V]], %[[V]] : f32
// CHECK: %[[NEXT:.*]] = arith.addf %[[PARTIAL]], %[[SQUARE]] : f32
// CHECK: scf.yield %[[NEXT]]
// CHECK: %[[OTHER:.*]], %{{.*}} = gpu.shuffle  xor %[[SUM]], %{{.*}}, %{{.*}} : f32
// CHECK: arith.addf %[[SUM]], %[[OTHER]] : f32
// CHECK-COUNT-4: gpu.shuffle  xor
// CHECK: %[[TOTAL:.*]] = arith.addf
// CHECK: scf.if
// CHECK: %[[OLD:.*]] = memref.load %[[OUT]][%[[ROW]]]
// CHECK: %[[RESULT:.*]] = arith.addf %[[OLD]], %[[TOTAL]] : f32
// CHECK: memref.store %[[RESULT]], %[[OUT]][%[[ROW]]]
// CHECK-NOT: linalg.generic
func.func @sum_of_squares(%x: memref<?x1000xf32>, %out: memref<?xf32>) {
  linalg.generic {indexing_maps = [#in, #out], iterator_types = ["parallel", "reduction"]} ins(%x : memref<?x1000xf32>) outs(%out : memref<?xf32>) {
  ^bb0(%v: f32, %acc: f32):
    %square = arith.mulf %v, %v : f32
    %sum = arith.addf %acc, %square : f32
    linalg.yield %sum : f32
  }
  return
}

// -----

#in = affine_map<(b, i, k) -> (b, k, i)>
#out = affine_map<(b, i, k) -> (i, b)>

// A maximum over a strided reduction dim, written with the element first,
// into a transposed output: identity -inf, the body's operand order kept,
// the output index from the linearized parallel loops.
// CHECK-LABEL: func.func @maximum
// CHECK-DAG: %[[IDENTITY:.*]] = arith.constant 0xFF800000 : f32
// CHECK: gpu.launch
// CHECK: scf.for {{.*}} iter_args(%[[PARTIAL:.*]] = %[[IDENTITY]])
// CHECK: %[[ABS:.*]] = math.absf
// CHECK: arith.maximumf %[[ABS]], %[[PARTIAL]] : f32
// CHECK: gpu.shuffle  xor
func.func @maximum(%x: memref<2x64x3xf32>, %out: memref<3x2xf32>) {
  linalg.generic {indexing_maps = [#in, #out], iterator_types = ["parallel", "parallel", "reduction"]} ins(%x : memref<2x64x3xf32>) outs(%out : memref<3x2xf32>) {
  ^bb0(%v: f32, %acc: f32):
    %abs = math.absf %v : f32
    %max = arith.maximumf %abs, %acc : f32
    linalg.yield %max : f32
  }
  return
}

// -----

#in = affine_map<(k) -> (k)>
#out = affine_map<(k) -> ()>

// Integers, and a reduction of everything into a 0-d output: one warp.
// CHECK-LABEL: func.func @integer_maximum
// CHECK-DAG: %[[IDENTITY:.*]] = arith.constant -2147483648 : i32
// CHECK-DAG: %[[ONE:.*]] = arith.constant 1 : index
// CHECK: gpu.launch blocks(%{{.*}}, %{{.*}}, %{{.*}}) in (%{{.*}} = %[[ONE]],
// CHECK: scf.for {{.*}} iter_args(%{{.*}} = %[[IDENTITY]]) -> (i32)
// CHECK: arith.maxsi
// CHECK: gpu.shuffle  xor %{{.*}} : i32
// CHECK: memref.store %{{.*}}, %{{.*}}[] : memref<i32>
func.func @integer_maximum(%x: memref<4096xi32>, %out: memref<i32>) {
  linalg.generic {indexing_maps = [#in, #out], iterator_types = ["reduction"]} ins(%x : memref<4096xi32>) outs(%out : memref<i32>) {
  ^bb0(%v: i32, %acc: i32):
    %max = arith.maxsi %acc, %v : i32
    linalg.yield %max : i32
  }
  return
}

// -----

#in = affine_map<(i, k) -> (i, k)>
#out = affine_map<(i, k) -> (i)>
#first = affine_map<(k, i) -> (i, k)>
#row = affine_map<(k, i) -> (i)>
#all = affine_map<(i, k) -> ()>
#window = affine_map<(i, k) -> (i + k)>
#tap = affine_map<(i, k) -> (k)>

// Left to the generic mapping: fewer than 32 elements, an f16 output, a
// combiner without an identity here (subtraction), an output read twice,
// a reduction that is not innermost, two reductions, an input indexed by a
// sum of loop indices (a 1-D convolution).
// CHECK-LABEL: func.func @unsupported
// CHECK-COUNT-7: linalg.generic
// CHECK-NOT: gpu.launch
func.func @unsupported(%small: memref<8x16xf32>, %x: memref<8x64xf32>, %h: memref<8x64xf16>, %out: memref<8xf32>, %out16: memref<8xf16>, %scalar: memref<f32>, %signal: memref<71xf32>, %taps: memref<64xf32>) {
  linalg.generic {indexing_maps = [#window, #tap, #out], iterator_types = ["parallel", "reduction"]} ins(%signal, %taps : memref<71xf32>, memref<64xf32>) outs(%out : memref<8xf32>) {
  ^bb0(%v: f32, %t: f32, %acc: f32):
    %product = arith.mulf %v, %t : f32
    %sum = arith.addf %acc, %product : f32
    linalg.yield %sum : f32
  }
  linalg.generic {indexing_maps = [#in, #out], iterator_types = ["parallel", "reduction"]} ins(%small : memref<8x16xf32>) outs(%out : memref<8xf32>) {
  ^bb0(%v: f32, %acc: f32):
    %sum = arith.addf %acc, %v : f32
    linalg.yield %sum : f32
  }
  linalg.generic {indexing_maps = [#in, #out], iterator_types = ["parallel", "reduction"]} ins(%h : memref<8x64xf16>) outs(%out16 : memref<8xf16>) {
  ^bb0(%v: f16, %acc: f16):
    %sum = arith.addf %acc, %v : f16
    linalg.yield %sum : f16
  }
  linalg.generic {indexing_maps = [#in, #out], iterator_types = ["parallel", "reduction"]} ins(%x : memref<8x64xf32>) outs(%out : memref<8xf32>) {
  ^bb0(%v: f32, %acc: f32):
    %difference = arith.subf %acc, %v : f32
    linalg.yield %difference : f32
  }
  linalg.generic {indexing_maps = [#in, #out], iterator_types = ["parallel", "reduction"]} ins(%x : memref<8x64xf32>) outs(%out : memref<8xf32>) {
  ^bb0(%v: f32, %acc: f32):
    %scaled = arith.mulf %v, %acc : f32
    %sum = arith.addf %acc, %scaled : f32
    linalg.yield %sum : f32
  }
  linalg.generic {indexing_maps = [#first, #row], iterator_types = ["reduction", "parallel"]} ins(%x : memref<8x64xf32>) outs(%out : memref<8xf32>) {
  ^bb0(%v: f32, %acc: f32):
    %sum = arith.addf %acc, %v : f32
    linalg.yield %sum : f32
  }
  linalg.generic {indexing_maps = [#in, #all], iterator_types = ["reduction", "reduction"]} ins(%x : memref<8x64xf32>) outs(%scalar : memref<f32>) {
  ^bb0(%v: f32, %acc: f32):
    %sum = arith.addf %acc, %v : f32
    linalg.yield %sum : f32
  }
  return
}
