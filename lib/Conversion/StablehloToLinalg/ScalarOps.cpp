//===- ScalarOps.cpp - scalar semantics of elementwise stablehlo ops ------===//
//
// One function per op that says, on scalars, what StableHLO specifies: the
// elementwise patterns put it in a linalg.generic body and the reduce
// pattern uses it to translate reduction bodies.
//
//===----------------------------------------------------------------------===//

#include "PopulatePatterns.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Complex/IR/Complex.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/TypeUtilities.h"
#include "yat/Dialect/StableHLO/IR/Stablehlo.h"
#include "llvm/ADT/TypeSwitch.h"

#define DEBUG_TYPE "convert-stablehlo-to-linalg"

using namespace mlir;
using namespace mlir::yat;
using namespace mlir::yat::stablehlo_lowering;
namespace shlo = mlir::yat::stablehlo;

//===----------------------------------------------------------------------===//
// Constants and small helpers
//===----------------------------------------------------------------------===//

/// An integer constant of (the signless storage type of) `type`.
static Value intConstant(OpBuilder &b, Location loc, Type type,
                         const APInt &value) {
  return arith::ConstantOp::create(
      b, loc, IntegerAttr::get(getSignlessStorageType(type), value));
}

/// The integer `value` (sign-extended or truncated to the width of `type`).
static Value intConstant(OpBuilder &b, Location loc, Type type, int64_t value) {
  unsigned width = type.getIntOrFloatBitWidth();
  return intConstant(b, loc, type,
                     APInt(64, static_cast<uint64_t>(value), /*isSigned=*/true)
                         .sextOrTrunc(width));
}

static Value floatConstant(OpBuilder &b, Location loc, Type type,
                           double value) {
  return arith::ConstantOp::create(b, loc, b.getFloatAttr(type, value));
}

/// The complex number `re + i im` of type `type`.
static Value complexConstant(OpBuilder &b, Location loc, ComplexType type,
                             double re, double im) {
  Type part = type.getElementType();
  return complex::ConstantOp::create(
      b, loc, type,
      b.getArrayAttr({b.getFloatAttr(part, re), b.getFloatAttr(part, im)}));
}

Value stablehlo_lowering::emitZero(OpBuilder &b, Location loc, Type type) {
  if (isa<FloatType>(type))
    return floatConstant(b, loc, type, 0.0);
  if (auto complexType = dyn_cast<ComplexType>(type))
    return complexConstant(b, loc, complexType, 0.0, 0.0);
  return intConstant(b, loc, type, 0);
}

static bool isUnsignedInt(Type type) {
  return type.isInteger(1) || type.isUnsignedInteger();
}

/// Runs `compute` in f32 when `value` is f16 or bf16 (no native math on
/// CPUs, and one rounding at the end keeps the result within half an ulp of
/// the f32 result).
static Value computeInF32(OpBuilder &b, Location loc, Value value,
                          function_ref<Value(Value)> compute) {
  Type type = value.getType();
  if (!type.isF16() && !type.isBF16())
    return compute(value);
  Value wide = arith::ExtFOp::create(b, loc, b.getF32Type(), value);
  return arith::TruncFOp::create(b, loc, type, compute(wide));
}

//===----------------------------------------------------------------------===//
// Conversion
//===----------------------------------------------------------------------===//

/// Float to integer: truncate toward zero, saturate at the integer range,
/// NaN to 0 (XLA's rule; LLVM's fptosi is poison out of range).
static Value floatToInt(OpBuilder &b, Location loc, Value value, FloatType from,
                        IntegerType to, bool isUnsigned) {
  unsigned width = to.getWidth();
  Type storage = getSignlessStorageType(to);
  Value converted =
      isUnsigned ? Value(arith::FPToUIOp::create(b, loc, storage, value))
                 : Value(arith::FPToSIOp::create(b, loc, storage, value));
  APInt minInt =
      isUnsigned ? APInt::getMinValue(width) : APInt::getSignedMinValue(width);
  APInt maxInt =
      isUnsigned ? APInt::getMaxValue(width) : APInt::getSignedMaxValue(width);
  // 2^(width-1) (or 2^width) is exact in binary floating point unless it
  // overflows the format, in which case it rounds to +inf, which still
  // bounds every finite value correctly.
  APFloat upper(from.getFloatSemantics());
  APInt bound = isUnsigned ? APInt::getOneBitSet(width + 1, width)
                           : APInt::getOneBitSet(width, width - 1);
  upper.convertFromAPInt(bound, /*IsSigned=*/false,
                         APFloat::rmNearestTiesToEven);
  APFloat lower(from.getFloatSemantics());
  lower.convertFromAPInt(minInt, /*IsSigned=*/!isUnsigned,
                         APFloat::rmNearestTiesToEven);
  Value upperValue =
      arith::ConstantOp::create(b, loc, FloatAttr::get(from, upper));
  Value lowerValue =
      arith::ConstantOp::create(b, loc, FloatAttr::get(from, lower));
  Value tooLarge = arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OGE,
                                         value, upperValue);
  Value tooSmall = arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OLE,
                                         value, lowerValue);
  Value isNan =
      arith::CmpFOp::create(b, loc, arith::CmpFPredicate::UNO, value, value);
  Value result = arith::SelectOp::create(
      b, loc, tooLarge, intConstant(b, loc, to, maxInt), converted);
  result = arith::SelectOp::create(b, loc, tooSmall,
                                   intConstant(b, loc, to, minInt), result);
  return arith::SelectOp::create(b, loc, isNan, intConstant(b, loc, to, 0),
                                 result);
}

