// RUN: yat-opt %s -split-input-file -convert-stablehlo-to-linalg | FileCheck %s

// NHWC x HWIO with stride 2, padding 1 and a reversed window, in f32: the
// kernel is reversed, the input padded into a zero-filled tensor, and the
// sum is linalg's named channels-last convolution into a zeroed f32 tensor.
// CHECK-DAG: #[[REV:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, -d1 + 2, d2, d3)>
// CHECK-LABEL: func.func @conv_nhwc
// CHECK-SAME: (%[[X:.*]]: tensor<1x8x8x3xf32>, %[[W:.*]]: tensor<3x3x3x4xf32>)
// CHECK: %[[WR:.*]] = linalg.generic {indexing_maps = [#[[REV]], #{{.*}}]{{.*}} ins(%[[W]] : tensor<3x3x3x4xf32>)
// CHECK: %[[PAD:.*]] = linalg.fill ins(%{{.*}} : f32) outs(%{{.*}} : tensor<1x10x10x3xf32>)
// CHECK: %[[XP:.*]] = tensor.insert_slice %[[X]] into %[[PAD]][0, 1, 1, 0] [1, 8, 8, 3] [1, 1, 1, 1]
// CHECK: %[[ZERO:.*]] = linalg.fill ins(%{{.*}} : f32) outs(%{{.*}} : tensor<1x4x4x4xf32>)
// CHECK: %[[Y:.*]] = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>} ins(%[[XP]], %[[WR]] : tensor<1x10x10x3xf32>, tensor<3x3x3x4xf32>) outs(%[[ZERO]] : tensor<1x4x4x4xf32>)
// CHECK: return %[[Y]]
func.func @conv_nhwc(%x: tensor<1x8x8x3xf32>, %w: tensor<3x3x3x4xf32>) -> tensor<1x4x4x4xf32> {
  %0 = stablehlo.convolution(%x, %w) dim_numbers = [b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f], window = {stride = [2, 2], pad = [[1, 1], [1, 1]], rhs_dilate = [1, 1], reverse = [0, 1]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<1x8x8x3xf32>, tensor<3x3x3x4xf32>) -> tensor<1x4x4x4xf32>
  return %0 : tensor<1x4x4x4xf32>
}

// -----

// NCHW x OIHW with two feature groups: the input feature read is
// (f floordiv F/G) * C/G + c.
// CHECK-DAG: #[[IN:.*]] = affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, (d3 floordiv 3) * 3 + d6, d1 + d4, d2 + d5)>
// CHECK-DAG: #[[KER:.*]] = affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d3, d6, d4, d5)>
// CHECK-DAG: #[[OUT:.*]] = affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, d3, d1, d2)>
// CHECK-LABEL: func.func @conv_grouped
// CHECK-NOT: tensor.insert_slice
// CHECK: linalg.generic {indexing_maps = [#[[IN]], #[[KER]], #[[OUT]]]
func.func @conv_grouped(%y: tensor<2x6x5x5xf32>, %k: tensor<6x3x2x2xf32>) -> tensor<2x6x4x4xf32> {
  %0 = stablehlo.convolution(%y, %k) dim_numbers = [b, f, 0, 1]x[o, i, 0, 1]->[b, f, 0, 1], window = {} {batch_group_count = 1 : i64, feature_group_count = 2 : i64} : (tensor<2x6x5x5xf32>, tensor<6x3x2x2xf32>) -> tensor<2x6x4x4xf32>
  return %0 : tensor<2x6x4x4xf32>
}

// -----

