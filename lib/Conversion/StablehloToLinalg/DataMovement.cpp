//===- DataMovement.cpp - constants, iota, reshapes, slices, pads ---------===//
//
// Static slices that select nothing (`[2:2]`, legal StableHLO that
// lax.associative_scan emits) become tensor.empty: tensor.extract_slice
// rejects an offset at the end of a dimension.
//
//===----------------------------------------------------------------------===//

#include "PopulatePatterns.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Utils/StructuredOpsUtils.h"
#include "mlir/IR/AffineMap.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "mlir/IR/TypeUtilities.h"
#include "mlir/Transforms/DialectConversion.h"
#include "yat/Dialect/StableHLO/IR/Stablehlo.h"

#define DEBUG_TYPE "convert-stablehlo-to-linalg"

using namespace mlir;
using namespace mlir::yat;
using namespace mlir::yat::stablehlo_lowering;
namespace shlo = mlir::yat::stablehlo;

Value stablehlo_lowering::emitPaddedTensor(OpBuilder &b, Location loc,
                                           Value value, Value padValue,
                                           ArrayRef<int64_t> low,
                                           ArrayRef<int64_t> high,
                                           ArrayRef<int64_t> interior,
                                           RankedTensorType resultType) {
  auto operandType = cast<RankedTensorType>(value.getType());
  int64_t rank = operandType.getRank();
  SmallVector<int64_t> fullShape;
  SmallVector<OpFoldResult> insertOffsets, insertSizes, insertStrides,
      cropOffsets, cropSizes, unitStrides;
  bool needsCrop = false;
  for (int64_t d = 0; d < rank; ++d) {
    int64_t size = operandType.getDimSize(d);
    int64_t dilated = size == 0 ? 0 : (size - 1) * (interior[d] + 1) + 1;
    int64_t lowKept = std::max<int64_t>(low[d], 0);
    int64_t highKept = std::max<int64_t>(high[d], 0);
    fullShape.push_back(lowKept + dilated + highKept);
    insertOffsets.push_back(b.getIndexAttr(lowKept));
    insertSizes.push_back(b.getIndexAttr(size));
    insertStrides.push_back(b.getIndexAttr(interior[d] + 1));
    cropOffsets.push_back(b.getIndexAttr(lowKept - low[d]));
    cropSizes.push_back(b.getIndexAttr(resultType.getDimSize(d)));
    unitStrides.push_back(b.getIndexAttr(1));
    needsCrop |= low[d] < 0 || high[d] < 0;
  }
  auto fullType =
      RankedTensorType::get(fullShape, operandType.getElementType());
  Value result = emitFilledTensor(b, loc, fullType, padValue);
  if (operandType.getNumElements() > 0)
    result = tensor::InsertSliceOp::create(b, loc, value, result, insertOffsets,
                                           insertSizes, insertStrides);
  if (needsCrop)
    result = tensor::ExtractSliceOp::create(b, loc, getStorageType(resultType),
                                            result, cropOffsets, cropSizes,
                                            unitStrides);
  return result;
}

TypedAttr stablehlo_lowering::getStorageAttr(TypedAttr attr) {
  Type storage = getSignlessStorageType(attr.getType());
  if (storage == attr.getType())
    return attr;
  if (auto integer = dyn_cast<IntegerAttr>(attr))
    return IntegerAttr::get(storage, integer.getValue());
  if (auto dense = dyn_cast<DenseIntElementsAttr>(attr))
    return dense.bitcast(cast<ShapedType>(storage).getElementType());
  if (auto resource = dyn_cast<DenseResourceElementsAttr>(attr))
    return DenseResourceElementsAttr::get(cast<ShapedType>(storage),
                                          resource.getRawHandle());
  return attr;
}

Value stablehlo_lowering::emitIndexValue(OpBuilder &b, Location loc,
                                         Value integer, Type semanticType) {
  if (semanticType.isUnsignedInteger())
    return arith::IndexCastUIOp::create(b, loc, b.getIndexType(), integer);
  return arith::IndexCastOp::create(b, loc, b.getIndexType(), integer);
}

