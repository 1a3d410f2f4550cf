//===- MatmulKernels.cpp - register-tiled matrix products -----------------===//
//
// The outer-product kernel (C[m, n] += Σ_r A(m, r) · B(r, n), `K x N` right
// operand) and the dot-product kernel (`N x K` right operand), and their
// use for linalg.matmul and linalg.batch_matmul on buffers.
//
// Why hand-written: upstream's own code generation of the same matmul
// (tiling, linalg::vectorize, the vector contraction lowering to outer
// products, loop-invariant-subset-hoisting of the accumulator; the transform
// script bench/upstream_matmul.mlir) is slower, though not by much.
// `python3 bench/run.py`, group "codegen", linalg.matmul 1024^3 f32,
// 2 threads, AMD EPYC with AVX-512 (2026-12-01), medians over 8 runs on a
// shared machine: these kernels 10.5-11.9 ms, upstream 10.8-14.6 ms; the
// best medians of three interleaved rounds were 10.8 and 12.8 ms (upstream
// 1.18x). The same kernels also carry the fused ⵟ epilogue and the bf16
// pair products, which the upstream script does not cover. The bench row
// checks the margin on every run.
//
//===----------------------------------------------------------------------===//

#include "Kernels.h"

using namespace mlir;
using namespace mlir::yat;
using namespace mlir::yat::cpu;

//===----------------------------------------------------------------------===//
// Outer-product microkernel: C[m, n] += Σ_r A(m, r) · B(r, n)
//===----------------------------------------------------------------------===//

namespace {

/// One register tile: `numRows` rows from `row`, `numVectors` vectors of
/// columns from `col`, the last one masked by `mask` when set.
void emitOuterProductTile(OpBuilder &b, Location loc,
                          const OuterProduct &problem, int64_t width, Value row,
                          int64_t numRows, Value col, int64_t numVectors,
                          Value mask) {
  SmallVector<Value> rowIndex, colIndex;
  for (int64_t r = 0; r < numRows; ++r)
    rowIndex.push_back(add(b, loc, row, r));
  for (int64_t v = 0; v < numVectors; ++v)
    colIndex.push_back(add(b, loc, col, v * width));
  auto maskOf = [&](int64_t v) { return v + 1 == numVectors ? mask : Value(); };

  SmallVector<Value> accumulators;
  for (int64_t r = 0; r < numRows; ++r)
    for (int64_t v = 0; v < numVectors; ++v)
      accumulators.push_back(toF32(
          b, loc,
          loadVector(b, loc, problem.output,
                     problem.outputIndices(b, loc, rowIndex[r], colIndex[v]),
                     width, maskOf(v))));

  SmallVector<Value> lbs, steps;
  for (size_t i = 0; i < problem.reductionExtents.size(); ++i) {
    lbs.push_back(indexConstant(b, loc, 0));
    steps.push_back(indexConstant(b, loc, 1));
  }
  VectorType f32Vector = vectorOf(b.getF32Type(), width);
  scf::LoopNest nest = scf::buildLoopNest(
      b, loc, lbs, problem.reductionExtents, steps, accumulators,
      [&](OpBuilder &nb, Location nl, ValueRange ivs,
          ValueRange carried) -> scf::ValueVector {
        SmallVector<Value> rhs;
        for (int64_t v = 0; v < numVectors; ++v)
          rhs.push_back(toF32(
              nb, nl, problem.loadRhs(nb, nl, ivs, colIndex[v], maskOf(v))));
        scf::ValueVector next(carried.begin(), carried.end());
        for (int64_t r = 0; r < numRows; ++r) {
          Value lhs = toF32(nb, nl, problem.loadLhs(nb, nl, rowIndex[r], ivs));
          Value broadcast = vector::BroadcastOp::create(nb, nl, f32Vector, lhs);
          for (int64_t v = 0; v < numVectors; ++v) {
            Value &acc = next[r * numVectors + v];
            acc = vector::FMAOp::create(nb, nl, broadcast, rhs[v], acc);
          }
        }
        return next;
      });
  ValueRange results = nest.results;
  if (nest.loops.empty())
    results = accumulators;
  Type outputElement =
      cast<MemRefType>(problem.output.getType()).getElementType();
  for (int64_t r = 0; r < numRows; ++r)
    for (int64_t v = 0; v < numVectors; ++v) {
      Value value = results[r * numVectors + v];
      if (!outputElement.isF32())
        value = arith::TruncFOp::create(b, loc, vectorOf(outputElement, width),
                                        value);
      storeVector(b, loc, value, problem.output,
                  problem.outputIndices(b, loc, rowIndex[r], colIndex[v]),
                  maskOf(v));
    }
}

/// All rows for one column panel: `microRows`-row tiles, then single rows.
void emitOuterProductRows(OpBuilder &b, Location loc,
                          const OuterProduct &problem, const KernelShape &shape,
                          Value col, int64_t numVectors, Value mask) {
  forEachTile(b, loc, problem.rows, shape.microRows,
              [&](OpBuilder &nb, Location nl, Value row, int64_t numRows) {
                emitOuterProductTile(nb, nl, problem, shape.vectorWidth, row,
                                     numRows, col, numVectors, mask);
              });
}

} // namespace

