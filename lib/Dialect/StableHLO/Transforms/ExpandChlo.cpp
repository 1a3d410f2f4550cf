//===- ExpandChlo.cpp - the stablehlo-expand-chlo pass --------------------===//
//
// CHLO ops that are shorthand for StableHLO ones become those ops, so that
// raising sees one form and lowering one op per computation.
//
//===----------------------------------------------------------------------===//

#include "yat/Dialect/StableHLO/Transforms/Passes.h"

#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/WalkPatternRewriteDriver.h"
#include "yat/Dialect/StableHLO/IR/Chlo.h"
#include "yat/Dialect/StableHLO/IR/Stablehlo.h"

#define DEBUG_TYPE "stablehlo-expand-chlo"

namespace mlir::yat {
#define GEN_PASS_DEF_STABLEHLOEXPANDCHLO
#include "yat/Dialect/StableHLO/Transforms/Passes.h.inc"
} // namespace mlir::yat

using namespace mlir;
using namespace mlir::yat;
namespace chlo = mlir::yat::chlo;
namespace shlo = mlir::yat::stablehlo;

namespace {

/// `chlo.square x` -> `stablehlo.multiply x, x`.
struct ExpandSquare : public OpRewritePattern<chlo::SquareOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(chlo::SquareOp square,
                                PatternRewriter &rewriter) const override {
    rewriter.replaceOpWithNewOp<shlo::MulOp>(square, square.getOperand(),
                                             square.getOperand());
    return success();
  }
};

/// `chlo.top_k`: sort (operand, iota) along the last dimension with a
/// "greater" comparator (total order for floats; the sort is stable, so
/// ties keep the lower index first) and slice the first k of both.
struct ExpandTopK : public OpRewritePattern<chlo::TopKOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(chlo::TopKOp topK,
                                PatternRewriter &rewriter) const override {
    Location loc = topK.getLoc();
    auto type = cast<RankedTensorType>(topK.getOperand().getType());
    int64_t rank = type.getRank();
    auto indexType =
        RankedTensorType::get(type.getShape(), rewriter.getI32Type());
    Value iota = shlo::IotaOp::create(rewriter, loc, indexType,
                                      rewriter.getI64IntegerAttr(rank - 1));
    auto sort = shlo::SortOp::create(rewriter, loc, TypeRange{type, indexType},
                                     ValueRange{topK.getOperand(), iota},
                                     rewriter.getI64IntegerAttr(rank - 1),
                                     rewriter.getBoolAttr(true));
    Block *block = rewriter.createBlock(&sort.getComparator());
    auto scalar = RankedTensorType::get({}, type.getElementType());
    auto scalarIndex = RankedTensorType::get({}, rewriter.getI32Type());
    for (Type argType :
         {Type(scalar), Type(scalar), Type(scalarIndex), Type(scalarIndex)})
      block->addArgument(argType, loc);
    Type element = type.getElementType();
    auto compareType = isa<FloatType>(element)
                           ? shlo::ComparisonType::TOTALORDER
                       : element.isUnsignedInteger() || element.isInteger(1)
                           ? shlo::ComparisonType::UNSIGNED
                           : shlo::ComparisonType::SIGNED;
    MLIRContext *ctx = rewriter.getContext();
    Value greater = shlo::CompareOp::create(
        rewriter, loc, RankedTensorType::get({}, rewriter.getI1Type()),
        block->getArgument(0), block->getArgument(1),
        shlo::ComparisonDirectionAttr::get(ctx, shlo::ComparisonDirection::GT),
        shlo::ComparisonTypeAttr::get(ctx, compareType));
    shlo::ReturnOp::create(rewriter, loc, greater);
    rewriter.setInsertionPointAfter(sort);
    SmallVector<int64_t> start(rank, 0), limit(type.getShape()),
        strides(rank, 1);
    limit.back() = static_cast<int64_t>(topK.getK());
    SmallVector<Value> results;
    for (Value sorted : sort.getResults())
      results.push_back(shlo::SliceOp::create(
          rewriter, loc,
          RankedTensorType::get(
              limit, cast<RankedTensorType>(sorted.getType()).getElementType()),
          sorted, rewriter.getDenseI64ArrayAttr(start),
          rewriter.getDenseI64ArrayAttr(limit),
          rewriter.getDenseI64ArrayAttr(strides)));
    rewriter.replaceOp(topK, results);
    return success();
  }
};

struct StablehloExpandChloPass
    : public mlir::yat::impl::StablehloExpandChloBase<StablehloExpandChloPass> {
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    patterns.add<ExpandSquare, ExpandTopK>(&getContext());
    // One walk, no folding: everything but the expanded ops stays as is.
    walkAndApplyPatterns(getOperation(), std::move(patterns));
  }
};

} // namespace
