//===- FuseEpilogueRecurrence.cpp - parallel yat.linear_recurrence --------===//
//
// yat.linear_recurrence needs no loops of its own. Upstream's
// scf::tileUsingSCF cuts it through its TilingInterface into an scf.forall
// over batch rows and blocks of channels, and each tile is the reference
// decomposition (an scf.for over the steps updating a `1 x channels` state).
// The elementwise producers of `a` and `b` (the MLGRU gates `σ(f)` and
// `(1 − σ(f))·c`) are then fused into that loop step by step with
// upstream's tensor::replaceExtractSliceWithTiledProducer, so that the gate
// tensors never exist: each step reads the gates' inputs.
//
// A long f32 scan over too few channels to give every worker a tile is
// first split into C >= 3 chunks of steps, a two-pass scan made of three
// recurrences that all tile by rows: (1) each chunk from a zero state, for
// its final state E_c, with the product P_c of its decays (a reduction);
// (2) the state entering each chunk, itself a recurrence over the chunks,
// carry_c+1 = P_c ⊙ carry_c + E_c from h0; (3) each chunk again from its
// entering state, writing h. Gates are not fused into a chunked scan.
//
//===----------------------------------------------------------------------===//

#include "FuseEpilogue.h"

#include "mlir/Dialect/Linalg/Utils/Utils.h"
#include "mlir/Dialect/SCF/Transforms/TileUsingInterface.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Tensor/Transforms/Transforms.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"
#include "yat/Dialect/Yat/IR/Yat.h"
#include "llvm/Support/Debug.h"

#define DEBUG_TYPE "yat-fuse-epilogue"

using namespace mlir;
using namespace mlir::yat;
using namespace mlir::yat::fusion;

