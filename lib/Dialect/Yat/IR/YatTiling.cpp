//===- YatTiling.cpp - TilingInterface of the ⵟ ops -----------------------===//
//
// The ⵟ ops tile over the index space of their result. Each result element
// needs whole rows of the reduced operands (the ⵟ epilogue is not linear in
// the dot product, so a contraction dim cannot be split), so the iteration
// domain is the result's dims, all parallel, and a tile is the same op on
// slices of its operands. With that, upstream's drivers
// (scf::tileUsingSCF, scf::tileConsumerAndFuseProducersUsingSCF, the
// transform dialect's tile and fuse ops) tile yat ops and fuse them with
// their producers and consumers like any linalg op.
//
// A dim that cannot be sliced without changing what the op computes must
// be left whole: the spatial dims of a padded yat.conv, its filters when a
// tile would hold part of a group and more, and more than one grouped query
// head of an attention whose kv heads its query heads share in groups (GQA).
// Tiling such a dim fails. A tile of a causal attention's query rows reads the
// prefix of the keys that its queries see.
//
// yat.linear_recurrence has two results; its iteration domain is
// (B, T, D) with the scan over T as a reduction that every tile keeps
// whole, so that a tile is the recurrence of some batch rows and channels.
//
//===----------------------------------------------------------------------===//

#include "yat/Dialect/Yat/IR/Yat.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Arith/Utils/Utils.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/Dialect/Utils/StructuredOpsUtils.h"
#include "mlir/Interfaces/InferTypeOpInterface.h"

using namespace mlir;
using namespace mlir::yat;

namespace {

/// The slices of one tile: operands are sliced along some of their dims
/// and kept whole along the others.
class TileBuilder {
public:
  TileBuilder(OpBuilder &b, Location loc) : b(b), loc(loc) {}

  /// `source` sliced to `sizes` at `offsets` along `dims` (unit strides),
  /// whole along its other dims.
  Value slice(Value source, ArrayRef<int64_t> dims,
              ArrayRef<OpFoldResult> offsets, ArrayRef<OpFoldResult> sizes) {
    auto type = cast<RankedTensorType>(source.getType());
    SmallVector<OpFoldResult> sliceOffsets(type.getRank(), b.getIndexAttr(0));
    SmallVector<OpFoldResult> sliceSizes =
        tensor::getMixedSizes(b, loc, source);
    for (auto [dim, offset, size] : llvm::zip_equal(dims, offsets, sizes)) {
      sliceOffsets[dim] = offset;
      sliceSizes[dim] = size;
    }
    SmallVector<OpFoldResult> strides(type.getRank(), b.getIndexAttr(1));
    auto sliceOp = tensor::ExtractSliceOp::create(b, loc, source, sliceOffsets,
                                                  sliceSizes, strides);
    slices.push_back(sliceOp);
    return sliceOp.getResult();
  }

  /// `Σ coefficient · term` on indices, folded when every term is constant.
  OpFoldResult sum(ArrayRef<std::pair<OpFoldResult, int64_t>> terms) {
    int64_t constant = 0;
    Value result;
    for (auto [term, coefficient] : terms) {
      if (std::optional<int64_t> value = getConstantIntValue(term)) {
        constant += *value * coefficient;
        continue;
      }
      Value scaled = getValueOrCreateConstantIndexOp(b, loc, term);
      if (coefficient != 1)
        scaled = arith::MulIOp::create(
            b, loc, scaled,
            arith::ConstantIndexOp::create(b, loc, coefficient));
      result = result ? arith::AddIOp::create(b, loc, result, scaled) : scaled;
    }
    if (!result)
      return b.getIndexAttr(constant);
    if (constant == 0)
      return result;
    return arith::AddIOp::create(
               b, loc, result, arith::ConstantIndexOp::create(b, loc, constant))
        .getResult();
  }

  /// `value / divisor` (both non-negative) on indices, folded when `value`
  /// is constant.
  OpFoldResult divide(OpFoldResult value, int64_t divisor) {
    if (divisor == 1)
      return value;
    if (std::optional<int64_t> constant = getConstantIntValue(value))
      return b.getIndexAttr(*constant / divisor);
    return arith::DivUIOp::create(
               b, loc, getValueOrCreateConstantIndexOp(b, loc, value),
               arith::ConstantIndexOp::create(b, loc, divisor))
        .getResult();
  }

