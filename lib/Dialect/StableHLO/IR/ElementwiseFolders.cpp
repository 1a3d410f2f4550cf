//===- ElementwiseFolders.cpp - constant folding of elementwise ops -------===//
//
// Elementwise ops on constants fold with MLIR's CommonFolders, in the
// element type's own arithmetic: APFloat rounds each result to nearest
// even in the op's float type, APInt wraps at its width. That is what the
// lowered code computes (f16 and bf16 arithmetic runs in f32 and is rounded
// once, which gives the same correctly rounded value for these ops), so a
// folded constant equals the value the op would produce at run time.
//
// Folded: add, subtract, multiply, divide, remainder, maximum, minimum,
// and, or, xor, negate, abs, not, floor and ceil. Left to the lowering:
// integer division or remainder by zero and INT_MIN / -1 (XLA defines their
// results, see docs/STABLEHLO.md), i1 arithmetic (add is or, multiply is
// and), complex numbers, and the transcendental functions, whose values
// depend on the math library. Non-splat operands of more than 2^16
// elements are not folded, to bound compile time.
//
//===----------------------------------------------------------------------===//

#include "mlir/Dialect/CommonFolders.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/TypeUtilities.h"
#include "yat/Dialect/StableHLO/IR/Stablehlo.h"

using namespace mlir;
using namespace mlir::yat::stablehlo;

/// Largest non-splat constant operand that is folded.
static constexpr int64_t kMaxFoldedElements = int64_t(1) << 16;

static bool areFoldableOperands(ArrayRef<Attribute> operands) {
  return llvm::all_of(operands, [](Attribute operand) {
    auto elements = dyn_cast_or_null<DenseElementsAttr>(operand);
    return elements && (elements.isSplat() ||
                        elements.getNumElements() <= kMaxFoldedElements);
  });
}

/// Folds a binary op with `floatFn` on float elements and `intFn(a, b,
/// isUnsigned)` on integer elements (not i1); either may return nullopt
/// to leave the op alone.
template <typename FloatFn, typename IntFn>
static OpFoldResult foldBinary(Operation *op, ArrayRef<Attribute> operands,
                               FloatFn floatFn, IntFn intFn) {
  if (!areFoldableOperands(operands))
    return {};
  Type resultType = op->getResult(0).getType();
  Type element = getElementTypeOrSelf(resultType);
  if (isa<FloatType>(element))
    return constFoldBinaryOpConditional<FloatAttr, APFloat, void>(
        operands, resultType,
        [&](const APFloat &a, const APFloat &b) -> std::optional<APFloat> {
          return floatFn(a, b);
        });
  auto intType = dyn_cast<IntegerType>(element);
  if (!intType || intType.getWidth() == 1)
    return {};
  bool isUnsigned = intType.isUnsigned();
  return constFoldBinaryOpConditional<IntegerAttr, APInt, void>(
      operands, resultType,
      [&](const APInt &a, const APInt &b) -> std::optional<APInt> {
        return intFn(a, b, isUnsigned);
      });
}

/// Folds a unary op with `floatFn` on float and `intFn(a, isUnsigned)` on
/// integer elements (not i1).
template <typename FloatFn, typename IntFn>
static OpFoldResult foldUnary(Operation *op, ArrayRef<Attribute> operands,
                              FloatFn floatFn, IntFn intFn) {
  if (!areFoldableOperands(operands))
    return {};
  Type resultType = op->getResult(0).getType();
  Type element = getElementTypeOrSelf(resultType);
  if (isa<FloatType>(element))
    return constFoldUnaryOpConditional<FloatAttr, APFloat, void>(
        operands, resultType,
        [&](const APFloat &a) -> std::optional<APFloat> { return floatFn(a); });
  auto intType = dyn_cast<IntegerType>(element);
  if (!intType || intType.getWidth() == 1)
    return {};
  bool isUnsigned = intType.isUnsigned();
  return constFoldUnaryOpConditional<IntegerAttr, APInt, void>(
      operands, resultType, [&](const APInt &a) -> std::optional<APInt> {
        return intFn(a, isUnsigned);
      });
}

/// Folds and, or and xor: bitwise on integers, logical on i1.
template <typename BitFn>
static OpFoldResult foldBitwise(Operation *op, ArrayRef<Attribute> operands,
                                BitFn bitFn) {
  if (!areFoldableOperands(operands) ||
      !isa<IntegerType>(getElementTypeOrSelf(op->getResult(0).getType())))
    return {};
  return constFoldBinaryOp<IntegerAttr, APInt, void>(
      operands, op->getResult(0).getType(),
      [&](const APInt &a, const APInt &b) { return bitFn(a, b); });
}

//===----------------------------------------------------------------------===//
// Binary ops
//===----------------------------------------------------------------------===//

/// Whether integer `a / b` and `a % b` are plain arithmetic: XLA defines
/// division by zero and INT_MIN / -1 itself, and the lowering computes that.
static bool isPlainDivision(const APInt &a, const APInt &b, bool isUnsigned) {
  return !b.isZero() && (isUnsigned || !a.isMinSignedValue() || !b.isAllOnes());
}

