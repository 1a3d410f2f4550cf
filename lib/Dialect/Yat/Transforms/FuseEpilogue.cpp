//===- FuseEpilogue.cpp - the yat-fuse-epilogue pass ----------------------===//
//
// The pass driver, the helpers shared by the per-family patterns
// (FuseEpilogueProduct.cpp, FuseEpilogueConv.cpp, FuseEpilogueAttention.cpp,
// FuseEpilogueRecurrence.cpp) and the lowering of yat.squared_norms.
//
//===----------------------------------------------------------------------===//

#include "FuseEpilogue.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/SCF/Transforms/TileUsingInterface.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"
#include "yat/Conversion/YatToLinalg/YatToLinalg.h"
#include "yat/Dialect/Yat/IR/Yat.h"
#include "yat/Dialect/Yat/Transforms/Passes.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Debug.h"
#include "llvm/Support/Threading.h"

#define DEBUG_TYPE "yat-fuse-epilogue"

namespace mlir::yat {
#define GEN_PASS_DEF_YATFUSEEPILOGUE
#include "yat/Dialect/Yat/Transforms/Passes.h.inc"
} // namespace mlir::yat

using namespace mlir;
using namespace mlir::yat;
using namespace mlir::yat::fusion;

//===----------------------------------------------------------------------===//
// Helpers
//===----------------------------------------------------------------------===//

bool fusion::isFusableTensorType(Type type) {
  auto tensorType = dyn_cast<RankedTensorType>(type);
  if (!tensorType || !tensorType.hasStaticShape() ||
      tensorType.getNumElements() == 0)
    return false;
  return isa<Float32Type, Float16Type, BFloat16Type>(
      tensorType.getElementType());
}

bool fusion::hasFusableTypes(Operation *op) {
  return llvm::all_of(op->getOperandTypes(), isFusableTensorType) &&
         llvm::all_of(op->getResultTypes(), isFusableTensorType);
}

Value fusion::extendToF32(OpBuilder &b, Location loc, Value value) {
  if (value.getType().isF32())
    return value;
  return arith::ExtFOp::create(b, loc, b.getF32Type(), value);
}

Value fusion::truncateFromF32(OpBuilder &b, Location loc, Value value,
                              Type type) {
  if (type.isF32())
    return value;
  return arith::TruncFOp::create(b, loc, type, value);
}

Value fusion::createF32Constant(OpBuilder &b, Location loc, double value) {
  return arith::ConstantOp::create(b, loc, b.getF32FloatAttr(value));
}

Value fusion::createGeneric(
    OpBuilder &b, Location loc, ValueRange inputs, Value init,
    ArrayRef<AffineMap> maps, ArrayRef<utils::IteratorType> iterators,
    function_ref<Value(OpBuilder &, Location, ValueRange)> body) {
  auto generic = linalg::GenericOp::create(
      b, loc, TypeRange{init.getType()}, inputs, ValueRange{init}, maps,
      iterators, [&](OpBuilder &nb, Location nl, ValueRange args) {
        linalg::YieldOp::create(nb, nl, body(nb, nl, args));
      });
  return generic.getResult(0);
}

/// `Σ input²` over `reducedDims` as one `linalg.generic` reduction (sizes may
/// be dynamic).
static Value createSerialSumOfSquares(OpBuilder &b, Location loc, Value input,
                                      ArrayRef<int64_t> reducedDims) {
  auto type = cast<RankedTensorType>(input.getType());
  unsigned rank = type.getRank();
  // Loops: the kept dims in order, then the reduced dims.
  SmallVector<unsigned> kept, reduced;
  for (unsigned d = 0; d < rank; ++d)
    (llvm::is_contained(reducedDims, d) ? reduced : kept).push_back(d);
  SmallVector<OpFoldResult> keptSizes;
  for (unsigned d : kept)
    keptSizes.push_back(tensor::getMixedSize(b, loc, input, d));
  SmallVector<AffineExpr> inputExprs(rank);
  MLIRContext *context = b.getContext();
  unsigned loop = 0;
  for (unsigned d : kept)
    inputExprs[d] = getAffineDimExpr(loop++, context);
  for (unsigned d : reduced)
    inputExprs[d] = getAffineDimExpr(loop++, context);
  SmallVector<unsigned> outDims;
  for (unsigned i = 0; i < kept.size(); ++i)
    outDims.push_back(i);
  Value empty = tensor::EmptyOp::create(b, loc, keptSizes, b.getF32Type());
  Value init =
      linalg::FillOp::create(b, loc, createF32Constant(b, loc, 0.0), empty)
          .getResult(0);
  return createGeneric(
      b, loc, input, init,
      {AffineMap::get(rank, 0, inputExprs, context),
       getDimsMap(context, rank, outDims)},
      getIterators(kept.size(), reduced.size()),
      [](OpBuilder &nb, Location nl, ValueRange args) -> Value {
        Value value = extendToF32(nb, nl, args[0]);
        Value square = arith::MulFOp::create(nb, nl, value, value);
        return arith::AddFOp::create(nb, nl, args[1], square);
      });
}

