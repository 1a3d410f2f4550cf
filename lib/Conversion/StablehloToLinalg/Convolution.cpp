//===- Convolution.cpp - stablehlo.convolution to linalg ------------------===//

#include "PopulatePatterns.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Utils/StructuredOpsUtils.h"
#include "mlir/IR/AffineMap.h"
#include "mlir/Transforms/DialectConversion.h"
#include "yat/Dialect/StableHLO/IR/Stablehlo.h"
#include "yat/Dialect/Yat/Utils/LinalgBuilders.h"

#define DEBUG_TYPE "convert-stablehlo-to-linalg"

using namespace mlir;
using namespace mlir::yat;
using namespace mlir::yat::stablehlo_lowering;
namespace shlo = mlir::yat::stablehlo;

namespace {

/// Rewrites stablehlo.convolution into
///   1. stablehlo_lowering::emitReversedTensor of the kernel along the
///      reversed window dimensions (if any),
///   2. emitPaddedTensor of the input with zeros: edge padding (negative
///      crops) and lhs dilation as interior padding (if any),
///   3. for float channels-last convolutions without groups that
///      accumulate in f32, linalg.conv_{1d_nwc_wcf,2d_nhwc_hwcf,
///      3d_ndhwc_dhwcf} (the same loops and maps as below); otherwise one
///      linalg.generic with loops
///      (batch, output spatial..., output feature, window..., input feature)
///      reading input[b, o * stride + k * rhs_dilation, g * C/G + c] and
///      kernel[k, c, f] where g = f floordiv (F / G), in the operands' own
///      layouts (no transposes), accumulating in f32 for f16/bf16,
///   4. a rounding linalg.generic when the accumulator type differs from the
///      result element type.
struct ConvolutionToGeneric : public OpConversionPattern<shlo::ConvolutionOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(shlo::ConvolutionOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto lhsType = cast<RankedTensorType>(op.getLhs().getType());
    auto rhsType = cast<RankedTensorType>(op.getRhs().getType());
    auto resultType = cast<RankedTensorType>(op.getType());
    if (failed(
            requireStaticShapes(rewriter, op, {lhsType, rhsType, resultType})))
      return failure();
    if (op.getBatchGroupCountAttr().getInt() != 1)
      return rewriter.notifyMatchFailure(op, "batch_group_count must be 1");
    Location loc = op.getLoc();
    MLIRContext *ctx = rewriter.getContext();
    shlo::ConvDimensionNumbersAttr dims = op.getDimensionNumbers();
    int64_t numSpatial = op.getNumSpatialDims();
    int64_t rank = numSpatial + 2;
    SmallVector<int64_t> strides = op.getStridesOrDefault();
    SmallVector<int64_t> lhsDilation = op.getLhsDilationOrDefault();
    SmallVector<int64_t> rhsDilation = op.getRhsDilationOrDefault();
    SmallVector<bool> reversal = op.getWindowReversalOrDefault();
    SmallVector<std::pair<int64_t, int64_t>> padding = op.getPaddingOrDefault();
    ArrayRef<int64_t> inputSpatial = dims.getInputSpatialDimensions();
    ArrayRef<int64_t> kernelSpatial = dims.getKernelSpatialDimensions();
    ArrayRef<int64_t> outputSpatial = dims.getOutputSpatialDimensions();

    // 1. Window reversal.
    Value kernel = adaptor.getRhs();
    SmallVector<int64_t> reversedDims;
    for (int64_t i = 0; i < numSpatial; ++i)
      if (reversal[i])
        reversedDims.push_back(kernelSpatial[i]);
    if (!reversedDims.empty())
      kernel = emitReversedTensor(rewriter, loc, kernel, reversedDims);

    // 2. Edge padding and lhs dilation.
    Value input = adaptor.getLhs();
    SmallVector<int64_t> low(rank, 0), high(rank, 0), interior(rank, 0);
    SmallVector<int64_t> paddedShape(lhsType.getShape());
    bool needsPadding = false;
    for (int64_t i = 0; i < numSpatial; ++i) {
      int64_t d = inputSpatial[i];
      low[d] = padding[i].first;
      high[d] = padding[i].second;
      interior[d] = lhsDilation[i] - 1;
      int64_t size = lhsType.getDimSize(d);
      int64_t dilated = size == 0 ? 0 : (size - 1) * lhsDilation[i] + 1;
      paddedShape[d] = low[d] + dilated + high[d];
      needsPadding |= low[d] != 0 || high[d] != 0 || interior[d] != 0;
    }
    if (needsPadding) {
      auto paddedType =
          RankedTensorType::get(paddedShape, lhsType.getElementType());
      input =
          emitPaddedTensor(rewriter, loc, input,
                           emitZero(rewriter, loc, lhsType.getElementType()),
                           low, high, interior, paddedType);
    }

    // 3. The contraction and 4. its rounding to the result type.
    int64_t batchLoop = 0, featureLoop = 1 + numSpatial,
            channelLoop = 2 + 2 * numSpatial;
    auto outLoop = [&](int64_t i) { return 1 + i; };
    auto windowLoop = [&](int64_t i) { return 2 + numSpatial + i; };
    int64_t numLoops = 3 + 2 * numSpatial;
    auto dim = [&](int64_t loop) { return rewriter.getAffineDimExpr(loop); };

    int64_t groups = op.getFeatureGroupCountAttr().getInt();
    int64_t outFeatures =
        rhsType.getDimSize(dims.getKernelOutputFeatureDimension());
    int64_t groupInFeatures =
        rhsType.getDimSize(dims.getKernelInputFeatureDimension());
    SmallVector<AffineExpr> inputExprs(rank), kernelExprs(rank),
        outputExprs(rank);
    inputExprs[dims.getInputBatchDimension()] = dim(batchLoop);
    // With no output features there is nothing to compute and no group
    // size to divide by.
    int64_t groupOutFeatures = outFeatures / groups;
    inputExprs[dims.getInputFeatureDimension()] =
        groups == 1 || groupOutFeatures == 0
            ? dim(channelLoop)
            : dim(featureLoop).floorDiv(groupOutFeatures) * groupInFeatures +
                  dim(channelLoop);
    kernelExprs[dims.getKernelInputFeatureDimension()] = dim(channelLoop);
    kernelExprs[dims.getKernelOutputFeatureDimension()] = dim(featureLoop);
    outputExprs[dims.getOutputBatchDimension()] = dim(batchLoop);
    outputExprs[dims.getOutputFeatureDimension()] = dim(featureLoop);
    for (int64_t i = 0; i < numSpatial; ++i) {
      inputExprs[inputSpatial[i]] =
          dim(outLoop(i)) * strides[i] + dim(windowLoop(i)) * rhsDilation[i];
      kernelExprs[kernelSpatial[i]] = dim(windowLoop(i));
      outputExprs[outputSpatial[i]] = dim(outLoop(i));
    }
    SmallVector<AffineMap> maps = {
        AffineMap::get(numLoops, 0, inputExprs, ctx),
        AffineMap::get(numLoops, 0, kernelExprs, ctx),
        AffineMap::get(numLoops, 0, outputExprs, ctx)};
    SmallVector<utils::IteratorType> iterators(2 + numSpatial,
                                               utils::IteratorType::parallel);
    iterators.append(numSpatial + 1, utils::IteratorType::reduction);

    Type inputElement = lhsType.getElementType();
    if (groups == 1 && isChannelsLast(dims, numSpatial) &&
        isa<FloatType>(inputElement) &&
        rhsType.getElementType() == inputElement &&
        getAccumulatorType(inputElement, resultType.getElementType()).isF32()) {
      // The named convolution has these maps and loops; the CPU code
      // generator tiles it and runs it as its register-tiled kernel.
      Type f32 = rewriter.getF32Type();
      auto accType = RankedTensorType::get(resultType.getShape(), f32);
      Value init = emitFilledTensor(rewriter, loc, accType,
                                    emitZero(rewriter, loc, f32));
      Value sum = createNamedConv(rewriter, loc, input, kernel, init, strides,
                                  rhsDilation);
      rewriter.replaceOp(
          op, emitConvertedTensor(rewriter, loc, sum, f32, resultType));
      return success();
    }
    if (groups > 1 && groupOutFeatures > 0 &&
        isChannelsLast(dims, numSpatial)) {
      Value result =
          groupOutFeatures >= kMinGroupFeaturesForNamedConvs &&
                  groups <= kMaxGroupsForNamedConvs
              ? emitConvPerGroup(rewriter, loc, input, kernel, groups, strides,
                                 rhsDilation, inputElement, resultType)
              : emitGroupInnermostConv(rewriter, loc, input, kernel, groups,
                                       strides, rhsDilation, inputElement,
                                       resultType);
      if (result) {
        rewriter.replaceOp(op, result);
        return success();
      }
    }
    rewriter.replaceOp(op, emitContraction(rewriter, loc, input, kernel,
                                           inputElement, maps, iterators,
                                           resultType));
    return success();
  }

private:
  /// Output features per group from which a grouped channels-last
  /// convolution runs as one named convolution per group (the register-tiled
  /// kernel, whose columns are a group's output features), and the most
  /// groups it does that for. Other grouped convolutions put the group
  /// innermost and vectorize along it. 8x28x28x128, 32 groups of 4, 3x3, f32,
  /// 2 threads, AMD EPYC (2026-12-01): 14.8 ms with the group as part of
  /// the channel index (`f floordiv F` in a scalar generic), 1.6-2.2 ms with
  /// the group innermost; XLA 17-25 ms.
  static constexpr int64_t kMinGroupFeaturesForNamedConvs = 16;
  static constexpr int64_t kMaxGroupsForNamedConvs = 64;

