// REQUIRES: stablehlo
// RUN: yat-opt %s -split-input-file --yat-raise-stablehlo | FileCheck %s
// RUN: yat-opt %s -split-input-file --yat-raise-stablehlo=remarks=true -verify-diagnostics > /dev/null

// jax.lax.scan of h = a_t * h + b_t over time-major [T, B, D] sequences, as
// JAX exports it (its helpers inlined by the preprocessing): the loop
// becomes one yat.linear_recurrence on [B, T, D] views, its states go back
// to [T, B, D] and its carry is h_last.
// CHECK-LABEL: func.func @scan
// CHECK-SAME: (%[[A:.*]]: tensor<8x2x16xf32>, %[[B:.*]]: tensor<8x2x16xf32>, %[[H0:.*]]: tensor<2x16xf32>)
// CHECK-NOT: stablehlo.while
// CHECK: %[[AT:.*]] = stablehlo.transpose %[[A]], dims = [1, 0, 2] : (tensor<8x2x16xf32>) -> tensor<2x8x16xf32>
// CHECK: %[[BT:.*]] = stablehlo.transpose %[[B]], dims = [1, 0, 2]
// CHECK: %[[H:.*]], %[[LAST:.*]] = yat.linear_recurrence %[[AT]], %[[BT]], %[[H0]] : (tensor<2x8x16xf32>, tensor<2x8x16xf32>, tensor<2x16xf32>) -> (tensor<2x8x16xf32>, tensor<2x16xf32>)
// CHECK: %[[HT:.*]] = stablehlo.transpose %[[H]], dims = [1, 0, 2] : (tensor<2x8x16xf32>) -> tensor<8x2x16xf32>
// CHECK: return %[[HT]], %[[LAST]]
func.func @scan(%a: tensor<8x2x16xf32>, %b: tensor<8x2x16xf32>, %h0: tensor<2x16xf32>) -> (tensor<8x2x16xf32>, tensor<2x16xf32>) {
  %zeros = stablehlo.constant dense<0.0> : tensor<8x2x16xf32>
  %c0 = stablehlo.constant dense<0> : tensor<i32>
  %r:5 = stablehlo.while(%xa = %a, %xb = %b, %i = %c0, %h = %h0, %ys = %zeros) : tensor<8x2x16xf32>, tensor<8x2x16xf32>, tensor<i32>, tensor<2x16xf32>, tensor<8x2x16xf32>
  cond {
    %n = stablehlo.constant dense<8> : tensor<i32>
    %lt = stablehlo.compare LT, %i, %n, SIGNED : (tensor<i32>, tensor<i32>) -> tensor<i1>
    stablehlo.return %lt : tensor<i1>
  } do {
    %at = func.call @dynamic_index_in_dim(%xa, %i) : (tensor<8x2x16xf32>, tensor<i32>) -> tensor<2x16xf32>
    %bt = func.call @dynamic_index_in_dim(%xb, %i) : (tensor<8x2x16xf32>, tensor<i32>) -> tensor<2x16xf32>
    %decayed = stablehlo.multiply %at, %h : tensor<2x16xf32>
    %next = stablehlo.add %decayed, %bt : tensor<2x16xf32>
    %row = stablehlo.broadcast_in_dim %next, dims = [1, 2] : (tensor<2x16xf32>) -> tensor<1x2x16xf32>
    %z = stablehlo.constant dense<0> : tensor<i32>
    %ys2 = stablehlo.dynamic_update_slice %ys, %row, %i, %z, %z : (tensor<8x2x16xf32>, tensor<1x2x16xf32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<8x2x16xf32>
    %one = stablehlo.constant dense<1> : tensor<i32>
    %i2 = stablehlo.add %i, %one : tensor<i32>
    stablehlo.return %xa, %xb, %i2, %next, %ys2 : tensor<8x2x16xf32>, tensor<8x2x16xf32>, tensor<i32>, tensor<2x16xf32>, tensor<8x2x16xf32>
  }
  return %r#4, %r#3 : tensor<8x2x16xf32>, tensor<2x16xf32>
}
func.func private @dynamic_index_in_dim(%arg0: tensor<8x2x16xf32>, %arg1: tensor<i32>) -> tensor<2x16xf32> {
  %c = stablehlo.constant dense<0> : tensor<i32>
  %0 = stablehlo.dynamic_slice %arg0, %arg1, %c, %c, sizes = [1, 2, 16] : (tensor<8x2x16xf32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<1x2x16xf32>
  %1 = stablehlo.reshape %0 : (tensor<1x2x16xf32>) -> tensor<2x16xf32>
  return %1 : tensor<2x16xf32>
}

// -----

// lax.scan(reverse=True) over a rank-1 carry, the sequences captured from
// outside the loop, the product and sum commuted, no states collected:
// one batch row, reverse, h_last only. The counter's final value is T.
// CHECK-LABEL: func.func @reverse_vector
// CHECK-SAME: (%[[A:.*]]: tensor<5x7xf32>, %[[B:.*]]: tensor<5x7xf32>, %[[H0:.*]]: tensor<7xf32>)
// CHECK-DAG: %[[A3:.*]] = stablehlo.reshape %[[A]] : (tensor<5x7xf32>) -> tensor<1x5x7xf32>
// CHECK-DAG: %[[B3:.*]] = stablehlo.reshape %[[B]] : (tensor<5x7xf32>) -> tensor<1x5x7xf32>
// CHECK-DAG: %[[S0:.*]] = stablehlo.reshape %[[H0]] : (tensor<7xf32>) -> tensor<1x7xf32>
// CHECK: %{{.*}}, %[[LAST:.*]] = yat.linear_recurrence %[[A3]], %[[B3]], %[[S0]] {reverse}
// CHECK: %[[T:.*]] = stablehlo.constant dense<5> : tensor<i64>
// CHECK: %[[LASTV:.*]] = stablehlo.reshape %[[LAST]] : (tensor<1x7xf32>) -> tensor<7xf32>
// CHECK: return %[[LASTV]], %[[T]]
func.func @reverse_vector(%a: tensor<5x7xf32>, %b: tensor<5x7xf32>, %h0: tensor<7xf32>) -> (tensor<7xf32>, tensor<i64>) {
  %c0 = stablehlo.constant dense<0> : tensor<i64>
  %r:2 = stablehlo.while(%i = %c0, %h = %h0) : tensor<i64>, tensor<7xf32>
  cond {
    %n = stablehlo.constant dense<5> : tensor<i64>
    %gt = stablehlo.compare GT, %n, %i, SIGNED : (tensor<i64>, tensor<i64>) -> tensor<i1>
    stablehlo.return %gt : tensor<i1>
  } do {
    %last = stablehlo.constant dense<4> : tensor<i64>
    %t = stablehlo.subtract %last, %i : tensor<i64>
    %z = stablehlo.constant dense<0> : tensor<i64>
    %as = stablehlo.dynamic_slice %a, %t, %z, sizes = [1, 7] : (tensor<5x7xf32>, tensor<i64>, tensor<i64>) -> tensor<1x7xf32>
    %at = stablehlo.reshape %as : (tensor<1x7xf32>) -> tensor<7xf32>
    %bs = stablehlo.dynamic_slice %b, %t, %z, sizes = [1, 7] : (tensor<5x7xf32>, tensor<i64>, tensor<i64>) -> tensor<1x7xf32>
    %bt = stablehlo.reshape %bs : (tensor<1x7xf32>) -> tensor<7xf32>
    %decayed = stablehlo.multiply %h, %at : tensor<7xf32>
    %next = stablehlo.add %bt, %decayed : tensor<7xf32>
    %one = stablehlo.constant dense<1> : tensor<i64>
    %i2 = stablehlo.add %one, %i : tensor<i64>
    stablehlo.return %i2, %next : tensor<i64>, tensor<7xf32>
  }
  return %r#1, %r#0 : tensor<7xf32>, tensor<i64>
}

// -----

// The carry is squared, not decayed: not a linear recurrence.
// CHECK-LABEL: func.func @not_linear
// CHECK: stablehlo.while
// CHECK-NOT: yat.linear_recurrence
func.func @not_linear(%b: tensor<4x3xf32>, %h0: tensor<3xf32>) -> tensor<3xf32> {
  %c0 = stablehlo.constant dense<0> : tensor<i32>
  // expected-remark @below {{not raised: a scan loop whose carry is not updated as a_t * h + b_t from rows of two sequences}}
  %r:2 = stablehlo.while(%i = %c0, %h = %h0) : tensor<i32>, tensor<3xf32>
  cond {
    %n = stablehlo.constant dense<4> : tensor<i32>
    %lt = stablehlo.compare LT, %i, %n, SIGNED : (tensor<i32>, tensor<i32>) -> tensor<i1>
    stablehlo.return %lt : tensor<i1>
  } do {
    %z = stablehlo.constant dense<0> : tensor<i32>
    %bs = stablehlo.dynamic_slice %b, %i, %z, sizes = [1, 3] : (tensor<4x3xf32>, tensor<i32>, tensor<i32>) -> tensor<1x3xf32>
    %bt = stablehlo.reshape %bs : (tensor<1x3xf32>) -> tensor<3xf32>
    %sq = stablehlo.multiply %h, %h : tensor<3xf32>
    %next = stablehlo.add %sq, %bt : tensor<3xf32>
    %one = stablehlo.constant dense<1> : tensor<i32>
    %i2 = stablehlo.add %i, %one : tensor<i32>
    stablehlo.return %i2, %next : tensor<i32>, tensor<3xf32>
  }
  return %r#1 : tensor<3xf32>
}

// -----

// A scan that also accumulates something else keeps its loop.
// CHECK-LABEL: func.func @extra_carry
// CHECK: stablehlo.while
// CHECK-NOT: yat.linear_recurrence
func.func @extra_carry(%a: tensor<4x3xf32>, %b: tensor<4x3xf32>, %h0: tensor<3xf32>) -> (tensor<3xf32>, tensor<3xf32>) {
  %c0 = stablehlo.constant dense<0> : tensor<i32>
  // expected-remark @below {{not raised: a scan loop that also updates another value}}
  %r:3 = stablehlo.while(%i = %c0, %h = %h0, %s = %h0) : tensor<i32>, tensor<3xf32>, tensor<3xf32>
  cond {
    %n = stablehlo.constant dense<4> : tensor<i32>
    %lt = stablehlo.compare LT, %i, %n, SIGNED : (tensor<i32>, tensor<i32>) -> tensor<i1>
    stablehlo.return %lt : tensor<i1>
  } do {
    %z = stablehlo.constant dense<0> : tensor<i32>
    %as = stablehlo.dynamic_slice %a, %i, %z, sizes = [1, 3] : (tensor<4x3xf32>, tensor<i32>, tensor<i32>) -> tensor<1x3xf32>
    %at = stablehlo.reshape %as : (tensor<1x3xf32>) -> tensor<3xf32>
    %bs = stablehlo.dynamic_slice %b, %i, %z, sizes = [1, 3] : (tensor<4x3xf32>, tensor<i32>, tensor<i32>) -> tensor<1x3xf32>
    %bt = stablehlo.reshape %bs : (tensor<1x3xf32>) -> tensor<3xf32>
    %decayed = stablehlo.multiply %at, %h : tensor<3xf32>
    %next = stablehlo.add %decayed, %bt : tensor<3xf32>
    %sum = stablehlo.add %s, %next : tensor<3xf32>
    %one = stablehlo.constant dense<1> : tensor<i32>
    %i2 = stablehlo.add %i, %one : tensor<i32>
    stablehlo.return %i2, %next, %sum : tensor<i32>, tensor<3xf32>, tensor<3xf32>
  }
  return %r#1, %r#2 : tensor<3xf32>, tensor<3xf32>
}

// -----

// An associative scan of two steps whose pair takes the decay of the wrong
// step (a_0 · b_0 + b_1 instead of a_1 · b_0 + b_1): not the recurrence.
// CHECK-LABEL: func.func @wrong_pair
// CHECK: stablehlo.pad
// CHECK-NOT: yat.linear_recurrence
func.func @wrong_pair(%a: tensor<2x3xf32>, %b: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %zero = stablehlo.constant dense<0.0> : tensor<f32>
  %a0 = stablehlo.slice %a [0:1:2, 0:3] : (tensor<2x3xf32>) -> tensor<1x3xf32>
  %b0 = stablehlo.slice %b [0:1:2, 0:3] : (tensor<2x3xf32>) -> tensor<1x3xf32>
  %b1 = stablehlo.slice %b [1:2:2, 0:3] : (tensor<2x3xf32>) -> tensor<1x3xf32>
  %m = stablehlo.multiply %a0, %b0 : tensor<1x3xf32>
  %odd = stablehlo.add %m, %b1 : tensor<1x3xf32>
  %x = stablehlo.slice %odd [0:0, 0:3] : (tensor<1x3xf32>) -> tensor<0x3xf32>
  %a2 = stablehlo.slice %a [2:2:2, 0:3] : (tensor<2x3xf32>) -> tensor<0x3xf32>
  %b2 = stablehlo.slice %b [2:2:2, 0:3] : (tensor<2x3xf32>) -> tensor<0x3xf32>
  %m2 = stablehlo.multiply %a2, %x : tensor<0x3xf32>
  %rest = stablehlo.add %m2, %b2 : tensor<0x3xf32>
  %first = stablehlo.slice %b [0:1, 0:3] : (tensor<2x3xf32>) -> tensor<1x3xf32>
  %even = stablehlo.concatenate %first, %rest, dim = 0 : (tensor<1x3xf32>, tensor<0x3xf32>) -> tensor<1x3xf32>
  %pe = stablehlo.pad %even, %zero, low = [0, 0], high = [1, 0], interior = [1, 0] : (tensor<1x3xf32>, tensor<f32>) -> tensor<2x3xf32>
  %po = stablehlo.pad %odd, %zero, low = [1, 0], high = [0, 0], interior = [1, 0] : (tensor<1x3xf32>, tensor<f32>) -> tensor<2x3xf32>
  // expected-remark @below {{not raised: an interleave that is not the associative scan of h = a_t * h + b_t}}
  %h = stablehlo.add %pe, %po : tensor<2x3xf32>
  return %h : tensor<2x3xf32>
}

// -----

// The same with the right pair: two steps raise.
// CHECK-LABEL: func.func @two_steps
// CHECK-SAME: (%[[A:.*]]: tensor<2x3xf32>, %[[B:.*]]: tensor<2x3xf32>)
// CHECK: yat.linear_recurrence %{{.*}}, %{{.*}} : (tensor<1x2x3xf32>, tensor<1x2x3xf32>)
func.func @two_steps(%a: tensor<2x3xf32>, %b: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %zero = stablehlo.constant dense<0.0> : tensor<f32>
  %a1 = stablehlo.slice %a [1:2:2, 0:3] : (tensor<2x3xf32>) -> tensor<1x3xf32>
  %b0 = stablehlo.slice %b [0:1:2, 0:3] : (tensor<2x3xf32>) -> tensor<1x3xf32>
  %b1 = stablehlo.slice %b [1:2:2, 0:3] : (tensor<2x3xf32>) -> tensor<1x3xf32>
  %m = stablehlo.multiply %a1, %b0 : tensor<1x3xf32>
  %odd = stablehlo.add %m, %b1 : tensor<1x3xf32>
  %x = stablehlo.slice %odd [0:0, 0:3] : (tensor<1x3xf32>) -> tensor<0x3xf32>
  %a2 = stablehlo.slice %a [2:2:2, 0:3] : (tensor<2x3xf32>) -> tensor<0x3xf32>
  %b2 = stablehlo.slice %b [2:2:2, 0:3] : (tensor<2x3xf32>) -> tensor<0x3xf32>
  %m2 = stablehlo.multiply %a2, %x : tensor<0x3xf32>
  %rest = stablehlo.add %m2, %b2 : tensor<0x3xf32>
  %first = stablehlo.slice %b [0:1, 0:3] : (tensor<2x3xf32>) -> tensor<1x3xf32>
  %even = stablehlo.concatenate %first, %rest, dim = 0 : (tensor<1x3xf32>, tensor<0x3xf32>) -> tensor<1x3xf32>
  %pe = stablehlo.pad %even, %zero, low = [0, 0], high = [1, 0], interior = [1, 0] : (tensor<1x3xf32>, tensor<f32>) -> tensor<2x3xf32>
  %po = stablehlo.pad %odd, %zero, low = [1, 0], high = [0, 0], interior = [1, 0] : (tensor<1x3xf32>, tensor<f32>) -> tensor<2x3xf32>
  %h = stablehlo.add %pe, %po : tensor<2x3xf32>
  return %h : tensor<2x3xf32>
}
