// REQUIRES: stablehlo
// RUN: yat-opt %s -split-input-file --yat-raise-stablehlo | FileCheck %s
// RUN: yat-opt %s -split-input-file --yat-raise-stablehlo=remarks=true -verify-diagnostics > /dev/null

// A channels-first (NCHW / OIHW) ⵟ-convolution with dilation 2 and a bias:
// transposes to yat.conv's channels-last layout and back.
// CHECK-LABEL: func.func @nchw_dilated
// CHECK-SAME: (%[[X:.*]]: tensor<1x3x8x8xf32>, %[[W:.*]]: tensor<4x3x3x3xf32>, %[[B:.*]]: tensor<4xf32>)
// CHECK: %[[XT:.*]] = stablehlo.transpose %[[X]], dims = [0, 2, 3, 1] : (tensor<1x3x8x8xf32>) -> tensor<1x8x8x3xf32>
// CHECK: %[[WT:.*]] = stablehlo.transpose %[[W]], dims = [2, 3, 1, 0] : (tensor<4x3x3x3xf32>) -> tensor<3x3x3x4xf32>
// CHECK: %[[Y:.*]] = yat.conv %[[XT]], %[[WT]], %[[B]] {dilations = array<i64: 2, 2>, epsilon = 1.000000e-03 : f32, padding = array<i64: 2, 2, 2, 2>} : (tensor<1x8x8x3xf32>, tensor<3x3x3x4xf32>, tensor<4xf32>) -> tensor<1x8x8x4xf32>
// CHECK: %[[R:.*]] = stablehlo.transpose %[[Y]], dims = [0, 3, 1, 2] : (tensor<1x8x8x4xf32>) -> tensor<1x4x8x8xf32>
// CHECK: return %[[R]]
// CHECK-NOT: stablehlo.convolution
func.func @nchw_dilated(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>, %b: tensor<4xf32>) -> tensor<1x4x8x8xf32> {
  %zero = stablehlo.constant dense<0.0> : tensor<f32>
  %dot = stablehlo.convolution(%x, %w) dim_numbers = [b, f, 0, 1]x[o, i, 0, 1]->[b, f, 0, 1], window = {pad = [[2, 2], [2, 2]], rhs_dilate = [2, 2]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x8x8xf32>
  %xx = stablehlo.multiply %x, %x : tensor<1x3x8x8xf32>
  %ones = stablehlo.constant dense<1.0> : tensor<1x3x3x3xf32>
  %patch = stablehlo.convolution(%xx, %ones) dim_numbers = [b, f, 0, 1]x[o, i, 0, 1]->[b, f, 0, 1], window = {pad = [[2, 2], [2, 2]], rhs_dilate = [2, 2]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<1x3x8x8xf32>, tensor<1x3x3x3xf32>) -> tensor<1x1x8x8xf32>
  %patchb = stablehlo.broadcast_in_dim %patch, dims = [0, 1, 2, 3] : (tensor<1x1x8x8xf32>) -> tensor<1x4x8x8xf32>
  %ww = stablehlo.multiply %w, %w : tensor<4x3x3x3xf32>
  %wn = stablehlo.reduce(%ww init: %zero) applies stablehlo.add across dimensions = [1, 2, 3] : (tensor<4x3x3x3xf32>, tensor<f32>) -> tensor<4xf32>
  %wnb = stablehlo.broadcast_in_dim %wn, dims = [1] : (tensor<4xf32>) -> tensor<1x4x8x8xf32>
  %two = stablehlo.constant dense<2.0> : tensor<1x4x8x8xf32>
  %dot2 = stablehlo.multiply %dot, %two : tensor<1x4x8x8xf32>
  %norms = stablehlo.add %wnb, %patchb : tensor<1x4x8x8xf32>
  %raw = stablehlo.subtract %norms, %dot2 : tensor<1x4x8x8xf32>
  %zeros = stablehlo.constant dense<0.0> : tensor<1x4x8x8xf32>
  %dist = stablehlo.maximum %zeros, %raw : tensor<1x4x8x8xf32>
  %eps = stablehlo.constant dense<1.0e-3> : tensor<1x4x8x8xf32>
  %den = stablehlo.add %dist, %eps : tensor<1x4x8x8xf32>
  %bb = stablehlo.broadcast_in_dim %b, dims = [1] : (tensor<4xf32>) -> tensor<1x4x8x8xf32>
  %num = stablehlo.add %bb, %dot : tensor<1x4x8x8xf32>
  %sq = stablehlo.multiply %num, %num : tensor<1x4x8x8xf32>
  %r = stablehlo.divide %sq, %den : tensor<1x4x8x8xf32>
  return %r : tensor<1x4x8x8xf32>
}

// -----

// Not raised: the patch "norm" convolves x² with twos instead of ones.
// CHECK-LABEL: func.func @patch_kernel_not_ones
// CHECK-NOT: yat.conv
// CHECK: stablehlo.divide
func.func @patch_kernel_not_ones(%x: tensor<1x6x3xf32>, %w: tensor<3x3x2xf32>) -> tensor<1x4x2xf32> {
  %zero = stablehlo.constant dense<0.0> : tensor<f32>
  %dot = stablehlo.convolution(%x, %w) dim_numbers = [b, 0, f]x[0, i, o]->[b, 0, f], window = {} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<1x6x3xf32>, tensor<3x3x2xf32>) -> tensor<1x4x2xf32>
  %xx = stablehlo.multiply %x, %x : tensor<1x6x3xf32>
  %twos = stablehlo.constant dense<2.0> : tensor<3x3x1xf32>
  %patch = stablehlo.convolution(%xx, %twos) dim_numbers = [b, 0, f]x[0, i, o]->[b, 0, f], window = {} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<1x6x3xf32>, tensor<3x3x1xf32>) -> tensor<1x4x1xf32>
  %patchb = stablehlo.broadcast_in_dim %patch, dims = [0, 1, 2] : (tensor<1x4x1xf32>) -> tensor<1x4x2xf32>
  %ww = stablehlo.multiply %w, %w : tensor<3x3x2xf32>
  %wn = stablehlo.reduce(%ww init: %zero) applies stablehlo.add across dimensions = [0, 1] : (tensor<3x3x2xf32>, tensor<f32>) -> tensor<2xf32>
  %wnb = stablehlo.broadcast_in_dim %wn, dims = [2] : (tensor<2xf32>) -> tensor<1x4x2xf32>
  %two = stablehlo.constant dense<2.0> : tensor<1x4x2xf32>
  %dot2 = stablehlo.multiply %two, %dot : tensor<1x4x2xf32>
  %norms = stablehlo.add %patchb, %wnb : tensor<1x4x2xf32>
  %dist = stablehlo.subtract %norms, %dot2 : tensor<1x4x2xf32>
  %eps = stablehlo.constant dense<1.0e-5> : tensor<1x4x2xf32>
  %den = stablehlo.add %dist, %eps : tensor<1x4x2xf32>
  %sq = stablehlo.multiply %dot, %dot : tensor<1x4x2xf32>
  // expected-remark @below {{not raised: the distance terms are not the patch norm (a convolution of x² with ones) and Σ filter², broadcast along the output}}
  %r = stablehlo.divide %sq, %den : tensor<1x4x2xf32>
  return %r : tensor<1x4x2xf32>
}

