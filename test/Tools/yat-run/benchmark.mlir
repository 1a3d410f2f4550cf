// --benchmark=N prints exactly one line of timings instead of the results,
// and still writes the results asked for with --output.
// RUN: rm -rf %t && mkdir -p %t
// RUN: yat-run %s --random-inputs --benchmark=5 | FileCheck %s --match-full-lines
// RUN: yat-run %s --random-inputs --benchmark=3 | count 1
// RUN: yat-run %s --random-inputs --benchmark=2 --output=%t/y.npy | FileCheck %s --match-full-lines
// RUN: %python -c "import numpy as np; y = np.load('%t/y.npy'); assert y.shape == (32, 32) and np.isfinite(y).all(), y"

// CHECK: median_ms={{[0-9]+\.[0-9]+}} min_ms={{[0-9]+\.[0-9]+}}
func.func @main(%a: tensor<32x64xf32>, %b: tensor<64x32xf32>) -> tensor<32x32xf32> {
  %zero = arith.constant 0.0 : f32
  %empty = tensor.empty() : tensor<32x32xf32>
  %init = linalg.fill ins(%zero : f32) outs(%empty : tensor<32x32xf32>) -> tensor<32x32xf32>
  %c = linalg.matmul ins(%a, %b : tensor<32x64xf32>, tensor<64x32xf32>) outs(%init : tensor<32x32xf32>) -> tensor<32x32xf32>
  return %c : tensor<32x32xf32>
}
