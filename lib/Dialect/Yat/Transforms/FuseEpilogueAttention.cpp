//===- FuseEpilogueAttention.cpp - flash-style yat.attention --------------===//
//
// yat.attention needs no tile loops of its own. Upstream's scf::tileUsingSCF
// cuts it, through its TilingInterface, into an scf.forall over (batch,
// head, query tile) whose tiles are yat.attention ops of one head and a
// tile of queries, each reading only the keys its queries see (a prefix
// when causal, so that hidden key blocks are never visited). Each tile is
// then decomposed flash-style: an scf.for over key blocks carries the
// online softmax's running row maxima and sums (the sums alone for l1) and
// the `queries x Dv` f32 accumulator, so that no `Tq x Tk` score matrix
// exists. A block's q·k and p·v are linalg.matmul ops and its scores and
// softmax steps linalg.generic ops, which the code generation of
// yat-cpu-pipeline vectorizes like any other.
//
// Each block's keys are transposed (and widened to f32) for the
// outer-product kernel inside the loop, right before the matmul that reads
// them. `python3 bench/run.py`, causal B=1 H=16 T=2048 D=64 f32, 2 threads,
// AMD EPYC (2026-12-01): 57-62 ms, as fast as transposing all keys once
// per head (60 ms); the dot-product kernel on untransposed keys took
// 75-79 ms.
//
//===----------------------------------------------------------------------===//

#include "FuseEpilogue.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/SCF/Transforms/TileUsingInterface.h"
#include "mlir/Dialect/SCF/Transforms/Transforms.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "yat/Dialect/Yat/IR/Yat.h"
#include "llvm/Support/Debug.h"

#include <limits>

#define DEBUG_TYPE "yat-fuse-epilogue"

using namespace mlir;
using namespace mlir::yat;
using namespace mlir::yat::fusion;

