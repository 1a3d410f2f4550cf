//===- DataMovementOps.cpp - broadcast, reshape, slice, gather and the rest
//-===//

#include "Folding.h"
#include "IntListSyntax.h"
#include "OpVerification.h"

#include "mlir/Dialect/Utils/IndexingUtils.h"
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

//===----------------------------------------------------------------------===//
// Data movement
//===----------------------------------------------------------------------===//

LogicalResult IotaOp::verify() {
  auto type = cast<RankedTensorType>(getType());
  if (type.getRank() == 0)
    return emitOpError() << "expected a result of rank >= 1";
  int64_t dim = getIotaDimensionAttr().getInt();
  if (dim < 0 || dim >= type.getRank())
    return emitOpError() << "iota dimension " << dim
                         << " is out of range for rank " << type.getRank();
  return success();
}

LogicalResult BroadcastInDimOp::verify() {
  auto operand = cast<RankedTensorType>(getOperand().getType());
  auto result = cast<RankedTensorType>(getType());
  if (failed(verifySameElementType(*this, operand, result)))
    return failure();
  ArrayRef<int64_t> dims = getBroadcastDimensions();
  if (static_cast<int64_t>(dims.size()) != operand.getRank())
    return emitOpError() << "expected " << operand.getRank()
                         << " broadcast dimensions (the operand rank), got "
                         << dims.size();
  if (failed(verifyDimensionList(*this, "broadcast dimension", dims,
                                 result.getRank())))
    return failure();
  for (auto [index, dim] : llvm::enumerate(dims)) {
    int64_t operandSize = operand.getDimSize(index);
    if (operandSize != 1 &&
        !compatibleSizes(operandSize, result.getDimSize(dim)))
      return emitOpError() << "operand dimension " << index << " of size "
                           << operandSize
                           << " cannot broadcast to result dimension " << dim
                           << " of size " << result.getDimSize(dim);
  }
  return success();
}

LogicalResult ReshapeOp::verify() {
  auto operand = cast<RankedTensorType>(getOperand().getType());
  auto result = cast<RankedTensorType>(getType());
  if (failed(verifySameElementType(*this, operand, result)))
    return failure();
  if (operand.hasStaticShape() && result.hasStaticShape() &&
      operand.getNumElements() != result.getNumElements())
    return emitOpError() << "cannot reshape " << operand.getNumElements()
                         << " elements into " << result.getNumElements();
  return success();
}

LogicalResult TransposeOp::verify() {
  auto operand = cast<RankedTensorType>(getOperand().getType());
  auto result = cast<RankedTensorType>(getType());
  ArrayRef<int64_t> permutation = getPermutation();
  if (failed(verifySameElementType(*this, operand, result)))
    return failure();
  if (static_cast<int64_t>(permutation.size()) != operand.getRank())
    return emitOpError() << "expected a permutation of " << operand.getRank()
                         << " dimensions, got " << permutation.size();
  if (failed(verifyDimensionList(*this, "permutation", permutation,
                                 operand.getRank())))
    return failure();
  SmallVector<int64_t> expected;
  for (int64_t dim : permutation)
    expected.push_back(operand.getDimSize(dim));
  return verifyResultShape(*this, result, expected);
}

/// A splat constant `operand` as a splat of `type` (a static shape), or
/// null.
static Attribute foldSplat(Attribute operand, Type type) {
  auto splat = dyn_cast_or_null<SplatElementsAttr>(operand);
  auto shaped = cast<ShapedType>(type);
  if (!splat || !shaped.hasStaticShape())
    return {};
  return SplatElementsAttr::get(shaped, splat.getSplatValue<Attribute>());
}

