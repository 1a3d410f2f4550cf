// REQUIRES: stablehlo
// nmn's MNIST YatMLP from examples/zoo: both YatNMN layers raise to
// yat.product with their bias and learnable alpha (baked in as constants);
// the final nnx.Linear stays a dot_general.
//
// RUN: yat-opt %S/../../../examples/zoo/nmn_mlp.mlir --yat-raise-stablehlo | FileCheck %s --implicit-check-not=stablehlo.reduce --implicit-check-not=stablehlo.divide --implicit-check-not=yat.

// CHECK-LABEL: func.func public @main
// CHECK-SAME: (%[[X:.*]]: tensor<2x28x28x1xf32>) -> (tensor<2x10xf32>
// CHECK-DAG: %[[W1:.*]] = stablehlo.constant dense<"0x{{.*}}"> : tensor<784x16xf32>
// CHECK-DAG: %[[B1:.*]] = stablehlo.constant dense<[{{.*}}]> : tensor<16xf32>
// CHECK: %[[FLAT:.*]] = stablehlo.reshape %[[X]] : (tensor<2x28x28x1xf32>) -> tensor<2x784xf32>
// CHECK: %[[W1T:.*]] = stablehlo.transpose %[[W1]], dims = [1, 0] : (tensor<784x16xf32>) -> tensor<16x784xf32>
// CHECK: %[[H1:.*]] = yat.product %[[FLAT]], %[[W1T]], %[[B1]] {alpha = {{.*}} : f32} : (tensor<2x784xf32>, tensor<16x784xf32>, tensor<16xf32>) -> tensor<2x16xf32>
// CHECK: %[[H2:.*]] = yat.product %[[H1]], %{{.*}}, %{{.*}} {alpha = {{.*}} : f32} : (tensor<2x16xf32>, tensor<16x16xf32>, tensor<16xf32>) -> tensor<2x16xf32>
// CHECK: stablehlo.dot_general %[[H2]], %{{.*}}, contracting_dims = [1] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x16xf32>, tensor<16x10xf32>) -> tensor<2x10xf32>
// CHECK: return %{{.*}} : tensor<2x10xf32>
