// RUN: yat-opt %s -split-input-file -convert-stablehlo-to-linalg | FileCheck %s

// A constant becomes arith.constant with the same value.
// CHECK-LABEL: func.func @constant
// CHECK: %[[C:.*]] = arith.constant dense<[1, 2]> : tensor<2xi64>
// CHECK: return %[[C]]
func.func @constant() -> tensor<2xi64> {
  %0 = stablehlo.constant dense<[1, 2]> : tensor<2xi64>
  return %0 : tensor<2xi64>
}

// -----

// iota converts linalg.index of its dimension to the element type.
// CHECK-LABEL: func.func @iota
// CHECK: linalg.generic
// CHECK: %[[I:.*]] = linalg.index 1 : index
// CHECK: %[[W:.*]] = arith.index_cast %[[I]] : index to i64
// CHECK: %[[F:.*]] = arith.sitofp %[[W]] : i64 to f32
// CHECK: linalg.yield %[[F]]
func.func @iota() -> tensor<2x3xf32> {
  %0 = stablehlo.iota dim = 1 : tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// broadcast_in_dim reads expanded size-1 dimensions at index 0.
// CHECK: #[[IN:.*]] = affine_map<(d0, d1, d2) -> (0, d2)>
// CHECK: #[[OUT:.*]] = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
// CHECK-LABEL: func.func @broadcast_in_dim
// CHECK-SAME: (%[[X:.*]]: tensor<1x3xf32>)
// CHECK: linalg.generic {indexing_maps = [#[[IN]], #[[OUT]]], iterator_types = ["parallel", "parallel", "parallel"]} ins(%[[X]] : tensor<1x3xf32>)
func.func @broadcast_in_dim(%x: tensor<1x3xf32>) -> tensor<4x2x3xf32> {
  %0 = stablehlo.broadcast_in_dim %x, dims = [1, 2] : (tensor<1x3xf32>) -> tensor<4x2x3xf32>
  return %0 : tensor<4x2x3xf32>
}

// -----

// reshape collapses to 1-d and expands to the result shape; 0-d operands
// expand directly.
// CHECK-LABEL: func.func @reshape
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>, %[[S:.*]]: tensor<f32>)
// CHECK: %[[FLAT:.*]] = tensor.collapse_shape %[[X]] {{\[\[}}0, 1]] : tensor<2x3xf32> into tensor<6xf32>
// CHECK: tensor.expand_shape %[[FLAT]] {{\[\[}}0, 1, 2]] output_shape [3, 1, 2] : tensor<6xf32> into tensor<3x1x2xf32>
// CHECK: tensor.expand_shape %[[S]] [] output_shape [1, 1] : tensor<f32> into tensor<1x1xf32>
func.func @reshape(%x: tensor<2x3xf32>, %s: tensor<f32>) -> (tensor<3x1x2xf32>, tensor<1x1xf32>) {
  %0 = stablehlo.reshape %x : (tensor<2x3xf32>) -> tensor<3x1x2xf32>
  %1 = stablehlo.reshape %s : (tensor<f32>) -> tensor<1x1xf32>
  return %0, %1 : tensor<3x1x2xf32>, tensor<1x1xf32>
}

// -----

// transpose becomes linalg.transpose.
// CHECK-LABEL: func.func @transpose
// CHECK: linalg.transpose ins(%{{.*}} : tensor<2x3x4xi8>) outs(%{{.*}} : tensor<4x2x3xi8>) permutation = [2, 0, 1]
func.func @transpose(%x: tensor<2x3x4xi8>) -> tensor<4x2x3xi8> {
  %0 = stablehlo.transpose %x, dims = [2, 0, 1] : (tensor<2x3x4xi8>) -> tensor<4x2x3xi8>
  return %0 : tensor<4x2x3xi8>
}

// -----

