//===- ContractionMatchers.cpp - dot_general operands and squared norms ---===//

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
