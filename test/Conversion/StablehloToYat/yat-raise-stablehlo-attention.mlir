// REQUIRES: stablehlo
// RUN: yat-opt %s -split-input-file --yat-raise-stablehlo | FileCheck %s
// RUN: yat-opt %s -split-input-file --yat-raise-stablehlo=remarks=true -verify-diagnostics > /dev/null

// Scores already laid out [B, H, T, D]: no transposes; a scale of 0.5
// (not the default 1/sqrt(8)) becomes the attribute; the softmax does not
// subtract the row maximum.
// CHECK-LABEL: func.func @bhtd_scaled
// CHECK-SAME: (%[[Q:.*]]: tensor<1x2x4x8xf32>, %[[K:.*]]: tensor<1x2x4x8xf32>, %[[V:.*]]: tensor<1x2x4x6xf32>)
// CHECK-NOT: stablehlo.transpose
// CHECK: %[[O:.*]] = yat.attention %[[Q]], %[[K]], %[[V]] {scale = 5.000000e-01 : f32} : (tensor<1x2x4x8xf32>, tensor<1x2x4x8xf32>, tensor<1x2x4x6xf32>) -> tensor<1x2x4x6xf32>
// CHECK-NEXT: return %[[O]]
func.func @bhtd_scaled(%q: tensor<1x2x4x8xf32>, %k: tensor<1x2x4x8xf32>, %v: tensor<1x2x4x6xf32>) -> tensor<1x2x4x6xf32> {
  %zero = stablehlo.constant dense<0.0> : tensor<f32>
  %s = stablehlo.dot_general %q, %k, batching_dims = [0, 1] x [0, 1], contracting_dims = [3] x [3] : (tensor<1x2x4x8xf32>, tensor<1x2x4x8xf32>) -> tensor<1x2x4x4xf32>
  %qq = stablehlo.multiply %q, %q : tensor<1x2x4x8xf32>
  %qn = stablehlo.reduce(%qq init: %zero) applies stablehlo.add across dimensions = [3] : (tensor<1x2x4x8xf32>, tensor<f32>) -> tensor<1x2x4xf32>
  %qnb = stablehlo.broadcast_in_dim %qn, dims = [0, 1, 2] : (tensor<1x2x4xf32>) -> tensor<1x2x4x4xf32>
  %kk = stablehlo.multiply %k, %k : tensor<1x2x4x8xf32>
  %kn = stablehlo.reduce(%kk init: %zero) applies stablehlo.add across dimensions = [3] : (tensor<1x2x4x8xf32>, tensor<f32>) -> tensor<1x2x4xf32>
  %knb = stablehlo.broadcast_in_dim %kn, dims = [0, 1, 3] : (tensor<1x2x4xf32>) -> tensor<1x2x4x4xf32>
  %two = stablehlo.constant dense<2.0> : tensor<1x2x4x4xf32>
  %s2 = stablehlo.multiply %two, %s : tensor<1x2x4x4xf32>
  %norms = stablehlo.add %qnb, %knb : tensor<1x2x4x4xf32>
  %raw = stablehlo.subtract %norms, %s2 : tensor<1x2x4x4xf32>
  %zeros = stablehlo.constant dense<0.0> : tensor<1x2x4x4xf32>
  %dist = stablehlo.maximum %raw, %zeros : tensor<1x2x4x4xf32>
  %eps = stablehlo.constant dense<1.0e-5> : tensor<1x2x4x4xf32>
  %den = stablehlo.add %dist, %eps : tensor<1x2x4x4xf32>
  %sq = stablehlo.multiply %s, %s : tensor<1x2x4x4xf32>
  %half = stablehlo.constant dense<0.5> : tensor<1x2x4x4xf32>
  %q2 = stablehlo.divide %sq, %den : tensor<1x2x4x4xf32>
  %scores = stablehlo.multiply %q2, %half : tensor<1x2x4x4xf32>
  %e = stablehlo.exponential %scores : tensor<1x2x4x4xf32>
  %sum = stablehlo.reduce(%e init: %zero) applies stablehlo.add across dimensions = [3] : (tensor<1x2x4x4xf32>, tensor<f32>) -> tensor<1x2x4xf32>
  %sumb = stablehlo.broadcast_in_dim %sum, dims = [0, 1, 2] : (tensor<1x2x4xf32>) -> tensor<1x2x4x4xf32>
  %p = stablehlo.divide %e, %sumb : tensor<1x2x4x4xf32>
  %o = stablehlo.dot_general %p, %v, batching_dims = [0, 1] x [0, 1], contracting_dims = [3] x [2] : (tensor<1x2x4x4xf32>, tensor<1x2x4x6xf32>) -> tensor<1x2x4x6xf32>
  return %o : tensor<1x2x4x6xf32>
}

