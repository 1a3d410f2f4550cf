// A linalg.matmul on tensors run on .npy inputs: printed results, results
// saved with --output, and the default entry name.
// RUN: rm -rf %t && %python %S/Inputs/make-inputs.py %t
// RUN: yat-run %s --input=%t/a_2x3_f32.npy --input=%t/b_3x4_f32.npy | FileCheck %s --strict-whitespace
// RUN: yat-run %s --entry=main --input=%t/a_2x3_f32.npy --input=%t/b_3x4_f32.npy --output=%t/out.npy | count 0
// RUN: %python -c "import numpy as np; a = np.load('%t/a_2x3_f32.npy'); b = np.load('%t/b_3x4_f32.npy'); r = np.load('%t/out.npy'); assert r.dtype == np.float32 and r.shape == (2, 4), (r.dtype, r.shape); assert np.array_equal(r, a @ b), r"

// CHECK:      result 0: tensor<2x4xf32>
// CHECK-NEXT: {{^\[\[}}20. 23. 26. 29.]{{$}}
// CHECK-NEXT: {{^}} [56. 68. 80. 92.]]{{$}}
// CHECK-NOT: result 1

func.func @main(%a: tensor<2x3xf32>, %b: tensor<3x4xf32>) -> tensor<2x4xf32> {
  %zero = arith.constant 0.0 : f32
  %empty = tensor.empty() : tensor<2x4xf32>
  %init = linalg.fill ins(%zero : f32) outs(%empty : tensor<2x4xf32>) -> tensor<2x4xf32>
  %c = linalg.matmul ins(%a, %b : tensor<2x3xf32>, tensor<3x4xf32>) outs(%init : tensor<2x4xf32>) -> tensor<2x4xf32>
  return %c : tensor<2x4xf32>
}
