//===- TensorCoreMatmul.cpp - linalg.matmul on tensor cores ---------------===//
//
// yat-gpu-tensor-core-matmul: a bufferized linalg.matmul of f16 or bf16
// operands (or f32 ones, as tf32, when asked) into an f32 accumulator
// becomes a gpu.launch that runs it on the tensor cores with warp-level
// mma.sync:
//
//   * each block computes a BM x BN tile of C with 4 or 8 warps, each warp
//     a WM x WN sub-tile as (WM/16) x (WN/8) mma tiles of 16 x 8 whose
//     accumulators (vector<2x2xf32> per lane) stay in registers along K;
//   * K is walked in steps of BK (64 bytes of a row of A); the A and B
//     tiles of a step are copied to workgroup memory with cp.async
//     (nvgpu.device_async_copy, 16 bytes a copy, bypassing L1), two stages
//     deep: the copy of step k+1 runs while step k is multiplied;
//   * fragments are read from workgroup memory with ldmatrix (transposed
//     for B); a tf32 B fragment, which ldmatrix cannot transpose, with
//     plain loads. Rows are padded by 16 bytes (32 for f32 B), so that the
//     8 rows one ldmatrix reads, and the loads of a warp, hit distinct
//     banks.
//
// An elementwise epilogue that is the only reader of the result (a
// yat.product's distance, square and division) runs on the accumulators
// before they are stored, and the f32 result never reaches memory.
//
// The fragment layouts are those of PTX's mma.m16n8k16 (f16, bf16) and
// mma.m16n8k8 (tf32): lane l holds the elements of row l/4 (and l/4 + 8)
// and columns 2(l%4), 2(l%4) + 1 of its accumulator tile.
//
//===----------------------------------------------------------------------===//

#include "yat/Codegen/GPU/Passes.h"

#include "mlir/Analysis/AliasAnalysis/LocalAliasAnalysis.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/GPU/IR/GPUDialect.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/LLVMIR/NVVMDialect.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/NVGPU/IR/NVGPUDialect.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "mlir/Transforms/WalkPatternRewriteDriver.h"

#define DEBUG_TYPE "yat-gpu-tensor-core-matmul"

namespace mlir::yat {
#define GEN_PASS_DEF_YATGPUTENSORCOREMATMUL
#include "yat/Codegen/GPU/Passes.h.inc"
} // namespace mlir::yat

using namespace mlir;

