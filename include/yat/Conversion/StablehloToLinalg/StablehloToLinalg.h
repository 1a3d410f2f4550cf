//===- StablehloToLinalg.h - StableHLO to linalg patterns -------*- C++ -*-===//

#ifndef YAT_CONVERSION_STABLEHLOTOLINALG_STABLEHLOTOLINALG_H
#define YAT_CONVERSION_STABLEHLOTOLINALG_STABLEHLOTOLINALG_H

#include "mlir/Support/LLVM.h"
#include "mlir/Transforms/DialectConversion.h"

namespace mlir {
class ModuleOp;
} // namespace mlir

namespace mlir::yat {

/// The type that lowered code uses for a StableHLO type: unsigned integers,
/// alone or as tensor elements, become signless integers of the same width
/// (arith, linalg and the LLVM lowering know only those); every other type
/// is kept. The lowering reads unsigned semantics from the stablehlo op's
/// own types, so nothing is lost.
Type getSignlessStorageType(Type type);

/// Converts types with `getSignlessStorageType`, for function signatures,
/// region arguments and the operands the patterns see.
class StablehloToLinalgTypeConverter : public TypeConverter {
public:
  StablehloToLinalgTypeConverter();
};

/// Adds the patterns that lower every op of yat's StableHLO subset (except
/// stablehlo.composite, which the pass turns into a call first) to linalg,
/// tensor, arith, math, bufferization and func, and those that convert
/// func.func, func.return and func.call signatures with `typeConverter`.
/// The patterns expect static shapes and the element types that
/// `verifyStablehloLowerable` accepts.
void populateStablehloToLinalgPatterns(const TypeConverter &typeConverter,
                                       RewritePatternSet &patterns);

/// Marks the stablehlo dialect illegal on `target`, except for the ops in
/// the bodies that the reduce and scatter patterns consume, and func ops
/// illegal while their types need `typeConverter`.
void configureStablehloToLinalgTarget(ConversionTarget &target,
                                      const TypeConverter &typeConverter);

/// Checks that every stablehlo op in `module` can be lowered (static
/// shapes, supported element types, known custom_call targets, resolvable
/// dense_resource constants) and emits one diagnostic per problem.
LogicalResult verifyStablehloLowerable(ModuleOp module);

/// Declares the runtime functions that the check.* custom_calls of `module`
/// lower to, and marks each check whose actual value comes from a
/// reassociated reduction (dot_general, convolution, reduce).
void prepareStablehloChecks(ModuleOp module);

} // namespace mlir::yat

#endif // YAT_CONVERSION_STABLEHLOTOLINALG_STABLEHLOTOLINALG_H
