//===- Ternary.cpp - raise BitLinear fake quantization --------------------===//
//
// A BitLinear layer as matmulfreellm writes it, exported by JAX:
//
//   sx = 127 / max(max_k |x|, 1e-5)                      (per token)
//   xq = clamp(round(x · sx), −128, 127) / sx
//   s  = 1 / max(mean |W|, 1e-5)                         (per tensor)
//   wq = clamp(round(W · s), −1, 1) / s
//   y  = dot_general(xq, wq)
//
// becomes `yat.ternarize(W)` (absmean ternary codes and scale, folded at
// compile time when W is a constant) and `yat.ternary_matmul` with
// `activation_bits = 8`, which compute the same quantized values with
// integer sums.
//
//===----------------------------------------------------------------------===//

#include "MatchUtils.h"
#include "PopulatePatterns.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/PatternMatch.h"
#include "yat/Dialect/StableHLO/IR/Stablehlo.h"
#include "yat/Dialect/Yat/IR/Yat.h"
#include "yat/Dialect/Yat/Utils/LinalgBuilders.h"

#include <cmath>

#define DEBUG_TYPE "yat-raise-stablehlo"

using namespace mlir;
using namespace mlir::yat;
using namespace mlir::yat::raising;
namespace shlo = mlir::yat::stablehlo;

