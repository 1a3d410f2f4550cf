//===- YatOps.td - yat operations --------------------------*- tablegen -*-===//

#ifndef YAT_DIALECT_YAT_IR_YATOPS_TD
#define YAT_DIALECT_YAT_IR_YATOPS_TD

include "yat/Dialect/Yat/IR/YatDialect.td"
include "yat/Dialect/Yat/IR/YatAttrs.td"
include "mlir/IR/CommonAttrConstraints.td"
include "mlir/IR/CommonTypeConstraints.td"
include "mlir/Interfaces/InferTypeOpInterface.td"
include "mlir/Interfaces/SideEffectInterfaces.td"
include "mlir/Interfaces/TilingInterface.td"

def Yat_FloatTensor : RankedTensorOf<[F16, BF16, F32, F64]>;
def Yat_I8Tensor : RankedTensorOf<[I8]>;
def Yat_F32Tensor : RankedTensorOf<[F32]>;

// Every yat op is pure and can say how big its results are.
/// The TilingInterface methods of the yat ops that tile over the index
/// space of their result (lib/Dialect/Yat/IR/YatTiling.cpp).
defvar Yat_TilingOverResult = DeclareOpInterfaceMethods<TilingInterface, [
    "getLoopIteratorTypes", "getIterationDomain", "getTiledImplementation",
    "getResultTilePosition", "generateResultTileValue",
    "getIterationDomainTileFromResultTile"]>;

