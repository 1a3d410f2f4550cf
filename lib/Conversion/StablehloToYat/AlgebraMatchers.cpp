//===- AlgebraMatchers.cpp - reductions, squares, sums and products -------===//

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