Value stablehlo_lowering::emitClampedStart(OpBuilder &b, Location loc,
                                           Value integer, Type semanticType,
                                           int64_t dimSize, int64_t sliceSize) {
  Value index = emitIndexValue(b, loc, integer, semanticType);
  Value zero = arith::ConstantIndexOp::create(b, loc, 0);
  Value lastStart = arith::ConstantIndexOp::create(b, loc, dimSize - sliceSize);
  return arith::MinSIOp::create(
      b, loc, arith::MaxSIOp::create(b, loc, index, zero), lastStart);
}

/// A tensor of `resultType` whose element at each index is the element of
/// `value` at `sourceMap` of that index.
static Value emitGatheredTensor(OpBuilder &b, Location loc, Value value,
                                AffineMap sourceMap,
                                RankedTensorType resultType) {
  auto generic = emitParallelGeneric(
      b, loc, resultType, value, sourceMap,
      [](OpBuilder &, Location, ValueRange args) { return args.front(); });
  return generic.getResult(0);
}

Value stablehlo_lowering::emitReversedTensor(OpBuilder &b, Location loc,
                                             Value value,
                                             ArrayRef<int64_t> dims) {
  auto type = cast<RankedTensorType>(value.getType());
  int64_t rank = type.getRank();
  SmallVector<AffineExpr> exprs;
  for (int64_t d = 0; d < rank; ++d) {
    AffineExpr dim = b.getAffineDimExpr(d);
    exprs.push_back(llvm::is_contained(dims, d) ? type.getDimSize(d) - 1 - dim
                                                : dim);
  }
  return emitGatheredTensor(
      b, loc, value, AffineMap::get(rank, 0, exprs, b.getContext()), type);
}

namespace {

/// Rewrites stablehlo.constant into arith.constant with the same value.
struct ConstantToArith : public OpConversionPattern<shlo::ConstantOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(shlo::ConstantOp op, OpAdaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto value = dyn_cast<TypedAttr>(op.getValue());
    if (!value)
      return rewriter.notifyMatchFailure(op, "expected a typed value");
    rewriter.replaceOpWithNewOp<arith::ConstantOp>(op, getStorageAttr(value));
    return success();
  }
};

/// Rewrites stablehlo.iota into a linalg.generic that converts
/// `linalg.index` of the iota dimension to the element type.
struct IotaToGeneric : public OpConversionPattern<shlo::IotaOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(shlo::IotaOp op, OpAdaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (failed(requireStaticShapes(rewriter, op, {op.getType()})))
      return failure();
    auto type = cast<RankedTensorType>(op.getType());
    int64_t dim = op.getIotaDimensionAttr().getInt();
    auto generic = emitParallelGeneric(
        rewriter, op.getLoc(), type, /*inputs=*/{}, /*inputMaps=*/{},
        [&](OpBuilder &b, Location bodyLoc, ValueRange) {
          Value index = linalg::IndexOp::create(b, bodyLoc, dim);
          Value asInt =
              arith::IndexCastOp::create(b, bodyLoc, b.getI64Type(), index);
          return emitScalarConvert(b, bodyLoc, asInt, b.getI64Type(),
                                   type.getElementType());
        });
    rewriter.replaceOp(op, generic.getResults());
    return success();
  }
};

/// Rewrites stablehlo.broadcast_in_dim into a linalg.generic that reads
/// operand dimension k at result dimension dims[k] (or at 0 where the
/// operand dimension has size 1 and is expanded).
struct BroadcastInDimToGeneric
    : public OpConversionPattern<shlo::BroadcastInDimOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(shlo::BroadcastInDimOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (failed(requireStaticShapes(rewriter, op,
                                   {op.getType(), op.getOperand().getType()})))
      return failure();
    auto operandType = cast<RankedTensorType>(op.getOperand().getType());
    auto resultType = cast<RankedTensorType>(op.getType());
    SmallVector<AffineExpr> exprs;
    for (auto [index, dim] : llvm::enumerate(op.getBroadcastDimensions())) {
      bool expanded =
          operandType.getDimSize(index) == 1 && resultType.getDimSize(dim) != 1;
      exprs.push_back(expanded ? rewriter.getAffineConstantExpr(0)
                               : rewriter.getAffineDimExpr(dim));
    }
    AffineMap sourceMap =
        AffineMap::get(resultType.getRank(), 0, exprs, rewriter.getContext());
    rewriter.replaceOp(op, emitGatheredTensor(rewriter, op.getLoc(),
                                              adaptor.getOperand(), sourceMap,
                                              resultType));
    return success();
  }
};

