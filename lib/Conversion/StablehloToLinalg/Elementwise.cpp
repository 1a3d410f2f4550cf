//===- Elementwise.cpp - elementwise stablehlo ops to linalg.generic ------===//

#include "PopulatePatterns.h"

#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Utils/StructuredOpsUtils.h"
#include "mlir/IR/AffineMap.h"
#include "mlir/Transforms/DialectConversion.h"
#include "yat/Dialect/StableHLO/IR/Stablehlo.h"

#define DEBUG_TYPE "convert-stablehlo-to-linalg"

using namespace mlir;
using namespace mlir::yat;
using namespace mlir::yat::stablehlo_lowering;

namespace {

/// Rewrites an elementwise stablehlo op into one all-parallel
/// `linalg.generic` whose body is the op's scalar semantics (emitScalarOp).
/// 0-d operands of a ranked result (select's pred, clamp's bounds) are read
/// through a constant indexing map.
template <typename OpTy>
struct ElementwiseToGeneric : public OpConversionPattern<OpTy> {
  using OpConversionPattern<OpTy>::OpConversionPattern;
  using OpAdaptor = typename OpConversionPattern<OpTy>::OpAdaptor;

  LogicalResult
  matchAndRewrite(OpTy op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto resultType = dyn_cast<RankedTensorType>(op->getResult(0).getType());
    if (!resultType || !resultType.hasStaticShape())
      return rewriter.notifyMatchFailure(op, "expected a static result shape");
    int64_t rank = resultType.getRank();
    MLIRContext *ctx = rewriter.getContext();
    SmallVector<AffineMap> maps;
    for (Value operand : adaptor.getOperands()) {
      auto type = cast<RankedTensorType>(operand.getType());
      maps.push_back(type.getRank() == 0 && rank > 0
                         ? AffineMap::get(rank, 0, {}, ctx)
                         : rewriter.getMultiDimIdentityMap(rank));
    }
    bool failedBody = false;
    auto generic = emitParallelGeneric(
        rewriter, op.getLoc(), resultType, adaptor.getOperands(), maps,
        [&](OpBuilder &b, Location bodyLoc, ValueRange args) {
          Value result = emitScalarOp(b, bodyLoc, op, args.drop_back());
          if (!result) {
            failedBody = true;
            result = args.back();
          }
          return result;
        });
    if (failedBody) {
      rewriter.eraseOp(generic);
      return rewriter.notifyMatchFailure(op, "unsupported element types");
    }
    rewriter.replaceOp(op, generic.getResults());
    return success();
  }
};

template <typename... OpTys>
void addElementwisePatterns(const TypeConverter &typeConverter,
                            RewritePatternSet &patterns, OpTypeList<OpTys...>) {
  patterns.add<ElementwiseToGeneric<OpTys>...>(typeConverter,
                                               patterns.getContext());
}

} // namespace

void stablehlo_lowering::populateElementwisePatterns(
    const TypeConverter &typeConverter, RewritePatternSet &patterns) {
  addElementwisePatterns(typeConverter, patterns, ElementwiseOps{});
  addElementwisePatterns(typeConverter, patterns, ChloElementwiseOps{});
}
