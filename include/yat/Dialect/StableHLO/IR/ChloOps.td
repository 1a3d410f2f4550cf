//===- ChloOps.td - the CHLO ops that JAX prints -----------*- tablegen -*-===//
//
// CHLO is StableHLO's companion dialect of composite ops. `jax.jit(f).lower()`
// prints some of them (`chlo.square` for `jnp.square`); yat accepts those and
// expands them into the stablehlo ops they stand for before raising or
// lowering (see expandChloOps).
//
//===----------------------------------------------------------------------===//

#ifndef YAT_DIALECT_STABLEHLO_IR_CHLOOPS_TD
#define YAT_DIALECT_STABLEHLO_IR_CHLOOPS_TD

include "mlir/IR/OpBase.td"
include "mlir/IR/CommonTypeConstraints.td"
include "mlir/Interfaces/InferTypeOpInterface.td"
include "mlir/Interfaces/SideEffectInterfaces.td"

def Chlo_Dialect : Dialect {
  let name = "chlo";
  let cppNamespace = "::mlir::yat::chlo";
  let summary = "The CHLO ops that JAX's lowering prints";
  let description = [{
    The ops of StableHLO's companion dialect CHLO that appear in modules
    printed by `jax.jit(f).lower(...).as_text()`, with CHLO's names and
    syntax. Each is expanded into stablehlo ops (`expandChloOps`) at the
    start of `yat-raise-stablehlo` and `convert-stablehlo-to-linalg`, so
    nothing past those passes sees them. Parsing any other `chlo.*` op
    fails with a diagnostic naming it.
  }];
  let dependentDialects = ["::mlir::yat::stablehlo::StablehloDialect"];
  let extraClassDeclaration = [{
    /// Rejects the pretty form of any `chlo.*` op yat does not define with a
    /// diagnostic that names it.
    std::optional<ParseOpHook>
    getParseOperationHook(StringRef opName) const override;
  }];
}

def Chlo_Tensor : RankedTensorOf<[AnySignlessInteger, AnyUnsignedInteger, F16,
                                  BF16, F32, F64]>;

def Chlo_SquareOp
    : Op<Chlo_Dialect, "square", [Pure, Elementwise,
                                  SameOperandsAndResultType]> {
  let summary = "Elementwise square";
  let description = [{
    Computes the square of each element of `operand`; expanded into
    `stablehlo.multiply %operand, %operand`. The pretty form is CHLO's
    `chlo.square %x : tensor<4x8xf32> -> tensor<4x8xf32>`; the result type
    may be left out (`chlo.square %x : tensor<4x8xf32>`).
  }];
  let arguments = (ins Chlo_Tensor:$operand);
  let results = (outs Chlo_Tensor:$result);
  let assemblyFormat = [{
    $operand attr-dict `:` custom<UnaryTypes>(type($operand), type($result))
  }];
}

#endif // YAT_DIALECT_STABLEHLO_IR_CHLOOPS_TD
