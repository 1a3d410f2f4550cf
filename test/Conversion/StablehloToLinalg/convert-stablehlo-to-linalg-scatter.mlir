// RUN: yat-opt %s -split-input-file -convert-stablehlo-to-linalg | FileCheck %s

// A scatter is a loop nest over the update scatter dims carrying the
// result: each update window reads its start index and checks that the
// window fits once, then an inner loop over the window combines old and new
// values with the update computation in scalar arith.
// CHECK-LABEL: func.func @scatter_add
// CHECK-SAME: (%[[X:.*]]: tensor<4x3xf32>, %[[I:.*]]: tensor<2x1xi64>, %[[U:.*]]: tensor<2x3xf32>)
// CHECK: %[[OUT:.*]] = scf.for %[[ROW:.*]] = %{{.*}} to %{{.*}} step %{{.*}} iter_args(%[[ACC0:.*]] = %[[X]]) -> (tensor<4x3xf32>)
// CHECK:   %[[RAW:.*]] = tensor.extract %[[I]][%[[ROW]], %{{.*}}] : tensor<2x1xi64>
// CHECK:   %[[START:.*]] = arith.index_cast %[[RAW]] : i64 to index
// CHECK:   %[[ABOVE:.*]] = arith.cmpi sge, %[[START]], %{{.*}} : index
// CHECK:   %[[BELOW:.*]] = arith.cmpi sle, %[[START]], %{{.*}} : index
// CHECK:   %[[BOTH:.*]] = arith.andi %[[ABOVE]], %[[BELOW]] : i1
// CHECK:   %[[FITS:.*]] = arith.andi %{{.*}}, %[[BOTH]] : i1
// CHECK:   %[[NEXT:.*]] = scf.if %[[FITS]] -> (tensor<4x3xf32>)
// CHECK:     %[[WINDOW:.*]] = scf.for %[[COL:.*]] = %{{.*}} to %{{.*}} step %{{.*}} iter_args(%[[ACC:.*]] = %[[ACC0]]) -> (tensor<4x3xf32>)
// CHECK-NOT:   tensor.extract %[[I]]
// CHECK:       %[[OLD:.*]] = tensor.extract %[[ACC]][%[[START]], %[[COL]]] : tensor<4x3xf32>
// CHECK:       %[[NEW:.*]] = tensor.extract %[[U]][%[[ROW]], %[[COL]]] : tensor<2x3xf32>
// CHECK:       %[[SUM:.*]] = arith.addf %[[OLD]], %[[NEW]] : f32
// CHECK:       %[[INS:.*]] = tensor.insert %[[SUM]] into %[[ACC]][%[[START]], %[[COL]]]
// CHECK:       scf.yield %[[INS]]
// CHECK:     scf.yield %[[WINDOW]]
// CHECK:   } else {
// CHECK:     scf.yield %[[ACC0]]
// CHECK: return %[[OUT]] : tensor<4x3xf32>
func.func @scatter_add(%x: tensor<4x3xf32>, %i: tensor<2x1xi64>, %u: tensor<2x3xf32>) -> tensor<4x3xf32> {
  %0 = "stablehlo.scatter"(%x, %i, %u) <{scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1], inserted_window_dims = [0], scatter_dims_to_operand_dims = [0], index_vector_dim = 1>}> ({
  ^bb0(%old: tensor<f32>, %new: tensor<f32>):
    %s = stablehlo.add %old, %new : tensor<f32>
    stablehlo.return %s : tensor<f32>
  }) : (tensor<4x3xf32>, tensor<2x1xi64>, tensor<2x3xf32>) -> tensor<4x3xf32>
  return %0 : tensor<4x3xf32>
}

// -----

