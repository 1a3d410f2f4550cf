//===- TernaryKernels.cpp - int8 x 2-bit dot products ---------------------===//
//
// The ternary contraction that yat-pack-ternary emits, on buffers:
//
//   acc[m, nb, c] += Σ_{kb, i, j} q[m, kb, i, j] · (code − 1)
//   code = (w[nb, kb, c, j] >> 2i) & 3                (loops m nb c kb i j)
//
// q holds int8 activations, w 64-byte blocks of 16 output channels x 16
// reduction positions with 2 bits a weight. Shifting a block right by 2i
// and masking gives the unsigned codes of 16 channels x 4 consecutive
// positions, and the 4 activations of those positions, broadcast as one
// 32-bit word, are their signed operand:
//
//   * `vnni`: `vpdpbusd` (AVX-512 VNNI) adds the four u8 x s8 products of
//     each 32-bit lane into an i32 accumulator, 64 multiply-adds in one
//     instruction;
//   * `maddubs`: `vpmaddubsw` (AVX-512BW or AVX2) multiplies and adds
//     pairs into i16 (at most 2·2·128, no saturation). The pairs of 8 K
//     blocks are summed in i16 registers, then `vpmaddwd` with ones widens
//     them into the i32 accumulators. Widening each product instead put a
//     `vpmaddwd` and an add beside every `vpmaddubsw` on the same ports
//     (GEMM 128x2048x2048 on 1 thread of a Zen 3 EPYC, AVX2: 7.8 -> 4.7 ms
//     best of 3).
//
// The codes of group i are (block >> 2i) & 3. x86 has no byte shift: an i8
// shift becomes vgf2p8affineqb, which competes with vpdpbusd for its ports.
// Shifting 16-bit lanes instead is one vpsrlw; the bits it carries across
// bytes are masked off (GEMM 128x2048x2048 on 1 thread: 2.87 -> 2.40 ms,
// 98% of the measured vpdpbusd peak, on an AVX-512 VNNI EPYC).
//
// Both compute Σ q · code; the kernel subtracts Σ_k q (each row's sum,
// computed once per call) to get Σ q · (code − 1). Neither instruction has
// an op in MLIR's x86vector dialect (its `avx.dot.i8` is AVX-VNNI-INT8's
// `vpdpbssd`), so they are LLVM intrinsic calls.
//
//===----------------------------------------------------------------------===//

#include "Kernels.h"

#include "yat/Dialect/Yat/Utils/LinalgBuilders.h"
#include "yat/Dialect/Yat/Utils/TernaryContraction.h"

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"

using namespace mlir;
using namespace mlir::yat;
using namespace mlir::yat::cpu;

