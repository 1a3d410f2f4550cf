// RUN: yat-opt %s -split-input-file -stablehlo-legalize-composite-to-call | FileCheck %s

// A composite becomes a call of its decomposition with the same operands;
// the decomposition stays (inlining is another pass).
// CHECK-LABEL: func.func @composite
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>, %[[Y:.*]]: tensor<4xf32>)
// CHECK-NOT: stablehlo.composite
// CHECK: %[[CALL:.*]] = call @scaled_add(%[[X]], %[[Y]]) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
// CHECK: return %[[CALL]]
// CHECK: func.func private @scaled_add
func.func @composite(%x: tensor<4xf32>, %y: tensor<4xf32>) -> tensor<4xf32> {
  %0 = stablehlo.composite "my.scaled_add" %x, %y {composite_attributes = {scale = 2.0 : f32}, decomposition = @scaled_add, version = 1 : i32} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}
func.func private @scaled_add(%x: tensor<4xf32>, %y: tensor<4xf32>) -> tensor<4xf32> {
  %0 = stablehlo.add %x, %y : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// Composites nested in a region and with several results become calls too.
// CHECK-LABEL: func.func @nested
// CHECK: stablehlo.while
// CHECK: %[[PAIR:.*]]:2 = func.call @pair(%{{.*}}) : (tensor<f32>) -> (tensor<f32>, tensor<f32>)
// CHECK: stablehlo.add %[[PAIR]]#0, %[[PAIR]]#1
func.func @nested(%x: tensor<f32>, %n: tensor<i1>) -> tensor<f32> {
  %r = stablehlo.while(%v = %x) : tensor<f32>
  cond {
    stablehlo.return %n : tensor<i1>
  } do {
    %p:2 = stablehlo.composite "my.pair" %v {decomposition = @pair} : (tensor<f32>) -> (tensor<f32>, tensor<f32>)
    %s = stablehlo.add %p#0, %p#1 : tensor<f32>
    stablehlo.return %s : tensor<f32>
  }
  return %r : tensor<f32>
}
func.func private @pair(%x: tensor<f32>) -> (tensor<f32>, tensor<f32>) {
  return %x, %x : tensor<f32>, tensor<f32>
}
