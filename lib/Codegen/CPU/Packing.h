//===- Packing.h - operand panels of tiled contractions --------*- C++ -*-===//
//
// Private to lib/Codegen/CPU: how yat-cpu-tile-and-fuse lays out the
// operands that every inner tile of a parallel tile reads.
//
//===----------------------------------------------------------------------===//

#ifndef YAT_LIB_CODEGEN_CPU_PACKING_H
#define YAT_LIB_CODEGEN_CPU_PACKING_H

#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/IR/PatternMatch.h"

namespace mlir::yat::cpu {

/// A contraction after packInvariantInputs, with the inner tile sizes of
/// its loops (a pair contraction has one loop more than the matmul it
/// replaces).
struct PackedContraction {
  linalg::LinalgOp op;
  SmallVector<int64_t> innerSizes;
};

/// Copies every input of `op` whose indexing map reads none of the loops
/// tiled by `innerSizes` into a new contiguous tensor: the inner tiles all
/// read it, so it is worth one copy per parallel tile. An (N, K) right
/// operand of a matmul is packed as a (K, N) panel, the layout of the
/// outer-product kernel, and the matmul is rebuilt with the plain maps.
/// With `bf16Pairs` (which the caller sets only when K is even), a bf16
/// (N, K) right operand of an f32-accumulating matmul whose K the inner
/// tiles leave whole is packed as a (K/2, N, 2) panel of K pairs instead,
/// and the matmul becomes the pair contraction that the AVX-512 BF16
/// kernel computes (see Bf16PairKernels.cpp).
PackedContraction packInvariantInputs(RewriterBase &rewriter,
                                      linalg::LinalgOp op,
                                      ArrayRef<int64_t> innerSizes,
                                      bool bf16Pairs);

/// For a parallel tile without inner tiles: packs the (N, K) right operand
/// of matmul `op` when the tile has rows enough to repay it, in K pairs as
/// packInvariantInputs does with `bf16Pairs` (the caller knows K is even),
/// or else as the (K, N) panel of the outer-product kernel. Returns the op
/// that computes `op`'s result.
linalg::LinalgOp packRightOperand(RewriterBase &rewriter, linalg::LinalgOp op,
                                  bool bf16Pairs);

} // namespace mlir::yat::cpu

#endif // YAT_LIB_CODEGEN_CPU_PACKING_H