  /// `op` again on `operands`, with a result of `sizes`.
  TilingResult finish(Operation *op, ValueRange operands,
                      ArrayRef<OpFoldResult> sizes) {
    auto resultType = cast<RankedTensorType>(op->getResult(0).getType());
    SmallVector<int64_t> shape;
    for (OpFoldResult size : sizes)
      shape.push_back(getConstantIntValue(size).value_or(ShapedType::kDynamic));
    Operation *tiled =
        clone(b, op, {resultType.clone(shape)}, SmallVector<Value>(operands));
    return TilingResult{{tiled}, {tiled->getResult(0)}, std::move(slices)};
  }

  /// The slices made so far, for a TilingResult built by hand.
  SmallVector<Operation *> takeSlices() { return std::move(slices); }

private:
  OpBuilder &b;
  Location loc;
  SmallVector<Operation *> slices;
};

/// True when the tile covers all of dim `dim` of `type` (known statically).
bool coversWholeDim(RankedTensorType type, int64_t dim, OpFoldResult offset,
                    OpFoldResult size) {
  return isConstantIntValue(offset, 0) && !type.isDynamicDim(dim) &&
         isConstantIntValue(size, type.getDimSize(dim));
}

/// `size` for messages: the number, or `?` when dynamic.
std::string getDimText(int64_t size) {
  return ShapedType::isDynamic(size) ? "?" : std::to_string(size);
}

/// Fails a tiling that would change what `op` computes. Tiling on request
/// says why; the fusion drivers try producers speculatively and expect a
/// silent failure.
FailureOr<TilingResult> refuse(Operation *op, bool emitErrors,
                               const Twine &reason) {
  if (emitErrors)
    op->emitOpError() << reason;
  return failure();
}

//===----------------------------------------------------------------------===//
// yat.product, yat.product_with_norms
//===----------------------------------------------------------------------===//

/// A tile `x[lead tile, :]`, `w[n tile, :]` (and the norms and bias of its
/// rows); `wNorms` is null for yat.product.
FailureOr<TilingResult> tileProduct(Operation *op, OpBuilder &b, Value x,
                                    Value w, Value wNorms, Value bias,
                                    ArrayRef<OpFoldResult> offsets,
                                    ArrayRef<OpFoldResult> sizes) {
  TileBuilder tile(b, op->getLoc());
  int64_t lead = static_cast<int64_t>(offsets.size()) - 1;
  SmallVector<int64_t> leadDims = llvm::to_vector(llvm::seq<int64_t>(0, lead));
  SmallVector<Value> operands = {
      tile.slice(x, leadDims, offsets.drop_back(), sizes.drop_back()),
      tile.slice(w, {0}, offsets.back(), sizes.back())};
  if (wNorms)
    operands.push_back(tile.slice(wNorms, {0}, offsets.back(), sizes.back()));
  if (bias)
    operands.push_back(tile.slice(bias, {0}, offsets.back(), sizes.back()));
  return tile.finish(op, operands, sizes);
}

//===----------------------------------------------------------------------===//
// yat.conv, yat.conv_with_norms
//===----------------------------------------------------------------------===//

/// A tile of the output `N x O.. x F`: the batch rows, for each sliced
/// spatial dim the input window its outputs read, and the filters (with
/// their norms and bias) of the tile. With groups, a tile of filters inside
/// one group is an ungrouped convolution of that group's input channels,
/// and a tile of whole groups a grouped convolution of theirs.
template <typename ConvOpTy>
FailureOr<TilingResult> tileConv(ConvOpTy op, OpBuilder &b, Value filterNorms,
                                 ArrayRef<OpFoldResult> offsets,
                                 ArrayRef<OpFoldResult> sizes,
                                 bool emitErrors) {
  auto resultType = cast<RankedTensorType>(op.getResult().getType());
  auto filterType = cast<RankedTensorType>(op.getFilter().getType());
  int64_t spatial = op.getNumSpatialDims();
  int64_t filterDim = resultType.getRank() - 1;
  SmallVector<int64_t> strides = op.getStridesOrDefault();
  SmallVector<int64_t> padding = op.getPaddingOrDefault();
  SmallVector<int64_t> dilations = op.getDilationsOrDefault();
  TileBuilder tile(b, op.getLoc());

  SmallVector<int64_t> inputDims = {0};
  SmallVector<OpFoldResult> inputOffsets = {offsets[0]},
                            inputSizes = {sizes[0]};
  for (int64_t d = 0; d < spatial; ++d) {
    if (coversWholeDim(resultType, d + 1, offsets[d + 1], sizes[d + 1]))
      continue;
    // Padding is an attribute of the whole op: a tile at the border would
    // need its own.
    if (padding[2 * d] != 0 || padding[2 * d + 1] != 0 ||
        filterType.isDynamicDim(d))
      return refuse(op, emitErrors,
                    "cannot tile spatial dim " + Twine(d) +
                        " (only unpadded dims with a static window can be "
                        "tiled)");
    // Outputs [o, o + n) read inputs [o·s, (n − 1)·s + (k − 1)·d + 1).
    int64_t window = (filterType.getDimSize(d) - 1) * dilations[d] + 1;
    inputDims.push_back(d + 1);
    inputOffsets.push_back(tile.sum({{offsets[d + 1], strides[d]}}));
    inputSizes.push_back(tile.sum({{sizes[d + 1], strides[d]},
                                   {b.getIndexAttr(window - strides[d]), 1}}));
  }
  Value filter = op.getFilter(), bias = op.getBias();
  // The groups of the tile, when the filters are tiled with groups.
  std::optional<int64_t> tileGroups;
  if (!coversWholeDim(resultType, filterDim, offsets.back(), sizes.back())) {
    if (int64_t groups = op.getGroups(); groups != 1) {
      // A tile of filters inside one group reads that group's channels
      // alone: an ungrouped convolution of them. A tile of whole groups
      // reads their channels: a convolution with that many groups.
      int64_t filters = filterType.getShape().back();
      int64_t channels =
          cast<RankedTensorType>(op.getInput().getType()).getShape().back();
      std::optional<int64_t> tileFilters = getConstantIntValue(sizes.back());
      int64_t groupFilters = filters / groups;
      if (ShapedType::isDynamic(filters) || ShapedType::isDynamic(channels) ||
          !tileFilters || *tileFilters < 1 ||
          (groupFilters % *tileFilters != 0 &&
           *tileFilters % groupFilters != 0))
        return refuse(op, emitErrors,
                      "cannot tile the " + getDimText(filters) +
                          " filters of a convolution with " + Twine(groups) +
                          " groups by " +
                          (tileFilters ? Twine(*tileFilters) : Twine("?")) +
                          " (a tile must lie within one group, or hold "
                          "whole groups, of static size)");
      int64_t groupChannels = channels / groups;
      tileGroups = std::max<int64_t>(1, *tileFilters / groupFilters);
      inputDims.push_back(spatial + 1);
      inputOffsets.push_back(tile.sum(
          {{tile.divide(offsets.back(), groupFilters), groupChannels}}));
      inputSizes.push_back(b.getIndexAttr(*tileGroups * groupChannels));
    }
    int64_t filterRank = filterType.getRank();
    filter = tile.slice(filter, {filterRank - 1}, offsets.back(), sizes.back());
    if (filterNorms)
      filterNorms = tile.slice(filterNorms, {0}, offsets.back(), sizes.back());
    if (bias)
      bias = tile.slice(bias, {0}, offsets.back(), sizes.back());
  }
  SmallVector<Value> operands = {
      tile.slice(op.getInput(), inputDims, inputOffsets, inputSizes)};
  operands.push_back(filter);
  if (filterNorms)
    operands.push_back(filterNorms);
  if (bias)
    operands.push_back(bias);
  FailureOr<TilingResult> tiled = tile.finish(op, operands, sizes);
  if (tileGroups)
    tiled->tiledOps.front()->setAttr(op.getGroupsAttrName(),
                                     b.getI64IntegerAttr(*tileGroups));
  return tiled;
}

//===----------------------------------------------------------------------===//
// yat.attention
//===----------------------------------------------------------------------===//

/// A tile of the result `B x H x Tq x Dv`: q's rows of the tile, the kv heads
/// its query heads read, the keys its queries see and v's columns of the
/// tile.
///
/// Heads: a tile of query heads reads the same kv heads when q, k and v
/// share them (MHA) or when there is one kv head (MQA); one query head `h`
/// at a time reads kv head `h / (H / Hkv)` whatever the layout (GQA).
///
/// Causal query rows: the mask is aligned to the last query, so a tile of
/// rows `[r, r + n)` reads the keys `[0, r + n + Tk − Tq)`. In the tile,
/// whose last query is then aligned to its last key, query `i − r` sees key
/// `j` when `j ≤ (i − r) + (r + Tk − Tq) = i + (Tk − Tq)`, as in the op. The
/// keys past a tile's last visible one are not read at all. (A count below
/// zero, possible only when Tq > Tk at run time, reads no key: no row of
/// that tile sees one.)
FailureOr<TilingResult> tileAttention(AttentionOp op, OpBuilder &b,
                                      ArrayRef<OpFoldResult> offsets,
                                      ArrayRef<OpFoldResult> sizes,
                                      bool emitErrors) {
  auto resultType = cast<RankedTensorType>(op.getResult().getType());
  auto qType = cast<RankedTensorType>(op.getQ().getType());
  auto kType = cast<RankedTensorType>(op.getK().getType());
  Location loc = op.getLoc();
  TileBuilder tile(b, loc);
  SmallVector<int64_t> qDims = {0}, kvDims = {0};
  SmallVector<OpFoldResult> qOffsets = {offsets[0]}, qSizes = {sizes[0]};
  SmallVector<OpFoldResult> kvOffsets = {offsets[0]}, kvSizes = {sizes[0]};

  if (!coversWholeDim(resultType, 1, offsets[1], sizes[1])) {
    int64_t heads = qType.getDimSize(1), kvHeads = kType.getDimSize(1);
    bool staticHeads = !qType.isDynamicDim(1) && !kType.isDynamicDim(1);
    bool sharedHeads = staticHeads && heads == kvHeads;
    bool oneKvHead = kvHeads == 1;
    bool oneQueryHead = staticHeads && isConstantIntValue(sizes[1], 1);
    if (!sharedHeads && !oneKvHead && !oneQueryHead)
      return refuse(op, emitErrors,
                    "cannot tile the heads when " + getDimText(heads) +
                        " query heads share " + getDimText(kvHeads) +
                        " kv heads (MHA and MQA heads tile in any number, "
                        "grouped heads with static counts one at a time)");
    qDims.push_back(1);
    qOffsets.push_back(offsets[1]);
    qSizes.push_back(sizes[1]);
    if (sharedHeads) {
      kvDims.push_back(1);
      kvOffsets.push_back(offsets[1]);
      kvSizes.push_back(sizes[1]);
    } else if (!oneKvHead) {
      kvDims.push_back(1);
      kvOffsets.push_back(tile.divide(offsets[1], heads / kvHeads));
      kvSizes.push_back(b.getIndexAttr(1));
    }
  }
  if (!coversWholeDim(resultType, 2, offsets[2], sizes[2])) {
    qDims.push_back(2);
    qOffsets.push_back(offsets[2]);
    qSizes.push_back(sizes[2]);
    if (op.getCausal()) {
      OpFoldResult keys = tensor::getMixedSize(b, loc, op.getK(), 2);
      OpFoldResult queries = tensor::getMixedSize(b, loc, op.getQ(), 2);
      OpFoldResult visibleKeys =
          tile.sum({{offsets[2], 1}, {sizes[2], 1}, {keys, 1}, {queries, -1}});
      // Only sequence lengths known at run time can have Tq > Tk, when the
      // first rows see no key at all (and yield 0).
      if (!isa<Attribute>(visibleKeys) &&
          (qType.isDynamicDim(2) || kType.isDynamicDim(2)))
        visibleKeys =
            arith::MaxSIOp::create(b, loc, cast<Value>(visibleKeys),
                                   arith::ConstantIndexOp::create(b, loc, 0))
                .getResult();
      kvDims.push_back(2);
      kvOffsets.push_back(b.getIndexAttr(0));
      kvSizes.push_back(visibleKeys);
    }
  }
  SmallVector<int64_t> vDims = kvDims;
  SmallVector<OpFoldResult> vOffsets = kvOffsets, vSizes = kvSizes;
  vDims.push_back(3);
  vOffsets.push_back(offsets[3]);
  vSizes.push_back(sizes[3]);
  // D is never sliced, so the default scale 1/sqrt(D) is every tile's.
  return tile.finish(op,
                     {tile.slice(op.getQ(), qDims, qOffsets, qSizes),
                      tile.slice(op.getK(), kvDims, kvOffsets, kvSizes),
                      tile.slice(op.getV(), vDims, vOffsets, vSizes)},
                     sizes);
}

} // namespace

