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
#include "mlir/IR/TypeUtilities.h"
#include "mlir/Transforms/DialectConversion.h"
#include "yat/Dialect/StableHLO/IR/Stablehlo.h"

#define DEBUG_TYPE "convert-stablehlo-to-linalg"

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

/// Rewrites stablehlo.select_and_scatter into an scf.for nest over the
/// source elements carrying the result (filled with the init value). For
/// each, an inner nest walks its window in order, carrying the element
/// selected so far, its position and whether there is one: a padded
/// position is skipped, the first real one is taken, and a later one
/// replaces the selection when `select(selected, next)` is false. Then
/// `scatter(result[position], source element)` is stored at the position.
struct SelectAndScatterToLoops
    : public OpConversionPattern<shlo::SelectAndScatterOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(shlo::SelectAndScatterOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Operation *offending;
    if (!isTranslatableScalarBody(op.getSelect(), offending) ||
        !isTranslatableScalarBody(op.getScatter(), offending))
      return rewriter.notifyMatchFailure(op, "body cannot be translated");
    if (failed(requireStaticShapes(rewriter, op, op->getOperandTypes())))
      return failure();
    Location loc = op.getLoc();
    RankedTensorType operandType = op.getOperand().getType();
    int64_t rank = operandType.getRank();
    SmallVector<int64_t> window = op.getWindowDimensionsOrDefault();
    SmallVector<int64_t> strides = op.getWindowStridesOrDefault();
    SmallVector<std::pair<int64_t, int64_t>> padding = op.getPaddingOrDefault();
    Value operand = adaptor.getOperand();
    Value source = adaptor.getSource();
    Type element = getElementTypeOrSelf(operand.getType());
    Value init = emitFilledTensor(
        rewriter, loc, operandType,
        emitExtractScalar(rewriter, loc, adaptor.getInitValue()));
    Block &select = op.getSelect().front();
    Block &scatter = op.getScatter().front();

    SmallVector<int64_t> allDims = llvm::to_vector(llvm::seq<int64_t>(0, rank));
    LoopBounds outer =
        emitLoopBounds(rewriter, loc, op.getSource().getType(), allDims);
    LoopBounds inner = emitLoopBounds(
        rewriter, loc, RankedTensorType::get(window, element), allDims);
    Value zero = arith::ConstantIndexOp::create(rewriter, loc, 0);
    Value falseValue = arith::ConstantIntOp::create(rewriter, loc, 0, 1);
    Value trueValue = arith::ConstantIntOp::create(rewriter, loc, 1, 1);

    scf::LoopNest nest = scf::buildLoopNest(
        rewriter, loc, outer.lower, outer.upper, outer.steps, ValueRange{init},
        [&](OpBuilder &b, Location l, ValueRange sourceIndex,
            ValueRange results) -> scf::ValueVector {
          // Selection state: value, position, whether one was taken.
          SmallVector<Value> state = {emitZero(b, l, element)};
          state.append(rank, zero);
          state.push_back(falseValue);
          scf::LoopNest walk = scf::buildLoopNest(
              b, l, inner.lower, inner.upper, inner.steps, state,
              [&](OpBuilder &wb, Location wl, ValueRange offset,
                  ValueRange current) -> scf::ValueVector {
                SmallVector<Value> position;
                Value inBounds = trueValue;
                for (int64_t d = 0; d < rank; ++d) {
                  // position = source index * stride + offset - low padding
                  Value scaled = arith::MulIOp::create(
                      wb, wl, sourceIndex[d],
                      arith::ConstantIndexOp::create(wb, wl, strides[d]));
                  Value shifted = arith::SubIOp::create(
                      wb, wl, arith::AddIOp::create(wb, wl, scaled, offset[d]),
                      arith::ConstantIndexOp::create(wb, wl, padding[d].first));
                  Value size = arith::ConstantIndexOp::create(
                      wb, wl, operandType.getDimSize(d));
                  Value inside = arith::AndIOp::create(
                      wb, wl,
                      arith::CmpIOp::create(wb, wl, arith::CmpIPredicate::sge,
                                            shifted, zero),
                      arith::CmpIOp::create(wb, wl, arith::CmpIPredicate::slt,
                                            shifted, size));
                  inBounds = arith::AndIOp::create(wb, wl, inBounds, inside);
                  // Padded positions read index 0 and are never taken.
                  position.push_back(
                      arith::SelectOp::create(wb, wl, inside, shifted, zero));
                }
                Value candidate =
                    tensor::ExtractOp::create(wb, wl, operand, position);
                Value selected = current.front();
                Value taken = current.back();
                Value keep =
                    emitScalarBody(wb, select, {selected, candidate}).front();
                Value replace = arith::OrIOp::create(
                    wb, wl, arith::XOrIOp::create(wb, wl, taken, trueValue),
                    arith::XOrIOp::create(wb, wl, keep, trueValue));
                Value take = arith::AndIOp::create(wb, wl, inBounds, replace);
                scf::ValueVector next = {
                    arith::SelectOp::create(wb, wl, take, candidate, selected)};
                for (int64_t d = 0; d < rank; ++d)
                  next.push_back(arith::SelectOp::create(
                      wb, wl, take, position[d], current[1 + d]));
                next.push_back(arith::OrIOp::create(wb, wl, taken, take));
                return next;
              });
          ValueRange chosen = walk.results;
          ValueRange position = chosen.slice(1, rank);
          Value result = results.front();
          auto ifOp = scf::IfOp::create(
              b, l, chosen.back(),
              [&](OpBuilder &tb, Location tl) {
                Value old = tensor::ExtractOp::create(tb, tl, result, position);
                Value update =
                    tensor::ExtractOp::create(tb, tl, source, sourceIndex);
                Value combined =
                    emitScalarBody(tb, scatter, {old, update}).front();
                scf::YieldOp::create(tb, tl,
                                     Value(tensor::InsertOp::create(
                                         tb, tl, combined, result, position)));
              },
              [&](OpBuilder &eb, Location el) {
                scf::YieldOp::create(eb, el, result);
              });
          return {ifOp.getResult(0)};
        });
    rewriter.replaceOp(op, nest.results);
    return success();
  }
};

} // namespace

void stablehlo_lowering::populateScatterPatterns(
    const TypeConverter &typeConverter, RewritePatternSet &patterns) {
  patterns.add<ScatterToLoops, SelectAndScatterToLoops>(typeConverter,
                                                        patterns.getContext());
}