// With batching dims the batch coordinate of the update is the input's;
// two inputs travel through the same loops.
// CHECK-LABEL: func.func @scatter_batched_pair
// CHECK-SAME: (%[[A:.*]]: tensor<2x5xi32>, %[[B:.*]]: tensor<2x5xf32>, %[[I:.*]]: tensor<2x3x1xi32>
// CHECK: scf.for %[[BATCH:.*]] = {{.*}} iter_args(%{{.*}} = %[[A]], %{{.*}} = %[[B]]) -> (tensor<2x5xi32>, tensor<2x5xf32>)
// CHECK:   scf.for %[[J:.*]] = {{.*}} iter_args(%[[ACCA:.*]] = %{{.*}}, %[[ACCB:.*]] = %{{.*}}) -> (tensor<2x5xi32>, tensor<2x5xf32>)
// CHECK:     %[[RAW:.*]] = tensor.extract %[[I]][%[[BATCH]], %[[J]], %{{.*}}] : tensor<2x3x1xi32>
// CHECK:     %[[COL:.*]] = arith.index_cast %[[RAW]] : i32 to index
// CHECK:     scf.if
// CHECK:       tensor.extract %[[ACCA]][%[[BATCH]], %[[COL]]]
// CHECK:       tensor.extract %[[ACCB]][%[[BATCH]], %[[COL]]]
// CHECK:       arith.addi
// CHECK:       arith.mulf
func.func @scatter_batched_pair(%a: tensor<2x5xi32>, %b: tensor<2x5xf32>, %i: tensor<2x3x1xi32>, %u: tensor<2x3xi32>, %v: tensor<2x3xf32>) -> (tensor<2x5xi32>, tensor<2x5xf32>) {
  %0:2 = "stablehlo.scatter"(%a, %b, %i, %u, %v) <{scatter_dimension_numbers = #stablehlo.scatter<inserted_window_dims = [1], input_batching_dims = [0], scatter_indices_batching_dims = [0], scatter_dims_to_operand_dims = [1], index_vector_dim = 2>}> ({
  ^bb0(%a0: tensor<i32>, %b0: tensor<f32>, %a1: tensor<i32>, %b1: tensor<f32>):
    %s = stablehlo.add %a0, %a1 : tensor<i32>
    %p = stablehlo.multiply %b0, %b1 : tensor<f32>
    stablehlo.return %s, %p : tensor<i32>, tensor<f32>
  }) : (tensor<2x5xi32>, tensor<2x5xf32>, tensor<2x3x1xi32>, tensor<2x3xi32>, tensor<2x3xf32>) -> (tensor<2x5xi32>, tensor<2x5xf32>)
  return %0#0, %0#1 : tensor<2x5xi32>, tensor<2x5xf32>
}

// -----

// select_and_scatter: a loop over the source carrying the result (filled
// with the init value), an inner loop over the window carrying the
// selection (value, position, taken), then the scatter body at the
// selected position.
// CHECK-LABEL: func.func @select_and_scatter
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>, %[[S:.*]]: tensor<2xf32>, %[[INIT:.*]]: tensor<f32>)
// CHECK: %[[FILL:.*]] = linalg.fill
// CHECK: scf.for %[[I:.*]] = %{{.*}} to %{{.*}} step %{{.*}} iter_args(%[[R:.*]] = %[[FILL]]) -> (tensor<4xf32>)
// CHECK:   %[[W:.*]]:3 = scf.for %{{.*}} = %{{.*}} to %{{.*}} step %{{.*}} iter_args(%[[V:.*]] = %{{.*}}, %[[P:.*]] = %{{.*}}, %[[T:.*]] = %{{.*}}) -> (f32, index, i1)
// CHECK:     %[[C:.*]] = tensor.extract %[[X]]
// CHECK:     arith.cmpf oge, %[[V]], %[[C]] : f32
// CHECK:   scf.if %[[W]]#2 -> (tensor<4xf32>)
// CHECK:     %[[OLD:.*]] = tensor.extract %[[R]][%[[W]]#1]
// CHECK:     %[[NEW:.*]] = tensor.extract %[[S]][%[[I]]]
// CHECK:     %[[SUM:.*]] = arith.addf %[[OLD]], %[[NEW]] : f32
// CHECK:     tensor.insert %[[SUM]] into %[[R]][%[[W]]#1]
func.func @select_and_scatter(%x: tensor<4xf32>, %s: tensor<2xf32>, %init: tensor<f32>) -> tensor<4xf32> {
  %0 = "stablehlo.select_and_scatter"(%x, %s, %init) <{window_dimensions = array<i64: 2>, window_strides = array<i64: 2>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %ge = stablehlo.compare GE, %a, %b, FLOAT : (tensor<f32>, tensor<f32>) -> tensor<i1>
    stablehlo.return %ge : tensor<i1>
  }, {
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %sum = stablehlo.add %a, %b : tensor<f32>
    stablehlo.return %sum : tensor<f32>
  }) : (tensor<4xf32>, tensor<2xf32>, tensor<f32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}
