// REQUIRES: stablehlo
// The ⵟ GPT decoder of examples/zoo (scripts/export_model_zoo.py): both
// blocks' causal multi-head ⵟ-attention raise to yat.attention (nmn's
// learnable alpha folded into the scale) and their YatNMN feed-forward to
// yat.product; the Q/K/V/O projections, the Linear layers and the head stay
// dot_generals, and no exponential (softmax) is left.
//
// RUN: yat-opt %S/../../../examples/zoo/aether_gpt.mlir --yat-raise-stablehlo | FileCheck %s --implicit-check-not=stablehlo.exponential --implicit-check-not=yat.

// CHECK-LABEL: func.func public @main
// CHECK-SAME: (%{{.*}}: tensor<2x8xi32>) -> (tensor<2x8x32xf32>
// CHECK: %[[Q1:.*]] = stablehlo.transpose %{{.*}}, dims = [0, 2, 1, 3] : (tensor<2x8x2x8xf32>) -> tensor<2x2x8x8xf32>
// CHECK: %[[K1:.*]] = stablehlo.transpose %{{.*}}, dims = [0, 2, 1, 3] : (tensor<2x8x2x8xf32>) -> tensor<2x2x8x8xf32>
// CHECK: %[[V1:.*]] = stablehlo.transpose %{{.*}}, dims = [0, 2, 1, 3] : (tensor<2x8x2x8xf32>) -> tensor<2x2x8x8xf32>
// CHECK: %[[A1:.*]] = yat.attention %[[Q1]], %[[K1]], %[[V1]] {causal, scale = {{.*}} : f32} : (tensor<2x2x8x8xf32>, tensor<2x2x8x8xf32>, tensor<2x2x8x8xf32>) -> tensor<2x2x8x8xf32>
// CHECK: %[[O1:.*]] = stablehlo.transpose %[[A1]], dims = [0, 2, 1, 3]
// CHECK: stablehlo.dot_general %[[O1]], %{{.*}}, contracting_dims = [2, 3] x [0, 1]
// CHECK: %[[W1:.*]] = stablehlo.transpose %{{.*}}, dims = [1, 0] : (tensor<16x32xf32>) -> tensor<32x16xf32>
// CHECK: %[[P1:.*]] = yat.product %{{.*}}, %[[W1]], %{{.*}} {alpha = {{.*}} : f32} : (tensor<2x8x16xf32>, tensor<32x16xf32>, tensor<32xf32>) -> tensor<2x8x32xf32>
// CHECK: stablehlo.dot_general %[[P1]], %{{.*}}, contracting_dims = [2] x [0]
// CHECK: %[[A2:.*]] = yat.attention %{{.*}}, %{{.*}}, %{{.*}} {causal, scale = {{.*}} : f32} : (tensor<2x2x8x8xf32>, tensor<2x2x8x8xf32>, tensor<2x2x8x8xf32>) -> tensor<2x2x8x8xf32>
// CHECK: stablehlo.transpose %[[A2]], dims = [0, 2, 1, 3]
// CHECK: %[[P2:.*]] = yat.product %{{.*}}, %{{.*}}, %{{.*}} {alpha = {{.*}} : f32} : (tensor<2x8x16xf32>, tensor<32x16xf32>, tensor<32xf32>) -> tensor<2x8x32xf32>
// CHECK: stablehlo.dot_general %[[P2]], %{{.*}}, contracting_dims = [2] x [0]
// CHECK: %[[LOGITS:.*]] = stablehlo.add %{{.*}} : tensor<2x8x32xf32>
// CHECK: return %[[LOGITS]] : tensor<2x8x32xf32>
