//===- Passes.td - yat conversion passes -------------------*- tablegen -*-===//

#ifndef YAT_CONVERSION_PASSES_TD
#define YAT_CONVERSION_PASSES_TD

include "mlir/Pass/PassBase.td"

def ConvertYatToLinalg : Pass<"convert-yat-to-linalg"> {
  let summary = "Decompose every yat op into linalg, tensor, arith, math and scf";
  let description = [{
    The reference lowering of the `yat` dialect: each op becomes a short
    sequence of standard ops on tensors that spells out the formula of the
    op, with every intermediate (the dot products, the squared norms, the
    distances, the attention scores) materialized as a full tensor. Every
    other path (norm caching, fused epilogues, GPU kernels) is checked
    against this one. Static and dynamic shapes are supported; dynamic
    sizes are read with `tensor.dim`.

    Element types: f16, bf16 and f32 operands are extended to f32 inside
    each `linalg` body, all sums, products and divisions run in f32, and the
    result is rounded to the result element type once, in the last op. f64
    operands compute in f64.

    The decompositions:

    - `yat.product`: `dot = x · wᵀ` accumulates in the compute type as a
      `linalg.matmul` with transposed-`w` indexing maps when `x` has rank 2,
      and as a `linalg.generic` contraction that keeps the leading dims of
      `x` as batch dims otherwise (no reshapes). `Σ_k x²` and `Σ_k w²` are
      two `linalg.generic` reductions, and one elementwise `linalg.generic`
      applies `alpha · (dot + bias)² / (max(|x|² + |w|² − 2·dot, 0) +
      epsilon)`.
    - `yat.conv`: `tensor.pad` applies the zero padding. With `groups = 1`
      the dot is `linalg.conv_{1d_nwc_wcf,2d_nhwc_hwcf,3d_ndhwc_dhwcf}`;
      with groups the channels of input and filter are split into
      `groups × C/groups` with `tensor.expand_shape` and the dot is a
      grouped convolution written as a `linalg.generic`. The window sum of
      `input²` is a pooling-style `linalg.generic` (the window is a
      shape-only `tensor.empty` operand), the filter norms are a reduction
      over the window and the group's channels, and an elementwise
      `linalg.generic` applies the ⵟ formula.
    - `yat.attention`: with grouped (GQA/MQA) heads, `q` is viewed as
      `B × Hkv × H/Hkv × Tq × D` so that every query head reads its kv head
      through an affine map; when the head counts are dynamic, `k` and `v`
      are instead gathered to one copy per query head. The scores, their
      normalization (softmax with the row maximum subtracted, or l1) and
      `p · v` are `linalg.generic` ops. Causal masking compares
      `linalg.index` values in the bodies (`j > i + Tk − Tq`); masked
      entries, and whole rows with no visible key, contribute exactly 0.
    - `yat.rms_norm`: a reduction computes `sqrt(mean(x²) + epsilon)` per
      row and an elementwise op divides and multiplies by `gamma`.
    - `yat.ternarize`: a reduction computes the absmean scale; a
      `linalg.generic` over `N × K/4 × 4` rounds (half to even), clamps and
      packs each group of four weights into one byte.
    - `yat.ternary_matmul`: the 2-bit weights are unpacked by sign-extending
      shifts; with `activation_bits = 8` each row of `x` is quantized to i8
      by its absmax and contracted with the weights on i8 operands
      accumulating in i32; with `activation_bits = 0` the unpacked weights
      are converted to floats and contracted in f32. The contraction has the
      same form as for `yat.product`; `scale` is per tensor or per output
      channel.
    - `yat.linear_recurrence`: an `scf.for` over `T` (backward with
      `reverse`) carries the `B × D` state in f32 and inserts each step's
      state into the `B × T × D` result; `h_last` is the final state.
    - The internal ops of `yat-cache-norms`: `yat.squared_norms` becomes an
      f32 `linalg.generic` reduction over its `dims`;
      `yat.product_with_norms` and `yat.conv_with_norms` lower like
      `yat.product` and `yat.conv`, reading the supplied norms instead of
      reducing the weight.

    The pass fails, naming the op, if a yat op is left.
  }];
  let dependentDialects = [
    "::mlir::arith::ArithDialect",
    "::mlir::linalg::LinalgDialect",
    "::mlir::math::MathDialect",
    "::mlir::scf::SCFDialect",
    "::mlir::tensor::TensorDialect",
  ];
}

#endif // YAT_CONVERSION_PASSES_TD
