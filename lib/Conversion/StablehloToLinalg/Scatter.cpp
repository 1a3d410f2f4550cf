//===- Scatter.cpp - stablehlo.scatter to loops on tensors ----------------===//
//
// The straightforward lowering, correct for every scatter: an scf.for nest
// over the update scatter dims carries the result tensors. For each update
// window it reads the start index once, as StableHLO's specification
// defines it, and, when the window fits in the input there, a nested loop
// over the window combines each element with the current result element by
// the update computation, translated to scalar arith. A window that does
// not fit is skipped whole, as XLA does (the specification leaves
// out-of-bounds updates to the implementation). Faster lowerings (for
// unique or sorted indices, whole windows at a time) belong to the codegen
// path.
//
//===----------------------------------------------------------------------===//

#include "PopulatePatterns.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Transforms/DialectConversion.h"
#include "yat/Dialect/StableHLO/IR/Stablehlo.h"

using namespace mlir;
using namespace mlir::yat;
using namespace mlir::yat::stablehlo_lowering;
namespace shlo = mlir::yat::stablehlo;

namespace {

/// Where the update window selected by `scatterIndex` (the update scatter
/// dims' index) starts in an input of `inputRank`: start index (`indices`
/// holding elements of StableHLO type `indexType`) + batching index, null
/// along the dims where it starts at 0.
SmallVector<Value> emitWindowStart(OpBuilder &b, Location loc,
                                   shlo::ScatterDimensionNumbersAttr dims,
                                   Value indices, Type indexType,
                                   int64_t inputRank, ValueRange scatterIndex) {
  SmallVector<Value> start(inputRank);
  for (auto [k, inputDim] : llvm::enumerate(dims.getScatterDimsToOperandDims()))
    start[inputDim] =
        emitIndexValue(b, loc,
                       emitStartIndexComponent(b, loc, indices, scatterIndex,
                                               dims.getIndexVectorDim(), k),
                       indexType);
  for (auto [inputDim, indicesDim] : llvm::zip(
           dims.getInputBatchingDims(), dims.getScatterIndicesBatchingDims()))
    start[inputDim] =
        scatterIndex[getBatchPosition(indicesDim, dims.getIndexVectorDim())];
  return start;
}

/// Whether a window of `sizes` starting at `start` lies inside `type`.
/// (A window starting at 0 fits: the verifier bounds its sizes.)
Value emitWindowInBounds(OpBuilder &b, Location loc, ArrayRef<Value> start,
                         ArrayRef<int64_t> sizes, RankedTensorType type) {
  Value zero = arith::ConstantIndexOp::create(b, loc, 0);
  Value inBounds = arith::ConstantIntOp::create(b, loc, 1, 1);
  for (auto [value, size, dimSize] : llvm::zip(start, sizes, type.getShape())) {
    if (!value)
      continue;
    Value lastStart = arith::ConstantIndexOp::create(b, loc, dimSize - size);
    Value aboveZero =
        arith::CmpIOp::create(b, loc, arith::CmpIPredicate::sge, value, zero);
    Value fits = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::sle, value,
                                       lastStart);
    inBounds = arith::AndIOp::create(
        b, loc, inBounds, arith::AndIOp::create(b, loc, aboveZero, fits));
  }
  return inBounds;
}

/// Loop bounds over the dims `dims` of `type`.
struct LoopBounds {
  SmallVector<Value> lower, upper, steps;
};

LoopBounds emitLoopBounds(OpBuilder &b, Location loc, RankedTensorType type,
                          ArrayRef<int64_t> dims) {
  LoopBounds bounds;
  Value zero = arith::ConstantIndexOp::create(b, loc, 0);
  Value one = arith::ConstantIndexOp::create(b, loc, 1);
  for (int64_t d : dims) {
    bounds.lower.push_back(zero);
    bounds.upper.push_back(
        arith::ConstantIndexOp::create(b, loc, type.getDimSize(d)));
    bounds.steps.push_back(one);
  }
  return bounds;
}

