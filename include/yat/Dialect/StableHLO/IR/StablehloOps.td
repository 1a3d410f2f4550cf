//===- StablehloOps.td - the StableHLO op subset -----------*- tablegen -*-===//
//
// Op names, operand names, attribute names and the pretty syntax follow
// StableHLO (https://openxla.org/stablehlo/spec) so that files printed by JAX
// parse unchanged. Semantics are StableHLO's; docs/STABLEHLO.md lists the
// subset.
//
//===----------------------------------------------------------------------===//

#ifndef YAT_DIALECT_STABLEHLO_IR_STABLEHLOOPS_TD
#define YAT_DIALECT_STABLEHLO_IR_STABLEHLOOPS_TD

include "yat/Dialect/StableHLO/IR/StablehloDialect.td"
include "yat/Dialect/StableHLO/IR/StablehloAttrs.td"
include "mlir/IR/CommonAttrConstraints.td"
include "mlir/IR/CommonTypeConstraints.td"
include "mlir/IR/SymbolInterfaces.td"
include "mlir/Interfaces/ControlFlowInterfaces.td"
include "mlir/Interfaces/InferTypeOpInterface.td"
include "mlir/Interfaces/SideEffectInterfaces.td"

//===----------------------------------------------------------------------===//
// Types
//===----------------------------------------------------------------------===//

def Stablehlo_Pred : TypeAlias<I1, "pred (AKA boolean or 1-bit integer)">;
def Stablehlo_Int : AnyTypeOf<[AnySignlessInteger, AnyUnsignedInteger],
                              "integer">;
def Stablehlo_Float : AnyTypeOf<[F16, BF16, F32, F64], "float">;
def Stablehlo_Complex : AnyTypeOf<[Complex<F32>, Complex<F64>], "complex">;

def Stablehlo_Tensor
    : RankedTensorOf<[Stablehlo_Int, Stablehlo_Float, Stablehlo_Complex]>;
def Stablehlo_PredTensor : RankedTensorOf<[Stablehlo_Pred]>;
def Stablehlo_IntTensor : RankedTensorOf<[Stablehlo_Int]>;
def Stablehlo_FloatTensor : RankedTensorOf<[Stablehlo_Float]>;
def Stablehlo_FloatOrComplexTensor
    : RankedTensorOf<[Stablehlo_Float, Stablehlo_Complex]>;
def Stablehlo_ComplexTensor : RankedTensorOf<[Stablehlo_Complex]>;
def Stablehlo_Tuple : NestedTupleOf<[Stablehlo_Tensor]>;
// What control flow carries: tensors, and tuples of them, which
// `convert-stablehlo-to-linalg` flattens first.
def Stablehlo_TensorOrTuple : AnyTypeOf<[Stablehlo_Tensor, Stablehlo_Tuple]>;

//===----------------------------------------------------------------------===//
// Elementwise ops
//===----------------------------------------------------------------------===//

class Stablehlo_UnaryElementwiseOp<string mnemonic, Type tensorType,
                                   string what>
    : Stablehlo_Op<mnemonic, [Pure, Elementwise, SameOperandsAndResultType]> {
  let summary = what;
  let description = "Computes " # what # " of each element of `operand`.";
  let arguments = (ins tensorType:$operand);
  let results = (outs tensorType:$result);
  let assemblyFormat = [{
    $operand attr-dict `:`
        custom<SameOperandsAndResultType>(type($operand), type($result))
  }];
}

def Stablehlo_AbsOp
    : Stablehlo_UnaryElementwiseOp<"abs", Stablehlo_Tensor, "absolute value"> {
  let hasFolder = 1;
}
def Stablehlo_CeilOp
    : Stablehlo_UnaryElementwiseOp<"ceil", Stablehlo_FloatTensor, "ceiling"> {
  let hasFolder = 1;
}
def Stablehlo_CbrtOp
    : Stablehlo_UnaryElementwiseOp<"cbrt", Stablehlo_FloatTensor, "cube root">;
def Stablehlo_CosineOp
    : Stablehlo_UnaryElementwiseOp<"cosine", Stablehlo_FloatOrComplexTensor, "cosine">;
def Stablehlo_ExpOp
    : Stablehlo_UnaryElementwiseOp<"exponential", Stablehlo_FloatOrComplexTensor,
                                   "e^x">;
def Stablehlo_Expm1Op
    : Stablehlo_UnaryElementwiseOp<"exponential_minus_one",
                                   Stablehlo_FloatOrComplexTensor, "e^x - 1">;
def Stablehlo_FloorOp
    : Stablehlo_UnaryElementwiseOp<"floor", Stablehlo_FloatTensor, "floor"> {
  let hasFolder = 1;
}
def Stablehlo_LogOp
    : Stablehlo_UnaryElementwiseOp<"log", Stablehlo_FloatOrComplexTensor,
                                   "natural logarithm">;
def Stablehlo_Log1pOp
    : Stablehlo_UnaryElementwiseOp<"log_plus_one", Stablehlo_FloatOrComplexTensor,
                                   "log(1 + x)">;
def Stablehlo_LogisticOp
    : Stablehlo_UnaryElementwiseOp<"logistic", Stablehlo_FloatOrComplexTensor,
                                   "1 / (1 + e^-x)">;
def Stablehlo_NegOp
    : Stablehlo_UnaryElementwiseOp<"negate", Stablehlo_Tensor, "negation"> {
  let hasFolder = 1;
}
def Stablehlo_NotOp
    : Stablehlo_UnaryElementwiseOp<"not", Stablehlo_IntTensor,
                                   "bitwise (logical for i1) not"> {
  let hasFolder = 1;
}
def Stablehlo_PopcntOp
    : Stablehlo_UnaryElementwiseOp<"popcnt", Stablehlo_IntTensor,
                                   "the number of set bits">;
def Stablehlo_RoundOp
    : Stablehlo_UnaryElementwiseOp<"round_nearest_afz", Stablehlo_FloatTensor,
                                   "rounding to nearest, ties away from zero">;
def Stablehlo_RoundNearestEvenOp
    : Stablehlo_UnaryElementwiseOp<"round_nearest_even", Stablehlo_FloatTensor,
                                   "rounding to nearest, ties to even">;
def Stablehlo_RsqrtOp
    : Stablehlo_UnaryElementwiseOp<"rsqrt", Stablehlo_FloatOrComplexTensor,
                                   "1 / sqrt(x)">;
def Stablehlo_SignOp
    : Stablehlo_UnaryElementwiseOp<"sign", Stablehlo_Tensor,
                                   "the sign (-1, 0 or 1; NaN and signed zeros "
                                   "are kept)">;
