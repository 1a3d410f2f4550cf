//===- FloatBuilder.h - scalar float arithmetic with short names -*- C++
//-*-===//
//
// Private to convert-stablehlo-to-linalg: the special-function lowerings
// read as formulas with it.
//
//===----------------------------------------------------------------------===//

#ifndef YAT_LIB_CONVERSION_STABLEHLOTOLINALG_FLOATBUILDER_H
#define YAT_LIB_CONVERSION_STABLEHLOTOLINALG_FLOATBUILDER_H

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/IR/Builders.h"

#include <limits>

namespace mlir::yat::stablehlo_lowering {

/// Builds scalar float arithmetic in one type with short names.
struct FloatBuilder {
  OpBuilder &b;
  Location loc;
  Type type;

  Value c(double value) const {
    return arith::ConstantOp::create(b, loc, b.getFloatAttr(type, value));
  }
  Value add(Value x, Value y) const {
    return arith::AddFOp::create(b, loc, x, y);
  }
  Value sub(Value x, Value y) const {
    return arith::SubFOp::create(b, loc, x, y);
  }
  Value mul(Value x, Value y) const {
    return arith::MulFOp::create(b, loc, x, y);
  }
  Value div(Value x, Value y) const {
    return arith::DivFOp::create(b, loc, x, y);
  }
  Value cmp(arith::CmpFPredicate predicate, Value x, Value y) const {
    return arith::CmpFOp::create(b, loc, predicate, x, y);
  }
  Value select(Value condition, Value x, Value y) const {
    return arith::SelectOp::create(b, loc, condition, x, y);
  }
  Value log(Value x) const { return math::LogOp::create(b, loc, x); }
  Value abs(Value x) const { return math::AbsFOp::create(b, loc, x); }
  Value floor(Value x) const { return math::FloorOp::create(b, loc, x); }
  Value isInf(Value x) const {
    return cmp(arith::CmpFPredicate::OEQ, abs(x),
               c(std::numeric_limits<double>::infinity()));
  }
  /// Horner's rule: coefficients from the highest power down.
  Value polynomial(Value x, ArrayRef<double> coefficients) const {
    Value result = c(coefficients.front());
    for (double coefficient : coefficients.drop_front())
      result = add(mul(result, x), c(coefficient));
    return result;
  }
};

} // namespace mlir::yat::stablehlo_lowering

#endif // YAT_LIB_CONVERSION_STABLEHLOTOLINALG_FLOATBUILDER_H
