//===- ChloComplexOps.cpp - CHLO special functions of complex numbers -----===//
//
// The CHLO functions that JAX applies to complex numbers, from their real
// and imaginary parts, in f64 for complex<f32> (rounded once) and for
// complex<f64>.
//
// asin, acosh and asinh use the decomposition of Hull, Fairgrieve and
// Tang ("Implementing the complex arcsine and arccosine functions using
// exception handling", ACM TOMS 23(3), 1997), as upstream's
// chlo-legalize-to-stablehlo does: with R = |z + 1|, S = |z - 1| and
// A = (R + S) / 2 >= 1,
//   asin z = asin(x / A) + i sign(y) ln(A + sqrt(A² - 1)),
// where A - |x| and A - 1 are formed without cancellation, and |z| beyond
// 1e150 takes the asymptotic form (which also gives the infinities).
// atanh is Kahan's ½ log1p(4x / ((1 - x)² + y²)) + ½ i atan2(2y, (1 - x)(1 +
// x) - y²), and 1/z beyond |z| = 1e150; the others follow from the identities
// asinh z = -i asin(iz), atan z = -i atanh(iz), and the addition formulas of
// sinh, cosh and tan.
//
//===----------------------------------------------------------------------===//

#include "FloatBuilder.h"
#include "PopulatePatterns.h"

#include "mlir/Dialect/Complex/IR/Complex.h"
#include "yat/Dialect/StableHLO/IR/Chlo.h"
#include "llvm/ADT/TypeSwitch.h"

#define DEBUG_TYPE "convert-stablehlo-to-linalg"

using namespace mlir;
using namespace mlir::yat;
using namespace mlir::yat::stablehlo_lowering;

