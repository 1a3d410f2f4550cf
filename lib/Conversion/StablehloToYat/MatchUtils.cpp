//===- MatchUtils.cpp - use-def matchers over StableHLO -------------------===//

#include "MatchUtils.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/OperationSupport.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "yat/Dialect/StableHLO/IR/Stablehlo.h"
#include "llvm/ADT/APFloat.h"
#include "llvm/ADT/STLExtras.h"

#include <cmath>
#include <numeric>
#include <string>

#define DEBUG_TYPE "yat-raise-stablehlo"

using namespace mlir;
using namespace mlir::yat;
using namespace mlir::yat::raising;
namespace shlo = mlir::yat::stablehlo;

/// Bounds the recursion of every walk over the use-def graph.
static constexpr int kMaxDepth = 48;
/// Most ops one flattenSum or flattenProduct looks into.
static constexpr int kMaxVisits = 64;
/// Largest exponent flattenProduct builds through nested powers.
static constexpr int64_t kMaxExponent = int64_t(1) << 20;

//===----------------------------------------------------------------------===//
// Values
//===----------------------------------------------------------------------===//

static bool isSplatOf(Value value, double expected) {
  std::optional<double> splat = getSplatValue(value);
  return splat && *splat == expected;
}

Value mlir::yat::raising::stripNoOps(Value value) {
  for (int step = 0; step < kMaxDepth; ++step) {
    Operation *op = value.getDefiningOp();
    if (!op)
      return value;
    Value next;
    if (auto convert = dyn_cast<shlo::ConvertOp>(op)) {
      if (convert.getOperand().getType() == convert.getType())
        next = convert.getOperand();
    } else if (auto add = dyn_cast<shlo::AddOp>(op)) {
      if (isSplatOf(add.getRhs(), 0.0))
        next = add.getLhs();
      else if (isSplatOf(add.getLhs(), 0.0))
        next = add.getRhs();
    } else if (auto subtract = dyn_cast<shlo::SubtractOp>(op)) {
      if (isSplatOf(subtract.getRhs(), 0.0))
        next = subtract.getLhs();
    } else if (auto multiply = dyn_cast<shlo::MulOp>(op)) {
      if (isSplatOf(multiply.getRhs(), 1.0))
        next = multiply.getLhs();
      else if (isSplatOf(multiply.getLhs(), 1.0))
        next = multiply.getRhs();
    } else if (auto divide = dyn_cast<shlo::DivOp>(op)) {
      if (isSplatOf(divide.getRhs(), 1.0))
        next = divide.getLhs();
    }
    if (!next)
      return value;
    value = next;
  }
  return value;
}

static bool isSameValueImpl(Value a, Value b, int depth) {
  if (a == b)
    return true;
  a = stripNoOps(a);
  b = stripNoOps(b);
  if (a == b)
    return true;
  if (a.getType() != b.getType() || depth > 8)
    return false;
  std::optional<double> splatA = getSplatValue(a);
  if (splatA) {
    std::optional<double> splatB = getSplatValue(b);
    return splatB &&
           (*splatA == *splatB || (std::isnan(*splatA) && std::isnan(*splatB)));
  }
  Operation *opA = a.getDefiningOp();
  Operation *opB = b.getDefiningOp();
  if (!opA || !opB || opA->getNumRegions() || opB->getNumRegions() ||
      !isMemoryEffectFree(opA) || !isMemoryEffectFree(opB) ||
      cast<OpResult>(a).getResultNumber() !=
          cast<OpResult>(b).getResultNumber())
    return false;
  return OperationEquivalence::isEquivalentTo(
      opA, opB,
      [&](Value x, Value y) {
        return success(isSameValueImpl(x, y, depth + 1));
      },
      /*markEquivalent=*/nullptr, OperationEquivalence::IgnoreLocations);
}

bool mlir::yat::raising::isSameValue(Value a, Value b) {
  return isSameValueImpl(a, b, 0);
}

RankedTensorType mlir::yat::raising::getStaticTensorType(Value value) {
  auto type = dyn_cast<RankedTensorType>(value.getType());
  if (!type || !type.hasStaticShape())
    return {};
  return type;
}

