// RUN: yat-opt %s --convert-stablehlo-to-linalg --split-input-file | FileCheck %s

// Unsigned tensors become signless ones of the same width, in the function
// signature too; the ops keep their unsigned meaning.
// CHECK-LABEL: func.func @divide_compare_max
// CHECK-SAME:    (%[[A:.*]]: tensor<4xi8>, %[[B:.*]]: tensor<4xi8>) -> (tensor<4xi8>, tensor<4xi1>, tensor<4xi8>)
// CHECK:         %[[DIV:.*]] = linalg.generic
// CHECK:           arith.divui
// CHECK:         %[[CMP:.*]] = linalg.generic
// CHECK:           arith.cmpi ult
// CHECK:         %[[MAX:.*]] = linalg.generic
// CHECK:           arith.maxui
// CHECK:         return %[[DIV]], %[[CMP]], %[[MAX]] : tensor<4xi8>, tensor<4xi1>, tensor<4xi8>
// CHECK-NOT:     ui8
func.func @divide_compare_max(%a: tensor<4xui8>, %b: tensor<4xui8>) -> (tensor<4xui8>, tensor<4xi1>, tensor<4xui8>) {
  %0 = stablehlo.divide %a, %b : tensor<4xui8>
  %1 = stablehlo.compare LT, %a, %b, UNSIGNED : (tensor<4xui8>, tensor<4xui8>) -> tensor<4xi1>
  %2 = stablehlo.maximum %a, %b : tensor<4xui8>
  return %0, %1, %2 : tensor<4xui8>, tensor<4xi1>, tensor<4xui8>
}

// -----

// Conversions from unsigned zero-extend or convert as unsigned; to
// unsigned, floats convert with fptoui.
// CHECK-LABEL: func.func @convert
// CHECK-SAME:    (%[[X:.*]]: tensor<3xi16>, %[[F:.*]]: tensor<3xf32>) -> (tensor<3xi64>, tensor<3xf32>, tensor<3xi8>)
// CHECK:         arith.extui %{{.*}} : i16 to i64
// CHECK:         arith.uitofp %{{.*}} : i16 to f32
// CHECK:         arith.fptoui %{{.*}} : f32 to i8
func.func @convert(%x: tensor<3xui16>, %f: tensor<3xf32>) -> (tensor<3xi64>, tensor<3xf32>, tensor<3xui8>) {
  %0 = stablehlo.convert %x : (tensor<3xui16>) -> tensor<3xi64>
  %1 = stablehlo.convert %x : (tensor<3xui16>) -> tensor<3xf32>
  %2 = stablehlo.convert %f : (tensor<3xf32>) -> tensor<3xui8>
  return %0, %1, %2 : tensor<3xi64>, tensor<3xf32>, tensor<3xui8>
}

// -----

// Constants keep their bits; unsigned start indices are zero-extended.
// CHECK-LABEL: func.func @constant_and_index
// CHECK:         %[[C:.*]] = arith.constant dense<[-1, 1]> : tensor<2xi8>
// CHECK:         %[[I:.*]] = tensor.extract %{{.*}}[] : tensor<i32>
// CHECK:         arith.index_castui %[[I]] : i32 to index
// CHECK:         return %[[C]], %{{.*}} : tensor<2xi8>, tensor<2xf32>
func.func @constant_and_index(%x: tensor<8xf32>, %i: tensor<ui32>) -> (tensor<2xui8>, tensor<2xf32>) {
  %0 = stablehlo.constant dense<[255, 1]> : tensor<2xui8>
  %1 = stablehlo.dynamic_slice %x, %i, sizes = [2] : (tensor<8xf32>, tensor<ui32>) -> tensor<2xf32>
  return %0, %1 : tensor<2xui8>, tensor<2xf32>
}

// -----

// A while loop carries the signless storage type.
// CHECK-LABEL: func.func @loop
// CHECK-SAME:    (%[[N:.*]]: tensor<i32>) -> tensor<i32>
// CHECK:         scf.while (%{{.*}} = %{{.*}}) : (tensor<i32>) -> tensor<i32>
// CHECK:           arith.cmpi ult
// CHECK:         } do {
// CHECK:         ^bb0(%{{.*}}: tensor<i32>):
// CHECK:           scf.yield %{{.*}} : tensor<i32>
func.func private @loop_body(%n: tensor<ui32>) -> tensor<ui32> {
  %one = stablehlo.constant dense<1> : tensor<ui32>
  %zero = stablehlo.constant dense<0> : tensor<ui32>
  %r = stablehlo.while(%i = %zero) : tensor<ui32>
  cond {
    %c = stablehlo.compare LT, %i, %n, UNSIGNED : (tensor<ui32>, tensor<ui32>) -> tensor<i1>
    stablehlo.return %c : tensor<i1>
  } do {
    %next = stablehlo.add %i, %one : tensor<ui32>
    stablehlo.return %next : tensor<ui32>
  }
  return %r : tensor<ui32>
}
func.func @loop(%n: tensor<ui32>) -> tensor<ui32> {
  %r = func.call @loop_body(%n) : (tensor<ui32>) -> tensor<ui32>
  return %r : tensor<ui32>
}
