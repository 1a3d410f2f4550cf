// REQUIRES: stablehlo
// RUN: yat-opt %s --split-input-file --yat-raise-stablehlo | FileCheck %s
// RUN: yat-opt %s --split-input-file --yat-raise-stablehlo=remarks 2>&1 | FileCheck %s --check-prefix=REMARK

// A BitLinear as JAX exports matmulfreellm's: x @ weight_quant(W) with W
// [K, N] a constant (transposed into [N, K] at compile time), clamps as
// maximum/minimum pairs and as stablehlo.clamp.
// CHECK-LABEL: func.func @constant_k_by_n
// CHECK-SAME: (%[[X:.*]]: tensor<2x8xf32>)
// CHECK: %[[W:.*]] = stablehlo.constant dense<{{\[\[}}5.000000e-01, 1.250000e-01, 1.000000e+00, -7.500000e-01, 5.000000e-01, 2.500000e-01, -2.000000e+00, 0.000000e+00], {{.*}}> : tensor<4x8xf32>
// CHECK: %[[P:.*]], %[[S:.*]] = yat.ternarize %[[W]] : (tensor<4x8xf32>) -> (tensor<4x2xi8>, tensor<f32>)
// CHECK: %[[Y:.*]] = yat.ternary_matmul %[[X]], %[[P]], %[[S]] : (tensor<2x8xf32>, tensor<4x2xi8>, tensor<f32>) -> tensor<2x4xf32>
// CHECK-NOT: stablehlo.round_nearest_even
// CHECK-NOT: stablehlo.dot_general
// CHECK: return %[[Y]]
func.func @constant_k_by_n(%x: tensor<2x8xf32>) -> tensor<2x4xf32> {
  %ax = stablehlo.abs %x : tensor<2x8xf32>
  %ninf = stablehlo.constant dense<0xFF800000> : tensor<f32>
  %m = stablehlo.reduce(%ax init: %ninf) applies stablehlo.maximum across dimensions = [1] : (tensor<2x8xf32>, tensor<f32>) -> tensor<2xf32>
  %mb = stablehlo.broadcast_in_dim %m, dims = [0] : (tensor<2xf32>) -> tensor<2x1xf32>
  %eps = stablehlo.constant dense<9.99999974E-6> : tensor<2x1xf32>
  %mx = stablehlo.maximum %mb, %eps : tensor<2x1xf32>
  %c127 = stablehlo.constant dense<127.0> : tensor<2x1xf32>
  %sx = stablehlo.divide %c127, %mx : tensor<2x1xf32>
  %sxb = stablehlo.broadcast_in_dim %sx, dims = [0, 1] : (tensor<2x1xf32>) -> tensor<2x8xf32>
  %xs = stablehlo.multiply %x, %sxb : tensor<2x8xf32>
  %xr = stablehlo.round_nearest_even %xs : tensor<2x8xf32>
  %lo = stablehlo.constant dense<-128.0> : tensor<2x8xf32>
  %hi = stablehlo.constant dense<127.0> : tensor<2x8xf32>
  %xc1 = stablehlo.maximum %lo, %xr : tensor<2x8xf32>
  %xc = stablehlo.minimum %hi, %xc1 : tensor<2x8xf32>
  %xq = stablehlo.divide %xc, %sxb : tensor<2x8xf32>
  %w = stablehlo.constant dense<[[0.5, -0.25, 1.0, 0.0], [0.125, 0.75, -1.5, 0.25], [1.0, 1.0, -0.5, 0.5], [-0.75, 0.0, 0.25, 2.0], [0.5, -1.0, 0.0, 0.125], [0.25, 0.5, 0.75, -0.25], [-2.0, 0.5, 1.5, 0.0], [0.0, 0.25, -0.125, 1.0]]> : tensor<8x4xf32>
  %aw = stablehlo.abs %w : tensor<8x4xf32>
  %zero = stablehlo.constant dense<0.000000e+00> : tensor<f32>
  %sum = stablehlo.reduce(%aw init: %zero) applies stablehlo.add across dimensions = [0, 1] : (tensor<8x4xf32>, tensor<f32>) -> tensor<f32>
  %count = stablehlo.constant dense<32.0> : tensor<f32>
  %mean = stablehlo.divide %sum, %count : tensor<f32>
  %e = stablehlo.constant dense<9.99999974E-6> : tensor<f32>
  %mm = stablehlo.maximum %mean, %e : tensor<f32>
  %one = stablehlo.constant dense<1.0> : tensor<f32>
  %s = stablehlo.divide %one, %mm : tensor<f32>
  %sb = stablehlo.broadcast_in_dim %s, dims = [] : (tensor<f32>) -> tensor<8x4xf32>
  %ws = stablehlo.multiply %w, %sb : tensor<8x4xf32>
  %wr = stablehlo.round_nearest_even %ws : tensor<8x4xf32>
  %wlo = stablehlo.constant dense<-1.0> : tensor<f32>
  %whi = stablehlo.constant dense<1.0> : tensor<f32>
  %wc = "stablehlo.clamp"(%wlo, %wr, %whi) : (tensor<f32>, tensor<8x4xf32>, tensor<f32>) -> tensor<8x4xf32>
  %wq = stablehlo.divide %wc, %sb : tensor<8x4xf32>
  %y = stablehlo.dot_general %xq, %wq, contracting_dims = [1] x [0] : (tensor<2x8xf32>, tensor<8x4xf32>) -> tensor<2x4xf32>
  return %y : tensor<2x4xf32>
}