struct ScatterToLoops : public OpConversionPattern<shlo::ScatterOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(shlo::ScatterOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Operation *offending;
    if (!isTranslatableScalarBody(op, offending))
      return rewriter.notifyMatchFailure(op, "body cannot be translated");
    if (failed(requireStaticShapes(rewriter, op, op->getOperandTypes())))
      return failure();
    Location loc = op.getLoc();
    shlo::ScatterDimensionNumbersAttr dims = op.getScatterDimensionNumbers();
    auto inputType = cast<RankedTensorType>(op.getInputs().front().getType());
    auto updateType = cast<RankedTensorType>(op.getUpdates().front().getType());
    ArrayRef<int64_t> updateWindowDims = dims.getUpdateWindowDims();
    SmallVector<int64_t> updateScatterDims =
        getWindowDims(updateType.getRank(), updateWindowDims, {});
    // Input dims covered by the update window dims, in order, and the
    // window's extent along every input dim.
    SmallVector<int64_t> windowInputDims =
        getWindowDims(inputType.getRank(), dims.getInsertedWindowDims(),
                      dims.getInputBatchingDims());
    SmallVector<int64_t> windowSizes(inputType.getRank(), 1);
    for (auto [window, inputDim] : llvm::zip(updateWindowDims, windowInputDims))
      windowSizes[inputDim] = updateType.getDimSize(window);
    Value indices = adaptor.getScatterIndices();
    ValueRange updates = adaptor.getUpdates();
    Block &body = op.getUpdateComputation().front();

    LoopBounds outer =
        emitLoopBounds(rewriter, loc, updateType, updateScatterDims);
    LoopBounds inner =
        emitLoopBounds(rewriter, loc, updateType, updateWindowDims);
    scf::LoopNest nest = scf::buildLoopNest(
        rewriter, loc, outer.lower, outer.upper, outer.steps,
        adaptor.getInputs(),
        [&](OpBuilder &b, Location l, ValueRange scatterIndex,
            ValueRange results) -> scf::ValueVector {
          SmallVector<Value> start =
              emitWindowStart(b, l, dims, indices,
                              op.getScatterIndices().getType().getElementType(),
                              inputType.getRank(), scatterIndex);
          Value fits = emitWindowInBounds(b, l, start, windowSizes, inputType);
          auto ifOp = scf::IfOp::create(
              b, l, fits,
              [&](OpBuilder &tb, Location tl) {
                scf::LoopNest window = scf::buildLoopNest(
                    tb, tl, inner.lower, inner.upper, inner.steps, results,
                    [&](OpBuilder &wb, Location wl, ValueRange windowIndex,
                        ValueRange current) -> scf::ValueVector {
                      SmallVector<Value> updateIndex(updateType.getRank());
                      for (auto [d, iv] :
                           llvm::zip(updateScatterDims, scatterIndex))
                        updateIndex[d] = iv;
                      for (auto [d, iv] :
                           llvm::zip(updateWindowDims, windowIndex))
                        updateIndex[d] = iv;
                      SmallVector<Value> resultIndex = emitWindowedIndex(
                          wb, wl, start, windowInputDims, windowIndex);
                      SmallVector<Value> args;
                      for (Value result : current)
                        args.push_back(tensor::ExtractOp::create(wb, wl, result,
                                                                 resultIndex));
                      for (Value update : updates)
                        args.push_back(tensor::ExtractOp::create(wb, wl, update,
                                                                 updateIndex));
                      SmallVector<Value> combined =
                          emitScalarBody(wb, body, args);
                      scf::ValueVector updated;
                      for (auto [value, result] : llvm::zip(combined, current))
                        updated.push_back(tensor::InsertOp::create(
                            wb, wl, value, result, resultIndex));
                      return updated;
                    });
                scf::YieldOp::create(tb, tl, window.results);
              },
              [&](OpBuilder &eb, Location el) {
                scf::YieldOp::create(eb, el, results);
              });
          return ifOp.getResults();
        });
    rewriter.replaceOp(op, nest.results);
    return success();
  }
};

} // namespace

void stablehlo_lowering::populateScatterPatterns(
    const TypeConverter &typeConverter, RewritePatternSet &patterns) {
  patterns.add<ScatterToLoops>(typeConverter, patterns.getContext());
}
