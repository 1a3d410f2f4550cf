//===- Recurrence.cpp - raise scans to yat.linear_recurrence -------------===//
//
// `jax.lax.scan` of `h = a_t · h + b_t` exports as a stablehlo.while with a
// counter `i` from 0 while `i < T`, the sequences `a` and `b` (T x S...)
// passed through unchanged, each step slicing row `i` of both
// (`dynamic_slice` + `reshape`), the carry updated to `a_i · h + b_i`, and
// the new carry written into row `i` of a T x S... output
// (`broadcast_in_dim` + `dynamic_update_slice`). With `reverse=True` the
// row is `T − 1 − i` (JAX writes `(T − i) − 1`). The loop becomes one
// yat.linear_recurrence over `[B, T, D]` views (D the last carry dim, B the
// others).
//
// `jax.lax.associative_scan` of the same recurrence (the combine
// `(a1, b1), (a2, b2) -> (a1 a2, a2 b1 + b2)`) exports as JAX's recursive
// odd/even scheme unrolled: pairs combined from strided slices, the scan
// of those recursively, the even elements from it, and the two halves
// interleaved by an `add` of two interior-padded `pad`s. The outermost
// interleave whose whole tree is that scheme becomes one recurrence.
//
//===----------------------------------------------------------------------===//

#include "MatchUtils.h"
#include "PopulatePatterns.h"

#include "mlir/Dialect/Utils/IndexingUtils.h"
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

//===----------------------------------------------------------------------===//
// lax.associative_scan
//===----------------------------------------------------------------------===//

/// Whether `value` is `slice(source)` taking `[start : limit : stride]`
/// along `axis` and all of every other dim.
bool isAxisSlice(Value value, Value source, int64_t axis, int64_t start,
                 int64_t limit, int64_t stride) {
  auto slice = value.getDefiningOp<shlo::SliceOp>();
  if (!slice || !isSameValue(slice.getOperand(), source))
    return false;
  auto type = cast<RankedTensorType>(slice.getOperand().getType());
  for (int64_t d = 0; d < type.getRank(); ++d) {
    bool isAxis = d == axis;
    if (slice.getStartIndices()[d] != (isAxis ? start : 0) ||
        slice.getLimitIndices()[d] != (isAxis ? limit : type.getDimSize(d)) ||
        slice.getStrides()[d] != (isAxis ? stride : 1))
      return false;
  }
  return true;
}

/// The operand of `value` when it is an axis slice from `start` by
/// `stride` to the end of the operand, or null.
Value getSlicedFrom(Value value, int64_t axis, int64_t start, int64_t stride) {
  auto slice = value.getDefiningOp<shlo::SliceOp>();
  if (!slice)
    return Value();
  auto type = cast<RankedTensorType>(slice.getOperand().getType());
  int64_t limit = type.getDimSize(axis);
  return isAxisSlice(value, slice.getOperand(), axis, start, limit, stride)
             ? slice.getOperand()
             : Value();
}

/// Whether `value` is `p · q + r` with `p` matching `isFactor`, `q`
/// matching `isOther` and `r` matching `isAddend`, operands of the multiply
/// and the add in either order.
bool isMultiplyAdd(Value value, function_ref<bool(Value)> isFactor,
                   function_ref<bool(Value)> isOther,
                   function_ref<bool(Value)> isAddend) {
  auto add = value.getDefiningOp<shlo::AddOp>();
  if (!add)
    return false;
  for (auto [product, addend] : {std::pair(add.getLhs(), add.getRhs()),
                                 std::pair(add.getRhs(), add.getLhs())}) {
    auto mul = product.getDefiningOp<shlo::MulOp>();
    if (!mul || !isAddend(addend))
      continue;
    if ((isFactor(mul.getLhs()) && isOther(mul.getRhs())) ||
        (isFactor(mul.getRhs()) && isOther(mul.getLhs())))
      return true;
  }
  return false;
}

/// The halves of JAX's interleave along `axis`: `pad(even, low 0,
/// interior 1) + pad(odd, low 1, interior 1)`, padded with zeros along
/// `axis` only.
struct Interleave {
  Value even, odd;
  int64_t axis;
};

