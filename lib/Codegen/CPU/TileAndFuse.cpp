//===- TileAndFuse.cpp - parallel tiles with fused epilogues --------------===//
//
// yat-cpu-tile-and-fuse: cuts every op that carries a #yat.lowering_config
// into an scf.forall of tiles with upstream's tile-and-fuse driver, computing
// its elementwise consumer and its zero-filled destination tile by tile.
//
//===----------------------------------------------------------------------===//

#include "Kernels.h"
#include "Packing.h"
#include "yat/Codegen/CPU/Passes.h"

#include "mlir/Dialect/SCF/Transforms/TileUsingInterface.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/IR/PatternMatch.h"
#include "llvm/Support/Debug.h"

#define DEBUG_TYPE "yat-cpu-tile-and-fuse"

namespace mlir::yat {
#define GEN_PASS_DEF_YATCPUTILEANDFUSE
#include "yat/Codegen/CPU/Passes.h.inc"
} // namespace mlir::yat

using namespace mlir;
using namespace mlir::yat;

namespace {

/// The elementwise linalg.generic that is the only user of `op`'s single
/// result and iterates over that result's dims in order (all maps of its
/// inits and of `op`'s result are identities), or null.
linalg::GenericOp getEpilogue(linalg::LinalgOp op) {
  if (op->getNumResults() != 1 || !op->getResult(0).hasOneUse())
    return nullptr;
  OpOperand &use = *op->getResult(0).getUses().begin();
  auto consumer = dyn_cast<linalg::GenericOp>(use.getOwner());
  if (!consumer || !consumer.hasPureTensorSemantics() ||
      consumer.getNumParallelLoops() != consumer.getNumLoops() ||
      !consumer.getMatchingIndexingMap(&use).isIdentity())
    return nullptr;
  for (OpOperand &init : consumer.getDpsInitsMutable())
    if (!consumer.getMatchingIndexingMap(&init).isIdentity())
      return nullptr;
  return consumer;
}

/// What one level of tiling works on: `op`, the contraction that carries
/// the configuration, and `root`, the op whose loops are tiled (`op` itself
/// or its epilogue, which reads `op`'s result through operand `useNumber`).
struct TilingTarget {
  linalg::LinalgOp op;
  Operation *root;
  unsigned useNumber = 0;

