//===- Passes.td - yat dialect transformations -------------*- tablegen -*-===//

#ifndef YAT_DIALECT_YAT_TRANSFORMS_PASSES_TD
#define YAT_DIALECT_YAT_TRANSFORMS_PASSES_TD

include "mlir/Pass/PassBase.td"

def YatCacheNorms : Pass<"yat-cache-norms"> {
  let summary = "Compute each weight's squared norms once";
  let description = [{
    The ⵟ-distance `‖x − w‖² = ‖x‖² + ‖w‖² − 2 x·w` needs the squared norm of
    every weight row (`yat.product`) or filter (`yat.conv`). This pass
    computes them once per weight with `yat.squared_norms` and rewrites the
    ops to `yat.product_with_norms` / `yat.conv_with_norms`, which read the
    norms instead of recomputing them:

    * a constant weight's norms fold to a constant at compile time, so no
      reduction over the weight is left in the program;
    * otherwise the norms are computed right where the weight is defined
      (for a function argument, at the function entry): once per call, out
      of any loop the op sits in, and shared by every op that reads the
      same weight.

    Example:

    ```mlir
    %y = yat.product %x, %w : (tensor<8x16xf32>, tensor<32x16xf32>) -> tensor<8x32xf32>
    ```

    becomes

    ```mlir
    %n = yat.squared_norms %w dims = [1] : tensor<32x16xf32> -> tensor<32xf32>
    %y = yat.product_with_norms %x, %w norms(%n) : (...) -> tensor<8x32xf32>
    ```
  }];
  let dependentDialects = ["::mlir::arith::ArithDialect"];
}