/// The axis a zero `pad` interleaves along with interior padding 1 and low
/// padding `low`, or -1.
int64_t getInterleavedAxis(shlo::PadOp pad, int64_t low) {
  if (!isSplatOf(pad.getPaddingValue(), 0.0))
    return -1;
  int64_t axis = -1;
  for (auto [d, interior] : llvm::enumerate(pad.getInteriorPadding())) {
    bool isAxis = interior != 0;
    if (isAxis && (interior != 1 || axis != -1))
      return -1;
    if (isAxis)
      axis = d;
    else if (pad.getEdgePaddingLow()[d] != 0 ||
             pad.getEdgePaddingHigh()[d] != 0)
      return -1;
  }
  return axis >= 0 && pad.getEdgePaddingLow()[axis] == low ? axis : -1;
}

std::optional<Interleave> matchInterleave(Value value) {
  auto add = value.getDefiningOp<shlo::AddOp>();
  if (!add)
    return std::nullopt;
  for (auto [first, second] : {std::pair(add.getLhs(), add.getRhs()),
                               std::pair(add.getRhs(), add.getLhs())}) {
    auto even = first.getDefiningOp<shlo::PadOp>();
    auto odd = second.getDefiningOp<shlo::PadOp>();
    if (!even || !odd)
      continue;
    int64_t axis = getInterleavedAxis(even, 0);
    if (axis >= 0 && getInterleavedAxis(odd, 1) == axis)
      return Interleave{even.getOperand(), odd.getOperand(), axis};
  }
  return std::nullopt;
}

/// The sequences `(a, b)` that the even half of an interleave along `axis`,
/// `concat(slice(b, 0:1), slice(a, 2::2) · x + slice(b, 2::2))`, reads.
FailureOr<std::pair<Value, Value>> getEvenHalfSequences(Value even,
                                                        int64_t axis) {
  auto concat = even.getDefiningOp<shlo::ConcatenateOp>();
  if (!concat || concat.getInputs().size() != 2 ||
      concat.getDimension() != static_cast<uint64_t>(axis))
    return failure();
  auto first = concat.getInputs()[0].getDefiningOp<shlo::SliceOp>();
  auto add = concat.getInputs()[1].getDefiningOp<shlo::AddOp>();
  if (!first || !add || !isAxisSlice(first, first.getOperand(), axis, 0, 1, 1))
    return failure();
  for (Value operand : {add.getLhs(), add.getRhs()})
    if (auto mul = operand.getDefiningOp<shlo::MulOp>())
      for (Value factor : {mul.getLhs(), mul.getRhs()})
        if (Value a = getSlicedFrom(factor, axis, 2, 2))
          return std::make_pair(a, Value(first.getOperand()));
  return failure();
}

/// Whether `result` is the `b` part of JAX's associative_scan of the
/// recurrence over `(a, b)` along `axis` (see the file comment).
bool isAssociativeScan(Value result, Value a, Value b, int64_t axis) {
  auto type = getStaticTensorType(a);
  if (!type || getStaticTensorType(b) != type)
    return false;
  int64_t n = type.getDimSize(axis);
  if (n < 2)
    return isSameValue(result, b);
  std::optional<Interleave> halves = matchInterleave(result);
  if (!halves || halves->axis != axis)
    return false;
  // The pairs: b' = a_odd · b_even + b_odd and a' = a_even · a_odd.
  auto isPairB = [&](Value value) {
    return isMultiplyAdd(
        value, [&](Value v) { return isAxisSlice(v, a, axis, 1, n, 2); },
        [&](Value v) { return isAxisSlice(v, b, axis, 0, n - 1, 2); },
        [&](Value v) { return isAxisSlice(v, b, axis, 1, n, 2); });
  };
  auto isPairA = [&](Value value) {
    auto mul = value.getDefiningOp<shlo::MulOp>();
    if (!mul)
      return false;
    for (auto [x, y] : {std::pair(mul.getLhs(), mul.getRhs()),
                        std::pair(mul.getRhs(), mul.getLhs())})
      if (isAxisSlice(x, a, axis, 0, n - 1, 2) &&
          isAxisSlice(y, a, axis, 1, n, 2))
        return true;
    return false;
  };
  // The odd half: the scan of the pairs (the pairs themselves when there
  // is only one).
  Value odd = halves->odd;
  int64_t m = n / 2;
  if (m < 2) {
    if (!isPairB(odd))
      return false;
  } else {
    std::optional<Interleave> inner = matchInterleave(odd);
    if (!inner || inner->axis != axis)
      return false;
    FailureOr<std::pair<Value, Value>> pairs =
        getEvenHalfSequences(inner->even, axis);
    if (failed(pairs) || !isPairA(pairs->first) || !isPairB(pairs->second) ||
        !isAssociativeScan(odd, pairs->first, pairs->second, axis))
      return false;
  }
  // The even half: b_0, then slice(a, 2::2) · (the odd half's states but
  // the last, for even n) + slice(b, 2::2).
  auto concat = halves->even.getDefiningOp<shlo::ConcatenateOp>();
  if (!concat || concat.getInputs().size() != 2 ||
      !isAxisSlice(concat.getInputs()[0], b, axis, 0, 1, 1))
    return false;
  return isMultiplyAdd(
      concat.getInputs()[1],
      [&](Value v) { return isAxisSlice(v, a, axis, 2, n, 2); },
      [&](Value v) {
        return n % 2 == 0 ? isAxisSlice(v, odd, axis, 0, m - 1, 1)
                          : isSameValue(v, odd);
      },
      [&](Value v) { return isAxisSlice(v, b, axis, 2, n, 2); });
}