/// Builds `scf.forall (ivs) = (0...) to (upperBounds) step (steps)
/// shared_outs(%out = init)`; `bodyBuilder` receives the induction
/// variables and the shared output and returns the tile to insert, with its
/// offsets and sizes (unit strides).
using TileBodyBuilder =
    function_ref<Value(OpBuilder &, Location, ValueRange ivs, Value sharedOut,
                       SmallVectorImpl<OpFoldResult> &offsets,
                       SmallVectorImpl<OpFoldResult> &sizes)>;
static scf::ForallOp createTiledForall(OpBuilder &b, Location loc,
                                       ArrayRef<int64_t> upperBounds,
                                       ArrayRef<int64_t> steps, Value init,
                                       TileBodyBuilder bodyBuilder) {
  SmallVector<OpFoldResult> lbs(upperBounds.size(), b.getIndexAttr(0));
  SmallVector<OpFoldResult> ubs, stepValues;
  for (auto [ub, step] : llvm::zip(upperBounds, steps)) {
    ubs.push_back(b.getIndexAttr(ub));
    stepValues.push_back(b.getIndexAttr(step));
  }
  auto forall = scf::ForallOp::create(b, loc, lbs, ubs, stepValues,
                                      ValueRange{init}, std::nullopt);
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPointToStart(forall.getBody());
  SmallVector<OpFoldResult> offsets, sizes;
  Value tile = bodyBuilder(b, loc, forall.getInductionVars(),
                           forall.getRegionIterArgs()[0], offsets, sizes);
  b.setInsertionPointToStart(forall.getTerminator().getBody());
  SmallVector<OpFoldResult> strides(offsets.size(), b.getIndexAttr(1));
  tensor::ParallelInsertSliceOp::create(
      b, loc, tile, forall.getRegionIterArgs()[0], offsets, sizes, strides);
  return forall;
}

/// Inputs smaller than this are reduced in one piece: splitting them into
/// parallel tasks would cost more than it saves.
static constexpr int64_t kMinParallelNormElements = 1 << 16;
/// The number of tasks a large norm computation is split into.
static constexpr int64_t kNormTasks = 16;

Value fusion::createSumOfSquares(OpBuilder &b, Location loc, Value input,
                                 ArrayRef<int64_t> reducedDims) {
  auto type = cast<RankedTensorType>(input.getType());
  int64_t rank = type.getRank();
  int64_t numKept = rank - static_cast<int64_t>(reducedDims.size());
  bool trailing = numKept >= 1 &&
                  llvm::equal(reducedDims, llvm::seq<int64_t>(numKept, rank));
  if (!trailing || !type.hasStaticShape() ||
      type.getNumElements() < kMinParallelNormElements)
    return createSerialSumOfSquares(b, loc, input, reducedDims);

  // Rows (the kept dims flattened) x the reduced dims flattened, split into
  // row chunks reduced by separate forall iterations.
  ReassociationIndices keptDims, reducedGroup;
  for (int64_t d = 0; d < rank; ++d)
    (d < numKept ? keptDims : reducedGroup).push_back(d);
  Value matrix = input;
  if (rank > 2)
    matrix = tensor::CollapseShapeOp::create(b, loc, input,
                                             {keptDims, reducedGroup});
  auto matrixType = cast<RankedTensorType>(matrix.getType());
  int64_t rows = matrixType.getDimSize(0);
  int64_t depth = matrixType.getDimSize(1);
  if (rows < 2)
    return createSerialSumOfSquares(b, loc, input, reducedDims);
  int64_t chunk = llvm::divideCeil(rows, kNormTasks);
  Value init =
      tensor::EmptyOp::create(b, loc, ArrayRef<int64_t>{rows}, b.getF32Type());
  scf::ForallOp forall = createTiledForall(
      b, loc, {rows}, {chunk}, init,
      [&](OpBuilder &nb, Location nl, ValueRange ivs, Value,
          SmallVectorImpl<OpFoldResult> &offsets,
          SmallVectorImpl<OpFoldResult> &sizes) -> Value {
        OpFoldResult count = getTileSize(nb, nl, ivs[0], rows, chunk);
        offsets.assign({ivs[0]});
        sizes.assign({count});
        Value slice = tensor::ExtractSliceOp::create(
            nb, nl, matrix, ArrayRef<OpFoldResult>{ivs[0], nb.getIndexAttr(0)},
            ArrayRef<OpFoldResult>{count, nb.getIndexAttr(depth)},
            ArrayRef<OpFoldResult>{nb.getIndexAttr(1), nb.getIndexAttr(1)});
        return createSerialSumOfSquares(nb, nl, slice, {1});
      });
  Value norms = forall.getResult(0);
  if (numKept == 1)
    return norms;
  SmallVector<int64_t> keptShape(type.getShape().take_front(numKept));
  return tensor::ExpandShapeOp::create(
      b, loc, RankedTensorType::get(keptShape, b.getF32Type()), norms,
      {keptDims});
}