// -----

// x @ W.T with W [N, K] an argument: no transpose; the weight is ternarized
// at run time.
// CHECK-LABEL: func.func @argument_n_by_k
// CHECK-SAME: (%[[X:.*]]: tensor<2x8xf32>, %[[W:.*]]: tensor<4x8xf32>)
// CHECK: %[[P:.*]], %[[S:.*]] = yat.ternarize %[[W]] : (tensor<4x8xf32>) -> (tensor<4x2xi8>, tensor<f32>)
// CHECK: yat.ternary_matmul %[[X]], %[[P]], %[[S]]
func.func @argument_n_by_k(%x: tensor<2x8xf32>, %w: tensor<4x8xf32>) -> tensor<2x4xf32> {
  %ax = stablehlo.abs %x : tensor<2x8xf32>
  %ninf = stablehlo.constant dense<0xFF800000> : tensor<f32>
  %m = stablehlo.reduce(%ax init: %ninf) applies stablehlo.maximum across dimensions = [1] : (tensor<2x8xf32>, tensor<f32>) -> tensor<2xf32>
  %mb = stablehlo.broadcast_in_dim %m, dims = [0] : (tensor<2xf32>) -> tensor<2x1xf32>
  %eps = stablehlo.constant dense<9.99999974E-6> : tensor<2x1xf32>
  %mx = stablehlo.maximum %mb, %eps : tensor<2x1xf32>
  %c127 = stablehlo.constant dense<127.0> : tensor<2x1xf32>
  %sx = stablehlo.divide %c127, %mx : tensor<2x1xf32>
  %sxb = stablehlo.broadcast_in_dim %sx, dims = [0, 1] : (tensor<2x1xf32>) -> tensor<2x8xf32>
  %xs = stablehlo.multiply %x, %sxb : tensor<2x8xf32>
  %xr = stablehlo.round_nearest_even %xs : tensor<2x8xf32>
  %lo = stablehlo.constant dense<-128.0> : tensor<2x8xf32>
  %hi = stablehlo.constant dense<127.0> : tensor<2x8xf32>
  %xc1 = stablehlo.maximum %lo, %xr : tensor<2x8xf32>
  %xc = stablehlo.minimum %hi, %xc1 : tensor<2x8xf32>
  %xq = stablehlo.divide %xc, %sxb : tensor<2x8xf32>
  %aw = stablehlo.abs %w : tensor<4x8xf32>
  %zero = stablehlo.constant dense<0.000000e+00> : tensor<f32>
  %sum = stablehlo.reduce(%aw init: %zero) applies stablehlo.add across dimensions = [0, 1] : (tensor<4x8xf32>, tensor<f32>) -> tensor<f32>
  %count = stablehlo.constant dense<32.0> : tensor<f32>
  %mean = stablehlo.divide %sum, %count : tensor<f32>
  %e = stablehlo.constant dense<9.99999974E-6> : tensor<f32>
  %mm = stablehlo.maximum %mean, %e : tensor<f32>
  %one = stablehlo.constant dense<1.0> : tensor<f32>
  %s = stablehlo.divide %one, %mm : tensor<f32>
  %sb = stablehlo.broadcast_in_dim %s, dims = [] : (tensor<f32>) -> tensor<4x8xf32>
  %ws = stablehlo.multiply %w, %sb : tensor<4x8xf32>
  %wr = stablehlo.round_nearest_even %ws : tensor<4x8xf32>
  %wlo = stablehlo.constant dense<-1.0> : tensor<4x8xf32>
  %whi = stablehlo.constant dense<1.0> : tensor<4x8xf32>
  %wc1 = stablehlo.minimum %wr, %whi : tensor<4x8xf32>
  %wc = stablehlo.maximum %wc1, %wlo : tensor<4x8xf32>
  %wq = stablehlo.divide %wc, %sb : tensor<4x8xf32>
  %y = stablehlo.dot_general %xq, %wq, contracting_dims = [1] x [1] : (tensor<2x8xf32>, tensor<4x8xf32>) -> tensor<2x4xf32>
  return %y : tensor<2x4xf32>
}

