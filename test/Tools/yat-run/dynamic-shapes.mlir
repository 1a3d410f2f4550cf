// Dynamic dims take their sizes from the .npy files, the same function runs
// on differently sized inputs, and dynamic result sizes come back from the
// compiled code.
// RUN: rm -rf %t && %python %S/Inputs/make-inputs.py %t
// RUN: yat-run %s --input=%t/a_2x3_f32.npy --input=%t/b_3x4_f32.npy | FileCheck %s --strict-whitespace --check-prefix=SMALL
// RUN: yat-run %s --input=%t/d_5x2_f32.npy --input=%t/a_2x3_f32.npy | FileCheck %s --strict-whitespace --check-prefix=TALL

// SMALL:      result 0: tensor<2x4xf32>
// SMALL-NEXT: {{^\[\[}}20. 23. 26. 29.]{{$}}
// SMALL-NEXT: {{^}} [56. 68. 80. 92.]]{{$}}
// SMALL-NEXT: result 1: tensor<f32>
// SMALL-NEXT: {{^}}12.{{$}}

// TALL:      result 0: tensor<5x3xf32>
// TALL-NEXT: {{^\[\[}} 1.5  2.   2.5]{{$}}
// TALL-NEXT: {{^}} [ 4.5  7.   9.5]{{$}}
// TALL-NEXT: {{^}} [ 7.5 12.  16.5]{{$}}
// TALL-NEXT: {{^}} [10.5 17.  23.5]{{$}}
// TALL-NEXT: {{^}} [13.5 22.  30.5]]{{$}}
// TALL-NEXT: result 1: tensor<f32>
// TALL-NEXT: {{^}}12.{{$}}
func.func @main(%a: tensor<?x?xf32>, %b: tensor<?x?xf32>) -> (tensor<?x?xf32>, tensor<f32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %m = tensor.dim %a, %c0 : tensor<?x?xf32>
  %n = tensor.dim %b, %c1 : tensor<?x?xf32>
  %zero = arith.constant 0.0 : f32
  %empty = tensor.empty(%m, %n) : tensor<?x?xf32>
  %init = linalg.fill ins(%zero : f32) outs(%empty : tensor<?x?xf32>) -> tensor<?x?xf32>
  %c = linalg.matmul ins(%a, %b : tensor<?x?xf32>, tensor<?x?xf32>) outs(%init : tensor<?x?xf32>) -> tensor<?x?xf32>
  // The total number of rows and columns of both inputs, as an f32 scalar.
  %k = tensor.dim %a, %c1 : tensor<?x?xf32>
  %r = tensor.dim %b, %c0 : tensor<?x?xf32>
  %s0 = arith.addi %m, %n : index
  %s1 = arith.addi %k, %r : index
  %s = arith.addi %s0, %s1 : index
  %si = arith.index_cast %s : index to i64
  %sf = arith.sitofp %si : i64 to f32
  %total = tensor.from_elements %sf : tensor<f32>
  return %c, %total : tensor<?x?xf32>, tensor<f32>
}