namespace {

/// `clamp(round(source · scale), lo, hi) / scale`, with `scale` a
/// broadcast of `scaleView.source`.
struct FakeQuantization {
  Value source;
  BroadcastView scaleView;
};

/// The operand of `maximum(lo, minimum(hi, v))`, `minimum(hi, maximum(lo,
/// v))` (operands in any order) or `clamp(lo, v, hi)`.
Value matchClamp(Value value, double lo, double hi) {
  value = stripNoOps(value);
  if (auto clamp = value.getDefiningOp<shlo::ClampOp>())
    return isSplatOf(clamp.getMin(), lo) && isSplatOf(clamp.getMax(), hi)
               ? clamp.getOperand()
               : Value();
  auto peel = [](Value v, bool isMaximum, double bound) -> Value {
    Operation *op = stripNoOps(v).getDefiningOp();
    if (!op || !(isMaximum ? isa<shlo::MaxOp>(op) : isa<shlo::MinOp>(op)))
      return {};
    if (isSplatOf(op->getOperand(0), bound))
      return op->getOperand(1);
    if (isSplatOf(op->getOperand(1), bound))
      return op->getOperand(0);
    return {};
  };
  if (Value inner = peel(value, /*isMaximum=*/false, hi))
    if (Value operand = peel(inner, /*isMaximum=*/true, lo))
      return operand;
  if (Value inner = peel(value, /*isMaximum=*/true, lo))
    if (Value operand = peel(inner, /*isMaximum=*/false, hi))
      return operand;
  return {};
}

/// Matches `value` as `clamp(round_nearest_even(source · b(s)), lo, hi) /
/// b'(s)`, two broadcasts of one scale; `reason` says why not (empty: not
/// a candidate).
FailureOr<FakeQuantization>
matchFakeQuantization(Value value, double lo, double hi, std::string &reason) {
  auto divide = stripNoOps(value).getDefiningOp<shlo::DivOp>();
  if (!divide)
    return failure();
  Value clamped = matchClamp(divide.getLhs(), lo, hi);
  auto round =
      clamped ? stripNoOps(clamped).getDefiningOp<shlo::RoundNearestEvenOp>()
              : nullptr;
  if (!round)
    return failure();
  auto multiply = stripNoOps(round.getOperand()).getDefiningOp<shlo::MulOp>();
  if (!multiply) {
    reason = "the rounded value is not a product with a scale";
    return failure();
  }
  BroadcastView divisor = peelBroadcasts(divide.getRhs());
  for (unsigned i = 0; i < 2; ++i) {
    Value source = multiply->getOperand(i);
    BroadcastView scale = peelBroadcasts(multiply->getOperand(1 - i));
    if (isSameValue(scale.source, divisor.source) &&
        scale.targetDims == divisor.targetDims &&
        getStaticTensorType(source) == getStaticTensorType(value))
      return FakeQuantization{stripNoOps(source), scale};
  }
  reason = "the quantized value is not divided by the scale it was "
           "multiplied by";
  return failure();
}

/// The `m` of `numerator / max(m, 1e-5)` (either order of the maximum).
Value matchFlooredReciprocal(Value value, double numerator) {
  auto divide = stripNoOps(value).getDefiningOp<shlo::DivOp>();
  if (!divide || !isSplatOf(divide.getLhs(), numerator))
    return {};
  auto maximum = stripNoOps(divide.getRhs()).getDefiningOp<shlo::MaxOp>();
  if (!maximum)
    return {};
  for (unsigned i = 0; i < 2; ++i) {
    std::optional<double> floor = getSplatValue(maximum->getOperand(1 - i));
    if (floor && isApproximately(*floor, kTernaryScaleFloor, 1e-3))
      return maximum->getOperand(i);
  }
  return {};
}

/// Matches the weight's scale `1 / max(mean |w|, 1e-5)`, the mean over every
/// element of `w`.
bool isAbsmeanReciprocal(const FakeQuantization &weights) {
  if (weights.scaleView.getNumNonUnitDims() != 0)
    return false;
  Value mean = matchFlooredReciprocal(weights.scaleView.source, 1.0);
  if (!mean)
    return false;
  // The mean as `sum / count` or `sum · (1 / count)`, read structurally: a
  // constant weight makes the whole expression a compile-time constant,
  // which the algebraic matchers would fold away.
  Value sum = stripNoOps(mean);
  double coefficient = 1.0;
  if (auto divide = sum.getDefiningOp<shlo::DivOp>()) {
    std::optional<double> count = getSplatValue(divide.getRhs());
    if (!count || *count == 0.0)
      return false;
    coefficient = 1.0 / *count;
    sum = stripNoOps(divide.getLhs());
  } else if (auto multiply = sum.getDefiningOp<shlo::MulOp>()) {
    for (unsigned i = 0; i < 2; ++i)
      if (std::optional<double> factor =
              getSplatValue(multiply->getOperand(1 - i));
          factor && multiply->getOperand(i).getDefiningOp<shlo::ReduceOp>()) {
        coefficient = *factor;
        sum = stripNoOps(multiply->getOperand(i));
      }
  }
  std::optional<ReduceMatch> reduce = matchReduce(sum, ReduceKind::Add);
  auto type = getStaticTensorType(weights.source);
  if (!reduce || !type || reduce->init != 0.0 ||
      static_cast<int64_t>(reduce->dims.size()) != type.getRank() ||
      !isApproximately(coefficient * type.getNumElements(), 1.0))
    return false;
  auto abs = stripNoOps(reduce->input).getDefiningOp<shlo::AbsOp>();
  return abs && isSameValue(abs.getOperand(), weights.source);
}

/// Matches the activations' scale `127 / max(max_k |x|, 1e-5)` over the last
/// dim, lined up with x's rows.
bool isAbsmaxScale(const FakeQuantization &activations) {
  Value rowMax = matchFlooredReciprocal(activations.scaleView.source, 127.0);
  if (!rowMax)
    return false;
  BroadcastView rows = peelBroadcasts(rowMax);
  std::optional<ReduceMatch> reduce = matchReduce(rows.source, ReduceKind::Max);
  auto type = getStaticTensorType(activations.source);
  if (!reduce || !type)
    return false;
  int64_t rank = type.getRank();
  if (reduce->dims != SmallVector<int64_t>{rank - 1} ||
      !(reduce->init == 0.0 || std::isinf(reduce->init)))
    return false;
  auto abs = stripNoOps(reduce->input).getDefiningOp<shlo::AbsOp>();
  if (!abs || !isSameValue(abs.getOperand(), activations.source))
    return false;
  // Row j of the maximum reaches dim j of x through both broadcasts.
  for (auto [j, inner] : llvm::enumerate(rows.targetDims)) {
    int64_t target = inner < 0 ? -1 : activations.scaleView.targetDims[inner];
    if (type.getDimSize(j) != 1 && target != static_cast<int64_t>(j))
      return false;
  }
  return activations.scaleView.isConstantAlong(rank - 1);
}

struct BitLinearMatch {
  Value x;
  Value weights;
  /// The weights are stored [K, N] (contracted on dim 0).
  bool transposed = false;
};

/// Matches `dot_general(fake-quantized x, fake-quantized W)` contracting the
/// last dim of x with one dim of a rank-2 W.
FailureOr<BitLinearMatch> matchBitLinear(Operation *root, std::string &reason) {
  auto dot = cast<shlo::DotGeneralOp>(root);
  FailureOr<FakeQuantization> activations =
      matchFakeQuantization(dot.getLhs(), -128.0, 127.0, reason);
  FailureOr<FakeQuantization> weights =
      matchFakeQuantization(dot.getRhs(), -1.0, 1.0, reason);
  if (failed(activations) || failed(weights))
    return failure();
  if (!isAbsmaxScale(*activations)) {
    reason = "the activations are not scaled by 127 / max(max |x|, 1e-5) "
             "over the last dim";
    return failure();
  }
  if (!isAbsmeanReciprocal(*weights)) {
    reason = "the weights are not scaled by 1 / max(mean |w|, 1e-5)";
    return failure();
  }
  auto xType = getStaticTensorType(activations->source);
  auto wType = getStaticTensorType(weights->source);
  auto resultType = getStaticTensorType(dot.getResult());
  if (!xType || !wType || !resultType || wType.getRank() != 2 ||
      resultType.getElementType() != xType.getElementType()) {
    reason = "the operands are not a static x and a rank-2 weight of the "
             "result's element type";
    return failure();
  }
  DotOperandDims lhs = getDotOperandDims(dot, 0);
  DotOperandDims rhs = getDotOperandDims(dot, 1);
  int64_t rank = xType.getRank();
  if (!lhs.batch.empty() || lhs.contracting != SmallVector<int64_t>{rank - 1} ||
      rhs.contracting.size() != 1) {
    reason = "the contraction is not over the last dim of x, unbatched";
    return failure();
  }
  BitLinearMatch match{activations->source, weights->source,
                       rhs.contracting.front() == 0};
  int64_t depth = wType.getDimSize(match.transposed ? 0 : 1);
  // Result dims: x's rows in order, then N.
  for (int64_t d = 0; d + 1 < rank; ++d)
    if (lhs.resultDims[d] != d) {
      reason = "the result does not keep the rows of x in order";
      return failure();
    }
  if (rhs.resultDims[match.transposed ? 1 : 0] != rank - 1) {
    reason = "the weights' output dim is not the result's last dim";
    return failure();
  }
  if (depth % 4 != 0) {
    reason = "the reduction length " + std::to_string(depth) +
             " is not a multiple of 4, which yat.ternarize packs";
    return failure();
  }
  return match;
}

/// A rank-2 constant transposed at compile time, or a `stablehlo.transpose`
/// of anything else.
Value buildWeightRows(OpBuilder &builder, Location loc, Value weights) {
  DenseElementsAttr constant;
  if (auto op = weights.getDefiningOp<shlo::ConstantOp>())
    constant = dyn_cast<DenseElementsAttr>(op.getValue());
  if (!constant || constant.isSplat())
    return buildTranspose(builder, loc, weights, {1, 0});
  auto type = cast<RankedTensorType>(constant.getType());
  int64_t rows = type.getDimSize(0), columns = type.getDimSize(1);
  SmallVector<Attribute> source(constant.getValues<Attribute>());
  SmallVector<Attribute> transposed(source.size());
  for (int64_t r = 0; r < rows; ++r)
    for (int64_t c = 0; c < columns; ++c)
      transposed[c * rows + r] = source[r * columns + c];
  auto resultType =
      RankedTensorType::get({columns, rows}, type.getElementType());
  return shlo::ConstantOp::create(
      builder, loc, DenseElementsAttr::get(resultType, transposed));
}

/// Rewrites a BitLinear's fake-quantized `dot_general` into `yat.ternarize`
/// of W (as N x K) and `yat.ternary_matmul` with activation_bits = 8.
struct RaiseBitLinearPattern : OpRewritePattern<shlo::DotGeneralOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(shlo::DotGeneralOp dot,
                                PatternRewriter &rewriter) const override {
    FailureOr<BitLinearMatch> match =
        matchWithReason<BitLinearMatch, Operation *>(dot, rewriter,
                                                     matchBitLinear);
    if (failed(match))
      return failure();
    Location loc = dot.getLoc();
    Value weights = match->weights;
    if (match->transposed)
      weights = buildWeightRows(rewriter, loc, weights);
    auto ternarize = yat::TernarizeOp::create(rewriter, loc, weights);
    Value y = yat::TernaryMatmulOp::create(
        rewriter, loc, dot.getType(), match->x, ternarize.getPacked(),
        ternarize.getScale(), /*activation_bits=*/8);
    rewriter.replaceOp(dot, y);
    return success();
  }
};

} // namespace

void mlir::yat::raising::populateRaiseTernaryPatterns(
    RewritePatternSet &patterns) {
  patterns.add<RaiseBitLinearPattern>(patterns.getContext());
}
