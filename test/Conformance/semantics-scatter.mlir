// RUN: yat-run %s
// RUN: yat-run %s --pipeline-options=fuse=false
// stablehlo.scatter on small hand-computed cases, checked by the module
// itself: repeated and out-of-bounds indices, windows that do not fit,
// batching dims, an implicit index vector, several inputs at once.
func.func @main() {
  // Rows 1 (twice) and 3 receive updates; -1 and 4 are out of bounds and
  // skipped.
  %x = stablehlo.constant dense<0> : tensor<4x3xi32>
  %rows = stablehlo.constant dense<[[1], [1], [3], [-1], [4]]> : tensor<5x1xi32>
  %u = stablehlo.constant dense<[[1, 2, 3], [10, 20, 30], [100, 200, 300], [7, 7, 7], [9, 9, 9]]> : tensor<5x3xi32>
  %add = "stablehlo.scatter"(%x, %rows, %u) <{scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1], inserted_window_dims = [0], scatter_dims_to_operand_dims = [0], index_vector_dim = 1>}> ({
  ^bb0(%old: tensor<i32>, %new: tensor<i32>):
    %s = stablehlo.add %old, %new : tensor<i32>
    stablehlo.return %s : tensor<i32>
  }) : (tensor<4x3xi32>, tensor<5x1xi32>, tensor<5x3xi32>) -> tensor<4x3xi32>
  %add_expected = stablehlo.constant dense<[[0, 0, 0], [11, 22, 33], [0, 0, 0], [100, 200, 300]]> : tensor<4x3xi32>
  stablehlo.custom_call @check.expect_eq(%add, %add_expected) {has_side_effect = true} : (tensor<4x3xi32>, tensor<4x3xi32>) -> ()

  // A window of 3 starting at 3 does not fit in 5 elements: skipped whole.
  %line = stablehlo.constant dense<0> : tensor<5xi32>
  %starts = stablehlo.constant dense<[[3], [1]]> : tensor<2x1xi32>
  %w = stablehlo.constant dense<[[1, 1, 1], [2, 2, 2]]> : tensor<2x3xi32>
  %window = "stablehlo.scatter"(%line, %starts, %w) <{scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1], scatter_dims_to_operand_dims = [0], index_vector_dim = 1>}> ({
  ^bb0(%old: tensor<i32>, %new: tensor<i32>):
    stablehlo.return %new : tensor<i32>
  }) : (tensor<5xi32>, tensor<2x1xi32>, tensor<2x3xi32>) -> tensor<5xi32>
  %window_expected = stablehlo.constant dense<[0, 2, 2, 2, 0]> : tensor<5xi32>
  stablehlo.custom_call @check.expect_eq(%window, %window_expected) {has_side_effect = true} : (tensor<5xi32>, tensor<5xi32>) -> ()

  // Batching: row b of the input takes the updates of batch b.
  %grid = stablehlo.constant dense<0> : tensor<2x5xi32>
  %cols = stablehlo.constant dense<[[[0], [2], [4]], [[1], [1], [3]]]> : tensor<2x3x1xi32>
  %v = stablehlo.constant dense<[[1, 2, 3], [4, 5, 6]]> : tensor<2x3xi32>
  %batched = "stablehlo.scatter"(%grid, %cols, %v) <{scatter_dimension_numbers = #stablehlo.scatter<inserted_window_dims = [1], input_batching_dims = [0], scatter_indices_batching_dims = [0], scatter_dims_to_operand_dims = [1], index_vector_dim = 2>}> ({
  ^bb0(%old: tensor<i32>, %new: tensor<i32>):
    %s = stablehlo.add %old, %new : tensor<i32>
    stablehlo.return %s : tensor<i32>
  }) : (tensor<2x5xi32>, tensor<2x3x1xi32>, tensor<2x3xi32>) -> tensor<2x5xi32>
  %batched_expected = stablehlo.constant dense<[[1, 0, 2, 0, 3], [0, 9, 0, 6, 0]]> : tensor<2x5xi32>
  stablehlo.custom_call @check.expect_eq(%batched, %batched_expected) {has_side_effect = true} : (tensor<2x5xi32>, tensor<2x5xi32>) -> ()

  // Two inputs at once, index_vector_dim equal to the indices' rank (one
  // start index per element), the new values replace the old.
  %f = stablehlo.constant dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>
  %n = stablehlo.constant dense<[10, 20, 30, 40]> : tensor<4xi32>
  %at = stablehlo.constant dense<[2, 0]> : tensor<2xi64>
  %fu = stablehlo.constant dense<[5.5, 6.5]> : tensor<2xf32>
  %nu = stablehlo.constant dense<[7, 8]> : tensor<2xi32>
  %pair:2 = "stablehlo.scatter"(%f, %n, %at, %fu, %nu) <{scatter_dimension_numbers = #stablehlo.scatter<inserted_window_dims = [0], scatter_dims_to_operand_dims = [0], index_vector_dim = 1>}> ({
  ^bb0(%f_old: tensor<f32>, %n_old: tensor<i32>, %f_new: tensor<f32>, %n_new: tensor<i32>):
    stablehlo.return %f_new, %n_new : tensor<f32>, tensor<i32>
  }) : (tensor<4xf32>, tensor<4xi32>, tensor<2xi64>, tensor<2xf32>, tensor<2xi32>) -> (tensor<4xf32>, tensor<4xi32>)
  %f_expected = stablehlo.constant dense<[6.5, 2.0, 5.5, 4.0]> : tensor<4xf32>
  %n_expected = stablehlo.constant dense<[8, 20, 7, 40]> : tensor<4xi32>
  stablehlo.custom_call @check.expect_eq(%pair#0, %f_expected) {has_side_effect = true} : (tensor<4xf32>, tensor<4xf32>) -> ()
  stablehlo.custom_call @check.expect_eq(%pair#1, %n_expected) {has_side_effect = true} : (tensor<4xi32>, tensor<4xi32>) -> ()

  // max over repeated indices.
  %m = stablehlo.constant dense<0.0> : tensor<2xf32>
  %mi = stablehlo.constant dense<[[0], [0], [1]]> : tensor<3x1xi32>
  %mu = stablehlo.constant dense<[3.0, -1.0, 2.0]> : tensor<3xf32>
  %max = "stablehlo.scatter"(%m, %mi, %mu) <{scatter_dimension_numbers = #stablehlo.scatter<inserted_window_dims = [0], scatter_dims_to_operand_dims = [0], index_vector_dim = 1>}> ({
  ^bb0(%old: tensor<f32>, %new: tensor<f32>):
    %s = stablehlo.maximum %old, %new : tensor<f32>
    stablehlo.return %s : tensor<f32>
  }) : (tensor<2xf32>, tensor<3x1xi32>, tensor<3xf32>) -> tensor<2xf32>
  %max_expected = stablehlo.constant dense<[3.0, 2.0]> : tensor<2xf32>
  stablehlo.custom_call @check.expect_eq(%max, %max_expected) {has_side_effect = true} : (tensor<2xf32>, tensor<2xf32>) -> ()
  return
}
