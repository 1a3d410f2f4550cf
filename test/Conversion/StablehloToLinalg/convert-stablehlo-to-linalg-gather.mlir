// RUN: yat-opt %s -split-input-file -convert-stablehlo-to-linalg | FileCheck %s

// An embedding lookup (whole rows of the table) is an scf.forall over the
// tokens that clamps each start index so that the row fits and copies the
// row into the result.
// CHECK-LABEL: func.func @embedding_lookup
// CHECK-SAME: (%[[TABLE:.*]]: tensor<10x4xf32>, %[[IDS:.*]]: tensor<3x1xi32>)
// CHECK: %[[INIT:.*]] = tensor.empty() : tensor<3x4xf32>
// CHECK: %[[ROWS:.*]] = scf.forall (%[[TOKEN:.*]]) in (3) shared_outs(%[[OUT:.*]] = %[[INIT]])
// CHECK:   %[[ID:.*]] = tensor.extract %[[IDS]][%[[TOKEN]], %{{.*}}] : tensor<3x1xi32>
// CHECK:   %[[START:.*]] = arith.index_cast %[[ID]] : i32 to index
// CHECK:   %[[LOW:.*]] = arith.maxsi %[[START]], %{{.*}} : index
// CHECK:   %[[ROW:.*]] = arith.minsi %[[LOW]], %{{.*}} : index
// CHECK:   %[[VALUES:.*]] = tensor.extract_slice %[[TABLE]][%[[ROW]], 0] [1, 4] [1, 1] : tensor<10x4xf32> to tensor<4xf32>
// CHECK:   tensor.parallel_insert_slice %[[VALUES]] into %[[OUT]][%[[TOKEN]], 0] [1, 4] [1, 1] : tensor<4xf32> into tensor<3x4xf32>
// CHECK: return %[[ROWS]]
func.func @embedding_lookup(%table: tensor<10x4xf32>, %ids: tensor<3x1xi32>) -> tensor<3x4xf32> {
  %0 = "stablehlo.gather"(%table, %ids) <{dimension_numbers = #stablehlo.gather<offset_dims = [1], collapsed_slice_dims = [0], start_index_map = [0], index_vector_dim = 1>, slice_sizes = array<i64: 1, 4>}> : (tensor<10x4xf32>, tensor<3x1xi32>) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// -----

// Any other gather (here half rows) is one parallel linalg.generic over the
// result that reads the start index, clamps it so that the slice fits, and
// extracts the operand element.
// CHECK-LABEL: func.func @half_rows
// CHECK-SAME: (%[[TABLE:.*]]: tensor<10x4xf32>, %[[IDS:.*]]: tensor<3x1xi32>)
// CHECK: %[[INIT:.*]] = tensor.empty() : tensor<3x2xf32>
// CHECK: %[[ROWS:.*]] = linalg.generic {{.*}}iterator_types = ["parallel", "parallel"]{{.*}} outs(%[[INIT]] : tensor<3x2xf32>)
// CHECK:   %[[TOKEN:.*]] = linalg.index 0 : index
// CHECK:   %[[COL:.*]] = linalg.index 1 : index
// CHECK:   %[[ID:.*]] = tensor.extract %[[IDS]][%[[TOKEN]], %{{.*}}] : tensor<3x1xi32>
// CHECK:   %[[START:.*]] = arith.index_cast %[[ID]] : i32 to index
// CHECK:   %[[LOW:.*]] = arith.maxsi %[[START]], %{{.*}} : index
// CHECK:   %[[ROW:.*]] = arith.minsi %[[LOW]], %{{.*}} : index
// CHECK:   %[[VALUE:.*]] = tensor.extract %[[TABLE]][%[[ROW]], %[[COL]]] : tensor<10x4xf32>
// CHECK:   linalg.yield %[[VALUE]] : f32
// CHECK: return %[[ROWS]]
func.func @half_rows(%table: tensor<10x4xf32>, %ids: tensor<3x1xi32>) -> tensor<3x2xf32> {
  %0 = "stablehlo.gather"(%table, %ids) <{dimension_numbers = #stablehlo.gather<offset_dims = [1], collapsed_slice_dims = [0], start_index_map = [0], index_vector_dim = 1>, slice_sizes = array<i64: 1, 2>}> : (tensor<10x4xf32>, tensor<3x1xi32>) -> tensor<3x2xf32>
  return %0 : tensor<3x2xf32>
}

// -----

// dynamic_slice and dynamic_update_slice are tensor.extract_slice and
// tensor.insert_slice at start indices clamped to [0, size - slice size].
// CHECK-LABEL: func.func @dynamic_slices
// CHECK-SAME: (%[[X:.*]]: tensor<3x4xf32>, %[[U:.*]]: tensor<1x2xf32>, %[[I:.*]]: tensor<i64>, %[[J:.*]]: tensor<i32>)
// CHECK: %[[RAWI:.*]] = tensor.extract %[[I]][] : tensor<i64>
// CHECK: %[[IDXI:.*]] = arith.index_cast %[[RAWI]] : i64 to index
// CHECK: %[[C2:.*]] = arith.constant 2 : index
// CHECK: %[[LOWI:.*]] = arith.maxsi %[[IDXI]], %{{.*}} : index
// CHECK: %[[ROW:.*]] = arith.minsi %[[LOWI]], %[[C2]] : index
// CHECK: %[[RAWJ:.*]] = tensor.extract %[[J]][] : tensor<i32>
// CHECK: %[[IDXJ:.*]] = arith.index_cast %[[RAWJ]] : i32 to index
// CHECK: %[[COL:.*]] = arith.minsi
// CHECK: %[[SLICE:.*]] = tensor.extract_slice %[[X]][%[[ROW]], %[[COL]]] [1, 2] [1, 1] : tensor<3x4xf32> to tensor<1x2xf32>
// CHECK: %[[UPDATED:.*]] = tensor.insert_slice %[[U]] into %[[X]][%{{.*}}, %{{.*}}] [1, 2] [1, 1] : tensor<1x2xf32> into tensor<3x4xf32>
// CHECK: return %[[SLICE]], %[[UPDATED]]
func.func @dynamic_slices(%x: tensor<3x4xf32>, %u: tensor<1x2xf32>, %i: tensor<i64>, %j: tensor<i32>) -> (tensor<1x2xf32>, tensor<3x4xf32>) {
  %0 = stablehlo.dynamic_slice %x, %i, %j, sizes = [1, 2] : (tensor<3x4xf32>, tensor<i64>, tensor<i32>) -> tensor<1x2xf32>
  %1 = stablehlo.dynamic_update_slice %x, %u, %i, %j : (tensor<3x4xf32>, tensor<1x2xf32>, tensor<i64>, tensor<i32>) -> tensor<3x4xf32>
  return %0, %1 : tensor<1x2xf32>, tensor<3x4xf32>
}

// -----

// Slices that select nothing are empty tensors (an extract_slice would
// start past the end), and an empty update leaves the operand as it is.
// CHECK-LABEL: func.func @empty_slices
// CHECK-SAME: (%[[X:.*]]: tensor<2x2x128xf32>, %[[V:.*]]: tensor<3xf32>, %[[E:.*]]: tensor<0xf32>, %[[I:.*]]: tensor<i64>)
// CHECK: %[[A:.*]] = tensor.empty() : tensor<2x0x128xf32>
// CHECK: %[[B:.*]] = tensor.empty() : tensor<0xf32>
// CHECK: %[[C:.*]] = tensor.empty() : tensor<0xf32>
// CHECK-NOT: tensor.insert_slice
// CHECK: return %[[A]], %[[B]], %[[C]], %[[V]]
func.func @empty_slices(%x: tensor<2x2x128xf32>, %v: tensor<3xf32>, %e: tensor<0xf32>, %i: tensor<i64>) -> (tensor<2x0x128xf32>, tensor<0xf32>, tensor<0xf32>, tensor<3xf32>) {
  %0 = stablehlo.slice %x [0:2, 2:2:2, 0:128] : (tensor<2x2x128xf32>) -> tensor<2x0x128xf32>
  %1 = stablehlo.slice %v [3:3] : (tensor<3xf32>) -> tensor<0xf32>
  %2 = stablehlo.dynamic_slice %v, %i, sizes = [0] : (tensor<3xf32>, tensor<i64>) -> tensor<0xf32>
  %3 = stablehlo.dynamic_update_slice %v, %e, %i : (tensor<3xf32>, tensor<0xf32>, tensor<i64>) -> tensor<3xf32>
  return %0, %1, %2, %3 : tensor<2x0x128xf32>, tensor<0xf32>, tensor<0xf32>, tensor<3xf32>
}