//===----------------------------------------------------------------------===//
// Broadcasts
//===----------------------------------------------------------------------===//

bool BroadcastView::isConstantAlong(int64_t targetDim) const {
  return !llvm::is_contained(targetDims, targetDim);
}

int64_t BroadcastView::getNumNonUnitDims() const {
  return llvm::count_if(targetDims, [](int64_t d) { return d >= 0; });
}

bool BroadcastView::isVectorAlong(int64_t targetDim) const {
  return llvm::all_of(targetDims,
                      [&](int64_t d) { return d < 0 || d == targetDim; }) &&
         getNumNonUnitDims() <= 1;
}

/// Positions and sizes of the dims of `shape` that are not 1.
static SmallVector<int64_t> getNonUnitDims(ArrayRef<int64_t> shape) {
  SmallVector<int64_t> dims;
  for (auto [d, size] : llvm::enumerate(shape))
    if (size != 1)
      dims.push_back(d);
  return dims;
}

BroadcastView mlir::yat::raising::peelBroadcasts(Value value) {
  BroadcastView view;
  view.source = value;
  auto type = getStaticTensorType(value);
  if (!type)
    return view;
  // map[d]: the target dim that dim d of the current value feeds.
  SmallVector<int64_t> map(type.getRank());
  std::iota(map.begin(), map.end(), 0);
  Value current = value;
  for (int step = 0; step < kMaxDepth; ++step) {
    Operation *op = current.getDefiningOp();
    if (!op)
      break;
    auto currentType = cast<RankedTensorType>(current.getType());
    SmallVector<int64_t> next;
    if (auto broadcast = dyn_cast<shlo::BroadcastInDimOp>(op)) {
      for (int64_t dim : broadcast.getBroadcastDimensions())
        next.push_back(map[dim]);
    } else if (auto transpose = dyn_cast<shlo::TransposeOp>(op)) {
      // Result dim i is operand dim permutation[i].
      ArrayRef<int64_t> permutation = transpose.getPermutation();
      next.assign(permutation.size(), -1);
      for (auto [i, source] : llvm::enumerate(permutation))
        next[source] = map[i];
    } else if (auto reshape = dyn_cast<shlo::ReshapeOp>(op)) {
      auto operandType = getStaticTensorType(reshape.getOperand());
      if (!operandType)
        break;
      SmallVector<int64_t> from = getNonUnitDims(operandType.getShape());
      SmallVector<int64_t> to = getNonUnitDims(currentType.getShape());
      if (from.size() != to.size() ||
          !llvm::all_of(llvm::zip(from, to), [&](auto pair) {
            return operandType.getDimSize(std::get<0>(pair)) ==
                   currentType.getDimSize(std::get<1>(pair));
          }))
        break;
      next.assign(operandType.getRank(), -1);
      for (auto [f, t] : llvm::zip(from, to))
        next[f] = map[t];
    } else {
      break;
    }
    current = op->getOperand(0);
    map = std::move(next);
  }
  view.source = current;
  auto sourceType = cast<RankedTensorType>(current.getType());
  for (auto [d, size] : llvm::enumerate(sourceType.getShape()))
    if (size == 1)
      map[d] = -1;
  view.targetDims = std::move(map);
  return view;
}

//===----------------------------------------------------------------------===//
// Reductions and squares
//===----------------------------------------------------------------------===//

std::optional<ReduceMatch> mlir::yat::raising::matchReduce(Value value,
                                                           ReduceKind kind) {
  auto reduce = stripNoOps(value).getDefiningOp<shlo::ReduceOp>();
  if (!reduce || reduce.getInputs().size() != 1)
    return std::nullopt;
  Block &body = reduce.getBody().front();
  if (body.getNumArguments() != 2)
    return std::nullopt;
  auto terminator = dyn_cast<shlo::ReturnOp>(body.getTerminator());
  if (!terminator || terminator.getResults().size() != 1)
    return std::nullopt;
  Operation *combiner = terminator.getResults()[0].getDefiningOp();
  if (!combiner || &body.front() != combiner ||
      combiner->getNextNode() != terminator.getOperation())
    return std::nullopt;
  bool kindMatches = kind == ReduceKind::Add ? isa<shlo::AddOp>(combiner)
                                             : isa<shlo::MaxOp>(combiner);
  if (!kindMatches ||
      !llvm::is_contained(combiner->getOperands(), body.getArgument(0)) ||
      !llvm::is_contained(combiner->getOperands(), body.getArgument(1)))
    return std::nullopt;
  std::optional<double> init = getSplatValue(reduce.getInitValues()[0]);
  if (!init)
    return std::nullopt;
  ReduceMatch match;
  match.input = reduce.getInputs()[0];
  match.dims.assign(reduce.getDimensions().begin(),
                    reduce.getDimensions().end());
  llvm::sort(match.dims);
  match.init = *init;
  return match;
}