Value stablehlo_lowering::emitScalarConvert(OpBuilder &b, Location loc,
                                            Value value, Type from, Type to) {
  if (from == to)
    return value;
  // Complex to anything: its real part; anything to complex: a real part.
  if (auto fromComplex = dyn_cast<ComplexType>(from)) {
    Type part = fromComplex.getElementType();
    if (auto toComplex = dyn_cast<ComplexType>(to)) {
      Type toPart = toComplex.getElementType();
      Value re = emitScalarConvert(b, loc, complex::ReOp::create(b, loc, value),
                                   part, toPart);
      Value im = emitScalarConvert(b, loc, complex::ImOp::create(b, loc, value),
                                   part, toPart);
      return complex::CreateOp::create(b, loc, to, re, im);
    }
    return emitScalarConvert(b, loc, complex::ReOp::create(b, loc, value), part,
                             to);
  }
  if (auto toComplex = dyn_cast<ComplexType>(to)) {
    Type part = toComplex.getElementType();
    Value re = emitScalarConvert(b, loc, value, from, part);
    return complex::CreateOp::create(b, loc, to, re,
                                     floatConstant(b, loc, part, 0.0));
  }
  // `from` and `to` say what to compute; ops are built on storage types.
  Type storageTo = getSignlessStorageType(to);
  // Anything to bool: x != 0 (NaN != 0 holds).
  if (to.isInteger(1)) {
    if (auto fromFloat = dyn_cast<FloatType>(from))
      return arith::CmpFOp::create(b, loc, arith::CmpFPredicate::UNE, value,
                                   emitZero(b, loc, from));
    return arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ne, value,
                                 emitZero(b, loc, from));
  }
  auto fromInt = dyn_cast<IntegerType>(from);
  auto toInt = dyn_cast<IntegerType>(to);
  auto fromFloat = dyn_cast<FloatType>(from);
  auto toFloat = dyn_cast<FloatType>(to);
  if (fromInt && toInt) {
    if (fromInt.getWidth() == toInt.getWidth())
      return value;
    if (fromInt.getWidth() > toInt.getWidth())
      return arith::TruncIOp::create(b, loc, storageTo, value);
    if (isUnsignedInt(from))
      return arith::ExtUIOp::create(b, loc, storageTo, value);
    return arith::ExtSIOp::create(b, loc, storageTo, value);
  }
  if (fromInt && toFloat) {
    if (isUnsignedInt(from))
      return arith::UIToFPOp::create(b, loc, to, value);
    return arith::SIToFPOp::create(b, loc, to, value);
  }
  if (fromFloat && toInt)
    return floatToInt(b, loc, value, fromFloat, toInt, isUnsignedInt(to));
  if (fromFloat && toFloat) {
    unsigned fromWidth = fromFloat.getWidth(), toWidth = toFloat.getWidth();
    if (fromWidth == toWidth) {
      // f16 <-> bf16: through f32, which holds both exactly.
      Value wide = arith::ExtFOp::create(b, loc, b.getF32Type(), value);
      return arith::TruncFOp::create(b, loc, to, wide);
    }
    if (fromWidth < toWidth)
      return arith::ExtFOp::create(b, loc, to, value);
    return arith::TruncFOp::create(b, loc, to, value);
  }
  return nullptr;
}

//===----------------------------------------------------------------------===//
// Arithmetic with StableHLO's integer edge cases
//===----------------------------------------------------------------------===//

/// Signed or unsigned integer division and remainder without UB: x / 0 is
/// -1 (all bits set) and x % 0 is x; INT_MIN / -1 is INT_MIN and
/// INT_MIN % -1 is 0.
static Value emitIntDivRem(OpBuilder &b, Location loc, Value lhs, Value rhs,
                           bool isRemainder, bool isUnsigned) {
  Type type = lhs.getType();
  unsigned width = type.getIntOrFloatBitWidth();
  Value zero = intConstant(b, loc, type, 0);
  Value one = intConstant(b, loc, type, 1);
  Value isZero =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, rhs, zero);
  Value unsafe = isZero;
  if (!isUnsigned) {
    Value isMin = arith::CmpIOp::create(
        b, loc, arith::CmpIPredicate::eq, lhs,
        intConstant(b, loc, type, APInt::getSignedMinValue(width)));
    Value isMinusOne = arith::CmpIOp::create(
        b, loc, arith::CmpIPredicate::eq, rhs,
        intConstant(b, loc, type, APInt::getAllOnes(width)));
    Value overflow = arith::AndIOp::create(b, loc, isMin, isMinusOne);
    unsafe = arith::OrIOp::create(b, loc, isZero, overflow);
  }
  // With a divisor of 1 the overflow case already gives INT_MIN and 0.
  Value safeRhs = arith::SelectOp::create(b, loc, unsafe, one, rhs);
  Value result;
  if (isRemainder)
    result = isUnsigned ? Value(arith::RemUIOp::create(b, loc, lhs, safeRhs))
                        : Value(arith::RemSIOp::create(b, loc, lhs, safeRhs));
  else
    result = isUnsigned ? Value(arith::DivUIOp::create(b, loc, lhs, safeRhs))
                        : Value(arith::DivSIOp::create(b, loc, lhs, safeRhs));
  Value onZero =
      isRemainder ? lhs : intConstant(b, loc, type, APInt::getAllOnes(width));
  return arith::SelectOp::create(b, loc, isZero, onZero, result);
}

