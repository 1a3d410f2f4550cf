//===- Conv.cpp - raise the ⵟ-convolution to yat.conv ---------------------===//

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

/// The parts of a matched ⵟ-convolution.
struct ConvMatch {
  shlo::ConvolutionOp conv;
  YatScore score;
  int64_t filters = 0;
};

/// A convolution that yat.conv can compute: static shapes of one float
/// type, 1 to 3 spatial dims, no input dilation, window reversal or batch
/// groups, no negative padding.
bool isYatConvCompatible(shlo::ConvolutionOp conv) {
  auto inputType = getStaticTensorType(conv.getLhs());
  auto filterType = getStaticTensorType(conv.getRhs());
  auto resultType = getStaticTensorType(conv.getResult());
  if (!inputType || !filterType || !resultType)
    return false;
  Type elementType = inputType.getElementType();
  if (!isa<FloatType>(elementType) ||
      filterType.getElementType() != elementType ||
      resultType.getElementType() != elementType)
    return false;
  int64_t numSpatial = conv.getNumSpatialDims();
  if (numSpatial < 1 || numSpatial > 3 || conv.getBatchGroupCount() != 1)
    return false;
  if (llvm::any_of(conv.getLhsDilationOrDefault(),
                   [](int64_t d) { return d != 1; }) ||
      llvm::is_contained(conv.getWindowReversalOrDefault(), true))
    return false;
  return llvm::all_of(conv.getPaddingOrDefault(), [](auto pad) {
    return pad.first >= 0 && pad.second >= 0;
  });
}

shlo::ConvolutionOp getYatConvolution(Value value) {
  auto conv = stripNoOps(value).getDefiningOp<shlo::ConvolutionOp>();
  return conv && isYatConvCompatible(conv) ? conv : shlo::ConvolutionOp();
}

/// True when `a` and `b` slide the same window the same way.
bool haveSameWindow(shlo::ConvolutionOp a, shlo::ConvolutionOp b) {
  return a.getDimensionNumbers() == b.getDimensionNumbers() &&
         a.getStridesOrDefault() == b.getStridesOrDefault() &&
         a.getPaddingOrDefault() == b.getPaddingOrDefault() &&
         a.getLhsDilationOrDefault() == b.getLhsDilationOrDefault() &&
         a.getRhsDilationOrDefault() == b.getRhsDilationOrDefault() &&
         a.getWindowReversalOrDefault() == b.getWindowReversalOrDefault() &&
         a.getFeatureGroupCount() == b.getFeatureGroupCount() &&
         a.getBatchGroupCount() == b.getBatchGroupCount();
}

/// True when `term` is the window sum of `input²` that nmn computes for
/// `conv`: a convolution of `input²` with a kernel of ones over the same
/// window, with one output feature per group, broadcast along the output
/// features. With groups, each group's sum is repeated for the group's
/// filters, as `jnp.repeat` writes it: a broadcast that adds a dim after
/// the features, reshaped to merge the two.
bool isPatchNormOf(Value term, shlo::ConvolutionOp conv) {
  shlo::ConvDimensionNumbersAttr numbers = conv.getDimensionNumbers();
  int64_t outputFeature = numbers.getOutputFeatureDimension();
  int64_t groups = conv.getFeatureGroupCount();
  auto termType = getStaticTensorType(term);
  if (!termType)
    return false;
  int64_t filters = termType.getDimSize(outputFeature);

  BroadcastView view;
  if (groups > 1 && filters > groups) {
    auto repeat = stripNoOps(term).getDefiningOp<shlo::ReshapeOp>();
    if (!repeat)
      return false;
    SmallVector<int64_t> splitShape(termType.getShape());
    splitShape[outputFeature] = groups;
    splitShape.insert(splitShape.begin() + outputFeature + 1, filters / groups);
    auto splitType = getStaticTensorType(repeat.getOperand());
    if (!splitType || splitType.getShape() != ArrayRef<int64_t>(splitShape))
      return false;
    // Back to the dims of `term`: nothing may vary along the repeat dim.
    view = peelBroadcasts(repeat.getOperand());
    for (int64_t &dim : view.targetDims) {
      if (dim == outputFeature + 1)
        return false;
      if (dim > outputFeature + 1)
        --dim;
    }
  } else {
    view = peelBroadcasts(term);
  }

  auto patch = stripNoOps(view.source).getDefiningOp<shlo::ConvolutionOp>();
  if (!patch || !haveSameWindow(patch, conv))
    return false;
  Value squared = matchSquare(patch.getLhs());
  std::optional<double> one = getSplatValue(patch.getRhs());
  if (!squared || !isSameValue(squared, conv.getLhs()) || !one || *one != 1.0)
    return false;
  auto kernelType = cast<RankedTensorType>(conv.getRhs().getType());
  auto onesType = cast<RankedTensorType>(patch.getRhs().getType());
  for (int64_t d : numbers.getKernelSpatialDimensions())
    if (onesType.getDimSize(d) != kernelType.getDimSize(d))
      return false;
  int64_t inFeature = numbers.getKernelInputFeatureDimension();
  if (onesType.getDimSize(inFeature) != kernelType.getDimSize(inFeature) ||
      onesType.getDimSize(numbers.getKernelOutputFeatureDimension()) != groups)
    return false;
  // Batch, spatial and (with groups) group dims stay where they are.
  for (auto [d, target] : llvm::enumerate(view.targetDims))
    if (target >= 0 && target != static_cast<int64_t>(d))
      return false;
  return true;
}