def YatFuseEpilogue : Pass<"yat-fuse-epilogue"> {
  let summary = "Apply the ⵟ epilogue to each output tile of the contraction";
  let description = [{
    Lowers `yat.product`, `yat.conv`, `yat.attention` (and the
    `*_with_norms` forms made by `yat-cache-norms`) to loop nests on tensors
    in which the distance, square, division, `alpha` and `bias` are applied
    to each output tile while its dot products are fresh, and
    `yat.linear_recurrence` to parallel tiles of its step loop. No tensor holding
    the full `dot`, `dist` or attention scores is ever created:

    * `yat.product`: the leading dims of `x` are collapsed to `M x K`, and
      upstream's `scf::tileUsingSCF` cuts the op into an `scf.forall` over
      `tile-rows x tile-cols` output tiles through its `TilingInterface`.
      Each tile is then the reference decomposition of a tile-sized product
      (the one `convert-yat-to-linalg` emits): a `linalg.matmul` of the
      tile's rows of `x` with its rows of `w` into an f32 tile, the squared
      norms of those rows (read from `w_norms` when given), and one
      elementwise `linalg.generic` applying the epilogue (f32 math, one
      rounding to the result type) before `tensor.parallel_insert_slice`.
      `yat-cpu-pipeline` runs this pass with
      `ops=grouped-conv,attention,recurrence`:
      its code generation tiles the decomposed product like any contraction
      with an elementwise epilogue, with packed weight panels and chunks of
      K, and the decomposed ungrouped conv like any convolution.
    * `yat.conv` (static shapes; any groups, strides, dilations, padding):
      a padded conv becomes a `tensor.pad` of its input and an unpadded
      conv, which upstream's `scf::tileUsingSCF` cuts through its
      `TilingInterface` into an `scf.forall` of output tiles: one batch
      element, `conv-tile-positions` outputs of the innermost spatial dim,
      up to `tile-cols` filters inside one group (an ungrouped conv of that
      group's input channels; for a depthwise conv, up to `tile-cols` whole
      groups), one row of the other spatial dims but the outermost, which
      takes enough rows for 4096 outputs. Each tile is the reference
      decomposition: its dot with a `linalg.conv_{1d,2d,3d}` on the input
      window it reads, its window sums of squares with a
      `linalg.pooling_*_sum`, and the epilogue with one `linalg.generic`
      (for a depthwise conv, the dot and the window sums are generics with
      the channel loop innermost).
    * `yat.attention` (f32, f16 or bf16; static head counts and head dims,
      any batch and sequence lengths): flash-style, without tile loops of
      its own. Upstream's `scf::tileUsingSCF` cuts the op through its
      `TilingInterface` into an `scf.forall` over `(batch, head,
      query-tile queries)`: query head `h` reads kv head `h / (H / Hkv)`,
      and a causal tile of rows `[r, r + n)` reads only the keys
      `[0, r + n + Tk − Tq)` it sees. Each tile, a `yat.attention` of one
      head, is then decomposed: an `scf.for` over blocks of `key-tile` keys
      (peeled, so that full blocks have static shapes) carries the running
      row maximum, the running row sum and the `query-tile x Dv` f32
      accumulator. Each step transposes its keys, computes one
      `query-tile x key-tile` block of ⵟ scores (`linalg.matmul` and one
      `linalg.generic`, masking causal keys past `i + Tk − Tq`), and
      updates the online softmax, rescaling the accumulator when the
      maximum grows (for `l1` normalization, a running sum only). Only
      `query-tile x key-tile` scores exist at a time, so memory is linear
      in the sequence length. A row that sees no key yields 0.
    * `yat.linear_recurrence` (f32, f16 or bf16; static channel count D,
      any batch and step counts): upstream's `scf::tileUsingSCF` cuts the
      op through its `TilingInterface` into an `scf.forall` over batch rows
      and blocks of `channel-tile` channels; every tile scans all steps.
      With `channel-tile=0`, the blocks are as wide as possible while every
      one of `workers` workers still gets a tile: each step of a tile then
      reads and writes long contiguous runs of channels.
      Each tile is the reference decomposition, an `scf.for` over the steps
      that updates a `1 x channel-tile` state. The elementwise
      `linalg.generic` producers of `a` and `b` (the MLGRU gates, once
      lowered to linalg) are fused into that loop step by step with
      upstream's `tensor::replaceExtractSliceWithTiledProducer`, so that the
      gate tensors are never materialized. A long f32 scan of static shape
      with fewer than 1024 of its B x D channels per worker first becomes a
      two-pass scan over C >= 3 chunks of at least 64 steps (when they
      divide T): each chunk from a zero state for its final state (no
      states written) with the product of its decays, then the state
      entering each chunk as a recurrence over the chunks from `h0`, then
      each chunk again from that state. All three tile by rows, so the
      workers share the steps; the gates of a chunked scan are not fused.

    `ops` limits the pass to the listed op families (`product`, `conv`,
    `grouped-conv`: only `yat.conv` with `groups > 1`, `attention`,
    `recurrence`); the others are left as they are.

    Other ops with dynamic shapes, and ops with empty tensors or f64
    elements, are left for `convert-yat-to-linalg`. A `yat.squared_norms` left by
    `yat-cache-norms` (a weight that is not a constant) becomes a
    `linalg.generic` reduction.
  }];
  let options = [
    Option<"tileRows", "tile-rows", "int64_t", /*default=*/"96",
           "Rows of x (output rows) per contraction tile of yat.product">,
    Option<"tileColumns", "tile-cols", "int64_t", /*default=*/"64",
           "Output columns (yat.product) or channels (yat.conv) per tile">,
    Option<"convTilePositions", "conv-tile-positions", "int64_t",
           /*default=*/"64",
           "Output positions along the innermost spatial dim per yat.conv tile">,
    Option<"queryTile", "query-tile", "int64_t", /*default=*/"64",
           "Queries per yat.attention tile">,
    Option<"keyTile", "key-tile", "int64_t", /*default=*/"128",
           "Keys per step of the yat.attention key loop">,
    Option<"channelTile", "channel-tile", "int64_t", /*default=*/"0",
           "Channels (D) per yat.linear_recurrence tile (0: D split evenly "
           "so that every worker has a tile)">,
    Option<"workers", "workers", "int64_t", /*default=*/"0",
           "Workers the tiles of yat.linear_recurrence are cut for when "
           "channel-tile is 0 (0: the host's hardware threads)">,
    ListOption<"opFamilies", "ops", "std::string",
               "Op families to lower: product, conv, grouped-conv (yat.conv "
               "with groups > 1), attention, recurrence "
               "(yat.linear_recurrence) (all when empty)">,
  ];
  let dependentDialects = [
    "::mlir::affine::AffineDialect",
    "::mlir::arith::ArithDialect",
    "::mlir::linalg::LinalgDialect",
    "::mlir::math::MathDialect",
    "::mlir::scf::SCFDialect",
    "::mlir::tensor::TensorDialect",
  ];
}

