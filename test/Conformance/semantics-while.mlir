// RUN: yat-run %s
// RUN: yat-run %s --pipeline-options=fuse=false
// stablehlo.while on hand-computed cases, checked by the module itself: a
// linear recurrence written the way lax.scan lowers it (dynamic_slice of
// the inputs, dynamic_update_slice of the outputs), a loop that never runs,
// and a condition computed by a reduce.
func.func @main() {
  %zero = stablehlo.constant dense<0> : tensor<i64>
  %one = stablehlo.constant dense<1> : tensor<i64>
  %steps = stablehlo.constant dense<3> : tensor<i64>
  %xs = stablehlo.constant dense<[[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]> : tensor<3x2xf32>
  %h0 = stablehlo.constant dense<0.0> : tensor<2xf32>
  %ys0 = stablehlo.constant dense<0.0> : tensor<3x2xf32>
  %half = stablehlo.constant dense<0.5> : tensor<2xf32>
  // h_t = 0.5 * h_{t-1} + x_t, every h_t kept in ys.
  %scan:3 = stablehlo.while(%t = %zero, %h = %h0, %ys = %ys0) : tensor<i64>, tensor<2xf32>, tensor<3x2xf32>
   cond {
    %more = stablehlo.compare  LT, %t, %steps,  SIGNED : (tensor<i64>, tensor<i64>) -> tensor<i1>
    stablehlo.return %more : tensor<i1>
  } do {
    %row = stablehlo.dynamic_slice %xs, %t, %zero, sizes = [1, 2] : (tensor<3x2xf32>, tensor<i64>, tensor<i64>) -> tensor<1x2xf32>
    %x = stablehlo.reshape %row : (tensor<1x2xf32>) -> tensor<2xf32>
    %decayed = stablehlo.multiply %h, %half : tensor<2xf32>
    %next_h = stablehlo.add %decayed, %x : tensor<2xf32>
    %h_row = stablehlo.reshape %next_h : (tensor<2xf32>) -> tensor<1x2xf32>
    %next_ys = stablehlo.dynamic_update_slice %ys, %h_row, %t, %zero : (tensor<3x2xf32>, tensor<1x2xf32>, tensor<i64>, tensor<i64>) -> tensor<3x2xf32>
    %next_t = stablehlo.add %t, %one : tensor<i64>
    stablehlo.return %next_t, %next_h, %next_ys : tensor<i64>, tensor<2xf32>, tensor<3x2xf32>
  }
  %ys_expected = stablehlo.constant dense<[[1.0, 2.0], [3.5, 5.0], [6.75, 8.5]]> : tensor<3x2xf32>
  stablehlo.custom_call @check.expect_eq(%scan#2, %ys_expected) {has_side_effect = true} : (tensor<3x2xf32>, tensor<3x2xf32>) -> ()
  %h_expected = stablehlo.constant dense<[6.75, 8.5]> : tensor<2xf32>
  stablehlo.custom_call @check.expect_eq(%scan#1, %h_expected) {has_side_effect = true} : (tensor<2xf32>, tensor<2xf32>) -> ()
  stablehlo.custom_call @check.expect_eq(%scan#0, %steps) {has_side_effect = true} : (tensor<i64>, tensor<i64>) -> ()

  // A condition that is false at once returns the initial values.
  %never = stablehlo.while(%v = %xs) : tensor<3x2xf32>
   cond {
    %false = stablehlo.constant dense<false> : tensor<i1>
    stablehlo.return %false : tensor<i1>
  } do {
    %doubled = stablehlo.add %v, %v : tensor<3x2xf32>
    stablehlo.return %doubled : tensor<3x2xf32>
  }
  stablehlo.custom_call @check.expect_eq(%never, %xs) {has_side_effect = true} : (tensor<3x2xf32>, tensor<3x2xf32>) -> ()

  // Halve until no element exceeds 1, the condition being a reduce.
  %limit = stablehlo.constant dense<1.0> : tensor<2xf32>
  %halved = stablehlo.while(%v = %h_expected) : tensor<2xf32>
   cond {
    %big = stablehlo.compare  GT, %v, %limit,  FLOAT : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xi1>
    %false = stablehlo.constant dense<false> : tensor<i1>
    %any = stablehlo.reduce(%big init: %false) applies stablehlo.or across dimensions = [0] : (tensor<2xi1>, tensor<i1>) -> tensor<i1>
    stablehlo.return %any : tensor<i1>
  } do {
    %next = stablehlo.multiply %v, %half : tensor<2xf32>
    stablehlo.return %next : tensor<2xf32>
  }
  %halved_expected = stablehlo.constant dense<[0.421875, 0.53125]> : tensor<2xf32>
  stablehlo.custom_call @check.expect_eq(%halved, %halved_expected) {has_side_effect = true} : (tensor<2xf32>, tensor<2xf32>) -> ()
  return
}
