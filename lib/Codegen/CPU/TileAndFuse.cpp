//===- TileAndFuse.cpp - parallel tiles with fused epilogues --------------===//
//
// yat-cpu-tile-and-fuse: cuts every op that carries a #yat.lowering_config
// into an scf.forall of tiles with upstream's tile-and-fuse driver, computing
// its elementwise consumer and its zero-filled destination tile by tile.
//
//===----------------------------------------------------------------------===//

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

/// Tiles `op` (or its epilogue, computing `op` inside the tiles) by the
/// sizes of `config`.
LogicalResult tileAndFuse(RewriterBase &rewriter, linalg::LinalgOp op,
                          LoweringConfigAttr config) {
  ArrayRef<int64_t> sizes = config.getTileSizes();
  if (static_cast<int64_t>(sizes.size()) != op.getNumLoops())
    return op->emitOpError()
           << "has " << sizes.size() << " lowering_config tile sizes for "
           << op.getNumLoops() << " loops";

  // The epilogue's loops are the dims of `op`'s result: each takes the tile
  // size of the loop of `op` that indexes that dim.
  Operation *root = op;
  SmallVector<int64_t> rootSizes(sizes);
  AffineMap resultMap = op.getIndexingMapMatchingResult(op->getResult(0));
  if (linalg::GenericOp epilogue = getEpilogue(op);
      epilogue && resultMap.isProjectedPermutation()) {
    root = epilogue;
    rootSizes.clear();
    for (unsigned dim = 0; dim < resultMap.getNumResults(); ++dim)
      rootSizes.push_back(sizes[resultMap.getDimPosition(dim)]);
  }
  LLVM_DEBUG(llvm::dbgs() << "tiling " << *root << "\n");

  scf::SCFTilingOptions tilingOptions;
  tilingOptions.setLoopType(scf::SCFTilingOptions::LoopType::ForallOp);
  tilingOptions.setTileSizes(
      getAsIndexOpFoldResult(rewriter.getContext(), rootSizes));
  scf::SCFTileAndFuseOptions options;
  options.setTilingOptions(tilingOptions);
  // Only `op` itself and zero fills of destinations are computed per tile:
  // a fused operand producer would be recomputed for every tile that reads
  // its slice.
  options.setFusionControlFn(
      [&](tensor::ExtractSliceOp, OpResult producer, bool isDestination)
          -> std::optional<scf::SCFTileAndFuseOptions::ControlFnResult> {
        Operation *owner = producer.getOwner();
        bool initOfOp = llvm::is_contained(op.getDpsInits(), Value(producer));
        if (owner == op.getOperation() ||
            ((isDestination || initOfOp) && isa<linalg::FillOp>(owner)))
          return scf::SCFTileAndFuseOptions::ControlFnResult{};
        return std::nullopt;
      });

  rewriter.setInsertionPoint(root);
  FailureOr<scf::SCFTileAndFuseResult> tiled =
      scf::tileConsumerAndFuseProducersUsingSCF(
          rewriter, cast<TilingInterface>(root), options);
  if (failed(tiled))
    return root->emitOpError()
           << "could not be tiled by lowering_config " << config;
  for (Operation *tiledOp : tiled->tiledAndFusedOps)
    tiledOp->removeAttr(LoweringConfigAttr::getAttributeName());
  for (OpResult result : root->getResults())
    rewriter.replaceAllUsesWith(result, tiled->replacements.lookup(result));
  rewriter.eraseOp(root);
  if (root != op.getOperation() && op->use_empty())
    rewriter.eraseOp(op);
  return success();
}

struct YatCpuTileAndFusePass
    : public mlir::yat::impl::YatCpuTileAndFuseBase<YatCpuTileAndFusePass> {
  using YatCpuTileAndFuseBase::YatCpuTileAndFuseBase;

  void runOnOperation() override {
    SmallVector<std::pair<linalg::LinalgOp, LoweringConfigAttr>> configured;
    getOperation()->walk([&](linalg::LinalgOp op) {
      if (auto config = op->getAttrOfType<LoweringConfigAttr>(
              LoweringConfigAttr::getAttributeName()))
        configured.emplace_back(op, config);
    });
    IRRewriter rewriter(&getContext());
    for (auto [op, config] : configured) {
      if (!op.hasPureTensorSemantics()) {
        op->emitOpError() << "has a lowering_config but is not on tensors";
        return signalPassFailure();
      }
      if (failed(tileAndFuse(rewriter, op, config)))
        return signalPassFailure();
    }
  }
};

} // namespace
