// yat.product through convert-yat-to-linalg and yat-cpu-pipeline, compared
// with the formula of the spec evaluated by numpy: in f32 with a bias, and
// in bf16 (given and saved as f32 arrays) and f16 without.
// RUN: rm -rf %t && %python %S/Inputs/make-inputs.py %t
// RUN: yat-run %s --entry=product_f32 --input=%t/x_3x5_f32.npy --input=%t/w_4x5_f32.npy --input=%t/bias_4_f32.npy --output=%t/y_f32.npy
// RUN: yat-run %s --entry=product_bf16 --input=%t/x_3x5_f32.npy --input=%t/w_4x5_f32.npy --output=%t/y_bf16.npy
// RUN: %python -c "import numpy as np; x = np.load('%t/x_3x5_f32.npy').astype(np.float64); w = np.load('%t/w_4x5_f32.npy').astype(np.float64); b = np.load('%t/bias_4_f32.npy').astype(np.float64); dot = x @ w.T; dist = np.maximum((x * x).sum(1)[:, None] + (w * w).sum(1)[None, :] - 2 * dot, 0); ref = 0.5 * (dot + b) ** 2 / (dist + 1e-3); y = np.load('%t/y_f32.npy'); assert y.dtype == np.float32 and y.shape == (3, 4); assert np.allclose(y, ref, rtol=1e-4, atol=1e-5), (y, ref)"
// RUN: %python -c "import numpy as np; x = np.load('%t/x_3x5_f32.npy').astype(np.float64); w = np.load('%t/w_4x5_f32.npy').astype(np.float64); dot = x @ w.T; dist = np.maximum((x * x).sum(1)[:, None] + (w * w).sum(1)[None, :] - 2 * dot, 0); ref = dot ** 2 / (dist + 1e-5); y = np.load('%t/y_bf16.npy'); assert y.dtype == np.float32 and y.shape == (3, 4); assert np.allclose(y, ref, rtol=5e-2, atol=1e-2), (y, ref)"
// RUN: %python -c "import numpy as np; np.save('%t/x_3x5_f16.npy', np.load('%t/x_3x5_f32.npy').astype(np.float16)); np.save('%t/w_4x5_f16.npy', np.load('%t/w_4x5_f32.npy').astype(np.float16))"
// RUN: yat-run %s --entry=product_f16 --input=%t/x_3x5_f16.npy --input=%t/w_4x5_f16.npy --output=%t/y_f16.npy
// RUN: %python -c "import numpy as np; x = np.load('%t/x_3x5_f16.npy').astype(np.float64); w = np.load('%t/w_4x5_f16.npy').astype(np.float64); dot = x @ w.T; dist = np.maximum((x * x).sum(1)[:, None] + (w * w).sum(1)[None, :] - 2 * dot, 0); ref = dot ** 2 / (dist + 1e-5); y = np.load('%t/y_f16.npy'); assert y.dtype == np.float16 and y.shape == (3, 4); assert np.allclose(y, ref, rtol=5e-3, atol=1e-3), (y, ref)"

func.func @product_f32(%x: tensor<3x5xf32>, %w: tensor<4x5xf32>, %b: tensor<4xf32>) -> tensor<3x4xf32> {
  %y = yat.product %x, %w, %b {epsilon = 1.0e-3 : f32, alpha = 0.5 : f32} : (tensor<3x5xf32>, tensor<4x5xf32>, tensor<4xf32>) -> tensor<3x4xf32>
  return %y : tensor<3x4xf32>
}

func.func @product_bf16(%x: tensor<3x5xbf16>, %w: tensor<4x5xbf16>) -> tensor<3x4xbf16> {
  %y = yat.product %x, %w : (tensor<3x5xbf16>, tensor<4x5xbf16>) -> tensor<3x4xbf16>
  return %y : tensor<3x4xbf16>
}

func.func @product_f16(%x: tensor<3x5xf16>, %w: tensor<4x5xf16>) -> tensor<3x4xf16> {
  %y = yat.product %x, %w : (tensor<3x5xf16>, tensor<4x5xf16>) -> tensor<3x4xf16>
  return %y : tensor<3x4xf16>
}
