// Every problem with the inputs or the requested outputs ends with one line
// on stderr naming it and exit status 2, before anything runs.
// RUN: rm -rf %t && %python %S/Inputs/make-inputs.py %t
// RUN: %python %S/Inputs/expect-exit.py 2 yat-run %s --input=%t/a_2x3_f32.npy | FileCheck %s --check-prefix=TOO-FEW
// RUN: %python %S/Inputs/expect-exit.py 2 yat-run %s | FileCheck %s --check-prefix=NONE
// RUN: %python %S/Inputs/expect-exit.py 2 yat-run %s --input=%t/a_2x3_f32.npy --input=%t/b_3x4_f32.npy --input=%t/b_3x4_f32.npy | FileCheck %s --check-prefix=TOO-MANY
// RUN: %python %S/Inputs/expect-exit.py 2 yat-run %s --input=%t/a_2x3_f32.npy --input=%t/a_2x3_f32.npy | FileCheck %s --check-prefix=SHAPE
// RUN: %python %S/Inputs/expect-exit.py 2 yat-run %s --input=%t/a_2x3_f32.npy --input=%t/v_4_f32.npy | FileCheck %s --check-prefix=RANK
// RUN: %python %S/Inputs/expect-exit.py 2 yat-run %s --input=%t/v_4_i32.npy --input=%t/b_3x4_f32.npy | FileCheck %s --check-prefix=DTYPE
// RUN: %python %S/Inputs/expect-exit.py 2 yat-run %s --entry=half --input=%t/v_4_f64.npy | FileCheck %s --check-prefix=BF16
// RUN: %python %S/Inputs/expect-exit.py 2 yat-run %s --input=%t/missing.npy --input=%t/b_3x4_f32.npy | FileCheck %s --check-prefix=MISSING
// RUN: %python %S/Inputs/expect-exit.py 2 yat-run %s --input=%t --input=%t/b_3x4_f32.npy | FileCheck %s --check-prefix=DIRECTORY
// RUN: %python %S/Inputs/expect-exit.py 2 yat-run %s --input=%t/a_2x3_f32.npy --input=%t/b_3x4_f32.npy --output=%t/1.npy --output=%t/2.npy | FileCheck %s --check-prefix=OUTPUTS
// RUN: %python %S/Inputs/expect-exit.py 2 yat-run %s --input=%t/a_2x3_f32.npy --input=%t/b_3x4_f32.npy --output=%t/no-such-dir/y.npy | FileCheck %s --check-prefix=UNWRITABLE
// RUN: %python %S/Inputs/expect-exit.py 2 yat-run %s --random-inputs --input=%t/a_2x3_f32.npy | FileCheck %s --check-prefix=RANDOM-AND-INPUT
// RUN: %python %S/Inputs/expect-exit.py 2 yat-run %s --entry=dynamic --random-inputs | FileCheck %s --check-prefix=RANDOM-DYNAMIC
// RUN: %python %S/Inputs/expect-exit.py 2 yat-run %s --random-inputs --benchmark=0 | FileCheck %s --check-prefix=BENCHMARK-ZERO