/// The whole `rows x cols` output: panels of `microVectors` vectors, then
/// the remaining columns (a narrower panel whose last vector is masked when
/// `cols` is a constant; single vectors and one masked vector otherwise).
void cpu::emitOuterProduct(OpBuilder &b, Location loc,
                           const OuterProduct &problem,
                           const KernelShape &shape) {
  int64_t width = shape.vectorWidth;
  int64_t panel = width * shape.microVectors;
  Value zero = indexConstant(b, loc, 0);
  Value fullPanels = roundDown(b, loc, problem.cols, panel);
  buildFor(b, loc, zero, fullPanels, panel,
           [&](OpBuilder &nb, Location nl, Value col) {
             emitOuterProductRows(nb, nl, problem, shape, col,
                                  shape.microVectors, Value());
           });
  if (std::optional<int64_t> staticCols = getConstantIntValue(problem.cols)) {
    int64_t rest = *staticCols % panel;
    if (rest == 0)
      return;
    Value mask;
    if (rest % width)
      mask = createMask(b, loc, indexConstant(b, loc, rest % width), width);
    emitOuterProductRows(b, loc, problem, shape,
                         indexConstant(b, loc, *staticCols - rest),
                         llvm::divideCeil(rest, width), mask);
    return;
  }
  Value fullVectors = roundDown(b, loc, problem.cols, width);
  buildFor(b, loc, fullPanels, fullVectors, width,
           [&](OpBuilder &nb, Location nl, Value col) {
             emitOuterProductRows(nb, nl, problem, shape, col, 1, Value());
           });
  Value remaining = arith::SubIOp::create(b, loc, problem.cols, fullVectors);
  Value any =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::sgt, remaining, zero);
  scf::IfOp::create(b, loc, any, [&](OpBuilder &nb, Location nl) {
    Value mask = createMask(nb, nl, remaining, width);
    emitOuterProductRows(nb, nl, problem, shape, fullVectors, 1, mask);
    scf::YieldOp::create(nb, nl);
  });
}

