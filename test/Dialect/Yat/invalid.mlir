// Every verifier rule of the yat dialect, one case each.
// RUN: yat-opt %s -split-input-file -verify-diagnostics

// X must have a rank.
func.func @case0(%x: tensor<f32>, %w: tensor<4x1xf32>) {
  // expected-error @+1 {{expected x to have rank >= 1, got 0}}
  %r = yat.product %x, %w : (tensor<f32>, tensor<4x1xf32>) -> tensor<4xf32>
  return
}

// -----

// W must be a matrix.
func.func @case1(%x: tensor<2x4xf32>, %w: tensor<4xf32>) {
  // expected-error @+1 {{expected w to have rank 2, got 1}}
  %r = yat.product %x, %w : (tensor<2x4xf32>, tensor<4xf32>) -> tensor<2x4xf32>
  return
}

// -----

// W must share x's element type.
func.func @case2(%x: tensor<2x4xf32>, %w: tensor<3x4xf16>) {
  // expected-error @+1 {{expected w element type 'f16' to match x element type 'f32'}}
  %r = yat.product %x, %w : (tensor<2x4xf32>, tensor<3x4xf16>) -> tensor<2x3xf32>
  return
}

// -----

// K of x and w must agree.
func.func @case3(%x: tensor<2x4xf32>, %w: tensor<3x5xf32>) {
  // expected-error @+1 {{expected the last dim of x (4) to match dim 1 of w (5)}}
  %r = yat.product %x, %w : (tensor<2x4xf32>, tensor<3x5xf32>) -> tensor<2x3xf32>
  return
}

// -----

// Bias must be a vector.
func.func @case4(%x: tensor<2x4xf32>, %w: tensor<3x4xf32>, %b: tensor<1x3xf32>) {
  // expected-error @+1 {{expected bias to have rank 1, got 2}}
  %r = yat.product %x, %w, %b : (tensor<2x4xf32>, tensor<3x4xf32>, tensor<1x3xf32>) -> tensor<2x3xf32>
  return
}

// -----

// Bias must share x's element type.
func.func @case5(%x: tensor<2x4xf32>, %w: tensor<3x4xf32>, %b: tensor<3xbf16>) {
  // expected-error @+1 {{expected bias element type 'bf16' to match x element type 'f32'}}
  %r = yat.product %x, %w, %b : (tensor<2x4xf32>, tensor<3x4xf32>, tensor<3xbf16>) -> tensor<2x3xf32>
  return
}

// -----

// Bias length must be N.
func.func @case6(%x: tensor<2x4xf32>, %w: tensor<3x4xf32>, %b: tensor<5xf32>) {
  // expected-error @+1 {{expected bias length 5 to match dim 0 of w (3)}}
  %r = yat.product %x, %w, %b : (tensor<2x4xf32>, tensor<3x4xf32>, tensor<5xf32>) -> tensor<2x3xf32>
  return
}

// -----

// Epsilon must not be negative.
func.func @case7(%x: tensor<2x4xf32>, %w: tensor<3x4xf32>) {
  // expected-error @+1 {{expected epsilon to be finite and non-negative, got -1}}
  %r = yat.product %x, %w {epsilon = -1.0 : f32} : (tensor<2x4xf32>, tensor<3x4xf32>) -> tensor<2x3xf32>
  return
}

// -----

// Result element type is x's.
func.func @case8(%x: tensor<2x4xf32>, %w: tensor<3x4xf32>) {
  // expected-error @+1 {{expected result element type 'f16' to match x element type 'f32'}}
  %r = yat.product %x, %w : (tensor<2x4xf32>, tensor<3x4xf32>) -> tensor<2x3xf16>
  return
}

// -----

// Result shape is x's with N last.
func.func @case9(%x: tensor<2x4xf32>, %w: tensor<3x4xf32>) {
  // expected-error @+1 {{expected result shape [2, 3], got [2, 4]}}
  %r = yat.product %x, %w : (tensor<2x4xf32>, tensor<3x4xf32>) -> tensor<2x4xf32>
  return
}

// -----

// Operands must be float tensors.
func.func @case10(%x: tensor<2x4xi32>, %w: tensor<3x4xf32>) {
  // expected-error @+1 {{operand #0 must be ranked tensor of 16-bit float or bfloat16 type or 32-bit float or 64-bit float values}}
  %r = yat.product %x, %w : (tensor<2x4xi32>, tensor<3x4xf32>) -> tensor<2x3xf32>
  return
}

// -----

// Conv needs 1 to 3 spatial dims.
func.func @case11(%i: tensor<2x3xf32>, %f: tensor<3x3xf32>) {
  // expected-error @+1 {{expected input of rank 3 to 5 (N, 1 to 3 spatial dims, C), got rank 2}}
  %r = yat.conv %i, %f : (tensor<2x3xf32>, tensor<3x3xf32>) -> tensor<2x3xf32>
  return
}

// -----

// Conv filter rank matches input rank.
func.func @case12(%i: tensor<1x8x3xf32>, %f: tensor<3x3x3x4xf32>) {
  // expected-error @+1 {{expected filter to have rank 3, got 4}}
  %r = yat.conv %i, %f : (tensor<1x8x3xf32>, tensor<3x3x3x4xf32>) -> tensor<1x6x4xf32>
  return
}

// -----

// Conv filter element type.
func.func @case13(%i: tensor<1x8x3xf32>, %f: tensor<3x3x4xf16>) {
  // expected-error @+1 {{expected filter element type 'f16' to match input element type 'f32'}}
  %r = yat.conv %i, %f : (tensor<1x8x3xf32>, tensor<3x3x4xf16>) -> tensor<1x6x4xf32>
  return
}

// -----

