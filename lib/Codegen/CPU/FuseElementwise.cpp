//===- FuseElementwise.cpp - elementwise fusion around kernels ------------===//
//
// yat-cpu-fuse-elementwise: upstream's elementwise fusion patterns, with a
// control function that keeps contractions and convolutions as they are so
// that yat-cpu-tile-and-fuse and the register-tiled kernels recognize them,
// and transposes folded into the indexing maps of the ops that read them.
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

/// Makes a `linalg.generic` or `linalg.matmul` read the input of a
/// `linalg.transpose` through its indexing map instead of the transposed
/// copy: the operand becomes the transpose's input and its map the
/// transpose's composed with it. A weight in [in, out] layout (how JAX
/// holds it) given to `yat.product`, which reads [out, in], is then never
/// copied, and the contraction reads it as a plain matmul does.
struct FoldTransposeIntoReader
    : public OpInterfaceRewritePattern<linalg::LinalgOp> {
  using OpInterfaceRewritePattern::OpInterfaceRewritePattern;

  LogicalResult matchAndRewrite(linalg::LinalgOp op,
                                PatternRewriter &rewriter) const override {
    if (!isa<linalg::GenericOp, linalg::MatmulOp>(op))
      return rewriter.notifyMatchFailure(op, "not a generic or a matmul");
    SmallVector<AffineMap> maps = op.getIndexingMapsArray();
    bool changed = false;
    SmallVector<std::pair<OpOperand *, Value>> newInputs;
    for (OpOperand *input : op.getDpsInputOperands()) {
      auto transpose = input->get().getDefiningOp<linalg::TransposeOp>();
      if (!transpose)
        continue;
      // The transpose's map from its loops (the result's dims) to its input.
      AffineMap sourceMap =
          transpose.getMatchingIndexingMap(transpose.getDpsInputOperand(0));
      maps[input->getOperandNumber()] =
          sourceMap.compose(op.getMatchingIndexingMap(input));
      newInputs.emplace_back(input, transpose.getInput());
      changed = true;
    }
    if (!changed)
      return rewriter.notifyMatchFailure(op, "no input is a transpose");
    rewriter.modifyOpInPlace(op, [&] {
      for (auto [operand, value] : newInputs)
        operand->set(value);
      op->setAttr("indexing_maps", rewriter.getAffineMapArrayAttr(maps));
    });
    // A generic reading only the transpose's input (the row norms of a
    // transposed weight) takes its loops in that input's order, so that it
    // walks memory contiguously (column sums) instead of across rows.
    auto generic = dyn_cast<linalg::GenericOp>(op.getOperation());
    if (generic && generic.getNumDpsInputs() == 1) {
      AffineMap inputMap = maps[0];
      if (inputMap.isPermutation() && !inputMap.isIdentity()) {
        SmallVector<unsigned> loopOrder;
        for (unsigned result = 0; result < inputMap.getNumResults(); ++result)
          loopOrder.push_back(inputMap.getDimPosition(result));
        (void)linalg::interchangeGenericOp(rewriter, generic, loopOrder);
      }
    }
    return success();
  }
};

/// Rewrites a slice of a transposed tensor into the transpose of a slice of
/// its input, so that a reader of the slice (a tile of a parallel loop) can
/// fold the transpose in as FoldTransposeIntoReader does.
struct SwapSliceOfTranspose : public OpRewritePattern<tensor::ExtractSliceOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(tensor::ExtractSliceOp slice,
                                PatternRewriter &rewriter) const override {
    auto transpose = slice.getSource().getDefiningOp<linalg::TransposeOp>();
    if (!transpose)
      return rewriter.notifyMatchFailure(slice, "not a slice of a transpose");
    if (slice.getResultType().getRank() != slice.getSourceType().getRank())
      return rewriter.notifyMatchFailure(slice, "rank-reducing slice");
    // Result dim i of the transpose is dim permutation[i] of its input.
    ArrayRef<int64_t> permutation = transpose.getPermutation();
    SmallVector<OpFoldResult> offsets = slice.getMixedOffsets();
    SmallVector<OpFoldResult> sizes = slice.getMixedSizes();
    SmallVector<OpFoldResult> strides = slice.getMixedStrides();
    SmallVector<OpFoldResult> inputOffsets(offsets.size()),
        inputSizes(sizes.size()), inputStrides(strides.size());
    for (auto [resultDim, inputDim] : llvm::enumerate(permutation)) {
      inputOffsets[inputDim] = offsets[resultDim];
      inputSizes[inputDim] = sizes[resultDim];
      inputStrides[inputDim] = strides[resultDim];
    }
    Location loc = slice.getLoc();
    Value inputSlice =
        tensor::ExtractSliceOp::create(rewriter, loc, transpose.getInput(),
                                       inputOffsets, inputSizes, inputStrides);
    Value init = tensor::EmptyOp::create(
        rewriter, loc, sizes, slice.getResultType().getElementType());
    rewriter.replaceOpWithNewOp<linalg::TransposeOp>(slice, inputSlice, init,
                                                     permutation);
    return success();
  }
};

struct YatCpuFuseElementwisePass
    : public mlir::yat::impl::YatCpuFuseElementwiseBase<
          YatCpuFuseElementwisePass> {
  void runOnOperation() override {
    MLIRContext *context = &getContext();
    RewritePatternSet patterns(context);
    linalg::populateElementwiseOpsFusionPatterns(patterns, shouldFuse);
    patterns.add<FoldTransposeIntoReader, SwapSliceOfTranspose>(context);
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
