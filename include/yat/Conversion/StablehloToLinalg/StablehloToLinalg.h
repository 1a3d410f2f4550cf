//===- StablehloToLinalg.h - StableHLO to linalg patterns -------*- C++ -*-===//

#ifndef YAT_CONVERSION_STABLEHLOTOLINALG_STABLEHLOTOLINALG_H
#define YAT_CONVERSION_STABLEHLOTOLINALG_STABLEHLOTOLINALG_H

#include "mlir/Support/LLVM.h"

namespace mlir {
class ConversionTarget;
class ModuleOp;
class RewritePatternSet;
} // namespace mlir

namespace mlir::yat {

/// Adds the patterns that lower every op of yat's StableHLO subset (except
/// stablehlo.composite, which the pass turns into a call first) to linalg,
/// tensor, arith, math, bufferization and func. The patterns expect static
/// shapes and the element types that `verifyStablehloLowerable` accepts.
void populateStablehloToLinalgPatterns(RewritePatternSet &patterns);

/// Marks the stablehlo dialect illegal on `target`, except for the ops in
/// the body of a stablehlo.reduce, which the reduce pattern consumes.
void configureStablehloToLinalgTarget(ConversionTarget &target);

/// Checks that every stablehlo op in `module` can be lowered (static
/// shapes, supported element types, known custom_call targets, resolvable
/// dense_resource constants) and emits one diagnostic per problem.
LogicalResult verifyStablehloLowerable(ModuleOp module);

/// Replaces stablehlo.composite by calls of their decompositions, inlines
/// calls of private functions and drops the private functions that are no
/// longer used. Fails (with a diagnostic) on recursion.
LogicalResult inlineStablehloCalls(ModuleOp module);

/// Declares the runtime functions that the check.* custom_calls of `module`
/// lower to, and marks each check whose actual value comes from a
/// reassociated reduction (dot_general, convolution, reduce).
void prepareStablehloChecks(ModuleOp module);

} // namespace mlir::yat

#endif // YAT_CONVERSION_STABLEHLOTOLINALG_STABLEHLOTOLINALG_H
