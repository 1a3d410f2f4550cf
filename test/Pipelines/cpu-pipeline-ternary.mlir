// yat-cpu-pipeline merges BitLinears that share their input: each has its
// own yat.rms_norm of x (as yat-raise-stablehlo emits them), CSE makes them
// one value, and yat-pack-ternary computes both ternary matmuls in one
// parallel loop over their stacked weights, normalizing x once per tile.
// RUN: yat-opt %s "--yat-cpu-pipeline=threads=2" --mlir-print-ir-after=yat-pack-ternary -o /dev/null 2>&1 | FileCheck %s

// CHECK-LABEL: func.func @shared_input
// CHECK-SAME: (%[[X:.*]]: tensor<16x32xf32>)
// CHECK-NOT: yat.rms_norm
// CHECK: %[[TILES:.*]] = scf.forall {{.*}} -> (tensor<16x4x16xf32>)
// CHECK: linalg.generic {{.*}} tensor<8x2x4x4xi8>, tensor<4x2x16x4xi8>
// CHECK-NOT: scf.forall (
// CHECK: %[[Y:.*]] = tensor.collapse_shape %[[TILES]] {{\[\[}}0], [1, 2]] : tensor<16x4x16xf32> into tensor<16x64xf32>
// CHECK: %[[A:.*]] = tensor.extract_slice %[[Y]][0, 0] [16, 32] [1, 1]
// CHECK: %[[B:.*]] = tensor.extract_slice %[[Y]][0, 32] [16, 32] [1, 1]
// CHECK: return %[[A]], %[[B]]
func.func @shared_input(%x: tensor<16x32xf32>) -> (tensor<16x32xf32>, tensor<16x32xf32>) {
  %pa = arith.constant dense<1> : tensor<32x8xi8>
  %pb = arith.constant dense<4> : tensor<32x8xi8>
  %s = arith.constant dense<0.5> : tensor<f32>
  %na = yat.rms_norm %x {epsilon = 1.0e-8 : f32} : (tensor<16x32xf32>) -> tensor<16x32xf32>
  %a = yat.ternary_matmul %na, %pa, %s : (tensor<16x32xf32>, tensor<32x8xi8>, tensor<f32>) -> tensor<16x32xf32>
  %nb = yat.rms_norm %x {epsilon = 1.0e-8 : f32} : (tensor<16x32xf32>) -> tensor<16x32xf32>
  %b = yat.ternary_matmul %nb, %pb, %s : (tensor<16x32xf32>, tensor<32x8xi8>, tensor<f32>) -> tensor<16x32xf32>
  return %a, %b : tensor<16x32xf32>, tensor<16x32xf32>
}
