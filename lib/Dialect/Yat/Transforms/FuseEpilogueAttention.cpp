//===- FuseEpilogueAttention.cpp - flash-style yat.attention --------------===//

#include "FuseEpilogue.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "yat/Dialect/Yat/IR/Yat.h"

#include <limits>

#define DEBUG_TYPE "yat-fuse-epilogue"

using namespace mlir;
using namespace mlir::yat;
using namespace mlir::yat::fusion;

namespace {

constexpr double kNegativeInfinity = -std::numeric_limits<double>::infinity();

/// The rank-reduced `rows x cols` slice `source[b, h, row : row + rows, 0 :
/// cols]` of a `B x H x T x C` tensor.
Value extractMatrix(OpBuilder &b, Location loc, Value source, Value batch,
                    Value head, OpFoldResult row, OpFoldResult rows,
                    int64_t cols) {
  auto type = cast<RankedTensorType>(source.getType());
  OpFoldResult one = b.getIndexAttr(1), zero = b.getIndexAttr(0);
  std::optional<int64_t> staticRows = getConstantIntValue(rows);
  auto resultType = RankedTensorType::get(
      {staticRows ? *staticRows : ShapedType::kDynamic, cols},
      type.getElementType());
  return tensor::ExtractSliceOp::create(
      b, loc, resultType, source,
      ArrayRef<OpFoldResult>{batch, head, row, zero},
      ArrayRef<OpFoldResult>{one, one, rows, b.getIndexAttr(cols)},
      ArrayRef<OpFoldResult>{one, one, one, one});
}

/// The rank-reduced `count` slice `source[b, h, start : start + count]` of a
/// `B x H x T` tensor.
Value extractRow(OpBuilder &b, Location loc, Value source, Value batch,
                 Value head, OpFoldResult start, OpFoldResult count) {
  auto type = cast<RankedTensorType>(source.getType());
  OpFoldResult one = b.getIndexAttr(1);
  std::optional<int64_t> staticCount = getConstantIntValue(count);
  auto resultType =
      RankedTensorType::get({staticCount ? *staticCount : ShapedType::kDynamic},
                            type.getElementType());
  return tensor::ExtractSliceOp::create(
      b, loc, resultType, source, ArrayRef<OpFoldResult>{batch, head, start},
      ArrayRef<OpFoldResult>{one, one, count},
      ArrayRef<OpFoldResult>{one, one, one});
}

/// The rank-reduced `D x count` slice `kT[b, h, :, start : start + count]`.
Value extractKeyColumns(OpBuilder &b, Location loc, Value keysT, Value batch,
                        Value head, OpFoldResult start, OpFoldResult count) {
  auto type = cast<RankedTensorType>(keysT.getType());
  int64_t depth = type.getDimSize(2);
  OpFoldResult one = b.getIndexAttr(1), zero = b.getIndexAttr(0);
  std::optional<int64_t> staticCount = getConstantIntValue(count);
  auto resultType = RankedTensorType::get(
      {depth, staticCount ? *staticCount : ShapedType::kDynamic},
      type.getElementType());
  return tensor::ExtractSliceOp::create(
      b, loc, resultType, keysT,
      ArrayRef<OpFoldResult>{batch, head, zero, start},
      ArrayRef<OpFoldResult>{one, one, b.getIndexAttr(depth), count},
      ArrayRef<OpFoldResult>{one, one, one, one});
}

Value createMatmul(OpBuilder &b, Location loc, Value lhs, Value rhs,
                   Value init) {
  return linalg::MatmulOp::create(b, loc, TypeRange{init.getType()},
                                  ValueRange{lhs, rhs}, ValueRange{init})
      .getResult(0);
}

Value createFilled(OpBuilder &b, Location loc, ArrayRef<OpFoldResult> sizes,
                   double value) {
  Value empty = tensor::EmptyOp::create(b, loc, sizes, b.getF32Type());
  return linalg::FillOp::create(b, loc, createF32Constant(b, loc, value), empty)
      .getResult(0);
}

/// `value`, or 0 where `value` is -inf: the softmax reference point of a row
/// that has seen no visible key yet, so that `exp(s − max)` is never NaN.
Value createFiniteMaximum(OpBuilder &b, Location loc, Value value) {
  Value isInfinite =
      arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OEQ, value,
                            createF32Constant(b, loc, kNegativeInfinity));
  return arith::SelectOp::create(b, loc, isInfinite,
                                 createF32Constant(b, loc, 0.0), value);
}

