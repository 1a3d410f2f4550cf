// RUN: yat-run %s
// if and case on hand-computed cases, checked by the module itself: both
// branches of an if, every branch of a case, an index out of range (the
// last branch runs), and an if inside a while loop.
func.func @main() {
  %x = stablehlo.constant dense<[1.0, 2.0]> : tensor<2xf32>
  %t = stablehlo.constant dense<true> : tensor<i1>
  %f = stablehlo.constant dense<false> : tensor<i1>
  %then = "stablehlo.if"(%t) ({
    %d = stablehlo.add %x, %x : tensor<2xf32>
    stablehlo.return %d : tensor<2xf32>
  }, {
    %n = stablehlo.negate %x : tensor<2xf32>
    stablehlo.return %n : tensor<2xf32>
  }) : (tensor<i1>) -> tensor<2xf32>
  %then_expected = stablehlo.constant dense<[2.0, 4.0]> : tensor<2xf32>
  stablehlo.custom_call @check.expect_eq(%then, %then_expected) {has_side_effect = true} : (tensor<2xf32>, tensor<2xf32>) -> ()
  %else = "stablehlo.if"(%f) ({
    stablehlo.return %x : tensor<2xf32>
  }, {
    %n = stablehlo.negate %x : tensor<2xf32>
    stablehlo.return %n : tensor<2xf32>
  }) : (tensor<i1>) -> tensor<2xf32>
  %else_expected = stablehlo.constant dense<[-1.0, -2.0]> : tensor<2xf32>
  stablehlo.custom_call @check.expect_eq(%else, %else_expected) {has_side_effect = true} : (tensor<2xf32>, tensor<2xf32>) -> ()

  // case with indices 0, 1, 2 and 7 (out of range: the last branch).
  %indices = stablehlo.constant dense<[0, 1, 2, 7]> : tensor<4xi32>
  %results = stablehlo.constant dense<0> : tensor<4xi32>
  %zero = stablehlo.constant dense<0> : tensor<i32>
  %one = stablehlo.constant dense<1> : tensor<i32>
  %four = stablehlo.constant dense<4> : tensor<i32>
  %loop:2 = stablehlo.while(%i = %zero, %acc = %results) : tensor<i32>, tensor<4xi32>
  cond {
    %lt = stablehlo.compare LT, %i, %four, SIGNED : (tensor<i32>, tensor<i32>) -> tensor<i1>
    stablehlo.return %lt : tensor<i1>
  } do {
    %slot = stablehlo.dynamic_slice %indices, %i, sizes = [1] : (tensor<4xi32>, tensor<i32>) -> tensor<1xi32>
    %index = stablehlo.reshape %slot : (tensor<1xi32>) -> tensor<i32>
    %value = "stablehlo.case"(%index) ({
      %a = stablehlo.constant dense<10> : tensor<i32>
      stablehlo.return %a : tensor<i32>
    }, {
      %b = stablehlo.constant dense<20> : tensor<i32>
      stablehlo.return %b : tensor<i32>
    }, {
      %c = stablehlo.constant dense<30> : tensor<i32>
      stablehlo.return %c : tensor<i32>
    }) : (tensor<i32>) -> tensor<i32>
    %update = stablehlo.reshape %value : (tensor<i32>) -> tensor<1xi32>
    %next_acc = stablehlo.dynamic_update_slice %acc, %update, %i : (tensor<4xi32>, tensor<1xi32>, tensor<i32>) -> tensor<4xi32>
    %next = stablehlo.add %i, %one : tensor<i32>
    stablehlo.return %next, %next_acc : tensor<i32>, tensor<4xi32>
  }
  %case_expected = stablehlo.constant dense<[10, 20, 30, 30]> : tensor<4xi32>
  stablehlo.custom_call @check.expect_eq(%loop#1, %case_expected) {has_side_effect = true} : (tensor<4xi32>, tensor<4xi32>) -> ()
  return
}
