//===- FuseElementwise.cpp - elementwise fusion around kernels ------------===//
//
// yat-cpu-fuse-elementwise: upstream's elementwise fusion patterns, with a
// control function that keeps contractions and convolutions as they are so
// that yat-cpu-tile-and-fuse and the register-tiled kernels recognize them.
//
//===----------------------------------------------------------------------===//

#include "yat/Codegen/CPU/Passes.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Linalg/Transforms/Transforms.h"
#include "mlir/Dialect/Tensor/Transforms/Transforms.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

#define DEBUG_TYPE "yat-cpu-fuse-elementwise"

namespace mlir::yat {
#define GEN_PASS_DEF_YATCPUFUSEELEMENTWISE
#include "yat/Codegen/CPU/Passes.h.inc"
} // namespace mlir::yat

using namespace mlir;

namespace {

/// Whether `op` is a linalg contraction or convolution: an op that the CPU
/// code generator tiles and runs as a kernel.
bool isKernelRoot(Operation *op) {
  auto linalgOp = dyn_cast_or_null<linalg::LinalgOp>(op);
  return linalgOp && (linalg::isaContractionOpInterface(linalgOp) ||
                      linalg::isaConvolutionOpInterface(linalgOp));
}

/// Whether fusing into `operand`'s owner would compute the producer again
/// for each step of a parallel loop the operand does not depend on, inside
/// a reduction (the int8 activations of yat-pack-ternary's contraction
/// would be quantized once per output channel).
bool recomputesInReduction(OpOperand *operand) {
  auto consumer = dyn_cast<linalg::LinalgOp>(operand->getOwner());
  if (!consumer || consumer.getNumReductionLoops() == 0)
    return false;
  AffineMap map = consumer.getMatchingIndexingMap(operand);
  SmallVector<utils::IteratorType> iterators = consumer.getIteratorTypesArray();
  for (unsigned dim = 0; dim < map.getNumDims(); ++dim)
    if (iterators[dim] == utils::IteratorType::parallel &&
        !map.isFunctionOfDim(dim))
      return true;
  return false;
}

/// Whether `op` is an expand_shape that splits the innermost dim so that the
/// new innermost dim is shorter than a vector: propagated into a generic,
/// it would leave that generic vectorized along a few lanes (yat-pack-
/// ternary's view of int8 rows as groups of 4 would turn the quantization
/// into masked 4-lane vectors).
bool splitsInnermostDimIntoShortRuns(Operation *op) {
  constexpr int64_t kMinInnermostRun = 16;
  auto expand = dyn_cast<tensor::ExpandShapeOp>(op);
  if (!expand)
    return false;
  int64_t innermost = expand.getResultType().getShape().back();
  return expand.getReassociationIndices().back().size() > 1 &&
         ShapedType::isStatic(innermost) && innermost < kMinInnermostRun;
}

/// Fuses a producer into its single user unless either is a kernel root,
/// the fusion would recompute the producer inside a reduction, or it would
/// split the producer's innermost dim into short runs.
bool shouldFuse(OpOperand *fusedOperand) {
  Operation *producer = fusedOperand->get().getDefiningOp();
  return producer && producer->hasOneUse() && !isKernelRoot(producer) &&
         !isKernelRoot(fusedOperand->getOwner()) &&
         !recomputesInReduction(fusedOperand) &&
         !splitsInnermostDimIntoShortRuns(fusedOperand->getOwner());
}

struct YatCpuFuseElementwisePass
    : public mlir::yat::impl::YatCpuFuseElementwiseBase<
          YatCpuFuseElementwisePass> {
  void runOnOperation() override {
    MLIRContext *context = &getContext();
    RewritePatternSet patterns(context);
    linalg::populateElementwiseOpsFusionPatterns(patterns, shouldFuse);
    linalg::populateFoldReshapeOpsByExpansionPatterns(patterns, shouldFuse);
    tensor::populateBubbleUpExpandShapePatterns(patterns);
    linalg::populateConstantFoldLinalgOperations(patterns, shouldFuse);
    affine::AffineApplyOp::getCanonicalizationPatterns(patterns, context);
    linalg::GenericOp::getCanonicalizationPatterns(patterns, context);
    tensor::ExpandShapeOp::getCanonicalizationPatterns(patterns, context);
    tensor::CollapseShapeOp::getCanonicalizationPatterns(patterns, context);
    context->getLoadedDialect<linalg::LinalgDialect>()
        ->getCanonicalizationPatterns(patterns);
    // Top-down, as upstream's pass does, for compile time.
    if (failed(applyPatternsGreedily(
            getOperation(), std::move(patterns),
            GreedyRewriteConfig().setUseTopDownTraversal())))
      return signalPassFailure();
  }
};

} // namespace
