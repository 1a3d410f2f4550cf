//===- Bf16PairKernels.cpp - AVX-512 BF16 pair dot products ---------------===//
//
// The bf16 contraction that yat-cpu-tile-and-fuse emits for bf16 matmuls
// into f32 on hosts with AVX-512 BF16 (`bf16-pairs`):
//
//   C[m, n] += Σ_{p, j} A[m, p, j] · B[p, n, j]      (j = 0, 1; f32 C)
//
// A is the left operand with its K dim split into pairs (a free reshape) and
// B the weight panel packed pair-interleaved: B[p, n, :] holds the two
// weights of column n for K positions 2p and 2p + 1, so that 16 columns of
// one pair are 32 consecutive bf16 values. `vdpbf16ps`
// (x86vector.avx512.dot) multiplies such a vector with one pair of A
// broadcast to every column and adds both products to 16 f32 accumulators:
// 32 multiply-adds in one instruction, where the f32 kernel converts both
// operands and does 16.
//
//===----------------------------------------------------------------------===//

#include "Kernels.h"

#include "yat/Dialect/Yat/Utils/LinalgBuilders.h"

using namespace mlir;
using namespace mlir::yat;
using namespace mlir::yat::cpu;

namespace {

/// The operands of a pair contraction on buffers.
struct PairProduct {
  Value lhs, rhs, output;
  Value rows, cols, pairs;
};

/// Whether `type` is a bf16 buffer whose last two dims are contiguous
/// (pairs of bf16 next to each other, then the next pair).
bool hasContiguousPairs(MemRefType type) {
  if (!type.getElementType().isBF16() || type.getRank() != 3 ||
      type.getDimSize(2) != 2)
    return false;
  SmallVector<int64_t> strides;
  int64_t offset;
  if (failed(type.getStridesAndOffset(strides, offset)))
    return false;
  return strides[2] == 1 && strides[1] == 2;
}

/// Matches the pair contraction: loops (m, n, p, j), maps (m, p, j),
/// (p, n, j), (m, n), a multiply-add body, bf16 operands, an f32 output
/// with unit inner stride.
std::optional<PairProduct> matchPairProduct(linalg::GenericOp op) {
  if (!op.hasPureBufferSemantics() || op.getNumDpsInputs() != 2 ||
      op.getNumDpsInits() != 1 || op.getNumLoops() != 4 ||
      !linalg::isaContractionOpInterface(op))
    return std::nullopt;
  MLIRContext *context = op.getContext();
  auto map = [&](ArrayRef<unsigned> dims) {
    return getDimsMap(context, 4, dims);
  };
  SmallVector<AffineMap> maps = op.getIndexingMapsArray();
  if (maps[0] != map({0, 2, 3}) || maps[1] != map({2, 1, 3}) ||
      maps[2] != map({0, 1}))
    return std::nullopt;
  PairProduct problem;
  problem.lhs = op.getDpsInputs()[0];
  problem.rhs = op.getDpsInputs()[1];
  problem.output = op.getDpsInits()[0];
  auto lhsType = dyn_cast<MemRefType>(problem.lhs.getType());
  auto rhsType = dyn_cast<MemRefType>(problem.rhs.getType());
  auto outputType = dyn_cast<MemRefType>(problem.output.getType());
  if (!lhsType || !rhsType || !outputType || !hasContiguousPairs(lhsType) ||
      !hasContiguousPairs(rhsType) || !outputType.getElementType().isF32() ||
      !hasUnitInnerStride(outputType))
    return std::nullopt;
  return problem;
}

/// One register tile: `numRows` rows from `row`, `numVectors` vectors of 16
/// columns from `col`, the last one masked to `lastColumns` when set.
void emitPairTile(OpBuilder &b, Location loc, const PairProduct &problem,
                  Value row, int64_t numRows, Value col, int64_t numVectors,
                  Value lastColumns, bool emulate) {
  constexpr int64_t kLanes = 16;
  SmallVector<Value> rowIndex, colIndex;
  for (int64_t r = 0; r < numRows; ++r)
    rowIndex.push_back(add(b, loc, row, r));
  for (int64_t v = 0; v < numVectors; ++v)
    colIndex.push_back(add(b, loc, col, v * kLanes));
  // The masks of the last vector: its columns, and their pairs of B.
  Value outputMask, pairMask;
  if (lastColumns) {
    outputMask = createMask(b, loc, lastColumns, kLanes);
    Value pairCount =
        arith::MulIOp::create(b, loc, lastColumns, indexConstant(b, loc, 2));
    pairMask = createMask(b, loc, pairCount, 2 * kLanes);
  }
  auto isLast = [&](int64_t v) { return v + 1 == numVectors; };

  SmallVector<Value> accumulators;
  for (int64_t r = 0; r < numRows; ++r)
    for (int64_t v = 0; v < numVectors; ++v)
      accumulators.push_back(loadVector(b, loc, problem.output,
                                        {rowIndex[r], colIndex[v]}, kLanes,
                                        isLast(v) ? outputMask : Value()));

  Value zero = indexConstant(b, loc, 0);
  Value one = indexConstant(b, loc, 1);
  auto pairType = VectorType::get({2}, b.getBF16Type());
  auto wordType = VectorType::get({1}, b.getI32Type());
  auto wordsType = VectorType::get({kLanes}, b.getI32Type());
  auto pairsType = VectorType::get({2 * kLanes}, b.getBF16Type());
  auto loop = scf::ForOp::create(
      b, loc, zero, problem.pairs, one, accumulators,
      [&](OpBuilder &nb, Location nl, Value pair, ValueRange carried) {
        SmallVector<Value> rhs;
        for (int64_t v = 0; v < numVectors; ++v)
          rhs.push_back(loadVector(nb, nl, problem.rhs,
                                   {pair, colIndex[v], zero}, 2 * kLanes,
                                   isLast(v) ? pairMask : Value()));
        SmallVector<Value> next(carried.begin(), carried.end());
        for (int64_t r = 0; r < numRows; ++r) {
          // The two bf16 of A as one 32-bit word, in every lane.
          Value lhsPair =
              vector::LoadOp::create(nb, nl, pairType, problem.lhs,
                                     ValueRange{rowIndex[r], pair, zero});
          Value word = vector::BitCastOp::create(nb, nl, wordType, lhsPair);
          Value scalar = vector::ExtractOp::create(nb, nl, word, 0);
          Value words = vector::BroadcastOp::create(nb, nl, wordsType, scalar);
          Value lhs = vector::BitCastOp::create(nb, nl, pairsType, words);
          for (int64_t v = 0; v < numVectors; ++v) {
            Value &acc = next[r * numVectors + v];
            acc = emitDpbf16ps(nb, nl, acc, lhs, rhs[v], emulate);
          }
        }
        scf::YieldOp::create(nb, nl, next);
      });
  for (int64_t r = 0; r < numRows; ++r)
    for (int64_t v = 0; v < numVectors; ++v)
      storeVector(b, loc, loop.getResult(r * numVectors + v), problem.output,
                  {rowIndex[r], colIndex[v]}, isLast(v) ? outputMask : Value());
}

/// All rows for one column panel of `numVectors` vectors.
void emitPairRows(OpBuilder &b, Location loc, const PairProduct &problem,
                  const KernelShape &shape, Value col, int64_t numVectors,
                  Value lastColumns) {
  forEachTile(b, loc, problem.rows, shape.microRows,
              [&](OpBuilder &nb, Location nl, Value row, int64_t numRows) {
                emitPairTile(nb, nl, problem, row, numRows, col, numVectors,
                             lastColumns, shape.emulateX86Instructions);
              });
}

/// Matches the panel packing of yat-cpu-tile-and-fuse's `bf16-pairs`:
/// `out[p, c, i] = in[c, 2p + i]` with a bf16 `in` of unit inner stride and
/// an `out` whose pairs are contiguous. Returns (in, out).
std::optional<std::pair<Value, Value>> matchPairPack(linalg::GenericOp op) {
  if (!op.hasPureBufferSemantics() || op.getNumDpsInputs() != 1 ||
      op.getNumDpsInits() != 1 || op.getNumLoops() != 3 ||
      op.getNumParallelLoops() != 3)
    return std::nullopt;
  Block *body = op.getBlock();
  if (body->getTerminator()->getOperand(0) != body->getArgument(0))
    return std::nullopt;
  MLIRContext *context = op.getContext();
  AffineExpr p = getAffineDimExpr(0, context), c = getAffineDimExpr(1, context),
             i = getAffineDimExpr(2, context);
  SmallVector<AffineMap> maps = op.getIndexingMapsArray();
  if (maps[0] != AffineMap::get(3, 0, {c, p * 2 + i}, context) ||
      !maps[1].isIdentity())
    return std::nullopt;
  Value input = op.getDpsInputs()[0], output = op.getDpsInits()[0];
  auto inputType = dyn_cast<MemRefType>(input.getType());
  auto outputType = dyn_cast<MemRefType>(output.getType());
  if (!inputType || !outputType || inputType.getRank() != 2 ||
      !inputType.getElementType().isBF16() || !hasUnitInnerStride(inputType) ||
      !hasContiguousPairs(outputType))
    return std::nullopt;
  return std::make_pair(input, output);
}

/// Copies pair `pair` of column `col` element by element.
void emitScalarPairCopy(OpBuilder &b, Location loc, Value input, Value output,
                        Value pair, Value col) {
  for (int64_t i = 0; i < 2; ++i) {
    Value position = affine::makeComposedAffineApply(
        b, loc, b.getAffineDimExpr(0) * 2 + i, {pair});
    Value value =
        memref::LoadOp::create(b, loc, input, ValueRange{col, position});
    memref::StoreOp::create(b, loc, value, output,
                            ValueRange{pair, col, indexConstant(b, loc, i)});
  }
}

} // namespace

