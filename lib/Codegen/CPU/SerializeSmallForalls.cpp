//===- SerializeSmallForalls.cpp - serial loops for little work -----------===//
//
// yat-cpu-serialize-small-foralls: an scf.forall whose tiles hold less work
// than dispatching them to the async runtime costs becomes serial loops.
//
//===----------------------------------------------------------------------===//

#include "yat/Codegen/CPU/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/SCF/Transforms/Transforms.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Interfaces/ValueBoundsOpInterface.h"
#include "llvm/Support/MathExtras.h"

#define DEBUG_TYPE "yat-cpu-serialize-small-foralls"

namespace mlir::yat {
#define GEN_PASS_DEF_YATCPUSERIALIZESMALLFORALLS
#include "yat/Codegen/CPU/Passes.h.inc"
} // namespace mlir::yat

using namespace mlir;

namespace {

/// The trip count of a loop with constant bounds and a positive constant
/// step.
std::optional<uint64_t> getTripCount(OpFoldResult lower, OpFoldResult upper,
                                     OpFoldResult step) {
  std::optional<int64_t> lb = getConstantIntValue(lower);
  std::optional<int64_t> ub = getConstantIntValue(upper);
  std::optional<int64_t> st = getConstantIntValue(step);
  if (!lb || !ub || !st || *st <= 0)
    return std::nullopt;
  if (*ub <= *lb)
    return 0;
  // The span in unsigned arithmetic, which cannot overflow.
  uint64_t span = static_cast<uint64_t>(*ub) - static_cast<uint64_t>(*lb);
  return llvm::divideCeil(span, static_cast<uint64_t>(*st));
}

/// An upper bound of the extent of `loop` of `op`, read from the first
/// operand dim it indexes.
std::optional<int64_t> getLoopUpperBound(linalg::LinalgOp op, unsigned loop) {
  for (OpOperand &operand : op->getOpOperands()) {
    auto type = dyn_cast<ShapedType>(operand.get().getType());
    if (!type)
      continue;
    AffineMap map = op.getMatchingIndexingMap(&operand);
    for (auto [dim, expr] : llvm::enumerate(map.getResults())) {
      auto dimExpr = dyn_cast<AffineDimExpr>(expr);
      if (!dimExpr || dimExpr.getPosition() != loop)
        continue;
      if (!type.isDynamicDim(dim))
        return type.getDimSize(dim);
      FailureOr<int64_t> bound = ValueBoundsConstraintSet::computeConstantBound(
          presburger::BoundType::UB,
          ValueBoundsConstraintSet::Variable(operand.get(), dim),
          /*stopCondition=*/nullptr, /*closedUB=*/true);
      if (succeeded(bound))
        return *bound;
    }
  }
  return std::nullopt;
}

/// The cost of one iteration of `op`'s body in units of a simple
/// arithmetic op: a transcendental function (a polynomial of 15 to 25
/// vector instructions once approximated) counts 8, a division or square
/// root 2. An elementwise silu over 128 x 1408 is then worth splitting
/// among threads where a plain add of that size is not.
uint64_t getIterationCost(linalg::LinalgOp op) {
  uint64_t cost = 1;
  op->walk([&](Operation *nested) {
    if (isa<math::ExpOp, math::Exp2Op, math::ExpM1Op, math::LogOp,
            math::Log1pOp, math::Log2Op, math::TanhOp, math::ErfOp, math::SinOp,
            math::CosOp, math::AtanOp, math::Atan2Op, math::PowFOp>(nested))
      cost += 8;
    else if (isa<arith::DivFOp, math::SqrtOp, math::RsqrtOp>(nested))
      cost += 2;
  });
  return cost;
}

/// The iterations of `op`'s loops, when bounded.
std::optional<uint64_t> getIterationCount(linalg::LinalgOp op) {
  uint64_t iterations = 1;
  for (unsigned loop = 0; loop < op.getNumLoops(); ++loop) {
    std::optional<int64_t> bound = getLoopUpperBound(op, loop);
    if (!bound || *bound < 0)
      return std::nullopt;
    iterations =
        llvm::SaturatingMultiply(iterations, static_cast<uint64_t>(*bound));
  }
  return iterations;
}

/// The bytes of `buffer`, when its shape is static. A copy counts its
/// bytes as its work: it is bound by memory, and a row gather of 2 MiB
/// (512K f32) took 57-83 us serially against a dispatch cost of tens of
/// microseconds.
std::optional<uint64_t> getByteCount(Value buffer) {
  auto type = dyn_cast<MemRefType>(buffer.getType());
  if (!type || !type.hasStaticShape())
    return std::nullopt;
  Type element = type.getElementType();
  uint64_t bits;
  if (auto complex = dyn_cast<ComplexType>(element))
    element = complex.getElementType();
  if (element.isIndex())
    bits = 64;
  else if (element.isIntOrFloat())
    bits = element.getIntOrFloatBitWidth();
  else
    return std::nullopt;
  if (isa<ComplexType>(type.getElementType()))
    bits *= 2;
  uint64_t bytes = llvm::divideCeil(bits, uint64_t(8));
  for (int64_t size : type.getShape())
    bytes = llvm::SaturatingMultiply(bytes, static_cast<uint64_t>(size));
  return bytes;
}

/// The iterations of the linalg ops (and the bytes of the copies) in
/// `forall`'s body, times its trip count, or nothing when a size or a trip
/// count is unknown. Saturating: a fuzzed shape may multiply past 2^64.
std::optional<uint64_t> estimateWork(scf::ForallOp forall) {
  uint64_t trips = 1;
  for (auto [lower, upper, step] :
       llvm::zip(forall.getMixedLowerBound(), forall.getMixedUpperBound(),
                 forall.getMixedStep())) {
    std::optional<uint64_t> count = getTripCount(lower, upper, step);
    if (!count)
      return std::nullopt;
    trips = llvm::SaturatingMultiply(trips, *count);
  }
  uint64_t bodyWork = 0;
  WalkResult walk = forall.getBody()->walk([&](Operation *op) {
    std::optional<uint64_t> opWork;
    if (auto linalgOp = dyn_cast<linalg::LinalgOp>(op)) {
      opWork = getIterationCount(linalgOp);
      if (opWork)
        opWork = llvm::SaturatingMultiply(*opWork, getIterationCost(linalgOp));
    } else if (auto copy = dyn_cast<memref::CopyOp>(op))
      opWork = getByteCount(copy.getSource());
    else
      return WalkResult::advance();
    if (!opWork)
      return WalkResult::interrupt();
    uint64_t iterations = *opWork;
    for (Operation *parent = op->getParentOp(); parent != forall;
         parent = parent->getParentOp()) {
      if (auto loop = dyn_cast<scf::ForOp>(parent)) {
        std::optional<uint64_t> count = getTripCount(
            loop.getLowerBound(), loop.getUpperBound(), loop.getStep());
        if (!count)
          return WalkResult::interrupt();
        iterations = llvm::SaturatingMultiply(iterations, *count);
      } else if (isa<LoopLikeOpInterface>(parent)) {
        return WalkResult::interrupt();
      }
    }
    bodyWork = llvm::SaturatingAdd(bodyWork, iterations);
    return WalkResult::advance();
  });
  if (walk.wasInterrupted())
    return std::nullopt;
  return llvm::SaturatingMultiply(trips, bodyWork);
}

struct YatCpuSerializeSmallForallsPass
    : public mlir::yat::impl::YatCpuSerializeSmallForallsBase<
          YatCpuSerializeSmallForallsPass> {
  using YatCpuSerializeSmallForallsBase::YatCpuSerializeSmallForallsBase;

  void runOnOperation() override {
    SmallVector<scf::ForallOp> small;
    getOperation()->walk([&](scf::ForallOp forall) {
      if (forall->getParentOfType<scf::ForallOp>() ||
          forall.getNumResults() != 0)
        return;
      std::optional<uint64_t> work = estimateWork(forall);
      if (work && minParallelWork > 0 &&
          *work < static_cast<uint64_t>(minParallelWork))
        small.push_back(forall);
    });
    IRRewriter rewriter(&getContext());
    for (scf::ForallOp forall : small) {
      rewriter.setInsertionPoint(forall);
      if (failed(scf::forallToForLoop(rewriter, forall)))
        return signalPassFailure();
    }
  }
};

} // namespace