// Conv strides count.
func.func @case14(%i: tensor<1x8x3xf32>, %f: tensor<3x3x4xf32>) {
  // expected-error @+1 {{expected 1 strides values for 1 spatial dims, got 2}}
  %r = yat.conv %i, %f {strides = array<i64: 1, 1>} : (tensor<1x8x3xf32>, tensor<3x3x4xf32>) -> tensor<1x6x4xf32>
  return
}

// -----

// Conv padding count.
func.func @case15(%i: tensor<1x8x8x3xf32>, %f: tensor<3x3x3x4xf32>) {
  // expected-error @+1 {{expected 4 padding values for 2 spatial dims, got 2}}
  %r = yat.conv %i, %f {padding = array<i64: 1, 1>} : (tensor<1x8x8x3xf32>, tensor<3x3x3x4xf32>) -> tensor<1x6x6x4xf32>
  return
}

// -----

// Conv dilations count.
func.func @case16(%i: tensor<1x8x3xf32>, %f: tensor<3x3x4xf32>) {
  // expected-error @+1 {{expected 1 dilations values for 1 spatial dims, got 0}}
  %r = yat.conv %i, %f {dilations = array<i64>} : (tensor<1x8x3xf32>, tensor<3x3x4xf32>) -> tensor<1x6x4xf32>
  return
}

// -----

// Conv strides positive.
func.func @case17(%i: tensor<1x8x3xf32>, %f: tensor<3x3x4xf32>) {
  // expected-error @+1 {{expected strides values >= 1, got 0}}
  %r = yat.conv %i, %f {strides = array<i64: 0>} : (tensor<1x8x3xf32>, tensor<3x3x4xf32>) -> tensor<1x6x4xf32>
  return
}

// -----

// Conv padding non-negative.
func.func @case18(%i: tensor<1x8x3xf32>, %f: tensor<3x3x4xf32>) {
  // expected-error @+1 {{expected padding values >= 0, got -1}}
  %r = yat.conv %i, %f {padding = array<i64: -1, 0>} : (tensor<1x8x3xf32>, tensor<3x3x4xf32>) -> tensor<1x6x4xf32>
  return
}

// -----

// Conv dilations positive.
func.func @case19(%i: tensor<1x8x3xf32>, %f: tensor<3x3x4xf32>) {
  // expected-error @+1 {{expected dilations values >= 1, got -2}}
  %r = yat.conv %i, %f {dilations = array<i64: -2>} : (tensor<1x8x3xf32>, tensor<3x3x4xf32>) -> tensor<1x6x4xf32>
  return
}

// -----

// Conv groups positive.
func.func @case20(%i: tensor<1x8x3xf32>, %f: tensor<3x3x4xf32>) {
  // expected-error @+1 {{expected groups >= 1, got 0}}
  %r = yat.conv %i, %f {groups = 0 : i64} : (tensor<1x8x3xf32>, tensor<3x3x4xf32>) -> tensor<1x6x4xf32>
  return
}

// -----

// Conv groups divide the input channels.
func.func @case21(%i: tensor<1x8x3xf32>, %f: tensor<3x1x4xf32>) {
  // expected-error @+1 {{expected groups (2) to divide the input channels (3)}}
  %r = yat.conv %i, %f {groups = 2 : i64} : (tensor<1x8x3xf32>, tensor<3x1x4xf32>) -> tensor<1x6x4xf32>
  return
}

// -----

// Conv groups divide the filter count.
func.func @case22(%i: tensor<1x8x4xf32>, %f: tensor<3x2x3xf32>) {
  // expected-error @+1 {{expected groups (2) to divide the filter count (3)}}
  %r = yat.conv %i, %f {groups = 2 : i64} : (tensor<1x8x4xf32>, tensor<3x2x3xf32>) -> tensor<1x6x3xf32>
  return
}

// -----

// Conv filter channels are C / groups.
func.func @case23(%i: tensor<1x8x4xf32>, %f: tensor<3x4x2xf32>) {
  // expected-error @+1 {{expected filter channel dim (4) to be input channels / groups (2)}}
  %r = yat.conv %i, %f {groups = 2 : i64} : (tensor<1x8x4xf32>, tensor<3x4x2xf32>) -> tensor<1x6x2xf32>
  return
}

// -----

// Conv bias is a vector.
func.func @case24(%i: tensor<1x8x3xf32>, %f: tensor<3x3x4xf32>, %b: tensor<4x1xf32>) {
  // expected-error @+1 {{expected bias to have rank 1, got 2}}
  %r = yat.conv %i, %f, %b : (tensor<1x8x3xf32>, tensor<3x3x4xf32>, tensor<4x1xf32>) -> tensor<1x6x4xf32>
  return
}

// -----

// Conv bias element type.
func.func @case25(%i: tensor<1x8x3xf32>, %f: tensor<3x3x4xf32>, %b: tensor<4xf16>) {
  // expected-error @+1 {{expected bias element type 'f16' to match input element type 'f32'}}
  %r = yat.conv %i, %f, %b : (tensor<1x8x3xf32>, tensor<3x3x4xf32>, tensor<4xf16>) -> tensor<1x6x4xf32>
  return
}

// -----

// Conv bias length is the filter count.
func.func @case26(%i: tensor<1x8x3xf32>, %f: tensor<3x3x4xf32>, %b: tensor<3xf32>) {
  // expected-error @+1 {{expected bias length 3 to match the filter count (4)}}
  %r = yat.conv %i, %f, %b : (tensor<1x8x3xf32>, tensor<3x3x4xf32>, tensor<3xf32>) -> tensor<1x6x4xf32>
  return
}

// -----

// Conv epsilon non-negative.
func.func @case27(%i: tensor<1x8x3xf32>, %f: tensor<3x3x4xf32>) {
  // expected-error @+1 {{expected epsilon to be finite and non-negative, got -5.000000e-01}}
  %r = yat.conv %i, %f {epsilon = -0.5 : f32} : (tensor<1x8x3xf32>, tensor<3x3x4xf32>) -> tensor<1x6x4xf32>
  return
}