/// Rewrites stablehlo.reshape into tensor.collapse_shape to 1-d followed by
/// tensor.expand_shape to the result shape (either may be skipped).
struct ReshapeToCollapseExpand : public OpConversionPattern<shlo::ReshapeOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(shlo::ReshapeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (failed(requireStaticShapes(rewriter, op,
                                   {op.getType(), op.getOperand().getType()})))
      return failure();
    auto operandType = getStorageType(op.getOperand().getType());
    auto resultType = getStorageType(op.getType());
    Location loc = op.getLoc();
    Value value = adaptor.getOperand();
    if (operandType == resultType) {
      rewriter.replaceOp(op, value);
      return success();
    }
    auto allDims = [](int64_t rank) {
      ReassociationIndices indices;
      for (int64_t d = 0; d < rank; ++d)
        indices.push_back(d);
      return indices;
    };
    // A 0-d side reshapes directly: every dimension of the other side is 1.
    if (operandType.getRank() == 0) {
      rewriter.replaceOpWithNewOp<tensor::ExpandShapeOp>(
          op, resultType, value, ArrayRef<ReassociationIndices>{});
      return success();
    }
    if (resultType.getRank() == 0) {
      rewriter.replaceOpWithNewOp<tensor::CollapseShapeOp>(
          op, resultType, value, ArrayRef<ReassociationIndices>{});
      return success();
    }
    if (operandType.getRank() != 1) {
      auto flatType = RankedTensorType::get({operandType.getNumElements()},
                                            operandType.getElementType());
      value = tensor::CollapseShapeOp::create(
          rewriter, loc, flatType, value,
          ArrayRef<ReassociationIndices>{allDims(operandType.getRank())});
    }
    if (resultType.getRank() != 1)
      value = tensor::ExpandShapeOp::create(
          rewriter, loc, resultType, value,
          ArrayRef<ReassociationIndices>{allDims(resultType.getRank())});
    rewriter.replaceOp(op, value);
    return success();
  }
};

/// Rewrites stablehlo.transpose into linalg.transpose.
struct TransposeToLinalg : public OpConversionPattern<shlo::TransposeOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(shlo::TransposeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (failed(requireStaticShapes(rewriter, op, {op.getType()})))
      return failure();
    auto resultType = cast<RankedTensorType>(op.getType());
    Value init = emitEmptyTensor(rewriter, op.getLoc(), resultType);
    auto transpose = linalg::TransposeOp::create(
        rewriter, op.getLoc(), adaptor.getOperand(), init, op.getPermutation());
    rewriter.replaceOp(op, transpose->getResults());
    return success();
  }
};

/// Rewrites stablehlo.concatenate into a chain of tensor.insert_slice into
/// a tensor.empty of the result shape.
struct ConcatenateToInsertSlices
    : public OpConversionPattern<shlo::ConcatenateOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(shlo::ConcatenateOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (failed(requireStaticShapes(rewriter, op, {op.getType()})))
      return failure();
    auto resultType = cast<RankedTensorType>(op.getType());
    Location loc = op.getLoc();
    int64_t dim = op.getDimensionAttr().getInt();
    int64_t rank = resultType.getRank();
    Value result = emitEmptyTensor(rewriter, loc, resultType);
    int64_t offset = 0;
    for (Value input : adaptor.getInputs()) {
      if (failed(requireStaticShapes(rewriter, op, {input.getType()})))
        return failure();
      auto type = cast<RankedTensorType>(input.getType());
      // An empty input adds nothing, and insert_slice rejects an offset at
      // the end of a dimension.
      if (type.getNumElements() == 0)
        continue;
      SmallVector<OpFoldResult> offsets(rank, rewriter.getIndexAttr(0));
      offsets[dim] = rewriter.getIndexAttr(offset);
      SmallVector<OpFoldResult> sizes;
      for (int64_t size : type.getShape())
        sizes.push_back(rewriter.getIndexAttr(size));
      SmallVector<OpFoldResult> strides(rank, rewriter.getIndexAttr(1));
      result = tensor::InsertSliceOp::create(rewriter, loc, input, result,
                                             offsets, sizes, strides);
      offset += type.getDimSize(dim);
    }
    rewriter.replaceOp(op, result);
    return success();
  }
};