// -----

// W [K, N] an argument: transposed at run time.
// CHECK-LABEL: func.func @argument_k_by_n
// CHECK-SAME: (%[[X:.*]]: tensor<2x8xf32>, %[[W:.*]]: tensor<8x4xf32>)
// CHECK: %[[T:.*]] = stablehlo.transpose %[[W]], dims = [1, 0] : (tensor<8x4xf32>) -> tensor<4x8xf32>
// CHECK: %[[P:.*]], %[[S:.*]] = yat.ternarize %[[T]]
// CHECK: yat.ternary_matmul %[[X]], %[[P]], %[[S]]
func.func @argument_k_by_n(%x: tensor<2x8xf32>, %w: tensor<8x4xf32>) -> tensor<2x4xf32> {
  %ax = stablehlo.abs %x : tensor<2x8xf32>
  %ninf = stablehlo.constant dense<0xFF800000> : tensor<f32>
  %m = stablehlo.reduce(%ax init: %ninf) applies stablehlo.maximum across dimensions = [1] : (tensor<2x8xf32>, tensor<f32>) -> tensor<2xf32>
  %mb = stablehlo.broadcast_in_dim %m, dims = [0] : (tensor<2xf32>) -> tensor<2x1xf32>
  %eps = stablehlo.constant dense<9.99999974E-6> : tensor<2x1xf32>
  %mx = stablehlo.maximum %mb, %eps : tensor<2x1xf32>
  %c127 = stablehlo.constant dense<127.0> : tensor<2x1xf32>
  %sx = stablehlo.divide %c127, %mx : tensor<2x1xf32>
  %sxb = stablehlo.broadcast_in_dim %sx, dims = [0, 1] : (tensor<2x1xf32>) -> tensor<2x8xf32>
  %xs = stablehlo.multiply %x, %sxb : tensor<2x8xf32>
  %xr = stablehlo.round_nearest_even %xs : tensor<2x8xf32>
  %lo = stablehlo.constant dense<-128.0> : tensor<2x8xf32>
  %hi = stablehlo.constant dense<127.0> : tensor<2x8xf32>
  %xc1 = stablehlo.maximum %lo, %xr : tensor<2x8xf32>
  %xc = stablehlo.minimum %hi, %xc1 : tensor<2x8xf32>
  %xq = stablehlo.divide %xc, %sxb : tensor<2x8xf32>
  %aw = stablehlo.abs %w : tensor<8x4xf32>
  %zero = stablehlo.constant dense<0.000000e+00> : tensor<f32>
  %sum = stablehlo.reduce(%aw init: %zero) applies stablehlo.add across dimensions = [0, 1] : (tensor<8x4xf32>, tensor<f32>) -> tensor<f32>
  %count = stablehlo.constant dense<32.0> : tensor<f32>
  %mean = stablehlo.divide %sum, %count : tensor<f32>
  %e = stablehlo.constant dense<9.99999974E-6> : tensor<f32>
  %mm = stablehlo.maximum %mean, %e : tensor<f32>
  %one = stablehlo.constant dense<1.0> : tensor<f32>
  %s = stablehlo.divide %one, %mm : tensor<f32>
  %sb = stablehlo.broadcast_in_dim %s, dims = [] : (tensor<f32>) -> tensor<8x4xf32>
  %ws = stablehlo.multiply %w, %sb : tensor<8x4xf32>
  %wr = stablehlo.round_nearest_even %ws : tensor<8x4xf32>
  %wlo = stablehlo.constant dense<-1.0> : tensor<f32>
  %whi = stablehlo.constant dense<1.0> : tensor<f32>
  %wc = "stablehlo.clamp"(%wlo, %wr, %whi) : (tensor<f32>, tensor<8x4xf32>, tensor<f32>) -> tensor<8x4xf32>
  %wq = stablehlo.divide %wc, %sb : tensor<8x4xf32>
  %y = stablehlo.dot_general %xq, %wq, contracting_dims = [1] x [0] : (tensor<2x8xf32>, tensor<8x4xf32>) -> tensor<2x4xf32>
  return %y : tensor<2x4xf32>
}