// Malformed or unsupported .npy files.
// RUN: %python %S/Inputs/expect-exit.py 2 yat-run %s --input=%t/bad_magic.npy --input=%t/b_3x4_f32.npy | FileCheck %s --check-prefix=BAD-MAGIC
// RUN: %python %S/Inputs/expect-exit.py 2 yat-run %s --input=%t/empty_file.npy --input=%t/b_3x4_f32.npy | FileCheck %s --check-prefix=EMPTY-FILE
// RUN: %python %S/Inputs/expect-exit.py 2 yat-run %s --input=%t/bad_version.npy --input=%t/b_3x4_f32.npy | FileCheck %s --check-prefix=BAD-VERSION
// RUN: %python %S/Inputs/expect-exit.py 2 yat-run %s --input=%t/header_overrun.npy --input=%t/b_3x4_f32.npy | FileCheck %s --check-prefix=PAST-END
// RUN: %python %S/Inputs/expect-exit.py 2 yat-run %s --input=%t/bad_header.npy --input=%t/b_3x4_f32.npy | FileCheck %s --check-prefix=BAD-HEADER
// RUN: %python %S/Inputs/expect-exit.py 2 yat-run %s --input=%t/missing_key.npy --input=%t/b_3x4_f32.npy | FileCheck %s --check-prefix=MISSING-KEY
// RUN: %python %S/Inputs/expect-exit.py 2 yat-run %s --input=%t/negative_dim.npy --input=%t/b_3x4_f32.npy | FileCheck %s --check-prefix=NEGATIVE
// RUN: %python %S/Inputs/expect-exit.py 2 yat-run %s --input=%t/truncated_data.npy --input=%t/b_3x4_f32.npy | FileCheck %s --check-prefix=TRUNCATED
// RUN: %python %S/Inputs/expect-exit.py 2 yat-run %s --input=%t/trailing_data.npy --input=%t/b_3x4_f32.npy | FileCheck %s --check-prefix=TRAILING
// RUN: %python %S/Inputs/expect-exit.py 2 yat-run %s --input=%t/huge_shape.npy --input=%t/b_3x4_f32.npy | FileCheck %s --check-prefix=HUGE
// RUN: %python %S/Inputs/expect-exit.py 2 yat-run %s --input=%t/large_shape_short_data.npy --input=%t/b_3x4_f32.npy | FileCheck %s --check-prefix=LARGE-SHORT
// RUN: %python %S/Inputs/expect-exit.py 2 yat-run %s --input=%t/empty_overflowing_dims.npy --input=%t/b_3x4_f32.npy | FileCheck %s --check-prefix=EMPTY-OVERFLOW
// RUN: %python %S/Inputs/expect-exit.py 2 yat-run %s --input=%t/fortran_2x3_f32.npy --input=%t/b_3x4_f32.npy | FileCheck %s --check-prefix=FORTRAN
// RUN: %python %S/Inputs/expect-exit.py 2 yat-run %s --input=%t/bigendian_2x3_f32.npy --input=%t/b_3x4_f32.npy | FileCheck %s --check-prefix=BIG-ENDIAN
// RUN: %python %S/Inputs/expect-exit.py 2 yat-run %s --input=%t/str_2.npy --input=%t/b_3x4_f32.npy | FileCheck %s --check-prefix=STRINGS
// RUN: %python %S/Inputs/expect-exit.py 2 yat-run %s --input=%t/c64_2x3.npy --input=%t/b_3x4_f32.npy | FileCheck %s --check-prefix=COMPLEX
// RUN: %python %S/Inputs/expect-exit.py 2 yat-run %s --input=%t/u32_2x3.npy --input=%t/b_3x4_f32.npy | FileCheck %s --check-prefix=UNSIGNED

