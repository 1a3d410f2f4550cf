// Every problem with the module (it cannot be read, parsed, verified or
// lowered, or has no usable entry) ends with one line on stderr naming it
// and exit status 1.
// RUN: rm -rf %t && %python %S/Inputs/make-inputs.py %t
// RUN: %python %S/Inputs/expect-exit.py 1 yat-run %S/Inputs/malformed.mlir --random-inputs | FileCheck %s --check-prefix=MALFORMED
// MLIR's parser would exhaust memory on this use (see parseModuleFile).
// RUN: %python %S/Inputs/expect-exit.py 1 yat-run %S/Inputs/huge-result-number.mlir --random-inputs | FileCheck %s --check-prefix=HUGE-RESULT
// RUN: %python %S/Inputs/expect-exit.py 1 yat-run %t/missing.mlir | FileCheck %s --check-prefix=MISSING
// RUN: %python %S/Inputs/expect-exit.py 1 yat-run %t/a_2x3_f32.npy | FileCheck %s --check-prefix=BINARY
// RUN: %python %S/Inputs/expect-exit.py 1 yat-run %S/Inputs/invalid-op.mlir --random-inputs | FileCheck %s --check-prefix=INVALID
// RUN: %python %S/Inputs/expect-exit.py 1 yat-run %S/Inputs/unsupported-op.mlir --input=%t/v_4_f32.npy | FileCheck %s --check-prefix=NO-LOWERING
// RUN: %python %S/Inputs/expect-exit.py 1 yat-run %S/Inputs/undefined-function.mlir --input=%t/v_4_f32.npy | FileCheck %s --check-prefix=UNDEFINED
// RUN: %python %S/Inputs/expect-exit.py 1 yat-run %s --entry=missing | FileCheck %s --check-prefix=NO-ENTRY
// RUN: %python %S/Inputs/expect-exit.py 1 yat-run %s --entry=declared | FileCheck %s --check-prefix=DECLARATION
// RUN: %python %S/Inputs/expect-exit.py 1 yat-run %s --entry=scalar | FileCheck %s --check-prefix=SCALAR
// RUN: %python %S/Inputs/expect-exit.py 1 yat-run %s --entry=unranked | FileCheck %s --check-prefix=UNRANKED
// RUN: %python %S/Inputs/expect-exit.py 1 yat-run %s --entry=signed_result | FileCheck %s --check-prefix=SIGNED
// RUN: %python %S/Inputs/expect-exit.py 1 yat-run %s --target=tpu | FileCheck %s --check-prefix=BAD-FLAG

// HUGE-RESULT: yat-run: error: {{.*}}huge-result-number.mlir:2:10: result number 2147483647 of '%0#2147483647' is out of range
// MALFORMED: yat-run: error: {{.*}}malformed.mlir:2:34: expected ')'
// MISSING: yat-run: error: cannot read '{{.*}}missing.mlir': No such file or directory
// BINARY: yat-run: error: {{.*}}a_2x3_f32.npy:1:1:
// INVALID: yat-run: error: {{.*}}invalid-op.mlir:3:8: 'yat.product' op
// NO-LOWERING: yat-run: error: {{.*}}unsupported-op.mlir:3:8: 'gpu.thread_id' cannot be lowered to the LLVM dialect for the CPU
// UNDEFINED: yat-run: error: function '@mystery' is called but neither defined in the module nor provided by the runtime
// NO-ENTRY: yat-run: error: no function '@missing' in the module (functions: @main, @scalar, @unranked, @signed_result)
// DECLARATION: yat-run: error: function '@declared' is a declaration without a body
// SCALAR: yat-run: error: argument 0 of '@scalar' has type f32; only ranked tensors of f32, f64, f16, bf16, i8, i16, i32, i64, ui8, ui16, ui32, ui64, i1, complex<f32> or complex<f64> can be passed
// UNRANKED: yat-run: error: argument 0 of '@unranked' has type tensor<*xf32>; only ranked tensors
// SIGNED: yat-run: error: result 0 of '@signed_result' has type tensor<2xsi8>; only ranked tensors
// BAD-FLAG: yat-run: for the --target option: Cannot find option named 'tpu'!

func.func @main(%a: tensor<2xf32>) -> tensor<2xf32> {
  return %a : tensor<2xf32>
}

func.func private @declared(tensor<2xf32>) -> tensor<2xf32>

func.func @scalar(%a: f32) -> f32 {
  return %a : f32
}

func.func @unranked(%a: tensor<*xf32>) -> tensor<*xf32> {
  return %a : tensor<*xf32>
}

func.func @signed_result(%a: tensor<2xf32>) -> tensor<2xsi8> {
  %empty = tensor.empty() : tensor<2xsi8>
  return %empty : tensor<2xsi8>
}