OpFoldResult BroadcastInDimOp::fold(FoldAdaptor adaptor) {
  // Same type and dims in order: nothing moves.
  if (getOperand().getType() == getType() &&
      llvm::equal(getBroadcastDimensions(),
                  llvm::seq<int64_t>(0, getType().getRank())))
    return getOperand();
  if (Attribute splat = foldSplat(adaptor.getOperand(), getType()))
    return splat;
  auto dense = dyn_cast_or_null<DenseElementsAttr>(adaptor.getOperand());
  RankedTensorType type = getType();
  if (!dense || !type.hasStaticShape() ||
      type.getNumElements() > detail::kMaxFoldedElements)
    return {};
  // Result element `index` reads operand element `index[dims[k]]` along
  // operand dim k (0 where that dim has size 1).
  ArrayRef<int64_t> operandShape = dense.getType().getShape();
  SmallVector<int64_t> operandStrides = computeSuffixProduct(operandShape);
  SmallVector<int64_t> resultStrides = computeSuffixProduct(type.getShape());
  SmallVector<Attribute> operandValues(dense.getValues<Attribute>());
  SmallVector<Attribute> values;
  values.reserve(type.getNumElements());
  for (int64_t flat = 0; flat < type.getNumElements(); ++flat) {
    SmallVector<int64_t> index = delinearize(flat, resultStrides);
    int64_t source = 0;
    for (auto [k, dim] : llvm::enumerate(getBroadcastDimensions()))
      if (operandShape[k] != 1)
        source += index[dim] * operandStrides[k];
    values.push_back(operandValues[source]);
  }
  return DenseElementsAttr::get(type, values);
}

OpFoldResult ReshapeOp::fold(FoldAdaptor adaptor) {
  if (getOperand().getType() == getType())
    return getOperand();
  auto dense = dyn_cast_or_null<DenseElementsAttr>(adaptor.getOperand());
  if (!dense || !getType().hasStaticShape())
    return {};
  // The same elements in the same order: the attribute's storage is kept.
  return dense.reshape(getType());
}

OpFoldResult TransposeOp::fold(FoldAdaptor adaptor) {
  if (getOperand().getType() == getType() &&
      llvm::equal(getPermutation(), llvm::seq<int64_t>(0, getType().getRank())))
    return getOperand();
  return foldSplat(adaptor.getOperand(), getType());
}

LogicalResult ConcatenateOp::verify() {
  if (getInputs().empty())
    return emitOpError() << "expected at least one input";
  auto result = cast<RankedTensorType>(getType());
  auto first = cast<RankedTensorType>(getInputs().front().getType());
  int64_t dim = getDimensionAttr().getInt();
  if (dim < 0 || dim >= first.getRank())
    return emitOpError() << "dimension " << dim << " is out of range for rank "
                         << first.getRank();
  SmallVector<int64_t> expected(first.getShape());
  expected[dim] = 0;
  for (auto [index, input] : llvm::enumerate(getInputs())) {
    auto type = cast<RankedTensorType>(input.getType());
    if (type.getElementType() != result.getElementType())
      return emitOpError() << "input " << index << " has element type "
                           << type.getElementType() << ", expected "
                           << result.getElementType();
    if (type.getRank() != first.getRank())
      return emitOpError() << "input " << index << " has rank "
                           << type.getRank() << ", expected "
                           << first.getRank();
    for (int64_t d = 0; d < type.getRank(); ++d) {
      if (d == dim)
        continue;
      if (!compatibleSizes(type.getDimSize(d), expected[d]))
        return emitOpError()
               << "input " << index << " has size " << type.getDimSize(d)
               << " in dimension " << d << ", expected " << expected[d];
      if (ShapedType::isDynamic(expected[d]))
        expected[d] = type.getDimSize(d);
    }
    if (ShapedType::isDynamic(type.getDimSize(dim)) ||
        ShapedType::isDynamic(expected[dim]))
      expected[dim] = ShapedType::kDynamic;
    else
      expected[dim] += type.getDimSize(dim);
  }
  return verifyResultShape(*this, result, expected);
}

LogicalResult SliceOp::verify() {
  auto operand = cast<RankedTensorType>(getOperand().getType());
  auto result = cast<RankedTensorType>(getType());
  if (failed(verifySameElementType(*this, operand, result)))
    return failure();
  int64_t rank = operand.getRank();
  if (!haveOneEntryPerDimension(
          rank, {getStartIndices(), getLimitIndices(), getStrides()}))
    return emitOpError() << "expected " << rank
                         << " start indices, limit indices and strides";
  SmallVector<int64_t> expected;
  for (int64_t d = 0; d < rank; ++d) {
    int64_t start = getStartIndices()[d], limit = getLimitIndices()[d],
            stride = getStrides()[d], size = operand.getDimSize(d);
    if (stride < 1)
      return emitOpError() << "stride " << stride << " in dimension " << d
                           << " must be positive";
    if (start < 0 || limit < start ||
        (!ShapedType::isDynamic(size) && limit > size))
      return emitOpError() << "slice " << start << ':' << limit
                           << " is out of bounds in dimension " << d
                           << " of size " << size;
    expected.push_back((limit - start + stride - 1) / stride);
  }
  return verifyResultShape(*this, result, expected);
}