OpFoldResult fusion::getTileSize(OpBuilder &b, Location loc, Value offset,
                                 int64_t size, int64_t tile) {
  if (size % tile == 0)
    return b.getIndexAttr(tile);
  AffineExpr d0 = b.getAffineDimExpr(0);
  AffineMap map = AffineMap::get(
      1, 0, {b.getAffineConstantExpr(tile), size - d0}, b.getContext());
  return affine::makeComposedFoldedAffineMin(b, loc, map, {offset});
}

OpFoldResult fusion::getTileSize(OpBuilder &b, Location loc, Value offset,
                                 OpFoldResult size, int64_t tile) {
  if (std::optional<int64_t> staticSize = getConstantIntValue(size))
    return getTileSize(b, loc, offset, *staticSize, tile);
  AffineExpr d0 = b.getAffineDimExpr(0), d1 = b.getAffineDimExpr(1);
  AffineMap map = AffineMap::get(2, 0, {b.getAffineConstantExpr(tile), d1 - d0},
                                 b.getContext());
  return affine::makeComposedFoldedAffineMin(b, loc, map, {offset, size});
}

LogicalResult fusion::tileIntoForall(RewriterBase &rewriter, TilingInterface op,
                                     ArrayRef<int64_t> tileSizes,
                                     SmallVectorImpl<Operation *> &tiles,
                                     SmallVectorImpl<Operation *> *loops) {
  scf::SCFTilingOptions options;
  options.setLoopType(scf::SCFTilingOptions::LoopType::ForallOp);
  options.setTileSizes(getAsIndexOpFoldResult(op->getContext(), tileSizes));
  rewriter.setInsertionPoint(op);
  FailureOr<scf::SCFTilingResult> tiled =
      scf::tileUsingSCF(rewriter, op, options);
  if (failed(tiled))
    return op->emitOpError() << "could not be tiled over its result";
  LLVM_DEBUG(llvm::dbgs() << "tiled " << *op << "\n");
  rewriter.replaceOp(op, tiled->replacements);
  tiles.append(tiled->tiledOps.begin(), tiled->tiledOps.end());
  if (loops)
    for (LoopLikeOpInterface loop : tiled->loops)
      loops->push_back(loop);
  return success();
}

int64_t fusion::resolveWorkers(int64_t requested) {
  return requested > 0
             ? requested
             : std::max(1u,
                        llvm::hardware_concurrency().compute_thread_count());
}

LogicalResult fusion::decomposeTiles(Operation *root,
                                     ArrayRef<Operation *> tiles) {
  if (tiles.empty())
    return success();
  RewritePatternSet patterns(root->getContext());
  populateYatToLinalgConversionPatterns(patterns);
  GreedyRewriteConfig config;
  config.setStrictness(GreedyRewriteStrictness::ExistingOps);
  bool changed = false, allErased = false;
  if (failed(applyOpPatternsGreedily(tiles, std::move(patterns), config,
                                     &changed, &allErased)) ||
      !allErased)
    return root->emitError() << "yat-fuse-epilogue could not decompose the "
                                "tiles of a yat op";
  return success();
}