// -----

// Two feature groups with one filter each: the patch norm convolution has
// one output per group, which is already one per filter.
// CHECK-LABEL: func.func @grouped_one_filter_per_group
// CHECK-SAME: (%[[X:.*]]: tensor<1x6x4xf32>, %[[W:.*]]: tensor<3x2x2xf32>)
// CHECK: %[[Y:.*]] = yat.conv %[[X]], %[[W]] {groups = 2 : i64} : (tensor<1x6x4xf32>, tensor<3x2x2xf32>) -> tensor<1x4x2xf32>
// CHECK-NEXT: return %[[Y]]
func.func @grouped_one_filter_per_group(%x: tensor<1x6x4xf32>, %w: tensor<3x2x2xf32>) -> tensor<1x4x2xf32> {
  %zero = stablehlo.constant dense<0.0> : tensor<f32>
  %dot = stablehlo.convolution(%x, %w) dim_numbers = [b, 0, f]x[0, i, o]->[b, 0, f], window = {} {batch_group_count = 1 : i64, feature_group_count = 2 : i64} : (tensor<1x6x4xf32>, tensor<3x2x2xf32>) -> tensor<1x4x2xf32>
  %xx = stablehlo.multiply %x, %x : tensor<1x6x4xf32>
  %ones = stablehlo.constant dense<1.0> : tensor<3x2x2xf32>
  %patch = stablehlo.convolution(%xx, %ones) dim_numbers = [b, 0, f]x[0, i, o]->[b, 0, f], window = {} {batch_group_count = 1 : i64, feature_group_count = 2 : i64} : (tensor<1x6x4xf32>, tensor<3x2x2xf32>) -> tensor<1x4x2xf32>
  %ww = stablehlo.multiply %w, %w : tensor<3x2x2xf32>
  %wn = stablehlo.reduce(%ww init: %zero) applies stablehlo.add across dimensions = [0, 1] : (tensor<3x2x2xf32>, tensor<f32>) -> tensor<2xf32>
  %wnb = stablehlo.broadcast_in_dim %wn, dims = [2] : (tensor<2xf32>) -> tensor<1x4x2xf32>
  %two = stablehlo.constant dense<2.0> : tensor<1x4x2xf32>
  %dot2 = stablehlo.multiply %two, %dot : tensor<1x4x2xf32>
  %norms = stablehlo.add %patch, %wnb : tensor<1x4x2xf32>
  %dist = stablehlo.subtract %norms, %dot2 : tensor<1x4x2xf32>
  %eps = stablehlo.constant dense<1.0e-5> : tensor<1x4x2xf32>
  %den = stablehlo.add %dist, %eps : tensor<1x4x2xf32>
  %sq = stablehlo.multiply %dot, %dot : tensor<1x4x2xf32>
  %r = stablehlo.divide %sq, %den : tensor<1x4x2xf32>
  return %r : tensor<1x4x2xf32>
}

