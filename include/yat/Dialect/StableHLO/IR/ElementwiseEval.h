//===- ElementwiseEval.h - exact values of elementwise ops ------*- C++ -*-===//
//
// The semantics, element by element, of the stablehlo elementwise ops whose
// result is exact in the element type's own arithmetic, and of compare and
// convert. The ops' fold hooks and yat-raise-stablehlo's constant evaluator
// both compute with these, so each op's constant semantics is written once.
//
//===----------------------------------------------------------------------===//

#ifndef YAT_DIALECT_STABLEHLO_IR_ELEMENTWISEEVAL_H
#define YAT_DIALECT_STABLEHLO_IR_ELEMENTWISEEVAL_H

#include "mlir/Support/LLVM.h"
#include "yat/Dialect/StableHLO/IR/Stablehlo.h"
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

/// `lhs direction rhs` for floats under compare type FLOAT: every
/// comparison with NaN is false but NE, which is true.
bool evaluateCompare(ComparisonDirection direction, const APFloat &lhs,
                     const APFloat &rhs);

/// `lhs direction rhs` for integers of one width, as unsigned numbers when
/// `isUnsigned` (compare type UNSIGNED) and signed ones otherwise.
bool evaluateCompare(ComparisonDirection direction, const APInt &lhs,
                     const APInt &rhs, bool isUnsigned);

/// stablehlo.convert of one element. A float becomes another float rounded
/// to nearest even; an integer becomes a float rounded to nearest even (i1
/// as 0 or 1); a
/// float becomes an integer truncated toward zero, saturated at its range,
/// NaN as 0; an integer is sign- or zero-extended (by the signedness of
/// its type, i1 as unsigned) or wraps. Anything becomes i1 (width 1) as
/// `x != 0`.
APFloat convertElement(const APFloat &value, const llvm::fltSemantics &to);
APFloat convertElement(const APInt &value, bool isUnsigned,
                       const llvm::fltSemantics &to);
APInt convertElement(const APFloat &value, unsigned width, bool toUnsigned);
APInt convertElement(const APInt &value, bool isUnsigned, unsigned width);

} // namespace mlir::yat::stablehlo

#endif // YAT_DIALECT_STABLEHLO_IR_ELEMENTWISEEVAL_H
