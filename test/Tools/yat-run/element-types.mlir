// Every element type yat-run passes (f64, f16, bf16, i8, i32, i64, i1,
// complex<f32>, complex<f64>; the unsigned ones, which only StableHLO
// computes on, in element-types-unsigned.mlir), 0-d and empty tensors,
// several results, and the numpy-like printing of each.
// RUN: rm -rf %t && %python %S/Inputs/make-inputs.py %t
// RUN: yat-run %s --entry=floats --input=%t/v_4_f64.npy --input=%t/v_4_f16.npy --input=%t/v_4_f32.npy | FileCheck %s --strict-whitespace --check-prefix=FLOATS
// RUN: yat-run %s --entry=integers --input=%t/v_4_i8.npy --input=%t/v_4_i32.npy --input=%t/v_4_i64.npy --input=%t/v_4_bool.npy | FileCheck %s --strict-whitespace --check-prefix=INTS
// RUN: %python -c "import numpy as np; np.save('%t/z_2_c64.npy', np.array([1 + 2j, -0.5j], np.complex64)); np.save('%t/z_2_c128.npy', np.array([3 - 1j, 2.25], np.complex128))"
// RUN: yat-run %s --entry=complex_numbers --input=%t/z_2_c64.npy --input=%t/z_2_c128.npy | FileCheck %s --check-prefix=COMPLEX
// RUN: yat-run %s --entry=complex_numbers --input=%t/z_2_c64.npy --input=%t/z_2_c128.npy --output=%t/c64.npy --output=%t/c128.npy
// RUN: %python -c "import numpy as np; a = np.load('%t/c64.npy'); b = np.load('%t/c128.npy'); assert a.dtype == np.complex64 and b.dtype == np.complex128, (a.dtype, b.dtype); assert a.tolist() == [-3 + 4j, -0.25 + 0j] and b.tolist() == [6 - 2j, 4.5 + 0j], (a, b)"
// RUN: yat-run %s --entry=scalar_and_empty --input=%t/scalar_f32.npy --input=%t/empty_0x3_f32.npy | FileCheck %s --strict-whitespace --check-prefix=SHAPES
// RUN: yat-run %s --entry=integers --input=%t/v_4_i8.npy --input=%t/v_4_i32.npy --input=%t/v_4_i64.npy --input=%t/v_4_bool.npy --output=%t/i8.npy --output=%t/i32.npy --output=%t/i64.npy --output=%t/i1.npy
// RUN: %python -c "import numpy as np; r = [np.load('%t/' + n + '.npy') for n in ('i8', 'i32', 'i64', 'i1')]; assert [a.dtype for a in r] == [np.int8, np.int32, np.int64, np.bool_], [a.dtype for a in r]; assert r[0].tolist() == [2, 56, -2, 0] and r[1].tolist() == [1, -2, 300000, 7] and r[2].tolist() == [-1, 2, -(1 << 40), -7] and r[3].tolist() == [False, True, True, False], r"
// RUN: yat-run %s --entry=floats --input=%t/v_4_f64.npy --input=%t/v_4_f16.npy --input=%t/v_4_f32.npy --output=%t/f64.npy --output=%t/f16.npy --output=%t/bf16.npy
// RUN: %python -c "import numpy as np; r = [np.load('%t/' + n + '.npy') for n in ('f64', 'f16', 'bf16')]; assert [a.dtype for a in r] == [np.float64, np.float16, np.float32], [a.dtype for a in r]; assert r[0].tolist() == [3.0, -4.0, 0.5, 2.0 / 3.0] and r[1].tolist() == [3.0, -4.0, 0.5, 0.66650390625] and r[2].tolist() == [3.0, -4.0, 0.5, 6.0], r"

// f64 doubles, f16 doubles (rounding 2/3 to half precision), bf16 doubles.
// FLOATS:      result 0: tensor<4xf64>
// FLOATS-NEXT: {{^}}[ 3.         -4.          0.5         0.66666667]{{$}}
// FLOATS-NEXT: result 1: tensor<4xf16>
// FLOATS-NEXT: {{^}}[ 3.     -4.      0.5     0.6665]{{$}}
// FLOATS-NEXT: result 2: tensor<4xbf16>
// FLOATS-NEXT: {{^}}[ 3.  -4.   0.5  6. ]{{$}}
func.func @floats(%a: tensor<4xf64>, %b: tensor<4xf16>, %c: tensor<4xbf16>) -> (tensor<4xf64>, tensor<4xf16>, tensor<4xbf16>) {
  %ea = tensor.empty() : tensor<4xf64>
  %ra = linalg.map { arith.addf } ins(%a, %a : tensor<4xf64>, tensor<4xf64>) outs(%ea : tensor<4xf64>)
  %eb = tensor.empty() : tensor<4xf16>
  %rb = linalg.map { arith.addf } ins(%b, %b : tensor<4xf16>, tensor<4xf16>) outs(%eb : tensor<4xf16>)
  %ec = tensor.empty() : tensor<4xbf16>
  %rc = linalg.map { arith.addf } ins(%c, %c : tensor<4xbf16>, tensor<4xbf16>) outs(%ec : tensor<4xbf16>)
  return %ra, %rb, %rc : tensor<4xf64>, tensor<4xf16>, tensor<4xbf16>
}