// -----

// Decoding against a longer key sequence (Tq = 2, Tk = 3) with an additive
// bottom-right causal mask of 0 and -1e9, the distance written as
// Σ(q − k)², the default scale 1/sqrt(4) and the row maximum subtracted.
// CHECK-LABEL: func.func @causal_additive_direct
// CHECK-SAME: (%[[Q:.*]]: tensor<1x1x2x4xf32>, %[[K:.*]]: tensor<1x1x3x4xf32>, %[[V:.*]]: tensor<1x1x3x5xf32>)
// CHECK: %[[O:.*]] = yat.attention %[[Q]], %[[K]], %[[V]] {causal} : (tensor<1x1x2x4xf32>, tensor<1x1x3x4xf32>, tensor<1x1x3x5xf32>) -> tensor<1x1x2x5xf32>
// CHECK-NEXT: return %[[O]]
func.func @causal_additive_direct(%q: tensor<1x1x2x4xf32>, %k: tensor<1x1x3x4xf32>, %v: tensor<1x1x3x5xf32>) -> tensor<1x1x2x5xf32> {
  %zero = stablehlo.constant dense<0.0> : tensor<f32>
  %ninf = stablehlo.constant dense<0xFF800000> : tensor<f32>
  %s = stablehlo.dot_general %q, %k, batching_dims = [0, 1] x [0, 1], contracting_dims = [3] x [3] : (tensor<1x1x2x4xf32>, tensor<1x1x3x4xf32>) -> tensor<1x1x2x3xf32>
  %qb = stablehlo.broadcast_in_dim %q, dims = [0, 1, 2, 4] : (tensor<1x1x2x4xf32>) -> tensor<1x1x2x3x4xf32>
  %kb = stablehlo.broadcast_in_dim %k, dims = [0, 1, 3, 4] : (tensor<1x1x3x4xf32>) -> tensor<1x1x2x3x4xf32>
  %diff = stablehlo.subtract %kb, %qb : tensor<1x1x2x3x4xf32>
  %diff2 = stablehlo.multiply %diff, %diff : tensor<1x1x2x3x4xf32>
  %dist = stablehlo.reduce(%diff2 init: %zero) applies stablehlo.add across dimensions = [4] : (tensor<1x1x2x3x4xf32>, tensor<f32>) -> tensor<1x1x2x3xf32>
  %eps = stablehlo.constant dense<1.0e-5> : tensor<1x1x2x3xf32>
  %den = stablehlo.add %dist, %eps : tensor<1x1x2x3xf32>
  %sq = stablehlo.multiply %s, %s : tensor<1x1x2x3xf32>
  %scale = stablehlo.constant dense<0.5> : tensor<1x1x2x3xf32>
  %num = stablehlo.multiply %sq, %scale : tensor<1x1x2x3xf32>
  %scores = stablehlo.divide %num, %den : tensor<1x1x2x3xf32>
  %mask = stablehlo.constant dense<[[[[0.0, 0.0, -1.0e9], [0.0, 0.0, 0.0]]]]> : tensor<1x1x2x3xf32>
  %masked = stablehlo.add %scores, %mask : tensor<1x1x2x3xf32>
  %max = stablehlo.reduce(%masked init: %ninf) applies stablehlo.maximum across dimensions = [3] : (tensor<1x1x2x3xf32>, tensor<f32>) -> tensor<1x1x2xf32>
  %maxb = stablehlo.broadcast_in_dim %max, dims = [0, 1, 2] : (tensor<1x1x2xf32>) -> tensor<1x1x2x3xf32>
  %shifted = stablehlo.subtract %masked, %maxb : tensor<1x1x2x3xf32>
  %e = stablehlo.exponential %shifted : tensor<1x1x2x3xf32>
  %sum = stablehlo.reduce(%e init: %zero) applies stablehlo.add across dimensions = [3] : (tensor<1x1x2x3xf32>, tensor<f32>) -> tensor<1x1x2xf32>
  %sumb = stablehlo.broadcast_in_dim %sum, dims = [0, 1, 2] : (tensor<1x1x2xf32>) -> tensor<1x1x2x3xf32>
  %p = stablehlo.divide %e, %sumb : tensor<1x1x2x3xf32>
  %o = stablehlo.dot_general %p, %v, batching_dims = [0, 1] x [0, 1], contracting_dims = [3] x [2] : (tensor<1x1x2x3xf32>, tensor<1x1x3x5xf32>) -> tensor<1x1x2x5xf32>
  return %o : tensor<1x1x2x5xf32>
}

