// RUN: yat-opt %s -split-input-file -convert-yat-to-linalg | FileCheck %s

// 2-D, groups = 1: zero padding through tensor.pad, the dot as
// linalg.conv_2d_nhwc_hwcf with the strides and dilations, the window sum of
// input² in two steps (the channels of each padded input position, then
// the windows with linalg.pooling_nhwc_sum over a unit channel, with the
// same strides and dilations and a shape-only window operand), the filter
// norms, and the epilogue with bias.

// CHECK-DAG: #[[FILT:.*]] = affine_map<(d0, d1, d2, d3) -> (d1, d2, d3, d0)>
// CHECK-DAG: #[[FOUT:.*]] = affine_map<(d0, d1, d2, d3) -> (d0)>
// CHECK-DAG: #[[ID:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
// CHECK-DAG: #[[POS:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>
// CHECK-DAG: #[[CH:.*]] = affine_map<(d0, d1, d2, d3) -> (d3)>
// CHECK-LABEL: func.func @conv2d
// CHECK-SAME: (%[[X:.*]]: tensor<1x8x8x3xf32>, %[[F:.*]]: tensor<3x3x3x16xf32>, %[[B:.*]]: tensor<16xf32>)
// CHECK: %[[PAD:.*]] = tensor.pad %[[X]] low[0, 1, 0, 0] high[0, 1, 0, 0]
// CHECK: tensor.yield %{{.*}} : f32
// CHECK: } : tensor<1x8x8x3xf32> to tensor<1x10x8x3xf32>
// CHECK: %[[ZERO:.*]] = linalg.fill {{.*}} -> tensor<1x4x2x16xf32>
// CHECK: %[[DOT:.*]] = linalg.conv_2d_nhwc_hwcf {dilations = dense<[1, 2]> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}
// CHECK-SAME: ins(%[[PAD]], %[[F]] : tensor<1x10x8x3xf32>, tensor<3x3x3x16xf32>) outs(%[[ZERO]] : tensor<1x4x2x16xf32>)
// CHECK: %[[POSITIONS:.*]] = linalg.generic {indexing_maps = [#[[ID]], #[[POS]]], iterator_types = ["parallel", "parallel", "parallel", "reduction"]}
// CHECK-SAME: ins(%[[PAD]] : tensor<1x10x8x3xf32>) outs(%{{.*}} : tensor<1x10x8xf32>)
// CHECK: ^bb0(%[[V:.*]]: f32, %[[ACC:.*]]: f32):
// CHECK: %[[SQ:.*]] = arith.mulf %[[V]], %[[V]] : f32
// CHECK: arith.addf %[[ACC]], %[[SQ]] : f32
// CHECK: %[[UNIT:.*]] = tensor.expand_shape %[[POSITIONS]] {{\[}}[0], [1], [2, 3]] output_shape [1, 10, 8, 1]
// CHECK: %[[WINDOW:.*]] = tensor.empty() : tensor<3x3xf32>
// CHECK: %[[SUMS:.*]] = linalg.pooling_nhwc_sum {dilations = dense<[1, 2]> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}
// CHECK-SAME: ins(%[[UNIT]], %[[WINDOW]] : tensor<1x10x8x1xf32>, tensor<3x3xf32>) outs(%{{.*}} : tensor<1x4x2x1xf32>)
// CHECK: %[[PATCH:.*]] = tensor.collapse_shape %[[SUMS]] {{\[}}[0], [1], [2, 3]] : tensor<1x4x2x1xf32> into tensor<1x4x2xf32>
// CHECK: %[[FN:.*]] = linalg.generic {indexing_maps = [#[[FILT]], #[[FOUT]]], iterator_types = ["parallel", "reduction", "reduction", "reduction"]}
// CHECK-SAME: ins(%[[F]] : tensor<3x3x3x16xf32>) outs(%{{.*}} : tensor<16xf32>)
// CHECK: %[[Y:.*]] = linalg.generic {indexing_maps = [#[[ID]], #[[POS]], #[[CH]], #[[CH]], #[[ID]]], iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
// CHECK-SAME: ins(%[[DOT]], %[[PATCH]], %[[FN]], %[[B]] : tensor<1x4x2x16xf32>, tensor<1x4x2xf32>, tensor<16xf32>, tensor<16xf32>)
// CHECK: ^bb0(%[[D:.*]]: f32, %[[P:.*]]: f32, %[[N:.*]]: f32, %[[BV:.*]]: f32, %{{.*}}: f32):
// CHECK: %[[NORMS:.*]] = arith.addf %[[P]], %[[N]] : f32
// CHECK: %[[TWICE:.*]] = arith.mulf %{{.*}}, %[[D]] : f32
// CHECK: %[[DIFF:.*]] = arith.subf %[[NORMS]], %[[TWICE]] : f32
// CHECK: %[[DIST:.*]] = arith.maximumf %[[DIFF]], %{{.*}} : f32
// CHECK: %[[SHIFTED:.*]] = arith.addf %[[D]], %[[BV]] : f32
// CHECK: %[[SQUARE:.*]] = arith.mulf %[[SHIFTED]], %[[SHIFTED]] : f32
// CHECK: %[[DEN:.*]] = arith.addf %[[DIST]], %{{.*}} : f32
// CHECK: %[[RATIO:.*]] = arith.divf %[[SQUARE]], %[[DEN]] : f32
// CHECK: linalg.yield %[[RATIO]] : f32
// CHECK: return %[[Y]] : tensor<1x4x2x16xf32>
func.func @conv2d(%x: tensor<1x8x8x3xf32>, %f: tensor<3x3x3x16xf32>, %b: tensor<16xf32>) -> tensor<1x4x2x16xf32> {
  %y = yat.conv %x, %f, %b {strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 0, 0>, dilations = array<i64: 1, 2>}
      : (tensor<1x8x8x3xf32>, tensor<3x3x3x16xf32>, tensor<16xf32>) -> tensor<1x4x2x16xf32>
  return %y : tensor<1x4x2x16xf32>
}

