//===- Passes.td - CPU code generation ---------------------*- tablegen -*-===//

#ifndef YAT_CODEGEN_CPU_PASSES_TD
#define YAT_CODEGEN_CPU_PASSES_TD

include "mlir/Pass/PassBase.td"

def YatCpuFuseElementwise
    : Pass<"yat-cpu-fuse-elementwise", "::mlir::func::FuncOp"> {
  let summary = "Fuse elementwise linalg ops, leaving contractions whole";
  let description = [{
    Upstream's `linalg-fuse-elementwise-ops` with one difference: it never
    fuses into or out of a contraction or a convolution (by linalg's
    contraction and convolution interfaces), and never expands one through
    a reshape. Upstream's pass turns a `linalg.batch_matmul` whose result is
    reshaped into a 5-loop `linalg.generic`, and folds a softmax division
    into the body of the contraction that reads it; either way the
    contraction no longer matches a register-tiled kernel and runs as
    scalar loops.

    Like upstream, a producer is fused only into its single user, reshapes
    are propagated by expansion, and constant linalg ops are folded.

    Transposes are folded into the ops that read them, whatever their
    number: a `linalg.generic` or `linalg.matmul` input produced by a
    `linalg.transpose` reads the transpose's input through the composed
    indexing map, and a slice of a transpose becomes the transpose of a
    slice, so that a tile's reader folds it in too. A generic whose only
    input was folded takes its loops in that input's memory order. A weight
    that JAX holds as [in, out] and `yat.product` reads as [out, in] is then
    never copied: the contraction reads it as a plain matmul does, and its
    norms are column sums.
  }];
}

def YatCpuDecomposePads
    : Pass<"yat-cpu-decompose-pads", "::mlir::func::FuncOp"> {
  let summary = "Turn tensor.pad into a fill and a copy that tile in parallel";
  let description = [{
    Upstream's `DecomposePadOpPattern` rewrites each `tensor.pad` with a
    constant padding value into a `linalg.fill` of the padded shape and a
    `tensor.insert_slice` of the source; the inserted source then becomes a
    `linalg.copy` into the slice of the fill that it replaces. Both are
    linalg ops, which `yat-cpu-select-lowering-config` and
    `yat-cpu-tile-and-fuse` cut into parallel tiles, where a bufferized
    `tensor.pad` is a serial fill and a serial copy (the input of a padded
    convolution or a SAME max pooling).
  }];
  let dependentDialects = ["::mlir::linalg::LinalgDialect",
                           "::mlir::tensor::TensorDialect"];
}