namespace {

/// Bytes of one cp.async copy and of one row of an ldmatrix matrix.
constexpr int64_t kCopyBytes = 16;
/// Bytes of a row of A's tile in workgroup memory (without padding): BK
/// is 32 for 16-bit elements, 16 for f32.
constexpr int64_t kTileRowBytes = 64;
/// Stages of the copy pipeline.
constexpr int64_t kStages = 2;

/// How one matmul is cut into blocks and warps.
struct TileConfig {
  int64_t blockM, blockN, blockK;
  int64_t warpsM, warpsN;
  int64_t warpM() const { return blockM / warpsM; }
  int64_t warpN() const { return blockN / warpsN; }
  int64_t threads() const { return warpsM * warpsN * 32; }
};

/// The operand element type of the mma and the shapes that follow from it.
struct MmaKind {
  Type element;
  bool tf32;
  int64_t elementBytes() const { return tf32 ? 4 : 2; }
  /// K of one mma.sync: 16 for 16-bit operands, 8 for tf32.
  int64_t k() const { return tf32 ? 8 : 16; }
  /// Elements of one 16-byte copy or ldmatrix row.
  int64_t chunk() const { return kCopyBytes / elementBytes(); }
};

/// The largest tile configuration that divides the problem, if any.
std::optional<TileConfig> chooseTileConfig(int64_t m, int64_t n, int64_t k,
                                           const MmaKind &kind) {
  int64_t blockK = kTileRowBytes / kind.elementBytes();
  if (k % blockK != 0)
    return std::nullopt;
  for (TileConfig config :
       {TileConfig{128, 128, blockK, 2, 4}, TileConfig{64, 64, blockK, 2, 2}})
    if (m % config.blockM == 0 && n % config.blockN == 0)
      return config;
  return std::nullopt;
}

bool hasStaticIdentityLayout(Value value) {
  auto type = dyn_cast<MemRefType>(value.getType());
  return type && type.hasStaticShape() && type.getRank() == 2 &&
         type.getLayout().isIdentity();
}

/// Index arithmetic on values and constants.
class IndexMath {
public:
  IndexMath(OpBuilder &b, Location loc) : b(b), loc(loc) {}
  Value constant(int64_t v) {
    return arith::ConstantIndexOp::create(b, loc, v);
  }
  Value add(Value x, int64_t v) {
    return v == 0 ? x : arith::AddIOp::create(b, loc, x, constant(v));
  }
  Value add(Value x, Value y) { return arith::AddIOp::create(b, loc, x, y); }
  Value mul(Value x, int64_t v) {
    return arith::MulIOp::create(b, loc, x, constant(v));
  }
  Value div(Value x, int64_t v) {
    return arith::DivUIOp::create(b, loc, x, constant(v));
  }
  Value rem(Value x, int64_t v) {
    return arith::RemUIOp::create(b, loc, x, constant(v));
  }

private:
  OpBuilder &b;
  Location loc;
};

/// An elementwise linalg.generic that is the only reader of the matmul's
/// result, with what it needs to run in the kernel: the accumulators start
/// from the zero (or other constant) fill before the matmul and never go
/// to memory; each result element is the generic's body applied to its
/// accumulator and the elements its other inputs map to.
struct Epilogue {
  linalg::GenericOp generic;
  linalg::FillOp fill;
  memref::AllocOp resultBuffer;
  SmallVector<memref::DeallocOp> deallocs;
};

/// Whether `op` may write or free memory that `buffer` may alias (or
/// memory it cannot name).
bool mayWriteOrFree(Operation *op, Value buffer,
                    LocalAliasAnalysis &aliasAnalysis) {
  auto effects = dyn_cast<MemoryEffectOpInterface>(op);
  if (!effects)
    return op->getNumRegions() != 0 || !isPure(op);
  SmallVector<MemoryEffects::EffectInstance> instances;
  effects.getEffects(instances);
  for (MemoryEffects::EffectInstance &effect : instances) {
    if (!isa<MemoryEffects::Write, MemoryEffects::Free>(effect.getEffect()))
      continue;
    Value target = effect.getValue();
    if (!target || !aliasAnalysis.alias(target, buffer).isNo())
      return true;
  }
  return false;
}

/// The epilogue of `matmul`, if it has one that the kernel can take.
std::optional<Epilogue> findEpilogue(linalg::MatmulOp matmul) {
  Value result = matmul.getDpsInits()[0];
  auto alloc = result.getDefiningOp<memref::AllocOp>();
  if (!alloc || alloc->getBlock() != matmul->getBlock())
    return std::nullopt;
  Epilogue epilogue;
  epilogue.resultBuffer = alloc;
  for (Operation *user : result.getUsers()) {
    if (user == matmul)
      continue;
    if (auto fill = dyn_cast<linalg::FillOp>(user)) {
      Value value = fill.getInputs()[0];
      if (epilogue.fill || fill->getNextNode() != matmul ||
          !fill.hasPureBufferSemantics() || !value.getType().isF32() ||
          !matchPattern(value, m_Constant()))
        return std::nullopt;
      epilogue.fill = fill;
    } else if (auto generic = dyn_cast<linalg::GenericOp>(user)) {
      if (epilogue.generic)
        return std::nullopt;
      epilogue.generic = generic;
    } else if (auto dealloc = dyn_cast<memref::DeallocOp>(user)) {
      epilogue.deallocs.push_back(dealloc);
    } else {
      return std::nullopt;
    }
  }
  linalg::GenericOp generic = epilogue.generic;
  if (!epilogue.fill || !generic || generic->getBlock() != matmul->getBlock() ||
      !matmul->isBeforeInBlock(generic) || !generic.hasPureBufferSemantics() ||
      generic.getNumLoops() != 2 ||
      generic.getNumParallelLoops() != generic.getNumLoops() ||
      generic.getNumDpsInits() != 1 || generic->getNumRegions() != 1)
    return std::nullopt;
  for (memref::DeallocOp dealloc : epilogue.deallocs)
    if (dealloc->getBlock() != generic->getBlock() ||
        !generic->isBeforeInBlock(dealloc))
      return std::nullopt;
  MLIRContext *context = matmul.getContext();
  AffineMap identity = AffineMap::getMultiDimIdentityMap(2, context);
  OpOperand *output = generic.getDpsInitOperand(0);
  Value outputBuffer = output->get();
  auto outputType = dyn_cast<MemRefType>(outputBuffer.getType());
  if (generic.getMatchingIndexingMap(output) != identity || !outputType ||
      outputType.getShape() != cast<MemRefType>(result.getType()).getShape() ||
      !outputType.getLayout().isIdentity())
    return std::nullopt;
  unsigned readsOfResult = 0;
  for (OpOperand *input : generic.getDpsInputOperands()) {
    AffineMap map = generic.getMatchingIndexingMap(input);
    if (input->get() == result) {
      if (map != identity)
        return std::nullopt;
      ++readsOfResult;
    } else if (!isa<MemRefType>(input->get().getType()) ||
               !map.isProjectedPermutation()) {
      return std::nullopt;
    }
  }
  if (readsOfResult != 1)
    return std::nullopt;
  // The kernel moves to the generic: nothing in between may change the
  // matmul's operands (through any view of them), and the generic's output
  // must not be one of them.
  LocalAliasAnalysis aliasAnalysis;
  Value a = matmul.getDpsInputs()[0], b = matmul.getDpsInputs()[1];
  if (!aliasAnalysis.alias(outputBuffer, a).isNo() ||
      !aliasAnalysis.alias(outputBuffer, b).isNo())
    return std::nullopt;
  for (Operation *op = matmul->getNextNode(); op != generic;
       op = op->getNextNode())
    if (mayWriteOrFree(op, a, aliasAnalysis) ||
        mayWriteOrFree(op, b, aliasAnalysis))
      return std::nullopt;
  return epilogue;
}

/// Builds the kernel of one matmul inside its gpu.launch.
class TensorCoreKernelBuilder {
public:
  TensorCoreKernelBuilder(OpBuilder &b, Location loc, const TileConfig &config,
                          const MmaKind &kind, Value a, Value bMatrix,
                          bool bTransposed, Value c,
                          std::optional<Epilogue> epilogue,
                          gpu::LaunchOp launch)
      : b(b), loc(loc), math(b, loc), config(config), kind(kind), a(a),
        bMatrix(bMatrix), bTransposed(bTransposed), c(c), epilogue(epilogue) {
    Value tid = launch.getThreadIds().x;
    warp = math.div(tid, 32);
    lane = math.rem(tid, 32);
    thread = tid;
    group = math.div(lane, 4);
    laneInGroup = math.rem(lane, 4);
    blockRow = math.mul(launch.getBlockIds().y, config.blockM);
    blockCol = math.mul(launch.getBlockIds().x, config.blockN);
    warpRow = math.mul(math.div(warp, config.warpsN), config.warpM());
    warpCol = math.mul(math.rem(warp, config.warpsN), config.warpN());
    tileA = launch.getWorkgroupAttributions()[0];
    tileB = launch.getWorkgroupAttributions()[1];
  }

