// RUN: yat-opt %s -split-input-file -stablehlo-inline-private-calls | FileCheck %s

// Calls of private functions are inlined transitively and the functions
// erased; public functions and calls of them stay.
// CHECK-LABEL: func.func public @main
// CHECK-NEXT: %[[C:.*]] = stablehlo.constant dense<2.000000e+00>
// CHECK-NEXT: %[[SQ:.*]] = stablehlo.multiply %[[C]], %[[C]]
// CHECK-NEXT: %[[PUB:.*]] = call @other(%[[SQ]])
// CHECK-NEXT: return %[[PUB]]
// CHECK-NOT: @inputs
// CHECK-NOT: @square
// CHECK-NOT: @mul
// CHECK: func.func @other
func.func public @main() -> tensor<4xf32> {
  %0 = call @inputs() : () -> tensor<4xf32>
  %1 = call @square(%0) : (tensor<4xf32>) -> tensor<4xf32>
  %2 = call @other(%1) : (tensor<4xf32>) -> tensor<4xf32>
  return %2 : tensor<4xf32>
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

// A private function called twice is cloned into both callers; a private
// declaration (no body) is kept with its call.
// CHECK-LABEL: func.func @twice
// CHECK-COUNT-2: stablehlo.negate
// CHECK: %[[EXT:.*]] = call @external
// CHECK-NOT: func.func private @neg
// CHECK: func.func private @external
func.func @twice(%x: tensor<2xf32>) -> tensor<2xf32> {
  %0 = call @neg(%x) : (tensor<2xf32>) -> tensor<2xf32>
  %1 = call @neg(%0) : (tensor<2xf32>) -> tensor<2xf32>
  %2 = call @external(%1) : (tensor<2xf32>) -> tensor<2xf32>
  return %2 : tensor<2xf32>
}
func.func private @neg(%x: tensor<2xf32>) -> tensor<2xf32> {
  %0 = stablehlo.negate %x : tensor<2xf32>
  return %0 : tensor<2xf32>
}
func.func private @external(tensor<2xf32>) -> tensor<2xf32>
