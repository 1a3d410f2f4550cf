// RUN: yat-opt %s -split-input-file -convert-stablehlo-to-linalg | FileCheck %s

// stablehlo.while is an scf.while over the same values: the cond ends in
// scf.condition on the extracted predicate, the body in scf.yield, and the
// ops in both regions are lowered like any others.
// CHECK-LABEL: func.func @while_loop
// CHECK-SAME: (%[[N:.*]]: tensor<i64>, %[[X:.*]]: tensor<2xf32>)
// CHECK: %[[LOOP:.*]]:2 = scf.while (%[[I:.*]] = %{{.*}}, %[[ACC:.*]] = %[[X]]) : (tensor<i64>, tensor<2xf32>) -> (tensor<i64>, tensor<2xf32>) {
// CHECK:   %[[LT:.*]] = linalg.generic
// CHECK:   %[[PRED:.*]] = tensor.extract %[[LT]][] : tensor<i1>
// CHECK:   scf.condition(%[[PRED]]) %[[I]], %[[ACC]] : tensor<i64>, tensor<2xf32>
// CHECK: } do {
// CHECK: ^bb0(%[[I2:.*]]: tensor<i64>, %[[ACC2:.*]]: tensor<2xf32>):
// CHECK:   %[[NEXT:.*]] = linalg.generic {{.*}} ins(%[[I2]], %{{.*}} : tensor<i64>, tensor<i64>)
// CHECK:   %[[TWICE:.*]] = linalg.generic {{.*}} ins(%[[ACC2]], %[[ACC2]] : tensor<2xf32>, tensor<2xf32>)
// CHECK:   scf.yield %[[NEXT]], %[[TWICE]] : tensor<i64>, tensor<2xf32>
// CHECK: return %[[LOOP]]#1
func.func @while_loop(%n: tensor<i64>, %x: tensor<2xf32>) -> tensor<2xf32> {
  %zero = stablehlo.constant dense<0> : tensor<i64>
  %one = stablehlo.constant dense<1> : tensor<i64>
  %0:2 = stablehlo.while(%i = %zero, %acc = %x) : tensor<i64>, tensor<2xf32>
   cond {
    %lt = stablehlo.compare  LT, %i, %n,  SIGNED : (tensor<i64>, tensor<i64>) -> tensor<i1>
    stablehlo.return %lt : tensor<i1>
  } do {
    %next = stablehlo.add %i, %one : tensor<i64>
    %twice = stablehlo.add %acc, %acc : tensor<2xf32>
    stablehlo.return %next, %twice : tensor<i64>, tensor<2xf32>
  }
  return %0#1 : tensor<2xf32>
}