// -----

// Not raised: with two groups of three filters the per-group patch norms
// are tiled ([g0, g1, g0, g1, ...]) instead of repeated ([g0, g0, g0, g1,
// ...]), so filters read the other group's patch.
// CHECK-LABEL: func.func @grouped_tiled_patch
// CHECK-NOT: yat.conv
// CHECK: stablehlo.divide
func.func @grouped_tiled_patch(%x: tensor<1x6x4xf32>, %w: tensor<3x2x6xf32>) -> tensor<1x4x6xf32> {
  %zero = stablehlo.constant dense<0.0> : tensor<f32>
  %dot = stablehlo.convolution(%x, %w) dim_numbers = [b, 0, f]x[0, i, o]->[b, 0, f], window = {} {batch_group_count = 1 : i64, feature_group_count = 2 : i64} : (tensor<1x6x4xf32>, tensor<3x2x6xf32>) -> tensor<1x4x6xf32>
  %xx = stablehlo.multiply %x, %x : tensor<1x6x4xf32>
  %ones = stablehlo.constant dense<1.0> : tensor<3x2x2xf32>
  %patch = stablehlo.convolution(%xx, %ones) dim_numbers = [b, 0, f]x[0, i, o]->[b, 0, f], window = {} {batch_group_count = 1 : i64, feature_group_count = 2 : i64} : (tensor<1x6x4xf32>, tensor<3x2x2xf32>) -> tensor<1x4x2xf32>
  %tiled = stablehlo.broadcast_in_dim %patch, dims = [0, 1, 3] : (tensor<1x4x2xf32>) -> tensor<1x4x3x2xf32>
  %patchf = stablehlo.reshape %tiled : (tensor<1x4x3x2xf32>) -> tensor<1x4x6xf32>
  %ww = stablehlo.multiply %w, %w : tensor<3x2x6xf32>
  %wn = stablehlo.reduce(%ww init: %zero) applies stablehlo.add across dimensions = [0, 1] : (tensor<3x2x6xf32>, tensor<f32>) -> tensor<6xf32>
  %wnb = stablehlo.broadcast_in_dim %wn, dims = [2] : (tensor<6xf32>) -> tensor<1x4x6xf32>
  %two = stablehlo.constant dense<2.0> : tensor<1x4x6xf32>
  %dot2 = stablehlo.multiply %two, %dot : tensor<1x4x6xf32>
  %norms = stablehlo.add %patchf, %wnb : tensor<1x4x6xf32>
  %dist = stablehlo.subtract %norms, %dot2 : tensor<1x4x6xf32>
  %eps = stablehlo.constant dense<1.0e-5> : tensor<1x4x6xf32>
  %den = stablehlo.add %dist, %eps : tensor<1x4x6xf32>
  %sq = stablehlo.multiply %dot, %dot : tensor<1x4x6xf32>
  // expected-remark @below {{not raised: the distance terms are not the patch norm (a convolution of x² with ones) and Σ filter², broadcast along the output}}
  %r = stablehlo.divide %sq, %den : tensor<1x4x6xf32>
  return %r : tensor<1x4x6xf32>
}

