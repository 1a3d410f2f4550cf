//===- CopyKernels.cpp - transposing and strided copies -------------------===//
//
// Copies on buffers that a memcpy does not do: transposes of the last two
// dims through register blocks, and strided copies along unit-stride rows.
//
// Why hand-written: upstream's 16 x 16 blocks through linalg::vectorize and
// the AVX-512 `shuffle_16x16` transpose lowering (bench/upstream_transpose
// .mlir) are slower. `python3 bench/run.py --only codegen`, 2048 x 2048 f32,
// 2 threads, AMD EPYC (2026-12-01): these transposes 1.06 ms, upstream
// 1.87 ms (best medians of three interleaved rounds).
//
//===----------------------------------------------------------------------===//

#include "Kernels.h"

#include "mlir/Dialect/MemRef/Utils/MemRefUtils.h"

using namespace mlir;
using namespace mlir::yat;
using namespace mlir::yat::cpu;

namespace {

/// A copy whose last two dims are swapped (`out[.., i, j] = in[.., j, i]`),
/// converting the element type on the way when needed.
struct TransposedCopy {
  Value input, output;
};

/// Recognizes `linalg.transpose` and single-input `linalg.generic` copies
/// (optionally through one arith.extf/truncf) that swap the last two dims.
std::optional<TransposedCopy> matchTransposedCopy(Operation *op) {
  auto linalgOp = dyn_cast<linalg::LinalgOp>(op);
  if (!linalgOp || !linalgOp.hasPureBufferSemantics() ||
      linalgOp.getNumDpsInputs() != 1 || linalgOp.getNumDpsInits() != 1 ||
      linalgOp.getNumLoops() < 2 ||
      linalgOp.getNumParallelLoops() != linalgOp.getNumLoops())
    return std::nullopt;
  if (!isa<linalg::TransposeOp, linalg::GenericOp>(op))
    return std::nullopt;
  Block *body = linalgOp.getBlock();
  Value yielded = body->getTerminator()->getOperand(0);
  if (Operation *def = yielded.getDefiningOp()) {
    if (!isa<arith::ExtFOp, arith::TruncFOp>(def) ||
        def->getOperand(0) != body->getArgument(0))
      return std::nullopt;
    if (std::distance(body->begin(), body->end()) != 2)
      return std::nullopt;
  } else if (yielded != body->getArgument(0)) {
    return std::nullopt;
  }
  unsigned rank = linalgOp.getNumLoops();
  SmallVector<unsigned> permutation;
  for (unsigned d = 0; d < rank; ++d)
    permutation.push_back(d);
  std::swap(permutation[rank - 1], permutation[rank - 2]);
  MLIRContext *context = op->getContext();
  AffineMap swapped = AffineMap::getPermutationMap(permutation, context);
  AffineMap identity = AffineMap::getMultiDimIdentityMap(rank, context);
  SmallVector<AffineMap> maps = linalgOp.getIndexingMapsArray();
  // linalg.transpose expresses the permutation on the output map.
  bool inputSwapped = maps[0] == swapped && maps[1] == identity;
  bool outputSwapped = maps[0] == identity && maps[1] == swapped;
  if (!inputSwapped && !outputSwapped)
    return std::nullopt;
  TransposedCopy copy{linalgOp.getDpsInputOperand(0)->get(),
                      linalgOp.getDpsInitOperand(0)->get()};
  auto inputType = dyn_cast<MemRefType>(copy.input.getType());
  auto outputType = dyn_cast<MemRefType>(copy.output.getType());
  if (!inputType || !outputType || !hasUnitInnerStride(inputType) ||
      !hasUnitInnerStride(outputType) || !isFloat(inputType.getElementType()) ||
      !isFloat(outputType.getElementType()))
    return std::nullopt;
  return copy;
}

Value convertTo(OpBuilder &b, Location loc, Value value, Type element) {
  Type from = getElementTypeOrSelf(value.getType());
  if (from == element)
    return value;
  Type target = element;
  if (auto vectorType = dyn_cast<VectorType>(value.getType()))
    target = vectorType.clone(element);
  if (from.getIntOrFloatBitWidth() < element.getIntOrFloatBitWidth())
    return arith::ExtFOp::create(b, loc, target, value);
  return arith::TruncFOp::create(b, loc, target, value);
}

/// Transposes `width x width` blocks through registers (rows loaded along
/// the input's contiguous dim, `vector.transpose`, rows stored along the
/// output's), and copies the edges element by element.
void emitTransposedCopy(RewriterBase &rewriter, Location loc,
                        const TransposedCopy &copy, int64_t width,
                        SmallVectorImpl<vector::TransposeOp> &transposes) {
  auto outputType = cast<MemRefType>(copy.output.getType());
  Type outputElement = outputType.getElementType();
  unsigned rank = outputType.getRank();
  SmallVector<Value> lbs, ubs, steps;
  for (unsigned d = 0; d + 2 < rank; ++d) {
    lbs.push_back(indexConstant(rewriter, loc, 0));
    ubs.push_back(rewriter.createOrFold<memref::DimOp>(loc, copy.output, d));
    steps.push_back(indexConstant(rewriter, loc, 1));
  }
  Value rows = rewriter.createOrFold<memref::DimOp>(loc, copy.output, rank - 2);
  Value cols = rewriter.createOrFold<memref::DimOp>(loc, copy.output, rank - 1);
  scf::buildLoopNest(
      rewriter, loc, lbs, ubs, steps,
      [&](OpBuilder &b, Location l, ValueRange outer) {
        auto outIndices = [&](Value i, Value j) {
          SmallVector<Value> indices(outer.begin(), outer.end());
          indices.append({i, j});
          return indices;
        };
        auto inIndices = [&](Value i, Value j) {
          SmallVector<Value> indices(outer.begin(), outer.end());
          indices.append({j, i});
          return indices;
        };
        Value zero = indexConstant(b, l, 0);
        Value fullRows = roundDown(b, l, rows, width);
        Value fullCols = roundDown(b, l, cols, width);
        VectorType blockType = VectorType::get({width, width}, outputElement);
        buildFor(b, l, zero, fullRows, width,
                 [&](OpBuilder &rb, Location rl, Value row) {
                   buildFor(
                       rb, rl, zero, fullCols, width,
                       [&](OpBuilder &cb, Location cl, Value col) {
                         Value block = splat(cb, cl, blockType,
                                             cb.getZeroAttr(outputElement));
                         for (int64_t t = 0; t < width; ++t) {
                           Value line =
                               loadVector(cb, cl, copy.input,
                                          inIndices(row, add(cb, cl, col, t)),
                                          width, Value());
                           line = convertTo(cb, cl, line, outputElement);
                           block =
                               vector::InsertOp::create(cb, cl, line, block, t);
                         }
                         auto transpose = vector::TransposeOp::create(
                             cb, cl, block, ArrayRef<int64_t>{1, 0});
                         transposes.push_back(transpose);
                         for (int64_t t = 0; t < width; ++t) {
                           Value line = vector::ExtractOp::create(
                               cb, cl, transpose.getResult(), t);
                           storeVector(cb, cl, line, copy.output,
                                       outIndices(add(cb, cl, row, t), col),
                                       Value());
                         }
                       });
                 });
        auto copyElement = [&](OpBuilder &eb, Location el, Value i, Value j) {
          Value value =
              memref::LoadOp::create(eb, el, copy.input, inIndices(i, j));
          memref::StoreOp::create(eb, el,
                                  convertTo(eb, el, value, outputElement),
                                  copy.output, outIndices(i, j));
        };
        // Right edge of the full rows, then the bottom rows.
        buildFor(b, l, zero, fullRows, 1,
                 [&](OpBuilder &rb, Location rl, Value i) {
                   buildFor(rb, rl, fullCols, cols, 1,
                            [&](OpBuilder &cb, Location cl, Value j) {
                              copyElement(cb, cl, i, j);
                            });
                 });
        buildFor(b, l, fullRows, rows, 1,
                 [&](OpBuilder &rb, Location rl, Value i) {
                   buildFor(rb, rl, zero, cols, 1,
                            [&](OpBuilder &cb, Location cl, Value j) {
                              copyElement(cb, cl, i, j);
                            });
                 });
      });
}

} // namespace

