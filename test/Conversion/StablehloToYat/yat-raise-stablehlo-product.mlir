// REQUIRES: stablehlo
// RUN: yat-opt %s -split-input-file --yat-raise-stablehlo | FileCheck %s
// RUN: yat-opt %s -split-input-file --yat-raise-stablehlo=remarks=true -verify-diagnostics > /dev/null

// A [N, K] weight contracted on dim 1, the clamped expanded distance, a bias
// and a constant alpha applied after the division.
// CHECK-LABEL: func.func @weight_nk
// CHECK-SAME: (%[[X:.*]]: tensor<2x8xf32>, %[[W:.*]]: tensor<4x8xf32>, %[[B:.*]]: tensor<4xf32>)
// CHECK-NOT: stablehlo.transpose
// CHECK: %[[Y:.*]] = yat.product %[[X]], %[[W]], %[[B]] {alpha = 2.000000e+00 : f32, epsilon = 1.000000e-03 : f32} : (tensor<2x8xf32>, tensor<4x8xf32>, tensor<4xf32>) -> tensor<2x4xf32>
// CHECK-NEXT: return %[[Y]]
func.func @weight_nk(%x: tensor<2x8xf32>, %w: tensor<4x8xf32>, %b: tensor<4xf32>) -> tensor<2x4xf32> {
  %zero = stablehlo.constant dense<0.0> : tensor<f32>
  %dot = stablehlo.dot_general %x, %w, contracting_dims = [1] x [1] : (tensor<2x8xf32>, tensor<4x8xf32>) -> tensor<2x4xf32>
  %xx = stablehlo.multiply %x, %x : tensor<2x8xf32>
  %xn = stablehlo.reduce(%xx init: %zero) applies stablehlo.add across dimensions = [1] : (tensor<2x8xf32>, tensor<f32>) -> tensor<2xf32>
  %xnb = stablehlo.broadcast_in_dim %xn, dims = [0] : (tensor<2xf32>) -> tensor<2x4xf32>
  %ww = stablehlo.multiply %w, %w : tensor<4x8xf32>
  %wn = stablehlo.reduce(%ww init: %zero) applies stablehlo.add across dimensions = [1] : (tensor<4x8xf32>, tensor<f32>) -> tensor<4xf32>
  %wnb = stablehlo.broadcast_in_dim %wn, dims = [1] : (tensor<4xf32>) -> tensor<2x4xf32>
  %two = stablehlo.constant dense<2.0> : tensor<2x4xf32>
  %dot2 = stablehlo.multiply %two, %dot : tensor<2x4xf32>
  %norms = stablehlo.add %xnb, %wnb : tensor<2x4xf32>
  %raw = stablehlo.subtract %norms, %dot2 : tensor<2x4xf32>
  %zeros = stablehlo.constant dense<0.0> : tensor<2x4xf32>
  %dist = stablehlo.maximum %raw, %zeros : tensor<2x4xf32>
  %eps = stablehlo.constant dense<1.0e-3> : tensor<2x4xf32>
  %den = stablehlo.add %dist, %eps : tensor<2x4xf32>
  %bb = stablehlo.broadcast_in_dim %b, dims = [1] : (tensor<4xf32>) -> tensor<2x4xf32>
  %num = stablehlo.add %dot, %bb : tensor<2x4xf32>
  %sq = stablehlo.multiply %num, %num : tensor<2x4xf32>
  %q = stablehlo.divide %sq, %den : tensor<2x4xf32>
  %r = stablehlo.multiply %q, %two : tensor<2x4xf32>
  return %r : tensor<2x4xf32>
}

// -----