// -----

// Not raised: a top-left-aligned mask with Tq < Tk is not yat's causal mask.
// CHECK-LABEL: func.func @top_left_mask
// CHECK-NOT: yat.attention
// CHECK: stablehlo.dot_general
func.func @top_left_mask(%q: tensor<1x1x2x4xf32>, %k: tensor<1x1x3x4xf32>, %v: tensor<1x1x3x5xf32>) -> tensor<1x1x2x5xf32> {
  %zero = stablehlo.constant dense<0.0> : tensor<f32>
  %s = stablehlo.dot_general %q, %k, batching_dims = [0, 1] x [0, 1], contracting_dims = [3] x [3] : (tensor<1x1x2x4xf32>, tensor<1x1x3x4xf32>) -> tensor<1x1x2x3xf32>
  %qq = stablehlo.multiply %q, %q : tensor<1x1x2x4xf32>
  %qn = stablehlo.reduce(%qq init: %zero) applies stablehlo.add across dimensions = [3] : (tensor<1x1x2x4xf32>, tensor<f32>) -> tensor<1x1x2xf32>
  %qnb = stablehlo.broadcast_in_dim %qn, dims = [0, 1, 2] : (tensor<1x1x2xf32>) -> tensor<1x1x2x3xf32>
  %kk = stablehlo.multiply %k, %k : tensor<1x1x3x4xf32>
  %kn = stablehlo.reduce(%kk init: %zero) applies stablehlo.add across dimensions = [3] : (tensor<1x1x3x4xf32>, tensor<f32>) -> tensor<1x1x3xf32>
  %knb = stablehlo.broadcast_in_dim %kn, dims = [0, 1, 3] : (tensor<1x1x3xf32>) -> tensor<1x1x2x3xf32>
  %two = stablehlo.constant dense<2.0> : tensor<1x1x2x3xf32>
  %s2 = stablehlo.multiply %two, %s : tensor<1x1x2x3xf32>
  %norms = stablehlo.add %qnb, %knb : tensor<1x1x2x3xf32>
  %dist = stablehlo.subtract %norms, %s2 : tensor<1x1x2x3xf32>
  %eps = stablehlo.constant dense<1.0e-5> : tensor<1x1x2x3xf32>
  %den = stablehlo.add %dist, %eps : tensor<1x1x2x3xf32>
  %sq = stablehlo.multiply %s, %s : tensor<1x1x2x3xf32>
  %scores = stablehlo.divide %sq, %den : tensor<1x1x2x3xf32>
  %row = stablehlo.iota dim = 2 : tensor<1x1x2x3xi32>
  %col = stablehlo.iota dim = 3 : tensor<1x1x2x3xi32>
  %keep = stablehlo.compare GE, %row, %col, SIGNED : (tensor<1x1x2x3xi32>, tensor<1x1x2x3xi32>) -> tensor<1x1x2x3xi1>
  %neg = stablehlo.constant dense<-3.40282347E+38> : tensor<1x1x2x3xf32>
  %masked = stablehlo.select %keep, %scores, %neg : tensor<1x1x2x3xi1>, tensor<1x1x2x3xf32>
  %e = stablehlo.exponential %masked : tensor<1x1x2x3xf32>
  %sum = stablehlo.reduce(%e init: %zero) applies stablehlo.add across dimensions = [3] : (tensor<1x1x2x3xf32>, tensor<f32>) -> tensor<1x1x2xf32>
  %sumb = stablehlo.broadcast_in_dim %sum, dims = [0, 1, 2] : (tensor<1x1x2xf32>) -> tensor<1x1x2x3xf32>
  %p = stablehlo.divide %e, %sumb : tensor<1x1x2x3xf32>
  // expected-remark @below {{not raised: the mask is neither all true nor causal}}
  %o = stablehlo.dot_general %p, %v, batching_dims = [0, 1] x [0, 1], contracting_dims = [3] x [2] : (tensor<1x1x2x3xf32>, tensor<1x1x3x5xf32>) -> tensor<1x1x2x5xf32>
  return %o : tensor<1x1x2x5xf32>
}

