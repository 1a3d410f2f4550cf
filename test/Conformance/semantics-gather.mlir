// RUN: yat-run %s
// RUN: yat-run %s --pipeline-options=fuse=false
// stablehlo.gather, dynamic_slice and dynamic_update_slice on small
// hand-computed cases, checked by the module itself: start indices clamped
// so that slices fit, windows, batching dims, and slices that select
// nothing.
func.func @main() {
  // Embedding lookup; 7 and -3 clamp to the last and the first row.
  %table = stablehlo.constant dense<[[0, 1], [10, 11], [20, 21], [30, 31]]> : tensor<4x2xi32>
  %ids = stablehlo.constant dense<[[2], [0], [7], [-3]]> : tensor<4x1xi32>
  %rows = "stablehlo.gather"(%table, %ids) <{dimension_numbers = #stablehlo.gather<offset_dims = [1], collapsed_slice_dims = [0], start_index_map = [0], index_vector_dim = 1>, slice_sizes = array<i64: 1, 2>}> : (tensor<4x2xi32>, tensor<4x1xi32>) -> tensor<4x2xi32>
  %rows_expected = stablehlo.constant dense<[[20, 21], [0, 1], [30, 31], [0, 1]]> : tensor<4x2xi32>
  stablehlo.custom_call @check.expect_eq(%rows, %rows_expected) {has_side_effect = true} : (tensor<4x2xi32>, tensor<4x2xi32>) -> ()

  // 2x2 windows at two 2-d starts; (2, 3) clamps to (1, 2).
  %x = stablehlo.constant dense<[[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11]]> : tensor<3x4xi32>
  %starts = stablehlo.constant dense<[[1, 1], [2, 3]]> : tensor<2x2xi32>
  %windows = "stablehlo.gather"(%x, %starts) <{dimension_numbers = #stablehlo.gather<offset_dims = [1, 2], start_index_map = [0, 1], index_vector_dim = 1>, slice_sizes = array<i64: 2, 2>}> : (tensor<3x4xi32>, tensor<2x2xi32>) -> tensor<2x2x2xi32>
  %windows_expected = stablehlo.constant dense<[[[5, 6], [9, 10]], [[6, 7], [10, 11]]]> : tensor<2x2x2xi32>
  stablehlo.custom_call @check.expect_eq(%windows, %windows_expected) {has_side_effect = true} : (tensor<2x2x2xi32>, tensor<2x2x2xi32>) -> ()

  // Batching: batch b reads row b of the operand.
  %y = stablehlo.constant dense<[[1, 2, 3], [4, 5, 6]]> : tensor<2x3xi32>
  %cols = stablehlo.constant dense<[[[2], [0]], [[1], [1]]]> : tensor<2x2x1xi32>
  %batched = "stablehlo.gather"(%y, %cols) <{dimension_numbers = #stablehlo.gather<collapsed_slice_dims = [1], operand_batching_dims = [0], start_indices_batching_dims = [0], start_index_map = [1], index_vector_dim = 2>, slice_sizes = array<i64: 1, 1>}> : (tensor<2x3xi32>, tensor<2x2x1xi32>) -> tensor<2x2xi32>
  %batched_expected = stablehlo.constant dense<[[3, 1], [5, 5]]> : tensor<2x2xi32>
  stablehlo.custom_call @check.expect_eq(%batched, %batched_expected) {has_side_effect = true} : (tensor<2x2xi32>, tensor<2x2xi32>) -> ()

  // dynamic_slice at (-1, 3) clamps to (0, 2); dynamic_update_slice at
  // (5, 1) clamps to (2, 1).
  %minus_one = stablehlo.constant dense<-1> : tensor<i64>
  %three = stablehlo.constant dense<3> : tensor<i32>
  %slice = stablehlo.dynamic_slice %x, %minus_one, %three, sizes = [2, 2] : (tensor<3x4xi32>, tensor<i64>, tensor<i32>) -> tensor<2x2xi32>
  %slice_expected = stablehlo.constant dense<[[2, 3], [6, 7]]> : tensor<2x2xi32>
  stablehlo.custom_call @check.expect_eq(%slice, %slice_expected) {has_side_effect = true} : (tensor<2x2xi32>, tensor<2x2xi32>) -> ()
  %five = stablehlo.constant dense<5> : tensor<i64>
  %one = stablehlo.constant dense<1> : tensor<i64>
  %patch = stablehlo.constant dense<[[100, 101]]> : tensor<1x2xi32>
  %updated = stablehlo.dynamic_update_slice %x, %patch, %five, %one : (tensor<3x4xi32>, tensor<1x2xi32>, tensor<i64>, tensor<i64>) -> tensor<3x4xi32>
  %updated_expected = stablehlo.constant dense<[[0, 1, 2, 3], [4, 5, 6, 7], [8, 100, 101, 11]]> : tensor<3x4xi32>
  stablehlo.custom_call @check.expect_eq(%updated, %updated_expected) {has_side_effect = true} : (tensor<3x4xi32>, tensor<3x4xi32>) -> ()

  // Slices that select nothing, as lax.associative_scan emits them.
  %v = stablehlo.constant dense<[1.0, 2.0, 3.0]> : tensor<3xf32>
  %none = stablehlo.slice %v [3:3] : (tensor<3xf32>) -> tensor<0xf32>
  %none_expected = stablehlo.constant dense<> : tensor<0xf32>
  stablehlo.custom_call @check.expect_eq(%none, %none_expected) {has_side_effect = true} : (tensor<0xf32>, tensor<0xf32>) -> ()
  %w = stablehlo.constant dense<1.0> : tensor<2x2x4xf32>
  %strided = stablehlo.slice %w [0:2, 2:2:2, 0:4] : (tensor<2x2x4xf32>) -> tensor<2x0x4xf32>
  %strided_expected = stablehlo.constant dense<> : tensor<2x0x4xf32>
  stablehlo.custom_call @check.expect_eq(%strided, %strided_expected) {has_side_effect = true} : (tensor<2x0x4xf32>, tensor<2x0x4xf32>) -> ()
  %unchanged = stablehlo.dynamic_update_slice %v, %none, %one : (tensor<3xf32>, tensor<0xf32>, tensor<i64>) -> tensor<3xf32>
  stablehlo.custom_call @check.expect_eq(%unchanged, %v) {has_side_effect = true} : (tensor<3xf32>, tensor<3xf32>) -> ()
  return
}