// The distance written directly as Σ_k (x − w)² (broadcast subtract, square,
// reduce) with a [K, N] weight, the scale before the division: the weight
// gets a transpose.
// CHECK-LABEL: func.func @direct_distance_weight_kn
// CHECK-SAME: (%[[X:.*]]: tensor<2x8xf32>, %[[W:.*]]: tensor<8x4xf32>)
// CHECK: %[[WT:.*]] = stablehlo.transpose %[[W]], dims = [1, 0] : (tensor<8x4xf32>) -> tensor<4x8xf32>
// CHECK: %[[Y:.*]] = yat.product %[[X]], %[[WT]] {alpha = 5.000000e-01 : f32} : (tensor<2x8xf32>, tensor<4x8xf32>) -> tensor<2x4xf32>
// CHECK-NOT: stablehlo.reduce
// CHECK: return %[[Y]]
func.func @direct_distance_weight_kn(%x: tensor<2x8xf32>, %w: tensor<8x4xf32>) -> tensor<2x4xf32> {
  %zero = stablehlo.constant dense<0.0> : tensor<f32>
  %dot = stablehlo.dot_general %x, %w, contracting_dims = [1] x [0] : (tensor<2x8xf32>, tensor<8x4xf32>) -> tensor<2x4xf32>
  %xb = stablehlo.broadcast_in_dim %x, dims = [0, 2] : (tensor<2x8xf32>) -> tensor<2x4x8xf32>
  %wb = stablehlo.broadcast_in_dim %w, dims = [2, 1] : (tensor<8x4xf32>) -> tensor<2x4x8xf32>
  %diff = stablehlo.subtract %xb, %wb : tensor<2x4x8xf32>
  %sqd = stablehlo.multiply %diff, %diff : tensor<2x4x8xf32>
  %dist = stablehlo.reduce(%sqd init: %zero) applies stablehlo.add across dimensions = [2] : (tensor<2x4x8xf32>, tensor<f32>) -> tensor<2x4xf32>
  %eps = stablehlo.constant dense<1.0e-5> : tensor<2x4xf32>
  %den = stablehlo.add %eps, %dist : tensor<2x4xf32>
  %half = stablehlo.constant dense<0.5> : tensor<2x4xf32>
  %sq = stablehlo.multiply %dot, %dot : tensor<2x4xf32>
  %scaled = stablehlo.multiply %half, %sq : tensor<2x4xf32>
  %r = stablehlo.divide %scaled, %den : tensor<2x4xf32>
  return %r : tensor<2x4xf32>
}

// -----

// Operands in the other order everywhere: the norms summed w-first, the
// dot doubled as `dot · 2`, epsilon on the left, no clamp, and the division
// written as a multiply by a reciprocal.
// CHECK-LABEL: func.func @commuted_unclamped_reciprocal
// CHECK-SAME: (%[[X:.*]]: tensor<3x8xf32>, %[[W:.*]]: tensor<5x8xf32>)
// CHECK: %[[Y:.*]] = yat.product %[[X]], %[[W]] {epsilon = 9.99999974E-5 : f32} : (tensor<3x8xf32>, tensor<5x8xf32>) -> tensor<3x5xf32>
// CHECK-NEXT: return %[[Y]]
func.func @commuted_unclamped_reciprocal(%x: tensor<3x8xf32>, %w: tensor<5x8xf32>) -> tensor<3x5xf32> {
  %zero = stablehlo.constant dense<0.0> : tensor<f32>
  %one = stablehlo.constant dense<1.0> : tensor<3x5xf32>
  %dot = stablehlo.dot_general %x, %w, contracting_dims = [1] x [1] : (tensor<3x8xf32>, tensor<5x8xf32>) -> tensor<3x5xf32>
  %ww = stablehlo.multiply %w, %w : tensor<5x8xf32>
  %wn = stablehlo.reduce(%ww init: %zero) applies stablehlo.add across dimensions = [1] : (tensor<5x8xf32>, tensor<f32>) -> tensor<5xf32>
  %wn1 = stablehlo.reshape %wn : (tensor<5xf32>) -> tensor<1x5xf32>
  %wnb = stablehlo.broadcast_in_dim %wn1, dims = [0, 1] : (tensor<1x5xf32>) -> tensor<3x5xf32>
  %xx = stablehlo.multiply %x, %x : tensor<3x8xf32>
  %xn = stablehlo.reduce(%xx init: %zero) applies stablehlo.add across dimensions = [1] : (tensor<3x8xf32>, tensor<f32>) -> tensor<3xf32>
  %xnb = stablehlo.broadcast_in_dim %xn, dims = [0] : (tensor<3xf32>) -> tensor<3x5xf32>
  %two = stablehlo.constant dense<2.0> : tensor<f32>
  %twob = stablehlo.broadcast_in_dim %two, dims = [] : (tensor<f32>) -> tensor<3x5xf32>
  %dot2 = stablehlo.multiply %dot, %twob : tensor<3x5xf32>
  %norms = stablehlo.add %wnb, %xnb : tensor<3x5xf32>
  %dist = stablehlo.subtract %norms, %dot2 : tensor<3x5xf32>
  %eps = stablehlo.constant dense<1.0e-4> : tensor<3x5xf32>
  %den = stablehlo.add %eps, %dist : tensor<3x5xf32>
  %inv = stablehlo.divide %one, %den : tensor<3x5xf32>
  %sq = stablehlo.multiply %dot, %dot : tensor<3x5xf32>
  %r = stablehlo.multiply %inv, %sq : tensor<3x5xf32>
  return %r : tensor<3x5xf32>
}