def YatCpuSelectLoweringConfig
    : Pass<"yat-cpu-select-lowering-config", "::mlir::func::FuncOp"> {
  let summary = "Choose the parallel tile sizes of every linalg op";
  let description = [{
    Sets `yat.lowering_config = #yat.lowering_config<tile_sizes = [...]>` on
    every linalg op on tensors with static shapes (contractions: all but
    the rows may be dynamic) that is not inside an `scf.forall` already,
    whatever its front-end. Ops that carry a
    configuration keep it, so a configuration written by hand wins.

    **Contractions** (`linalg.matmul`, `linalg.batch_matmul` and generic
    contractions, as linalg's contraction interface recognizes them): the
    loops are classified by `linalg::inferContractionDims`. One parallel
    tile (`tile_sizes`) is

    * `tile-cols` wide on the innermost N loop;
    * 1 on every other parallel loop but the innermost M loop (batch dims,
      outer M and N dims);
    * on the innermost M loop, an equal share of the rows (at least 16), in
      as few shares as still leave `min-parallel-tiles` tiles in all;
    * not tiled on reduction loops, so that each tile is a whole sum.

    When the number of rows is known only at run time (a dynamic batch),
    each parallel tile takes all rows, stepping through them `tile-rows` at
    a time, and the column panels give the parallel tiles; a contraction
    with any other dynamic loop gets no configuration.

    A contraction with one reduction loop longer than `depth-tile` gets
    `reduction_tile_sizes`: each parallel tile accumulates its sum in
    chunks of `depth-tile`, so that the slices a chunk reads stay in cache.

    When a parallel tile has more than `tile-rows` rows, it steps through
    them `tile-rows` at a time (`inner_tile_sizes`), and the weight columns
    it reads are packed once into a contiguous panel that every row tile
    reuses from cache. The default sizes are multiples of the register
    tiles of both the AVX-512 and the AVX2 kernels.

    Example:

    ```mlir
    %0 = linalg.batch_matmul ins(%a, %b : tensor<8x256x64xf32>, tensor<8x64x256xf32>) outs(%c : tensor<8x256x256xf32>) -> tensor<8x256x256xf32>
    ```

    gets `{yat.lowering_config = #yat.lowering_config<tile_sizes = [1, 256, 64, 0], inner_tile_sizes = [0, 96, 0, 0]>}`.

    **Convolutions** (linalg's convolution interface): one tile per batch
    element (and per channel of a depthwise convolution) and, when those
    give fewer than `min-parallel-tiles` tiles, per equal share of the
    outermost output image dim.

    **Every other op** with parallel loops (elementwise chains, reductions,
    the steps of softmax and normalizations, transposes) and at least
    `min-parallel-work` loop iterations (smaller ones run serially anyway,
    and tiles would only add loop overhead): its parallel
    loops, outermost first, are cut into equal shares until there are
    `min-parallel-tiles` tiles. The innermost loop, along which the vector
    kernels run, stays whole unless it is the only parallel loop; then it
    is cut into chunks of a multiple of 64 elements. `linalg.fill` gets no
    configuration (it is computed in the tiles of the op that reads it),
    nor does an op whose indexing maps are not projected permutations (a
    reversal: upstream's tiling misjudges the slices it reads).
  }];
  let options = [
    Option<"tileRows", "tile-rows", "int64_t", /*default=*/"96",
           "Rows (innermost M loop) of one serial row tile">,
    Option<"tileColumns", "tile-cols", "int64_t", /*default=*/"64",
           "Columns (innermost N loop) of one parallel tile">,
    Option<"depthTile", "depth-tile", "int64_t", /*default=*/"512",
           "Longest sum (single reduction loop) computed in one go; longer "
           "ones are accumulated in chunks of this size">,
    Option<"minParallelTiles", "min-parallel-tiles", "int64_t",
           /*default=*/"16",
           "Parallel tiles to leave at least, where the rows allow, so that "
           "every worker thread has work">,
    Option<"minParallelWork", "min-parallel-work", "int64_t",
           /*default=*/"65536",
           "Fewest loop iterations of an op without a kernel of its own "
           "(elementwise, reduction) worth cutting into parallel tiles">,
  ];
  let dependentDialects = ["::mlir::yat::YatDialect"];
}

def YatCpuTileAndFuse : Pass<"yat-cpu-tile-and-fuse", "::mlir::func::FuncOp"> {
  let summary = "Tile configured ops into parallel tiles with their epilogue";
  let description = [{
    Tiles every linalg op that carries a `yat.lowering_config` into one
    `scf.forall` over its parallel tiles, with upstream's
    `scf::tileConsumerAndFuseProducersUsingSCF`:

    * when the op's only user is an elementwise `linalg.generic` over the
      same iteration space (bias, activation, residual add, a conversion to
      a narrower float: what elementwise fusion has left as one op), that
      consumer is tiled instead, and the op is computed tile by tile inside
      its loop: the epilogue runs on each tile while it is hot in cache;
    * the `linalg.fill` that zeroes the op's destination is computed per
      tile too, so the accumulator never exists whole;
    * other producers of the tiled op are computed per tile only when no
      work is repeated: ops without a kernel of their own, read by that op
      alone, whose slices the tiles read disjointly (the norms of a
      weight's columns when every tile spans all rows). Others
      (transposes, other contractions) stay outside: a tile would
      recompute its operand slices.

    Matrix products and convolutions are tiled first, in order. Every
    other configured op (elementwise chains, reductions, softmax and
    normalization steps) follows, from the last to the first, and computes
    inside its tiles the slices of its operands that ops of that kind
    produce: a softmax tiled by rows becomes one `scf.forall` whose tiles
    compute the max, the exponentials, the sum and the division of their
    rows while the rows are in cache. A producer that two ops of a tile
    read is fused twice; CSE keeps one. A producer read whole by every
    tile (a scale vector) is left outside, computed once.

    The tile loops run in parallel on the `threads` workers of
    `yat-cpu-pipeline`; `yat-cpu-microkernels` turns the tile-level
    contractions and elementwise ops into register-tiled vector code after
    bufferization.

    Example:

    ```mlir
    %mm = linalg.matmul {yat.lowering_config = #yat.lowering_config<tile_sizes = [96, 64, 0]>}
        ins(%x, %w : tensor<256x1024xf32>, tensor<1024x512xf32>) outs(%zero : tensor<256x512xf32>) -> tensor<256x512xf32>
    %y = linalg.generic {...} ins(%mm, %bias : ...) outs(%e : tensor<256x512xf32>) { ... gelu ... }
    ```

    becomes one `scf.forall (%i, %j) = (0, 0) to (256, 512) step (96, 64)`
    whose body fills a tile, multiplies into it and applies the gelu
    epilogue to it before inserting it into the result.

    Within a parallel tile that has inner tiles, the operands that every
    inner tile reads whole are packed once per parallel tile: an `N x K`
    right operand of a matmul becomes a `K x N` panel. A parallel tile
    without inner tiles packs its `N x K` right operand the same way when
    it has 48 rows or more (fewer rows read it in place). With `bf16-pairs`
    (hosts with AVX-512 BF16), a bf16 `N x K` right operand of a matmul that
    accumulates in f32, with an even K, becomes a `K/2 x N x 2` panel of K
    pairs instead (from 16 rows) and the matmul a contraction over (pair,
    position in pair) that `yat-cpu-microkernels` computes with
    `vdpbf16ps`.
  }];
  let options = [
    Option<"bf16Pairs", "bf16-pairs", "bool", /*default=*/"false",
           "Pack bf16 right operands of f32-accumulating matmuls in K pairs "
           "for AVX-512 BF16 dot products">,
  ];
  let dependentDialects = [
    "::mlir::affine::AffineDialect",
    "::mlir::linalg::LinalgDialect",
    "::mlir::scf::SCFDialect",
    "::mlir::tensor::TensorDialect",
  ];
}

def YatCpuSerializeSmallForalls
    : Pass<"yat-cpu-serialize-small-foralls", "::mlir::func::FuncOp"> {
  let summary = "Run parallel tile loops with little work as serial loops";
  let description = [{
    On buffers, before the `scf.forall` loops become tasks of the async
    runtime: every outermost `scf.forall` whose work is under
    `min-parallel-work` becomes an `scf.for` nest (upstream's
    `scf::forallToForLoop`). Dispatching a parallel loop costs tens of
    microseconds on the async runtime; a model of small layers (the width-16
    model zoo) ran 10 to 40 times slower in parallel than serially.

    The work of a loop is its trip count times the iterations of the
    linalg ops, each weighted by the cost of its body (1, plus 8 for each
    transcendental `math` op, which becomes a polynomial of 15 to 25 vector
    instructions, and 2 for each division or square root), and the bytes
    of the `memref.copy` ops in its body (a copy
    is bound by memory: a gather of 2 MiB of rows took 57-83 us serially),
    each multiplied by the trip counts of the `scf.for` loops around it in
    the body. Dynamic sizes count with their
    upper bound (`ValueBoundsConstraintSet`, e.g. the `affine.min` of a
    partial tile); a size without one keeps the loop parallel.
  }];
  let options = [
    Option<"minParallelWork", "min-parallel-work", "int64_t",
           /*default=*/"1048576",
           "Fewest linalg loop iterations (multiply-adds of a contraction, "
           "elements of an elementwise op) worth splitting among threads">,
  ];
  let dependentDialects = ["::mlir::scf::SCFDialect"];
}

def YatCpuMicrokernels : Pass<"yat-cpu-microkernels"> {
  let summary = "Register-tiled vector code for tile-level linalg ops on buffers";
  let description = [{
    Runs after bufferization on the tile loops that `yat-fuse-epilogue`
    leaves, and rewrites the `linalg` ops on `memref`s in them into `scf`
    loops over `vector` operations sized for the host's vector registers
    (`vector-width` f32 lanes; 16 for AVX-512):

    * f32-accumulating `linalg.matmul` whose right operand is `K x N` with
      unit stride along `N`, and the channels-last convolutions
      `linalg.conv_{1d_nwc_wcf,2d_nhwc_hwcf,3d_ndhwc_dhwcf}`: an
      outer-product microkernel. A register tile of `micro-rows` output
      rows by `micro-vectors` vectors of output columns is held in
      accumulators; each reduction step loads `micro-vectors` vectors of the
      right operand, broadcasts one left element per row and issues
      `vector.fma`s. Partial row and column tiles use smaller row counts and
      masked loads and stores.
    * f32-accumulating `linalg.matmul` whose right operand is `N x K` (the
      transposed form): a dot-product microkernel keeping
      `dot-rows x dot-cols` vector accumulators along `K`, reduced by a
      halving tree of adds at the end of `K`; the `K` tail is read with
      masked loads filled with zeros, which is exact.
    * `linalg.generic` ops on buffers whose indexing maps are projected
      permutations, whose bodies are elementwise `arith`/`math` ops and
      `linalg.index`, and whose innermost dim is either parallel (any outer
      iterators, reductions over outer dims included: the outer loops run
      in order and each step updates its output vector) or the only
      reduction (`addf`, `mulf`, `maximumf`, `minimumf`, `maxnumf`,
      `minnumf` combiners, reduced in a vector register per row): vectors
      along the innermost dim with a masked tail; inputs that do not depend
      on it are broadcast. Integer division and i1 buffers are left alone.
      Vector `math.exp` becomes a polynomial approximation rather than one
      libm call per lane.
    * `linalg.transpose`, and `linalg.generic` copies (optionally through
      `arith.extf`/`truncf`), that swap the last two dims: `vector-width`
      square blocks are transposed in registers (shuffles), the edges are
      copied element by element. A `linalg.transpose` that moves the
      innermost dim elsewhere (`(b, t, h, d) -> (b, h, d, t)`) becomes
      loops over the other dims around such 2-d transposes of the planes
      the two moved dims span.
    * `memref.copy` between non-contiguous buffers with unit inner strides
      (e.g. into a padded buffer): vector loops with a masked tail.
    * the bf16 pair contraction of `yat-cpu-tile-and-fuse{bf16-pairs=true}`
      (`C[m, n] += Σ A[m, p, j] · B[p, n, j]`, `j` < 2, bf16 operands whose
      pairs are contiguous, f32 output), with `vector-width` 16: an
      outer-product microkernel whose step broadcasts one pair of A as a
      32-bit word, loads 16 columns of pairs of B and issues
      `x86vector.avx512.dot` (`vdpbf16ps`, AVX-512 BF16); and the packing
      of its pair panels (`out[p, c, i] = in[c, 2p + i]`): 16 x 16 blocks
      of pairs, as 32-bit words, transposed in registers.
    * the ternary contraction of `yat-pack-ternary` (int8 activations times
      64-byte blocks of 2-bit weights, into i32), with `vector-width` 16 or
      8 and `int8-dot` other than `none` (a zero fill of the accumulator
      right before it is dropped and the registers start at zero): each
      row's `Σ_k q` once, then,
      for runs of blocks (outer) and of rows (inner), accumulators in
      registers along K; each 16-position step loads the blocks, decodes
      the codes of 4 positions with a shift and a mask and adds their
      products with the rows' 4 activations (one broadcast 32-bit word)
      by `vpdpbusd` (`vnni`, AVX-512 VNNI; 256-bit with AVX-512VL for
      width 8) or `vpmaddubsw` + `vpmaddwd` (`maddubs`, AVX-512BW for width
      16, AVX2 for 8), as LLVM intrinsic calls.

    Ops that match none of these are left for `convert-linalg-to-loops`.
    Masks and lane indices are materialized as `arith` ops on constant
    vectors.
  }];
  let options = [
    Option<"vectorWidth", "vector-width", "int64_t", /*default=*/"16",
           "f32 lanes per vector register">,
    Option<"microRows", "micro-rows", "int64_t", /*default=*/"6",
           "Output rows per outer-product register tile">,
    Option<"microVectors", "micro-vectors", "int64_t", /*default=*/"4",
           "Vectors of output columns per outer-product register tile">,
    Option<"dotRows", "dot-rows", "int64_t", /*default=*/"4",
           "Output rows per dot-product register tile">,
    Option<"dotColumns", "dot-cols", "int64_t", /*default=*/"4",
           "Output columns per dot-product register tile">,
    Option<"int8DotProducts", "int8-dot", "std::string", /*default=*/"\"none\"",
           "Byte dot products of the ternary contraction: none (left for "
           "convert-linalg-to-loops), vnni (vpdpbusd) or maddubs "
           "(vpmaddubsw + vpmaddwd)">,
    Option<"emulateX86Instructions", "emulate-x86-instructions", "bool",
           /*default=*/"false",
           "Compute what vpdpbusd, vpmaddubsw, vpmaddwd and vdpbf16ps "
           "compute with generic vector arithmetic instead of emitting them, "
           "so that the kernels for a CPU that has them run (slowly) on one "
           "that does not: for testing those kernels anywhere">,
  ];
  let dependentDialects = [
    "::mlir::arith::ArithDialect",
    "::mlir::LLVM::LLVMDialect",
    "::mlir::memref::MemRefDialect",
    "::mlir::scf::SCFDialect",
    "::mlir::vector::VectorDialect",
    "::mlir::x86vector::X86VectorDialect",
  ];
}

#endif // YAT_CODEGEN_CPU_PASSES_TD