// -----

// 1-D with groups = 2 in f16: channels and filters are split into
// groups × C/groups and groups × F/groups, the dot is a grouped convolution
// generic in f32, the patch sums each group's channels per position and
// then the windows of each group (linalg.pooling_nwc_sum, the group as its
// channel), the filter norms are per (group, filter), and the f16 result is
// collapsed back to N × W × F.

// CHECK-DAG: #[[IN:.*]] = affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d1 + d4, d2, d5)>
// CHECK-DAG: #[[FI:.*]] = affine_map<(d0, d1, d2, d3, d4, d5) -> (d4, d5, d2, d3)>
// CHECK-DAG: #[[OUT:.*]] = affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d1, d2, d3)>
// CHECK-DAG: #[[FN_IN:.*]] = affine_map<(d0, d1, d2, d3) -> (d2, d3, d0, d1)>
// CHECK-DAG: #[[FN_OUT:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1)>
// CHECK-LABEL: func.func @conv1d_grouped_f16
// CHECK-SAME: (%[[X:.*]]: tensor<2x9x4xf16>, %[[F:.*]]: tensor<3x2x6xf16>)
// CHECK: %[[PAD:.*]] = tensor.pad %[[X]] low[0, 1, 0] high[0, 1, 0]
// CHECK: %[[XG:.*]] = tensor.expand_shape %[[PAD]] {{\[}}[0], [1], [2, 3]] output_shape [2, 11, 2, 2] : tensor<2x11x4xf16> into tensor<2x11x2x2xf16>
// CHECK: %[[FG:.*]] = tensor.expand_shape %[[F]] {{\[}}[0], [1], [2, 3]] output_shape [3, 2, 2, 3] : tensor<3x2x6xf16> into tensor<3x2x2x3xf16>
// CHECK: %[[DOT:.*]] = linalg.generic {indexing_maps = [#[[IN]], #[[FI]], #[[OUT]]], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction", "reduction"]}
// CHECK-SAME: ins(%[[XG]], %[[FG]] : tensor<2x11x2x2xf16>, tensor<3x2x2x3xf16>) outs(%{{.*}} : tensor<2x9x2x3xf32>)
// CHECK: ^bb0(%[[XV:.*]]: f16, %[[FV:.*]]: f16, %[[ACC:.*]]: f32):
// CHECK: %[[XE:.*]] = arith.extf %[[XV]] : f16 to f32
// CHECK: %[[FE:.*]] = arith.extf %[[FV]] : f16 to f32
// CHECK: %[[PROD:.*]] = arith.mulf %[[XE]], %[[FE]] : f32
// CHECK: arith.addf %[[ACC]], %[[PROD]] : f32
// CHECK: %[[POSITIONS:.*]] = linalg.generic {{.*}} iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%[[XG]] : tensor<2x11x2x2xf16>) outs(%{{.*}} : tensor<2x11x2xf32>)
// CHECK: %[[PATCH:.*]] = linalg.pooling_nwc_sum {{.*}} ins(%[[POSITIONS]], %{{.*}} : tensor<2x11x2xf32>, tensor<3xf32>) outs(%{{.*}} : tensor<2x9x2xf32>)
// CHECK: %[[FN:.*]] = linalg.generic {indexing_maps = [#[[FN_IN]], #[[FN_OUT]]], iterator_types = ["parallel", "parallel", "reduction", "reduction"]}
// CHECK-SAME: ins(%[[FG]] : tensor<3x2x2x3xf16>) outs(%{{.*}} : tensor<2x3xf32>)
// CHECK: %[[Y:.*]] = linalg.generic {{.*}} ins(%[[DOT]], %[[PATCH]], %[[FN]] : tensor<2x9x2x3xf32>, tensor<2x9x2xf32>, tensor<2x3xf32>) outs(%{{.*}} : tensor<2x9x2x3xf16>)
// CHECK: arith.truncf %{{.*}} : f32 to f16
// CHECK: %[[R:.*]] = tensor.collapse_shape %[[Y]] {{\[}}[0], [1], [2, 3]] : tensor<2x9x2x3xf16> into tensor<2x9x6xf16>
// CHECK: return %[[R]] : tensor<2x9x6xf16>
func.func @conv1d_grouped_f16(%x: tensor<2x9x4xf16>, %f: tensor<3x2x6xf16>) -> tensor<2x9x6xf16> {
  %y = yat.conv %x, %f {groups = 2 : i64, padding = array<i64: 1, 1>} : (tensor<2x9x4xf16>, tensor<3x2x6xf16>) -> tensor<2x9x6xf16>
  return %y : tensor<2x9x6xf16>
}