// -----

// Not raised: the mask is a function argument, unknown at compile time.
// CHECK-LABEL: func.func @runtime_mask
// CHECK-NOT: yat.attention
// CHECK: stablehlo.dot_general
func.func @runtime_mask(%q: tensor<1x1x3x4xf32>, %k: tensor<1x1x3x4xf32>, %v: tensor<1x1x3x5xf32>, %keep: tensor<1x1x3x3xi1>) -> tensor<1x1x3x5xf32> {
  %zero = stablehlo.constant dense<0.0> : tensor<f32>
  %s = stablehlo.dot_general %q, %k, batching_dims = [0, 1] x [0, 1], contracting_dims = [3] x [3] : (tensor<1x1x3x4xf32>, tensor<1x1x3x4xf32>) -> tensor<1x1x3x3xf32>
  %qq = stablehlo.multiply %q, %q : tensor<1x1x3x4xf32>
  %qn = stablehlo.reduce(%qq init: %zero) applies stablehlo.add across dimensions = [3] : (tensor<1x1x3x4xf32>, tensor<f32>) -> tensor<1x1x3xf32>
  %qnb = stablehlo.broadcast_in_dim %qn, dims = [0, 1, 2] : (tensor<1x1x3xf32>) -> tensor<1x1x3x3xf32>
  %kk = stablehlo.multiply %k, %k : tensor<1x1x3x4xf32>
  %kn = stablehlo.reduce(%kk init: %zero) applies stablehlo.add across dimensions = [3] : (tensor<1x1x3x4xf32>, tensor<f32>) -> tensor<1x1x3xf32>
  %knb = stablehlo.broadcast_in_dim %kn, dims = [0, 1, 3] : (tensor<1x1x3xf32>) -> tensor<1x1x3x3xf32>
  %two = stablehlo.constant dense<2.0> : tensor<1x1x3x3xf32>
  %s2 = stablehlo.multiply %two, %s : tensor<1x1x3x3xf32>
  %norms = stablehlo.add %qnb, %knb : tensor<1x1x3x3xf32>
  %dist = stablehlo.subtract %norms, %s2 : tensor<1x1x3x3xf32>
  %eps = stablehlo.constant dense<1.0e-5> : tensor<1x1x3x3xf32>
  %den = stablehlo.add %dist, %eps : tensor<1x1x3x3xf32>
  %sq = stablehlo.multiply %s, %s : tensor<1x1x3x3xf32>
  %scores = stablehlo.divide %sq, %den : tensor<1x1x3x3xf32>
  %neg = stablehlo.constant dense<0xFF800000> : tensor<1x1x3x3xf32>
  %masked = stablehlo.select %keep, %scores, %neg : tensor<1x1x3x3xi1>, tensor<1x1x3x3xf32>
  %e = stablehlo.exponential %masked : tensor<1x1x3x3xf32>
  %sum = stablehlo.reduce(%e init: %zero) applies stablehlo.add across dimensions = [3] : (tensor<1x1x3x3xf32>, tensor<f32>) -> tensor<1x1x3xf32>
  %sumb = stablehlo.broadcast_in_dim %sum, dims = [0, 1, 2] : (tensor<1x1x3xf32>) -> tensor<1x1x3x3xf32>
  %p = stablehlo.divide %e, %sumb : tensor<1x1x3x3xf32>
  // expected-remark @below {{not raised: a select on the scores has a predicate that is not a compile-time mask}}
  %o = stablehlo.dot_general %p, %v, batching_dims = [0, 1] x [0, 1], contracting_dims = [3] x [2] : (tensor<1x1x3x3xf32>, tensor<1x1x3x5xf32>) -> tensor<1x1x3x5xf32>
  return %o : tensor<1x1x3x5xf32>
}

