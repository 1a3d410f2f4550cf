//===- ElementwiseFolders.cpp - exact values of elementwise ops -----------===//
//
// Elementwise ops on constants fold with MLIR's CommonFolders, in the
// element type's own arithmetic: APFloat rounds each result to nearest
// even in the op's float type, APInt wraps at its width. That is what the
// lowered code computes (f16 and bf16 arithmetic runs in f32 and is rounded
// once, which gives the same correctly rounded value for these ops), so a
// folded constant equals the value the op would produce at run time.
//
// Folded: add, subtract, multiply, divide, remainder, maximum, minimum,
// and, or, xor, negate, abs, not, floor, ceil, compare (but TOTALORDER),
// convert (real types) and select. Left to the lowering:
// integer division or remainder by zero and INT_MIN / -1 (XLA defines their
// results, see docs/STABLEHLO.md), complex numbers, and the transcendental
// functions, whose values depend on the math library. Non-splat operands
// of more than 2^16 elements are not folded, to bound compile time.
//
//===----------------------------------------------------------------------===//

#include "Folding.h"
#include "yat/Dialect/StableHLO/IR/ElementwiseEval.h"

#include "mlir/Dialect/CommonFolders.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/TypeUtilities.h"
#include "yat/Dialect/StableHLO/IR/Stablehlo.h"
#include "llvm/ADT/APSInt.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace mlir::yat::stablehlo;
using mlir::yat::stablehlo::detail::kMaxFoldedElements;

//===----------------------------------------------------------------------===//
// Element semantics
//===----------------------------------------------------------------------===//

bool mlir::yat::stablehlo::hasExactElementwiseValue(Operation *op) {
  return isa<AddOp, SubtractOp, MulOp, DivOp, RemOp, MaxOp, MinOp, AndOp, OrOp,
             XorOp, NegOp, AbsOp, NotOp, FloorOp, CeilOp>(op);
}

/// `a` rounded to an integral value in direction `mode`.
static APFloat roundToIntegral(APFloat a, APFloat::roundingMode mode) {
  (void)a.roundToIntegral(mode);
  return a;
}

std::optional<APFloat>
mlir::yat::stablehlo::evaluateElementwise(Operation *op,
                                          ArrayRef<APFloat> operands) {
  if (operands.size() != op->getNumOperands())
    return std::nullopt;
  const APFloat &a = operands[0];
  auto rhs = [&] { return operands[1]; };
  return llvm::TypeSwitch<Operation *, std::optional<APFloat>>(op)
      .Case([&](AddOp) { return a + rhs(); })
      .Case([&](SubtractOp) { return a - rhs(); })
      .Case([&](MulOp) { return a * rhs(); })
      .Case([&](DivOp) { return a / rhs(); })
      .Case([&](RemOp) {
        APFloat result = a;
        (void)result.mod(rhs()); // C fmod: the sign of the dividend.
        return result;
      })
      .Case([&](MaxOp) { return llvm::maximum(a, rhs()); })
      .Case([&](MinOp) { return llvm::minimum(a, rhs()); })
      .Case([&](NegOp) { return -a; })
      .Case([&](AbsOp) { return abs(a); })
      .Case([&](FloorOp) {
        return roundToIntegral(a, APFloat::rmTowardNegative);
      })
      .Case(
          [&](CeilOp) { return roundToIntegral(a, APFloat::rmTowardPositive); })
      .Default([](Operation *) { return std::nullopt; });
}

/// Whether integer `a / b` and `a % b` are plain arithmetic: XLA defines
/// division by zero and INT_MIN / -1 itself, and the lowering computes that.
static bool isPlainDivision(const APInt &a, const APInt &b, bool isUnsigned) {
  return !b.isZero() && (isUnsigned || !a.isMinSignedValue() || !b.isAllOnes());
}

/// i1 is a bool: add and maximum are or, multiply and minimum are and.
static std::optional<APInt> evaluateBool(Operation *op,
                                         ArrayRef<APInt> operands) {
  const APInt &a = operands[0];
  auto rhs = [&] { return operands[1]; };
  return llvm::TypeSwitch<Operation *, std::optional<APInt>>(op)
      .Case<AddOp, MaxOp, OrOp>([&](auto) { return a | rhs(); })
      .Case<MulOp, MinOp, AndOp>([&](auto) { return a & rhs(); })
      .Case([&](XorOp) { return a ^ rhs(); })
      .Case([&](NotOp) { return ~a; })
      .Default([](Operation *) { return std::nullopt; });
}

