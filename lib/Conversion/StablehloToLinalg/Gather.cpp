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
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Transforms/DialectConversion.h"
#include "yat/Dialect/StableHLO/IR/Stablehlo.h"

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
  patterns.add<GatherToGeneric>(typeConverter, patterns.getContext());
}
