// RUN: yat-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(yat-cpu-fuse-elementwise))' | FileCheck %s

#id = affine_map<(d0, d1) -> (d0, d1)>
#row = affine_map<(d0, d1) -> (d0)>

// An elementwise chain becomes one generic.
// CHECK-LABEL: func.func @chain
// CHECK-SAME: (%[[A:.*]]: tensor<4x8xf32>, %[[B:.*]]: tensor<4x8xf32>)
// CHECK: %[[FUSED:.*]] = linalg.generic {{.*}} ins(%[[A]], %[[B]] : tensor<4x8xf32>, tensor<4x8xf32>)
// CHECK: %[[SUM:.*]] = arith.addf
// CHECK: math.exp %[[SUM]]
// CHECK-NOT: linalg.generic
// CHECK: return %[[FUSED]]
func.func @chain(%a: tensor<4x8xf32>, %b: tensor<4x8xf32>) -> tensor<4x8xf32> {
  %e = tensor.empty() : tensor<4x8xf32>
  %s = linalg.generic {indexing_maps = [#id, #id, #id], iterator_types = ["parallel", "parallel"]} ins(%a, %b : tensor<4x8xf32>, tensor<4x8xf32>) outs(%e : tensor<4x8xf32>) {
  ^bb0(%x: f32, %y: f32, %o: f32):
    %r = arith.addf %x, %y : f32
    linalg.yield %r : f32
  } -> tensor<4x8xf32>
  %x = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel"]} ins(%s : tensor<4x8xf32>) outs(%e : tensor<4x8xf32>) {
  ^bb0(%x: f32, %o: f32):
    %r = math.exp %x : f32
    linalg.yield %r : f32
  } -> tensor<4x8xf32>
  return %x : tensor<4x8xf32>
}

// -----

#id = affine_map<(d0, d1) -> (d0, d1)>
#row = affine_map<(d0, d1) -> (d0)>

// A producer read at every point of a row reduction is fused into it.
// CHECK-LABEL: func.func @into_row_reduction
// CHECK: %[[SUMS:.*]] = linalg.generic {{.*}}iterator_types = ["parallel", "reduction"]
// CHECK: math.absf
// CHECK: arith.addf
// CHECK-NOT: linalg.generic
// CHECK: return %[[SUMS]]
func.func @into_row_reduction(%a: tensor<4x8xf32>) -> tensor<4xf32> {
  %e = tensor.empty() : tensor<4x8xf32>
  %abs = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel"]} ins(%a : tensor<4x8xf32>) outs(%e : tensor<4x8xf32>) {
  ^bb0(%x: f32, %o: f32):
    %r = math.absf %x : f32
    linalg.yield %r : f32
  } -> tensor<4x8xf32>
  %zero = arith.constant 0.0 : f32
  %init = tensor.empty() : tensor<4xf32>
  %fill = linalg.fill ins(%zero : f32) outs(%init : tensor<4xf32>) -> tensor<4xf32>
  %sums = linalg.generic {indexing_maps = [#id, #row], iterator_types = ["parallel", "reduction"]} ins(%abs : tensor<4x8xf32>) outs(%fill : tensor<4xf32>) {
  ^bb0(%x: f32, %o: f32):
    %r = arith.addf %o, %x : f32
    linalg.yield %r : f32
  } -> tensor<4xf32>
  return %sums : tensor<4xf32>
}

// -----

// A producer that a reduction reads for every step of a parallel loop the
// operand does not depend on (here n) would be recomputed per n: not fused.
// CHECK-LABEL: func.func @not_recomputed_in_reduction
// CHECK: %[[Q:.*]] = linalg.generic {{.*}}iterator_types = ["parallel", "parallel"]
// CHECK: arith.fptosi
// CHECK: linalg.generic {{.*}}iterator_types = ["parallel", "parallel", "reduction"]{{.*}} ins(%[[Q]], %{{.*}} : tensor<4x8xi8>, tensor<16x8xi8>)
func.func @not_recomputed_in_reduction(%x: tensor<4x8xf32>, %w: tensor<16x8xi8>) -> tensor<4x16xi32> {
  %e = tensor.empty() : tensor<4x8xi8>
  %q = linalg.generic {indexing_maps = [affine_map<(m, k) -> (m, k)>, affine_map<(m, k) -> (m, k)>], iterator_types = ["parallel", "parallel"]} ins(%x : tensor<4x8xf32>) outs(%e : tensor<4x8xi8>) {
  ^bb0(%v: f32, %o: i8):
    %r = arith.fptosi %v : f32 to i8
    linalg.yield %r : i8
  } -> tensor<4x8xi8>
  %zero = arith.constant 0 : i32
  %init = tensor.empty() : tensor<4x16xi32>
  %fill = linalg.fill ins(%zero : i32) outs(%init : tensor<4x16xi32>) -> tensor<4x16xi32>
  %acc = linalg.generic {indexing_maps = [affine_map<(m, n, k) -> (m, k)>, affine_map<(m, n, k) -> (n, k)>, affine_map<(m, n, k) -> (m, n)>], iterator_types = ["parallel", "parallel", "reduction"]} ins(%q, %w : tensor<4x8xi8>, tensor<16x8xi8>) outs(%fill : tensor<4x16xi32>) {
  ^bb0(%a: i8, %b: i8, %o: i32):
    %a32 = arith.extsi %a : i8 to i32
    %b32 = arith.extsi %b : i8 to i32
    %p = arith.muli %a32, %b32 : i32
    %s = arith.xori %o, %p : i32
    linalg.yield %s : i32
  } -> tensor<4x16xi32>
  return %acc : tensor<4x16xi32>
}