std::optional<APInt> mlir::yat::stablehlo::evaluateElementwise(
    Operation *op, ArrayRef<APInt> operands, bool isUnsigned) {
  if (operands.size() != op->getNumOperands())
    return std::nullopt;
  const APInt &a = operands[0];
  if (a.getBitWidth() == 1)
    return evaluateBool(op, operands);
  auto rhs = [&] { return operands[1]; };
  return llvm::TypeSwitch<Operation *, std::optional<APInt>>(op)
      .Case([&](AddOp) { return a + rhs(); })
      .Case([&](SubtractOp) { return a - rhs(); })
      .Case([&](MulOp) { return a * rhs(); })
      .Case([&](DivOp) -> std::optional<APInt> {
        if (!isPlainDivision(a, rhs(), isUnsigned))
          return std::nullopt;
        return isUnsigned ? a.udiv(rhs()) : a.sdiv(rhs());
      })
      .Case([&](RemOp) -> std::optional<APInt> {
        if (!isPlainDivision(a, rhs(), isUnsigned))
          return std::nullopt;
        return isUnsigned ? a.urem(rhs()) : a.srem(rhs());
      })
      .Case([&](MaxOp) {
        return isUnsigned ? llvm::APIntOps::umax(a, rhs())
                          : llvm::APIntOps::smax(a, rhs());
      })
      .Case([&](MinOp) {
        return isUnsigned ? llvm::APIntOps::umin(a, rhs())
                          : llvm::APIntOps::smin(a, rhs());
      })
      .Case([&](AndOp) { return a & rhs(); })
      .Case([&](OrOp) { return a | rhs(); })
      .Case([&](XorOp) { return a ^ rhs(); })
      .Case([&](NegOp) { return -a; })
      // INT_MIN stays INT_MIN, as it does in two's complement code.
      .Case([&](AbsOp) { return isUnsigned ? a : a.abs(); })
      .Case([&](NotOp) { return ~a; })
      .Default([](Operation *) { return std::nullopt; });
}

bool mlir::yat::stablehlo::evaluateCompare(ComparisonDirection direction,
                                           const APFloat &lhs,
                                           const APFloat &rhs) {
  APFloat::cmpResult order = lhs.compare(rhs);
  switch (direction) {
  case ComparisonDirection::EQ:
    return order == APFloat::cmpEqual;
  case ComparisonDirection::NE:
    return order != APFloat::cmpEqual;
  case ComparisonDirection::GE:
    return order == APFloat::cmpGreaterThan || order == APFloat::cmpEqual;
  case ComparisonDirection::GT:
    return order == APFloat::cmpGreaterThan;
  case ComparisonDirection::LE:
    return order == APFloat::cmpLessThan || order == APFloat::cmpEqual;
  case ComparisonDirection::LT:
    return order == APFloat::cmpLessThan;
  }
  llvm_unreachable("unknown comparison direction");
}

bool mlir::yat::stablehlo::evaluateCompare(ComparisonDirection direction,
                                           const APInt &lhs, const APInt &rhs,
                                           bool isUnsigned) {
  switch (direction) {
  case ComparisonDirection::EQ:
    return lhs == rhs;
  case ComparisonDirection::NE:
    return lhs != rhs;
  case ComparisonDirection::GE:
    return isUnsigned ? lhs.uge(rhs) : lhs.sge(rhs);
  case ComparisonDirection::GT:
    return isUnsigned ? lhs.ugt(rhs) : lhs.sgt(rhs);
  case ComparisonDirection::LE:
    return isUnsigned ? lhs.ule(rhs) : lhs.sle(rhs);
  case ComparisonDirection::LT:
    return isUnsigned ? lhs.ult(rhs) : lhs.slt(rhs);
  }
  llvm_unreachable("unknown comparison direction");
}

APFloat mlir::yat::stablehlo::convertElement(const APFloat &value,
                                             const llvm::fltSemantics &to) {
  APFloat result = value;
  bool losesInfo = false;
  (void)result.convert(to, APFloat::rmNearestTiesToEven, &losesInfo);
  return result;
}