/// Integer power by squaring over every bit of the exponent (no branches).
/// Negative exponents give 1 for base 1, ±1 for base -1 and 0 otherwise.
static Value emitIntPow(OpBuilder &b, Location loc, Value base, Value exponent,
                        bool isUnsigned) {
  Type type = base.getType();
  unsigned width = type.getIntOrFloatBitWidth();
  Value one = intConstant(b, loc, type, 1);
  Value zero = intConstant(b, loc, type, 0);
  Value result = one;
  Value square = base;
  for (unsigned bit = 0; bit < width; ++bit) {
    Value mask = intConstant(b, loc, type, APInt::getOneBitSet(width, bit));
    Value bitSet = arith::CmpIOp::create(
        b, loc, arith::CmpIPredicate::ne,
        arith::AndIOp::create(b, loc, exponent, mask), zero);
    result = arith::SelectOp::create(
        b, loc, bitSet, arith::MulIOp::create(b, loc, result, square), result);
    square = arith::MulIOp::create(b, loc, square, square);
  }
  if (isUnsigned || width == 1)
    return result;
  Value negative =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, exponent, zero);
  Value minusOne = intConstant(b, loc, type, -1);
  Value baseIsOne =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, base, one);
  Value baseIsMinusOne =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, base, minusOne);
  Value odd =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ne,
                            arith::AndIOp::create(b, loc, exponent, one), zero);
  Value minusOnePower = arith::SelectOp::create(b, loc, odd, minusOne, one);
  Value negativeResult = arith::SelectOp::create(
      b, loc, baseIsOne, one,
      arith::SelectOp::create(b, loc, baseIsMinusOne, minusOnePower, zero));
  return arith::SelectOp::create(b, loc, negative, negativeResult, result);
}

/// expm1 without cancellation near 0 (Kahan): u = e^x; u == 1 ? x :
/// u - 1 == -1 ? -1 : (u - 1) * x / log(u).
static Value emitExpm1(OpBuilder &b, Location loc, Value x) {
  Type type = x.getType();
  Value one = floatConstant(b, loc, type, 1.0);
  Value u = math::ExpOp::create(b, loc, x);
  Value um1 = arith::SubFOp::create(b, loc, u, one);
  Value uIsOne =
      arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OEQ, u, one);
  Value um1IsMinusOne =
      arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OEQ, um1,
                            floatConstant(b, loc, type, -1.0));
  Value uIsInf = arith::CmpFOp::create(
      b, loc, arith::CmpFPredicate::OEQ, u,
      arith::ConstantOp::create(
          b, loc,
          FloatAttr::get(
              type,
              APFloat::getInf(cast<FloatType>(type).getFloatSemantics()))));
  Value scaled =
      arith::DivFOp::create(b, loc, arith::MulFOp::create(b, loc, um1, x),
                            math::LogOp::create(b, loc, u));
  Value result = arith::SelectOp::create(b, loc, um1IsMinusOne, um1, scaled);
  result = arith::SelectOp::create(b, loc, uIsInf, u, result);
  return arith::SelectOp::create(b, loc, uIsOne, x, result);
}

/// log1p without cancellation near 0 (Goldberg): u = 1 + x; u == 1 ? x :
/// log(u) * x / (u - 1).
static Value emitLog1p(OpBuilder &b, Location loc, Value x) {
  Type type = x.getType();
  Value one = floatConstant(b, loc, type, 1.0);
  Value u = arith::AddFOp::create(b, loc, one, x);
  Value uIsOne =
      arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OEQ, u, one);
  Value logU = math::LogOp::create(b, loc, u);
  Value scaled =
      arith::DivFOp::create(b, loc, arith::MulFOp::create(b, loc, logU, x),
                            arith::SubFOp::create(b, loc, u, one));
  // log(u) is ±inf or NaN when u is 0, inf or NaN: keep it as is.
  Value logFinite = arith::CmpFOp::create(
      b, loc, arith::CmpFPredicate::ONE, math::AbsFOp::create(b, loc, logU),
      arith::ConstantOp::create(
          b, loc,
          FloatAttr::get(
              type,
              APFloat::getInf(cast<FloatType>(type).getFloatSemantics()))));
  Value result = arith::SelectOp::create(b, loc, logFinite, scaled, logU);
  return arith::SelectOp::create(b, loc, uIsOne, x, result);
}

/// Maps floats to signed integers whose order is IEEE totalOrder:
/// negative values have their magnitude bits flipped.
static Value totalOrderKey(OpBuilder &b, Location loc, Value value) {
  auto floatType = cast<FloatType>(value.getType());
  unsigned width = floatType.getWidth();
  Type intType = b.getIntegerType(width);
  Value bits = arith::BitcastOp::create(b, loc, intType, value);
  Value zero = intConstant(b, loc, intType, 0);
  Value isNegative =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, bits, zero);
  Value flipped = arith::XOrIOp::create(
      b, loc, bits,
      intConstant(b, loc, intType, APInt::getSignedMaxValue(width)));
  return arith::SelectOp::create(b, loc, isNegative, flipped, bits);
}

