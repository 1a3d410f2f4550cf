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

#endif // YAT_DIALECT_YAT_IR_YATATTRS_TD
