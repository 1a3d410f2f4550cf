// The plugin brings the yat verifiers along: a bad op is rejected by the
// stock mlir-opt too.
// REQUIRES: plugin
// RUN: mlir-opt %s --load-dialect-plugin=%yat_lib/YatPlugin.so -verify-diagnostics

func.func @k_mismatch(%x: tensor<2x4xf32>, %w: tensor<3x5xf32>) -> tensor<2x3xf32> {
  // expected-error @+1 {{expected the last dim of x (4) to match dim 1 of w (5)}}
  %0 = yat.product %x, %w : (tensor<2x4xf32>, tensor<3x5xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}
