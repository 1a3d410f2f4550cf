// The stock mlir-opt loads the yat dialect from YatPlugin.so and verifies
// yat ops with it.
// REQUIRES: plugin
// RUN: mlir-opt %s --load-dialect-plugin=%yat_lib/YatPlugin.so | FileCheck %s
// RUN: not mlir-opt %s 2>&1 | FileCheck %s --check-prefix=NOPLUGIN

// CHECK-LABEL: func.func @product
// CHECK: yat.product %{{.*}}, %{{.*}} : (tensor<2x4xf32>, tensor<3x4xf32>) -> tensor<2x3xf32>
// NOPLUGIN: Dialect `yat' not found
func.func @product(%x: tensor<2x4xf32>, %w: tensor<3x4xf32>) -> tensor<2x3xf32> {
  %0 = yat.product %x, %w : (tensor<2x4xf32>, tensor<3x4xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}