def YatPackTernary : Pass<"yat-pack-ternary"> {
  let summary = "Lower yat.ternary_matmul to int8 dot products on 2-bit "
                "weights in the kernel's layout";
  let description = [{
    Rewrites `yat.ternary_matmul` with `activation_bits = 8` (float `x`
    other than f64, N and K multiples of 16) into linalg on tensors, cut
    into parallel tiles of output rows and columns:

    * The weights are re-laid out into blocks of 16 output channels x 16
      reduction positions, 64 bytes each: byte `4·c + j` of block
      `(n / 16, k / 16)` holds, in bits `2i..2i+1`, the weight of channel
      `c = n mod 16` at `k = 16·(k / 16) + 4i + j` as the unsigned code
      `t + 1` (0, 1 or 2). Shifting a 64-byte block right by `2i` and
      masking gives 16 channels x 4 consecutive reduction positions as
      unsigned bytes: the operand layout of the x86 byte dot products
      (`vpdpbusd`, `vpmaddubsw`). A constant weight (including a
      `yat.ternarize` of a constant, which is folded first) is re-laid out
      at compile time; any other becomes a `linalg.generic` that does it
      at run time.
    * The activations are quantized as the op defines them, into int8
      rows: one `linalg.generic` reduction for each row's absmax, one
      elementwise `linalg.generic` for the codes. When `x` is made by a
      `yat.rms_norm`, those generics read the norm's input and normalize
      each element as the norm's reference lowering does (same roundings),
      so the normalized `x` is never stored; the `yat.rms_norm` goes when
      nothing else reads it.
    * The contraction is one `linalg.generic` over
      `(m, n / 16, n mod 16, k / 16, i, j)` accumulating `q · (code − 1)`
      in i32 (q viewed as `[m, k / 16, 4, 4]`), which
      `yat-cpu-microkernels` turns into byte dot products, and the
      epilogue computes `acc · scale / sx` per output, as the reference
      lowering does.

    The epilogue is cut into an `scf.forall` of tiles by upstream's
    `scf::tileConsumerAndFuseProducersUsingSCF`, which computes the
    contraction, the quantization of the tile's rows and a fused
    `yat.rms_norm` inside each tile (upstream's bubble-up patterns move the
    tile's slice above the view of q in groups of 4). The tiles: with at
    least 8 rows per worker, `ceil(M / workers)` rows rounded up to a
    multiple of 8, at most 64 (64 for a dynamic M), and every column, so
    that no row is quantized twice; otherwise all rows and the columns
    split into one run of blocks per worker (a GEMV is split along N, each
    tile quantizing x again, M·K against its M·K·N/workers).

    Packable ternary matmuls of one `x` in one block whose weights and
    scales are constants (the MLGRU's i, f and g projections) are merged
    first into one over their weights stacked along N, with a per-channel
    scale, and `tensor.extract_slice`s of its result: `x` (and a fused
    `yat.rms_norm`) is then read and quantized once, and one parallel loop
    computes them all. Each output keeps its integer sums and its scale, so
    the results are unchanged.

    Other `yat.ternary_matmul` ops are left for `convert-yat-to-linalg`,
    and so is an x with more than one dynamic leading dim (its rows could
    not be expanded back: MLIR 22's `expand-strided-metadata` crashes on a
    `memref.expand_shape` that splits one dynamic dim into several).
  }];
  let options = [
    Option<"workers", "workers", "int64_t", /*default=*/"0",
           "Workers the tiles are cut for (0: the host's hardware threads)">,
  ];
  let dependentDialects = [
    "::mlir::arith::ArithDialect",
    "::mlir::linalg::LinalgDialect",
    "::mlir::math::MathDialect",
    "::mlir::scf::SCFDialect",
    "::mlir::tensor::TensorDialect",
  ];
}

#endif // YAT_DIALECT_YAT_TRANSFORMS_PASSES_TD