// -----

// PyTorch's `x @ w.T`: the dot reads a transpose of the [N, K] weight whose
// norms are taken on the weight itself; the square is `power(·, 2)`, the
// clamp a `stablehlo.clamp`, the bias a constant, and x has rank 3.
// CHECK-LABEL: func.func @transposed_weight_power_clamp
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x8xf32>, %[[W:.*]]: tensor<4x8xf32>)
// CHECK: %[[B:.*]] = stablehlo.constant dense<2.500000e-01> : tensor<4xf32>
// CHECK: %[[Y:.*]] = yat.product %[[X]], %[[W]], %[[B]] : (tensor<2x3x8xf32>, tensor<4x8xf32>, tensor<4xf32>) -> tensor<2x3x4xf32>
// CHECK-NEXT: return %[[Y]]
func.func @transposed_weight_power_clamp(%x: tensor<2x3x8xf32>, %w: tensor<4x8xf32>) -> tensor<2x3x4xf32> {
  %zero = stablehlo.constant dense<0.0> : tensor<f32>
  %inf = stablehlo.constant dense<0x7F800000> : tensor<f32>
  %wt = stablehlo.transpose %w, dims = [1, 0] : (tensor<4x8xf32>) -> tensor<8x4xf32>
  %dot = stablehlo.dot_general %x, %wt, contracting_dims = [2] x [0] : (tensor<2x3x8xf32>, tensor<8x4xf32>) -> tensor<2x3x4xf32>
  %xx = stablehlo.multiply %x, %x : tensor<2x3x8xf32>
  %xn = stablehlo.reduce(%xx init: %zero) applies stablehlo.add across dimensions = [2] : (tensor<2x3x8xf32>, tensor<f32>) -> tensor<2x3xf32>
  %xnb = stablehlo.broadcast_in_dim %xn, dims = [0, 1] : (tensor<2x3xf32>) -> tensor<2x3x4xf32>
  %ww = stablehlo.multiply %w, %w : tensor<4x8xf32>
  %wn = stablehlo.reduce(%ww init: %zero) applies stablehlo.add across dimensions = [1] : (tensor<4x8xf32>, tensor<f32>) -> tensor<4xf32>
  %wnb = stablehlo.broadcast_in_dim %wn, dims = [2] : (tensor<4xf32>) -> tensor<2x3x4xf32>
  %two = stablehlo.constant dense<2.0> : tensor<2x3x4xf32>
  %dot2 = stablehlo.multiply %two, %dot : tensor<2x3x4xf32>
  %norms = stablehlo.add %xnb, %wnb : tensor<2x3x4xf32>
  %raw = stablehlo.subtract %norms, %dot2 : tensor<2x3x4xf32>
  %dist = stablehlo.clamp %zero, %raw, %inf : (tensor<f32>, tensor<2x3x4xf32>, tensor<f32>) -> tensor<2x3x4xf32>
  %eps = stablehlo.constant dense<1.0e-5> : tensor<2x3x4xf32>
  %den = stablehlo.add %dist, %eps : tensor<2x3x4xf32>
  %bias = stablehlo.constant dense<0.25> : tensor<2x3x4xf32>
  %num = stablehlo.add %bias, %dot : tensor<2x3x4xf32>
  %sq = stablehlo.power %num, %two : tensor<2x3x4xf32>
  %r = stablehlo.divide %sq, %den : tensor<2x3x4xf32>
  return %r : tensor<2x3x4xf32>
}

// -----