Value mlir::yat::raising::matchSquare(Value value) {
  value = stripNoOps(value);
  if (auto multiply = value.getDefiningOp<shlo::MulOp>())
    if (isSameValue(multiply.getLhs(), multiply.getRhs()))
      return multiply.getLhs();
  if (auto power = value.getDefiningOp<shlo::PowOp>())
    if (isSplatOf(power.getRhs(), 2.0))
      return power.getLhs();
  return {};
}

std::optional<SumOfSquares> mlir::yat::raising::matchSumOfSquares(Value value) {
  std::optional<ReduceMatch> reduce = matchReduce(value, ReduceKind::Add);
  if (!reduce || reduce->init != 0.0)
    return std::nullopt;
  Value base = matchSquare(reduce->input);
  if (!base)
    return std::nullopt;
  return SumOfSquares{base, reduce->dims};
}

//===----------------------------------------------------------------------===//
// Sums and products
//===----------------------------------------------------------------------===//

static void addTerms(Value value, double coefficient, LinearCombination &sum,
                     int &budget, int depth) {
  if (std::optional<double> constant = getSplatValue(value)) {
    sum.constant += coefficient * *constant;
    return;
  }
  value = stripNoOps(value);
  Operation *op = value.getDefiningOp();
  // Past the budget (a DAG that shares subexpressions), values stay whole.
  if (op && depth < kMaxDepth && --budget > 0) {
    if (auto add = dyn_cast<shlo::AddOp>(op)) {
      // A doubling reads its operand once.
      if (add.getLhs() == add.getRhs()) {
        addTerms(add.getLhs(), 2 * coefficient, sum, budget, depth + 1);
        return;
      }
      addTerms(add.getLhs(), coefficient, sum, budget, depth + 1);
      addTerms(add.getRhs(), coefficient, sum, budget, depth + 1);
      return;
    }
    if (auto subtract = dyn_cast<shlo::SubtractOp>(op)) {
      addTerms(subtract.getLhs(), coefficient, sum, budget, depth + 1);
      addTerms(subtract.getRhs(), -coefficient, sum, budget, depth + 1);
      return;
    }
    if (auto negate = dyn_cast<shlo::NegOp>(op)) {
      addTerms(negate.getOperand(), -coefficient, sum, budget, depth + 1);
      return;
    }
    if (auto multiply = dyn_cast<shlo::MulOp>(op)) {
      if (std::optional<double> c = getSplatValue(multiply.getLhs())) {
        addTerms(multiply.getRhs(), coefficient * *c, sum, budget, depth + 1);
        return;
      }
      if (std::optional<double> c = getSplatValue(multiply.getRhs())) {
        addTerms(multiply.getLhs(), coefficient * *c, sum, budget, depth + 1);
        return;
      }
    }
    if (auto divide = dyn_cast<shlo::DivOp>(op)) {
      std::optional<double> c = getSplatValue(divide.getRhs());
      if (c && *c != 0.0) {
        addTerms(divide.getLhs(), coefficient / *c, sum, budget, depth + 1);
        return;
      }
    }
  }
  for (LinearTerm &term : sum.terms) {
    if (isSameValue(term.value, value)) {
      term.coefficient += coefficient;
      return;
    }
  }
  sum.terms.push_back({value, coefficient});
}

