//===- ControlFlow.cpp - stablehlo.while, if and case to scf --------------===//
//
// The regions move into the scf op unchanged; only their terminators
// change (stablehlo.return becomes scf.condition on the extracted
// predicate, or scf.yield), and the ops inside are lowered by the rest of
// the conversion like any others.
//
//===----------------------------------------------------------------------===//

#include "PopulatePatterns.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Transforms/DialectConversion.h"
#include "yat/Dialect/StableHLO/IR/Stablehlo.h"

#define DEBUG_TYPE "convert-stablehlo-to-linalg"

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

/// Moves `branch` into `target` (an empty scf region) with its types
/// converted, and makes its stablehlo.return an scf.yield.
static LogicalResult moveBranch(ConversionPatternRewriter &rewriter,
                                const TypeConverter &typeConverter,
                                Region &branch, Region &target) {
  if (failed(rewriter.convertRegionTypes(&branch, typeConverter)))
    return failure();
  rewriter.inlineRegionBefore(branch, target, target.end());
  auto ret = cast<shlo::ReturnOp>(target.front().getTerminator());
  rewriter.setInsertionPoint(ret);
  rewriter.replaceOpWithNewOp<scf::YieldOp>(ret, ret.getOperands());
  return success();
}

/// Rewrites stablehlo.if into scf.if on the extracted predicate.
struct IfToScfIf : public OpConversionPattern<shlo::IfOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(shlo::IfOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    SmallVector<Type> resultTypes;
    if (failed(
            getTypeConverter()->convertTypes(op.getResultTypes(), resultTypes)))
      return rewriter.notifyMatchFailure(op, "cannot convert the result types");
    Location loc = op.getLoc();
    Value pred = tensor::ExtractOp::create(rewriter, loc, adaptor.getPred(),
                                           ValueRange{});
    auto ifOp = scf::IfOp::create(rewriter, loc, resultTypes, pred,
                                  /*addThenBlock=*/false,
                                  /*addElseBlock=*/false);
    if (failed(moveBranch(rewriter, *getTypeConverter(), op.getTrueBranch(),
                          ifOp.getThenRegion())) ||
        failed(moveBranch(rewriter, *getTypeConverter(), op.getFalseBranch(),
                          ifOp.getElseRegion())))
      return rewriter.notifyMatchFailure(op, "cannot convert the branches");
    rewriter.replaceOp(op, ifOp.getResults());
    return success();
  }
};

/// Rewrites stablehlo.case into scf.index_switch: branch k for index k,
/// the last branch as the default (also for indices out of range).
struct CaseToIndexSwitch : public OpConversionPattern<shlo::CaseOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(shlo::CaseOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    SmallVector<Type> resultTypes;
    if (failed(
            getTypeConverter()->convertTypes(op.getResultTypes(), resultTypes)))
      return rewriter.notifyMatchFailure(op, "cannot convert the result types");
    Location loc = op.getLoc();
    Value index = arith::IndexCastOp::create(
        rewriter, loc, rewriter.getIndexType(),
        tensor::ExtractOp::create(rewriter, loc, adaptor.getIndex(),
                                  ValueRange{}));
    size_t numCases = op.getBranches().size() - 1;
    auto cases = llvm::to_vector(llvm::seq<int64_t>(0, numCases));
    auto indexSwitch = scf::IndexSwitchOp::create(rewriter, loc, resultTypes,
                                                  index, cases, numCases);
    for (auto [branch, target] :
         llvm::zip(op.getBranches().drop_back(), indexSwitch.getCaseRegions()))
      if (failed(moveBranch(rewriter, *getTypeConverter(), branch, target)))
        return rewriter.notifyMatchFailure(op, "cannot convert the branches");
    if (failed(moveBranch(rewriter, *getTypeConverter(),
                          op.getBranches().back(),
                          indexSwitch.getDefaultRegion())))
      return rewriter.notifyMatchFailure(op, "cannot convert the branches");
    rewriter.replaceOp(op, indexSwitch.getResults());
    return success();
  }
};

} // namespace

void stablehlo_lowering::populateControlFlowPatterns(
    const TypeConverter &typeConverter, RewritePatternSet &patterns) {
  patterns.add<WhileToScfWhile, IfToScfIf, CaseToIndexSwitch>(
      typeConverter, patterns.getContext());
}
