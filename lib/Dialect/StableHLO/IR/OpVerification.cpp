//===- OpVerification.cpp - helpers shared by the op verifiers ------------===//

#include "OpVerification.h"
#include "IntListSyntax.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/IR/TypeUtilities.h"
#include "mlir/Interfaces/FunctionInterfaces.h"
#include "yat/Dialect/StableHLO/IR/Stablehlo.h"
#include "yat/Support/ShapeFormat.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallBitVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"

using namespace mlir;
using namespace mlir::yat::stablehlo;
using namespace mlir::yat::stablehlo::detail;
using mlir::yat::formatShape;

/// Checks that `dims` are distinct and within [0, rank).
LogicalResult mlir::yat::stablehlo::detail::verifyDimensionList(
    Operation *op, StringRef name, ArrayRef<int64_t> dims, int64_t rank) {
  llvm::SmallBitVector seen(std::max<int64_t>(rank, 0));
  for (int64_t dim : dims) {
    if (dim < 0 || dim >= rank)
      return op->emitOpError() << name << " value " << dim
                               << " is out of range for rank " << rank;
    if (seen.test(dim))
      return op->emitOpError() << name << " value " << dim << " is repeated";
    seen.set(dim);
  }
  return success();
}

/// Checks that the operand and the result of a data movement op share their
/// element type.
LogicalResult mlir::yat::stablehlo::detail::verifySameElementType(
    Operation *op, RankedTensorType operand, RankedTensorType result) {
  if (operand.getElementType() != result.getElementType())
    return op->emitOpError() << "expected operand and result element types to "
                                "match";
  return success();
}

/// True when each of `lists` has `rank` entries (one per dimension).
bool mlir::yat::stablehlo::detail::haveOneEntryPerDimension(
    int64_t rank, ArrayRef<ArrayRef<int64_t>> lists) {
  return llvm::all_of(lists, [&](ArrayRef<int64_t> list) {
    return static_cast<int64_t>(list.size()) == rank;
  });
}

/// True when two dimension sizes may be equal (equal or either dynamic).
bool mlir::yat::stablehlo::detail::compatibleSizes(int64_t a, int64_t b) {
  return ShapedType::isDynamic(a) || ShapedType::isDynamic(b) || a == b;
}

/// Checks that `actual` matches the `expected` shape (dynamic sizes match
/// anything).
LogicalResult mlir::yat::stablehlo::detail::verifyResultShape(
    Operation *op, RankedTensorType actual, ArrayRef<int64_t> expected) {
  bool ok = actual.getRank() == static_cast<int64_t>(expected.size());
  for (auto [a, e] : llvm::zip(actual.getShape(), expected))
    ok = ok && compatibleSizes(a, e);
  if (!ok)
    return op->emitOpError()
           << "expected result shape " << formatShape(expected) << ", got "
           << formatShape(actual.getShape());
  return success();
}

/// The (low, high) pairs of an N x 2 `padding` attribute, or `count` zero
/// pairs without one.
SmallVector<std::pair<int64_t, int64_t>>
mlir::yat::stablehlo::detail::getPaddingPairsOrZero(
    std::optional<DenseIntElementsAttr> padding, int64_t count) {
  SmallVector<std::pair<int64_t, int64_t>> result;
  if (padding) {
    SmallVector<int64_t> values(padding->getValues<int64_t>());
    for (size_t i = 0; i + 1 < values.size(); i += 2)
      result.push_back({values[i], values[i + 1]});
    return result;
  }
  result.assign(count, {0, 0});
  return result;
}

/// The number of positions of a window of `window` elements, `windowDilation`
/// apart, every `stride` elements, along a dimension of `size` elements
/// spread `baseDilation` apart and padded with `low` and `high`; -1 when the
/// padding makes the dimension negative.
int64_t mlir::yat::stablehlo::detail::getWindowCount(
    int64_t size, int64_t baseDilation, int64_t low, int64_t high,
    int64_t window, int64_t windowDilation, int64_t stride) {
  int64_t dilated = size == 0 ? 0 : (size - 1) * baseDilation + 1;
  int64_t padded = low + dilated + high;
  if (padded < 0)
    return -1;
  int64_t dilatedWindow = window == 0 ? 0 : (window - 1) * windowDilation + 1;
  return padded < dilatedWindow || dilatedWindow == 0
             ? 0
             : (padded - dilatedWindow) / stride + 1;
}

/// Checks that `dims` are sorted (StableHLO requires it of window dims).
LogicalResult
mlir::yat::stablehlo::detail::verifySorted(Operation *op, StringRef name,
                                           ArrayRef<int64_t> dims) {
  if (!llvm::is_sorted(dims))
    return op->emitOpError()
           << name << " must be sorted, got " << formatShape(dims);
  return success();
}

/// Checks what StableHLO requires of `dims` for an operand of rank
/// `operandRank` indexed by `indices`.
LogicalResult mlir::yat::stablehlo::detail::verifyIndexingDims(
    Operation *op, int64_t operandRank, RankedTensorType indicesType,
    const IndexingDims &dims) {
  int64_t indicesRank = indicesType.getRank();
  if (!isa<IntegerType>(indicesType.getElementType()))
    return op->emitOpError()
           << "expected integer indices, got " << indicesType.getElementType();
  if (dims.indexVectorDim < 0 || dims.indexVectorDim > indicesRank)
    return op->emitOpError()
           << "index_vector_dim " << dims.indexVectorDim
           << " is out of range for indices of rank " << indicesRank;
  if (failed(verifySorted(op, dims.windowless.name, dims.windowless.dims)))
    return failure();
  for (auto [list, rank] : {std::pair(dims.windowless, operandRank),
                            std::pair(dims.operandBatching, operandRank),
                            std::pair(dims.indicesBatching, indicesRank),
                            std::pair(dims.startToOperand, operandRank)})
    if (failed(verifyDimensionList(op, list.name, list.dims, rank)))
      return failure();
  if (dims.operandBatching.dims.size() != dims.indicesBatching.dims.size())
    return op->emitOpError() << "expected as many " << dims.operandBatching.name
                             << " as " << dims.indicesBatching.name;
  if (llvm::is_contained(dims.indicesBatching.dims, dims.indexVectorDim))
    return op->emitOpError()
           << dims.indicesBatching.name << " must not contain index_vector_dim "
           << dims.indexVectorDim;
  for (int64_t dim : dims.windowless.dims)
    if (llvm::is_contained(dims.operandBatching.dims, dim))
      return op->emitOpError()
             << "dimension " << dim << " is in both " << dims.windowless.name
             << " and " << dims.operandBatching.name;
  for (int64_t dim : dims.startToOperand.dims)
    if (llvm::is_contained(dims.operandBatching.dims, dim))
      return op->emitOpError() << dims.startToOperand.name << " value " << dim
                               << " is a batching dimension";
  int64_t indexVectorSize = dims.indexVectorDim == indicesRank
                                ? 1
                                : indicesType.getDimSize(dims.indexVectorDim);
  if (ShapedType::isDynamic(indexVectorSize) ||
      indexVectorSize != static_cast<int64_t>(dims.startToOperand.dims.size()))
    return op->emitOpError()
           << "expected " << dims.startToOperand.dims.size()
           << " start indices per index vector (one per "
           << dims.startToOperand.name << "), got " << indexVectorSize;
  return success();
}
