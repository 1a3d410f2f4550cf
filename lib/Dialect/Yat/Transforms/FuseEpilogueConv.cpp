//===- FuseEpilogueConv.cpp - fused tiles for yat.conv --------------------===//
//
// yat.conv needs no loops of its own. A padded conv is first split into a
// tensor.pad of its input and an unpadded conv, whose spatial dims tile.
// Upstream's scf::tileUsingSCF then cuts it through its TilingInterface into
// an scf.forall of output tiles: one batch element, one segment of an
// output row, and a block of filters inside one group (an ungrouped conv of
// that group's channels). Each tile is the reference decomposition
// (convert-yat-to-linalg's) of a tile-sized conv: a named convolution, the
// window sums of the squared input as a named pooling op, the filter norms
// and the ⵟ epilogue. yat-cpu-pipeline uses this for grouped convs only:
// its code generation tiles an ungrouped conv's decomposition like any
// convolution with an epilogue.
//
//===----------------------------------------------------------------------===//

#include "FuseEpilogue.h"

#include "yat/Dialect/Yat/IR/Yat.h"

#define DEBUG_TYPE "yat-fuse-epilogue"

using namespace mlir;
using namespace mlir::yat;
using namespace mlir::yat::fusion;

namespace {

/// Whether the fused lowering takes `op`: 1 to 3 spatial dims, non-empty
/// static shapes with f32, f16 or bf16 elements.
bool isFusableConv(Operation *op) {
  auto filterType = cast<RankedTensorType>(op->getOperand(1).getType());
  int64_t numSpatial = filterType.getRank() - 2;
  return numSpatial >= 1 && numSpatial <= 3 && hasFusableTypes(op);
}

/// The largest divisor of `value` that is at most `limit`.
int64_t largestDivisorAtMost(int64_t value, int64_t limit) {
  for (int64_t d = std::min(value, limit); d > 1; --d)
    if (value % d == 0)
      return d;
  return 1;
}

/// `op` on its input zero-padded by a tensor.pad, without padding of its
/// own, so that its spatial dims can be tiled; returns the unpadded op,
/// which replaces `op`.
template <typename OpTy> OpTy splitPadding(RewriterBase &rewriter, OpTy op) {
  SmallVector<int64_t> padding = op.getPaddingOrDefault();
  if (llvm::all_of(padding, [](int64_t p) { return p == 0; }))
    return op;
  rewriter.setInsertionPoint(op);
  Value padded =
      createPaddedInput(rewriter, op.getLoc(), op.getInput(), padding);
  auto unpadded = cast<OpTy>(rewriter.clone(*op));
  unpadded.getInputMutable().assign(padded);
  unpadded.removePaddingAttr();
  rewriter.replaceOp(op, unpadded.getResult());
  return unpadded;
}

/// Outputs a conv tile computes at least, when the tile can grow along the
/// outermost spatial dim: below this, a tile of few filters (a depthwise
/// conv has one per group) costs more to set up than to compute.
constexpr int64_t kMinTileOutputs = 4096;

/// The output tile of a conv of `resultType` with `groups` groups: one batch
/// element, `positions` outputs of the innermost spatial dim, up to
/// `filters` filters, and of the outer spatial dims one row each, except
/// that the outermost takes as many rows as give the tile kMinTileOutputs
/// outputs. The filters of a tile lie inside one group, unless each group
/// has one filter and one channel (depthwise): then a tile spans up to
/// `filters` groups, whose decomposition runs along the channels.
SmallVector<int64_t> getConvTileSizes(RankedTensorType resultType,
                                      int64_t groups, bool depthwise,
                                      int64_t positions, int64_t filters) {
  ArrayRef<int64_t> shape = resultType.getShape();
  int64_t rank = shape.size();
  SmallVector<int64_t> sizes(rank, 1);
  sizes[rank - 2] = std::min(positions, shape[rank - 2]);
  int64_t tileSpan = depthwise ? shape[rank - 1] : shape[rank - 1] / groups;
  sizes[rank - 1] =
      largestDivisorAtMost(tileSpan, std::min(filters, shape[rank - 1]));
  if (rank > 3)
    sizes[1] = std::clamp<int64_t>(
        llvm::divideCeil(kMinTileOutputs, sizes[rank - 2] * sizes[rank - 1]), 1,
        shape[1]);
  return sizes;
}

template <typename OpTy>
LogicalResult tileConv(RewriterBase &rewriter, OpTy op, const TileSizes &sizes,
                       SmallVectorImpl<Operation *> &tiles) {
  op = splitPadding(rewriter, op);
  SmallVector<int64_t> tileSizes = getConvTileSizes(
      op.getResult().getType(), op.getGroups(), op.isDepthwise(),
      sizes.convTilePositions, sizes.tileColumns);
  return tileIntoForall(rewriter, op, tileSizes, tiles);
}

} // namespace

LogicalResult fusion::fuseConvs(Operation *root, const TileSizes &sizes,
                                bool groupedOnly) {
  SmallVector<Operation *> convs;
  root->walk([&](Operation *op) {
    int64_t groups = 1;
    if (auto conv = dyn_cast<ConvOp>(op))
      groups = conv.getGroups();
    else if (auto conv = dyn_cast<ConvWithNormsOp>(op))
      groups = conv.getGroups();
    else
      return;
    if (isFusableConv(op) && (!groupedOnly || groups != 1))
      convs.push_back(op);
  });
  IRRewriter rewriter(root->getContext());
  SmallVector<Operation *> tiles;
  for (Operation *op : convs) {
    LogicalResult tiled =
        isa<ConvOp>(op)
            ? tileConv(rewriter, cast<ConvOp>(op), sizes, tiles)
            : tileConv(rewriter, cast<ConvWithNormsOp>(op), sizes, tiles);
    if (failed(tiled))
      return failure();
  }
  return decomposeTiles(root, tiles);
}