/// `result[b, h] = perHead(input[b, h])` for a `B x H x ...` tensor: one
/// forall iteration per (batch, head), so that the copy runs in parallel.
Value createPerHead(
    OpBuilder &b, Location loc, Value input, RankedTensorType resultType,
    function_ref<Value(OpBuilder &, Location, Value, Value)> perHead) {
  auto inputType = cast<RankedTensorType>(input.getType());
  ArrayRef<int64_t> shape = resultType.getShape();
  Value init =
      tensor::EmptyOp::create(b, loc, shape, resultType.getElementType());
  scf::ForallOp forall = createTiledForall(
      b, loc, {shape[0], shape[1]}, {1, 1}, init,
      [&](OpBuilder &nb, Location nl, ValueRange ivs, Value sharedOut,
          SmallVectorImpl<OpFoldResult> &offsets,
          SmallVectorImpl<OpFoldResult> &sizes) -> Value {
        OpFoldResult zero = nb.getIndexAttr(0), one = nb.getIndexAttr(1);
        offsets.assign({ivs[0], ivs[1], zero, zero});
        sizes.assign(
            {one, one, nb.getIndexAttr(shape[2]), nb.getIndexAttr(shape[3])});
        SmallVector<OpFoldResult> strides(4, one);
        Value slice = tensor::ExtractSliceOp::create(
            nb, nl,
            RankedTensorType::get(inputType.getShape().drop_front(2),
                                  inputType.getElementType()),
            input, ArrayRef<OpFoldResult>{ivs[0], ivs[1], zero, zero},
            ArrayRef<OpFoldResult>{one, one,
                                   nb.getIndexAttr(inputType.getDimSize(2)),
                                   nb.getIndexAttr(inputType.getDimSize(3))},
            strides);
        Value outSlice = tensor::ExtractSliceOp::create(
            nb, nl,
            RankedTensorType::get(shape.drop_front(2),
                                  resultType.getElementType()),
            sharedOut, offsets, sizes, strides);
        return perHead(nb, nl, slice, outSlice);
      });
  return forall.getResult(0);
}

/// A copy of `keys: B x H x T x D` as `B x H x D x T` in f32, transposed
/// head by head in parallel.
Value createTransposedKeys(OpBuilder &b, Location loc, Value keys) {
  auto type = cast<RankedTensorType>(keys.getType());
  ArrayRef<int64_t> shape = type.getShape();
  auto resultType = RankedTensorType::get(
      {shape[0], shape[1], shape[3], shape[2]}, b.getF32Type());
  MLIRContext *context = b.getContext();
  return createPerHead(
      b, loc, keys, resultType,
      [&](OpBuilder &nb, Location nl, Value head, Value out) {
        return createGeneric(
            nb, nl, head, out,
            {getDimsMap(context, 2, {1, 0}), getDimsMap(context, 2, {0, 1})},
            getIterators(2), [](OpBuilder &bb, Location bl, ValueRange args) {
              return extendToF32(bb, bl, args[0]);
            });
      });
}

/// `input` in f32 (a converting copy, head by head, unless it already is).
Value createF32Copy(OpBuilder &b, Location loc, Value input) {
  auto type = cast<RankedTensorType>(input.getType());
  if (type.getElementType().isF32())
    return input;
  AffineMap identity = AffineMap::getMultiDimIdentityMap(2, b.getContext());
  return createPerHead(
      b, loc, input, RankedTensorType::get(type.getShape(), b.getF32Type()),
      [&](OpBuilder &nb, Location nl, Value head, Value out) {
        return createGeneric(nb, nl, head, out, {identity, identity},
                             getIterators(2),
                             [](OpBuilder &bb, Location bl, ValueRange args) {
                               return extendToF32(bb, bl, args[0]);
                             });
      });
}

/// Rewrites `yat.attention` with static shapes into flash-style loops: an
/// `scf.forall` over (batch, head, query tile) and, inside, an `scf.for`
/// over key tiles carrying the running row maximum, the running row sum and
/// the `query-tile x Dv` f32 accumulator (softmax), or the running sum and
/// the accumulator (l1). Each key step computes a `query-tile x key-tile`
/// block of `q·k` with `linalg.matmul` against keys transposed once before
/// the loop, turns it into masked ⵟ scores with one `linalg.generic`,
/// updates the running statistics (rescaling the accumulator by
/// `exp(old max − new max)`) and accumulates `p · v` with `linalg.matmul`.
/// With `causal`, the key loop stops after the last key visible to the
/// tile's last query.
struct FuseAttentionPattern : OpRewritePattern<AttentionOp> {
  FuseAttentionPattern(MLIRContext *context, const TileSizes &sizes)
      : OpRewritePattern<AttentionOp>(context), sizes(sizes) {}