// -----

// 3-D, groups = 1, no padding: linalg.conv_3d_ndhwc_dhwcf and no tensor.pad.

// CHECK-LABEL: func.func @conv3d
// CHECK-SAME: (%[[X:.*]]: tensor<1x4x5x6x2xf32>, %[[F:.*]]: tensor<2x2x2x2x3xf32>)
// CHECK-NOT: tensor.pad
// CHECK: %[[DOT:.*]] = linalg.conv_3d_ndhwc_dhwcf {dilations = dense<1> : tensor<3xi64>, strides = dense<[1, 1, 2]> : tensor<3xi64>}
// CHECK-SAME: ins(%[[X]], %[[F]] : tensor<1x4x5x6x2xf32>, tensor<2x2x2x2x3xf32>) outs(%{{.*}} : tensor<1x3x4x3x3xf32>)
// CHECK: linalg.generic {{.*}} ins(%[[X]] : tensor<1x4x5x6x2xf32>) outs(%{{.*}} : tensor<1x4x5x6xf32>)
// CHECK: %[[WINDOW:.*]] = tensor.empty() : tensor<2x2x2xf32>
// CHECK: linalg.pooling_ndhwc_sum {{.*}} ins(%{{.*}}, %[[WINDOW]] : tensor<1x4x5x6x1xf32>, tensor<2x2x2xf32>) outs(%{{.*}} : tensor<1x3x4x3x1xf32>)
// CHECK: linalg.generic {{.*}} ins(%[[F]] : tensor<2x2x2x2x3xf32>) outs(%{{.*}} : tensor<3xf32>)
func.func @conv3d(%x: tensor<1x4x5x6x2xf32>, %f: tensor<2x2x2x2x3xf32>) -> tensor<1x3x4x3x3xf32> {
  %y = yat.conv %x, %f {strides = array<i64: 1, 1, 2>} : (tensor<1x4x5x6x2xf32>, tensor<2x2x2x2x3xf32>) -> tensor<1x3x4x3x3xf32>
  return %y : tensor<1x3x4x3x3xf32>
}

// -----

// 1-D, groups = 1: linalg.conv_1d_nwc_wcf.

