// RUN: yat-opt %s -split-input-file -convert-stablehlo-to-linalg | FileCheck %s

// A while loop over a tuple carries its elements: scf.while has one value
// per tensor, and no tuple op is left.
// CHECK-LABEL: func.func @while_tuple
// CHECK-SAME: (%[[X:.*]]: tensor<2xf32>, %[[N:.*]]: tensor<i32>)
// CHECK-NOT: tuple
// CHECK: %[[LOOP:.*]]:2 = scf.while (%[[I:.*]] = %[[N]], %[[V:.*]] = %[[X]]) : (tensor<i32>, tensor<2xf32>) -> (tensor<i32>, tensor<2xf32>)
// CHECK: scf.condition(%{{.*}}) %[[I]], %[[V]] : tensor<i32>, tensor<2xf32>
// CHECK: ^bb0(%[[I2:.*]]: tensor<i32>, %[[V2:.*]]: tensor<2xf32>):
// CHECK: %[[TWICE:.*]] = linalg.generic {{.*}} ins(%[[V2]], %[[V2]] : tensor<2xf32>, tensor<2xf32>)
// CHECK: scf.yield %[[I2]], %[[TWICE]] : tensor<i32>, tensor<2xf32>
// CHECK: return %[[LOOP]]#1 : tensor<2xf32>
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

// A function signature with (nested) tuples takes and returns their
// tensors, depth first.
// CHECK-LABEL: func.func @entry_tuple
// CHECK-SAME: (%[[X:.*]]: tensor<2xf32>, %[[S:.*]]: tensor<i32>) -> (tensor<i32>, tensor<2xf32>)
// CHECK-NEXT: return %[[S]], %[[X]] : tensor<i32>, tensor<2xf32>
func.func @entry_tuple(%p: tuple<tensor<2xf32>, tuple<tensor<i32>>>) -> tuple<tensor<i32>, tensor<2xf32>> {
  %x = stablehlo.get_tuple_element %p[0] : (tuple<tensor<2xf32>, tuple<tensor<i32>>>) -> tensor<2xf32>
  %q = stablehlo.get_tuple_element %p[1] : (tuple<tensor<2xf32>, tuple<tensor<i32>>>) -> tuple<tensor<i32>>
  %s = stablehlo.get_tuple_element %q[0] : (tuple<tensor<i32>>) -> tensor<i32>
  %r = stablehlo.tuple %s, %x : tuple<tensor<i32>, tensor<2xf32>>
  return %r : tuple<tensor<i32>, tensor<2xf32>>
}

// -----

// An if that returns a tuple returns its elements from scf.if.
// CHECK-LABEL: func.func @if_tuple
// CHECK-SAME: (%{{.*}}: tensor<i1>, %[[X:.*]]: tensor<2xf32>, %[[N:.*]]: tensor<i32>)
// CHECK: %[[IF:.*]]:2 = scf.if %{{.*}} -> (tensor<2xf32>, tensor<i32>)
// CHECK: scf.yield %[[X]], %[[N]] : tensor<2xf32>, tensor<i32>
// CHECK: } else {
// CHECK: %[[NEG:.*]] = linalg.generic
// CHECK: scf.yield %[[X]], %[[NEG]] : tensor<2xf32>, tensor<i32>
// CHECK: return %[[IF]]#1 : tensor<i32>
func.func @if_tuple(%p: tensor<i1>, %x: tensor<2xf32>, %n: tensor<i32>) -> tensor<i32> {
  %r = "stablehlo.if"(%p) ({
    %t = stablehlo.tuple %x, %n : tuple<tensor<2xf32>, tensor<i32>>
    stablehlo.return %t : tuple<tensor<2xf32>, tensor<i32>>
  }, {
    %m = stablehlo.negate %n : tensor<i32>
    %t = stablehlo.tuple %x, %m : tuple<tensor<2xf32>, tensor<i32>>
    stablehlo.return %t : tuple<tensor<2xf32>, tensor<i32>>
  }) : (tensor<i1>) -> tuple<tensor<2xf32>, tensor<i32>>
  %e = stablehlo.get_tuple_element %r[1] : (tuple<tensor<2xf32>, tensor<i32>>) -> tensor<i32>
  return %e : tensor<i32>
}
