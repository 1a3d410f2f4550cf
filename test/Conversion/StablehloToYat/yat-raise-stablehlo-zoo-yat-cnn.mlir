// REQUIRES: stablehlo
// The YatConv CNN of examples/zoo: both YatConv layers raise to yat.conv
// (SAME padding 1; the second strided with nmn's constant alpha sqrt(2));
// the global mean and the Linear classifier stay StableHLO.
//
// RUN: yat-opt %S/../../../examples/zoo/yat_cnn.mlir --yat-raise-stablehlo | FileCheck %s --implicit-check-not=stablehlo.convolution --implicit-check-not=yat.

// CHECK-LABEL: func.func public @main
// CHECK-SAME: (%[[X:.*]]: tensor<2x14x14x1xf32>) -> (tensor<2x10xf32>
// CHECK: %[[C1:.*]] = yat.conv %[[X]], %{{.*}}, %{{.*}} {alpha = {{.*}} : f32, padding = array<i64: 1, 1, 1, 1>} : (tensor<2x14x14x1xf32>, tensor<3x3x1x4xf32>, tensor<4xf32>) -> tensor<2x14x14x4xf32>
// CHECK: %[[C2:.*]] = yat.conv %[[C1]], %{{.*}}, %{{.*}} {alpha = 1.41421354 : f32, padding = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>} : (tensor<2x14x14x4xf32>, tensor<3x3x4x8xf32>, tensor<8xf32>) -> tensor<2x7x7x8xf32>
// CHECK: %[[SUM:.*]] = stablehlo.reduce(%[[C2]] init: %{{.*}}) applies stablehlo.add across dimensions = [1, 2]
// CHECK: %[[MEAN:.*]] = stablehlo.divide %[[SUM]], %{{.*}} : tensor<2x8xf32>
// CHECK: stablehlo.dot_general %[[MEAN]], %{{.*}}, contracting_dims = [1] x [0]
// CHECK: return %{{.*}} : tensor<2x10xf32>
