//===- Norms.cpp - lower yat.squared_norms to linalg ----------------------===//

#include "LoweringUtils.h"
#include "PopulatePatterns.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/PatternMatch.h"
#include "yat/Dialect/Yat/IR/Yat.h"

#define DEBUG_TYPE "convert-yat-to-linalg"

using namespace mlir;
using namespace mlir::yat;
using namespace mlir::yat::lowering;

namespace {

/// Rewrites `yat.squared_norms` (made by `yat-cache-norms` for a weight that
/// is not a constant) into one `linalg.generic` reduction: `Σ w²` over
/// `dims`, accumulated in f32, with the kept dims as parallel loops.
struct SquaredNormsOpLowering : OpRewritePattern<SquaredNormsOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(SquaredNormsOp op,
                                PatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    MLIRContext *context = rewriter.getContext();
    Value w = op.getW();
    auto resultType = op.getResult().getType();
    Type f32 = rewriter.getF32Type();
    unsigned rank = op.getW().getType().getRank();
    ArrayRef<int64_t> reduced = op.getDims();
    if (!llvm::all_of(reduced, [&](int64_t d) {
          return d >= 0 && d < static_cast<int64_t>(rank);
        }))
      return rewriter.notifyMatchFailure(op, "dims out of range");

    // Loops: the kept dims of w in order, then the reduced ones.
    SmallVector<unsigned> inputDims(rank), outDims;
    SmallVector<OpFoldResult> sizes;
    unsigned numKept = rank - reduced.size();
    unsigned nextKept = 0, nextReduced = numKept;
    for (unsigned d = 0; d < rank; ++d) {
      if (llvm::is_contained(reduced, d)) {
        inputDims[d] = nextReduced++;
        continue;
      }
      outDims.push_back(nextKept);
      inputDims[d] = nextKept++;
      sizes.push_back(tensor::getMixedSize(rewriter, loc, w, d));
    }
    Value init =
        createFilledTensor(rewriter, loc, sizes, rewriter.getF32FloatAttr(0));
    Value norms =
        createGeneric(rewriter, loc, w, init,
                      {getDimsMap(context, rank, inputDims),
                       getDimsMap(context, rank, outDims)},
                      getIterators(numKept, rank - numKept),
                      [&](OpBuilder &b, Location l, ValueRange args) -> Value {
                        Value value = convertFloat(b, l, args[0], f32);
                        Value square =
                            arith::MulFOp::create(b, l, value, value);
                        return arith::AddFOp::create(b, l, args[1], square);
                      });
    rewriter.replaceOp(op, castToType(rewriter, loc, norms, resultType));
    return success();
  }
};

} // namespace

void lowering::populateNormsToLinalgPatterns(RewritePatternSet &patterns) {
  patterns.add<SquaredNormsOpLowering>(patterns.getContext());
}