// NHWC x HWIO with two groups of 16 output features: a named convolution per
// group on the group's channel slices, inserted into the f32 sum.
// CHECK-LABEL: func.func @conv_per_group
// CHECK-SAME: (%[[X:.*]]: tensor<1x6x6x6xf32>, %[[W:.*]]: tensor<3x3x3x32xf32>)
// CHECK: %[[SUM:.*]] = tensor.empty() : tensor<1x4x4x32xf32>
// CHECK: %[[X0:.*]] = tensor.extract_slice %[[X]][0, 0, 0, 0] [1, 6, 6, 3] [1, 1, 1, 1]
// CHECK: %[[W0:.*]] = tensor.extract_slice %[[W]][0, 0, 0, 0] [3, 3, 3, 16] [1, 1, 1, 1]
// CHECK: %[[Y0:.*]] = linalg.conv_2d_nhwc_hwcf {{.*}} ins(%[[X0]], %[[W0]] : {{.*}}) outs(%{{.*}} : tensor<1x4x4x16xf32>)
// CHECK: %[[SUM0:.*]] = tensor.insert_slice %[[Y0]] into %[[SUM]][0, 0, 0, 0] [1, 4, 4, 16] [1, 1, 1, 1]
// CHECK: %[[X1:.*]] = tensor.extract_slice %[[X]][0, 0, 0, 3] [1, 6, 6, 3] [1, 1, 1, 1]
// CHECK: %[[W1:.*]] = tensor.extract_slice %[[W]][0, 0, 0, 16] [3, 3, 3, 16] [1, 1, 1, 1]
// CHECK: %[[Y1:.*]] = linalg.conv_2d_nhwc_hwcf {{.*}} ins(%[[X1]], %[[W1]] : {{.*}})
// CHECK: %[[SUM1:.*]] = tensor.insert_slice %[[Y1]] into %[[SUM0]][0, 0, 0, 16] [1, 4, 4, 16] [1, 1, 1, 1]
// CHECK: return %[[SUM1]]
func.func @conv_per_group(%x: tensor<1x6x6x6xf32>, %w: tensor<3x3x3x32xf32>) -> tensor<1x4x4x32xf32> {
  %0 = stablehlo.convolution(%x, %w) dim_numbers = [b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f], window = {} {batch_group_count = 1 : i64, feature_group_count = 2 : i64} : (tensor<1x6x6x6xf32>, tensor<3x3x3x32xf32>) -> tensor<1x4x4x32xf32>
  return %0 : tensor<1x4x4x32xf32>
}

// -----

// NWC x WIO with four groups of two channels and two output features: the
// channels are reordered group-innermost (c, g) and (f, g), the generic runs
// the group innermost, and its result goes back to channel g * F + f.
// CHECK-DAG: #[[IN:.*]] = affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d1 + d3, d4, d5)>
// CHECK-DAG: #[[KER:.*]] = affine_map<(d0, d1, d2, d3, d4, d5) -> (d3, d4, d2, d5)>
// CHECK-DAG: #[[OUT:.*]] = affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d1, d2, d5)>
// CHECK-LABEL: func.func @conv_group_innermost
// CHECK-SAME: (%[[X:.*]]: tensor<1x6x8xf32>, %[[W:.*]]: tensor<3x2x8xf32>)
// CHECK: %[[XS:.*]] = tensor.expand_shape %[[X]] {{\[}}[0], [1], [2, 3]] output_shape [1, 6, 4, 2]
// CHECK: %[[XT:.*]] = linalg.transpose ins(%[[XS]] : tensor<1x6x4x2xf32>) outs(%{{.*}} : tensor<1x6x2x4xf32>) permutation = [0, 1, 3, 2]
// CHECK: %[[WS:.*]] = tensor.expand_shape %[[W]] {{\[}}[0], [1], [2, 3]] output_shape [3, 2, 4, 2]
// CHECK: %[[WT:.*]] = linalg.transpose ins(%[[WS]] : tensor<3x2x4x2xf32>) outs(%{{.*}} : tensor<3x2x2x4xf32>) permutation = [0, 1, 3, 2]
// CHECK: %[[Y:.*]] = linalg.generic {indexing_maps = [#[[IN]], #[[KER]], #[[OUT]]], iterator_types = ["parallel", "parallel", "parallel", "reduction", "reduction", "parallel"]} ins(%[[XT]], %[[WT]] : {{.*}}) outs(%{{.*}} : tensor<1x4x2x4xf32>)
// CHECK: %[[YT:.*]] = linalg.transpose ins(%[[Y]] : tensor<1x4x2x4xf32>) outs(%{{.*}} : tensor<1x4x4x2xf32>) permutation = [0, 1, 3, 2]
// CHECK: %[[R:.*]] = tensor.collapse_shape %[[YT]] {{\[}}[0], [1], [2, 3]] : tensor<1x4x4x2xf32> into tensor<1x4x8xf32>
// CHECK: return %[[R]]
func.func @conv_group_innermost(%x: tensor<1x6x8xf32>, %w: tensor<3x2x8xf32>) -> tensor<1x4x8xf32> {
  %0 = stablehlo.convolution(%x, %w) dim_numbers = [b, 0, f]x[0, i, o]->[b, 0, f], window = {} {batch_group_count = 1 : i64, feature_group_count = 4 : i64} : (tensor<1x6x8xf32>, tensor<3x2x8xf32>) -> tensor<1x4x8xf32>
  return %0 : tensor<1x4x8xf32>
}

// -----

