//===- StablehloAttrs.td - StableHLO attributes ------------*- tablegen -*-===//
//
// The attributes keep StableHLO's spelling so that both textual forms of
// files produced by JAX parse: enums print as `#stablehlo<precision DEFAULT>`
// and structured attributes as `#stablehlo.dot<...>` / `#stablehlo.conv<...>`.
//
//===----------------------------------------------------------------------===//

#ifndef YAT_DIALECT_STABLEHLO_IR_STABLEHLOATTRS_TD
#define YAT_DIALECT_STABLEHLO_IR_STABLEHLOATTRS_TD

include "yat/Dialect/StableHLO/IR/StablehloDialect.td"
include "mlir/IR/AttrTypeBase.td"
include "mlir/IR/EnumAttr.td"

//===----------------------------------------------------------------------===//
// Enums
//===----------------------------------------------------------------------===//

def Stablehlo_ComparisonDirection : I32EnumAttr<"ComparisonDirection",
    "which comparison stablehlo.compare performs", [
      I32EnumAttrCase<"EQ", 0>, I32EnumAttrCase<"NE", 1>,
      I32EnumAttrCase<"GE", 2>, I32EnumAttrCase<"GT", 3>,
      I32EnumAttrCase<"LE", 4>, I32EnumAttrCase<"LT", 5>]> {
  let genSpecializedAttr = 0;
  let cppNamespace = "::mlir::yat::stablehlo";
}

def Stablehlo_ComparisonDirectionAttr
    : EnumAttr<Stablehlo_Dialect, Stablehlo_ComparisonDirection,
               "comparison_direction"> {
  let assemblyFormat = "$value";
}

def Stablehlo_ComparisonType : I32EnumAttr<"ComparisonType",
    "how stablehlo.compare orders its operands", [
      I32EnumAttrCase<"NOTYPE", 0>, I32EnumAttrCase<"FLOAT", 1>,
      I32EnumAttrCase<"TOTALORDER", 2>, I32EnumAttrCase<"SIGNED", 3>,
      I32EnumAttrCase<"UNSIGNED", 4>]> {
  let genSpecializedAttr = 0;
  let cppNamespace = "::mlir::yat::stablehlo";
}

def Stablehlo_ComparisonTypeAttr
    : EnumAttr<Stablehlo_Dialect, Stablehlo_ComparisonType,
               "comparison_type"> {
  let assemblyFormat = "$value";
}

def Stablehlo_Precision : I32EnumAttr<"Precision",
    "precision hint of dot_general and convolution operands", [
      I32EnumAttrCase<"DEFAULT", 0>, I32EnumAttrCase<"HIGH", 1>,
      I32EnumAttrCase<"HIGHEST", 2>]> {
  let genSpecializedAttr = 0;
  let cppNamespace = "::mlir::yat::stablehlo";
}

def Stablehlo_PrecisionAttr
    : EnumAttr<Stablehlo_Dialect, Stablehlo_Precision, "precision"> {
  let assemblyFormat = "$value";
}

def Stablehlo_PrecisionConfigAttr
    : TypedArrayAttrBase<Stablehlo_PrecisionAttr, "precision config">;

def Stablehlo_CustomCallApiVersion : I32EnumAttr<"CustomCallApiVersion",
    "calling convention of a stablehlo.custom_call target", [
      I32EnumAttrCase<"API_VERSION_UNSPECIFIED", 0>,
      I32EnumAttrCase<"API_VERSION_ORIGINAL", 1>,
      I32EnumAttrCase<"API_VERSION_STATUS_RETURNING", 2>,
      I32EnumAttrCase<"API_VERSION_STATUS_RETURNING_UNIFIED", 3>,
      I32EnumAttrCase<"API_VERSION_TYPED_FFI", 4>]> {
  let genSpecializedAttr = 0;
  let cppNamespace = "::mlir::yat::stablehlo";
}

def Stablehlo_CustomCallApiVersionAttr
    : EnumAttr<Stablehlo_Dialect, Stablehlo_CustomCallApiVersion,
               "custom_call_api_version"> {
  let assemblyFormat = "$value";
}

def Stablehlo_Transpose : I32EnumAttr<"Transpose",
    "which form of `a` stablehlo.triangular_solve uses", [
      I32EnumAttrCase<"TRANSPOSE_INVALID", 0>,
      I32EnumAttrCase<"NO_TRANSPOSE", 1>, I32EnumAttrCase<"TRANSPOSE", 2>,
      I32EnumAttrCase<"ADJOINT", 3>]> {
  let genSpecializedAttr = 0;
  let cppNamespace = "::mlir::yat::stablehlo";
}

def Stablehlo_TransposeAttr
    : EnumAttr<Stablehlo_Dialect, Stablehlo_Transpose, "transpose"> {
  let assemblyFormat = "$value";
}

def Stablehlo_FftType : I32EnumAttr<"FftType",
    "which transform stablehlo.fft computes", [
      I32EnumAttrCase<"FFT", 0>, I32EnumAttrCase<"IFFT", 1>,
      I32EnumAttrCase<"RFFT", 2>, I32EnumAttrCase<"IRFFT", 3>]> {
  let genSpecializedAttr = 0;
  let cppNamespace = "::mlir::yat::stablehlo";
}

def Stablehlo_FftTypeAttr
    : EnumAttr<Stablehlo_Dialect, Stablehlo_FftType, "fft_type"> {
  let assemblyFormat = "$value";
}

