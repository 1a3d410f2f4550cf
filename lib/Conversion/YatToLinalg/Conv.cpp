//===- Conv.cpp - lower yat.conv to linalg --------------------------------===//

#include "LoweringUtils.h"
#include "PopulatePatterns.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/PatternMatch.h"
#include "yat/Dialect/Yat/IR/Yat.h"

#include <type_traits>

#define DEBUG_TYPE "convert-yat-to-linalg"

using namespace mlir;
using namespace mlir::yat;
using namespace mlir::yat::lowering;

namespace {

/// Loop dims of the ops that slide a window over the (padded) input: the
/// batch, the output positions, the group when grouped, the output channel
/// when one is produced, then the window positions and the input channel.
struct WindowLoops {
  unsigned numSpatial;
  bool grouped;
  bool withOutputChannel;

  unsigned batch() const { return 0; }
  unsigned output(unsigned i) const { return 1 + i; }
  unsigned group() const { return 1 + numSpatial; }
  unsigned outputChannel() const { return 1 + numSpatial + grouped; }
  unsigned numParallel() const {
    return 1 + numSpatial + grouped + withOutputChannel;
  }
  unsigned window(unsigned i) const { return numParallel() + i; }
  unsigned channel() const { return numParallel() + numSpatial; }
  unsigned numLoops() const { return numParallel() + numSpatial + 1; }
};

/// Rewrites `yat.conv` into: a `tensor.pad` for the zero padding; the dot
/// as `linalg.conv_{1d_nwc_wcf,2d_nhwc_hwcf,3d_ndhwc_dhwcf}` (groups = 1) or
/// as a grouped convolution `linalg.generic` over channels split into
/// `groups × C/groups` (groups > 1); the window sum of `input²` as a
/// pooling-style `linalg.generic`; the filter norms `Σ filter_f²` as a
/// reduction; and an elementwise `linalg.generic` applying
/// `alpha · (dot + bias)² / (max(patch + |filter|² − 2·dot, 0) + epsilon)`.
/// `yat.conv_with_norms` lowers the same way, reading the filter norms from
/// its `filter_norms` operand.
template <typename OpTy> struct ConvOpLowering : OpRewritePattern<OpTy> {
  using OpRewritePattern<OpTy>::OpRewritePattern;

  LogicalResult matchAndRewrite(OpTy op,
                                PatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    MLIRContext *context = rewriter.getContext();
    auto resultType = op.getResult().getType();
    Type elementType = resultType.getElementType();
    Type computeType = getComputeType(elementType);
    int64_t numSpatial = op.getNumSpatialDims();
    if (numSpatial < 1 || numSpatial > 3)
      return rewriter.notifyMatchFailure(op, "expected 1 to 3 spatial dims");
    SmallVector<int64_t> strides = op.getStridesOrDefault();
    SmallVector<int64_t> padding = op.getPaddingOrDefault();
    SmallVector<int64_t> dilations = op.getDilationsOrDefault();
    int64_t groups = op.getGroups();
    bool grouped = groups != 1;

    FailureOr<SmallVector<OpFoldResult>> resultSizes =
        reifyResultSizes(rewriter, op, 0);
    if (failed(resultSizes))
      return rewriter.notifyMatchFailure(op, "cannot reify the result shape");

    Value input = createPaddedInput(rewriter, loc, op.getInput(), padding);
    Value filter = op.getFilter();
    if (op.isDepthwise()) {
      rewriter.replaceOp(op, lowerDepthwise(rewriter, op, input, *resultSizes,
                                            computeType, strides, dilations));
      return success();
    }
    OpFoldResult groupCount = rewriter.getIndexAttr(groups);
    OpFoldResult filterCount =
        tensor::getMixedSize(rewriter, loc, filter, numSpatial + 1);
    OpFoldResult groupFilters =
        divideSize(rewriter, loc, filterCount, groupCount);

    // Sizes of the dot, patch and epilogue outputs: N, O1..Od, then G, F/G
    // when grouped or F otherwise.
    SmallVector<OpFoldResult> outSizes(resultSizes->begin(),
                                       resultSizes->end() - 1);
    if (grouped) {
      // Split the channels so that group g reads channels g·C/G .. through
      // plain affine maps.
      SmallVector<OpFoldResult> inputShape =
          tensor::getMixedSizes(rewriter, loc, input);
      OpFoldResult channels = inputShape.back();
      inputShape.back() = groupCount;
      inputShape.push_back(divideSize(rewriter, loc, channels, groupCount));
      input = createExpandShape(rewriter, loc, input,
                                splitLastDim(numSpatial + 2), inputShape);

      SmallVector<OpFoldResult> filterShape =
          tensor::getMixedSizes(rewriter, loc, filter);
      filterShape.back() = groupCount;
      filterShape.push_back(groupFilters);
      filter = createExpandShape(rewriter, loc, filter,
                                 splitLastDim(numSpatial + 2), filterShape);
      outSizes.push_back(groupCount);
      outSizes.push_back(groupFilters);
    } else {
      outSizes.push_back(filterCount);
    }

    Value dot =
        grouped ? createGroupedConv(rewriter, loc, input, filter, outSizes,
                                    computeType, strides, dilations)
                : createNamedConv(rewriter, loc, input, filter,
                                  createFilledTensor(
                                      rewriter, loc, outSizes,
                                      rewriter.getFloatAttr(computeType, 0.0)),
                                  strides, dilations);
    if (!dot)
      return rewriter.notifyMatchFailure(op, "unsupported spatial rank");

    SmallVector<OpFoldResult> patchSizes(outSizes.begin(), outSizes.end() - 1);
    Value patch =
        createPatchSumOfSquares(rewriter, loc, input, filter, patchSizes,
                                computeType, strides, dilations, grouped);
    Value filterNorms;
    if constexpr (std::is_same_v<OpTy, ConvWithNormsOp>) {
      filterNorms = op.getFilterNorms();
      if (grouped)
        filterNorms = createExpandShape(rewriter, loc, filterNorms,
                                        {ReassociationIndices{0, 1}},
                                        {groupCount, groupFilters});
    } else {
      filterNorms =
          createFilterNorms(rewriter, loc, filter, computeType, grouped);
    }

    // The epilogue over the output space.
    unsigned rank = outSizes.size();
    SmallVector<unsigned> patchDims, channelDims;
    for (unsigned d = 0; d + 1 < rank; ++d)
      patchDims.push_back(d);
    if (grouped)
      channelDims.push_back(rank - 2);
    channelDims.push_back(rank - 1);
    SmallVector<Value> inputs = {dot, patch, filterNorms};
    SmallVector<AffineMap> maps = {
        AffineMap::getMultiDimIdentityMap(rank, context),
        getDimsMap(context, rank, patchDims),
        getDimsMap(context, rank, channelDims)};
    Value bias = op.getBias();
    if (bias) {
      if (grouped)
        bias =
            createExpandShape(rewriter, loc, bias, {ReassociationIndices{0, 1}},
                              {groupCount, groupFilters});
      inputs.push_back(bias);
      maps.push_back(getDimsMap(context, rank, channelDims));
    }
    maps.push_back(AffineMap::getMultiDimIdentityMap(rank, context));

    double epsilon = op.getEpsilon().convertToDouble();
    double alpha = op.getAlpha().convertToDouble();
    Value init = createEmptyTensor(rewriter, loc, outSizes, elementType);
    Value y =
        createGeneric(rewriter, loc, inputs, init, maps, getIterators(rank),
                      [&](OpBuilder &b, Location l, ValueRange args) -> Value {
                        return createYatValue(b, l, args[0], args[1], args[2],
                                              bias ? args[3] : Value(), epsilon,
                                              alpha, elementType);
                      });

    if (grouped)
      y = tensor::CollapseShapeOp::create(rewriter, loc, y,
                                          splitLastDim(rank - 1));
    rewriter.replaceOp(op, castToType(rewriter, loc, y, resultType));
    return success();
  }

private:
  /// Reassociation that maps each of the first `rank - 1` dims to itself and
  /// the last one to two dims.
  static SmallVector<ReassociationIndices> splitLastDim(int64_t rank) {
    SmallVector<ReassociationIndices> reassociation;
    for (int64_t d = 0; d + 1 < rank; ++d)
      reassociation.push_back({d});
    reassociation.push_back({rank - 1, rank});
    return reassociation;
  }

  /// The depthwise conv (one channel and one filter per group) of the padded
  /// `input` (`N × P… × C`): the dot and the window sums of squares are
  /// generics whose loops are `(n, o…, k…, c)`, with the channel innermost,
  /// so that the code generation vectorizes them along the channels, which
  /// every operand holds contiguously (per-group tiles would compute one
  /// lane at a time).
  static Value lowerDepthwise(PatternRewriter &rewriter, OpTy op, Value input,
                              ArrayRef<OpFoldResult> resultSizes,
                              Type computeType, ArrayRef<int64_t> strides,
                              ArrayRef<int64_t> dilations) {
    Location loc = op.getLoc();
    MLIRContext *context = rewriter.getContext();
    unsigned numSpatial = strides.size();
    // K… × 1 × C as K… × C.
    Value filter = tensor::CollapseShapeOp::create(
        rewriter, loc, op.getFilter(), splitLastDim(numSpatial + 1));

    // Loops: n, o…, k…, c.
    unsigned numLoops = 2 * numSpatial + 2;
    unsigned channel = numLoops - 1;
    SmallVector<AffineExpr> inputExprs = {getAffineDimExpr(0, context)};
    SmallVector<unsigned> windowDims, outDims = {0};
    for (unsigned i = 0; i < numSpatial; ++i) {
      inputExprs.push_back(getAffineDimExpr(1 + i, context) * strides[i] +
                           getAffineDimExpr(1 + numSpatial + i, context) *
                               dilations[i]);
      windowDims.push_back(1 + numSpatial + i);
      outDims.push_back(1 + i);
    }
    inputExprs.push_back(getAffineDimExpr(channel, context));
    windowDims.push_back(channel);
    outDims.push_back(channel);
    SmallVector<utils::IteratorType> iterators(numLoops,
                                               utils::IteratorType::parallel);
    for (unsigned i = 0; i < numSpatial; ++i)
      iterators[1 + numSpatial + i] = utils::IteratorType::reduction;
    SmallVector<AffineMap> maps = {
        AffineMap::get(numLoops, 0, inputExprs, context),
        getDimsMap(context, numLoops, windowDims),
        getDimsMap(context, numLoops, outDims)};
    SmallVector<OpFoldResult> outSizes(resultSizes);
    TypedAttr zero = rewriter.getFloatAttr(computeType, 0.0);
    // Accumulates `term(input in the compute type, filter element)` over
    // each window. The filter bounds the window loops even where the term
    // does not read it.
    auto createWindowGeneric =
        [&](function_ref<Value(OpBuilder &, Location, Value, Value)> term) {
          return createGeneric(
              rewriter, loc, ValueRange{input, filter},
              createFilledTensor(rewriter, loc, outSizes, zero), maps,
              iterators,
              [&](OpBuilder &b, Location l, ValueRange args) -> Value {
                Value value = convertFloat(b, l, args[0], computeType);
                return arith::AddFOp::create(b, l, args[2],
                                             term(b, l, value, args[1]));
              });
        };
    Value dot = createWindowGeneric([&](OpBuilder &b, Location l, Value x,
                                        Value f) -> Value {
      return arith::MulFOp::create(b, l, x, convertFloat(b, l, f, computeType));
    });
    Value patch = createWindowGeneric(
        [](OpBuilder &b, Location l, Value x, Value) -> Value {
          return arith::MulFOp::create(b, l, x, x);
        });

    Value filterNorms;
    if constexpr (std::is_same_v<OpTy, ConvWithNormsOp>)
      filterNorms = op.getFilterNorms();
    else
      filterNorms = createFilterNorms(rewriter, loc, op.getFilter(),
                                      computeType, /*grouped=*/false);
    unsigned rank = numSpatial + 2;
    SmallVector<Value> inputs = {dot, patch, filterNorms};
    AffineMap identity = AffineMap::getMultiDimIdentityMap(rank, context);
    AffineMap channelMap = getDimsMap(context, rank, {rank - 1});
    SmallVector<AffineMap> epilogueMaps = {identity, identity, channelMap};
    Value bias = op.getBias();
    if (bias) {
      inputs.push_back(bias);
      epilogueMaps.push_back(channelMap);
    }
    epilogueMaps.push_back(identity);
    double epsilon = op.getEpsilon().convertToDouble();
    double alpha = op.getAlpha().convertToDouble();
    Type elementType = op.getResult().getType().getElementType();
    Value y =
        createGeneric(rewriter, loc, inputs,
                      createEmptyTensor(rewriter, loc, outSizes, elementType),
                      epilogueMaps, getIterators(rank),
                      [&](OpBuilder &b, Location l, ValueRange args) -> Value {
                        return createYatValue(b, l, args[0], args[1], args[2],
                                              bias ? args[3] : Value(), epsilon,
                                              alpha, elementType);
                      });
    return castToType(rewriter, loc, y, op.getResult().getType());
  }

  /// `o·stride + k·dilation` per spatial dim, the input position a window
  /// loop reads.
  static SmallVector<AffineExpr> getInputExprs(MLIRContext *context,
                                               const WindowLoops &loops,
                                               ArrayRef<int64_t> strides,
                                               ArrayRef<int64_t> dilations) {
    SmallVector<AffineExpr> exprs = {getAffineDimExpr(loops.batch(), context)};
    for (unsigned i = 0; i < loops.numSpatial; ++i)
      exprs.push_back(getAffineDimExpr(loops.output(i), context) * strides[i] +
                      getAffineDimExpr(loops.window(i), context) *
                          dilations[i]);
    if (loops.grouped)
      exprs.push_back(getAffineDimExpr(loops.group(), context));
    exprs.push_back(getAffineDimExpr(loops.channel(), context));
    return exprs;
  }

  /// The dot for groups > 1: input `N × P… × G × C/G`, filter
  /// `K… × C/G × G × F/G`, output `N × O… × G × F/G`.
  static Value createGroupedConv(OpBuilder &b, Location loc, Value input,
                                 Value filter, ArrayRef<OpFoldResult> outSizes,
                                 Type computeType, ArrayRef<int64_t> strides,
                                 ArrayRef<int64_t> dilations) {
    MLIRContext *context = b.getContext();
    WindowLoops loops{static_cast<unsigned>(strides.size()), true, true};
    unsigned numLoops = loops.numLoops();
    SmallVector<unsigned> filterDims, outDims;
    for (unsigned i = 0; i < loops.numSpatial; ++i)
      filterDims.push_back(loops.window(i));
    filterDims.append({loops.channel(), loops.group(), loops.outputChannel()});
    for (unsigned d = 0; d < loops.numParallel(); ++d)
      outDims.push_back(d);
    SmallVector<AffineMap> maps = {
        AffineMap::get(numLoops, 0,
                       getInputExprs(context, loops, strides, dilations),
                       context),
        getDimsMap(context, numLoops, filterDims),
        getDimsMap(context, numLoops, outDims)};
    Value init =
        createFilledTensor(b, loc, outSizes, b.getFloatAttr(computeType, 0.0));
    return createGeneric(
        b, loc, ValueRange{input, filter}, init, maps,
        getIterators(loops.numParallel(), loops.numSpatial + 1),
        [&](OpBuilder &nb, Location nl, ValueRange args) -> Value {
          Value product = arith::MulFOp::create(
              nb, nl, convertFloat(nb, nl, args[0], computeType),
              convertFloat(nb, nl, args[1], computeType));
          return arith::AddFOp::create(nb, nl, args[2], product);
        });
  }

  /// Σ input² over each window and the group's channels: `N × O… (× G)`.
  /// The channels are summed first, once per input position (`N × P… (×
  /// G)`), and the windows then as a `linalg.pooling_*_sum` with the
  /// strides and dilations: C times fewer additions than summing the
  /// channels of every window, and a named op that the code generation
  /// tiles like a convolution.
  static Value
  createPatchSumOfSquares(OpBuilder &b, Location loc, Value input, Value filter,
                          ArrayRef<OpFoldResult> patchSizes, Type computeType,
                          ArrayRef<int64_t> strides,
                          ArrayRef<int64_t> dilations, bool grouped) {
    unsigned numSpatial = strides.size();
    Value positionSums = createSumOfSquares(b, loc, input, computeType);
    // Pooling sums each channel: the group's, or a unit one.
    SmallVector<OpFoldResult> windowSizes, sumSizes(patchSizes);
    for (unsigned i = 0; i < numSpatial; ++i)
      windowSizes.push_back(tensor::getMixedSize(b, loc, filter, i));
    if (!grouped) {
      int64_t rank = cast<RankedTensorType>(positionSums.getType()).getRank();
      SmallVector<OpFoldResult> unitShape =
          tensor::getMixedSizes(b, loc, positionSums);
      unitShape.push_back(b.getIndexAttr(1));
      positionSums = createExpandShape(b, loc, positionSums, splitLastDim(rank),
                                       unitShape);
      sumSizes.push_back(b.getIndexAttr(1));
    }
    Value init =
        createFilledTensor(b, loc, sumSizes, b.getFloatAttr(computeType, 0.0));
    Value sums = createWindowSums(b, loc, positionSums, windowSizes, init,
                                  strides, dilations);
    if (grouped)
      return sums;
    int64_t rank = cast<RankedTensorType>(sums.getType()).getRank();
    return tensor::CollapseShapeOp::create(b, loc, sums,
                                           splitLastDim(rank - 1));
  }

  /// Σ filter² over the window and the channels of each filter: `F`, or
  /// `G × F/G` when grouped.
  static Value createFilterNorms(OpBuilder &b, Location loc, Value filter,
                                 Type computeType, bool grouped) {
    MLIRContext *context = b.getContext();
    auto type = cast<RankedTensorType>(filter.getType());
    unsigned rank = type.getRank();
    // Loops: the filter's trailing (group and) output-channel dims first,
    // then the window and channel dims it reduces over.
    unsigned numParallel = grouped ? 2 : 1;
    unsigned numReduced = rank - numParallel;
    SmallVector<unsigned> filterDims, outDims;
    for (unsigned d = 0; d < numReduced; ++d)
      filterDims.push_back(numParallel + d);
    for (unsigned d = 0; d < numParallel; ++d) {
      filterDims.push_back(d);
      outDims.push_back(d);
    }
    SmallVector<OpFoldResult> outSizes;
    for (unsigned d = numReduced; d < rank; ++d)
      outSizes.push_back(tensor::getMixedSize(b, loc, filter, d));
    Value init =
        createFilledTensor(b, loc, outSizes, b.getFloatAttr(computeType, 0.0));
    SmallVector<AffineMap> maps = {getDimsMap(context, rank, filterDims),
                                   getDimsMap(context, rank, outDims)};
    return createGeneric(
        b, loc, filter, init, maps, getIterators(numParallel, numReduced),
        [&](OpBuilder &nb, Location nl, ValueRange args) -> Value {
          Value value = convertFloat(nb, nl, args[0], computeType);
          Value square = arith::MulFOp::create(nb, nl, value, value);
          return arith::AddFOp::create(nb, nl, args[1], square);
        });
  }
};

} // namespace

void lowering::populateConvToLinalgPatterns(RewritePatternSet &patterns) {
  patterns.add<ConvOpLowering<ConvOp>, ConvOpLowering<ConvWithNormsOp>>(
      patterns.getContext());
}
