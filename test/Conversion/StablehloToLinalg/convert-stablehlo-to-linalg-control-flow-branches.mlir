// RUN: yat-opt %s -split-input-file -convert-stablehlo-to-linalg | FileCheck %s

// if becomes scf.if on the extracted predicate; the branches move over.
// CHECK-LABEL: func.func @if
// CHECK-SAME: (%[[P:.*]]: tensor<i1>, %[[X:.*]]: tensor<2xf32>)
// CHECK: %[[B:.*]] = tensor.extract %[[P]][] : tensor<i1>
// CHECK: %[[R:.*]] = scf.if %[[B]] -> (tensor<2xf32>) {
// CHECK:   scf.yield %[[X]] : tensor<2xf32>
// CHECK: } else {
// CHECK:   %[[N:.*]] = linalg.generic
// CHECK:   scf.yield %[[N]] : tensor<2xf32>
// CHECK: return %[[R]]
func.func @if(%p: tensor<i1>, %x: tensor<2xf32>) -> tensor<2xf32> {
  %0 = "stablehlo.if"(%p) ({
    stablehlo.return %x : tensor<2xf32>
  }, {
    %n = stablehlo.negate %x : tensor<2xf32>
    stablehlo.return %n : tensor<2xf32>
  }) : (tensor<i1>) -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----

// case becomes scf.index_switch: branch k for index k, the last branch as
// the default (which out-of-range indices reach too).
// CHECK-LABEL: func.func @case
// CHECK-SAME: (%[[I:.*]]: tensor<i32>, %[[X:.*]]: tensor<2xf32>)
// CHECK: %[[E:.*]] = tensor.extract %[[I]][] : tensor<i32>
// CHECK: %[[IDX:.*]] = arith.index_cast %[[E]] : i32 to index
// CHECK: %[[R:.*]] = scf.index_switch %[[IDX]] -> tensor<2xf32>
// CHECK: case 0 {
// CHECK:   scf.yield %[[X]] : tensor<2xf32>
// CHECK: case 1 {
// CHECK: default {
// CHECK: return %[[R]]
func.func @case(%i: tensor<i32>, %x: tensor<2xf32>) -> tensor<2xf32> {
  %0 = "stablehlo.case"(%i) ({
    stablehlo.return %x : tensor<2xf32>
  }, {
    %d = stablehlo.add %x, %x : tensor<2xf32>
    stablehlo.return %d : tensor<2xf32>
  }, {
    %n = stablehlo.negate %x : tensor<2xf32>
    stablehlo.return %n : tensor<2xf32>
  }) : (tensor<i32>) -> tensor<2xf32>
  return %0 : tensor<2xf32>
}
