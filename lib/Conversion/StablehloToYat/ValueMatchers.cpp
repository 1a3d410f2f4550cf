//===- ValueMatchers.cpp - use-def matchers: values and broadcasts --------===//

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

//===----------------------------------------------------------------------===//
// Values
//===----------------------------------------------------------------------===//

bool raising::isSplatOf(Value value, double expected) {
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