//===----------------------------------------------------------------------===//
// The interface methods, shared by the five ops
//===----------------------------------------------------------------------===//

/// Every yat op that tiles over its result: the result's dims, parallel.
template <typename OpTy>
static SmallVector<utils::IteratorType> getResultIteratorTypes(OpTy op) {
  return SmallVector<utils::IteratorType>(
      cast<RankedTensorType>(op.getResult().getType()).getRank(),
      utils::IteratorType::parallel);
}

template <typename OpTy>
static SmallVector<Range> getResultDomain(OpTy op, OpBuilder &b) {
  ReifiedRankedShapedTypeDims shapes;
  if (failed(reifyResultShapes(b, op, shapes)))
    return {};
  SmallVector<Range> domain;
  for (OpFoldResult size : shapes.front())
    domain.push_back(Range{b.getIndexAttr(0), size, b.getIndexAttr(1)});
  return domain;
}

/// The tile of the result is the tile of the iteration domain.
static LogicalResult getIdentityTile(ArrayRef<OpFoldResult> offsets,
                                     ArrayRef<OpFoldResult> sizes,
                                     SmallVectorImpl<OpFoldResult> &tileOffsets,
                                     SmallVectorImpl<OpFoldResult> &tileSizes) {
  tileOffsets.assign(offsets.begin(), offsets.end());
  tileSizes.assign(sizes.begin(), sizes.end());
  return success();
}

