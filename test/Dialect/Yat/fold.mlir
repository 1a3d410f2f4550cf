// RUN: yat-opt %s -split-input-file -canonicalize | FileCheck %s

// yat.ternarize of a constant folds to the packed weight and its scale,
// and the float weight is gone: mean |w| = 12.6 / 16 = 0.7875; row 0 is
// t = [1, -1, 0, 1 | 1, -1, 1, -1] (0.4 / 0.7875 = 0.51 rounds to 1, 2 and
// -3 clamp), bytes 1 + (3 << 2) + (1 << 6) = 77 and
// 1 + (3 << 2) + (1 << 4) + (3 << 6) = 221 = -35 as i8; row 1 is
// [0, 0, 0, 0 | 1, 1, 1, 1], bytes 0 and 85.
// CHECK-LABEL: func.func @constant_weight
// CHECK-DAG: %[[PACKED:.*]] = arith.constant dense<{{\[}}[77, -35], [0, 85]]> : tensor<2x2xi8>
// CHECK-DAG: %[[SCALE:.*]] = arith.constant dense<7.875000e-01> : tensor<f32>
// CHECK-NOT: tensor<2x8xf32>
// CHECK: return %[[PACKED]], %[[SCALE]]
func.func @constant_weight() -> (tensor<2x2xi8>, tensor<f32>) {
  %w = arith.constant dense<[[1.0, -1.0, 0.0, 0.4, 2.0, -3.0, 0.6, -0.6], [0.0, 0.0, 0.0, 0.0, 1.0, 1.0, 1.0, 1.0]]> : tensor<2x8xf32>
  %p, %s = yat.ternarize %w : (tensor<2x8xf32>) -> (tensor<2x2xi8>, tensor<f32>)
  return %p, %s : tensor<2x2xi8>, tensor<f32>
}

// -----

// An all-zero bf16 weight: the scale is the 1e-5 floor and every code 0.
// CHECK-LABEL: func.func @zeros
// CHECK-DAG: %[[PACKED:.*]] = arith.constant dense<0> : tensor<1x4xi8>
// CHECK-DAG: %[[SCALE:.*]] = arith.constant dense<9.99999974E-6> : tensor<f32>
// CHECK: return %[[PACKED]], %[[SCALE]]
func.func @zeros() -> (tensor<1x4xi8>, tensor<f32>) {
  %w = arith.constant dense<0.0> : tensor<1x16xbf16>
  %p, %s = yat.ternarize %w : (tensor<1x16xbf16>) -> (tensor<1x4xi8>, tensor<f32>)
  return %p, %s : tensor<1x4xi8>, tensor<f32>
}

// -----

// A weight known only at run time stays.
// CHECK-LABEL: func.func @argument
// CHECK: yat.ternarize %{{.*}} : (tensor<2x8xf32>)
func.func @argument(%w: tensor<2x8xf32>) -> (tensor<2x2xi8>, tensor<f32>) {
  %p, %s = yat.ternarize %w : (tensor<2x8xf32>) -> (tensor<2x2xi8>, tensor<f32>)
  return %p, %s : tensor<2x2xi8>, tensor<f32>
}
