//===- Attention.cpp - lower yat.attention to linalg ----------------------===//

#include "LoweringUtils.h"
#include "PopulatePatterns.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Arith/Utils/Utils.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/PatternMatch.h"
#include "yat/Dialect/Yat/IR/Yat.h"

#include <limits>

#define DEBUG_TYPE "convert-yat-to-linalg"

using namespace mlir;
using namespace mlir::yat;
using namespace mlir::yat::lowering;

namespace {

/// Loop dims shared by the attention generics. The query space is
/// `(b, heads…, i)`, where the heads are `(h)` for one query head per kv
/// head and `(hkv, g)` for grouped heads; the score space appends the key
/// `j`. KV operands read `(b, first head dim, …)`.
struct AttentionLoops {
  unsigned numHeadDims;

  unsigned query() const { return 1 + numHeadDims; }
  unsigned key() const { return query() + 1; }
  unsigned numQueryDims() const { return query() + 1; }
  unsigned numScoreDims() const { return key() + 1; }

  /// `(b, heads…, i)` followed by `extra`.
  SmallVector<unsigned> queryDims(ArrayRef<unsigned> extra = {}) const {
    SmallVector<unsigned> dims;
    for (unsigned d = 0; d <= query(); ++d)
      dims.push_back(d);
    dims.append(extra.begin(), extra.end());
    return dims;
  }
  /// `(b, kv head)` followed by `extra`.
  SmallVector<unsigned> kvDims(ArrayRef<unsigned> extra) const {
    SmallVector<unsigned> dims = {0, 1};
    dims.append(extra.begin(), extra.end());
    return dims;
  }
};

/// Rewrites `yat.attention` into `linalg.generic` ops on tensors: the
/// squared norms of queries and keys, the contraction `q·k` over `D` (B ×
/// heads × Tq × Tk), the ⵟ scores with the causal mask applied as selects on
/// `linalg.index` values, the softmax (row maximum subtracted) or l1
/// normalization, and the contraction `p · v` over the keys. Grouped heads
/// (GQA/MQA) view `q` as `B × Hkv × H/Hkv × Tq × D`; with head counts known
/// only at run time, `k` and `v` are first gathered to one copy per query
/// head.
struct AttentionOpLowering : OpRewritePattern<AttentionOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(AttentionOp op,
                                PatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    MLIRContext *context = rewriter.getContext();
    auto resultType = op.getResult().getType();
    Type elementType = resultType.getElementType();
    Type computeType = getComputeType(elementType);
    if (!op.getScale() &&
        ShapedType::isDynamic(op.getQ().getType().getDimSize(3)))
      return rewriter.notifyMatchFailure(
          op, "needs a scale when the head dim is dynamic");

    Value q = op.getQ();
    Value k = op.getK();
    Value v = op.getV();
    int64_t heads = op.getQ().getType().getDimSize(1);
    int64_t kvHeads = op.getK().getType().getDimSize(1);
    bool staticHeads =
        ShapedType::isStatic(heads) && ShapedType::isStatic(kvHeads);
    bool grouped = staticHeads && heads != kvHeads;
    AttentionLoops loops{grouped ? 2u : 1u};

    OpFoldResult batch = tensor::getMixedSize(rewriter, loc, q, 0);
    OpFoldResult queries = tensor::getMixedSize(rewriter, loc, q, 2);
    OpFoldResult keys = tensor::getMixedSize(rewriter, loc, k, 2);
    OpFoldResult valueDepth = tensor::getMixedSize(rewriter, loc, v, 3);
    OpFoldResult headCount = tensor::getMixedSize(rewriter, loc, q, 1);
    OpFoldResult kvHeadCount = tensor::getMixedSize(rewriter, loc, k, 1);
    OpFoldResult groupSize = divideSize(rewriter, loc, headCount, kvHeadCount);
    SmallVector<OpFoldResult> headSizes;
    if (grouped) {
      // Query head h = hkv · (H/Hkv) + g reads kv head hkv = h / (H/Hkv):
      // view q as B × Hkv × H/Hkv × Tq × D, all head sizes static.
      headSizes = {kvHeadCount, groupSize};
      q = createExpandShape(rewriter, loc, q,
                            {ReassociationIndices{0},
                             ReassociationIndices{1, 2},
                             ReassociationIndices{3}, ReassociationIndices{4}},
                            {batch, kvHeadCount, groupSize, queries,
                             tensor::getMixedSize(rewriter, loc, q, 3)});
    } else {
      headSizes = {headCount};
      // With head counts known only at run time, give every query head its
      // own copy of its kv head (a gather); splitting q's head dim into two
      // dynamic sizes instead would need an expand_shape with two dynamic
      // dims in one group.
      if (!staticHeads) {
        Value group = getValueOrCreateConstantIndexOp(rewriter, loc, groupSize);
        k = repeatKvHeads(rewriter, loc, k, headCount, group);
        v = repeatKvHeads(rewriter, loc, v, headCount, group);
      }
    }
    SmallVector<OpFoldResult> querySizes = {batch};
    querySizes.append(headSizes);
    querySizes.push_back(queries);
    SmallVector<OpFoldResult> scoreSizes = querySizes;
    scoreSizes.push_back(keys);

    Value zeroScores = createFilledTensor(
        rewriter, loc, scoreSizes, rewriter.getFloatAttr(computeType, 0.0));
    Value emptyScores =
        createEmptyTensor(rewriter, loc, scoreSizes, computeType);
    Value queryNorms = createSumOfSquares(rewriter, loc, q, computeType);
    Value keyNorms = createSumOfSquares(rewriter, loc, k, computeType);

    // dot[b, heads, i, j] = Σ_d q[b, heads, i, d] · k[b, hkv, j, d].
    unsigned numDotLoops = loops.numScoreDims() + 1;
    unsigned depthDim = loops.numScoreDims();
    Value dot = createGeneric(
        rewriter, loc, ValueRange{q, k}, zeroScores,
        {getDimsMap(context, numDotLoops, loops.queryDims({depthDim})),
         getDimsMap(context, numDotLoops,
                    loops.kvDims({loops.key(), depthDim})),
         getDimsMap(context, numDotLoops, loops.queryDims({loops.key()}))},
        getIterators(loops.numScoreDims(), 1),
        [&](OpBuilder &b, Location l, ValueRange args) -> Value {
          Value product = arith::MulFOp::create(
              b, l, convertFloat(b, l, args[0], computeType),
              convertFloat(b, l, args[1], computeType));
          return arith::AddFOp::create(b, l, args[2], product);
        });

    // Key j is hidden from query i when j > i + (Tk - Tq).
    bool causal = op.getCausal();
    Value causalOffset =
        causal ? subtractSizes(rewriter, loc, keys, queries) : Value();
    auto isMasked = [&](OpBuilder &b, Location l) -> Value {
      Value i = linalg::IndexOp::create(b, l, loops.query());
      Value j = linalg::IndexOp::create(b, l, loops.key());
      Value lastVisible = arith::AddIOp::create(b, l, i, causalOffset);
      return arith::CmpIOp::create(b, l, arith::CmpIPredicate::sgt, j,
                                   lastVisible);
    };

    bool softmax = op.getNormalization() == Normalization::softmax;
    unsigned numScoreDims = loops.numScoreDims();
    AffineMap scoreMap =
        AffineMap::getMultiDimIdentityMap(numScoreDims, context);
    AffineMap rowMap = getDimsMap(context, numScoreDims, loops.queryDims());
    double scale = op.getScaleOrDefault();
    double epsilon = op.getEpsilon().convertToDouble();
    // Masked scores are -inf for softmax and 0 for l1, the values that make
    // them vanish from the row's normalization.
    double maskedScore =
        softmax ? -std::numeric_limits<double>::infinity() : 0.0;
    Value scores = createGeneric(
        rewriter, loc, ValueRange{dot, queryNorms, keyNorms}, emptyScores,
        {scoreMap, rowMap,
         getDimsMap(context, numScoreDims, loops.kvDims({loops.key()})),
         scoreMap},
        getIterators(numScoreDims),
        [&](OpBuilder &b, Location l, ValueRange args) -> Value {
          Value score = createYatValue(b, l, args[0], args[1], args[2], Value(),
                                       epsilon, scale, computeType);
          if (!causal)
            return score;
          return arith::SelectOp::create(
              b, l, isMasked(b, l),
              createFloatConstant(b, l, computeType, maskedScore), score);
        });

    auto createRowReduction = [&](Value input, double initValue,
                                  auto combine) -> Value {
      Value init =
          createFilledTensor(rewriter, loc, querySizes,
                             rewriter.getFloatAttr(computeType, initValue));
      return createGeneric(
          rewriter, loc, input, init, {scoreMap, rowMap},
          getIterators(numScoreDims - 1, 1),
          [&](OpBuilder &b, Location l, ValueRange args) -> Value {
            return combine(b, l, args[1], args[0]);
          });
    };
    auto createRowwise = [&](Value input, Value row, auto compute) -> Value {
      return createGeneric(
          rewriter, loc, ValueRange{input, row}, emptyScores,
          {scoreMap, rowMap, scoreMap}, getIterators(numScoreDims),
          [&](OpBuilder &b, Location l, ValueRange args) -> Value {
            Value value = compute(b, l, args[0], args[1]);
            if (!causal)
              return value;
            // Exactly 0 for masked keys, also in rows with no visible key.
            return arith::SelectOp::create(
                b, l, isMasked(b, l),
                createFloatConstant(b, l, computeType, 0.0), value);
          });
    };

    Value probabilities;
    if (softmax) {
      Value rowMax = createRowReduction(
          scores, -std::numeric_limits<double>::infinity(),
          [](OpBuilder &b, Location l, Value acc, Value value) -> Value {
            return arith::MaximumFOp::create(b, l, acc, value);
          });
      Value exponentials = createRowwise(
          scores, rowMax,
          [](OpBuilder &b, Location l, Value score, Value max) -> Value {
            return math::ExpOp::create(b, l,
                                       arith::SubFOp::create(b, l, score, max));
          });
      Value rowSum = createRowReduction(
          exponentials, 0.0,
          [](OpBuilder &b, Location l, Value acc, Value value) -> Value {
            return arith::AddFOp::create(b, l, acc, value);
          });
      probabilities = createRowwise(
          exponentials, rowSum,
          [](OpBuilder &b, Location l, Value e, Value sum) -> Value {
            return arith::DivFOp::create(b, l, e, sum);
          });
    } else {
      double l1Epsilon = op.getL1Epsilon().convertToDouble();
      Value rowSum = createRowReduction(
          scores, 0.0,
          [](OpBuilder &b, Location l, Value acc, Value value) -> Value {
            return arith::AddFOp::create(b, l, acc, value);
          });
      probabilities = createRowwise(
          scores, rowSum,
          [&](OpBuilder &b, Location l, Value score, Value sum) -> Value {
            Value denominator = arith::AddFOp::create(
                b, l, sum, createFloatConstant(b, l, computeType, l1Epsilon));
            return arith::DivFOp::create(b, l, score, denominator);
          });
    }

    // out[b, heads, i, e] = Σ_j p[b, heads, i, j] · v[b, hkv, j, e].
    SmallVector<OpFoldResult> outSizes = querySizes;
    outSizes.push_back(valueDepth);
    unsigned numOutLoops = loops.numScoreDims() + 1;
    unsigned valueDim = loops.numQueryDims();
    unsigned keyDim = valueDim + 1;
    Value outInit = createFilledTensor(rewriter, loc, outSizes,
                                       rewriter.getFloatAttr(computeType, 0.0));
    Value out = createGeneric(
        rewriter, loc, ValueRange{probabilities, v}, outInit,
        {getDimsMap(context, numOutLoops, loops.queryDims({keyDim})),
         getDimsMap(context, numOutLoops, loops.kvDims({keyDim, valueDim})),
         getDimsMap(context, numOutLoops, loops.queryDims({valueDim}))},
        getIterators(loops.numQueryDims() + 1, 1),
        [&](OpBuilder &b, Location l, ValueRange args) -> Value {
          Value product = arith::MulFOp::create(
              b, l, args[0], convertFloat(b, l, args[1], computeType));
          return arith::AddFOp::create(b, l, args[2], product);
        });

    if (elementType != computeType) {
      unsigned rank = outSizes.size();
      AffineMap identity = AffineMap::getMultiDimIdentityMap(rank, context);
      out = createGeneric(
          rewriter, loc, out,
          createEmptyTensor(rewriter, loc, outSizes, elementType),
          {identity, identity}, getIterators(rank),
          [&](OpBuilder &b, Location l, ValueRange args) -> Value {
            return convertFloat(b, l, args[0], elementType);
          });
    }
    if (grouped)
      out = tensor::CollapseShapeOp::create(
          rewriter, loc, out,
          {ReassociationIndices{0}, ReassociationIndices{1, 2},
           ReassociationIndices{3}, ReassociationIndices{4}});
    rewriter.replaceOp(op, castToType(rewriter, loc, out, resultType));
    return success();
  }

private:
  /// `kv` (B × Hkv × T × E) repeated to B × `heads` × T × E, head h reading
  /// kv head `h / groupSize`.
  static Value repeatKvHeads(OpBuilder &b, Location loc, Value kv,
                             OpFoldResult heads, Value groupSize) {
    auto type = cast<RankedTensorType>(kv.getType());
    SmallVector<OpFoldResult> sizes = tensor::getMixedSizes(b, loc, kv);
    sizes[1] = heads;
    Value init = createEmptyTensor(b, loc, sizes, type.getElementType());
    AffineMap identity = AffineMap::getMultiDimIdentityMap(4, b.getContext());
    return createGeneric(
        b, loc, ValueRange{}, init, {identity}, getIterators(4),
        [&](OpBuilder &nb, Location nl, ValueRange) -> Value {
          SmallVector<Value> indices;
          for (unsigned d = 0; d < 4; ++d)
            indices.push_back(linalg::IndexOp::create(nb, nl, d));
          indices[1] = arith::DivUIOp::create(nb, nl, indices[1], groupSize);
          return tensor::ExtractOp::create(nb, nl, kv, indices);
        });
  }
};

} // namespace

void lowering::populateAttentionToLinalgPatterns(RewritePatternSet &patterns) {
  patterns.add<AttentionOpLowering>(patterns.getContext());
}
