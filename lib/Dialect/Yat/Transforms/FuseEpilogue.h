//===- FuseEpilogue.h - shared pieces of yat-fuse-epilogue ------*- C++ -*-===//
//
// Private to the YatTransforms library: the tile sizes, the helpers shared
// by the per-family patterns, and the functions that add those patterns.
//
//===----------------------------------------------------------------------===//

#ifndef YAT_LIB_DIALECT_YAT_TRANSFORMS_FUSEEPILOGUE_H
#define YAT_LIB_DIALECT_YAT_TRANSFORMS_FUSEEPILOGUE_H

#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Interfaces/TilingInterface.h"
#include "yat/Dialect/Yat/Utils/LinalgBuilders.h"

namespace mlir::yat::fusion {

/// Tile sizes of the fused loop nests (the options of yat-fuse-epilogue).
struct TileSizes {
  int64_t tileRows = 96;
  int64_t tileColumns = 64;
  int64_t convTilePositions = 64;
  int64_t queryTile = 64;
  int64_t keyTile = 128;
  /// 0: D split evenly so that each of `workers` workers has a tile.
  int64_t channelTile = 0;
  /// 0: the host's hardware threads.
  int64_t workers = 0;
};

/// Tiles every fusable `yat.product` and `yat.product_with_norms` under
/// `root` over its output into `tileRows x tileColumns` tiles and decomposes
/// each tile (FuseEpilogueProduct.cpp).
LogicalResult fuseProducts(Operation *root, const TileSizes &sizes);
/// Tiles every fusable `yat.conv` and `yat.conv_with_norms` under `root`
/// (with `groupedOnly`, those with groups > 1) over its output and
/// decomposes each tile (FuseEpilogueConv.cpp).
LogicalResult fuseConvs(Operation *root, const TileSizes &sizes,
                        bool groupedOnly);
/// Tiles every fusable `yat.attention` under `root` by batch, head and
/// `queryTile` queries, and decomposes each tile into flash-style loops over
/// blocks of `keyTile` keys (FuseEpilogueAttention.cpp).
LogicalResult fuseAttentions(Operation *root, const TileSizes &sizes);
/// Tiles every fusable `yat.linear_recurrence` under `root` by batch row
/// and `channelTile` channels, decomposes each tile into its loop over the
/// steps and fuses the elementwise producers of `a` and `b` into that loop
/// (FuseEpilogueRecurrence.cpp).
LogicalResult fuseRecurrences(Operation *root, const TileSizes &sizes);

/// The workers tiles are cut for: `requested` when positive, else the
/// host's hardware threads.
int64_t resolveWorkers(int64_t requested);

/// Lowers `yat.squared_norms` to a `linalg.generic` reduction.
void populateSquaredNormsLoweringPatterns(RewritePatternSet &patterns);

//===----------------------------------------------------------------------===//
// Helpers
//===----------------------------------------------------------------------===//

/// Cuts `op` into an `scf.forall` of tiles of `tileSizes` through its
/// TilingInterface (upstream's scf::tileUsingSCF), replaces it with the
/// loop's results and appends the tiles to `tiles` (and the loop to
/// `loops`, when given).
LogicalResult tileIntoForall(RewriterBase &rewriter, TilingInterface op,
                             ArrayRef<int64_t> tileSizes,
                             SmallVectorImpl<Operation *> &tiles,
                             SmallVectorImpl<Operation *> *loops = nullptr);

/// Replaces each of `tiles` (yat ops) under `root` with its reference
/// decomposition, the one convert-yat-to-linalg emits.
LogicalResult decomposeTiles(Operation *root, ArrayRef<Operation *> tiles);

/// True when `type` is a non-empty ranked tensor of static shape whose element
/// type the fused lowerings handle (f32, f16, bf16).
bool isFusableTensorType(Type type);

/// True when every operand and result of `op` has a fusable tensor type.
bool hasFusableTypes(Operation *op);

/// `value` (a float scalar) converted to f32 with arith.extf, or unchanged.
Value extendToF32(OpBuilder &b, Location loc, Value value);

/// `value` (an f32 scalar) rounded to `type` with arith.truncf, or unchanged.
Value truncateFromF32(OpBuilder &b, Location loc, Value value, Type type);

/// An f32 arith.constant.
Value createF32Constant(OpBuilder &b, Location loc, double value);

/// f32 sums of squares of `input` over the dims listed in
/// `reducedDims`: a `linalg.generic` reduction whose result has the other
/// dims in order.
Value createSumOfSquares(OpBuilder &b, Location loc, Value input,
                         ArrayRef<int64_t> reducedDims);

/// `min(tile, size - offset)` for the tile at `offset` of a loop over
/// `size` with step `tile`: the constant `tile` when `tile` divides `size`.
OpFoldResult getTileSize(OpBuilder &b, Location loc, Value offset, int64_t size,
                         int64_t tile);

/// `min(tile, size - offset)` where `size` may be dynamic; folds to `tile`
/// when `size` is a constant multiple of `tile`.
OpFoldResult getTileSize(OpBuilder &b, Location loc, Value offset,
                         OpFoldResult size, int64_t tile);

/// Builds a `linalg.generic` with one output `init` whose body is made by
/// `body` from the block arguments (inputs, then the output); returns the
/// result.
Value createGeneric(
    OpBuilder &b, Location loc, ValueRange inputs, Value init,
    ArrayRef<AffineMap> maps, ArrayRef<utils::IteratorType> iterators,
    function_ref<Value(OpBuilder &, Location, ValueRange)> body);

} // namespace mlir::yat::fusion

#endif // YAT_LIB_DIALECT_YAT_TRANSFORMS_FUSEEPILOGUE_H
