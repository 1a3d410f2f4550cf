// RUN: yat-opt %s -split-input-file -yat-cache-norms | FileCheck %s

// A constant weight's norms fold to a constant: no reduction over it is left.
// CHECK-LABEL: func.func @constant_weight
// CHECK-SAME: (%[[X:.*]]: tensor<2x2xf32>)
// CHECK-DAG: %[[W:.*]] = arith.constant dense<{{\[}}[1.000000e+00, 2.000000e+00], [3.000000e+00, -4.000000e+00], [0.000000e+00, 5.000000e-01]]> : tensor<3x2xf32>
// CHECK-DAG: %[[N:.*]] = arith.constant dense<[5.000000e+00, 2.500000e+01, 2.500000e-01]> : tensor<3xf32>
// CHECK-NOT: yat.squared_norms
// CHECK: yat.product_with_norms %[[X]], %[[W]] norms(%[[N]])
func.func @constant_weight(%x: tensor<2x2xf32>) -> tensor<2x3xf32> {
  %w = arith.constant dense<[[1.0, 2.0], [3.0, -4.0], [0.0, 0.5]]> : tensor<3x2xf32>
  %y = yat.product %x, %w : (tensor<2x2xf32>, tensor<3x2xf32>) -> tensor<2x3xf32>
  return %y : tensor<2x3xf32>
}

// -----

// Two layers reading the same argument weight share one norm computation,
// placed at the function entry.
// CHECK-LABEL: func.func @shared_weight
// CHECK-SAME: (%[[X:.*]]: tensor<4x8xf32>, %[[Z:.*]]: tensor<2x8xf32>, %[[W:.*]]: tensor<16x8xf32>)
// CHECK-NEXT: %[[N:.*]] = yat.squared_norms %[[W]] dims = [1] : tensor<16x8xf32> -> tensor<16xf32>
// CHECK-NEXT: %[[A:.*]] = yat.product_with_norms %[[X]], %[[W]] norms(%[[N]])
// CHECK-NEXT: %[[B:.*]] = yat.product_with_norms %[[Z]], %[[W]] norms(%[[N]]) {alpha = 2.000000e+00 : f32}
// CHECK-NOT: yat.squared_norms
func.func @shared_weight(%x: tensor<4x8xf32>, %z: tensor<2x8xf32>, %w: tensor<16x8xf32>) -> (tensor<4x16xf32>, tensor<2x16xf32>) {
  %a = yat.product %x, %w : (tensor<4x8xf32>, tensor<16x8xf32>) -> tensor<4x16xf32>
  %b = yat.product %z, %w {alpha = 2.0 : f32} : (tensor<2x8xf32>, tensor<16x8xf32>) -> tensor<2x16xf32>
  return %a, %b : tensor<4x16xf32>, tensor<2x16xf32>
}

// -----

// A layer inside a loop gets its weight's norms computed once, before the
// loop, not on every iteration.
// CHECK-LABEL: func.func @weight_in_loop
// CHECK-SAME: (%[[X:.*]]: tensor<4x8xf32>, %[[W:.*]]: tensor<8x8xf32>, %[[B:.*]]: tensor<8xf32>)
// CHECK: %[[N:.*]] = yat.squared_norms %[[W]] dims = [1]
// CHECK: scf.for
// CHECK-NOT: yat.squared_norms
// CHECK: yat.product_with_norms %{{.*}}, %[[W]] norms(%[[N]]), %[[B]]
// CHECK: scf.yield
func.func @weight_in_loop(%x: tensor<4x8xf32>, %w: tensor<8x8xf32>, %b: tensor<8xf32>) -> tensor<4x8xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c6 = arith.constant 6 : index
  %r = scf.for %i = %c0 to %c6 step %c1 iter_args(%h = %x) -> tensor<4x8xf32> {
    %y = yat.product %h, %w, %b : (tensor<4x8xf32>, tensor<8x8xf32>, tensor<8xf32>) -> tensor<4x8xf32>
    scf.yield %y : tensor<4x8xf32>
  }
  return %r : tensor<4x8xf32>
}

// -----

// Conv filters are reduced over every dim but the filter dim; the
// attributes carry over unchanged.
// CHECK-LABEL: func.func @conv_filter
// CHECK-SAME: (%[[I:.*]]: tensor<1x9x9x4xf32>, %[[F:.*]]: tensor<3x3x2x6xf32>)
// CHECK: %[[N:.*]] = yat.squared_norms %[[F]] dims = [0, 1, 2] : tensor<3x3x2x6xf32> -> tensor<6xf32>
// CHECK: yat.conv_with_norms %[[I]], %[[F]] norms(%[[N]]) {groups = 2 : i64, strides = array<i64: 2, 2>}
func.func @conv_filter(%i: tensor<1x9x9x4xf32>, %f: tensor<3x3x2x6xf32>) -> tensor<1x4x4x6xf32> {
  %y = yat.conv %i, %f {strides = array<i64: 2, 2>, groups = 2 : i64} : (tensor<1x9x9x4xf32>, tensor<3x3x2x6xf32>) -> tensor<1x4x4x6xf32>
  return %y : tensor<1x4x4x6xf32>
}

// -----

// A weight computed inside the function gets its norms right after it.
// CHECK-LABEL: func.func @computed_weight
// CHECK: %[[W:.*]] = yat.rms_norm
// CHECK-NEXT: %[[N:.*]] = yat.squared_norms %[[W]] dims = [1] : tensor<3x4xf16> -> tensor<3xf32>
// CHECK: yat.product_with_norms %{{.*}}, %[[W]] norms(%[[N]])
func.func @computed_weight(%x: tensor<2x4xf16>, %raw: tensor<3x4xf16>) -> tensor<2x3xf16> {
  %w = yat.rms_norm %raw : (tensor<3x4xf16>) -> tensor<3x4xf16>
  %y = yat.product %x, %w : (tensor<2x4xf16>, tensor<3x4xf16>) -> tensor<2x3xf16>
  return %y : tensor<2x3xf16>
}