static FailureOr<TilingResult> tileOp(ProductOp op, OpBuilder &b,
                                      ArrayRef<OpFoldResult> offsets,
                                      ArrayRef<OpFoldResult> sizes, bool) {
  return tileProduct(op, b, op.getX(), op.getW(), /*wNorms=*/Value(),
                     op.getBias(), offsets, sizes);
}

static FailureOr<TilingResult> tileOp(ProductWithNormsOp op, OpBuilder &b,
                                      ArrayRef<OpFoldResult> offsets,
                                      ArrayRef<OpFoldResult> sizes, bool) {
  return tileProduct(op, b, op.getX(), op.getW(), op.getWNorms(), op.getBias(),
                     offsets, sizes);
}

static FailureOr<TilingResult> tileOp(ConvOp op, OpBuilder &b,
                                      ArrayRef<OpFoldResult> offsets,
                                      ArrayRef<OpFoldResult> sizes,
                                      bool emitErrors) {
  return tileConv(op, b, /*filterNorms=*/Value(), offsets, sizes, emitErrors);
}

static FailureOr<TilingResult> tileOp(ConvWithNormsOp op, OpBuilder &b,
                                      ArrayRef<OpFoldResult> offsets,
                                      ArrayRef<OpFoldResult> sizes,
                                      bool emitErrors) {
  return tileConv(op, b, op.getFilterNorms(), offsets, sizes, emitErrors);
}

