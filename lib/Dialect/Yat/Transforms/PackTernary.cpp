//===- PackTernary.cpp - yat.ternary_matmul on 2-bit weight blocks --------===//
//
// yat-pack-ternary: rewrites `yat.ternary_matmul` (activation_bits = 8) into
// linalg on tensors over weights re-laid out into the byte dot products'
// operand layout, cut into parallel tiles with upstream's tile-and-fuse
// driver. The per-token quantization (and a `yat.rms_norm` producing x) is
// computed inside each tile. `yat-cpu-microkernels` turns the contraction
// into `vpdpbusd` or `vpmaddubsw` loops.
//
//===----------------------------------------------------------------------===//

#include "FuseEpilogue.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/SCF/Transforms/TileUsingInterface.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Tensor/Transforms/Transforms.h"
#include "mlir/IR/Matchers.h"
#include "yat/Dialect/Yat/IR/Yat.h"
#include "yat/Dialect/Yat/Transforms/Passes.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/Support/Debug.h"

#define DEBUG_TYPE "yat-pack-ternary"

namespace mlir::yat {
#define GEN_PASS_DEF_YATPACKTERNARY
#include "yat/Dialect/Yat/Transforms/Passes.h.inc"
} // namespace mlir::yat

using namespace mlir;
using namespace mlir::yat;
using namespace mlir::yat::fusion;

/// Output channels, and reduction positions, per 64-byte weight block.
static constexpr int64_t kBlock = 16;
/// Rows of a tile of the row-split form: enough to reuse each decoded
/// weight block many times, few enough that the tile's int8 rows stay in L2.
static constexpr int64_t kMaxTileRows = 64;
static constexpr int64_t kRowMultiple = 8;

