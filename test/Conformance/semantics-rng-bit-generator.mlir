// RUN: yat-run %s
// rng_bit_generator THREE_FRY against the bits XLA draws for the same state
// (from jax.lax.rng_bit_generator, JAX 0.4 on the CPU): a counter that
// wraps around 2^64, 64-bit elements (one block each), 32-bit elements
// (a block per pair along the first even dimension, else the largest, 0-d
// included) and narrower ones (truncated words), with the new states.
func.func @main() {
  %state = stablehlo.constant dense<[1311768467463790320, 18446744073709551614]> : tensor<2xui64>

  %s64, %b64 = stablehlo.rng_bit_generator %state, algorithm = THREE_FRY : (tensor<2xui64>) -> (tensor<2xui64>, tensor<2x2xui64>)
  %b64_expected = stablehlo.constant dense<[[8112081530999492730, 2445923859953712039], [5540413775124856893, 7268757770303430396]]> : tensor<2x2xui64>
  %s64_expected = stablehlo.constant dense<[1311768467463790320, 2]> : tensor<2xui64>
  stablehlo.custom_call @check.expect_eq(%b64, %b64_expected) {has_side_effect = true} : (tensor<2x2xui64>, tensor<2x2xui64>) -> ()
  stablehlo.custom_call @check.expect_eq(%s64, %s64_expected) {has_side_effect = true} : (tensor<2xui64>, tensor<2xui64>) -> ()

  // Split along dim 1 (3 is odd, 4 even): 6 blocks.
  %s32, %b32 = stablehlo.rng_bit_generator %state, algorithm = THREE_FRY : (tensor<2xui64>) -> (tensor<2xui64>, tensor<3x4xui32>)
  %b32_expected = stablehlo.constant dense<[[1010520186, 1888741164, 2754706343, 569486026], [1593802813, 1289978105, 961273596, 1692389550], [1379882886, 1076419981, 1430061416, 3815015690]]> : tensor<3x4xui32>
  %s32_expected = stablehlo.constant dense<[1311768467463790320, 4]> : tensor<2xui64>
  stablehlo.custom_call @check.expect_eq(%b32, %b32_expected) {has_side_effect = true} : (tensor<3x4xui32>, tensor<3x4xui32>) -> ()
  stablehlo.custom_call @check.expect_eq(%s32, %s32_expected) {has_side_effect = true} : (tensor<2xui64>, tensor<2xui64>) -> ()

  // No even dimension: the largest is halved, rounding up (2 blocks).
  %s_odd, %b_odd = stablehlo.rng_bit_generator %state, algorithm = THREE_FRY : (tensor<2xui64>) -> (tensor<2xui64>, tensor<3xui32>)
  %b_odd_expected = stablehlo.constant dense<[1010520186, 1888741164, 2754706343]> : tensor<3xui32>
  %s_odd_expected = stablehlo.constant dense<[1311768467463790320, 0]> : tensor<2xui64>
  stablehlo.custom_call @check.expect_eq(%b_odd, %b_odd_expected) {has_side_effect = true} : (tensor<3xui32>, tensor<3xui32>) -> ()
  stablehlo.custom_call @check.expect_eq(%s_odd, %s_odd_expected) {has_side_effect = true} : (tensor<2xui64>, tensor<2xui64>) -> ()

  // 0-d: one block, its first word.
  %s0, %b0 = stablehlo.rng_bit_generator %state, algorithm = THREE_FRY : (tensor<2xui64>) -> (tensor<2xui64>, tensor<ui32>)
  %b0_expected = stablehlo.constant dense<1010520186> : tensor<ui32>
  %s0_expected = stablehlo.constant dense<[1311768467463790320, 18446744073709551615]> : tensor<2xui64>
  stablehlo.custom_call @check.expect_eq(%b0, %b0_expected) {has_side_effect = true} : (tensor<ui32>, tensor<ui32>) -> ()
  stablehlo.custom_call @check.expect_eq(%s0, %s0_expected) {has_side_effect = true} : (tensor<2xui64>, tensor<2xui64>) -> ()

  // 8 and 16 bits: the low bits of the 32-bit words.
  %s8, %b8 = stablehlo.rng_bit_generator %state, algorithm = THREE_FRY : (tensor<2xui64>) -> (tensor<2xui64>, tensor<2x3xui8>)
  %b8_expected = stablehlo.constant dense<[[122, 167, 61], [44, 202, 249]]> : tensor<2x3xui8>
  stablehlo.custom_call @check.expect_eq(%b8, %b8_expected) {has_side_effect = true} : (tensor<2x3xui8>, tensor<2x3xui8>) -> ()
  %s16, %b16 = stablehlo.rng_bit_generator %state, algorithm = THREE_FRY : (tensor<2xui64>) -> (tensor<2xui64>, tensor<5xui16>)
  %b16_expected = stablehlo.constant dense<[20602, 59180, 31655, 43722, 32829]> : tensor<5xui16>
  %s16_expected = stablehlo.constant dense<[1311768467463790320, 1]> : tensor<2xui64>
  stablehlo.custom_call @check.expect_eq(%b16, %b16_expected) {has_side_effect = true} : (tensor<5xui16>, tensor<5xui16>) -> ()
  stablehlo.custom_call @check.expect_eq(%s16, %s16_expected) {has_side_effect = true} : (tensor<2xui64>, tensor<2xui64>) -> ()
  return
}