namespace {

/// A 2-d view of `buffer` with every dim but `keep` fixed at `fixed` (one
/// index for each other dim, in order) and `keep`'s dims whole, in order.
Value getPlane(OpBuilder &b, Location loc, Value buffer,
               ArrayRef<unsigned> keep, ValueRange fixed) {
  auto type = cast<MemRefType>(buffer.getType());
  SmallVector<OpFoldResult> offsets, sizes;
  SmallVector<int64_t> planeShape;
  auto fixedIndex = fixed.begin();
  for (int64_t d = 0; d < type.getRank(); ++d) {
    if (llvm::is_contained(keep, d)) {
      offsets.push_back(b.getIndexAttr(0));
      sizes.push_back(memref::getMixedSize(b, loc, buffer, d));
      planeShape.push_back(type.getDimSize(d));
      continue;
    }
    offsets.push_back(*fixedIndex++);
    sizes.push_back(b.getIndexAttr(1));
  }
  SmallVector<OpFoldResult> strides(type.getRank(), b.getIndexAttr(1));
  auto planeType = memref::SubViewOp::inferRankReducedResultType(
      planeShape, type, offsets, sizes, strides);
  return memref::SubViewOp::create(b, loc, planeType, buffer, offsets, sizes,
                                   strides);
}

/// A `linalg.transpose` on buffers that moves the input's innermost dim and
/// is not a swap of the last two dims, so that the output's innermost dim
/// is read along a strided input dim (attention's
/// `(b, t, h, d) -> (b, h, d, t)`): loops over the other dims around 2-d
/// transposes of the planes those two dims span, which rewriteTransposedCopy
/// then turns into register blocks. 131072 elements of
/// `(1, 256, 8, 64) -> (1, 8, 64, 256)` took 0.29 ms element by element.
LogicalResult splitIntoPlanes(RewriterBase &rewriter, linalg::TransposeOp op,
                              SmallVectorImpl<linalg::TransposeOp> &planes) {
  if (!op.hasPureBufferSemantics())
    return failure();
  ArrayRef<int64_t> permutation = op.getPermutation();
  int64_t rank = permutation.size();
  if (rank < 3)
    return failure();
  // out[.., j, .., last] = in[.., perm[last], .., innermost].
  unsigned last = rank - 1;
  unsigned fedByInnermost =
      llvm::find(permutation, int64_t(last)) - permutation.begin();
  unsigned inputRowDim = permutation[last];
  if (fedByInnermost == last ||
      (fedByInnermost == last - 1 && inputRowDim == last - 1))
    return failure();
  Value input = op.getInput(), output = op.getInit();
  Location loc = op.getLoc();
  rewriter.setInsertionPoint(op);
  SmallVector<unsigned> outerDims;
  SmallVector<Value> lbs, ubs, steps;
  for (unsigned d = 0; d < rank; ++d) {
    if (d == fedByInnermost || d == last)
      continue;
    outerDims.push_back(d);
    lbs.push_back(indexConstant(rewriter, loc, 0));
    ubs.push_back(rewriter.createOrFold<memref::DimOp>(loc, output, d));
    steps.push_back(indexConstant(rewriter, loc, 1));
  }
  scf::buildLoopNest(
      rewriter, loc, lbs, ubs, steps,
      [&](OpBuilder &b, Location l, ValueRange ivs) {
        // The input's fixed indices, in input dim order.
        SmallVector<Value> inputFixed(rank);
        for (auto [outDim, iv] : llvm::zip(outerDims, ivs))
          inputFixed[permutation[outDim]] = iv;
        SmallVector<Value> inputIndices;
        for (unsigned d = 0; d < rank; ++d)
          if (d != last && d != inputRowDim)
            inputIndices.push_back(inputFixed[d]);
        Value inputPlane =
            getPlane(b, l, input, {inputRowDim, last}, inputIndices);
        Value outputPlane = getPlane(b, l, output, {fedByInnermost, last}, ivs);
        planes.push_back(linalg::TransposeOp::create(
            b, l, inputPlane, outputPlane, ArrayRef<int64_t>{1, 0}));
      });
  rewriter.eraseOp(op);
  return success();
}

} // namespace

