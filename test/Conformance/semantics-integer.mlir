// RUN: yat-run %s
// Integer edge cases of StableHLO (XLA's definitions where C leaves them
// undefined), checked by the module itself: yat-run exits 1 on a mismatch.
func.func @main() {
  %a = stablehlo.constant dense<[7, -7, 5, -2147483648, 3]> : tensor<5xi32>
  %b = stablehlo.constant dense<[2, 2, 0, -1, -1]> : tensor<5xi32>
  // x / 0 = -1, INT_MIN / -1 = INT_MIN, truncation toward zero.
  %q = stablehlo.divide %a, %b : tensor<5xi32>
  %q_expected = stablehlo.constant dense<[3, -3, -1, -2147483648, -3]> : tensor<5xi32>
  stablehlo.custom_call @check.expect_eq(%q, %q_expected) {has_side_effect = true} : (tensor<5xi32>, tensor<5xi32>) -> ()
  // x % 0 = x, INT_MIN % -1 = 0, sign of the dividend.
  %r = stablehlo.remainder %a, %b : tensor<5xi32>
  %r_expected = stablehlo.constant dense<[1, -1, 5, 0, 0]> : tensor<5xi32>
  stablehlo.custom_call @check.expect_eq(%r, %r_expected) {has_side_effect = true} : (tensor<5xi32>, tensor<5xi32>) -> ()

  // Integer power, including negative exponents.
  %base = stablehlo.constant dense<[2, -1, -1, 2, 1, 3, 0]> : tensor<7xi32>
  %exp = stablehlo.constant dense<[10, 3, -3, -1, -5, 0, 0]> : tensor<7xi32>
  %p = stablehlo.power %base, %exp : tensor<7xi32>
  %p_expected = stablehlo.constant dense<[1024, -1, -1, 0, 1, 1, 1]> : tensor<7xi32>
  stablehlo.custom_call @check.expect_eq(%p, %p_expected) {has_side_effect = true} : (tensor<7xi32>, tensor<7xi32>) -> ()

  // float -> int truncates, saturates and maps NaN to 0.
  %f = stablehlo.constant dense<[1.9, -1.9, 3.0e2, -3.0e2, 0x7FC00000, 127.5, -128.5]> : tensor<7xf32>
  %i8 = stablehlo.convert %f : (tensor<7xf32>) -> tensor<7xi8>
  %i8_expected = stablehlo.constant dense<[1, -1, 127, -128, 0, 127, -128]> : tensor<7xi8>
  stablehlo.custom_call @check.expect_eq(%i8, %i8_expected) {has_side_effect = true} : (tensor<7xi8>, tensor<7xi8>) -> ()

  // abs wraps at INT_MIN; sign is -1, 0 or 1.
  %s = stablehlo.constant dense<[-128, -5, 0, 7]> : tensor<4xi8>
  %abs = stablehlo.abs %s : tensor<4xi8>
  %abs_expected = stablehlo.constant dense<[-128, 5, 0, 7]> : tensor<4xi8>
  stablehlo.custom_call @check.expect_eq(%abs, %abs_expected) {has_side_effect = true} : (tensor<4xi8>, tensor<4xi8>) -> ()
  %sign = stablehlo.sign %s : tensor<4xi8>
  %sign_expected = stablehlo.constant dense<[-1, -1, 0, 1]> : tensor<4xi8>
  stablehlo.custom_call @check.expect_eq(%sign, %sign_expected) {has_side_effect = true} : (tensor<4xi8>, tensor<4xi8>) -> ()

  // int -> bool is x != 0; bool -> number is 0 or 1.
  %n = stablehlo.constant dense<[0, 2, -1]> : tensor<3xi32>
  %bools = stablehlo.convert %n : (tensor<3xi32>) -> tensor<3xi1>
  %bools_expected = stablehlo.constant dense<[false, true, true]> : tensor<3xi1>
  stablehlo.custom_call @check.expect_eq(%bools, %bools_expected) {has_side_effect = true} : (tensor<3xi1>, tensor<3xi1>) -> ()
  %back = stablehlo.convert %bools : (tensor<3xi1>) -> tensor<3xi16>
  %back_expected = stablehlo.constant dense<[0, 1, 1]> : tensor<3xi16>
  stablehlo.custom_call @check.expect_eq(%back, %back_expected) {has_side_effect = true} : (tensor<3xi16>, tensor<3xi16>) -> ()

  // Comparisons: signed, and unsigned on booleans (false < true).
  %lt = stablehlo.compare LT, %n, %n, SIGNED : (tensor<3xi32>, tensor<3xi32>) -> tensor<3xi1>
  %none = stablehlo.constant dense<false> : tensor<3xi1>
  stablehlo.custom_call @check.expect_eq(%lt, %none) {has_side_effect = true} : (tensor<3xi1>, tensor<3xi1>) -> ()
  %bgt = stablehlo.compare GT, %bools, %bools_expected, UNSIGNED : (tensor<3xi1>, tensor<3xi1>) -> tensor<3xi1>
  stablehlo.custom_call @check.eq(%bgt, %none) : (tensor<3xi1>, tensor<3xi1>) -> tensor<i1>
  return
}