namespace {

/// A complex number as two f64 values.
struct Parts {
  Value re, im;
};

/// f64 arithmetic beyond FloatBuilder's.
struct ComplexMath : FloatBuilder {
  Value sqrt(Value x) const { return math::SqrtOp::create(b, loc, x); }
  Value neg(Value x) const { return arith::NegFOp::create(b, loc, x); }
  Value copySign(Value magnitude, Value sign) const {
    return math::CopySignOp::create(b, loc, magnitude, sign);
  }
  Value atan2(Value y, Value x) const {
    return math::Atan2Op::create(b, loc, y, x);
  }
  Value log1p(Value x) const { return math::Log1pOp::create(b, loc, x); }
  Value max(Value x, Value y) const {
    return arith::MaximumFOp::create(b, loc, x, y);
  }
  Value min(Value x, Value y) const {
    return arith::MinimumFOp::create(b, loc, x, y);
  }
  /// sqrt(x² + y²) for x, y >= 0 without overflow or underflow.
  Value hypot(Value x, Value y) const {
    Value big = max(x, y), small = min(x, y);
    Value ratio = div(small, big);
    Value scaled = mul(big, sqrt(add(c(1.0), mul(ratio, ratio))));
    // 0/0 and inf/inf: the hypotenuse is the larger side.
    Value degenerate = arith::OrIOp::create(
        b, loc, cmp(arith::CmpFPredicate::OEQ, big, c(0)), isInf(big));
    return select(degenerate, big, scaled);
  }
};

/// The parts of asin(|x| + i|y|), shared by asin, acosh and asinh: `sine` =
/// asin(|x| / A), `cosineSide` = sqrt(A² - x²) (so that acos(x / A), the
/// imaginary part of acosh, is atan2(cosineSide, x)), and
/// `log` = ln(A + sqrt(A² - 1)).
struct ArcParts {
  Value sine, cosineSide, log;
};

ArcParts emitArcParts(const ComplexMath &m, Value x, Value y) {
  Value ax = m.abs(x), ay = m.abs(y);
  Value one = m.c(1.0);
  Value r = m.hypot(m.add(ax, one), ay);
  Value s = m.hypot(m.abs(m.sub(ax, one)), ay);
  Value a = m.mul(m.c(0.5), m.add(r, s));
  // y² / (R + |x| + 1) = R - (|x| + 1), as y (y / ...) so as not to
  // overflow.
  Value rMinus = m.mul(ay, m.div(ay, m.add(r, m.add(ax, one))));
  Value xAtMostOne = m.cmp(arith::CmpFPredicate::OLE, ax, one);
  Value xBelowOne = m.cmp(arith::CmpFPredicate::OLT, ax, one);
  // S - (|x| - 1) and S - (1 - |x|), each on the side where it cancels.
  Value sPlusOneMinusX = m.add(s, m.sub(one, ax));
  Value sPlusXMinusOne = m.add(s, m.sub(ax, one));
  Value aMinusX = m.mul(
      m.c(0.5), m.add(rMinus, m.select(xAtMostOne, sPlusOneMinusX,
                                       m.mul(ay, m.div(ay, sPlusXMinusOne)))));
  Value aMinusOne = m.mul(
      m.c(0.5),
      m.add(rMinus, m.select(xBelowOne, m.mul(ay, m.div(ay, sPlusOneMinusX)),
                             sPlusXMinusOne)));
  Value cosineSide = m.mul(m.sqrt(aMinusX), m.sqrt(m.add(a, ax)));
  Value log = m.log1p(
      m.add(aMinusOne, m.mul(m.sqrt(aMinusOne), m.sqrt(m.add(a, one)))));

  // Far from the branch points A = |z| and A - |x| = |y| to working
  // precision: asin z = atan2(|x|, |y|) + i (ln |z| + ln 2).
  Value huge = m.cmp(arith::CmpFPredicate::OGT, m.max(ax, ay), m.c(1e150));
  Value farLog = m.add(m.log(m.hypot(ax, ay)), m.c(0.69314718055994530942));
  cosineSide = m.select(huge, ay, cosineSide);
  log = m.select(huge, farLog, log);
  return {m.atan2(ax, cosineSide), cosineSide, log};
}

Parts emitAsin(const ComplexMath &m, Parts z) {
  ArcParts arc = emitArcParts(m, z.re, z.im);
  return {m.copySign(arc.sine, z.re), m.copySign(arc.log, z.im)};
}

Parts emitAcosh(const ComplexMath &m, Parts z) {
  ArcParts arc = emitArcParts(m, z.re, z.im);
  return {arc.log, m.copySign(m.atan2(arc.cosineSide, z.re), z.im)};
}

/// asinh z = -i asin(iz).
Parts emitAsinh(const ComplexMath &m, Parts z) {
  Parts w = emitAsin(m, {m.neg(z.im), z.re});
  return {w.im, m.neg(w.re)};
}

Parts emitAtanh(const ComplexMath &m, Parts z) {
  Value one = m.c(1.0);
  Value oneMinusX = m.sub(one, z.re);
  Value ySquared = m.mul(z.im, z.im);
  Value denominator = m.add(m.mul(oneMinusX, oneMinusX), ySquared);
  Value re =
      m.mul(m.c(0.25), m.log1p(m.div(m.mul(m.c(4.0), z.re), denominator)));
  Value im = m.mul(
      m.c(0.5), m.atan2(m.mul(m.c(2.0), z.im),
                        m.sub(m.mul(oneMinusX, m.add(one, z.re)), ySquared)));
  // Beyond |z| = 1e150 the squares overflow: atanh z = 1/z + O(1/z³),
  // whose real part x/|z|² is formed as (x/|z|)/|z|.
  Value magnitude = m.hypot(m.abs(z.re), m.abs(z.im));
  Value huge = m.cmp(arith::CmpFPredicate::OGT, magnitude, m.c(1e150));
  Value farRe = m.div(m.div(z.re, magnitude), magnitude);
  Value farIm = m.copySign(m.c(1.57079632679489661923), z.im);
  return {m.select(huge, farRe, re), m.select(huge, farIm, im)};
}

/// atan z = -i atanh(iz).
Parts emitAtan(const ComplexMath &m, Parts z) {
  Parts w = emitAtanh(m, {m.neg(z.im), z.re});
  return {w.im, m.neg(w.re)};
}

/// sinh z = sinh x cos y + i cosh x sin y and cosh z = cosh x cos y +
/// i sinh x sin y.
template <bool isCosh> Parts emitSinhOrCosh(const ComplexMath &m, Parts z) {
  Value sinhX = math::SinhOp::create(m.b, m.loc, z.re);
  Value coshX = math::CoshOp::create(m.b, m.loc, z.re);
  return {m.mul(isCosh ? coshX : sinhX, math::CosOp::create(m.b, m.loc, z.im)),
          m.mul(isCosh ? sinhX : coshX, math::SinOp::create(m.b, m.loc, z.im))};
}

/// tan z = (t + i h) / (1 - i t h) with t = tan x and h = tanh y:
/// (t sech²y + i h (1 + t²)) / (1 + t² h²), which stays finite for any y.
Parts emitTan(const ComplexMath &m, Parts z) {
  Value one = m.c(1.0);
  Value t = math::TanOp::create(m.b, m.loc, z.re);
  Value h = math::TanhOp::create(m.b, m.loc, z.im);
  Value sech = m.div(one, math::CoshOp::create(m.b, m.loc, z.im));
  Value tSquared = m.mul(t, t);
  Value denominator = m.add(one, m.mul(tSquared, m.mul(h, h)));
  return {m.div(m.mul(t, m.mul(sech, sech)), denominator),
          m.div(m.mul(h, m.add(one, tSquared)), denominator)};
}

} // namespace

Value stablehlo_lowering::emitChloComplexOp(OpBuilder &b, Location loc,
                                            Operation *op, Value z) {
  using Formula = Parts (*)(const ComplexMath &, Parts);
  Formula formula =
      llvm::TypeSwitch<Operation *, Formula>(op)
          .Case([](chlo::AcoshOp) { return emitAcosh; })
          .Case([](chlo::AsinOp) { return emitAsin; })
          .Case([](chlo::AsinhOp) { return emitAsinh; })
          .Case([](chlo::AtanOp) { return emitAtan; })
          .Case([](chlo::AtanhOp) { return emitAtanh; })
          .Case([](chlo::CoshOp) { return emitSinhOrCosh<true>; })
          .Case([](chlo::SinhOp) { return emitSinhOrCosh<false>; })
          .Case([](chlo::TanOp) { return emitTan; })
          .Default([](Operation *) { return nullptr; });
  if (!formula)
    return {};
  auto type = cast<ComplexType>(z.getType());
  Type part = type.getElementType();
  ComplexMath m{{b, loc, b.getF64Type()}};
  auto widen = [&](Value value) -> Value {
    return part.isF64() ? value : arith::ExtFOp::create(b, loc, m.type, value);
  };
  auto narrow = [&](Value value) -> Value {
    return part.isF64() ? value : arith::TruncFOp::create(b, loc, part, value);
  };
  Parts w = formula(m, {widen(complex::ReOp::create(b, loc, z)),
                        widen(complex::ImOp::create(b, loc, z))});
  return complex::CreateOp::create(b, loc, type, narrow(w.re), narrow(w.im));
}