// -----

// Conv window must fit the padded input.
func.func @case28(%i: tensor<1x2x3xf32>, %f: tensor<3x3x4xf32>) {
  // expected-error @+1 {{expected the padded input (2 + 0 + 0) of spatial dim 0 to cover the dilated filter (3 with dilation 1)}}
  %r = yat.conv %i, %f : (tensor<1x2x3xf32>, tensor<3x3x4xf32>) -> tensor<1x1x4xf32>
  return
}

// -----

// Conv result element type.
func.func @case29(%i: tensor<1x8x3xf32>, %f: tensor<3x3x4xf32>) {
  // expected-error @+1 {{expected result element type 'bf16' to match input element type 'f32'}}
  %r = yat.conv %i, %f : (tensor<1x8x3xf32>, tensor<3x3x4xf32>) -> tensor<1x6x4xbf16>
  return
}

// -----

// Conv result shape follows stride and padding.
func.func @case30(%i: tensor<1x8x3xf32>, %f: tensor<3x3x4xf32>) {
  // expected-error @+1 {{expected result shape [1, 4, 4], got [1, 6, 4]}}
  %r = yat.conv %i, %f {strides = array<i64: 2>, padding = array<i64: 1, 1>} : (tensor<1x8x3xf32>, tensor<3x3x4xf32>) -> tensor<1x6x4xf32>
  return
}

// -----

// Q must be rank 4.
func.func @case31(%q: tensor<2x4x8xf32>, %k: tensor<1x2x4x8xf32>, %v: tensor<1x2x4x8xf32>) {
  // expected-error @+1 {{expected q to have rank 4, got 3}}
  %r = yat.attention %q, %k, %v : (tensor<2x4x8xf32>, tensor<1x2x4x8xf32>, tensor<1x2x4x8xf32>) -> tensor<2x4x8xf32>
  return
}

// -----

// K must be rank 4.
func.func @case32(%q: tensor<1x2x4x8xf32>, %k: tensor<2x4x8xf32>, %v: tensor<1x2x4x8xf32>) {
  // expected-error @+1 {{expected k to have rank 4, got 3}}
  %r = yat.attention %q, %k, %v : (tensor<1x2x4x8xf32>, tensor<2x4x8xf32>, tensor<1x2x4x8xf32>) -> tensor<1x2x4x8xf32>
  return
}

// -----

// V must be rank 4.
func.func @case33(%q: tensor<1x2x4x8xf32>, %k: tensor<1x2x4x8xf32>, %v: tensor<2x4x8xf32>) {
  // expected-error @+1 {{expected v to have rank 4, got 3}}
  %r = yat.attention %q, %k, %v : (tensor<1x2x4x8xf32>, tensor<1x2x4x8xf32>, tensor<2x4x8xf32>) -> tensor<1x2x4x8xf32>
  return
}

// -----

// K element type.
func.func @case34(%q: tensor<1x2x4x8xf32>, %k: tensor<1x2x4x8xf16>, %v: tensor<1x2x4x8xf32>) {
  // expected-error @+1 {{expected k element type 'f16' to match q element type 'f32'}}
  %r = yat.attention %q, %k, %v : (tensor<1x2x4x8xf32>, tensor<1x2x4x8xf16>, tensor<1x2x4x8xf32>) -> tensor<1x2x4x8xf32>
  return
}

// -----

// V element type.
func.func @case35(%q: tensor<1x2x4x8xf32>, %k: tensor<1x2x4x8xf32>, %v: tensor<1x2x4x8xbf16>) {
  // expected-error @+1 {{expected v element type 'bf16' to match q element type 'f32'}}
  %r = yat.attention %q, %k, %v : (tensor<1x2x4x8xf32>, tensor<1x2x4x8xf32>, tensor<1x2x4x8xbf16>) -> tensor<1x2x4x8xf32>
  return
}

// -----

// Batch of q and k.
func.func @case36(%q: tensor<1x2x4x8xf32>, %k: tensor<2x2x4x8xf32>, %v: tensor<2x2x4x8xf32>) {
  // expected-error @+1 {{expected batch size of q (1) to match k (2)}}
  %r = yat.attention %q, %k, %v : (tensor<1x2x4x8xf32>, tensor<2x2x4x8xf32>, tensor<2x2x4x8xf32>) -> tensor<1x2x4x8xf32>
  return
}

// -----

// Batch of q and v.
func.func @case37(%q: tensor<1x2x4x8xf32>, %k: tensor<1x2x4x8xf32>, %v: tensor<3x2x4x8xf32>) {
  // expected-error @+1 {{expected batch size of q (1) to match v (3)}}
  %r = yat.attention %q, %k, %v : (tensor<1x2x4x8xf32>, tensor<1x2x4x8xf32>, tensor<3x2x4x8xf32>) -> tensor<1x2x4x8xf32>
  return
}

// -----

// Kv heads of k and v.
func.func @case38(%q: tensor<1x4x4x8xf32>, %k: tensor<1x2x4x8xf32>, %v: tensor<1x1x4x8xf32>) {
  // expected-error @+1 {{expected kv head count of k (2) to match v (1)}}
  %r = yat.attention %q, %k, %v : (tensor<1x4x4x8xf32>, tensor<1x2x4x8xf32>, tensor<1x1x4x8xf32>) -> tensor<1x4x4x8xf32>
  return
}

// -----

// Keys of k and v.
func.func @case39(%q: tensor<1x2x4x8xf32>, %k: tensor<1x2x4x8xf32>, %v: tensor<1x2x5x8xf32>) {
  // expected-error @+1 {{expected key count of k (4) to match v (5)}}
  %r = yat.attention %q, %k, %v : (tensor<1x2x4x8xf32>, tensor<1x2x4x8xf32>, tensor<1x2x5x8xf32>) -> tensor<1x2x4x8xf32>
  return
}

