//===- TernaryContraction.cpp - yat-pack-ternary's contraction ------------===//

#include "yat/Dialect/Yat/Utils/TernaryContraction.h"

#include "yat/Dialect/Yat/Utils/LinalgBuilders.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"

using namespace mlir;
using namespace mlir::yat;

namespace {

/// Whether `value` is `op(lhs, rhs)` (in either order when `commutative`)
/// with `lhsMatch(lhs)` and `rhsMatch(rhs)`.
template <typename OpTy>
bool isBinary(Value value, function_ref<bool(Value)> lhsMatch,
              function_ref<bool(Value)> rhsMatch, bool commutative = true) {
  auto op = value.getDefiningOp<OpTy>();
  if (!op)
    return false;
  if (lhsMatch(op->getOperand(0)) && rhsMatch(op->getOperand(1)))
    return true;
  return commutative && lhsMatch(op->getOperand(1)) &&
         rhsMatch(op->getOperand(0));
}

/// Whether `value`, computed in `body`, depends on none of `excluded` and
/// on no loop index.
bool dependsOnlyOnOtherArguments(Value value, Block &body,
                                 ArrayRef<Value> excluded) {
  SmallVector<Value> worklist = {value};
  llvm::SmallPtrSet<Operation *, 16> visited;
  while (!worklist.empty()) {
    Value current = worklist.pop_back_val();
    if (llvm::is_contained(excluded, current))
      return false;
    Operation *op = current.getDefiningOp();
    if (!op || op->getBlock() != &body || !visited.insert(op).second)
      continue;
    if (isa<linalg::IndexOp>(op) || op->getNumRegions() != 0 || !isPure(op))
      return false;
    llvm::append_range(worklist, op->getOperands());
  }
  return true;
}

} // namespace

std::optional<TernaryContraction>
mlir::yat::matchTernaryContraction(linalg::GenericOp op) {
  if (op.getNumDpsInputs() < 2 || op.getNumDpsInits() != 1 ||
      op.getNumLoops() != 6 || op.getNumParallelLoops() != 3 ||
      op.getNumReductionLoops() != 3)
    return std::nullopt;
  MLIRContext *context = op.getContext();
  OpOperand *weights = op.getDpsInputOperand(op.getNumDpsInputs() - 1);
  OpOperand *accumulator = op.getDpsInitOperand(0);
  if (op.getMatchingIndexingMap(weights) !=
          getDimsMap(context, 6, {1, 3, 2, 5}) ||
      op.getMatchingIndexingMap(accumulator) !=
          getDimsMap(context, 6, {0, 1, 2}))
    return std::nullopt;
  for (unsigned loop = 0; loop < 6; ++loop)
    if ((loop < 3) !=
        (op.getIteratorTypesArray()[loop] == utils::IteratorType::parallel))
      return std::nullopt;
  auto weightType = dyn_cast<ShapedType>(weights->get().getType());
  auto accType = dyn_cast<ShapedType>(accumulator->get().getType());
  if (!weightType || !accType || weightType.getRank() != 4 ||
      accType.getRank() != 3 || !weightType.getElementType().isInteger(8) ||
      !accType.getElementType().isInteger(32) ||
      weightType.getDimSize(2) != kTernaryBlock ||
      weightType.getDimSize(3) != 4 || accType.getDimSize(2) != kTernaryBlock)
    return std::nullopt;

  Block &body = op.getRegion().front();
  Value w = op.getMatchingBlockArgument(weights);
  Value out = op.getMatchingBlockArgument(accumulator);
  auto yield = cast<linalg::YieldOp>(body.getTerminator());
  auto is = [](Value expected) {
    return [expected](Value v) { return v == expected; };
  };
  auto constant = [](int64_t expected) {
    return [expected](Value v) { return isConstantIntValue(v, expected); };
  };
  auto shift = [&](Value v) {
    return isBinary<arith::MulIOp>(
        v,
        [](Value index) {
          auto cast = index.getDefiningOp<arith::IndexCastOp>();
          auto loop =
              cast ? cast.getIn().getDefiningOp<linalg::IndexOp>() : nullptr;
          return loop && loop.getDim() == 4;
        },
        constant(2));
  };
  auto code = [&](Value v) {
    auto extended = v.getDefiningOp<arith::ExtUIOp>();
    return extended &&
           isBinary<arith::AndIOp>(
               extended.getIn(),
               [&](Value shifted) {
                 return isBinary<arith::ShRUIOp>(shifted, is(w), shift,
                                                 /*commutative=*/false);
               },
               constant(3));
  };
  auto ternary = [&](Value v) {
    return isBinary<arith::SubIOp>(v, code, constant(1),
                                   /*commutative=*/false);
  };
  Value activation;
  auto isActivation = [&](Value v) {
    auto extended = v.getDefiningOp<arith::ExtSIOp>();
    if (!extended || !extended.getIn().getType().isInteger(8) ||
        !dependsOnlyOnOtherArguments(extended.getIn(), body, {w, out}))
      return false;
    activation = extended.getIn();
    return true;
  };
  if (yield.getNumOperands() != 1 ||
      !isBinary<arith::AddIOp>(yield.getOperand(0), is(out), [&](Value v) {
        return isBinary<arith::MulIOp>(v, isActivation, ternary);
      }))
    return std::nullopt;
  return TernaryContraction{weights, accumulator, activation};
}
