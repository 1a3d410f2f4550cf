// RUN: yat-opt %s -split-input-file -convert-stablehlo-to-linalg | FileCheck %s

// A batched matmul of f16 is a linalg.batch_matmul accumulating in f32,
// rounded once at the end.
// CHECK-LABEL: func.func @batch_matmul_f16
// CHECK-SAME: (%[[A:.*]]: tensor<2x3x4xf16>, %[[B:.*]]: tensor<2x4x5xf16>)
// CHECK: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK: %[[E:.*]] = tensor.empty() : tensor<2x3x5xf32>
// CHECK: %[[ACC:.*]] = linalg.fill ins(%[[ZERO]] : f32) outs(%[[E]] : tensor<2x3x5xf32>)
// CHECK: %[[SUM:.*]] = linalg.batch_matmul ins(%[[A]], %[[B]] : tensor<2x3x4xf16>, tensor<2x4x5xf16>) outs(%[[ACC]] : tensor<2x3x5xf32>)
// CHECK: linalg.generic
// CHECK-SAME: ins(%[[SUM]] : tensor<2x3x5xf32>)
// CHECK: arith.truncf %{{.*}} : f32 to f16
func.func @batch_matmul_f16(%a: tensor<2x3x4xf16>, %b: tensor<2x4x5xf16>) -> tensor<2x3x5xf16> {
  %0 = stablehlo.dot_general %a, %b, batching_dims = [0] x [0], contracting_dims = [2] x [1] : (tensor<2x3x4xf16>, tensor<2x4x5xf16>) -> tensor<2x3x5xf16>
  return %0 : tensor<2x3x5xf16>
}

// -----

// Attention scores as JAX exports them (bqhd,bkhd->bhqk): both operands are
// transposed to (batch, heads, rows, depth), the two batch dims collapse
// into one, the keys keep their (N, K) layout, and the result is expanded
// back to four dims.
// CHECK-DAG: #[[$BMK:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d3)>
// CHECK-DAG: #[[$BNK:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d2, d3)>
// CHECK-DAG: #[[$BMN:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>
// CHECK-LABEL: func.func @attention_scores
// CHECK-SAME: (%[[Q:.*]]: tensor<2x7x3x16xf32>, %[[K:.*]]: tensor<2x9x3x16xf32>)
// CHECK: %[[QT:.*]] = linalg.transpose ins(%[[Q]] : tensor<2x7x3x16xf32>) outs(%{{.*}} : tensor<2x3x7x16xf32>) permutation = [0, 2, 1, 3]
// CHECK: %[[QM:.*]] = tensor.collapse_shape %[[QT]] {{\[}}[0, 1], [2], [3]] : tensor<2x3x7x16xf32> into tensor<6x7x16xf32>
// CHECK: %[[KT:.*]] = linalg.transpose ins(%[[K]] : tensor<2x9x3x16xf32>) outs(%{{.*}} : tensor<2x3x9x16xf32>) permutation = [0, 2, 1, 3]
// CHECK: %[[KM:.*]] = tensor.collapse_shape %[[KT]] {{\[}}[0, 1], [2], [3]] : tensor<2x3x9x16xf32> into tensor<6x9x16xf32>
// CHECK: %[[INIT:.*]] = linalg.fill
// CHECK: %[[S:.*]] = linalg.batch_matmul indexing_maps = [#[[$BMK]], #[[$BNK]], #[[$BMN]]] ins(%[[QM]], %[[KM]] : tensor<6x7x16xf32>, tensor<6x9x16xf32>) outs(%[[INIT]] : tensor<6x7x9xf32>)
// CHECK: %[[R:.*]] = tensor.expand_shape %[[S]] {{\[}}[0, 1], [2], [3]] output_shape [2, 3, 7, 9]
// CHECK: return %[[R]]
func.func @attention_scores(%q: tensor<2x7x3x16xf32>, %k: tensor<2x9x3x16xf32>) -> tensor<2x3x7x9xf32> {
  %0 = stablehlo.dot_general %q, %k, batching_dims = [0, 2] x [0, 2], contracting_dims = [3] x [3] : (tensor<2x7x3x16xf32>, tensor<2x9x3x16xf32>) -> tensor<2x3x7x9xf32>
  return %0 : tensor<2x3x7x9xf32>
}

// -----

// Two contracting dims and two free dims per side collapse into one each;
// an f32 left operand contracted on its leading dim is transposed first.
// CHECK-LABEL: func.func @multi_dim
// CHECK-SAME: (%[[A:.*]]: tensor<3x5x2x4xf32>, %[[B:.*]]: tensor<5x6x4x7xf32>)
// CHECK: %[[AT:.*]] = linalg.transpose ins(%[[A]] : tensor<3x5x2x4xf32>) outs(%{{.*}} : tensor<3x2x5x4xf32>) permutation = [0, 2, 1, 3]
// CHECK: %[[AM:.*]] = tensor.collapse_shape %[[AT]] {{\[}}[0, 1], [2, 3]] : tensor<3x2x5x4xf32> into tensor<6x20xf32>
// CHECK: %[[BT:.*]] = linalg.transpose ins(%[[B]] : tensor<5x6x4x7xf32>) outs(%{{.*}} : tensor<5x4x6x7xf32>) permutation = [0, 2, 1, 3]
// CHECK: %[[BM:.*]] = tensor.collapse_shape %[[BT]] {{\[}}[0, 1], [2, 3]] : tensor<5x4x6x7xf32> into tensor<20x42xf32>
// CHECK: %[[P:.*]] = linalg.matmul ins(%[[AM]], %[[BM]] : tensor<6x20xf32>, tensor<20x42xf32>)
// CHECK: tensor.expand_shape %[[P]] {{\[}}[0, 1], [2, 3]] output_shape [3, 2, 6, 7]
func.func @multi_dim(%a: tensor<3x5x2x4xf32>, %b: tensor<5x6x4x7xf32>) -> tensor<3x2x6x7xf32> {
  %0 = stablehlo.dot_general %a, %b, contracting_dims = [1, 3] x [0, 2] : (tensor<3x5x2x4xf32>, tensor<5x6x4x7xf32>) -> tensor<3x2x6x7xf32>
  return %0 : tensor<3x2x6x7xf32>
}

