//===- RmsNorm.cpp - raise RMS normalization to yat.rms_norm --------------===//

#include "MatchUtils.h"
#include "PopulatePatterns.h"

#include "mlir/IR/PatternMatch.h"
#include "mlir/IR/TypeUtilities.h"
#include "yat/Dialect/StableHLO/IR/Stablehlo.h"
#include "yat/Dialect/Yat/IR/Yat.h"

#include <cmath>

#define DEBUG_TYPE "yat-raise-stablehlo"

using namespace mlir;
using namespace mlir::yat;
using namespace mlir::yat::raising;
namespace shlo = mlir::yat::stablehlo;

namespace {

/// The parts of a matched RMS normalization.
struct RmsNormMatch {
  Value x;
  Value gamma;
  double epsilon = 0.0;
};

/// The `e` of a factor `rsqrt(e)^1`, `sqrt(e)^-1` or `power(e, -0.5)^1`
/// (seen through broadcasts), with the view of that factor.
Value matchInverseRoot(const Factor &factor, BroadcastView &view) {
  view = peelBroadcasts(factor.value);
  Value source = stripNoOps(view.source);
  if (factor.exponent == 1)
    if (auto rsqrt = source.getDefiningOp<shlo::RsqrtOp>())
      return rsqrt.getOperand();
  if (factor.exponent == -1)
    if (auto sqrt = source.getDefiningOp<shlo::SqrtOp>())
      return sqrt.getOperand();
  if (factor.exponent == 1)
    if (auto power = source.getDefiningOp<shlo::PowOp>()) {
      std::optional<double> n = getSplatValue(power.getRhs());
      if (n && *n == -0.5)
        return power.getLhs();
    }
  return {};
}

/// Matches `root` as `x · rsqrt(e) · gamma` for the inverse root `e` of
/// `candidate`; `reason` says why not (empty: not a candidate).
FailureOr<RmsNormMatch> matchRmsNormWith(Value rootValue, Value candidateRoot,
                                         std::string &reason) {
  auto rootType = cast<RankedTensorType>(rootValue.getType());
  int64_t rank = rootType.getRank();
  int64_t features = rootType.getShape().back();
  LinearCombination sum = flattenSum(candidateRoot);
  if (sum.terms.size() != 1)
    return failure();
  ScaledBroadcastView mean = peelScaledBroadcasts(sum.terms.front().value);
  const BroadcastView &meanView = mean.view;
  double meanCoefficient = sum.terms.front().coefficient * mean.coefficient;
  std::optional<SumOfSquares> squares = matchSumOfSquares(meanView.source);
  if (!squares)
    return failure();
  // From here on `root` is a candidate: failures get a reason.
  RmsNormMatch match;
  match.x = squares->base;
  match.epsilon = sum.constant;
  if (getStaticTensorType(match.x) != rootType) {
    reason = "the mean square is not taken of a tensor shaped like the result";
    return failure();
  }
  if (squares->dims != SmallVector<int64_t>{rank - 1}) {
    reason = "the mean square is not taken over the last dim";
    return failure();
  }
  if (!isApproximately(meanCoefficient * features, 1.0)) {
    reason = "the sum of squares is scaled by " +
             std::to_string(meanCoefficient) + ", not 1/" +
             std::to_string(features);
    return failure();
  }
  if (!std::isfinite(match.epsilon) || match.epsilon < 0.0) {
    reason = "epsilon is not a finite non-negative constant";
    return failure();
  }

  // The factors of the root, with x kept whole.
  Monomial product = flattenProduct(
      rootValue, [&](Value value) { return isSameValue(value, match.x); });
  const Factor *rootFactor = nullptr;
  BroadcastView rootView;
  for (const Factor &factor : product.factors) {
    BroadcastView view;
    Value e = matchInverseRoot(factor, view);
    if (e && isSameValue(e, candidateRoot)) {
      rootFactor = &factor;
      rootView = view;
      break;
    }
  }
  if (!product.valid || !rootFactor) {
    reason = "the normalizer is not a factor of the result";
    return failure();
  }
  // Row j of the reduction reaches root dim j through the two broadcasts
  // (inside the root, then to the result).
  for (auto [j, inner] : llvm::enumerate(meanView.targetDims)) {
    int64_t target = inner < 0 ? -1 : rootView.targetDims[inner];
    if (rootType.getDimSize(j) != 1 && target != static_cast<int64_t>(j)) {
      reason = "the normalizer is not broadcast along the last dim";
      return failure();
    }
  }
  if (!isApproximately(product.constant, 1.0)) {
    reason = "a constant factor " + std::to_string(product.constant) +
             " scales the result";
    return failure();
  }
  bool sawX = false;
  for (const Factor &factor : product.factors) {
    if (&factor == rootFactor)
      continue;
    if (factor.exponent == 1 && !sawX && isSameValue(factor.value, match.x)) {
      sawX = true;
      continue;
    }
    BroadcastView view = peelBroadcasts(factor.value);
    if (factor.exponent == 1 && !match.gamma && view.isVectorAlong(rank - 1) &&
        canBuildVector(view, features)) {
      match.gamma = factor.value;
      continue;
    }
    reason = "a factor other than x, the normalizer and a gamma along the "
             "last dim";
    return failure();
  }
  if (!sawX) {
    reason = "the normalizer does not multiply the x it was computed from";
    return failure();
  }
  return match;
}

/// Matches `root` as `x · rsqrt(mean(x²) + epsilon) · gamma` over the last
/// dim; `reason` says why not (empty: not a candidate).
FailureOr<RmsNormMatch> matchRmsNorm(Operation *root, std::string &reason) {
  reason.clear();
  Value rootValue = root->getResult(0);
  auto rootType = getStaticTensorType(rootValue);
  if (!rootType || rootType.getRank() < 1 ||
      !isa<FloatType>(rootType.getElementType()))
    return failure();
  // Each inverse root among the factors is a candidate normalizer.
  for (const Factor &factor : flattenProduct(rootValue).factors) {
    BroadcastView view;
    Value e = matchInverseRoot(factor, view);
    if (!e)
      continue;
    std::string candidateReason;
    FailureOr<RmsNormMatch> match =
        matchRmsNormWith(rootValue, e, candidateReason);
    if (succeeded(match))
      return match;
    if (!candidateReason.empty())
      reason = candidateReason;
  }
  return failure();
}

/// Rewrites `x · rsqrt(Σx²/K + epsilon) · gamma` over the last dim (rsqrt
/// also as 1/sqrt, the mean as a sum times or divided by a constant, gamma
/// optional, factors in any order) into `yat.rms_norm(x, gamma)
/// {epsilon}`.
template <typename RootOp>
struct RaiseRmsNormPattern : OpRewritePattern<RootOp> {
  using OpRewritePattern<RootOp>::OpRewritePattern;

  LogicalResult matchAndRewrite(RootOp root,
                                PatternRewriter &rewriter) const override {
    FailureOr<RmsNormMatch> match =
        matchOutermost<RmsNormMatch>(root, rewriter, matchRmsNorm);
    if (failed(match))
      return failure();
    Location loc = root.getLoc();
    auto xType = cast<RankedTensorType>(match->x.getType());
    Value gamma;
    if (match->gamma)
      gamma = buildVector(rewriter, loc, peelBroadcasts(match->gamma),
                          xType.getShape().back(), xType.getElementType());
    Value x = stripNoOps(match->x);
    Value norm = yat::RmsNormOp::create(rewriter, loc, x, gamma,
                                        static_cast<float>(match->epsilon));
    rewriter.replaceOp(root, norm);
    return success();
  }
};

} // namespace

void mlir::yat::raising::populateRaiseRmsNormPatterns(
    RewritePatternSet &patterns) {
  patterns
      .add<RaiseRmsNormPattern<shlo::DivOp>, RaiseRmsNormPattern<shlo::MulOp>>(
          patterns.getContext());
}