def Stablehlo_SineOp
    : Stablehlo_UnaryElementwiseOp<"sine", Stablehlo_FloatOrComplexTensor, "sine">;
def Stablehlo_SqrtOp
    : Stablehlo_UnaryElementwiseOp<"sqrt", Stablehlo_FloatOrComplexTensor,
                                   "square root">;
def Stablehlo_TanhOp
    : Stablehlo_UnaryElementwiseOp<"tanh", Stablehlo_FloatOrComplexTensor,
                                   "hyperbolic tangent">;

class Stablehlo_BinaryElementwiseOp<string mnemonic, Type tensorType,
                                    string what>
    : Stablehlo_Op<mnemonic, [Pure, Elementwise, SameOperandsAndResultType]> {
  let summary = what;
  let description = "Computes " # what # " of `lhs` and `rhs` element by "
                    "element.";
  let arguments = (ins tensorType:$lhs, tensorType:$rhs);
  let results = (outs tensorType:$result);
  let assemblyFormat = [{
    $lhs `,` $rhs attr-dict `:`
        custom<SameOperandsAndResultType>(type($lhs), type($rhs),
                                          type($result))
  }];
}

def Stablehlo_AddOp
    : Stablehlo_BinaryElementwiseOp<"add", Stablehlo_Tensor,
                                    "the sum (logical or for i1)"> {
  let hasFolder = 1;
}
def Stablehlo_SubtractOp
    : Stablehlo_BinaryElementwiseOp<"subtract", Stablehlo_Tensor,
                                    "the difference"> {
  let hasFolder = 1;
}
def Stablehlo_MulOp
    : Stablehlo_BinaryElementwiseOp<"multiply", Stablehlo_Tensor,
                                    "the product (logical and for i1)"> {
  let hasFolder = 1;
}
def Stablehlo_DivOp
    : Stablehlo_BinaryElementwiseOp<"divide", Stablehlo_Tensor,
                                    "the quotient (truncating for integers)"> {
  let hasFolder = 1;
}
def Stablehlo_RemOp
    : Stablehlo_BinaryElementwiseOp<"remainder", Stablehlo_Tensor,
                                    "the remainder with the sign of the "
                                    "dividend (C fmod / srem)"> {
  let hasFolder = 1;
}
def Stablehlo_MaxOp
    : Stablehlo_BinaryElementwiseOp<"maximum", Stablehlo_Tensor,
                                    "the maximum (NaN-propagating)"> {
  let hasFolder = 1;
}
def Stablehlo_MinOp
    : Stablehlo_BinaryElementwiseOp<"minimum", Stablehlo_Tensor,
                                    "the minimum (NaN-propagating)"> {
  let hasFolder = 1;
}
def Stablehlo_PowOp
    : Stablehlo_BinaryElementwiseOp<"power", Stablehlo_Tensor,
                                    "lhs raised to the power rhs">;
def Stablehlo_AndOp
    : Stablehlo_BinaryElementwiseOp<"and", Stablehlo_IntTensor,
                                    "the bitwise (logical for i1) and"> {
  let hasFolder = 1;
}
def Stablehlo_OrOp
    : Stablehlo_BinaryElementwiseOp<"or", Stablehlo_IntTensor,
                                    "the bitwise (logical for i1) or"> {
  let hasFolder = 1;
}
def Stablehlo_XorOp
    : Stablehlo_BinaryElementwiseOp<"xor", Stablehlo_IntTensor,
                                    "the bitwise (logical for i1) xor"> {
  let hasFolder = 1;
}
def Stablehlo_Atan2Op
    : Stablehlo_BinaryElementwiseOp<"atan2", Stablehlo_FloatTensor,
                                    "the angle of the point (rhs, lhs)">;
def Stablehlo_ShiftLeftOp
    : Stablehlo_BinaryElementwiseOp<"shift_left", Stablehlo_IntTensor,
                                    "lhs shifted left by rhs bits (0 when "
                                    "rhs, read as unsigned, is the bit width "
                                    "or more)">;
def Stablehlo_ShiftRightArithmeticOp
    : Stablehlo_BinaryElementwiseOp<"shift_right_arithmetic",
                                    Stablehlo_IntTensor,
                                    "lhs shifted right by rhs bits, copying "
                                    "the sign bit (all sign bits when rhs, "
                                    "read as unsigned, is the bit width or "
                                    "more)">;
def Stablehlo_ShiftRightLogicalOp
    : Stablehlo_BinaryElementwiseOp<"shift_right_logical", Stablehlo_IntTensor,
                                    "lhs shifted right by rhs bits, filling "
                                    "with zeros (0 when rhs, read as "
                                    "unsigned, is the bit width or more)">;

def Stablehlo_RealOp : Stablehlo_Op<"real",
    [Pure, Elementwise, SameOperandsAndResultShape]> {
  let summary = "real part";
  let description = [{
    The real part of each complex element (a float operand is returned as
    it is): `stablehlo.real %z : (tensor<4xcomplex<f32>>) -> tensor<4xf32>`.
  }];
  let arguments = (ins Stablehlo_FloatOrComplexTensor:$operand);
  let results = (outs Stablehlo_FloatTensor:$result);
  let assemblyFormat = [{
    $operand attr-dict `:`
        custom<SameOperandsAndResultType>(type($operand), type($result))
  }];
  let hasVerifier = 1;
}

def Stablehlo_ImagOp : Stablehlo_Op<"imag",
    [Pure, Elementwise, SameOperandsAndResultShape]> {
  let summary = "imaginary part";
  let description = [{
    The imaginary part of each complex element (zero for a float operand):
    `stablehlo.imag %z : (tensor<4xcomplex<f32>>) -> tensor<4xf32>`.
  }];
  let arguments = (ins Stablehlo_FloatOrComplexTensor:$operand);
  let results = (outs Stablehlo_FloatTensor:$result);
  let assemblyFormat = [{
    $operand attr-dict `:`
        custom<SameOperandsAndResultType>(type($operand), type($result))
  }];
  let hasVerifier = 1;
}

def Stablehlo_ComplexOp : Stablehlo_Op<"complex",
    [Pure, Elementwise, SameOperandsAndResultShape]> {
  let summary = "complex numbers from real and imaginary parts";
  let description = [{
    `lhs + i rhs` element by element: `stablehlo.complex %re, %im :
    (tensor<4xf32>, tensor<4xf32>) -> tensor<4xcomplex<f32>>` (or the short
    `: tensor<4xcomplex<f32>>`).
  }];
  let arguments = (ins Stablehlo_FloatTensor:$lhs, Stablehlo_FloatTensor:$rhs);
  let results = (outs Stablehlo_ComplexTensor:$result);
  let assemblyFormat = [{
    $lhs `,` $rhs attr-dict `:`
        custom<ComplexOpType>(type($lhs), type($rhs), type($result))
  }];
  let hasVerifier = 1;
}

