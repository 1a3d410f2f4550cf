// REQUIRES: stablehlo
// nmn's m3za MiniBERT from examples/zoo: the YatNMN of each block's
// feed-forward raises to yat.product (no bias, nmn's default learnable
// alpha left at 1, so neither appears). The attention is m3za's Performer
// (SLAY) mode, a random-feature approximation of the ⵟ kernel computed in
// while loops: it is no ⵟ-attention and stays StableHLO.
//
// RUN: yat-opt %S/../../../examples/zoo/mini_bert.mlir --yat-raise-stablehlo | FileCheck %s --implicit-check-not=yat.

// CHECK-LABEL: func.func public @main
// CHECK-SAME: (%{{.*}}: tensor<2x8xi32>) -> (tensor<2x8x32xf32>
// CHECK: stablehlo.while
// CHECK: stablehlo.while
// CHECK: %[[W1:.*]] = stablehlo.transpose %{{.*}}, dims = [1, 0] : (tensor<16x32xf32>) -> tensor<32x16xf32>
// CHECK: %[[P1:.*]] = yat.product %{{.*}}, %[[W1]] : (tensor<2x8x16xf32>, tensor<32x16xf32>) -> tensor<2x8x32xf32>
// CHECK: stablehlo.dot_general %[[P1]], %{{.*}}, contracting_dims = [2] x [0]
// CHECK: stablehlo.while
// CHECK: stablehlo.while
// CHECK: %[[W2:.*]] = stablehlo.transpose %{{.*}}, dims = [1, 0] : (tensor<16x32xf32>) -> tensor<32x16xf32>
// CHECK: %[[P2:.*]] = yat.product %{{.*}}, %[[W2]] : (tensor<2x8x16xf32>, tensor<32x16xf32>) -> tensor<2x8x32xf32>
// CHECK: stablehlo.dot_general %[[P2]], %{{.*}}, contracting_dims = [2] x [0]
// CHECK: return %{{.*}} : tensor<2x8x32xf32>
