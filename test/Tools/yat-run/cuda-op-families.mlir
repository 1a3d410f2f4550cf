// Every yat op family (and a gather) on a GPU against the CPU, on the same
// seeded random inputs.
// REQUIRES: cuda
// RUN: %python %S/Inputs/compare-targets.py yat-run %s product conv attention rms_norm ternary recurrence gather | FileCheck %s

// CHECK: product: 1 result(s) match
// CHECK: conv: 1 result(s) match
// CHECK: attention: 1 result(s) match
// CHECK: rms_norm: 1 result(s) match
// CHECK: ternary: 1 result(s) match
// CHECK: recurrence: 2 result(s) match
// CHECK: gather: 1 result(s) match
func.func @product(%x: tensor<64x32xf32>, %w: tensor<48x32xf32>, %b: tensor<48xf32>) -> tensor<64x48xf32> {
  %0 = yat.product %x, %w, %b {epsilon = 1.0e-3 : f32} : (tensor<64x32xf32>, tensor<48x32xf32>, tensor<48xf32>) -> tensor<64x48xf32>
  return %0 : tensor<64x48xf32>
}
func.func @conv(%i: tensor<1x9x9x4xf32>, %f: tensor<3x3x2x6xf32>) -> tensor<1x4x5x6xf32> {
  %0 = yat.conv %i, %f {strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 0, 2>, dilations = array<i64: 2, 1>, groups = 2} : (tensor<1x9x9x4xf32>, tensor<3x3x2x6xf32>) -> tensor<1x4x5x6xf32>
  return %0 : tensor<1x4x5x6xf32>
}
func.func @attention(%q: tensor<2x4x8x16xf32>, %k: tensor<2x4x8x16xf32>, %v: tensor<2x4x8x16xf32>) -> tensor<2x4x8x16xf32> {
  %0 = yat.attention %q, %k, %v {causal} : (tensor<2x4x8x16xf32>, tensor<2x4x8x16xf32>, tensor<2x4x8x16xf32>) -> tensor<2x4x8x16xf32>
  return %0 : tensor<2x4x8x16xf32>
}
func.func @rms_norm(%x: tensor<4x64xf32>, %g: tensor<64xf32>) -> tensor<4x64xf32> {
  %0 = yat.rms_norm %x, %g : (tensor<4x64xf32>, tensor<64xf32>) -> tensor<4x64xf32>
  return %0 : tensor<4x64xf32>
}
func.func @ternary(%x: tensor<3x64xf32>, %w: tensor<32x64xf32>) -> tensor<3x32xf32> {
  %packed, %scale = yat.ternarize %w : (tensor<32x64xf32>) -> (tensor<32x16xi8>, tensor<f32>)
  %0 = yat.ternary_matmul %x, %packed, %scale : (tensor<3x64xf32>, tensor<32x16xi8>, tensor<f32>) -> tensor<3x32xf32>
  return %0 : tensor<3x32xf32>
}
func.func @recurrence(%a: tensor<2x8x16xf32>, %b: tensor<2x8x16xf32>, %h0: tensor<2x16xf32>) -> (tensor<2x8x16xf32>, tensor<2x16xf32>) {
  %h, %last = yat.linear_recurrence %a, %b, %h0 : (tensor<2x8x16xf32>, tensor<2x8x16xf32>, tensor<2x16xf32>) -> (tensor<2x8x16xf32>, tensor<2x16xf32>)
  return %h, %last : tensor<2x8x16xf32>, tensor<2x16xf32>
}
func.func @gather(%table: tensor<32x16xf32>, %ids: tensor<2x8xi32>) -> tensor<2x8x16xf32> {
  %idx = stablehlo.reshape %ids : (tensor<2x8xi32>) -> tensor<2x8x1xi32>
  %0 = "stablehlo.gather"(%table, %idx) <{dimension_numbers = #stablehlo.gather<offset_dims = [2], collapsed_slice_dims = [0], start_index_map = [0], index_vector_dim = 2>, indices_are_sorted = false, slice_sizes = array<i64: 1, 16>}> : (tensor<32x16xf32>, tensor<2x8x1xi32>) -> tensor<2x8x16xf32>
  return %0 : tensor<2x8x16xf32>
}
