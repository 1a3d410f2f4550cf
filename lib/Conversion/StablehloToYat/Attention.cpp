//===- Attention.cpp - raise ⵟ-attention to yat.attention -----------------===//

#include "MatchUtils.h"
#include "PopulatePatterns.h"

#include "mlir/IR/PatternMatch.h"
#include "yat/Dialect/StableHLO/IR/Stablehlo.h"
#include "yat/Dialect/Yat/IR/Yat.h"

#include <cmath>

#define DEBUG_TYPE "yat-raise-stablehlo"

using namespace mlir;
using namespace mlir::yat;
using namespace mlir::yat::raising;
namespace shlo = mlir::yat::stablehlo;

/// A masked score at or below this makes its softmax weight exactly 0 in
/// every float type when the unmasked scores are >= 0 (exp underflows below
/// about -104 in f32).
static constexpr double kMaskedScoreLimit = -1.0e4;

/// Score layout produced by the q·k contraction: two batch dims (batch and
/// heads, in either order), then queries, then keys.
static constexpr int64_t kQueryDim = 2;
static constexpr int64_t kKeyDim = 3;

namespace {

/// The parts of a matched ⵟ-attention.
struct AttentionMatch {
  Value q, k, v;
  SmallVector<int64_t> qPermutation, kPermutation, vPermutation;
  /// Result dim t of `p · v` is dim resultPermutation[t] of yat.attention's
  /// [B, H, Tq, Dv] result.
  SmallVector<int64_t> resultPermutation;
  double scale = 1.0;
  double epsilon = 0.0;
  bool causal = false;
  bool isL1 = false;
  double l1Epsilon = 0.0;
};

/// A `dot_general` of two rank-4 tensors with two batch dims, one
/// contracting dim and one free dim each, static shapes of one float type.
bool isHeadContraction(shlo::DotGeneralOp dot) {
  auto lhsType = getStaticTensorType(dot.getLhs());
  auto rhsType = getStaticTensorType(dot.getRhs());
  auto resultType = getStaticTensorType(dot.getResult());
  if (!lhsType || !rhsType || !resultType || lhsType.getRank() != 4 ||
      rhsType.getRank() != 4)
    return false;
  Type elementType = lhsType.getElementType();
  if (!isa<FloatType>(elementType) || rhsType.getElementType() != elementType ||
      resultType.getElementType() != elementType)
    return false;
  shlo::DotDimensionNumbersAttr numbers = dot.getDotDimensionNumbers();
  return numbers.getLhsBatchingDimensions().size() == 2 &&
         numbers.getLhsContractingDimensions().size() == 1;
}

shlo::DotGeneralOp getHeadContraction(Value value) {
  auto dot = stripNoOps(value).getDefiningOp<shlo::DotGeneralOp>();
  return dot && isHeadContraction(dot) ? dot : shlo::DotGeneralOp();
}

/// Reads `p` as a plain quotient `a / b` (no constant factor, no other
/// factors) and returns {a, b}, or nulls.
std::pair<Value, Value> matchQuotient(Value p) {
  Monomial quotient = flattenProduct(p);
  if (!quotient.valid || !isApproximately(quotient.constant, 1.0) ||
      quotient.factors.size() != 2)
    return {};
  const Factor *numerator = &quotient.factors[0];
  const Factor *denominator = &quotient.factors[1];
  if (numerator->exponent != 1)
    std::swap(numerator, denominator);
  if (numerator->exponent != 1 || denominator->exponent != -1)
    return {};
  return {numerator->value, denominator->value};
}

/// Reads `p` as `softmax(c · s)` along `axis`: `e / Σ_axis e` with
/// `e = exp(c · s − m)`, where `m` is anything constant along `axis` (the row
/// maximum) or absent and `c` a positive constant. Returns `s` and
/// multiplies `coefficient` by `c`, or returns null.
Value matchSoftmax(Value p, int64_t axis, double &coefficient) {
  auto [numerator, denominator] = matchQuotient(p);
  if (!numerator)
    return {};
  auto exp = stripNoOps(numerator).getDefiningOp<shlo::ExpOp>();
  if (!exp)
    return {};

  BroadcastView sumView = peelBroadcasts(denominator);
  std::optional<ReduceMatch> sum = matchReduce(sumView.source, ReduceKind::Add);
  if (!sum || sum->init != 0.0 || sum->dims != SmallVector<int64_t>{axis} ||
      !isSameValue(sum->input, numerator))
    return {};
  for (auto [j, target] : llvm::enumerate(sumView.targetDims)) {
    int64_t expected = static_cast<int64_t>(j) < axis ? j : j + 1;
    if (target >= 0 && target != expected)
      return {};
  }

  // Peel the row shift and positive constant factors off the exponent;
  // masks stay for stripScoreMasks.
  auto isRowConstant = [&](Value value) {
    return peelBroadcasts(value).isConstantAlong(axis);
  };
  Value scores = exp.getOperand();
  for (int step = 0; step < 8; ++step) {
    scores = stripNoOps(scores);
    Operation *op = scores.getDefiningOp();
    if (auto subtract = dyn_cast_if_present<shlo::SubtractOp>(op)) {
      if (isRowConstant(subtract.getRhs())) {
        scores = subtract.getLhs();
        continue;
      }
    } else if (auto add = dyn_cast_if_present<shlo::AddOp>(op)) {
      if (isRowConstant(add.getRhs())) {
        scores = add.getLhs();
        continue;
      }
      if (isRowConstant(add.getLhs())) {
        scores = add.getRhs();
        continue;
      }
    } else if (auto multiply = dyn_cast_if_present<shlo::MulOp>(op)) {
      std::optional<double> c = getSplatValue(multiply.getRhs());
      Value other = multiply.getLhs();
      if (!c) {
        c = getSplatValue(multiply.getLhs());
        other = multiply.getRhs();
      }
      if (c && *c > 0.0) {
        coefficient *= *c;
        scores = other;
        continue;
      }
    } else if (auto divide = dyn_cast_if_present<shlo::DivOp>(op)) {
      std::optional<double> c = getSplatValue(divide.getRhs());
      if (c && *c > 0.0) {
        coefficient /= *c;
        scores = divide.getLhs();
        continue;
      }
    }
    break;
  }
  if (isRowConstant(scores))
    return {};
  return scores;
}

/// Reads `p` as nmn's l1 normalization along `axis`: `s / (Σ_axis s +
/// epsilon)`. Returns `s` and sets `epsilon`, or returns null.
Value matchL1(Value p, int64_t axis, double &epsilon) {
  auto [numerator, denominator] = matchQuotient(p);
  if (!numerator)
    return {};
  // The sum plus epsilon may be broadcast as a whole or term by term.
  BroadcastView outer = peelBroadcasts(denominator);
  LinearCombination sum = flattenSum(outer.source);
  if (sum.terms.size() != 1 ||
      !isApproximately(sum.terms.front().coefficient, 1.0))
    return {};
  BroadcastView sumView = peelBroadcasts(sum.terms.front().value);
  for (int64_t &dim : sumView.targetDims)
    if (dim >= 0)
      dim = outer.targetDims[dim];
  std::optional<ReduceMatch> reduce =
      matchReduce(sumView.source, ReduceKind::Add);
  if (!reduce || reduce->init != 0.0 ||
      reduce->dims != SmallVector<int64_t>{axis} ||
      !isSameValue(reduce->input, numerator))
    return {};
  for (auto [j, target] : llvm::enumerate(sumView.targetDims)) {
    int64_t expected = static_cast<int64_t>(j) < axis ? j : j + 1;
    if (target >= 0 && target != expected)
      return {};
  }
  epsilon = sum.constant;
  return numerator;
}

/// Combines `mask` with `more` (same shape), element by element.
void intersectMask(std::optional<ConstantTensor> &mask,
                   const ConstantTensor &more) {
  if (!mask) {
    mask = more;
    return;
  }
  for (auto [a, b] : llvm::zip(mask->values, more.values))
    a = (a != 0.0 && b != 0.0) ? 1.0 : 0.0;
}

/// `pred` evaluated and broadcast to `count` elements, as 0/1.
std::optional<ConstantTensor> evaluateMask(Value pred, int64_t count) {
  std::optional<ConstantTensor> mask = evaluateConstant(pred);
  if (!mask)
    return std::nullopt;
  if (mask->values.size() == 1 && count != 1)
    mask->values.assign(count, mask->values.front());
  if (static_cast<int64_t>(mask->values.size()) != count)
    return std::nullopt;
  for (double &v : mask->values)
    v = v != 0.0 ? 1.0 : 0.0;
  return mask;
}

bool isAllTrue(const ConstantTensor &mask) {
  return llvm::all_of(mask.values, [](double v) { return v != 0.0; });
}

/// Strips the masking from the scores `s` that feed the normalization:
/// selects of a masked score, additive masks of 0 and masked scores
/// (softmax only), and selects whose predicate is all true. A masked score
/// is 0 for l1; for softmax (which multiplies the scores by
/// `softmaxScale`) it is −inf or a value that the scale takes to <=
/// kMaskedScoreLimit. Returns the raw scores and the combined mask
/// (nullopt: nothing masked). A select that cannot be read as a mask sets
/// `reason` (the first one) and is followed through its kept branch, so
/// that the caller can tell whether the scores are ⵟ scores at all.
Value stripScoreMasks(Value s, int64_t count, bool isL1, double softmaxScale,
                      std::optional<ConstantTensor> &mask,
                      std::string &reason) {
  auto fail = [&](StringRef why) {
    if (reason.empty())
      reason = why.str();
  };
  auto isMaskedValue = [&](double value) {
    if (isL1)
      return value == 0.0;
    return value * softmaxScale <= kMaskedScoreLimit;
  };
  auto isMaskedScore = [&](Value value) {
    std::optional<double> splat = getSplatValue(value);
    return splat && isMaskedValue(*splat);
  };
  for (int step = 0; step < 8; ++step) {
    s = stripNoOps(s);
    if (auto select = s.getDefiningOp<shlo::SelectOp>()) {
      std::optional<ConstantTensor> pred =
          evaluateMask(select.getPred(), count);
      if (!pred) {
        fail("a select on the scores has a predicate that is not a "
             "compile-time mask");
        s = select.getOnTrue();
        continue;
      }
      if (isAllTrue(*pred)) {
        s = select.getOnTrue();
        continue;
      }
      if (isMaskedScore(select.getOnFalse())) {
        intersectMask(mask, *pred);
        s = select.getOnTrue();
        continue;
      }
      if (isMaskedScore(select.getOnTrue())) {
        for (double &v : pred->values)
          v = 1.0 - v;
        intersectMask(mask, *pred);
        s = select.getOnFalse();
        continue;
      }
      fail(isL1 ? "a select on the scores neither masks with 0 nor keeps "
                  "every score"
                : "a select on the scores neither masks with a large "
                  "negative nor keeps every score");
      s = select.getOnTrue();
      continue;
    }
    auto add = s.getDefiningOp<shlo::AddOp>();
    if (add && !isL1) {
      bool stripped = false;
      for (auto [bias, rest] : {std::pair(add.getRhs(), add.getLhs()),
                                std::pair(add.getLhs(), add.getRhs())}) {
        std::optional<ConstantTensor> additive = evaluateConstant(bias);
        if (!additive || static_cast<int64_t>(additive->values.size()) != count)
          continue;
        if (!llvm::all_of(additive->values, [&](double v) {
              return v == 0.0 || isMaskedValue(v);
            }))
          continue;
        for (double &v : additive->values)
          v = v == 0.0 ? 1.0 : 0.0;
        intersectMask(mask, *additive);
        s = rest;
        stripped = true;
        break;
      }
      if (stripped)
        continue;
    }
    break;
  }
  return s;
}

/// Whether `mask` (over scores [B0, B1, Tq, Tk]) is the same for every batch
/// and head and equals the bottom-right-aligned causal mask.
bool isCausalMask(const ConstantTensor &mask) {
  int64_t queries = mask.shape[kQueryDim], keys = mask.shape[kKeyDim];
  int64_t plane = queries * keys;
  for (int64_t i = 0, e = mask.values.size(); i < e; ++i) {
    int64_t within = i % plane;
    int64_t query = within / keys, key = within % keys;
    bool visible = key <= query + (keys - queries);
    if ((mask.values[i] != 0.0) != visible)
      return false;
  }
  return true;
}

/// Matches `pv` as the output of an ⵟ-attention; `reason` says why not.
FailureOr<AttentionMatch> matchAttention(shlo::DotGeneralOp pv,
                                         std::string &reason) {
  reason.clear();
  if (!isHeadContraction(pv))
    return failure();
  for (unsigned pIndex : {0u, 1u}) {
    Value p = pv->getOperand(pIndex);
    Value v = pv->getOperand(1 - pIndex);
    DotOperandDims pDims = getDotOperandDims(pv, pIndex);
    DotOperandDims vDims = getDotOperandDims(pv, 1 - pIndex);
    // p is laid out like the scores: [B0, B1, Tq, Tk], contracted on Tk.
    if (pDims.contracting.front() != kKeyDim || pDims.free.front() != kQueryDim)
      continue;
    auto scoreType = cast<RankedTensorType>(p.getType());
    int64_t count = scoreType.getNumElements();

    // Selects after the softmax that zero masked weights again.
    SmallVector<Value> postSoftmaxMasks;
    Value weights = stripNoOps(p);
    while (auto select = weights.getDefiningOp<shlo::SelectOp>()) {
      std::optional<double> zero = getSplatValue(select.getOnFalse());
      if (!zero || *zero != 0.0)
        break;
      postSoftmaxMasks.push_back(select.getPred());
      weights = stripNoOps(select.getOnTrue());
    }
    double softmaxScale = 1.0, l1Epsilon = 0.0;
    Value maskedScores = matchSoftmax(weights, kKeyDim, softmaxScale);
    bool isL1 = false;
    if (!maskedScores) {
      maskedScores = matchL1(weights, kKeyDim, l1Epsilon);
      isL1 = true;
    }
    if (!maskedScores)
      continue;

    std::optional<ConstantTensor> mask;
    std::string maskReason;
    Value scores = stripScoreMasks(maskedScores, count, isL1, softmaxScale,
                                   mask, maskReason);
    FailureOr<YatScore> score = matchYatScore(
        scores, [](Value value) { return bool(getHeadContraction(value)); },
        reason);
    // Attention over other scores (q·k/sqrt(d)) is not a candidate.
    if (failed(score) && reason.empty())
      continue;
    // From here on `pv` is a candidate: failures get a reason.
    if (failed(score))
      return failure();
    if (!maskReason.empty()) {
      reason = maskReason;
      return failure();
    }
    for (Value pred : postSoftmaxMasks) {
      std::optional<ConstantTensor> post = evaluateMask(pred, count);
      if (!post ||
          !(isAllTrue(*post) || (mask && post->values == mask->values))) {
        reason =
            "a select after the normalization zeroes weights other than the "
            "masked ones";
        return failure();
      }
    }
    shlo::DotGeneralOp qk = getHeadContraction(score->dot);
    if (qk.getResult().getType() != scoreType) {
      reason = "the q·k contraction is not laid out [batch, heads, queries, "
               "keys] like the softmax input";
      return failure();
    }
    if (score->bias || score->constantBias) {
      reason = "a term is added to q·k before squaring";
      return failure();
    }
    if (!score->dynamicFactors.empty()) {
      reason = "a non-constant factor scales the scores";
      return failure();
    }
    score->scale *= softmaxScale;
    if (!std::isfinite(score->scale) || score->scale <= 0.0) {
      reason = "the score scale is not a positive constant";
      return failure();
    }
    if (isL1 && (!std::isfinite(l1Epsilon) || l1Epsilon < 0.0)) {
      reason = "the l1 epsilon is not a finite non-negative constant";
      return failure();
    }

    AttentionMatch match;
    match.q = qk.getLhs();
    match.k = qk.getRhs();
    match.v = v;
    DotOperandDims qDims = getDotOperandDims(qk, 0);
    DotOperandDims kDims = getDotOperandDims(qk, 1);
    if (Value direct = score->directDistance) {
      if (!isDirectSquaredDistanceOf(direct, match.q, qDims, match.k, kDims)) {
        reason = "the distance is neither |q|² + |k|² − 2·q·k nor Σ(q − k)²";
        return failure();
      }
    } else {
      auto isNormOf = [&](Value term, Value operand,
                          const DotOperandDims &dims) {
        return isSquaredNormOf(term, operand, dims.contracting,
                               dims.resultDims);
      };
      if (!(isNormOf(score->normTerm1, match.q, qDims) &&
            isNormOf(score->normTerm2, match.k, kDims)) &&
          !(isNormOf(score->normTerm2, match.q, qDims) &&
            isNormOf(score->normTerm1, match.k, kDims))) {
        reason = "the distance terms are not |q|² and |k|² lined up with the "
                 "scores";
        return failure();
      }
    }
    if (mask && !isAllTrue(*mask)) {
      if (!isCausalMask(*mask)) {
        reason = "the mask is neither all true nor causal";
        return failure();
      }
      if (scoreType.getDimSize(kQueryDim) > scoreType.getDimSize(kKeyDim)) {
        reason = "a causal mask with more queries than keys";
        return failure();
      }
      match.causal = true;
    }

    match.qPermutation = {qDims.batch[0], qDims.batch[1], qDims.free[0],
                          qDims.contracting[0]};
    match.kPermutation = {kDims.batch[0], kDims.batch[1], kDims.free[0],
                          kDims.contracting[0]};
    // v's batch dims in the order of the scores' batch dims.
    SmallVector<int64_t> vBatch(2);
    for (auto [i, scoreDim] : llvm::enumerate(pDims.batch)) {
      if (scoreDim != 0 && scoreDim != 1) {
        reason = "p · v does not pair the batch dims of the scores";
        return failure();
      }
      vBatch[scoreDim] = vDims.batch[i];
    }
    match.vPermutation = {vBatch[0], vBatch[1], vDims.contracting[0],
                          vDims.free[0]};
    match.resultPermutation.assign(4, 0);
    for (auto [i, scoreDim] : llvm::enumerate(pDims.batch))
      match.resultPermutation[i] = scoreDim;
    match.resultPermutation[pDims.resultDims[kQueryDim]] = 2;
    match.resultPermutation[vDims.resultDims[vDims.free[0]]] = 3;
    match.scale = score->scale;
    match.epsilon = score->epsilon;
    match.isL1 = isL1;
    match.l1Epsilon = l1Epsilon;
    return match;
  }
  return failure();
}

/// Rewrites `p · v` where `p = softmax(scale · (q·k)² / (dist(q, k) +
/// epsilon))` along the keys (masked by a causal or all-true compile-time
/// mask, any arrangement that matchYatScore reads) into
/// `yat.attention(q, k, v) {scale, epsilon, causal}`, with transposes to
/// and from yat's [B, H, T, D] layout.
struct RaiseAttentionPattern : OpRewritePattern<shlo::DotGeneralOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(shlo::DotGeneralOp pv,
                                PatternRewriter &rewriter) const override {
    std::string reason;
    // The IR does not change until the match is complete.
    std::optional<MatchScope> scope(std::in_place);
    FailureOr<AttentionMatch> match = matchAttention(pv, reason);
    if (failed(match)) {
      if (reason.empty())
        return failure();
      return rewriter.notifyMatchFailure(pv, reason);
    }
    scope.reset();
    Location loc = pv.getLoc();
    Value q = buildTranspose(rewriter, loc, match->q, match->qPermutation);
    Value k = buildTranspose(rewriter, loc, match->k, match->kPermutation);
    Value v = buildTranspose(rewriter, loc, match->v, match->vPermutation);
    auto attention =
        yat::AttentionOp::create(rewriter, loc, q, k, v, match->causal);
    float scale = static_cast<float>(match->scale);
    int64_t headDim = cast<RankedTensorType>(q.getType()).getDimSize(3);
    float defaultScale =
        static_cast<float>(1.0 / std::sqrt(static_cast<double>(headDim)));
    if (scale != defaultScale)
      attention.setScaleAttr(rewriter.getF32FloatAttr(scale));
    attention.setEpsilonAttr(
        rewriter.getF32FloatAttr(static_cast<float>(match->epsilon)));
    if (match->isL1) {
      attention.setNormalizationAttr(
          NormalizationAttr::get(rewriter.getContext(), Normalization::l1));
      attention.setL1EpsilonAttr(
          rewriter.getF32FloatAttr(static_cast<float>(match->l1Epsilon)));
    }
    // A transpose that is the only user of `p · v` (JAX's einsum puts the
    // heads back) folds into the one after yat.attention.
    if (pv->hasOneUse()) {
      if (auto user = dyn_cast<shlo::TransposeOp>(*pv->user_begin())) {
        SmallVector<int64_t> permutation;
        for (int64_t dim : user.getPermutation())
          permutation.push_back(match->resultPermutation[dim]);
        rewriter.replaceOp(
            user, buildTranspose(rewriter, loc, attention, permutation));
        rewriter.eraseOp(pv);
        return success();
      }
    }
    rewriter.replaceOp(
        pv, buildTranspose(rewriter, loc, attention, match->resultPermutation));
    return success();
  }
};

} // namespace

void mlir::yat::raising::populateRaiseAttentionPatterns(
    RewritePatternSet &patterns) {
  patterns.add<RaiseAttentionPattern>(patterns.getContext());
}
