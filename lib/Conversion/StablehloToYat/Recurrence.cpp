//===- Recurrence.cpp - raise lax.scan recurrences to yat.linear_recurrence
//===//
//
// `jax.lax.scan` of `h = a_t · h + b_t` exports as a stablehlo.while with a
// counter `i` from 0 while `i < T`, the sequences `a` and `b` (T x S...)
// passed through unchanged, each step slicing row `i` of both
// (`dynamic_slice` + `reshape`), the carry updated to `a_i · h + b_i`, and
// the new carry written into row `i` of a T x S... output
// (`broadcast_in_dim` + `dynamic_update_slice`). With `reverse=True` the
// row is `T − 1 − i` (JAX writes `(T − i) − 1`). The loop becomes one
// yat.linear_recurrence over
// `[B, T, D]` views (D the last carry dim, B the others).
//
//===----------------------------------------------------------------------===//

#include "MatchUtils.h"
#include "PopulatePatterns.h"

#include "mlir/IR/Matchers.h"
#include "mlir/IR/PatternMatch.h"
#include "yat/Dialect/StableHLO/IR/Stablehlo.h"
#include "yat/Dialect/Yat/IR/Yat.h"

#include <numeric>

#define DEBUG_TYPE "yat-raise-stablehlo"

using namespace mlir;
using namespace mlir::yat;
using namespace mlir::yat::raising;
namespace shlo = mlir::yat::stablehlo;

