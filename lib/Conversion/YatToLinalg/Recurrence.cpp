//===- Recurrence.cpp - lower yat.linear_recurrence to scf + linalg -------===//

#include "LoweringUtils.h"
#include "PopulatePatterns.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Arith/Utils/Utils.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/PatternMatch.h"
#include "yat/Dialect/Yat/IR/Yat.h"

#define DEBUG_TYPE "convert-yat-to-linalg"

using namespace mlir;
using namespace mlir::yat;
using namespace mlir::yat::lowering;

/// `value` (a B x D tensor) with its elements converted to `elementType` by
/// an elementwise `linalg.generic`, or unchanged when it already has it.
static Value convertState(OpBuilder &b, Location loc, Value value,
                          ArrayRef<OpFoldResult> sizes, Type elementType) {
  auto type = cast<RankedTensorType>(value.getType());
  if (type.getElementType() == elementType)
    return value;
  AffineMap identity = AffineMap::getMultiDimIdentityMap(2, b.getContext());
  return createGeneric(
      b, loc, value, createEmptyTensor(b, loc, sizes, elementType),
      {identity, identity}, getIterators(2),
      [&](OpBuilder &nb, Location nl, ValueRange args) -> Value {
        return convertFloat(nb, nl, args[0], elementType);
      });
}

namespace {

/// Rewrites `yat.linear_recurrence` into an `scf.for` over the time steps
/// (taken from T−1 down to 0 with `reverse`) that carries the `B × D` state
/// in the compute type and the `B × T × D` result. Each step extracts
/// `a_t`, `b_t` and the step's slice of the result with
/// `tensor.extract_slice`, and one elementwise `linalg.generic` computes
/// `a_t ⊙ h + b_t` into the state and, rounded to the result type, into
/// that slice, which `tensor.insert_slice` puts back. `h_last` is the final
/// state. When nothing reads `h`, only the state is computed.
struct LinearRecurrenceOpLowering : OpRewritePattern<LinearRecurrenceOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(LinearRecurrenceOp op,
                                PatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    MLIRContext *context = rewriter.getContext();
    Type elementType = op.getH().getType().getElementType();
    Type computeType = getComputeType(elementType);
    Value a = op.getA();
    Value b = op.getB();
    bool reverse = op.getReverse();

    OpFoldResult batch = tensor::getMixedSize(rewriter, loc, a, 0);
    OpFoldResult steps = tensor::getMixedSize(rewriter, loc, a, 1);
    OpFoldResult depth = tensor::getMixedSize(rewriter, loc, a, 2);
    SmallVector<OpFoldResult> stateSizes = {batch, depth};

    Value state;
    if (Value h0 = op.getH0())
      state = convertState(rewriter, loc, h0, stateSizes, computeType);
    else
      state = createFilledTensor(rewriter, loc, stateSizes,
                                 rewriter.getFloatAttr(computeType, 0.0));
    // A more static h0 type than a's must not change the carried type.
    state = castToType(
        rewriter, loc, state,
        RankedTensorType::get(
            {cast<RankedTensorType>(op.getA().getType()).getDimSize(0),
             cast<RankedTensorType>(op.getA().getType()).getDimSize(2)},
            computeType));
    Value states =
        createEmptyTensor(rewriter, loc, {batch, steps, depth}, elementType);
    // With every state but the last unused, the loop carries the state only.
    bool writesStates = !op.getH().use_empty();
    SmallVector<Value> loopInit = {state};
    if (writesStates)
      loopInit.push_back(states);

    Value zero = arith::ConstantIndexOp::create(rewriter, loc, 0);
    Value one = arith::ConstantIndexOp::create(rewriter, loc, 1);
    Value stepCount = getValueOrCreateConstantIndexOp(rewriter, loc, steps);
    Value lastStep =
        reverse
            ? arith::SubIOp::create(rewriter, loc, stepCount, one).getResult()
            : Value();
    AffineMap identity = AffineMap::getMultiDimIdentityMap(2, context);
    auto loop = scf::ForOp::create(
        rewriter, loc, zero, stepCount, one, loopInit,
        [&](OpBuilder &nb, Location nl, Value iv, ValueRange carried) {
          Value t =
              reverse ? arith::SubIOp::create(nb, nl, lastStep, iv).getResult()
                      : iv;
          SmallVector<OpFoldResult> offsets = {nb.getIndexAttr(0), t,
                                               nb.getIndexAttr(0)};
          SmallVector<OpFoldResult> sizes = {batch, nb.getIndexAttr(1), depth};
          SmallVector<OpFoldResult> strides(3, nb.getIndexAttr(1));
          auto sliceType = [&](Value source) {
            return tensor::ExtractSliceOp::inferCanonicalRankReducedResultType(
                2, cast<RankedTensorType>(source.getType()), sizes);
          };
          Value aStep = tensor::ExtractSliceOp::create(nb, nl, sliceType(a), a,
                                                       offsets, sizes, strides);
          Value bStep = tensor::ExtractSliceOp::create(nb, nl, sliceType(b), b,
                                                       offsets, sizes, strides);
          // One generic writes the new state over the carried one (so that
          // the loop updates one buffer in place) and, rounded to the
          // result type, into the step's slice of h.
          SmallVector<Value> outputs = {carried[0]};
          if (writesStates)
            outputs.push_back(tensor::ExtractSliceOp::create(
                nb, nl, sliceType(carried[1]), carried[1], offsets, sizes,
                strides));
          auto step = linalg::GenericOp::create(
              nb, nl, ValueRange(outputs).getTypes(), ValueRange{aStep, bStep},
              outputs, SmallVector<AffineMap>(2 + outputs.size(), identity),
              getIterators(2),
              [&](OpBuilder &bb, Location bl, ValueRange args) {
                Value decayed = arith::MulFOp::create(
                    bb, bl, convertFloat(bb, bl, args[0], computeType),
                    args[2]);
                Value next = arith::AddFOp::create(
                    bb, bl, decayed,
                    convertFloat(bb, bl, args[1], computeType));
                SmallVector<Value> results = {next};
                if (writesStates)
                  results.push_back(convertFloat(bb, bl, next, elementType));
                linalg::YieldOp::create(bb, bl, results);
              });
          SmallVector<Value> yielded = {step.getResult(0)};
          if (writesStates)
            yielded.push_back(tensor::InsertSliceOp::create(
                nb, nl, step.getResult(1), carried[1], offsets, sizes,
                strides));
          scf::YieldOp::create(nb, nl, yielded);
        });

    Value h = writesStates ? loop.getResult(1) : states;
    Value hLast =
        convertState(rewriter, loc, loop.getResult(0), stateSizes, elementType);
    rewriter.replaceOp(
        op, {castToType(rewriter, loc, h, op.getH().getType()),
             castToType(rewriter, loc, hLast, op.getHLast().getType())});
    return success();
  }
};

} // namespace

void lowering::populateRecurrenceToLinalgPatterns(RewritePatternSet &patterns) {
  patterns.add<LinearRecurrenceOpLowering>(patterns.getContext());
}
