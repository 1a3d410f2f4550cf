//===- SelectLoweringConfig.cpp - tile sizes of contractions --------------===//
//
// yat-cpu-select-lowering-config: records, as a #yat.lowering_config on each
// contraction, the parallel tiles that yat-cpu-tile-and-fuse will cut it
// into.
//
//===----------------------------------------------------------------------===//

#include "yat/Codegen/CPU/Passes.h"

#include "mlir/Dialect/Linalg/IR/LinalgInterfaces.h"

#define DEBUG_TYPE "yat-cpu-select-lowering-config"

namespace mlir::yat {
#define GEN_PASS_DEF_YATCPUSELECTLOWERINGCONFIG
#include "yat/Codegen/CPU/Passes.h.inc"
} // namespace mlir::yat

using namespace mlir;
using namespace mlir::yat;

namespace {

/// Whether `op` is a contraction on static-shaped tensors that has not been
/// tiled yet.
bool isUntiledContraction(linalg::LinalgOp op) {
  if (!op.hasPureTensorSemantics() || op.hasDynamicShape() ||
      op->getParentOfType<scf::ForallOp>())
    return false;
  return linalg::isaContractionOpInterface(op);
}

/// The tile sizes of contraction `op`: `rows` x `columns` on its innermost
/// M and N loops, 1 on its other parallel loops, 0 on its reductions.
SmallVector<int64_t> getContractionTileSizes(linalg::LinalgOp op, int64_t rows,
                                             int64_t columns) {
  SmallVector<int64_t> sizes;
  for (utils::IteratorType iterator : op.getIteratorTypesArray())
    sizes.push_back(iterator == utils::IteratorType::parallel ? 1 : 0);
  FailureOr<linalg::ContractionDimensions> dims =
      linalg::inferContractionDims(op);
  if (failed(dims))
    return sizes;
  if (!dims->m.empty())
    sizes[dims->m.back()] = rows;
  if (!dims->n.empty())
    sizes[dims->n.back()] = columns;
  return sizes;
}

struct YatCpuSelectLoweringConfigPass
    : public mlir::yat::impl::YatCpuSelectLoweringConfigBase<
          YatCpuSelectLoweringConfigPass> {
  using YatCpuSelectLoweringConfigBase::YatCpuSelectLoweringConfigBase;

  void runOnOperation() override {
    if (tileRows < 1 || tileColumns < 1) {
      getOperation()->emitError()
          << "yat-cpu-select-lowering-config tile sizes must be positive, got "
          << tileRows << " x " << tileColumns;
      return signalPassFailure();
    }
    MLIRContext *context = &getContext();
    getOperation()->walk([&](linalg::LinalgOp op) {
      if (op->hasAttr(LoweringConfigAttr::getAttributeName()) ||
          !isUntiledContraction(op))
        return;
      op->setAttr(
          LoweringConfigAttr::getAttributeName(),
          LoweringConfigAttr::get(
              context, getContractionTileSizes(op, tileRows, tileColumns)));
    });
  }
};

} // namespace