static Value emitCompare(OpBuilder &b, Location loc, shlo::CompareOp op,
                         Value lhs, Value rhs) {
  using Dir = shlo::ComparisonDirection;
  Dir direction = op.getComparisonDirection();
  shlo::ComparisonType type = op.getEffectiveCompareType();
  if (type == shlo::ComparisonType::FLOAT) {
    // Ordered comparisons are false on NaN; NE is true on NaN.
    arith::CmpFPredicate predicate;
    switch (direction) {
    case Dir::EQ:
      predicate = arith::CmpFPredicate::OEQ;
      break;
    case Dir::NE:
      predicate = arith::CmpFPredicate::UNE;
      break;
    case Dir::GE:
      predicate = arith::CmpFPredicate::OGE;
      break;
    case Dir::GT:
      predicate = arith::CmpFPredicate::OGT;
      break;
    case Dir::LE:
      predicate = arith::CmpFPredicate::OLE;
      break;
    case Dir::LT:
      predicate = arith::CmpFPredicate::OLT;
      break;
    }
    return arith::CmpFOp::create(b, loc, predicate, lhs, rhs);
  }
  bool isUnsigned = type == shlo::ComparisonType::UNSIGNED;
  if (type == shlo::ComparisonType::TOTALORDER) {
    lhs = totalOrderKey(b, loc, lhs);
    rhs = totalOrderKey(b, loc, rhs);
    isUnsigned = false;
  }
  arith::CmpIPredicate predicate;
  switch (direction) {
  case Dir::EQ:
    predicate = arith::CmpIPredicate::eq;
    break;
  case Dir::NE:
    predicate = arith::CmpIPredicate::ne;
    break;
  case Dir::GE:
    predicate =
        isUnsigned ? arith::CmpIPredicate::uge : arith::CmpIPredicate::sge;
    break;
  case Dir::GT:
    predicate =
        isUnsigned ? arith::CmpIPredicate::ugt : arith::CmpIPredicate::sgt;
    break;
  case Dir::LE:
    predicate =
        isUnsigned ? arith::CmpIPredicate::ule : arith::CmpIPredicate::sle;
    break;
  case Dir::LT:
    predicate =
        isUnsigned ? arith::CmpIPredicate::ult : arith::CmpIPredicate::slt;
    break;
  }
  return arith::CmpIOp::create(b, loc, predicate, lhs, rhs);
}

static Value emitMax(OpBuilder &b, Location loc, Value lhs, Value rhs,
                     bool isUnsigned) {
  if (isa<FloatType>(lhs.getType()))
    return arith::MaximumFOp::create(b, loc, lhs, rhs);
  if (isUnsigned)
    return arith::MaxUIOp::create(b, loc, lhs, rhs);
  return arith::MaxSIOp::create(b, loc, lhs, rhs);
}

static Value emitMin(OpBuilder &b, Location loc, Value lhs, Value rhs,
                     bool isUnsigned) {
  if (isa<FloatType>(lhs.getType()))
    return arith::MinimumFOp::create(b, loc, lhs, rhs);
  if (isUnsigned)
    return arith::MinUIOp::create(b, loc, lhs, rhs);
  return arith::MinSIOp::create(b, loc, lhs, rhs);
}

/// sign: -1, 0 or 1; floats keep NaN and the sign of zero.
static Value emitSign(OpBuilder &b, Location loc, Value x, bool isUnsigned) {
  Type type = x.getType();
  if (isa<FloatType>(type)) {
    Value zero = emitZero(b, loc, type);
    Value positive =
        arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OGT, x, zero);
    Value negative =
        arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OLT, x, zero);
    Value result = arith::SelectOp::create(
        b, loc, negative, floatConstant(b, loc, type, -1.0), x);
    return arith::SelectOp::create(b, loc, positive,
                                   floatConstant(b, loc, type, 1.0), result);
  }
  Value zero = intConstant(b, loc, type, 0);
  Value nonZero =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ne, x, zero);
  if (isUnsigned)
    return arith::ExtUIOp::create(b, loc, type, nonZero).getResult();
  Value negative =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, x, zero);
  Value magnitude = arith::ExtUIOp::create(b, loc, type, nonZero);
  return arith::SelectOp::create(b, loc, negative,
                                 intConstant(b, loc, type, -1), magnitude);
}

/// Shifts `lhs` by `rhs` bits (read as unsigned) as StableHLO specifies:
/// an amount of the bit width or more gives 0, or all sign bits for an
/// arithmetic right shift (LLVM's shifts are poison there).
template <typename ShiftOp>
static Value emitShift(OpBuilder &b, Location loc, Value lhs, Value rhs) {
  Type type = lhs.getType();
  unsigned width = type.getIntOrFloatBitWidth();
  Value widthValue = intConstant(b, loc, type, width);
  Value inRange =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ult, rhs, widthValue);
  if constexpr (std::is_same_v<ShiftOp, arith::ShRSIOp>) {
    Value amount = arith::SelectOp::create(
        b, loc, inRange, rhs, intConstant(b, loc, type, width - 1));
    return arith::ShRSIOp::create(b, loc, lhs, amount);
  }
  Value shifted = ShiftOp::create(b, loc, lhs, rhs);
  return arith::SelectOp::create(b, loc, inRange, shifted,
                                 intConstant(b, loc, type, 0));
}