LogicalResult
cpu::rewriteBf16PairPack(RewriterBase &rewriter, linalg::GenericOp op,
                         SmallVectorImpl<vector::TransposeOp> &transposes) {
  std::optional<std::pair<Value, Value>> operands = matchPairPack(op);
  if (!operands)
    return failure();
  // (Named values, not structured bindings: lambdas capture them below.)
  Value input = operands->first, output = operands->second;
  Location loc = op.getLoc();
  rewriter.setInsertionPoint(op);
  // A pair of bf16 is one 32-bit word: the packing transposes words, in
  // 16 x 16 blocks through registers.
  constexpr int64_t kBlock = 16;
  Value pairs = memref::DimOp::create(rewriter, loc, output, 0);
  Value cols = memref::DimOp::create(rewriter, loc, output, 1);
  Value zero = indexConstant(rewriter, loc, 0);
  Value fullPairs = roundDown(rewriter, loc, pairs, kBlock);
  Value fullCols = roundDown(rewriter, loc, cols, kBlock);
  auto wordsType = VectorType::get({kBlock}, rewriter.getI32Type());
  auto valuesType = VectorType::get({2 * kBlock}, rewriter.getBF16Type());
  auto blockType = VectorType::get({kBlock, kBlock}, rewriter.getI32Type());
  buildFor(
      rewriter, loc, zero, fullPairs, kBlock,
      [&](OpBuilder &b, Location l, Value pair) {
        Value position = affine::makeComposedAffineApply(
            b, l, b.getAffineDimExpr(0) * 2, {pair});
        buildFor(b, l, zero, fullCols, kBlock,
                 [&](OpBuilder &nb, Location nl, Value col) {
                   Value block = arith::ConstantOp::create(
                       nb, nl, blockType, nb.getZeroAttr(blockType));
                   for (int64_t r = 0; r < kBlock; ++r) {
                     Value row = vector::LoadOp::create(
                         nb, nl, valuesType, input,
                         ValueRange{add(nb, nl, col, r), position});
                     Value words =
                         vector::BitCastOp::create(nb, nl, wordsType, row);
                     block = vector::InsertOp::create(nb, nl, words, block, r);
                   }
                   auto transposed = vector::TransposeOp::create(
                       nb, nl, block, ArrayRef<int64_t>{1, 0});
                   transposes.push_back(transposed);
                   for (int64_t q = 0; q < kBlock; ++q) {
                     Value words =
                         vector::ExtractOp::create(nb, nl, transposed, q);
                     Value values =
                         vector::BitCastOp::create(nb, nl, valuesType, words);
                     vector::StoreOp::create(
                         nb, nl, values, output,
                         ValueRange{add(nb, nl, pair, q), col, zero});
                   }
                 });
        // The columns past the last whole block.
        buildFor(b, l, fullCols, cols, 1,
                 [&](OpBuilder &nb, Location nl, Value col) {
                   buildFor(nb, nl, zero, indexConstant(nb, nl, kBlock), 1,
                            [&](OpBuilder &ib, Location il, Value q) {
                              emitScalarPairCopy(
                                  ib, il, input, output,
                                  arith::AddIOp::create(ib, il, pair, q), col);
                            });
                 });
      });
  // The pairs past the last whole block, every column.
  buildFor(rewriter, loc, fullPairs, pairs, 1,
           [&](OpBuilder &b, Location l, Value pair) {
             buildFor(b, l, zero, cols, 1,
                      [&](OpBuilder &nb, Location nl, Value col) {
                        emitScalarPairCopy(nb, nl, input, output, pair, col);
                      });
           });
  rewriter.eraseOp(op);
  return success();
}