LogicalResult PadOp::verify() {
  auto operand = cast<RankedTensorType>(getOperand().getType());
  auto padValue = cast<RankedTensorType>(getPaddingValue().getType());
  auto result = cast<RankedTensorType>(getType());
  if (padValue.getRank() != 0)
    return emitOpError() << "expected a 0-d padding value";
  if (padValue.getElementType() != operand.getElementType() ||
      result.getElementType() != operand.getElementType())
    return emitOpError() << "expected operand, padding value and result to "
                            "have the same element type";
  int64_t rank = operand.getRank();
  if (!haveOneEntryPerDimension(
          rank,
          {getEdgePaddingLow(), getEdgePaddingHigh(), getInteriorPadding()}))
    return emitOpError() << "expected " << rank
                         << " low, high and interior padding values";
  SmallVector<int64_t> expected;
  for (int64_t d = 0; d < rank; ++d) {
    int64_t low = getEdgePaddingLow()[d], high = getEdgePaddingHigh()[d],
            interior = getInteriorPadding()[d], size = operand.getDimSize(d);
    if (interior < 0)
      return emitOpError() << "interior padding " << interior
                           << " in dimension " << d << " must be >= 0";
    if (ShapedType::isDynamic(size)) {
      expected.push_back(ShapedType::kDynamic);
      continue;
    }
    int64_t padded =
        low + high + size + std::max<int64_t>(size - 1, 0) * interior;
    if (padded < 0)
      return emitOpError() << "padding makes dimension " << d << " negative ("
                           << padded << ")";
    expected.push_back(padded);
  }
  return verifyResultShape(*this, result, expected);
}

LogicalResult ReverseOp::verify() {
  return verifyDimensionList(
      *this, "dimension", getDimensions(),
      cast<RankedTensorType>(getOperand().getType()).getRank());
}

//===----------------------------------------------------------------------===//
// GatherOp
//===----------------------------------------------------------------------===//

LogicalResult GatherOp::verify() {
  RankedTensorType operand = getOperand().getType();
  RankedTensorType indices = getStartIndices().getType();
  RankedTensorType result = getType();
  GatherDimensionNumbersAttr dims = getDimensionNumbers();
  int64_t operandRank = operand.getRank(), indicesRank = indices.getRank();
  int64_t indexVectorDim = dims.getIndexVectorDim();
  ArrayRef<int64_t> offsetDims = dims.getOffsetDims();
  ArrayRef<int64_t> collapsed = dims.getCollapsedSliceDims();
  ArrayRef<int64_t> operandBatching = dims.getOperandBatchingDims();
  ArrayRef<int64_t> sliceSizes = getSliceSizes();
  if (failed(verifySameElementType(*this, operand, result)) ||
      failed(verifySorted(*this, "offset_dims", offsetDims)) ||
      failed(verifyDimensionList(*this, "offset_dims", offsetDims,
                                 result.getRank())) ||
      failed(verifyIndexingDims(
          *this, operandRank, indices,
          {{"collapsed_slice_dims", collapsed},
           {"operand_batching_dims", operandBatching},
           {"start_indices_batching_dims", dims.getStartIndicesBatchingDims()},
           {"start_index_map", dims.getStartIndexMap()},
           indexVectorDim})))
    return failure();
  if (static_cast<int64_t>(sliceSizes.size()) != operandRank)
    return emitOpError() << "expected " << operandRank << " slice sizes, got "
                         << sliceSizes.size();
  for (auto [d, size] : llvm::enumerate(sliceSizes)) {
    int64_t dimSize = operand.getDimSize(d);
    if (size < 0 || (!ShapedType::isDynamic(dimSize) && size > dimSize))
      return emitOpError() << "slice size " << size << " of dimension " << d
                           << " does not fit in the operand's " << dimSize;
    bool windowless = llvm::is_contained(collapsed, int64_t(d)) ||
                      llvm::is_contained(operandBatching, int64_t(d));
    if (windowless && size > 1)
      return emitOpError() << "expected slice size at most 1 for collapsed or "
                              "batching dimension "
                           << d << ", got " << size;
  }
  // The result: batch dims take the index dims' sizes in order, offset dims
  // the slice sizes of the dims that keep a window.
  SmallVector<int64_t> batchSizes, offsetSizes;
  for (int64_t d = 0; d < indicesRank; ++d)
    if (d != indexVectorDim)
      batchSizes.push_back(indices.getDimSize(d));
  for (int64_t d = 0; d < operandRank; ++d)
    if (!llvm::is_contained(collapsed, d) &&
        !llvm::is_contained(operandBatching, d))
      offsetSizes.push_back(sliceSizes[d]);
  if (offsetDims.size() != offsetSizes.size())
    return emitOpError() << "expected " << offsetSizes.size()
                         << " offset_dims (one per operand dimension that is "
                            "neither collapsed nor batching), got "
                         << offsetDims.size();
  SmallVector<int64_t> expected;
  size_t nextBatch = 0, nextOffset = 0;
  int64_t resultRank = offsetSizes.size() + batchSizes.size();
  for (int64_t d = 0; d < resultRank; ++d)
    expected.push_back(llvm::is_contained(offsetDims, d)
                           ? offsetSizes[nextOffset++]
                           : batchSizes[nextBatch++]);
  return verifyResultShape(*this, result, expected);
}