/// Rounds float `x` to the format with `exponentBits` and `mantissaBits`
/// and back, on its bits: the mantissa to nearest even (a carry moves into
/// the exponent, up to infinity), then exponents above the format's range
/// to infinity and those of its subnormals to zero, keeping the sign. NaN
/// stays as it is.
static Value emitReducePrecision(OpBuilder &b, Location loc, Value x,
                                 int64_t exponentBits, int64_t mantissaBits) {
  auto floatType = cast<FloatType>(x.getType());
  unsigned width = floatType.getWidth();
  int64_t sourceMantissa = floatType.getFPMantissaWidth() - 1;
  int64_t sourceExponent = width - 1 - sourceMantissa;
  Type intType = b.getIntegerType(width);
  auto constant = [&](const APInt &value) {
    return intConstant(b, loc, intType, value);
  };
  Value bits = arith::BitcastOp::create(b, loc, intType, x);
  if (mantissaBits < sourceMantissa) {
    unsigned dropped = sourceMantissa - mantissaBits;
    Value lastKept = arith::AndIOp::create(
        b, loc,
        arith::ShRUIOp::create(b, loc, bits, constant(APInt(width, dropped))),
        constant(APInt(width, 1)));
    // Half of the dropped range minus one, plus one more when the last kept
    // bit is odd: ties round to even.
    Value bias = arith::AddIOp::create(
        b, loc, constant(APInt::getLowBitsSet(width, dropped - 1)), lastKept);
    Value rounded = arith::AddIOp::create(b, loc, bits, bias);
    bits = arith::AndIOp::create(
        b, loc, rounded,
        constant(APInt::getHighBitsSet(width, width - dropped)));
  }
  if (exponentBits < sourceExponent) {
    int64_t sourceBias = (int64_t(1) << (sourceExponent - 1)) - 1;
    int64_t targetBias = (int64_t(1) << (exponentBits - 1)) - 1;
    APInt exponentMask = APInt::getBitsSet(width, sourceMantissa, width - 1);
    Value exponent =
        arith::AndIOp::create(b, loc, bits, constant(exponentMask));
    Value overflows = arith::CmpIOp::create(
        b, loc, arith::CmpIPredicate::ugt, exponent,
        constant(APInt(width, sourceBias + targetBias) << sourceMantissa));
    Value underflows = arith::CmpIOp::create(
        b, loc, arith::CmpIPredicate::ule, exponent,
        constant(APInt(width, sourceBias - targetBias) << sourceMantissa));
    Value sign = arith::AndIOp::create(b, loc, bits,
                                       constant(APInt::getSignMask(width)));
    Value infinity = arith::OrIOp::create(b, loc, sign, constant(exponentMask));
    bits = arith::SelectOp::create(b, loc, overflows, infinity, bits);
    bits = arith::SelectOp::create(b, loc, underflows, sign, bits);
  }
  Value result = arith::BitcastOp::create(b, loc, floatType, bits);
  Value isNan = arith::CmpFOp::create(b, loc, arith::CmpFPredicate::UNO, x, x);
  return arith::SelectOp::create(b, loc, isNan, x, result);
}

//===----------------------------------------------------------------------===//
// Dispatch
//===----------------------------------------------------------------------===//

template <typename... OpTys>
static bool isOneOf(Operation *op, OpTypeList<OpTys...>) {
  return isa<OpTys...>(op);
}

bool stablehlo_lowering::isScalarizable(Operation *op) {
  return isOneOf(op, ElementwiseOps{}) || isChloScalarizable(op);
}

/// The elementwise ops on complex numbers: the complex dialect's ops, which
/// the CPU pipeline expands into float arithmetic on the parts. Null for
/// ops without a complex meaning.
static Value emitComplexScalarOp(OpBuilder &b, Location loc, Operation *op,
                                 ValueRange args) {
  return llvm::TypeSwitch<Operation *, Value>(op)
      .Case([&](shlo::AddOp) {
        return complex::AddOp::create(b, loc, args[0], args[1]);
      })
      .Case([&](shlo::SubtractOp) {
        return complex::SubOp::create(b, loc, args[0], args[1]);
      })
      .Case([&](shlo::MulOp) {
        return complex::MulOp::create(b, loc, args[0], args[1]);
      })
      .Case([&](shlo::DivOp) {
        return complex::DivOp::create(b, loc, args[0], args[1]);
      })
      .Case([&](shlo::PowOp) {
        return complex::PowOp::create(b, loc, args[0], args[1]);
      })
      .Case(
          [&](shlo::NegOp) { return complex::NegOp::create(b, loc, args[0]); })
      .Case([&](shlo::SignOp) {
        return complex::SignOp::create(b, loc, args[0]);
      })
      .Case(
          [&](shlo::ExpOp) { return complex::ExpOp::create(b, loc, args[0]); })
      .Case([&](shlo::Expm1Op) {
        return complex::Expm1Op::create(b, loc, args[0]);
      })
      .Case(
          [&](shlo::LogOp) { return complex::LogOp::create(b, loc, args[0]); })
      .Case([&](shlo::Log1pOp) {
        return complex::Log1pOp::create(b, loc, args[0]);
      })
      .Case([&](shlo::SqrtOp) {
        return complex::SqrtOp::create(b, loc, args[0]);
      })
      .Case([&](shlo::RsqrtOp) {
        return complex::RsqrtOp::create(b, loc, args[0]);
      })
      .Case([&](shlo::TanhOp) {
        return complex::TanhOp::create(b, loc, args[0]);
      })
      .Case(
          [&](shlo::SineOp) { return complex::SinOp::create(b, loc, args[0]); })
      .Case([&](shlo::CosineOp) {
        return complex::CosOp::create(b, loc, args[0]);
      })
      .Case([&](shlo::LogisticOp) -> Value {
        auto type = cast<ComplexType>(args[0].getType());
        Value one = complexConstant(b, loc, type, 1.0, 0.0);
        Value expNeg = complex::ExpOp::create(
            b, loc, complex::NegOp::create(b, loc, args[0]));
        return complex::DivOp::create(
            b, loc, one, complex::AddOp::create(b, loc, one, expNeg));
      })
      .Case([&](shlo::CompareOp compare) -> Value {
        switch (compare.getComparisonDirection()) {
        case shlo::ComparisonDirection::EQ:
          return complex::EqualOp::create(b, loc, args[0], args[1]);
        case shlo::ComparisonDirection::NE:
          return complex::NotEqualOp::create(b, loc, args[0], args[1]);
        default:
          return Value();
        }
      })
      .Case(
          [&](shlo::RealOp) { return complex::ReOp::create(b, loc, args[0]); })
      .Case(
          [&](shlo::ImagOp) { return complex::ImOp::create(b, loc, args[0]); })
      .Default([](Operation *) { return Value(); });
}

