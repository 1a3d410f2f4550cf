//===- ControlFlow.cpp - stablehlo.while to scf.while ---------------------===//
//
// The regions move into the scf op unchanged; only their terminators
// change (stablehlo.return becomes scf.condition on the extracted
// predicate, or scf.yield), and the ops inside are lowered by the rest of
// the conversion like any others.
//
//===----------------------------------------------------------------------===//

#include "PopulatePatterns.h"

#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Transforms/DialectConversion.h"
#include "yat/Dialect/StableHLO/IR/Stablehlo.h"

using namespace mlir;
using namespace mlir::yat;
using namespace mlir::yat::stablehlo_lowering;
namespace shlo = mlir::yat::stablehlo;

namespace {

struct WhileToScfWhile : public OpConversionPattern<shlo::WhileOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(shlo::WhileOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    SmallVector<Type> resultTypes;
    if (failed(getTypeConverter()->convertTypes(op.getResultTypes(),
                                                resultTypes)) ||
        failed(
            rewriter.convertRegionTypes(&op.getCond(), *getTypeConverter())) ||
        failed(rewriter.convertRegionTypes(&op.getBody(), *getTypeConverter())))
      return rewriter.notifyMatchFailure(op, "cannot convert the loop types");
    auto loop =
        scf::WhileOp::create(rewriter, loc, resultTypes, adaptor.getOperands());
    rewriter.inlineRegionBefore(op.getCond(), loop.getBefore(),
                                loop.getBefore().end());
    rewriter.inlineRegionBefore(op.getBody(), loop.getAfter(),
                                loop.getAfter().end());

    Block &before = loop.getBefore().front();
    auto condReturn = cast<shlo::ReturnOp>(before.getTerminator());
    rewriter.setInsertionPoint(condReturn);
    Value predicate = tensor::ExtractOp::create(
        rewriter, loc, condReturn.getOperand(0), ValueRange{});
    rewriter.replaceOpWithNewOp<scf::ConditionOp>(condReturn, predicate,
                                                  before.getArguments());

    auto bodyReturn =
        cast<shlo::ReturnOp>(loop.getAfter().front().getTerminator());
    rewriter.setInsertionPoint(bodyReturn);
    rewriter.replaceOpWithNewOp<scf::YieldOp>(bodyReturn,
                                              bodyReturn.getOperands());
    rewriter.replaceOp(op, loop.getResults());
    return success();
  }
};

} // namespace

void stablehlo_lowering::populateControlFlowPatterns(
    const TypeConverter &typeConverter, RewritePatternSet &patterns) {
  patterns.add<WhileToScfWhile>(typeConverter, patterns.getContext());
}
