//===- PointwiseLoops.cpp - sequential loops of pointwise steps -----------===//
//
// yat-gpu-pointwise-loops: an scf.for whose body is elementwise
// linalg.generics over one iteration space, every operand indexed by the
// identity (the step of a linear recurrence, h_t = a_t·h_{t−1} + b_t on
// the [B, D] slices at t), becomes one gpu.launch whose threads each run
// the whole loop for one point of that space. Every iteration reads and
// writes only the point it runs at, so the points are independent and the
// loop's order is kept within each; the generic mapping would launch one
// kernel per iteration.
//
//===----------------------------------------------------------------------===//

#include "yat/Codegen/GPU/Passes.h"

#include "KernelBuilders.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/GPU/IR/GPUDialect.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/WalkPatternRewriteDriver.h"

#define DEBUG_TYPE "yat-gpu-pointwise-loops"

namespace mlir::yat {
#define GEN_PASS_DEF_YATGPUPOINTWISELOOPS
#include "yat/Codegen/GPU/Passes.h.inc"
} // namespace mlir::yat

using namespace mlir;

namespace {

constexpr int64_t kThreadsPerBlock = 256;

/// Whether a generic operand `buffer` of the loop's body meets every point
/// of the iteration space at the same element of the memory it views
/// whatever the iteration: a buffer that is no view, or a subview (made in
/// the loop) of one that keeps whole dims at offset 0 and stride 1 and
/// selects, by the iteration, along the dims it drops. A view that slid
/// along a kept dim, or that transposed it, would hand one point's element
/// to another point in a later iteration.
bool keepsPointsInPlace(Value buffer, scf::ForOp loop) {
  auto view = buffer.getDefiningOp<memref::SubViewOp>();
  if (!view)
    return !buffer.getDefiningOp<ViewLikeOpInterface>();
  Value source = view.getSource();
  if (!loop->isProperAncestor(view) ||
      source.getDefiningOp<ViewLikeOpInterface>())
    return false;
  ArrayRef<int64_t> sourceShape = view.getSourceType().getShape();
  llvm::SmallBitVector dropped = view.getDroppedDims();
  for (unsigned dim = 0; dim < sourceShape.size(); ++dim) {
    if (dropped.test(dim))
      continue;
    if (!isConstantIntValue(view.getMixedOffsets()[dim], 0) ||
        !isConstantIntValue(view.getMixedStrides()[dim], 1) ||
        getConstantIntValue(view.getMixedSizes()[dim]) !=
            std::optional<int64_t>(sourceShape[dim]))
      return false;
  }
  return true;
}

/// The static iteration space shared by the loop body's generics, if the
/// body is made of index arithmetic, views and such generics only.
std::optional<SmallVector<int64_t>> getPointwiseSpace(scf::ForOp loop) {
  std::optional<SmallVector<int64_t>> space;
  for (Operation &op : loop.getBody()->without_terminator()) {
    // Views are checked where the generics use them.
    if (isa<memref::SubViewOp>(op))
      continue;
    if (isPure(&op) && op.getNumRegions() == 0 &&
        llvm::all_of(op.getResultTypes(),
                     [](Type type) { return type.isIntOrIndex(); }))
      continue;
    auto generic = dyn_cast<linalg::GenericOp>(op);
    if (!generic || !generic.hasPureBufferSemantics() ||
        generic.getNumParallelLoops() != generic.getNumLoops())
      return std::nullopt;
    SmallVector<int64_t> shape;
    for (OpOperand &operand : generic->getOpOperands()) {
      auto type = dyn_cast<MemRefType>(operand.get().getType());
      if (!type || !type.hasStaticShape() ||
          !generic.getMatchingIndexingMap(&operand).isIdentity() ||
          !keepsPointsInPlace(operand.get(), loop))
        return std::nullopt;
      if (shape.empty())
        shape.assign(type.getShape().begin(), type.getShape().end());
      else if (type.getShape() != ArrayRef<int64_t>(shape))
        return std::nullopt;
    }
    if (space && *space != shape)
      return std::nullopt;
    space = shape;
  }
  return space;
}

struct PointwiseLoopOnThreads : public OpRewritePattern<scf::ForOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(scf::ForOp loop,
                                PatternRewriter &rewriter) const override {
    if (loop->getParentOfType<gpu::LaunchOp>())
      return rewriter.notifyMatchFailure(loop, "already in a kernel");
    if (loop.getNumResults() != 0)
      return rewriter.notifyMatchFailure(loop, "carries values");
    std::optional<SmallVector<int64_t>> space = getPointwiseSpace(loop);
    if (!space || space->empty())
      return rewriter.notifyMatchFailure(
          loop, "body is not pointwise generics over one static space");
    int64_t points = 1;
    for (int64_t size : *space)
      points *= size;
    if (points == 0)
      return rewriter.notifyMatchFailure(loop, "empty iteration space");

    Location loc = loop.getLoc();
    auto index = [&](int64_t value) -> Value {
      return arith::ConstantIndexOp::create(rewriter, loc, value);
    };
    OpBuilder::InsertionGuard guard(rewriter);
    yat::gpu_codegen::UnitLaunch launch(rewriter, loc, index(points),
                                        /*threadsPerUnit=*/1, kThreadsPerBlock);
    // The point's indices, the last dim fastest.
    SmallVector<Value> position =
        llvm::to_vector_of<Value>(affine::AffineDelinearizeIndexOp::create(
                                      rewriter, loc, launch.getUnit(), *space,
                                      /*hasOuterBound=*/true)
                                      .getResults());

    IRMapping mapping;
    auto inner = scf::ForOp::create(
        rewriter, loc, loop.getLowerBound(), loop.getUpperBound(),
        loop.getStep(), ValueRange{},
        [&](OpBuilder &b, Location, Value iv, ValueRange) {
          mapping.map(loop.getInductionVar(), iv);
          for (Operation &op : loop.getBody()->without_terminator()) {
            auto generic = dyn_cast<linalg::GenericOp>(op);
            if (!generic) {
              b.clone(op, mapping);
              continue;
            }
            emitPoint(b, loc, generic, position, mapping);
          }
          scf::YieldOp::create(b, loc);
        });
    (void)inner;
    launch.finish(rewriter);
    rewriter.eraseOp(loop);
    return success();
  }