  LogicalResult matchAndRewrite(AttentionOp op,
                                PatternRewriter &rewriter) const override {
    for (Value operand : {op.getQ(), op.getK(), op.getV(), op.getResult()})
      if (!isFusableTensorType(operand.getType()))
        return rewriter.notifyMatchFailure(
            op, "the fused lowering needs non-empty static shapes and "
                "f32, f16 or bf16 elements");
    auto qType = op.getQ().getType();
    auto kType = op.getK().getType();
    if (qType.getDimSize(1) % kType.getDimSize(1) != 0)
      return rewriter.notifyMatchFailure(op, "heads not a multiple of kv "
                                             "heads");
    if (op.getCausal() && qType.getDimSize(2) > kType.getDimSize(2))
      return rewriter.notifyMatchFailure(op, "causal with more queries than "
                                             "keys");
    rewriter.replaceOp(op, lower(rewriter, op));
    return success();
  }

  Value lower(PatternRewriter &b, AttentionOp op) const {
    Location loc = op.getLoc();
    MLIRContext *context = b.getContext();
    auto qType = op.getQ().getType();
    auto resultType = op.getResult().getType();
    int64_t batches = qType.getDimSize(0), heads = qType.getDimSize(1);
    int64_t queries = qType.getDimSize(2), depth = qType.getDimSize(3);
    int64_t kvHeads = op.getK().getType().getDimSize(1);
    int64_t keys = op.getK().getType().getDimSize(2);
    int64_t valueDepth = resultType.getDimSize(3);
    int64_t groupSize = heads / kvHeads;
    bool causal = op.getCausal();
    bool softmax = op.getNormalization() == Normalization::softmax;
    double scale = op.getScaleOrDefault();
    double epsilon = op.getEpsilon().convertToDouble();
    double l1Epsilon = op.getL1Epsilon().convertToDouble();
    // Key j is hidden from query i when j > i + (Tk − Tq).
    int64_t causalOffset = keys - queries;

    // Computed once, all linear in the sequence lengths.
    Value q = op.getQ();
    Value queryNorms = createSumOfSquares(b, loc, q, {3});
    Value keyNorms = createSumOfSquares(b, loc, op.getK(), {3});
    Value keysT = createTransposedKeys(b, loc, op.getK());
    Value values = createF32Copy(b, loc, op.getV());

    int64_t queryStep = std::min(queries, sizes.queryTile);
    int64_t keyStep = std::min(keys, sizes.keyTile);
    Value init = tensor::EmptyOp::create(b, loc, resultType.getShape(),
                                         resultType.getElementType());
    scf::ForallOp forall = createTiledForall(
        b, loc, {batches, heads, queries}, {1, 1, queryStep}, init,
        [&](OpBuilder &nb, Location nl, ValueRange ivs, Value sharedOut,
            SmallVectorImpl<OpFoldResult> &offsets,
            SmallVectorImpl<OpFoldResult> &tileSizes) -> Value {
          Value batch = ivs[0], head = ivs[1], row = ivs[2];
          OpFoldResult rows = getTileSize(nb, nl, row, queries, queryStep);
          OpFoldResult one = nb.getIndexAttr(1);
          offsets.assign({batch, head, row, nb.getIndexAttr(0)});
          tileSizes.assign({one, one, rows, nb.getIndexAttr(valueDepth)});
          Value kvHead = affine::makeComposedAffineApply(
              nb, nl, nb.getAffineDimExpr(0).floorDiv(groupSize), {head});

          Value queryTile =
              extractMatrix(nb, nl, q, batch, head, row, rows, depth);
          Value queryNormsTile =
              extractRow(nb, nl, queryNorms, batch, head, row, rows);

          // Keys past this bound are hidden from every query of the tile.
          Value keyBound;
          if (causal) {
            AffineExpr d0 = nb.getAffineDimExpr(0), d1 = nb.getAffineDimExpr(1);
            AffineMap map = AffineMap::get(
                2, 0, {nb.getAffineConstantExpr(keys), d0 + d1 + causalOffset},
                context);
            keyBound = getValueOrCreateConstantIndexOp(
                nb, nl,
                affine::makeComposedFoldedAffineMin(nb, nl, map, {row, rows}));
          } else {
            keyBound = arith::ConstantIndexOp::create(nb, nl, keys);
          }

          SmallVector<Value> loopInit;
          if (softmax)
            loopInit.push_back(createFilled(nb, nl, {rows}, kNegativeInfinity));
          loopInit.push_back(createFilled(nb, nl, {rows}, 0.0));
          loopInit.push_back(
              createFilled(nb, nl, {rows, nb.getIndexAttr(valueDepth)}, 0.0));

          Value zero = arith::ConstantIndexOp::create(nb, nl, 0);
          Value step = arith::ConstantIndexOp::create(nb, nl, keyStep);
          auto loop = scf::ForOp::create(
              nb, nl, zero, keyBound, step, loopInit,
              [&](OpBuilder &lb, Location ll, Value key, ValueRange carried) {
                OpFoldResult cols = getTileSize(lb, ll, key, keys, keyStep);
                Value keyColumns =
                    extractKeyColumns(lb, ll, keysT, batch, kvHead, key, cols);
                Value keyNormsTile =
                    extractRow(lb, ll, keyNorms, batch, kvHead, key, cols);
                Value valueTile = extractMatrix(lb, ll, values, batch, kvHead,
                                                key, cols, valueDepth);
                Value dot =
                    createMatmul(lb, ll, queryTile, keyColumns,
                                 createFilled(lb, ll, {rows, cols}, 0.0));
                Value scores = createScores(
                    lb, ll, dot, queryNormsTile, keyNormsTile, row, key, scale,
                    epsilon, causal, causalOffset, softmax);
                SmallVector<Value> next;
                if (softmax)
                  next = updateSoftmax(lb, ll, scores, valueTile, carried);
                else
                  next = updateL1(lb, ll, scores, valueTile, carried);
                scf::YieldOp::create(lb, ll, next);
              });

          Value rowSums = loop.getResult(softmax ? 1 : 0);
          Value accumulator = loop.getResult(softmax ? 2 : 1);
          Value outTile = extractMatrix(nb, nl, sharedOut, batch, head, row,
                                        rows, valueDepth);
          Type resultElement = resultType.getElementType();
          return createGeneric(
              nb, nl, ValueRange{accumulator, rowSums}, outTile,
              {getDimsMap(context, 2, {0, 1}), getDimsMap(context, 2, {0}),
               getDimsMap(context, 2, {0, 1})},
              getIterators(2),
              [&](OpBuilder &bb, Location bl, ValueRange args) -> Value {
                Value denominator = args[1];
                if (!softmax)
                  denominator = arith::AddFOp::create(
                      bb, bl, denominator,
                      createF32Constant(bb, bl, l1Epsilon));
                Value value =
                    arith::DivFOp::create(bb, bl, args[0], denominator);
                return truncateFromF32(bb, bl, value, resultElement);
              });
        });
    return forall.getResult(0);
  }