// TOO-FEW: yat-run: error: '@main' takes 2 arguments but 1 --input file was given
// NONE: yat-run: error: '@main' takes 2 arguments but 0 --input files were given
// TOO-MANY: yat-run: error: '@main' takes 2 arguments but 3 --input files were given
// SHAPE: yat-run: error: argument 1: expected tensor<3x4xf32>, got tensor<2x3xf32> (dimension 0 is 2 instead of 3)
// RANK: yat-run: error: argument 1: expected tensor<3x4xf32>, got tensor<4xf32> (rank 1 instead of 2)
// DTYPE: yat-run: error: argument 0: expected tensor<2x3xf32>, got tensor<4xi32> (element type i32 instead of f32)
// BF16: yat-run: error: argument 0: expected tensor<4xbf16>, got tensor<4xf64> (element type f64 instead of bf16; bf16 arguments are given as f32 arrays)
// MISSING: yat-run: error: argument 0: cannot read '{{.*}}missing.npy': No such file or directory
// DIRECTORY: yat-run: error: argument 0: cannot read '{{.*}}': is a directory
// OUTPUTS: yat-run: error: '@main' returns 1 result but 2 --output files were given
// UNWRITABLE: yat-run: error: cannot write '{{.*}}no-such-dir{{.}}y.npy': No such file or directory
// RANDOM-AND-INPUT: yat-run: error: --random-inputs cannot be combined with --input
// RANDOM-DYNAMIC: yat-run: error: argument 0 has type tensor<?x3xf32>; random arguments need a static shape, pass this argument as an .npy file instead
// BENCHMARK-ZERO: yat-run: error: --benchmark needs a positive number of calls
// BAD-MAGIC: yat-run: error: argument 0: '{{.*}}bad_magic.npy' is not a valid .npy file: missing the \x93NUMPY magic
// EMPTY-FILE: yat-run: error: argument 0: '{{.*}}empty_file.npy' is not a valid .npy file: missing the \x93NUMPY magic
// BAD-VERSION: yat-run: error: argument 0: '{{.*}}bad_version.npy' is not a valid .npy file: unsupported format version 9.0
// PAST-END: yat-run: error: argument 0: '{{.*}}header_overrun.npy' is not a valid .npy file: header length 255 runs past the end of the file
// BAD-HEADER: yat-run: error: argument 0: '{{.*}}bad_header.npy' is not a valid .npy file: bad header: expected True or False for 'fortran_order'
// MISSING-KEY: yat-run: error: argument 0: '{{.*}}missing_key.npy' is not a valid .npy file: bad header: missing one of the keys 'descr', 'fortran_order', 'shape'
// NEGATIVE: yat-run: error: argument 0: '{{.*}}negative_dim.npy' is not a valid .npy file: bad header: expected a non-negative integer in 'shape'
// TRUNCATED: yat-run: error: argument 0: '{{.*}}truncated_data.npy' is not a valid .npy file: data is 8 bytes but shape (2, 3) of <f4 needs 24
// TRAILING: yat-run: error: argument 0: '{{.*}}trailing_data.npy' is not a valid .npy file: data is 28 bytes but shape (2, 3) of <f4 needs 24
// HUGE: yat-run: error: argument 0: '{{.*}}huge_shape.npy' is not a valid .npy file: a tensor<1000000000x1000000000xf32> is too large (4000000000000000000 bytes)
// LARGE-SHORT: yat-run: error: argument 0: '{{.*}}large_shape_short_data.npy' is not a valid .npy file: data is 24 bytes but shape (150292044, 999) of <f4 needs 600567007824
// EMPTY-OVERFLOW: yat-run: error: argument 0: expected tensor<2x3xf32>, got tensor<9999999999999x9999999999949x0xf32> (rank 3 instead of 2)
// FORTRAN: yat-run: error: argument 0: '{{.*}}fortran_2x3_f32.npy' is stored in Fortran order; only C order is supported (save np.ascontiguousarray(a))
// BIG-ENDIAN: yat-run: error: argument 0: '{{.*}}bigendian_2x3_f32.npy' has unsupported dtype '>f4'; expected one of <f4 <f8 <f2 |i1 <i2 <i4 <i8 |u1 <u2 <u4 <u8 |b1 <c8 <c16
// STRINGS: yat-run: error: argument 0: '{{.*}}str_2.npy' has unsupported dtype '<U2'; expected one of <f4 <f8 <f2 |i1 <i2 <i4 <i8 |u1 <u2 <u4 <u8 |b1 <c8 <c16
// COMPLEX: yat-run: error: argument 0: expected tensor<2x3xf32>, got tensor<2x3xcomplex<f32>> (element type complex<f32> instead of f32)
// UNSIGNED: yat-run: error: argument 0: expected tensor<2x3xf32>, got tensor<2x3xui32> (element type ui32 instead of f32)

func.func @main(%a: tensor<2x3xf32>, %b: tensor<3x4xf32>) -> tensor<2x4xf32> {
  %zero = arith.constant 0.0 : f32
  %empty = tensor.empty() : tensor<2x4xf32>
  %init = linalg.fill ins(%zero : f32) outs(%empty : tensor<2x4xf32>) -> tensor<2x4xf32>
  %c = linalg.matmul ins(%a, %b : tensor<2x3xf32>, tensor<3x4xf32>) outs(%init : tensor<2x4xf32>) -> tensor<2x4xf32>
  return %c : tensor<2x4xf32>
}

func.func @half(%a: tensor<4xbf16>) -> tensor<4xbf16> {
  return %a : tensor<4xbf16>
}

func.func @dynamic(%a: tensor<?x3xf32>) -> tensor<?x3xf32> {
  return %a : tensor<?x3xf32>
}
