//===- Ternary.cpp - lower yat.ternarize and yat.ternary_matmul -----------===//

#include "LoweringUtils.h"
#include "PopulatePatterns.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/PatternMatch.h"
#include "yat/Dialect/Yat/IR/Yat.h"
#include "yat/Dialect/Yat/Utils/LinalgBuilders.h"

#define DEBUG_TYPE "convert-yat-to-linalg"

using namespace mlir;
using namespace mlir::yat;
using namespace mlir::yat::lowering;

namespace {

/// Rewrites `yat.ternarize` into two `linalg.generic` reductions for
/// `Σ |w|` (per row, then over the rows), a 0-d `linalg.generic` computing
/// `scale = max(Σ |w| / (N·K), 1e-5)`, and a `linalg.generic` over
/// `N × K/4 × 4` that rounds `w / scale` half to even, clamps it to [-1, 1]
/// and ORs each weight's 2-bit two's complement code into bits 2i..2i+1 of
/// its byte.
struct TernarizeOpLowering : OpRewritePattern<TernarizeOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(TernarizeOp op,
                                PatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    MLIRContext *context = rewriter.getContext();
    Value w = op.getW();
    Type computeType = getComputeType(op.getW().getType().getElementType());
    Type f32 = rewriter.getF32Type();
    Type i8 = rewriter.getI8Type();

    OpFoldResult rows = tensor::getMixedSize(rewriter, loc, w, 0);
    OpFoldResult columns = tensor::getMixedSize(rewriter, loc, w, 1);

    // Σ |w|, a row at a time and then over the rows, which keeps the f32
    // sums short.
    Value rowSums = createGeneric(
        rewriter, loc, w,
        createFilledTensor(rewriter, loc, {rows},
                           rewriter.getFloatAttr(computeType, 0.0)),
        {getDimsMap(context, 2, {0, 1}), getDimsMap(context, 2, {0})},
        getIterators(1, 1),
        [&](OpBuilder &b, Location l, ValueRange args) -> Value {
          Value magnitude = math::AbsFOp::create(
              b, l, convertFloat(b, l, args[0], computeType));
          return arith::AddFOp::create(b, l, args[1], magnitude);
        });
    Value total = createGeneric(
        rewriter, loc, rowSums,
        createFilledTensor(rewriter, loc, {},
                           rewriter.getFloatAttr(computeType, 0.0)),
        {getDimsMap(context, 1, {0}), getDimsMap(context, 1, {})},
        getIterators(0, 1),
        [&](OpBuilder &b, Location l, ValueRange args) -> Value {
          return arith::AddFOp::create(b, l, args[1], args[0]);
        });

    Value count = arith::MulFOp::create(
        rewriter, loc, createSizeAsFloat(rewriter, loc, rows, computeType),
        createSizeAsFloat(rewriter, loc, columns, computeType));
    AffineMap scalarMap = AffineMap::get(context);
    Value scale = createGeneric(
        rewriter, loc, total, createEmptyTensor(rewriter, loc, {}, f32),
        {scalarMap, scalarMap}, {},
        [&](OpBuilder &b, Location l, ValueRange args) -> Value {
          Value mean = arith::DivFOp::create(b, l, args[0], count);
          Value floored = arith::MaximumFOp::create(
              b, l, mean,
              createFloatConstant(b, l, computeType, kTernaryScaleFloor));
          return convertFloat(b, l, floored, f32);
        });

    // Byte j of row n packs weights 4j..4j+3: view w as N × K/4 × 4 and
    // reduce the last dim with OR.
    OpFoldResult four = rewriter.getIndexAttr(4);
    OpFoldResult packedColumns = divideSize(rewriter, loc, columns, four);
    Value grouped = createExpandShape(
        rewriter, loc, w, {ReassociationIndices{0}, ReassociationIndices{1, 2}},
        {rows, packedColumns, four});
    Value packedInit = createFilledTensor(rewriter, loc, {rows, packedColumns},
                                          rewriter.getIntegerAttr(i8, 0));
    Value packed = createGeneric(
        rewriter, loc, ValueRange{grouped, scale}, packedInit,
        {getDimsMap(context, 3, {0, 1, 2}), AffineMap::get(3, 0, context),
         getDimsMap(context, 3, {0, 1})},
        getIterators(2, 1),
        [&](OpBuilder &b, Location l, ValueRange args) -> Value {
          // Divide by the f32 scale the op returns, so `t · scale`
          // reconstructs w with exactly that scale.
          Value ratio = arith::DivFOp::create(
              b, l, convertFloat(b, l, args[0], computeType),
              convertFloat(b, l, args[1], computeType));
          Value rounded = math::RoundEvenOp::create(b, l, ratio);
          Value ternary = arith::FPToSIOp::create(
              b, l, i8, createFloatClamp(b, l, rounded, -1.0, 1.0));
          Value code = arith::AndIOp::create(
              b, l, ternary, arith::ConstantIntOp::create(b, l, i8, 3));
          Value position = arith::IndexCastOp::create(
              b, l, i8, linalg::IndexOp::create(b, l, 2));
          Value shift = arith::MulIOp::create(
              b, l, position, arith::ConstantIntOp::create(b, l, i8, 2));
          Value placed = arith::ShLIOp::create(b, l, code, shift);
          return arith::OrIOp::create(b, l, args[2], placed);
        });

    rewriter.replaceOp(
        op, {castToType(rewriter, loc, packed, op.getPacked().getType()),
             castToType(rewriter, loc, scale, op.getScale().getType())});
    return success();
  }
};