namespace {

//===----------------------------------------------------------------------===//
// Dot-product microkernel: C[m, n] += Σ_k A[m, k] · B[n, k]
//===----------------------------------------------------------------------===//

struct DotProduct {
  Value lhs, rhs, output;
  Value rows, cols, depth;
};

/// One register tile of `numRows x numCols` dot products: lane partial sums
/// over `k` (the tail read with masked loads, whose zeros add nothing),
/// reduced and added to C.
void emitDotTile(OpBuilder &b, Location loc, const DotProduct &problem,
                 int64_t width, Value row, int64_t numRows, Value col,
                 int64_t numCols) {
  VectorType f32Vector = vectorOf(b.getF32Type(), width);
  Value zeroVector = splat(b, loc, f32Vector, b.getF32FloatAttr(0.0));
  SmallVector<Value> rowIndex, colIndex;
  for (int64_t r = 0; r < numRows; ++r)
    rowIndex.push_back(add(b, loc, row, r));
  for (int64_t c = 0; c < numCols; ++c)
    colIndex.push_back(add(b, loc, col, c));

  auto step = [&](OpBuilder &nb, Location nl, Value k, Value mask,
                  MutableArrayRef<Value> acc) {
    SmallVector<Value> rhs;
    for (int64_t c = 0; c < numCols; ++c)
      rhs.push_back(toF32(
          nb, nl,
          loadVector(nb, nl, problem.rhs, {colIndex[c], k}, width, mask)));
    for (int64_t r = 0; r < numRows; ++r) {
      Value lhs =
          toF32(nb, nl,
                loadVector(nb, nl, problem.lhs, {rowIndex[r], k}, width, mask));
      for (int64_t c = 0; c < numCols; ++c) {
        Value &value = acc[r * numCols + c];
        value = vector::FMAOp::create(nb, nl, lhs, rhs[c], value);
      }
    }
  };

  SmallVector<Value> init(numRows * numCols, zeroVector);
  Value zero = indexConstant(b, loc, 0);
  Value fullDepth = roundDown(b, loc, problem.depth, width);
  auto loop = scf::ForOp::create(
      b, loc, zero, fullDepth, indexConstant(b, loc, width), init,
      [&](OpBuilder &nb, Location nl, Value k, ValueRange carried) {
        SmallVector<Value> acc(carried.begin(), carried.end());
        step(nb, nl, k, Value(), acc);
        scf::YieldOp::create(nb, nl, acc);
      });
  SmallVector<Value> acc(loop.getResults().begin(), loop.getResults().end());
  std::optional<int64_t> staticDepth = getConstantIntValue(problem.depth);
  if (!staticDepth || *staticDepth % width != 0) {
    Value remaining = arith::SubIOp::create(b, loc, problem.depth, fullDepth);
    step(b, loc, fullDepth, createMask(b, loc, remaining, width), acc);
  }
  Type outputElement =
      cast<MemRefType>(problem.output.getType()).getElementType();
  for (int64_t r = 0; r < numRows; ++r)
    for (int64_t c = 0; c < numCols; ++c) {
      Value sum = reduceLanes(b, loc, acc[r * numCols + c], addValues);
      SmallVector<Value> indices = {rowIndex[r], colIndex[c]};
      Value old = toF32(
          b, loc, memref::LoadOp::create(b, loc, problem.output, indices));
      Value value = arith::AddFOp::create(b, loc, old, sum);
      if (!outputElement.isF32())
        value = arith::TruncFOp::create(b, loc, outputElement, value);
      memref::StoreOp::create(b, loc, value, problem.output, indices);
    }
}

void emitDotProduct(OpBuilder &b, Location loc, const DotProduct &problem,
                    const KernelShape &shape) {
  forEachTile(b, loc, problem.cols, shape.dotColumns,
              [&](OpBuilder &cb, Location cl, Value col, int64_t numCols) {
                forEachTile(cb, cl, problem.rows, shape.dotRows,
                            [&](OpBuilder &rb, Location rl, Value row,
                                int64_t numRows) {
                              emitDotTile(rb, rl, problem, shape.vectorWidth,
                                          row, numRows, col, numCols);
                            });
              });
}

} // namespace

std::optional<RhsLayout> cpu::getMatrixProductLayout(linalg::LinalgOp op) {
  if (!isa<linalg::MatmulOp, linalg::BatchMatmulOp>(op))
    return std::nullopt;
  MLIRContext *context = op.getContext();
  int64_t numLoops = op.getNumLoops();
  SmallVector<AffineExpr> batch;
  if (numLoops == 4)
    batch.push_back(getAffineDimExpr(0, context));
  AffineExpr m = getAffineDimExpr(numLoops - 3, context),
             n = getAffineDimExpr(numLoops - 2, context),
             k = getAffineDimExpr(numLoops - 1, context);
  auto mapOf = [&](ArrayRef<AffineExpr> exprs) {
    SmallVector<AffineExpr> all(batch);
    all.append(exprs.begin(), exprs.end());
    return AffineMap::get(numLoops, 0, all, context);
  };
  SmallVector<AffineMap> maps = op.getIndexingMapsArray();
  if (maps[0] != mapOf({m, k}) || maps[2] != mapOf({m, n}))
    return std::nullopt;
  if (maps[1] == mapOf({k, n}))
    return RhsLayout::KN;
  if (maps[1] == mapOf({n, k}))
    return RhsLayout::NK;
  return std::nullopt;
}