/// Matches `root` as a whole ⵟ-convolution; `reason` says why not.
FailureOr<ConvMatch> matchConv(Operation *root, std::string &reason) {
  Value rootValue = root->getResult(0);
  auto rootType = getStaticTensorType(rootValue);
  if (!rootType || !isa<FloatType>(rootType.getElementType())) {
    reason.clear();
    return failure();
  }
  FailureOr<YatScore> score = matchYatScore(
      rootValue, [](Value v) { return bool(getYatConvolution(v)); }, reason);
  if (failed(score))
    return failure();

  ConvMatch match;
  match.score = *score;
  match.conv = getYatConvolution(score->dot);
  shlo::ConvolutionOp conv = match.conv;
  if (conv.getResult().getType() != rootType) {
    reason = "the convolution result type differs from the expression's";
    return failure();
  }
  shlo::ConvDimensionNumbersAttr numbers = conv.getDimensionNumbers();
  int64_t outputFeature = numbers.getOutputFeatureDimension();
  match.filters = rootType.getDimSize(outputFeature);

  if (score->directDistance) {
    reason = "the distance is not the patch norm plus the filter norm minus "
             "twice the convolution";
    return failure();
  }
  // Σ filter² over everything but the output features.
  Value filter = conv.getRhs();
  auto filterType = cast<RankedTensorType>(filter.getType());
  int64_t kernelOutput = numbers.getKernelOutputFeatureDimension();
  SmallVector<int64_t> reducedDims;
  SmallVector<int64_t> resultDims(filterType.getRank(), -1);
  for (int64_t d = 0; d < filterType.getRank(); ++d)
    if (d != kernelOutput)
      reducedDims.push_back(d);
  resultDims[kernelOutput] = outputFeature;
  auto isDistancePair = [&](Value patchTerm, Value filterTerm) {
    return isSquaredNormOf(filterTerm, filter, reducedDims, resultDims) &&
           isPatchNormOf(patchTerm, conv);
  };
  if (!isDistancePair(score->normTerm1, score->normTerm2) &&
      !isDistancePair(score->normTerm2, score->normTerm1)) {
    reason = "the distance terms are not the patch norm (a convolution of x² "
             "with ones) and Σ filter², broadcast along the output";
    return failure();
  }

  if (Value bias = score->bias) {
    BroadcastView view = peelBroadcasts(bias);
    if (!view.isVectorAlong(outputFeature) ||
        !canBuildVector(view, match.filters)) {
      reason = "the term added to the convolution is not a bias broadcast "
               "along the output features";
      return failure();
    }
  }
  return match;
}

