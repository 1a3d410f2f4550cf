// RUN: yat-run %s
// Tuples carried by control flow, checked by the module itself: a while
// loop over a nested tuple in pretty and in generic form, if and case that
// return tuples, and a function that takes and returns one.
func.func @main() {
  %zero = stablehlo.constant dense<0> : tensor<i32>
  %one = stablehlo.constant dense<1> : tensor<i32>
  %five = stablehlo.constant dense<5> : tensor<i32>
  %x = stablehlo.constant dense<[1.0, 2.0]> : tensor<2xf32>
  %inner = stablehlo.tuple %x, %zero : tuple<tensor<2xf32>, tensor<i32>>
  %init = stablehlo.tuple %zero, %inner : tuple<tensor<i32>, tuple<tensor<2xf32>, tensor<i32>>>

  // for i in 0..5: x = 2 * x; s = s + i. Gives x = [32, 64], s = 10.
  %loop = stablehlo.while(%state = %init) : tuple<tensor<i32>, tuple<tensor<2xf32>, tensor<i32>>>
  cond {
    %i = stablehlo.get_tuple_element %state[0] : (tuple<tensor<i32>, tuple<tensor<2xf32>, tensor<i32>>>) -> tensor<i32>
    %lt = stablehlo.compare LT, %i, %five, SIGNED : (tensor<i32>, tensor<i32>) -> tensor<i1>
    stablehlo.return %lt : tensor<i1>
  } do {
    %i = stablehlo.get_tuple_element %state[0] : (tuple<tensor<i32>, tuple<tensor<2xf32>, tensor<i32>>>) -> tensor<i32>
    %pair = stablehlo.get_tuple_element %state[1] : (tuple<tensor<i32>, tuple<tensor<2xf32>, tensor<i32>>>) -> tuple<tensor<2xf32>, tensor<i32>>
    %v = stablehlo.get_tuple_element %pair[0] : (tuple<tensor<2xf32>, tensor<i32>>) -> tensor<2xf32>
    %s = stablehlo.get_tuple_element %pair[1] : (tuple<tensor<2xf32>, tensor<i32>>) -> tensor<i32>
    %v2 = stablehlo.add %v, %v : tensor<2xf32>
    %s2 = stablehlo.add %s, %i : tensor<i32>
    %i2 = stablehlo.add %i, %one : tensor<i32>
    %pair2 = stablehlo.tuple %v2, %s2 : tuple<tensor<2xf32>, tensor<i32>>
    %next = stablehlo.tuple %i2, %pair2 : tuple<tensor<i32>, tuple<tensor<2xf32>, tensor<i32>>>
    stablehlo.return %next : tuple<tensor<i32>, tuple<tensor<2xf32>, tensor<i32>>>
  }
  %final_pair = stablehlo.get_tuple_element %loop[1] : (tuple<tensor<i32>, tuple<tensor<2xf32>, tensor<i32>>>) -> tuple<tensor<2xf32>, tensor<i32>>
  %final_x = stablehlo.get_tuple_element %final_pair[0] : (tuple<tensor<2xf32>, tensor<i32>>) -> tensor<2xf32>
  %final_s = stablehlo.get_tuple_element %final_pair[1] : (tuple<tensor<2xf32>, tensor<i32>>) -> tensor<i32>
  %x_expected = stablehlo.constant dense<[32.0, 64.0]> : tensor<2xf32>
  %s_expected = stablehlo.constant dense<10> : tensor<i32>
  stablehlo.custom_call @check.expect_eq(%final_x, %x_expected) {has_side_effect = true} : (tensor<2xf32>, tensor<2xf32>) -> ()
  stablehlo.custom_call @check.expect_eq(%final_s, %s_expected) {has_side_effect = true} : (tensor<i32>, tensor<i32>) -> ()

  // The same loop in generic form, as older HLO printers write it.
  %generic = "stablehlo.while"(%init) ({
  ^bb0(%state: tuple<tensor<i32>, tuple<tensor<2xf32>, tensor<i32>>>):
    %i = "stablehlo.get_tuple_element"(%state) {index = 0 : i32} : (tuple<tensor<i32>, tuple<tensor<2xf32>, tensor<i32>>>) -> tensor<i32>
    %lt = "stablehlo.compare"(%i, %five) {comparison_direction = #stablehlo<comparison_direction LT>} : (tensor<i32>, tensor<i32>) -> tensor<i1>
    "stablehlo.return"(%lt) : (tensor<i1>) -> ()
  }, {
  ^bb0(%state: tuple<tensor<i32>, tuple<tensor<2xf32>, tensor<i32>>>):
    %i = "stablehlo.get_tuple_element"(%state) {index = 0 : i32} : (tuple<tensor<i32>, tuple<tensor<2xf32>, tensor<i32>>>) -> tensor<i32>
    %pair = "stablehlo.get_tuple_element"(%state) {index = 1 : i32} : (tuple<tensor<i32>, tuple<tensor<2xf32>, tensor<i32>>>) -> tuple<tensor<2xf32>, tensor<i32>>
    %v = "stablehlo.get_tuple_element"(%pair) {index = 0 : i32} : (tuple<tensor<2xf32>, tensor<i32>>) -> tensor<2xf32>
    %s = "stablehlo.get_tuple_element"(%pair) {index = 1 : i32} : (tuple<tensor<2xf32>, tensor<i32>>) -> tensor<i32>
    %v2 = "stablehlo.add"(%v, %v) : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
    %s2 = "stablehlo.add"(%s, %i) : (tensor<i32>, tensor<i32>) -> tensor<i32>
    %i2 = "stablehlo.add"(%i, %one) : (tensor<i32>, tensor<i32>) -> tensor<i32>
    %pair2 = "stablehlo.tuple"(%v2, %s2) : (tensor<2xf32>, tensor<i32>) -> tuple<tensor<2xf32>, tensor<i32>>
    %next = "stablehlo.tuple"(%i2, %pair2) : (tensor<i32>, tuple<tensor<2xf32>, tensor<i32>>) -> tuple<tensor<i32>, tuple<tensor<2xf32>, tensor<i32>>>
    "stablehlo.return"(%next) : (tuple<tensor<i32>, tuple<tensor<2xf32>, tensor<i32>>>) -> ()
  }) : (tuple<tensor<i32>, tuple<tensor<2xf32>, tensor<i32>>>) -> tuple<tensor<i32>, tuple<tensor<2xf32>, tensor<i32>>>
  %generic_i = "stablehlo.get_tuple_element"(%generic) {index = 0 : i32} : (tuple<tensor<i32>, tuple<tensor<2xf32>, tensor<i32>>>) -> tensor<i32>
  stablehlo.custom_call @check.expect_eq(%generic_i, %five) {has_side_effect = true} : (tensor<i32>, tensor<i32>) -> ()

  // if and case returning a tuple; the case index 1 picks (x + x, 7).
  %t = stablehlo.constant dense<true> : tensor<i1>
  %branch = "stablehlo.if"(%t) ({
    %n = stablehlo.negate %x : tensor<2xf32>
    %p = stablehlo.tuple %n, %one : tuple<tensor<2xf32>, tensor<i32>>
    stablehlo.return %p : tuple<tensor<2xf32>, tensor<i32>>
  }, {
    stablehlo.return %inner : tuple<tensor<2xf32>, tensor<i32>>
  }) : (tensor<i1>) -> tuple<tensor<2xf32>, tensor<i32>>
  %branch_x = stablehlo.get_tuple_element %branch[0] : (tuple<tensor<2xf32>, tensor<i32>>) -> tensor<2xf32>
  %branch_x_expected = stablehlo.constant dense<[-1.0, -2.0]> : tensor<2xf32>
  stablehlo.custom_call @check.expect_eq(%branch_x, %branch_x_expected) {has_side_effect = true} : (tensor<2xf32>, tensor<2xf32>) -> ()
  %picked = "stablehlo.case"(%one) ({
    stablehlo.return %inner : tuple<tensor<2xf32>, tensor<i32>>
  }, {
    %d = stablehlo.add %x, %x : tensor<2xf32>
    %seven = stablehlo.constant dense<7> : tensor<i32>
    %p = stablehlo.tuple %d, %seven : tuple<tensor<2xf32>, tensor<i32>>
    stablehlo.return %p : tuple<tensor<2xf32>, tensor<i32>>
  }) : (tensor<i32>) -> tuple<tensor<2xf32>, tensor<i32>>

  // A function over tuples: swap(x, s) returns (s + 1, x * x).
  %swapped = func.call @swap(%picked) : (tuple<tensor<2xf32>, tensor<i32>>) -> tuple<tensor<i32>, tensor<2xf32>>
  %swapped_s = stablehlo.get_tuple_element %swapped[0] : (tuple<tensor<i32>, tensor<2xf32>>) -> tensor<i32>
  %swapped_x = stablehlo.get_tuple_element %swapped[1] : (tuple<tensor<i32>, tensor<2xf32>>) -> tensor<2xf32>
  %s_swapped_expected = stablehlo.constant dense<8> : tensor<i32>
  %x_swapped_expected = stablehlo.constant dense<[4.0, 16.0]> : tensor<2xf32>
  stablehlo.custom_call @check.expect_eq(%swapped_s, %s_swapped_expected) {has_side_effect = true} : (tensor<i32>, tensor<i32>) -> ()
  stablehlo.custom_call @check.expect_eq(%swapped_x, %x_swapped_expected) {has_side_effect = true} : (tensor<2xf32>, tensor<2xf32>) -> ()
  return
}

func.func private @swap(%pair: tuple<tensor<2xf32>, tensor<i32>>) -> tuple<tensor<i32>, tensor<2xf32>> {
  %x = stablehlo.get_tuple_element %pair[0] : (tuple<tensor<2xf32>, tensor<i32>>) -> tensor<2xf32>
  %s = stablehlo.get_tuple_element %pair[1] : (tuple<tensor<2xf32>, tensor<i32>>) -> tensor<i32>
  %one = stablehlo.constant dense<1> : tensor<i32>
  %s1 = stablehlo.add %s, %one : tensor<i32>
  %xx = stablehlo.multiply %x, %x : tensor<2xf32>
  %r = stablehlo.tuple %s1, %xx : tuple<tensor<i32>, tensor<2xf32>>
  return %r : tuple<tensor<i32>, tensor<2xf32>>
}
