// RUN: yat-opt %s -split-input-file -convert-stablehlo-to-linalg | FileCheck %s

// max_pool: the input is padded with the init value, then one
// linalg.generic runs over the result positions (parallel) and a
// tensor.empty of the window's shape (reduction), reading the input at
// position * stride + offset.
// CHECK-DAG: #[[IN:.*]] = affine_map<(d0, d1, d2, d3) -> (d0 * 2 + d2, d1 + d3)>
// CHECK-DAG: #[[WIN:.*]] = affine_map<(d0, d1, d2, d3) -> (d2, d3)>
// CHECK-DAG: #[[OUT:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1)>
// CHECK-LABEL: func.func @max_pool
// CHECK-SAME: (%[[X:.*]]: tensor<4x4xf32>, %[[INIT:.*]]: tensor<f32>)
// CHECK: %[[V:.*]] = tensor.extract %[[INIT]][] : tensor<f32>
// CHECK: %[[FULL:.*]] = linalg.fill ins(%[[V]] : f32) outs(%{{.*}} : tensor<5x4xf32>)
// CHECK: %[[PADDED:.*]] = tensor.insert_slice %[[X]] into %[[FULL]][0, 0] [4, 4] [1, 1]
// CHECK: %[[ACC:.*]] = linalg.fill ins(%[[V]] : f32) outs(%{{.*}} : tensor<2x3xf32>)
// CHECK: %[[WINDOW:.*]] = tensor.empty() : tensor<3x2xi1>
// CHECK: linalg.generic {indexing_maps = [#[[IN]], #[[WIN]], #[[OUT]]], iterator_types = ["parallel", "parallel", "reduction", "reduction"]}
// CHECK-SAME: ins(%[[PADDED]], %[[WINDOW]] : tensor<5x4xf32>, tensor<3x2xi1>) outs(%[[ACC]] : tensor<2x3xf32>)
// CHECK: ^bb0(%[[E:.*]]: f32, %{{.*}}: i1, %[[A:.*]]: f32):
// CHECK:   %[[M:.*]] = arith.maximumf %[[A]], %[[E]] : f32
// CHECK:   linalg.yield %[[M]] : f32
func.func @max_pool(%x: tensor<4x4xf32>, %init: tensor<f32>) -> tensor<2x3xf32> {
  %0 = "stablehlo.reduce_window"(%x, %init) <{padding = dense<[[0, 1], [0, 0]]> : tensor<2x2xi64>, window_dimensions = array<i64: 3, 2>, window_strides = array<i64: 2, 1>}> ({
  ^bb0(%acc: tensor<f32>, %v: tensor<f32>):
    %m = stablehlo.maximum %acc, %v : tensor<f32>
    stablehlo.return %m : tensor<f32>
  }) : (tensor<4x4xf32>, tensor<f32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// Window dilation scales the window offset; base dilation pads between
// elements (insert_slice with stride 2).
// CHECK-DAG: #[[IN:.*]] = affine_map<(d0, d1) -> (d0 + d1 * 2)>
// CHECK-LABEL: func.func @dilated
// CHECK: tensor.insert_slice %{{.*}} into %{{.*}}[0] [3] [2] : tensor<3xi32> into tensor<5xi32>
// CHECK: linalg.generic {indexing_maps = [#[[IN]], {{.*}}], iterator_types = ["parallel", "reduction"]}
// CHECK:   arith.addi
func.func @dilated(%x: tensor<3xi32>, %init: tensor<i32>) -> tensor<1xi32> {
  %0 = "stablehlo.reduce_window"(%x, %init) <{base_dilations = array<i64: 2>, window_dilations = array<i64: 2>, window_dimensions = array<i64: 3>}> ({
  ^bb0(%acc: tensor<i32>, %v: tensor<i32>):
    %s = stablehlo.add %acc, %v : tensor<i32>
    stablehlo.return %s : tensor<i32>
  }) : (tensor<3xi32>, tensor<i32>) -> tensor<1xi32>
  return %0 : tensor<1xi32>
}

// -----

// Two inputs reduce together (an argmax over windows): the body takes the
// accumulators first, then the elements.
// CHECK-LABEL: func.func @two_inputs
// CHECK: %[[R:.*]]:2 = linalg.generic
// CHECK-SAME: outs(%{{.*}}, %{{.*}} : tensor<3xf32>, tensor<3xi32>)
// CHECK: ^bb0(%[[V:.*]]: f32, %[[I:.*]]: i32, %{{.*}}: i1, %[[AV:.*]]: f32, %[[AI:.*]]: i32):
// CHECK:   %[[GT:.*]] = arith.cmpf ogt, %[[AV]], %[[V]] : f32
// CHECK:   %[[SV:.*]] = arith.select %[[GT]], %[[AV]], %[[V]] : f32
// CHECK:   %[[SI:.*]] = arith.select %[[GT]], %[[AI]], %[[I]] : i32
// CHECK:   linalg.yield %[[SV]], %[[SI]] : f32, i32
// CHECK: return %[[R]]#0, %[[R]]#1
func.func @two_inputs(%x: tensor<4xf32>, %i: tensor<4xi32>, %x0: tensor<f32>, %i0: tensor<i32>) -> (tensor<3xf32>, tensor<3xi32>) {
  %0:2 = "stablehlo.reduce_window"(%x, %i, %x0, %i0) <{window_dimensions = array<i64: 2>}> ({
  ^bb0(%av: tensor<f32>, %ai: tensor<i32>, %v: tensor<f32>, %vi: tensor<i32>):
    %gt = stablehlo.compare GT, %av, %v, FLOAT : (tensor<f32>, tensor<f32>) -> tensor<i1>
    %sv = stablehlo.select %gt, %av, %v : tensor<i1>, tensor<f32>
    %si = stablehlo.select %gt, %ai, %vi : tensor<i1>, tensor<i32>
    stablehlo.return %sv, %si : tensor<f32>, tensor<i32>
  }) : (tensor<4xf32>, tensor<4xi32>, tensor<f32>, tensor<i32>) -> (tensor<3xf32>, tensor<3xi32>)
  return %0#0, %0#1 : tensor<3xf32>, tensor<3xi32>
}
