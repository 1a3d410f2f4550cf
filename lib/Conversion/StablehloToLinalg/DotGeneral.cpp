//===- DotGeneral.cpp - stablehlo.dot_general to linalg -------------------===//

#include "PopulatePatterns.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Utils/StructuredOpsUtils.h"
#include "mlir/IR/AffineMap.h"
#include "mlir/Transforms/DialectConversion.h"
#include "yat/Dialect/StableHLO/IR/Stablehlo.h"

using namespace mlir;
using namespace mlir::yat;
using namespace mlir::yat::stablehlo_lowering;
namespace shlo = mlir::yat::stablehlo;

namespace {

/// Rewrites stablehlo.dot_general into one linalg.generic contraction with
/// loops (batch..., lhs free..., rhs free..., contracting...). Operands are
/// converted to the accumulator type in the body (f32 for f16/bf16, the
/// result type for integers) and the sum is rounded to the result type by a
/// second elementwise linalg.generic when the two differ.
struct DotGeneralToGeneric : public OpConversionPattern<shlo::DotGeneralOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(shlo::DotGeneralOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto lhsType = cast<RankedTensorType>(op.getLhs().getType());
    auto rhsType = cast<RankedTensorType>(op.getRhs().getType());
    auto resultType = cast<RankedTensorType>(op.getType());
    if (failed(
            requireStaticShapes(rewriter, op, {lhsType, rhsType, resultType})))
      return failure();
    MLIRContext *ctx = rewriter.getContext();
    shlo::DotDimensionNumbersAttr dims = op.getDotDimensionNumbers();
    ArrayRef<int64_t> lhsBatch = dims.getLhsBatchingDimensions();
    ArrayRef<int64_t> rhsBatch = dims.getRhsBatchingDimensions();
    ArrayRef<int64_t> lhsContract = dims.getLhsContractingDimensions();
    ArrayRef<int64_t> rhsContract = dims.getRhsContractingDimensions();

    auto freeDims = [](int64_t rank, ArrayRef<int64_t> batch,
                       ArrayRef<int64_t> contract) {
      SmallVector<int64_t> free;
      for (int64_t d = 0; d < rank; ++d)
        if (!llvm::is_contained(batch, d) && !llvm::is_contained(contract, d))
          free.push_back(d);
      return free;
    };
    SmallVector<int64_t> lhsFree =
        freeDims(lhsType.getRank(), lhsBatch, lhsContract);
    SmallVector<int64_t> rhsFree =
        freeDims(rhsType.getRank(), rhsBatch, rhsContract);
    int64_t numBatch = lhsBatch.size();
    int64_t numParallel = numBatch + lhsFree.size() + rhsFree.size();
    int64_t numLoops = numParallel + lhsContract.size();

    // Loop index of each operand dimension.
    auto operandMap = [&](int64_t rank, ArrayRef<int64_t> batch,
                          ArrayRef<int64_t> contract, ArrayRef<int64_t> free,
                          int64_t freeOffset) {
      SmallVector<AffineExpr> exprs(rank);
      for (auto [i, d] : llvm::enumerate(batch))
        exprs[d] = rewriter.getAffineDimExpr(i);
      for (auto [i, d] : llvm::enumerate(free))
        exprs[d] = rewriter.getAffineDimExpr(freeOffset + i);
      for (auto [i, d] : llvm::enumerate(contract))
        exprs[d] = rewriter.getAffineDimExpr(numParallel + i);
      return AffineMap::get(numLoops, 0, exprs, ctx);
    };
    SmallVector<AffineExpr> outputExprs;
    for (int64_t i = 0; i < numParallel; ++i)
      outputExprs.push_back(rewriter.getAffineDimExpr(i));
    SmallVector<AffineMap> maps = {
        operandMap(lhsType.getRank(), lhsBatch, lhsContract, lhsFree, numBatch),
        operandMap(rhsType.getRank(), rhsBatch, rhsContract, rhsFree,
                   numBatch + lhsFree.size()),
        AffineMap::get(numLoops, 0, outputExprs, ctx)};
    SmallVector<utils::IteratorType> iterators(numParallel,
                                               utils::IteratorType::parallel);
    iterators.append(lhsContract.size(), utils::IteratorType::reduction);

    // An f32 matrix product (x @ w or x @ w^T, as JAX exports dense layers)
    // is a linalg.matmul with the same maps, which yat-cpu-microkernels
    // turns into its register-tiled kernel; everything else stays one
    // generic contraction.
    Type f32 = rewriter.getF32Type();
    if (numBatch == 0 && lhsType.getRank() == 2 && rhsType.getRank() == 2 &&
        lhsContract.size() == 1 && lhsType.getElementType() == f32 &&
        rhsType.getElementType() == f32 && resultType.getElementType() == f32) {
      Value init = emitFilledTensor(rewriter, op.getLoc(), resultType,
                                    emitZero(rewriter, op.getLoc(), f32));
      rewriter.replaceOpWithNewOp<linalg::MatmulOp>(
          op, TypeRange{resultType},
          ValueRange{adaptor.getLhs(), adaptor.getRhs()}, ValueRange{init},
          ArrayRef<NamedAttribute>{rewriter.getNamedAttr(
              "indexing_maps", rewriter.getAffineMapArrayAttr(maps))});
      return success();
    }

    rewriter.replaceOp(op, emitContraction(rewriter, op.getLoc(),
                                           adaptor.getLhs(), adaptor.getRhs(),
                                           lhsType.getElementType(), maps,
                                           iterators, resultType));
    return success();
  }
};

} // namespace

void stablehlo_lowering::populateDotGeneralPatterns(
    const TypeConverter &typeConverter, RewritePatternSet &patterns) {
  patterns.add<DotGeneralToGeneric>(typeConverter, patterns.getContext());
}