APFloat mlir::yat::stablehlo::convertElement(const APInt &value,
                                             bool isUnsigned,
                                             const llvm::fltSemantics &to) {
  APFloat result(to);
  // i1 is a bool: true is 1, not -1.
  bool isSigned = !isUnsigned && value.getBitWidth() != 1;
  (void)result.convertFromAPInt(value, isSigned, APFloat::rmNearestTiesToEven);
  return result;
}

APInt mlir::yat::stablehlo::convertElement(const APFloat &value, unsigned width,
                                           bool toUnsigned) {
  if (width == 1)
    return APInt(1, !value.isZero()); // NaN != 0 holds.
  if (value.isNaN())
    return APInt::getZero(width);
  // Truncated toward zero, and saturated: APFloat clamps to the integer's
  // range when the value lies outside it.
  llvm::APSInt result(width, toUnsigned);
  bool isExact = false;
  (void)value.convertToInteger(result, APFloat::rmTowardZero, &isExact);
  return result;
}

APInt mlir::yat::stablehlo::convertElement(const APInt &value, bool isUnsigned,
                                           unsigned width) {
  if (width == 1)
    return APInt(1, !value.isZero());
  if (value.getBitWidth() == 1)
    isUnsigned = true;
  return isUnsigned ? value.zextOrTrunc(width) : value.sextOrTrunc(width);
}

//===----------------------------------------------------------------------===//
// Fold hooks
//===----------------------------------------------------------------------===//

static bool areFoldableOperands(ArrayRef<Attribute> operands) {
  return llvm::all_of(operands, [](Attribute operand) {
    auto elements = dyn_cast_or_null<DenseElementsAttr>(operand);
    return elements && (elements.isSplat() ||
                        elements.getNumElements() <= kMaxFoldedElements);
  });
}

/// Folds unary or binary elementwise `op` on constant operands with
/// evaluateElementwise, element by element.
static OpFoldResult foldElementwise(Operation *op,
                                    ArrayRef<Attribute> operands) {
  if (!areFoldableOperands(operands))
    return {};
  Type resultType = op->getResult(0).getType();
  Type element = getElementTypeOrSelf(resultType);
  bool unary = operands.size() == 1;
  if (isa<FloatType>(element)) {
    if (unary)
      return constFoldUnaryOpConditional<FloatAttr, APFloat, void>(
          operands, resultType,
          [&](const APFloat &a) { return evaluateElementwise(op, {a}); });
    return constFoldBinaryOpConditional<FloatAttr, APFloat, void>(
        operands, resultType, [&](const APFloat &a, const APFloat &b) {
          return evaluateElementwise(op, {a, b});
        });
  }
  auto intType = dyn_cast<IntegerType>(element);
  if (!intType)
    return {};
  bool isUnsigned = intType.isUnsigned();
  if (unary)
    return constFoldUnaryOpConditional<IntegerAttr, APInt, void>(
        operands, resultType, [&](const APInt &a) {
          return evaluateElementwise(op, {a}, isUnsigned);
        });
  return constFoldBinaryOpConditional<IntegerAttr, APInt, void>(
      operands, resultType, [&](const APInt &a, const APInt &b) {
        return evaluateElementwise(op, {a, b}, isUnsigned);
      });
}

#define YAT_FOLD_ELEMENTWISE(OpTy)                                             \
  OpFoldResult OpTy::fold(FoldAdaptor adaptor) {                               \
    return foldElementwise(*this, adaptor.getOperands());                      \
  }
YAT_FOLD_ELEMENTWISE(AddOp)
YAT_FOLD_ELEMENTWISE(SubtractOp)
YAT_FOLD_ELEMENTWISE(MulOp)
YAT_FOLD_ELEMENTWISE(DivOp)
YAT_FOLD_ELEMENTWISE(RemOp)
YAT_FOLD_ELEMENTWISE(MaxOp)
YAT_FOLD_ELEMENTWISE(MinOp)
YAT_FOLD_ELEMENTWISE(AndOp)
YAT_FOLD_ELEMENTWISE(OrOp)
YAT_FOLD_ELEMENTWISE(XorOp)
YAT_FOLD_ELEMENTWISE(NegOp)
YAT_FOLD_ELEMENTWISE(AbsOp)
YAT_FOLD_ELEMENTWISE(NotOp)
YAT_FOLD_ELEMENTWISE(FloorOp)
YAT_FOLD_ELEMENTWISE(CeilOp)
#undef YAT_FOLD_ELEMENTWISE

