// REQUIRES: stablehlo
// RUN: yat-opt %s -split-input-file --yat-raise-stablehlo | FileCheck %s
// RUN: yat-opt %s -split-input-file --yat-raise-stablehlo=remarks=true -verify-diagnostics > /dev/null

// PyTorch's form without gamma: x / sqrt(Σx² · (1/K) + epsilon).
// CHECK-LABEL: func.func @divide_by_sqrt
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x8xf32>)
// CHECK: %[[Y:.*]] = yat.rms_norm %[[X]] {epsilon = 9.99999974E-6 : f32} : (tensor<2x3x8xf32>) -> tensor<2x3x8xf32>
// CHECK-NEXT: return %[[Y]]
func.func @divide_by_sqrt(%x: tensor<2x3x8xf32>) -> tensor<2x3x8xf32> {
  %zero = stablehlo.constant dense<0.0> : tensor<f32>
  %xx = stablehlo.multiply %x, %x : tensor<2x3x8xf32>
  %ss = stablehlo.reduce(%xx init: %zero) applies stablehlo.add across dimensions = [2] : (tensor<2x3x8xf32>, tensor<f32>) -> tensor<2x3xf32>
  %inv = stablehlo.constant dense<0.125> : tensor<2x3xf32>
  %mean = stablehlo.multiply %ss, %inv : tensor<2x3xf32>
  %eps = stablehlo.constant dense<1.0e-5> : tensor<2x3xf32>
  %var = stablehlo.add %eps, %mean : tensor<2x3xf32>
  %root = stablehlo.sqrt %var : tensor<2x3xf32>
  %rootb = stablehlo.broadcast_in_dim %root, dims = [0, 1] : (tensor<2x3xf32>) -> tensor<2x3x8xf32>
  %y = stablehlo.divide %x, %rootb : tensor<2x3x8xf32>
  return %y : tensor<2x3x8xf32>
}

// -----

// gamma first, the mean as a keepdims reshape, rsqrt: any factor order.
// CHECK-LABEL: func.func @gamma_first
// CHECK-SAME: (%[[X:.*]]: tensor<4x6xf32>, %[[G:.*]]: tensor<6xf32>)
// CHECK: %[[Y:.*]] = yat.rms_norm %[[X]], %[[G]] : (tensor<4x6xf32>, tensor<6xf32>) -> tensor<4x6xf32>
// CHECK-NEXT: return %[[Y]]
func.func @gamma_first(%x: tensor<4x6xf32>, %g: tensor<6xf32>) -> tensor<4x6xf32> {
  %zero = stablehlo.constant dense<0.0> : tensor<f32>
  %six = stablehlo.constant dense<6.0> : tensor<4xf32>
  %xx = stablehlo.multiply %x, %x : tensor<4x6xf32>
  %ss = stablehlo.reduce(%xx init: %zero) applies stablehlo.add across dimensions = [1] : (tensor<4x6xf32>, tensor<f32>) -> tensor<4xf32>
  %mean = stablehlo.divide %ss, %six : tensor<4xf32>
  %mean1 = stablehlo.reshape %mean : (tensor<4xf32>) -> tensor<4x1xf32>
  %eps = stablehlo.constant dense<1.0e-6> : tensor<4x1xf32>
  %var = stablehlo.add %mean1, %eps : tensor<4x1xf32>
  %r = stablehlo.rsqrt %var : tensor<4x1xf32>
  %rb = stablehlo.broadcast_in_dim %r, dims = [0, 1] : (tensor<4x1xf32>) -> tensor<4x6xf32>
  %gb = stablehlo.broadcast_in_dim %g, dims = [1] : (tensor<6xf32>) -> tensor<4x6xf32>
  %gx = stablehlo.multiply %gb, %x : tensor<4x6xf32>
  %y = stablehlo.multiply %gx, %rb : tensor<4x6xf32>
  return %y : tensor<4x6xf32>
}

// -----