namespace {

/// The ternary weight of (row, column) in the SPEC's packing, -1, 0 or 1 (a
/// 10 code, which yat.ternarize never produces, reads as -2).
int64_t readPackedWeight(ArrayRef<int8_t> packed, int64_t packedColumns,
                         int64_t row, int64_t column) {
  uint8_t byte = packed[row * packedColumns + column / 4];
  int64_t code = (byte >> (2 * (column % 4))) & 3;
  return code >= 2 ? code - 4 : code;
}

/// The kernel layout (`N/16 x K/16 x 16 x 4` bytes) of SPEC-packed weights
/// `packed` (`N x K/4`), computed at compile time.
DenseElementsAttr relayoutConstant(DenseElementsAttr packed, int64_t rows,
                                   int64_t columns,
                                   RankedTensorType kernelType) {
  SmallVector<int8_t> source(packed.getValues<int8_t>());
  SmallVector<int8_t> blocks(rows * columns / 4, 0);
  int64_t columnBlocks = columns / kBlock;
  for (int64_t row = 0; row < rows; ++row) {
    for (int64_t column = 0; column < columns; ++column) {
      int64_t code = readPackedWeight(source, columns / 4, row, column) + 1;
      int64_t block = (row / kBlock) * columnBlocks + column / kBlock;
      int64_t group = (column % kBlock) / 4, lane = column % 4;
      int64_t byte = (block * kBlock + row % kBlock) * 4 + lane;
      blocks[byte] = static_cast<int8_t>(uint8_t(blocks[byte]) |
                                         ((code & 3) << (2 * group)));
    }
  }
  return DenseElementsAttr::get(kernelType, ArrayRef<int8_t>(blocks));
}

Value createI8Constant(OpBuilder &b, Location loc, int64_t value) {
  return arith::ConstantIntOp::create(b, loc, b.getI8Type(), value);
}

/// The same re-layout as relayoutConstant, as a `linalg.generic` for
/// weights known only at run time: loops (N/16, K/16, 16, 4 lanes j,
/// 4 groups i), ORing code `t + 1` of weight (16·nb + c, 16·kb + 4i + j)
/// into bits 2i..2i+1 of output byte (nb, kb, c, j).
Value relayoutAtRunTime(OpBuilder &b, Location loc, Value packed, int64_t rows,
                        int64_t columns, RankedTensorType kernelType) {
  MLIRContext *context = b.getContext();
  // packed[n, k/4] viewed as [n/16, n mod 16, k/16, (k mod 16)/4].
  auto viewType = RankedTensorType::get(
      {rows / kBlock, kBlock, columns / kBlock, 4}, b.getI8Type());
  Value view = tensor::ExpandShapeOp::create(
      b, loc, viewType, packed,
      {ReassociationIndices{0, 1}, ReassociationIndices{2, 3}});
  Value init = createFilledTensor(
      b, loc, getAsIndexOpFoldResult(context, kernelType.getShape()),
      b.getIntegerAttr(b.getI8Type(), 0));
  return createGeneric(
      b, loc, view, init,
      {getDimsMap(context, 5, {0, 2, 1, 4}),
       getDimsMap(context, 5, {0, 1, 2, 3})},
      getIterators(4, 1), [&](OpBuilder &b, Location l, ValueRange args) {
        auto shiftBy = [&](unsigned dim) {
          Value index = arith::IndexCastOp::create(
              b, l, b.getI8Type(), linalg::IndexOp::create(b, l, dim));
          return arith::MulIOp::create(b, l, index, createI8Constant(b, l, 2));
        };
        // Sign-extend the 2-bit code of lane j, add 1, place it at group i.
        Value atTop = arith::ShLIOp::create(
            b, l, args[0],
            arith::SubIOp::create(b, l, createI8Constant(b, l, 6), shiftBy(3)));
        Value ternary =
            arith::ShRSIOp::create(b, l, atTop, createI8Constant(b, l, 6));
        Value code = arith::AndIOp::create(
            b, l,
            arith::AddIOp::create(b, l, ternary, createI8Constant(b, l, 1)),
            createI8Constant(b, l, 3));
        Value placed = arith::ShLIOp::create(b, l, code, shiftBy(4));
        return arith::OrIOp::create(b, l, args[1], placed);
      });
}

/// Folds a `yat.ternarize` of a constant feeding `op` so that its weights
/// are seen as a constant.
void foldTernarizedWeights(RewriterBase &rewriter, TernaryMatmulOp op) {
  auto ternarize = op.getPacked().getDefiningOp<TernarizeOp>();
  if (!ternarize)
    return;
  rewriter.setInsertionPoint(ternarize);
  SmallVector<Value> folded;
  if (succeeded(rewriter.tryFold(ternarize, folded)) && folded.size() == 2)
    rewriter.replaceOp(ternarize, folded);
}

/// The activation rows the quantization reads: `x`, or the input of the
/// `yat.rms_norm` that produces it, normalized on the fly.
struct ActivationSource {
  Value rows; // M x K
  Value gamma;
  std::optional<double> rmsEpsilon;
  Type normalizedType; // the rms_norm's element type
};

class TernaryMatmulPacker {
public:
  TernaryMatmulPacker(RewriterBase &rewriter, TernaryMatmulOp op,
                      int64_t workers)
      : rewriter(rewriter), op(op), loc(op.getLoc()), context(op.getContext()),
        workers(workers) {}

  LogicalResult run();

private:
  Value collapseToRows(Value value);
  Value createWeights();
  Value createSumOfSquaresRoot(const ActivationSource &source);
  Value normalizedElement(OpBuilder &b, Location l, ValueRange args,
                          const ActivationSource &source);
  SmallVector<int64_t> chooseTileSizes(int64_t rows, int64_t blocks) const;