  /// A channels-last grouped convolution as one named convolution per
  /// group on the group's slices of `input` and `kernel` (zero-padded,
  /// reversed), summing in f32 into a slice of the result. Null unless the
  /// inputs are floats summed in f32.
  static Value emitConvPerGroup(OpBuilder &b, Location loc, Value input,
                                Value kernel, int64_t groups,
                                ArrayRef<int64_t> strides,
                                ArrayRef<int64_t> dilations, Type inputElement,
                                RankedTensorType resultType) {
    if (!isa<FloatType>(inputElement) ||
        !getAccumulatorType(inputElement, resultType.getElementType()).isF32())
      return Value();
    auto inputType = cast<RankedTensorType>(input.getType());
    auto kernelType = cast<RankedTensorType>(kernel.getType());
    int64_t rank = inputType.getRank();
    int64_t groupIn = kernelType.getShape()[rank - 2];
    int64_t groupOut = kernelType.getShape().back() / groups;
    Type f32 = b.getF32Type();
    auto sumType = RankedTensorType::get(resultType.getShape(), f32);
    SmallVector<int64_t> groupSumShape(resultType.getShape());
    groupSumShape.back() = groupOut;
    auto groupSumType = RankedTensorType::get(groupSumShape, f32);
    Value sum = emitEmptyTensor(b, loc, sumType);
    Value zero = emitZero(b, loc, f32);
    // The slice of `value` holding channels [first, first + count) of its
    // last dim.
    auto sliceChannels = [&](Value value, int64_t first, int64_t count) {
      auto type = cast<RankedTensorType>(value.getType());
      SmallVector<int64_t> offsets(type.getRank(), 0);
      SmallVector<int64_t> sizes(type.getShape());
      offsets.back() = first;
      sizes.back() = count;
      return tensor::ExtractSliceOp::create(
          b, loc, value,
          ArrayRef<OpFoldResult>(
              getAsIndexOpFoldResult(b.getContext(), offsets)),
          getAsIndexOpFoldResult(b.getContext(), sizes),
          getAsIndexOpFoldResult(b.getContext(),
                                 SmallVector<int64_t>(type.getRank(), 1)));
    };
    for (int64_t g = 0; g < groups; ++g) {
      Value init = emitFilledTensor(b, loc, groupSumType, zero);
      Value groupSum =
          createNamedConv(b, loc, sliceChannels(input, g * groupIn, groupIn),
                          sliceChannels(kernel, g * groupOut, groupOut), init,
                          strides, dilations);
      SmallVector<int64_t> offsets(rank, 0);
      offsets.back() = g * groupOut;
      sum = tensor::InsertSliceOp::create(
          b, loc, groupSum, sum,
          getAsIndexOpFoldResult(b.getContext(), offsets),
          getAsIndexOpFoldResult(b.getContext(), groupSumShape),
          getAsIndexOpFoldResult(b.getContext(),
                                 SmallVector<int64_t>(rank, 1)));
    }
    return emitConvertedTensor(b, loc, sum, f32, resultType);
  }

