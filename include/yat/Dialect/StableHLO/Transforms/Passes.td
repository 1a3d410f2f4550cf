//===- Passes.td - StableHLO preprocessing passes ----------*- tablegen -*-===//
//
// The passes that bring a JAX export into the one form that raising and
// lowering expect: CHLO expanded, composites and private calls inlined,
// tuples flattened.
//
//===----------------------------------------------------------------------===//

#ifndef YAT_DIALECT_STABLEHLO_TRANSFORMS_PASSES_TD
#define YAT_DIALECT_STABLEHLO_TRANSFORMS_PASSES_TD

include "mlir/Pass/PassBase.td"

def StablehloExpandChlo : Pass<"stablehlo-expand-chlo"> {
  let summary = "Expand the CHLO ops that stand for StableHLO ones";
  let description = [{
    Replaces the CHLO ops that are shorthand for StableHLO ops:

    - `chlo.square x` becomes `stablehlo.multiply x, x`, so that the
      raising patterns see one form of a square;
    - `chlo.top_k(x, k)` becomes a stable `stablehlo.sort` of `x` and an
      `iota` of indices along the last dim with a "greater" comparator
      (total order for floats, so ties keep the lower index first),
      followed by two `stablehlo.slice`s of the first `k`.

    The CHLO special functions (erf, lgamma, bessel_i1e, ...) stay:
    `convert-stablehlo-to-linalg` computes them element by element. Nothing
    else is touched (no folding).
  }];
}

def StablehloLegalizeCompositeToCall
    : Pass<"stablehlo-legalize-composite-to-call", "::mlir::ModuleOp"> {
  let summary = "Replace stablehlo.composite by a call of its decomposition";
  let description = [{
    A `stablehlo.composite` names a function (`decomposition`) that
    computes it. Each composite becomes a `func.call` of that function with
    the same operands and results; its name, attributes and version are
    dropped.
  }];
  let dependentDialects = ["::mlir::func::FuncDialect"];
}

def StablehloInlinePrivateCalls
    : Pass<"stablehlo-inline-private-calls", "::mlir::ModuleOp"> {
  let summary = "Inline every call of a private function and erase the "
                "private functions left without uses";
  let description = [{
    JAX puts helpers such as `jnp.where`, `_normal_real` and the `@inputs`/
    `@expected` functions of its test files in private functions. Raising
    has to see through them, and lowering compiles functions one by one,
    so every `func.call` of a private function with a body is inlined
    (repeatedly, until none is left) and private functions without uses
    are erased. Public functions and their calls are kept.

    A cycle of calls among private functions could never be inlined: the
    pass reports the call that closes it and fails.
  }];
}

def StablehloFlattenTuples
    : Pass<"stablehlo-flatten-tuples", "::mlir::ModuleOp"> {
  let summary = "Replace the tuples that control flow and calls carry by "
                "their tensors";
  let description = [{
    Older HLO, and JAX programs that build loops by hand, carry several
    values through `stablehlo.while`, `if` and `case`, calls and function
    signatures as one (possibly nested) tuple. Every tuple-typed operand,
    result, block argument, function argument and function result is
    replaced by its tensors, depth first: a function taking
    `tuple<tensor<i32>, tuple<tensor<2xf32>, tensor<i1>>>` takes three
    tensors in that order. `get_tuple_element` of a `tuple` then folds
    away, and tuples left without uses are erased.
  }];
}

#endif // YAT_DIALECT_STABLEHLO_TRANSFORMS_PASSES_TD