// bf16 operands converted to f32 by separate converts for the dot and the
// norms (no CSE), and `x − 0`: the same values; the f32 yat.product sits
// between the converts.
// CHECK-LABEL: func.func @duplicated_converts
// CHECK-SAME: (%[[X:.*]]: tensor<2x8xbf16>, %[[W:.*]]: tensor<4x8xbf16>)
// CHECK: %[[X32:.*]] = stablehlo.convert %[[X]] : (tensor<2x8xbf16>) -> tensor<2x8xf32>
// CHECK: %[[W32:.*]] = stablehlo.convert %[[W]] : (tensor<4x8xbf16>) -> tensor<4x8xf32>
// CHECK: %[[Y:.*]] = yat.product %[[X32]], %[[W32]] : (tensor<2x8xf32>, tensor<4x8xf32>) -> tensor<2x4xf32>
// CHECK: %[[Y16:.*]] = stablehlo.convert %[[Y]] : (tensor<2x4xf32>) -> tensor<2x4xbf16>
// CHECK: return %[[Y16]]
func.func @duplicated_converts(%x: tensor<2x8xbf16>, %w: tensor<4x8xbf16>) -> tensor<2x4xbf16> {
  %zero = stablehlo.constant dense<0.0> : tensor<f32>
  %x32 = stablehlo.convert %x : (tensor<2x8xbf16>) -> tensor<2x8xf32>
  %w32 = stablehlo.convert %w : (tensor<4x8xbf16>) -> tensor<4x8xf32>
  %dot = stablehlo.dot_general %x32, %w32, contracting_dims = [1] x [1] : (tensor<2x8xf32>, tensor<4x8xf32>) -> tensor<2x4xf32>
  %x32b = stablehlo.convert %x : (tensor<2x8xbf16>) -> tensor<2x8xf32>
  %zeros = stablehlo.constant dense<0.0> : tensor<2x8xf32>
  %xc = stablehlo.subtract %x32b, %zeros : tensor<2x8xf32>
  %xx = stablehlo.multiply %xc, %x32b : tensor<2x8xf32>
  %xn = stablehlo.reduce(%xx init: %zero) applies stablehlo.add across dimensions = [1] : (tensor<2x8xf32>, tensor<f32>) -> tensor<2xf32>
  %xnb = stablehlo.broadcast_in_dim %xn, dims = [0] : (tensor<2xf32>) -> tensor<2x4xf32>
  %w32b = stablehlo.convert %w : (tensor<4x8xbf16>) -> tensor<4x8xf32>
  %ww = stablehlo.multiply %w32b, %w32b : tensor<4x8xf32>
  %wn = stablehlo.reduce(%ww init: %zero) applies stablehlo.add across dimensions = [1] : (tensor<4x8xf32>, tensor<f32>) -> tensor<4xf32>
  %wnb = stablehlo.broadcast_in_dim %wn, dims = [1] : (tensor<4xf32>) -> tensor<2x4xf32>
  %two = stablehlo.constant dense<2.0> : tensor<2x4xf32>
  %dot2 = stablehlo.multiply %two, %dot : tensor<2x4xf32>
  %norms = stablehlo.add %xnb, %wnb : tensor<2x4xf32>
  %raw = stablehlo.subtract %norms, %dot2 : tensor<2x4xf32>
  %zeros2 = stablehlo.constant dense<0.0> : tensor<2x4xf32>
  %dist = stablehlo.maximum %raw, %zeros2 : tensor<2x4xf32>
  %eps = stablehlo.constant dense<1.0e-5> : tensor<2x4xf32>
  %den = stablehlo.add %dist, %eps : tensor<2x4xf32>
  %sq = stablehlo.multiply %dot, %dot : tensor<2x4xf32>
  %r = stablehlo.divide %sq, %den : tensor<2x4xf32>
  %r16 = stablehlo.convert %r : (tensor<2x4xf32>) -> tensor<2x4xbf16>
  return %r16 : tensor<2x4xbf16>
}

// -----