//===----------------------------------------------------------------------===//
// yat.squared_norms
//===----------------------------------------------------------------------===//

namespace {

/// Rewrites `yat.squared_norms %w dims = [...]` into a `linalg.generic`
/// reduction accumulating `w²` in f32 over those dims.
struct SquaredNormsLowering : OpRewritePattern<SquaredNormsOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(SquaredNormsOp op,
                                PatternRewriter &rewriter) const override {
    if (!isFusableTensorType(op.getW().getType()))
      return rewriter.notifyMatchFailure(
          op, "needs a static f32, f16 or bf16 weight");
    Value norms =
        createSumOfSquares(rewriter, op.getLoc(), op.getW(), op.getDims());
    if (norms.getType() != op.getType())
      norms =
          tensor::CastOp::create(rewriter, op.getLoc(), op.getType(), norms);
    rewriter.replaceOp(op, norms);
    return success();
  }
};

struct YatFuseEpiloguePass
    : public mlir::yat::impl::YatFuseEpilogueBase<YatFuseEpiloguePass> {
  using YatFuseEpilogueBase::YatFuseEpilogueBase;

  void runOnOperation() override {
    TileSizes sizes;
    sizes.tileRows = tileRows;
    sizes.tileColumns = tileColumns;
    sizes.convTilePositions = convTilePositions;
    sizes.queryTile = queryTile;
    sizes.keyTile = keyTile;
    sizes.channelTile = channelTile;
    sizes.workers = workers;
    for (auto [name, value] :
         {std::pair<StringRef, int64_t>{"tile-rows", tileRows},
          {"tile-cols", tileColumns},
          {"conv-tile-positions", convTilePositions},
          {"query-tile", queryTile},
          {"key-tile", keyTile}}) {
      if (value < 1) {
        getOperation()->emitError() << "yat-fuse-epilogue option '" << name
                                    << "' must be positive, got " << value;
        return signalPassFailure();
      }
    }
    for (auto [name, value] :
         {std::pair<StringRef, int64_t>{"channel-tile", channelTile},
          {"workers", workers}}) {
      if (value < 0) {
        getOperation()->emitError() << "yat-fuse-epilogue option '" << name
                                    << "' must not be negative, got " << value;
        return signalPassFailure();
      }
    }
    llvm::StringSet<> families;
    for (const std::string &family : opFamilies) {
      if (!llvm::is_contained({StringRef("product"), StringRef("conv"),
                               StringRef("grouped-conv"),
                               StringRef("attention"), StringRef("recurrence")},
                              StringRef(family))) {
        getOperation()->emitError()
            << "yat-fuse-epilogue option 'ops' names an unknown op family '"
            << family
            << "' (expected product, conv, grouped-conv, attention or "
               "recurrence)";
        return signalPassFailure();
      }
      families.insert(family);
    }
    // No list: every family.
    auto fuses = [&](StringRef family) {
      return families.empty() || families.contains(family);
    };

    if (fuses("product") && failed(fuseProducts(getOperation(), sizes)))
      return signalPassFailure();
    if (fuses("attention") && failed(fuseAttentions(getOperation(), sizes)))
      return signalPassFailure();
    if ((fuses("conv") || fuses("grouped-conv")) &&
        failed(fuseConvs(getOperation(), sizes,
                         /*groupedOnly=*/!fuses("conv"))))
      return signalPassFailure();
    if (fuses("recurrence") && failed(fuseRecurrences(getOperation(), sizes)))
      return signalPassFailure();
    RewritePatternSet patterns(&getContext());
    populateSquaredNormsLoweringPatterns(patterns);
    // One rewrite per op: the patterns create no new yat ops, so a single
    // walk suffices and leaves the surrounding IR as it is.
    GreedyRewriteConfig config;
    config.setStrictness(GreedyRewriteStrictness::ExistingOps);
    config.enableFolding(false);
    if (failed(
            applyPatternsGreedily(getOperation(), std::move(patterns), config)))
      return signalPassFailure();
  }
};

} // namespace

void fusion::populateSquaredNormsLoweringPatterns(RewritePatternSet &patterns) {
  patterns.add<SquaredNormsLowering>(patterns.getContext());
}