// i8 wraps around, i32 passes through, i64 negates, i1 is negated.
// INTS:      result 0: tensor<4xi8>
// INTS-NEXT: {{^}}[ 2 56 -2  0]{{$}}
// INTS-NEXT: result 1: tensor<4xi32>
// INTS-NEXT: {{^}}[     1     -2 300000      7]{{$}}
// INTS-NEXT: result 2: tensor<4xi64>
// INTS-NEXT: {{^}}[            -1              2 -1099511627776             -7]{{$}}
// INTS-NEXT: result 3: tensor<4xi1>
// INTS-NEXT: {{^}}[False  True  True False]{{$}}
func.func @integers(%a: tensor<4xi8>, %b: tensor<4xi32>, %c: tensor<4xi64>, %d: tensor<4xi1>) -> (tensor<4xi8>, tensor<4xi32>, tensor<4xi64>, tensor<4xi1>) {
  %ea = tensor.empty() : tensor<4xi8>
  %ra = linalg.map { arith.addi } ins(%a, %a : tensor<4xi8>, tensor<4xi8>) outs(%ea : tensor<4xi8>)
  %zero = arith.constant dense<0> : tensor<4xi64>
  %ec = tensor.empty() : tensor<4xi64>
  %rc = linalg.map { arith.subi } ins(%zero, %c : tensor<4xi64>, tensor<4xi64>) outs(%ec : tensor<4xi64>)
  %true = arith.constant dense<true> : tensor<4xi1>
  %ed = tensor.empty() : tensor<4xi1>
  %rd = linalg.map { arith.xori } ins(%d, %true : tensor<4xi1>, tensor<4xi1>) outs(%ed : tensor<4xi1>)
  return %ra, %b, %rc, %rd : tensor<4xi8>, tensor<4xi32>, tensor<4xi64>, tensor<4xi1>
}

// complex<f32> squares, complex<f64> doubles; each prints as re+imj,
// right-aligned to the widest.
// COMPLEX:      result 0: tensor<2xcomplex<f32>>
// COMPLEX-NEXT: {{^}}[ -3+4j -0.25+0j]{{$}}
// COMPLEX-NEXT: result 1: tensor<2xcomplex<f64>>
// COMPLEX-NEXT: {{^}}[ 6-2j 4.5+0j]{{$}}
func.func @complex_numbers(%a: tensor<2xcomplex<f32>>, %b: tensor<2xcomplex<f64>>) -> (tensor<2xcomplex<f32>>, tensor<2xcomplex<f64>>) {
  %ea = tensor.empty() : tensor<2xcomplex<f32>>
  %sq = linalg.map { complex.mul } ins(%a, %a : tensor<2xcomplex<f32>>, tensor<2xcomplex<f32>>) outs(%ea : tensor<2xcomplex<f32>>)
  %eb = tensor.empty() : tensor<2xcomplex<f64>>
  %twice = linalg.map { complex.add } ins(%b, %b : tensor<2xcomplex<f64>>, tensor<2xcomplex<f64>>) outs(%eb : tensor<2xcomplex<f64>>)
  return %sq, %twice : tensor<2xcomplex<f32>>, tensor<2xcomplex<f64>>
}

// A 0-d tensor prints as a bare number; an empty one as [].
// SHAPES:      result 0: tensor<f32>
// SHAPES-NEXT: {{^}}5.{{$}}
// SHAPES-NEXT: result 1: tensor<0x3xf32>
// SHAPES-NEXT: {{^}}[]{{$}}
func.func @scalar_and_empty(%a: tensor<f32>, %b: tensor<?x3xf32>) -> (tensor<f32>, tensor<?x3xf32>) {
  %e = tensor.empty() : tensor<f32>
  %r = linalg.map { arith.addf } ins(%a, %a : tensor<f32>, tensor<f32>) outs(%e : tensor<f32>)
  return %r, %b : tensor<f32>, tensor<?x3xf32>
}