// -----

// Contractions stay as they are, for the kernels.
// CHECK-LABEL: func.func @contraction_kept
// CHECK: %[[NEG:.*]] = linalg.generic
// CHECK: arith.negf
// CHECK: linalg.matmul ins(%[[NEG]], %{{.*}} : tensor<4x8xf32>, tensor<8x16xf32>)
func.func @contraction_kept(%a: tensor<4x8xf32>, %b: tensor<8x16xf32>) -> tensor<4x16xf32> {
  %e = tensor.empty() : tensor<4x8xf32>
  %neg = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} ins(%a : tensor<4x8xf32>) outs(%e : tensor<4x8xf32>) {
  ^bb0(%x: f32, %o: f32):
    %r = arith.negf %x : f32
    linalg.yield %r : f32
  } -> tensor<4x8xf32>
  %zero = arith.constant 0.0 : f32
  %init = tensor.empty() : tensor<4x16xf32>
  %fill = linalg.fill ins(%zero : f32) outs(%init : tensor<4x16xf32>) -> tensor<4x16xf32>
  %c = linalg.matmul ins(%neg, %b : tensor<4x8xf32>, tensor<8x16xf32>) outs(%fill : tensor<4x16xf32>) -> tensor<4x16xf32>
  return %c : tensor<4x16xf32>
}

// -----

// An expand_shape that splits the innermost dim into runs of 4 is not
// propagated into the generic that produces it: the generic keeps its
// 64-element rows for the vectorizer.
// CHECK-LABEL: func.func @short_innermost_runs_kept
// CHECK: %[[Q:.*]] = linalg.generic {{.*}} outs(%{{.*}} : tensor<8x64xi8>)
// CHECK: tensor.expand_shape %[[Q]] {{\[\[}}0], [1, 2, 3]] output_shape [8, 4, 4, 4]
func.func @short_innermost_runs_kept(%x: tensor<8x64xf32>) -> tensor<8x4x4x4xi8> {
  %e = tensor.empty() : tensor<8x64xi8>
  %q = linalg.generic {indexing_maps = [affine_map<(m, k) -> (m, k)>, affine_map<(m, k) -> (m, k)>], iterator_types = ["parallel", "parallel"]} ins(%x : tensor<8x64xf32>) outs(%e : tensor<8x64xi8>) {
  ^bb0(%v: f32, %o: i8):
    %r = arith.fptosi %v : f32 to i8
    linalg.yield %r : i8
  } -> tensor<8x64xi8>
  %blocks = tensor.expand_shape %q [[0], [1, 2, 3]] output_shape [8, 4, 4, 4] : tensor<8x64xi8> into tensor<8x4x4x4xi8>
  return %blocks : tensor<8x4x4x4xi8>
}

// -----

// Runs of 16 or more are propagated as before: the generic produces the
// expanded shape directly.
// CHECK-LABEL: func.func @long_innermost_runs_propagated
// CHECK-NOT: tensor.expand_shape %{{.*}} : tensor<8x64xi8>
// CHECK: linalg.generic {{.*}} outs(%{{.*}} : tensor<8x4x16xi8>)
func.func @long_innermost_runs_propagated(%x: tensor<8x64xf32>) -> tensor<8x4x16xi8> {
  %e = tensor.empty() : tensor<8x64xi8>
  %q = linalg.generic {indexing_maps = [affine_map<(m, k) -> (m, k)>, affine_map<(m, k) -> (m, k)>], iterator_types = ["parallel", "parallel"]} ins(%x : tensor<8x64xf32>) outs(%e : tensor<8x64xi8>) {
  ^bb0(%v: f32, %o: i8):
    %r = arith.fptosi %v : f32 to i8
    linalg.yield %r : i8
  } -> tensor<8x64xi8>
  %blocks = tensor.expand_shape %q [[0], [1, 2]] output_shape [8, 4, 16] : tensor<8x64xi8> into tensor<8x4x16xi8>
  return %blocks : tensor<8x4x16xi8>
}

// -----