/// Rewrites stablehlo.slice into a strided tensor.extract_slice.
struct SliceToExtractSlice : public OpConversionPattern<shlo::SliceOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(shlo::SliceOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (failed(requireStaticShapes(rewriter, op, {op.getType()})))
      return failure();
    auto resultType = getStorageType(op.getType());
    if (resultType.getNumElements() == 0) {
      rewriter.replaceOp(op,
                         emitEmptyTensor(rewriter, op.getLoc(), resultType));
      return success();
    }
    SmallVector<OpFoldResult> offsets, sizes, strides;
    for (int64_t d = 0; d < resultType.getRank(); ++d) {
      offsets.push_back(rewriter.getIndexAttr(op.getStartIndices()[d]));
      sizes.push_back(rewriter.getIndexAttr(resultType.getDimSize(d)));
      strides.push_back(rewriter.getIndexAttr(op.getStrides()[d]));
    }
    rewriter.replaceOpWithNewOp<tensor::ExtractSliceOp>(
        op, resultType, adaptor.getOperand(), offsets, sizes, strides);
    return success();
  }
};

/// Offsets, sizes and strides of a dynamic slice or update of `sizes` in
/// `operandType`: the start indices clamped so that it fits, unit strides.
struct DynamicSliceBounds {
  SmallVector<OpFoldResult> offsets, sizes, strides;
};

static DynamicSliceBounds emitDynamicSliceBounds(OpBuilder &b, Location loc,
                                                 ValueRange startIndices,
                                                 TypeRange stablehloIndexTypes,
                                                 RankedTensorType operandType,
                                                 ArrayRef<int64_t> sizes) {
  DynamicSliceBounds bounds;
  for (auto [d, index] : llvm::enumerate(startIndices))
    bounds.offsets.push_back(
        emitClampedStart(b, loc, emitExtractScalar(b, loc, index),
                         getElementTypeOrSelf(stablehloIndexTypes[d]),
                         operandType.getDimSize(d), sizes[d]));
  bounds.sizes = getAsIndexOpFoldResult(b.getContext(), sizes);
  bounds.strides.assign(sizes.size(), b.getIndexAttr(1));
  return bounds;
}

/// Rewrites stablehlo.dynamic_slice into a tensor.extract_slice at the
/// clamped start indices.
struct DynamicSliceToExtractSlice
    : public OpConversionPattern<shlo::DynamicSliceOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(shlo::DynamicSliceOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (failed(requireStaticShapes(rewriter, op, op->getOperandTypes())))
      return failure();
    RankedTensorType resultType = getStorageType(op.getType());
    Location loc = op.getLoc();
    if (resultType.getNumElements() == 0) {
      rewriter.replaceOp(op, emitEmptyTensor(rewriter, loc, resultType));
      return success();
    }
    DynamicSliceBounds bounds =
        emitDynamicSliceBounds(rewriter, loc, adaptor.getStartIndices(),
                               op.getStartIndices().getTypes(),
                               op.getOperand().getType(), op.getSliceSizes());
    rewriter.replaceOpWithNewOp<tensor::ExtractSliceOp>(
        op, resultType, adaptor.getOperand(), bounds.offsets, bounds.sizes,
        bounds.strides);
    return success();
  }
};