LinearCombination mlir::yat::raising::flattenSum(Value value) {
  LinearCombination sum;
  int budget = kMaxVisits;
  addTerms(value, 1.0, sum, budget, 0);
  llvm::erase_if(sum.terms, [](const LinearTerm &term) {
    return term.coefficient == 0.0;
  });
  return sum;
}

static void addFactors(Value value, int64_t exponent, Monomial &product,
                       function_ref<bool(Value)> isAtom, int &budget,
                       int depth) {
  auto mergeFactor = [&](Value factorValue) {
    for (Factor &factor : product.factors) {
      if (isSameValue(factor.value, factorValue)) {
        factor.exponent += exponent;
        return;
      }
    }
    product.factors.push_back({factorValue, exponent});
  };
  if (isAtom && isAtom(value))
    return mergeFactor(value);
  if (std::optional<double> constant = getSplatValue(value)) {
    if (*constant == 0.0 && exponent < 0)
      product.valid = false;
    else
      product.constant *= std::pow(*constant, static_cast<double>(exponent));
    return;
  }
  value = stripNoOps(value);
  Operation *op = value.getDefiningOp();
  // Past the budget (a DAG that shares subexpressions), values stay whole.
  if (op && depth < kMaxDepth && --budget > 0) {
    if (auto multiply = dyn_cast<shlo::MulOp>(op)) {
      // A square reads its operand once.
      if (multiply.getLhs() == multiply.getRhs() &&
          std::abs(exponent) <= kMaxExponent / 2) {
        addFactors(multiply.getLhs(), 2 * exponent, product, isAtom, budget,
                   depth + 1);
        return;
      }
      addFactors(multiply.getLhs(), exponent, product, isAtom, budget,
                 depth + 1);
      addFactors(multiply.getRhs(), exponent, product, isAtom, budget,
                 depth + 1);
      return;
    }
    if (auto divide = dyn_cast<shlo::DivOp>(op)) {
      addFactors(divide.getLhs(), exponent, product, isAtom, budget, depth + 1);
      addFactors(divide.getRhs(), -exponent, product, isAtom, budget,
                 depth + 1);
      return;
    }
    if (auto negate = dyn_cast<shlo::NegOp>(op)) {
      if (exponent % 2 != 0)
        product.constant = -product.constant;
      addFactors(negate.getOperand(), exponent, product, isAtom, budget,
                 depth + 1);
      return;
    }
    if (auto power = dyn_cast<shlo::PowOp>(op)) {
      std::optional<double> n = getSplatValue(power.getRhs());
      if (n && *n == std::trunc(*n) && std::fabs(*n) <= 8.0 && *n != 0.0 &&
          std::abs(exponent) <= kMaxExponent / 8) {
        addFactors(power.getLhs(), exponent * static_cast<int64_t>(*n), product,
                   isAtom, budget, depth + 1);
        return;
      }
    }
  }
  mergeFactor(value);
}

Monomial mlir::yat::raising::flattenProduct(Value value,
                                            function_ref<bool(Value)> isAtom) {
  Monomial product;
  int budget = kMaxVisits;
  addFactors(value, 1, product, isAtom, budget, 0);
  llvm::erase_if(product.factors,
                 [](const Factor &factor) { return factor.exponent == 0; });
  return product;
}

ScaledBroadcastView mlir::yat::raising::peelScaledBroadcasts(Value value) {
  ScaledBroadcastView scaled;
  scaled.view = peelBroadcasts(value);
  for (int step = 0; step < 8; ++step) {
    LinearCombination sum = flattenSum(scaled.view.source);
    if (sum.constant != 0.0 || sum.terms.size() != 1 ||
        sum.terms.front().value == scaled.view.source)
      break;
    // The term has the shape of the current source; compose its view with
    // the current one.
    const LinearTerm &term = sum.terms.front();
    BroadcastView inner = peelBroadcasts(term.value);
    for (int64_t &dim : inner.targetDims)
      if (dim >= 0)
        dim = scaled.view.targetDims[dim];
    scaled.view = std::move(inner);
    scaled.coefficient *= term.coefficient;
  }
  return scaled;
}

//===----------------------------------------------------------------------===//
// Contractions
//===----------------------------------------------------------------------===//

