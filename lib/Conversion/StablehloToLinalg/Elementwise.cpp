//===- Elementwise.cpp - elementwise stablehlo ops to linalg.generic ------===//

#include "PopulatePatterns.h"

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
    Location loc = op.getLoc();
    int64_t rank = resultType.getRank();
    MLIRContext *ctx = rewriter.getContext();
    SmallVector<AffineMap> maps;
    for (Value operand : adaptor.getOperands()) {
      auto type = cast<RankedTensorType>(operand.getType());
      maps.push_back(type.getRank() == 0 && rank > 0
                         ? AffineMap::get(rank, 0, {}, ctx)
                         : rewriter.getMultiDimIdentityMap(rank));
    }
    maps.push_back(rewriter.getMultiDimIdentityMap(rank));
    SmallVector<utils::IteratorType> iterators(rank,
                                               utils::IteratorType::parallel);
    Value init = emitEmptyTensor(rewriter, loc, resultType);
    bool failedBody = false;
    auto generic = linalg::GenericOp::create(
        rewriter, loc, resultType, adaptor.getOperands(), ValueRange{init},
        maps, iterators, [&](OpBuilder &b, Location bodyLoc, ValueRange args) {
          Value result = emitScalarOp(b, bodyLoc, op, args.drop_back());
          if (!result) {
            failedBody = true;
            result = args.back();
          }
          linalg::YieldOp::create(b, bodyLoc, result);
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
void addElementwisePatterns(RewritePatternSet &patterns) {
  patterns.add<ElementwiseToGeneric<OpTys>...>(patterns.getContext());
}

} // namespace

void stablehlo_lowering::populateElementwisePatterns(
    RewritePatternSet &patterns) {
  addElementwisePatterns<
      shlo::AbsOp, shlo::CeilOp, shlo::CosineOp, shlo::ExpOp, shlo::Expm1Op,
      shlo::FloorOp, shlo::LogOp, shlo::Log1pOp, shlo::LogisticOp, shlo::NegOp,
      shlo::NotOp, shlo::RoundOp, shlo::RoundNearestEvenOp, shlo::RsqrtOp,
      shlo::SignOp, shlo::SineOp, shlo::SqrtOp, shlo::TanhOp, shlo::AddOp,
      shlo::SubtractOp, shlo::MulOp, shlo::DivOp, shlo::RemOp, shlo::MaxOp,
      shlo::MinOp, shlo::PowOp, shlo::AndOp, shlo::OrOp, shlo::XorOp,
      shlo::ConvertOp, shlo::CompareOp, shlo::SelectOp, shlo::ClampOp>(
      patterns);
}
