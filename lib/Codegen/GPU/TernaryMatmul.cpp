//===- TernaryMatmul.cpp - ternary contractions on dp4a
//--------------------===//
//
// yat-gpu-ternary-matmul: yat-pack-ternary's contraction on buffers (see
// TernaryContraction.h) becomes a gpu.launch on the byte dot products of
// the CUDA cores (dp4a, `nvvm.dot.accumulate.4way`):
//
//   * a warp computes the 16 channels of one weight block row nb for one
//     row m; its lanes take the K blocks kb = lane, lane + 32, ... and read
//     each 64-byte block as four aligned 16-byte loads, so that a warp reads
//     2 KiB of consecutive weights per step;
//   * the 4-byte word of channel c in a block holds, in bits 2i..2i+1 of
//     each byte, the codes t + 1 of k = 16·kb + 4i + j (j = 0..3): shifted
//     right by 2i and masked with 0x03030303 it is the unsigned operand of
//     dp4a, whose signed operand is the 4 activations of those positions;
//   * Σ q·(t + 1) − Σ q = Σ q·t: one more dp4a against ones sums the
//     activations;
//   * the activations are the contraction's int8 input, or the
//     quantization that elementwise fusion put into its body, evaluated
//     from the other inputs as the body does;
//   * the lanes' sums meet through xor shuffles, and lane 0 adds the 16
//     channels to the accumulator (stores them, when the accumulator's
//     zero fill is right before: the fill is dropped).
//
// The weights cross the memory bus once at 2 bits each (a GEMV is bound by
// that), and every lane holds 16 accumulators.
//
//===----------------------------------------------------------------------===//

#include "yat/Codegen/GPU/Passes.h"

#include "KernelBuilders.h"
#include "yat/Dialect/Yat/Utils/TernaryContraction.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/GPU/IR/GPUDialect.h"
#include "mlir/Dialect/LLVMIR/NVVMDialect.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/WalkPatternRewriteDriver.h"

#define DEBUG_TYPE "yat-gpu-ternary-matmul"

namespace mlir::yat {
#define GEN_PASS_DEF_YATGPUTERNARYMATMUL
#include "yat/Codegen/GPU/Passes.h.inc"
} // namespace mlir::yat

using namespace mlir;

namespace {

/// Warps of a block, each on its own weight block row.
constexpr int64_t kWarpsPerBlock = 4;
using yat::gpu_codegen::kWarpSize;
/// Channels read by one 16-byte load of a weight block.
constexpr int64_t kChannelsPerLoad = 4;

bool hasIdentityLayout(Value value) {
  auto type = dyn_cast<MemRefType>(value.getType());
  return type && type.getLayout().isIdentity();
}

class TernaryKernelBuilder {
public:
  TernaryKernelBuilder(OpBuilder &b, Location loc, linalg::GenericOp op,
                       const yat::TernaryContraction &contraction,
                       const yat::gpu_codegen::UnitLaunch &launch)
      : b(b), loc(loc), op(op), contraction(contraction),
        lane(launch.getThreadInUnit()), row(launch.getLaunch().getBlockIds().y),
        blockRow(launch.getUnit()) {}

  /// The kernel's body, inside the check that the warp has a weight block
  /// row.
  void build() {
    Value kBlocks =
        memref::DimOp::create(b, loc, contraction.weights->get(), 1);
    Value zero = arith::ConstantIntOp::create(b, loc, 0, 32);
    // 16 channel sums and Σ q.
    SmallVector<Value> initial(yat::kTernaryBlock + 1, zero);
    auto loop = scf::ForOp::create(
        b, loc, lane, kBlocks, constant(kWarpSize), initial,
        [&](OpBuilder &, Location, Value kBlock, ValueRange carried) {
          scf::YieldOp::create(b, loc, accumulateBlock(kBlock, carried));
        });
    SmallVector<Value> totals;
    Value activationSum = loop.getResult(yat::kTernaryBlock);
    for (int64_t c = 0; c < yat::kTernaryBlock; ++c)
      totals.push_back(warpSum(
          arith::SubIOp::create(b, loc, loop.getResult(c), activationSum)));

    Value first = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, lane,
                                        constant(0));
    auto store = scf::IfOp::create(b, loc, first, /*withElseRegion=*/false);
    b.setInsertionPointToStart(&store.getThenRegion().front());
    auto channels = VectorType::get({yat::kTernaryBlock}, b.getI32Type());
    Value acc = contraction.accumulator->get();
    SmallVector<Value> position = {row, blockRow, constant(0)};
    Value sums = vector::FromElementsOp::create(b, loc, channels, totals);
    if (!startsFromZero)
      sums = arith::AddIOp::create(
          b, loc, vector::LoadOp::create(b, loc, channels, acc, position),
          sums);
    vector::StoreOp::create(b, loc, sums, acc, position);
  }