DotOperandDims mlir::yat::raising::getDotOperandDims(shlo::DotGeneralOp dot,
                                                     unsigned operandIndex) {
  shlo::DotDimensionNumbersAttr numbers = dot.getDotDimensionNumbers();
  DotOperandDims dims;
  ArrayRef<int64_t> batch = operandIndex == 0
                                ? numbers.getLhsBatchingDimensions()
                                : numbers.getRhsBatchingDimensions();
  ArrayRef<int64_t> contracting = operandIndex == 0
                                      ? numbers.getLhsContractingDimensions()
                                      : numbers.getRhsContractingDimensions();
  dims.batch.assign(batch.begin(), batch.end());
  dims.contracting.assign(contracting.begin(), contracting.end());
  auto rank =
      cast<RankedTensorType>(dot->getOperand(operandIndex).getType()).getRank();
  for (int64_t d = 0; d < rank; ++d)
    if (!llvm::is_contained(batch, d) && !llvm::is_contained(contracting, d))
      dims.free.push_back(d);

  auto lhsRank = cast<RankedTensorType>(dot.getLhs().getType()).getRank();
  int64_t numBatch = batch.size();
  int64_t numLhsFree =
      lhsRank - numBatch -
      static_cast<int64_t>(numbers.getLhsContractingDimensions().size());
  int64_t freeOffset = numBatch + (operandIndex == 0 ? 0 : numLhsFree);
  dims.resultDims.assign(rank, -1);
  for (auto [i, d] : llvm::enumerate(batch))
    dims.resultDims[d] = i;
  for (auto [i, d] : llvm::enumerate(dims.free))
    dims.resultDims[d] = freeOffset + i;
  return dims;
}

/// `value` as a transpose of another value: the ways to read it, each a
/// source value and the source dim of every dim of `value`. The first is
/// `value` itself; then each step back through a `stablehlo.transpose`.
static SmallVector<std::pair<Value, SmallVector<int64_t>>>
getTransposeSources(Value value) {
  SmallVector<std::pair<Value, SmallVector<int64_t>>> sources;
  auto type = cast<RankedTensorType>(value.getType());
  SmallVector<int64_t> sourceDims(type.getRank());
  std::iota(sourceDims.begin(), sourceDims.end(), 0);
  sources.push_back({value, sourceDims});
  for (int step = 0; step < 4; ++step) {
    auto transpose = stripNoOps(value).getDefiningOp<shlo::TransposeOp>();
    if (!transpose)
      break;
    ArrayRef<int64_t> permutation = transpose.getPermutation();
    for (int64_t &dim : sourceDims)
      dim = permutation[dim];
    value = transpose.getOperand();
    sources.push_back({value, sourceDims});
  }
  return sources;
}

bool mlir::yat::raising::isSquaredNormOf(Value term, Value operand,
                                         ArrayRef<int64_t> contracting,
                                         ArrayRef<int64_t> resultDims) {
  auto operandType = getStaticTensorType(operand);
  if (!operandType)
    return false;
  BroadcastView view = peelBroadcasts(term);
  std::optional<SumOfSquares> norms = matchSumOfSquares(view.source);
  if (!norms)
    return false;
  for (auto &[source, sourceDims] : getTransposeSources(operand)) {
    if (!isSameValue(norms->base, source))
      continue;
    // The reduced dims of the source are the contracting dims of operand.
    SmallVector<int64_t> reduced;
    for (int64_t d : contracting)
      reduced.push_back(sourceDims[d]);
    llvm::sort(reduced);
    if (reduced != norms->dims)
      continue;
    // Operand dim of each source dim.
    SmallVector<int64_t> operandDimOf(sourceDims.size());
    for (auto [d, s] : llvm::enumerate(sourceDims))
      operandDimOf[s] = d;
    bool aligned = true;
    int64_t position = 0;
    for (int64_t s = 0, e = sourceDims.size(); s < e; ++s) {
      if (llvm::is_contained(norms->dims, s))
        continue;
      int64_t d = operandDimOf[s];
      if (operandType.getDimSize(d) != 1 &&
          view.targetDims[position] != resultDims[d])
        aligned = false;
      ++position;
    }
    if (aligned)
      return true;
  }
  return false;
}

