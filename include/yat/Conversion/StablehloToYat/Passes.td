//===- Passes.td - raising StableHLO to yat ----------------*- tablegen -*-===//

#ifndef YAT_CONVERSION_STABLEHLOTOYAT_PASSES_TD
#define YAT_CONVERSION_STABLEHLOTOYAT_PASSES_TD

include "mlir/Pass/PassBase.td"

def RaiseStablehloToYat : Pass<"yat-raise-stablehlo", "::mlir::ModuleOp"> {
  let summary = "Recognize ⵟ-product, ⵟ-conv, ⵟ-attention, RMSNorm, "
                "linear-recurrence scans and BitLinear fake quantization in "
                "StableHLO and replace them by yat ops";
  let description = [{
    Finds the StableHLO subgraphs that compute a yat op and replaces each by
    that op, so that the rest of yat's pipelines (norm caching, fused
    epilogues, the GPU kernels) apply to models exported from JAX or
    PyTorch. The yat ops take and return tensors and sit among the remaining
    stablehlo ops; every other op is left as it is.

    First, as a nested pipeline, `stablehlo-expand-chlo` expands the CHLO
    ops that JAX prints (`chlo.square x` for `jnp.square` becomes
    `stablehlo.multiply x, x`), so that the patterns below see one form;
    `stablehlo-legalize-composite-to-call` and
    `stablehlo-inline-private-calls` then inline `stablehlo.composite` ops
    and the private functions called from the module (the `_where` helpers
    that JAX emits), so that patterns can see through them; private
    functions left without callers are erased. A module without stablehlo
    or chlo ops is left alone.

    Matching works on the algebra, not on one op sequence. A product of
    factors is read through `multiply`, `divide` and `negate` (so a scale
    before or after the division, or a division written as a multiply by a
    reciprocal, are the same), and a sum of terms through `add`,
    `subtract`, `negate` and multiplications or divisions by constants (so
    operands of `add`/`multiply` match in either order and `2·dot` may be
    written `dot·2` or `dot + dot`). Constants are anything computable from
    `stablehlo.constant` and `iota` (e.g. `sqrt(8.0)`), seen through
    `broadcast_in_dim`. Values are compared up to no-op ops (`convert` to
    the same type, `x + 0`, `x − 0`, `x · 1`) and up to duplicated pure
    ops, so that two `convert`s of the same argument count as one value.
    Broadcasts are followed through `broadcast_in_dim`, `transpose` and
    `reshape`s that only add or drop unit dims, and the dims must land
    where the formula needs them. Only static shapes are raised.

    Recognized forms (scale = product of all constant factors):

    - `yat.product`: `scale · (dot + bias)² / (dist + epsilon)` where
      `dot = dot_general(x, w)` contracts the last dim of `x` with either
      dim of a rank-2 `w` (stored `[N, K]` or `[K, N]`; a `[K, N]` weight
      gets a `stablehlo.transpose`), and `dist` is the expanded
      `Σx² + Σw² − 2·dot` (with or without a clamp `max(·, 0)` or
      `clamp(0, ·, ·)`) or the direct `Σ_k (x − w)²` (broadcast subtract,
      square, reduce). `bias` is optional: a `[N]` (or one-element)
      tensor broadcast along the output dim, or a constant. `alpha` is the
      constant part of the scale; a non-constant scalar factor (a learnable
      `alpha`) stays as a `stablehlo.multiply` of the result. Any other
      factor (a gate) stays outside, and the ⵟ-product under it is
      raised.
    - `yat.conv`: the same with `dot = stablehlo.convolution(x, w)` (any
      dimension numbers: transposes are inserted around `yat.conv` when the
      layout is not channels-last / `[K..., C, F]`), the patch norm computed
      as nmn does, by a convolution of `x²` with a kernel of ones of the
      same window, strides, padding, dilation and feature groups (one
      output per group, repeated along each group's filters as
      `jnp.repeat` writes it: a broadcast and a reshape), and `Σw²` reduced
      over all but the output-feature dim. `feature_group_count` becomes
      `groups`. `lhs_dilation`, window reversal, batch groups and negative
      padding are not raised; neither is the direct `Σ(patch − w)²`.
    - `yat.attention`: `p · v` (a `dot_general`) where `p` is a softmax
      (or nmn's l1 normalization `s / (Σ s + l1_epsilon)`) along the key
      dim of an ⵟ score of `q` and `k` (a `dot_general` of rank-4 tensors
      with two batch dims, as `einsum("bqhd,bkhd->bhqk")` emits), with the
      expanded or direct distance as above. `scale` is the constant factor
      (nmn divides by `sqrt(d)`), left out when it equals the default
      `1/sqrt(D)`. Before a softmax the scores may go through `select`s
      with `-inf` or a large negative (≤ −1e4 after scaling) for masked
      entries, or an additive mask of 0 and such negatives; before l1,
      through `select`s with 0; after the normalization, a `select` that
      zeroes the masked entries again; `select`s whose predicate is all
      true are dropped. The mask must be computable at compile time; all
      true gives plain attention, the bottom-right-aligned causal mask
      (`j ≤ i + Tk − Tq`) gives `causal`; any other mask is not raised.
      The softmax may subtract any value constant along the key dim (the
      row maximum) or nothing. `q`, `k`, `v` are transposed to
      `[B, H, T, D]` and the result back to the layout of `p · v`. The
      heads of q and k pair one to one in the contraction (a GQA model
      that repeats k and v per query head raises with the repeated k and
      v), and the score may have no bias and no non-constant factor.
    - `yat.rms_norm`: `x · rsqrt(mean(x²) + epsilon) · gamma` over the last
      dim, with `rsqrt(e)` also written `1 / sqrt(e)`, the mean as
      `Σx² / K` or `Σx² · (1/K)`, and `gamma` (optional) a `[K]` tensor
      broadcast along the last dim.
    - `yat.linear_recurrence`: a `jax.lax.scan` of `h = a_t · h + b_t`, a
      `stablehlo.while` whose condition is `i < T` on an integer counter
      that starts at 0 and steps by 1, whose carry `h` (a float tensor of
      static shape `S`) is updated to `a_t · h + b_t` (operands in either
      order), with `a_t` and `b_t` row `t` (`dynamic_slice` then
      `reshape`) of `[T, S...]` sequences defined outside the loop or passed
      through it, `t` the counter (or `T − 1 − i` for `reverse=True`), and
      at most one other changing value: a `[T, S...]` output into whose row
      `t` the new carry is written (`dynamic_update_slice` of its
      broadcast). The sequences are transposed and reshaped to
      `[B, T, D]` (D the last dim of `S`, B the product of the others), the
      states back to `[T, S...]`; the loop's results become the final
      state, the states, `T` and the passed-through values. Scans of other
      bodies or of several carries are not raised.
      `jax.lax.associative_scan` of the same recurrence (combine
      `(a1 a2, a2 b1 + b2)`, from a zero state) raises too: JAX unrolls its
      odd/even recursion into strided `slice`s, the pair products, a
      `concatenate` of the first element and the even elements, and an
      interleave (`add` of two zero `pad`s with interior padding 1) at each
      level. The outermost interleave whose whole tree has that form, for
      the length of the scanned axis at every level, becomes one
      recurrence along that axis (transposed to `[B, T, D]` and back); the
      cumulative decay products that the tree also computes are left to
      dead-code elimination.
    - `yat.ternarize` + `yat.ternary_matmul` (`activation_bits = 8`): a
      BitLinear layer as matmulfreellm writes it, a `dot_general` of
      `clamp(round_nearest_even(x · sx), −128, 127) / sx` with
      `sx = 127 / max(max_k |x|, 1e-5)` over the last dim of x, and of
      `clamp(round_nearest_even(W · s), −1, 1) / s` with
      `s = 1 / max(mean |W|, 1e-5)` over all of the rank-2 W, contracting
      the last dim of x with either dim of W (clamps also as
      `stablehlo.clamp` or a `maximum`/`minimum` pair in either order).
      W `[K, N]` is transposed to `[N, K]` (a constant at compile time);
      `yat.ternarize` of a constant W folds to its 2-bit codes and scale,
      so no float copy of the weight is left. The raised layer computes
      the same quantized values (W / mean where JAX multiplies by the
      inverse mean: a weight within an f32 rounding of a .5 boundary may
      round the other way) with integer sums. K must be a multiple of 4.

    About the distance clamp: `yat.product`, `yat.conv` and
    `yat.attention` clamp the expanded distance at 0. An unclamped
    `Σx² + Σw² − 2·dot` is raised too: it is the same function in exact
    arithmetic and differs only where rounding makes the distance negative
    (where the unclamped form is the less accurate one). A clamp at a
    value other than 0 (nmn's `distance_floor`) is not raised.

    The new ops compute in the element type of the values the matched
    graph computes on (nmn upcasts to f32 first); `convert`s around the
    graph stay. A contraction whose operands and result differ in element
    type (a mixed-precision `dot_general`) is not raised. A candidate that does not match leaves the IR unchanged;
    with `remarks=true` the pass says why at the candidate's location
    (a candidate is an expression that has the family's core: a squared
    dot over a distance, a softmax feeding a `dot_general`, an rsqrt of a
    mean square, a counted `stablehlo.while`, an `add` of two
    interior-padded `pad`s, or a `dot_general` of two rounded, clamped and
    rescaled operands).
  }];
  let options = [
    Option<"emitRemarks", "remarks", "bool", /*default=*/"false",
           "Emit a remark at each candidate that was not raised, naming the "
           "reason">,
  ];
  let dependentDialects = [
    "::mlir::func::FuncDialect",
    "::mlir::yat::YatDialect",
  ];
}

#endif // YAT_CONVERSION_STABLEHLOTOYAT_PASSES_TD
