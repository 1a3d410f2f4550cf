// RUN: yat-run %s
// Data movement, contractions and convolutions on small hand-computed
// cases, checked by the module itself.
func.func @main() {
  %x = stablehlo.constant dense<[[1, 2, 3], [4, 5, 6]]> : tensor<2x3xi32>
  %zero = stablehlo.constant dense<0> : tensor<i32>
  // Negative low edge, interior padding between rows.
  %pad = stablehlo.pad %x, %zero, low = [0, -1], high = [1, 2], interior = [1, 0] : (tensor<2x3xi32>, tensor<i32>) -> tensor<4x4xi32>
  %pad_expected = stablehlo.constant dense<[[2, 3, 0, 0], [0, 0, 0, 0], [5, 6, 0, 0], [0, 0, 0, 0]]> : tensor<4x4xi32>
  stablehlo.custom_call @check.expect_eq(%pad, %pad_expected) {has_side_effect = true} : (tensor<4x4xi32>, tensor<4x4xi32>) -> ()
  %slice = stablehlo.slice %x [1:2, 0:3:2] : (tensor<2x3xi32>) -> tensor<1x2xi32>
  %slice_expected = stablehlo.constant dense<[[4, 6]]> : tensor<1x2xi32>
  stablehlo.custom_call @check.expect_eq(%slice, %slice_expected) {has_side_effect = true} : (tensor<1x2xi32>, tensor<1x2xi32>) -> ()
  %rev = stablehlo.reverse %x, dims = [1] : tensor<2x3xi32>
  %rev_expected = stablehlo.constant dense<[[3, 2, 1], [6, 5, 4]]> : tensor<2x3xi32>
  stablehlo.custom_call @check.expect_eq(%rev, %rev_expected) {has_side_effect = true} : (tensor<2x3xi32>, tensor<2x3xi32>) -> ()
  %cat = stablehlo.concatenate %x, %rev, dim = 1 : (tensor<2x3xi32>, tensor<2x3xi32>) -> tensor<2x6xi32>
  %cat_expected = stablehlo.constant dense<[[1, 2, 3, 3, 2, 1], [4, 5, 6, 6, 5, 4]]> : tensor<2x6xi32>
  stablehlo.custom_call @check.expect_eq(%cat, %cat_expected) {has_side_effect = true} : (tensor<2x6xi32>, tensor<2x6xi32>) -> ()
  // Empty inputs, first and last, add nothing.
  %none = stablehlo.slice %x [0:2, 3:3] : (tensor<2x3xi32>) -> tensor<2x0xi32>
  %cat_empty = stablehlo.concatenate %none, %x, %none, dim = 1 : (tensor<2x0xi32>, tensor<2x3xi32>, tensor<2x0xi32>) -> tensor<2x3xi32>
  stablehlo.custom_call @check.expect_eq(%cat_empty, %x) {has_side_effect = true} : (tensor<2x3xi32>, tensor<2x3xi32>) -> ()
  %t = stablehlo.transpose %x, dims = [1, 0] : (tensor<2x3xi32>) -> tensor<3x2xi32>
  %t_expected = stablehlo.constant dense<[[1, 4], [2, 5], [3, 6]]> : tensor<3x2xi32>
  stablehlo.custom_call @check.expect_eq(%t, %t_expected) {has_side_effect = true} : (tensor<3x2xi32>, tensor<3x2xi32>) -> ()
  %iota = stablehlo.iota dim = 0 : tensor<2x3xi32>
  %iota_expected = stablehlo.constant dense<[[0, 0, 0], [1, 1, 1]]> : tensor<2x3xi32>
  stablehlo.custom_call @check.expect_eq(%iota, %iota_expected) {has_side_effect = true} : (tensor<2x3xi32>, tensor<2x3xi32>) -> ()
  %col = stablehlo.constant dense<[[10], [20]]> : tensor<2x1xi32>
  %bcast = stablehlo.broadcast_in_dim %col, dims = [0, 1] : (tensor<2x1xi32>) -> tensor<2x3xi32>
  %bcast_expected = stablehlo.constant dense<[[10, 10, 10], [20, 20, 20]]> : tensor<2x3xi32>
  stablehlo.custom_call @check.expect_eq(%bcast, %bcast_expected) {has_side_effect = true} : (tensor<2x3xi32>, tensor<2x3xi32>) -> ()
  %empty = stablehlo.reshape %x : (tensor<2x3xi32>) -> tensor<3x2xi32>
  %empty_expected = stablehlo.constant dense<[[1, 2], [3, 4], [5, 6]]> : tensor<3x2xi32>
  stablehlo.custom_call @check.expect_eq(%empty, %empty_expected) {has_side_effect = true} : (tensor<3x2xi32>, tensor<3x2xi32>) -> ()

  // Batched dot_general.
  %a = stablehlo.constant dense<[[[1.0, 2.0], [3.0, 4.0]]]> : tensor<1x2x2xf32>
  %b = stablehlo.constant dense<[[[5.0, 6.0], [7.0, 8.0]]]> : tensor<1x2x2xf32>
  %dot = stablehlo.dot_general %a, %b, batching_dims = [0] x [0], contracting_dims = [2] x [1] : (tensor<1x2x2xf32>, tensor<1x2x2xf32>) -> tensor<1x2x2xf32>
  %dot_expected = stablehlo.constant dense<[[[19.0, 22.0], [43.0, 50.0]]]> : tensor<1x2x2xf32>
  stablehlo.custom_call @check.expect_close(%dot, %dot_expected) {has_side_effect = true} : (tensor<1x2x2xf32>, tensor<1x2x2xf32>) -> ()

  // A reversed window: out[i] = 10 * x[i] + x[i + 1].
  %sig = stablehlo.constant dense<[[[1.0], [2.0], [3.0], [4.0]]]> : tensor<1x4x1xf32>
  %ker = stablehlo.constant dense<[[[1.0]], [[10.0]]]> : tensor<2x1x1xf32>
  %conv = stablehlo.convolution(%sig, %ker) dim_numbers = [b, 0, f]x[0, i, o]->[b, 0, f], window = {reverse = [true]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<1x4x1xf32>, tensor<2x1x1xf32>) -> tensor<1x3x1xf32>
  %conv_expected = stablehlo.constant dense<[[[12.0], [23.0], [34.0]]]> : tensor<1x3x1xf32>
  stablehlo.custom_call @check.expect_close(%conv, %conv_expected) {has_side_effect = true} : (tensor<1x3x1xf32>, tensor<1x3x1xf32>) -> ()

  // Two feature groups, each with its own kernel.
  %gin = stablehlo.constant dense<[[[1.0, 2.0, 3.0], [10.0, 20.0, 30.0]]]> : tensor<1x2x3xf32>
  %gker = stablehlo.constant dense<[[[1.0, 1.0]], [[1.0, -1.0]]]> : tensor<2x1x2xf32>
  %gconv = stablehlo.convolution(%gin, %gker) dim_numbers = [b, f, 0]x[o, i, 0]->[b, f, 0], window = {} {batch_group_count = 1 : i64, feature_group_count = 2 : i64} : (tensor<1x2x3xf32>, tensor<2x1x2xf32>) -> tensor<1x2x2xf32>
  %gconv_expected = stablehlo.constant dense<[[[3.0, 5.0], [-10.0, -10.0]]]> : tensor<1x2x2xf32>
  stablehlo.custom_call @check.expect_close(%gconv, %gconv_expected) {has_side_effect = true} : (tensor<1x2x2xf32>, tensor<1x2x2xf32>) -> ()

  // lhs dilation and padding: x = [1, 2] dilated to [1, 0, 2], padded by 1,
  // summed over windows of 2.
  %dx = stablehlo.constant dense<[[[1.0], [2.0]]]> : tensor<1x2x1xf32>
  %dk = stablehlo.constant dense<[[[1.0]], [[1.0]]]> : tensor<2x1x1xf32>
  %dconv = stablehlo.convolution(%dx, %dk) dim_numbers = [b, 0, f]x[0, i, o]->[b, 0, f], window = {pad = [[1, 1]], lhs_dilate = [2]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<1x2x1xf32>, tensor<2x1x1xf32>) -> tensor<1x4x1xf32>
  %dconv_expected = stablehlo.constant dense<[[[1.0], [1.0], [2.0], [2.0]]]> : tensor<1x4x1xf32>
  stablehlo.custom_call @check.expect_close(%dconv, %dconv_expected) {has_side_effect = true} : (tensor<1x4x1xf32>, tensor<1x4x1xf32>) -> ()
  return
}