Value stablehlo_lowering::emitScalarOp(OpBuilder &b, Location loc,
                                       Operation *op, ValueRange args) {
  if (!isScalarizable(op) || args.size() != op->getNumOperands())
    return nullptr;
  if (isChloScalarizable(op))
    return emitChloScalarOp(b, loc, op, args);
  // Ops whose operands may be complex, or make complex numbers.
  if (auto complexOp = dyn_cast<shlo::ComplexOp>(op))
    return complex::CreateOp::create(
        b, loc, getElementTypeOrSelf(complexOp.getType()), args[0], args[1]);
  if (isa<shlo::RealOp>(op) && isa<FloatType>(args[0].getType()))
    return args[0];
  if (isa<shlo::ImagOp>(op) && isa<FloatType>(args[0].getType()))
    return emitZero(b, loc, args[0].getType());
  if (!isa<shlo::ConvertOp, shlo::SelectOp>(op) &&
      isa<ComplexType>(getElementTypeOrSelf(op->getOperand(0).getType())))
    return emitComplexScalarOp(b, loc, op, args);
  Type operandElement = getElementTypeOrSelf(op->getOperand(0).getType());
  // For select the interesting element type is the branches'.
  if (isa<shlo::SelectOp>(op))
    operandElement = getElementTypeOrSelf(op->getOperand(1).getType());
  bool isFloat = isa<FloatType>(operandElement);
  bool isBool = operandElement.isInteger(1);
  bool isUnsigned = isUnsignedInt(operandElement);
  auto floatMath = [&](function_ref<Value(Value)> compute) {
    return computeInF32(b, loc, args[0], compute);
  };
  // A binary float op on (args[0], args[1]), both widened when args[0] is.
  auto binaryFloatMath = [&](function_ref<Value(Value, Value)> compute) {
    return computeInF32(b, loc, args[0], [&](Value x) -> Value {
      Value y = args[1];
      if (y.getType() != x.getType())
        y = arith::ExtFOp::create(b, loc, x.getType(), y);
      return compute(x, y);
    });
  };

  return llvm::TypeSwitch<Operation *, Value>(op)
      // Unary.
      .Case([&](shlo::AbsOp) -> Value {
        if (isFloat)
          return math::AbsFOp::create(b, loc, args[0]);
        if (isUnsigned)
          return args[0];
        return math::AbsIOp::create(b, loc, args[0]);
      })
      .Case([&](shlo::NegOp) -> Value {
        if (isFloat)
          return arith::NegFOp::create(b, loc, args[0]);
        return arith::SubIOp::create(b, loc, emitZero(b, loc, operandElement),
                                     args[0]);
      })
      .Case([&](shlo::NotOp) -> Value {
        return arith::XOrIOp::create(
            b, loc, args[0],
            intConstant(
                b, loc, operandElement,
                APInt::getAllOnes(operandElement.getIntOrFloatBitWidth())));
      })
      .Case([&](shlo::SignOp) { return emitSign(b, loc, args[0], isUnsigned); })
      .Case([&](shlo::PopcntOp) {
        return math::CtPopOp::create(b, loc, args[0]);
      })
      .Case([&](shlo::CbrtOp) {
        return floatMath(
            [&](Value x) { return math::CbrtOp::create(b, loc, x); });
      })
      .Case([&](shlo::IsFiniteOp) -> Value {
        Type type = args[0].getType();
        Value infinity = arith::ConstantOp::create(
            b, loc,
            FloatAttr::get(
                type,
                APFloat::getInf(cast<FloatType>(type).getFloatSemantics())));
        // Ordered "not equal": false for NaN as well as for ±inf.
        return arith::CmpFOp::create(b, loc, arith::CmpFPredicate::ONE,
                                     math::AbsFOp::create(b, loc, args[0]),
                                     infinity);
      })
      .Case([&](shlo::ReducePrecisionOp reduce) {
        return emitReducePrecision(b, loc, args[0], reduce.getExponentBits(),
                                   reduce.getMantissaBits());
      })
      .Case([&](shlo::CeilOp) {
        return floatMath(
            [&](Value x) { return math::CeilOp::create(b, loc, x); });
      })
      .Case([&](shlo::FloorOp) {
        return floatMath(
            [&](Value x) { return math::FloorOp::create(b, loc, x); });
      })
      .Case([&](shlo::RoundOp) {
        return floatMath(
            [&](Value x) { return math::RoundOp::create(b, loc, x); });
      })
      .Case([&](shlo::RoundNearestEvenOp) {
        return floatMath(
            [&](Value x) { return math::RoundEvenOp::create(b, loc, x); });
      })
      .Case([&](shlo::CosineOp) {
        return floatMath(
            [&](Value x) { return math::CosOp::create(b, loc, x); });
      })
      .Case([&](shlo::SineOp) {
        return floatMath(
            [&](Value x) { return math::SinOp::create(b, loc, x); });
      })
      .Case([&](shlo::ExpOp) {
        return floatMath(
            [&](Value x) { return math::ExpOp::create(b, loc, x); });
      })
      .Case([&](shlo::Expm1Op) {
        return floatMath([&](Value x) { return emitExpm1(b, loc, x); });
      })
      .Case([&](shlo::LogOp) {
        return floatMath(
            [&](Value x) { return math::LogOp::create(b, loc, x); });
      })
      .Case([&](shlo::Log1pOp) {
        return floatMath([&](Value x) { return emitLog1p(b, loc, x); });
      })
      .Case([&](shlo::LogisticOp) {
        return floatMath([&](Value x) -> Value {
          Type type = x.getType();
          Value one = floatConstant(b, loc, type, 1.0);
          Value expNeg =
              math::ExpOp::create(b, loc, arith::NegFOp::create(b, loc, x));
          return arith::DivFOp::create(
              b, loc, one, arith::AddFOp::create(b, loc, one, expNeg));
        });
      })
      .Case([&](shlo::TanhOp) {
        return floatMath(
            [&](Value x) { return math::TanhOp::create(b, loc, x); });
      })
      .Case([&](shlo::SqrtOp) {
        return floatMath(
            [&](Value x) { return math::SqrtOp::create(b, loc, x); });
      })
      .Case([&](shlo::RsqrtOp) {
        return floatMath([&](Value x) -> Value {
          return arith::DivFOp::create(b, loc,
                                       floatConstant(b, loc, x.getType(), 1.0),
                                       math::SqrtOp::create(b, loc, x));
        });
      })
      // Binary.
      .Case([&](shlo::AddOp) -> Value {
        if (isFloat)
          return arith::AddFOp::create(b, loc, args[0], args[1]);
        if (isBool)
          return arith::OrIOp::create(b, loc, args[0], args[1]);
        return arith::AddIOp::create(b, loc, args[0], args[1]);
      })
      .Case([&](shlo::SubtractOp) -> Value {
        if (isFloat)
          return arith::SubFOp::create(b, loc, args[0], args[1]);
        return arith::SubIOp::create(b, loc, args[0], args[1]);
      })
      .Case([&](shlo::MulOp) -> Value {
        if (isFloat)
          return arith::MulFOp::create(b, loc, args[0], args[1]);
        if (isBool)
          return arith::AndIOp::create(b, loc, args[0], args[1]);
        return arith::MulIOp::create(b, loc, args[0], args[1]);
      })
      .Case([&](shlo::DivOp) -> Value {
        if (isFloat)
          return arith::DivFOp::create(b, loc, args[0], args[1]);
        return emitIntDivRem(b, loc, args[0], args[1], /*isRemainder=*/false,
                             isUnsigned);
      })
      .Case([&](shlo::RemOp) -> Value {
        if (isFloat)
          return binaryFloatMath([&](Value x, Value y) {
            return arith::RemFOp::create(b, loc, x, y);
          });
        return emitIntDivRem(b, loc, args[0], args[1], /*isRemainder=*/true,
                             isUnsigned);
      })
      .Case([&](shlo::MaxOp) {
        return emitMax(b, loc, args[0], args[1], isUnsigned);
      })
      .Case([&](shlo::MinOp) {
        return emitMin(b, loc, args[0], args[1], isUnsigned);
      })
      .Case([&](shlo::PowOp) -> Value {
        if (isFloat)
          return binaryFloatMath([&](Value x, Value y) {
            return math::PowFOp::create(b, loc, x, y);
          });
        return emitIntPow(b, loc, args[0], args[1], isUnsigned);
      })
      .Case([&](shlo::AndOp) {
        return arith::AndIOp::create(b, loc, args[0], args[1]);
      })
      .Case([&](shlo::OrOp) {
        return arith::OrIOp::create(b, loc, args[0], args[1]);
      })
      .Case([&](shlo::XorOp) {
        return arith::XOrIOp::create(b, loc, args[0], args[1]);
      })
      .Case([&](shlo::Atan2Op) {
        return binaryFloatMath([&](Value y, Value x) {
          return math::Atan2Op::create(b, loc, y, x);
        });
      })
      .Case([&](shlo::ShiftLeftOp) {
        return emitShift<arith::ShLIOp>(b, loc, args[0], args[1]);
      })
      .Case([&](shlo::ShiftRightLogicalOp) {
        return emitShift<arith::ShRUIOp>(b, loc, args[0], args[1]);
      })
      .Case([&](shlo::ShiftRightArithmeticOp) {
        return emitShift<arith::ShRSIOp>(b, loc, args[0], args[1]);
      })
      // Others.
      .Case([&](shlo::ConvertOp convert) {
        return emitScalarConvert(b, loc, args[0], operandElement,
                                 getElementTypeOrSelf(convert.getType()));
      })
      .Case([&](shlo::CompareOp compare) {
        return emitCompare(b, loc, compare, args[0], args[1]);
      })
      .Case([&](shlo::SelectOp) {
        return arith::SelectOp::create(b, loc, args[0], args[1], args[2]);
      })
      .Case([&](shlo::ClampOp) {
        // min(max(operand, min), max) with the ops' own NaN rules.
        Value lowered = emitMax(b, loc, args[1], args[0], isUnsigned);
        return emitMin(b, loc, lowered, args[2], isUnsigned);
      })
      .Default([](Operation *) { return Value(); });
}

