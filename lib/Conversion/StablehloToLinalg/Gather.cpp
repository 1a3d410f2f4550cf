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
    int64_t indicesRank = op.getStartIndices().getType().getRank();
    int64_t indexVectorDim = dims.getIndexVectorDim();
    ArrayRef<int64_t> offsetDims = dims.getOffsetDims();
    ArrayRef<int64_t> sliceSizes = op.getSliceSizes();
    Value operand = adaptor.getOperand();
    Value indices = adaptor.getStartIndices();

    // Operand dims that keep a window, in the order of offset_dims.
    SmallVector<int64_t> windowOperandDims;
    for (int64_t d = 0; d < operandType.getRank(); ++d)
      if (!llvm::is_contained(dims.getCollapsedSliceDims(), d) &&
          !llvm::is_contained(dims.getOperandBatchingDims(), d))
        windowOperandDims.push_back(d);

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
            SmallVector<Value> coordinates;
            size_t next = 0;
            for (int64_t d = 0; d < indicesRank; ++d)
              coordinates.push_back(
                  d == indexVectorDim
                      ? arith::ConstantIndexOp::create(b, loc, k).getResult()
                      : batchIndex[next++]);
            Value start =
                tensor::ExtractOp::create(b, loc, indices, coordinates);
            operandIndex[operandDim] = emitClampedStart(
                b, loc, start, operandType.getDimSize(operandDim),
                sliceSizes[operandDim]);
          }
          for (auto [operandDim, indicesDim] :
               llvm::zip(dims.getOperandBatchingDims(),
                         dims.getStartIndicesBatchingDims())) {
            // The index vector dim is not a batch dim of the result.
            int64_t position =
                indicesDim - (indicesDim > indexVectorDim ? 1 : 0);
            operandIndex[operandDim] = batchIndex[position];
          }
          for (auto [resultDim, operandDim] :
               llvm::zip(offsetDims, windowOperandDims)) {
            Value offset = resultIndex[resultDim];
            operandIndex[operandDim] =
                operandIndex[operandDim]
                    ? arith::AddIOp::create(b, loc, operandIndex[operandDim],
                                            offset)
                    : offset;
          }
          for (Value &entry : operandIndex)
            if (!entry)
              entry = arith::ConstantIndexOp::create(b, loc, 0);
          return tensor::ExtractOp::create(b, loc, operand, operandIndex);
        });
    rewriter.replaceOp(op, generic.getResults());
    return success();
  }
};

} // namespace

void stablehlo_lowering::populateGatherPatterns(RewritePatternSet &patterns) {
  patterns.add<GatherToGeneric>(patterns.getContext());
}