// -----

// i8 operands accumulate in the i32 result type.
// CHECK-LABEL: func.func @matvec_i8
// CHECK: %[[ZERO:.*]] = arith.constant 0 : i32
// CHECK: linalg.generic
// CHECK-SAME: iterator_types = ["parallel", "reduction"]
// CHECK: ^bb0(%[[X:.*]]: i8, %[[Y:.*]]: i8, %[[O:.*]]: i32):
// CHECK-NEXT: %[[XW:.*]] = arith.extsi %[[X]] : i8 to i32
// CHECK-NEXT: %[[YW:.*]] = arith.extsi %[[Y]] : i8 to i32
// CHECK-NEXT: %[[P:.*]] = arith.muli %[[XW]], %[[YW]] : i32
// CHECK-NEXT: arith.addi %[[O]], %[[P]] : i32
// CHECK-NOT: linalg.generic
func.func @matvec_i8(%m: tensor<3x4xi8>, %n: tensor<4xi8>) -> tensor<3xi32> {
  %0 = stablehlo.dot_general %m, %n, contracting_dims = [1] x [0] : (tensor<3x4xi8>, tensor<4xi8>) -> tensor<3xi32>
  return %0 : tensor<3xi32>
}

// -----

// f64 accumulates in f64, which the matrix kernels do not: contracting the
// leading dimension of both operands (x^T y) stays one generic contraction.
// CHECK-DAG: #[[LHS:.*]] = affine_map<(d0, d1, d2) -> (d2, d0)>
// CHECK-DAG: #[[RHS:.*]] = affine_map<(d0, d1, d2) -> (d2, d1)>
// CHECK-DAG: #[[OUT:.*]] = affine_map<(d0, d1, d2) -> (d0, d1)>
// CHECK-LABEL: func.func @transposed_lhs
// CHECK: linalg.generic {indexing_maps = [#[[LHS]], #[[RHS]], #[[OUT]]], iterator_types = ["parallel", "parallel", "reduction"]}
func.func @transposed_lhs(%a: tensor<4x3xf64>, %b: tensor<4x5xf64>) -> tensor<3x5xf64> {
  %0 = stablehlo.dot_general %a, %b, contracting_dims = [0] x [0] : (tensor<4x3xf64>, tensor<4x5xf64>) -> tensor<3x5xf64>
  return %0 : tensor<3x5xf64>
}

// -----

// An f32 x @ w is a linalg.matmul on a zero-filled init; x @ w^T (the
// layout of JAX's dense layers with transposed kernels) keeps its maps on
// the linalg.matmul.
// CHECK-DAG: #[[$MK:.*]] = affine_map<(d0, d1, d2) -> (d0, d2)>
// CHECK-DAG: #[[$NK:.*]] = affine_map<(d0, d1, d2) -> (d1, d2)>
// CHECK-DAG: #[[$MN:.*]] = affine_map<(d0, d1, d2) -> (d0, d1)>
// CHECK-LABEL: func.func @matmul_f32
// CHECK-SAME: (%[[X:.*]]: tensor<8x16xf32>, %[[W:.*]]: tensor<16x4xf32>, %[[WT:.*]]: tensor<4x16xf32>)
// CHECK: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK: %[[INIT:.*]] = linalg.fill ins(%[[ZERO]] : f32) outs(%{{.*}} : tensor<8x4xf32>)
// CHECK: %[[PLAIN:.*]] = linalg.matmul ins(%[[X]], %[[W]] : tensor<8x16xf32>, tensor<16x4xf32>) outs(%[[INIT]] : tensor<8x4xf32>)
// CHECK: %[[TRANSPOSED:.*]] = linalg.matmul indexing_maps = [#[[$MK]], #[[$NK]], #[[$MN]]] ins(%[[X]], %[[WT]] : tensor<8x16xf32>, tensor<4x16xf32>)
// CHECK: return %[[PLAIN]], %[[TRANSPOSED]]
func.func @matmul_f32(%x: tensor<8x16xf32>, %w: tensor<16x4xf32>, %wt: tensor<4x16xf32>) -> (tensor<8x4xf32>, tensor<8x4xf32>) {
  %0 = stablehlo.dot_general %x, %w, contracting_dims = [1] x [0] : (tensor<8x16xf32>, tensor<16x4xf32>) -> tensor<8x4xf32>
  %1 = stablehlo.dot_general %x, %wt, contracting_dims = [1] x [1] : (tensor<8x16xf32>, tensor<4x16xf32>) -> tensor<8x4xf32>
  return %0, %1 : tensor<8x4xf32>, tensor<8x4xf32>
}
