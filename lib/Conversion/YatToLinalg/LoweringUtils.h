//===- LoweringUtils.h - helpers shared by the yat-to-linalg patterns -----===//
//
// Private to the YatToLinalg library.
//
//===----------------------------------------------------------------------===//

#ifndef YAT_LIB_CONVERSION_YATTOLINALG_LOWERINGUTILS_H
#define YAT_LIB_CONVERSION_YATTOLINALG_LOWERINGUTILS_H

#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Utils/ReshapeOpsUtils.h"
#include "mlir/IR/Builders.h"
#include "yat/Dialect/Yat/Utils/LinalgBuilders.h"

namespace mlir::yat::lowering {

/// The float type the internal math of an op on `elementType` runs in: f64
/// stays f64, every narrower float computes in f32.
FloatType getComputeType(Type elementType);

/// Converts the float scalar `value` to `type` with arith.extf or
/// arith.truncf; returns it unchanged when it already has that type.
Value convertFloat(OpBuilder &b, Location loc, Value value, Type type);

/// An arith.constant of the float `type` holding `value`.
Value createFloatConstant(OpBuilder &b, Location loc, Type type, double value);

/// Builds the body of a linalg.generic from its block arguments (inputs,
/// then the output) and returns the value to yield.
using GenericBodyBuilder =
    function_ref<Value(OpBuilder &, Location, ValueRange)>;

/// A linalg.generic with one output `init`; returns its result.
Value createGeneric(OpBuilder &b, Location loc, ValueRange inputs, Value init,
                    ArrayRef<AffineMap> maps,
                    ArrayRef<utils::IteratorType> iterators,
                    GenericBodyBuilder body);

/// `size / divisor` for sizes known to divide exactly: folded when both are
/// static, an arith.divui otherwise.
OpFoldResult divideSize(OpBuilder &b, Location loc, OpFoldResult size,
                        OpFoldResult divisor);

/// `lhs - rhs` as an index value.
Value subtractSizes(OpBuilder &b, Location loc, OpFoldResult lhs,
                    OpFoldResult rhs);

/// A tensor.expand_shape of `source` into `outputShape`, with static result
/// dims wherever `outputShape` is constant.
Value createExpandShape(OpBuilder &b, Location loc, Value source,
                        ArrayRef<ReassociationIndices> reassociation,
                        ArrayRef<OpFoldResult> outputShape);

/// `size` as a float of `floatType` (the divisor of a mean).
Value createSizeAsFloat(OpBuilder &b, Location loc, OpFoldResult size,
                        Type floatType);

/// Σ x² over the last dim of `x`, accumulated in `computeType`: a
/// linalg.generic reduction returning a tensor of the leading dims of `x`.
Value createSumOfSquares(OpBuilder &b, Location loc, Value x, Type computeType);

/// `init[..., n] += Σ_k lhs[..., k] · rhs[n, k]`, the operands converted to
/// the element type of `init` (sign-extended when integers). For a rank-2
/// `lhs` this is a `linalg.matmul` with the indexing maps (m, k), (n, k),
/// (m, n); for any other rank a `linalg.generic` contraction whose leading
/// dims are batch dims, so that no reshape of `lhs` is needed.
Value createContractionWithTransposedRhs(OpBuilder &b, Location loc, Value lhs,
                                         Value rhs, Value init);

/// `value` with the tensor type `type` (a tensor.cast when the static
/// information differs, e.g. a result declared more static than its
/// operands).
Value castToType(OpBuilder &b, Location loc, Value value, Type type);

/// The result sizes `op` reports through ReifyRankedShapedTypeOpInterface
/// for result `resultIndex`.
FailureOr<SmallVector<OpFoldResult>>
reifyResultSizes(OpBuilder &b, Operation *op, unsigned resultIndex);

// Scalar helpers for the bodies of linalg ops.

/// Converts the scalar `value` to the scalar `type`: float extension or
/// truncation, integer sign extension or truncation, or a signed integer to
/// float conversion.
Value castScalar(OpBuilder &b, Location loc, Value value, Type type);

/// `createYatScore` (the ⵟ formula, in the type of `dot`) rounded to
/// `resultType`.
Value createYatValue(OpBuilder &b, Location loc, Value dot, Value lhsNorm,
                     Value rhsNorm, Value bias, double epsilon, double alpha,
                     Type resultType);

} // namespace mlir::yat::lowering

#endif // YAT_LIB_CONVERSION_YATTOLINALG_LOWERINGUTILS_H
