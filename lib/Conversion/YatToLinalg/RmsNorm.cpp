//===- RmsNorm.cpp - lower yat.rms_norm to linalg -------------------------===//

#include "LoweringUtils.h"
#include "PopulatePatterns.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/PatternMatch.h"
#include "yat/Dialect/Yat/IR/Yat.h"

#define DEBUG_TYPE "convert-yat-to-linalg"

using namespace mlir;
using namespace mlir::yat;
using namespace mlir::yat::lowering;

namespace {

/// Rewrites `yat.rms_norm` into a `linalg.generic` reduction `Σ_k x²` over
/// the last dim, an elementwise `linalg.generic` on the rows computing
/// `sqrt(Σ_k x² / K + epsilon)`, and an elementwise `linalg.generic` that
/// divides `x` by it, multiplies by `gamma` and rounds to the result type.
struct RmsNormOpLowering : OpRewritePattern<RmsNormOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(RmsNormOp op,
                                PatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    MLIRContext *context = rewriter.getContext();
    auto resultType = op.getResult().getType();
    Type elementType = resultType.getElementType();
    Type computeType = getComputeType(elementType);
    Value x = op.getX();
    unsigned rank = op.getX().getType().getRank();

    SmallVector<OpFoldResult> sizes = tensor::getMixedSizes(rewriter, loc, x);
    SmallVector<OpFoldResult> rowSizes(sizes.begin(), sizes.end() - 1);
    Value depth = createSizeAsFloat(rewriter, loc, sizes.back(), computeType);
    double epsilon = op.getEpsilon().convertToDouble();

    Value sumOfSquares = createSumOfSquares(rewriter, loc, x, computeType);
    AffineMap rowIdentity =
        AffineMap::getMultiDimIdentityMap(rank - 1, context);
    Value rms = createGeneric(
        rewriter, loc, sumOfSquares,
        createEmptyTensor(rewriter, loc, rowSizes, computeType),
        {rowIdentity, rowIdentity}, getIterators(rank - 1),
        [&](OpBuilder &b, Location l, ValueRange args) -> Value {
          Value mean = arith::DivFOp::create(b, l, args[0], depth);
          Value shifted = arith::AddFOp::create(
              b, l, mean, createFloatConstant(b, l, computeType, epsilon));
          return math::SqrtOp::create(b, l, shifted);
        });

    SmallVector<unsigned> rowDims;
    for (unsigned d = 0; d + 1 < rank; ++d)
      rowDims.push_back(d);
    AffineMap identity = AffineMap::getMultiDimIdentityMap(rank, context);
    SmallVector<Value> inputs = {x, rms};
    SmallVector<AffineMap> maps = {identity,
                                   getDimsMap(context, rank, rowDims)};
    Value gamma = op.getGamma();
    if (gamma) {
      inputs.push_back(gamma);
      maps.push_back(getDimsMap(context, rank, {rank - 1}));
    }
    maps.push_back(identity);
    Value y = createGeneric(
        rewriter, loc, inputs,
        createEmptyTensor(rewriter, loc, sizes, elementType), maps,
        getIterators(rank),
        [&](OpBuilder &b, Location l, ValueRange args) -> Value {
          Value value = arith::DivFOp::create(
              b, l, convertFloat(b, l, args[0], computeType), args[1]);
          if (gamma)
            value = arith::MulFOp::create(
                b, l, value, convertFloat(b, l, args[2], computeType));
          return convertFloat(b, l, value, elementType);
        });
    rewriter.replaceOp(op, castToType(rewriter, loc, y, resultType));
    return success();
  }
};

} // namespace

void lowering::populateRmsNormToLinalgPatterns(RewritePatternSet &patterns) {
  patterns.add<RmsNormOpLowering>(patterns.getContext());
}