namespace {

/// The roles of a scan loop's values.
struct ScanMatch {
  unsigned counter = 0;
  int64_t steps = 0;
  bool reverse = false;
  unsigned carry = 0;
  /// The iter arg collecting every state, if any.
  std::optional<unsigned> states;
  /// The sequences (values outside the loop).
  Value decays, inputs;
};

/// Whether `value` is the constant `expected` (any integer element type).
bool isIntegerConstant(Value value, int64_t expected) {
  std::optional<double> splat = getSplatValue(value);
  return splat && *splat == static_cast<double>(expected);
}

/// The iter arg that counts the steps: compared `i < T` (or `T > i`) by the
/// condition, yielded as `i + 1` by the body and starting from 0. Sets
/// `steps`.
FailureOr<unsigned> matchCounter(shlo::WhileOp loop, int64_t &steps) {
  Block &cond = loop.getCond().front();
  auto condReturn = dyn_cast<shlo::ReturnOp>(cond.getTerminator());
  if (!condReturn || condReturn.getNumOperands() != 1)
    return failure();
  auto compare = condReturn.getOperand(0).getDefiningOp<shlo::CompareOp>();
  if (!compare)
    return failure();
  Value counter = compare.getLhs(), bound = compare.getRhs();
  shlo::ComparisonDirection direction = compare.getComparisonDirection();
  if (direction == shlo::ComparisonDirection::GT) {
    std::swap(counter, bound);
    direction = shlo::ComparisonDirection::LT;
  }
  auto counterArg = dyn_cast<BlockArgument>(counter);
  std::optional<double> limit = getSplatValue(bound);
  if (direction != shlo::ComparisonDirection::LT || !counterArg ||
      counterArg.getOwner() != &cond || !limit || *limit < 1 ||
      *limit != std::floor(*limit))
    return failure();
  unsigned index = counterArg.getArgNumber();
  auto type = dyn_cast<RankedTensorType>(counterArg.getType());
  if (!type || type.getRank() != 0 || !type.getElementType().isInteger() ||
      !isIntegerConstant(loop->getOperand(index), 0))
    return failure();
  Block &body = loop.getBody().front();
  Value next = body.getTerminator()->getOperand(index);
  auto add = next.getDefiningOp<shlo::AddOp>();
  if (!add)
    return failure();
  Value bodyCounter = body.getArgument(index);
  bool counts =
      (add.getLhs() == bodyCounter && isIntegerConstant(add.getRhs(), 1)) ||
      (add.getRhs() == bodyCounter && isIntegerConstant(add.getLhs(), 1));
  if (!counts)
    return failure();
  steps = static_cast<int64_t>(*limit);
  return index;
}

/// Whether `index` is the row a step reads and writes: the counter, or
/// `T − 1 − counter` for a reverse scan (in any arrangement of adds and
/// subtracts, such as JAX's `(T − i) − 1`).
bool isStepRow(Value index, Value counter, int64_t steps, bool &reverse) {
  LinearCombination row = flattenSum(index);
  if (row.terms.size() != 1 || row.terms.front().value != counter)
    return false;
  double coefficient = row.terms.front().coefficient;
  if (coefficient == 1.0 && row.constant == 0.0) {
    reverse = false;
    return true;
  }
  if (coefficient == -1.0 && row.constant == static_cast<double>(steps - 1)) {
    reverse = true;
    return true;
  }
  return false;
}

/// The sequence whose row `reshape(dynamic_slice(seq, row, 0, ...))` is
/// `value`, when `seq` is defined outside `loop` or passed through it
/// unchanged: its value outside the loop. Sets `reverse` from the row.
Value matchStepRow(Value value, shlo::WhileOp loop, Value counter,
                   int64_t steps, bool &reverse) {
  if (auto reshape = value.getDefiningOp<shlo::ReshapeOp>())
    value = reshape.getOperand();
  auto slice = value.getDefiningOp<shlo::DynamicSliceOp>();
  if (!slice)
    return Value();
  auto sequenceType = getStaticTensorType(slice.getOperand());
  auto rowType = getStaticTensorType(value);
  if (!sequenceType || !rowType || sequenceType.getDimSize(0) != steps ||
      rowType.getDimSize(0) != 1 ||
      rowType.getShape().drop_front() != sequenceType.getShape().drop_front())
    return Value();
  OperandRange indices = slice.getStartIndices();
  if (!isStepRow(indices.front(), counter, steps, reverse) ||
      !llvm::all_of(indices.drop_front(),
                    [](Value index) { return isIntegerConstant(index, 0); }))
    return Value();
  Value sequence = slice.getOperand();
  Block &body = loop.getBody().front();
  // An iter arg passed through unchanged, or a value from outside.
  auto arg = dyn_cast<BlockArgument>(sequence);
  if (arg && arg.getOwner() == &body) {
    if (body.getTerminator()->getOperand(arg.getArgNumber()) != arg)
      return Value();
    return loop->getOperand(arg.getArgNumber());
  }
  // A value computed inside the loop is not a sequence.
  return loop->isAncestor(sequence.getParentBlock()->getParentOp()) ? Value()
                                                                    : sequence;
}

/// Matches `loop` as a scan of `h = a_t · h + b_t` (see the file comment).
FailureOr<ScanMatch> matchScan(shlo::WhileOp loop, std::string &reason) {
  ScanMatch match;
  FailureOr<unsigned> counter = matchCounter(loop, match.steps);
  if (failed(counter))
    return failure();
  match.counter = *counter;
  Block &body = loop.getBody().front();
  Operation *yield = body.getTerminator();
  Value bodyCounter = body.getArgument(match.counter);
  // The carry: yielded as a · h + b of its own block argument.
  std::optional<bool> reverse;
  for (BlockArgument arg : body.getArguments()) {
    Value next = yield->getOperand(arg.getArgNumber());
    auto add = next.getDefiningOp<shlo::AddOp>();
    if (!add || arg.getArgNumber() == match.counter)
      continue;
    for (auto [product, offset] : {std::pair(add.getLhs(), add.getRhs()),
                                   std::pair(add.getRhs(), add.getLhs())}) {
      auto mul = product.getDefiningOp<shlo::MulOp>();
      if (!mul || (mul.getLhs() != arg && mul.getRhs() != arg))
        continue;
      Value decay = mul.getLhs() == arg ? mul.getRhs() : mul.getLhs();
      bool decayReverse = false, inputReverse = false;
      Value decays =
          matchStepRow(decay, loop, bodyCounter, match.steps, decayReverse);
      Value inputs =
          matchStepRow(offset, loop, bodyCounter, match.steps, inputReverse);
      if (!decays || !inputs || decayReverse != inputReverse)
        continue;
      match.carry = arg.getArgNumber();
      match.decays = decays;
      match.inputs = inputs;
      reverse = decayReverse;
      break;
    }
    if (reverse)
      break;
  }
  if (!reverse) {
    reason = "a scan loop whose carry is not updated as a_t * h + b_t from "
             "rows of two sequences";
    return failure();
  }
  match.reverse = *reverse;
  Value newCarry = yield->getOperand(match.carry);
  auto carryType = getStaticTensorType(newCarry);
  if (!carryType || carryType.getRank() < 1 ||
      !isa<FloatType>(carryType.getElementType()) ||
      getStaticTensorType(match.decays).getElementType() !=
          carryType.getElementType() ||
      getStaticTensorType(match.inputs).getElementType() !=
          carryType.getElementType()) {
    reason = "a scan of a carry that is not a float tensor of rank >= 1";
    return failure();
  }
  // The other iter args: passed through, or collecting every new carry.
  for (BlockArgument arg : body.getArguments()) {
    unsigned index = arg.getArgNumber();
    if (index == match.counter || index == match.carry)
      continue;
    Value next = yield->getOperand(index);
    if (next == arg)
      continue;
    auto update = next.getDefiningOp<shlo::DynamicUpdateSliceOp>();
    bool rowReverse = false;
    if (!match.states && update && update.getOperand() == arg &&
        getStaticTensorType(arg) &&
        getStaticTensorType(arg).getDimSize(0) == match.steps &&
        isStepRow(update.getStartIndices().front(), bodyCounter, match.steps,
                  rowReverse) &&
        rowReverse == match.reverse &&
        llvm::all_of(update.getStartIndices().drop_front(),
                     [](Value i) { return isIntegerConstant(i, 0); })) {
      BroadcastView view = peelBroadcasts(update.getUpdate());
      auto updateType = getStaticTensorType(update.getUpdate());
      if (isSameValue(view.source, newCarry) && updateType &&
          updateType.getDimSize(0) == 1 &&
          updateType.getShape().drop_front() == carryType.getShape()) {
        match.states = index;
        continue;
      }
    }
    reason = "a scan loop that also updates another value";
    return failure();
  }
  return match;
}

/// `value` reshaped to `type`, or `value` itself when it has that type.
Value buildReshape(OpBuilder &b, Location loc, Value value,
                   RankedTensorType type) {
  if (value.getType() == type)
    return value;
  return shlo::ReshapeOp::create(b, loc, type, value);
}

/// `[T, S...]` as `[B, T, D]`, B the product of all of S but its last dim D.
Value toRecurrenceLayout(OpBuilder &b, Location loc, Value sequence) {
  auto type = cast<RankedTensorType>(sequence.getType());
  int64_t rank = type.getRank();
  // T moves next to D: [S..., T, D].
  SmallVector<int64_t> permutation;
  for (int64_t d = 1; d + 1 < rank; ++d)
    permutation.push_back(d);
  permutation.append({0, rank - 1});
  Value moved = buildTranspose(b, loc, sequence, permutation);
  ArrayRef<int64_t> shape = type.getShape();
  int64_t batch = std::accumulate(shape.begin() + 1, shape.end() - 1,
                                  int64_t(1), std::multiplies<int64_t>());
  auto layout = RankedTensorType::get({batch, shape[0], shape.back()},
                                      type.getElementType());
  return buildReshape(b, loc, moved, layout);
}

/// The inverse of toRecurrenceLayout: `[B, T, D]` back to `type`,
/// `[T, S...]`.
Value fromRecurrenceLayout(OpBuilder &b, Location loc, Value states,
                           RankedTensorType type) {
  int64_t rank = type.getRank();
  SmallVector<int64_t> movedShape(type.getShape().drop_front());
  movedShape.insert(movedShape.end() - 1, type.getDimSize(0));
  Value moved = buildReshape(
      b, loc, states, RankedTensorType::get(movedShape, type.getElementType()));
  // Dim rank − 2 (T) goes back to the front.
  SmallVector<int64_t> permutation = {rank - 2};
  for (int64_t d = 0; d + 2 < rank; ++d)
    permutation.push_back(d);
  permutation.push_back(rank - 1);
  return buildTranspose(b, loc, moved, permutation);
}

/// Rewrites a `lax.scan` of `h = a_t · h + b_t` (see the file comment) into
/// `yat.linear_recurrence`; the loop's results become the final state, the
/// states in the loop's layout, the step count and the passed-through
/// values.
struct RaiseScanPattern : OpRewritePattern<shlo::WhileOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(shlo::WhileOp loop,
                                PatternRewriter &rewriter) const override {
    FailureOr<ScanMatch> match;
    {
      MatchScope scope;
      std::string reason;
      match = matchScan(loop, reason);
      if (failed(match))
        return reason.empty() ? failure()
                              : rewriter.notifyMatchFailure(loop, reason);
    }
    Location loc = loop.getLoc();
    Value h0 = loop->getOperand(match->carry);
    auto carryType = cast<RankedTensorType>(h0.getType());
    int64_t channels = carryType.getShape().back();
    int64_t batch = carryType.getNumElements() / std::max<int64_t>(channels, 1);
    auto stateType =
        RankedTensorType::get({batch, channels}, carryType.getElementType());
    auto recurrence = LinearRecurrenceOp::create(
        rewriter, loc, toRecurrenceLayout(rewriter, loc, match->decays),
        toRecurrenceLayout(rewriter, loc, match->inputs),
        buildReshape(rewriter, loc, h0, stateType), match->reverse);

    SmallVector<Value> replacements(loop->getOperands());
    auto counterType =
        cast<RankedTensorType>(loop->getOperand(match->counter).getType());
    replacements[match->counter] = shlo::ConstantOp::create(
        rewriter, loc,
        DenseElementsAttr::get(
            counterType,
            APInt(counterType.getElementTypeBitWidth(), match->steps)));
    replacements[match->carry] =
        buildReshape(rewriter, loc, recurrence.getHLast(), carryType);
    if (match->states) {
      auto statesType =
          cast<RankedTensorType>(loop.getResult(*match->states).getType());
      replacements[*match->states] =
          fromRecurrenceLayout(rewriter, loc, recurrence.getH(), statesType);
    }
    rewriter.replaceOp(loop, replacements);
    return success();
  }
};

} // namespace

void mlir::yat::raising::populateRaiseRecurrencePatterns(
    RewritePatternSet &patterns) {
  patterns.add<RaiseScanPattern>(patterns.getContext());
}
