// RUN: not yat-run %s 2>&1 | FileCheck %s
// A failing check makes yat-run exit 1 and name the check, its location and
// the first mismatch.
// CHECK: yat-run: error: check.expect_eq at {{.*}}check-failure.mlir:[[# @LINE + 6]]:3 failed: element [1]: got 2, expected 3 (1 of 2 elements differ, max error 1)
// CHECK-NOT: error
func.func @main() -> tensor<2xi32> {
  %0 = stablehlo.constant dense<[1, 2]> : tensor<2xi32>
  %1 = stablehlo.constant dense<[1, 3]> : tensor<2xi32>
  %2 = stablehlo.constant dense<[1, 2]> : tensor<2xi32>
  stablehlo.custom_call @check.expect_eq(%0, %1) {has_side_effect = true} : (tensor<2xi32>, tensor<2xi32>) -> ()
  stablehlo.custom_call @check.expect_eq(%0, %2) {has_side_effect = true} : (tensor<2xi32>, tensor<2xi32>) -> ()
  return %0 : tensor<2xi32>
}
