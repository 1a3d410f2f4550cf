// REQUIRES: stablehlo
// nmn's Aether ResNet of examples/zoo: the YatConv of each of its four
// BasicBlocks should raise to yat.conv (3x3, padding 1, no bias, constant
// alpha sqrt(2); stride 2 from the second stage on) and the YatNMN head to
// yat.product; the stem's convolution (7x7, stride 2) and nnx.max_pool
// (stablehlo.reduce_window) stay as they are.
//
// RUN: yat-opt %S/../../../examples/zoo/aether_resnet.mlir --yat-raise-stablehlo | FileCheck %s --implicit-check-not=yat.

// CHECK-LABEL: func.func public @main
// CHECK-SAME: (%{{.*}}: tensor<2x32x32x3xf32>) -> (tensor<2x10xf32>
// CHECK: stablehlo.convolution
// CHECK: stablehlo.reduce_window
// CHECK: yat.conv %{{.*}}, %{{.*}} {alpha = 1.41421354 : f32, padding = array<i64: 1, 1, 1, 1>} : (tensor<2x8x8x4xf32>, tensor<3x3x4x4xf32>) -> tensor<2x8x8x4xf32>
// CHECK: yat.conv %{{.*}}, %{{.*}} {alpha = 1.41421354 : f32, padding = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>} : (tensor<2x8x8x4xf32>, tensor<3x3x4x8xf32>) -> tensor<2x4x4x8xf32>
// CHECK: yat.conv %{{.*}}, %{{.*}} {alpha = 1.41421354 : f32, padding = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>} : (tensor<2x4x4x8xf32>, tensor<3x3x8x16xf32>) -> tensor<2x2x2x16xf32>
// CHECK: yat.conv %{{.*}}, %{{.*}} {alpha = 1.41421354 : f32, padding = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>} : (tensor<2x2x2x16xf32>, tensor<3x3x16x16xf32>) -> tensor<2x1x1x16xf32>
// CHECK: yat.product %{{.*}}, %{{.*}} {alpha = 1.41421354 : f32} : (tensor<2x16xf32>, tensor<10x16xf32>) -> tensor<2x10xf32>
// CHECK: return %{{.*}} : tensor<2x10xf32>