def Stablehlo_RngAlgorithm : I32EnumAttr<"RngAlgorithm",
    "the bit generator of stablehlo.rng_bit_generator", [
      I32EnumAttrCase<"DEFAULT", 0>, I32EnumAttrCase<"THREE_FRY", 1>,
      I32EnumAttrCase<"PHILOX", 2>]> {
  let genSpecializedAttr = 0;
  let cppNamespace = "::mlir::yat::stablehlo";
}

def Stablehlo_RngAlgorithmAttr
    : EnumAttr<Stablehlo_Dialect, Stablehlo_RngAlgorithm, "rng_algorithm"> {
  let assemblyFormat = "$value";
}

//===----------------------------------------------------------------------===//
// Structured attributes
//===----------------------------------------------------------------------===//

def Stablehlo_Dims : ArrayRefParameter<"int64_t", "dimension numbers">;

def Stablehlo_DotDimensionNumbersAttr
    : AttrDef<Stablehlo_Dialect, "DotDimensionNumbers"> {
  let mnemonic = "dot";
  let summary = "batching and contracting dimensions of stablehlo.dot_general";
  let description = [{
    Prints as `#stablehlo.dot<lhs_batching_dimensions = [0],
    rhs_batching_dimensions = [0], lhs_contracting_dimensions = [2],
    rhs_contracting_dimensions = [1]>`; empty lists are left out.
  }];
  let parameters = (ins Stablehlo_Dims:$lhsBatchingDimensions,
                        Stablehlo_Dims:$rhsBatchingDimensions,
                        Stablehlo_Dims:$lhsContractingDimensions,
                        Stablehlo_Dims:$rhsContractingDimensions);
  let hasCustomAssemblyFormat = 1;
}

def Stablehlo_ConvDimensionNumbersAttr
    : AttrDef<Stablehlo_Dialect, "ConvDimensionNumbers"> {
  let mnemonic = "conv";
  let summary = "operand and result layouts of stablehlo.convolution";
  let description = [{
    Prints in StableHLO's compact form
    `#stablehlo.conv<[b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f]>`: one list per
    operand (input, kernel, output) where position `k` names what dimension
    `k` holds: `b` batch, `f` feature, `i`/`o` kernel input/output feature,
    and a number for a spatial dimension. The explicit form
    `#stablehlo.conv<raw input_batch_dimension = 0, ...>` (with or without
    `raw`) parses too.
  }];
  let parameters = (ins "int64_t":$inputBatchDimension,
                        "int64_t":$inputFeatureDimension,
                        Stablehlo_Dims:$inputSpatialDimensions,
                        "int64_t":$kernelInputFeatureDimension,
                        "int64_t":$kernelOutputFeatureDimension,
                        Stablehlo_Dims:$kernelSpatialDimensions,
                        "int64_t":$outputBatchDimension,
                        "int64_t":$outputFeatureDimension,
                        Stablehlo_Dims:$outputSpatialDimensions);
  let hasCustomAssemblyFormat = 1;
  let extraClassDeclaration = [{
    /// Prints the compact `[b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f]` form.
    void printCompact(AsmPrinter &printer) const;
    /// Parses the compact form; emits a diagnostic and returns null on error.
    static ConvDimensionNumbersAttr parseCompact(AsmParser &parser);
  }];
}

def Stablehlo_ScatterDimensionNumbersAttr
    : AttrDef<Stablehlo_Dialect, "ScatterDimensionNumbers"> {
  let mnemonic = "scatter";
  let summary = "how stablehlo.scatter maps updates onto its inputs";
  let description = [{
    Prints as `#stablehlo.scatter<update_window_dims = [1],
    inserted_window_dims = [0], input_batching_dims = [2],
    scatter_indices_batching_dims = [0], scatter_dims_to_operand_dims = [0],
    index_vector_dim = 1>`; empty lists and `index_vector_dim = 0` are left
    out. The fields mean what StableHLO's specification says.
  }];
  let parameters = (ins Stablehlo_Dims:$updateWindowDims,
                        Stablehlo_Dims:$insertedWindowDims,
                        Stablehlo_Dims:$inputBatchingDims,
                        Stablehlo_Dims:$scatterIndicesBatchingDims,
                        Stablehlo_Dims:$scatterDimsToOperandDims,
                        "int64_t":$indexVectorDim);
  let hasCustomAssemblyFormat = 1;
}

def Stablehlo_GatherDimensionNumbersAttr
    : AttrDef<Stablehlo_Dialect, "GatherDimensionNumbers"> {
  let mnemonic = "gather";
  let summary = "how stablehlo.gather maps start indices onto its operand";
  let description = [{
    Prints as `#stablehlo.gather<offset_dims = [1],
    collapsed_slice_dims = [0], operand_batching_dims = [2],
    start_indices_batching_dims = [0], start_index_map = [0],
    index_vector_dim = 1>`; empty lists and `index_vector_dim = 0` are left
    out. The fields mean what StableHLO's specification says.
  }];
  let parameters = (ins Stablehlo_Dims:$offsetDims,
                        Stablehlo_Dims:$collapsedSliceDims,
                        Stablehlo_Dims:$operandBatchingDims,
                        Stablehlo_Dims:$startIndicesBatchingDims,
                        Stablehlo_Dims:$startIndexMap,
                        "int64_t":$indexVectorDim);
  let hasCustomAssemblyFormat = 1;
}

#endif // YAT_DIALECT_STABLEHLO_IR_STABLEHLOATTRS_TD
