// RUN: yat-run %s
// dense_resource constants (with their blob) lower and run; zero-size
// tensors pass through the checks.
func.func @main() -> tensor<2xf32> {
  %0 = stablehlo.constant dense_resource<weights> : tensor<2xf32>
  %1 = stablehlo.add %0, %0 : tensor<2xf32>
  %e = stablehlo.constant dense<[2.0, 4.0]> : tensor<2xf32>
  stablehlo.custom_call @check.expect_eq(%1, %e) {has_side_effect = true} : (tensor<2xf32>, tensor<2xf32>) -> ()
  %z = stablehlo.constant dense<> : tensor<2x0x3xf32>
  %zz = stablehlo.negate %z : tensor<2x0x3xf32>
  stablehlo.custom_call @check.expect_eq(%zz, %z) {has_side_effect = true} : (tensor<2x0x3xf32>, tensor<2x0x3xf32>) -> ()
  return %1 : tensor<2xf32>
}
{-#
  dialect_resources: {
    builtin: {
      weights: "0x040000000000803F00000040"
    }
  }
#-}
