//===- Packing.cpp - operand panels of tiled contractions -----------------===//
//
// Panels are plain tensor copies (or transposes) per parallel tile, not
// linalg.pack/mmt4d: with upstream's transform `structured.pack_greedily`
// and linalg vectorization, the packed linalg.mmt4d did not become FMA
// register tiles, and a 1024^3 f32 matmul took 270-370 ms against 10-11 ms for
// these panels and the outer-product kernel (2 threads, AMD EPYC, 2026-12-01).
//
//===----------------------------------------------------------------------===//

#include "Packing.h"
#include "Kernels.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Interfaces/ValueBoundsOpInterface.h"
#include "yat/Dialect/Yat/Utils/LinalgBuilders.h"

using namespace mlir;
using namespace mlir::yat;
using namespace mlir::yat::cpu;

namespace {

/// `op` (a matmul with an (N, K) right operand) rebuilt on the (K, N)
/// transposed copy of that operand, with the plain maps of the
/// outer-product kernel.
linalg::LinalgOp rewriteWithTransposedPanel(RewriterBase &rewriter,
                                            linalg::LinalgOp op) {
  Location loc = op.getLoc();
  Value panel = createSwappedLastDims(rewriter, loc, op.getDpsInputs()[1]);
  SmallVector<Value> inputs = {op.getDpsInputs()[0], panel};
  Operation *plain =
      isa<linalg::MatmulOp>(op)
          ? linalg::MatmulOp::create(rewriter, loc, op->getResultTypes(),
                                     inputs, op.getDpsInits())
                .getOperation()
          : linalg::BatchMatmulOp::create(rewriter, loc, op->getResultTypes(),
                                          inputs, op.getDpsInits())
                .getOperation();
  rewriter.replaceOp(op, plain->getResults());
  return cast<linalg::LinalgOp>(plain);
}

/// Whether `op` is a 2-d matmul of bf16 operands into f32 with an (N, K)
/// right operand and a K that `innerSizes` leaves whole: what the pair
/// kernel computes (the caller knows whether K is even).
bool isPairProductCandidate(linalg::LinalgOp op, ArrayRef<int64_t> innerSizes) {
  if (!isa<linalg::MatmulOp>(op) ||
      getMatrixProductLayout(op) != RhsLayout::NK || innerSizes[2] != 0)
    return false;
  auto elementOf = [](Value value) {
    return cast<ShapedType>(value.getType()).getElementType();
  };
  return elementOf(op.getDpsInputs()[0]).isBF16() &&
         elementOf(op.getDpsInputs()[1]).isBF16() &&
         elementOf(op.getDpsInits()[0]).isF32();
}

/// Half of dim `dim` of `value`.
OpFoldResult getHalfSize(RewriterBase &rewriter, Location loc, Value value,
                         int64_t dim) {
  return affine::makeComposedFoldedAffineApply(
      rewriter, loc, rewriter.getAffineDimExpr(0).floorDiv(2),
      {tensor::getMixedSize(rewriter, loc, value, dim)});
}

/// The (K/2, N, 2) panel of K pairs of a bf16 (N, K) operand:
/// `panel[p, n, i] = rhs[n, 2p + i]`, so that the pairs of consecutive
/// columns are consecutive.
Value emitPairPanel(RewriterBase &rewriter, Location loc, Value rhs) {
  MLIRContext *context = rewriter.getContext();
  Value empty = tensor::EmptyOp::create(
      rewriter, loc,
      {getHalfSize(rewriter, loc, rhs, 1),
       tensor::getMixedSize(rewriter, loc, rhs, 0), rewriter.getIndexAttr(2)},
      rewriter.getBF16Type());
  AffineExpr p = getAffineDimExpr(0, context), n = getAffineDimExpr(1, context),
             i = getAffineDimExpr(2, context);
  SmallVector<AffineMap> maps = {AffineMap::get(3, 0, {n, p * 2 + i}, context),
                                 AffineMap::getMultiDimIdentityMap(3, context)};
  SmallVector<utils::IteratorType> iterators(3, utils::IteratorType::parallel);
  return linalg::GenericOp::create(
             rewriter, loc, empty.getType(), rhs, empty, maps, iterators,
             [](OpBuilder &b, Location l, ValueRange args) {
               linalg::YieldOp::create(b, l, args[0]);
             })
      .getResult(0);
}

/// `op` (a bf16 matmul with an (N, K) right operand) rebuilt as the
/// contraction over (pair, position in pair) of its left operand viewed as
/// (M, K/2, 2) with the pair panel of its right operand.
linalg::LinalgOp rewriteAsPairProduct(RewriterBase &rewriter,
                                      linalg::LinalgOp op) {
  Location loc = op.getLoc();
  MLIRContext *context = rewriter.getContext();
  Value lhs = op.getDpsInputs()[0];
  Value panel = emitPairPanel(rewriter, loc, op.getDpsInputs()[1]);
  auto lhsType = cast<RankedTensorType>(lhs.getType());
  int64_t depth = lhsType.getDimSize(1);
  auto pairsType = RankedTensorType::get(
      {lhsType.getDimSize(0),
       ShapedType::isDynamic(depth) ? ShapedType::kDynamic : depth / 2, 2},
      lhsType.getElementType());
  Value lhsPairs = tensor::ExpandShapeOp::create(
      rewriter, loc, pairsType, lhs,
      SmallVector<ReassociationIndices>{{0}, {1, 2}},
      {tensor::getMixedSize(rewriter, loc, lhs, 0),
       getHalfSize(rewriter, loc, lhs, 1), rewriter.getIndexAttr(2)});
  SmallVector<AffineMap> maps = {
      AffineMap::getMultiDimMapWithTargets(4, {0, 2, 3}, context),
      AffineMap::getMultiDimMapWithTargets(4, {2, 1, 3}, context),
      AffineMap::getMultiDimMapWithTargets(4, {0, 1}, context)};
  SmallVector<utils::IteratorType> iterators = {
      utils::IteratorType::parallel, utils::IteratorType::parallel,
      utils::IteratorType::reduction, utils::IteratorType::reduction};
  auto pairProduct = linalg::GenericOp::create(
      rewriter, loc, op->getResultTypes(), ValueRange{lhsPairs, panel},
      op.getDpsInits(), maps, iterators,
      [](OpBuilder &b, Location l, ValueRange args) {
        Type f32 = b.getF32Type();
        Value lhsValue = arith::ExtFOp::create(b, l, f32, args[0]);
        Value rhsValue = arith::ExtFOp::create(b, l, f32, args[1]);
        Value product = arith::MulFOp::create(b, l, lhsValue, rhsValue);
        linalg::YieldOp::create(
            b, l, Value(arith::AddFOp::create(b, l, args[2], product)));
      });
  rewriter.replaceOp(op, pairProduct->getResults());
  return cast<linalg::LinalgOp>(pairProduct.getOperation());
}

} // namespace