/// Rewrites `scale · F · (conv(x, w) + b)² / (patch(x²) + Σw² − 2·conv(x, w)
/// + epsilon)` (maybe clamped, any arrangement; the patch norm a
/// convolution of x² with ones over the same window) into
/// `F · yat.conv(x, w, b)` with the convolution's strides, padding,
/// dilations and groups, `alpha = scale`; transposes adapt other dimension
/// numbers to yat.conv's channels-last layout.
template <typename RootOp> struct RaiseConvPattern : OpRewritePattern<RootOp> {
  using OpRewritePattern<RootOp>::OpRewritePattern;

  LogicalResult matchAndRewrite(RootOp root,
                                PatternRewriter &rewriter) const override {
    FailureOr<ConvMatch> match =
        matchOutermost<ConvMatch>(root, rewriter, matchConv);
    if (failed(match))
      return failure();
    shlo::ConvolutionOp conv = match->conv;
    shlo::ConvDimensionNumbersAttr numbers = conv.getDimensionNumbers();
    int64_t numSpatial = conv.getNumSpatialDims();
    Location loc = root.getLoc();

    SmallVector<int64_t> inputPermutation = {numbers.getInputBatchDimension()};
    llvm::append_range(inputPermutation, numbers.getInputSpatialDimensions());
    inputPermutation.push_back(numbers.getInputFeatureDimension());
    SmallVector<int64_t> filterPermutation(
        numbers.getKernelSpatialDimensions());
    filterPermutation.push_back(numbers.getKernelInputFeatureDimension());
    filterPermutation.push_back(numbers.getKernelOutputFeatureDimension());
    // Result dim t of the convolution is dim resultPermutation[t] of
    // yat.conv's [N, O1..Od, F] result.
    SmallVector<int64_t> resultPermutation(numSpatial + 2);
    resultPermutation[numbers.getOutputBatchDimension()] = 0;
    for (auto [i, d] : llvm::enumerate(numbers.getOutputSpatialDimensions()))
      resultPermutation[d] = 1 + i;
    resultPermutation[numbers.getOutputFeatureDimension()] = numSpatial + 1;

    Value input =
        buildTranspose(rewriter, loc, conv.getLhs(), inputPermutation);
    Value filter =
        buildTranspose(rewriter, loc, conv.getRhs(), filterPermutation);
    Type elementType = getElementTypeOrSelf(input.getType());
    Value bias;
    if (match->score.bias)
      bias = buildVector(rewriter, loc, peelBroadcasts(match->score.bias),
                         match->filters, elementType);
    else if (match->score.constantBias)
      bias = buildSplatVector(rewriter, loc, *match->score.constantBias,
                              match->filters, elementType);

    // Attributes at their defaults are left out.
    SmallVector<int64_t> strides = conv.getStridesOrDefault();
    SmallVector<int64_t> dilations = conv.getRhsDilationOrDefault();
    SmallVector<int64_t> padding;
    for (auto [lo, hi] : conv.getPaddingOrDefault()) {
      padding.push_back(lo);
      padding.push_back(hi);
    }
    auto allEqual = [](ArrayRef<int64_t> values, int64_t value) {
      return llvm::all_of(values, [&](int64_t v) { return v == value; });
    };
    if (allEqual(strides, 1))
      strides.clear();
    if (allEqual(dilations, 1))
      dilations.clear();
    if (allEqual(padding, 0))
      padding.clear();

    Value yatConv = yat::ConvOp::create(
        rewriter, loc, input, filter, bias, strides, padding, dilations,
        conv.getFeatureGroupCount(), static_cast<float>(match->score.epsilon),
        static_cast<float>(match->score.scale));
    Value result = buildTranspose(rewriter, loc, yatConv, resultPermutation);
    rewriter.replaceOp(root,
                       buildMultiplyByFactors(rewriter, loc, result,
                                              match->score.dynamicFactors));
    return success();
  }
};

} // namespace

void mlir::yat::raising::populateRaiseConvPatterns(
    RewritePatternSet &patterns) {
  patterns.add<RaiseConvPattern<shlo::DivOp>, RaiseConvPattern<shlo::MulOp>>(
      patterns.getContext());
}
