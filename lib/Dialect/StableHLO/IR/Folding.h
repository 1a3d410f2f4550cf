//===- Folding.h - limits of the stablehlo fold hooks -----------*- C++ -*-===//
//
// Private to lib/Dialect/StableHLO/IR.
//
//===----------------------------------------------------------------------===//

#ifndef YAT_LIB_DIALECT_STABLEHLO_IR_FOLDING_H
#define YAT_LIB_DIALECT_STABLEHLO_IR_FOLDING_H

#include <cstdint>

namespace mlir::yat::stablehlo::detail {

/// Largest non-splat constant that a fold hook reads or makes: bounds the
/// compile time and the size of the module.
constexpr int64_t kMaxFoldedElements = int64_t(1) << 16;

} // namespace mlir::yat::stablehlo::detail

#endif // YAT_LIB_DIALECT_STABLEHLO_IR_FOLDING_H
