//===- DotGeneral.cpp - stablehlo.dot_general to linalg -------------------===//
//
// Float dot_generals whose sums accumulate in f32 become one linalg.matmul or
// linalg.batch_matmul on operands brought to matrix layout, which the CPU
// code generator tiles, parallelizes and turns into register-tiled kernels.
// Every other dot_general is one linalg.generic contraction.
//
//===----------------------------------------------------------------------===//

#include "PopulatePatterns.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Utils/StructuredOpsUtils.h"
#include "mlir/IR/AffineMap.h"
#include "mlir/Transforms/DialectConversion.h"
#include "yat/Dialect/StableHLO/IR/Stablehlo.h"

#define DEBUG_TYPE "convert-stablehlo-to-linalg"

using namespace mlir;
using namespace mlir::yat;
using namespace mlir::yat::stablehlo_lowering;
namespace shlo = mlir::yat::stablehlo;

namespace {

/// The dims of one dot_general operand by role, each list in the order that
/// pairs it with the other operand (batch and contracting) or in which it
/// appears in the result (free).
struct OperandDims {
  SmallVector<int64_t> batch, free, contracting;

  /// The dims of the left and the right operand of `op`.
  static std::pair<OperandDims, OperandDims>
  ofDotGeneral(shlo::DotGeneralOp op) {
    shlo::DotDimensionNumbersAttr numbers = op.getDotDimensionNumbers();
    return {OperandDims(op.getLhs().getType().getRank(),
                        numbers.getLhsBatchingDimensions(),
                        numbers.getLhsContractingDimensions()),
            OperandDims(op.getRhs().getType().getRank(),
                        numbers.getRhsBatchingDimensions(),
                        numbers.getRhsContractingDimensions())};
  }

  OperandDims(int64_t rank, ArrayRef<int64_t> batchDims,
              ArrayRef<int64_t> contractingDims)
      : batch(batchDims), contracting(contractingDims) {
    for (int64_t d = 0; d < rank; ++d)
      if (!llvm::is_contained(batchDims, d) &&
          !llvm::is_contained(contractingDims, d))
        free.push_back(d);
  }
};

/// The loop maps of the dot_general as one generic contraction with loops
/// (batch..., lhs free..., rhs free..., contracting...).
SmallVector<AffineMap>
getContractionMaps(MLIRContext *ctx, const OperandDims &lhs, int64_t lhsRank,
                   const OperandDims &rhs, int64_t rhsRank) {
  int64_t numBatch = lhs.batch.size();
  int64_t numParallel = numBatch + lhs.free.size() + rhs.free.size();
  int64_t numLoops = numParallel + lhs.contracting.size();
  auto operandMap = [&](int64_t rank, const OperandDims &dims,
                        int64_t freeOffset) {
    SmallVector<AffineExpr> exprs(rank);
    for (auto [i, d] : llvm::enumerate(dims.batch))
      exprs[d] = getAffineDimExpr(i, ctx);
    for (auto [i, d] : llvm::enumerate(dims.free))
      exprs[d] = getAffineDimExpr(freeOffset + i, ctx);
    for (auto [i, d] : llvm::enumerate(dims.contracting))
      exprs[d] = getAffineDimExpr(numParallel + i, ctx);
    return AffineMap::get(numLoops, 0, exprs, ctx);
  };
  return {operandMap(lhsRank, lhs, numBatch),
          operandMap(rhsRank, rhs, numBatch + lhs.free.size()),
          AffineMap::getMultiDimIdentityMap(numLoops, ctx)
              .getSliceMap(0, numParallel)};
}

/// Reassociation groups of consecutive dims, one per non-zero size.
SmallVector<ReassociationIndices>
getConsecutiveGroups(ArrayRef<int64_t> groupSizes) {
  SmallVector<ReassociationIndices> groups;
  int64_t next = 0;
  for (int64_t size : groupSizes) {
    if (size == 0)
      continue;
    groups.push_back(llvm::to_vector<2>(llvm::seq<int64_t>(next, next + size)));
    next += size;
  }
  return groups;
}

/// `value` with its dims permuted to `order` (a linalg.transpose, or
/// `value` itself for the identity order), then collapsed into one dim per
/// non-empty group of `groupSizes` consecutive dims.
Value emitMatrixLayout(OpBuilder &b, Location loc, Value value,
                       ArrayRef<int64_t> order, ArrayRef<int64_t> groupSizes) {
  auto type = cast<RankedTensorType>(value.getType());
  SmallVector<int64_t> identity =
      llvm::to_vector(llvm::seq<int64_t>(0, type.getRank()));
  if (ArrayRef<int64_t>(order) != ArrayRef<int64_t>(identity)) {
    SmallVector<int64_t> shape;
    for (int64_t d : order)
      shape.push_back(type.getDimSize(d));
    Value init = tensor::EmptyOp::create(b, loc, shape, type.getElementType());
    value =
        linalg::TransposeOp::create(b, loc, value, init, order)->getResult(0);
  }
  SmallVector<ReassociationIndices> groups = getConsecutiveGroups(groupSizes);
  if (static_cast<int64_t>(groups.size()) == type.getRank())
    return value;
  return tensor::CollapseShapeOp::create(b, loc, value, groups);
}

/// Rewrites a float stablehlo.dot_general that accumulates in f32 and has
/// at least one free dim on each side and one contracting dim into
/// `linalg.matmul` (no batch dims) or `linalg.batch_matmul`: the left
/// operand as (batch, M, K), the right one as (batch, K, N) or, when that
/// is its layout already, (batch, N, K) through transposed indexing maps.
/// Operands in other layouts are transposed first; groups of several dims
/// are collapsed into one, and the result is expanded back.
struct DotGeneralToMatmul : public OpConversionPattern<shlo::DotGeneralOp> {
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
    Type inputElement = lhsType.getElementType();
    Type resultElement = resultType.getElementType();
    if (!isa<FloatType>(inputElement) ||
        rhsType.getElementType() != inputElement ||
        !getAccumulatorType(inputElement, resultElement).isF32())
      return rewriter.notifyMatchFailure(
          op, "operands are not floats of one type accumulating in f32");
    auto [lhs, rhs] = OperandDims::ofDotGeneral(op);
    if (lhs.free.empty() || rhs.free.empty() || lhs.contracting.empty())
      return rewriter.notifyMatchFailure(
          op, "not a matrix product (a side has no free dim or nothing is "
              "contracted)");