// -----

// Not raised: masked scores are set to -1, which leaves them a non-zero
// softmax weight.
// CHECK-LABEL: func.func @weak_mask_value
// CHECK-NOT: yat.attention
// CHECK: stablehlo.dot_general
func.func @weak_mask_value(%q: tensor<1x1x3x4xf32>, %k: tensor<1x1x3x4xf32>, %v: tensor<1x1x3x5xf32>) -> tensor<1x1x3x5xf32> {
  %zero = stablehlo.constant dense<0.0> : tensor<f32>
  %s = stablehlo.dot_general %q, %k, batching_dims = [0, 1] x [0, 1], contracting_dims = [3] x [3] : (tensor<1x1x3x4xf32>, tensor<1x1x3x4xf32>) -> tensor<1x1x3x3xf32>
  %qq = stablehlo.multiply %q, %q : tensor<1x1x3x4xf32>
  %qn = stablehlo.reduce(%qq init: %zero) applies stablehlo.add across dimensions = [3] : (tensor<1x1x3x4xf32>, tensor<f32>) -> tensor<1x1x3xf32>
  %qnb = stablehlo.broadcast_in_dim %qn, dims = [0, 1, 2] : (tensor<1x1x3xf32>) -> tensor<1x1x3x3xf32>
  %kk = stablehlo.multiply %k, %k : tensor<1x1x3x4xf32>
  %kn = stablehlo.reduce(%kk init: %zero) applies stablehlo.add across dimensions = [3] : (tensor<1x1x3x4xf32>, tensor<f32>) -> tensor<1x1x3xf32>
  %knb = stablehlo.broadcast_in_dim %kn, dims = [0, 1, 3] : (tensor<1x1x3xf32>) -> tensor<1x1x3x3xf32>
  %two = stablehlo.constant dense<2.0> : tensor<1x1x3x3xf32>
  %s2 = stablehlo.multiply %two, %s : tensor<1x1x3x3xf32>
  %norms = stablehlo.add %qnb, %knb : tensor<1x1x3x3xf32>
  %dist = stablehlo.subtract %norms, %s2 : tensor<1x1x3x3xf32>
  %eps = stablehlo.constant dense<1.0e-5> : tensor<1x1x3x3xf32>
  %den = stablehlo.add %dist, %eps : tensor<1x1x3x3xf32>
  %sq = stablehlo.multiply %s, %s : tensor<1x1x3x3xf32>
  %scores = stablehlo.divide %sq, %den : tensor<1x1x3x3xf32>
  %row = stablehlo.iota dim = 2 : tensor<1x1x3x3xi32>
  %col = stablehlo.iota dim = 3 : tensor<1x1x3x3xi32>
  %keep = stablehlo.compare GE, %row, %col, SIGNED : (tensor<1x1x3x3xi32>, tensor<1x1x3x3xi32>) -> tensor<1x1x3x3xi1>
  %neg = stablehlo.constant dense<-1.0> : tensor<1x1x3x3xf32>
  %masked = stablehlo.select %keep, %scores, %neg : tensor<1x1x3x3xi1>, tensor<1x1x3x3xf32>
  %e = stablehlo.exponential %masked : tensor<1x1x3x3xf32>
  %sum = stablehlo.reduce(%e init: %zero) applies stablehlo.add across dimensions = [3] : (tensor<1x1x3x3xf32>, tensor<f32>) -> tensor<1x1x3xf32>
  %sumb = stablehlo.broadcast_in_dim %sum, dims = [0, 1, 2] : (tensor<1x1x3xf32>) -> tensor<1x1x3x3xf32>
  %p = stablehlo.divide %e, %sumb : tensor<1x1x3x3xf32>
  // expected-remark @below {{not raised: a select on the scores neither masks with a large negative nor keeps every score}}
  %o = stablehlo.dot_general %p, %v, batching_dims = [0, 1] x [0, 1], contracting_dims = [3] x [2] : (tensor<1x1x3x3xf32>, tensor<1x1x3x5xf32>) -> tensor<1x1x3x5xf32>
  return %o : tensor<1x1x3x5xf32>
}