OpFoldResult CompareOp::fold(FoldAdaptor adaptor) {
  ArrayRef<Attribute> operands = adaptor.getOperands();
  if (!areFoldableOperands(operands))
    return {};
  Type resultType = getType();
  Type element = getElementTypeOrSelf(getLhs().getType());
  ComparisonDirection direction = getComparisonDirection();
  ComparisonType compareType = getEffectiveCompareType();
  if (isa<FloatType>(element)) {
    if (compareType != ComparisonType::FLOAT)
      return {};
    return constFoldBinaryOp<FloatAttr, APFloat, void, IntegerAttr>(
        operands, resultType, [&](const APFloat &a, const APFloat &b) {
          return APInt(1, evaluateCompare(direction, a, b));
        });
  }
  if (!isa<IntegerType>(element) || compareType == ComparisonType::TOTALORDER)
    return {};
  bool isUnsigned = compareType == ComparisonType::UNSIGNED;
  return constFoldBinaryOp<IntegerAttr, APInt, void, IntegerAttr>(
      operands, resultType, [&](const APInt &a, const APInt &b) {
        return APInt(1, evaluateCompare(direction, a, b, isUnsigned));
      });
}

OpFoldResult ConvertOp::fold(FoldAdaptor adaptor) {
  if (getOperand().getType() == getType())
    return getOperand();
  ArrayRef<Attribute> operands = adaptor.getOperands();
  if (!areFoldableOperands(operands))
    return {};
  Type resultType = getType();
  Type from = getElementTypeOrSelf(getOperand().getType());
  Type to = getElementTypeOrSelf(resultType);
  auto succeed = [](auto value, bool &status) {
    status = true;
    return value;
  };
  if (auto toFloat = dyn_cast<FloatType>(to)) {
    const llvm::fltSemantics &semantics = toFloat.getFloatSemantics();
    if (isa<FloatType>(from))
      return constFoldCastOp<FloatAttr, FloatAttr, APFloat, APFloat, void>(
          operands, resultType, [&](const APFloat &value, bool &status) {
            return succeed(convertElement(value, semantics), status);
          });
    if (auto fromInt = dyn_cast<IntegerType>(from))
      return constFoldCastOp<IntegerAttr, FloatAttr, APInt, APFloat, void>(
          operands, resultType, [&](const APInt &value, bool &status) {
            return succeed(
                convertElement(value, fromInt.isUnsigned(), semantics), status);
          });
    return {};
  }
  auto toInt = dyn_cast<IntegerType>(to);
  if (!toInt)
    return {};
  unsigned width = toInt.getWidth();
  if (isa<FloatType>(from))
    return constFoldCastOp<FloatAttr, IntegerAttr, APFloat, APInt, void>(
        operands, resultType, [&](const APFloat &value, bool &status) {
          return succeed(convertElement(value, width, toInt.isUnsigned()),
                         status);
        });
  if (auto fromInt = dyn_cast<IntegerType>(from))
    return constFoldCastOp<IntegerAttr, IntegerAttr, APInt, APInt, void>(
        operands, resultType, [&](const APInt &value, bool &status) {
          return succeed(convertElement(value, fromInt.isUnsigned(), width),
                         status);
        });
  return {};
}

OpFoldResult SelectOp::fold(FoldAdaptor adaptor) {
  if (getOnTrue() == getOnFalse())
    return getOnTrue();
  auto pred = dyn_cast_or_null<DenseElementsAttr>(adaptor.getPred());
  if (!pred)
    return {};
  if (pred.isSplat())
    return pred.getSplatValue<bool>() ? getOnTrue() : getOnFalse();
  auto onTrue = dyn_cast_or_null<DenseElementsAttr>(adaptor.getOnTrue());
  auto onFalse = dyn_cast_or_null<DenseElementsAttr>(adaptor.getOnFalse());
  if (!onTrue || !onFalse || !areFoldableOperands({pred, onTrue, onFalse}))
    return {};
  SmallVector<Attribute> trueValues(onTrue.getValues<Attribute>());
  SmallVector<Attribute> falseValues(onFalse.getValues<Attribute>());
  SmallVector<Attribute> chosen;
  chosen.reserve(pred.getNumElements());
  for (auto [i, condition] : llvm::enumerate(pred.getValues<bool>()))
    chosen.push_back(condition ? trueValues[i] : falseValues[i]);
  return DenseElementsAttr::get(cast<ShapedType>(getType()), chosen);
}