namespace {

constexpr double kNegativeInfinity = -std::numeric_limits<double>::infinity();

/// Whether the fused lowering takes `op`: f32, f16 or bf16 elements, static
/// head counts and head dims, and no dim known to be empty. Batch and
/// sequence lengths may be dynamic.
bool isFusableAttention(AttentionOp op) {
  for (Value value : {op.getQ(), op.getK(), op.getV(), op.getResult()}) {
    auto type = cast<RankedTensorType>(value.getType());
    if (!isa<Float32Type, Float16Type, BFloat16Type>(type.getElementType()) ||
        type.isDynamicDim(1) || type.isDynamicDim(3) ||
        llvm::is_contained(type.getShape(), 0))
      return false;
  }
  return true;
}

/// The `T x C` matrix of a `1 x 1 x T x C` tensor (one batch, one head).
Value extractHeadMatrix(OpBuilder &b, Location loc, Value source) {
  auto type = cast<RankedTensorType>(source.getType());
  OpFoldResult zero = b.getIndexAttr(0), one = b.getIndexAttr(1);
  SmallVector<OpFoldResult> sizes = {one, one,
                                     tensor::getMixedSize(b, loc, source, 2),
                                     b.getIndexAttr(type.getDimSize(3))};
  return tensor::ExtractSliceOp::create(
      b, loc,
      RankedTensorType::get(type.getShape().drop_front(2),
                            type.getElementType()),
      source, SmallVector<OpFoldResult>(4, zero), sizes,
      SmallVector<OpFoldResult>(4, one));
}

/// The rows `[row, row + count)` of the matrix `source`.
Value extractRows(OpBuilder &b, Location loc, Value source, Value row,
                  OpFoldResult count) {
  OpFoldResult zero = b.getIndexAttr(0), one = b.getIndexAttr(1);
  return tensor::ExtractSliceOp::create(
      b, loc, source, ArrayRef<OpFoldResult>{row, zero},
      ArrayRef<OpFoldResult>{count, tensor::getMixedSize(b, loc, source, 1)},
      ArrayRef<OpFoldResult>{one, one});
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

/// `keys` (a `count x D` block) transposed to `D x count` and widened to
/// f32, the right operand of the outer-product kernel.
Value createTransposedF32(OpBuilder &b, Location loc, Value keys) {
  MLIRContext *context = b.getContext();
  Value empty = tensor::EmptyOp::create(
      b, loc,
      ArrayRef<OpFoldResult>{tensor::getMixedSize(b, loc, keys, 1),
                             tensor::getMixedSize(b, loc, keys, 0)},
      b.getF32Type());
  return createGeneric(
      b, loc, keys, empty,
      {getDimsMap(context, 2, {1, 0}), getDimsMap(context, 2, {0, 1})},
      getIterators(2), [](OpBuilder &nb, Location nl, ValueRange args) {
        return extendToF32(nb, nl, args[0]);
      });
}

/// The flash-style decomposition of `op`, a tile of one batch element and
/// one head (see the file comment). Returns the tile's result.
struct TileDecomposition {
  AttentionOp op;
  int64_t keyTile;

  Value build(RewriterBase &b) {
    Location loc = op.getLoc();
    auto resultType = op.getResult().getType();
    int64_t valueDepth = resultType.getDimSize(3);
    bool causal = op.getCausal();
    bool softmax = op.getNormalization() == Normalization::softmax;
    double l1Epsilon = op.getL1Epsilon().convertToDouble();

    Value queries = extractHeadMatrix(b, loc, op.getQ());
    Value keys = extractHeadMatrix(b, loc, op.getK());
    Value values = extractHeadMatrix(b, loc, op.getV());
    OpFoldResult rows = tensor::getMixedSize(b, loc, queries, 0);
    Value keyCount = getValueOrCreateConstantIndexOp(
        b, loc, tensor::getMixedSize(b, loc, keys, 0));
    Value queryNorms = createSumOfSquares(b, loc, queries, {1});
    // Key j is hidden from query i when j > i + (Tk − Tq).
    Value causalOffset;
    if (causal)
      causalOffset = arith::SubIOp::create(
          b, loc, keyCount, getValueOrCreateConstantIndexOp(b, loc, rows));

    SmallVector<Value> loopInit;
    if (softmax)
      loopInit.push_back(createFilled(b, loc, {rows}, kNegativeInfinity));
    loopInit.push_back(createFilled(b, loc, {rows}, 0.0));
    loopInit.push_back(
        createFilled(b, loc, {rows, b.getIndexAttr(valueDepth)}, 0.0));
    Value zero = arith::ConstantIndexOp::create(b, loc, 0);
    Value step = arith::ConstantIndexOp::create(b, loc, keyTile);
    auto loop = scf::ForOp::create(
        b, loc, zero, keyCount, step, loopInit,
        [&](OpBuilder &lb, Location ll, Value key, ValueRange carried) {
          OpFoldResult cols =
              getTileSize(lb, ll, key, getAsOpFoldResult(keyCount), keyTile);
          Value keyBlock = extractRows(lb, ll, keys, key, cols);
          Value keyNorms = createSumOfSquares(lb, ll, keyBlock, {1});
          Value dot = createMatmul(lb, ll, queries,
                                   createTransposedF32(lb, ll, keyBlock),
                                   createFilled(lb, ll, {rows, cols}, 0.0));
          Value scores = createScores(lb, ll, dot, queryNorms, keyNorms, key,
                                      causalOffset, softmax);
          Value valueBlock = extractRows(lb, ll, values, key, cols);
          SmallVector<Value> next =
              softmax ? updateSoftmax(lb, ll, scores, valueBlock, carried)
                      : updateL1(lb, ll, scores, valueBlock, carried);
          scf::YieldOp::create(lb, ll, next);
        });

    // Full blocks get static shapes, and the kernels no masks, when the
    // last partial block runs in a loop of its own.
    scf::ForOp lastBlock;
    scf::ForOp finalLoop = loop;
    if (succeeded(scf::peelForLoopAndSimplifyBounds(b, loop, lastBlock)))
      finalLoop = lastBlock;
    b.setInsertionPointAfter(finalLoop);

    // p · v divided by the row sums; a row that saw no key (every key
    // hidden, or none at all) yields 0.
    Value rowSums = finalLoop.getResult(softmax ? 1 : 0);
    Value accumulator = finalLoop.getResult(softmax ? 2 : 1);
    MLIRContext *context = b.getContext();
    Type resultElement = resultType.getElementType();
    Value out = tensor::EmptyOp::create(
        b, loc, ArrayRef<OpFoldResult>{rows, b.getIndexAttr(valueDepth)},
        resultElement);
    Value normalized = createGeneric(
        b, loc, ValueRange{accumulator, rowSums}, out,
        {getDimsMap(context, 2, {0, 1}), getDimsMap(context, 2, {0}),
         getDimsMap(context, 2, {0, 1})},
        getIterators(2),
        [&](OpBuilder &bb, Location bl, ValueRange args) -> Value {
          Value denominator = args[1];
          if (!softmax)
            denominator = arith::AddFOp::create(
                bb, bl, denominator, createF32Constant(bb, bl, l1Epsilon));
          Value value = arith::DivFOp::create(bb, bl, args[0], denominator);
          if (softmax) {
            Value empty = arith::CmpFOp::create(
                bb, bl, arith::CmpFPredicate::OEQ, denominator,
                createF32Constant(bb, bl, 0.0));
            value = arith::SelectOp::create(
                bb, bl, empty, createF32Constant(bb, bl, 0.0), value);
          }
          return truncateFromF32(bb, bl, value, resultElement);
        });
    return tensor::ExpandShapeOp::create(
        b, loc, resultType, normalized,
        ArrayRef<ReassociationIndices>{{0, 1, 2}, {3}});
  }

  /// The ⵟ scores of one block, masked: -inf (softmax) or 0 (l1) for keys
  /// hidden by `causal`.
  Value createScores(OpBuilder &b, Location loc, Value dot, Value queryNorms,
                     Value keyNorms, Value key, Value causalOffset,
                     bool softmax) {
    MLIRContext *context = b.getContext();
    Value empty = tensor::EmptyOp::create(
        b, loc, tensor::getMixedSizes(b, loc, dot), b.getF32Type());
    double epsilon = op.getEpsilon().convertToDouble();
    double scale = op.getScaleOrDefault();
    return createGeneric(
        b, loc, ValueRange{dot, queryNorms, keyNorms}, empty,
        {getDimsMap(context, 2, {0, 1}), getDimsMap(context, 2, {0}),
         getDimsMap(context, 2, {1}), getDimsMap(context, 2, {0, 1})},
        getIterators(2),
        [&](OpBuilder &nb, Location nl, ValueRange args) -> Value {
          Value score = createYatScore(nb, nl, args[0], args[1], args[2],
                                       /*bias=*/Value(), epsilon, scale);
          if (!causalOffset)
            return score;
          // Masked when key + j > i + (Tk − Tq).
          Value i = linalg::IndexOp::create(nb, nl, 0);
          Value j = linalg::IndexOp::create(nb, nl, 1);
          Value lastVisible = arith::AddIOp::create(nb, nl, i, causalOffset);
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
};

} // namespace

LogicalResult fusion::fuseAttentions(Operation *root, const TileSizes &sizes) {
  SmallVector<AttentionOp> attentions;
  root->walk([&](AttentionOp op) {
    if (isFusableAttention(op))
      attentions.push_back(op);
  });
  IRRewriter rewriter(root->getContext());
  SmallVector<AttentionOp> tiles;
  for (AttentionOp op : attentions) {
    // One batch element, one head and `queryTile` queries per tile.
    int64_t queries = op.getQ().getType().getDimSize(2);
    int64_t queryTile = ShapedType::isDynamic(queries)
                            ? sizes.queryTile
                            : std::min(sizes.queryTile, queries);
    scf::SCFTilingOptions options;
    options.setLoopType(scf::SCFTilingOptions::LoopType::ForallOp);
    options.setTileSizes(getAsIndexOpFoldResult(
        root->getContext(), ArrayRef<int64_t>{1, 1, queryTile, 0}));
    rewriter.setInsertionPoint(op);
    FailureOr<scf::SCFTilingResult> tiled = scf::tileUsingSCF(
        rewriter, cast<TilingInterface>(op.getOperation()), options);
    if (failed(tiled))
      return op.emitOpError() << "could not be tiled by batch, head and "
                                 "query tile";
    LLVM_DEBUG(llvm::dbgs() << "tiled " << op << "\n");
    rewriter.replaceOp(op, tiled->replacements);
    for (Operation *tile : tiled->tiledOps)
      tiles.push_back(cast<AttentionOp>(tile));
  }
  for (AttentionOp tile : tiles) {
    rewriter.setInsertionPoint(tile);
    Value result = TileDecomposition{tile, sizes.keyTile}.build(rewriter);
    rewriter.replaceOp(tile, result);
  }
  return success();
}