namespace {

constexpr int64_t kBlock = kTernaryBlock;

/// The operands of a ternary contraction on buffers, viewed as q[m, k],
/// weights[nb, kb, 64 bytes] and acc[m, nb, c].
struct TernaryDot {
  Value activations, weights, accumulator;
  /// The accumulator was just filled with zeros (the fill is gone): the
  /// registers start at zero instead of loading it.
  bool startsFromZero = false;
};

bool hasElementType(Value value, unsigned width) {
  auto type = dyn_cast<MemRefType>(value.getType());
  return type && type.getElementType().isInteger(width);
}

/// Matches the ternary contraction and prepares its rewrite: drops the zero
/// fill of its accumulator (see TernaryDot) and views its operands as
/// q[m, k] and 64-byte blocks.
std::optional<TernaryDot> prepareTernaryDot(RewriterBase &rewriter,
                                            linalg::GenericOp op) {
  if (!op.hasPureBufferSemantics() || op.getNumDpsInputs() != 2)
    return std::nullopt;
  // The activations are the int8 input q[m, kb, i, j] itself.
  std::optional<TernaryContraction> contraction = matchTernaryContraction(op);
  OpOperand *qOperand = op.getDpsInputOperand(0);
  if (!contraction ||
      contraction->activation != op.getMatchingBlockArgument(qOperand) ||
      op.getMatchingIndexingMap(qOperand) !=
          getDimsMap(op.getContext(), 6, {0, 3, 4, 5}))
    return std::nullopt;
  Value q = qOperand->get(), w = contraction->weights->get(),
        acc = contraction->accumulator->get();
  if (!hasElementType(q, 8))
    return std::nullopt;
  auto qType = cast<MemRefType>(q.getType());
  auto wType = cast<MemRefType>(w.getType());
  auto accType = cast<MemRefType>(acc.getType());
  if (qType.getDimSize(2) != 4 || qType.getDimSize(3) != 4 ||
      wType.getDimSize(2) != kBlock || wType.getDimSize(3) != 4 ||
      accType.getDimSize(2) != kBlock || !hasUnitInnerStride(accType))
    return std::nullopt;
  SmallVector<ReassociationIndices> rowsOfQ = {{0}, {1, 2, 3}};
  SmallVector<ReassociationIndices> blocksOfW = {{0}, {1}, {2, 3}};
  if (!memref::CollapseShapeOp::isGuaranteedCollapsible(qType, rowsOfQ) ||
      !memref::CollapseShapeOp::isGuaranteedCollapsible(wType, blocksOfW))
    return std::nullopt;
  TernaryDot problem;
  // The zero fill of the accumulator right before the contraction: the
  // registers start from zero and the buffer is written once.
  if (auto fill = dyn_cast_or_null<linalg::FillOp>(op->getPrevNode());
      fill && fill.hasPureBufferSemantics() && fill.getDpsInits()[0] == acc &&
      isConstantIntValue(fill.getInputs()[0], 0)) {
    rewriter.eraseOp(fill);
    problem.startsFromZero = true;
  }
  rewriter.setInsertionPoint(op);
  Location loc = op.getLoc();
  problem.activations =
      memref::CollapseShapeOp::create(rewriter, loc, q, rowsOfQ);
  problem.weights =
      memref::CollapseShapeOp::create(rewriter, loc, w, blocksOfW);
  problem.accumulator = acc;
  return problem;
}

/// Emits the byte dot products of one instruction family on `lanes` i32
/// lanes.
class ByteDotEmitter {
public:
  ByteDotEmitter(OpBuilder &b, Location loc, Int8DotKind kind, int64_t lanes,
                 bool emulate)
      : kind(kind), emulate(emulate),
        bytes(VectorType::get({4 * lanes}, b.getI8Type())),
        words(VectorType::get({lanes}, b.getI32Type())),
        halves(VectorType::get({2 * lanes}, b.getI16Type())) {
    if (kind == Int8DotKind::Maddubs)
      ones = splat(b, loc, halves, b.getI16IntegerAttr(1));
  }

  Int8DotKind getKind() const { return kind; }
  VectorType getBytesType() const { return bytes; }
  VectorType getWordsType() const { return words; }
  VectorType getHalvesType() const { return halves; }

  /// `acc + Σ_4 unsignedBytes · signedBytes` per 32-bit lane (`vnni`).
  Value emitQuads(OpBuilder &b, Location loc, Value acc, Value unsignedBytes,
                  Value signedBytes) const {
    return emitDpbusd(b, loc, acc, unsignedBytes, signedBytes, emulate);
  }

  /// `Σ_2 unsignedBytes · signedBytes` per 16-bit lane (`maddubs`).
  Value emitPairs(OpBuilder &b, Location loc, Value unsignedBytes,
                  Value signedBytes) const {
    return emitPmaddubsw(b, loc, unsignedBytes, signedBytes, emulate);
  }

