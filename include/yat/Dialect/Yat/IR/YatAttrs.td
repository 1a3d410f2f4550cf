//===- YatAttrs.td - yat attributes ------------------------*- tablegen -*-===//

#ifndef YAT_DIALECT_YAT_IR_YATATTRS_TD
#define YAT_DIALECT_YAT_IR_YATATTRS_TD

include "yat/Dialect/Yat/IR/YatDialect.td"
include "mlir/IR/AttrTypeBase.td"
include "mlir/IR/EnumAttr.td"

def Yat_NormalizationSoftmax : I32EnumAttrCase<"softmax", 0>;
def Yat_NormalizationL1 : I32EnumAttrCase<"l1", 1>;

def Yat_Normalization : I32EnumAttr<"Normalization",
    "how ⵟ-attention turns scores into weights",
    [Yat_NormalizationSoftmax, Yat_NormalizationL1]> {
  let genSpecializedAttr = 0;
  let cppNamespace = "::mlir::yat";
}

def Yat_NormalizationAttr : EnumAttr<Yat_Dialect, Yat_Normalization,
                                     "normalization"> {
  let assemblyFormat = "`<` $value `>`";
}

def Yat_LoweringConfigAttr : AttrDef<Yat_Dialect, "LoweringConfig"> {
  let mnemonic = "lowering_config";
  let summary = "how the CPU code generator tiles one linalg op";
  let description = [{
    Set on a linalg op as its discardable `yat.lowering_config` attribute,
    by `yat-cpu-select-lowering-config` or by hand, and read by
    `yat-cpu-tile-and-fuse`. Both lists have one entry per loop of the op,
    and 0 means that the loop is not tiled at that level (reductions never
    are):

    * `tile_sizes`: the extents of one parallel tile (an `scf.forall`
      iteration);
    * `reduction_tile_sizes` (optional, reduction loops only): the chunks
      of the sums that one parallel tile accumulates one after the other
      (an `scf.for` carrying the accumulator), so that the operand slices
      of a chunk stay in cache;
    * `inner_tile_sizes` (optional, parallel loops only): the extents of
      the tiles that one parallel tile (or reduction chunk) steps through
      serially (an `scf.for`). Operands that do not depend on the inner
      loops (the weight panel of a matmul tile) are then copied once into
      a contiguous buffer that every inner tile reads.

    Without reduction chunks, each inner tile is zeroed, multiplied and
    finished by the epilogue in one go; with them, the epilogue runs on
    the whole parallel tile after its last chunk.

    ```mlir
    %c = linalg.matmul {yat.lowering_config = #yat.lowering_config<
                          tile_sizes = [256, 64, 0], inner_tile_sizes = [96, 0, 0],
                          reduction_tile_sizes = [0, 0, 512]>}
        ins(%a, %b : tensor<256x4096xf32>, tensor<4096x512xf32>)
        outs(%init : tensor<256x512xf32>) -> tensor<256x512xf32>
    ```
  }];
  let parameters = (ins ArrayRefParameter<"int64_t">:$tileSizes,
                        OptionalArrayRefParameter<"int64_t">:$innerTileSizes,
                        OptionalArrayRefParameter<"int64_t">:$reductionTileSizes);
  // `<tile_sizes = [...]` then the optional levels by keyword, in order.
  let hasCustomAssemblyFormat = 1;
  let genVerifyDecl = 1;
  let extraClassDeclaration = [{
    /// Name of the discardable attribute that carries the configuration.
    static constexpr ::llvm::StringLiteral getAttributeName() {
      return "yat.lowering_config";
    }
  }];
}

#endif // YAT_DIALECT_YAT_IR_YATATTRS_TD
