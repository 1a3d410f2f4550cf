// RUN: yat-opt %s -split-input-file -convert-stablehlo-to-linalg | FileCheck %s
// RUN: yat-opt %s -split-input-file -yat-raise-stablehlo | FileCheck %s --check-prefix=EXPAND

// sort: a loop over the other dims, then an insertion sort along the sort
// dim: scf.for over positions 1..n, an scf.while that moves the element
// left (swapping in every input) while the comparator puts it first.
// CHECK-LABEL: func.func @sort
// CHECK-SAME: (%[[X:.*]]: tensor<3x5xf32>)
// CHECK: %[[OUTER:.*]] = scf.for %[[ROW:.*]] = %{{.*}} to %{{.*}} step %{{.*}} iter_args(%[[T:.*]] = %[[X]]) -> (tensor<3x5xf32>)
// CHECK:   scf.for %[[I:.*]] = %{{.*}} to %{{.*}} step %{{.*}} iter_args(%{{.*}} = %[[T]]) -> (tensor<3x5xf32>)
// CHECK:     scf.while (%[[J:.*]] = %[[I]], %[[CUR:.*]] = %{{.*}}) : (index, tensor<3x5xf32>) -> (index, tensor<3x5xf32>)
// CHECK:       %[[A:.*]] = tensor.extract %[[CUR]][%[[ROW]], %[[J]]] : tensor<3x5xf32>
// CHECK:       %[[B:.*]] = tensor.extract %[[CUR]][%[[ROW]], %{{.*}}] : tensor<3x5xf32>
// CHECK:       %[[LT:.*]] = arith.cmpf olt, %[[A]], %[[B]] : f32
// CHECK:       %[[POS:.*]] = arith.cmpi sgt, %[[J]], %{{.*}} : index
// CHECK:       %[[GO:.*]] = arith.andi %[[POS]], %[[LT]] : i1
// CHECK:       scf.condition(%[[GO]])
// CHECK:     } do {
// CHECK:       tensor.insert
// CHECK:       tensor.insert
// CHECK:       scf.yield
// CHECK: return %[[OUTER]] : tensor<3x5xf32>
func.func @sort(%x: tensor<3x5xf32>) -> tensor<3x5xf32> {
  %0 = "stablehlo.sort"(%x) <{dimension = 1 : i64}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %lt = stablehlo.compare LT, %a, %b, FLOAT : (tensor<f32>, tensor<f32>) -> tensor<i1>
    stablehlo.return %lt : tensor<i1>
  }) : (tensor<3x5xf32>) -> tensor<3x5xf32>
  return %0 : tensor<3x5xf32>
}

// -----

// chlo.top_k expands into a sort of (values, iota) with a "greater"
// comparator (total order for floats) and slices of the first k.
// EXPAND-LABEL: func.func @top_k
// EXPAND-SAME: (%[[X:.*]]: tensor<5x3xf32>)
// EXPAND: %[[IOTA:.*]] = stablehlo.iota dim = 1 : tensor<5x3xi32>
// EXPAND: %[[S:.*]]:2 = "stablehlo.sort"(%[[X]], %[[IOTA]]) <{dimension = 1 : i64, is_stable = true}>
// EXPAND: stablehlo.compare  GT, %{{.*}}, %{{.*}},  TOTALORDER
// EXPAND: %[[V:.*]] = stablehlo.slice %[[S]]#0 [0:5, 0:2]
// EXPAND: %[[I:.*]] = stablehlo.slice %[[S]]#1 [0:5, 0:2]
// EXPAND: return %[[V]], %[[I]]
func.func @top_k(%x: tensor<5x3xf32>) -> (tensor<5x2xf32>, tensor<5x2xi32>) {
  %v, %i = chlo.top_k(%x, k = 2) : tensor<5x3xf32> -> (tensor<5x2xf32>, tensor<5x2xi32>)
  return %v, %i : tensor<5x2xf32>, tensor<5x2xi32>
}
