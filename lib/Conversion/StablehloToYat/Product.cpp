//===- Product.cpp - raise the ⵟ-product to yat.product -------------------===//

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

/// The parts of a matched ⵟ-product.
struct ProductMatch {
  Value x;
  Value w;
  /// `w` is stored [K, N] (contracted on dim 0) and needs a transpose.
  bool weightIsKN = false;
  int64_t outputs = 0;
  YatScore score;
};

/// A `dot_general` that computes `x · w` for a dense layer: no batch dims,
/// the last dim of `x` contracted with one dim of a rank-2 `w`, all of one
/// float type and static shapes.
bool isProductContraction(shlo::DotGeneralOp dot) {
  auto xType = getStaticTensorType(dot.getLhs());
  auto wType = getStaticTensorType(dot.getRhs());
  auto resultType = getStaticTensorType(dot.getResult());
  if (!xType || !wType || !resultType || xType.getRank() < 1 ||
      wType.getRank() != 2)
    return false;
  Type elementType = xType.getElementType();
  if (!isa<FloatType>(elementType) || wType.getElementType() != elementType ||
      resultType.getElementType() != elementType)
    return false;
  shlo::DotDimensionNumbersAttr numbers = dot.getDotDimensionNumbers();
  return numbers.getLhsBatchingDimensions().empty() &&
         numbers.getRhsBatchingDimensions().empty() &&
         numbers.getLhsContractingDimensions().size() == 1 &&
         numbers.getRhsContractingDimensions().size() == 1 &&
         numbers.getLhsContractingDimensions().front() == xType.getRank() - 1;
}

shlo::DotGeneralOp getProductContraction(Value value) {
  auto dot = stripNoOps(value).getDefiningOp<shlo::DotGeneralOp>();
  return dot && isProductContraction(dot) ? dot : shlo::DotGeneralOp();
}

/// Matches `root` as a whole ⵟ-product; `reason` says why not.
FailureOr<ProductMatch> matchProduct(Operation *root, std::string &reason) {
  Value rootValue = root->getResult(0);
  auto rootType = getStaticTensorType(rootValue);
  if (!rootType || !isa<FloatType>(rootType.getElementType())) {
    reason = "the result is not a statically shaped float tensor";
    return failure();
  }
  FailureOr<YatScore> score = matchYatScore(
      rootValue, [](Value v) { return bool(getProductContraction(v)); },
      reason);
  if (failed(score))
    return failure();

  ProductMatch match;
  match.score = *score;
  shlo::DotGeneralOp dot = getProductContraction(score->dot);
  if (dot.getResult().getType() != rootType) {
    reason = "the dot_general result type differs from the expression's";
    return failure();
  }
  match.x = dot.getLhs();
  match.w = dot.getRhs();
  DotOperandDims xDims = getDotOperandDims(dot, 0);
  DotOperandDims wDims = getDotOperandDims(dot, 1);
  match.weightIsKN = wDims.contracting.front() == 0;
  match.outputs = rootType.getShape().back();

  if (Value direct = score->directDistance) {
    if (!isDirectSquaredDistanceOf(direct, match.x, xDims, match.w, wDims)) {
      reason = "the distance is neither Σx² + Σw² − 2·dot nor Σ(x − w)² of "
               "the dot_general operands";
      return failure();
    }
  } else {
    auto isNormOf = [&](Value term, Value operand, const DotOperandDims &dims) {
      return isSquaredNormOf(term, operand, dims.contracting, dims.resultDims);
    };
    if (!(isNormOf(score->normTerm1, match.x, xDims) &&
          isNormOf(score->normTerm2, match.w, wDims)) &&
        !(isNormOf(score->normTerm2, match.x, xDims) &&
          isNormOf(score->normTerm1, match.w, wDims))) {
      reason = "the distance terms are not Σx² and Σw² over the contracted "
               "dim, broadcast along the output";
      return failure();
    }
  }

  if (Value bias = score->bias) {
    BroadcastView view = peelBroadcasts(bias);
    if (!view.isVectorAlong(rootType.getRank() - 1) ||
        !canBuildVector(view, match.outputs)) {
      reason = "the term added to the dot is not a bias broadcast along the "
               "output dim";
      return failure();
    }
  }
  return match;
}

/// Rewrites `scale · F · (x·w + b)² / (dist(x, w) + epsilon)` (any
/// arrangement that matchYatScore reads, w stored [N, K] or [K, N], F
/// non-constant factors) into `F · yat.product(x, w, b) {epsilon,
/// alpha = scale}`, transposing a [K, N] weight.
template <typename RootOp>
struct RaiseProductPattern : OpRewritePattern<RootOp> {
  using OpRewritePattern<RootOp>::OpRewritePattern;

  LogicalResult matchAndRewrite(RootOp root,
                                PatternRewriter &rewriter) const override {
    FailureOr<ProductMatch> match =
        matchOutermost<ProductMatch>(root, rewriter, matchProduct);
    if (failed(match))
      return failure();
    Location loc = root.getLoc();
    Type elementType = getElementTypeOrSelf(match->x.getType());
    Value weight = match->w;
    if (match->weightIsKN)
      weight = buildTranspose(rewriter, loc, weight, {1, 0});
    Value bias;
    if (match->score.bias)
      bias = buildVector(rewriter, loc, peelBroadcasts(match->score.bias),
                         match->outputs, elementType);
    else if (match->score.constantBias)
      bias = buildSplatVector(rewriter, loc, *match->score.constantBias,
                              match->outputs, elementType);
    Value product =
        yat::ProductOp::create(rewriter, loc, match->x, weight, bias,
                               static_cast<float>(match->score.epsilon),
                               static_cast<float>(match->score.scale));
    rewriter.replaceOp(root,
                       buildMultiplyByFactors(rewriter, loc, product,
                                              match->score.dynamicFactors));
    return success();
  }
};

} // namespace

void mlir::yat::raising::populateRaiseProductPatterns(
    RewritePatternSet &patterns) {
  patterns
      .add<RaiseProductPattern<shlo::DivOp>, RaiseProductPattern<shlo::MulOp>>(
          patterns.getContext());
}
