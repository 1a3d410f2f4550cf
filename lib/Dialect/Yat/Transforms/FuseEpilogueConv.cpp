//===- FuseEpilogueConv.cpp - fused tiles for yat.conv --------------------===//

#include "FuseEpilogue.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "yat/Dialect/Yat/IR/Yat.h"

#define DEBUG_TYPE "yat-fuse-epilogue"

using namespace mlir;
using namespace mlir::yat;
using namespace mlir::yat::fusion;

namespace {

/// What the fused lowering needs from a yat.conv or yat.conv_with_norms.
struct ConvParts {
  Value input, filter, filterNorms, bias;
  SmallVector<int64_t> strides, padding, dilations;
  int64_t groups = 1;
  EpilogueParams params;
  RankedTensorType resultType;
};

Value padInput(OpBuilder &b, Location loc, Value input,
               ArrayRef<int64_t> padding) {
  if (llvm::all_of(padding, [](int64_t p) { return p == 0; }))
    return input;
  auto type = cast<RankedTensorType>(input.getType());
  SmallVector<OpFoldResult> low = {b.getIndexAttr(0)};
  SmallVector<OpFoldResult> high = {b.getIndexAttr(0)};
  SmallVector<int64_t> shape = {type.getDimSize(0)};
  for (size_t d = 0; d < padding.size() / 2; ++d) {
    low.push_back(b.getIndexAttr(padding[2 * d]));
    high.push_back(b.getIndexAttr(padding[2 * d + 1]));
    shape.push_back(type.getDimSize(1 + d) + padding[2 * d] +
                    padding[2 * d + 1]);
  }
  low.push_back(b.getIndexAttr(0));
  high.push_back(b.getIndexAttr(0));
  shape.push_back(type.getShape().back());
  auto paddedType = RankedTensorType::get(shape, type.getElementType());
  Value zero =
      arith::ConstantOp::create(b, loc, b.getZeroAttr(type.getElementType()));
  return tensor::PadOp::create(b, loc, paddedType, input, low, high, zero);
}

/// `Σ input²` over each group's channels: `N x S1..Sd x groups`, f32.
Value createGroupSquares(OpBuilder &b, Location loc, Value input,
                         int64_t groups) {
  auto type = cast<RankedTensorType>(input.getType());
  int64_t rank = type.getRank();
  SmallVector<int64_t> shape(type.getShape());
  int64_t channels = shape.back();
  shape.back() = groups;
  shape.push_back(channels / groups);
  SmallVector<ReassociationIndices> reassociation;
  for (int64_t d = 0; d + 1 < rank; ++d)
    reassociation.push_back({d});
  reassociation.push_back({rank - 1, rank});
  Value split = tensor::ExpandShapeOp::create(
      b, loc, RankedTensorType::get(shape, type.getElementType()), input,
      reassociation);
  return createSumOfSquares(b, loc, split, {rank});
}

/// The largest divisor of `value` that is at most `limit`.
int64_t largestDivisorAtMost(int64_t value, int64_t limit) {
  for (int64_t d = std::min(value, limit); d > 1; --d)
    if (value % d == 0)
      return d;
  return 1;
}

/// Rewrites `yat.conv` / `yat.conv_with_norms` with static shapes into an
/// `scf.forall` over output tiles `1 x 1.. x positions x channels` (one
/// segment of the innermost output row by a block of output channels inside
/// one group). The input is zero-padded once, `Σ input²` per group is
/// computed once, and so are the filter norms unless supplied. Each tile
/// computes its f32 dot with a `linalg.conv_*` on the input window it
/// reads, the window sums of squares with a `linalg.pooling_*_sum`, and the
/// ⵟ epilogue with one elementwise `linalg.generic`.
template <typename OpTy> struct FuseConvPattern : OpRewritePattern<OpTy> {
  FuseConvPattern(MLIRContext *context, const TileSizes &sizes,
                  bool groupedOnly)
      : OpRewritePattern<OpTy>(context), sizes(sizes),
        groupedOnly(groupedOnly) {}

  LogicalResult matchAndRewrite(OpTy op,
                                PatternRewriter &rewriter) const override {
    if (groupedOnly && op.getGroups() == 1)
      return rewriter.notifyMatchFailure(
          op, "only grouped convolutions are lowered here");
    ConvParts parts;
    parts.input = op.getInput();
    parts.filter = op.getFilter();
    parts.bias = op.getBias();
    if constexpr (std::is_same_v<OpTy, ConvWithNormsOp>)
      parts.filterNorms = op.getFilterNorms();
    parts.strides = op.getStridesOrDefault();
    parts.padding = op.getPaddingOrDefault();
    parts.dilations = op.getDilationsOrDefault();
    parts.groups = op.getGroups();
    parts.params.epsilon = op.getEpsilon().convertToDouble();
    parts.params.alpha = op.getAlpha().convertToDouble();
    parts.params.hasBias = static_cast<bool>(parts.bias);
    parts.resultType = op.getResult().getType();
    int64_t numSpatial = op.getNumSpatialDims();
    if (numSpatial < 1 || numSpatial > 3)
      return rewriter.notifyMatchFailure(op, "expected 1 to 3 spatial dims");
    if (!isFusableTensorType(parts.input.getType()) ||
        !isFusableTensorType(parts.filter.getType()) ||
        !isFusableTensorType(parts.resultType) ||
        (parts.bias && !isFusableTensorType(parts.bias.getType())) ||
        (parts.filterNorms &&
         !cast<RankedTensorType>(parts.filterNorms.getType()).hasStaticShape()))
      return rewriter.notifyMatchFailure(
          op, "the fused lowering needs non-empty static shapes and f32, "
              "f16 or bf16 elements");
    if (parts.groups < 1)
      return rewriter.notifyMatchFailure(op, "expected positive groups");
    rewriter.replaceOp(op, lower(rewriter, op.getLoc(), parts));
    return success();
  }

  Value lower(PatternRewriter &b, Location loc, const ConvParts &parts) const {
    MLIRContext *context = b.getContext();
    auto filterType = cast<RankedTensorType>(parts.filter.getType());
    int64_t numSpatial = filterType.getRank() - 2;
    ArrayRef<int64_t> window = filterType.getShape().take_front(numSpatial);
    int64_t groupChannels = filterType.getDimSize(numSpatial);
    int64_t filters = filterType.getDimSize(numSpatial + 1);
    int64_t groupFilters = filters / parts.groups;
    ArrayRef<int64_t> outShape = parts.resultType.getShape();
    int64_t rank = parts.resultType.getRank();

    Value input = padInput(b, loc, parts.input, parts.padding);
    Value squares = createGroupSquares(b, loc, input, parts.groups);
    SmallVector<int64_t> filterReduced;
    for (int64_t d = 0; d <= numSpatial; ++d)
      filterReduced.push_back(d);
    Value filterNorms =
        parts.filterNorms
            ? parts.filterNorms
            : createSumOfSquares(b, loc, parts.filter, filterReduced);
    if (cast<RankedTensorType>(filterNorms.getType()).getDimSize(0) != filters)
      filterNorms = tensor::CastOp::create(
          b, loc, RankedTensorType::get({filters}, b.getF32Type()),
          filterNorms);

    // Tile: one output row segment by a block of channels within a group.
    int64_t positionStep =
        std::min(outShape[rank - 2], sizes.convTilePositions);
    int64_t channelStep =
        parts.groups == 1
            ? std::min(filters, sizes.tileColumns)
            : largestDivisorAtMost(groupFilters, sizes.tileColumns);
    SmallVector<int64_t> steps(rank, 1);
    steps[rank - 2] = positionStep;
    steps[rank - 1] = channelStep;

    Value init = tensor::EmptyOp::create(b, loc, outShape,
                                         parts.resultType.getElementType());
    Value filter = parts.filter, bias = parts.bias;
    scf::ForallOp forall = createTiledForall(
        b, loc, outShape, steps, init,
        [&](OpBuilder &nb, Location nl, ValueRange ivs, Value sharedOut,
            SmallVectorImpl<OpFoldResult> &offsets,
            SmallVectorImpl<OpFoldResult> &tileSizes) -> Value {
          OpFoldResult one = nb.getIndexAttr(1);
          OpFoldResult zero = nb.getIndexAttr(0);
          Value position = ivs[rank - 2], channel = ivs[rank - 1];
          OpFoldResult positions =
              getTileSize(nb, nl, position, outShape[rank - 2], positionStep);
          OpFoldResult channels =
              getTileSize(nb, nl, channel, filters, channelStep);
          offsets.assign(ivs.begin(), ivs.end());
          tileSizes.assign(rank, one);
          tileSizes[rank - 2] = positions;
          tileSizes[rank - 1] = channels;

          // The group of this tile's channels.
          Value group = affine::makeComposedAffineApply(
              nb, nl, nb.getAffineDimExpr(0).floorDiv(groupFilters), {channel});

          // The input window: o·stride .. (o + n − 1)·stride + (K − 1)·dil.
          SmallVector<OpFoldResult> inOffsets = {ivs[0]};
          SmallVector<OpFoldResult> inSizes = {one};
          SmallVector<OpFoldResult> squareOffsets = {ivs[0]};
          for (int64_t d = 0; d < numSpatial; ++d) {
            int64_t stride = parts.strides[d];
            int64_t span = (window[d] - 1) * parts.dilations[d] + 1;
            OpFoldResult start = affine::makeComposedFoldedAffineApply(
                nb, nl, nb.getAffineDimExpr(0) * stride, {ivs[1 + d]});
            OpFoldResult count = nb.getIndexAttr(span);
            if (d == numSpatial - 1)
              count = affine::makeComposedFoldedAffineApply(
                  nb, nl, (nb.getAffineDimExpr(0) - 1) * stride + span,
                  {positions});
            inOffsets.push_back(start);
            inSizes.push_back(count);
            squareOffsets.push_back(start);
          }
          SmallVector<OpFoldResult> squareSizes = inSizes;
          inOffsets.push_back(affine::makeComposedFoldedAffineApply(
              nb, nl, nb.getAffineDimExpr(0) * groupChannels, {group}));
          inSizes.push_back(nb.getIndexAttr(groupChannels));
          squareOffsets.push_back(group);
          squareSizes.push_back(one);
          SmallVector<OpFoldResult> unitStrides(rank, one);
          Value inputTile = tensor::ExtractSliceOp::create(
              nb, nl, input, inOffsets, inSizes, unitStrides);
          Value squaresTile = tensor::ExtractSliceOp::create(
              nb, nl, squares, squareOffsets, squareSizes, unitStrides);

          SmallVector<OpFoldResult> filterOffsets(rank, zero);
          SmallVector<OpFoldResult> filterSizes;
          for (int64_t d = 0; d < rank - 1; ++d)
            filterSizes.push_back(nb.getIndexAttr(filterType.getDimSize(d)));
          filterOffsets[rank - 1] = channel;
          filterSizes.push_back(channels);
          Value filterTile = tensor::ExtractSliceOp::create(
              nb, nl, filter, filterOffsets, filterSizes, unitStrides);

          // dot and window sums of squares of this tile, in f32.
          Value zeroF32 = createF32Constant(nb, nl, 0.0);
          Value dotEmpty =
              tensor::EmptyOp::create(nb, nl, tileSizes, nb.getF32Type());
          Value dotInit =
              linalg::FillOp::create(nb, nl, zeroF32, dotEmpty).getResult(0);
          Value dot = createNamedConv(nb, nl, inputTile, filterTile, dotInit,
                                      parts.strides, parts.dilations);
          SmallVector<OpFoldResult> patchSizes(tileSizes.begin(),
                                               tileSizes.end());
          patchSizes.back() = one;
          Value patchEmpty =
              tensor::EmptyOp::create(nb, nl, patchSizes, nb.getF32Type());
          Value patchInit =
              linalg::FillOp::create(nb, nl, zeroF32, patchEmpty).getResult(0);
          Value patch =
              createWindowSums(nb, nl, squaresTile,
                               getAsIndexOpFoldResult(nb.getContext(), window),
                               patchInit, parts.strides, parts.dilations);
          // Drop the unit channel dim of the window sums.
          SmallVector<ReassociationIndices> dropChannel;
          for (int64_t d = 0; d + 2 < rank; ++d)
            dropChannel.push_back({d});
          dropChannel.push_back({rank - 2, rank - 1});
          patch = tensor::CollapseShapeOp::create(nb, nl, patch, dropChannel);

          Value normsTile = tensor::ExtractSliceOp::create(
              nb, nl, filterNorms, ArrayRef<OpFoldResult>{channel},
              ArrayRef<OpFoldResult>{channels}, ArrayRef<OpFoldResult>{one});
          SmallVector<Value> inputs = {dot, patch, normsTile};
          SmallVector<unsigned> allDims, positionDims;
          for (int64_t d = 0; d < rank; ++d) {
            allDims.push_back(d);
            if (d + 1 < rank)
              positionDims.push_back(d);
          }
          unsigned channelDim = rank - 1;
          SmallVector<AffineMap> maps = {
              getDimsMap(context, rank, allDims),
              getDimsMap(context, rank, positionDims),
              getDimsMap(context, rank, {channelDim})};
          if (bias) {
            inputs.push_back(tensor::ExtractSliceOp::create(
                nb, nl, bias, ArrayRef<OpFoldResult>{channel},
                ArrayRef<OpFoldResult>{channels}, ArrayRef<OpFoldResult>{one}));
            maps.push_back(getDimsMap(context, rank, {channelDim}));
          }
          maps.push_back(getDimsMap(context, rank, allDims));
          Value outTile = tensor::ExtractSliceOp::create(
              nb, nl, sharedOut, offsets, tileSizes, unitStrides);
          Type resultElement = parts.resultType.getElementType();
          const EpilogueParams &params = parts.params;
          return createGeneric(
              nb, nl, inputs, outTile, maps, getIterators(rank),
              [&](OpBuilder &bb, Location bl, ValueRange args) -> Value {
                Value value = createEpilogue(bb, bl, args[0], args[1], args[2],
                                             bias ? args[3] : Value(), params);
                return truncateFromF32(bb, bl, value, resultElement);
              });
        });
    return forall.getResult(0);
  }

  TileSizes sizes;
  bool groupedOnly;
};

} // namespace

void fusion::populateFuseConvPatterns(RewritePatternSet &patterns,
                                      const TileSizes &sizes,
                                      bool groupedOnly) {
  patterns.add<FuseConvPattern<ConvOp>, FuseConvPattern<ConvWithNormsOp>>(
      patterns.getContext(), sizes, groupedOnly);
}