static FailureOr<TilingResult> tileOp(AttentionOp op, OpBuilder &b,
                                      ArrayRef<OpFoldResult> offsets,
                                      ArrayRef<OpFoldResult> sizes,
                                      bool emitErrors) {
  return tileAttention(op, b, offsets, sizes, emitErrors);
}

#define YAT_DEFINE_TILING_OVER_RESULT(OpTy)                                    \
  SmallVector<utils::IteratorType> OpTy::getLoopIteratorTypes() {              \
    return getResultIteratorTypes(*this);                                      \
  }                                                                            \
  SmallVector<Range> OpTy::getIterationDomain(OpBuilder &b) {                  \
    return getResultDomain(*this, b);                                          \
  }                                                                            \
  LogicalResult OpTy::getResultTilePosition(                                   \
      OpBuilder &, unsigned, ArrayRef<OpFoldResult> offsets,                   \
      ArrayRef<OpFoldResult> sizes, SmallVector<OpFoldResult> &resultOffsets,  \
      SmallVector<OpFoldResult> &resultSizes) {                                \
    return getIdentityTile(offsets, sizes, resultOffsets, resultSizes);        \
  }                                                                            \
  LogicalResult OpTy::getIterationDomainTileFromResultTile(                    \
      OpBuilder &, unsigned, ArrayRef<OpFoldResult> offsets,                   \
      ArrayRef<OpFoldResult> sizes,                                            \
      SmallVectorImpl<OpFoldResult> &domainOffsets,                            \
      SmallVectorImpl<OpFoldResult> &domainSizes) {                            \
    return getIdentityTile(offsets, sizes, domainOffsets, domainSizes);        \
  }                                                                            \
  FailureOr<TilingResult> OpTy::getTiledImplementation(                        \
      OpBuilder &b, ArrayRef<OpFoldResult> offsets,                            \
      ArrayRef<OpFoldResult> sizes) {                                          \
    return tileOp(*this, b, offsets, sizes, /*emitErrors=*/true);              \
  }                                                                            \
  FailureOr<TilingResult> OpTy::generateResultTileValue(                       \
      OpBuilder &b, unsigned, ArrayRef<OpFoldResult> offsets,                  \
      ArrayRef<OpFoldResult> sizes) {                                          \
    return tileOp(*this, b, offsets, sizes, /*emitErrors=*/false);             \
  }