PackedContraction cpu::packInvariantInputs(RewriterBase &rewriter,
                                           linalg::LinalgOp op,
                                           ArrayRef<int64_t> innerSizes,
                                           bool bf16Pairs) {
  rewriter.setInsertionPoint(op);
  Location loc = op.getLoc();
  auto isInvariant = [&](OpOperand *input) {
    AffineMap map = op.getMatchingIndexingMap(input);
    auto type = dyn_cast<RankedTensorType>(input->get().getType());
    return type && type.getRank() > 0 &&
           llvm::all_of(llvm::enumerate(innerSizes), [&](auto indexedSize) {
             return indexedSize.value() == 0 ||
                    !map.isFunctionOfDim(indexedSize.index());
           });
  };

  if (bf16Pairs && isPairProductCandidate(op, innerSizes) &&
      isInvariant(op.getDpsInputOperand(1))) {
    // The pair loops (p, j) replace k, which the inner tiles leave whole.
    return {rewriteAsPairProduct(rewriter, op),
            {innerSizes[0], innerSizes[1], 0, 0}};
  }

  Value transposedPanel;
  if (getMatrixProductLayout(op) == RhsLayout::NK &&
      isInvariant(op.getDpsInputOperand(1))) {
    op = rewriteWithTransposedPanel(rewriter, op);
    transposedPanel = op.getDpsInputs()[1];
  }
  for (OpOperand *input : op.getDpsInputOperands()) {
    if (input->get() == transposedPanel || !isInvariant(input))
      continue;
    auto type = cast<RankedTensorType>(input->get().getType());
    Value empty = tensor::EmptyOp::create(
        rewriter, loc, tensor::getMixedSizes(rewriter, loc, input->get()),
        type.getElementType());
    Value packed =
        linalg::CopyOp::create(rewriter, loc, input->get(), empty).getResult(0);
    rewriter.modifyOpInPlace(op, [&] { input->set(packed); });
  }
  return {op, SmallVector<int64_t>(innerSizes)};
}

linalg::LinalgOp cpu::packRightOperand(RewriterBase &rewriter,
                                       linalg::LinalgOp op, bool bf16Pairs) {
  // Below these many rows a tile reads the panel too few times to repay
  // writing it, and the dot-product kernel reads the (N, K) operand in
  // place. Pair panels pay from 16 rows: a 128x128x2048 bf16 yat.product
  // (16-row tiles) took 0.37-0.39 ms with pairs, 0.47-0.49 ms without.
  // Transposed f32 panels pay from 48 rows: the outer-product kernel does
  // 24 multiply-adds per 4 loads where the dot-product kernel does 16 per
  // 8; a 64x4096x1024 f32 yat.product (64-row tiles) took 7.48-7.86 ms
  // with panels, 7.68-8.49 ms without (medians, 1 thread; 2-core AVX-512
  // BF16 EPYC).
  constexpr int64_t kMinPairRows = 16;
  constexpr int64_t kMinTransposedPanelRows = 48;
  std::optional<RhsLayout> layout = getMatrixProductLayout(op);
  if (!layout || *layout != RhsLayout::NK)
    return op;
  FailureOr<int64_t> rows = ValueBoundsConstraintSet::computeConstantBound(
      presburger::BoundType::UB,
      ValueBoundsConstraintSet::Variable(op.getDpsInputs()[0],
                                         op.getNumLoops() - 3),
      /*stopCondition=*/nullptr, /*closedUB=*/true);
  if (failed(rows))
    return op;
  rewriter.setInsertionPoint(op);
  SmallVector<int64_t> untiled(op.getNumLoops(), 0);
  if (bf16Pairs && isPairProductCandidate(op, untiled))
    return *rows >= kMinPairRows ? rewriteAsPairProduct(rewriter, op) : op;
  if (*rows >= kMinTransposedPanelRows)
    return rewriteWithTransposedPanel(rewriter, op);
  return op;
}