// A gate that multiplies the ⵟ-product stays outside; only the ⵟ-product
// is raised.
// CHECK-LABEL: func.func @gated
// CHECK-SAME: (%[[X:.*]]: tensor<2x8xf32>, %[[W:.*]]: tensor<4x8xf32>, %[[G:.*]]: tensor<2x4xf32>)
// CHECK: %[[Y:.*]] = yat.product %[[X]], %[[W]] : (tensor<2x8xf32>, tensor<4x8xf32>) -> tensor<2x4xf32>
// CHECK: %[[R:.*]] = stablehlo.multiply %[[Y]], %[[G]] : tensor<2x4xf32>
// CHECK: return %[[R]]
func.func @gated(%x: tensor<2x8xf32>, %w: tensor<4x8xf32>, %g: tensor<2x4xf32>) -> tensor<2x4xf32> {
  %zero = stablehlo.constant dense<0.0> : tensor<f32>
  %dot = stablehlo.dot_general %x, %w, contracting_dims = [1] x [1] : (tensor<2x8xf32>, tensor<4x8xf32>) -> tensor<2x4xf32>
  %xx = stablehlo.multiply %x, %x : tensor<2x8xf32>
  %xn = stablehlo.reduce(%xx init: %zero) applies stablehlo.add across dimensions = [1] : (tensor<2x8xf32>, tensor<f32>) -> tensor<2xf32>
  %xnb = stablehlo.broadcast_in_dim %xn, dims = [0] : (tensor<2xf32>) -> tensor<2x4xf32>
  %ww = stablehlo.multiply %w, %w : tensor<4x8xf32>
  %wn = stablehlo.reduce(%ww init: %zero) applies stablehlo.add across dimensions = [1] : (tensor<4x8xf32>, tensor<f32>) -> tensor<4xf32>
  %wnb = stablehlo.broadcast_in_dim %wn, dims = [1] : (tensor<4xf32>) -> tensor<2x4xf32>
  %norms = stablehlo.add %xnb, %wnb : tensor<2x4xf32>
  %dot2 = stablehlo.add %dot, %dot : tensor<2x4xf32>
  %dist = stablehlo.subtract %norms, %dot2 : tensor<2x4xf32>
  %eps = stablehlo.constant dense<1.0e-5> : tensor<2x4xf32>
  %den = stablehlo.add %dist, %eps : tensor<2x4xf32>
  %sq = stablehlo.multiply %dot, %dot : tensor<2x4xf32>
  %q = stablehlo.divide %sq, %den : tensor<2x4xf32>
  %r = stablehlo.multiply %q, %g : tensor<2x4xf32>
  return %r : tensor<2x4xf32>
}

// -----

// Not raised: the distance subtracts 3·dot instead of 2·dot.
// CHECK-LABEL: func.func @wrong_dot_coefficient
// CHECK-NOT: yat.product
// CHECK: stablehlo.divide
func.func @wrong_dot_coefficient(%x: tensor<2x8xf32>, %w: tensor<4x8xf32>) -> tensor<2x4xf32> {
  %zero = stablehlo.constant dense<0.0> : tensor<f32>
  %dot = stablehlo.dot_general %x, %w, contracting_dims = [1] x [1] : (tensor<2x8xf32>, tensor<4x8xf32>) -> tensor<2x4xf32>
  %xx = stablehlo.multiply %x, %x : tensor<2x8xf32>
  %xn = stablehlo.reduce(%xx init: %zero) applies stablehlo.add across dimensions = [1] : (tensor<2x8xf32>, tensor<f32>) -> tensor<2xf32>
  %xnb = stablehlo.broadcast_in_dim %xn, dims = [0] : (tensor<2xf32>) -> tensor<2x4xf32>
  %ww = stablehlo.multiply %w, %w : tensor<4x8xf32>
  %wn = stablehlo.reduce(%ww init: %zero) applies stablehlo.add across dimensions = [1] : (tensor<4x8xf32>, tensor<f32>) -> tensor<4xf32>
  %wnb = stablehlo.broadcast_in_dim %wn, dims = [1] : (tensor<4xf32>) -> tensor<2x4xf32>
  %three = stablehlo.constant dense<3.0> : tensor<2x4xf32>
  %dot3 = stablehlo.multiply %three, %dot : tensor<2x4xf32>
  %norms = stablehlo.add %xnb, %wnb : tensor<2x4xf32>
  %dist = stablehlo.subtract %norms, %dot3 : tensor<2x4xf32>
  %eps = stablehlo.constant dense<1.0e-5> : tensor<2x4xf32>
  %den = stablehlo.add %dist, %eps : tensor<2x4xf32>
  %sq = stablehlo.multiply %dot, %dot : tensor<2x4xf32>
  // expected-remark @below {{not raised: the denominator is not a distance plus a constant epsilon}}
  %r = stablehlo.divide %sq, %den : tensor<2x4xf32>
  return %r : tensor<2x4xf32>
}

// -----