YAT_DEFINE_TILING_OVER_RESULT(ProductOp)
YAT_DEFINE_TILING_OVER_RESULT(ProductWithNormsOp)
YAT_DEFINE_TILING_OVER_RESULT(ConvOp)
YAT_DEFINE_TILING_OVER_RESULT(ConvWithNormsOp)
YAT_DEFINE_TILING_OVER_RESULT(AttentionOp)
#undef YAT_DEFINE_TILING_OVER_RESULT

//===----------------------------------------------------------------------===//
// yat.linear_recurrence
//===----------------------------------------------------------------------===//

/// Whether `[offset, offset + size)` is all of dim `dim` of `source`:
/// statically, or as the `tensor.dim` of `source` that the tiling drivers
/// pass for an untiled dynamic dim.
static bool isWholeDim(Value source, int64_t dim, OpFoldResult offset,
                       OpFoldResult size) {
  auto type = cast<RankedTensorType>(source.getType());
  if (coversWholeDim(type, dim, offset, size))
    return true;
  if (!isConstantIntValue(offset, 0) || !type.isDynamicDim(dim))
    return false;
  auto dimOp = dyn_cast_if_present<tensor::DimOp>(
      dyn_cast_if_present<Value>(size).getDefiningOp());
  return dimOp && dimOp.getSource() == source &&
         dimOp.getConstantIndex() == dim;
}

SmallVector<utils::IteratorType> LinearRecurrenceOp::getLoopIteratorTypes() {
  return {utils::IteratorType::parallel, utils::IteratorType::reduction,
          utils::IteratorType::parallel};
}

SmallVector<Range> LinearRecurrenceOp::getIterationDomain(OpBuilder &b) {
  SmallVector<Range> domain;
  for (OpFoldResult size : tensor::getMixedSizes(b, getLoc(), getA()))
    domain.push_back(Range{b.getIndexAttr(0), size, b.getIndexAttr(1)});
  return domain;
}