// -----

// Head dim of q and k.
func.func @case40(%q: tensor<1x2x4x8xf32>, %k: tensor<1x2x4x6xf32>, %v: tensor<1x2x4x8xf32>) {
  // expected-error @+1 {{expected head dim of q (8) to match k (6)}}
  %r = yat.attention %q, %k, %v : (tensor<1x2x4x8xf32>, tensor<1x2x4x6xf32>, tensor<1x2x4x8xf32>) -> tensor<1x2x4x8xf32>
  return
}

// -----

// At least one kv head.
func.func @case41(%q: tensor<1x2x4x8xf32>, %k: tensor<1x0x4x8xf32>, %v: tensor<1x0x4x8xf32>) {
  // expected-error @+1 {{expected at least one kv head}}
  %r = yat.attention %q, %k, %v : (tensor<1x2x4x8xf32>, tensor<1x0x4x8xf32>, tensor<1x0x4x8xf32>) -> tensor<1x2x4x8xf32>
  return
}

// -----

// H % Hkv == 0.
func.func @case42(%q: tensor<1x3x4x8xf32>, %k: tensor<1x2x4x8xf32>, %v: tensor<1x2x4x8xf32>) {
  // expected-error @+1 {{expected the query head count (3) to be a multiple of the kv head count (2)}}
  %r = yat.attention %q, %k, %v : (tensor<1x3x4x8xf32>, tensor<1x2x4x8xf32>, tensor<1x2x4x8xf32>) -> tensor<1x3x4x8xf32>
  return
}

// -----

// Causal needs Tq <= Tk.
func.func @case43(%q: tensor<1x2x6x8xf32>, %k: tensor<1x2x4x8xf32>, %v: tensor<1x2x4x8xf32>) {
  // expected-error @+1 {{expected causal attention to have no more queries (6) than keys (4)}}
  %r = yat.attention %q, %k, %v {causal} : (tensor<1x2x6x8xf32>, tensor<1x2x4x8xf32>, tensor<1x2x4x8xf32>) -> tensor<1x2x6x8xf32>
  return
}

// -----

// Dynamic head dim needs a scale.
func.func @case44(%q: tensor<1x2x4x?xf32>, %k: tensor<1x2x4x?xf32>, %v: tensor<1x2x4x8xf32>) {
  // expected-error @+1 {{expected an explicit scale when the head dim is dynamic}}
  %r = yat.attention %q, %k, %v : (tensor<1x2x4x?xf32>, tensor<1x2x4x?xf32>, tensor<1x2x4x8xf32>) -> tensor<1x2x4x8xf32>
  return
}

// -----

// Scale must be finite.
func.func @case45(%q: tensor<1x2x4x8xf32>, %k: tensor<1x2x4x8xf32>, %v: tensor<1x2x4x8xf32>) {
  // expected-error @+1 {{expected a finite scale, got INF}}
  %r = yat.attention %q, %k, %v {scale = 0x7F800000 : f32} : (tensor<1x2x4x8xf32>, tensor<1x2x4x8xf32>, tensor<1x2x4x8xf32>) -> tensor<1x2x4x8xf32>
  return
}

// -----

// Epsilon non-negative.
func.func @case46(%q: tensor<1x2x4x8xf32>, %k: tensor<1x2x4x8xf32>, %v: tensor<1x2x4x8xf32>) {
  // expected-error @+1 {{expected epsilon to be finite and non-negative, got -1}}
  %r = yat.attention %q, %k, %v {epsilon = -1.0 : f32} : (tensor<1x2x4x8xf32>, tensor<1x2x4x8xf32>, tensor<1x2x4x8xf32>) -> tensor<1x2x4x8xf32>
  return
}

// -----

// L1_epsilon non-negative.
func.func @case47(%q: tensor<1x2x4x8xf32>, %k: tensor<1x2x4x8xf32>, %v: tensor<1x2x4x8xf32>) {
  // expected-error @+1 {{expected l1_epsilon to be finite and non-negative, got -1}}
  %r = yat.attention %q, %k, %v {l1_epsilon = -1.0 : f32} : (tensor<1x2x4x8xf32>, tensor<1x2x4x8xf32>, tensor<1x2x4x8xf32>) -> tensor<1x2x4x8xf32>
  return
}

// -----

// Attention result element type.
func.func @case48(%q: tensor<1x2x4x8xf32>, %k: tensor<1x2x4x8xf32>, %v: tensor<1x2x4x8xf32>) {
  // expected-error @+1 {{expected result element type 'f16' to match q element type 'f32'}}
  %r = yat.attention %q, %k, %v : (tensor<1x2x4x8xf32>, tensor<1x2x4x8xf32>, tensor<1x2x4x8xf32>) -> tensor<1x2x4x8xf16>
  return
}

// -----

// Attention result takes Dv from v.
func.func @case49(%q: tensor<1x2x4x8xf32>, %k: tensor<1x2x4x8xf32>, %v: tensor<1x2x4x16xf32>) {
  // expected-error @+1 {{expected result shape [1, 2, 4, 16], got [1, 2, 4, 8]}}
  %r = yat.attention %q, %k, %v : (tensor<1x2x4x8xf32>, tensor<1x2x4x8xf32>, tensor<1x2x4x16xf32>) -> tensor<1x2x4x8xf32>
  return
}

// -----

