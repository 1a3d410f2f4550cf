// RUN: yat-opt %s -split-input-file -stablehlo-expand-chlo | FileCheck %s

// chlo.square becomes a multiply of the operand by itself.
// CHECK-LABEL: func.func @square
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>)
// CHECK-NEXT: %[[SQ:.*]] = stablehlo.multiply %[[X]], %[[X]] : tensor<2x3xf32>
// CHECK-NEXT: return %[[SQ]]
func.func @square(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = chlo.square %x : tensor<2x3xf32> -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// chlo.top_k becomes a stable sort of (values, iota) along the last dim
// with a "greater" comparator in total order, then slices of the first k.
// CHECK-LABEL: func.func @top_k
// CHECK-SAME: (%[[X:.*]]: tensor<3x8xf32>)
// CHECK: %[[IOTA:.*]] = stablehlo.iota dim = 1 : tensor<3x8xi32>
// CHECK: %[[SORT:.*]]:2 = "stablehlo.sort"(%[[X]], %[[IOTA]]) <{dimension = 1 : i64, is_stable = true}>
// CHECK: ^bb0(%[[A:.*]]: tensor<f32>, %[[B:.*]]: tensor<f32>, %{{.*}}: tensor<i32>, %{{.*}}: tensor<i32>):
// CHECK: %[[GT:.*]] = stablehlo.compare GT, %[[A]], %[[B]], TOTALORDER
// CHECK: stablehlo.return %[[GT]]
// CHECK: %[[VALUES:.*]] = stablehlo.slice %[[SORT]]#0 [0:3, 0:2]
// CHECK: %[[INDICES:.*]] = stablehlo.slice %[[SORT]]#1 [0:3, 0:2]
// CHECK: return %[[VALUES]], %[[INDICES]]
func.func @top_k(%x: tensor<3x8xf32>) -> (tensor<3x2xf32>, tensor<3x2xi32>) {
  %values, %indices = chlo.top_k(%x, k = 2) : tensor<3x8xf32> -> (tensor<3x2xf32>, tensor<3x2xi32>)
  return %values, %indices : tensor<3x2xf32>, tensor<3x2xi32>
}

// -----

// Integer top_k compares signed; the special functions and everything
// else stay as they are (no folding of the constant add).
// CHECK-LABEL: func.func @others_stay
// CHECK: stablehlo.compare GT, %{{.*}}, %{{.*}}, SIGNED
// CHECK: %[[ERF:.*]] = chlo.erf %{{.*}}
// CHECK: %[[C:.*]] = stablehlo.constant dense<1.000000e+00>
// CHECK: stablehlo.add %[[C]], %[[C]]
func.func @others_stay(%i: tensor<5xi32>, %x: tensor<4xf32>) -> (tensor<1xi32>, tensor<4xf32>, tensor<4xf32>) {
  %values, %indices = chlo.top_k(%i, k = 1) : tensor<5xi32> -> (tensor<1xi32>, tensor<1xi32>)
  %erf = chlo.erf %x : tensor<4xf32> -> tensor<4xf32>
  %c = stablehlo.constant dense<1.0> : tensor<4xf32>
  %two = stablehlo.add %c, %c : tensor<4xf32>
  return %values, %erf, %two : tensor<1xi32>, tensor<4xf32>, tensor<4xf32>
}
