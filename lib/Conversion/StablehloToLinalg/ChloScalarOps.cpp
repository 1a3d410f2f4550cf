//===- ChloScalarOps.cpp - scalar semantics of CHLO special functions -----===//
//
// The CHLO ops that JAX prints for its special functions, on scalars. Those
// with a `math` op of the same meaning become it (the CPU pipeline calls the
// C library for them); the others are computed here from published
// approximations, each cited where it is built. f16 and bf16 compute in f32
// (lgamma, digamma and bessel_i1e in f64, for every type) and round once.
//
//===----------------------------------------------------------------------===//

#include "FloatBuilder.h"
#include "PopulatePatterns.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "yat/Dialect/StableHLO/IR/Chlo.h"
#include "llvm/ADT/TypeSwitch.h"

#include <cmath>

#define DEBUG_TYPE "convert-stablehlo-to-linalg"

using namespace mlir;
using namespace mlir::yat;
using namespace mlir::yat::stablehlo_lowering;

namespace {

constexpr double kPi = 3.14159265358979323846;

/// |sin(pi x)| computed from the fraction of x, so that it stays exact near
/// the integers where lgamma and digamma have poles.
Value emitAbsSinPi(const FloatBuilder &f, Value x) {
  Value fraction = f.sub(x, f.floor(x));
  Value nearest = arith::MinimumFOp::create(f.b, f.loc, fraction,
                                            f.sub(f.c(1.0), fraction));
  return math::SinOp::create(f.b, f.loc, f.mul(f.c(kPi), nearest));
}

/// log|Γ(x)| for x >= 0.5 by the Lanczos approximation with g = 7 and nine
/// coefficients (Numerical Recipes, 3rd ed., section 6.1; Godfrey's
/// coefficients), accurate to about 1e-15 relative.
Value emitLanczosLgamma(const FloatBuilder &f, Value x) {
  static constexpr double kCoefficients[] = {
      0.99999999999980993,  676.5203681218851,     -1259.1392167224028,
      771.32342877765313,   -176.61502916214059,   12.507343278686905,
      -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7};
  constexpr double kG = 7.0;
  Value z = f.sub(x, f.c(1.0));
  Value sum = f.c(kCoefficients[0]);
  for (int i = 1; i < 9; ++i)
    sum = f.add(sum, f.div(f.c(kCoefficients[i]), f.add(z, f.c(i))));
  Value t = f.add(z, f.c(kG + 0.5));
  // 0.5 log(2 pi) + (z + 0.5) log(t) - t + log(sum)
  return f.add(f.sub(f.add(f.c(0.91893853320467274178),
                           f.mul(f.add(z, f.c(0.5)), f.log(t))),
                     t),
               f.log(sum));
}

Value emitLgamma(const FloatBuilder &f, Value x) {
  // Reflection for x < 0.5: log|Γ(x)| = log(pi / |sin(pi x)|) - log|Γ(1-x)|.
  Value reflect = f.cmp(arith::CmpFPredicate::OLT, x, f.c(0.5));
  Value argument = f.select(reflect, f.sub(f.c(1.0), x), x);
  Value lanczos = emitLanczosLgamma(f, argument);
  Value reflected =
      f.sub(f.sub(f.c(std::log(kPi)), f.log(emitAbsSinPi(f, x))), lanczos);
  Value result = f.select(reflect, reflected, lanczos);
  // ±inf gives +inf (the formula would subtract infinities).
  return f.select(f.isInf(x), f.c(std::numeric_limits<double>::infinity()),
                  result);
}

/// ψ(x): reflection below 0.5 (ψ(x) = ψ(1-x) - pi / tan(pi x)), the
/// recurrence ψ(x) = ψ(x+1) - 1/x up to x >= 6, then the asymptotic series
/// ln x - 1/(2x) - Σ B2k / (2k x^2k) (Abramowitz and Stegun 6.3.18).
/// Poles (0, -1, -2, ...) give NaN.
Value emitDigamma(const FloatBuilder &f, Value x) {
  Value reflect = f.cmp(arith::CmpFPredicate::OLT, x, f.c(0.5));
  Value y = f.select(reflect, f.sub(f.c(1.0), x), x);
  Value shift = f.c(0.0);
  for (int step = 0; step < 6; ++step) {
    Value small = f.cmp(arith::CmpFPredicate::OLT, y, f.c(6.0));
    shift = f.select(small, f.sub(shift, f.div(f.c(1.0), y)), shift);
    y = f.select(small, f.add(y, f.c(1.0)), y);
  }
  Value inverseSquare = f.div(f.c(1.0), f.mul(y, y));
  // B2/2, B4/4, ..., B14/14 from the highest power down.
  Value series =
      f.mul(inverseSquare,
            f.polynomial(inverseSquare, {1.0 / 12.0, -691.0 / 32760.0,
                                         1.0 / 132.0, -1.0 / 240.0, 1.0 / 252.0,
                                         -1.0 / 120.0, 1.0 / 12.0}));
  Value psi = f.add(shift, f.sub(f.sub(f.log(y), f.div(f.c(0.5), y)), series));
  // pi / tan(pi x), with tan(pi x) from the distance of x to the nearest
  // integer, so that pi * distance keeps its relative precision near the
  // poles.
  Value fraction = f.sub(x, f.floor(x));
  Value distance =
      f.select(f.cmp(arith::CmpFPredicate::OGT, fraction, f.c(0.5)),
               f.sub(fraction, f.c(1.0)), fraction);
  Value cotangent = f.div(
      f.c(kPi), math::TanOp::create(f.b, f.loc, f.mul(f.c(kPi), distance)));
  Value result = f.select(reflect, f.sub(psi, cotangent), psi);
  Value isPole = arith::AndIOp::create(
      f.b, f.loc, f.cmp(arith::CmpFPredicate::OLE, x, f.c(0.0)),
      f.cmp(arith::CmpFPredicate::OEQ, x, f.floor(x)));
  return f.select(isPole, f.c(std::nan("")), result);
}

/// erf⁻¹(x): Giles' single-precision approximation ("Approximating the
/// erfinv function", GPU Computing Gems, 2011), then, for f64, two Newton
/// steps, which double the correct digits each. The steps solve
/// erf(y) = |x| below 0.5 and erfc(y) = 1 - |x| above (1 - |x| is exact
/// there, and erf(y) - |x| would cancel the digits the step needs).
Value emitErfInv(const FloatBuilder &f, Value x) {
  Value w =
      f.sub(f.c(0.0), f.log(f.mul(f.sub(f.c(1.0), x), f.add(f.c(1.0), x))));
  Value central = f.polynomial(f.sub(w, f.c(2.5)),
                               {2.81022636e-08, 3.43273939e-07, -3.5233877e-06,
                                -4.39150654e-06, 0.00021858087, -0.00125372503,
                                -0.00417768164, 0.246640727, 1.50140941});
  Value tail = f.polynomial(
      f.sub(math::SqrtOp::create(f.b, f.loc, w), f.c(3.0)),
      {-0.000200214257, 0.000100950558, 0.00134934322, -0.00367342844,
       0.00573950773, -0.0076224613, 0.00943887047, 1.00167406, 2.83297682});
  Value y = f.mul(
      f.select(f.cmp(arith::CmpFPredicate::OLT, w, f.c(5.0)), central, tail),
      x);
  if (f.type.isF64()) {
    Value a = f.abs(x);
    Value nearOne = f.cmp(arith::CmpFPredicate::OGT, a, f.c(0.5));
    Value complement = f.sub(f.c(1.0), a);
    y = f.abs(y);
    for (int step = 0; step < 2; ++step) {
      // erf(y) - a, written as (1 - a) - erfc(y) near 1.
      Value viaErf = f.sub(math::ErfOp::create(f.b, f.loc, y), a);
      Value viaErfc = f.sub(complement, math::ErfcOp::create(f.b, f.loc, y));
      Value error = f.select(nearOne, viaErfc, viaErf);
      Value slope =
          f.mul(f.c(1.1283791670955126),
                math::ExpOp::create(f.b, f.loc, f.sub(f.c(0.0), f.mul(y, y))));
      y = f.sub(y, f.div(error, slope));
    }
    y = math::CopySignOp::create(f.b, f.loc, y, x);
  }
  // ±1 give ±inf; beyond them NaN.
  Value one = f.cmp(arith::CmpFPredicate::OEQ, f.abs(x), f.c(1.0));
  Value infinity = math::CopySignOp::create(
      f.b, f.loc, f.c(std::numeric_limits<double>::infinity()), x);
  Value outside = f.cmp(arith::CmpFPredicate::OGT, f.abs(x), f.c(1.0));
  return f.select(outside, f.c(std::nan("")), f.select(one, infinity, y));
}

/// The float after `x` towards `y`, on the bits: NaN if either is NaN, `y`
/// when they are equal, the smallest subnormal with y's sign after ±0, and
/// otherwise the bit pattern one step up or down in magnitude.
Value emitNextAfter(OpBuilder &b, Location loc, Value x, Value y) {
  FloatBuilder f{b, loc, x.getType()};
  unsigned width = x.getType().getIntOrFloatBitWidth();
  Type intType = b.getIntegerType(width);
  auto intConstant = [&](int64_t value) {
    return arith::ConstantOp::create(b, loc, IntegerAttr::get(intType, value));
  };
  Value bits = arith::BitcastOp::create(b, loc, intType, x);
  // Moving away from zero increases the magnitude bits.
  Value towardsLarger = f.cmp(arith::CmpFPredicate::OLT, x, y);
  Value positive = f.cmp(arith::CmpFPredicate::OGT, x, f.c(0.0));
  Value awayFromZero = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq,
                                             towardsLarger, positive);
  Value step = arith::SelectOp::create(b, loc, awayFromZero, intConstant(1),
                                       intConstant(-1));
  Value stepped = arith::BitcastOp::create(
      b, loc, x.getType(), arith::AddIOp::create(b, loc, bits, step));
  Value smallest =
      arith::BitcastOp::create(b, loc, x.getType(), intConstant(1));
  Value fromZero = math::CopySignOp::create(b, loc, smallest, y);
  Value isZero = f.cmp(arith::CmpFPredicate::OEQ, x, f.c(0.0));
  Value result = f.select(isZero, fromZero, stepped);
  result = f.select(f.cmp(arith::CmpFPredicate::OEQ, x, y), y, result);
  Value anyNan = f.cmp(arith::CmpFPredicate::UNO, x, y);
  return f.select(anyNan, f.c(std::nan("")), result);
}