  void build() {
    int64_t kSteps =
        cast<MemRefType>(a.getType()).getDimSize(1) / config.blockK;
    SmallVector<Value> accumulators = loadAccumulators();
    issueCopies(math.constant(0), math.constant(0), /*valid=*/nullptr);
    auto loop = scf::ForOp::create(
        b, loc, math.constant(0), math.constant(kSteps), math.constant(1),
        accumulators,
        [&](OpBuilder &nested, Location, Value step, ValueRange carried) {
          // The next step's copy (nothing, zero-filled, after the last)
          // before waiting for this step's.
          Value next = math.add(step, 1);
          Value valid = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ult,
                                              next, math.constant(kSteps));
          Value clamped =
              arith::MinUIOp::create(b, loc, next, math.constant(kSteps - 1));
          issueCopies(math.rem(next, kStages), clamped, valid);
          // All but the newest group are complete; the barrier makes every
          // thread's copies of this step visible.
          nvgpu::DeviceAsyncWaitOp::create(b, loc, lastGroup,
                                           b.getI32IntegerAttr(1));
          gpu::BarrierOp::create(b, loc);
          SmallVector<Value> accs =
              multiplyStage(math.rem(step, kStages), carried);
          // Nobody reads this stage any more when the next step's copies
          // overwrite it.
          gpu::BarrierOp::create(b, loc);
          scf::YieldOp::create(b, loc, accs);
        });
    storeAccumulators(loop.getResults());
  }

private:
  int64_t mTiles() const { return config.warpM() / 16; }
  int64_t nTiles() const { return config.warpN() / 8; }
  int64_t slot(int64_t mi, int64_t ni) const { return mi * nTiles() + ni; }