// Depthwise in bf16: one channel per group needs no transposes; the sum is
// in f32 and rounded before the channels merge back.
// CHECK-LABEL: func.func @conv_depthwise
// CHECK-SAME: (%[[X:.*]]: tensor<1x6x8xbf16>, %[[W:.*]]: tensor<3x1x8xbf16>)
// CHECK-NOT: linalg.transpose
// CHECK: %[[XS:.*]] = tensor.expand_shape %[[X]] {{\[}}[0], [1], [2, 3]] output_shape [1, 6, 1, 8]
// CHECK: %[[WS:.*]] = tensor.expand_shape %[[W]] {{\[}}[0], [1], [2, 3]] output_shape [3, 1, 1, 8]
// CHECK: %[[Y:.*]] = linalg.generic {{.*}} ins(%[[XS]], %[[WS]] : {{.*}}) outs(%{{.*}} : tensor<1x4x1x8xf32>)
// CHECK: %[[YB:.*]] = linalg.generic {{.*}} ins(%[[Y]] : tensor<1x4x1x8xf32>) outs(%{{.*}} : tensor<1x4x1x8xbf16>)
// CHECK-NOT: linalg.transpose
// CHECK: %[[R:.*]] = tensor.collapse_shape %[[YB]] {{\[}}[0], [1], [2, 3]] : tensor<1x4x1x8xbf16> into tensor<1x4x8xbf16>
// CHECK: return %[[R]]
func.func @conv_depthwise(%x: tensor<1x6x8xbf16>, %w: tensor<3x1x8xbf16>) -> tensor<1x4x8xbf16> {
  %0 = stablehlo.convolution(%x, %w) dim_numbers = [b, 0, f]x[0, i, o]->[b, 0, f], window = {} {batch_group_count = 1 : i64, feature_group_count = 8 : i64} : (tensor<1x6x8xbf16>, tensor<3x1x8xbf16>) -> tensor<1x4x8xbf16>
  return %0 : tensor<1x4x8xbf16>
}

// -----

// lhs dilation is interior padding of the input; rhs dilation becomes the
// named convolution's dilation.
// CHECK-LABEL: func.func @conv_dilated
// CHECK: %[[F:.*]] = linalg.fill ins(%{{.*}} : f32) outs(%{{.*}} : tensor<1x11x2xf32>)
// CHECK: %[[XP:.*]] = tensor.insert_slice %{{.*}} into %[[F]][0, 2, 0] [1, 4, 2] [1, 2, 1]
// CHECK: linalg.conv_1d_nwc_wcf {dilations = dense<2> : tensor<1xi64>, strides = dense<1> : tensor<1xi64>} ins(%[[XP]], %{{.*}} : tensor<1x11x2xf32>, tensor<3x2x5xf32>)
func.func @conv_dilated(%x: tensor<1x4x2xf32>, %w: tensor<3x2x5xf32>) -> tensor<1x7x5xf32> {
  %0 = stablehlo.convolution(%x, %w) dim_numbers = [b, 0, f]x[0, i, o]->[b, 0, f], window = {pad = [[2, 2]], lhs_dilate = [2], rhs_dilate = [2]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<1x4x2xf32>, tensor<3x2x5xf32>) -> tensor<1x7x5xf32>
  return %0 : tensor<1x7x5xf32>
}

// -----

// f64 accumulates in f64, which the named convolutions' kernels do not: the
// same NHWC x HWIO convolution is one generic contraction reading the
// padded input at stride 2.
// CHECK-DAG: #[[IN:.*]] = affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, d1 * 2 + d4, d2 * 2 + d5, d6)>
// CHECK-DAG: #[[KER:.*]] = affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d4, d5, d6, d3)>
// CHECK-DAG: #[[OUT:.*]] = affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, d1, d2, d3)>
// CHECK-LABEL: func.func @conv_nhwc_f64
// CHECK: linalg.generic {indexing_maps = [#[[IN]], #[[KER]], #[[OUT]]], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction", "reduction", "reduction"]} ins(%{{.*}}, %{{.*}} : tensor<1x10x10x3xf64>, tensor<3x3x3x4xf64>)
// CHECK: arith.mulf
// CHECK: arith.addf
func.func @conv_nhwc_f64(%x: tensor<1x8x8x3xf64>, %w: tensor<3x3x3x4xf64>) -> tensor<1x4x4x4xf64> {
  %0 = stablehlo.convolution(%x, %w) dim_numbers = [b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f], window = {stride = [2, 2], pad = [[1, 1], [1, 1]]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<1x8x8x3xf64>, tensor<3x3x3x4xf64>) -> tensor<1x4x4x4xf64>
  return %0 : tensor<1x4x4x4xf64>
}