LogicalResult cpu::rewriteBf16PairProduct(RewriterBase &rewriter,
                                          linalg::GenericOp op,
                                          const KernelShape &shape) {
  // vdpbf16ps on zmm registers: 16 f32 accumulators a vector.
  if (shape.vectorWidth != 16)
    return failure();
  std::optional<PairProduct> problem = matchPairProduct(op);
  if (!problem)
    return failure();
  Location loc = op.getLoc();
  rewriter.setInsertionPoint(op);
  problem->rows = memref::DimOp::create(rewriter, loc, problem->output, 0);
  problem->cols = memref::DimOp::create(rewriter, loc, problem->output, 1);
  problem->pairs = memref::DimOp::create(rewriter, loc, problem->lhs, 1);

  constexpr int64_t kLanes = 16;
  int64_t panel = kLanes * shape.microVectors;
  Value zero = indexConstant(rewriter, loc, 0);
  Value fullPanels = roundDown(rewriter, loc, problem->cols, panel);
  buildFor(rewriter, loc, zero, fullPanels, panel,
           [&](OpBuilder &nb, Location nl, Value col) {
             emitPairRows(nb, nl, *problem, shape, col, shape.microVectors,
                          Value());
           });
  // The rest of the columns: whole vectors, then one masked vector.
  if (std::optional<int64_t> staticCols = getConstantIntValue(problem->cols)) {
    if (int64_t rest = *staticCols % panel) {
      Value lastColumns;
      if (rest % kLanes)
        lastColumns = indexConstant(rewriter, loc, rest % kLanes);
      emitPairRows(rewriter, loc, *problem, shape,
                   indexConstant(rewriter, loc, *staticCols - rest),
                   llvm::divideCeil(rest, kLanes), lastColumns);
    }
  } else {
    Value fullVectors = roundDown(rewriter, loc, problem->cols, kLanes);
    buildFor(rewriter, loc, fullPanels, fullVectors, kLanes,
             [&](OpBuilder &nb, Location nl, Value col) {
               emitPairRows(nb, nl, *problem, shape, col, 1, Value());
             });
    Value rest =
        arith::SubIOp::create(rewriter, loc, problem->cols, fullVectors);
    Value hasRest = arith::CmpIOp::create(
        rewriter, loc, arith::CmpIPredicate::sgt, rest, zero);
    auto ifRest = scf::IfOp::create(rewriter, loc, hasRest);
    OpBuilder::InsertionGuard guard(rewriter);
    rewriter.setInsertionPointToStart(ifRest.thenBlock());
    emitPairRows(rewriter, loc, *problem, shape, fullVectors, 1, rest);
  }
  rewriter.eraseOp(op);
  return success();
}
