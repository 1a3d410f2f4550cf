//===- Gather.cpp - stablehlo.gather to linalg.generic --------------------===//
//
// A gather is one parallel linalg.generic over the result: each element
// reads its start index from the indices and the operand element it
// copies, both with tensor.extract, the arithmetic being StableHLO's
// (start indices clamped so that the slice fits). Embedding lookups take
// this path.
//
//===----------------------------------------------------------------------===//

#include "PopulatePatterns.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Transforms/DialectConversion.h"
#include "yat/Dialect/StableHLO/IR/Stablehlo.h"

#define DEBUG_TYPE "convert-stablehlo-to-linalg"

using namespace mlir;
using namespace mlir::yat;
using namespace mlir::yat::stablehlo_lowering;
namespace shlo = mlir::yat::stablehlo;

Value stablehlo_lowering::emitStartIndexComponent(OpBuilder &b, Location loc,
                                                  Value indices,
                                                  ValueRange batchIndex,
                                                  int64_t indexVectorDim,
                                                  int64_t k) {
  int64_t rank = cast<RankedTensorType>(indices.getType()).getRank();
  SmallVector<Value> coordinates;
  size_t next = 0;
  for (int64_t d = 0; d < rank; ++d)
    coordinates.push_back(
        d == indexVectorDim
            ? arith::ConstantIndexOp::create(b, loc, k).getResult()
            : batchIndex[next++]);
  return tensor::ExtractOp::create(b, loc, indices, coordinates);
}

SmallVector<int64_t>
stablehlo_lowering::getWindowDims(int64_t rank, ArrayRef<int64_t> windowless,
                                  ArrayRef<int64_t> batching) {
  SmallVector<int64_t> dims;
  for (int64_t d = 0; d < rank; ++d)
    if (!llvm::is_contained(windowless, d) && !llvm::is_contained(batching, d))
      dims.push_back(d);
  return dims;
}

SmallVector<Value> stablehlo_lowering::emitWindowedIndex(
    OpBuilder &b, Location loc, ArrayRef<Value> start,
    ArrayRef<int64_t> windowDims, ValueRange windowIndex) {
  SmallVector<Value> index(start);
  for (auto [dim, offset] : llvm::zip(windowDims, windowIndex))
    index[dim] =
        index[dim] ? arith::AddIOp::create(b, loc, index[dim], offset) : offset;
  Value zero;
  for (Value &entry : index)
    if (!entry)
      entry = zero ? zero : (zero = arith::ConstantIndexOp::create(b, loc, 0));
  return index;
}

namespace {

/// Rewrites a gather of whole rows (an embedding lookup: one index per
/// result position into dim 0 of the operand, each slice all of the
/// operand's other dims, placed as the result's trailing dims) into an
/// scf.forall over the result positions that copies one clamped row each:
/// the copies bufferize to contiguous row copies instead of an element
/// loop with one scalar load per element.
struct GatherRowsToForall : public OpConversionPattern<shlo::GatherOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(shlo::GatherOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (failed(requireStaticShapes(rewriter, op, op->getOperandTypes())))
      return failure();
    shlo::GatherDimensionNumbersAttr dims = op.getDimensionNumbers();
    RankedTensorType operandType = op.getOperand().getType();
    auto indicesType = cast<RankedTensorType>(op.getStartIndices().getType());
    RankedTensorType resultType = op.getType();
    int64_t operandRank = operandType.getRank();
    int64_t numPositions = resultType.getRank() - (operandRank - 1);
    int64_t indexVectorDim = dims.getIndexVectorDim();
    bool oneIndexPerPosition = indexVectorDim == indicesType.getRank() ||
                               (indexVectorDim == indicesType.getRank() - 1 &&
                                indicesType.getShape().back() == 1);
    SmallVector<int64_t> trailing =
        llvm::to_vector(llvm::seq<int64_t>(numPositions, resultType.getRank()));
    SmallVector<int64_t> rowSizes(operandType.getShape().drop_front());
    if (operandRank < 2 || numPositions < 1 || !oneIndexPerPosition ||
        !dims.getOperandBatchingDims().empty() ||
        dims.getCollapsedSliceDims() != ArrayRef<int64_t>{0} ||
        dims.getStartIndexMap() != ArrayRef<int64_t>{0} ||
        dims.getOffsetDims() != ArrayRef<int64_t>(trailing) ||
        op.getSliceSizes().front() != 1 ||
        op.getSliceSizes().drop_front() != ArrayRef<int64_t>(rowSizes) ||
        isa<ComplexType>(operandType.getElementType()))
      return rewriter.notifyMatchFailure(op, "not a gather of whole rows");

    Location loc = op.getLoc();
    Value operand = adaptor.getOperand();
    Value indices = adaptor.getStartIndices();
    Type indexElement = indicesType.getElementType();
    SmallVector<OpFoldResult> positions;
    for (int64_t size : resultType.getShape().take_front(numPositions))
      positions.push_back(rewriter.getIndexAttr(size));
    Value init = emitEmptyTensor(rewriter, loc, getStorageType(resultType));
    auto rowType = RankedTensorType::get(
        rowSizes, getStorageType(resultType).getElementType());
    auto forall = scf::ForallOp::create(
        rewriter, loc, positions, ValueRange{init}, std::nullopt,
        [&](OpBuilder &b, Location l, ValueRange args) {
          ValueRange position = args.take_front(numPositions);
          Value out = args.back();
          Value start = emitStartIndexComponent(b, l, indices, position,
                                                indexVectorDim, 0);
          Value row = emitClampedStart(b, l, start, indexElement,
                                       operandType.getDimSize(0), 1);
          SmallVector<OpFoldResult> one(operandRank, b.getIndexAttr(1));
          SmallVector<OpFoldResult> offsets(operandRank, b.getIndexAttr(0));
          offsets[0] = row;
          SmallVector<OpFoldResult> sizes = {b.getIndexAttr(1)};
          for (int64_t size : rowSizes)
            sizes.push_back(b.getIndexAttr(size));
          Value slice = tensor::ExtractSliceOp::create(b, l, rowType, operand,
                                                       offsets, sizes, one);
          SmallVector<OpFoldResult> outOffsets(position.begin(),
                                               position.end());
          SmallVector<OpFoldResult> outSizes(numPositions, b.getIndexAttr(1));
          for (int64_t size : rowSizes) {
            outOffsets.push_back(b.getIndexAttr(0));
            outSizes.push_back(b.getIndexAttr(size));
          }
          SmallVector<OpFoldResult> outStrides(resultType.getRank(),
                                               b.getIndexAttr(1));
          auto inParallel = scf::InParallelOp::create(b, l);
          OpBuilder::InsertionGuard guard(b);
          b.setInsertionPointToStart(inParallel.getBody());
          tensor::ParallelInsertSliceOp::create(b, l, slice, out, outOffsets,
                                                outSizes, outStrides);
        });
    rewriter.replaceOp(op, forall.getResults());
    return success();
  }
};