  /// The ⵟ scores of one block, masked: -inf (softmax) or 0 (l1) for keys
  /// hidden by `causal`.
  static Value createScores(OpBuilder &b, Location loc, Value dot,
                            Value queryNorms, Value keyNorms, Value row,
                            Value key, double scale, double epsilon,
                            bool causal, int64_t causalOffset, bool softmax) {
    MLIRContext *context = b.getContext();
    Value empty = tensor::EmptyOp::create(
        b, loc, tensor::getMixedSizes(b, loc, dot), b.getF32Type());
    EpilogueParams params;
    params.epsilon = epsilon;
    params.alpha = scale;
    return createGeneric(
        b, loc, ValueRange{dot, queryNorms, keyNorms}, empty,
        {getDimsMap(context, 2, {0, 1}), getDimsMap(context, 2, {0}),
         getDimsMap(context, 2, {1}), getDimsMap(context, 2, {0, 1})},
        getIterators(2),
        [&](OpBuilder &nb, Location nl, ValueRange args) -> Value {
          Value score = createEpilogue(nb, nl, args[0], args[1], args[2],
                                       Value(), params);
          if (!causal)
            return score;
          // Masked when key + j > row + i + (Tk − Tq).
          Value i = linalg::IndexOp::create(nb, nl, 0);
          Value j = linalg::IndexOp::create(nb, nl, 1);
          Value query = arith::AddIOp::create(nb, nl, row, i);
          Value lastVisible = arith::AddIOp::create(
              nb, nl, query,
              arith::ConstantIndexOp::create(nb, nl, causalOffset));
          Value keyIndex = arith::AddIOp::create(nb, nl, key, j);
          Value masked = arith::CmpIOp::create(
              nb, nl, arith::CmpIPredicate::sgt, keyIndex, lastVisible);
          return arith::SelectOp::create(
              nb, nl, masked,
              createF32Constant(nb, nl, softmax ? kNegativeInfinity : 0.0),
              score);
        });
  }