// -----

// Not raised: a learnable (argument) scale, which yat.attention's scale
// attribute cannot hold.
// CHECK-LABEL: func.func @learnable_scale
// CHECK-NOT: yat.attention
// CHECK: stablehlo.dot_general
func.func @learnable_scale(%q: tensor<1x1x3x4xf32>, %k: tensor<1x1x3x4xf32>, %v: tensor<1x1x3x5xf32>, %alpha: tensor<f32>) -> tensor<1x1x3x5xf32> {
  %zero = stablehlo.constant dense<0.0> : tensor<f32>
  %s = stablehlo.dot_general %q, %k, batching_dims = [0, 1] x [0, 1], contracting_dims = [3] x [3] : (tensor<1x1x3x4xf32>, tensor<1x1x3x4xf32>) -> tensor<1x1x3x3xf32>
  %qq = stablehlo.multiply %q, %q : tensor<1x1x3x4xf32>
  %qn = stablehlo.reduce(%qq init: %zero) applies stablehlo.add across dimensions = [3] : (tensor<1x1x3x4xf32>, tensor<f32>) -> tensor<1x1x3xf32>
  %qnb = stablehlo.broadcast_in_dim %qn, dims = [0, 1, 2] : (tensor<1x1x3xf32>) -> tensor<1x1x3x3xf32>
  %kk = stablehlo.multiply %k, %k : tensor<1x1x3x4xf32>
  %kn = stablehlo.reduce(%kk init: %zero) applies stablehlo.add across dimensions = [3] : (tensor<1x1x3x4xf32>, tensor<f32>) -> tensor<1x1x3xf32>
  %knb = stablehlo.broadcast_in_dim %kn, dims = [0, 1, 3] : (tensor<1x1x3xf32>) -> tensor<1x1x3x3xf32>
  %two = stablehlo.constant dense<2.0> : tensor<1x1x3x3xf32>
  %s2 = stablehlo.multiply %two, %s : tensor<1x1x3x3xf32>
  %norms = stablehlo.add %qnb, %knb : tensor<1x1x3x3xf32>
  %dist = stablehlo.subtract %norms, %s2 : tensor<1x1x3x3xf32>
  %eps = stablehlo.constant dense<1.0e-5> : tensor<1x1x3x3xf32>
  %den = stablehlo.add %dist, %eps : tensor<1x1x3x3xf32>
  %sq = stablehlo.multiply %s, %s : tensor<1x1x3x3xf32>
  %ratio = stablehlo.divide %sq, %den : tensor<1x1x3x3xf32>
  %ab = stablehlo.broadcast_in_dim %alpha, dims = [] : (tensor<f32>) -> tensor<1x1x3x3xf32>
  %scores = stablehlo.multiply %ratio, %ab : tensor<1x1x3x3xf32>
  %e = stablehlo.exponential %scores : tensor<1x1x3x3xf32>
  %sum = stablehlo.reduce(%e init: %zero) applies stablehlo.add across dimensions = [3] : (tensor<1x1x3x3xf32>, tensor<f32>) -> tensor<1x1x3xf32>
  %sumb = stablehlo.broadcast_in_dim %sum, dims = [0, 1, 2] : (tensor<1x1x3xf32>) -> tensor<1x1x3x3xf32>
  %p = stablehlo.divide %e, %sumb : tensor<1x1x3x3xf32>
  // expected-remark @below {{not raised: a non-constant factor scales the scores}}
  %o = stablehlo.dot_general %p, %v, batching_dims = [0, 1] x [0, 1], contracting_dims = [3] x [2] : (tensor<1x1x3x3xf32>, tensor<1x1x3x5xf32>) -> tensor<1x1x3x5xf32>
  return %o : tensor<1x1x3x5xf32>
}