  /// The rows and first column of C a lane holds for mma tile (mi, ni).
  std::pair<Value, Value> accumulatorPosition(int64_t mi, int64_t ni) {
    Value row = math.add(math.add(blockRow, warpRow), group);
    Value column =
        math.add(math.add(blockCol, warpCol), math.mul(laneInGroup, 2));
    return {math.add(row, mi * 16), math.add(column, ni * 8)};
  }

  /// The accumulators start from C (the matmul adds to its init).
  SmallVector<Value> loadAccumulators() {
    auto pair = VectorType::get({2}, b.getF32Type());
    auto fragment = VectorType::get({2, 2}, b.getF32Type());
    Value zero = arith::ConstantOp::create(
        b, loc, fragment, DenseElementsAttr::get(fragment, 0.0f));
    SmallVector<Value> accs;
    if (epilogue) {
      Value start = vector::BroadcastOp::create(b, loc, fragment,
                                                epilogue->fill.getInputs()[0]);
      accs.assign(mTiles() * nTiles(), start);
      return accs;
    }
    for (int64_t mi = 0; mi < mTiles(); ++mi)
      for (int64_t ni = 0; ni < nTiles(); ++ni) {
        auto [row, column] = accumulatorPosition(mi, ni);
        Value top =
            vector::LoadOp::create(b, loc, pair, c, ValueRange{row, column});
        Value bottom = vector::LoadOp::create(
            b, loc, pair, c, ValueRange{math.add(row, 8), column});
        Value acc = vector::InsertOp::create(b, loc, top, zero, 0);
        accs.push_back(vector::InsertOp::create(b, loc, bottom, acc, 1));
      }
    return accs;
  }

  void storeAccumulators(ValueRange accs) {
    for (int64_t mi = 0; mi < mTiles(); ++mi)
      for (int64_t ni = 0; ni < nTiles(); ++ni) {
        auto [row, column] = accumulatorPosition(mi, ni);
        Value acc = accs[slot(mi, ni)];
        if (epilogue) {
          for (int64_t half = 0; half < 2; ++half)
            for (int64_t j = 0; j < 2; ++j)
              emitEpilogueElement(vector::ExtractOp::create(
                                      b, loc, acc, ArrayRef<int64_t>{half, j}),
                                  math.add(row, 8 * half), math.add(column, j));
          continue;
        }
        vector::StoreOp::create(b, loc,
                                vector::ExtractOp::create(b, loc, acc, 0), c,
                                ValueRange{row, column});
        vector::StoreOp::create(b, loc,
                                vector::ExtractOp::create(b, loc, acc, 1), c,
                                ValueRange{math.add(row, 8), column});
      }
  }

