//===- Sort.cpp - stablehlo.sort to scf loops -----------------------------===//
//
// A sort is an insertion sort of every 1-d slice along the sort dimension,
// in scf loops over tensors: stable, as StableHLO's is_stable asks and as
// argsort's ties need, and correct for any comparator, at O(n²) compares
// per slice. That suits the lengths JAX's tests and top_k use; long sorts
// are the codegen work's.
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

struct SortToLoops : public OpConversionPattern<shlo::SortOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(shlo::SortOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Operation *offending;
    if (!isTranslatableScalarBody(op, offending))
      return rewriter.notifyMatchFailure(op, "comparator cannot be translated");
    if (failed(requireStaticShapes(rewriter, op, op->getOperandTypes())))
      return failure();
    Location loc = op.getLoc();
    auto type = cast<RankedTensorType>(op.getInputs().front().getType());
    int64_t rank = type.getRank();
    int64_t dim = op.getSortDimension();
    ValueRange inputs = adaptor.getInputs();
    if (rank == 0 || type.getDimSize(dim) < 2) {
      rewriter.replaceOp(op, inputs);
      return success();
    }
    Block &comparator = op.getComparator().front();

    // Loops over every dim but the sorted one.
    Value zero = arith::ConstantIndexOp::create(rewriter, loc, 0);
    Value one = arith::ConstantIndexOp::create(rewriter, loc, 1);
    SmallVector<Value> lower, upper, steps;
    for (int64_t d = 0; d < rank; ++d) {
      if (d == dim)
        continue;
      lower.push_back(zero);
      upper.push_back(
          arith::ConstantIndexOp::create(rewriter, loc, type.getDimSize(d)));
      steps.push_back(one);
    }
    Value length =
        arith::ConstantIndexOp::create(rewriter, loc, type.getDimSize(dim));

    scf::LoopNest nest = scf::buildLoopNest(
        rewriter, loc, lower, upper, steps, inputs,
        [&](OpBuilder &b, Location l, ValueRange outer,
            ValueRange tensors) -> scf::ValueVector {
          auto indexAt = [&](Value position) {
            SmallVector<Value> index(outer);
            index.insert(index.begin() + dim, position);
            return index;
          };
          auto sorted = scf::ForOp::create(
              b, l, one, length, one, tensors,
              [&](OpBuilder &fb, Location fl, Value i, ValueRange current) {
                SmallVector<Value> init = {i};
                llvm::append_range(init, current);
                auto shift = scf::WhileOp::create(
                    fb, fl, TypeRange(ValueRange(init)), init,
                    [&](OpBuilder &cb, Location cl, ValueRange args) {
                      // Move element j left while it goes before j - 1.
                      Value j = args[0];
                      Value previous = arith::SubIOp::create(
                          cb, cl, arith::MaxSIOp::create(cb, cl, j, one), one);
                      SmallVector<Value> compareArgs;
                      for (Value tensor : args.drop_front()) {
                        compareArgs.push_back(tensor::ExtractOp::create(
                            cb, cl, tensor, indexAt(j)));
                        compareArgs.push_back(tensor::ExtractOp::create(
                            cb, cl, tensor, indexAt(previous)));
                      }
                      Value before =
                          emitScalarBody(cb, comparator, compareArgs).front();
                      Value positive = arith::CmpIOp::create(
                          cb, cl, arith::CmpIPredicate::sgt, j, zero);
                      scf::ConditionOp::create(
                          cb, cl,
                          arith::AndIOp::create(cb, cl, positive, before),
                          args);
                    },
                    [&](OpBuilder &wb, Location wl, ValueRange args) {
                      Value j = args[0];
                      Value previous = arith::SubIOp::create(wb, wl, j, one);
                      SmallVector<Value> next = {previous};
                      for (Value tensor : args.drop_front()) {
                        Value atJ = tensor::ExtractOp::create(wb, wl, tensor,
                                                              indexAt(j));
                        Value atPrevious = tensor::ExtractOp::create(
                            wb, wl, tensor, indexAt(previous));
                        Value swapped = tensor::InsertOp::create(
                            wb, wl, atPrevious, tensor, indexAt(j));
                        next.push_back(tensor::InsertOp::create(
                            wb, wl, atJ, swapped, indexAt(previous)));
                      }
                      scf::YieldOp::create(wb, wl, next);
                    });
                scf::YieldOp::create(fb, fl, shift.getResults().drop_front());
              });
          return sorted.getResults();
        });
    rewriter.replaceOp(op, nest.results);
    return success();
  }
};

} // namespace

void stablehlo_lowering::populateSortPatterns(
    const TypeConverter &typeConverter, RewritePatternSet &patterns) {
  patterns.add<SortToLoops>(typeConverter, patterns.getContext());
}