// -----

// Weights scaled by their maximum, not their mean: not raised.
// CHECK-LABEL: func.func @weights_by_max
// CHECK: stablehlo.dot_general
// CHECK-NOT: yat.ternary_matmul
// REMARK: remark: not raised: the weights are not scaled by 1 / max(mean |w|, 1e-5)
func.func @weights_by_max(%x: tensor<2x8xf32>, %w: tensor<8x4xf32>) -> tensor<2x4xf32> {
  %ax = stablehlo.abs %x : tensor<2x8xf32>
  %ninf = stablehlo.constant dense<0xFF800000> : tensor<f32>
  %m = stablehlo.reduce(%ax init: %ninf) applies stablehlo.maximum across dimensions = [1] : (tensor<2x8xf32>, tensor<f32>) -> tensor<2xf32>
  %mb = stablehlo.broadcast_in_dim %m, dims = [0] : (tensor<2xf32>) -> tensor<2x1xf32>
  %eps = stablehlo.constant dense<9.99999974E-6> : tensor<2x1xf32>
  %mx = stablehlo.maximum %mb, %eps : tensor<2x1xf32>
  %c127 = stablehlo.constant dense<127.0> : tensor<2x1xf32>
  %sx = stablehlo.divide %c127, %mx : tensor<2x1xf32>
  %sxb = stablehlo.broadcast_in_dim %sx, dims = [0, 1] : (tensor<2x1xf32>) -> tensor<2x8xf32>
  %xs = stablehlo.multiply %x, %sxb : tensor<2x8xf32>
  %xr = stablehlo.round_nearest_even %xs : tensor<2x8xf32>
  %lo = stablehlo.constant dense<-128.0> : tensor<2x8xf32>
  %hi = stablehlo.constant dense<127.0> : tensor<2x8xf32>
  %xc1 = stablehlo.maximum %lo, %xr : tensor<2x8xf32>
  %xc = stablehlo.minimum %hi, %xc1 : tensor<2x8xf32>
  %xq = stablehlo.divide %xc, %sxb : tensor<2x8xf32>
  %aw = stablehlo.abs %w : tensor<8x4xf32>
  %zero = stablehlo.constant dense<0xFF800000> : tensor<f32>
  %sum = stablehlo.reduce(%aw init: %zero) applies stablehlo.maximum across dimensions = [0, 1] : (tensor<8x4xf32>, tensor<f32>) -> tensor<f32>
  %count = stablehlo.constant dense<32.0> : tensor<f32>
  %mean = stablehlo.divide %sum, %count : tensor<f32>
  %e = stablehlo.constant dense<9.99999974E-6> : tensor<f32>
  %mm = stablehlo.maximum %mean, %e : tensor<f32>
  %one = stablehlo.constant dense<1.0> : tensor<f32>
  %s = stablehlo.divide %one, %mm : tensor<f32>
  %sb = stablehlo.broadcast_in_dim %s, dims = [] : (tensor<f32>) -> tensor<8x4xf32>
  %ws = stablehlo.multiply %w, %sb : tensor<8x4xf32>
  %wr = stablehlo.round_nearest_even %ws : tensor<8x4xf32>
  %wlo = stablehlo.constant dense<-1.0> : tensor<f32>
  %whi = stablehlo.constant dense<1.0> : tensor<f32>
  %wc = "stablehlo.clamp"(%wlo, %wr, %whi) : (tensor<f32>, tensor<8x4xf32>, tensor<f32>) -> tensor<8x4xf32>
  %wq = stablehlo.divide %wc, %sb : tensor<8x4xf32>
  %y = stablehlo.dot_general %xq, %wq, contracting_dims = [1] x [0] : (tensor<2x8xf32>, tensor<8x4xf32>) -> tensor<2x4xf32>
  return %y : tensor<2x4xf32>
}