  /// The epilogue's body for the result element (row, column), whose
  /// accumulator is `acc`, stored into the epilogue's output.
  void emitEpilogueElement(Value acc, Value row, Value column) {
    linalg::GenericOp generic = epilogue->generic;
    Value position[2] = {row, column};
    auto indicesOf = [&](OpOperand *operand) {
      SmallVector<Value> indices;
      for (AffineExpr result :
           generic.getMatchingIndexingMap(operand).getResults())
        indices.push_back(position[cast<AffineDimExpr>(result).getPosition()]);
      return indices;
    };
    Block &body = generic.getRegion().front();
    IRMapping mapping;
    for (OpOperand &operand : generic->getOpOperands()) {
      BlockArgument argument = body.getArgument(operand.getOperandNumber());
      if (operand.get() == c && generic.isDpsInput(&operand))
        mapping.map(argument, acc);
      else if (!argument.use_empty())
        mapping.map(argument, memref::LoadOp::create(b, loc, operand.get(),
                                                     indicesOf(&operand)));
    }
    for (Operation &op : body.without_terminator()) {
      if (auto index = dyn_cast<linalg::IndexOp>(op)) {
        mapping.map(index.getResult(), position[index.getDim()]);
        continue;
      }
      b.clone(op, mapping);
    }
    auto yield = cast<linalg::YieldOp>(body.getTerminator());
    OpOperand *output = generic.getDpsInitOperand(0);
    memref::StoreOp::create(b, loc,
                            mapping.lookupOrDefault(yield.getOperand(0)),
                            output->get(), indicesOf(output));
  }

  /// cp.async of the A and B tiles of K step `step` into stage `stage`, as
  /// one group. With `valid` false the copies read nothing and zero-fill.
  void issueCopies(Value stage, Value step, Value valid) {
    int64_t chunk = kind.chunk();
    Value kOffset = math.mul(step, config.blockK);
    Value sourceElements;
    if (valid)
      sourceElements = arith::SelectOp::create(
          b, loc, valid, math.constant(chunk), math.constant(0));
    auto tokenType = nvgpu::DeviceAsyncTokenType::get(b.getContext());
    SmallVector<Value> tokens;
    auto copyTile = [&](Value source, Value tile, int64_t rows, int64_t columns,
                        Value sourceRow0, Value sourceColumn0) {
      int64_t chunksPerRow = columns / chunk;
      for (int64_t first = 0; first < rows * chunksPerRow;
           first += config.threads()) {
        Value index = math.add(thread, first);
        Value row = math.div(index, chunksPerRow);
        Value column = math.mul(math.rem(index, chunksPerRow), chunk);
        tokens.push_back(nvgpu::DeviceAsyncCopyOp::create(
            b, loc, tokenType, tile, ValueRange{stage, row, column}, source,
            ValueRange{math.add(sourceRow0, row),
                       math.add(sourceColumn0, column)},
            b.getIndexAttr(chunk), sourceElements, b.getUnitAttr()));
      }
    };
    copyTile(a, tileA, config.blockM, config.blockK, blockRow, kOffset);
    if (bTransposed)
      copyTile(bMatrix, tileB, config.blockN, config.blockK, blockCol, kOffset);
    else
      copyTile(bMatrix, tileB, config.blockK, config.blockN, kOffset, blockCol);
    lastGroup =
        nvgpu::DeviceAsyncCreateGroupOp::create(b, loc, tokenType, tokens);
  }