//===----------------------------------------------------------------------===//
// Tensor helpers
//===----------------------------------------------------------------------===//

LogicalResult stablehlo_lowering::requireStaticShapes(RewriterBase &rewriter,
                                                      Operation *op,
                                                      TypeRange types) {
  for (Type type : types) {
    auto ranked = dyn_cast<RankedTensorType>(type);
    if (!ranked || !ranked.hasStaticShape())
      return rewriter.notifyMatchFailure(op, "expected static shapes");
  }
  return success();
}

Value stablehlo_lowering::emitEmptyTensor(OpBuilder &b, Location loc,
                                          RankedTensorType type) {
  return tensor::EmptyOp::create(b, loc, type.getShape(),
                                 getStorageType(type).getElementType());
}

Value stablehlo_lowering::emitFilledTensor(OpBuilder &b, Location loc,
                                           RankedTensorType type, Value value) {
  Value empty = emitEmptyTensor(b, loc, type);
  return linalg::FillOp::create(b, loc, value, empty).getResult(0);
}

linalg::GenericOp stablehlo_lowering::emitParallelGeneric(
    OpBuilder &b, Location loc, RankedTensorType resultType, ValueRange inputs,
    ArrayRef<AffineMap> inputMaps,
    function_ref<Value(OpBuilder &, Location, ValueRange)> computeElement) {
  int64_t rank = resultType.getRank();
  SmallVector<AffineMap> maps(inputMaps);
  maps.push_back(b.getMultiDimIdentityMap(rank));
  return linalg::GenericOp::create(
      b, loc, getStorageType(resultType), inputs,
      ValueRange{emitEmptyTensor(b, loc, resultType)}, maps,
      SmallVector<utils::IteratorType>(rank, utils::IteratorType::parallel),
      [&](OpBuilder &nested, Location bodyLoc, ValueRange args) {
        linalg::YieldOp::create(nested, bodyLoc,
                                computeElement(nested, bodyLoc, args));
      });
}