/// Rewrites the outermost interleave of a `lax.associative_scan` of
/// `h = a_t · h + b_t` (see the file comment) into `yat.linear_recurrence`
/// along the scanned axis, from a zero state.
struct RaiseAssociativeScanPattern : OpRewritePattern<shlo::AddOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(shlo::AddOp root,
                                PatternRewriter &rewriter) const override {
    // Inner levels are read by the pads of the level above.
    if (llvm::any_of(root->getUsers(),
                     [](Operation *user) { return isa<shlo::PadOp>(user); }))
      return failure();
    Value a, b;
    int64_t axis = -1;
    {
      MatchScope scope;
      std::optional<Interleave> halves = matchInterleave(root.getResult());
      if (!halves)
        return failure();
      axis = halves->axis;
      FailureOr<std::pair<Value, Value>> sequences =
          getEvenHalfSequences(halves->even, axis);
      auto type = getStaticTensorType(root.getResult());
      if (failed(sequences) || !type || !isa<FloatType>(type.getElementType()))
        return rewriter.notifyMatchFailure(
            root, "an interleave of padded halves that does not read two "
                  "float sequences");
      std::tie(a, b) = *sequences;
      if (!isAssociativeScan(root.getResult(), a, b, axis))
        return rewriter.notifyMatchFailure(
            root, "an interleave that is not the associative scan of "
                  "h = a_t * h + b_t");
    }
    Location loc = root.getLoc();
    int64_t rank = root.getType().getRank();
    // The scanned axis first: [T, S...], then back.
    SmallVector<int64_t> toFront = {axis};
    for (int64_t d = 0; d < rank; ++d)
      if (d != axis)
        toFront.push_back(d);
    SmallVector<int64_t> fromFront = invertPermutationVector(toFront);
    Value decays = buildTranspose(rewriter, loc, a, toFront);
    Value inputs = buildTranspose(rewriter, loc, b, toFront);
    auto recurrence = LinearRecurrenceOp::create(
        rewriter, loc, toRecurrenceLayout(rewriter, loc, decays),
        toRecurrenceLayout(rewriter, loc, inputs), Value(),
        /*reverse=*/false);
    Value states =
        fromRecurrenceLayout(rewriter, loc, recurrence.getH(),
                             cast<RankedTensorType>(decays.getType()));
    rewriter.replaceOp(root, buildTranspose(rewriter, loc, states, fromFront));
    return success();
  }
};

//===----------------------------------------------------------------------===//
// lax.scan
//===----------------------------------------------------------------------===//

/// Rewrites a `lax.scan` of `h = a_t · h + b_t` (see the file comment) into
/// `yat.linear_recurrence`; the loop's results become the final state, the
/// states in the loop's layout, the step count and the passed-through
/// values.
struct RaiseScanPattern : OpRewritePattern<shlo::WhileOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(shlo::WhileOp loop,
                                PatternRewriter &rewriter) const override {
    FailureOr<ScanMatch> match =
        matchWithReason<ScanMatch, shlo::WhileOp>(loop, rewriter, matchScan);
    if (failed(match))
      return failure();
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
  patterns.add<RaiseScanPattern, RaiseAssociativeScanPattern>(
      patterns.getContext());
}