    Location loc = op.getLoc();
    int64_t numBatch = lhs.batch.size();
    SmallVector<int64_t> lhsOrder = llvm::to_vector(
        llvm::concat<int64_t>(lhs.batch, lhs.free, lhs.contracting));
    Value lhsMatrix =
        emitMatrixLayout(rewriter, loc, adaptor.getLhs(), lhsOrder,
                         {numBatch, static_cast<int64_t>(lhs.free.size()),
                          static_cast<int64_t>(lhs.contracting.size())});

    // The right operand keeps an (N, K) layout when it has one (x @ w.T).
    // Otherwise it is brought to (K, N), unless (N, K) keeps its innermost
    // dim innermost: a transpose that moves whole rows is the cheaper copy.
    int64_t rhsRank = rhsType.getRank();
    SmallVector<int64_t> rhsNK = llvm::to_vector(
        llvm::concat<int64_t>(rhs.batch, rhs.free, rhs.contracting));
    SmallVector<int64_t> rhsKN = llvm::to_vector(
        llvm::concat<int64_t>(rhs.batch, rhs.contracting, rhs.free));
    auto isIdentity = [&](ArrayRef<int64_t> order) {
      return llvm::equal(order, llvm::seq<int64_t>(0, rhsRank));
    };
    bool transposedRhs = isIdentity(rhsNK) ||
                         (!isIdentity(rhsKN) && rhsNK.back() == rhsRank - 1);
    ArrayRef<int64_t> rhsOrder = transposedRhs ? rhsNK : rhsKN;
    SmallVector<int64_t> rhsGroups = {
        numBatch, static_cast<int64_t>(rhs.free.size()),
        static_cast<int64_t>(rhs.contracting.size())};
    if (!transposedRhs)
      std::swap(rhsGroups[1], rhsGroups[2]);
    Value rhsMatrix =
        emitMatrixLayout(rewriter, loc, adaptor.getRhs(), rhsOrder, rhsGroups);

