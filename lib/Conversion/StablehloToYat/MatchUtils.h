//===- MatchUtils.h - use-def matchers over StableHLO -----------*- C++ -*-===//
//
// Private to the StablehloToYat library. The helpers read StableHLO
// algebraically: a value as a sum of terms or a product of factors, a
// broadcast as a map of dims, a constant subgraph as its value. Each
// section below is defined in its own file: ConstantEval.cpp,
// ValueMatchers.cpp (values, broadcasts), AlgebraMatchers.cpp (reductions,
// squares, sums, products), ContractionMatchers.cpp, ScoreMatcher.cpp and
// MatchBuilders.cpp. The per-family patterns are written on top of them.
//
//===----------------------------------------------------------------------===//

#ifndef YAT_LIB_CONVERSION_STABLEHLOTOYAT_MATCHUTILS_H
#define YAT_LIB_CONVERSION_STABLEHLOTOYAT_MATCHUTILS_H

#include "mlir/IR/PatternMatch.h"
#include "mlir/IR/Value.h"
#include "mlir/Support/LLVM.h"
#include "yat/Dialect/StableHLO/IR/Stablehlo.h"
#include "llvm/ADT/SmallVector.h"

#include <optional>
#include <vector>

namespace mlir {
class Location;
class OpBuilder;
class RankedTensorType;
} // namespace mlir

namespace mlir::yat::stablehlo {
class DotGeneralOp;
} // namespace mlir::yat::stablehlo

namespace mlir::yat::raising {

//===----------------------------------------------------------------------===//
// Constants
//===----------------------------------------------------------------------===//

/// A tensor computed at compile time: its shape and its elements in
/// row-major order (integers and booleans as exact doubles).
struct ConstantTensor {
  SmallVector<int64_t> shape;
  std::vector<double> values;
};

/// Evaluates `value` when it is computed from `stablehlo.constant` and
/// `stablehlo.iota` alone, through broadcasts, reshapes, transposes,
/// converts, elementwise arithmetic, comparisons, selects and reduces.
/// Arithmetic is rounded to each op's element type. Returns nullopt for
/// anything else and for tensors over a million elements.
std::optional<ConstantTensor> evaluateConstant(Value value);

/// The value of every element when `value` is a compile-time constant whose
/// elements are all equal (seen through broadcasts of scalars without
/// expanding them).
std::optional<double> getSplatValue(Value value);

/// While one is alive (on this thread), getSplatValue remembers what it
/// computed. The IR must not change meanwhile: a pattern opens one for its
/// matching and closes it before rewriting.
class MatchScope {
public:
  MatchScope();
  ~MatchScope();
  MatchScope(const MatchScope &) = delete;
  MatchScope &operator=(const MatchScope &) = delete;

private:
  bool owner;
};

//===----------------------------------------------------------------------===//
// Values
//===----------------------------------------------------------------------===//

/// True when `value` is a constant whose elements all equal `expected`.
bool isSplatOf(Value value, double expected);

/// Looks through ops that do not change the value: a `convert` to the same
/// type, `x + 0`, `0 + x`, `x − 0`, `x · 1`, `1 · x`, `x / 1`.
Value stripNoOps(Value value);

/// True when `a` and `b` compute the same tensor: equal up to no-op ops and
/// up to duplicated pure ops (e.g. two `convert`s of the same argument).
bool isSameValue(Value a, Value b);

/// Statically shaped ranked tensor type of `value`, or null.
RankedTensorType getStaticTensorType(Value value);

//===----------------------------------------------------------------------===//
// Broadcasts
//===----------------------------------------------------------------------===//

/// `value` seen as a broadcast of `source`: followed back through
/// `broadcast_in_dim`, `transpose` and `reshape`s that only add or drop unit
/// dims. `targetDims[d]` is the dim of `value` that source dim `d` feeds,
/// or -1 when source dim `d` has size 1.
struct BroadcastView {
  Value source;
  SmallVector<int64_t> targetDims;

