//===- LinalgBuilders.h - builders shared by the yat lowerings --*- C++ -*-===//
//
// The small builders that both the reference lowering (convert-yat-to-linalg)
// and the fused lowering (yat-fuse-epilogue) need.
//
//===----------------------------------------------------------------------===//

#ifndef YAT_DIALECT_YAT_UTILS_LINALGBUILDERS_H
#define YAT_DIALECT_YAT_UTILS_LINALGBUILDERS_H

#include "mlir/Dialect/Utils/StructuredOpsUtils.h"
#include "mlir/IR/AffineMap.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/OpDefinition.h"

namespace mlir::yat {

/// Affine map from `numDims` loop dims to the listed dims.
AffineMap getDimsMap(MLIRContext *context, unsigned numDims,
                     ArrayRef<unsigned> dims);

/// `numParallel` parallel iterators followed by `numReduction` reductions.
SmallVector<utils::IteratorType> getIterators(unsigned numParallel,
                                              unsigned numReduction = 0);

/// `sizes` with every constant (attribute or constant op) as an attribute.
SmallVector<OpFoldResult> foldConstantSizes(ArrayRef<OpFoldResult> sizes);

/// A tensor.empty of `sizes`, with every constant size made static.
Value createEmptyTensor(OpBuilder &b, Location loc,
                        ArrayRef<OpFoldResult> sizes, Type elementType);

/// A tensor of `sizes` filled with `value` (tensor.empty + linalg.fill),
/// the init of a reduction or contraction.
Value createFilledTensor(OpBuilder &b, Location loc,
                         ArrayRef<OpFoldResult> sizes, TypedAttr value);

/// The ⵟ score of one output element, the formula of every yat op:
/// `alpha · (dot + bias)² / (max(lhsNorm + rhsNorm − 2·dot, 0) + epsilon)`,
/// computed in `dot`'s float type (norms and the optional `bias` are
/// converted to it). The reference and the fused lowerings both build it
/// here, so that they round the same way.
Value createYatScore(OpBuilder &b, Location loc, Value dot, Value lhsNorm,
                     Value rhsNorm, Value bias, double epsilon, double alpha);

/// The sums of `input` (N x S.. x C, channels last) over windows of
/// `window` positions with `strides` and `dilations`, per channel,
/// accumulated into `init` (N x O.. x C): the named
/// `linalg.pooling_{nwc,nhwc,ndhwc}_sum` for 1 to 3 spatial dims.
Value createWindowSums(OpBuilder &b, Location loc, Value input,
                       ArrayRef<OpFoldResult> window, Value init,
                       ArrayRef<int64_t> strides, ArrayRef<int64_t> dilations);

/// The channels-last convolution of `input` (N x S.. x C) with `filter`
/// (K.. x C x F) accumulated into `init`, as the named linalg op for 1 to 3
/// spatial dims.
Value createNamedConv(OpBuilder &b, Location loc, Value input, Value filter,
                      Value init, ArrayRef<int64_t> strides,
                      ArrayRef<int64_t> dilations);

/// `value` with its last two dims swapped, into a new tensor (a
/// `linalg.transpose`; sizes may be dynamic).
Value createSwappedLastDims(OpBuilder &b, Location loc, Value value);

/// `input` (N x S.. x C, channels last) zero-padded by `padding` (low and
/// high per spatial dim) with a `tensor.pad`, or `input` when all are 0.
Value createPaddedInput(OpBuilder &b, Location loc, Value input,
                        ArrayRef<int64_t> padding);

/// Lower bound of the absmean weight scale (`yat.ternarize`) and of the
/// per-token absmax (`yat.ternary_matmul` with activation_bits = 8).
inline constexpr double kTernaryScaleFloor = 1e-5;

/// `min(max(value, lo), hi)` of a float scalar; a NaN `value` becomes `lo`
/// instead of poisoning an integer conversion that follows.
Value createFloatClamp(OpBuilder &b, Location loc, Value value, double lo,
                       double hi);

/// The per-token int8 scale of `yat.ternary_matmul` (activation_bits = 8)
/// from a row's absmax: `127 / max(absMax, 1e-5)`, in absMax's float type.
Value createInt8ActivationScale(OpBuilder &b, Location loc, Value absMax);

/// One activation quantized to int8: `clamp(round_half_even(value · scale),
/// −128, 127)` (value and scale of one float type). The reference and the
/// packed ternary lowerings both build it here, so that they agree bit for
/// bit.
Value createInt8Activation(OpBuilder &b, Location loc, Value value,
                           Value scale);

} // namespace mlir::yat

#endif // YAT_DIALECT_YAT_UTILS_LINALGBUILDERS_H