struct GatherToGeneric : public OpConversionPattern<shlo::GatherOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(shlo::GatherOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (failed(requireStaticShapes(rewriter, op, op->getOperandTypes())))
      return failure();
    shlo::GatherDimensionNumbersAttr dims = op.getDimensionNumbers();
    RankedTensorType operandType = op.getOperand().getType();
    RankedTensorType resultType = op.getType();
    int64_t indexVectorDim = dims.getIndexVectorDim();
    ArrayRef<int64_t> offsetDims = dims.getOffsetDims();
    ArrayRef<int64_t> sliceSizes = op.getSliceSizes();
    Value operand = adaptor.getOperand();
    Value indices = adaptor.getStartIndices();
    // Operand dims that keep a window, in the order of offset_dims.
    SmallVector<int64_t> windowOperandDims =
        getWindowDims(operandType.getRank(), dims.getCollapsedSliceDims(),
                      dims.getOperandBatchingDims());

    auto generic = emitParallelGeneric(
        rewriter, op.getLoc(), resultType, /*inputs=*/{}, /*inputMaps=*/{},
        [&](OpBuilder &b, Location loc, ValueRange) -> Value {
          SmallVector<Value> resultIndex, batchIndex;
          for (int64_t d = 0; d < resultType.getRank(); ++d) {
            resultIndex.push_back(linalg::IndexOp::create(b, loc, d));
            if (!llvm::is_contained(offsetDims, d))
              batchIndex.push_back(resultIndex.back());
          }
          SmallVector<Value> operandIndex(operandType.getRank());
          for (auto [k, operandDim] :
               llvm::enumerate(dims.getStartIndexMap())) {
            Value start = emitStartIndexComponent(b, loc, indices, batchIndex,
                                                  indexVectorDim, k);
            operandIndex[operandDim] = emitClampedStart(
                b, loc, start, op.getStartIndices().getType().getElementType(),
                operandType.getDimSize(operandDim), sliceSizes[operandDim]);
          }
          for (auto [operandDim, indicesDim] :
               llvm::zip(dims.getOperandBatchingDims(),
                         dims.getStartIndicesBatchingDims()))
            operandIndex[operandDim] =
                batchIndex[getBatchPosition(indicesDim, indexVectorDim)];
          SmallVector<Value> offsets;
          for (int64_t resultDim : offsetDims)
            offsets.push_back(resultIndex[resultDim]);
          operandIndex = emitWindowedIndex(b, loc, operandIndex,
                                           windowOperandDims, offsets);
          return tensor::ExtractOp::create(b, loc, operand, operandIndex);
        });
    rewriter.replaceOp(op, generic.getResults());
    return success();
  }
};

} // namespace

void stablehlo_lowering::populateGatherPatterns(
    const TypeConverter &typeConverter, RewritePatternSet &patterns) {
  patterns.add<GatherRowsToForall>(typeConverter, patterns.getContext(),
                                   /*benefit=*/2);
  patterns.add<GatherToGeneric>(typeConverter, patterns.getContext());
}