//===----------------------------------------------------------------------===//
// DynamicSliceOp, DynamicUpdateSliceOp
//===----------------------------------------------------------------------===//

/// Checks that there is one 0-d start index per dimension of `operand`.
static LogicalResult verifyStartIndices(Operation *op, RankedTensorType operand,
                                        ValueRange startIndices) {
  if (static_cast<int64_t>(startIndices.size()) != operand.getRank())
    return op->emitOpError()
           << "expected " << operand.getRank()
           << " start indices, one per dimension, got " << startIndices.size();
  for (auto [i, index] : llvm::enumerate(startIndices))
    if (cast<RankedTensorType>(index.getType()).getRank() != 0)
      return op->emitOpError()
             << "expected start index " << i << " to be a 0-d tensor";
  return success();
}

LogicalResult DynamicSliceOp::verify() {
  RankedTensorType operand = getOperand().getType();
  ArrayRef<int64_t> sizes = getSliceSizes();
  if (failed(verifySameElementType(*this, operand, getType())) ||
      failed(verifyStartIndices(*this, operand, getStartIndices())))
    return failure();
  if (static_cast<int64_t>(sizes.size()) != operand.getRank())
    return emitOpError() << "expected " << operand.getRank()
                         << " slice sizes, got " << sizes.size();
  for (auto [d, size] : llvm::enumerate(sizes)) {
    int64_t dimSize = operand.getDimSize(d);
    if (size < 0 || (!ShapedType::isDynamic(dimSize) && size > dimSize))
      return emitOpError() << "slice size " << size << " of dimension " << d
                           << " does not fit in the operand's " << dimSize;
  }
  return verifyResultShape(*this, getType(), sizes);
}

LogicalResult DynamicUpdateSliceOp::verify() {
  RankedTensorType operand = getOperand().getType();
  RankedTensorType update = getUpdate().getType();
  if (getType() != operand)
    return emitOpError() << "expected result type " << operand;
  if (update.getElementType() != operand.getElementType() ||
      update.getRank() != operand.getRank())
    return emitOpError() << "expected an update of rank " << operand.getRank()
                         << " and element type " << operand.getElementType();
  for (auto [d, sizes] :
       llvm::enumerate(llvm::zip(update.getShape(), operand.getShape()))) {
    auto [size, dimSize] = sizes;
    if (!ShapedType::isDynamic(size) && !ShapedType::isDynamic(dimSize) &&
        size > dimSize)
      return emitOpError() << "update dimension " << d << " of size " << size
                           << " does not fit in the operand's " << dimSize;
  }
  return verifyStartIndices(*this, operand, getStartIndices());
}
