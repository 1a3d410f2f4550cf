//===- TernaryContraction.h - yat-pack-ternary's contraction ----*- C++ -*-===//
//
// The ternary contraction that yat-pack-ternary emits, as the code
// generators recognize it on buffers:
//
//   acc[m, nb, c] += act(m, kb, i, j) · (((w[nb, kb, c, j] >> 2i) & 3) − 1)
//
// over loops (m, nb, c, kb, i, j): 64-byte weight blocks of 16 output
// channels x 16 reduction positions, 2 bits a weight, and int8 activations
// at k = 16·kb + 4i + j. The activation is the contraction's first input
// (an int8 q[m, kb, i, j]) or, once elementwise fusion has put the
// quantization in the body, a computation on its inputs other than the
// weights.
//
//===----------------------------------------------------------------------===//

#ifndef YAT_DIALECT_YAT_UTILS_TERNARYCONTRACTION_H
#define YAT_DIALECT_YAT_UTILS_TERNARYCONTRACTION_H

#include "mlir/Dialect/Linalg/IR/Linalg.h"

namespace mlir::yat {

/// Output channels and reduction positions of one weight block.
constexpr int64_t kTernaryBlock = 16;

/// A matched ternary contraction.
struct TernaryContraction {
  /// The weight blocks, [NB, KB, 16, 4] i8.
  OpOperand *weights;
  /// The accumulator, [M, NB, 16] i32.
  OpOperand *accumulator;
  /// The body's int8 activation (the value its `arith.extsi` extends):
  /// the block argument of an int8 input, or the end of a computation on
  /// the inputs other than the weights.
  Value activation;
};

/// Matches `op` as the ternary contraction above, with the weights as its
/// last input. The indexing maps of the activation inputs are not checked;
/// the body's computation of the activation must not read the weights, the
/// accumulator or the loop indices.
std::optional<TernaryContraction> matchTernaryContraction(linalg::GenericOp op);

} // namespace mlir::yat

#endif // YAT_DIALECT_YAT_UTILS_TERNARYCONTRACTION_H