  /// `value`, whose last dim holds `groups` groups of P channels (channel
  /// g·P + p), with that dim split into (P, groups): the group innermost.
  static Value emitGroupInnermost(OpBuilder &b, Location loc, Value value,
                                  int64_t groups) {
    auto type = cast<RankedTensorType>(value.getType());
    int64_t rank = type.getRank();
    int64_t perGroup = type.getShape().back() / groups;
    SmallVector<ReassociationIndices> reassociation;
    for (int64_t d = 0; d + 1 < rank; ++d)
      reassociation.push_back({d});
    reassociation.push_back({rank - 1, rank});
    SmallVector<int64_t> shape(type.getShape().drop_back());
    // One channel per group: channel g is already element (0, g).
    if (perGroup == 1) {
      shape.append({1, groups});
      return tensor::ExpandShapeOp::create(
          b, loc, RankedTensorType::get(shape, type.getElementType()), value,
          reassociation);
    }
    shape.append({groups, perGroup});
    Value split = tensor::ExpandShapeOp::create(
        b, loc, RankedTensorType::get(shape, type.getElementType()), value,
        reassociation);
    return createSwappedLastDims(b, loc, split);
  }

  /// The inverse of emitGroupInnermost: (P, groups) back to channel g·P + p.
  static Value emitGroupsMerged(OpBuilder &b, Location loc, Value value) {
    auto type = cast<RankedTensorType>(value.getType());
    int64_t rank = type.getRank();
    if (type.getShape()[rank - 2] != 1)
      value = createSwappedLastDims(b, loc, value);
    SmallVector<ReassociationIndices> reassociation;
    for (int64_t d = 0; d + 2 < rank; ++d)
      reassociation.push_back({d});
    reassociation.push_back({rank - 2, rank - 1});
    return tensor::CollapseShapeOp::create(b, loc, value, reassociation);
  }