/// Rewrites `yat.ternary_matmul` into: a `linalg.generic` unpacking the
/// 2-bit weights (shift the code to the top of the byte, arithmetic shift
/// back) into `t: N x K`; then, with `activation_bits = 8`, the per-row
/// absmax reduction, the i8 quantization of `x`, a contraction of the i8
/// operands accumulating in i32 and an epilogue computing
/// `acc · scale / sx`; with `activation_bits = 0`, a contraction of `x` with
/// `t` converted to floats and an epilogue computing `dot · scale`. The
/// contractions are `linalg.matmul` for a rank-2 `x` and `linalg.generic`
/// with the leading dims of `x` as batch dims otherwise.
struct TernaryMatmulOpLowering : OpRewritePattern<TernaryMatmulOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(TernaryMatmulOp op,
                                PatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    MLIRContext *context = rewriter.getContext();
    auto resultType = op.getResult().getType();
    Type elementType = resultType.getElementType();
    Type computeType = getComputeType(elementType);
    int64_t bits = op.getActivationBits();
    if (bits != 0 && bits != 8)
      return rewriter.notifyMatchFailure(op, "activation_bits must be 0 or 8");
    bool quantized = bits == 8;
    Type i8 = rewriter.getI8Type();
    Type i32 = rewriter.getI32Type();

    Value x = op.getX();
    Value packed = op.getPacked();
    unsigned rank = op.getX().getType().getRank();
    OpFoldResult n = tensor::getMixedSize(rewriter, loc, packed, 0);
    OpFoldResult packedColumns = tensor::getMixedSize(rewriter, loc, packed, 1);
    OpFoldResult four = rewriter.getIndexAttr(4);
    SmallVector<OpFoldResult> xSizes = tensor::getMixedSizes(rewriter, loc, x);
    SmallVector<OpFoldResult> rowSizes(xSizes.begin(), xSizes.end() - 1);
    SmallVector<OpFoldResult> sizes = rowSizes;
    sizes.push_back(n);

    // t[n, 4j + i] = sign-extended bits 2i..2i+1 of packed[n, j].
    Type weightType = quantized ? i8 : computeType;
    Value unpacked = createGeneric(
        rewriter, loc, packed,
        createEmptyTensor(rewriter, loc, {n, packedColumns, four}, weightType),
        {getDimsMap(context, 3, {0, 1}), getDimsMap(context, 3, {0, 1, 2})},
        getIterators(3),
        [&](OpBuilder &b, Location l, ValueRange args) -> Value {
          Value position = arith::IndexCastOp::create(
              b, l, i8, linalg::IndexOp::create(b, l, 2));
          Value leftShift = arith::SubIOp::create(
              b, l, arith::ConstantIntOp::create(b, l, i8, 6),
              arith::MulIOp::create(b, l, position,
                                    arith::ConstantIntOp::create(b, l, i8, 2)));
          Value atTop = arith::ShLIOp::create(b, l, args[0], leftShift);
          Value ternary = arith::ShRSIOp::create(
              b, l, atTop, arith::ConstantIntOp::create(b, l, i8, 6));
          if (quantized)
            return ternary;
          return arith::SIToFPOp::create(b, l, computeType, ternary);
        });
    Value weights = tensor::CollapseShapeOp::create(
        rewriter, loc, unpacked,
        {ReassociationIndices{0}, ReassociationIndices{1, 2}});

    // Maps over the result space (leading dims of x, n).
    SmallVector<unsigned> leadingDims;
    for (unsigned d = 0; d + 1 < rank; ++d)
      leadingDims.push_back(d);
    AffineMap identity = AffineMap::getMultiDimIdentityMap(rank, context);
    AffineMap rowMap = getDimsMap(context, rank, leadingDims);
    Value scale = op.getScale();
    AffineMap scaleMap = op.getScale().getType().getRank() == 0
                             ? AffineMap::get(rank, 0, context)
                             : getDimsMap(context, rank, {rank - 1});
    Value init = createEmptyTensor(rewriter, loc, sizes, elementType);
    Value y;
    if (quantized) {
      Value absMax = createGeneric(
          rewriter, loc, x,
          createFilledTensor(rewriter, loc, rowSizes,
                             rewriter.getFloatAttr(computeType, 0.0)),
          {identity, rowMap}, getIterators(rank - 1, 1),
          [&](OpBuilder &b, Location l, ValueRange args) -> Value {
            Value magnitude = math::AbsFOp::create(
                b, l, convertFloat(b, l, args[0], computeType));
            return arith::MaximumFOp::create(b, l, args[1], magnitude);
          });
      AffineMap rowIdentity =
          AffineMap::getMultiDimIdentityMap(rank - 1, context);
      Value rowScale = createGeneric(
          rewriter, loc, absMax,
          createEmptyTensor(rewriter, loc, rowSizes, computeType),
          {rowIdentity, rowIdentity}, getIterators(rank - 1),
          [&](OpBuilder &b, Location l, ValueRange args) -> Value {
            return createInt8ActivationScale(b, l, args[0]);
          });
      Value quantizedX = createGeneric(
          rewriter, loc, ValueRange{x, rowScale},
          createEmptyTensor(rewriter, loc, xSizes, i8),
          {identity, rowMap, identity}, getIterators(rank),
          [&](OpBuilder &b, Location l, ValueRange args) -> Value {
            return createInt8Activation(
                b, l, convertFloat(b, l, args[0], computeType), args[1]);
          });
      Value accumulator = createContractionWithTransposedRhs(
          rewriter, loc, quantizedX, weights,
          createFilledTensor(rewriter, loc, sizes,
                             rewriter.getIntegerAttr(i32, 0)));
      y = createGeneric(
          rewriter, loc, ValueRange{accumulator, scale, rowScale}, init,
          {identity, scaleMap, rowMap, identity}, getIterators(rank),
          [&](OpBuilder &b, Location l, ValueRange args) -> Value {
            Value sum = arith::SIToFPOp::create(b, l, computeType, args[0]);
            Value scaled = arith::MulFOp::create(
                b, l, sum, convertFloat(b, l, args[1], computeType));
            Value value = arith::DivFOp::create(b, l, scaled, args[2]);
            return convertFloat(b, l, value, elementType);
          });
    } else {
      Value dot = createContractionWithTransposedRhs(
          rewriter, loc, x, weights,
          createFilledTensor(rewriter, loc, sizes,
                             rewriter.getFloatAttr(computeType, 0.0)));
      y = createGeneric(
          rewriter, loc, ValueRange{dot, scale}, init,
          {identity, scaleMap, identity}, getIterators(rank),
          [&](OpBuilder &b, Location l, ValueRange args) -> Value {
            Value value = arith::MulFOp::create(
                b, l, args[0], convertFloat(b, l, args[1], computeType));
            return convertFloat(b, l, value, elementType);
          });
    }
    rewriter.replaceOp(op, castToType(rewriter, loc, y, resultType));
    return success();
  }
};

} // namespace

void lowering::populateTernaryToLinalgPatterns(RewritePatternSet &patterns) {
  patterns.add<TernarizeOpLowering, TernaryMatmulOpLowering>(
      patterns.getContext());
}
