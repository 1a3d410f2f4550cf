// RUN: yat-run %s
// StableHLO's unsigned integer semantics, checked by the module itself
// against hand-computed values: values at and above 2^(n-1) must not be
// read as negative anywhere.
func.func @main() {
  // Division and remainder, by zero too (x / 0 is all ones, x % 0 is x).
  %a = stablehlo.constant dense<[200, 255, 7, 128]> : tensor<4xui8>
  %b = stablehlo.constant dense<[3, 16, 0, 255]> : tensor<4xui8>
  %div = stablehlo.divide %a, %b : tensor<4xui8>
  %div_expected = stablehlo.constant dense<[66, 15, 255, 0]> : tensor<4xui8>
  stablehlo.custom_call @check.expect_eq(%div, %div_expected) {has_side_effect = true} : (tensor<4xui8>, tensor<4xui8>) -> ()
  %rem = stablehlo.remainder %a, %b : tensor<4xui8>
  %rem_expected = stablehlo.constant dense<[2, 15, 7, 128]> : tensor<4xui8>
  stablehlo.custom_call @check.expect_eq(%rem, %rem_expected) {has_side_effect = true} : (tensor<4xui8>, tensor<4xui8>) -> ()
  // Order: 200 > 3 and 128 < 255.
  %gt = stablehlo.compare GT, %a, %b, UNSIGNED : (tensor<4xui8>, tensor<4xui8>) -> tensor<4xi1>
  %gt_expected = stablehlo.constant dense<[true, true, true, false]> : tensor<4xi1>
  stablehlo.custom_call @check.expect_eq(%gt, %gt_expected) {has_side_effect = true} : (tensor<4xi1>, tensor<4xi1>) -> ()
  %max = stablehlo.maximum %a, %b : tensor<4xui8>
  %max_expected = stablehlo.constant dense<[200, 255, 7, 255]> : tensor<4xui8>
  stablehlo.custom_call @check.expect_eq(%max, %max_expected) {has_side_effect = true} : (tensor<4xui8>, tensor<4xui8>) -> ()
  %lo = stablehlo.constant dense<10> : tensor<ui8>
  %hi = stablehlo.constant dense<150> : tensor<ui8>
  %clamp = stablehlo.clamp %lo, %a, %hi : (tensor<ui8>, tensor<4xui8>, tensor<ui8>) -> tensor<4xui8>
  %clamp_expected = stablehlo.constant dense<[150, 150, 10, 128]> : tensor<4xui8>
  stablehlo.custom_call @check.expect_eq(%clamp, %clamp_expected) {has_side_effect = true} : (tensor<4xui8>, tensor<4xui8>) -> ()
  %abs = stablehlo.abs %a : tensor<4xui8>
  stablehlo.custom_call @check.expect_eq(%abs, %a) {has_side_effect = true} : (tensor<4xui8>, tensor<4xui8>) -> ()
  // Conversions: zero-extension, unsigned to float, float to unsigned with
  // saturation (300 -> 255, -5 -> 0, NaN -> 0).
  %wide = stablehlo.convert %a : (tensor<4xui8>) -> tensor<4xi32>
  %wide_expected = stablehlo.constant dense<[200, 255, 7, 128]> : tensor<4xi32>
  stablehlo.custom_call @check.expect_eq(%wide, %wide_expected) {has_side_effect = true} : (tensor<4xi32>, tensor<4xi32>) -> ()
  %float = stablehlo.convert %a : (tensor<4xui8>) -> tensor<4xf32>
  %float_expected = stablehlo.constant dense<[200.0, 255.0, 7.0, 128.0]> : tensor<4xf32>
  stablehlo.custom_call @check.expect_eq(%float, %float_expected) {has_side_effect = true} : (tensor<4xf32>, tensor<4xf32>) -> ()
  %f = stablehlo.constant dense<[300.0, -5.0, 0x7FC00000, 254.9]> : tensor<4xf32>
  %sat = stablehlo.convert %f : (tensor<4xf32>) -> tensor<4xui8>
  %sat_expected = stablehlo.constant dense<[255, 0, 0, 254]> : tensor<4xui8>
  stablehlo.custom_call @check.expect_eq(%sat, %sat_expected) {has_side_effect = true} : (tensor<4xui8>, tensor<4xui8>) -> ()
  // ui64 past INT64_MAX: 2^63 + 2^63 wraps to 0, 2^64 - 1 converts to f64.
  %big = stablehlo.constant dense<[9223372036854775808, 18446744073709551615]> : tensor<2xui64>
  %sum = stablehlo.add %big, %big : tensor<2xui64>
  %sum_expected = stablehlo.constant dense<[0, 18446744073709551614]> : tensor<2xui64>
  stablehlo.custom_call @check.expect_eq(%sum, %sum_expected) {has_side_effect = true} : (tensor<2xui64>, tensor<2xui64>) -> ()
  %big_f64 = stablehlo.convert %big : (tensor<2xui64>) -> tensor<2xf64>
  %big_f64_expected = stablehlo.constant dense<[9.2233720368547758E+18, 1.8446744073709552E+19]> : tensor<2xf64>
  stablehlo.custom_call @check.expect_eq(%big_f64, %big_f64_expected) {has_side_effect = true} : (tensor<2xf64>, tensor<2xf64>) -> ()
  // A reduction: the unsigned maximum of 1, 255 and 128 is 255.
  %r = stablehlo.constant dense<[1, 255, 128]> : tensor<3xui8>
  %zero = stablehlo.constant dense<0> : tensor<ui8>
  %rmax = stablehlo.reduce(%r init: %zero) applies stablehlo.maximum across dimensions = [0] : (tensor<3xui8>, tensor<ui8>) -> tensor<ui8>
  %rmax_expected = stablehlo.constant dense<255> : tensor<ui8>
  stablehlo.custom_call @check.expect_eq(%rmax, %rmax_expected) {has_side_effect = true} : (tensor<ui8>, tensor<ui8>) -> ()
  // A start index of 4294967295 (not -1) clamps to the last start.
  %x = stablehlo.iota dim = 0 : tensor<8xf32>
  %i = stablehlo.constant dense<4294967295> : tensor<ui32>
  %slice = stablehlo.dynamic_slice %x, %i, sizes = [2] : (tensor<8xf32>, tensor<ui32>) -> tensor<2xf32>
  %slice_expected = stablehlo.constant dense<[6.0, 7.0]> : tensor<2xf32>
  stablehlo.custom_call @check.expect_eq(%slice, %slice_expected) {has_side_effect = true} : (tensor<2xf32>, tensor<2xf32>) -> ()
  // A loop counting a ui32 up to 3000000000 in steps of 1000000000.
  %step = stablehlo.constant dense<1000000000> : tensor<ui32>
  %limit = stablehlo.constant dense<3000000000> : tensor<ui32>
  %start = stablehlo.constant dense<0> : tensor<ui32>
  %count = stablehlo.while(%c = %start) : tensor<ui32>
  cond {
    %lt = stablehlo.compare LT, %c, %limit, UNSIGNED : (tensor<ui32>, tensor<ui32>) -> tensor<i1>
    stablehlo.return %lt : tensor<i1>
  } do {
    %next = stablehlo.add %c, %step : tensor<ui32>
    stablehlo.return %next : tensor<ui32>
  }
  stablehlo.custom_call @check.expect_eq(%count, %limit) {has_side_effect = true} : (tensor<ui32>, tensor<ui32>) -> ()
  return
}