/// e^-|x| I1(x), odd in x, computed in f64 (the series' coefficients
/// underflow f32): for |x| <= 30 the power series (x/2) Σ (x²/4)^k /
/// (k! (k+1)!) (Abramowitz and Stegun 9.6.10), whose terms are all positive,
/// to 60 terms, which leaves less than 1e-16 of the sum there; beyond, the
/// asymptotic expansion (A&S 9.7.1) e^-x I1(x) = (2 pi x)^-1/2 Σ (-1)^k
/// a_k / x^k, a_k = Π_{j<=k} (4 - (2j-1)²) / (k! 8^k), to 12 terms.
Value emitBesselI1e(OpBuilder &b, Location loc, Value input) {
  Type type = input.getType();
  FloatBuilder f{b, loc, b.getF64Type()};
  Value x = type.isF64() ? input : arith::ExtFOp::create(b, loc, f.type, input);
  Value ax = f.abs(x);

  constexpr int kSeriesTerms = 60;
  SmallVector<double> seriesCoefficients(kSeriesTerms);
  double factorials = 1.0; // k! (k+1)!
  for (int k = 0; k < kSeriesTerms; ++k) {
    if (k > 0)
      factorials *= double(k) * double(k + 1);
    seriesCoefficients[kSeriesTerms - 1 - k] = 1.0 / factorials;
  }
  Value q = f.mul(f.mul(ax, ax), f.c(0.25));
  Value series =
      f.mul(f.mul(f.mul(ax, f.c(0.5)), f.polynomial(q, seriesCoefficients)),
            math::ExpOp::create(b, loc, f.sub(f.c(0.0), ax)));

  constexpr int kAsymptoticTerms = 12;
  SmallVector<double> asymptoticCoefficients(kAsymptoticTerms);
  double term = 1.0;
  for (int k = 0; k < kAsymptoticTerms; ++k) {
    if (k > 0)
      term *= -(4.0 - double(2 * k - 1) * double(2 * k - 1)) / (8.0 * k);
    asymptoticCoefficients[kAsymptoticTerms - 1 - k] = term;
  }
  Value inverse = f.div(f.c(1.0), ax);
  Value asymptotic =
      f.div(f.polynomial(inverse, asymptoticCoefficients),
            math::SqrtOp::create(b, loc, f.mul(f.c(2.0 * kPi), ax)));

  Value magnitude = f.select(f.cmp(arith::CmpFPredicate::OLE, ax, f.c(30.0)),
                             series, asymptotic);
  Value result = math::CopySignOp::create(b, loc, magnitude, x);
  return type.isF64() ? result : arith::TruncFOp::create(b, loc, type, result);
}

