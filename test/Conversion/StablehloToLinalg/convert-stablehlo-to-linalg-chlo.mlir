// RUN: yat-opt %s -convert-stablehlo-to-linalg | FileCheck %s --implicit-check-not=chlo.square
// RUN: yat-run %s

// chlo.square x lowers as stablehlo.multiply x, x (one linalg.generic
// multiplying x by itself), and yat-run computes x * x for floats and
// integers.
// CHECK-LABEL: func.func @main
// CHECK: %[[X:.*]] = arith.constant dense<{{.*}}> : tensor<2x3xf32>
// CHECK: linalg.generic
// CHECK-SAME: ins(%[[X]], %[[X]] : tensor<2x3xf32>, tensor<2x3xf32>)
// CHECK: ^bb0(%[[A:.*]]: f32, %[[B:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT: arith.mulf %[[A]], %[[B]] : f32
// CHECK: %[[I:.*]] = arith.constant dense<{{.*}}> : tensor<4xi32>
// CHECK: linalg.generic
// CHECK-SAME: ins(%[[I]], %[[I]] : tensor<4xi32>, tensor<4xi32>)
// CHECK: arith.muli
func.func @main() {
  %x = stablehlo.constant dense<[[1.5, -2.0, 0.0], [3.0, -0.25, 1.0e10]]> : tensor<2x3xf32>
  %square = chlo.square %x : tensor<2x3xf32> -> tensor<2x3xf32>
  %expected = stablehlo.constant dense<[[2.25, 4.0, 0.0], [9.0, 0.0625, 1.0e20]]> : tensor<2x3xf32>
  stablehlo.custom_call @check.expect_close(%square, %expected) {has_side_effect = true} : (tensor<2x3xf32>, tensor<2x3xf32>) -> ()
  %i = stablehlo.constant dense<[-3, 0, 7, 46340]> : tensor<4xi32>
  %i_square = chlo.square %i : tensor<4xi32>
  %i_expected = stablehlo.constant dense<[9, 0, 49, 2147395600]> : tensor<4xi32>
  stablehlo.custom_call @check.expect_eq(%i_square, %i_expected) {has_side_effect = true} : (tensor<4xi32>, tensor<4xi32>) -> ()
  return
}