  /// The mma.sync of every tile of the warp over the K step in `stage`.
  SmallVector<Value> multiplyStage(Value stage, ValueRange carried) {
    SmallVector<Value> accs(carried);
    for (int64_t k0 = 0; k0 < config.blockK; k0 += kind.k()) {
      SmallVector<Value> aFragments, bFragments;
      for (int64_t mi = 0; mi < mTiles(); ++mi)
        aFragments.push_back(loadAFragment(stage, mi, k0));
      for (int64_t ni = 0; ni < nTiles(); ++ni)
        bFragments.push_back(loadBFragment(stage, ni, k0));
      for (int64_t mi = 0; mi < mTiles(); ++mi)
        for (int64_t ni = 0; ni < nTiles(); ++ni)
          accs[slot(mi, ni)] =
              emitMma(aFragments[mi], bFragments[ni], accs[slot(mi, ni)]);
    }
    return accs;
  }

  /// A's 16 x k fragment: four 8-row matrices, lane l addressing row l % 16
  /// of the column half l / 16.
  Value loadAFragment(Value stage, int64_t mi, int64_t k0) {
    Value row = math.add(math.add(warpRow, math.rem(lane, 16)), mi * 16);
    Value column = math.add(math.mul(math.div(lane, 16), kind.chunk()), k0);
    auto type = VectorType::get({4, 4 / kind.elementBytes()}, kind.element);
    return nvgpu::LdMatrixOp::create(b, loc, type, tileA,
                                     ValueRange{stage, row, column},
                                     /*transpose=*/false, /*numTiles=*/4);
  }

  /// B's k x 8 fragment of n tile `ni`.
  Value loadBFragment(Value stage, int64_t ni, int64_t k0) {
    Value column0 = math.add(warpCol, ni * 8);
    auto type = VectorType::get({2, 4 / kind.elementBytes()}, kind.element);
    if (bTransposed) {
      // Rows of the tile are the 8 columns of B; two matrices, the K halves
      // of the step, lanes 0-7 and 8-15 addressing their rows.
      Value row = math.add(column0, math.rem(lane, 8));
      Value column =
          math.add(math.mul(math.rem(math.div(lane, 8), 2), kind.chunk()), k0);
      return nvgpu::LdMatrixOp::create(b, loc, type, tileB,
                                       ValueRange{stage, row, column},
                                       /*transpose=*/false, /*numTiles=*/2);
    }
    if (kind.tf32) {
      // b0 = B[k0 + l%4][n + l/4], b1 = B[k0 + l%4 + 4][n + l/4].
      Value column = math.add(column0, group);
      Value row = math.add(laneInGroup, k0);
      Value top =
          memref::LoadOp::create(b, loc, tileB, ValueRange{stage, row, column});
      Value bottom = memref::LoadOp::create(
          b, loc, tileB, ValueRange{stage, math.add(row, 4), column});
      return vector::FromElementsOp::create(b, loc, type,
                                            ValueRange{top, bottom});
    }
    // Two 8 x 8 matrices (K rows k0..k0+7 and k0+8..k0+15) read
    // transposed; lanes 0-15 address their rows.
    Value row = math.add(math.rem(lane, 16), k0);
    return nvgpu::LdMatrixOp::create(b, loc, type, tileB,
                                     ValueRange{stage, row, column0},
                                     /*transpose=*/true, /*numTiles=*/2);
  }