  /// The sizes of `op`'s loops as sizes of `root`'s loops: each loop of the
  /// epilogue is a dim of `op`'s result and takes the size of the loop of
  /// `op` that indexes that dim.
  SmallVector<int64_t> getRootSizes(ArrayRef<int64_t> sizes) {
    if (root == op.getOperation())
      return SmallVector<int64_t>(sizes);
    AffineMap resultMap = op.getIndexingMapMatchingResult(op->getResult(0));
    SmallVector<int64_t> rootSizes;
    for (unsigned dim = 0; dim < resultMap.getNumResults(); ++dim)
      rootSizes.push_back(sizes[resultMap.getDimPosition(dim)]);
    return rootSizes;
  }
};

/// Erases `op` when all that is left of its uses are the unused slices
/// through which the tile-and-fuse driver fused it into tiles. Returns
/// whether it did.
bool eraseIfOnlySliced(RewriterBase &rewriter, Operation *op) {
  for (Operation *user : llvm::make_early_inc_range(op->getUsers()))
    if (isa<tensor::ExtractSliceOp>(user) && user->use_empty())
      rewriter.eraseOp(user);
  if (!op->use_empty())
    return false;
  rewriter.eraseOp(op);
  return true;
}

/// Erases the producers that the tile-and-fuse driver fused into tiles and
/// that nothing outside the tiles reads any more. A producer may be read
/// by another of them, which must go first.
void eraseFusedProducers(RewriterBase &rewriter,
                         const llvm::SetVector<Operation *> &fused) {
  SmallVector<Operation *> left(fused.begin(), fused.end());
  bool erasedAny = true;
  while (erasedAny) {
    erasedAny = false;
    llvm::erase_if(left, [&](Operation *producer) {
      bool erased = eraseIfOnlySliced(rewriter, producer);
      erasedAny |= erased;
      return erased;
    });
  }
}

/// Options of upstream's tile-and-fuse driver that tile by `sizes` into
/// loops of `loopType`.
scf::SCFTileAndFuseOptions
getTileAndFuseOptions(MLIRContext *context, ArrayRef<int64_t> sizes,
                      scf::SCFTilingOptions::LoopType loopType) {
  scf::SCFTilingOptions tilingOptions;
  tilingOptions.setLoopType(loopType);
  tilingOptions.setTileSizes(getAsIndexOpFoldResult(context, sizes));
  scf::SCFTileAndFuseOptions options;
  options.setTilingOptions(tilingOptions);
  return options;
}

/// Whether `op` is computed by a kernel of its own (matrix products and
/// convolutions): such ops are tiled by their own configuration, never
/// computed inside the tiles of another op.
bool hasOwnKernel(linalg::LinalgOp op) {
  return linalg::isaContractionOpInterface(op) ||
         linalg::isaConvolutionOpInterface(op);
}

/// The producers of `root`'s inputs that its tiles of `rootSizes` can
/// compute for themselves with no work done twice: ops without a kernel of
/// their own, used by `root` alone, and read through a map that uses every
/// loop cut into more than one tile, so that the tiles read disjoint slices
/// of them. The norms of w that a ⵟ epilogue reads are one: a tile that
/// spans all rows computes the norms of its columns of w right after the
/// product read the same columns, from cache.
DenseSet<Operation *> getProducersComputedOnce(linalg::LinalgOp root,
                                               ArrayRef<int64_t> rootSizes) {
  SmallVector<int64_t> bounds = root.getStaticLoopRanges();
  SmallVector<unsigned> repeatedLoops;
  for (auto [loop, size] : llvm::enumerate(rootSizes))
    if (size != 0 &&
        (ShapedType::isDynamic(bounds[loop]) || size < bounds[loop]))
      repeatedLoops.push_back(loop);
  DenseSet<Operation *> producers;
  for (OpOperand *input : root.getDpsInputOperands()) {
    auto producer = input->get().getDefiningOp<linalg::LinalgOp>();
    // Upstream's tiling misjudges the slices that maps like `-d1 + 2` (a
    // reversal) read.
    if (!producer || !producer.hasPureTensorSemantics() ||
        hasOwnKernel(producer) || producer->getNumResults() != 1 ||
        !producer->getResult(0).hasOneUse() ||
        !llvm::all_of(producer.getIndexingMapsArray(), [](AffineMap map) {
          return map.isProjectedPermutation(/*allowZeroInResults=*/true);
        }))
      continue;
    AffineMap map = root.getMatchingIndexingMap(input);
    if (llvm::all_of(repeatedLoops,
                     [&](unsigned loop) { return map.isFunctionOfDim(loop); }))
      producers.insert(producer);
  }
  return producers;
}

/// Tiles `target.root` by `sizes` (of `target.op`'s loops) into loops of
/// `loopType`, computing per tile `target.op`, the zero fill of its
/// destination, and the producers of the root that the tiles can compute
/// without repeating work. Returns the target inside the new loops.
FailureOr<TilingTarget> tileLevel(RewriterBase &rewriter, TilingTarget target,
                                  ArrayRef<int64_t> sizes,
                                  scf::SCFTilingOptions::LoopType loopType) {
  linalg::LinalgOp op = target.op;
  Operation *root = target.root;
  LLVM_DEBUG(llvm::dbgs() << "tiling " << *root << "\n");
  SmallVector<int64_t> rootSizes = target.getRootSizes(sizes);
  scf::SCFTileAndFuseOptions options =
      getTileAndFuseOptions(rewriter.getContext(), rootSizes, loopType);
  // Other operand producers would be recomputed for every tile that reads
  // their slice.
  DenseSet<Operation *> computedOnce =
      getProducersComputedOnce(cast<linalg::LinalgOp>(root), rootSizes);
  options.setFusionControlFn(
      [&](tensor::ExtractSliceOp, OpResult producer, bool isDestination)
          -> std::optional<scf::SCFTileAndFuseOptions::ControlFnResult> {
        Operation *owner = producer.getOwner();
        bool initOfOp = llvm::is_contained(op.getDpsInits(), Value(producer));
        if (owner == op.getOperation() || computedOnce.contains(owner) ||
            ((isDestination || initOfOp) && isa<linalg::FillOp>(owner)))
          return scf::SCFTileAndFuseOptions::ControlFnResult{};
        return std::nullopt;
      });

  rewriter.setInsertionPoint(root);
  FailureOr<scf::SCFTileAndFuseResult> tiled =
      scf::tileConsumerAndFuseProducersUsingSCF(
          rewriter, cast<TilingInterface>(root), options);
  if (failed(tiled) || tiled->tiledAndFusedOps.empty())
    return root->emitOpError() << "could not be tiled by its lowering_config";

  TilingTarget inner = target;
  inner.root = tiled->tiledAndFusedOps.front();
  Operation *tiledOp =
      root == op.getOperation()
          ? inner.root
          : inner.root->getOperand(target.useNumber).getDefiningOp();
  inner.op = dyn_cast_or_null<linalg::LinalgOp>(tiledOp);
  if (!inner.op)
    return root->emitOpError() << "lost its contraction while tiling";
  for (Operation *tiledOp : tiled->tiledAndFusedOps)
    tiledOp->removeAttr(LoweringConfigAttr::getAttributeName());

  for (OpResult result : root->getResults())
    rewriter.replaceAllUsesWith(result, tiled->replacements.lookup(result));
  rewriter.eraseOp(root);
  eraseFusedProducers(rewriter, tiled->fusedProducers);
  return inner;
}

bool isUntiled(ArrayRef<int64_t> sizes) {
  return llvm::all_of(sizes, [](int64_t size) { return size == 0; });
}

/// Tiles `op` by `sizes` into serial loops (upstream's tileUsingSCF; tiled
/// reductions accumulate into the destination the loop carries) and
/// returns the op in the loops.
FailureOr<linalg::LinalgOp> tileSerially(RewriterBase &rewriter,
                                         linalg::LinalgOp op,
                                         ArrayRef<int64_t> sizes) {
  scf::SCFTilingOptions options;
  options.setLoopType(scf::SCFTilingOptions::LoopType::ForOp);
  options.setTileSizes(getAsIndexOpFoldResult(rewriter.getContext(), sizes));
  rewriter.setInsertionPoint(op);
  FailureOr<scf::SCFTilingResult> tiled = scf::tileUsingSCF(
      rewriter, cast<TilingInterface>(op.getOperation()), options);
  if (failed(tiled) || tiled->tiledOps.empty())
    return op->emitOpError() << "could not be tiled by its lowering_config";
  rewriter.replaceOp(op, tiled->replacements);
  return cast<linalg::LinalgOp>(tiled->tiledOps.back());
}

/// Whether `slice` takes less than all of `source` in some dim.
bool isPartialSlice(tensor::ExtractSliceOp slice) {
  ArrayRef<int64_t> sourceShape = slice.getSourceType().getShape();
  for (auto [dim, size] : llvm::enumerate(slice.getMixedSizes())) {
    std::optional<int64_t> staticSize = getConstantIntValue(size);
    if (!staticSize || *staticSize != sourceShape[dim])
      return true;
  }
  return false;
}

/// Tiles `op`, which has no kernel of its own (elementwise chains,
/// reductions, the steps of softmax and normalizations), into parallel
/// tiles of `sizes`, and computes inside each tile the slices of its
/// operands that other such ops produce. An operand that two ops of the
/// tile read is computed twice here; CSE keeps one. An operand read whole
/// by every tile stays outside, computed once.
LogicalResult tileParallel(RewriterBase &rewriter, linalg::LinalgOp op,
                           ArrayRef<int64_t> sizes) {
  LLVM_DEBUG(llvm::dbgs() << "tiling " << *op << "\n");
  scf::SCFTileAndFuseOptions options = getTileAndFuseOptions(
      rewriter.getContext(), sizes, scf::SCFTilingOptions::LoopType::ForallOp);
  options.setFusionControlFn(
      [&](tensor::ExtractSliceOp slice, OpResult producer,
          bool) -> std::optional<scf::SCFTileAndFuseOptions::ControlFnResult> {
        auto producerOp = dyn_cast<linalg::LinalgOp>(producer.getOwner());
        if (!producerOp || !producerOp.hasPureTensorSemantics() ||
            hasOwnKernel(producerOp))
          return std::nullopt;
        if (!isa<linalg::FillOp>(producerOp) && !isPartialSlice(slice))
          return std::nullopt;
        // A fill with a configuration of its own (a padded tensor, whose
        // interior a copy overwrites) is cut on its own.
        if (isa<linalg::FillOp>(producerOp) &&
            producerOp->hasAttr(LoweringConfigAttr::getAttributeName()))
          return std::nullopt;
        return scf::SCFTileAndFuseOptions::ControlFnResult{};
      });
  rewriter.setInsertionPoint(op);
  FailureOr<scf::SCFTileAndFuseResult> tiled =
      scf::tileConsumerAndFuseProducersUsingSCF(
          rewriter, cast<TilingInterface>(op.getOperation()), options);
  if (failed(tiled) || tiled->tiledAndFusedOps.empty())
    return op->emitOpError() << "could not be tiled by its lowering_config";
  for (Operation *tiledOp : tiled->tiledAndFusedOps)
    tiledOp->removeAttr(LoweringConfigAttr::getAttributeName());
  for (OpResult result : op->getResults())
    rewriter.replaceAllUsesWith(result, tiled->replacements.lookup(result));
  rewriter.eraseOp(op);
  eraseFusedProducers(rewriter, tiled->fusedProducers);
  return success();
}

/// Tiles `op` (or its epilogue, computing `op` inside the tiles) by the
/// sizes of `config`: parallel tiles; then, within each, serial chunks of
/// its reductions and serial inner tiles, each with its packed operands.
LogicalResult tileAndFuse(RewriterBase &rewriter, linalg::LinalgOp op,
                          LoweringConfigAttr config, bool bf16Pairs) {
  ArrayRef<int64_t> sizes = config.getTileSizes();
  ArrayRef<int64_t> innerSizes = config.getInnerTileSizes();
  ArrayRef<int64_t> reductionSizes = config.getReductionTileSizes();
  int64_t numLoops = op.getNumLoops();
  for (ArrayRef<int64_t> level : {sizes, innerSizes, reductionSizes})
    if (static_cast<int64_t>(level.size()) != numLoops &&
        (level.data() == sizes.data() || !level.empty()))
      return op->emitOpError()
             << "has a lowering_config level of " << level.size()
             << " tile sizes for " << numLoops << " loops";

  // An op with an empty loop computes nothing; there is nothing to tile.
  if (llvm::is_contained(op.getStaticLoopRanges(), 0))
    return success();
  if (!hasOwnKernel(op)) {
    if (!isUntiled(innerSizes) || !isUntiled(reductionSizes))
      return op->emitOpError()
             << "has inner or reduction tile sizes, which only matrix "
                "products and convolutions take";
    return tileParallel(rewriter, op, sizes);
  }

  // K pairs need every sum, and every chunk of it, of even length.
  if (bf16Pairs) {
    SmallVector<int64_t> bounds = op.getStaticLoopRanges();
    SmallVector<unsigned> reductionLoops;
    op.getReductionDims(reductionLoops);
    for (unsigned loop : reductionLoops)
      bf16Pairs &= !ShapedType::isDynamic(bounds[loop]) &&
                   bounds[loop] % 2 == 0 &&
                   (reductionSizes.empty() || reductionSizes[loop] % 2 == 0);
  }

  TilingTarget target{op, op};
  AffineMap resultMap = op.getIndexingMapMatchingResult(op->getResult(0));
  if (linalg::GenericOp epilogue = getEpilogue(op);
      epilogue && resultMap.isProjectedPermutation()) {
    target.root = epilogue;
    target.useNumber = op->getResult(0).getUses().begin()->getOperandNumber();
  }
  FailureOr<TilingTarget> parallelTile = tileLevel(
      rewriter, target, sizes, scf::SCFTilingOptions::LoopType::ForallOp);
  if (failed(parallelTile))
    return failure();
  if (isUntiled(reductionSizes)) {
    // Each inner tile is zeroed, computed and finished in one go.
    if (isUntiled(innerSizes)) {
      cpu::packRightOperand(rewriter, parallelTile->op, bf16Pairs);
      return success();
    }
    bool rootIsOp = parallelTile->root == parallelTile->op.getOperation();
    cpu::PackedContraction packed = cpu::packInvariantInputs(
        rewriter, parallelTile->op, innerSizes, bf16Pairs);
    parallelTile->op = packed.op;
    if (rootIsOp)
      parallelTile->root = parallelTile->op;
    return tileLevel(rewriter, *parallelTile, packed.innerSizes,
                     scf::SCFTilingOptions::LoopType::ForOp);
  }
  // The parallel tile's accumulator is carried through the chunks of the
  // sum; the epilogue finishes it after the last one.
  FailureOr<linalg::LinalgOp> chunk =
      tileSerially(rewriter, parallelTile->op, reductionSizes);
  if (failed(chunk))
    return failure();
  if (isUntiled(innerSizes)) {
    cpu::packRightOperand(rewriter, *chunk, bf16Pairs);
    return success();
  }
  cpu::PackedContraction packed =
      cpu::packInvariantInputs(rewriter, *chunk, innerSizes, bf16Pairs);
  return tileSerially(rewriter, packed.op, packed.innerSizes);
}

struct YatCpuTileAndFusePass
    : public mlir::yat::impl::YatCpuTileAndFuseBase<YatCpuTileAndFusePass> {
  using YatCpuTileAndFuseBase::YatCpuTileAndFuseBase;

  void runOnOperation() override {
    // Ops with kernels of their own go first, in order, each computing its
    // elementwise epilogue. The others follow from the last to the first,
    // so that each computes the producers it reads inside its tiles.
    SmallVector<std::pair<linalg::LinalgOp, LoweringConfigAttr>> configured,
        others;
    getOperation()->walk([&](linalg::LinalgOp op) {
      if (auto config = op->getAttrOfType<LoweringConfigAttr>(
              LoweringConfigAttr::getAttributeName()))
        (hasOwnKernel(op) ? configured : others).emplace_back(op, config);
    });
    configured.append(others.rbegin(), others.rend());
    // An op that carries its own configuration may have been computed in
    // the tiles of the contraction it is the epilogue of, and erased.
    struct ErasedOps : RewriterBase::Listener {
      void notifyOperationErased(Operation *op) override { erased.insert(op); }
      DenseSet<Operation *> erased;
    } erasedOps;
    IRRewriter rewriter(&getContext(), &erasedOps);
    for (auto [op, config] : configured) {
      if (erasedOps.erased.contains(op))
        continue;
      if (!op.hasPureTensorSemantics()) {
        op->emitOpError() << "has a lowering_config but is not on tensors";
        return signalPassFailure();
      }
      if (failed(tileAndFuse(rewriter, op, config, bf16Pairs)))
        return signalPassFailure();
    }
  }
};

} // namespace
