// Empty tensors through every path: the default pipeline (raising and the
// fused lowering), the plain lowering, and no raising at all. The module
// checks itself: zero-size slices, pads, concatenates, gathers, reductions
// and contractions give the values StableHLO specifies, and yat ops on an
// empty batch give empty results.
// RUN: yat-run %s
// RUN: yat-run %s --pipeline-options=fuse=false
// RUN: yat-run %s --pipeline-options=raise-stablehlo=false
func.func @main() {
  %x = stablehlo.constant dense<[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]> : tensor<2x3xf32>
  %zero = stablehlo.constant dense<0.0> : tensor<f32>
  // An empty slice, [3:3] at the end, then concatenated back: nothing added.
  %none = stablehlo.slice %x [0:2, 3:3] : (tensor<2x3xf32>) -> tensor<2x0xf32>
  %cat = stablehlo.concatenate %none, %x, %none, dim = 1 : (tensor<2x0xf32>, tensor<2x3xf32>, tensor<2x0xf32>) -> tensor<2x3xf32>
  stablehlo.custom_call @check.expect_eq(%cat, %x) {has_side_effect = true} : (tensor<2x3xf32>, tensor<2x3xf32>) -> ()
  // Padding an empty tensor gives only padding; elementwise ops and a
  // transpose on empty tensors give empty tensors.
  %padded = stablehlo.pad %none, %zero, low = [0, 1], high = [0, 1], interior = [0, 0] : (tensor<2x0xf32>, tensor<f32>) -> tensor<2x2xf32>
  %padded_expected = stablehlo.constant dense<0.0> : tensor<2x2xf32>
  stablehlo.custom_call @check.expect_eq(%padded, %padded_expected) {has_side_effect = true} : (tensor<2x2xf32>, tensor<2x2xf32>) -> ()
  %sum_empty = stablehlo.add %none, %none : tensor<2x0xf32>
  %t = stablehlo.transpose %sum_empty, dims = [1, 0] : (tensor<2x0xf32>) -> tensor<0x2xf32>
  %t_expected = stablehlo.constant dense<> : tensor<0x2xf32>
  stablehlo.custom_call @check.expect_eq(%t, %t_expected) {has_side_effect = true} : (tensor<0x2xf32>, tensor<0x2xf32>) -> ()
  // Reducing a zero-size dim gives the init values.
  %sum = stablehlo.reduce(%none init: %zero) applies stablehlo.add across dimensions = [1] : (tensor<2x0xf32>, tensor<f32>) -> tensor<2xf32>
  %sum_expected = stablehlo.constant dense<0.0> : tensor<2xf32>
  stablehlo.custom_call @check.expect_eq(%sum, %sum_expected) {has_side_effect = true} : (tensor<2xf32>, tensor<2xf32>) -> ()
  // A contraction over K = 0 gives zeros.
  %k0 = stablehlo.constant dense<> : tensor<0x4xf32>
  %dot = stablehlo.dot_general %none, %k0, contracting_dims = [1] x [0] : (tensor<2x0xf32>, tensor<0x4xf32>) -> tensor<2x4xf32>
  %dot_expected = stablehlo.constant dense<0.0> : tensor<2x4xf32>
  stablehlo.custom_call @check.expect_eq(%dot, %dot_expected) {has_side_effect = true} : (tensor<2x4xf32>, tensor<2x4xf32>) -> ()
  // A gather of no indices (an empty token batch).
  %table = stablehlo.constant dense<[[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]> : tensor<3x2xf32>
  %ids = stablehlo.constant dense<> : tensor<0x1xi32>
  %rows = "stablehlo.gather"(%table, %ids) <{dimension_numbers = #stablehlo.gather<offset_dims = [1], collapsed_slice_dims = [0], start_index_map = [0], index_vector_dim = 1>, slice_sizes = array<i64: 1, 2>}> : (tensor<3x2xf32>, tensor<0x1xi32>) -> tensor<0x2xf32>
  %rows_expected = stablehlo.constant dense<> : tensor<0x2xf32>
  stablehlo.custom_call @check.expect_eq(%rows, %rows_expected) {has_side_effect = true} : (tensor<0x2xf32>, tensor<0x2xf32>) -> ()
  // yat ops on an empty batch.
  %empty_batch = stablehlo.constant dense<> : tensor<0x3xf32>
  %w = stablehlo.constant dense<[[1.0, 0.0, 1.0], [0.5, 0.5, 0.5]]> : tensor<2x3xf32>
  %y = yat.product %empty_batch, %w : (tensor<0x3xf32>, tensor<2x3xf32>) -> tensor<0x2xf32>
  stablehlo.custom_call @check.expect_eq(%y, %rows_expected) {has_side_effect = true} : (tensor<0x2xf32>, tensor<0x2xf32>) -> ()
  %scale = stablehlo.constant dense<1.0> : tensor<3xf32>
  %n = yat.rms_norm %empty_batch, %scale : (tensor<0x3xf32>, tensor<3xf32>) -> tensor<0x3xf32>
  stablehlo.custom_call @check.expect_eq(%n, %empty_batch) {has_side_effect = true} : (tensor<0x3xf32>, tensor<0x3xf32>) -> ()
  return
}