def Stablehlo_IsFiniteOp : Stablehlo_Op<"is_finite",
    [Pure, Elementwise, SameOperandsAndResultShape]> {
  let summary = "finiteness test";
  let description = [{
    True for each element of `x` that is neither infinite nor NaN.
  }];
  let arguments = (ins Stablehlo_FloatTensor:$x);
  let results = (outs Stablehlo_PredTensor:$y);
  let assemblyFormat = [{
    $x attr-dict `:` custom<SameOperandsAndResultType>(type($x), type($y))
  }];
}

def Stablehlo_ReducePrecisionOp : Stablehlo_Op<"reduce_precision",
    [Pure, Elementwise, SameOperandsAndResultType]> {
  let summary = "rounding to a narrower float format";
  let description = [{
    Rounds each element of `operand` to the float format with
    `exponent_bits` exponent bits and `mantissa_bits` mantissa bits (to
    nearest, ties to even; out-of-range values become infinities, values
    below its smallest normal number signed zeros; NaNs stay NaN) and
    back: `stablehlo.reduce_precision %x, format = e5m10 : tensor<4xf32>`.
  }];
  let arguments = (ins Stablehlo_FloatTensor:$operand,
                   ConfinedAttr<I32Attr, [IntPositive]>:$exponent_bits,
                   ConfinedAttr<I32Attr, [IntNonNegative]>:$mantissa_bits);
  let results = (outs Stablehlo_FloatTensor:$output);
  let assemblyFormat = [{
    $operand `,` `format` `=`
        custom<ExponentMantissa>($exponent_bits, $mantissa_bits) attr-dict
        `:` custom<SameOperandsAndResultType>(type($operand), type($output))
  }];
}

def Stablehlo_BitcastConvertOp : Stablehlo_Op<"bitcast_convert", [Pure]> {
  let summary = "reinterpretation of the bits";
  let description = [{
    Reinterprets the bits of `operand` as the result's element type. Equal
    widths keep the shape; a narrower result adds a last dimension of
    `operand width / result width` elements (the low bits first), a wider
    result drops the operand's last dimension, which must have that many
    elements.
  }];
  let arguments = (ins Stablehlo_Tensor:$operand);
  let results = (outs Stablehlo_Tensor:$result);
  let assemblyFormat = [{
    $operand attr-dict `:`
        custom<SameOperandsAndResultType>(type($operand), type($result))
  }];
  let hasVerifier = 1;
}

def Stablehlo_ConvertOp : Stablehlo_Op<"convert",
    [Pure, Elementwise, SameOperandsAndResultShape]> {
  let summary = "element type conversion";
  let description = [{
    Converts every element of `operand` to the result's element type:
    float to float rounds to nearest even; float to integer truncates toward
    zero, saturates at the integer's range and maps NaN to 0; integer or
    float to i1 is `x != 0`; i1 to a number is 0 or 1.
  }];
  let arguments = (ins Stablehlo_Tensor:$operand);
  let results = (outs Stablehlo_Tensor:$result);
  let assemblyFormat = [{
    $operand attr-dict `:`
        custom<SameOperandsAndResultType>(type($operand), type($result))
  }];
  let hasFolder = 1;
}