  /// One online-softmax step: new row maxima, `p = exp(s − max)`, the row
  /// sums and accumulator rescaled by `exp(old max − new max)`, plus `p`'s
  /// row sums and `p · v`. The carried values are updated in place (each
  /// new value is written over the old one once nothing reads it any more).
  static SmallVector<Value> updateSoftmax(OpBuilder &b, Location loc,
                                          Value scores, Value valueTile,
                                          ValueRange carried) {
    MLIRContext *context = b.getContext();
    Value oldMax = carried[0], oldSum = carried[1], accumulator = carried[2];
    AffineMap block = getDimsMap(context, 2, {0, 1});
    AffineMap rowMap = getDimsMap(context, 2, {0});
    AffineMap rowIdentity = getDimsMap(context, 1, {0});
    SmallVector<OpFoldResult> rowSizes = tensor::getMixedSizes(b, loc, oldMax);
    Value blockMax = createGeneric(
        b, loc, scores, createFilled(b, loc, rowSizes, kNegativeInfinity),
        {block, rowMap}, getIterators(1, 1),
        [](OpBuilder &nb, Location nl, ValueRange args) -> Value {
          return arith::MaximumFOp::create(nb, nl, args[1], args[0]);
        });
    Value emptyRow = tensor::EmptyOp::create(b, loc, rowSizes, b.getF32Type());
    Value correction = createGeneric(
        b, loc, ValueRange{oldMax, blockMax}, emptyRow,
        {rowIdentity, rowIdentity, rowIdentity}, getIterators(1),
        [](OpBuilder &nb, Location nl, ValueRange args) -> Value {
          Value newMax = arith::MaximumFOp::create(nb, nl, args[0], args[1]);
          Value reference = createFiniteMaximum(nb, nl, newMax);
          return math::ExpOp::create(
              nb, nl, arith::SubFOp::create(nb, nl, args[0], reference));
        });
    Value newMax = createGeneric(
        b, loc, blockMax, oldMax, {rowIdentity, rowIdentity}, getIterators(1),
        [](OpBuilder &nb, Location nl, ValueRange args) -> Value {
          return arith::MaximumFOp::create(nb, nl, args[1], args[0]);
        });
    Value emptyBlock = tensor::EmptyOp::create(
        b, loc, tensor::getMixedSizes(b, loc, scores), b.getF32Type());
    Value probabilities = createGeneric(
        b, loc, ValueRange{scores, newMax}, emptyBlock, {block, rowMap, block},
        getIterators(2),
        [](OpBuilder &nb, Location nl, ValueRange args) -> Value {
          Value reference = createFiniteMaximum(nb, nl, args[1]);
          return math::ExpOp::create(
              nb, nl, arith::SubFOp::create(nb, nl, args[0], reference));
        });
    Value scaledSum =
        createGeneric(b, loc, ValueRange{correction}, oldSum,
                      {rowIdentity, rowIdentity}, getIterators(1),
                      [](OpBuilder &nb, Location nl, ValueRange args) -> Value {
                        return arith::MulFOp::create(nb, nl, args[1], args[0]);
                      });
    Value newSum = createGeneric(
        b, loc, probabilities, scaledSum, {block, rowMap}, getIterators(1, 1),
        [](OpBuilder &nb, Location nl, ValueRange args) -> Value {
          return arith::AddFOp::create(nb, nl, args[1], args[0]);
        });
    Value scaledAccumulator =
        createGeneric(b, loc, ValueRange{correction}, accumulator,
                      {rowMap, block}, getIterators(2),
                      [](OpBuilder &nb, Location nl, ValueRange args) -> Value {
                        return arith::MulFOp::create(nb, nl, args[1], args[0]);
                      });
    Value newAccumulator =
        createMatmul(b, loc, probabilities, valueTile, scaledAccumulator);
    return {newMax, newSum, newAccumulator};
  }

  /// One l1 step: the masked scores' row sums and `s · v` are added to the
  /// running ones.
  static SmallVector<Value> updateL1(OpBuilder &b, Location loc, Value scores,
                                     Value valueTile, ValueRange carried) {
    MLIRContext *context = b.getContext();
    Value newSum = createGeneric(
        b, loc, scores, carried[0],
        {getDimsMap(context, 2, {0, 1}), getDimsMap(context, 2, {0})},
        getIterators(1, 1),
        [](OpBuilder &nb, Location nl, ValueRange args) -> Value {
          return arith::AddFOp::create(nb, nl, args[1], args[0]);
        });
    Value newAccumulator = createMatmul(b, loc, scores, valueTile, carried[1]);
    return {newSum, newAccumulator};
  }

  TileSizes sizes;
};

} // namespace

void fusion::populateFuseAttentionPatterns(RewritePatternSet &patterns,
                                           const TileSizes &sizes) {
  patterns.add<FuseAttentionPattern>(patterns.getContext(), sizes);
}