OpFoldResult AddOp::fold(FoldAdaptor adaptor) {
  return foldBinary(
      *this, adaptor.getOperands(),
      [](const APFloat &a, const APFloat &b) { return a + b; },
      [](const APInt &a, const APInt &b, bool) { return a + b; });
}

OpFoldResult SubtractOp::fold(FoldAdaptor adaptor) {
  return foldBinary(
      *this, adaptor.getOperands(),
      [](const APFloat &a, const APFloat &b) { return a - b; },
      [](const APInt &a, const APInt &b, bool) { return a - b; });
}

OpFoldResult MulOp::fold(FoldAdaptor adaptor) {
  return foldBinary(
      *this, adaptor.getOperands(),
      [](const APFloat &a, const APFloat &b) { return a * b; },
      [](const APInt &a, const APInt &b, bool) { return a * b; });
}

OpFoldResult DivOp::fold(FoldAdaptor adaptor) {
  return foldBinary(
      *this, adaptor.getOperands(),
      [](const APFloat &a, const APFloat &b) { return a / b; },
      [](const APInt &a, const APInt &b,
         bool isUnsigned) -> std::optional<APInt> {
        if (!isPlainDivision(a, b, isUnsigned))
          return std::nullopt;
        return isUnsigned ? a.udiv(b) : a.sdiv(b);
      });
}

OpFoldResult RemOp::fold(FoldAdaptor adaptor) {
  return foldBinary(
      *this, adaptor.getOperands(),
      [](const APFloat &a, const APFloat &b) {
        APFloat result = a;
        (void)result.mod(b); // C fmod: the sign of the dividend.
        return result;
      },
      [](const APInt &a, const APInt &b,
         bool isUnsigned) -> std::optional<APInt> {
        if (!isPlainDivision(a, b, isUnsigned))
          return std::nullopt;
        return isUnsigned ? a.urem(b) : a.srem(b);
      });
}

OpFoldResult MaxOp::fold(FoldAdaptor adaptor) {
  return foldBinary(
      *this, adaptor.getOperands(),
      [](const APFloat &a, const APFloat &b) { return llvm::maximum(a, b); },
      [](const APInt &a, const APInt &b, bool isUnsigned) {
        return isUnsigned ? llvm::APIntOps::umax(a, b)
                          : llvm::APIntOps::smax(a, b);
      });
}

OpFoldResult MinOp::fold(FoldAdaptor adaptor) {
  return foldBinary(
      *this, adaptor.getOperands(),
      [](const APFloat &a, const APFloat &b) { return llvm::minimum(a, b); },
      [](const APInt &a, const APInt &b, bool isUnsigned) {
        return isUnsigned ? llvm::APIntOps::umin(a, b)
                          : llvm::APIntOps::smin(a, b);
      });
}

OpFoldResult AndOp::fold(FoldAdaptor adaptor) {
  return foldBitwise(*this, adaptor.getOperands(),
                     [](const APInt &a, const APInt &b) { return a & b; });
}

OpFoldResult OrOp::fold(FoldAdaptor adaptor) {
  return foldBitwise(*this, adaptor.getOperands(),
                     [](const APInt &a, const APInt &b) { return a | b; });
}

OpFoldResult XorOp::fold(FoldAdaptor adaptor) {
  return foldBitwise(*this, adaptor.getOperands(),
                     [](const APInt &a, const APInt &b) { return a ^ b; });
}

//===----------------------------------------------------------------------===//
// Unary ops
//===----------------------------------------------------------------------===//

OpFoldResult NegOp::fold(FoldAdaptor adaptor) {
  return foldUnary(
      *this, adaptor.getOperands(), [](const APFloat &a) { return -a; },
      [](const APInt &a, bool) { return -a; });
}

OpFoldResult AbsOp::fold(FoldAdaptor adaptor) {
  return foldUnary(
      *this, adaptor.getOperands(), [](const APFloat &a) { return abs(a); },
      // INT_MIN stays INT_MIN, as it does in two's complement code.
      [](const APInt &a, bool isUnsigned) { return isUnsigned ? a : a.abs(); });
}

OpFoldResult NotOp::fold(FoldAdaptor adaptor) {
  if (!areFoldableOperands(adaptor.getOperands()))
    return {};
  return constFoldUnaryOp<IntegerAttr, APInt, void>(
      adaptor.getOperands(), getType(), [](const APInt &a) { return ~a; });
}

/// `a` rounded to an integral value in direction `mode`.
static APFloat roundToIntegral(APFloat a, APFloat::roundingMode mode) {
  (void)a.roundToIntegral(mode);
  return a;
}

OpFoldResult FloorOp::fold(FoldAdaptor adaptor) {
  return foldUnary(
      *this, adaptor.getOperands(),
      [](const APFloat &a) {
        return roundToIntegral(a, APFloat::rmTowardNegative);
      },
      [](const APInt &, bool) -> std::optional<APInt> { return std::nullopt; });
}

OpFoldResult CeilOp::fold(FoldAdaptor adaptor) {
  return foldUnary(
      *this, adaptor.getOperands(),
      [](const APFloat &a) {
        return roundToIntegral(a, APFloat::rmTowardPositive);
      },
      [](const APInt &, bool) -> std::optional<APInt> { return std::nullopt; });
}
