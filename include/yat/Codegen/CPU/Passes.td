//===- Passes.td - CPU code generation ---------------------*- tablegen -*-===//

#ifndef YAT_CODEGEN_CPU_PASSES_TD
#define YAT_CODEGEN_CPU_PASSES_TD

include "mlir/Pass/PassBase.td"

def YatCpuSelectLoweringConfig
    : Pass<"yat-cpu-select-lowering-config", "::mlir::func::FuncOp"> {
  let summary = "Choose the parallel tile sizes of every contraction";
  let description = [{
    Sets `yat.lowering_config = #yat.lowering_config<tile_sizes = [...]>` on
    every linalg op on tensors with static shapes that linalg's contraction
    interface recognizes (`linalg.matmul`, `linalg.batch_matmul` and generic
    contractions, whatever their front-end) and that is not inside an
    `scf.forall` already. Ops that carry a configuration keep it, so a
    configuration written by hand wins.

    The loops are classified by `linalg::inferContractionDims`:

    * the innermost M loop gets `tile-rows` and the innermost N loop
      `tile-columns` (the register kernels step through a tile in blocks of
      their register tile; these defaults are multiples of both the
      AVX-512 and the AVX2 ones);
    * every other parallel loop (batch dims, outer M and N dims) gets 1;
    * reduction loops are not tiled, so that each tile is a whole sum.

    Example:

    ```mlir
    %0 = linalg.batch_matmul ins(%a, %b : tensor<8x256x64xf32>, tensor<8x64x256xf32>) outs(%c : tensor<8x256x256xf32>) -> tensor<8x256x256xf32>
    ```

    gets `{yat.lowering_config = #yat.lowering_config<tile_sizes = [1, 96, 64, 0]>}`.
  }];
  let options = [
    Option<"tileRows", "tile-rows", "int64_t", /*default=*/"96",
           "Rows (innermost M loop) of one parallel tile">,
    Option<"tileColumns", "tile-cols", "int64_t", /*default=*/"64",
           "Columns (innermost N loop) of one parallel tile">,
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
    * other producers (transposes, other contractions) are not fused: a
      tile would recompute its operand slices.

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
  }];
  let dependentDialects = [
    "::mlir::affine::AffineDialect",
    "::mlir::linalg::LinalgDialect",
    "::mlir::scf::SCFDialect",
    "::mlir::tensor::TensorDialect",
  ];
}

#endif // YAT_CODEGEN_CPU_PASSES_TD
