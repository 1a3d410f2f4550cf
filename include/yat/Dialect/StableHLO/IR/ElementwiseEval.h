//===- ElementwiseEval.h - exact values of elementwise ops ------*- C++ -*-===//
//
// The semantics, element by element, of the stablehlo elementwise ops whose
// result is exact in the element type's own arithmetic. The ops' fold hooks
// and yat-raise-stablehlo's constant evaluator both compute with these, so
// each op's constant semantics is written once.
//
//===----------------------------------------------------------------------===//

#ifndef YAT_DIALECT_STABLEHLO_IR_ELEMENTWISEEVAL_H
#define YAT_DIALECT_STABLEHLO_IR_ELEMENTWISEEVAL_H

#include "mlir/Support/LLVM.h"
#include "llvm/ADT/APFloat.h"
#include "llvm/ADT/APInt.h"

#include <optional>

namespace mlir {
class Operation;
} // namespace mlir

namespace mlir::yat::stablehlo {

/// Whether `op` is one of the ops evaluated here: add, subtract, multiply,
/// divide, remainder, maximum, minimum, and, or, xor, negate, abs, not,
/// floor and ceil.
bool hasExactElementwiseValue(Operation *op);

/// `op` on one float element of each operand, rounded to nearest even in
/// the operands' float type; nullopt when `op` has no float semantics here.
std::optional<APFloat> evaluateElementwise(Operation *op,
                                           ArrayRef<APFloat> operands);

/// `op` on one integer element of each operand (all of one width), wrapping
/// at that width and reading the bits as unsigned when `isUnsigned`. i1
/// add and maximum are or, multiply and minimum are and. nullopt where XLA
/// defines the result itself (division or remainder by zero, INT_MIN / -1)
/// and for ops without integer semantics here.
std::optional<APInt>
evaluateElementwise(Operation *op, ArrayRef<APInt> operands, bool isUnsigned);

} // namespace mlir::yat::stablehlo

#endif // YAT_DIALECT_STABLEHLO_IR_ELEMENTWISEEVAL_H
