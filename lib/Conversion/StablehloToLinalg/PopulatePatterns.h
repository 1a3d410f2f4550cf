//===- PopulatePatterns.h - StableHLO lowering internals --------*- C++ -*-===//
//
// Shared by the files of convert-stablehlo-to-linalg: one populate function
// per op family and the scalar semantics of the elementwise ops, which both
// the elementwise patterns and the reduce body translation use.
//
//===----------------------------------------------------------------------===//

#ifndef YAT_LIB_CONVERSION_STABLEHLOTOLINALG_POPULATEPATTERNS_H
#define YAT_LIB_CONVERSION_STABLEHLOTOLINALG_POPULATEPATTERNS_H

#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/DialectConversion.h"
#include "yat/Conversion/StablehloToLinalg/StablehloToLinalg.h"
#include "yat/Dialect/StableHLO/IR/Chlo.h"
#include "yat/Dialect/StableHLO/IR/Stablehlo.h"

namespace mlir::yat::stablehlo_lowering {

// Each pattern reads StableHLO semantics (unsigned integers included) from
// the op's own types and builds values of their signless storage types
// (getSignlessStorageType), which its adaptor's operands already have.
void populateElementwisePatterns(const TypeConverter &typeConverter,
                                 RewritePatternSet &patterns);
void populateDataMovementPatterns(const TypeConverter &typeConverter,
                                  RewritePatternSet &patterns);
void populateReducePatterns(const TypeConverter &typeConverter,
                            RewritePatternSet &patterns);
void populateScatterPatterns(const TypeConverter &typeConverter,
                             RewritePatternSet &patterns);
void populateGatherPatterns(const TypeConverter &typeConverter,
                            RewritePatternSet &patterns);
void populateControlFlowPatterns(const TypeConverter &typeConverter,
                                 RewritePatternSet &patterns);
void populateSortPatterns(const TypeConverter &typeConverter,
                          RewritePatternSet &patterns);
void populateDotGeneralPatterns(const TypeConverter &typeConverter,
                                RewritePatternSet &patterns);
void populateConvolutionPatterns(const TypeConverter &typeConverter,
                                 RewritePatternSet &patterns);
void populateTriangularSolvePatterns(const TypeConverter &typeConverter,
                                     RewritePatternSet &patterns);
void populateFftPatterns(const TypeConverter &typeConverter,
                         RewritePatternSet &patterns);
void populateRngBitGeneratorPatterns(const TypeConverter &typeConverter,
                                     RewritePatternSet &patterns);
void populateCheckPatterns(const TypeConverter &typeConverter,
                           RewritePatternSet &patterns);

/// getSignlessStorageType of a ranked tensor type.
inline RankedTensorType getStorageType(RankedTensorType type) {
  return cast<RankedTensorType>(getSignlessStorageType(type));
}

/// `attr` (a stablehlo.constant value or a splat element) with the
/// signless storage type of its type; the bits are unchanged.
TypedAttr getStorageAttr(TypedAttr attr);

/// A list of op types, to expand as a parameter pack.
template <typename... OpTys> struct OpTypeList {};

/// The elementwise stablehlo ops: `emitScalarOp` implements each of them and
/// the elementwise patterns lower each into a linalg.generic.
using ElementwiseOps = OpTypeList<
    stablehlo::AbsOp, stablehlo::CeilOp, stablehlo::CosineOp, stablehlo::ExpOp,
    stablehlo::Expm1Op, stablehlo::FloorOp, stablehlo::LogOp,
    stablehlo::Log1pOp, stablehlo::LogisticOp, stablehlo::NegOp,
    stablehlo::NotOp, stablehlo::RoundOp, stablehlo::RoundNearestEvenOp,
    stablehlo::RsqrtOp, stablehlo::SignOp, stablehlo::SineOp, stablehlo::SqrtOp,
    stablehlo::TanhOp, stablehlo::AddOp, stablehlo::SubtractOp,
    stablehlo::MulOp, stablehlo::DivOp, stablehlo::RemOp, stablehlo::MaxOp,
    stablehlo::MinOp, stablehlo::PowOp, stablehlo::AndOp, stablehlo::OrOp,
    stablehlo::XorOp, stablehlo::ConvertOp, stablehlo::CompareOp,
    stablehlo::SelectOp, stablehlo::ClampOp, stablehlo::CbrtOp,
    stablehlo::PopcntOp, stablehlo::IsFiniteOp, stablehlo::ReducePrecisionOp,
    stablehlo::Atan2Op, stablehlo::ShiftLeftOp, stablehlo::ShiftRightLogicalOp,
    stablehlo::ShiftRightArithmeticOp, stablehlo::RealOp, stablehlo::ImagOp,
    stablehlo::ComplexOp>;

/// The CHLO special functions, lowered element by element like
/// `ElementwiseOps` (emitChloScalarOp).
using ChloElementwiseOps =
    OpTypeList<chlo::AcoshOp, chlo::AsinOp, chlo::AsinhOp, chlo::AtanOp,
               chlo::AtanhOp, chlo::BesselI1eOp, chlo::CoshOp, chlo::DigammaOp,
               chlo::ErfOp, chlo::ErfcOp, chlo::ErfInvOp, chlo::LgammaOp,
               chlo::NextAfterOp, chlo::SinhOp, chlo::TanOp>;

/// True when `op` is one of `ElementwiseOps` or `ChloElementwiseOps`.
bool isScalarizable(Operation *op);

/// True when `op` is one of `ChloElementwiseOps`.
bool isChloScalarizable(Operation *op);

/// The scalar computation of CHLO special function `op` on `operands`;
/// null if `op` is not one of `ChloElementwiseOps`.
Value emitChloScalarOp(OpBuilder &builder, Location loc, Operation *op,
                       ValueRange operands);

/// The scalar computation of CHLO special function `op` on complex number
/// `z` (ChloComplexOps.cpp); null if `op` has no complex form.
Value emitChloComplexOp(OpBuilder &builder, Location loc, Operation *op,
                        Value z);

/// Emits the scalar computation of elementwise stablehlo op `op` applied to
/// `operands` (scalars of `op`'s operand element types, in operand order).
/// Returns null if `op` is not scalarizable.
Value emitScalarOp(OpBuilder &builder, Location loc, Operation *op,
                   ValueRange operands);

/// Converts scalar `value` of element type `from` to element type `to` with
/// stablehlo.convert semantics.
Value emitScalarConvert(OpBuilder &builder, Location loc, Value value,
                        Type from, Type to);

/// A zero (false for i1) of scalar type `type`.
Value emitZero(OpBuilder &builder, Location loc, Type type);

/// Fails the match of `op` unless every one of `types` is a ranked tensor
/// type with a static shape.
LogicalResult requireStaticShapes(RewriterBase &rewriter, Operation *op,
                                  TypeRange types);

/// `tensor.empty` of `type` (static shape).
Value emitEmptyTensor(OpBuilder &builder, Location loc, RankedTensorType type);

/// `linalg.fill` of a new tensor of `type` with scalar `value`.
Value emitFilledTensor(OpBuilder &builder, Location loc, RankedTensorType type,
                       Value value);

/// An all-parallel linalg.generic that computes a new tensor of `resultType`
/// element by element: `inputs` are read through `inputMaps`, the result
/// through the identity map, and `computeElement` builds the yielded element
/// from the block arguments (the input elements, then the output element).
linalg::GenericOp emitParallelGeneric(
    OpBuilder &builder, Location loc, RankedTensorType resultType,
    ValueRange inputs, ArrayRef<AffineMap> inputMaps,
    function_ref<Value(OpBuilder &, Location, ValueRange)> computeElement);

/// Pads `value` (static shape) with scalar `padValue`: `interior[d]`
/// elements between neighbours, then `low[d]`/`high[d]` at the edges
/// (negative edges crop). Returns a tensor of `resultType`.
Value emitPaddedTensor(OpBuilder &builder, Location loc, Value value,
                       Value padValue, ArrayRef<int64_t> low,
                       ArrayRef<int64_t> high, ArrayRef<int64_t> interior,
                       RankedTensorType resultType);

/// Reverses static-shaped `value` along `dims`.
Value emitReversedTensor(OpBuilder &builder, Location loc, Value value,
                         ArrayRef<int64_t> dims);

/// True when every op of the body of `op` (a stablehlo.reduce,
/// reduce_window, scatter or sort, whose body works on 0-d tensors) can be
/// translated to scalar arith; otherwise returns false and sets `offending`
/// to the first op that cannot.
bool isTranslatableScalarBody(Operation *op, Operation *&offending);
/// The same for one `body` region (select_and_scatter has two).
bool isTranslatableScalarBody(Region &body, Operation *&offending);

/// `integer` (a signless scalar whose StableHLO element type is
/// `semanticType`; unsigned ones are zero-extended) as an index.
Value emitIndexValue(OpBuilder &builder, Location loc, Value integer,
                     Type semanticType);

/// The start index `integer` (of StableHLO element type `semanticType`) of
/// a slice of `sliceSize` along a dimension of `dimSize`, clamped to
/// [0, dimSize - sliceSize] as gather, dynamic_slice and
/// dynamic_update_slice clamp it, as an index.
Value emitClampedStart(OpBuilder &builder, Location loc, Value integer,
                       Type semanticType, int64_t dimSize, int64_t sliceSize);

/// Component `k` of the start index that gather or scatter reads from
/// `indices` for the batch (or update scatter) index `batchIndex`: the
/// element at `batchIndex` with `k` inserted at `indexVectorDim` (nothing
/// inserted when `indexVectorDim` is the rank of `indices`).
Value emitStartIndexComponent(OpBuilder &builder, Location loc, Value indices,
                              ValueRange batchIndex, int64_t indexVectorDim,
                              int64_t k);

/// The position in the batch index of indices dimension `indicesDim`
/// (the index vector dimension has none).
inline int64_t getBatchPosition(int64_t indicesDim, int64_t indexVectorDim) {
  return indicesDim - (indicesDim > indexVectorDim ? 1 : 0);
}

/// The dims of an operand of `rank` that keep a window in gather or
/// scatter: neither `windowless` (collapsed or inserted) nor `batching`.
SmallVector<int64_t> getWindowDims(int64_t rank, ArrayRef<int64_t> windowless,
                                   ArrayRef<int64_t> batching);

/// `start` (null entries meaning 0) plus `windowIndex[j]` along
/// `windowDims[j]`: the operand index of a window element in gather or
/// scatter.
SmallVector<Value> emitWindowedIndex(OpBuilder &builder, Location loc,
                                     ArrayRef<Value> start,
                                     ArrayRef<int64_t> windowDims,
                                     ValueRange windowIndex);

/// Emits the ops of such a body on the scalars `args` (one per body
/// argument) and returns the scalars it returns.
SmallVector<Value> emitScalarBody(OpBuilder &builder, Block &body,
                                  ValueRange args);

/// Converts every element of static-shaped `value`, whose StableHLO element
/// type is `from`, to the element type of `resultType` (stablehlo.convert
/// semantics) with a linalg.generic.
Value emitConvertedTensor(OpBuilder &builder, Location loc, Value value,
                          Type from, RankedTensorType resultType);

/// Reads the single element of a 0-d tensor.
Value emitExtractScalar(OpBuilder &builder, Location loc, Value tensor);

/// The type in which a sum of products of `input` elements into `result`
/// elements accumulates: f32 for f16/bf16, the widest float for other
/// floats, `result` itself for integers and complex numbers.
Type getAccumulatorType(Type input, Type result);

/// The dot_general/convolution contraction: the sum over the reduction
/// loops of `iterators` of `lhs * rhs` (of StableHLO element type
/// `inputElement`, read through the first two of `maps`, written through
/// the third), as one linalg.generic accumulating from zero in f32 for
/// f16/bf16 results, the widest float for other float results and the
/// result type for integers, then converted to the element type of
/// `resultType` when that differs.
Value emitContraction(OpBuilder &builder, Location loc, Value lhs, Value rhs,
                      Type inputElement, ArrayRef<AffineMap> maps,
                      ArrayRef<utils::IteratorType> iterators,
                      RankedTensorType resultType);

/// Name of the discardable attribute that marks a check.* custom_call whose
/// actual value comes from a reassociated reduction.
inline constexpr llvm::StringLiteral kReassociatedAttrName = "yat.reassociated";

/// Name of the runtime function implementing check `target` (e.g.
/// "check.expect_close") on elements of `elementType`, or "" when the
/// element type has no runtime entry point.
std::string getCheckFunctionName(StringRef target, Type elementType);

} // namespace mlir::yat::stablehlo_lowering

#endif // YAT_LIB_CONVERSION_STABLEHLOTOLINALG_POPULATEPATTERNS_H
