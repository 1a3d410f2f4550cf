// Round trip of every yat op, in pretty and in generic form.
// RUN: yat-opt %s | yat-opt | FileCheck %s
// RUN: yat-opt %s --mlir-print-op-generic | yat-opt | FileCheck %s
// RUN: yat-opt %s --mlir-print-op-generic | FileCheck %s --check-prefix=GENERIC

// Default attributes are elided; explicit ones are kept.
// CHECK-LABEL: func.func @product
// CHECK-SAME: (%[[X:.*]]: tensor<8x16xf32>, %[[W:.*]]: tensor<32x16xf32>, %[[B:.*]]: tensor<32xf32>)
// CHECK: yat.product %[[X]], %[[W]], %[[B]] : (tensor<8x16xf32>, tensor<32x16xf32>, tensor<32xf32>) -> tensor<8x32xf32>
// CHECK: yat.product %[[X]], %[[W]] {alpha = 2.000000e+00 : f32, epsilon = 1.000000e-03 : f32} : (tensor<8x16xf32>, tensor<32x16xf32>) -> tensor<8x32xf32>
// GENERIC-LABEL: sym_name = "product"
// GENERIC: "yat.product"(%{{.*}}, %{{.*}}, %{{.*}}) <{alpha = 1.000000e+00 : f32, epsilon = 9.99999974E-6 : f32}>
func.func @product(%x: tensor<8x16xf32>, %w: tensor<32x16xf32>, %b: tensor<32xf32>) -> (tensor<8x32xf32>, tensor<8x32xf32>) {
  %0 = yat.product %x, %w, %b : (tensor<8x16xf32>, tensor<32x16xf32>, tensor<32xf32>) -> tensor<8x32xf32>
  %1 = yat.product %x, %w {epsilon = 1.0e-3 : f32, alpha = 2.0 : f32} : (tensor<8x16xf32>, tensor<32x16xf32>) -> tensor<8x32xf32>
  return %0, %1 : tensor<8x32xf32>, tensor<8x32xf32>
}

// Batch dims and dynamic sizes, in f16 and bf16.
// CHECK-LABEL: func.func @product_dynamic
// CHECK: yat.product %{{.*}}, %{{.*}} : (tensor<?x4x?xf16>, tensor<?x?xf16>) -> tensor<?x4x?xf16>
// CHECK: yat.product %{{.*}}, %{{.*}} : (tensor<7xbf16>, tensor<3x7xbf16>) -> tensor<3xbf16>
func.func @product_dynamic(%x: tensor<?x4x?xf16>, %w: tensor<?x?xf16>, %v: tensor<7xbf16>, %u: tensor<3x7xbf16>) -> (tensor<?x4x?xf16>, tensor<3xbf16>) {
  %0 = yat.product %x, %w : (tensor<?x4x?xf16>, tensor<?x?xf16>) -> tensor<?x4x?xf16>
  %1 = yat.product %v, %u : (tensor<7xbf16>, tensor<3x7xbf16>) -> tensor<3xbf16>
  return %0, %1 : tensor<?x4x?xf16>, tensor<3xbf16>
}

// 1-D, 2-D and 3-D ⵟ-convolutions with every attribute.
// CHECK-LABEL: func.func @conv
// CHECK: yat.conv %{{.*}}, %{{.*}}, %{{.*}} : (tensor<2x10x3xf32>, tensor<3x3x8xf32>, tensor<8xf32>) -> tensor<2x8x8xf32>
// CHECK: yat.conv %{{.*}}, %{{.*}} {dilations = array<i64: 2, 1>, groups = 2 : i64, padding = array<i64: 1, 1, 0, 2>, strides = array<i64: 2, 2>} : (tensor<1x9x9x4xf32>, tensor<3x3x2x6xf32>) -> tensor<1x4x5x6xf32>
// CHECK: yat.conv %{{.*}}, %{{.*}} {alpha = 5.000000e-01 : f32} : (tensor<1x4x4x4x2xf32>, tensor<2x2x2x2x3xf32>) -> tensor<1x3x3x3x3xf32>
// GENERIC-LABEL: sym_name = "conv"
// GENERIC: "yat.conv"(%{{.*}}, %{{.*}}) <{alpha = 1.000000e+00 : f32, dilations = array<i64: 2, 1>, epsilon = 9.99999974E-6 : f32, groups = 2 : i64, padding = array<i64: 1, 1, 0, 2>, strides = array<i64: 2, 2>}>
func.func @conv(%i1: tensor<2x10x3xf32>, %f1: tensor<3x3x8xf32>, %b1: tensor<8xf32>,
                %i2: tensor<1x9x9x4xf32>, %f2: tensor<3x3x2x6xf32>,
                %i3: tensor<1x4x4x4x2xf32>, %f3: tensor<2x2x2x2x3xf32>) -> (tensor<2x8x8xf32>, tensor<1x4x5x6xf32>, tensor<1x3x3x3x3xf32>) {
  %0 = yat.conv %i1, %f1, %b1 : (tensor<2x10x3xf32>, tensor<3x3x8xf32>, tensor<8xf32>) -> tensor<2x8x8xf32>
  %1 = yat.conv %i2, %f2 {strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 0, 2>, dilations = array<i64: 2, 1>, groups = 2} : (tensor<1x9x9x4xf32>, tensor<3x3x2x6xf32>) -> tensor<1x4x5x6xf32>
  %2 = yat.conv %i3, %f3 {alpha = 0.5 : f32} : (tensor<1x4x4x4x2xf32>, tensor<2x2x2x2x3xf32>) -> tensor<1x3x3x3x3xf32>
  return %0, %1, %2 : tensor<2x8x8xf32>, tensor<1x4x5x6xf32>, tensor<1x3x3x3x3xf32>
}