  /// True when no non-unit dim of the source feeds `targetDim`, i.e. the
  /// value is constant along `targetDim`.
  bool isConstantAlong(int64_t targetDim) const;
  /// Number of source dims of size > 1.
  int64_t getNumNonUnitDims() const;
  /// True when at most one source dim has size > 1 and it feeds
  /// `targetDim`: a vector (or a scalar) broadcast along `targetDim`.
  bool isVectorAlong(int64_t targetDim) const;
};
BroadcastView peelBroadcasts(Value value);

//===----------------------------------------------------------------------===//
// Reductions and squares
//===----------------------------------------------------------------------===//

/// Which binary op combines the elements of a stablehlo.reduce.
enum class ReduceKind { Add, Max };

/// A single-input `stablehlo.reduce` whose body is one binary op of its two
/// block arguments (in either order).
struct ReduceMatch {
  Value input;
  SmallVector<int64_t> dims;
  double init;
};
std::optional<ReduceMatch> matchReduce(Value value, ReduceKind kind);

/// The base `a` of `a · a` (the two operands the same value) or
/// `power(a, 2)`.
Value matchSquare(Value value);

/// `Σ base²` over `dims`: a sum-reduce with init 0 of a square.
struct SumOfSquares {
  Value base;
  SmallVector<int64_t> dims;
};
std::optional<SumOfSquares> matchSumOfSquares(Value value);

//===----------------------------------------------------------------------===//
// Sums and products
//===----------------------------------------------------------------------===//

/// `constant + Σ coefficient·value`, read through add, subtract, negate and
/// multiplications or divisions by constants. Terms of the same value are
/// merged; terms whose coefficients cancel are dropped.
struct LinearTerm {
  Value value;
  double coefficient;
};
struct LinearCombination {
  SmallVector<LinearTerm> terms;
  double constant = 0.0;
};
LinearCombination flattenSum(Value value);

/// `constant · Π value^exponent`, read through multiply, divide, negate and
/// `power` by a small integer constant. Factors of the same value are
/// merged. `valid` is false when a constant zero is divided by. Values for
/// which `isAtom` holds are kept as factors without looking inside.
struct Factor {
  Value value;
  int64_t exponent;
};
struct Monomial {
  SmallVector<Factor> factors;
  double constant = 1.0;
  bool valid = true;
};
Monomial flattenProduct(Value value,
                        function_ref<bool(Value)> isAtom = nullptr);

/// `value` as `coefficient · broadcast(view.source)`, seen through
/// broadcasts and multiplications or divisions by constants in any order
/// (e.g. a mean: a reshaped sum divided by the count).
struct ScaledBroadcastView {
  BroadcastView view;
  double coefficient = 1.0;
};
ScaledBroadcastView peelScaledBroadcasts(Value value);

//===----------------------------------------------------------------------===//
// Contractions
//===----------------------------------------------------------------------===//

/// The roles of one operand's dims in a `stablehlo.dot_general`: for each
/// dim, the result dim it becomes (-1 for a contracting dim).
struct DotOperandDims {
  SmallVector<int64_t> batch;
  SmallVector<int64_t> contracting;
  SmallVector<int64_t> free;
  SmallVector<int64_t> resultDims;
};
/// Dims of the lhs (`operandIndex` 0) or rhs (1) of `dot`.
DotOperandDims getDotOperandDims(stablehlo::DotGeneralOp dot,
                                 unsigned operandIndex);

/// True when `term` is a broadcast of `Σ operand²` over the contracting dims
/// `contracting` that puts each remaining operand dim `d` (of size > 1) at
/// result dim `resultDims[d]`: the squared norms of a contraction operand,
/// lined up with the contraction's result.
bool isSquaredNormOf(Value term, Value operand, ArrayRef<int64_t> contracting,
                     ArrayRef<int64_t> resultDims);

/// True when `term` is `Σ_k (lhs − rhs)²` written directly: the broadcasts
/// of both operands (each contracting dim at `k`, the other dims where the
/// contraction puts them) subtracted, squared and summed over `k`, with the
/// sum lined up with the contraction result. Both operands must contract
/// exactly one dim.
bool isDirectSquaredDistanceOf(Value term, Value lhs,
                               const DotOperandDims &lhsDims, Value rhs,
                               const DotOperandDims &rhsDims);

//===----------------------------------------------------------------------===//
// The ⵟ score
//===----------------------------------------------------------------------===//

/// `scale · Π factors · (dot + bias)² / (dist + epsilon)`, the shape shared
/// by the ⵟ-product, the ⵟ-convolution and the ⵟ-attention scores, before
/// the family checks what `dot` and the distance terms are.
struct YatScore {
  /// The raw dot term (root-shaped).
  Value dot;
  /// The bias added to the dot before squaring, if any (root-shaped), or a
  /// constant bias in `constantBias`.
  Value bias;
  std::optional<double> constantBias;
  double epsilon = 0.0;
  double scale = 1.0;
  /// Non-constant multiplicative factors (root-shaped broadcasts of
  /// scalars, such as a learnable alpha), kept as multiplies.
  SmallVector<Value> dynamicFactors;
  /// The distance: either the two squared-norm terms of the expanded
  /// `n1 + n2 − 2·dot` (maybe clamped at 0), or `directDistance`.
  Value normTerm1;
  Value normTerm2;
  Value directDistance;
};

/// Matches the ⵟ score rooted at `root`, with a finite non-negative epsilon
/// and a finite scale. `isDot` says which values may be the raw dot. On
/// failure sets `reason`, or leaves it empty when `root` is not a candidate
/// at all (no squared dot).
FailureOr<YatScore> matchYatScore(Value root, function_ref<bool(Value)> isDot,
                                  std::string &reason);

//===----------------------------------------------------------------------===//
// Building
//===----------------------------------------------------------------------===//

/// `value` as a `tensor<N x elementType>` for a bias or gamma operand: the
/// source of a broadcast with `n` elements is reshaped to `[n]`, a
/// one-element source is broadcast to `[n]`; converts to `elementType`.
/// Returns null (building nothing) when `view` fits neither.
bool canBuildVector(const BroadcastView &view, int64_t n);
Value buildVector(OpBuilder &builder, Location loc, const BroadcastView &view,
                  int64_t n, Type elementType);

/// A `tensor<N x elementType>` constant filled with `value`.
Value buildSplatVector(OpBuilder &builder, Location loc, double value,
                       int64_t n, Type elementType);

/// `stablehlo.transpose` of `value` by `permutation`, or `value` when the
/// permutation is the identity.
Value buildTranspose(OpBuilder &builder, Location loc, Value value,
                     ArrayRef<int64_t> permutation);

/// Multiplies `value` by each of `factors` (root-shaped values of the same
/// type).
Value buildMultiplyByFactors(OpBuilder &builder, Location loc, Value value,
                             ArrayRef<Value> factors);

/// True when `a` equals `b` to a relative tolerance of `tolerance`.
bool isApproximately(double a, double b, double tolerance = 1e-6);

/// Runs `matcher` on `root` under a MatchScope; when it does not match and
/// gives a reason, reports it through `rewriter`.
template <typename MatchT, typename RootT>
FailureOr<MatchT> matchWithReason(RootT root, PatternRewriter &rewriter,
                                  FailureOr<MatchT> (*matcher)(RootT,
                                                               std::string &)) {
  // The IR does not change until the match is complete.
  MatchScope scope;
  std::string reason;
  FailureOr<MatchT> match = matcher(root, reason);
  if (failed(match) && !reason.empty())
    (void)rewriter.notifyMatchFailure(root, reason);
  return match;
}

/// Runs `matcher` on `root` under a MatchScope. Fails (reporting the
/// matcher's reason, when it gives one) if it does not match, and also when
/// `root`'s only user is a multiply or divide that matches too: the whole
/// expression is then raised once, from its outermost op.
template <typename MatchT>
FailureOr<MatchT> matchOutermost(Operation *root, PatternRewriter &rewriter,
                                 FailureOr<MatchT> (*matcher)(Operation *,
                                                              std::string &)) {
  FailureOr<MatchT> match =
      matchWithReason<MatchT, Operation *>(root, rewriter, matcher);
  if (failed(match))
    return failure();
  if (root->hasOneUse()) {
    MatchScope scope;
    Operation *user = *root->user_begin();
    std::string ignored;
    if (isa<stablehlo::MulOp, stablehlo::DivOp>(user) &&
        succeeded(matcher(user, ignored)))
      return failure();
  }
  return match;
}

} // namespace mlir::yat::raising

#endif // YAT_LIB_CONVERSION_STABLEHLOTOYAT_MATCHUTILS_H