Value stablehlo_lowering::emitConvertedTensor(OpBuilder &b, Location loc,
                                              Value value, Type from,
                                              RankedTensorType resultType) {
  Type to = resultType.getElementType();
  if (from == to)
    return value;
  auto generic = emitParallelGeneric(
      b, loc, resultType, value, b.getMultiDimIdentityMap(resultType.getRank()),
      [&](OpBuilder &nested, Location bodyLoc, ValueRange args) {
        return emitScalarConvert(nested, bodyLoc, args[0], from, to);
      });
  return generic.getResult(0);
}

Value stablehlo_lowering::emitExtractScalar(OpBuilder &b, Location loc,
                                            Value tensor) {
  return tensor::ExtractOp::create(b, loc, tensor, ValueRange{});
}

/// `acc + lhs * rhs` in the type of `acc` (or, and for i1).
static Value emitMultiplyAccumulate(OpBuilder &b, Location loc, Value lhs,
                                    Value rhs, Value acc) {
  Type type = acc.getType();
  if (isa<ComplexType>(type))
    return complex::AddOp::create(b, loc, acc,
                                  complex::MulOp::create(b, loc, lhs, rhs));
  if (isa<FloatType>(type))
    return arith::AddFOp::create(b, loc, acc,
                                 arith::MulFOp::create(b, loc, lhs, rhs));
  if (type.isInteger(1))
    return arith::OrIOp::create(b, loc, acc,
                                arith::AndIOp::create(b, loc, lhs, rhs));
  return arith::AddIOp::create(b, loc, acc,
                               arith::MulIOp::create(b, loc, lhs, rhs));
}

Type stablehlo_lowering::getAccumulatorType(Type input, Type result) {
  auto inputFloat = dyn_cast<FloatType>(input);
  auto resultFloat = dyn_cast<FloatType>(result);
  if (!resultFloat)
    return result;
  MLIRContext *ctx = result.getContext();
  unsigned width = std::max(
      {32u, resultFloat.getWidth(), inputFloat ? inputFloat.getWidth() : 0u});
  if (width > 32)
    return Float64Type::get(ctx);
  return Float32Type::get(ctx);
}

Value stablehlo_lowering::emitContraction(
    OpBuilder &b, Location loc, Value lhs, Value rhs, Type inputElement,
    ArrayRef<AffineMap> maps, ArrayRef<utils::IteratorType> iterators,
    RankedTensorType resultType) {
  Type accElement =
      getAccumulatorType(inputElement, resultType.getElementType());
  auto accType = RankedTensorType::get(resultType.getShape(), accElement);
  Value init = emitFilledTensor(b, loc, accType, emitZero(b, loc, accElement));
  auto contraction = linalg::GenericOp::create(
      b, loc, getStorageType(accType), ValueRange{lhs, rhs}, ValueRange{init},
      maps, iterators,
      [&](OpBuilder &nested, Location bodyLoc, ValueRange args) {
        Value lhsElement = emitScalarConvert(nested, bodyLoc, args[0],
                                             inputElement, accElement);
        Value rhsElement = emitScalarConvert(nested, bodyLoc, args[1],
                                             inputElement, accElement);
        linalg::YieldOp::create(nested, bodyLoc,
                                emitMultiplyAccumulate(nested, bodyLoc,
                                                       lhsElement, rhsElement,
                                                       args[2]));
      });
  return emitConvertedTensor(b, loc, contraction.getResult(0), accElement,
                             resultType);
}