// Dynamic spatial sizes leave the output size dynamic.
// CHECK-LABEL: func.func @conv_dynamic
// CHECK: yat.conv %{{.*}}, %{{.*}} : (tensor<?x?x?x3xf32>, tensor<3x3x3x4xf32>) -> tensor<?x?x?x4xf32>
func.func @conv_dynamic(%i: tensor<?x?x?x3xf32>, %f: tensor<3x3x3x4xf32>) -> tensor<?x?x?x4xf32> {
  %0 = yat.conv %i, %f : (tensor<?x?x?x3xf32>, tensor<3x3x3x4xf32>) -> tensor<?x?x?x4xf32>
  return %0 : tensor<?x?x?x4xf32>
}

// MHA, GQA with causal l1 normalization, and an explicit scale.
// CHECK-LABEL: func.func @attention
// CHECK: yat.attention %{{.*}}, %{{.*}}, %{{.*}} : (tensor<2x4x8x16xf32>, tensor<2x4x8x16xf32>, tensor<2x4x8x16xf32>) -> tensor<2x4x8x16xf32>
// CHECK: yat.attention %{{.*}}, %{{.*}}, %{{.*}} {causal, l1_epsilon = 9.99999997E-7 : f32, normalization = #yat.normalization<l1>, scale = 2.500000e-01 : f32} : (tensor<2x4x8x16xf32>, tensor<2x2x12x16xf32>, tensor<2x2x12x32xf32>) -> tensor<2x4x8x32xf32>
// GENERIC-LABEL: sym_name = "attention"
// GENERIC: "yat.attention"(%{{.*}}, %{{.*}}, %{{.*}}) <{causal, epsilon = 9.99999974E-6 : f32, l1_epsilon = 9.99999997E-7 : f32, normalization = #yat.normalization<l1>, scale = 2.500000e-01 : f32}>
func.func @attention(%q: tensor<2x4x8x16xf32>, %k: tensor<2x2x12x16xf32>, %v: tensor<2x2x12x32xf32>) -> (tensor<2x4x8x16xf32>, tensor<2x4x8x32xf32>) {
  %0 = yat.attention %q, %q, %q : (tensor<2x4x8x16xf32>, tensor<2x4x8x16xf32>, tensor<2x4x8x16xf32>) -> tensor<2x4x8x16xf32>
  %1 = yat.attention %q, %k, %v {causal, normalization = #yat.normalization<l1>, scale = 0.25 : f32, l1_epsilon = 1.0e-6 : f32} : (tensor<2x4x8x16xf32>, tensor<2x2x12x16xf32>, tensor<2x2x12x32xf32>) -> tensor<2x4x8x32xf32>
  return %0, %1 : tensor<2x4x8x16xf32>, tensor<2x4x8x32xf32>
}

// RMS norm with and without gamma.
// CHECK-LABEL: func.func @rms_norm
// CHECK: yat.rms_norm %{{.*}}, %{{.*}} : (tensor<4x64xf32>, tensor<64xf32>) -> tensor<4x64xf32>
// CHECK: yat.rms_norm %{{.*}} {epsilon = 9.99999974E-6 : f32} : (tensor<?x64xbf16>) -> tensor<?x64xbf16>
func.func @rms_norm(%x: tensor<4x64xf32>, %g: tensor<64xf32>, %y: tensor<?x64xbf16>) -> (tensor<4x64xf32>, tensor<?x64xbf16>) {
  %0 = yat.rms_norm %x, %g : (tensor<4x64xf32>, tensor<64xf32>) -> tensor<4x64xf32>
  %1 = yat.rms_norm %y {epsilon = 1.0e-5 : f32} : (tensor<?x64xbf16>) -> tensor<?x64xbf16>
  return %0, %1 : tensor<4x64xf32>, tensor<?x64xbf16>
}

// Ternarize and ternary matmul with per-tensor and per-channel scales.
// CHECK-LABEL: func.func @ternary
// CHECK: %[[P:[^ ,]+]], %[[S:[^ ,]+]] = yat.ternarize %{{.*}} : (tensor<32x64xf32>) -> (tensor<32x16xi8>, tensor<f32>)
// CHECK: yat.ternary_matmul %{{.*}}, %[[P]], %[[S]] : (tensor<3x5x64xf32>, tensor<32x16xi8>, tensor<f32>) -> tensor<3x5x32xf32>
// CHECK: yat.ternary_matmul %{{.*}}, %[[P]], %{{.*}} {activation_bits = 0 : i64} : (tensor<3x5x64xf32>, tensor<32x16xi8>, tensor<32xf32>) -> tensor<3x5x32xf32>
func.func @ternary(%w: tensor<32x64xf32>, %x: tensor<3x5x64xf32>, %s: tensor<32xf32>) -> (tensor<3x5x32xf32>, tensor<3x5x32xf32>) {
  %packed, %scale = yat.ternarize %w : (tensor<32x64xf32>) -> (tensor<32x16xi8>, tensor<f32>)
  %0 = yat.ternary_matmul %x, %packed, %scale : (tensor<3x5x64xf32>, tensor<32x16xi8>, tensor<f32>) -> tensor<3x5x32xf32>
  %1 = yat.ternary_matmul %x, %packed, %s {activation_bits = 0} : (tensor<3x5x64xf32>, tensor<32x16xi8>, tensor<32xf32>) -> tensor<3x5x32xf32>
  return %0, %1 : tensor<3x5x32xf32>, tensor<3x5x32xf32>
}

// Forward recurrence with h0, and a reverse one without.
// CHECK-LABEL: func.func @linear_recurrence
// CHECK: %{{.*}}, %{{.*}} = yat.linear_recurrence %{{.*}}, %{{.*}}, %{{.*}} : (tensor<2x8x16xf32>, tensor<2x8x16xf32>, tensor<2x16xf32>) -> (tensor<2x8x16xf32>, tensor<2x16xf32>)
// CHECK: %{{.*}}, %{{.*}} = yat.linear_recurrence %{{.*}}, %{{.*}} {reverse} : (tensor<?x?x16xf16>, tensor<?x?x16xf16>) -> (tensor<?x?x16xf16>, tensor<?x16xf16>)
func.func @linear_recurrence(%a: tensor<2x8x16xf32>, %b: tensor<2x8x16xf32>, %h0: tensor<2x16xf32>, %c: tensor<?x?x16xf16>) -> (tensor<2x8x16xf32>, tensor<?x16xf16>) {
  %h, %last = yat.linear_recurrence %a, %b, %h0 : (tensor<2x8x16xf32>, tensor<2x8x16xf32>, tensor<2x16xf32>) -> (tensor<2x8x16xf32>, tensor<2x16xf32>)
  %r:2 = yat.linear_recurrence %c, %c {reverse} : (tensor<?x?x16xf16>, tensor<?x?x16xf16>) -> (tensor<?x?x16xf16>, tensor<?x16xf16>)
  return %h, %r#1 : tensor<2x8x16xf32>, tensor<?x16xf16>
}

// Internal ops that yat-cache-norms produces.
// CHECK-LABEL: func.func @cached_norms
// CHECK: %[[PN:.*]] = yat.squared_norms %{{.*}} dims = [1] : tensor<32x16xf16> -> tensor<32xf32>
// CHECK: yat.product_with_norms %{{.*}}, %{{.*}} norms(%[[PN]]), %{{.*}} {alpha = 2.000000e+00 : f32} : (tensor<8x16xf16>, tensor<32x16xf16>, tensor<32xf32>, tensor<32xf16>) -> tensor<8x32xf16>
// CHECK: %[[CN:.*]] = yat.squared_norms %{{.*}} dims = [0, 1, 2] : tensor<3x3x2x6xf32> -> tensor<6xf32>
// CHECK: yat.conv_with_norms %{{.*}}, %{{.*}} norms(%[[CN]]) {groups = 2 : i64} : (tensor<1x9x9x4xf32>, tensor<3x3x2x6xf32>, tensor<6xf32>) -> tensor<1x7x7x6xf32>
func.func @cached_norms(%x: tensor<8x16xf16>, %w: tensor<32x16xf16>, %b: tensor<32xf16>,
                        %i: tensor<1x9x9x4xf32>, %f: tensor<3x3x2x6xf32>) -> (tensor<8x32xf16>, tensor<1x7x7x6xf32>) {
  %n = yat.squared_norms %w dims = [1] : tensor<32x16xf16> -> tensor<32xf32>
  %0 = yat.product_with_norms %x, %w norms(%n), %b {alpha = 2.0 : f32} : (tensor<8x16xf16>, tensor<32x16xf16>, tensor<32xf32>, tensor<32xf16>) -> tensor<8x32xf16>
  %m = yat.squared_norms %f dims = [0, 1, 2] : tensor<3x3x2x6xf32> -> tensor<6xf32>
  %1 = yat.conv_with_norms %i, %f norms(%m) {groups = 2 : i64} : (tensor<1x9x9x4xf32>, tensor<3x3x2x6xf32>, tensor<6xf32>) -> tensor<1x7x7x6xf32>
  return %0, %1 : tensor<8x32xf16>, tensor<1x7x7x6xf32>
}
