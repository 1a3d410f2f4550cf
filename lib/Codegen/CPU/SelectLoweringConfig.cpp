//===- SelectLoweringConfig.cpp - tile sizes of contractions --------------===//
//
// yat-cpu-select-lowering-config: records, as a #yat.lowering_config on each
// contraction, the parallel tiles that yat-cpu-tile-and-fuse will cut it
// into.
//
//===----------------------------------------------------------------------===//

#include "yat/Codegen/CPU/Passes.h"

#include "mlir/Dialect/Linalg/IR/LinalgInterfaces.h"
#include "llvm/Support/MathExtras.h"

#define DEBUG_TYPE "yat-cpu-select-lowering-config"

namespace mlir::yat {
#define GEN_PASS_DEF_YATCPUSELECTLOWERINGCONFIG
#include "yat/Codegen/CPU/Passes.h.inc"
} // namespace mlir::yat

using namespace mlir;
using namespace mlir::yat;

namespace {

/// Whether `op` is a non-empty op on tensors that has not been tiled yet.
bool isUntiledOp(linalg::LinalgOp op) {
  return op.hasPureTensorSemantics() && !op->getParentOfType<scf::ForallOp>() &&
         !llvm::is_contained(op.getStaticLoopRanges(), 0);
}

/// Whether the one use of `op`'s result is as the destination of a linalg
/// op, which then fills it tile by tile.
bool isOnlyADestination(linalg::LinalgOp op) {
  if (op->getNumResults() != 1 || !op->getResult(0).hasOneUse())
    return false;
  OpOperand &use = *op->getResult(0).getUses().begin();
  auto consumer = dyn_cast<linalg::LinalgOp>(use.getOwner());
  return consumer && consumer.isDpsInit(&use);
}

/// Fewest rows of a parallel tile: below this, a tile's fixed costs
/// (packing its weight panel, starting a task) outweigh the parallelism.
constexpr int64_t kMinParallelRows = 16;

/// The configuration of contraction `op`. Each parallel tile is
/// `tileColumns` wide on the innermost N loop and 1 on the batch and outer
/// M/N loops. On the innermost M loop it takes an equal share of the rows
/// (at least kMinParallelRows) that still gives `minParallelTiles` tiles in
/// all, and steps through them `tileRows` at a time, so that one packed
/// weight panel serves every row tile. Sums longer than `depthTile` are
/// split into chunks of `depthTile`. When the number of rows is known only
/// at run time (a dynamic batch), every parallel tile takes all rows, in
/// steps of `tileRows`; a contraction with another dynamic loop gets no
/// configuration.
LoweringConfigAttr selectContractionConfig(linalg::LinalgOp op,
                                           int64_t tileRows,
                                           int64_t tileColumns,
                                           int64_t depthTile,
                                           int64_t minParallelTiles) {
  MLIRContext *context = op.getContext();
  SmallVector<int64_t> bounds = op.getStaticLoopRanges();
  SmallVector<int64_t> sizes, innerSizes(bounds.size(), 0);
  for (utils::IteratorType iterator : op.getIteratorTypesArray())
    sizes.push_back(iterator == utils::IteratorType::parallel ? 1 : 0);
  FailureOr<linalg::ContractionDimensions> dims =
      linalg::inferContractionDims(op);
  if (failed(dims) || dims->m.empty() || dims->n.empty())
    return op.hasDynamicShape()
               ? nullptr
               : LoweringConfigAttr::get(context, sizes, {}, {});

  unsigned rowLoop = dims->m.back(), columnLoop = dims->n.back();
  for (auto [loop, bound] : llvm::enumerate(bounds))
    if (ShapedType::isDynamic(bound) && loop != rowLoop)
      return nullptr;
  sizes[columnLoop] = tileColumns;
  // Saturating: a fuzzed shape may multiply past 2^64.
  uint64_t otherTiles = llvm::divideCeil(bounds[columnLoop], tileColumns);
  for (auto [loop, size] : llvm::enumerate(sizes))
    if (size == 1 && loop != rowLoop)
      otherTiles = llvm::SaturatingMultiply<uint64_t>(otherTiles, bounds[loop]);
  int64_t rowBlocks =
      std::max<int64_t>(1, llvm::divideCeil(minParallelTiles, otherTiles));
  // Sums longer than `depthTile` are accumulated chunk by chunk, so that a
  // chunk's packed weight panel and row slices stay in cache.
  SmallVector<int64_t> reductionSizes;
  if (dims->k.size() == 1 && bounds[dims->k.front()] > depthTile) {
    reductionSizes.assign(bounds.size(), 0);
    reductionSizes[dims->k.front()] = depthTile;
  }
  if (ShapedType::isDynamic(bounds[rowLoop])) {
    sizes[rowLoop] = 0;
    innerSizes[rowLoop] = tileRows;
    return LoweringConfigAttr::get(context, sizes, innerSizes, reductionSizes);
  }
  int64_t blockRows =
      std::max<int64_t>(llvm::divideCeil(bounds[rowLoop], rowBlocks),
                        std::min(bounds[rowLoop], kMinParallelRows));
  if (blockRows <= tileRows) {
    sizes[rowLoop] = blockRows;
    return LoweringConfigAttr::get(context, sizes, {}, reductionSizes);
  }
  sizes[rowLoop] = blockRows;
  innerSizes[rowLoop] = tileRows;
  return LoweringConfigAttr::get(context, sizes, innerSizes, reductionSizes);
}

/// The configuration of convolution `op`: one parallel tile per batch
/// element and, when the batch alone gives fewer than `minParallelTiles`
/// tiles, per equal share of the outermost output image dim (of 2-d and 3-d
/// convolutions). The kernel computes a tile's innermost image dim against
/// all output channels at once. A depth (channel or group) dim that is the
/// innermost loop stays whole: the kernels vectorize along it.
LoweringConfigAttr selectConvolutionConfig(linalg::LinalgOp op,
                                           int64_t minParallelTiles) {
  SmallVector<int64_t> bounds = op.getStaticLoopRanges();
  SmallVector<int64_t> sizes(bounds.size(), 0);
  FailureOr<linalg::ConvolutionDimensions> dims =
      linalg::inferConvolutionDims(op);
  if (succeeded(dims)) {
    uint64_t tiles = 1;
    unsigned innermost = bounds.size() - 1;
    for (unsigned loop : llvm::concat<unsigned>(dims->batch, dims->depth)) {
      if (loop == innermost)
        continue;
      sizes[loop] = 1;
      tiles = llvm::SaturatingMultiply<uint64_t>(tiles, bounds[loop]);
    }
    if (tiles < static_cast<uint64_t>(minParallelTiles) &&
        dims->outputImage.size() > 1) {
      unsigned outer = dims->outputImage.front();
      int64_t shares = llvm::divideCeil(minParallelTiles, tiles);
      sizes[outer] = llvm::divideCeil(bounds[outer], shares);
    }
  }
  return LoweringConfigAttr::get(op.getContext(), sizes, {}, {});
}

/// Elements of the innermost loop that one tile takes at least when that
/// loop is the only one to cut: a multiple of every vector width.
constexpr int64_t kMinInnermostChunk = 64;

/// The configuration of any other op with parallel loops (elementwise
/// chains, reductions, softmax and normalization steps, transposes), or
/// null when it has none worth cutting. Its parallel loops, outermost first,
/// are cut into equal shares until there are `minParallelTiles` tiles. The
/// innermost loop, along which the kernels run contiguous vectors, stays
/// whole unless it is the only parallel loop.
LoweringConfigAttr selectParallelConfig(linalg::LinalgOp op,
                                        int64_t minParallelTiles,
                                        int64_t minParallelWork) {
  SmallVector<int64_t> bounds = op.getStaticLoopRanges();
  uint64_t work = 1;
  for (int64_t bound : bounds)
    work = llvm::SaturatingMultiply<uint64_t>(work, bound);
  if (work < static_cast<uint64_t>(minParallelWork))
    return nullptr;
  // Upstream's tiling misjudges the slices that maps like `-d1 + 2` (a
  // reversal) read.
  if (!llvm::all_of(op.getIndexingMapsArray(), [](AffineMap map) {
        return map.isProjectedPermutation(/*allowZeroInResults=*/true);
      }))
    return nullptr;
  SmallVector<utils::IteratorType> iterators = op.getIteratorTypesArray();
  unsigned innermost = bounds.size() - 1;
  SmallVector<unsigned> candidates;
  for (auto [loop, iterator] : llvm::enumerate(iterators))
    if (iterator == utils::IteratorType::parallel && loop != innermost &&
        bounds[loop] > 1)
      candidates.push_back(loop);
  bool cutInnermost = candidates.empty() && !bounds.empty() &&
                      iterators[innermost] == utils::IteratorType::parallel &&
                      bounds[innermost] > kMinInnermostChunk;
  if (cutInnermost)
    candidates.push_back(innermost);
  if (candidates.empty())
    return nullptr;

  SmallVector<int64_t> sizes(bounds.size(), 0);
  int64_t tilesLeft = minParallelTiles;
  for (unsigned loop : candidates) {
    if (tilesLeft <= 1)
      break;
    if (bounds[loop] <= tilesLeft) {
      sizes[loop] = 1;
      tilesLeft = llvm::divideCeil(tilesLeft, bounds[loop]);
      continue;
    }
    sizes[loop] = llvm::divideCeil(bounds[loop], tilesLeft);
    if (loop == innermost)
      sizes[loop] = llvm::alignTo(sizes[loop], kMinInnermostChunk);
    tilesLeft = 1;
  }
  if (llvm::all_of(sizes, [](int64_t size) { return size == 0; }))
    return nullptr;
  return LoweringConfigAttr::get(op.getContext(), sizes, {}, {});
}

struct YatCpuSelectLoweringConfigPass
    : public mlir::yat::impl::YatCpuSelectLoweringConfigBase<
          YatCpuSelectLoweringConfigPass> {
  using YatCpuSelectLoweringConfigBase::YatCpuSelectLoweringConfigBase;

  void runOnOperation() override {
    if (tileRows < 1 || tileColumns < 1 || depthTile < 1 ||
        minParallelTiles < 1 || minParallelWork < 0) {
      getOperation()->emitError()
          << "yat-cpu-select-lowering-config options must be positive "
             "(min-parallel-work non-negative), got tile-rows="
          << int64_t(tileRows) << " tile-cols=" << int64_t(tileColumns)
          << " depth-tile=" << int64_t(depthTile)
          << " min-parallel-tiles=" << int64_t(minParallelTiles)
          << " min-parallel-work=" << int64_t(minParallelWork);
      return signalPassFailure();
    }
    getOperation()->walk([&](linalg::LinalgOp op) {
      if (op->hasAttr(LoweringConfigAttr::getAttributeName()) ||
          !isUntiledOp(op))
        return;
      LoweringConfigAttr config;
      if (linalg::isaContractionOpInterface(op))
        config = selectContractionConfig(op, tileRows, tileColumns, depthTile,
                                         minParallelTiles);
      else if (op.hasDynamicShape())
        return;
      else if (linalg::isaConvolutionOpInterface(op))
        config = selectConvolutionConfig(op, minParallelTiles);
      // Fills are cut with the op whose destination they fill; other fills
      // (a padded tensor, whose interior a copy overwrites) on their own.
      else if (!isa<linalg::FillOp>(op) || !isOnlyADestination(op))
        config = selectParallelConfig(op, minParallelTiles, minParallelWork);
      if (config)
        op->setAttr(LoweringConfigAttr::getAttributeName(), config);
    });
  }
};

} // namespace