// CHECK-LABEL: func.func @conv1d
// CHECK: linalg.conv_1d_nwc_wcf {dilations = dense<3> : tensor<1xi64>, strides = dense<1> : tensor<1xi64>}
// CHECK-SAME: outs(%{{.*}} : tensor<2x4x5xf32>)
func.func @conv1d(%x: tensor<2x10x3xf32>, %f: tensor<3x3x5xf32>) -> tensor<2x4x5xf32> {
  %y = yat.conv %x, %f {dilations = array<i64: 3>} : (tensor<2x10x3xf32>, tensor<3x3x5xf32>) -> tensor<2x4x5xf32>
  return %y : tensor<2x4x5xf32>
}

// -----

// Dynamic shapes: the output size max(⌊(S + lo + hi − dilation·(K − 1) − 1) /
// stride⌋ + 1, 0) is computed from tensor.dim, the padded input is dynamic,
// and every tensor.empty takes the computed sizes.

// CHECK-LABEL: func.func @conv_dynamic
// CHECK-SAME: (%[[X:.*]]: tensor<?x?x?x?xf32>, %[[F:.*]]: tensor<3x3x?x?xf32>)
// CHECK-DAG: %[[N:.*]] = tensor.dim %[[X]], %{{.*}} : tensor<?x?x?x?xf32>
// CHECK-DAG: %[[H:.*]] = tensor.dim %[[X]], %{{.*}} : tensor<?x?x?x?xf32>
// CHECK: %[[HQ:.*]] = arith.floordivsi %{{.*}}, %{{.*}} : index
// CHECK: %[[HQ1:.*]] = arith.addi %[[HQ]], %{{.*}} : index
// CHECK: %[[OH:.*]] = arith.maxsi %[[HQ1]], %{{.*}} : index
// CHECK: %[[PAD:.*]] = tensor.pad %[[X]] low[0, 1, 1, 0] high[0, 1, 1, 0]
// CHECK: } : tensor<?x?x?x?xf32> to tensor<?x?x?x?xf32>
// CHECK: %[[FD:.*]] = tensor.dim %[[F]], %{{.*}} : tensor<3x3x?x?xf32>
// CHECK: tensor.empty(%[[N]], %[[OH]], %[[OW:.*]], %[[FD]]) : tensor<?x?x?x?xf32>
// CHECK: linalg.conv_2d_nhwc_hwcf {{.*}} ins(%[[PAD]], %[[F]] : tensor<?x?x?x?xf32>, tensor<3x3x?x?xf32>)
// CHECK: tensor.empty(%[[N]], %[[OH]], %[[OW]]) : tensor<?x?x?x1xf32>
// CHECK: linalg.pooling_nhwc_sum {{.*}} strides = dense<[2, 1]> : tensor<2xi64>
func.func @conv_dynamic(%x: tensor<?x?x?x?xf32>, %f: tensor<3x3x?x?xf32>) -> tensor<?x?x?x?xf32> {
  %y = yat.conv %x, %f {strides = array<i64: 2, 1>, padding = array<i64: 1, 1, 1, 1>} : (tensor<?x?x?x?xf32>, tensor<3x3x?x?xf32>) -> tensor<?x?x?x?xf32>
  return %y : tensor<?x?x?x?xf32>
}

// -----

// yat.conv_with_norms with groups reads the supplied norms, viewed as
// groups × F/groups like the bias, instead of reducing the filter.

// CHECK-LABEL: func.func @conv_with_norms_grouped
// CHECK-SAME: (%[[X:.*]]: tensor<1x6x6x4xf32>, %[[F:.*]]: tensor<3x3x2x6xf32>, %[[NORMS:.*]]: tensor<6xf32>, %[[B:.*]]: tensor<6xf32>)
// CHECK-NOT: ins(%{{.*}} : tensor<3x3x2x2x3xf32>) outs
// CHECK: %[[NG:.*]] = tensor.expand_shape %[[NORMS]] {{\[}}[0, 1]] output_shape [2, 3] : tensor<6xf32> into tensor<2x3xf32>
// CHECK: %[[BG:.*]] = tensor.expand_shape %[[B]] {{\[}}[0, 1]] output_shape [2, 3] : tensor<6xf32> into tensor<2x3xf32>
// CHECK: %[[Y:.*]] = linalg.generic {{.*}} ins(%{{.*}}, %{{.*}}, %[[NG]], %[[BG]] : tensor<1x4x4x2x3xf32>, tensor<1x4x4x2xf32>, tensor<2x3xf32>, tensor<2x3xf32>)
// CHECK: tensor.collapse_shape %[[Y]] {{\[}}[0], [1], [2], [3, 4]] : tensor<1x4x4x2x3xf32> into tensor<1x4x4x6xf32>
func.func @conv_with_norms_grouped(%x: tensor<1x6x6x4xf32>, %f: tensor<3x3x2x6xf32>, %n: tensor<6xf32>, %b: tensor<6xf32>) -> tensor<1x4x4x6xf32> {
  %y = yat.conv_with_norms %x, %f norms(%n), %b {groups = 2 : i64} : (tensor<1x6x6x4xf32>, tensor<3x3x2x6xf32>, tensor<6xf32>, tensor<6xf32>) -> tensor<1x4x4x6xf32>
  return %y : tensor<1x4x4x6xf32>
}

