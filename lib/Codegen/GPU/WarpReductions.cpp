//===- WarpReductions.cpp - reductions across the lanes of a warp ---------===//
//
// yat-gpu-warp-reductions: a linalg.generic whose innermost loop is its only
// reduction, combining each element into its output with one associative,
// commutative op (the sums of norms, softmax's max and sum, a row's absmax),
// becomes a gpu.launch with one warp per output element: the lanes take
// every 32nd element of the reduction, combine them from the combiner's
// identity, meet through xor shuffles, and lane 0 combines the total into
// the output. The generic mapping would give each output one thread that
// walks the whole reduction alone.
//
// The order of the combinations changes, as it does on every parallel
// target: float sums round differently from a sequential loop.
//
//===----------------------------------------------------------------------===//

#include "yat/Codegen/GPU/Passes.h"

#include "KernelBuilders.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Arith/Utils/Utils.h"
#include "mlir/Dialect/GPU/IR/GPUDialect.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/WalkPatternRewriteDriver.h"

#define DEBUG_TYPE "yat-gpu-warp-reductions"

namespace mlir::yat {
#define GEN_PASS_DEF_YATGPUWARPREDUCTIONS
#include "yat/Codegen/GPU/Passes.h.inc"
} // namespace mlir::yat

using namespace mlir;