  /// The accumulator was just filled with zeros (the fill is gone): the
  /// sums are stored, not added.
  bool startsFromZero = false;

private:
  Value constant(int64_t value) {
    return arith::ConstantIndexOp::create(b, loc, value);
  }

  /// One K block: 4 groups of 4 positions for the 16 channels.
  SmallVector<Value> accumulateBlock(Value kBlock, ValueRange carried) {
    SmallVector<Value> accs(carried);
    Value weights = contraction.weights->get();
    auto loadType = VectorType::get({16}, b.getI8Type());
    auto wordsType = VectorType::get({kChannelsPerLoad}, b.getI32Type());
    SmallVector<Value> words;
    for (int64_t c0 = 0; c0 < yat::kTernaryBlock; c0 += kChannelsPerLoad) {
      Value bytes = vector::LoadOp::create(
          b, loc, loadType, weights,
          ValueRange{blockRow, kBlock, constant(c0), constant(0)},
          /*nontemporal=*/false, llvm::MaybeAlign(16));
      Value packed = vector::BitCastOp::create(b, loc, wordsType, bytes);
      for (int64_t c = 0; c < kChannelsPerLoad; ++c)
        words.push_back(vector::ExtractOp::create(b, loc, packed, c));
    }
    auto quad = VectorType::get({4}, b.getI8Type());
    auto oneWord = VectorType::get({1}, b.getI32Type());
    auto asBytes = [&](Value word) {
      return vector::BitCastOp::create(
          b, loc, quad, vector::BroadcastOp::create(b, loc, oneWord, word));
    };
    Value mask = arith::ConstantIntOp::create(b, loc, 0x03030303, 32);
    Value ones = asBytes(arith::ConstantIntOp::create(b, loc, 0x01010101, 32));
    auto dot = [&](Value codes, Value activations, Value acc) {
      return NVVM::DotAccumulate4WayOp::create(
          b, loc, b.getI32Type(), codes, NVVM::DotAccumulateType::UNSIGNED,
          activations, NVVM::DotAccumulateType::SIGNED, acc);
    };
    for (int64_t group = 0; group < 4; ++group) {
      SmallVector<Value> activations;
      for (int64_t j = 0; j < 4; ++j)
        activations.push_back(emitActivation(kBlock, group, j));
      Value quadOfActivations =
          vector::FromElementsOp::create(b, loc, quad, activations);
      accs[yat::kTernaryBlock] =
          dot(ones, quadOfActivations, accs[yat::kTernaryBlock]);
      Value shift = arith::ConstantIntOp::create(b, loc, 2 * group, 32);
      for (int64_t c = 0; c < yat::kTernaryBlock; ++c) {
        Value codes = arith::AndIOp::create(
            b, loc, arith::ShRUIOp::create(b, loc, words[c], shift), mask);
        accs[c] = dot(asBytes(codes), quadOfActivations, accs[c]);
      }
    }
    return accs;
  }

  /// The activation at loop position (row, blockRow, ·, kBlock, group, j):
  /// the body's computation of it, on the inputs it reads there.
  Value emitActivation(Value kBlock, int64_t group, int64_t j) {
    Value position[6] = {row,    blockRow,        Value(),
                         kBlock, constant(group), constant(j)};
    Block &body = op.getRegion().front();
    IRMapping mapping;
    for (OpOperand *input : op.getDpsInputOperands()) {
      if (input == contraction.weights)
        continue;
      BlockArgument argument = op.getMatchingBlockArgument(input);
      if (argument.use_empty())
        continue;
      SmallVector<Value> indices;
      for (AffineExpr result : op.getMatchingIndexingMap(input).getResults())
        indices.push_back(position[cast<AffineDimExpr>(result).getPosition()]);
      mapping.map(argument,
                  memref::LoadOp::create(b, loc, input->get(), indices));
    }
    // The activation's computation, in body order.
    llvm::SetVector<Operation *> needed;
    SmallVector<Value> worklist = {contraction.activation};
    while (!worklist.empty()) {
      Operation *def = worklist.pop_back_val().getDefiningOp();
      if (!def || def->getBlock() != &body || !needed.insert(def))
        continue;
      llvm::append_range(worklist, def->getOperands());
    }
    for (Operation &bodyOp : body.without_terminator())
      if (needed.contains(&bodyOp))
        b.clone(bodyOp, mapping);
    return mapping.lookupOrDefault(contraction.activation);
  }