/// Rewrites stablehlo.dynamic_update_slice into a tensor.insert_slice at
/// the clamped start indices.
struct DynamicUpdateSliceToInsertSlice
    : public OpConversionPattern<shlo::DynamicUpdateSliceOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(shlo::DynamicUpdateSliceOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (failed(requireStaticShapes(rewriter, op, op->getOperandTypes())))
      return failure();
    RankedTensorType updateType = op.getUpdate().getType();
    if (updateType.getNumElements() == 0) {
      rewriter.replaceOp(op, adaptor.getOperand());
      return success();
    }
    DynamicSliceBounds bounds = emitDynamicSliceBounds(
        rewriter, op.getLoc(), adaptor.getStartIndices(),
        op.getStartIndices().getTypes(), op.getOperand().getType(),
        updateType.getShape());
    rewriter.replaceOpWithNewOp<tensor::InsertSliceOp>(
        op, adaptor.getUpdate(), adaptor.getOperand(), bounds.offsets,
        bounds.sizes, bounds.strides);
    return success();
  }
};

/// Rewrites stablehlo.pad into a linalg.fill of the padded shape (negative
/// edges counted as 0), a tensor.insert_slice of the operand with stride
/// interior + 1, and a tensor.extract_slice that crops negative edges.
struct PadToFillAndInsert : public OpConversionPattern<shlo::PadOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(shlo::PadOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (failed(requireStaticShapes(rewriter, op,
                                   {op.getType(), op.getOperand().getType()})))
      return failure();
    Value padValue =
        emitExtractScalar(rewriter, op.getLoc(), adaptor.getPaddingValue());
    rewriter.replaceOp(
        op, emitPaddedTensor(rewriter, op.getLoc(), adaptor.getOperand(),
                             padValue, op.getEdgePaddingLow(),
                             op.getEdgePaddingHigh(), op.getInteriorPadding(),
                             cast<RankedTensorType>(op.getType())));
    return success();
  }
};

/// Rewrites stablehlo.reverse into a linalg.generic that reads index
/// `size - 1 - i` along the reversed dimensions.
struct ReverseToGeneric : public OpConversionPattern<shlo::ReverseOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(shlo::ReverseOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (failed(requireStaticShapes(rewriter, op, {op.getType()})))
      return failure();
    rewriter.replaceOp(op, emitReversedTensor(rewriter, op.getLoc(),
                                              adaptor.getOperand(),
                                              op.getDimensions()));
    return success();
  }
};

/// `value` (a scalar) as the signless integer of its width.
static Value emitAsInteger(OpBuilder &b, Location loc, Value value) {
  Type type = value.getType();
  if (isa<IntegerType>(type))
    return value;
  return arith::BitcastOp::create(
      b, loc, b.getIntegerType(type.getIntOrFloatBitWidth()), value);
}

/// Integer scalar `value` as scalar type `type` of the same width.
static Value emitFromInteger(OpBuilder &b, Location loc, Value value,
                             Type type) {
  if (value.getType() == type)
    return value;
  return arith::BitcastOp::create(b, loc, type, value);
}