  Value emitMma(Value aFragment, Value bFragment, Value acc) {
    if (!kind.element.isBF16())
      return nvgpu::MmaSyncOp::create(b, loc, aFragment, bFragment, acc,
                                      ArrayRef<int64_t>{16, 8, kind.k()},
                                      kind.tf32);
    // nvgpu.mma.sync cannot lower bf16 in MLIR 22 ("failed to deduce
    // operand PTX types"); NVVM's mma takes the pairs as 32-bit registers.
    auto packed = [&](Value fragment) {
      auto type = cast<VectorType>(fragment.getType());
      SmallVector<Value> words;
      auto word = VectorType::get({1}, b.getI32Type());
      for (int64_t i = 0; i < type.getDimSize(0); ++i) {
        Value pair = vector::ExtractOp::create(b, loc, fragment, i);
        words.push_back(vector::ExtractOp::create(
            b, loc, vector::BitCastOp::create(b, loc, word, pair), 0));
      }
      return words;
    };
    SmallVector<Value> accElements;
    for (int64_t i = 0; i < 2; ++i)
      for (int64_t j = 0; j < 2; ++j)
        accElements.push_back(
            vector::ExtractOp::create(b, loc, acc, ArrayRef<int64_t>{i, j}));
    Type f32 = b.getF32Type();
    auto resultType =
        LLVM::LLVMStructType::getLiteral(b.getContext(), {f32, f32, f32, f32});
    Value result = NVVM::MmaOp::create(
        b, loc, resultType, packed(aFragment), packed(bFragment), accElements,
        ArrayRef<int64_t>{16, 8, 16}, std::nullopt, std::nullopt,
        std::array<NVVM::MMATypes, 2>{NVVM::MMATypes::bf16,
                                      NVVM::MMATypes::bf16},
        std::array<NVVM::MMALayout, 2>{NVVM::MMALayout::row,
                                       NVVM::MMALayout::col});
    SmallVector<Value> elements;
    for (int64_t i = 0; i < 4; ++i)
      elements.push_back(
          LLVM::ExtractValueOp::create(b, loc, result, ArrayRef<int64_t>{i}));
    return vector::FromElementsOp::create(b, loc, acc.getType(), elements);
  }

  OpBuilder &b;
  Location loc;
  IndexMath math;
  const TileConfig &config;
  const MmaKind &kind;
  Value a, bMatrix;
  /// B is given as [N, K] (yat.product's weights): its tile is stored like
  /// A's and its fragments need no transposition.
  bool bTransposed;
  Value c;
  /// Fused into the kernel when set; otherwise the accumulators start from
  /// C and go back to it.
  std::optional<Epilogue> epilogue;
  Value thread, warp, lane, group, laneInGroup;
  Value blockRow, blockCol, warpRow, warpCol;
  Value tileA, tileB;
  Value lastGroup;
};

struct TensorCoreMatmul : public OpRewritePattern<linalg::MatmulOp> {
  TensorCoreMatmul(MLIRContext *context, bool tf32)
      : OpRewritePattern(context), tf32(tf32) {}