// Not raised: the sum of squares is divided by 7, not by K = 8.
// CHECK-LABEL: func.func @wrong_count
// CHECK-NOT: yat.rms_norm
// CHECK: stablehlo.rsqrt
func.func @wrong_count(%x: tensor<2x8xf32>) -> tensor<2x8xf32> {
  %zero = stablehlo.constant dense<0.0> : tensor<f32>
  %seven = stablehlo.constant dense<7.0> : tensor<2xf32>
  %xx = stablehlo.multiply %x, %x : tensor<2x8xf32>
  %ss = stablehlo.reduce(%xx init: %zero) applies stablehlo.add across dimensions = [1] : (tensor<2x8xf32>, tensor<f32>) -> tensor<2xf32>
  %mean = stablehlo.divide %ss, %seven : tensor<2xf32>
  %eps = stablehlo.constant dense<1.0e-6> : tensor<2xf32>
  %var = stablehlo.add %mean, %eps : tensor<2xf32>
  %r = stablehlo.rsqrt %var : tensor<2xf32>
  %rb = stablehlo.broadcast_in_dim %r, dims = [0] : (tensor<2xf32>) -> tensor<2x8xf32>
  // expected-remark @below {{not raised: the sum of squares is scaled by 0.142857, not 1/8}}
  %y = stablehlo.multiply %x, %rb : tensor<2x8xf32>
  return %y : tensor<2x8xf32>
}

// -----

// Not raised: normalized over the first dim, not the last.
// CHECK-LABEL: func.func @first_dim
// CHECK-NOT: yat.rms_norm
// CHECK: stablehlo.rsqrt
func.func @first_dim(%x: tensor<4x8xf32>) -> tensor<4x8xf32> {
  %zero = stablehlo.constant dense<0.0> : tensor<f32>
  %four = stablehlo.constant dense<4.0> : tensor<8xf32>
  %xx = stablehlo.multiply %x, %x : tensor<4x8xf32>
  %ss = stablehlo.reduce(%xx init: %zero) applies stablehlo.add across dimensions = [0] : (tensor<4x8xf32>, tensor<f32>) -> tensor<8xf32>
  %mean = stablehlo.divide %ss, %four : tensor<8xf32>
  %eps = stablehlo.constant dense<1.0e-6> : tensor<8xf32>
  %var = stablehlo.add %mean, %eps : tensor<8xf32>
  %r = stablehlo.rsqrt %var : tensor<8xf32>
  %rb = stablehlo.broadcast_in_dim %r, dims = [1] : (tensor<8xf32>) -> tensor<4x8xf32>
  // expected-remark @below {{not raised: the mean square is not taken over the last dim}}
  %y = stablehlo.multiply %x, %rb : tensor<4x8xf32>
  return %y : tensor<4x8xf32>
}

// -----

// Not raised: the normalizer of y scales a different tensor x.
// CHECK-LABEL: func.func @other_tensor
// CHECK-NOT: yat.rms_norm
// CHECK: stablehlo.rsqrt
func.func @other_tensor(%x: tensor<2x8xf32>, %y: tensor<2x8xf32>) -> tensor<2x8xf32> {
  %zero = stablehlo.constant dense<0.0> : tensor<f32>
  %eight = stablehlo.constant dense<8.0> : tensor<2xf32>
  %yy = stablehlo.multiply %y, %y : tensor<2x8xf32>
  %ss = stablehlo.reduce(%yy init: %zero) applies stablehlo.add across dimensions = [1] : (tensor<2x8xf32>, tensor<f32>) -> tensor<2xf32>
  %mean = stablehlo.divide %ss, %eight : tensor<2xf32>
  %eps = stablehlo.constant dense<1.0e-6> : tensor<2xf32>
  %var = stablehlo.add %mean, %eps : tensor<2xf32>
  %r = stablehlo.rsqrt %var : tensor<2xf32>
  %rb = stablehlo.broadcast_in_dim %r, dims = [0] : (tensor<2xf32>) -> tensor<2x8xf32>
  // expected-remark @below {{not raised: a factor other than x, the normalizer and a gamma along the last dim}}
  %out = stablehlo.multiply %x, %rb : tensor<2x8xf32>
  return %out : tensor<2x8xf32>
}