def Stablehlo_CompareOp : Stablehlo_Op<"compare",
    [Pure, Elementwise, SameTypeOperands, SameOperandsAndResultShape]> {
  let summary = "elementwise comparison";
  let description = [{
    Compares `lhs` and `rhs` element by element with `comparison_direction`.
    `compare_type` picks the order: FLOAT (IEEE: any comparison with NaN is
    false except NE), TOTALORDER (-NaN < -Inf < ... < -0 < +0 < ... < +Inf <
    +NaN), SIGNED or UNSIGNED. Without it, floats use FLOAT, i1 uses
    UNSIGNED, signless integers SIGNED and unsigned integers UNSIGNED.

    ```mlir
    %r = stablehlo.compare  GT, %a, %b,  FLOAT
        : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xi1>
    ```
  }];
  let arguments = (ins Stablehlo_Tensor:$lhs, Stablehlo_Tensor:$rhs,
                   Stablehlo_ComparisonDirectionAttr:$comparison_direction,
                   OptionalAttr<Stablehlo_ComparisonTypeAttr>:$compare_type);
  let results = (outs Stablehlo_PredTensor:$result);
  let assemblyFormat = [{
    $comparison_direction `,` $lhs `,` $rhs (`,` $compare_type^)?
        attr-dict `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
  let hasFolder = 1;
  let extraClassDeclaration = [{
    /// The comparison type, defaulted from the element type when absent.
    ComparisonType getEffectiveCompareType();
  }];
}

def Stablehlo_SelectOp : Stablehlo_Op<"select", [Pure]> {
  let summary = "elementwise choice";
  let description = [{
    `on_true` where `pred` holds, `on_false` elsewhere. `pred` is either a
    tensor of the operands' shape or a 0-d tensor that chooses for all.
  }];
  let arguments = (ins Stablehlo_PredTensor:$pred, Stablehlo_Tensor:$on_true,
                   Stablehlo_Tensor:$on_false);
  let results = (outs Stablehlo_Tensor:$result);
  let assemblyFormat = [{
    $pred `,` $on_true `,` $on_false attr-dict `:`
        custom<SelectOpType>(type($pred), type($on_true), type($on_false),
                             type($result))
  }];
  let hasVerifier = 1;
  let hasFolder = 1;
}

def Stablehlo_ClampOp : Stablehlo_Op<"clamp", [Pure]> {
  let summary = "elementwise clamp";
  let description = [{
    `minimum(maximum(operand, min), max)`. `min` and `max` are either
    tensors of the operand's shape or 0-d tensors.
  }];
  let arguments = (ins Stablehlo_Tensor:$min, Stablehlo_Tensor:$operand,
                   Stablehlo_Tensor:$max);
  let results = (outs Stablehlo_Tensor:$result);
  let assemblyFormat = [{
    $min `,` $operand `,` $max attr-dict `:`
        custom<SameOperandsAndResultType>(type($min), type($operand),
                                          type($max), type($result))
  }];
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Constants and data movement
//===----------------------------------------------------------------------===//

def Stablehlo_ConstantOp : Stablehlo_Op<"constant",
    [ConstantLike, Pure]> {
  let summary = "a constant tensor";
  let description = [{
    ```mlir
    %c = stablehlo.constant dense<[1.0, 2.0]> : tensor<2xf32>
    %d = stablehlo.constant dense<"0x0000803F"> : tensor<f32>
    %e = stablehlo.constant dense_resource<blob> : tensor<4xf32>
    ```
  }];
  let arguments = (ins ElementsAttr:$value);
  let results = (outs Stablehlo_Tensor:$output);
  let builders = [
    // The result type is the type of `value`.
    OpBuilder<(ins "ElementsAttr":$value), [{
      build($_builder, $_state, value.getType(), value);
    }]>];
  let hasCustomAssemblyFormat = 1;
  let hasFolder = 1;
  let hasVerifier = 1;
}

def Stablehlo_IotaOp : Stablehlo_Op<"iota", [Pure]> {
  let summary = "0, 1, 2, ... along one dimension";
  let description = [{
    `output[i0, ..., in] = i_{iota_dimension}`.

    ```mlir
    %0 = stablehlo.iota dim = 0 : tensor<4x5xi32>
    ```
  }];
  let arguments = (ins I64Attr:$iota_dimension);
  let results = (outs Stablehlo_Tensor:$output);
  let assemblyFormat = "`dim` `=` $iota_dimension attr-dict `:` type($output)";
  let hasVerifier = 1;
}

def Stablehlo_BroadcastInDimOp : Stablehlo_Op<"broadcast_in_dim", [Pure]> {
  let summary = "broadcast to a larger shape";
  let description = [{
    Operand dimension `k` becomes result dimension
    `broadcast_dimensions[k]`; it must have size 1 or the result's size
    there.

    ```mlir
    %0 = stablehlo.broadcast_in_dim %x, dims = [1] : (tensor<3xf32>) -> tensor<2x3xf32>
    ```
  }];
  let arguments = (ins Stablehlo_Tensor:$operand,
                   DenseI64ArrayAttr:$broadcast_dimensions);
  let results = (outs Stablehlo_Tensor:$result);
  let assemblyFormat = [{
    $operand `,` `dims` `=` custom<Dims>($broadcast_dimensions) attr-dict
        `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
  let hasFolder = 1;
}

def Stablehlo_ReshapeOp : Stablehlo_Op<"reshape", [Pure]> {
  let summary = "same elements in row-major order, new shape";
  let arguments = (ins Stablehlo_Tensor:$operand);
  let results = (outs Stablehlo_Tensor:$result);
  let assemblyFormat = "$operand attr-dict `:` functional-type(operands, results)";
  let hasVerifier = 1;
  let hasFolder = 1;
}

def Stablehlo_TransposeOp : Stablehlo_Op<"transpose", [Pure]> {
  let summary = "permute dimensions";
  let description = [{
    `result[i...] = operand[j...]` where `j[permutation[k]] = i[k]`, i.e.
    result dimension `k` is operand dimension `permutation[k]`.
  }];
  let arguments = (ins Stablehlo_Tensor:$operand,
                   DenseI64ArrayAttr:$permutation);
  let results = (outs Stablehlo_Tensor:$result);
  let assemblyFormat = [{
    $operand `,` `dims` `=` custom<Dims>($permutation) attr-dict
        `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
  let hasFolder = 1;
}

def Stablehlo_ConcatenateOp : Stablehlo_Op<"concatenate", [Pure]> {
  let summary = "join tensors along one dimension";
  let arguments = (ins Variadic<Stablehlo_Tensor>:$inputs,
                   I64Attr:$dimension);
  let results = (outs Stablehlo_Tensor:$result);
  let assemblyFormat = [{
    custom<VariadicOperandWithAttribute>($inputs) `dim` `=` $dimension
        attr-dict `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
}

def Stablehlo_SliceOp : Stablehlo_Op<"slice", [Pure]> {
  let summary = "static strided slice";
  let description = [{
    ```mlir
    %0 = stablehlo.slice %x [0:2, 1:7:2] : (tensor<4x8xf32>) -> tensor<2x3xf32>
    ```
    takes `start:limit:stride` per dimension (`limit` exclusive, stride 1 by
    default).
  }];
  let arguments = (ins Stablehlo_Tensor:$operand,
                   DenseI64ArrayAttr:$start_indices,
                   DenseI64ArrayAttr:$limit_indices,
                   DenseI64ArrayAttr:$strides);
  let results = (outs Stablehlo_Tensor:$result);
  let assemblyFormat = [{
    $operand custom<SliceRanges>($start_indices, $limit_indices, $strides)
        attr-dict `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
}

def Stablehlo_DynamicSliceOp : Stablehlo_Op<"dynamic_slice", [Pure]> {
  let summary = "slice at run-time start indices";
  let description = [{
    ```mlir
    %0 = stablehlo.dynamic_slice %x, %i, %j, sizes = [1, 2]
        : (tensor<3x4xf32>, tensor<i64>, tensor<i64>) -> tensor<1x2xf32>
    ```
    takes a 0-d integer start index per dimension, each clamped so that the
    slice fits in the operand.
  }];
  let arguments = (ins Stablehlo_Tensor:$operand,
                   Variadic<Stablehlo_IntTensor>:$start_indices,
                   DenseI64ArrayAttr:$slice_sizes);
  let results = (outs Stablehlo_Tensor:$result);
  let assemblyFormat = [{
    $operand `,` custom<VariadicOperandWithAttribute>($start_indices)
        `sizes` `=` custom<Dims>($slice_sizes)
        attr-dict `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
}

def Stablehlo_DynamicUpdateSliceOp
    : Stablehlo_Op<"dynamic_update_slice", [Pure]> {
  let summary = "overwrite a slice at run-time start indices";
  let description = [{
    ```mlir
    %0 = stablehlo.dynamic_update_slice %x, %update, %i, %j
        : (tensor<3x4xf32>, tensor<1x2xf32>, tensor<i64>, tensor<i64>)
        -> tensor<3x4xf32>
    ```
    returns `operand` with `update` written at the start indices, each
    clamped so that the update fits in the operand.
  }];
  let arguments = (ins Stablehlo_Tensor:$operand, Stablehlo_Tensor:$update,
                   Variadic<Stablehlo_IntTensor>:$start_indices);
  let results = (outs Stablehlo_Tensor:$result);
  let assemblyFormat = [{
    operands attr-dict `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
}

def Stablehlo_GatherOp : Stablehlo_Op<"gather", [Pure]> {
  let summary = "gather slices of the operand at start indices";
  let description = [{
    Gathers a slice of `slice_sizes` at each start index of `start_indices`
    (StableHLO's specification has the index arithmetic; start indices are
    clamped so that slices fit). JAX prints it in generic form, e.g. an
    embedding lookup:

    ```mlir
    %rows = "stablehlo.gather"(%table, %ids) <{
        dimension_numbers = #stablehlo.gather<offset_dims = [1],
          collapsed_slice_dims = [0], start_index_map = [0],
          index_vector_dim = 1>,
        slice_sizes = array<i64: 1, 64>}>
        : (tensor<1000x64xf32>, tensor<8x1xi32>) -> tensor<8x64xf32>
    ```
  }];
  let arguments = (ins Stablehlo_Tensor:$operand,
                   Stablehlo_IntTensor:$start_indices,
                   Stablehlo_GatherDimensionNumbersAttr:$dimension_numbers,
                   DenseI64ArrayAttr:$slice_sizes,
                   DefaultValuedOptionalAttr<BoolAttr, "false">:$indices_are_sorted);
  let results = (outs Stablehlo_Tensor:$result);
  let hasVerifier = 1;
}

def Stablehlo_PadOp : Stablehlo_Op<"pad", [Pure]> {
  let summary = "edge and interior padding";
  let description = [{
    Puts `interior_padding[d]` copies of `padding_value` between
    neighbouring elements of dimension `d`, then `edge_padding_low[d]` before
    and `edge_padding_high[d]` after it. Negative edge padding removes
    elements.
  }];
  let arguments = (ins Stablehlo_Tensor:$operand,
                   Stablehlo_Tensor:$padding_value,
                   DenseI64ArrayAttr:$edge_padding_low,
                   DenseI64ArrayAttr:$edge_padding_high,
                   DenseI64ArrayAttr:$interior_padding);
  let results = (outs Stablehlo_Tensor:$result);
  let assemblyFormat = [{
    $operand `,` $padding_value `,` `low` `=` custom<Dims>($edge_padding_low)
        `,` `high` `=` custom<Dims>($edge_padding_high)
        `,` `interior` `=` custom<Dims>($interior_padding)
        attr-dict `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
}

def Stablehlo_ReverseOp : Stablehlo_Op<"reverse",
    [Pure, SameOperandsAndResultType]> {
  let summary = "reverse the order of elements along dimensions";
  let arguments = (ins Stablehlo_Tensor:$operand,
                   DenseI64ArrayAttr:$dimensions);
  let results = (outs Stablehlo_Tensor:$result);
  let assemblyFormat = [{
    $operand `,` `dims` `=` custom<Dims>($dimensions) attr-dict `:`
        custom<SameOperandsAndResultType>(type($operand), type($result))
  }];
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Contractions and reductions
//===----------------------------------------------------------------------===//

def Stablehlo_DotGeneralOp : Stablehlo_Op<"dot_general", [Pure]> {
  let summary = "general tensor contraction";
  let description = [{
    The result has the batching dimensions, then the remaining dimensions
    of `lhs`, then those of `rhs`; contracting dimensions are summed over.

    ```mlir
    %0 = stablehlo.dot_general %a, %b, batching_dims = [0] x [0],
        contracting_dims = [2] x [1], precision = [DEFAULT, DEFAULT]
        : (tensor<2x3x4xf32>, tensor<2x4x5xf32>) -> tensor<2x3x5xf32>
    ```
  }];
  let arguments = (ins
      Stablehlo_Tensor:$lhs, Stablehlo_Tensor:$rhs,
      Stablehlo_DotDimensionNumbersAttr:$dot_dimension_numbers,
      OptionalAttr<Stablehlo_PrecisionConfigAttr>:$precision_config);
  let results = (outs Stablehlo_Tensor:$result);
  let hasCustomAssemblyFormat = 1;
  let hasVerifier = 1;
}

def Stablehlo_ConvolutionOp : Stablehlo_Op<"convolution", [Pure]> {
  let summary = "general N-d convolution";
  let description = [{
    StableHLO's convolution: `dimension_numbers` gives the layout of input,
    kernel and output; `window_strides`, `padding` (N x 2, may be
    negative), `lhs_dilation`, `rhs_dilation` and `window_reversal` describe
    the window; `feature_group_count` splits features into groups.

    ```mlir
    %0 = stablehlo.convolution(%x, %w)
        dim_numbers = [b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f],
        window = {stride = [2, 2], pad = [[1, 1], [1, 1]], rhs_dilate = [1, 1]}
        {batch_group_count = 1 : i64, feature_group_count = 1 : i64}
        : (tensor<1x8x8x3xf32>, tensor<3x3x3x4xf32>) -> tensor<1x4x4x4xf32>
    ```
  }];
  let arguments = (ins
      Stablehlo_Tensor:$lhs, Stablehlo_Tensor:$rhs,
      OptionalAttr<DenseI64ArrayAttr>:$window_strides,
      OptionalAttr<I64ElementsAttr>:$padding,
      OptionalAttr<DenseI64ArrayAttr>:$lhs_dilation,
      OptionalAttr<DenseI64ArrayAttr>:$rhs_dilation,
      OptionalAttr<DenseBoolArrayAttr>:$window_reversal,
      Stablehlo_ConvDimensionNumbersAttr:$dimension_numbers,
      I64Attr:$feature_group_count,
      I64Attr:$batch_group_count,
      OptionalAttr<Stablehlo_PrecisionConfigAttr>:$precision_config);
  let results = (outs Stablehlo_Tensor:$result);
  let hasCustomAssemblyFormat = 1;
  let hasVerifier = 1;
  let extraClassDeclaration = [{
    /// Number of spatial dimensions.
    int64_t getNumSpatialDims() {
      return getDimensionNumbers().getInputSpatialDimensions().size();
    }
    /// Window attributes with StableHLO's defaults filled in.
    SmallVector<int64_t> getStridesOrDefault();
    SmallVector<int64_t> getLhsDilationOrDefault();
    SmallVector<int64_t> getRhsDilationOrDefault();
    SmallVector<bool> getWindowReversalOrDefault();
    /// (low, high) padding per spatial dimension, zeros by default.
    SmallVector<std::pair<int64_t, int64_t>> getPaddingOrDefault();
  }];
}

def Stablehlo_ReduceOp : Stablehlo_Op<"reduce",
    [RecursiveMemoryEffects, SameVariadicOperandSize]> {
  let summary = "reduce tensors along dimensions with a body";
  let description = [{
    Reduces the `inputs` along `dimensions`, starting from `init_values`
    and combining with `body`, which takes the accumulated values then the
    new elements, all 0-d tensors. Short form for a single binary op:

    ```mlir
    %0 = stablehlo.reduce(%x init: %zero) applies stablehlo.add
        across dimensions = [1] : (tensor<4x8xf32>, tensor<f32>) -> tensor<4xf32>
    ```

    General form (here: argmax):

    ```mlir
    %0:2 = stablehlo.reduce(%v init: %ninf), (%i init: %c0)
        across dimensions = [0]
        : (tensor<8xf32>, tensor<8xi32>, tensor<f32>, tensor<i32>)
        -> (tensor<f32>, tensor<i32>)
     reducer(%a: tensor<f32>, %b: tensor<f32>) (%ia: tensor<i32>, %ib: tensor<i32>) {
      ...
      stablehlo.return %m, %im : tensor<f32>, tensor<i32>
    }
    ```
  }];
  let arguments = (ins Variadic<Stablehlo_Tensor>:$inputs,
                   Variadic<Stablehlo_Tensor>:$init_values,
                   DenseI64ArrayAttr:$dimensions);
  let results = (outs Variadic<Stablehlo_Tensor>);
  let regions = (region SizedRegion<1>:$body);
  let hasCustomAssemblyFormat = 1;
  let hasVerifier = 1;
  let hasRegionVerifier = 1;
}

def Stablehlo_ReduceWindowOp : Stablehlo_Op<"reduce_window",
    [RecursiveMemoryEffects, SameVariadicOperandSize]> {
  let summary = "reduce every window of tensors with a body";
  let description = [{
    Slides a window of `window_dimensions` (every `window_strides` elements,
    its elements `window_dilations` apart) over `inputs` padded with
    `init_values` (`padding`, N x 2, and `base_dilations` - 1 between
    elements), and reduces each window with `body`, which takes the
    accumulators then the elements, as stablehlo.reduce's does. JAX's
    max_pool, avg_pool and cumulative reductions lower to it, in generic
    form:

    ```mlir
    %r = "stablehlo.reduce_window"(%x, %neg_inf) <{
        window_dimensions = array<i64: 1, 2, 2, 1>,
        window_strides = array<i64: 1, 2, 2, 1>}> ({
    ^bb0(%acc: tensor<f32>, %v: tensor<f32>):
      %m = stablehlo.maximum %acc, %v : tensor<f32>
      stablehlo.return %m : tensor<f32>
    }) : (tensor<1x4x4x3xf32>, tensor<f32>) -> tensor<1x2x2x3xf32>
    ```
  }];
  let arguments = (ins Variadic<Stablehlo_Tensor>:$inputs,
                   Variadic<Stablehlo_Tensor>:$init_values,
                   DenseI64ArrayAttr:$window_dimensions,
                   OptionalAttr<DenseI64ArrayAttr>:$window_strides,
                   OptionalAttr<DenseI64ArrayAttr>:$base_dilations,
                   OptionalAttr<DenseI64ArrayAttr>:$window_dilations,
                   OptionalAttr<I64ElementsAttr>:$padding);
  let results = (outs Variadic<Stablehlo_Tensor>);
  let regions = (region SizedRegion<1>:$body);
  let hasVerifier = 1;
  let hasRegionVerifier = 1;
  let extraClassDeclaration = [{
    /// Window attributes with StableHLO's defaults (1) filled in.
    SmallVector<int64_t> getWindowStridesOrDefault();
    SmallVector<int64_t> getBaseDilationsOrDefault();
    SmallVector<int64_t> getWindowDilationsOrDefault();
    /// (low, high) padding per dimension, zeros by default.
    SmallVector<std::pair<int64_t, int64_t>> getPaddingOrDefault();
  }];
}

def Stablehlo_SelectAndScatterOp : Stablehlo_Op<"select_and_scatter",
    [RecursiveMemoryEffects]> {
  let summary = "scatter each source element to the element its window selects";
  let description = [{
    For each window of `operand` (`window_dimensions`, every
    `window_strides`, with `padding` N x 2 whose positions are never
    selected), `select` picks one element (it is called with the element
    picked so far and the next one, and returns true to keep the first),
    and `scatter` combines the window's element of `source` into that
    position of a result that starts as `init_value` everywhere. The
    gradient of max_pool; JAX prints it in generic form.
  }];
  let arguments = (ins Stablehlo_Tensor:$operand, Stablehlo_Tensor:$source,
                   Stablehlo_Tensor:$init_value,
                   OptionalAttr<DenseI64ArrayAttr>:$window_dimensions,
                   OptionalAttr<DenseI64ArrayAttr>:$window_strides,
                   OptionalAttr<I64ElementsAttr>:$padding);
  let results = (outs Stablehlo_Tensor:$result);
  let regions = (region SizedRegion<1>:$select, SizedRegion<1>:$scatter);
  let hasVerifier = 1;
  let hasRegionVerifier = 1;
  let extraClassDeclaration = [{
    /// Window attributes with StableHLO's defaults filled in (window
    /// dimensions and strides 1, no padding).
    SmallVector<int64_t> getWindowDimensionsOrDefault();
    SmallVector<int64_t> getWindowStridesOrDefault();
    SmallVector<std::pair<int64_t, int64_t>> getPaddingOrDefault();
  }];
}

//===----------------------------------------------------------------------===//
// Linear algebra and transforms
//===----------------------------------------------------------------------===//

def Stablehlo_TriangularSolveOp : Stablehlo_Op<"triangular_solve", [Pure]> {
  let summary = "solve a triangular linear system";
  let description = [{
    Solves `op(a) * x = b` (`left_side`) or `x * op(a) = b` for `x`, batch
    by batch, where `op(a)` is `a`, its transpose or its adjoint
    (`transpose_a`). Only the `lower` (or upper) triangle of `a` is read;
    with `unit_diagonal` its diagonal is taken to be ones. JAX's
    `jax.scipy.linalg.solve_triangular` prints it in generic form:

    ```mlir
    %x = "stablehlo.triangular_solve"(%a, %b) <{left_side = true,
        lower = true, transpose_a = #stablehlo<transpose NO_TRANSPOSE>,
        unit_diagonal = false}>
        : (tensor<4x4xf32>, tensor<4x3xf32>) -> tensor<4x3xf32>
    ```
  }];
  let arguments = (ins Stablehlo_FloatOrComplexTensor:$a,
                   Stablehlo_FloatOrComplexTensor:$b,
                   BoolAttr:$left_side, BoolAttr:$lower,
                   BoolAttr:$unit_diagonal,
                   Stablehlo_TransposeAttr:$transpose_a);
  let results = (outs Stablehlo_FloatOrComplexTensor:$result);
  let hasVerifier = 1;
}

def Stablehlo_FftOp : Stablehlo_Op<"fft", [Pure]> {
  let summary = "discrete Fourier transform over the last dimensions";
  let description = [{
    Transforms the last `fft_length.size()` (1 to 3) dimensions: FFT and
    IFFT complex to complex, RFFT real to the non-redundant half
    (`n / 2 + 1` values along the last dimension), IRFFT that half back to
    `fft_length` reals. The inverse transforms divide by the number of
    points. As `jnp.fft` prints it:

    ```mlir
    %y = stablehlo.fft %x, type =  RFFT, length = [16]
        : (tensor<4x16xf32>) -> tensor<4x9xcomplex<f32>>
    ```
  }];
  let arguments = (ins Stablehlo_FloatOrComplexTensor:$operand,
                   Stablehlo_FftTypeAttr:$fft_type,
                   DenseI64ArrayAttr:$fft_length);
  let results = (outs Stablehlo_FloatOrComplexTensor:$result);
  let assemblyFormat = [{
    $operand `,` `type` `=` $fft_type `,` `length` `=`
        custom<Dims>($fft_length) attr-dict
        `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
}

def Stablehlo_RngBitGeneratorOp
    : Stablehlo_Op<"rng_bit_generator", [Pure]> {
  let summary = "random bits from a counter-based generator";
  let description = [{
    Fills `output` with random bits from `initial_state` and returns the
    state to continue from. For THREE_FRY the state is `[key, counter]`;
    the bits are XLA's: Threefry-2x32 (20 rounds) of `counter + i` under
    `key`, for element i in row-major order, and the new state is
    `[key, counter + n]`. As `jax.random` prints it with the `rbg` and
    `unsafe_rbg` implementations:

    ```mlir
    %state, %bits = stablehlo.rng_bit_generator %s, algorithm = THREE_FRY
        : (tensor<2xui64>) -> (tensor<2xui64>, tensor<4x4xui32>)
    ```
  }];
  let arguments = (ins RankedTensorOf<[UI64, I64]>:$initial_state,
                   Stablehlo_RngAlgorithmAttr:$rng_algorithm);
  let results = (outs RankedTensorOf<[UI64, I64]>:$output_state,
                 RankedTensorOf<[Stablehlo_Int, Stablehlo_Float]>:$output);
  let assemblyFormat = [{
    $initial_state `,` `algorithm` `=` $rng_algorithm attr-dict
        `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
}

def Stablehlo_SortOp : Stablehlo_Op<"sort",
    [RecursiveMemoryEffects, SameOperandsAndResultShape]> {
  let summary = "sort tensors along a dimension with a comparator";
  let description = [{
    Sorts every 1-d slice of `inputs` along `dimension` (negative counts
    from the back), all inputs permuted alike. `comparator` takes the
    elements of two positions, input by input (`lhs0, rhs0, lhs1, rhs1,
    ...`), and returns whether the first goes before the second. yat always
    sorts stably, so `is_stable` holds either way. JAX prints it in generic
    form (`jnp.sort`, `jnp.argsort`, `lax.top_k` go through it):

    ```mlir
    %r = "stablehlo.sort"(%x) <{dimension = 0 : i64}> ({
    ^bb0(%a: tensor<f32>, %b: tensor<f32>):
      %lt = stablehlo.compare LT, %a, %b, TOTALORDER : (tensor<f32>, tensor<f32>) -> tensor<i1>
      stablehlo.return %lt : tensor<i1>
    }) : (tensor<5xf32>) -> tensor<5xf32>
    ```
  }];
  let arguments = (ins Variadic<Stablehlo_Tensor>:$inputs,
                   DefaultValuedAttr<I64Attr, "-1">:$dimension,
                   DefaultValuedAttr<BoolAttr, "false">:$is_stable);
  let results = (outs Variadic<Stablehlo_Tensor>);
  let regions = (region SizedRegion<1>:$comparator);
  let hasVerifier = 1;
  let hasRegionVerifier = 1;
  let extraClassDeclaration = [{
    /// `dimension` counted from the front.
    int64_t getSortDimension();
  }];
}

def Stablehlo_ScatterOp : Stablehlo_Op<"scatter",
    [RecursiveMemoryEffects, SameVariadicOperandSize]> {
  let summary = "combine slices of updates into copies of the inputs";
  let description = [{
    Returns copies of `inputs` in which each slice of `updates` has been
    combined, by `update_computation`, with the slice of the inputs that
    `scatter_indices` points at (StableHLO's specification has the index
    arithmetic). Updates that land out of bounds are skipped. JAX prints it
    in generic form:

    ```mlir
    %r = "stablehlo.scatter"(%x, %indices, %updates) <{
        scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1],
          inserted_window_dims = [0], scatter_dims_to_operand_dims = [0],
          index_vector_dim = 1>}> ({
    ^bb0(%old: tensor<f32>, %new: tensor<f32>):
      %sum = stablehlo.add %old, %new : tensor<f32>
      stablehlo.return %sum : tensor<f32>
    }) : (tensor<4x3xf32>, tensor<2x1xi64>, tensor<2x3xf32>) -> tensor<4x3xf32>
    ```
  }];
  let arguments = (ins Variadic<Stablehlo_Tensor>:$inputs,
                   Stablehlo_Tensor:$scatter_indices,
                   Variadic<Stablehlo_Tensor>:$updates,
                   Stablehlo_ScatterDimensionNumbersAttr:$scatter_dimension_numbers,
                   DefaultValuedOptionalAttr<BoolAttr, "false">:$indices_are_sorted,
                   DefaultValuedOptionalAttr<BoolAttr, "false">:$unique_indices);
  let results = (outs Variadic<Stablehlo_Tensor>);
  let regions = (region SizedRegion<1>:$update_computation);
  let hasVerifier = 1;
  let hasRegionVerifier = 1;
}

def Stablehlo_WhileOp : Stablehlo_Op<"while", [RecursiveMemoryEffects]> {
  let summary = "loop while a condition holds";
  let description = [{
    Runs `body` on the loop-carried values while `cond` returns true, and
    returns the last values. JAX's `lax.scan`, `lax.fori_loop` and
    `lax.while_loop` lower to it:

    ```mlir
    %0:2 = stablehlo.while(%i = %zero, %acc = %x) : tensor<i64>, tensor<4xf32>
     cond {
      %lt = stablehlo.compare  LT, %i, %n,  SIGNED : (tensor<i64>, tensor<i64>) -> tensor<i1>
      stablehlo.return %lt : tensor<i1>
    } do {
      %next = stablehlo.add %i, %one : tensor<i64>
      %twice = stablehlo.add %acc, %acc : tensor<4xf32>
      stablehlo.return %next, %twice : tensor<i64>, tensor<4xf32>
    }
    ```
  }];
  let arguments = (ins Variadic<Stablehlo_TensorOrTuple>:$operand);
  let results = (outs Variadic<Stablehlo_TensorOrTuple>);
  let regions = (region SizedRegion<1>:$cond, SizedRegion<1>:$body);
  let hasCustomAssemblyFormat = 1;
  let hasVerifier = 1;
  let hasRegionVerifier = 1;
}

def Stablehlo_IfOp : Stablehlo_Op<"if", [RecursiveMemoryEffects]> {
  let summary = "run one of two regions";
  let description = [{
    Runs `true_branch` when `pred` holds, `false_branch` otherwise, and
    returns what the branch returns. In generic form:

    ```mlir
    %r = "stablehlo.if"(%p) ({
      stablehlo.return %a : tensor<f32>
    }, {
      stablehlo.return %b : tensor<f32>
    }) : (tensor<i1>) -> tensor<f32>
    ```
  }];
  let arguments = (ins Stablehlo_PredTensor:$pred);
  let results = (outs Variadic<Stablehlo_TensorOrTuple>);
  let regions = (region SizedRegion<1>:$true_branch,
                        SizedRegion<1>:$false_branch);
  let hasRegionVerifier = 1;
}

def Stablehlo_CaseOp : Stablehlo_Op<"case", [RecursiveMemoryEffects]> {
  let summary = "run the region an index picks";
  let description = [{
    Runs branch `index` (the last branch when `index` is out of range) and
    returns what it returns. JAX's `lax.switch` and `lax.cond` print it in
    generic form:

    ```mlir
    %r = "stablehlo.case"(%i) ({
      stablehlo.return %a : tensor<f32>
    }, {
      stablehlo.return %b : tensor<f32>
    }) : (tensor<i32>) -> tensor<f32>
    ```
  }];
  let arguments = (ins RankedTensorOf<[I32]>:$index);
  let results = (outs Variadic<Stablehlo_TensorOrTuple>);
  let regions = (region VariadicRegion<SizedRegion<1>>:$branches);
  let hasVerifier = 1;
  let hasRegionVerifier = 1;
}

def Stablehlo_ReturnOp : Stablehlo_Op<"return",
    [Pure, Terminator, ReturnLike]> {
  let summary = "terminator of the regions of reduce, scatter and while";
  let description = [{
    Its verifier names the enclosing op when that is a StableHLO op outside
    yat's subset (reduce_window, sort, ... in generic form), which would
    otherwise only be reported after its body.
  }];
  let arguments = (ins Variadic<AnyTypeOf<[AnyRankedTensor, Stablehlo_Tuple]>>:$results);
  let assemblyFormat = "$results attr-dict (`:` type($results)^)?";
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Tuples
//===----------------------------------------------------------------------===//

def Stablehlo_TupleOp : Stablehlo_Op<"tuple", [Pure]> {
  let summary = "group values into a tuple";
  let description = [{
    Older HLO carries several loop or branch values as one tuple.
    `convert-stablehlo-to-linalg` flattens every tuple into its elements
    before lowering.

    ```mlir
    %t = stablehlo.tuple %i, %x : tuple<tensor<i32>, tensor<4xf32>>
    ```
  }];
  let arguments = (ins Variadic<Stablehlo_TensorOrTuple>:$val);
  let results = (outs Stablehlo_Tuple:$result);
  let assemblyFormat = [{
    $val attr-dict `:` custom<TupleOpType>(type($val), type($result))
  }];
  let builders = [OpBuilder<(ins "ValueRange":$values)>];
  let hasVerifier = 1;
}

def Stablehlo_GetTupleElementOp : Stablehlo_Op<"get_tuple_element", [Pure]> {
  let summary = "one element of a tuple";
  let description = [{
    ```mlir
    %x = stablehlo.get_tuple_element %t[1]
        : (tuple<tensor<i32>, tensor<4xf32>>) -> tensor<4xf32>
    ```
  }];
  let arguments = (ins Stablehlo_Tuple:$operand, I32Attr:$index);
  let results = (outs Stablehlo_TensorOrTuple:$result);
  let assemblyFormat = [{
    $operand `[` $index `]` attr-dict `:` functional-type(operands, results)
  }];
  let builders = [OpBuilder<(ins "Value":$tuple, "int32_t":$index)>];
  let hasVerifier = 1;
  let hasFolder = 1;
}

//===----------------------------------------------------------------------===//
// Calls
//===----------------------------------------------------------------------===//

def Stablehlo_CustomCallOp : Stablehlo_Op<"custom_call",
    [DeclareOpInterfaceMethods<MemoryEffectsOpInterface>]> {
  let summary = "call of an external target";
  let description = [{
    yat runs the `check.*` targets of StableHLO's test files
    (`check.expect_eq`, `check.expect_close`, `check.expect_almost_eq`,
    `check.eq`); `convert-stablehlo-to-linalg` rejects any other target with
    a diagnostic naming it.

    ```mlir
    stablehlo.custom_call @check.expect_close(%r, %e) {has_side_effect = true}
        : (tensor<4xf32>, tensor<4xf32>) -> ()
    ```
  }];
  let arguments = (ins Variadic<AnyType>:$inputs,
                   StrAttr:$call_target_name,
                   DefaultValuedOptionalAttr<BoolAttr, "false">:$has_side_effect,
                   OptionalAttr<AnyAttr>:$backend_config,
                   OptionalAttr<Stablehlo_CustomCallApiVersionAttr>:$api_version);
  let results = (outs Variadic<AnyType>);
  let assemblyFormat = [{
    custom<CustomCallTarget>($call_target_name) `(` $inputs `)` attr-dict
        `:` functional-type(operands, results)
  }];
}

def Stablehlo_CompositeOp : Stablehlo_Op<"composite",
    [DeclareOpInterfaceMethods<SymbolUserOpInterface>]> {
  let summary = "a named op defined by a decomposition function";
  let description = [{
    Behaves as a call of `decomposition`; `name`, `composite_attributes` and
    `version` let a consumer recognize the op.

    ```mlir
    %0 = stablehlo.composite "my.gelu" %x {decomposition = @gelu_impl}
        : (tensor<4xf32>) -> tensor<4xf32>
    ```
  }];
  let arguments = (ins
      Variadic<AnyType>:$inputs,
      StrAttr:$name,
      DefaultValuedOptionalAttr<DictionaryAttr, "{}">:$composite_attributes,
      FlatSymbolRefAttr:$decomposition,
      DefaultValuedOptionalAttr<I32Attr, "0">:$version);
  let results = (outs Variadic<AnyType>);
  let assemblyFormat = [{
    $name $inputs attr-dict `:` functional-type(operands, results)
  }];
}

#endif // YAT_DIALECT_STABLEHLO_IR_STABLEHLOOPS_TD