// concatenate inserts each input at its offset.
// CHECK-LABEL: func.func @concatenate
// CHECK-SAME: (%[[A:.*]]: tensor<2x3xf32>, %[[B:.*]]: tensor<2x1xf32>)
// CHECK: %[[E:.*]] = tensor.empty() : tensor<2x4xf32>
// CHECK: %[[I:.*]] = tensor.insert_slice %[[A]] into %[[E]][0, 0] [2, 3] [1, 1]
// CHECK: tensor.insert_slice %[[B]] into %[[I]][0, 3] [2, 1] [1, 1]
func.func @concatenate(%a: tensor<2x3xf32>, %b: tensor<2x1xf32>) -> tensor<2x4xf32> {
  %0 = stablehlo.concatenate %a, %b, dim = 1 : (tensor<2x3xf32>, tensor<2x1xf32>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// -----

// Empty inputs of a concatenate (lax.associative_scan emits them) insert
// nothing, at the end of the dimension too.
// CHECK-LABEL: func.func @concatenate_empty
// CHECK-SAME: (%[[A:.*]]: tensor<2x1x4xf32>, %[[B:.*]]: tensor<2x0x4xf32>)
// CHECK: %[[E:.*]] = tensor.empty() : tensor<2x1x4xf32>
// CHECK: %[[I:.*]] = tensor.insert_slice %[[A]] into %[[E]][0, 0, 0] [2, 1, 4] [1, 1, 1]
// CHECK-NOT: tensor.insert_slice
// CHECK: return %[[I]]
func.func @concatenate_empty(%a: tensor<2x1x4xf32>, %b: tensor<2x0x4xf32>) -> tensor<2x1x4xf32> {
  %0 = stablehlo.concatenate %b, %a, %b, dim = 1 : (tensor<2x0x4xf32>, tensor<2x1x4xf32>, tensor<2x0x4xf32>) -> tensor<2x1x4xf32>
  return %0 : tensor<2x1x4xf32>
}

// -----

// slice is a strided extract_slice.
// CHECK-LABEL: func.func @slice
// CHECK: tensor.extract_slice %{{.*}}[1, 0] [1, 2] [1, 2] : tensor<2x3xf32> to tensor<1x2xf32>
func.func @slice(%x: tensor<2x3xf32>) -> tensor<1x2xf32> {
  %0 = stablehlo.slice %x [1:2, 0:3:2] : (tensor<2x3xf32>) -> tensor<1x2xf32>
  return %0 : tensor<1x2xf32>
}

// -----

// pad fills the padded shape (negative edges counted as 0), inserts the
// operand with stride interior + 1 and crops the negative edge.
// CHECK-LABEL: func.func @pad
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>, %[[V:.*]]: tensor<f32>)
// CHECK: %[[PV:.*]] = tensor.extract %[[V]][] : tensor<f32>
// CHECK: %[[E:.*]] = tensor.empty() : tensor<4x5xf32>
// CHECK: %[[F:.*]] = linalg.fill ins(%[[PV]] : f32) outs(%[[E]] : tensor<4x5xf32>)
// CHECK: %[[I:.*]] = tensor.insert_slice %[[X]] into %[[F]][0, 0] [2, 3] [2, 1]
// CHECK: tensor.extract_slice %[[I]][0, 1] [4, 4] [1, 1] : tensor<4x5xf32> to tensor<4x4xf32>
func.func @pad(%x: tensor<2x3xf32>, %v: tensor<f32>) -> tensor<4x4xf32> {
  %0 = stablehlo.pad %x, %v, low = [0, -1], high = [1, 2], interior = [1, 0] : (tensor<2x3xf32>, tensor<f32>) -> tensor<4x4xf32>
  return %0 : tensor<4x4xf32>
}

// -----

// reverse reads index size - 1 - i along the reversed dimensions.
// CHECK: #[[REV:.*]] = affine_map<(d0, d1) -> (d0, -d1 + 2)>
// CHECK-LABEL: func.func @reverse
// CHECK: linalg.generic {indexing_maps = [#[[REV]], #{{.*}}]
func.func @reverse(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = stablehlo.reverse %x, dims = [1] : tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}