/// cosh(x) = e^(x + log 1/2) + e^(-x + log 1/2), which does not overflow
/// where e^x does but cosh(x) does not. This is the formula XLA uses, and
/// the reference results of JAX's tests round as it does (libm's coshf
/// differs from them by up to 4 ulp).
Value emitCosh(const FloatBuilder &f, Value x) {
  Value logHalf = f.c(-0.69314718055994530942);
  Value up = math::ExpOp::create(f.b, f.loc, f.add(x, logHalf));
  Value down =
      math::ExpOp::create(f.b, f.loc, f.add(f.sub(f.c(0.0), x), logHalf));
  return f.add(up, down);
}

/// Runs `compute` in f32 when `value` is f16 or bf16 and rounds once.
Value computeWide(OpBuilder &b, Location loc, Value value,
                  function_ref<Value(const FloatBuilder &, Value)> compute) {
  Type type = value.getType();
  if (!type.isF16() && !type.isBF16())
    return compute(FloatBuilder{b, loc, type}, value);
  Value wide = arith::ExtFOp::create(b, loc, b.getF32Type(), value);
  Value result = compute(FloatBuilder{b, loc, b.getF32Type()}, wide);
  return arith::TruncFOp::create(b, loc, type, result);
}

/// Runs `compute` in f64 and rounds once: the Lanczos sum of lgamma and
/// digamma's reflection cancel digits that f32 does not have.
Value computeInF64(OpBuilder &b, Location loc, Value value,
                   function_ref<Value(const FloatBuilder &, Value)> compute) {
  Type type = value.getType();
  FloatBuilder f{b, loc, b.getF64Type()};
  if (type.isF64())
    return compute(f, value);
  Value wide = arith::ExtFOp::create(b, loc, f.type, value);
  return arith::TruncFOp::create(b, loc, type, compute(f, wide));
}

