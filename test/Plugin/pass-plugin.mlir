// The stock mlir-opt runs yat's passes from YatPlugin.so (pass plugins
// register after option parsing, so they are named in --pass-pipeline).
// REQUIRES: plugin
// RUN: mlir-opt %s --load-dialect-plugin=%yat_lib/YatPlugin.so --load-pass-plugin=%yat_lib/YatPlugin.so --pass-pipeline="builtin.module(yat-cache-norms)" | FileCheck %s

// CHECK-LABEL: func.func @product
// CHECK-SAME: (%[[X:.*]]: tensor<2x4xf32>, %[[W:.*]]: tensor<3x4xf32>)
// CHECK: %[[N:.*]] = yat.squared_norms %[[W]] dims = [1]
// CHECK: yat.product_with_norms %[[X]], %[[W]] norms(%[[N]])
func.func @product(%x: tensor<2x4xf32>, %w: tensor<3x4xf32>) -> tensor<2x3xf32> {
  %0 = yat.product %x, %w : (tensor<2x4xf32>, tensor<3x4xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}