// -----

// Activations scaled by 100 / max |x|: not the int8 absmax quantization.
// CHECK-LABEL: func.func @activations_by_100
// CHECK: stablehlo.dot_general
// CHECK-NOT: yat.ternary_matmul
// REMARK: remark: not raised: the activations are not scaled by 127 / max(max |x|, 1e-5) over the last dim
func.func @activations_by_100(%x: tensor<2x8xf32>, %w: tensor<8x4xf32>) -> tensor<2x4xf32> {
  %ax = stablehlo.abs %x : tensor<2x8xf32>
  %ninf = stablehlo.constant dense<0xFF800000> : tensor<f32>
  %m = stablehlo.reduce(%ax init: %ninf) applies stablehlo.maximum across dimensions = [1] : (tensor<2x8xf32>, tensor<f32>) -> tensor<2xf32>
  %mb = stablehlo.broadcast_in_dim %m, dims = [0] : (tensor<2xf32>) -> tensor<2x1xf32>
  %eps = stablehlo.constant dense<9.99999974E-6> : tensor<2x1xf32>
  %mx = stablehlo.maximum %mb, %eps : tensor<2x1xf32>
  %c127 = stablehlo.constant dense<100.0> : tensor<2x1xf32>
  %sx = stablehlo.divide %c127, %mx : tensor<2x1xf32>
  %sxb = stablehlo.broadcast_in_dim %sx, dims = [0, 1] : (tensor<2x1xf32>) -> tensor<2x8xf32>
  %xs = stablehlo.multiply %x, %sxb : tensor<2x8xf32>
  %xr = stablehlo.round_nearest_even %xs : tensor<2x8xf32>
  %lo = stablehlo.constant dense<-128.0> : tensor<2x8xf32>
  %hi = stablehlo.constant dense<127.0> : tensor<2x8xf32>
  %xc1 = stablehlo.maximum %lo, %xr : tensor<2x8xf32>
  %xc = stablehlo.minimum %hi, %xc1 : tensor<2x8xf32>
  %xq = stablehlo.divide %xc, %sxb : tensor<2x8xf32>
  %aw = stablehlo.abs %w : tensor<8x4xf32>
  %zero = stablehlo.constant dense<0.000000e+00> : tensor<f32>
  %sum = stablehlo.reduce(%aw init: %zero) applies stablehlo.add across dimensions = [0, 1] : (tensor<8x4xf32>, tensor<f32>) -> tensor<f32>
  %count = stablehlo.constant dense<32.0> : tensor<f32>
  %mean = stablehlo.divide %sum, %count : tensor<f32>
  %e = stablehlo.constant dense<9.99999974E-6> : tensor<f32>
  %mm = stablehlo.maximum %mean, %e : tensor<f32>
  %one = stablehlo.constant dense<1.0> : tensor<f32>
  %s = stablehlo.divide %one, %mm : tensor<f32>
  %sb = stablehlo.broadcast_in_dim %s, dims = [] : (tensor<f32>) -> tensor<8x4xf32>
  %ws = stablehlo.multiply %w, %sb : tensor<8x4xf32>
  %wr = stablehlo.round_nearest_even %ws : tensor<8x4xf32>
  %wlo = stablehlo.constant dense<-1.0> : tensor<f32>
  %whi = stablehlo.constant dense<1.0> : tensor<f32>
  %wc = "stablehlo.clamp"(%wlo, %wr, %whi) : (tensor<f32>, tensor<8x4xf32>, tensor<f32>) -> tensor<8x4xf32>
  %wq = stablehlo.divide %wc, %sb : tensor<8x4xf32>
  %y = stablehlo.dot_general %xq, %wq, contracting_dims = [1] x [0] : (tensor<2x8xf32>, tensor<8x4xf32>) -> tensor<2x4xf32>
  return %y : tensor<2x4xf32>
}

