//===- Passes.td - StableHLO conversion passes -------------*- tablegen -*-===//

#ifndef YAT_CONVERSION_STABLEHLOTOLINALG_PASSES_TD
#define YAT_CONVERSION_STABLEHLOTOLINALG_PASSES_TD

include "mlir/Pass/PassBase.td"

def ConvertStablehloToLinalg
    : Pass<"convert-stablehlo-to-linalg", "::mlir::ModuleOp"> {
  let summary = "Lower yat's StableHLO subset to linalg, tensor, arith and math";
  let description = [{
    Lowers every op of the `stablehlo` dialect (yat's front-end subset, see
    docs/STABLEHLO.md) to ops on tensors that the rest of yat's pipelines
    compile: `linalg.generic`, `linalg.transpose`, `linalg.fill`,
    `tensor.{empty,extract,extract_slice,insert_slice,collapse_shape,
    expand_shape}`, `arith` and `math`. The module is processed in five
    steps; the first two are the passes of `stablehlo-preprocess`, run as
    a nested pipeline:

    1. Calls: `stablehlo-expand-chlo` turns the CHLO ops that JAX prints
       as shorthand (`chlo.square x`, `chlo.top_k`) into stablehlo;
       `stablehlo-legalize-composite-to-call` makes each
       `stablehlo.composite` a `func.call` of its decomposition; then
       `stablehlo-inline-private-calls` inlines every call of a private
       function and erases private functions left without uses (this is
       how the `@inputs`/`@expected` helpers of StableHLO test files
       disappear). Recursive calls are an error.
    2. Tuples (`stablehlo-flatten-tuples`): every tuple that
       `stablehlo.while`, `if`, `case`, a call or a function signature
       carries is replaced by its tensors, depth first, and
       `get_tuple_element` of `tuple` folds away.
    3. Validation: every stablehlo op must have static shapes and
       element types in {i1, i8, i16, i32, i64, ui8, ui16, ui32, ui64, f16,
       bf16, f32, f64, complex<f32>, complex<f64>};
       `custom_call` targets must be one of the `check.*` targets;
       `dense_resource` constants must have their blob. Each problem is
       reported at the op with a diagnostic that names it, and the pass
       fails before any op is lowered.
    4. Checks: `custom_call @check.expect_eq/expect_close/expect_almost_eq/eq`
       become calls of the runtime functions
       `yat_check_<kind>_<element type>` (declared with
       `llvm.emit_c_interface`, defined in yat's runtime library, see
       `yat/Support/CheckABI.h`), passing both tensors as unranked memrefs
       (`bufferization.to_buffer` + `memref.cast`), the check's source
       location as an i8 memref and a flag word. The flag marks checks whose
       actual value is computed by a dot_general, convolution or reduce,
       which the runtime compares with the reassociation tolerance.
    5. Everything else, by dialect conversion with a type converter that
       turns unsigned integers into signless ones of the same width (in
       function signatures and loop-carried values too); every pattern
       reads the unsigned semantics from the stablehlo op's own types:
       - elementwise ops (incl. compare, select, clamp, convert, shifts,
         is_finite, reduce_precision and the CHLO special functions, see
         docs/STABLEHLO.md) become one all-parallel `linalg.generic`; 0-d operands of select and clamp
         broadcast. f16/bf16 transcendental functions compute in f32.
         Integer divide/remainder follow XLA for the cases C leaves
         undefined (x/0 = -1, x%0 = x, INT_MIN/-1 = INT_MIN,
         INT_MIN%-1 = 0); float-to-integer converts truncate, saturate and
         map NaN to 0; `exponential_minus_one` and `log_plus_one` use
         cancellation-free formulas;
       - constant, iota, broadcast_in_dim, reshape (collapse/expand),
         transpose, concatenate (insert_slice chain), slice (strided
         extract_slice), pad (fill + strided insert_slice, then a crop for
         negative edges), reverse, bitcast_convert;
       - dot_general and convolution become one `linalg.generic`
         contraction each, accumulating in f32 for f16/bf16 (f64 for f64) and
         in the result type for integers; convolution handles any
         dimension numbers, strides, padding, lhs/rhs dilation,
         window reversal and feature groups (batch_group_count must be 1);
       - reduce becomes one `linalg.generic` with an output per result, its
         body translated op by op into scalar arith (any body built from
         elementwise ops, e.g. argmax/argmin);
       - reduce_window pads and base-dilates its inputs with the init
         values, then becomes one `linalg.generic` over the result
         positions and the window positions (bounded by a `tensor.empty`
         of the window's shape), with the body translated as reduce's;
       - gather becomes one parallel `linalg.generic` that extracts operand
         elements at clamped start indices; dynamic_slice and
         dynamic_update_slice become tensor.extract_slice / insert_slice;
       - while becomes `scf.while`, its regions lowered in place; if
         becomes `scf.if` and case `scf.index_switch` (the last branch as
         the default, for out-of-range indices too);
       - sort becomes a stable insertion sort of each slice in scf loops
         (`scf.for` over positions, `scf.while` swapping left while the
         translated comparator says so); chlo.top_k was expanded into a
         sort and slices first;
       - scatter becomes an `scf.for` nest over the update windows carrying
         the results, with an inner loop over each window and the update
         computation translated the same way; a window that does not fit
         at its start index is skipped, as XLA does;
       - select_and_scatter becomes an `scf.for` nest over the source with
         an inner nest over each window that carries the selection, then
         the scatter body at the selected position.
  }];
  let dependentDialects = [
    "::mlir::arith::ArithDialect",
    "::mlir::bufferization::BufferizationDialect",
    "::mlir::complex::ComplexDialect",
    "::mlir::func::FuncDialect",
    "::mlir::linalg::LinalgDialect",
    "::mlir::math::MathDialect",
    "::mlir::memref::MemRefDialect",
    "::mlir::scf::SCFDialect",
    "::mlir::tensor::TensorDialect",
  ];
}

#endif // YAT_CONVERSION_STABLEHLOTOLINALG_PASSES_TD