  LogicalResult matchAndRewrite(linalg::MatmulOp op,
                                PatternRewriter &rewriter) const override {
    if (!op.hasPureBufferSemantics())
      return rewriter.notifyMatchFailure(op, "not on buffers");
    if (op->getParentOfType<gpu::LaunchOp>())
      return rewriter.notifyMatchFailure(op, "already in a kernel");
    MLIRContext *context = op.getContext();
    SmallVector<AffineMap> maps = op.getIndexingMapsArray();
    SmallVector<AffineMap> plain =
        linalg::MatmulOp::getDefaultIndexingMaps(context);
    AffineExpr m, n, k;
    bindDims(context, m, n, k);
    AffineMap transposedB = AffineMap::get(3, 0, {n, k}, context);
    bool bTransposed =
        maps[0] == plain[0] && maps[1] == transposedB && maps[2] == plain[2];
    if (maps != plain && !bTransposed)
      return rewriter.notifyMatchFailure(
          op, "operands other than A[M, K] with B[K, N] or B[N, K]");
    Value a = op.getDpsInputs()[0], bMatrix = op.getDpsInputs()[1],
          c = op.getDpsInits()[0];
    if (!hasStaticIdentityLayout(a) || !hasStaticIdentityLayout(bMatrix) ||
        !hasStaticIdentityLayout(c))
      return rewriter.notifyMatchFailure(
          op, "operands are not static row-major buffers");
    Type aType = getElementTypeOrSelf(a.getType());
    Type bType = getElementTypeOrSelf(bMatrix.getType());
    if (aType != bType || !getElementTypeOrSelf(c.getType()).isF32())
      return rewriter.notifyMatchFailure(
          op, "not a matmul of equal operand types into f32");
    if (!aType.isF16() && !aType.isBF16() && !(tf32 && aType.isF32()))
      return rewriter.notifyMatchFailure(
          op, "operands are not f16 or bf16 (or f32 with tf32)");
    MmaKind kind{aType, aType.isF32()};
    ArrayRef<int64_t> aShape = cast<MemRefType>(a.getType()).getShape();
    ArrayRef<int64_t> cShape = cast<MemRefType>(c.getType()).getShape();
    std::optional<TileConfig> config =
        chooseTileConfig(cShape[0], cShape[1], aShape[1], kind);
    if (!config)
      return rewriter.notifyMatchFailure(
          op, "sizes are not multiples of a block tile");

    std::optional<Epilogue> epilogue = findEpilogue(op);
    // With an epilogue the kernel runs where it did, once its other inputs
    // (a yat.product's norms) are computed.
    if (epilogue)
      rewriter.setInsertionPoint(epilogue->generic);
    Location loc = op.getLoc();
    auto workgroup = gpu::AddressSpaceAttr::get(rewriter.getContext(),
                                                gpu::AddressSpace::Workgroup);
    // Rows padded by 16 bytes (a [K, N] tile's f32 rows, read by plain
    // loads, by 32).
    int64_t padding = kCopyBytes / kind.elementBytes();
    int64_t bPadding = kind.tf32 ? 2 * padding : padding;
    auto tileAType =
        MemRefType::get({kStages, config->blockM, config->blockK + padding},
                        aType, MemRefLayoutAttrInterface{}, workgroup);
    SmallVector<int64_t> tileBShape = {kStages, config->blockK,
                                       config->blockN + bPadding};
    if (bTransposed)
      tileBShape = {kStages, config->blockN, config->blockK + padding};
    auto tileBType = MemRefType::get(tileBShape, aType,
                                     MemRefLayoutAttrInterface{}, workgroup);
    IndexMath math(rewriter, loc);
    Value one = math.constant(1);
    auto launch = gpu::LaunchOp::create(
        rewriter, loc, math.constant(cShape[1] / config->blockN),
        math.constant(cShape[0] / config->blockM), one,
        math.constant(config->threads()), one, one,
        /*dynamicSharedMemorySize=*/nullptr, /*asyncTokenType=*/nullptr,
        /*asyncDependencies=*/ValueRange{}, TypeRange{tileAType, tileBType});
    OpBuilder::InsertionGuard guard(rewriter);
    rewriter.setInsertionPointToStart(&launch.getBody().front());
    TensorCoreKernelBuilder(rewriter, loc, *config, kind, a, bMatrix,
                            bTransposed, c, epilogue, launch)
        .build();
    gpu::TerminatorOp::create(rewriter, loc);
    rewriter.eraseOp(op);
    if (epilogue) {
      // The result buffer is never written or read any more.
      rewriter.eraseOp(epilogue->generic);
      rewriter.eraseOp(epilogue->fill);
      for (memref::DeallocOp dealloc : epilogue->deallocs)
        rewriter.eraseOp(dealloc);
      rewriter.eraseOp(epilogue->resultBuffer);
    }
    return success();
  }

  bool tf32;
};

struct YatGpuTensorCoreMatmulPass
    : public mlir::yat::impl::YatGpuTensorCoreMatmulBase<
          YatGpuTensorCoreMatmulPass> {
  using YatGpuTensorCoreMatmulBase::YatGpuTensorCoreMatmulBase;

  void runOnOperation() override {
    // A matmul the tensor cores cannot take stays for the generic mapping.
    RewritePatternSet patterns(&getContext());
    patterns.add<TensorCoreMatmul>(&getContext(), tf32);
    walkAndApplyPatterns(getOperation(), std::move(patterns));
  }
};

} // namespace
