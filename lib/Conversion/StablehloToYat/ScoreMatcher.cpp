//===- ScoreMatcher.cpp - the ⵟ score as one algebraic form ---------------===//

#include "MatchUtils.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/OperationSupport.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "yat/Dialect/StableHLO/IR/Stablehlo.h"
#include "llvm/ADT/APFloat.h"
#include "llvm/ADT/STLExtras.h"

#include <cmath>
#include <numeric>
#include <string>

#define DEBUG_TYPE "yat-raise-stablehlo"

using namespace mlir;
using namespace mlir::yat;
using namespace mlir::yat::raising;
namespace shlo = mlir::yat::stablehlo;

//===----------------------------------------------------------------------===//
// The ⵟ score
//===----------------------------------------------------------------------===//

bool mlir::yat::raising::isApproximately(double a, double b, double tolerance) {
  return std::fabs(a - b) <= tolerance * std::max(std::fabs(a), std::fabs(b));
}

/// Reads `value` as `dot + bias` (bias optional, maybe constant).
static bool matchNumerator(Value value, function_ref<bool(Value)> isDot,
                           YatScore &score) {
  LinearCombination sum = flattenSum(value);
  Value dot, bias;
  for (const LinearTerm &term : sum.terms) {
    if (!dot && isDot(term.value) && isApproximately(term.coefficient, 1.0)) {
      dot = term.value;
      continue;
    }
    if (bias || !isApproximately(term.coefficient, 1.0))
      return false;
    bias = term.value;
  }
  if (!dot)
    return false;
  score.dot = dot;
  score.bias = bias;
  score.constantBias.reset();
  if (sum.constant != 0.0) {
    if (bias)
      return false;
    score.constantBias = sum.constant;
  }
  return true;
}

/// Reads `terms` as the expanded distance `n1 + n2 − 2·dot`.
static bool matchExpandedDistance(ArrayRef<LinearTerm> terms, Value dot,
                                  YatScore &score) {
  if (terms.size() != 3)
    return false;
  SmallVector<Value> norms;
  bool sawDot = false;
  for (const LinearTerm &term : terms) {
    if (!sawDot && isApproximately(term.coefficient, -2.0) &&
        isSameValue(term.value, dot)) {
      sawDot = true;
      continue;
    }
    if (!isApproximately(term.coefficient, 1.0))
      return false;
    norms.push_back(term.value);
  }
  if (!sawDot || norms.size() != 2)
    return false;
  score.normTerm1 = norms[0];
  score.normTerm2 = norms[1];
  return true;
}

/// The operand of a clamp at zero from below (`max(d, 0)`, `max(0, d)`,
/// `clamp(0, d, +inf)`), or null. Sets `floor` to the clamp value when
/// `value` is a clamp from below at another constant.
static Value matchClampAtZero(Value value, std::optional<double> &floor) {
  value = stripNoOps(value);
  if (auto maximum = value.getDefiningOp<shlo::MaxOp>()) {
    for (auto [constant, operand] :
         {std::pair(maximum.getRhs(), maximum.getLhs()),
          std::pair(maximum.getLhs(), maximum.getRhs())}) {
      if (std::optional<double> c = getSplatValue(constant)) {
        if (*c == 0.0)
          return operand;
        floor = *c;
        return {};
      }
    }
  }
  if (auto clamp = value.getDefiningOp<shlo::ClampOp>()) {
    std::optional<double> lo = getSplatValue(clamp.getMin());
    std::optional<double> hi = getSplatValue(clamp.getMax());
    if (lo && hi && std::isinf(*hi) && *hi > 0) {
      if (*lo == 0.0)
        return clamp.getOperand();
      floor = *lo;
    }
  }
  return {};
}

/// Reads `value` as `distance + epsilon`.
static bool matchDenominator(Value value, YatScore &score,
                             std::string &reason) {
  LinearCombination sum = flattenSum(value);
  score.epsilon = sum.constant;
  // Unclamped expanded distance.
  if (matchExpandedDistance(sum.terms, score.dot, score))
    return true;
  if (sum.terms.size() != 1 ||
      !isApproximately(sum.terms.front().coefficient, 1.0)) {
    reason = "the denominator is not a distance plus a constant epsilon";
    return false;
  }
  Value distance = sum.terms.front().value;
  std::optional<double> floor;
  if (Value clamped = matchClampAtZero(distance, floor)) {
    LinearCombination inner = flattenSum(clamped);
    if (inner.constant == 0.0 &&
        matchExpandedDistance(inner.terms, score.dot, score))
      return true;
    distance = clamped;
  } else if (floor) {
    reason =
        "the distance is clamped at " + std::to_string(*floor) + ", not at 0";
    return false;
  }
  score.directDistance = distance;
  return true;
}

FailureOr<YatScore>
mlir::yat::raising::matchYatScore(Value root, function_ref<bool(Value)> isDot,
                                  std::string &reason) {
  Monomial product = flattenProduct(root);
  if (!product.valid) {
    reason = "the expression divides by a constant zero";
    return failure();
  }
  YatScore score;
  score.scale = product.constant;
  const Factor *numerator = nullptr;
  for (const Factor &factor : product.factors) {
    if (factor.exponent == 2 && matchNumerator(factor.value, isDot, score)) {
      numerator = &factor;
      break;
    }
  }
  if (!numerator) {
    // Not a candidate: no squared contraction to build on.
    reason.clear();
    return failure();
  }
  const Factor *denominator = nullptr;
  for (const Factor &factor : product.factors) {
    if (&factor == numerator)
      continue;
    if (factor.exponent == -1 && !denominator) {
      denominator = &factor;
      continue;
    }
    if (factor.exponent == 1) {
      // A learnable alpha: a broadcast scalar. Anything else (a gate, a
      // normalizer of the result) makes this expression larger than the
      // ⵟ score, which is then matched at an inner op.
      if (peelBroadcasts(factor.value).getNumNonUnitDims() != 0) {
        reason.clear();
        return failure();
      }
      score.dynamicFactors.push_back(factor.value);
      continue;
    }
    reason = "a factor other than the squared dot has exponent " +
             std::to_string(factor.exponent);
    return failure();
  }
  if (!denominator) {
    // Not a candidate: a squared dot that nothing divides.
    reason.clear();
    return failure();
  }
  if (!matchDenominator(denominator->value, score, reason))
    return failure();
  if (!std::isfinite(score.epsilon) || score.epsilon < 0.0) {
    reason = "epsilon is not a finite non-negative constant";
    return failure();
  }
  if (!std::isfinite(score.scale)) {
    reason = "the constant scale is not finite";
    return failure();
  }
  return score;
}