/// True when `side` is a broadcast of `operand` that puts each operand dim
/// `d` (of size > 1) at `expectedDim(d)`.
static bool isBroadcastOf(Value side, Value operand,
                          function_ref<int64_t(int64_t)> expectedDim) {
  auto operandType = getStaticTensorType(operand);
  if (!operandType)
    return false;
  BroadcastView view = peelBroadcasts(side);
  for (auto &[source, sourceDims] : getTransposeSources(operand)) {
    if (!isSameValue(view.source, source))
      continue;
    bool aligned = true;
    for (auto [d, s] : llvm::enumerate(sourceDims))
      if (operandType.getDimSize(d) != 1 &&
          view.targetDims[s] != expectedDim(d))
        aligned = false;
    if (aligned)
      return true;
  }
  return false;
}

bool mlir::yat::raising::isDirectSquaredDistanceOf(
    Value term, Value lhs, const DotOperandDims &lhsDims, Value rhs,
    const DotOperandDims &rhsDims) {
  if (lhsDims.contracting.size() != 1 || rhsDims.contracting.size() != 1)
    return false;
  auto termType = getStaticTensorType(term);
  if (!termType)
    return false;
  BroadcastView view = peelBroadcasts(term);
  std::optional<ReduceMatch> reduce = matchReduce(view.source, ReduceKind::Add);
  if (!reduce || reduce->init != 0.0 || reduce->dims.size() != 1)
    return false;
  int64_t reducedDim = reduce->dims.front();
  Value difference = matchSquare(reduce->input);
  if (!difference)
    return false;
  auto subtract = stripNoOps(difference).getDefiningOp<shlo::SubtractOp>();
  auto differenceType = getStaticTensorType(difference);
  if (!subtract || !differenceType ||
      differenceType.getRank() != termType.getRank() + 1)
    return false;
  // The sum must be the term itself, dim for dim.
  for (auto [j, target] : llvm::enumerate(view.targetDims))
    if (target >= 0 && target != static_cast<int64_t>(j))
      return false;
  auto differenceDimOf = [&](int64_t resultDim) {
    return resultDim < reducedDim ? resultDim : resultDim + 1;
  };
  auto expectedFor = [&](const DotOperandDims &dims) {
    return [&dims, &differenceDimOf, reducedDim](int64_t d) -> int64_t {
      if (d == dims.contracting.front())
        return reducedDim;
      return differenceDimOf(dims.resultDims[d]);
    };
  };
  auto lhsExpected = expectedFor(lhsDims);
  auto rhsExpected = expectedFor(rhsDims);
  Value a = subtract.getLhs(), b = subtract.getRhs();
  return (isBroadcastOf(a, lhs, lhsExpected) &&
          isBroadcastOf(b, rhs, rhsExpected)) ||
         (isBroadcastOf(b, lhs, lhsExpected) &&
          isBroadcastOf(a, rhs, rhsExpected));
}

//===----------------------------------------------------------------------===//
// The ⵟ score
//===----------------------------------------------------------------------===//

bool mlir::yat::raising::isApproximately(double a, double b, double tolerance) {
  return std::fabs(a - b) <= tolerance * std::max(std::fabs(a), std::fabs(b));
}

/// Reads `value` as `dot + bias` (bias optional, maybe constant).
static bool matchNumerator(Value value, function_ref<bool(Value)> isDot,
                           YatScore &score) {
  LinearCombination sum = flattenSum(value);
  Value dot, bias;
  for (const LinearTerm &term : sum.terms) {
    if (!dot && isDot(term.value) && isApproximately(term.coefficient, 1.0)) {
      dot = term.value;
      continue;
    }
    if (bias || !isApproximately(term.coefficient, 1.0))
      return false;
    bias = term.value;
  }
  if (!dot)
    return false;
  score.dot = dot;
  score.bias = bias;
  score.constantBias.reset();
  if (sum.constant != 0.0) {
    if (bias)
      return false;
    score.constantBias = sum.constant;
  }
  return true;
}