// -----

// Depthwise (4 groups of one channel and one filter): the filter's unit
// channel dim is dropped, and the dot and the window sums of squares are
// generics over (n, h, w, kh, kw, c) with the channel innermost, which
// every operand holds contiguously; the epilogue reads the sums per channel.
// CHECK-DAG: #[[DW_IN:.*]] = affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d1 + d3, d2 * 2 + d4, d5)>
// CHECK-DAG: #[[DW_F:.*]] = affine_map<(d0, d1, d2, d3, d4, d5) -> (d3, d4, d5)>
// CHECK-DAG: #[[DW_OUT:.*]] = affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d1, d2, d5)>
// CHECK-LABEL: func.func @conv2d_depthwise
// CHECK-SAME: (%[[X:.*]]: tensor<1x6x9x4xf32>, %[[F:.*]]: tensor<3x3x1x4xf32>, %[[B:.*]]: tensor<4xf32>)
// CHECK: %[[PAD:.*]] = tensor.pad %[[X]] low[0, 1, 1, 0] high[0, 1, 1, 0]
// CHECK: %[[FC:.*]] = tensor.collapse_shape %[[F]] {{\[}}[0], [1], [2, 3]] : tensor<3x3x1x4xf32> into tensor<3x3x4xf32>
// CHECK: %[[DOT:.*]] = linalg.generic {indexing_maps = [#[[DW_IN]], #[[DW_F]], #[[DW_OUT]]], iterator_types = ["parallel", "parallel", "parallel", "reduction", "reduction", "parallel"]}
// CHECK-SAME: ins(%[[PAD]], %[[FC]] : tensor<1x8x11x4xf32>, tensor<3x3x4xf32>) outs(%{{.*}} : tensor<1x6x5x4xf32>)
// CHECK: arith.mulf
// CHECK: %[[PATCH:.*]] = linalg.generic {indexing_maps = [#[[DW_IN]], #[[DW_F]], #[[DW_OUT]]], iterator_types = ["parallel", "parallel", "parallel", "reduction", "reduction", "parallel"]}
// CHECK-SAME: ins(%[[PAD]], %[[FC]] : tensor<1x8x11x4xf32>, tensor<3x3x4xf32>) outs(%{{.*}} : tensor<1x6x5x4xf32>)
// CHECK: ^bb0(%[[XV:.*]]: f32, %{{.*}}: f32, %[[ACC:.*]]: f32):
// CHECK: %[[SQ:.*]] = arith.mulf %[[XV]], %[[XV]] : f32
// CHECK: arith.addf %[[ACC]], %[[SQ]] : f32
// CHECK: %[[FN:.*]] = linalg.generic {{.*}} ins(%[[F]] : tensor<3x3x1x4xf32>) outs(%{{.*}} : tensor<4xf32>)
// CHECK: linalg.generic {{.*}} ins(%[[DOT]], %[[PATCH]], %[[FN]], %[[B]] : tensor<1x6x5x4xf32>, tensor<1x6x5x4xf32>, tensor<4xf32>, tensor<4xf32>) outs(%{{.*}} : tensor<1x6x5x4xf32>)
func.func @conv2d_depthwise(%x: tensor<1x6x9x4xf32>, %f: tensor<3x3x1x4xf32>, %b: tensor<4xf32>) -> tensor<1x6x5x4xf32> {
  %y = yat.conv %x, %f, %b {groups = 4 : i64, strides = array<i64: 1, 2>, padding = array<i64: 1, 1, 1, 1>} : (tensor<1x6x9x4xf32>, tensor<3x3x1x4xf32>, tensor<4xf32>) -> tensor<1x6x5x4xf32>
  return %y : tensor<1x6x5x4xf32>
}