LogicalResult
cpu::rewriteTransposedCopy(RewriterBase &rewriter, Operation *op, int64_t width,
                           SmallVectorImpl<vector::TransposeOp> &transposes) {
  if (auto transpose = dyn_cast<linalg::TransposeOp>(op)) {
    SmallVector<linalg::TransposeOp> planes;
    if (succeeded(splitIntoPlanes(rewriter, transpose, planes))) {
      // A plane the register blocks cannot take (a strided inner dim) is
      // left for convert-linalg-to-loops.
      for (linalg::TransposeOp plane : planes)
        (void)rewriteTransposedCopy(rewriter, plane, width, transposes);
      return success();
    }
  }
  std::optional<TransposedCopy> copy = matchTransposedCopy(op);
  if (!copy)
    return failure();
  rewriter.setInsertionPoint(op);
  emitTransposedCopy(rewriter, op->getLoc(), *copy, width, transposes);
  rewriter.eraseOp(op);
  return success();
}

/// Rewrites `memref.copy` between non-contiguous buffers with unit inner
/// strides (e.g. into the interior of a padded buffer) into vector loops;
/// contiguous copies are left to become a memcpy.
LogicalResult cpu::rewriteStridedCopy(RewriterBase &rewriter, memref::CopyOp op,
                                      int64_t width) {
  auto sourceType = dyn_cast<MemRefType>(op.getSource().getType());
  auto targetType = dyn_cast<MemRefType>(op.getTarget().getType());
  if (!sourceType || !targetType || sourceType.getRank() == 0 ||
      sourceType.getElementType() != targetType.getElementType() ||
      !isFloat(sourceType.getElementType()))
    return failure();
  if (memref::isStaticShapeAndContiguousRowMajor(sourceType) &&
      memref::isStaticShapeAndContiguousRowMajor(targetType))
    return failure();
  if (!hasUnitInnerStride(sourceType) || !hasUnitInnerStride(targetType))
    return failure();
  Location loc = op.getLoc();
  rewriter.setInsertionPoint(op);
  unsigned rank = sourceType.getRank();
  SmallVector<Value> lbs, ubs, steps;
  for (unsigned d = 0; d + 1 < rank; ++d) {
    lbs.push_back(indexConstant(rewriter, loc, 0));
    ubs.push_back(rewriter.createOrFold<memref::DimOp>(loc, op.getSource(), d));
    steps.push_back(indexConstant(rewriter, loc, 1));
  }
  Value extent =
      rewriter.createOrFold<memref::DimOp>(loc, op.getSource(), rank - 1);
  Value source = op.getSource(), target = op.getTarget();
  scf::buildLoopNest(
      rewriter, loc, lbs, ubs, steps,
      [&](OpBuilder &b, Location l, ValueRange outer) {
        auto indices = [&](Value inner) {
          SmallVector<Value> result(outer.begin(), outer.end());
          result.push_back(inner);
          return result;
        };
        Value zero = indexConstant(b, l, 0);
        Value full = roundDown(b, l, extent, width);
        buildFor(b, l, zero, full, width,
                 [&](OpBuilder &nb, Location nl, Value iv) {
                   Value line =
                       loadVector(nb, nl, source, indices(iv), width, Value());
                   storeVector(nb, nl, line, target, indices(iv), Value());
                 });
        Value remaining = arith::SubIOp::create(b, l, extent, full);
        Value mask = createMask(b, l, remaining, width);
        Value line = loadVector(b, l, source, indices(full), width, mask);
        storeVector(b, l, line, target, indices(full), mask);
      });
  rewriter.eraseOp(op);
  return success();
}