/// Reads `terms` as the expanded distance `n1 + n2 − 2·dot`.
static bool matchExpandedDistance(ArrayRef<LinearTerm> terms, Value dot,
                                  YatScore &score) {
  if (terms.size() != 3)
    return false;
  SmallVector<Value> norms;
  bool sawDot = false;
  for (const LinearTerm &term : terms) {
    if (!sawDot && isApproximately(term.coefficient, -2.0) &&
        isSameValue(term.value, dot)) {
      sawDot = true;
      continue;
    }
    if (!isApproximately(term.coefficient, 1.0))
      return false;
    norms.push_back(term.value);
  }
  if (!sawDot || norms.size() != 2)
    return false;
  score.normTerm1 = norms[0];
  score.normTerm2 = norms[1];
  return true;
}

/// The operand of a clamp at zero from below (`max(d, 0)`, `max(0, d)`,
/// `clamp(0, d, +inf)`), or null. Sets `floor` to the clamp value when
/// `value` is a clamp from below at another constant.
static Value matchClampAtZero(Value value, std::optional<double> &floor) {
  value = stripNoOps(value);
  if (auto maximum = value.getDefiningOp<shlo::MaxOp>()) {
    for (auto [constant, operand] :
         {std::pair(maximum.getRhs(), maximum.getLhs()),
          std::pair(maximum.getLhs(), maximum.getRhs())}) {
      if (std::optional<double> c = getSplatValue(constant)) {
        if (*c == 0.0)
          return operand;
        floor = *c;
        return {};
      }
    }
  }
  if (auto clamp = value.getDefiningOp<shlo::ClampOp>()) {
    std::optional<double> lo = getSplatValue(clamp.getMin());
    std::optional<double> hi = getSplatValue(clamp.getMax());
    if (lo && hi && std::isinf(*hi) && *hi > 0) {
      if (*lo == 0.0)
        return clamp.getOperand();
      floor = *lo;
    }
  }
  return {};
}

/// Reads `value` as `distance + epsilon`.
static bool matchDenominator(Value value, YatScore &score,
                             std::string &reason) {
  LinearCombination sum = flattenSum(value);
  score.epsilon = sum.constant;
  // Unclamped expanded distance.
  if (matchExpandedDistance(sum.terms, score.dot, score))
    return true;
  if (sum.terms.size() != 1 ||
      !isApproximately(sum.terms.front().coefficient, 1.0)) {
    reason = "the denominator is not a distance plus a constant epsilon";
    return false;
  }
  Value distance = sum.terms.front().value;
  std::optional<double> floor;
  if (Value clamped = matchClampAtZero(distance, floor)) {
    LinearCombination inner = flattenSum(clamped);
    if (inner.constant == 0.0 &&
        matchExpandedDistance(inner.terms, score.dot, score))
      return true;
    distance = clamped;
  } else if (floor) {
    reason =
        "the distance is clamped at " + std::to_string(*floor) + ", not at 0";
    return false;
  }
  score.directDistance = distance;
  return true;
}

FailureOr<YatScore>
mlir::yat::raising::matchYatScore(Value root, function_ref<bool(Value)> isDot,
                                  std::string &reason) {
  Monomial product = flattenProduct(root);
  if (!product.valid) {
    reason = "the expression divides by a constant zero";
    return failure();
  }
  YatScore score;
  score.scale = product.constant;
  const Factor *numerator = nullptr;
  for (const Factor &factor : product.factors) {
    if (factor.exponent == 2 && matchNumerator(factor.value, isDot, score)) {
      numerator = &factor;
      break;
    }
  }
  if (!numerator) {
    // Not a candidate: no squared contraction to build on.
    reason.clear();
    return failure();
  }
  const Factor *denominator = nullptr;
  for (const Factor &factor : product.factors) {
    if (&factor == numerator)
      continue;
    if (factor.exponent == -1 && !denominator) {
      denominator = &factor;
      continue;
    }
    if (factor.exponent == 1) {
      // A learnable alpha: a broadcast scalar. Anything else (a gate, a
      // normalizer of the result) makes this expression larger than the
      // ⵟ score, which is then matched at an inner op.
      if (peelBroadcasts(factor.value).getNumNonUnitDims() != 0) {
        reason.clear();
        return failure();
      }
      score.dynamicFactors.push_back(factor.value);
      continue;
    }
    reason = "a factor other than the squared dot has exponent " +
             std::to_string(factor.exponent);
    return failure();
  }
  if (!denominator) {
    // Not a candidate: a squared dot that nothing divides.
    reason.clear();
    return failure();
  }
  if (!matchDenominator(denominator->value, score, reason))
    return failure();
  if (!std::isfinite(score.epsilon) || score.epsilon < 0.0) {
    reason = "epsilon is not a finite non-negative constant";
    return failure();
  }
  if (!std::isfinite(score.scale)) {
    reason = "the constant scale is not finite";
    return failure();
  }
  return score;
}

