// RUN: yat-run %s
// Float semantics of StableHLO (NaN, signed zeros, rounding, accurate
// expm1/log1p), checked by the module itself.
func.func @main() {
  %nan_a = stablehlo.constant dense<[0x7FC00000, 1.0, 0x7FC00000]> : tensor<3xf32>
  %nan_b = stablehlo.constant dense<[1.0, 0x7FC00000, 0x7FC00000]> : tensor<3xf32>
  %all_false = stablehlo.constant dense<false> : tensor<3xi1>
  %all_true = stablehlo.constant dense<true> : tensor<3xi1>
  // Ordered comparisons with NaN are false, NE is true.
  %lt = stablehlo.compare LT, %nan_a, %nan_b, FLOAT : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xi1>
  stablehlo.custom_call @check.expect_eq(%lt, %all_false) {has_side_effect = true} : (tensor<3xi1>, tensor<3xi1>) -> ()
  %eq = stablehlo.compare EQ, %nan_a, %nan_b, FLOAT : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xi1>
  stablehlo.custom_call @check.expect_eq(%eq, %all_false) {has_side_effect = true} : (tensor<3xi1>, tensor<3xi1>) -> ()
  %ne = stablehlo.compare NE, %nan_a, %nan_b, FLOAT : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xi1>
  stablehlo.custom_call @check.expect_eq(%ne, %all_true) {has_side_effect = true} : (tensor<3xi1>, tensor<3xi1>) -> ()

  // Total order: -0 < +0, -NaN < -inf, 1 < +NaN.
  %t_a = stablehlo.constant dense<[-0.0, 0xFFC00000, 1.0]> : tensor<3xf32>
  %t_b = stablehlo.constant dense<[0.0, 0xFF800000, 0x7FC00000]> : tensor<3xf32>
  %total = stablehlo.compare LT, %t_a, %t_b, TOTALORDER : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xi1>
  stablehlo.custom_call @check.expect_eq(%total, %all_true) {has_side_effect = true} : (tensor<3xi1>, tensor<3xi1>) -> ()

  // maximum propagates NaN.
  %m_a = stablehlo.constant dense<[0x7FC00000, 1.0, -1.0]> : tensor<3xf32>
  %m_b = stablehlo.constant dense<[1.0, 2.0, 0x7FC00000]> : tensor<3xf32>
  %max = stablehlo.maximum %m_a, %m_b : tensor<3xf32>
  %max_expected = stablehlo.constant dense<[0x7FC00000, 2.0, 0x7FC00000]> : tensor<3xf32>
  stablehlo.custom_call @check.expect_eq(%max, %max_expected) {has_side_effect = true} : (tensor<3xf32>, tensor<3xf32>) -> ()

  // expm1 and log1p stay accurate near 0.
  %small = stablehlo.constant dense<[1.0e-10, 0.0, 1.0]> : tensor<3xf32>
  %expm1 = stablehlo.exponential_minus_one %small : tensor<3xf32>
  %expm1_expected = stablehlo.constant dense<[1.0e-10, 0.0, 1.71828183]> : tensor<3xf32>
  stablehlo.custom_call @check.expect_close(%expm1, %expm1_expected) {has_side_effect = true} : (tensor<3xf32>, tensor<3xf32>) -> ()
  %log1p = stablehlo.log_plus_one %small : tensor<3xf32>
  %log1p_expected = stablehlo.constant dense<[1.0e-10, 0.0, 0.693147182]> : tensor<3xf32>
  stablehlo.custom_call @check.expect_close(%log1p, %log1p_expected) {has_side_effect = true} : (tensor<3xf32>, tensor<3xf32>) -> ()

  // Rounding: ties away from zero vs ties to even.
  %halves = stablehlo.constant dense<[2.5, -2.5, 0.5, 1.4]> : tensor<4xf64>
  %afz = stablehlo.round_nearest_afz %halves : tensor<4xf64>
  %afz_expected = stablehlo.constant dense<[3.0, -3.0, 1.0, 1.0]> : tensor<4xf64>
  stablehlo.custom_call @check.expect_eq(%afz, %afz_expected) {has_side_effect = true} : (tensor<4xf64>, tensor<4xf64>) -> ()
  %even = stablehlo.round_nearest_even %halves : tensor<4xf64>
  %even_expected = stablehlo.constant dense<[2.0, -2.0, 0.0, 1.0]> : tensor<4xf64>
  stablehlo.custom_call @check.expect_eq(%even, %even_expected) {has_side_effect = true} : (tensor<4xf64>, tensor<4xf64>) -> ()

  // remainder is fmod: the sign of the dividend.
  %num = stablehlo.constant dense<[5.5, -5.5, 5.5]> : tensor<3xf16>
  %den = stablehlo.constant dense<[2.0, 2.0, -2.0]> : tensor<3xf16>
  %rem = stablehlo.remainder %num, %den : tensor<3xf16>
  %rem_expected = stablehlo.constant dense<[1.5, -1.5, 1.5]> : tensor<3xf16>
  stablehlo.custom_call @check.expect_eq(%rem, %rem_expected) {has_side_effect = true} : (tensor<3xf16>, tensor<3xf16>) -> ()

  // sign, logistic and an f16/bf16 transcendental function.
  %sv = stablehlo.constant dense<[-3.0, 0.0, 2.0, 0.0]> : tensor<4xbf16>
  %sign = stablehlo.sign %sv : tensor<4xbf16>
  %sign_expected = stablehlo.constant dense<[-1.0, 0.0, 1.0, 0.0]> : tensor<4xbf16>
  stablehlo.custom_call @check.expect_eq(%sign, %sign_expected) {has_side_effect = true} : (tensor<4xbf16>, tensor<4xbf16>) -> ()
  %zero = stablehlo.constant dense<0.0> : tensor<1xf32>
  %logistic = stablehlo.logistic %zero : tensor<1xf32>
  %half = stablehlo.constant dense<0.5> : tensor<1xf32>
  stablehlo.custom_call @check.expect_close(%logistic, %half) {has_side_effect = true} : (tensor<1xf32>, tensor<1xf32>) -> ()
  %one = stablehlo.constant dense<1.0> : tensor<1xf16>
  %e = stablehlo.exponential %one : tensor<1xf16>
  %e_expected = stablehlo.constant dense<2.71875> : tensor<1xf16>
  stablehlo.custom_call @check.expect_close(%e, %e_expected) {has_side_effect = true} : (tensor<1xf16>, tensor<1xf16>) -> ()
  return
}