namespace {

/// Whether the fused lowering takes `op`: f32, f16 or bf16 elements and a
/// static channel count (batch and steps may be dynamic).
bool isFusableRecurrence(LinearRecurrenceOp op) {
  RankedTensorType type = op.getA().getType();
  return isa<Float32Type, Float16Type, BFloat16Type>(type.getElementType()) &&
         !type.isDynamicDim(2) && type.getDimSize(2) > 0;
}

/// Channels per tile: `sizes.channelTile`, or else D split into as few
/// blocks (of whole vectors) as give every worker a tile. Each step of a
/// tile reads and writes one contiguous run per operand, so wider blocks
/// stream better: [1, 4096, 2048] f32 on 2 threads, AMD EPYC (2026-12-01),
/// took 3.2 ms in 2 blocks of 1024 channels against 5.4-6.3 ms in blocks
/// of 128 to 512 (an elementwise a + b over the same bytes: 3.1 ms).
int64_t getChannelTile(LinearRecurrenceOp op, const TileSizes &sizes) {
  int64_t channels = op.getA().getType().getDimSize(2);
  if (sizes.channelTile > 0)
    return std::min(sizes.channelTile, channels);
  int64_t workers = resolveWorkers(sizes.workers);
  int64_t batch = op.getA().getType().getDimSize(0);
  int64_t blocksPerRow =
      ShapedType::isDynamic(batch) ? workers : llvm::divideCeil(workers, batch);
  constexpr int64_t kVectorChannels = 16;
  int64_t block = static_cast<int64_t>(
      llvm::alignTo(llvm::divideCeil(channels, blocksPerRow), kVectorChannels));
  return std::min(channels, block);
}

/// Fewest steps per chunk of a chunked scan, and fewest channels per worker
/// (of B x D) from which a scan is split by channels instead of by steps.
constexpr int64_t kMinChunkSteps = 64;
constexpr int64_t kMinChannelsPerWorker = 1024;
/// Fewest chunks worth the two passes. A step costs about as much in either
/// pass, so C chunks take about 2T/C step times against T serially: two
/// chunks gain nothing. [1, 65536, 64] f32 on 2 threads, AMD EPYC
/// (2026-12-01): 2.1-3.6 ms in 2 chunks, 2.3-2.6 ms serially.
constexpr int64_t kMinChunks = 3;

/// The number of chunks to split `op`'s steps into: 1 (none) unless it is
/// an f32 scan of static shape with fewer than kMinChannelsPerWorker
/// channels per worker, and at least kMinChunks chunks of kMinChunkSteps
/// steps divide its steps evenly.
int64_t getChunkCount(LinearRecurrenceOp op, const TileSizes &sizes) {
  RankedTensorType type = op.getA().getType();
  if (!type.hasStaticShape() || !type.getElementType().isF32() ||
      !op.getB().getType().hasStaticShape() ||
      (op.getH0() && !op.getH0().getType().hasStaticShape()))
    return 1;
  int64_t batch = type.getDimSize(0), steps = type.getDimSize(1);
  int64_t workers = resolveWorkers(sizes.workers);
  if (batch * type.getDimSize(2) >= workers * kMinChannelsPerWorker)
    return 1;
  int64_t chunks = std::min<int64_t>(llvm::divideCeil(workers, batch),
                                     steps / kMinChunkSteps);
  while (chunks > 1 && steps % chunks != 0)
    --chunks;
  return chunks >= kMinChunks ? chunks : 1;
}

/// Replaces `op` by the two-pass scan over `chunks` chunks of its steps
/// (see the file comment) and returns its three recurrences.
SmallVector<LinearRecurrenceOp>
splitIntoChunks(RewriterBase &rewriter, LinearRecurrenceOp op, int64_t chunks) {
  Location loc = op.getLoc();
  MLIRContext *context = rewriter.getContext();
  rewriter.setInsertionPoint(op);
  RankedTensorType type = op.getA().getType();
  int64_t batch = type.getDimSize(0), steps = type.getDimSize(1),
          channels = type.getDimSize(2), length = steps / chunks;
  Type f32 = rewriter.getF32Type();
  bool reverse = op.getReverse();
  // [B, T, D] as [B·C, L, D]: one row per chunk of a batch row.
  auto toChunkRows = [&](Value value) -> Value {
    Value split = tensor::ExpandShapeOp::create(
        rewriter, loc,
        RankedTensorType::get({batch, chunks, length, channels}, f32), value,
        ArrayRef<ReassociationIndices>{{0}, {1, 2}, {3}});
    return tensor::CollapseShapeOp::create(
        rewriter, loc, split, ArrayRef<ReassociationIndices>{{0, 1}, {2}, {3}});
  };
  // [B·C, D] as [B, C, D] and back.
  auto chunkStatesType = RankedTensorType::get({batch, chunks, channels}, f32);
  SmallVector<ReassociationIndices> rowsOfChunks = {{0, 1}, {2}};
  Value a = toChunkRows(op.getA());
  Value b = toChunkRows(op.getB());

  // (1) Each chunk from a zero state, and the product of its decays.
  auto local =
      LinearRecurrenceOp::create(rewriter, loc, a, b, Value(), reverse);
  Value ones = createFilledTensor(
      rewriter, loc,
      getAsIndexOpFoldResult(context,
                             ArrayRef<int64_t>{batch * chunks, channels}),
      rewriter.getF32FloatAttr(1.0));
  Value decays = createGeneric(
      rewriter, loc, a, ones,
      {getDimsMap(context, 3, {0, 1, 2}), getDimsMap(context, 3, {0, 2})},
      {utils::IteratorType::parallel, utils::IteratorType::reduction,
       utils::IteratorType::parallel},
      [](OpBuilder &b, Location l, ValueRange args) -> Value {
        return arith::MulFOp::create(b, l, args[1], args[0]);
      });

  // (2) The state after each chunk, in scan order, from h0.
  auto carries = LinearRecurrenceOp::create(
      rewriter, loc,
      tensor::ExpandShapeOp::create(rewriter, loc, chunkStatesType, decays,
                                    rowsOfChunks),
      tensor::ExpandShapeOp::create(rewriter, loc, chunkStatesType,
                                    local.getHLast(), rowsOfChunks),
      op.getH0(), reverse);
  // Chunk c starts from the state after chunk c - 1 (c + 1 with reverse);
  // the chunk the scan starts with, from h0.
  auto slice = [&](int64_t first, int64_t count) {
    return std::make_pair(
        getAsIndexOpFoldResult(context, ArrayRef<int64_t>{0, first, 0}),
        getAsIndexOpFoldResult(context,
                               ArrayRef<int64_t>{batch, count, channels}));
  };
  SmallVector<OpFoldResult> unitStrides(3, rewriter.getIndexAttr(1));
  Value initial =
      op.getH0()
          ? op.getH0()
          : createFilledTensor(rewriter, loc,
                               getAsIndexOpFoldResult(
                                   context, ArrayRef<int64_t>{batch, channels}),
                               rewriter.getF32FloatAttr(0.0));
  auto [firstOffsets, firstSizes] = slice(reverse ? chunks - 1 : 0, 1);
  Value starts = tensor::InsertSliceOp::create(
      rewriter, loc,
      tensor::ExpandShapeOp::create(
          rewriter, loc, RankedTensorType::get({batch, 1, channels}, f32),
          initial, ArrayRef<ReassociationIndices>{{0, 1}, {2}}),
      tensor::EmptyOp::create(rewriter, loc, chunkStatesType.getShape(), f32),
      firstOffsets, firstSizes, unitStrides);
  auto [fromOffsets, fromSizes] = slice(reverse ? 1 : 0, chunks - 1);
  auto [toOffsets, toSizes] = slice(reverse ? 0 : 1, chunks - 1);
  Value handedOver = tensor::ExtractSliceOp::create(
      rewriter, loc, carries.getH(), fromOffsets, fromSizes, unitStrides);
  starts = tensor::InsertSliceOp::create(rewriter, loc, handedOver, starts,
                                         toOffsets, toSizes, unitStrides);

  // (3) Each chunk again from the state it starts from, writing h.
  auto full = LinearRecurrenceOp::create(
      rewriter, loc, a, b,
      tensor::CollapseShapeOp::create(rewriter, loc, starts, rowsOfChunks),
      reverse);
  Value h = tensor::CollapseShapeOp::create(
      rewriter, loc,
      tensor::ExpandShapeOp::create(
          rewriter, loc,
          RankedTensorType::get({batch, chunks, length, channels}, f32),
          full.getH(), ArrayRef<ReassociationIndices>{{0, 1}, {2}, {3}}),
      ArrayRef<ReassociationIndices>{{0}, {1, 2}, {3}});
  rewriter.replaceOp(op, {h, carries.getHLast()});
  return {local, carries, full};
}

/// Stops the tiles of `tileLoop` from writing the states of a recurrence
/// whose states nothing reads: each tile's `h` then has no use either, and
/// its decomposition computes the final state only.
void dropUnreadStates(RewriterBase &rewriter, scf::ForallOp tileLoop) {
  for (Operation &op :
       llvm::make_early_inc_range(tileLoop.getTerminator().getYieldingOps())) {
    auto insert = dyn_cast<tensor::ParallelInsertSliceOp>(op);
    if (!insert)
      continue;
    auto output = dyn_cast<BlockArgument>(insert.getDest());
    OpResult result =
        output ? tileLoop.getTiedOpResult(tileLoop.getTiedOpOperand(output))
               : OpResult();
    if (result && result.use_empty() &&
        isa_and_present<LinearRecurrenceOp>(
            insert.getSource().getDefiningOp()) &&
        cast<OpResult>(insert.getSource()).getResultNumber() == 0)
      rewriter.eraseOp(insert);
  }
}

/// The elementwise linalg op that produces `value`, or null.
linalg::LinalgOp getElementwiseProducer(Value value) {
  auto producer = value.getDefiningOp<linalg::LinalgOp>();
  if (!producer || !producer.hasPureTensorSemantics() ||
      !linalg::isElementwise(producer) ||
      !isa<TilingInterface>(producer.getOperation()))
    return nullptr;
  return producer;
}

/// Fuses the elementwise producers of the slices that `loop` (the step loop
/// of a tile) reads into its body, transitively: each slice of a producer's
/// result becomes the producer computed on slices of its own operands.
void fuseProducersIntoSteps(RewriterBase &rewriter, scf::ForOp loop) {
  // A step's slice of a tile's slice becomes one slice of the whole tensor.
  SmallVector<Operation *> slices;
  loop.getBody()->walk(
      [&](tensor::ExtractSliceOp slice) { slices.push_back(slice); });
  RewritePatternSet patterns(rewriter.getContext());
  tensor::populateMergeConsecutiveInsertExtractSlicePatterns(patterns);
  GreedyRewriteConfig config;
  config.setStrictness(GreedyRewriteStrictness::ExistingAndNewOps);
  (void)applyOpPatternsGreedily(slices, std::move(patterns), config);

  SmallVector<tensor::ExtractSliceOp> worklist;
  loop.getBody()->walk(
      [&](tensor::ExtractSliceOp slice) { worklist.push_back(slice); });
  while (!worklist.empty()) {
    tensor::ExtractSliceOp slice = worklist.pop_back_val();
    linalg::LinalgOp producer = getElementwiseProducer(slice.getSource());
    if (!producer || producer->getParentOfType<scf::ForOp>() == loop)
      continue;
    rewriter.setInsertionPoint(slice);
    FailureOr<TilingResult> tiled =
        tensor::replaceExtractSliceWithTiledProducer(
            rewriter, slice, cast<OpResult>(slice.getSource()));
    if (failed(tiled))
      continue;
    LLVM_DEBUG(llvm::dbgs() << "fused " << *producer << " into a step\n");
    rewriter.replaceOp(slice, tiled->tiledValues.front());
    for (Operation *generated : tiled->generatedSlices)
      if (auto next = dyn_cast<tensor::ExtractSliceOp>(generated))
        worklist.push_back(next);
  }
}

} // namespace