/// Rewrites stablehlo.bitcast_convert: elementwise arith.bitcast for equal
/// widths; a narrower result reads the operand element of its index
/// without the last dim and keeps bits [k * width, (k + 1) * width) (k the
/// last index); a wider result ors the operand's last dim together, element
/// k shifted left by k * its width, in a reduction.
struct BitcastConvertToGeneric
    : public OpConversionPattern<shlo::BitcastConvertOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(shlo::BitcastConvertOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (failed(requireStaticShapes(rewriter, op,
                                   {op.getType(), op.getOperand().getType()})))
      return failure();
    Location loc = op.getLoc();
    MLIRContext *ctx = rewriter.getContext();
    RankedTensorType resultType = getStorageType(op.getType());
    Type resultElement = resultType.getElementType();
    Value operand = adaptor.getOperand();
    auto operandType = cast<RankedTensorType>(operand.getType());
    if (operandType == resultType) {
      rewriter.replaceOp(op, operand);
      return success();
    }
    if (isa<ComplexType>(operandType.getElementType()) ||
        isa<ComplexType>(resultElement))
      return rewriter.notifyMatchFailure(op, "complex bitcast");
    unsigned fromWidth = operandType.getElementTypeBitWidth();
    unsigned toWidth = resultType.getElementTypeBitWidth();
    int64_t rank = resultType.getRank();

    if (fromWidth == toWidth) {
      auto generic = emitParallelGeneric(
          rewriter, loc, resultType, operand,
          rewriter.getMultiDimIdentityMap(rank),
          [&](OpBuilder &b, Location l, ValueRange args) -> Value {
            return arith::BitcastOp::create(b, l, resultElement, args[0]);
          });
      rewriter.replaceOp(op, generic.getResults());
      return success();
    }

    if (fromWidth > toWidth) {
      AffineMap dropLast =
          AffineMap::getMultiDimIdentityMap(rank, ctx).getMajorSubMap(rank - 1);
      auto generic = emitParallelGeneric(
          rewriter, loc, resultType, operand, dropLast,
          [&](OpBuilder &b, Location l, ValueRange args) -> Value {
            Value bits = emitAsInteger(b, l, args[0]);
            Value part = arith::IndexCastOp::create(
                b, l, bits.getType(), linalg::IndexOp::create(b, l, rank - 1));
            Value shift = arith::MulIOp::create(
                b, l, part,
                arith::ConstantIntOp::create(b, l, bits.getType(), toWidth));
            Value shifted = arith::ShRUIOp::create(b, l, bits, shift);
            Value truncated = arith::TruncIOp::create(
                b, l, b.getIntegerType(toWidth), shifted);
            return emitFromInteger(b, l, truncated, resultElement);
          });
      rewriter.replaceOp(op, generic.getResults());
      return success();
    }

    Type wideInt = rewriter.getIntegerType(toWidth);
    auto accType = RankedTensorType::get(resultType.getShape(), wideInt);
    Value init = emitFilledTensor(
        rewriter, loc, accType,
        arith::ConstantIntOp::create(rewriter, loc, wideInt, 0));
    SmallVector<AffineMap> maps = {
        AffineMap::getMultiDimIdentityMap(rank + 1, ctx),
        AffineMap::getMultiDimIdentityMap(rank + 1, ctx).getMajorSubMap(rank)};
    SmallVector<utils::IteratorType> iterators(rank,
                                               utils::IteratorType::parallel);
    iterators.push_back(utils::IteratorType::reduction);
    auto combine = linalg::GenericOp::create(
        rewriter, loc, accType, operand, init, maps, iterators,
        [&](OpBuilder &b, Location l, ValueRange args) {
          Value part = arith::ExtUIOp::create(b, l, wideInt,
                                              emitAsInteger(b, l, args[0]));
          Value index = arith::IndexCastOp::create(
              b, l, wideInt, linalg::IndexOp::create(b, l, rank));
          Value shift = arith::MulIOp::create(
              b, l, index,
              arith::ConstantIntOp::create(b, l, wideInt, fromWidth));
          Value placed = arith::ShLIOp::create(b, l, part, shift);
          linalg::YieldOp::create(
              b, l, Value(arith::OrIOp::create(b, l, args[1], placed)));
        });
    Value result = combine.getResult(0);
    if (resultElement != wideInt)
      result =
          emitParallelGeneric(
              rewriter, loc, resultType, result,
              rewriter.getMultiDimIdentityMap(rank),
              [&](OpBuilder &b, Location l, ValueRange args) -> Value {
                return arith::BitcastOp::create(b, l, resultElement, args[0]);
              })
              .getResult(0);
    rewriter.replaceOp(op, result);
    return success();
  }
};

} // namespace

void stablehlo_lowering::populateDataMovementPatterns(
    const TypeConverter &typeConverter, RewritePatternSet &patterns) {
  patterns.add<ConstantToArith, IotaToGeneric, BroadcastInDimToGeneric,
               ReshapeToCollapseExpand, TransposeToLinalg,
               ConcatenateToInsertSlices, SliceToExtractSlice,
               DynamicSliceToExtractSlice, DynamicUpdateSliceToInsertSlice,
               PadToFillAndInsert, ReverseToGeneric, BitcastConvertToGeneric>(
      typeConverter, patterns.getContext());
}