// -----

// Not raised: l1 normalization of scores masked with -inf (l1 needs the
// masked scores to be 0).
// CHECK-LABEL: func.func @l1_with_negative_mask
// CHECK-NOT: yat.attention
// CHECK: stablehlo.dot_general
func.func @l1_with_negative_mask(%q: tensor<1x1x3x4xf32>, %k: tensor<1x1x3x4xf32>, %v: tensor<1x1x3x5xf32>) -> tensor<1x1x3x5xf32> {
  %zero = stablehlo.constant dense<0.0> : tensor<f32>
  %s = stablehlo.dot_general %q, %k, batching_dims = [0, 1] x [0, 1], contracting_dims = [3] x [3] : (tensor<1x1x3x4xf32>, tensor<1x1x3x4xf32>) -> tensor<1x1x3x3xf32>
  %qq = stablehlo.multiply %q, %q : tensor<1x1x3x4xf32>
  %qn = stablehlo.reduce(%qq init: %zero) applies stablehlo.add across dimensions = [3] : (tensor<1x1x3x4xf32>, tensor<f32>) -> tensor<1x1x3xf32>
  %qnb = stablehlo.broadcast_in_dim %qn, dims = [0, 1, 2] : (tensor<1x1x3xf32>) -> tensor<1x1x3x3xf32>
  %kk = stablehlo.multiply %k, %k : tensor<1x1x3x4xf32>
  %kn = stablehlo.reduce(%kk init: %zero) applies stablehlo.add across dimensions = [3] : (tensor<1x1x3x4xf32>, tensor<f32>) -> tensor<1x1x3xf32>
  %knb = stablehlo.broadcast_in_dim %kn, dims = [0, 1, 3] : (tensor<1x1x3xf32>) -> tensor<1x1x3x3xf32>
  %two = stablehlo.constant dense<2.0> : tensor<1x1x3x3xf32>
  %s2 = stablehlo.multiply %two, %s : tensor<1x1x3x3xf32>
  %norms = stablehlo.add %qnb, %knb : tensor<1x1x3x3xf32>
  %dist = stablehlo.subtract %norms, %s2 : tensor<1x1x3x3xf32>
  %eps = stablehlo.constant dense<1.0e-5> : tensor<1x1x3x3xf32>
  %den = stablehlo.add %dist, %eps : tensor<1x1x3x3xf32>
  %sq = stablehlo.multiply %s, %s : tensor<1x1x3x3xf32>
  %scores = stablehlo.divide %sq, %den : tensor<1x1x3x3xf32>
  %row = stablehlo.iota dim = 2 : tensor<1x1x3x3xi32>
  %col = stablehlo.iota dim = 3 : tensor<1x1x3x3xi32>
  %keep = stablehlo.compare GE, %row, %col, SIGNED : (tensor<1x1x3x3xi32>, tensor<1x1x3x3xi32>) -> tensor<1x1x3x3xi1>
  %neg = stablehlo.constant dense<0xFF800000> : tensor<1x1x3x3xf32>
  %masked = stablehlo.select %keep, %scores, %neg : tensor<1x1x3x3xi1>, tensor<1x1x3x3xf32>
  %sum = stablehlo.reduce(%masked init: %zero) applies stablehlo.add across dimensions = [3] : (tensor<1x1x3x3xf32>, tensor<f32>) -> tensor<1x1x3xf32>
  %l1eps = stablehlo.constant dense<1.0e-12> : tensor<1x1x3xf32>
  %total = stablehlo.add %sum, %l1eps : tensor<1x1x3xf32>
  %totalb = stablehlo.broadcast_in_dim %total, dims = [0, 1, 2] : (tensor<1x1x3xf32>) -> tensor<1x1x3x3xf32>
  %p = stablehlo.divide %masked, %totalb : tensor<1x1x3x3xf32>
  // expected-remark @below {{not raised: a select on the scores neither masks with 0 nor keeps every score}}
  %o = stablehlo.dot_general %p, %v, batching_dims = [0, 1] x [0, 1], contracting_dims = [3] x [2] : (tensor<1x1x3x3xf32>, tensor<1x1x3x5xf32>) -> tensor<1x1x3x5xf32>
  return %o : tensor<1x1x3x5xf32>
}