  /// `acc + Σ_2 pairs` per 32-bit lane: 16-bit sums widened (`maddubs`).
  Value emitWiden(OpBuilder &b, Location loc, Value acc, Value pairs) const {
    return arith::AddIOp::create(b, loc, acc,
                                 emitPmaddwd(b, loc, pairs, ones, emulate));
  }

private:
  Int8DotKind kind;
  bool emulate;
  VectorType bytes, words, halves;
  Value ones;
};

/// Dim `dim` of `buffer`: a constant when static, so that the loops over it
/// know their tails and the register tile sees a single row.
Value getDimSize(OpBuilder &b, Location loc, Value buffer, int64_t dim) {
  return getValueOrCreateConstantIndexOp(
      b, loc, memref::getMixedSize(b, loc, buffer, dim));
}

/// Σ_k q[row, k] for every row of `activations` into `sums` (i32), 16
/// bytes at a time (K is a multiple of 16).
void emitRowSums(OpBuilder &b, Location loc, Value activations, Value rows,
                 Value sums) {
  Value columns = getDimSize(b, loc, activations, 1);
  auto wordVector = VectorType::get({kBlock}, b.getI32Type());
  buildFor(b, loc, indexConstant(b, loc, 0), rows, 1,
           [&](OpBuilder &b, Location loc, Value row) {
             Value zero = splat(b, loc, wordVector, b.getI32IntegerAttr(0));
             auto loop = scf::ForOp::create(
                 b, loc, indexConstant(b, loc, 0), columns,
                 indexConstant(b, loc, kBlock), ValueRange{zero},
                 [&](OpBuilder &b, Location loc, Value k, ValueRange sum) {
                   Value chunk = vector::LoadOp::create(
                       b, loc, VectorType::get({kBlock}, b.getI8Type()),
                       activations, ValueRange{row, k});
                   Value wide =
                       arith::ExtSIOp::create(b, loc, wordVector, chunk);
                   scf::YieldOp::create(
                       b, loc,
                       ValueRange{arith::AddIOp::create(b, loc, sum[0], wide)});
                 });
             Value total = vector::ReductionOp::create(
                 b, loc, vector::CombiningKind::ADD, loop.getResult(0));
             memref::StoreOp::create(b, loc, total, sums, ValueRange{row});
           });
}

/// The register tile: rows and weight blocks whose sums stay in registers
/// while K is walked, sized for the vector registers (32 zmm or 16 ymm):
/// sums, one raw and one decoded vector per block and one broadcast.
struct RegisterTile {
  int64_t rows, blocks;
};

RegisterTile chooseRegisterTile(Int8DotKind kind, int64_t lanes, Value rows) {
  bool singleRow = isConstantIntValue(rows, 1);
  if (lanes == 16)
    return singleRow ? RegisterTile{1, 8} : RegisterTile{4, 4};
  if (singleRow)
    return {1, 2};
  // On 16 ymm registers, `maddubs` with 3 rows of one block (6 sums)
  // measured fastest: GEMM 128x2048x2048 on 1 thread of a Zen 3 EPYC, best
  // of 3 runs, 4.7 ms against 5.4 ms for 2 x 2 and 5.1 ms for 2 x 1.
  if (kind == Int8DotKind::Maddubs)
    return {3, 1};
  return {2, 2};
}

/// `maddubs` sums at most this many reduction blocks in 16-bit lanes before
/// widening them: a block adds 4 pair sums of at most 2·2·128 each per
/// lane, so 15 blocks stay below 2^15 (8 keeps a margin and divides common
/// K).
constexpr int64_t kBlocksPerHalfSum = 8;

/// One register tile of the contraction: `rowCount` rows from `row0` times
/// `blockCount` weight blocks from `block0`.
class TernaryTileEmitter {
public:
  TernaryTileEmitter(const TernaryDot &problem, const ByteDotEmitter &dot,
                     int64_t lanes, Value row0, int64_t rowCount, Value block0,
                     int64_t blockCount)
      : problem(problem), dot(dot), lanes(lanes),
        vectorsPerBlock(kBlock / lanes), row0(row0), rowCount(rowCount),
        block0(block0), blockCount(blockCount) {}

  /// Σ_k q · code of the tile, from K block `kb0` to `kb1`, added to `accs`
  /// (one per accumulator slot) with `accumulate(acc, codes, broadcast)`.
  SmallVector<Value>
  emitReduction(OpBuilder &b, Location loc, Value kb0, Value kb1,
                ValueRange accs,
                function_ref<Value(OpBuilder &, Location, Value, Value, Value)>
                    accumulate) const;