class Yat_TensorOp<string mnemonic, list<Trait> traits = []>
    : Yat_Op<mnemonic, !listconcat(traits, [Pure,
        DeclareOpInterfaceMethods<ReifyRankedShapedTypeOpInterface,
                                  ["reifyResultShapes"]>])> {
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// ⵟ-product family
//===----------------------------------------------------------------------===//

def Yat_ProductOp : Yat_TensorOp<"product", [Yat_TilingOverResult]> {
  let summary = "dense ⵟ-product layer (NMN)";
  let description = [{
    For every leading (batch) index of `x` and every output unit `n`:

    ```
    dot  = Σ_k x[k] · w[n, k]
    dist = max(Σ_k x[k]² + Σ_k w[n, k]² − 2 · dot, 0)
    y[n] = alpha · (dot + bias[n])² / (dist + epsilon)
    ```

    `x` is `tensor<...xK>` (rank ≥ 1), `w` is `tensor<NxK>` (out, in) and
    the optional `bias` is `tensor<N>`. The result is `tensor<...xN>` with
    the element type of `x`. Math is done in f32 and rounded once.

    Example:

    ```mlir
    %y = yat.product %x, %w, %b {epsilon = 1.0e-03 : f32}
        : (tensor<8x64xf32>, tensor<32x64xf32>, tensor<32xf32>) -> tensor<8x32xf32>
    ```
  }];
  let arguments = (ins Yat_FloatTensor:$x, Yat_FloatTensor:$w,
                   Optional<Yat_FloatTensor>:$bias,
                   DefaultValuedAttr<F32Attr, "1.0e-05">:$epsilon,
                   DefaultValuedAttr<F32Attr, "1.0">:$alpha);
  let results = (outs Yat_FloatTensor:$result);
  let builders = [
    // Infers the result type from x and w.
    OpBuilder<(ins "Value":$x, "Value":$w, CArg<"Value", "{}">:$bias,
                   CArg<"float", "1.0e-5f">:$epsilon,
                   CArg<"float", "1.0f">:$alpha)>
  ];
  let assemblyFormat = [{
    $x `,` $w (`,` $bias^)? attr-dict `:` functional-type(operands, results)
  }];
}

def Yat_ConvOp : Yat_TensorOp<"conv", [Yat_TilingOverResult]> {
  let summary = "ⵟ-convolution over 1 to 3 spatial dims, channels last";
  let description = [{
    `input` is `tensor<N x S1..Sd x C>`, `filter` is
    `tensor<K1..Kd x C/groups x F>` and the optional `bias` is `tensor<F>`,
    with `d` in 1..3. For each output position and filter `f`:

    ```
    dot   = the convolution of input with filter f (zero padding)
    patch = Σ input² over the same window and the group's channels
    dist  = max(patch + Σ filter_f² − 2 · dot, 0)
    y     = alpha · (dot + bias_f)² / (dist + epsilon)
    ```

    `strides` (d values, default 1), `padding` (2·d values, `lo, hi` per
    spatial dim, default 0), `dilations` (d values, default 1) and `groups`
    (default 1) follow the usual convolution conventions. The output
    spatial size is `(S + lo + hi − dilation·(K − 1) − 1) / stride + 1`.

    Example:

    ```mlir
    %y = yat.conv %in, %f {padding = array<i64: 1, 1, 1, 1>}
        : (tensor<1x8x8x3xf32>, tensor<3x3x3x16xf32>) -> tensor<1x8x8x16xf32>
    ```
  }];
  let arguments = (ins Yat_FloatTensor:$input, Yat_FloatTensor:$filter,
                   Optional<Yat_FloatTensor>:$bias,
                   OptionalAttr<DenseI64ArrayAttr>:$strides,
                   OptionalAttr<DenseI64ArrayAttr>:$padding,
                   OptionalAttr<DenseI64ArrayAttr>:$dilations,
                   DefaultValuedAttr<I64Attr, "1">:$groups,
                   DefaultValuedAttr<F32Attr, "1.0e-05">:$epsilon,
                   DefaultValuedAttr<F32Attr, "1.0">:$alpha);
  let results = (outs Yat_FloatTensor:$result);
  let builders = [
    // Infers the result type; an empty strides/padding/dilations array
    // leaves that attribute at its default.
    OpBuilder<(ins "Value":$input, "Value":$filter, "Value":$bias,
                   "ArrayRef<int64_t>":$strides, "ArrayRef<int64_t>":$padding,
                   "ArrayRef<int64_t>":$dilations,
                   CArg<"int64_t", "1">:$groups,
                   CArg<"float", "1.0e-5f">:$epsilon,
                   CArg<"float", "1.0f">:$alpha)>
  ];
  let assemblyFormat = [{
    $input `,` $filter (`,` $bias^)? attr-dict `:`
    functional-type(operands, results)
  }];
  let extraClassDeclaration = [{
    /// Number of spatial dimensions (1 to 3).
    int64_t getNumSpatialDims() {
      return getInput().getType().getRank() - 2;
    }
    /// `strides`, `padding` and `dilations` with their defaults filled in.
    ::llvm::SmallVector<int64_t> getStridesOrDefault();
    ::llvm::SmallVector<int64_t> getPaddingOrDefault();
    ::llvm::SmallVector<int64_t> getDilationsOrDefault();
    /// Whether every group has one input channel and one filter (static).
    bool isDepthwise();
  }];
}

def Yat_AttentionOp : Yat_TensorOp<"attention", [Yat_TilingOverResult]> {
  let summary = "ⵟ-attention with MHA, GQA and MQA head layouts";
  let description = [{
    `q` is `tensor<B x H x Tq x D>`, `k` is `tensor<B x Hkv x Tk x D>` and
    `v` is `tensor<B x Hkv x Tk x Dv>`, with `H % Hkv == 0`; query head `h`
    reads kv head `h / (H / Hkv)`. The scores are

    ```
    s[i, j] = scale · (q_i·k_j)² / (max(|q_i|² + |k_j|² − 2 q_i·k_j, 0) + epsilon)
    ```

    with `scale` defaulting to `1/sqrt(D)`. With `causal`, key `j` is
    masked for query `i` when `j > i + (Tk − Tq)` (bottom-right aligned, so
    decoding against a KV cache works); a row whose keys are all masked
    yields 0. `normalization` is `softmax` (default) or `l1`, where
    `p = s / (Σ_j s + l1_epsilon)` and masked entries count as 0. The
    result `tensor<B x H x Tq x Dv>` is `p · v`.
  }];
  let arguments = (ins Yat_FloatTensor:$q, Yat_FloatTensor:$k,
                   Yat_FloatTensor:$v,
                   OptionalAttr<F32Attr>:$scale,
                   DefaultValuedAttr<F32Attr, "1.0e-05">:$epsilon,
                   UnitAttr:$causal,
                   DefaultValuedAttr<Yat_NormalizationAttr,
                       "::mlir::yat::Normalization::softmax">:$normalization,
                   DefaultValuedAttr<F32Attr, "1.0e-12">:$l1_epsilon);
  let results = (outs Yat_FloatTensor:$result);
  let builders = [
    // Infers the result type; every attribute at its default but causal.
    OpBuilder<(ins "Value":$q, "Value":$k, "Value":$v,
                   CArg<"bool", "false">:$causal)>
  ];
  let assemblyFormat = [{
    $q `,` $k `,` $v attr-dict `:` functional-type(operands, results)
  }];
  let extraClassDeclaration = [{
    /// `scale`, or 1/sqrt(D) when absent. Requires a static D then.
    float getScaleOrDefault();
  }];
}

//===----------------------------------------------------------------------===//
// MatMul-free LM family
//===----------------------------------------------------------------------===//

def Yat_RmsNormOp : Yat_TensorOp<"rms_norm"> {
  let summary = "RMS normalization over the last dimension";
  let description = [{
    `y = x / sqrt(mean_k(x²) + epsilon) · gamma` over the last dimension
    `K` of `x`; `gamma` (`tensor<K>`) is optional.
  }];
  let arguments = (ins Yat_FloatTensor:$x, Optional<Yat_FloatTensor>:$gamma,
                   DefaultValuedAttr<F32Attr, "1.0e-06">:$epsilon);
  let results = (outs Yat_FloatTensor:$result);
  let builders = [
    OpBuilder<(ins "Value":$x, CArg<"Value", "{}">:$gamma,
                   CArg<"float", "1.0e-6f">:$epsilon)>
  ];
  let assemblyFormat = [{
    $x (`,` $gamma^)? attr-dict `:` functional-type(operands, results)
  }];
}

def Yat_TernarizeOp : Yat_TensorOp<"ternarize"> {
  let summary = "absmean ternary quantization and 2-bit packing of a weight";
  let description = [{
    Quantizes `w: tensor<NxK>` (`K % 4 == 0`) to {−1, 0, 1}:

    ```
    scale = max(mean(|w|), 1e-5)
    t     = clamp(round_half_even(w / scale), -1, 1)
    ```

    and packs four weights per byte: byte `j` of row `n` holds weights
    `4j..4j+3`, weight `4j+i` in bits `2i..2i+1` as 2-bit two's complement
    (`00` → 0, `01` → +1, `11` → −1). Results: `packed: tensor<N x K/4 x i8>`
    and `scale: tensor<f32>`; `w ≈ t · scale`.

    It folds when `w` is a constant, so that a compiled module holds the
    2-bit weight and its scale instead of the float weight. The fold
    computes as the reference lowering does: `|w|` summed a row at a time
    and then over the rows, in f32 (f64 for f64 weights), the mean rounded
    to the f32 scale, and `w` divided by that scale.
  }];
  let arguments = (ins Yat_FloatTensor:$w);
  let results = (outs Yat_I8Tensor:$packed, Yat_F32Tensor:$scale);
  let hasFolder = 1;
  let builders = [
    OpBuilder<(ins "Value":$w)>
  ];
  let assemblyFormat = [{
    $w attr-dict `:` functional-type(operands, results)
  }];
}

def Yat_TernaryMatmulOp : Yat_TensorOp<"ternary_matmul"> {
  let summary = "ternary weights times (int8-quantized) activations";
  let description = [{
    `x: tensor<...xK>` times the packed ternary weight
    `packed: tensor<N x K/4 x i8>` (as produced by `yat.ternarize`), scaled by
    `scale` (`tensor<f32>` per tensor or `tensor<N>` per output channel).

    With `activation_bits = 8` (default), activations are quantized per
    token to int8 and the product accumulates in i32:

    ```
    sx[m]   = 127 / max(max_k |x[m, k]|, 1e-5)
    q[m, k] = clamp(round_half_even(x[m, k] · sx[m]), −128, 127)
    y[m, n] = (Σ_k q[m, k] · t[n, k]) · scale / sx[m]
    ```

    With `activation_bits = 0`: `y[m, n] = (Σ_k x[m, k] · t[n, k]) · scale`.
    The result is `tensor<...xN>` with the element type of `x`.
  }];
  let arguments = (ins Yat_FloatTensor:$x, Yat_I8Tensor:$packed,
                   Yat_F32Tensor:$scale,
                   DefaultValuedAttr<I64Attr, "8">:$activation_bits);
  let results = (outs Yat_FloatTensor:$result);
  let builders = [
    OpBuilder<(ins "Value":$x, "Value":$packed, "Value":$scale,
                   CArg<"int64_t", "8">:$activationBits)>
  ];
  let assemblyFormat = [{
    $x `,` $packed `,` $scale attr-dict `:` functional-type(operands, results)
  }];
}

def Yat_LinearRecurrenceOp : Yat_TensorOp<"linear_recurrence",
                                          [Yat_TilingOverResult]> {
  let summary = "diagonal linear scan h_t = a_t ⊙ h_{t−1} + b_t (HGRN / MLGRU)";
  let description = [{
    `a` and `b` are `tensor<B x T x D>`; the optional `h0` is
    `tensor<B x D>` (zeros when absent). Computes
    `h_t = a_t ⊙ h_{t−1} + b_t` with `h_{−1} = h0`, for `t` running forward,
    or backward with `reverse`. Results: every state `h: tensor<B x T x D>`
    and the final one `h_last: tensor<B x D>`.

    Its TilingInterface tiles `B` and `D`; the scan over `T` stays whole in
    every tile.
  }];
  let arguments = (ins Yat_FloatTensor:$a, Yat_FloatTensor:$b,
                   Optional<Yat_FloatTensor>:$h0, UnitAttr:$reverse);
  let results = (outs Yat_FloatTensor:$h, Yat_FloatTensor:$h_last);
  let builders = [
    OpBuilder<(ins "Value":$a, "Value":$b, CArg<"Value", "{}">:$h0,
                   CArg<"bool", "false">:$reverse)>
  ];
  let assemblyFormat = [{
    $a `,` $b (`,` $h0^)? attr-dict `:` functional-type(operands, results)
  }];
}

//===----------------------------------------------------------------------===//
// Internal ops: produced by yat's passes, not by front-ends
//===----------------------------------------------------------------------===//

def Yat_SquaredNormsOp : Yat_TensorOp<"squared_norms"> {
  let summary = "f32 sums of squares of a weight over the given dims";
  let description = [{
    `Σ w²` over the dimensions listed in `dims`, accumulated in f32; the
    result has the remaining dimensions of `w`, in order. `yat-cache-norms`
    creates it for the weight rows of `yat.product` (`dims = [1]`) and the
    filters of `yat.conv` (every dim but the last). It folds to a constant
    when `w` is a constant.
  }];
  let arguments = (ins Yat_FloatTensor:$w, DenseI64ArrayAttr:$dims);
  let results = (outs Yat_F32Tensor:$result);
  let assemblyFormat = [{
    $w `dims` `=` $dims attr-dict `:` type($w) `->` type($result)
  }];
  let hasFolder = 1;
  let builders = [
    OpBuilder<(ins "Value":$w, "ArrayRef<int64_t>":$dims)>
  ];
}

def Yat_ProductWithNormsOp : Yat_TensorOp<"product_with_norms", [Yat_TilingOverResult]> {
  let summary = "yat.product with the weight's squared row norms supplied";
  let description = [{
    Computes exactly what `yat.product` computes, reading `Σ_k w[n, k]²`
    from `w_norms` (`tensor<N x f32>`) instead of recomputing it.
    `yat-cache-norms` creates it so that the norms are computed once per
    weight rather than once per use.
  }];
  let arguments = (ins Yat_FloatTensor:$x, Yat_FloatTensor:$w,
                   Yat_F32Tensor:$w_norms, Optional<Yat_FloatTensor>:$bias,
                   DefaultValuedAttr<F32Attr, "1.0e-05">:$epsilon,
                   DefaultValuedAttr<F32Attr, "1.0">:$alpha);
  let results = (outs Yat_FloatTensor:$result);
  let assemblyFormat = [{
    $x `,` $w `norms` `(` $w_norms `)` (`,` $bias^)? attr-dict `:`
    functional-type(operands, results)
  }];
}

def Yat_ConvWithNormsOp : Yat_TensorOp<"conv_with_norms", [Yat_TilingOverResult]> {
  let summary = "yat.conv with the filters' squared norms supplied";
  let description = [{
    Computes exactly what `yat.conv` computes, reading each filter's
    `Σ filter_f²` from `filter_norms` (`tensor<F x f32>`).
  }];
  let arguments = (ins Yat_FloatTensor:$input, Yat_FloatTensor:$filter,
                   Yat_F32Tensor:$filter_norms,
                   Optional<Yat_FloatTensor>:$bias,
                   OptionalAttr<DenseI64ArrayAttr>:$strides,
                   OptionalAttr<DenseI64ArrayAttr>:$padding,
                   OptionalAttr<DenseI64ArrayAttr>:$dilations,
                   DefaultValuedAttr<I64Attr, "1">:$groups,
                   DefaultValuedAttr<F32Attr, "1.0e-05">:$epsilon,
                   DefaultValuedAttr<F32Attr, "1.0">:$alpha);
  let results = (outs Yat_FloatTensor:$result);
  let assemblyFormat = [{
    $input `,` $filter `norms` `(` $filter_norms `)` (`,` $bias^)? attr-dict
    `:` functional-type(operands, results)
  }];
  let extraClassDeclaration = [{
    int64_t getNumSpatialDims() {
      return getInput().getType().getRank() - 2;
    }
    ::llvm::SmallVector<int64_t> getStridesOrDefault();
    ::llvm::SmallVector<int64_t> getPaddingOrDefault();
    ::llvm::SmallVector<int64_t> getDilationsOrDefault();
    /// Whether every group has one input channel and one filter (static).
    bool isDepthwise();
  }];
}

#endif // YAT_DIALECT_YAT_IR_YATOPS_TD