// Not raised: the dot is cubed (a different function of the same parts).
// CHECK-LABEL: func.func @wrong_exponent
// CHECK-NOT: yat.product
// CHECK: stablehlo.divide
func.func @wrong_exponent(%x: tensor<2x8xf32>, %w: tensor<4x8xf32>) -> tensor<2x4xf32> {
  %zero = stablehlo.constant dense<0.0> : tensor<f32>
  %dot = stablehlo.dot_general %x, %w, contracting_dims = [1] x [1] : (tensor<2x8xf32>, tensor<4x8xf32>) -> tensor<2x4xf32>
  %xx = stablehlo.multiply %x, %x : tensor<2x8xf32>
  %xn = stablehlo.reduce(%xx init: %zero) applies stablehlo.add across dimensions = [1] : (tensor<2x8xf32>, tensor<f32>) -> tensor<2xf32>
  %xnb = stablehlo.broadcast_in_dim %xn, dims = [0] : (tensor<2xf32>) -> tensor<2x4xf32>
  %ww = stablehlo.multiply %w, %w : tensor<4x8xf32>
  %wn = stablehlo.reduce(%ww init: %zero) applies stablehlo.add across dimensions = [1] : (tensor<4x8xf32>, tensor<f32>) -> tensor<4xf32>
  %wnb = stablehlo.broadcast_in_dim %wn, dims = [1] : (tensor<4xf32>) -> tensor<2x4xf32>
  %two = stablehlo.constant dense<2.0> : tensor<2x4xf32>
  %dot2 = stablehlo.multiply %two, %dot : tensor<2x4xf32>
  %norms = stablehlo.add %xnb, %wnb : tensor<2x4xf32>
  %dist = stablehlo.subtract %norms, %dot2 : tensor<2x4xf32>
  %eps = stablehlo.constant dense<1.0e-5> : tensor<2x4xf32>
  %den = stablehlo.add %dist, %eps : tensor<2x4xf32>
  %sq = stablehlo.multiply %dot, %dot : tensor<2x4xf32>
  %cube = stablehlo.multiply %sq, %dot : tensor<2x4xf32>
  %r = stablehlo.divide %cube, %den : tensor<2x4xf32>
  return %r : tensor<2x4xf32>
}

// -----

// Not raised: nmn's distance_floor clamps at 0.1 instead of 0.
// CHECK-LABEL: func.func @distance_floor
// CHECK-NOT: yat.product
// CHECK: stablehlo.maximum
func.func @distance_floor(%x: tensor<2x8xf32>, %w: tensor<4x8xf32>) -> tensor<2x4xf32> {
  %zero = stablehlo.constant dense<0.0> : tensor<f32>
  %dot = stablehlo.dot_general %x, %w, contracting_dims = [1] x [1] : (tensor<2x8xf32>, tensor<4x8xf32>) -> tensor<2x4xf32>
  %xx = stablehlo.multiply %x, %x : tensor<2x8xf32>
  %xn = stablehlo.reduce(%xx init: %zero) applies stablehlo.add across dimensions = [1] : (tensor<2x8xf32>, tensor<f32>) -> tensor<2xf32>
  %xnb = stablehlo.broadcast_in_dim %xn, dims = [0] : (tensor<2xf32>) -> tensor<2x4xf32>
  %ww = stablehlo.multiply %w, %w : tensor<4x8xf32>
  %wn = stablehlo.reduce(%ww init: %zero) applies stablehlo.add across dimensions = [1] : (tensor<4x8xf32>, tensor<f32>) -> tensor<4xf32>
  %wnb = stablehlo.broadcast_in_dim %wn, dims = [1] : (tensor<4xf32>) -> tensor<2x4xf32>
  %two = stablehlo.constant dense<2.0> : tensor<2x4xf32>
  %dot2 = stablehlo.multiply %two, %dot : tensor<2x4xf32>
  %norms = stablehlo.add %xnb, %wnb : tensor<2x4xf32>
  %raw = stablehlo.subtract %norms, %dot2 : tensor<2x4xf32>
  %floor = stablehlo.constant dense<0.1> : tensor<2x4xf32>
  %dist = stablehlo.maximum %raw, %floor : tensor<2x4xf32>
  %eps = stablehlo.constant dense<1.0e-5> : tensor<2x4xf32>
  %den = stablehlo.add %dist, %eps : tensor<2x4xf32>
  %sq = stablehlo.multiply %dot, %dot : tensor<2x4xf32>
  // expected-remark @below {{not raised: the distance is clamped at 0.100000, not at 0}}
  %r = stablehlo.divide %sq, %den : tensor<2x4xf32>
  return %r : tensor<2x4xf32>
}

// -----

