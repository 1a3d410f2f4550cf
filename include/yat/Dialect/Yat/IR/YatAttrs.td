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
    `yat-cpu-tile-and-fuse`. `tile_sizes` has one entry per loop of the op:
    the extent of that loop in one parallel tile, or 0 where the loop is
    not tiled (reductions always are not).

    ```mlir
    %c = linalg.matmul {yat.lowering_config = #yat.lowering_config<tile_sizes = [96, 64, 0]>}
        ins(%a, %b : tensor<256x1024xf32>, tensor<1024x512xf32>)
        outs(%init : tensor<256x512xf32>) -> tensor<256x512xf32>
    ```
  }];
  let parameters = (ins ArrayRefParameter<"int64_t">:$tileSizes);
  let assemblyFormat = "`<` `tile_sizes` `=` `[` $tileSizes `]` `>`";
  let genVerifyDecl = 1;
  let extraClassDeclaration = [{
    /// Name of the discardable attribute that carries the configuration.
    static constexpr ::llvm::StringLiteral getAttributeName() {
      return "yat.lowering_config";
    }
  }];
}

#endif // YAT_DIALECT_YAT_IR_YATATTRS_TD
