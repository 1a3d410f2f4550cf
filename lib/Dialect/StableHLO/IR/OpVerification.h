//===- OpVerification.h - helpers shared by the op verifiers ----*- C++ -*-===//
//
// Private to the StableHLO dialect library: the shape rules that verifiers
// of several op families check (dimension lists, result shapes, windows,
// gather/scatter dimension numbers).
//
//===----------------------------------------------------------------------===//

#ifndef YAT_LIB_DIALECT_STABLEHLO_IR_OPVERIFICATION_H
#define YAT_LIB_DIALECT_STABLEHLO_IR_OPVERIFICATION_H

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Operation.h"
#include "mlir/Support/LLVM.h"
#include "llvm/ADT/SmallVector.h"

#include <optional>
#include <utility>

namespace mlir::yat::stablehlo::detail {

/// A dimension list of a gather or scatter attribute and its name.
struct NamedDims {
  StringRef name;
  ArrayRef<int64_t> dims;
};

/// The dimension numbers that gather and scatter share: the operand dims
/// without a window (collapsed or inserted), the batching dims of the
/// operand and of the indices, the operand dims that the start indices
/// address, and the indices' index_vector_dim.
struct IndexingDims {
  NamedDims windowless, operandBatching, indicesBatching, startToOperand;
  int64_t indexVectorDim;
};

/// Checks that `dims` are distinct and within [0, rank).
LogicalResult verifyDimensionList(Operation *op, StringRef name,
                                  ArrayRef<int64_t> dims, int64_t rank);

/// Checks that the operand and the result of a data movement op share their
/// element type.
LogicalResult verifySameElementType(Operation *op, RankedTensorType operand,
                                    RankedTensorType result);

/// True when each of `lists` has `rank` entries (one per dimension).
bool haveOneEntryPerDimension(int64_t rank, ArrayRef<ArrayRef<int64_t>> lists);

/// True when two dimension sizes may be equal (equal or either dynamic).
bool compatibleSizes(int64_t a, int64_t b);

/// Checks that `actual` matches the `expected` shape (dynamic sizes match
/// anything).
LogicalResult verifyResultShape(Operation *op, RankedTensorType actual,
                                ArrayRef<int64_t> expected);

/// The (low, high) pairs of an N x 2 `padding` attribute, or `count` zero
/// pairs without one.
SmallVector<std::pair<int64_t, int64_t>>
getPaddingPairsOrZero(std::optional<DenseIntElementsAttr> padding,
                      int64_t count);

/// The number of positions of a window of `window` elements, `windowDilation`
/// apart, every `stride` elements, along a dimension of `size` elements
/// spread `baseDilation` apart and padded with `low` and `high`; -1 when the
/// padding makes the dimension negative.
int64_t getWindowCount(int64_t size, int64_t baseDilation, int64_t low,
                       int64_t high, int64_t window, int64_t windowDilation,
                       int64_t stride);

/// Checks that `dims` are sorted (StableHLO requires it of window dims).
LogicalResult verifySorted(Operation *op, StringRef name,
                           ArrayRef<int64_t> dims);

/// Checks what StableHLO requires of `dims` for an operand of rank
/// `operandRank` indexed by `indices`.
LogicalResult verifyIndexingDims(Operation *op, int64_t operandRank,
                                 RankedTensorType indicesType,
                                 const IndexingDims &dims);

/// The window attribute `values` when present, else `count` times `fill`.
template <typename T>
SmallVector<T> getValuesOrFill(std::optional<ArrayRef<T>> values, int64_t count,
                               T fill) {
  if (values)
    return SmallVector<T>(*values);
  return SmallVector<T>(count, fill);
}

} // namespace mlir::yat::stablehlo::detail

#endif // YAT_LIB_DIALECT_STABLEHLO_IR_OPVERIFICATION_H
