// RUN: not yat-run %s 2>&1 | FileCheck %s
// expect_close on a value computed through a reassociating op (here a
// dot_general with the identity) accepts an error up to 1e-5 of the
// expected tensor's largest magnitude, not only of the element's own; the
// same values without such an op, or a larger error, fail. The first
// failure reported is the second check (so the first passed), and one more
// (the third) failed.
// CHECK: error: check.expect_close at {{.*}}check-tolerances.mlir:[[# @LINE + 12]]:3 failed: element [1]: got 0.00100000005, expected 0.200000003 {{.*}} (1 more check(s) failed)
func.func @main() {
  %identity = stablehlo.constant dense<[[1.0, 0.0], [0.0, 1.0]]> : tensor<2x2xf32>
  %x = stablehlo.constant dense<[1000.0, 0.001]> : tensor<2xf32>
  %product = stablehlo.dot_general %identity, %x, contracting_dims = [1] x [0] : (tensor<2x2xf32>, tensor<2xf32>) -> tensor<2xf32>
  // Off by 0.001 <= 1e-5 * 1000: passes.
  %near = stablehlo.constant dense<[1000.0, 0.002]> : tensor<2xf32>
  // Off by 0.199 > 1e-5 * 1000: fails.
  %far = stablehlo.constant dense<[1000.0, 0.2]> : tensor<2xf32>
  // The pass and the first failure; then the same error on %x itself,
  // which no reassociating op computed: fails.
  stablehlo.custom_call @check.expect_close(%product, %near) {has_side_effect = true} : (tensor<2xf32>, tensor<2xf32>) -> ()
  stablehlo.custom_call @check.expect_close(%product, %far) {has_side_effect = true} : (tensor<2xf32>, tensor<2xf32>) -> ()
  stablehlo.custom_call @check.expect_close(%x, %near) {has_side_effect = true} : (tensor<2xf32>, tensor<2xf32>) -> ()
  return
}