// -----

// Not a candidate: ordinary dot-product attention (softmax of q·k/2 under a
// runtime mask) is left alone without a remark.
// CHECK-LABEL: func.func @dot_product_attention
// CHECK-NOT: yat.attention
// CHECK: stablehlo.dot_general
func.func @dot_product_attention(%q: tensor<1x1x3x4xf32>, %k: tensor<1x1x3x4xf32>, %v: tensor<1x1x3x5xf32>, %keep: tensor<1x1x3x3xi1>) -> tensor<1x1x3x5xf32> {
  %zero = stablehlo.constant dense<0.0> : tensor<f32>
  %s = stablehlo.dot_general %q, %k, batching_dims = [0, 1] x [0, 1], contracting_dims = [3] x [3] : (tensor<1x1x3x4xf32>, tensor<1x1x3x4xf32>) -> tensor<1x1x3x3xf32>
  %half = stablehlo.constant dense<0.5> : tensor<1x1x3x3xf32>
  %scores = stablehlo.multiply %s, %half : tensor<1x1x3x3xf32>
  %neg = stablehlo.constant dense<0xFF800000> : tensor<1x1x3x3xf32>
  %masked = stablehlo.select %keep, %scores, %neg : tensor<1x1x3x3xi1>, tensor<1x1x3x3xf32>
  %e = stablehlo.exponential %masked : tensor<1x1x3x3xf32>
  %sum = stablehlo.reduce(%e init: %zero) applies stablehlo.add across dimensions = [3] : (tensor<1x1x3x3xf32>, tensor<f32>) -> tensor<1x1x3xf32>
  %sumb = stablehlo.broadcast_in_dim %sum, dims = [0, 1, 2] : (tensor<1x1x3xf32>) -> tensor<1x1x3x3xf32>
  %p = stablehlo.divide %e, %sumb : tensor<1x1x3x3xf32>
  %o = stablehlo.dot_general %p, %v, batching_dims = [0, 1] x [0, 1], contracting_dims = [3] x [2] : (tensor<1x1x3x3xf32>, tensor<1x1x3x5xf32>) -> tensor<1x1x3x5xf32>
  return %o : tensor<1x1x3x5xf32>
}