LogicalResult fusion::fuseRecurrences(Operation *root, const TileSizes &sizes) {
  SmallVector<LinearRecurrenceOp> recurrences;
  root->walk([&](LinearRecurrenceOp op) {
    if (isFusableRecurrence(op))
      recurrences.push_back(op);
  });
  IRRewriter rewriter(root->getContext());
  SmallVector<LinearRecurrenceOp> scans;
  for (LinearRecurrenceOp op : recurrences) {
    int64_t chunks = getChunkCount(op, sizes);
    if (chunks > 1)
      llvm::append_range(scans, splitIntoChunks(rewriter, op, chunks));
    else
      scans.push_back(op);
  }
  SmallVector<Operation *> tiles, tileLoops;
  for (LinearRecurrenceOp op : scans) {
    // One batch row and a block of channels per tile, every step.
    if (failed(tileIntoForall(
            rewriter, cast<TilingInterface>(op.getOperation()),
            {1, 0, getChannelTile(op, sizes)}, tiles, &tileLoops)))
      return failure();
  }
  for (Operation *tileLoop : tileLoops)
    dropUnreadStates(rewriter, cast<scf::ForallOp>(tileLoop));
  if (failed(decomposeTiles(root, tiles)))
    return failure();
  // Each tile is now the step loop of the reference decomposition.
  for (Operation *tileLoop : tileLoops)
    for (auto stepLoop : llvm::make_early_inc_range(
             cast<scf::ForallOp>(tileLoop).getBody()->getOps<scf::ForOp>()))
      fuseProducersIntoSteps(rewriter, stepLoop);
  return success();
}