  /// The sum of `value` over the warp's lanes, in every lane.
  Value warpSum(Value value) {
    return yat::gpu_codegen::emitWarpAllReduce(
        b, loc, value, [](OpBuilder &b, Location loc, Value lhs, Value rhs) {
          return arith::AddIOp::create(b, loc, lhs, rhs).getResult();
        });
  }

  OpBuilder &b;
  Location loc;
  linalg::GenericOp op;
  const yat::TernaryContraction &contraction;
  Value lane, row, blockRow;
};

struct TernaryMatmulOnDp4a : public OpRewritePattern<linalg::GenericOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(linalg::GenericOp op,
                                PatternRewriter &rewriter) const override {
    if (!op.hasPureBufferSemantics())
      return rewriter.notifyMatchFailure(op, "not on buffers");
    if (op->getParentOfType<gpu::LaunchOp>())
      return rewriter.notifyMatchFailure(op, "already in a kernel");
    std::optional<yat::TernaryContraction> contraction =
        yat::matchTernaryContraction(op);
    if (!contraction)
      return rewriter.notifyMatchFailure(op, "not a ternary contraction");
    Value weights = contraction->weights->get();
    Value acc = contraction->accumulator->get();
    if (!hasIdentityLayout(weights) || !hasIdentityLayout(acc))
      return rewriter.notifyMatchFailure(
          op, "weights or accumulator are not contiguous buffers");
    // The activations may read only the row and the K position.
    for (OpOperand *input : op.getDpsInputOperands()) {
      if (input == contraction->weights)
        continue;
      if (!isa<MemRefType>(input->get().getType()))
        return rewriter.notifyMatchFailure(op, "an input is not a buffer");
      for (AffineExpr result : op.getMatchingIndexingMap(input).getResults()) {
        auto dim = dyn_cast<AffineDimExpr>(result);
        if (!dim || dim.getPosition() == 1 || dim.getPosition() == 2)
          return rewriter.notifyMatchFailure(
              op, "an activation input depends on the output channel");
      }
    }

    // The zero fill of the accumulator right before the contraction: the
    // kernel writes the buffer once instead of a kernel of its own zeroing it.
    auto fill = dyn_cast_or_null<linalg::FillOp>(op->getPrevNode());
    bool startsFromZero = fill && fill.hasPureBufferSemantics() &&
                          fill.getDpsInits()[0] == acc &&
                          isConstantIntValue(fill.getInputs()[0], 0);
    if (startsFromZero)
      rewriter.eraseOp(fill);

    // A warp per weight block row (the grid's x) and output row (its y).
    Location loc = op.getLoc();
    OpBuilder::InsertionGuard guard(rewriter);
    yat::gpu_codegen::UnitLaunch launch(
        rewriter, loc, memref::DimOp::create(rewriter, loc, weights, 0),
        kWarpSize, kWarpsPerBlock,
        memref::DimOp::create(rewriter, loc, acc, 0));
    TernaryKernelBuilder kernel(rewriter, loc, op, *contraction, launch);
    kernel.startsFromZero = startsFromZero;
    kernel.build();
    launch.finish(rewriter);
    rewriter.eraseOp(op);
    return success();
  }
};

struct YatGpuTernaryMatmulPass
    : public mlir::yat::impl::YatGpuTernaryMatmulBase<YatGpuTernaryMatmulPass> {
  using YatGpuTernaryMatmulBase::YatGpuTernaryMatmulBase;

  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    patterns.add<TernaryMatmulOnDp4a>(&getContext());
    walkAndApplyPatterns(getOperation(), std::move(patterns));
  }
};

} // namespace
