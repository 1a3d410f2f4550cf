// RUN: yat-run %s
// Boolean tensors wide enough for the pipeline to consider vector code
// (i1 is a byte per element in memory), checked by the module itself.
func.func @main() {
  %t = stablehlo.constant dense<true> : tensor<4x20xi1>
  %f = stablehlo.constant dense<false> : tensor<4x20xi1>
  %and = stablehlo.and %t, %t : tensor<4x20xi1>
  stablehlo.custom_call @check.expect_eq(%and, %t) {has_side_effect = true} : (tensor<4x20xi1>, tensor<4x20xi1>) -> ()
  %or = stablehlo.or %f, %t : tensor<4x20xi1>
  stablehlo.custom_call @check.expect_eq(%or, %t) {has_side_effect = true} : (tensor<4x20xi1>, tensor<4x20xi1>) -> ()
  %min = stablehlo.minimum %t, %f : tensor<4x20xi1>
  stablehlo.custom_call @check.expect_eq(%min, %f) {has_side_effect = true} : (tensor<4x20xi1>, tensor<4x20xi1>) -> ()
  %iota = stablehlo.iota dim = 1 : tensor<4x20xi32>
  %two = stablehlo.constant dense<2> : tensor<4x20xi32>
  %rem = stablehlo.remainder %iota, %two : tensor<4x20xi32>
  %zero = stablehlo.constant dense<0> : tensor<4x20xi32>
  %even = stablehlo.compare EQ, %rem, %zero, SIGNED : (tensor<4x20xi32>, tensor<4x20xi32>) -> tensor<4x20xi1>
  %odd = stablehlo.not %even : tensor<4x20xi1>
  %xor = stablehlo.xor %even, %odd : tensor<4x20xi1>
  stablehlo.custom_call @check.expect_eq(%xor, %t) {has_side_effect = true} : (tensor<4x20xi1>, tensor<4x20xi1>) -> ()
  %both = stablehlo.and %even, %odd : tensor<4x20xi1>
  stablehlo.custom_call @check.expect_eq(%both, %f) {has_side_effect = true} : (tensor<4x20xi1>, tensor<4x20xi1>) -> ()
  // Hex constants: JAX writes one byte per element (a causal mask here),
  // MLIR one bit per element; both read the same.
  %mask_bytes = stablehlo.constant dense<"0x010000010100010101010101"> : tensor<3x4xi1>
  %mask_bits = stablehlo.constant dense<"0x39"> : tensor<6xi1>
  %mask_expected = stablehlo.constant dense<[[true, false, false, true], [true, false, true, true], [true, true, true, true]]> : tensor<3x4xi1>
  stablehlo.custom_call @check.expect_eq(%mask_bytes, %mask_expected) {has_side_effect = true} : (tensor<3x4xi1>, tensor<3x4xi1>) -> ()
  %bits_expected = stablehlo.constant dense<[true, false, false, true, true, true]> : tensor<6xi1>
  stablehlo.custom_call @check.expect_eq(%mask_bits, %bits_expected) {has_side_effect = true} : (tensor<6xi1>, tensor<6xi1>) -> ()
  return
}