// -----

// K = 6 cannot be packed four weights to a byte.
// CHECK-LABEL: func.func @depth_not_multiple_of_4
// CHECK: stablehlo.dot_general
// CHECK-NOT: yat.ternary_matmul
// REMARK: remark: not raised: the reduction length 6 is not a multiple of 4, which yat.ternarize packs
func.func @depth_not_multiple_of_4(%x: tensor<2x6xf32>, %w: tensor<6x4xf32>) -> tensor<2x4xf32> {
  %ax = stablehlo.abs %x : tensor<2x6xf32>
  %ninf = stablehlo.constant dense<0xFF800000> : tensor<f32>
  %m = stablehlo.reduce(%ax init: %ninf) applies stablehlo.maximum across dimensions = [1] : (tensor<2x6xf32>, tensor<f32>) -> tensor<2xf32>
  %mb = stablehlo.broadcast_in_dim %m, dims = [0] : (tensor<2xf32>) -> tensor<2x1xf32>
  %eps = stablehlo.constant dense<9.99999974E-6> : tensor<2x1xf32>
  %mx = stablehlo.maximum %mb, %eps : tensor<2x1xf32>
  %c127 = stablehlo.constant dense<127.0> : tensor<2x1xf32>
  %sx = stablehlo.divide %c127, %mx : tensor<2x1xf32>
  %sxb = stablehlo.broadcast_in_dim %sx, dims = [0, 1] : (tensor<2x1xf32>) -> tensor<2x6xf32>
  %xs = stablehlo.multiply %x, %sxb : tensor<2x6xf32>
  %xr = stablehlo.round_nearest_even %xs : tensor<2x6xf32>
  %lo = stablehlo.constant dense<-128.0> : tensor<2x6xf32>
  %hi = stablehlo.constant dense<127.0> : tensor<2x6xf32>
  %xc1 = stablehlo.maximum %lo, %xr : tensor<2x6xf32>
  %xc = stablehlo.minimum %hi, %xc1 : tensor<2x6xf32>
  %xq = stablehlo.divide %xc, %sxb : tensor<2x6xf32>
  %aw = stablehlo.abs %w : tensor<6x4xf32>
  %zero = stablehlo.constant dense<0.000000e+00> : tensor<f32>
  %sum = stablehlo.reduce(%aw init: %zero) applies stablehlo.add across dimensions = [0, 1] : (tensor<6x4xf32>, tensor<f32>) -> tensor<f32>
  %count = stablehlo.constant dense<24.0> : tensor<f32>
  %mean = stablehlo.divide %sum, %count : tensor<f32>
  %e = stablehlo.constant dense<9.99999974E-6> : tensor<f32>
  %mm = stablehlo.maximum %mean, %e : tensor<f32>
  %one = stablehlo.constant dense<1.0> : tensor<f32>
  %s = stablehlo.divide %one, %mm : tensor<f32>
  %sb = stablehlo.broadcast_in_dim %s, dims = [] : (tensor<f32>) -> tensor<6x4xf32>
  %ws = stablehlo.multiply %w, %sb : tensor<6x4xf32>
  %wr = stablehlo.round_nearest_even %ws : tensor<6x4xf32>
  %wlo = stablehlo.constant dense<-1.0> : tensor<f32>
  %whi = stablehlo.constant dense<1.0> : tensor<f32>
  %wc = "stablehlo.clamp"(%wlo, %wr, %whi) : (tensor<f32>, tensor<6x4xf32>, tensor<f32>) -> tensor<6x4xf32>
  %wq = stablehlo.divide %wc, %sb : tensor<6x4xf32>
  %y = stablehlo.dot_general %xq, %wq, contracting_dims = [1] x [0] : (tensor<2x6xf32>, tensor<6x4xf32>) -> tensor<2x4xf32>
  return %y : tensor<2x4xf32>
}
