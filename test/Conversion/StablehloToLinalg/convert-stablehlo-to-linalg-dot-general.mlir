// RUN: yat-opt %s -split-input-file -convert-stablehlo-to-linalg | FileCheck %s

// A batched matmul: loops (batch, lhs free, rhs free, contracting); f16
// accumulates in f32 and rounds once at the end.
// CHECK-DAG: #[[LHS:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d3)>
// CHECK-DAG: #[[RHS:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d3, d2)>
// CHECK-DAG: #[[OUT:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>
// CHECK-LABEL: func.func @batch_matmul_f16
// CHECK-SAME: (%[[A:.*]]: tensor<2x3x4xf16>, %[[B:.*]]: tensor<2x4x5xf16>)
// CHECK: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK: %[[E:.*]] = tensor.empty() : tensor<2x3x5xf32>
// CHECK: %[[ACC:.*]] = linalg.fill ins(%[[ZERO]] : f32) outs(%[[E]] : tensor<2x3x5xf32>)
// CHECK: %[[SUM:.*]] = linalg.generic {indexing_maps = [#[[LHS]], #[[RHS]], #[[OUT]]], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%[[A]], %[[B]] : tensor<2x3x4xf16>, tensor<2x4x5xf16>) outs(%[[ACC]] : tensor<2x3x5xf32>)
// CHECK: ^bb0(%[[X:.*]]: f16, %[[Y:.*]]: f16, %[[O:.*]]: f32):
// CHECK-NEXT: %[[XW:.*]] = arith.extf %[[X]] : f16 to f32
// CHECK-NEXT: %[[YW:.*]] = arith.extf %[[Y]] : f16 to f32
// CHECK-NEXT: %[[P:.*]] = arith.mulf %[[XW]], %[[YW]] : f32
// CHECK-NEXT: %[[S:.*]] = arith.addf %[[O]], %[[P]] : f32
// CHECK-NEXT: linalg.yield %[[S]]
// CHECK: linalg.generic
// CHECK-SAME: ins(%[[SUM]] : tensor<2x3x5xf32>)
// CHECK: arith.truncf %{{.*}} : f32 to f16
func.func @batch_matmul_f16(%a: tensor<2x3x4xf16>, %b: tensor<2x4x5xf16>) -> tensor<2x3x5xf16> {
  %0 = stablehlo.dot_general %a, %b, batching_dims = [0] x [0], contracting_dims = [2] x [1] : (tensor<2x3x4xf16>, tensor<2x4x5xf16>) -> tensor<2x3x5xf16>
  return %0 : tensor<2x3x5xf16>
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

// Contracting the leading dimension of both operands (x^T y).
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