namespace {

/// Emits `output += lhs · rhs` for 2-d buffers with the register-tiled
/// kernel of `layout`.
void emitMatrixProduct(OpBuilder &b, Location loc, Value lhs, Value rhs,
                       Value output, RhsLayout layout,
                       const KernelShape &shape) {
  Value rows = b.createOrFold<memref::DimOp>(loc, output, 0);
  Value cols = b.createOrFold<memref::DimOp>(loc, output, 1);
  Value depth = b.createOrFold<memref::DimOp>(loc, lhs, 1);
  if (layout == RhsLayout::NK) {
    emitDotProduct(b, loc, {lhs, rhs, output, rows, cols, depth}, shape);
    return;
  }
  OuterProduct problem;
  problem.output = output;
  problem.rows = rows;
  problem.cols = cols;
  problem.reductionExtents = {depth};
  problem.loadLhs = [lhs](OpBuilder &b, Location l, Value row,
                          ValueRange r) -> Value {
    return memref::LoadOp::create(b, l, lhs, ValueRange{row, r[0]});
  };
  int64_t width = shape.vectorWidth;
  problem.loadRhs = [rhs, width](OpBuilder &b, Location l, ValueRange r,
                                 Value col, Value mask) -> Value {
    return loadVector(b, l, rhs, {r[0], col}, width, mask);
  };
  problem.outputIndices = [](OpBuilder &, Location, Value row,
                             Value col) -> SmallVector<Value> {
    return {row, col};
  };
  emitOuterProduct(b, loc, problem, shape);
}

/// The 2-d matrix `index` of a 3-d buffer (a rank-reducing subview).
Value getBatchMatrix(OpBuilder &b, Location loc, Value buffer, Value index) {
  auto type = cast<MemRefType>(buffer.getType());
  SmallVector<OpFoldResult> offsets = {index, b.getIndexAttr(0),
                                       b.getIndexAttr(0)};
  SmallVector<OpFoldResult> sizes = {b.getIndexAttr(1),
                                     memref::getMixedSize(b, loc, buffer, 1),
                                     memref::getMixedSize(b, loc, buffer, 2)};
  SmallVector<OpFoldResult> strides(3, b.getIndexAttr(1));
  auto matrixType = memref::SubViewOp::inferRankReducedResultType(
      {type.getDimSize(1), type.getDimSize(2)}, type, offsets, sizes, strides);
  return memref::SubViewOp::create(b, loc, cast<MemRefType>(matrixType), buffer,
                                   offsets, sizes, strides);
}

} // namespace

/// Rewrites an f32-accumulating `linalg.matmul` or `linalg.batch_matmul` on
/// buffers into the outer-product kernel (`K x N` right operand) or the
/// dot-product kernel (`N x K` right operand), in a loop over the batch.
LogicalResult cpu::rewriteMatrixProduct(RewriterBase &rewriter,
                                        linalg::LinalgOp op,
                                        const KernelShape &shape) {
  if (!op.hasPureBufferSemantics() || op.getNumDpsInputs() != 2)
    return failure();
  Value lhs = op.getDpsInputOperand(0)->get();
  Value rhs = op.getDpsInputOperand(1)->get();
  Value output = op.getDpsInitOperand(0)->get();
  if (!isFloatBuffer(lhs) || !isFloatBuffer(rhs) || !isF32Buffer(output))
    return failure();
  std::optional<RhsLayout> layout = getMatrixProductLayout(op);
  if (!layout)
    return failure();
  auto lhsType = cast<MemRefType>(lhs.getType());
  if (!hasUnitInnerStride(cast<MemRefType>(rhs.getType())) ||
      !hasUnitInnerStride(cast<MemRefType>(output.getType())) ||
      (*layout == RhsLayout::NK && !hasUnitInnerStride(lhsType)))
    return failure();

  Location loc = op.getLoc();
  rewriter.setInsertionPoint(op);
  if (lhsType.getRank() == 2) {
    emitMatrixProduct(rewriter, loc, lhs, rhs, output, *layout, shape);
  } else {
    Value batch = rewriter.createOrFold<memref::DimOp>(loc, output, 0);
    buildFor(rewriter, loc, indexConstant(rewriter, loc, 0), batch, 1,
             [&](OpBuilder &b, Location l, Value index) {
               emitMatrixProduct(b, l, getBatchMatrix(b, l, lhs, index),
                                 getBatchMatrix(b, l, rhs, index),
                                 getBatchMatrix(b, l, output, index), *layout,
                                 shape);
             });
  }
  rewriter.eraseOp(op);
  return success();
}