    // The product in f32, in matrix layout.
    auto lhsMatrixType = cast<RankedTensorType>(lhsMatrix.getType());
    auto rhsMatrixType = cast<RankedTensorType>(rhsMatrix.getType());
    SmallVector<int64_t> productShape(lhsMatrixType.getShape().drop_back());
    productShape.push_back(
        rhsMatrixType.getDimSize(transposedRhs ? rhsMatrixType.getRank() - 2
                                               : rhsMatrixType.getRank() - 1));
    Type f32 = rewriter.getF32Type();
    auto productType = RankedTensorType::get(productShape, f32);
    Value init = emitFilledTensor(rewriter, loc, productType,
                                  emitZero(rewriter, loc, f32));
    MLIRContext *ctx = rewriter.getContext();
    int64_t numLoops = numBatch > 0 ? 4 : 3;
    auto map = [&](ArrayRef<int64_t> dims) {
      SmallVector<AffineExpr> exprs;
      for (int64_t d : dims)
        exprs.push_back(getAffineDimExpr(d, ctx));
      return AffineMap::get(numLoops, 0, exprs, ctx);
    };
    // Loops (batch,) m, n, k.
    int64_t b = 0, m = numLoops - 3, n = numLoops - 2, k = numLoops - 1;
    SmallVector<int64_t> batchDim =
        numBatch > 0 ? SmallVector<int64_t>{b} : SmallVector<int64_t>{};
    auto withBatch = [&](ArrayRef<int64_t> dims) {
      return map(llvm::to_vector(llvm::concat<const int64_t>(batchDim, dims)));
    };
    NamedAttribute maps = rewriter.getNamedAttr(
        "indexing_maps",
        rewriter.getAffineMapArrayAttr(
            {withBatch({m, k}),
             withBatch(transposedRhs ? SmallVector<int64_t>{n, k}
                                     : SmallVector<int64_t>{k, n}),
             withBatch({m, n})}));
    Value product;
    SmallVector<Value> inputs = {lhsMatrix, rhsMatrix};
    if (numBatch > 0)
      product =
          linalg::BatchMatmulOp::create(rewriter, loc, TypeRange{productType},
                                        inputs, ValueRange{init}, {maps})
              ->getResult(0);
    else
      product = linalg::MatmulOp::create(rewriter, loc, TypeRange{productType},
                                         inputs, ValueRange{init}, {maps})
                    ->getResult(0);

    // Back to the result's element type and shape.
    if (resultElement != f32)
      product = emitConvertedTensor(
          rewriter, loc, product, f32,
          RankedTensorType::get(productShape, resultElement));
    SmallVector<ReassociationIndices> resultGroups =
        getConsecutiveGroups({numBatch, static_cast<int64_t>(lhs.free.size()),
                              static_cast<int64_t>(rhs.free.size())});
    if (static_cast<int64_t>(resultGroups.size()) != resultType.getRank())
      product = tensor::ExpandShapeOp::create(
          rewriter, loc, getStorageType(resultType), product, resultGroups);
    rewriter.replaceOp(op, product);
    return success();
  }
};

/// Rewrites any other stablehlo.dot_general into one linalg.generic
/// contraction with loops (batch..., lhs free..., rhs free...,
/// contracting...).
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
    auto [lhs, rhs] = OperandDims::ofDotGeneral(op);
    SmallVector<AffineMap> maps = getContractionMaps(
        rewriter.getContext(), lhs, lhsType.getRank(), rhs, rhsType.getRank());
    int64_t numParallel = maps[2].getNumResults();
    SmallVector<utils::IteratorType> iterators(numParallel,
                                               utils::IteratorType::parallel);
    iterators.append(lhs.contracting.size(), utils::IteratorType::reduction);
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
  // The matrix form is tried first; the generic contraction is the fallback.
  patterns.add<DotGeneralToMatmul>(typeConverter, patterns.getContext(),
                                   /*benefit=*/2);
  patterns.add<DotGeneralToGeneric>(typeConverter, patterns.getContext());
}
