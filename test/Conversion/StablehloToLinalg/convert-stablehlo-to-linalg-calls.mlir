// RUN: yat-opt %s -split-input-file -convert-stablehlo-to-linalg | FileCheck %s

// Calls of private functions are inlined (transitively) and the functions
// erased; public functions stay.
// CHECK-LABEL: func.func public @main
// CHECK-NOT: call
// CHECK: %[[C:.*]] = arith.constant dense<2.000000e+00> : tensor<4xf32>
// CHECK: linalg.generic
// CHECK-SAME: ins(%[[C]], %[[C]] :
// CHECK: arith.mulf
// CHECK-NOT: func.func private @inputs
// CHECK-NOT: func.func private @square
// CHECK: func.func @other
func.func public @main() -> tensor<4xf32> {
  %0 = call @inputs() : () -> tensor<4xf32>
  %1 = call @square(%0) : (tensor<4xf32>) -> tensor<4xf32>
  return %1 : tensor<4xf32>
}
func.func private @inputs() -> tensor<4xf32> {
  %c = stablehlo.constant dense<2.0> : tensor<4xf32>
  return %c : tensor<4xf32>
}
func.func private @square(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = call @mul(%x, %x) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}
func.func private @mul(%x: tensor<4xf32>, %y: tensor<4xf32>) -> tensor<4xf32> {
  %0 = stablehlo.multiply %x, %y : tensor<4xf32>
  return %0 : tensor<4xf32>
}
func.func @other(%x: tensor<4xf32>) -> tensor<4xf32> {
  return %x : tensor<4xf32>
}

// -----

// A composite is a call of its decomposition, inlined like any other.
// CHECK-LABEL: func.func @composite
// CHECK-NOT: stablehlo
// CHECK-NOT: call
// CHECK: linalg.generic
// CHECK: arith.addf
// CHECK-NOT: func.func private @double
func.func @composite(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = stablehlo.composite "my.double" %x {decomposition = @double} : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}
func.func private @double(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = stablehlo.add %x, %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// A module without stablehlo ops is left alone.
// CHECK-LABEL: func.func @no_stablehlo
// CHECK-NEXT: %[[S:.*]] = arith.addf
// CHECK-NEXT: return %[[S]]
func.func @no_stablehlo(%x: f32) -> f32 {
  %0 = arith.addf %x, %x : f32
  return %0 : f32
}
