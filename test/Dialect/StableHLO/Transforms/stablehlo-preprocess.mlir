// RUN: yat-opt %s -stablehlo-preprocess | FileCheck %s --implicit-check-not=tuple --implicit-check-not=chlo --implicit-check-not=composite

// The pipeline runs all four passes: the composite's decomposition squares
// with chlo.square inside a private helper that returns a tuple.
// CHECK-LABEL: func.func @main
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>)
// CHECK-NEXT: %[[SQ:.*]] = stablehlo.multiply %[[X]], %[[X]]
// CHECK-NEXT: return %[[SQ]], %[[X]]
// CHECK-NOT: func.func private
func.func @main(%x: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>) {
  %0 = stablehlo.composite "my.square" %x {decomposition = @square} : (tensor<4xf32>) -> tensor<4xf32>
  %t = call @pair(%0, %x) : (tensor<4xf32>, tensor<4xf32>) -> tuple<tensor<4xf32>, tensor<4xf32>>
  %a = stablehlo.get_tuple_element %t[0] : (tuple<tensor<4xf32>, tensor<4xf32>>) -> tensor<4xf32>
  %b = stablehlo.get_tuple_element %t[1] : (tuple<tensor<4xf32>, tensor<4xf32>>) -> tensor<4xf32>
  return %a, %b : tensor<4xf32>, tensor<4xf32>
}
func.func private @square(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = chlo.square %x : tensor<4xf32> -> tensor<4xf32>
  return %0 : tensor<4xf32>
}
func.func private @pair(%a: tensor<4xf32>, %b: tensor<4xf32>) -> tuple<tensor<4xf32>, tensor<4xf32>> {
  %t = stablehlo.tuple %a, %b : tuple<tensor<4xf32>, tensor<4xf32>>
  return %t : tuple<tensor<4xf32>, tensor<4xf32>>
}
