//===- FuseEpilogueProduct.cpp - fused tiles for yat.product --------------===//

#include "FuseEpilogue.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "yat/Dialect/Yat/IR/Yat.h"

#define DEBUG_TYPE "yat-fuse-epilogue"

using namespace mlir;
using namespace mlir::yat;
using namespace mlir::yat::fusion;

namespace {

/// What the fused lowering needs from a yat.product or
/// yat.product_with_norms.
struct ProductParts {
  Value x, w, wNorms, bias;
  EpilogueParams params;
  RankedTensorType resultType;
};

/// True when the tiles should compute w's norms themselves, fused with
/// reading w, rather than read the `yat.squared_norms` that yat-cache-norms
/// made: when that op serves only `op` and sits in the same region, so it
/// neither is shared with another op nor was hoisted out of a loop. Folded
/// constants and norms from elsewhere are always read.
bool computeNormsInTiles(ProductWithNormsOp op) {
  auto squaredNorms = op.getWNorms().getDefiningOp<SquaredNormsOp>();
  return squaredNorms && squaredNorms.getW() == op.getW() &&
         squaredNorms.getDims() == ArrayRef<int64_t>{1} &&
         squaredNorms->hasOneUse() &&
         squaredNorms->getParentRegion() == op->getParentRegion();
}

/// Views `x: tensor<...xK>` (static) as `M x K`.
Value collapseToMatrix(OpBuilder &b, Location loc, Value x) {
  auto type = cast<RankedTensorType>(x.getType());
  int64_t rank = type.getRank();
  if (rank == 2)
    return x;
  if (rank == 1) {
    auto matrixType =
        RankedTensorType::get({1, type.getDimSize(0)}, type.getElementType());
    return tensor::ExpandShapeOp::create(b, loc, matrixType, x,
                                         {ReassociationIndices{0, 1}});
  }
  ReassociationIndices leading;
  for (int64_t d = 0; d + 1 < rank; ++d)
    leading.push_back(d);
  return tensor::CollapseShapeOp::create(
      b, loc, x, {leading, ReassociationIndices{rank - 1}});
}

/// Inverse of collapseToMatrix for the `M x N` result.
Value expandFromMatrix(OpBuilder &b, Location loc, Value matrix,
                       RankedTensorType resultType) {
  int64_t rank = resultType.getRank();
  if (rank == 2)
    return matrix;
  if (rank == 1)
    return tensor::CollapseShapeOp::create(b, loc, resultType, matrix,
                                           {ReassociationIndices{0, 1}});
  ReassociationIndices leading;
  for (int64_t d = 0; d + 1 < rank; ++d)
    leading.push_back(d);
  return tensor::ExpandShapeOp::create(
      b, loc, resultType, matrix, {leading, ReassociationIndices{rank - 1}});
}

/// The epilogue `linalg.generic` over one `rows x cols` tile: reads the f32
/// `dot` tile, the row norms of x, the norms of w and the bias, and writes
/// the rounded result into `out`.
Value createProductEpilogue(OpBuilder &b, Location loc, Value dot, Value xNorms,
                            Value wNorms, Value bias, Value out,
                            const EpilogueParams &params) {
  MLIRContext *context = b.getContext();
  SmallVector<Value> inputs = {dot, xNorms, wNorms};
  SmallVector<AffineMap> maps = {getDimsMap(context, 2, {0, 1}),
                                 getDimsMap(context, 2, {0}),
                                 getDimsMap(context, 2, {1})};
  if (bias) {
    inputs.push_back(bias);
    maps.push_back(getDimsMap(context, 2, {1}));
  }
  maps.push_back(getDimsMap(context, 2, {0, 1}));
  Type resultElement = cast<RankedTensorType>(out.getType()).getElementType();
  return createGeneric(
      b, loc, inputs, out, maps, getIterators(2),
      [&](OpBuilder &nb, Location nl, ValueRange args) -> Value {
        Value value = createEpilogue(nb, nl, args[0], args[1], args[2],
                                     bias ? args[3] : Value(), params);
        return truncateFromF32(nb, nl, value, resultElement);
      });
}

/// A zero-filled f32 vector tensor of `size` elements, the accumulator of
/// norms.
Value createZeroVector(OpBuilder &b, Location loc, OpFoldResult size) {
  Value empty = tensor::EmptyOp::create(b, loc, {size}, b.getF32Type());
  return linalg::FillOp::create(b, loc, createF32Constant(b, loc, 0.0), empty)
      .getResult(0);
}

/// A zero-filled f32 tensor of `sizes`, the accumulator of a dot tile.
Value createZeroTile(OpBuilder &b, Location loc, ArrayRef<OpFoldResult> sizes) {
  Value empty = tensor::EmptyOp::create(b, loc, sizes, b.getF32Type());
  return linalg::FillOp::create(b, loc, createF32Constant(b, loc, 0.0), empty)
      .getResult(0);
}

/// `linalg.matmul` of `lhs: m x k` with `rhs` into the zero tile `init`;
/// `rhs` is `n x k` when `transposedRhs`, `k x n` otherwise.
Value createTileMatmul(OpBuilder &b, Location loc, Value lhs, Value rhs,
                       Value init, bool transposedRhs) {
  MLIRContext *context = b.getContext();
  SmallVector<AffineMap> maps = {getDimsMap(context, 3, {0, 2}),
                                 transposedRhs ? getDimsMap(context, 3, {1, 2})
                                               : getDimsMap(context, 3, {2, 1}),
                                 getDimsMap(context, 3, {0, 1})};
  return linalg::MatmulOp::create(
             b, loc, TypeRange{init.getType()}, ValueRange{lhs, rhs},
             ValueRange{init},
             {b.getNamedAttr("indexing_maps", b.getAffineMapArrayAttr(maps))})
      .getResult(0);
}

Value extractRows(OpBuilder &b, Location loc, Value source, OpFoldResult offset,
                  OpFoldResult size) {
  auto type = cast<RankedTensorType>(source.getType());
  SmallVector<OpFoldResult> offsets(type.getRank(), b.getIndexAttr(0));
  SmallVector<OpFoldResult> sizes;
  for (int64_t d = 0; d < type.getRank(); ++d)
    sizes.push_back(b.getIndexAttr(type.getDimSize(d)));
  offsets[0] = offset;
  sizes[0] = size;
  SmallVector<OpFoldResult> strides(type.getRank(), b.getIndexAttr(1));
  return tensor::ExtractSliceOp::create(b, loc, source, offsets, sizes,
                                        strides);
}

Value extractTile(OpBuilder &b, Location loc, Value source,
                  ArrayRef<OpFoldResult> offsets,
                  ArrayRef<OpFoldResult> sizes) {
  SmallVector<OpFoldResult> strides(offsets.size(), b.getIndexAttr(1));
  return tensor::ExtractSliceOp::create(b, loc, source, offsets, sizes,
                                        strides);
}

/// The `K x n` f32 panel holding rows `w[j : j + n]` transposed, so that
/// the contraction reads consecutive output columns from consecutive
/// addresses.
Value createTransposedPanel(OpBuilder &b, Location loc, Value wRows) {
  MLIRContext *context = b.getContext();
  OpFoldResult rows = tensor::getMixedSize(b, loc, wRows, 0);
  OpFoldResult depth = tensor::getMixedSize(b, loc, wRows, 1);
  Value init = tensor::EmptyOp::create(b, loc, {depth, rows}, b.getF32Type());
  if (cast<RankedTensorType>(wRows.getType()).getElementType().isF32())
    return linalg::TransposeOp::create(b, loc, wRows, init,
                                       ArrayRef<int64_t>{1, 0})
        .getResult()[0];
  return createGeneric(
      b, loc, wRows, init,
      {getDimsMap(context, 2, {1, 0}), getDimsMap(context, 2, {0, 1})},
      getIterators(2), [](OpBuilder &nb, Location nl, ValueRange args) {
        return extendToF32(nb, nl, args[0]);
      });
}

/// The `chunk/2 x n x 2` bf16 panel of rows `w[j : j + n]` (a bf16
/// `n x chunk` slice, `chunk` even) with the K positions in pairs:
/// `panel[p, c, i] = w[c, 2p + i]`, so that the pairs of 16 consecutive
/// columns are 32 consecutive values.
Value createPairPanel(OpBuilder &b, Location loc, Value wRows) {
  MLIRContext *context = b.getContext();
  OpFoldResult rows = tensor::getMixedSize(b, loc, wRows, 0);
  OpFoldResult pairs = affine::makeComposedFoldedAffineApply(
      b, loc, b.getAffineDimExpr(0).floorDiv(2),
      {tensor::getMixedSize(b, loc, wRows, 1)});
  Value init = tensor::EmptyOp::create(b, loc, {pairs, rows, b.getIndexAttr(2)},
                                       b.getBF16Type());
  AffineExpr p = getAffineDimExpr(0, context), c = getAffineDimExpr(1, context),
             i = getAffineDimExpr(2, context);
  AffineMap read = AffineMap::get(3, 0, {c, p * 2 + i}, context);
  return createGeneric(
      b, loc, wRows, init, {read, getDimsMap(context, 3, {0, 1, 2})},
      getIterators(3),
      [](OpBuilder &, Location, ValueRange args) { return args[0]; });
}

/// `init + lhs @ panel` for a bf16 `lhs: m x chunk` and a pair panel of
/// createPairPanel: a contraction over (pair, position in pair) with `lhs`
/// reshaped to `m x chunk/2 x 2`, accumulated in f32.
Value createPairMatmul(OpBuilder &b, Location loc, Value lhs, Value panel,
                       Value init) {
  MLIRContext *context = b.getContext();
  auto lhsType = cast<RankedTensorType>(lhs.getType());
  SmallVector<int64_t> pairShape = {lhsType.getDimSize(0),
                                    ShapedType::isDynamic(lhsType.getDimSize(1))
                                        ? ShapedType::kDynamic
                                        : lhsType.getDimSize(1) / 2,
                                    2};
  SmallVector<OpFoldResult> pairSizes = {tensor::getMixedSize(b, loc, lhs, 0),
                                         tensor::getMixedSize(b, loc, panel, 0),
                                         b.getIndexAttr(2)};
  Value lhsPairs = tensor::ExpandShapeOp::create(
      b, loc, RankedTensorType::get(pairShape, lhsType.getElementType()), lhs,
      SmallVector<ReassociationIndices>{{0}, {1, 2}}, pairSizes);
  SmallVector<utils::IteratorType> iterators = {
      utils::IteratorType::parallel, utils::IteratorType::parallel,
      utils::IteratorType::reduction, utils::IteratorType::reduction};
  return createGeneric(
      b, loc, ValueRange{lhsPairs, panel}, init,
      {getDimsMap(context, 4, {0, 2, 3}), getDimsMap(context, 4, {2, 1, 3}),
       getDimsMap(context, 4, {0, 1})},
      iterators, [](OpBuilder &nb, Location nl, ValueRange args) -> Value {
        Value product = arith::MulFOp::create(
            nb, nl, extendToF32(nb, nl, args[0]), extendToF32(nb, nl, args[1]));
        return arith::AddFOp::create(nb, nl, args[2], product);
      });
}

/// Rewrites `yat.product` / `yat.product_with_norms` with static shapes into
/// an `scf.forall` over output tiles of the `M x N` result (leading dims of
/// x collapsed into M). The row norms of x, and the norms of w unless
/// supplied, are computed once before the loop. Each tile computes its f32
/// `dot` tile with `linalg.matmul` and applies the ⵟ epilogue with one
/// elementwise `linalg.generic` into the output tile, which
/// `tensor.parallel_insert_slice` puts in place. For `M >= pack-min-rows`
/// each forall iteration owns a block of rows: it first transposes its rows
/// of w into a `K x tile-cols` f32 panel, then an inner `scf.for` computes
/// and finishes the row tiles of the block against that panel.
template <typename OpTy> struct FuseProductPattern : OpRewritePattern<OpTy> {
  FuseProductPattern(MLIRContext *context, const TileSizes &sizes)
      : OpRewritePattern<OpTy>(context), sizes(sizes) {}

  LogicalResult matchAndRewrite(OpTy op,
                                PatternRewriter &rewriter) const override {
    ProductParts parts;
    parts.x = op.getX();
    parts.w = op.getW();
    parts.bias = op.getBias();
    if constexpr (std::is_same_v<OpTy, ProductWithNormsOp>)
      if (!computeNormsInTiles(op))
        parts.wNorms = op.getWNorms();
    parts.params.epsilon = op.getEpsilon().convertToDouble();
    parts.params.alpha = op.getAlpha().convertToDouble();
    parts.params.hasBias = static_cast<bool>(parts.bias);
    parts.resultType = op.getResult().getType();
    if (!isFusableTensorType(parts.x.getType()) ||
        !isFusableTensorType(parts.w.getType()) ||
        !isFusableTensorType(parts.resultType) ||
        (parts.bias && !isFusableTensorType(parts.bias.getType())) ||
        (parts.wNorms &&
         !cast<RankedTensorType>(parts.wNorms.getType()).hasStaticShape()))
      return rewriter.notifyMatchFailure(
          op, "the fused lowering needs non-empty static shapes and f32, "
              "f16 or bf16 elements");
    Value result = lower(rewriter, op.getLoc(), parts);
    rewriter.replaceOp(op, result);
    return success();
  }

  Value lower(PatternRewriter &b, Location loc,
              const ProductParts &parts) const {
    Value x = collapseToMatrix(b, loc, parts.x);
    auto xType = cast<RankedTensorType>(x.getType());
    int64_t rows = xType.getDimSize(0);
    int64_t depth = xType.getDimSize(1);
    int64_t cols = cast<RankedTensorType>(parts.w.getType()).getDimSize(0);
    Type resultElement = parts.resultType.getElementType();

    // x's row norms (M long) are computed once, outside the tiles. w's norms
    // are read when they are known (see computeNormsInTiles); otherwise each
    // tile computes the norms of its rows of w while it reads them for the
    // product, which saves a pass over w.
    Value xNorms = createSumOfSquares(b, loc, x, {1});
    Value wNorms = parts.wNorms;
    if (wNorms &&
        cast<RankedTensorType>(wNorms.getType()).getDimSize(0) != cols)
      wNorms = tensor::CastOp::create(
          b, loc, RankedTensorType::get({cols}, b.getF32Type()), wNorms);

    Value init = tensor::EmptyOp::create(b, loc, ArrayRef<int64_t>{rows, cols},
                                         resultElement);
    int64_t colStep = std::min(cols, sizes.tileColumns);
    int64_t rowStep = std::min(rows, sizes.tileRows);
    bool pack = rows >= sizes.packMinRows;
    int64_t depthStep = std::min(depth, sizes.depthTile);
    // Pairs of K positions need an even K, and even chunks of it.
    bool pairs =
        pack && sizes.bf16Pairs && depth % 2 == 0 && depthStep % 2 == 0 &&
        xType.getElementType().isBF16() &&
        cast<RankedTensorType>(parts.w.getType()).getElementType().isBF16();
    int64_t blockStep = rowStep;
    if (pack)
      blockStep = std::min(
          rows, std::max(rowStep, sizes.blockRows / rowStep * rowStep));

    Value w = parts.w, bias = parts.bias;
    const EpilogueParams &params = parts.params;
    scf::ForallOp forall = createTiledForall(
        b, loc, {rows, cols}, {blockStep, colStep}, init,
        [&](OpBuilder &nb, Location nl, ValueRange ivs, Value sharedOut,
            SmallVectorImpl<OpFoldResult> &offsets,
            SmallVectorImpl<OpFoldResult> &tileSizes) -> Value {
          Value i = ivs[0], j = ivs[1];
          OpFoldResult blockRows = getTileSize(nb, nl, i, rows, blockStep);
          OpFoldResult tileCols = getTileSize(nb, nl, j, cols, colStep);
          offsets.assign({i, j});
          tileSizes.assign({blockRows, tileCols});
          Value wRows = extractRows(nb, nl, w, j, tileCols);
          Value wNormsTile =
              wNorms ? extractTile(nb, nl, wNorms, {j}, {tileCols}) : Value();
          Value biasTile =
              bias ? extractTile(nb, nl, bias, {j}, {tileCols}) : Value();
          Value outTile =
              extractTile(nb, nl, sharedOut, {i, j}, {blockRows, tileCols});

          // One row tile: its dot tile and epilogue, written into `out`.
          auto finishRows = [&](OpBuilder &rb, Location rl, Value row,
                                OpFoldResult tileRows, Value rhs,
                                bool transposedRhs, Value out) -> Value {
            Value xRows = extractRows(rb, rl, x, row, tileRows);
            Value dot = createTileMatmul(
                rb, rl, xRows, rhs,
                createZeroTile(rb, rl, {tileRows, tileCols}), transposedRhs);
            Value xNormsTile = extractTile(rb, rl, xNorms, {row}, {tileRows});
            return createProductEpilogue(rb, rl, dot, xNormsTile, wNormsTile,
                                         biasTile, out, params);
          };

          if (!pack) {
            if (!wNormsTile)
              wNormsTile = accumulateSumOfSquares(
                  nb, nl, wRows, createZeroVector(nb, nl, tileCols));
            return finishRows(nb, nl, i, blockRows, wRows,
                              /*transposedRhs=*/true, outTile);
          }

          // The block's f32 dot products, accumulated over chunks of K: each
          // chunk transposes its part of w's rows into a panel that every
          // row tile of the block reuses.
          Value dotBlock = createZeroTile(nb, nl, {blockRows, tileCols});
          Value zero = arith::ConstantIndexOp::create(nb, nl, 0);
          Value depthValue = arith::ConstantIndexOp::create(nb, nl, depth);
          Value depthStepValue =
              arith::ConstantIndexOp::create(nb, nl, depthStep);
          Value rowStepValue = arith::ConstantIndexOp::create(nb, nl, rowStep);
          Value blockRowsValue =
              getValueOrCreateConstantIndexOp(nb, nl, blockRows);
          // Without known norms the loop also accumulates the norms of the
          // block's rows of w, chunk by chunk, from the chunk it transposes.
          bool normsInLoop = !wNormsTile;
          SmallVector<Value> loopInit = {dotBlock};
          if (normsInLoop)
            loopInit.push_back(createZeroVector(nb, nl, tileCols));
          auto depthLoop = scf::ForOp::create(
              nb, nl, zero, depthValue, depthStepValue, loopInit,
              [&](OpBuilder &kb, Location kl, Value k, ValueRange kArgs) {
                OpFoldResult chunk = getTileSize(kb, kl, k, depth, depthStep);
                Value wChunk = extractTile(
                    kb, kl, wRows, {kb.getIndexAttr(0), k}, {tileCols, chunk});
                Value normsChunk;
                if (normsInLoop)
                  normsChunk = accumulateSumOfSquares(kb, kl, wChunk, kArgs[1]);
                Value panel = pairs ? createPairPanel(kb, kl, wChunk)
                                    : createTransposedPanel(kb, kl, wChunk);
                auto rowLoop = scf::ForOp::create(
                    kb, kl, zero, blockRowsValue, rowStepValue,
                    ValueRange{kArgs[0]},
                    [&](OpBuilder &lb, Location ll, Value r,
                        ValueRange iterArgs) {
                      OpFoldResult tileRows =
                          getTileSize(lb, ll, r, blockRows, rowStep);
                      Value row = affine::makeComposedAffineApply(
                          lb, ll,
                          lb.getAffineDimExpr(0) + lb.getAffineDimExpr(1),
                          {i, r});
                      Value acc = iterArgs[0];
                      Value accTile =
                          extractTile(lb, ll, acc, {r, lb.getIndexAttr(0)},
                                      {tileRows, tileCols});
                      Value xChunk =
                          extractTile(lb, ll, x, {row, k}, {tileRows, chunk});
                      Value updatedTile =
                          pairs
                              ? createPairMatmul(lb, ll, xChunk, panel, accTile)
                              : createTileMatmul(lb, ll, xChunk, panel, accTile,
                                                 /*transposedRhs=*/false);
                      SmallVector<OpFoldResult> strides(2, lb.getIndexAttr(1));
                      Value updated = tensor::InsertSliceOp::create(
                          lb, ll, updatedTile, acc,
                          ArrayRef<OpFoldResult>{r, lb.getIndexAttr(0)},
                          ArrayRef<OpFoldResult>{tileRows, tileCols}, strides);
                      scf::YieldOp::create(lb, ll, updated);
                    });
                SmallVector<Value> next = {rowLoop.getResult(0)};
                if (normsInLoop)
                  next.push_back(normsChunk);
                scf::YieldOp::create(kb, kl, next);
              });
          if (normsInLoop)
            wNormsTile = depthLoop.getResult(1);
          Value xNormsTile = extractTile(nb, nl, xNorms, {i}, {blockRows});
          return createProductEpilogue(nb, nl, depthLoop.getResult(0),
                                       xNormsTile, wNormsTile, biasTile,
                                       outTile, params);
        });
    return expandFromMatrix(b, loc, forall.getResult(0), parts.resultType);
  }

  TileSizes sizes;
};

} // namespace

void fusion::populateFuseProductPatterns(RewritePatternSet &patterns,
                                         const TileSizes &sizes) {
  patterns.add<FuseProductPattern<ProductOp>,
               FuseProductPattern<ProductWithNormsOp>>(patterns.getContext(),
                                                       sizes);
}