  int64_t getSlotCount() const {
    return rowCount * blockCount * vectorsPerBlock;
  }
  int64_t slot(int64_t r, int64_t blk, int64_t v) const {
    return (r * blockCount + blk) * vectorsPerBlock + v;
  }
  SmallVector<Value> accumulatorIndices(OpBuilder &b, Location loc,
                                        int64_t slotIndex) const {
    int64_t v = slotIndex % vectorsPerBlock;
    int64_t blk = (slotIndex / vectorsPerBlock) % blockCount;
    int64_t r = slotIndex / (vectorsPerBlock * blockCount);
    return {add(b, loc, row0, r), add(b, loc, block0, blk),
            indexConstant(b, loc, v * lanes)};
  }

private:
  const TernaryDot &problem;
  const ByteDotEmitter &dot;
  int64_t lanes, vectorsPerBlock;
  Value row0;
  int64_t rowCount;
  Value block0;
  int64_t blockCount;
};

SmallVector<Value> TernaryTileEmitter::emitReduction(
    OpBuilder &b, Location loc, Value kb0, Value kb1, ValueRange accs,
    function_ref<Value(OpBuilder &, Location, Value, Value, Value)> accumulate)
    const {
  VectorType bytes = dot.getBytesType();
  auto wordBytes = VectorType::get({4}, b.getI8Type());
  auto oneWord = VectorType::get({1}, b.getI32Type());
  auto halfWords = VectorType::get({2 * lanes}, b.getI16Type());
  auto loop = scf::ForOp::create(
      b, loc, kb0, kb1, indexConstant(b, loc, 1), accs,
      [&](OpBuilder &b, Location loc, Value kb, ValueRange carried) {
        SmallVector<Value> next(carried);
        SmallVector<Value> raw;
        for (int64_t blk = 0; blk < blockCount; ++blk)
          for (int64_t v = 0; v < vectorsPerBlock; ++v)
            raw.push_back(vector::LoadOp::create(
                b, loc, bytes, problem.weights,
                ValueRange{add(b, loc, block0, blk), kb,
                           indexConstant(b, loc, v * 4 * lanes)}));
        Value kBase =
            arith::MulIOp::create(b, loc, kb, indexConstant(b, loc, kBlock));
        Value mask = splat(b, loc, bytes, b.getI8IntegerAttr(3));
        for (int64_t group = 0; group < 4; ++group) {
          SmallVector<Value> codes;
          for (Value block : raw) {
            Value shifted = block;
            if (group > 0) {
              Value wide = vector::BitCastOp::create(b, loc, halfWords, block);
              wide = arith::ShRUIOp::create(
                  b, loc, wide,
                  splat(b, loc, halfWords, b.getI16IntegerAttr(2 * group)));
              shifted = vector::BitCastOp::create(b, loc, bytes, wide);
            }
            codes.push_back(arith::AndIOp::create(b, loc, shifted, mask));
          }
          for (int64_t r = 0; r < rowCount; ++r) {
            // The 4 activations of this group as one broadcast word.
            Value word = vector::LoadOp::create(
                b, loc, wordBytes, problem.activations,
                ValueRange{add(b, loc, row0, r),
                           add(b, loc, kBase, 4 * group)});
            Value scalar = vector::ExtractOp::create(
                b, loc, vector::BitCastOp::create(b, loc, oneWord, word),
                ArrayRef<int64_t>{0});
            Value broadcast = vector::BitCastOp::create(
                b, loc, bytes,
                vector::BroadcastOp::create(b, loc, dot.getWordsType(),
                                            scalar));
            for (int64_t blk = 0; blk < blockCount; ++blk)
              for (int64_t v = 0; v < vectorsPerBlock; ++v) {
                Value &acc = next[slot(r, blk, v)];
                acc = accumulate(b, loc, acc, codes[blk * vectorsPerBlock + v],
                                 broadcast);
              }
          }
        }
        scf::YieldOp::create(b, loc, next);
      });
  return loop.getResults();
}

/// `vnni`: i32 accumulators in registers over all of K.
void emitQuadTile(OpBuilder &b, Location loc, const TernaryDot &problem,
                  const ByteDotEmitter &dot, const TernaryTileEmitter &tile,
                  Value kBlocks, Value sums) {
  VectorType words = dot.getWordsType();
  Value zero = splat(b, loc, words, b.getI32IntegerAttr(0));
  SmallVector<Value> initial;
  for (int64_t s = 0; s < tile.getSlotCount(); ++s)
    initial.push_back(
        problem.startsFromZero
            ? zero
            : vector::LoadOp::create(b, loc, words, problem.accumulator,
                                     tile.accumulatorIndices(b, loc, s)));
  SmallVector<Value> results = tile.emitReduction(
      b, loc, indexConstant(b, loc, 0), kBlocks, initial,
      [&](OpBuilder &b, Location loc, Value acc, Value codes, Value broadcast) {
        return dot.emitQuads(b, loc, acc, codes, broadcast);
      });
  // code = t + 1: subtract each row's Σ_k q once.
  for (int64_t s = 0; s < tile.getSlotCount(); ++s) {
    SmallVector<Value> indices = tile.accumulatorIndices(b, loc, s);
    Value rowSum = memref::LoadOp::create(b, loc, sums, indices[0]);
    Value result = arith::SubIOp::create(
        b, loc, results[s], vector::BroadcastOp::create(b, loc, words, rowSum));
    vector::StoreOp::create(b, loc, result, problem.accumulator, indices);
  }
}

/// `maddubs`: the pairs of a run of at most kBlocksPerHalfSum K blocks are
/// summed in 16-bit lanes in registers, then widened once into the i32
/// accumulators, which stay in memory. Widening every pair instead costs
/// one `vpmaddwd` and one add per `vpmaddubsw`, on the same ports.
void emitPairTile(OpBuilder &b, Location loc, const TernaryDot &problem,
                  const ByteDotEmitter &dot, const TernaryTileEmitter &tile,
                  Value kBlocks, Value sums) {
  VectorType words = dot.getWordsType();
  // The accumulators start at -Σ_k q (code = t + 1) or at that less their
  // value.
  for (int64_t s = 0; s < tile.getSlotCount(); ++s) {
    SmallVector<Value> indices = tile.accumulatorIndices(b, loc, s);
    Value rowSum = vector::BroadcastOp::create(
        b, loc, words, memref::LoadOp::create(b, loc, sums, indices[0]));
    Value start = problem.startsFromZero
                      ? splat(b, loc, words, b.getI32IntegerAttr(0))
                      : vector::LoadOp::create(b, loc, words,
                                               problem.accumulator, indices)
                            .getResult();
    vector::StoreOp::create(b, loc,
                            arith::SubIOp::create(b, loc, start, rowSum),
                            problem.accumulator, indices);
  }
  Value zero = splat(b, loc, dot.getHalvesType(), b.getI16IntegerAttr(0));
  buildFor(b, loc, indexConstant(b, loc, 0), kBlocks, kBlocksPerHalfSum,
           [&](OpBuilder &b, Location loc, Value kb0) {
             Value kb1 = arith::MinSIOp::create(
                 b, loc, add(b, loc, kb0, kBlocksPerHalfSum), kBlocks);
             SmallVector<Value> initial(tile.getSlotCount(), zero);
             SmallVector<Value> halfSums = tile.emitReduction(
                 b, loc, kb0, kb1, initial,
                 [&](OpBuilder &b, Location loc, Value acc, Value codes,
                     Value broadcast) {
                   return arith::AddIOp::create(
                       b, loc, acc, dot.emitPairs(b, loc, codes, broadcast));
                 });
             for (int64_t s = 0; s < tile.getSlotCount(); ++s) {
               SmallVector<Value> indices = tile.accumulatorIndices(b, loc, s);
               Value acc = vector::LoadOp::create(b, loc, words,
                                                  problem.accumulator, indices);
               vector::StoreOp::create(b, loc,
                                       dot.emitWiden(b, loc, acc, halfSums[s]),
                                       problem.accumulator, indices);
             }
           });
}

void emitTernaryDot(OpBuilder &b, Location loc, const TernaryDot &problem,
                    const ByteDotEmitter &dot, int64_t lanes) {
  Value rows = getDimSize(b, loc, problem.accumulator, 0);
  Value blocks = getDimSize(b, loc, problem.accumulator, 1);
  Value kBlocks = getDimSize(b, loc, problem.weights, 1);
  RegisterTile registers = chooseRegisterTile(dot.getKind(), lanes, rows);

  // Each row's Σ_k q, once per call.
  Value sums = memref::AllocaOp::create(
      b, loc, MemRefType::get({ShapedType::kDynamic}, b.getI32Type()),
      ValueRange{rows});
  emitRowSums(b, loc, problem.activations, rows, sums);

  // Blocks outer, rows inner: a run of weight blocks stays in L1 while
  // every row reads it.
  forEachTile(
      b, loc, blocks, registers.blocks,
      [&](OpBuilder &b, Location loc, Value block0, int64_t blockCount) {
        forEachTile(
            b, loc, rows, registers.rows,
            [&](OpBuilder &b, Location loc, Value row0, int64_t rowCount) {
              TernaryTileEmitter tile(problem, dot, lanes, row0, rowCount,
                                      block0, blockCount);
              if (dot.getKind() == Int8DotKind::Vnni)
                emitQuadTile(b, loc, problem, dot, tile, kBlocks, sums);
              else
                emitPairTile(b, loc, problem, dot, tile, kBlocks, sums);
            });
      });
}

} // namespace

LogicalResult cpu::rewriteTernaryDot(RewriterBase &rewriter,
                                     linalg::GenericOp op, Int8DotKind kind,
                                     const KernelShape &shape) {
  int64_t vectorWidth = shape.vectorWidth;
  if (kind == Int8DotKind::None || (vectorWidth != 16 && vectorWidth != 8))
    return failure();
  std::optional<TernaryDot> problem = prepareTernaryDot(rewriter, op);
  if (!problem)
    return failure();
  Location loc = op.getLoc();
  ByteDotEmitter dot(rewriter, loc, kind, vectorWidth,
                     shape.emulateX86Instructions);
  emitTernaryDot(rewriter, loc, *problem, dot, vectorWidth);
  rewriter.eraseOp(op);
  return success();
}
