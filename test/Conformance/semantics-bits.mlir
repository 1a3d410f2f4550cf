// RUN: yat-run %s
// Shifts, popcnt, bitcast_convert, reduce_precision, is_finite, cbrt and
// atan2 on hand-computed cases, checked by the module itself.
func.func @main() {
  // Shift amounts are read as unsigned: 8 and more (and -1) shift
  // everything out; an arithmetic right shift then leaves the sign bits.
  %x = stablehlo.constant dense<[-128, 65, 3, -2, 7]> : tensor<5xi8>
  %n = stablehlo.constant dense<[1, 2, 8, -1, 0]> : tensor<5xi8>
  %shl = stablehlo.shift_left %x, %n : tensor<5xi8>
  %shl_expected = stablehlo.constant dense<[0, 4, 0, 0, 7]> : tensor<5xi8>
  stablehlo.custom_call @check.expect_eq(%shl, %shl_expected) {has_side_effect = true} : (tensor<5xi8>, tensor<5xi8>) -> ()
  %srl = stablehlo.shift_right_logical %x, %n : tensor<5xi8>
  %srl_expected = stablehlo.constant dense<[64, 16, 0, 0, 7]> : tensor<5xi8>
  stablehlo.custom_call @check.expect_eq(%srl, %srl_expected) {has_side_effect = true} : (tensor<5xi8>, tensor<5xi8>) -> ()
  %sra = stablehlo.shift_right_arithmetic %x, %n : tensor<5xi8>
  %sra_expected = stablehlo.constant dense<[-64, 16, 0, -1, 7]> : tensor<5xi8>
  stablehlo.custom_call @check.expect_eq(%sra, %sra_expected) {has_side_effect = true} : (tensor<5xi8>, tensor<5xi8>) -> ()
  %pop = stablehlo.popcnt %x : tensor<5xi8>
  %pop_expected = stablehlo.constant dense<[1, 2, 2, 7, 3]> : tensor<5xi8>
  stablehlo.custom_call @check.expect_eq(%pop, %pop_expected) {has_side_effect = true} : (tensor<5xi8>, tensor<5xi8>) -> ()

  // bitcast_convert: f32 1.0 is 0x3F800000; split into ui16 halves, low
  // half first, and joined back.
  %one = stablehlo.constant dense<[1.0, -2.0]> : tensor<2xf32>
  %bits = stablehlo.bitcast_convert %one : (tensor<2xf32>) -> tensor<2xi32>
  %bits_expected = stablehlo.constant dense<[1065353216, -1073741824]> : tensor<2xi32>
  stablehlo.custom_call @check.expect_eq(%bits, %bits_expected) {has_side_effect = true} : (tensor<2xi32>, tensor<2xi32>) -> ()
  %halves = stablehlo.bitcast_convert %one : (tensor<2xf32>) -> tensor<2x2xui16>
  %halves_expected = stablehlo.constant dense<[[0, 16256], [0, 49152]]> : tensor<2x2xui16>
  stablehlo.custom_call @check.expect_eq(%halves, %halves_expected) {has_side_effect = true} : (tensor<2x2xui16>, tensor<2x2xui16>) -> ()
  %joined = stablehlo.bitcast_convert %halves : (tensor<2x2xui16>) -> tensor<2xf32>
  stablehlo.custom_call @check.expect_eq(%joined, %one) {has_side_effect = true} : (tensor<2xf32>, tensor<2xf32>) -> ()

  // reduce_precision to f16's format: 1 + 2^-10 + 2^-11 lies halfway
  // between 1 + 2^-10 and 1 + 2^-9 and goes to the even one, 1 + 2^-9;
  // 65520 overflows to inf, 1e-8 is below f16's normals and becomes 0,
  // -3.0 is exact, NaN stays NaN.
  %p = stablehlo.constant dense<[1.00146484375, 65520.0, 1.0e-8, -3.0, 0x7FC00000]> : tensor<5xf32>
  %rp = stablehlo.reduce_precision %p, format = e5m10 : tensor<5xf32>
  %rp_expected = stablehlo.constant dense<[1.001953125, 0x7F800000, 0.0, -3.0, 0x7FC00000]> : tensor<5xf32>
  stablehlo.custom_call @check.expect_eq(%rp, %rp_expected) {has_side_effect = true} : (tensor<5xf32>, tensor<5xf32>) -> ()

  %f = stablehlo.constant dense<[1.0, 0x7F800000, 0xFF800000, 0x7FC00000]> : tensor<4xf32>
  %finite = stablehlo.is_finite %f : (tensor<4xf32>) -> tensor<4xi1>
  %finite_expected = stablehlo.constant dense<[true, false, false, false]> : tensor<4xi1>
  stablehlo.custom_call @check.expect_eq(%finite, %finite_expected) {has_side_effect = true} : (tensor<4xi1>, tensor<4xi1>) -> ()

  %c = stablehlo.constant dense<[27.0, -8.0, 2.0]> : tensor<3xf32>
  %cbrt = stablehlo.cbrt %c : tensor<3xf32>
  %cbrt_expected = stablehlo.constant dense<[3.0, -2.0, 1.25992105]> : tensor<3xf32>
  stablehlo.custom_call @check.expect_close(%cbrt, %cbrt_expected) {has_side_effect = true} : (tensor<3xf32>, tensor<3xf32>) -> ()
  %y = stablehlo.constant dense<[1.0, 1.0, -1.0]> : tensor<3xf64>
  %xx = stablehlo.constant dense<[1.0, -1.0, 0.0]> : tensor<3xf64>
  %angle = stablehlo.atan2 %y, %xx : tensor<3xf64>
  %angle_expected = stablehlo.constant dense<[0.78539816339744828, 2.3561944901923448, -1.5707963267948966]> : tensor<3xf64>
  stablehlo.custom_call @check.expect_close(%angle, %angle_expected) {has_side_effect = true} : (tensor<3xf64>, tensor<3xf64>) -> ()
  return
}