template <typename MathOp> Value emitMath(OpBuilder &b, Location loc, Value x) {
  return computeWide(b, loc, x, [&](const FloatBuilder &, Value wide) {
    return MathOp::create(b, loc, wide).getResult();
  });
}

} // namespace

template <typename... OpTys>
static bool isOneOf(Operation *op, OpTypeList<OpTys...>) {
  return isa<OpTys...>(op);
}

bool stablehlo_lowering::isChloScalarizable(Operation *op) {
  return isOneOf(op, ChloElementwiseOps{});
}

Value stablehlo_lowering::emitChloScalarOp(OpBuilder &b, Location loc,
                                           Operation *op, ValueRange args) {
  if (isa<ComplexType>(args[0].getType()))
    return emitChloComplexOp(b, loc, op, args[0]);
  return llvm::TypeSwitch<Operation *, Value>(op)
      .Case([&](chlo::AcoshOp) {
        return emitMath<math::AcoshOp>(b, loc, args[0]);
      })
      .Case(
          [&](chlo::AsinOp) { return emitMath<math::AsinOp>(b, loc, args[0]); })
      .Case([&](chlo::AsinhOp) {
        return emitMath<math::AsinhOp>(b, loc, args[0]);
      })
      .Case(
          [&](chlo::AtanOp) { return emitMath<math::AtanOp>(b, loc, args[0]); })
      .Case([&](chlo::AtanhOp) {
        return emitMath<math::AtanhOp>(b, loc, args[0]);
      })
      .Case(
          [&](chlo::CoshOp) { return computeWide(b, loc, args[0], emitCosh); })
      .Case([&](chlo::ErfOp) { return emitMath<math::ErfOp>(b, loc, args[0]); })
      .Case(
          [&](chlo::ErfcOp) { return emitMath<math::ErfcOp>(b, loc, args[0]); })
      .Case(
          [&](chlo::SinhOp) { return emitMath<math::SinhOp>(b, loc, args[0]); })
      .Case([&](chlo::TanOp) { return emitMath<math::TanOp>(b, loc, args[0]); })
      .Case([&](chlo::BesselI1eOp) { return emitBesselI1e(b, loc, args[0]); })
      .Case([&](chlo::LgammaOp) {
        return computeInF64(b, loc, args[0], emitLgamma);
      })
      .Case([&](chlo::DigammaOp) {
        return computeInF64(b, loc, args[0], emitDigamma);
      })
      .Case([&](chlo::ErfInvOp) {
        return computeWide(b, loc, args[0], emitErfInv);
      })
      .Case([&](chlo::NextAfterOp) {
        // On the operands' own bits: the step is one ulp of their type.
        return emitNextAfter(b, loc, args[0], args[1]);
      })
      .Default([](Operation *) { return Value(); });
}
