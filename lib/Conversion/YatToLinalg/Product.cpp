//===- Product.cpp - lower yat.product to linalg --------------------------===//

#include "LoweringUtils.h"
#include "PopulatePatterns.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/PatternMatch.h"
#include "yat/Dialect/Yat/IR/Yat.h"

#include <type_traits>

#define DEBUG_TYPE "convert-yat-to-linalg"

using namespace mlir;
using namespace mlir::yat;
using namespace mlir::yat::lowering;

namespace {

/// Rewrites `yat.product` into: `dot = x · wᵀ` accumulated in the compute
/// type (a `linalg.matmul` with transposed-`w` indexing maps for a rank-2
/// `x`, a `linalg.generic` contraction with the leading dims of `x` as batch
/// dims otherwise), two `linalg.generic` reductions for `Σ_k x²` and
/// `Σ_k w²`, and one elementwise `linalg.generic` applying
/// `alpha · (dot + bias)² / (max(|x|² + |w|² − 2·dot, 0) + epsilon)` and
/// rounding to the result type. `yat.product_with_norms` lowers the same
/// way, reading `Σ_k w²` from its `w_norms` operand.
template <typename OpTy> struct ProductOpLowering : OpRewritePattern<OpTy> {
  using OpRewritePattern<OpTy>::OpRewritePattern;

  LogicalResult matchAndRewrite(OpTy op,
                                PatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto resultType = op.getResult().getType();
    Type elementType = resultType.getElementType();
    Type computeType = getComputeType(elementType);
    MLIRContext *context = rewriter.getContext();
    Value x = op.getX();
    Value w = op.getW();
    unsigned rank = op.getX().getType().getRank();

    // The result is the leading dims of x followed by N.
    SmallVector<OpFoldResult> sizes;
    for (unsigned d = 0; d + 1 < rank; ++d)
      sizes.push_back(tensor::getMixedSize(rewriter, loc, x, d));
    sizes.push_back(tensor::getMixedSize(rewriter, loc, w, 0));

    Value dotInit = createFilledTensor(rewriter, loc, sizes,
                                       rewriter.getFloatAttr(computeType, 0.0));
    Value dot =
        createContractionWithTransposedRhs(rewriter, loc, x, w, dotInit);
    Value xNorms = createSumOfSquares(rewriter, loc, x, computeType);
    Value wNorms;
    if constexpr (std::is_same_v<OpTy, ProductWithNormsOp>)
      wNorms = op.getWNorms();
    else
      wNorms = createSumOfSquares(rewriter, loc, w, computeType);

    SmallVector<unsigned> leadingDims;
    for (unsigned d = 0; d + 1 < rank; ++d)
      leadingDims.push_back(d);
    AffineMap identity = AffineMap::getMultiDimIdentityMap(rank, context);
    AffineMap unitMap = getDimsMap(context, rank, {rank - 1});
    SmallVector<Value> inputs = {dot, xNorms, wNorms};
    SmallVector<AffineMap> maps = {
        identity, getDimsMap(context, rank, leadingDims), unitMap};
    Value bias = op.getBias();
    if (bias) {
      inputs.push_back(bias);
      maps.push_back(unitMap);
    }
    maps.push_back(identity);

    double epsilon = op.getEpsilon().convertToDouble();
    double alpha = op.getAlpha().convertToDouble();
    Value init = createEmptyTensor(rewriter, loc, sizes, elementType);
    Value y =
        createGeneric(rewriter, loc, inputs, init, maps, getIterators(rank),
                      [&](OpBuilder &b, Location l, ValueRange args) -> Value {
                        return createYatValue(b, l, args[0], args[1], args[2],
                                              bias ? args[3] : Value(), epsilon,
                                              alpha, elementType);
                      });
    rewriter.replaceOp(op, castToType(rewriter, loc, y, resultType));
    return success();
  }
};

} // namespace

void lowering::populateProductToLinalgPatterns(RewritePatternSet &patterns) {
  patterns
      .add<ProductOpLowering<ProductOp>, ProductOpLowering<ProductWithNormsOp>>(
          patterns.getContext());
}
