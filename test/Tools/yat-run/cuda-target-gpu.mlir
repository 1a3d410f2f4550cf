// With a GPU and driver, --target=cuda compiles with yat-gpu-pipeline and
// runs the kernels: the numbers match the CPU's.
// REQUIRES: cuda
// RUN: yat-run %s --target=cuda --random-inputs --seed=3 --output=%t.gpu.npy
// RUN: yat-run %s --random-inputs --seed=3 --output=%t.cpu.npy
// RUN: %python -c "import sys, numpy as np; g, c = np.load(sys.argv[1]), np.load(sys.argv[2]); np.testing.assert_allclose(g, c, rtol=1e-5, atol=1e-6); print('match', g.shape)" %t.gpu.npy %t.cpu.npy | FileCheck %s
// RUN: yat-run %s --target=cuda --random-inputs --seed=3 --benchmark=5 | FileCheck %s --check-prefix=TIME

// CHECK: match (64, 48)
// TIME: median_ms={{[0-9.]+}} min_ms={{[0-9.]+}}
func.func @main(%x: tensor<64x32xf32>, %w: tensor<48x32xf32>) -> tensor<64x48xf32> {
  %y = yat.product %x, %w {epsilon = 1.0e-3 : f32} : (tensor<64x32xf32>, tensor<48x32xf32>) -> tensor<64x48xf32>
  %e = math.exp %y : tensor<64x48xf32>
  return %e : tensor<64x48xf32>
}
