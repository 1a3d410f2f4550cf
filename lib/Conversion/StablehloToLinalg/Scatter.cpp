//===- Scatter.cpp - stablehlo.scatter to loops on tensors ----------------===//
//
// The straightforward lowering, correct for every scatter: one scf.for nest
// over the updates' index space carries the result tensors. Each update
// element computes its result index as StableHLO's specification defines
// it and is combined with the current result element by the update
// computation, translated to scalar arith. An update window that does not
// fit in the input at its start index is skipped whole, as XLA does (the
// specification leaves out-of-bounds updates to the implementation). Faster
// lowerings (for unique or sorted indices, whole windows at a time) belong to
// the codegen path.
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

/// The index arithmetic of one scatter, precomputed from its dimension
/// numbers.
struct ScatterIndexing {
  shlo::ScatterDimensionNumbersAttr dims;
  int64_t indicesRank;
  /// Dimensions of the updates that are not window dims, in order: they
  /// walk the scatter indices.
  SmallVector<int64_t> updateScatterDims;
  /// Input dimensions covered by the update window dims, in order.
  SmallVector<int64_t> windowInputDims;

  ScatterIndexing(shlo::ScatterOp op) : dims(op.getScatterDimensionNumbers()) {
    auto input = cast<RankedTensorType>(op.getInputs().front().getType());
    auto update = cast<RankedTensorType>(op.getUpdates().front().getType());
    indicesRank =
        cast<RankedTensorType>(op.getScatterIndices().getType()).getRank();
    for (int64_t d = 0; d < update.getRank(); ++d)
      if (!llvm::is_contained(dims.getUpdateWindowDims(), d))
        updateScatterDims.push_back(d);
    for (int64_t d = 0; d < input.getRank(); ++d)
      if (!llvm::is_contained(dims.getInsertedWindowDims(), d) &&
          !llvm::is_contained(dims.getInputBatchingDims(), d))
        windowInputDims.push_back(d);
  }

  /// The coordinates in the scatter indices of component `k` of the start
  /// index that `scatterIndex` selects.
  SmallVector<Value> indicesCoordinates(OpBuilder &b, Location loc,
                                        ArrayRef<Value> scatterIndex,
                                        int64_t k) const {
    SmallVector<Value> coordinates;
    size_t next = 0;
    for (int64_t d = 0; d < indicesRank; ++d)
      coordinates.push_back(d == dims.getIndexVectorDim()
                                ? arith::ConstantIndexOp::create(b, loc, k)
                                : scatterIndex[next++]);
    return coordinates;
  }

  /// Where the update window of the update element at `updateIndex`
  /// starts in the input: start index + batching index, null along the
  /// dims where it starts at 0.
  SmallVector<Value> windowStart(OpBuilder &b, Location loc, Value indices,
                                 int64_t inputRank,
                                 ValueRange updateIndex) const {
    SmallVector<Value> scatterIndex;
    for (int64_t d : updateScatterDims)
      scatterIndex.push_back(updateIndex[d]);
    SmallVector<Value> start(inputRank);
    for (auto [k, inputDim] :
         llvm::enumerate(dims.getScatterDimsToOperandDims())) {
      Value component = tensor::ExtractOp::create(
          b, loc, indices, indicesCoordinates(b, loc, scatterIndex, k));
      start[inputDim] = emitIndexValue(b, loc, component);
    }
    for (auto [inputDim, indicesDim] :
         llvm::zip(dims.getInputBatchingDims(),
                   dims.getScatterIndicesBatchingDims())) {
      // The index vector dim is not an update scatter dim.
      int64_t position =
          indicesDim - (indicesDim > dims.getIndexVectorDim() ? 1 : 0);
      start[inputDim] = scatterIndex[position];
    }
    return start;
  }

  /// The extent of the update window along each input dim (1 along
  /// inserted and batching dims).
  SmallVector<int64_t> windowSizes(RankedTensorType updateType,
                                   int64_t inputRank) const {
    SmallVector<int64_t> sizes(inputRank, 1);
    for (auto [window, inputDim] :
         llvm::zip(dims.getUpdateWindowDims(), windowInputDims))
      sizes[inputDim] = updateType.getDimSize(window);
    return sizes;
  }

  /// The result index of the update element at `updateIndex`, whose window
  /// starts at `start`.
  SmallVector<Value> resultIndex(OpBuilder &b, Location loc,
                                 ArrayRef<Value> start,
                                 ValueRange updateIndex) const {
    SmallVector<Value> result(start);
    for (auto [window, inputDim] :
         llvm::zip(dims.getUpdateWindowDims(), windowInputDims))
      result[inputDim] = result[inputDim]
                             ? arith::AddIOp::create(b, loc, result[inputDim],
                                                     updateIndex[window])
                             : updateIndex[window];
    Value zero;
    for (Value &entry : result)
      if (!entry)
        entry =
            zero ? zero : (zero = arith::ConstantIndexOp::create(b, loc, 0));
    return result;
  }
};

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
    auto inputType = cast<RankedTensorType>(op.getInputs().front().getType());
    auto updateType = cast<RankedTensorType>(op.getUpdates().front().getType());
    ScatterIndexing indexing(op);
    SmallVector<int64_t> windowSizes =
        indexing.windowSizes(updateType, inputType.getRank());
    Value indices = adaptor.getScatterIndices();
    ValueRange updates = adaptor.getUpdates();
    Block &body = op.getUpdateComputation().front();
    size_t count = op.getInputs().size();

    Value zero = arith::ConstantIndexOp::create(rewriter, loc, 0);
    Value one = arith::ConstantIndexOp::create(rewriter, loc, 1);
    SmallVector<Value> lowerBounds(updateType.getRank(), zero);
    SmallVector<Value> steps(updateType.getRank(), one);
    SmallVector<Value> upperBounds;
    for (int64_t size : updateType.getShape())
      upperBounds.push_back(
          arith::ConstantIndexOp::create(rewriter, loc, size));

    scf::LoopNest nest = scf::buildLoopNest(
        rewriter, loc, lowerBounds, upperBounds, steps, adaptor.getInputs(),
        [&](OpBuilder &b, Location l, ValueRange updateIndex,
            ValueRange results) -> scf::ValueVector {
          SmallVector<Value> start = indexing.windowStart(
              b, l, indices, inputType.getRank(), updateIndex);
          Value inBounds =
              emitWindowInBounds(b, l, start, windowSizes, inputType);
          SmallVector<Value> resultIndex =
              indexing.resultIndex(b, l, start, updateIndex);
          auto ifOp = scf::IfOp::create(
              b, l, inBounds,
              [&](OpBuilder &tb, Location tl) {
                SmallVector<Value> args;
                for (Value result : results)
                  args.push_back(
                      tensor::ExtractOp::create(tb, tl, result, resultIndex));
                for (Value update : updates)
                  args.push_back(
                      tensor::ExtractOp::create(tb, tl, update, updateIndex));
                SmallVector<Value> combined = emitScalarBody(tb, body, args);
                SmallVector<Value> updated;
                for (size_t i = 0; i < count; ++i)
                  updated.push_back(tensor::InsertOp::create(
                      tb, tl, combined[i], results[i], resultIndex));
                scf::YieldOp::create(tb, tl, updated);
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

void stablehlo_lowering::populateScatterPatterns(RewritePatternSet &patterns) {
  patterns.add<ScatterToLoops>(patterns.getContext());
}