// -----

// Not raised: an input-dilated (transposed) convolution is not a yat.conv.
// CHECK-LABEL: func.func @input_dilation
// CHECK-NOT: yat.conv
// CHECK: stablehlo.divide
func.func @input_dilation(%x: tensor<1x3x2xf32>, %w: tensor<2x2x2xf32>) -> tensor<1x4x2xf32> {
  %zero = stablehlo.constant dense<0.0> : tensor<f32>
  %dot = stablehlo.convolution(%x, %w) dim_numbers = [b, 0, f]x[0, i, o]->[b, 0, f], window = {lhs_dilate = [2]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<1x3x2xf32>, tensor<2x2x2xf32>) -> tensor<1x4x2xf32>
  %xx = stablehlo.multiply %x, %x : tensor<1x3x2xf32>
  %ones = stablehlo.constant dense<1.0> : tensor<2x2x1xf32>
  %patch = stablehlo.convolution(%xx, %ones) dim_numbers = [b, 0, f]x[0, i, o]->[b, 0, f], window = {lhs_dilate = [2]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<1x3x2xf32>, tensor<2x2x1xf32>) -> tensor<1x4x1xf32>
  %patchb = stablehlo.broadcast_in_dim %patch, dims = [0, 1, 2] : (tensor<1x4x1xf32>) -> tensor<1x4x2xf32>
  %ww = stablehlo.multiply %w, %w : tensor<2x2x2xf32>
  %wn = stablehlo.reduce(%ww init: %zero) applies stablehlo.add across dimensions = [0, 1] : (tensor<2x2x2xf32>, tensor<f32>) -> tensor<2xf32>
  %wnb = stablehlo.broadcast_in_dim %wn, dims = [2] : (tensor<2xf32>) -> tensor<1x4x2xf32>
  %two = stablehlo.constant dense<2.0> : tensor<1x4x2xf32>
  %dot2 = stablehlo.multiply %two, %dot : tensor<1x4x2xf32>
  %norms = stablehlo.add %patchb, %wnb : tensor<1x4x2xf32>
  %dist = stablehlo.subtract %norms, %dot2 : tensor<1x4x2xf32>
  %eps = stablehlo.constant dense<1.0e-5> : tensor<1x4x2xf32>
  %den = stablehlo.add %dist, %eps : tensor<1x4x2xf32>
  %sq = stablehlo.multiply %dot, %dot : tensor<1x4x2xf32>
  %r = stablehlo.divide %sq, %den : tensor<1x4x2xf32>
  return %r : tensor<1x4x2xf32>
}