// Not raised: epsilon is a function argument (nmn's learnable epsilon),
// which yat.product's attribute cannot hold.
// CHECK-LABEL: func.func @learnable_epsilon
// CHECK-NOT: yat.product
// CHECK: stablehlo.divide
func.func @learnable_epsilon(%x: tensor<2x8xf32>, %w: tensor<4x8xf32>, %e: tensor<f32>) -> tensor<2x4xf32> {
  %zero = stablehlo.constant dense<0.0> : tensor<f32>
  %dot = stablehlo.dot_general %x, %w, contracting_dims = [1] x [1] : (tensor<2x8xf32>, tensor<4x8xf32>) -> tensor<2x4xf32>
  %xx = stablehlo.multiply %x, %x : tensor<2x8xf32>
  %xn = stablehlo.reduce(%xx init: %zero) applies stablehlo.add across dimensions = [1] : (tensor<2x8xf32>, tensor<f32>) -> tensor<2xf32>
  %xnb = stablehlo.broadcast_in_dim %xn, dims = [0] : (tensor<2xf32>) -> tensor<2x4xf32>
  %ww = stablehlo.multiply %w, %w : tensor<4x8xf32>
  %wn = stablehlo.reduce(%ww init: %zero) applies stablehlo.add across dimensions = [1] : (tensor<4x8xf32>, tensor<f32>) -> tensor<4xf32>
  %wnb = stablehlo.broadcast_in_dim %wn, dims = [1] : (tensor<4xf32>) -> tensor<2x4xf32>
  %two = stablehlo.constant dense<2.0> : tensor<2x4xf32>
  %dot2 = stablehlo.multiply %two, %dot : tensor<2x4xf32>
  %norms = stablehlo.add %xnb, %wnb : tensor<2x4xf32>
  %dist = stablehlo.subtract %norms, %dot2 : tensor<2x4xf32>
  %eb = stablehlo.broadcast_in_dim %e, dims = [] : (tensor<f32>) -> tensor<2x4xf32>
  %den = stablehlo.add %dist, %eb : tensor<2x4xf32>
  %sq = stablehlo.multiply %dot, %dot : tensor<2x4xf32>
  // expected-remark @below {{not raised: the denominator is not a distance plus a constant epsilon}}
  %r = stablehlo.divide %sq, %den : tensor<2x4xf32>
  return %r : tensor<2x4xf32>
}

// -----

// Not raised: the weight norms are summed over the output dim (a [K]
// vector), not over K.
// CHECK-LABEL: func.func @norm_over_wrong_dim
// CHECK-NOT: yat.product
// CHECK: stablehlo.divide
func.func @norm_over_wrong_dim(%x: tensor<4x4xf32>, %w: tensor<4x4xf32>) -> tensor<4x4xf32> {
  %zero = stablehlo.constant dense<0.0> : tensor<f32>
  %dot = stablehlo.dot_general %x, %w, contracting_dims = [1] x [1] : (tensor<4x4xf32>, tensor<4x4xf32>) -> tensor<4x4xf32>
  %xx = stablehlo.multiply %x, %x : tensor<4x4xf32>
  %xn = stablehlo.reduce(%xx init: %zero) applies stablehlo.add across dimensions = [1] : (tensor<4x4xf32>, tensor<f32>) -> tensor<4xf32>
  %xnb = stablehlo.broadcast_in_dim %xn, dims = [0] : (tensor<4xf32>) -> tensor<4x4xf32>
  %ww = stablehlo.multiply %w, %w : tensor<4x4xf32>
  %wn = stablehlo.reduce(%ww init: %zero) applies stablehlo.add across dimensions = [0] : (tensor<4x4xf32>, tensor<f32>) -> tensor<4xf32>
  %wnb = stablehlo.broadcast_in_dim %wn, dims = [1] : (tensor<4xf32>) -> tensor<4x4xf32>
  %two = stablehlo.constant dense<2.0> : tensor<4x4xf32>
  %dot2 = stablehlo.multiply %two, %dot : tensor<4x4xf32>
  %norms = stablehlo.add %xnb, %wnb : tensor<4x4xf32>
  %dist = stablehlo.subtract %norms, %dot2 : tensor<4x4xf32>
  %eps = stablehlo.constant dense<1.0e-5> : tensor<4x4xf32>
  %den = stablehlo.add %dist, %eps : tensor<4x4xf32>
  %sq = stablehlo.multiply %dot, %dot : tensor<4x4xf32>
  // expected-remark @below {{not raised: the distance terms are not Σx² and Σw² over the contracted dim, broadcast along the output}}
  %r = stablehlo.divide %sq, %den : tensor<4x4xf32>
  return %r : tensor<4x4xf32>
}

// -----