LogicalResult LinearRecurrenceOp::getResultTilePosition(
    OpBuilder &, unsigned resultNumber, ArrayRef<OpFoldResult> offsets,
    ArrayRef<OpFoldResult> sizes, SmallVector<OpFoldResult> &resultOffsets,
    SmallVector<OpFoldResult> &resultSizes) {
  resultOffsets.assign(offsets.begin(), offsets.end());
  resultSizes.assign(sizes.begin(), sizes.end());
  // h_last drops the steps.
  if (resultNumber == 1) {
    resultOffsets.erase(resultOffsets.begin() + 1);
    resultSizes.erase(resultSizes.begin() + 1);
  }
  return success();
}

LogicalResult LinearRecurrenceOp::getIterationDomainTileFromResultTile(
    OpBuilder &b, unsigned resultNumber, ArrayRef<OpFoldResult> offsets,
    ArrayRef<OpFoldResult> sizes, SmallVectorImpl<OpFoldResult> &domainOffsets,
    SmallVectorImpl<OpFoldResult> &domainSizes) {
  domainOffsets.assign(offsets.begin(), offsets.end());
  domainSizes.assign(sizes.begin(), sizes.end());
  // Every state needs all steps before it: a tile of h_last is computed
  // over all of T.
  if (resultNumber == 1) {
    domainOffsets.insert(domainOffsets.begin() + 1, b.getIndexAttr(0));
    domainSizes.insert(domainSizes.begin() + 1,
                       tensor::getMixedSize(b, getLoc(), getA(), 1));
  }
  return success();
}

/// The recurrence of the batch rows and channels of a (B, T, D) domain
/// tile, or failure (with an error when `emitErrors`) when the tile does
/// not cover all steps.
static FailureOr<TilingResult> tileRecurrence(LinearRecurrenceOp op,
                                              OpBuilder &b,
                                              ArrayRef<OpFoldResult> offsets,
                                              ArrayRef<OpFoldResult> sizes,
                                              bool emitErrors) {
  if (!isWholeDim(op.getA(), 1, offsets[1], sizes[1]))
    return refuse(op, emitErrors,
                  "cannot be tiled along its steps (T): every tile of "
                  "yat.linear_recurrence scans all " +
                      getDimText(op.getA().getType().getDimSize(1)));
  Location loc = op.getLoc();
  TileBuilder tile(b, loc);
  SmallVector<OpFoldResult> stateOffsets = {offsets[0], offsets[2]};
  SmallVector<OpFoldResult> stateSizes = {sizes[0], sizes[2]};
  Value a = tile.slice(op.getA(), {0, 2}, stateOffsets, stateSizes);
  Value bValues = tile.slice(op.getB(), {0, 2}, stateOffsets, stateSizes);
  Value h0;
  if (op.getH0())
    h0 = tile.slice(op.getH0(), {0, 1}, stateOffsets, stateSizes);
  auto tiled =
      LinearRecurrenceOp::create(b, loc, a, bValues, h0, op.getReverse());
  return TilingResult{
      {tiled}, SmallVector<Value>(tiled->getResults()), tile.takeSlices()};
}

FailureOr<TilingResult>
LinearRecurrenceOp::getTiledImplementation(OpBuilder &b,
                                           ArrayRef<OpFoldResult> offsets,
                                           ArrayRef<OpFoldResult> sizes) {
  return tileRecurrence(*this, b, offsets, sizes, /*emitErrors=*/true);
}

FailureOr<TilingResult>
LinearRecurrenceOp::generateResultTileValue(OpBuilder &b, unsigned resultNumber,
                                            ArrayRef<OpFoldResult> offsets,
                                            ArrayRef<OpFoldResult> sizes) {
  SmallVector<OpFoldResult> domainOffsets, domainSizes;
  if (failed(getIterationDomainTileFromResultTile(
          b, resultNumber, offsets, sizes, domainOffsets, domainSizes)))
    return failure();
  FailureOr<TilingResult> tiled = tileRecurrence(
      *this, b, domainOffsets, domainSizes, /*emitErrors=*/false);
  if (failed(tiled))
    return failure();
  tiled->tiledValues = {tiled->tiledValues[resultNumber]};
  return tiled;
}