  RewriterBase &rewriter;
  TernaryMatmulOp op;
  Location loc;
  MLIRContext *context;
  int64_t workers;
  Type f32 = Float32Type::get(context);
};

/// The reassociation that folds all dims but the last of a tensor of `rank`
/// (> 2) into rows.
SmallVector<ReassociationIndices> getRowsReassociation(int64_t rank) {
  ReassociationIndices leading =
      llvm::to_vector(llvm::seq<int64_t>(0, rank - 1));
  return {leading, ReassociationIndices{rank - 1}};
}

Value TernaryMatmulPacker::collapseToRows(Value value) {
  auto type = cast<RankedTensorType>(value.getType());
  int64_t rank = type.getRank();
  if (rank == 2)
    return value;
  if (rank == 1)
    return tensor::ExpandShapeOp::create(
        rewriter, loc,
        RankedTensorType::get({1, type.getDimSize(0)}, type.getElementType()),
        value, {ReassociationIndices{0, 1}});
  return tensor::CollapseShapeOp::create(rewriter, loc, value,
                                         getRowsReassociation(rank));
}

Value TernaryMatmulPacker::createWeights() {
  RankedTensorType packedType = op.getPacked().getType();
  int64_t rows = packedType.getDimSize(0);
  int64_t columns = packedType.getDimSize(1) * 4;
  auto kernelType = RankedTensorType::get(
      {rows / kBlock, columns / kBlock, kBlock, 4}, rewriter.getI8Type());
  DenseElementsAttr constant;
  if (matchPattern(op.getPacked(), m_Constant(&constant)))
    return arith::ConstantOp::create(
        rewriter, loc, relayoutConstant(constant, rows, columns, kernelType));
  return relayoutAtRunTime(rewriter, loc, op.getPacked(), rows, columns,
                           kernelType);
}

/// `sqrt(Σ_k x² / K + epsilon)` per row, as yat.rms_norm's reference
/// lowering computes it.
Value TernaryMatmulPacker::createSumOfSquaresRoot(
    const ActivationSource &source) {
  Value sums = createSumOfSquares(rewriter, loc, source.rows, {1});
  OpFoldResult rows = tensor::getMixedSize(rewriter, loc, source.rows, 0);
  int64_t depth = cast<RankedTensorType>(source.rows.getType()).getDimSize(1);
  AffineMap identity = getDimsMap(context, 1, {0});
  return createGeneric(
      rewriter, loc, sums, createEmptyTensor(rewriter, loc, {rows}, f32),
      {identity, identity}, getIterators(1),
      [&](OpBuilder &b, Location l, ValueRange args) -> Value {
        Value mean = arith::DivFOp::create(
            b, l, args[0], createF32Constant(b, l, double(depth)));
        Value shifted = arith::AddFOp::create(
            b, l, mean, createF32Constant(b, l, *source.rmsEpsilon));
        return math::SqrtOp::create(b, l, shifted);
      });
}

/// One activation in f32: `x[m, k]`, or with an rms_norm producer
/// `x[m, k] / rms[m] · gamma[k]` rounded to the rms_norm's type, exactly as
/// its reference lowering rounds it. `args` holds x, then rms and gamma
/// when present.
Value TernaryMatmulPacker::normalizedElement(OpBuilder &b, Location l,
                                             ValueRange args,
                                             const ActivationSource &source) {
  Value value = extendToF32(b, l, args[0]);
  if (!source.rmsEpsilon)
    return value;
  value = arith::DivFOp::create(b, l, value, args[1]);
  if (source.gamma)
    value = arith::MulFOp::create(b, l, value, extendToF32(b, l, args[2]));
  return extendToF32(b, l, truncateFromF32(b, l, value, source.normalizedType));
}

SmallVector<int64_t>
TernaryMatmulPacker::chooseTileSizes(int64_t rows, int64_t blocks) const {
  // Few rows (a GEMV, a short prefill): all rows, the column blocks split
  // into one run per worker; each tile quantizes the rows again, which
  // costs M·K against the tile's M·K·N/workers.
  if (ShapedType::isStatic(rows) && rows < kRowMultiple * workers)
    return {std::max<int64_t>(rows, 1),
            static_cast<int64_t>(llvm::divideCeil(blocks, workers)), 0};
  // Otherwise tiles of rows with every column, so that no row is quantized
  // twice.
  int64_t tileRows = kMaxTileRows;
  if (ShapedType::isStatic(rows))
    tileRows = std::min<int64_t>(
        kMaxTileRows,
        llvm::alignTo(llvm::divideCeil(rows, workers), kRowMultiple));
  return {tileRows, blocks, 0};
}

/// Whether yat-pack-ternary handles `op`: int8 activations of a float type
/// other than f64, static N and K, multiples of 16, at most one dynamic row
/// dim.
bool isPackable(TernaryMatmulOp op) {
  RankedTensorType packedType = op.getPacked().getType();
  ArrayRef<int64_t> xShape = op.getX().getType().getShape();
  int64_t columns = xShape.back();
  // The rows are x's leading dims collapsed, expanded back at the end. At
  // most one of them may be dynamic: MLIR 22's expand-strided-metadata
  // crashes on a memref.expand_shape that splits one dynamic dim into
  // several.
  if (llvm::count_if(xShape.drop_back(), ShapedType::isDynamic) > 1)
    return false;
  return op.getActivationBits() == 8 &&
         !op.getResult().getType().getElementType().isF64() &&
         packedType.hasStaticShape() && ShapedType::isStatic(columns) &&
         packedType.getDimSize(0) > 0 &&
         packedType.getDimSize(0) % kBlock == 0 && columns > 0 &&
         columns % kBlock == 0;
}

LogicalResult TernaryMatmulPacker::run() {
  RankedTensorType resultType = op.getResult().getType();
  Type elementType = resultType.getElementType();
  RankedTensorType packedType = op.getPacked().getType();
  int64_t columns = op.getX().getType().getShape().back();
  int64_t outputs = packedType.getDimSize(0);
  int64_t blocks = outputs / kBlock;
  Type i8 = rewriter.getI8Type(), i32 = rewriter.getI32Type();

  rewriter.setInsertionPoint(op);
  foldTernarizedWeights(rewriter, op);
  rewriter.setInsertionPoint(op);
  Value weights = createWeights();

  ActivationSource source;
  // The norm's input is read in place of x when the two have one type
  // (isPackable looked at x's).
  auto norm = op.getX().getDefiningOp<RmsNormOp>();
  if (norm && norm.getX().getType() != op.getX().getType())
    norm = nullptr;
  if (norm) {
    source.rows = collapseToRows(norm.getX());
    source.gamma = norm.getGamma();
    source.rmsEpsilon = norm.getEpsilon().convertToDouble();
    source.normalizedType = norm.getType().getElementType();
  } else {
    source.rows = collapseToRows(op.getX());
  }
  OpFoldResult rows = tensor::getMixedSize(rewriter, loc, source.rows, 0);
  int64_t staticRowsOrDynamic =
      cast<RankedTensorType>(source.rows.getType()).getDimSize(0);

  // The inputs of every generic that reads the activations: the rows, then
  // the rms and gamma of a fused rms_norm.
  SmallVector<Value> activationInputs = {source.rows};
  SmallVector<AffineMap> activationMaps = {getDimsMap(context, 2, {0, 1})};
  if (source.rmsEpsilon) {
    activationInputs.push_back(createSumOfSquaresRoot(source));
    activationMaps.push_back(getDimsMap(context, 2, {0}));
    if (source.gamma) {
      activationInputs.push_back(source.gamma);
      activationMaps.push_back(getDimsMap(context, 2, {1}));
    }
  }
  AffineMap rowMap = getDimsMap(context, 2, {0});

  // Per-row absmax and int8 scale sx = 127 / max(absmax, 1e-5).
  SmallVector<AffineMap> absMaxMaps = activationMaps;
  absMaxMaps.push_back(rowMap);
  Value absMax = createGeneric(
      rewriter, loc, activationInputs,
      createFilledTensor(rewriter, loc, {rows}, rewriter.getF32FloatAttr(0.0)),
      absMaxMaps, getIterators(1, 1),
      [&](OpBuilder &b, Location l, ValueRange args) -> Value {
        Value magnitude = math::AbsFOp::create(
            b, l, normalizedElement(b, l, args.drop_back(), source));
        return arith::MaximumFOp::create(b, l, args.back(), magnitude);
      });
  AffineMap vectorIdentity = getDimsMap(context, 1, {0});
  Value rowScale = createGeneric(
      rewriter, loc, absMax, createEmptyTensor(rewriter, loc, {rows}, f32),
      {vectorIdentity, vectorIdentity}, getIterators(1),
      [&](OpBuilder &b, Location l, ValueRange args) -> Value {
        return createInt8ActivationScale(b, l, args[0]);
      });

  // q = int8 codes of the activations.
  SmallVector<Value> quantizeInputs = activationInputs;
  quantizeInputs.push_back(rowScale);
  SmallVector<AffineMap> quantizeMaps = activationMaps;
  quantizeMaps.push_back(rowMap);
  quantizeMaps.push_back(getDimsMap(context, 2, {0, 1}));
  Value quantized = createGeneric(
      rewriter, loc, quantizeInputs,
      createEmptyTensor(rewriter, loc, {rows, rewriter.getIndexAttr(columns)},
                        i8),
      quantizeMaps, getIterators(2),
      [&](OpBuilder &b, Location l, ValueRange args) -> Value {
        Value value = normalizedElement(b, l, args.drop_back(2), source);
        return createInt8Activation(b, l, value, args[args.size() - 2]);
      });
  // acc[m, nb, c] = Σ_{kb, i, j} q[m, 16kb + 4i + j] · (code − 1), code the
  // bits 2i..2i+1 of weight byte (nb, kb, c, j): loops (m, nb, c, kb, i, j).
  // q viewed as [m, k / 16, (k mod 16) / 4, k mod 4].
  Value quantizedBlocks = tensor::ExpandShapeOp::create(
      rewriter, loc,
      RankedTensorType::get({staticRowsOrDynamic, columns / kBlock, 4, 4}, i8),
      quantized, {ReassociationIndices{0}, ReassociationIndices{1, 2, 3}},
      SmallVector<OpFoldResult>{rows, rewriter.getIndexAttr(columns / kBlock),
                                rewriter.getIndexAttr(4),
                                rewriter.getIndexAttr(4)});
  AffineMap quantizedMap = getDimsMap(context, 6, {0, 3, 4, 5});
  SmallVector<OpFoldResult> accumulatorSizes = {
      rows, rewriter.getIndexAttr(blocks), rewriter.getIndexAttr(kBlock)};
  Value accumulator = createGeneric(
      rewriter, loc, ValueRange{quantizedBlocks, weights},
      createFilledTensor(rewriter, loc, accumulatorSizes,
                         rewriter.getI32IntegerAttr(0)),
      {quantizedMap, getDimsMap(context, 6, {1, 3, 2, 5}),
       getDimsMap(context, 6, {0, 1, 2})},
      getIterators(3, 3),
      [&](OpBuilder &b, Location l, ValueRange args) -> Value {
        Value group = arith::IndexCastOp::create(
            b, l, i8, linalg::IndexOp::create(b, l, 4));
        Value shift =
            arith::MulIOp::create(b, l, group, createI8Constant(b, l, 2));
        Value code = arith::AndIOp::create(
            b, l, arith::ShRUIOp::create(b, l, args[1], shift),
            createI8Constant(b, l, 3));
        Value ternary =
            arith::SubIOp::create(b, l, arith::ExtUIOp::create(b, l, i32, code),
                                  arith::ConstantIntOp::create(b, l, i32, 1));
        Value product = arith::MulIOp::create(
            b, l, arith::ExtSIOp::create(b, l, i32, args[0]), ternary);
        return arith::AddIOp::create(b, l, args[2], product);
      });

  // y = acc · scale / sx, in the order of the reference lowering.
  Value scale = op.getScale();
  AffineMap scaleMap = AffineMap::get(3, 0, context);
  if (op.getScale().getType().getRank() == 1) {
    // A per-channel scale of dynamic size has N elements (the verifier
    // checks it against the weights at run time); make that static.
    auto staticScale = RankedTensorType::get(
        {outputs}, op.getScale().getType().getElementType());
    if (scale.getType() != staticScale)
      scale = tensor::CastOp::create(rewriter, loc, staticScale, scale);
    scale = tensor::ExpandShapeOp::create(
        rewriter, loc,
        RankedTensorType::get({blocks, kBlock},
                              op.getScale().getType().getElementType()),
        scale, {ReassociationIndices{0, 1}});
    scaleMap = getDimsMap(context, 3, {1, 2});
  }
  AffineMap outputRowMap = getDimsMap(context, 3, {0});
  AffineMap outputIdentity = getDimsMap(context, 3, {0, 1, 2});
  auto epilogue = cast<linalg::GenericOp>(
      createGeneric(
          rewriter, loc, ValueRange{accumulator, scale, rowScale},
          createEmptyTensor(rewriter, loc, accumulatorSizes, elementType),
          {outputIdentity, scaleMap, outputRowMap, outputIdentity},
          getIterators(3),
          [&](OpBuilder &b, Location l, ValueRange args) -> Value {
            Value sum = arith::SIToFPOp::create(b, l, f32, args[0]);
            Value scaled =
                arith::MulFOp::create(b, l, sum, extendToF32(b, l, args[1]));
            Value value = arith::DivFOp::create(b, l, scaled, args[2]);
            return truncateFromF32(b, l, value, elementType);
          })
          .getDefiningOp());

  // Parallel tiles of the epilogue, with every producer computed per tile.
  scf::SCFTileAndFuseOptions options;
  options.tilingOptions.setLoopType(scf::SCFTilingOptions::LoopType::ForallOp);
  options.tilingOptions.setTileSizes(getAsIndexOpFoldResult(
      context, chooseTileSizes(staticRowsOrDynamic, blocks)));
  // Each tile quantizes its own rows: the contraction reads them through
  // a reshape into groups of 4, which upstream's bubble-up patterns move
  // below the tile's slice so that the quantization (and a fused rms_norm)
  // can be fused too. Weights re-laid out at run time are shared by every
  // tile.
  Operation *weightsProducer = weights.getDefiningOp<linalg::GenericOp>();
  options.setFusionControlFn(
      [&](tensor::ExtractSliceOp, OpResult producer,
          bool) -> std::optional<scf::SCFTileAndFuseOptions::ControlFnResult> {
        if (producer.getOwner() == weightsProducer)
          return std::nullopt;
        return scf::SCFTileAndFuseOptions::ControlFnResult{};
      });
  RewritePatternSet cleanup(context);
  tensor::populateBubbleUpExtractSliceOpPatterns(cleanup);
  options.cleanupPatterns = FrozenRewritePatternSet(std::move(cleanup));
  FailureOr<scf::SCFTileAndFuseResult> tiled =
      scf::tileConsumerAndFuseProducersUsingSCF(
          rewriter, cast<TilingInterface>(epilogue.getOperation()), options);
  if (failed(tiled))
    return op.emitOpError() << "could not be tiled into parallel tiles";
  Value y = tiled->replacements.lookup(epilogue->getResult(0));
  rewriter.eraseOp(epilogue);

  // Back to x's leading dims and N.
  y = tensor::CollapseShapeOp::create(
      rewriter, loc, y, {ReassociationIndices{0}, ReassociationIndices{1, 2}});
  unsigned rank = resultType.getRank();
  if (rank == 1) {
    y = tensor::CollapseShapeOp::create(rewriter, loc, y,
                                        {ReassociationIndices{0, 1}});
  } else if (rank > 2) {
    SmallVector<OpFoldResult> sizes =
        tensor::getMixedSizes(rewriter, loc, op.getX());
    sizes.back() = rewriter.getIndexAttr(outputs);
    y = tensor::ExpandShapeOp::create(rewriter, loc, resultType, y,
                                      getRowsReassociation(rank), sizes);
  }
  if (y.getType() != resultType)
    y = tensor::CastOp::create(rewriter, loc, resultType, y);
  rewriter.replaceOp(op, y);
  // A fused rms_norm with no other reader is gone.
  if (norm && norm->use_empty())
    rewriter.eraseOp(norm);
  return success();
}

/// The constant `packed` and `scale` of `op` (a folded yat.ternarize
/// included), or nothing.
std::optional<std::pair<DenseElementsAttr, DenseElementsAttr>>
getConstantWeights(TernaryMatmulOp op) {
  DenseElementsAttr packed, scale;
  if (!matchPattern(op.getPacked(), m_Constant(&packed)) ||
      !matchPattern(op.getScale(), m_Constant(&scale)))
    return std::nullopt;
  return std::make_pair(packed, scale);
}

/// Replaces `ops` (at least two packable ternary matmuls of one `x` in one
/// block, in program order, with constant weights and scales) by one over
/// their weights stacked along N with a per-channel scale, and slices of
/// its result.
void mergeTernaryMatmuls(RewriterBase &rewriter,
                         ArrayRef<TernaryMatmulOp> ops) {
  SmallVector<int8_t> packed;
  SmallVector<float> scales;
  SmallVector<int64_t> offsets;
  for (TernaryMatmulOp op : ops) {
    auto [opPacked, opScale] = *getConstantWeights(op);
    int64_t outputs = op.getPacked().getType().getDimSize(0);
    offsets.push_back(scales.size());
    llvm::append_range(packed, opPacked.getValues<int8_t>());
    if (opScale.getType().getRank() == 0)
      scales.append(outputs, *opScale.getValues<float>().begin());
    else
      llvm::append_range(scales, opScale.getValues<float>());
  }
  TernaryMatmulOp first = ops.front();
  Location loc = rewriter.getFusedLoc(llvm::to_vector(
      llvm::map_range(ops, [](TernaryMatmulOp op) { return op.getLoc(); })));
  int64_t outputs = scales.size();
  RankedTensorType packedType = first.getPacked().getType();
  rewriter.setInsertionPoint(first);
  Value mergedPacked = arith::ConstantOp::create(
      rewriter, loc,
      DenseElementsAttr::get(
          RankedTensorType::get({outputs, packedType.getDimSize(1)},
                                rewriter.getI8Type()),
          ArrayRef<int8_t>(packed)));
  Value mergedScale = arith::ConstantOp::create(
      rewriter, loc,
      DenseElementsAttr::get(
          RankedTensorType::get({outputs}, rewriter.getF32Type()),
          ArrayRef<float>(scales)));
  auto merged =
      TernaryMatmulOp::create(rewriter, loc, first.getX(), mergedPacked,
                              mergedScale, first.getActivationBits());
  int64_t rank = merged.getType().getRank();
  SmallVector<OpFoldResult> sliceOffsets(rank, rewriter.getIndexAttr(0));
  SmallVector<OpFoldResult> sliceStrides(rank, rewriter.getIndexAttr(1));
  SmallVector<OpFoldResult> sliceSizes =
      tensor::getMixedSizes(rewriter, loc, merged.getResult());
  for (auto [index, offset] : llvm::enumerate(offsets)) {
    TernaryMatmulOp op = ops[index];
    sliceOffsets.back() = rewriter.getIndexAttr(offset);
    sliceSizes.back() =
        rewriter.getIndexAttr(op.getPacked().getType().getDimSize(0));
    Value slice = tensor::ExtractSliceOp::create(
        rewriter, op.getLoc(), merged.getResult(), sliceOffsets, sliceSizes,
        sliceStrides);
    if (slice.getType() != op.getType())
      slice =
          tensor::CastOp::create(rewriter, op.getLoc(), op.getType(), slice);
    rewriter.replaceOp(op, slice);
  }
}

/// Merges the packable ternary matmuls that read one `x` in one block and
/// have constant weights and scales (the MLGRU's i, f and g projections):
/// `x` is then quantized once, and one parallel loop computes them all.
/// The results are unchanged: each output channel keeps its scale and its
/// integer sums.
void mergeSiblingTernaryMatmuls(RewriterBase &rewriter, Operation *root) {
  SmallVector<TernaryMatmulOp> candidates;
  root->walk([&](TernaryMatmulOp op) {
    if (isPackable(op))
      candidates.push_back(op);
  });
  llvm::MapVector<std::pair<Value, Block *>, SmallVector<TernaryMatmulOp>>
      siblings;
  for (TernaryMatmulOp op : candidates) {
    foldTernarizedWeights(rewriter, op);
    if (getConstantWeights(op))
      siblings[{op.getX(), op->getBlock()}].push_back(op);
  }
  for (auto &[key, ops] : siblings) {
    if (ops.size() < 2)
      continue;
    // Program order: the merged op replaces the first one.
    llvm::sort(ops, [](TernaryMatmulOp a, TernaryMatmulOp b) {
      return a->isBeforeInBlock(b);
    });
    mergeTernaryMatmuls(rewriter, ops);
  }
}

struct YatPackTernaryPass
    : public mlir::yat::impl::YatPackTernaryBase<YatPackTernaryPass> {
  using YatPackTernaryBase::YatPackTernaryBase;

  void runOnOperation() override {
    if (workers < 0) {
      getOperation()->emitError()
          << "yat-pack-ternary option 'workers' must not be negative, got "
          << static_cast<int64_t>(workers);
      return signalPassFailure();
    }
    int64_t workerCount = resolveWorkers(workers);
    IRRewriter rewriter(&getContext());
    mergeSiblingTernaryMatmuls(rewriter, getOperation());
    SmallVector<TernaryMatmulOp> ops;
    getOperation()->walk([&](TernaryMatmulOp op) { ops.push_back(op); });
    for (TernaryMatmulOp op : ops) {
      // Ops this pass does not handle are left for convert-yat-to-linalg.
      if (!isPackable(op)) {
        LLVM_DEBUG(llvm::dbgs() << "left alone: " << op << "\n");
        continue;
      }
      if (failed(TernaryMatmulPacker(rewriter, op, workerCount).run()))
        return signalPassFailure();
    }
  }
};

} // namespace