// Not raised: the bias is broadcast along the batch dim, not the outputs.
// CHECK-LABEL: func.func @bias_along_batch
// CHECK-NOT: yat.product
// CHECK: stablehlo.divide
func.func @bias_along_batch(%x: tensor<4x8xf32>, %w: tensor<4x8xf32>, %b: tensor<4xf32>) -> tensor<4x4xf32> {
  %zero = stablehlo.constant dense<0.0> : tensor<f32>
  %dot = stablehlo.dot_general %x, %w, contracting_dims = [1] x [1] : (tensor<4x8xf32>, tensor<4x8xf32>) -> tensor<4x4xf32>
  %xx = stablehlo.multiply %x, %x : tensor<4x8xf32>
  %xn = stablehlo.reduce(%xx init: %zero) applies stablehlo.add across dimensions = [1] : (tensor<4x8xf32>, tensor<f32>) -> tensor<4xf32>
  %xnb = stablehlo.broadcast_in_dim %xn, dims = [0] : (tensor<4xf32>) -> tensor<4x4xf32>
  %ww = stablehlo.multiply %w, %w : tensor<4x8xf32>
  %wn = stablehlo.reduce(%ww init: %zero) applies stablehlo.add across dimensions = [1] : (tensor<4x8xf32>, tensor<f32>) -> tensor<4xf32>
  %wnb = stablehlo.broadcast_in_dim %wn, dims = [1] : (tensor<4xf32>) -> tensor<4x4xf32>
  %two = stablehlo.constant dense<2.0> : tensor<4x4xf32>
  %dot2 = stablehlo.multiply %two, %dot : tensor<4x4xf32>
  %norms = stablehlo.add %xnb, %wnb : tensor<4x4xf32>
  %dist = stablehlo.subtract %norms, %dot2 : tensor<4x4xf32>
  %eps = stablehlo.constant dense<1.0e-5> : tensor<4x4xf32>
  %den = stablehlo.add %dist, %eps : tensor<4x4xf32>
  %bb = stablehlo.broadcast_in_dim %b, dims = [0] : (tensor<4xf32>) -> tensor<4x4xf32>
  %num = stablehlo.add %dot, %bb : tensor<4x4xf32>
  %sq = stablehlo.multiply %num, %num : tensor<4x4xf32>
  // expected-remark @below {{not raised: the term added to the dot is not a bias broadcast along the output dim}}
  %r = stablehlo.divide %sq, %den : tensor<4x4xf32>
  return %r : tensor<4x4xf32>
}

// -----

// Not raised: a negative epsilon is no ⵟ-product (yat.product requires
// epsilon >= 0).
// CHECK-LABEL: func.func @negative_epsilon
// CHECK-NOT: yat.product
// CHECK: stablehlo.divide
func.func @negative_epsilon(%x: tensor<2x8xf32>, %w: tensor<4x8xf32>) -> tensor<2x4xf32> {
  %zero = stablehlo.constant dense<0.0> : tensor<f32>
  %dot = stablehlo.dot_general %x, %w, contracting_dims = [1] x [1] : (tensor<2x8xf32>, tensor<4x8xf32>) -> tensor<2x4xf32>
  %xx = stablehlo.multiply %x, %x : tensor<2x8xf32>
  %xn = stablehlo.reduce(%xx init: %zero) applies stablehlo.add across dimensions = [1] : (tensor<2x8xf32>, tensor<f32>) -> tensor<2xf32>
  %xnb = stablehlo.broadcast_in_dim %xn, dims = [0] : (tensor<2xf32>) -> tensor<2x4xf32>
  %ww = stablehlo.multiply %w, %w : tensor<4x8xf32>
  %wn = stablehlo.reduce(%ww init: %zero) applies stablehlo.add across dimensions = [1] : (tensor<4x8xf32>, tensor<f32>) -> tensor<4xf32>
  %wnb = stablehlo.broadcast_in_dim %wn, dims = [1] : (tensor<4xf32>) -> tensor<2x4xf32>
  %two = stablehlo.constant dense<2.0> : tensor<2x4xf32>
  %dot2 = stablehlo.multiply %two, %dot : tensor<2x4xf32>
  %norms = stablehlo.add %xnb, %wnb : tensor<2x4xf32>
  %dist = stablehlo.subtract %norms, %dot2 : tensor<2x4xf32>
  %eps = stablehlo.constant dense<-1.0e-3> : tensor<2x4xf32>
  %den = stablehlo.add %dist, %eps : tensor<2x4xf32>
  %sq = stablehlo.multiply %dot, %dot : tensor<2x4xf32>
  // expected-remark @below {{not raised: epsilon is not a finite non-negative constant}}
  %r = stablehlo.divide %sq, %den : tensor<2x4xf32>
  return %r : tensor<2x4xf32>
}
