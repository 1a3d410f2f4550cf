//===- ChloOps.td - the CHLO ops that JAX prints -----------*- tablegen -*-===//
//
// CHLO is StableHLO's companion dialect of composite ops. `jax.jit(f).lower()`
// prints some of them: `chlo.square` for `jnp.square`, which yat expands
// into a stablehlo.multiply before raising or lowering (see
// stablehlo-expand-chlo),
// and the special functions (tan, erf, lgamma, ...), which
// convert-stablehlo-to-linalg lowers element by element.
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
    syntax. `chlo.square` is expanded into stablehlo ops (the
    `stablehlo-expand-chlo` pass) at the start of `yat-raise-stablehlo` and `convert-stablehlo-to-linalg`;
    the elementwise special functions are lowered by
    `convert-stablehlo-to-linalg` like stablehlo's elementwise ops. Parsing
    any other `chlo.*` op fails with a diagnostic naming it.
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

def Chlo_FloatTensor : RankedTensorOf<[F16, BF16, F32, F64]>;

/// A unary function of floats that convert-stablehlo-to-linalg lowers
/// element by element (f16 and bf16 computed in f32).
class Chlo_UnaryFloatOp<string mnemonic, string what>
    : Op<Chlo_Dialect, mnemonic, [Pure, Elementwise,
                                  SameOperandsAndResultType]> {
  let summary = what;
  let description = "Computes " # what # " of each element of `operand`: "
                    "`chlo." # mnemonic # " %x : tensor<4xf32> -> "
                    "tensor<4xf32>`.";
  let arguments = (ins Chlo_FloatTensor:$operand);
  let results = (outs Chlo_FloatTensor:$result);
  let assemblyFormat = [{
    $operand attr-dict `:` custom<UnaryTypes>(type($operand), type($result))
  }];
}

def Chlo_FloatOrComplexTensor
    : RankedTensorOf<[F16, BF16, F32, F64, Complex<F32>, Complex<F64>]>;

/// A unary function of floats and of complex numbers (principal branches,
/// as C99's complex functions define them).
class Chlo_UnaryFloatOrComplexOp<string mnemonic, string what>
    : Chlo_UnaryFloatOp<mnemonic, what> {
  let description = "Computes " # what # " of each element of `operand`, "
                    "a float or a complex number: `chlo." # mnemonic #
                    " %x : tensor<4xcomplex<f32>> -> "
                    "tensor<4xcomplex<f32>>`.";
  let arguments = (ins Chlo_FloatOrComplexTensor:$operand);
  let results = (outs Chlo_FloatOrComplexTensor:$result);
}

def Chlo_AcoshOp
    : Chlo_UnaryFloatOrComplexOp<"acosh", "the inverse hyperbolic cosine">;
def Chlo_AsinOp : Chlo_UnaryFloatOrComplexOp<"asin", "the arcsine">;
def Chlo_AsinhOp
    : Chlo_UnaryFloatOrComplexOp<"asinh", "the inverse hyperbolic sine">;
def Chlo_AtanOp : Chlo_UnaryFloatOrComplexOp<"atan", "the arctangent">;
def Chlo_AtanhOp
    : Chlo_UnaryFloatOrComplexOp<"atanh", "the inverse hyperbolic tangent">;
def Chlo_BesselI1eOp
    : Chlo_UnaryFloatOp<"bessel_i1e", "the exponentially scaled modified "
                                      "Bessel function of order 1, "
                                      "e^-|x| I1(x)">;
def Chlo_CoshOp
    : Chlo_UnaryFloatOrComplexOp<"cosh", "the hyperbolic cosine">;
def Chlo_DigammaOp
    : Chlo_UnaryFloatOp<"digamma", "the digamma function (the derivative "
                                   "of lgamma)">;
def Chlo_ErfOp : Chlo_UnaryFloatOp<"erf", "the error function">;
def Chlo_ErfcOp
    : Chlo_UnaryFloatOp<"erfc", "the complementary error function">;
def Chlo_ErfInvOp
    : Chlo_UnaryFloatOp<"erf_inv", "the inverse error function">;
def Chlo_LgammaOp
    : Chlo_UnaryFloatOp<"lgamma", "the logarithm of the absolute value of "
                                  "the gamma function">;
def Chlo_SinhOp
    : Chlo_UnaryFloatOrComplexOp<"sinh", "the hyperbolic sine">;
def Chlo_TanOp : Chlo_UnaryFloatOrComplexOp<"tan", "the tangent">;

def Chlo_NextAfterOp
    : Op<Chlo_Dialect, "next_after", [Pure, Elementwise,
                                      SameOperandsAndResultType]> {
  let summary = "the next float after x towards y";
  let description = [{
    The float adjacent to `x` in the direction of `y` (`y` when they are
    equal, NaN when either is): `chlo.next_after %x, %y : tensor<4xf32>,
    tensor<4xf32> -> tensor<4xf32>`.
  }];
  let arguments = (ins Chlo_FloatTensor:$x, Chlo_FloatTensor:$y);
  let results = (outs Chlo_FloatTensor:$result);
  let assemblyFormat = [{
    $x `,` $y attr-dict `:` type($x) `,` type($y) `->` type($result)
  }];
}

def Chlo_TopKOp : Op<Chlo_Dialect, "top_k", [Pure]> {
  let summary = "the k largest elements of each last-dimension slice";
  let description = [{
    The `k` largest elements along the last dimension of `operand`, in
    descending order, and their indices; equal elements keep their order
    (the lower index first). Floats compare in total order (NaN above +inf).
    Expanded, as CHLO's own legalization does, into a stablehlo.sort of the
    operand and an iota of indices, and slices of the first `k`:
    `%v, %i = chlo.top_k(%x, k = 2) : tensor<5x3xf32> -> (tensor<5x2xf32>,
    tensor<5x2xi32>)`.
  }];
  let arguments = (ins Chlo_Tensor:$operand, I64Attr:$k);
  let results = (outs Chlo_Tensor:$values, Chlo_Tensor:$indices);
  let assemblyFormat = [{
    `(` $operand `,` `k` `=` $k `)` attr-dict `:` type($operand) `->`
        `(` type($values) `,` type($indices) `)`
  }];
  let hasVerifier = 1;
}

#endif // YAT_DIALECT_STABLEHLO_IR_CHLOOPS_TD
