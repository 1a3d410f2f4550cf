//===- FuseEpilogueProduct.cpp - fused tiles for yat.product --------------===//
//
// yat.product needs no loops of its own: upstream's scf::tileUsingSCF cuts
// it into an scf.forall of output tiles through its TilingInterface, and
// each tile is the reference decomposition (convert-yat-to-linalg's) of a
// tile-sized product, whose epilogue finishes the tile's dot products
// while they are fresh. yat-cpu-pipeline does not use this: its generic
// code generation tiles the decomposed product like any contraction with
// an elementwise epilogue, with packed panels and K chunks.
//
//===----------------------------------------------------------------------===//

#include "FuseEpilogue.h"

#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "yat/Dialect/Yat/IR/Yat.h"

#define DEBUG_TYPE "yat-fuse-epilogue"

using namespace mlir;
using namespace mlir::yat;
using namespace mlir::yat::fusion;

namespace {

/// `op` with the leading dims of its `x` (operand 0) collapsed into one, so
/// that tiles take rows of `M x K` whatever the batch dims; returns the
/// 2-d op, whose result is expanded back in place of `op`'s.
Operation *collapseLeadingDims(RewriterBase &rewriter, Operation *op) {
  auto xType = cast<RankedTensorType>(op->getOperand(0).getType());
  auto resultType = cast<RankedTensorType>(op->getResult(0).getType());
  int64_t rank = xType.getRank();
  if (rank <= 2)
    return op;
  Location loc = op->getLoc();
  rewriter.setInsertionPoint(op);
  SmallVector<ReassociationIndices> reassociation = {
      llvm::to_vector(llvm::seq<int64_t>(0, rank - 1)), {rank - 1}};
  Value rows = tensor::CollapseShapeOp::create(rewriter, loc, op->getOperand(0),
                                               reassociation);
  auto flatType = RankedTensorType::get(
      {cast<RankedTensorType>(rows.getType()).getDimSize(0),
       resultType.getDimSize(rank - 1)},
      resultType.getElementType());
  SmallVector<Value> operands(op->getOperands());
  operands[0] = rows;
  OperationState state(loc, op->getName(), operands, TypeRange{flatType},
                       op->getAttrs());
  Operation *flat = rewriter.create(state);
  rewriter.replaceOpWithNewOp<tensor::ExpandShapeOp>(
      op, resultType, flat->getResult(0), reassociation);
  return flat;
}

} // namespace

LogicalResult fusion::fuseProducts(Operation *root, const TileSizes &sizes) {
  SmallVector<Operation *> products;
  root->walk([&](Operation *op) {
    if (isa<ProductOp, ProductWithNormsOp>(op) && hasFusableTypes(op))
      products.push_back(op);
  });
  IRRewriter rewriter(root->getContext());
  SmallVector<Operation *> tiles;
  for (Operation *op : products) {
    Operation *flat = collapseLeadingDims(rewriter, op);
    // Output tiles of tile-rows x tile-cols (tile-cols for a vector x), no
    // larger than the output, so that a dim of one tile keeps its size.
    ArrayRef<int64_t> shape =
        cast<RankedTensorType>(flat->getResult(0).getType()).getShape();
    SmallVector<int64_t> tileSizes = {sizes.tileRows, sizes.tileColumns};
    if (shape.size() == 1)
      tileSizes.erase(tileSizes.begin());
    for (auto [tileSize, size] : llvm::zip_equal(tileSizes, shape))
      tileSize = std::min(tileSize, size);
    if (failed(tileIntoForall(rewriter, cast<TilingInterface>(flat), tileSizes,
                              tiles)))
      return failure();
  }
  return decomposeTiles(root, tiles);
}