// Normalization must be softmax or l1.
func.func @case50(%q: tensor<1x2x4x8xf32>, %k: tensor<1x2x4x8xf32>, %v: tensor<1x2x4x8xf32>) {
  // expected-error @+2 {{expected ::mlir::yat::Normalization to be one of: softmax, l1}}
  // expected-error @+1 {{failed to parse Yat_NormalizationAttr parameter 'value'}}
  %r = yat.attention %q, %k, %v {normalization = #yat.normalization<l2>} : (tensor<1x2x4x8xf32>, tensor<1x2x4x8xf32>, tensor<1x2x4x8xf32>) -> tensor<1x2x4x8xf32>
  return
}

// -----

// Rms_norm x must have a rank.
func.func @case51(%x: tensor<f32>) {
  // expected-error @+1 {{expected x to have rank >= 1, got 0}}
  %r = yat.rms_norm %x : (tensor<f32>) -> tensor<f32>
  return
}

// -----

// Rms_norm gamma is a vector.
func.func @case52(%x: tensor<2x4xf32>, %g: tensor<1x4xf32>) {
  // expected-error @+1 {{expected gamma to have rank 1, got 2}}
  %r = yat.rms_norm %x, %g : (tensor<2x4xf32>, tensor<1x4xf32>) -> tensor<2x4xf32>
  return
}

// -----

// Rms_norm gamma element type.
func.func @case53(%x: tensor<2x4xf32>, %g: tensor<4xf16>) {
  // expected-error @+1 {{expected gamma element type 'f16' to match x element type 'f32'}}
  %r = yat.rms_norm %x, %g : (tensor<2x4xf32>, tensor<4xf16>) -> tensor<2x4xf32>
  return
}

// -----

// Rms_norm gamma length.
func.func @case54(%x: tensor<2x4xf32>, %g: tensor<5xf32>) {
  // expected-error @+1 {{expected gamma length 5 to match the last dim of x (4)}}
  %r = yat.rms_norm %x, %g : (tensor<2x4xf32>, tensor<5xf32>) -> tensor<2x4xf32>
  return
}

// -----

// Rms_norm epsilon non-negative.
func.func @case55(%x: tensor<2x4xf32>) {
  // expected-error @+1 {{expected epsilon to be finite and non-negative}}
  %r = yat.rms_norm %x {epsilon = -1.0e-6 : f32} : (tensor<2x4xf32>) -> tensor<2x4xf32>
  return
}

// -----

// Rms_norm result element type.
func.func @case56(%x: tensor<2x4xf32>) {
  // expected-error @+1 {{expected result element type 'f16' to match x element type 'f32'}}
  %r = yat.rms_norm %x : (tensor<2x4xf32>) -> tensor<2x4xf16>
  return
}

// -----

// Rms_norm result shape.
func.func @case57(%x: tensor<2x4xf32>) {
  // expected-error @+1 {{expected result shape [2, 4], got [4, 2]}}
  %r = yat.rms_norm %x : (tensor<2x4xf32>) -> tensor<4x2xf32>
  return
}

// -----

// Ternarize w is a matrix.
func.func @case58(%w: tensor<8xf32>) {
  // expected-error @+1 {{expected w to have rank 2, got 1}}
  %p, %s = yat.ternarize %w : (tensor<8xf32>) -> (tensor<8x2xi8>, tensor<f32>)
  return
}

// -----

// Ternarize K % 4 == 0.
func.func @case59(%w: tensor<8x6xf32>) {
  // expected-error @+1 {{expected the input dim of w (6) to be a multiple of 4}}
  %p, %s = yat.ternarize %w : (tensor<8x6xf32>) -> (tensor<8x1xi8>, tensor<f32>)
  return
}

// -----

// Ternarize packed shape.
func.func @case60(%w: tensor<8x16xf32>) {
  // expected-error @+1 {{expected packed shape [8, 4], got [8, 16]}}
  %p, %s = yat.ternarize %w : (tensor<8x16xf32>) -> (tensor<8x16xi8>, tensor<f32>)
  return
}

// -----

// Ternarize scale is a scalar tensor.
func.func @case61(%w: tensor<8x16xf32>) {
  // expected-error @+1 {{expected scale shape [], got [8]}}
  %p, %s = yat.ternarize %w : (tensor<8x16xf32>) -> (tensor<8x4xi8>, tensor<8xf32>)
  return
}

// -----

// Ternarize packed is i8.
func.func @case62(%w: tensor<8x16xf32>) {
  // expected-error @+1 {{result #0 must be ranked tensor of 8-bit signless integer values}}
  %p, %s = yat.ternarize %w : (tensor<8x16xf32>) -> (tensor<8x4xi32>, tensor<f32>)
  return
}

// -----

// Ternary_matmul x must have a rank.
func.func @case63(%x: tensor<f32>, %p: tensor<4x1xi8>, %s: tensor<f32>) {
  // expected-error @+1 {{expected x to have rank >= 1, got 0}}
  %r = yat.ternary_matmul %x, %p, %s : (tensor<f32>, tensor<4x1xi8>, tensor<f32>) -> tensor<4xf32>
  return
}

// -----

// Ternary_matmul packed is a matrix.
func.func @case64(%x: tensor<2x8xf32>, %p: tensor<4xi8>, %s: tensor<f32>) {
  // expected-error @+1 {{expected packed to have rank 2, got 1}}
  %r = yat.ternary_matmul %x, %p, %s : (tensor<2x8xf32>, tensor<4xi8>, tensor<f32>) -> tensor<2x4xf32>
  return
}

// -----

// Ternary_matmul packed is i8.
func.func @case65(%x: tensor<2x8xf32>, %p: tensor<4x2xi32>, %s: tensor<f32>) {
  // expected-error @+1 {{operand #1 must be ranked tensor of 8-bit signless integer values}}
  %r = yat.ternary_matmul %x, %p, %s : (tensor<2x8xf32>, tensor<4x2xi32>, tensor<f32>) -> tensor<2x4xf32>
  return
}

// -----

// Ternary_matmul scale is f32.
func.func @case66(%x: tensor<2x8xf32>, %p: tensor<4x2xi8>, %s: tensor<f16>) {
  // expected-error @+1 {{operand #2 must be ranked tensor of 32-bit float values}}
  %r = yat.ternary_matmul %x, %p, %s : (tensor<2x8xf32>, tensor<4x2xi8>, tensor<f16>) -> tensor<2x4xf32>
  return
}

// -----

// Ternary_matmul K % 4 == 0.
func.func @case67(%x: tensor<2x6xf32>, %p: tensor<4x2xi8>, %s: tensor<f32>) {
  // expected-error @+1 {{expected the last dim of x (6) to be a multiple of 4}}
  %r = yat.ternary_matmul %x, %p, %s : (tensor<2x6xf32>, tensor<4x2xi8>, tensor<f32>) -> tensor<2x4xf32>
  return
}

// -----

// Ternary_matmul packed K.
func.func @case68(%x: tensor<2x8xf32>, %p: tensor<4x3xi8>, %s: tensor<f32>) {
  // expected-error @+1 {{expected dim 1 of packed (3) to be the last dim of x / 4 (2)}}
  %r = yat.ternary_matmul %x, %p, %s : (tensor<2x8xf32>, tensor<4x3xi8>, tensor<f32>) -> tensor<2x4xf32>
  return
}

// -----

// Ternary_matmul scale rank.
func.func @case69(%x: tensor<2x8xf32>, %p: tensor<4x2xi8>, %s: tensor<4x1xf32>) {
  // expected-error @+1 {{expected scale of rank 0 (per tensor) or 1 (per output channel), got rank 2}}
  %r = yat.ternary_matmul %x, %p, %s : (tensor<2x8xf32>, tensor<4x2xi8>, tensor<4x1xf32>) -> tensor<2x4xf32>
  return
}

// -----

// Ternary_matmul per-channel scale length.
func.func @case70(%x: tensor<2x8xf32>, %p: tensor<4x2xi8>, %s: tensor<5xf32>) {
  // expected-error @+1 {{expected per-channel scale length 5 to match dim 0 of packed (4)}}
  %r = yat.ternary_matmul %x, %p, %s : (tensor<2x8xf32>, tensor<4x2xi8>, tensor<5xf32>) -> tensor<2x4xf32>
  return
}

// -----

// Ternary_matmul activation_bits.
func.func @case71(%x: tensor<2x8xf32>, %p: tensor<4x2xi8>, %s: tensor<f32>) {
  // expected-error @+1 {{expected activation_bits to be 8 or 0, got 4}}
  %r = yat.ternary_matmul %x, %p, %s {activation_bits = 4 : i64} : (tensor<2x8xf32>, tensor<4x2xi8>, tensor<f32>) -> tensor<2x4xf32>
  return
}

// -----

// Ternary_matmul result element type.
func.func @case72(%x: tensor<2x8xf32>, %p: tensor<4x2xi8>, %s: tensor<f32>) {
  // expected-error @+1 {{expected result element type 'f16' to match x element type 'f32'}}
  %r = yat.ternary_matmul %x, %p, %s : (tensor<2x8xf32>, tensor<4x2xi8>, tensor<f32>) -> tensor<2x4xf16>
  return
}

// -----

// Ternary_matmul result shape.
func.func @case73(%x: tensor<2x8xf32>, %p: tensor<4x2xi8>, %s: tensor<f32>) {
  // expected-error @+1 {{expected result shape [2, 4], got [2, 8]}}
  %r = yat.ternary_matmul %x, %p, %s : (tensor<2x8xf32>, tensor<4x2xi8>, tensor<f32>) -> tensor<2x8xf32>
  return
}

// -----

// Recurrence a is B x T x D.
func.func @case74(%a: tensor<2x8xf32>, %b: tensor<2x8x4xf32>) {
  // expected-error @+1 {{expected a to have rank 3, got 2}}
  %h, %l = yat.linear_recurrence %a, %b : (tensor<2x8xf32>, tensor<2x8x4xf32>) -> (tensor<2x8x4xf32>, tensor<2x4xf32>)
  return
}

// -----

// Recurrence b is B x T x D.
func.func @case75(%a: tensor<2x8x4xf32>, %b: tensor<2x8xf32>) {
  // expected-error @+1 {{expected b to have rank 3, got 2}}
  %h, %l = yat.linear_recurrence %a, %b : (tensor<2x8x4xf32>, tensor<2x8xf32>) -> (tensor<2x8x4xf32>, tensor<2x4xf32>)
  return
}

// -----

// Recurrence b element type.
func.func @case76(%a: tensor<2x8x4xf32>, %b: tensor<2x8x4xf16>) {
  // expected-error @+1 {{expected b element type 'f16' to match a element type 'f32'}}
  %h, %l = yat.linear_recurrence %a, %b : (tensor<2x8x4xf32>, tensor<2x8x4xf16>) -> (tensor<2x8x4xf32>, tensor<2x4xf32>)
  return
}

// -----

// Recurrence a and b shapes.
func.func @case77(%a: tensor<2x8x4xf32>, %b: tensor<2x7x4xf32>) {
  // expected-error @+1 {{expected a [2, 8, 4] and b [2, 7, 4] to have the same shape}}
  %h, %l = yat.linear_recurrence %a, %b : (tensor<2x8x4xf32>, tensor<2x7x4xf32>) -> (tensor<2x8x4xf32>, tensor<2x4xf32>)
  return
}

// -----

// Recurrence h0 element type.
func.func @case78(%a: tensor<2x8x4xf32>, %b: tensor<2x8x4xf32>, %h0: tensor<2x4xbf16>) {
  // expected-error @+1 {{expected h0 element type 'bf16' to match a element type 'f32'}}
  %h, %l = yat.linear_recurrence %a, %b, %h0 : (tensor<2x8x4xf32>, tensor<2x8x4xf32>, tensor<2x4xbf16>) -> (tensor<2x8x4xf32>, tensor<2x4xf32>)
  return
}

// -----

// Recurrence h0 shape.
func.func @case79(%a: tensor<2x8x4xf32>, %b: tensor<2x8x4xf32>, %h0: tensor<2x8xf32>) {
  // expected-error @+1 {{expected h0 of shape [2, 4] (B x D), got [2, 8]}}
  %h, %l = yat.linear_recurrence %a, %b, %h0 : (tensor<2x8x4xf32>, tensor<2x8x4xf32>, tensor<2x8xf32>) -> (tensor<2x8x4xf32>, tensor<2x4xf32>)
  return
}

// -----

// Recurrence h element type.
func.func @case80(%a: tensor<2x8x4xf32>, %b: tensor<2x8x4xf32>) {
  // expected-error @+1 {{expected h element type 'f16' to match a element type 'f32'}}
  %h, %l = yat.linear_recurrence %a, %b : (tensor<2x8x4xf32>, tensor<2x8x4xf32>) -> (tensor<2x8x4xf16>, tensor<2x4xf32>)
  return
}

// -----

// Recurrence h_last element type.
func.func @case81(%a: tensor<2x8x4xf32>, %b: tensor<2x8x4xf32>) {
  // expected-error @+1 {{expected h_last element type 'f16' to match a element type 'f32'}}
  %h, %l = yat.linear_recurrence %a, %b : (tensor<2x8x4xf32>, tensor<2x8x4xf32>) -> (tensor<2x8x4xf32>, tensor<2x4xf16>)
  return
}

// -----

// Recurrence h shape.
func.func @case82(%a: tensor<2x8x4xf32>, %b: tensor<2x8x4xf32>) {
  // expected-error @+1 {{expected h shape [2, 8, 4], got [2, 4, 8]}}
  %h, %l = yat.linear_recurrence %a, %b : (tensor<2x8x4xf32>, tensor<2x8x4xf32>) -> (tensor<2x4x8xf32>, tensor<2x4xf32>)
  return
}

// -----

// Recurrence h_last shape.
func.func @case83(%a: tensor<2x8x4xf32>, %b: tensor<2x8x4xf32>) {
  // expected-error @+1 {{expected h_last shape [2, 4], got [2, 8]}}
  %h, %l = yat.linear_recurrence %a, %b : (tensor<2x8x4xf32>, tensor<2x8x4xf32>) -> (tensor<2x8x4xf32>, tensor<2x8xf32>)
  return
}

// -----

// Squared-norm dims must be dims of w.
func.func @norms_dims_range(%w: tensor<4x8xf32>) {
  // expected-error @+1 {{expected dims in [0, 2), got 2}}
  %n = yat.squared_norms %w dims = [2] : tensor<4x8xf32> -> tensor<4x8xf32>
  return
}

// -----

// Squared-norm dims are listed in increasing order.
func.func @norms_dims_order(%w: tensor<4x8x2xf32>) {
  // expected-error @+1 {{expected dims to be strictly increasing}}
  %n = yat.squared_norms %w dims = [1, 0] : tensor<4x8x2xf32> -> tensor<2xf32>
  return
}

// -----

// The squared norms keep the dims that are not reduced.
func.func @norms_result_shape(%w: tensor<4x8xf32>) {
  // expected-error @+1 {{expected result shape [4], got [8]}}
  %n = yat.squared_norms %w dims = [1] : tensor<4x8xf32> -> tensor<8xf32>
  return
}

// -----

// product_with_norms checks what yat.product checks.
func.func @cached_product_k(%x: tensor<2x4xf32>, %w: tensor<3x5xf32>, %n: tensor<3xf32>) {
  // expected-error @+1 {{expected the last dim of x (4) to match dim 1 of w (5)}}
  %r = yat.product_with_norms %x, %w norms(%n) : (tensor<2x4xf32>, tensor<3x5xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  return
}

// -----

// One squared norm per weight row.
func.func @cached_product_norms(%x: tensor<2x4xf32>, %w: tensor<3x4xf32>, %n: tensor<4xf32>) {
  // expected-error @+1 {{expected w_norms of shape [3], got [4]}}
  %r = yat.product_with_norms %x, %w norms(%n) : (tensor<2x4xf32>, tensor<3x4xf32>, tensor<4xf32>) -> tensor<2x3xf32>
  return
}

// -----

// conv_with_norms checks what yat.conv checks.
func.func @cached_conv_groups(%i: tensor<1x8x3xf32>, %f: tensor<3x1x4xf32>, %n: tensor<4xf32>) {
  // expected-error @+1 {{expected groups (2) to divide the input channels (3)}}
  %r = yat.conv_with_norms %i, %f norms(%n) {groups = 2 : i64} : (tensor<1x8x3xf32>, tensor<3x1x4xf32>, tensor<4xf32>) -> tensor<1x6x4xf32>
  return
}

// -----

// One squared norm per filter.
func.func @cached_conv_norms(%i: tensor<1x8x3xf32>, %f: tensor<3x3x4xf32>, %n: tensor<3x4xf32>) {
  // expected-error @+1 {{expected filter_norms of shape [4], got [3, 4]}}
  %r = yat.conv_with_norms %i, %f norms(%n) : (tensor<1x8x3xf32>, tensor<3x3x4xf32>, tensor<3x4xf32>) -> tensor<1x6x4xf32>
  return
}

// -----

// A lowering_config has one tile size per loop of its op.
func.func @lowering_config_size_count(%x: tensor<8x8xf32>) -> tensor<8x8xf32> {
  // expected-error @below {{has 2 lowering_config tile sizes for 3 loops}}
  %0 = linalg.matmul {yat.lowering_config = #yat.lowering_config<tile_sizes = [4, 4]>} ins(%x, %x : tensor<8x8xf32>, tensor<8x8xf32>) outs(%x : tensor<8x8xf32>) -> tensor<8x8xf32>
  return %0 : tensor<8x8xf32>
}

// -----

// Reduction loops are never tiled.
func.func @lowering_config_reduction(%x: tensor<8x8xf32>) -> tensor<8x8xf32> {
  // expected-error @below {{lowering_config tiles a reduction loop (tile size 4) outside reduction_tile_sizes}}
  %0 = linalg.matmul {yat.lowering_config = #yat.lowering_config<tile_sizes = [4, 4, 0], inner_tile_sizes = [0, 0, 4]>} ins(%x, %x : tensor<8x8xf32>, tensor<8x8xf32>) outs(%x : tensor<8x8xf32>) -> tensor<8x8xf32>
  return %0 : tensor<8x8xf32>
}

// -----

// Tile sizes are non-negative.
func.func @lowering_config_negative(%x: tensor<8x8xf32>) -> tensor<8x8xf32> {
  // expected-error @below {{tile sizes must be non-negative, got -4}}
  %0 = linalg.matmul {yat.lowering_config = #yat.lowering_config<tile_sizes = [-4, 4, 0]>} ins(%x, %x : tensor<8x8xf32>, tensor<8x8xf32>) outs(%x : tensor<8x8xf32>) -> tensor<8x8xf32>
  return %0 : tensor<8x8xf32>
}

// -----

// Every level has one size per loop.
func.func @lowering_config_inner_count(%x: tensor<8x8xf32>) -> tensor<8x8xf32> {
  // expected-error @below {{has 3 tile sizes but 1 inner tile sizes}}
  %0 = linalg.matmul {yat.lowering_config = #yat.lowering_config<tile_sizes = [4, 4, 0], inner_tile_sizes = [2]>} ins(%x, %x : tensor<8x8xf32>, tensor<8x8xf32>) outs(%x : tensor<8x8xf32>) -> tensor<8x8xf32>
  return %0 : tensor<8x8xf32>
}

// -----

// Only linalg ops have loops to tile.
func.func @lowering_config_not_linalg(%x: tensor<8xf32>) -> tensor<8xf32> {
  // expected-error @below {{'yat.lowering_config' is only valid on linalg ops}}
  %0 = arith.addf %x, %x {yat.lowering_config = #yat.lowering_config<tile_sizes = [4]>} : tensor<8xf32>
  return %0 : tensor<8xf32>
}

// -----

// The attribute must be a #yat.lowering_config.
func.func @lowering_config_wrong_type(%x: tensor<8x8xf32>) -> tensor<8x8xf32> {
  // expected-error @below {{'yat.lowering_config' must be a #yat.lowering_config, got [4, 4, 0]}}
  %0 = linalg.matmul {yat.lowering_config = [4, 4, 0]} ins(%x, %x : tensor<8x8xf32>, tensor<8x8xf32>) outs(%x : tensor<8x8xf32>) -> tensor<8x8xf32>
  return %0 : tensor<8x8xf32>
}

// -----

// Discardable attributes in the yat namespace are the ones yat defines.
func.func @unknown_attribute(%x: tensor<8xf32>) -> tensor<8xf32> {
  // expected-error @below {{unknown yat attribute 'yat.tile'}}
  %0 = arith.addf %x, %x {yat.tile = 4} : tensor<8xf32>
  return %0 : tensor<8xf32>
}

// -----

// yat.reassociated marks a check; it carries no value.
func.func @reassociated_not_unit(%x: tensor<8xf32>) -> tensor<8xf32> {
  // expected-error @below {{'yat.reassociated' must be a unit attribute}}
  %0 = arith.addf %x, %x {yat.reassociated = 1} : tensor<8xf32>
  return %0 : tensor<8xf32>
}

// -----

// Reduction chunks split reduction loops only.
func.func @lowering_config_reduction_of_parallel(%x: tensor<8x8xf32>) -> tensor<8x8xf32> {
  // expected-error @below {{lowering_config reduction_tile_sizes tiles a parallel loop (tile size 2)}}
  %0 = linalg.matmul {yat.lowering_config = #yat.lowering_config<tile_sizes = [4, 4, 0], reduction_tile_sizes = [2, 0, 4]>} ins(%x, %x : tensor<8x8xf32>, tensor<8x8xf32>) outs(%x : tensor<8x8xf32>) -> tensor<8x8xf32>
  return %0 : tensor<8x8xf32>
}

// -----

// The reduction level has one size per loop too.
func.func @lowering_config_reduction_count(%x: tensor<8x8xf32>) -> tensor<8x8xf32> {
  // expected-error @below {{has 3 tile sizes but 2 reduction tile sizes}}
  %0 = linalg.matmul {yat.lowering_config = #yat.lowering_config<tile_sizes = [4, 4, 0], reduction_tile_sizes = [0, 4]>} ins(%x, %x : tensor<8x8xf32>, tensor<8x8xf32>) outs(%x : tensor<8x8xf32>) -> tensor<8x8xf32>
  return %0 : tensor<8x8xf32>
}

// -----

// The optional levels come in order: inner, then reduction.
func.func @lowering_config_level_order(%x: tensor<8x8xf32>) -> tensor<8x8xf32> {
  // expected-error @below {{expected 'inner_tile_sizes' or 'reduction_tile_sizes' once each, in this order, got 'inner_tile_sizes'}}
  %0 = linalg.matmul {yat.lowering_config = #yat.lowering_config<tile_sizes = [4, 4, 0], reduction_tile_sizes = [0, 0, 4], inner_tile_sizes = [2, 0, 0]>} ins(%x, %x : tensor<8x8xf32>, tensor<8x8xf32>) outs(%x : tensor<8x8xf32>) -> tensor<8x8xf32>
  return %0 : tensor<8x8xf32>
}
