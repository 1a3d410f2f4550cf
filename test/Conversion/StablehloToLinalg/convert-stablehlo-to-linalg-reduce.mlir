// RUN: yat-opt %s -split-input-file -convert-stablehlo-to-linalg | FileCheck %s

// A sum over dimension 1 is a linalg.generic with a reduction iterator,
// initialized with linalg.fill of the init value; the body takes the
// accumulator first, as StableHLO's body does.
// CHECK-DAG: #[[IN:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[OUT:.*]] = affine_map<(d0, d1) -> (d0)>
// CHECK-LABEL: func.func @reduce_sum
// CHECK-SAME: (%[[X:.*]]: tensor<4x6xf32>, %[[INIT:.*]]: tensor<f32>)
// CHECK: %[[V:.*]] = tensor.extract %[[INIT]][] : tensor<f32>
// CHECK: %[[E:.*]] = tensor.empty() : tensor<4xf32>
// CHECK: %[[F:.*]] = linalg.fill ins(%[[V]] : f32) outs(%[[E]] : tensor<4xf32>)
// CHECK: linalg.generic {indexing_maps = [#[[IN]], #[[OUT]]], iterator_types = ["parallel", "reduction"]} ins(%[[X]] : tensor<4x6xf32>) outs(%[[F]] : tensor<4xf32>)
// CHECK: ^bb0(%[[ELEM:.*]]: f32, %[[ACC:.*]]: f32):
// CHECK-NEXT: %[[S:.*]] = arith.addf %[[ACC]], %[[ELEM]] : f32
// CHECK-NEXT: linalg.yield %[[S]] : f32
func.func @reduce_sum(%x: tensor<4x6xf32>, %init: tensor<f32>) -> tensor<4xf32> {
  %0 = stablehlo.reduce(%x init: %init) applies stablehlo.add across dimensions = [1] : (tensor<4x6xf32>, tensor<f32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// A two-operand reduce (argmax) is one linalg.generic with two outputs; the
// body is translated op by op.
// CHECK-LABEL: func.func @argmax
// CHECK: %[[R:.*]]:2 = linalg.generic
// CHECK-SAME: iterator_types = ["reduction", "parallel"]
// CHECK-SAME: ins(%{{.*}}, %{{.*}} : tensor<4x6xf32>, tensor<4x6xi32>)
// CHECK: ^bb0(%[[V:.*]]: f32, %[[I:.*]]: i32, %[[ACC_V:.*]]: f32, %[[ACC_I:.*]]: i32):
// CHECK-NEXT: %[[GT:.*]] = arith.cmpf ogt, %[[ACC_V]], %[[V]] : f32
// CHECK-NEXT: %[[NV:.*]] = arith.select %[[GT]], %[[ACC_V]], %[[V]] : f32
// CHECK-NEXT: %[[NI:.*]] = arith.select %[[GT]], %[[ACC_I]], %[[I]] : i32
// CHECK-NEXT: linalg.yield %[[NV]], %[[NI]] : f32, i32
// CHECK: return %[[R]]#0, %[[R]]#1
func.func @argmax(%x: tensor<4x6xf32>, %i: tensor<4x6xi32>, %zero: tensor<f32>, %c0: tensor<i32>) -> (tensor<6xf32>, tensor<6xi32>) {
  %0:2 = stablehlo.reduce(%x init: %zero), (%i init: %c0) across dimensions = [0] : (tensor<4x6xf32>, tensor<4x6xi32>, tensor<f32>, tensor<i32>) -> (tensor<6xf32>, tensor<6xi32>)
   reducer(%a: tensor<f32>, %b: tensor<f32>) (%ia: tensor<i32>, %ib: tensor<i32>) {
    %gt = stablehlo.compare GT, %a, %b, FLOAT : (tensor<f32>, tensor<f32>) -> tensor<i1>
    %v = stablehlo.select %gt, %a, %b : tensor<i1>, tensor<f32>
    %j = stablehlo.select %gt, %ia, %ib : tensor<i1>, tensor<i32>
    stablehlo.return %v, %j : tensor<f32>, tensor<i32>
  }
  return %0#0, %0#1 : tensor<6xf32>, tensor<6xi32>
}

// -----

// Splat constants in the body become scalar arith.constants.
// CHECK-LABEL: func.func @body_constant
// CHECK: ^bb0(%[[ELEM:.*]]: i32, %[[ACC:.*]]: i32):
// CHECK-NEXT: %[[C:.*]] = arith.constant 2 : i32
// CHECK-NEXT: %[[M:.*]] = arith.muli %[[ELEM]], %[[C]] : i32
// CHECK-NEXT: %[[S:.*]] = arith.addi %[[ACC]], %[[M]] : i32
// CHECK-NEXT: linalg.yield %[[S]]
func.func @body_constant(%x: tensor<5xi32>, %init: tensor<i32>) -> tensor<i32> {
  %0 = stablehlo.reduce(%x init: %init) across dimensions = [0] : (tensor<5xi32>, tensor<i32>) -> tensor<i32>
   reducer(%acc: tensor<i32>, %e: tensor<i32>) {
    %two = stablehlo.constant dense<2> : tensor<i32>
    %m = stablehlo.multiply %e, %two : tensor<i32>
    %s = stablehlo.add %acc, %m : tensor<i32>
    stablehlo.return %s : tensor<i32>
  }
  return %0 : tensor<i32>
}