// A transposed weight read by a matmul with transposed-rhs maps (how
// yat.product lowers) and by a row-norm loop over tiles: the matmul reads
// the weight itself with the plain matmul maps, the tiles slice the weight
// and sum its columns in memory order, and no transposed copy is left.
// CHECK-DAG: #[[$IN_ORDER:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[$COLUMN:.*]] = affine_map<(d0, d1) -> (d1)>
// CHECK-LABEL: func.func @transpose_into_readers
// CHECK-SAME: (%[[X:.*]]: tensor<8x16xf32>, %[[W:.*]]: tensor<16x32xf32>)
// CHECK-NOT: linalg.transpose
// CHECK: scf.forall (%[[TILE:.*]]) = (0) to (32) step (8)
// CHECK: %[[COLUMNS:.*]] = tensor.extract_slice %[[W]][0, %[[TILE]]] [16, 8] [1, 1]
// CHECK: linalg.generic {indexing_maps = [#[[$IN_ORDER]], #[[$COLUMN]]], iterator_types = ["reduction", "parallel"]} ins(%[[COLUMNS]] : tensor<16x8xf32>)
// CHECK: linalg.matmul ins(%[[X]], %[[W]] : tensor<8x16xf32>, tensor<16x32xf32>)
// CHECK-NOT: linalg.transpose
func.func @transpose_into_readers(%x: tensor<8x16xf32>, %w: tensor<16x32xf32>) -> (tensor<8x32xf32>, tensor<32xf32>) {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<32x16xf32>
  %wt = linalg.transpose ins(%w : tensor<16x32xf32>) outs(%e : tensor<32x16xf32>) permutation = [1, 0]
  %norms_init = tensor.empty() : tensor<32xf32>
  %norms = scf.forall (%i) = (0) to (32) step (8) shared_outs(%out = %norms_init) -> (tensor<32xf32>) {
    %rows = tensor.extract_slice %wt[%i, 0] [8, 16] [1, 1] : tensor<32x16xf32> to tensor<8x16xf32>
    %t = tensor.empty() : tensor<8xf32>
    %f = linalg.fill ins(%zero : f32) outs(%t : tensor<8xf32>) -> tensor<8xf32>
    %s = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0)>], iterator_types = ["parallel", "reduction"]} ins(%rows : tensor<8x16xf32>) outs(%f : tensor<8xf32>) {
    ^bb0(%v: f32, %acc: f32):
      %sq = arith.mulf %v, %v : f32
      %r = arith.addf %acc, %sq : f32
      linalg.yield %r : f32
    } -> tensor<8xf32>
    scf.forall.in_parallel {
      tensor.parallel_insert_slice %s into %out[%i] [8] [1] : tensor<8xf32> into tensor<32xf32>
    }
  }
  %me = tensor.empty() : tensor<8x32xf32>
  %mf = linalg.fill ins(%zero : f32) outs(%me : tensor<8x32xf32>) -> tensor<8x32xf32>
  %y = linalg.matmul indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d2)>, affine_map<(d0, d1, d2) -> (d1, d2)>, affine_map<(d0, d1, d2) -> (d0, d1)>] ins(%x, %wt : tensor<8x16xf32>, tensor<32x16xf32>) outs(%mf : tensor<8x32xf32>) -> tensor<8x32xf32>
  return %y, %norms : tensor<8x32xf32>, tensor<32xf32>
}

// -----

#id = affine_map<(d0, d1) -> (d0, d1)>

// An elementwise reader with other inputs keeps its loop order and reads the
// transpose's input through the swapped map.
// CHECK-DAG: #[[$SWAPPED:.*]] = affine_map<(d0, d1) -> (d1, d0)>
// CHECK-DAG: #[[$SAME:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-LABEL: func.func @transpose_into_elementwise
// CHECK-SAME: (%[[A:.*]]: tensor<4x8xf32>, %[[B:.*]]: tensor<8x4xf32>)
// CHECK-NOT: linalg.transpose
// CHECK: linalg.generic {indexing_maps = [#[[$SWAPPED]], #[[$SAME]], #[[$SAME]]], iterator_types = ["parallel", "parallel"]} ins(%[[A]], %[[B]] : tensor<4x8xf32>, tensor<8x4xf32>)
// A reader of the transpose alone walks the input in memory order and
// writes through the swapped map.
// CHECK: linalg.generic {indexing_maps = [#[[$SAME]], #[[$SWAPPED]]], iterator_types = ["parallel", "parallel"]} ins(%[[A]] : tensor<4x8xf32>)
func.func @transpose_into_elementwise(%a: tensor<4x8xf32>, %b: tensor<8x4xf32>) -> (tensor<8x4xf32>, tensor<8x4xf32>) {
  %e = tensor.empty() : tensor<8x4xf32>
  %at = linalg.transpose ins(%a : tensor<4x8xf32>) outs(%e : tensor<8x4xf32>) permutation = [1, 0]
  %sum = linalg.generic {indexing_maps = [#id, #id, #id], iterator_types = ["parallel", "parallel"]} ins(%at, %b : tensor<8x4xf32>, tensor<8x4xf32>) outs(%e : tensor<8x4xf32>) {
  ^bb0(%x: f32, %y: f32, %o: f32):
    %r = arith.addf %x, %y : f32
    linalg.yield %r : f32
  } -> tensor<8x4xf32>
  %neg = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel"]} ins(%at : tensor<8x4xf32>) outs(%e : tensor<8x4xf32>) {
  ^bb0(%x: f32, %o: f32):
    %r = arith.negf %x : f32
    linalg.yield %r : f32
  } -> tensor<8x4xf32>
  return %sum, %neg : tensor<8x4xf32>, tensor<8x4xf32>
}
