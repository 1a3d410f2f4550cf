// RUN: yat-opt %s -split-input-file -stablehlo-flatten-tuples | FileCheck %s --implicit-check-not=tuple

// A while loop over a tuple carries its elements; get_tuple_element of a
// tuple folds away.
// CHECK-LABEL: func.func @while_tuple
// CHECK-SAME: (%[[X:.*]]: tensor<2xf32>, %[[N:.*]]: tensor<i32>)
// CHECK: %[[LOOP:.*]]:2 = stablehlo.while(%[[I:.*]] = %[[N]], %[[V:.*]] = %[[X]])
// CHECK: stablehlo.compare LT, %[[I]], %[[N]]
// CHECK: %[[V2:.*]] = stablehlo.add %[[V]], %[[V]]
// CHECK: stablehlo.return %[[I]], %[[V2]]
// CHECK: return %[[LOOP]]#1
func.func @while_tuple(%x: tensor<2xf32>, %n: tensor<i32>) -> tensor<2xf32> {
  %pair = stablehlo.tuple %n, %x : tuple<tensor<i32>, tensor<2xf32>>
  %loop = stablehlo.while(%state = %pair) : tuple<tensor<i32>, tensor<2xf32>>
  cond {
    %i = stablehlo.get_tuple_element %state[0] : (tuple<tensor<i32>, tensor<2xf32>>) -> tensor<i32>
    %lt = stablehlo.compare LT, %i, %n, SIGNED : (tensor<i32>, tensor<i32>) -> tensor<i1>
    stablehlo.return %lt : tensor<i1>
  } do {
    %i = stablehlo.get_tuple_element %state[0] : (tuple<tensor<i32>, tensor<2xf32>>) -> tensor<i32>
    %v = stablehlo.get_tuple_element %state[1] : (tuple<tensor<i32>, tensor<2xf32>>) -> tensor<2xf32>
    %v2 = stablehlo.add %v, %v : tensor<2xf32>
    %next = stablehlo.tuple %i, %v2 : tuple<tensor<i32>, tensor<2xf32>>
    stablehlo.return %next : tuple<tensor<i32>, tensor<2xf32>>
  }
  %r = stablehlo.get_tuple_element %loop[1] : (tuple<tensor<i32>, tensor<2xf32>>) -> tensor<2xf32>
  return %r : tensor<2xf32>
}

// -----

// Nested tuples in a signature and in a call become their tensors, depth
// first, on both sides of the call.
// CHECK-LABEL: func.func @caller
// CHECK-SAME: (%[[X:.*]]: tensor<2xf32>, %[[S:.*]]: tensor<i32>) -> (tensor<i32>, tensor<2xf32>)
// CHECK-NEXT: %[[R:.*]]:2 = call @swap(%[[X]], %[[S]]) : (tensor<2xf32>, tensor<i32>) -> (tensor<i32>, tensor<2xf32>)
// CHECK-NEXT: return %[[R]]#0, %[[R]]#1
// CHECK-LABEL: func.func @swap
// CHECK-SAME: (%[[X2:.*]]: tensor<2xf32>, %[[S2:.*]]: tensor<i32>) -> (tensor<i32>, tensor<2xf32>)
// CHECK-NEXT: return %[[S2]], %[[X2]]
func.func @caller(%p: tuple<tensor<2xf32>, tuple<tensor<i32>>>) -> tuple<tensor<i32>, tensor<2xf32>> {
  %r = call @swap(%p) : (tuple<tensor<2xf32>, tuple<tensor<i32>>>) -> tuple<tensor<i32>, tensor<2xf32>>
  return %r : tuple<tensor<i32>, tensor<2xf32>>
}
func.func @swap(%p: tuple<tensor<2xf32>, tuple<tensor<i32>>>) -> tuple<tensor<i32>, tensor<2xf32>> {
  %x = stablehlo.get_tuple_element %p[0] : (tuple<tensor<2xf32>, tuple<tensor<i32>>>) -> tensor<2xf32>
  %q = stablehlo.get_tuple_element %p[1] : (tuple<tensor<2xf32>, tuple<tensor<i32>>>) -> tuple<tensor<i32>>
  %s = stablehlo.get_tuple_element %q[0] : (tuple<tensor<i32>>) -> tensor<i32>
  %r = stablehlo.tuple %s, %x : tuple<tensor<i32>, tensor<2xf32>>
  return %r : tuple<tensor<i32>, tensor<2xf32>>
}