  /// `generic`'s body at `position`: its inputs loaded there, its yields
  /// stored there.
  static void emitPoint(OpBuilder &b, Location loc, linalg::GenericOp generic,
                        ArrayRef<Value> position, IRMapping &mapping) {
    Block &body = generic.getRegion().front();
    IRMapping bodyMapping;
    for (OpOperand &operand : generic->getOpOperands()) {
      BlockArgument argument = body.getArgument(operand.getOperandNumber());
      if (!argument.use_empty())
        bodyMapping.map(
            argument,
            memref::LoadOp::create(
                b, loc, mapping.lookupOrDefault(operand.get()), position));
    }
    for (Operation &op : body.without_terminator()) {
      if (auto loopIndex = dyn_cast<linalg::IndexOp>(op)) {
        bodyMapping.map(loopIndex.getResult(), position[loopIndex.getDim()]);
        continue;
      }
      b.clone(op, bodyMapping);
    }
    auto yield = cast<linalg::YieldOp>(body.getTerminator());
    for (auto [value, init] :
         llvm::zip(yield.getOperands(), generic.getDpsInits()))
      memref::StoreOp::create(b, loc, bodyMapping.lookupOrDefault(value),
                              mapping.lookupOrDefault(init), position);
  }
};

struct YatGpuPointwiseLoopsPass
    : public mlir::yat::impl::YatGpuPointwiseLoopsBase<
          YatGpuPointwiseLoopsPass> {
  using YatGpuPointwiseLoopsBase::YatGpuPointwiseLoopsBase;

  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    patterns.add<PointwiseLoopOnThreads>(&getContext());
    walkAndApplyPatterns(getOperation(), std::move(patterns));
  }
};

} // namespace
