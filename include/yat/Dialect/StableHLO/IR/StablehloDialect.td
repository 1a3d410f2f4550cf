//===- StablehloDialect.td - yat's StableHLO front-end -----*- tablegen -*-===//

#ifndef YAT_DIALECT_STABLEHLO_IR_STABLEHLODIALECT_TD
#define YAT_DIALECT_STABLEHLO_IR_STABLEHLODIALECT_TD

include "mlir/IR/OpBase.td"

def Stablehlo_Dialect : Dialect {
  let name = "stablehlo";
  let cppNamespace = "::mlir::yat::stablehlo";
  let summary = "The subset of StableHLO that inference graphs use";
  let description = [{
    yat's own front-end for StableHLO, for hosts where no StableHLO build
    matches the installed MLIR. It carries StableHLO's op names, attribute
    names and both of its textual forms: the pretty form that JAX prints
    (`stablehlo.compare  GT, %a, %b,  FLOAT : ...`) and the generic form
    with `#stablehlo.*` attributes
    (`"stablehlo.compare"(%a, %b) {comparison_direction =
    #stablehlo<comparison_direction GT>} : ...`).

    Only the ops that inference graphs need are defined (see
    docs/STABLEHLO.md); parsing any other `stablehlo.*` op fails with a
    diagnostic naming the op and its location. `convert-stablehlo-to-linalg`
    lowers the whole subset to linalg, tensor, arith and math.
  }];
  let hasConstantMaterializer = 1;
  let extraClassDeclaration = [{
    /// Parses the #stablehlo attributes; an attribute that only an op
    /// outside the subset carries is rejected with a diagnostic naming
    /// that op.
    Attribute parseAttribute(DialectAsmParser &parser,
                             Type type) const override;
    void printAttribute(Attribute attr,
                        DialectAsmPrinter &printer) const override;

    /// Rejects the pretty form of any `stablehlo.*` op outside the subset
    /// with a diagnostic that names it.
    std::optional<ParseOpHook>
    getParseOperationHook(StringRef opName) const override;

  private:
    void registerAttributes();
  }];
}

class Stablehlo_Op<string mnemonic, list<Trait> traits = []>
    : Op<Stablehlo_Dialect, mnemonic, traits>;

#endif // YAT_DIALECT_STABLEHLO_IR_STABLEHLODIALECT_TD