//===----------------------------------------------------------------------===//
// Building
//===----------------------------------------------------------------------===//

bool mlir::yat::raising::canBuildVector(const BroadcastView &view, int64_t n) {
  auto type = getStaticTensorType(view.source);
  if (!type)
    return false;
  return type.getNumElements() == n || type.getNumElements() == 1;
}

Value mlir::yat::raising::buildVector(OpBuilder &builder, Location loc,
                                      const BroadcastView &view, int64_t n,
                                      Type elementType) {
  auto type = getStaticTensorType(view.source);
  if (!type || !canBuildVector(view, n))
    return {};
  Value vector = view.source;
  auto vectorType = RankedTensorType::get({n}, type.getElementType());
  if (type != vectorType) {
    if (type.getNumElements() == n) {
      vector = shlo::ReshapeOp::create(builder, loc, vectorType, vector);
    } else {
      auto scalarType = RankedTensorType::get({}, type.getElementType());
      Value scalar = shlo::ReshapeOp::create(builder, loc, scalarType, vector);
      vector = shlo::BroadcastInDimOp::create(builder, loc, vectorType, scalar,
                                              ArrayRef<int64_t>{});
    }
  }
  if (type.getElementType() != elementType)
    vector = shlo::ConvertOp::create(
        builder, loc, RankedTensorType::get({n}, elementType), vector);
  return vector;
}

Value mlir::yat::raising::buildSplatVector(OpBuilder &builder, Location loc,
                                           double value, int64_t n,
                                           Type elementType) {
  auto type = RankedTensorType::get({n}, elementType);
  auto floatType = cast<FloatType>(elementType);
  APFloat element(value);
  bool losesInfo = false;
  element.convert(floatType.getFloatSemantics(), APFloat::rmNearestTiesToEven,
                  &losesInfo);
  return shlo::ConstantOp::create(builder, loc,
                                  DenseElementsAttr::get(type, element));
}

Value mlir::yat::raising::buildTranspose(OpBuilder &builder, Location loc,
                                         Value value,
                                         ArrayRef<int64_t> permutation) {
  SmallVector<int64_t> combined(permutation);
  // Fold into a transpose that produced `value`: result dim i is dim
  // permutation[i] of value, which is dim inner[permutation[i]] of its
  // operand.
  if (auto inner = value.getDefiningOp<shlo::TransposeOp>()) {
    ArrayRef<int64_t> innerPermutation = inner.getPermutation();
    for (int64_t &dim : combined)
      dim = innerPermutation[dim];
    value = inner.getOperand();
  }
  bool isIdentity = llvm::all_of(llvm::enumerate(combined), [](auto pair) {
    return static_cast<int64_t>(pair.index()) == pair.value();
  });
  if (isIdentity)
    return value;
  auto type = cast<RankedTensorType>(value.getType());
  SmallVector<int64_t> shape;
  for (int64_t dim : combined)
    shape.push_back(type.getDimSize(dim));
  return shlo::TransposeOp::create(
      builder, loc, RankedTensorType::get(shape, type.getElementType()), value,
      combined);
}

Value mlir::yat::raising::buildMultiplyByFactors(OpBuilder &builder,
                                                 Location loc, Value value,
                                                 ArrayRef<Value> factors) {
  for (Value factor : factors)
    value = shlo::MulOp::create(builder, loc, value.getType(), factor, value);
  return value;
}
