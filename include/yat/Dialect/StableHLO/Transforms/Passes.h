//===- Passes.h - StableHLO preprocessing passes ----------------*- C++ -*-===//

#ifndef YAT_DIALECT_STABLEHLO_TRANSFORMS_PASSES_H
#define YAT_DIALECT_STABLEHLO_TRANSFORMS_PASSES_H

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Pass/Pass.h"

namespace mlir {
class OpPassManager;
} // namespace mlir

namespace mlir::yat {

#define GEN_PASS_DECL
#include "yat/Dialect/StableHLO/Transforms/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "yat/Dialect/StableHLO/Transforms/Passes.h.inc"

/// Adds the passes that bring a JAX export into the form that raising and
/// lowering expect, in order: stablehlo-expand-chlo,
/// stablehlo-legalize-composite-to-call, stablehlo-inline-private-calls and,
/// with `flattenTuples`, stablehlo-flatten-tuples. `pm` runs on modules.
void addStablehloPreprocessingPasses(OpPassManager &pm, bool flattenTuples);

/// Registers the passes above and the `stablehlo-preprocess` pipeline that
/// runs all four.
void registerStablehloTransformsPasses();

} // namespace mlir::yat

#endif // YAT_DIALECT_STABLEHLO_TRANSFORMS_PASSES_H