namespace {

using yat::gpu_codegen::kWarpSize;
constexpr int64_t kWarpsPerBlock = 4;

/// The identity of `combiner` for `type`, if it is one of the associative,
/// commutative combiners this pass takes.
TypedAttr getCombinerIdentity(Operation *combiner, Type type) {
  Builder b(combiner->getContext());
  auto floatType = dyn_cast<FloatType>(type);
  auto intType = dyn_cast<IntegerType>(type);
  if (floatType) {
    const llvm::fltSemantics &semantics = floatType.getFloatSemantics();
    // −0 + x is x for every x, −0 included.
    if (isa<arith::AddFOp>(combiner))
      return b.getFloatAttr(type, llvm::APFloat::getZero(semantics, true));
    if (isa<arith::MulFOp>(combiner))
      return b.getFloatAttr(type, 1.0);
    if (isa<arith::MaximumFOp>(combiner))
      return b.getFloatAttr(type, llvm::APFloat::getInf(semantics, true));
    if (isa<arith::MinimumFOp>(combiner))
      return b.getFloatAttr(type, llvm::APFloat::getInf(semantics, false));
    return {};
  }
  if (!intType)
    return {};
  unsigned width = intType.getWidth();
  if (isa<arith::AddIOp, arith::OrIOp, arith::XOrIOp, arith::MaxUIOp>(combiner))
    return b.getIntegerAttr(type, 0);
  if (isa<arith::MulIOp>(combiner))
    return b.getIntegerAttr(type, 1);
  if (isa<arith::AndIOp, arith::MinUIOp>(combiner))
    return b.getIntegerAttr(type, llvm::APInt::getAllOnes(width));
  if (isa<arith::MaxSIOp>(combiner))
    return b.getIntegerAttr(type, llvm::APInt::getSignedMinValue(width));
  if (isa<arith::MinSIOp>(combiner))
    return b.getIntegerAttr(type, llvm::APInt::getSignedMaxValue(width));
  return {};
}

/// A reduction the warps can take.
struct WarpReduction {
  /// The op that combines the body's element into the output.
  Operation *combiner;
  /// The element combined in (computed from the inputs alone).
  Value element;
  TypedAttr identity;
};

/// Whether `value`, computed in `body`, does not depend on `excluded`.
bool isIndependentOf(Value value, Block &body, Value excluded) {
  SmallVector<Value> worklist = {value};
  llvm::SmallPtrSet<Operation *, 16> visited;
  while (!worklist.empty()) {
    Value current = worklist.pop_back_val();
    if (current == excluded)
      return false;
    Operation *op = current.getDefiningOp();
    if (!op || op->getBlock() != &body || !visited.insert(op).second)
      continue;
    if (op->getNumRegions() != 0 || !isPure(op))
      return false;
    llvm::append_range(worklist, op->getOperands());
  }
  return true;
}

std::optional<WarpReduction> matchWarpReduction(linalg::GenericOp op) {
  unsigned loops = op.getNumLoops();
  if (!op.hasPureBufferSemantics() || loops < 1 ||
      op.getNumReductionLoops() != 1 ||
      op.getIteratorTypesArray()[loops - 1] != utils::IteratorType::reduction ||
      op.getNumDpsInits() != 1)
    return std::nullopt;
  OpOperand *output = op.getDpsInitOperand(0);
  AffineMap outputMap = op.getMatchingIndexingMap(output);
  if (!outputMap.isProjectedPermutation() ||
      outputMap.isFunctionOfDim(loops - 1))
    return std::nullopt;
  // Every operand is a buffer indexed by loop indices alone (no
  // convolution-like sums of them).
  for (OpOperand &operand : op->getOpOperands()) {
    if (!isa<MemRefType>(operand.get().getType()))
      return std::nullopt;
    if (!llvm::all_of(op.getMatchingIndexingMap(&operand).getResults(),
                      [](AffineExpr e) { return isa<AffineDimExpr>(e); }))
      return std::nullopt;
  }
  // Fewer elements than lanes: a thread each does as well.
  std::optional<int64_t> reductionSize = op.getStaticLoopRanges()[loops - 1];
  if (reductionSize && !ShapedType::isDynamic(*reductionSize) &&
      *reductionSize < kWarpSize)
    return std::nullopt;
  Type type = getElementTypeOrSelf(output->get().getType());
  // gpu.shuffle moves 32-bit values.
  if (!type.isF32() && !type.isInteger(32))
    return std::nullopt;
  Block &body = op.getRegion().front();
  auto yield = cast<linalg::YieldOp>(body.getTerminator());
  Value out = op.getMatchingBlockArgument(output);
  Operation *combiner = yield.getOperand(0).getDefiningOp();
  if (!combiner || combiner->getBlock() != &body ||
      combiner->getNumOperands() != 2 || combiner->getNumResults() != 1 ||
      !out.hasOneUse() || out.getUses().begin()->getOwner() != combiner)
    return std::nullopt;
  Value element = combiner->getOperand(0) == out ? combiner->getOperand(1)
                                                 : combiner->getOperand(0);
  if (element == out || !isIndependentOf(element, body, out))
    return std::nullopt;
  TypedAttr identity = getCombinerIdentity(combiner, type);
  if (!identity)
    return std::nullopt;
  return WarpReduction{combiner, element, identity};
}

struct ReductionOnWarps : public OpRewritePattern<linalg::GenericOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(linalg::GenericOp op,
                                PatternRewriter &rewriter) const override {
    if (op->getParentOfType<gpu::LaunchOp>())
      return rewriter.notifyMatchFailure(op, "already in a kernel");
    std::optional<WarpReduction> reduction = matchWarpReduction(op);
    if (!reduction)
      return rewriter.notifyMatchFailure(
          op, "not an innermost reduction of 32-bit values by one "
              "associative, commutative combiner");
    Location loc = op.getLoc();
    auto index = [&](int64_t value) -> Value {
      return arith::ConstantIndexOp::create(rewriter, loc, value);
    };
    SmallVector<Range, 4> ranges = cast<linalg::LinalgOp>(op.getOperation())
                                       .createLoopRanges(rewriter, loc);
    unsigned loops = op.getNumLoops();
    // Loop ranges of buffers start at 0 with step 1.
    SmallVector<Value> sizes;
    for (const Range &range : ranges)
      sizes.push_back(
          getValueOrCreateConstantIndexOp(rewriter, loc, range.size));
    Value outputs = index(1);
    for (unsigned loop = 0; loop + 1 < loops; ++loop)
      outputs = arith::MulIOp::create(rewriter, loc, outputs, sizes[loop]);

    OpBuilder::InsertionGuard guard(rewriter);
    yat::gpu_codegen::UnitLaunch launch(rewriter, loc, outputs, kWarpSize,
                                        kWarpsPerBlock);
    Value lane = launch.getThreadInUnit();
    // The parallel loops' indices, innermost fastest.
    SmallVector<Value> position;
    if (loops > 1)
      llvm::append_range(position, affine::AffineDelinearizeIndexOp::create(
                                       rewriter, loc, launch.getUnit(),
                                       ArrayRef<Value>(sizes).drop_back(),
                                       /*hasOuterBound=*/true)
                                       .getResults());
    position.push_back(Value());
    auto indicesOf = [&](OpOperand *operand) {
      SmallVector<Value> indices;
      for (AffineExpr result : op.getMatchingIndexingMap(operand).getResults())
        indices.push_back(position[cast<AffineDimExpr>(result).getPosition()]);
      return indices;
    };
    Block &body = op.getRegion().front();
    OpOperand *output = op.getDpsInitOperand(0);
    Value out = op.getMatchingBlockArgument(output);
    auto combine = [&](OpBuilder &b, Value lhs, Value rhs) {
      IRMapping mapping;
      mapping.map(reduction->combiner->getOperand(0), lhs);
      mapping.map(reduction->combiner->getOperand(1), rhs);
      return b.clone(*reduction->combiner, mapping)->getResult(0);
    };

    Value identity =
        arith::ConstantOp::create(rewriter, loc, reduction->identity);
    auto loop = scf::ForOp::create(
        rewriter, loc, lane, sizes[loops - 1], index(kWarpSize),
        ValueRange{identity},
        [&](OpBuilder &b, Location, Value step, ValueRange partial) {
          position[loops - 1] = step;
          IRMapping mapping;
          for (OpOperand *input : op.getDpsInputOperands()) {
            BlockArgument argument = op.getMatchingBlockArgument(input);
            if (!argument.use_empty())
              mapping.map(argument, memref::LoadOp::create(b, loc, input->get(),
                                                           indicesOf(input)));
          }
          for (Operation &bodyOp : body.without_terminator()) {
            if (&bodyOp == reduction->combiner)
              continue;
            if (auto loopIndex = dyn_cast<linalg::IndexOp>(bodyOp)) {
              mapping.map(loopIndex.getResult(), position[loopIndex.getDim()]);
              continue;
            }
            b.clone(bodyOp, mapping);
          }
          Value element = mapping.lookupOrDefault(reduction->element);
          // The body's order: the accumulated value where `out` was.
          Value next = reduction->combiner->getOperand(0) == out
                           ? combine(b, partial[0], element)
                           : combine(b, element, partial[0]);
          scf::YieldOp::create(b, loc, next);
        });
    Value total = yat::gpu_codegen::emitWarpAllReduce(
        rewriter, loc, loop.getResult(0),
        [&](OpBuilder &b, Location, Value lhs, Value rhs) {
          return combine(b, lhs, rhs);
        });
    Value first = arith::CmpIOp::create(rewriter, loc, arith::CmpIPredicate::eq,
                                        lane, index(0));
    auto ifFirst = scf::IfOp::create(rewriter, loc, first, false);
    rewriter.setInsertionPointToStart(&ifFirst.getThenRegion().front());
    position[loops - 1] = index(0);
    SmallVector<Value> outputIndices = indicesOf(output);
    Value old =
        memref::LoadOp::create(rewriter, loc, output->get(), outputIndices);
    Value result = reduction->combiner->getOperand(0) == out
                       ? combine(rewriter, old, total)
                       : combine(rewriter, total, old);
    memref::StoreOp::create(rewriter, loc, result, output->get(),
                            outputIndices);
    launch.finish(rewriter);
    rewriter.eraseOp(op);
    return success();
  }
};

struct YatGpuWarpReductionsPass
    : public mlir::yat::impl::YatGpuWarpReductionsBase<
          YatGpuWarpReductionsPass> {
  using YatGpuWarpReductionsBase::YatGpuWarpReductionsBase;

  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    patterns.add<ReductionOnWarps>(&getContext());
    walkAndApplyPatterns(getOperation(), std::move(patterns));
  }
};

} // namespace