  /// A channels-last grouped convolution with its operands' channels
  /// reordered group-innermost (emitGroupInnermost), as one generic with
  /// loops (batch, output spatial..., output feature f, window..., input
  /// feature c, group g) reading input'[b, o * stride + k * dilation, c, g]
  /// and kernel'[k, c, f, g] and writing out'[b, o, f, g]: every operand
  /// contiguous along the innermost loop, which the kernels vectorize.
  static Value emitGroupInnermostConv(OpBuilder &b, Location loc, Value input,
                                      Value kernel, int64_t groups,
                                      ArrayRef<int64_t> strides,
                                      ArrayRef<int64_t> dilations,
                                      Type inputElement,
                                      RankedTensorType resultType) {
    MLIRContext *ctx = b.getContext();
    int64_t numSpatial = strides.size();
    int64_t featureLoop = 1 + numSpatial, channelLoop = 2 + 2 * numSpatial,
            groupLoop = 3 + 2 * numSpatial, numLoops = 4 + 2 * numSpatial;
    auto dim = [&](int64_t loop) { return b.getAffineDimExpr(loop); };
    SmallVector<AffineExpr> inputExprs = {dim(0)}, kernelExprs,
                            outputExprs = {dim(0)};
    for (int64_t i = 0; i < numSpatial; ++i) {
      int64_t outLoop = 1 + i, windowLoop = 2 + numSpatial + i;
      inputExprs.push_back(dim(outLoop) * strides[i] +
                           dim(windowLoop) * dilations[i]);
      kernelExprs.push_back(dim(windowLoop));
      outputExprs.push_back(dim(outLoop));
    }
    inputExprs.append({dim(channelLoop), dim(groupLoop)});
    kernelExprs.append({dim(channelLoop), dim(featureLoop), dim(groupLoop)});
    outputExprs.append({dim(featureLoop), dim(groupLoop)});
    SmallVector<AffineMap> maps = {
        AffineMap::get(numLoops, 0, inputExprs, ctx),
        AffineMap::get(numLoops, 0, kernelExprs, ctx),
        AffineMap::get(numLoops, 0, outputExprs, ctx)};
    SmallVector<utils::IteratorType> iterators(2 + numSpatial,
                                               utils::IteratorType::parallel);
    iterators.append(numSpatial + 1, utils::IteratorType::reduction);
    iterators.push_back(utils::IteratorType::parallel);

    SmallVector<int64_t> outShape(resultType.getShape().drop_back());
    outShape.append({resultType.getShape().back() / groups, groups});
    Value out = emitContraction(
        b, loc, emitGroupInnermost(b, loc, input, groups),
        emitGroupInnermost(b, loc, kernel, groups), inputElement, maps,
        iterators,
        RankedTensorType::get(outShape, resultType.getElementType()));
    return emitGroupsMerged(b, loc, out);
  }

  /// Whether the convolution has linalg's channels-last layouts: input and
  /// output (batch, spatial..., feature), kernel (spatial..., input
  /// feature, output feature), for 1 to 3 spatial dims.
  static bool isChannelsLast(shlo::ConvDimensionNumbersAttr dims,
                             int64_t numSpatial) {
    if (numSpatial < 1 || numSpatial > 3)
      return false;
    auto inOrder = llvm::seq<int64_t>(1, numSpatial + 1);
    auto kernelOrder = llvm::seq<int64_t>(0, numSpatial);
    return dims.getInputBatchDimension() == 0 &&
           dims.getInputFeatureDimension() == numSpatial + 1 &&
           llvm::equal(dims.getInputSpatialDimensions(), inOrder) &&
           dims.getOutputBatchDimension() == 0 &&
           dims.getOutputFeatureDimension() == numSpatial + 1 &&
           llvm::equal(dims.getOutputSpatialDimensions(), inOrder) &&
           llvm::equal(dims.getKernelSpatialDimensions(), kernelOrder) &&
           dims.getKernelInputFeatureDimension() == numSpatial &&
           dims.getKernelOutputFeatureDimension() == numSpatial + 1;
  }
};

} // namespace

void stablehlo_lowering::populateConvolutionPatterns(
    const TypeConverter &typeConverter, RewritePatternSet &patterns) {
  patterns.add<ConvolutionToGeneric>(typeConverter, patterns.getContext());
}
