// RUN: yat-run %s
// sort and top_k on hand-computed cases, checked by the module itself:
// stability (argsort keeps equal keys in index order), two operands sorted
// alike, a descending comparator along dim 1 given as -1, total order with
// NaN and -0.0, and top_k's ties; plus a call of a function that holds a
// CHLO op (which must inline).
func.func @main() {
  // argsort of [3, 1, 3, 0, 1]: keys ascending, equal keys in index order.
  %keys = stablehlo.constant dense<[3, 1, 3, 0, 1]> : tensor<5xi32>
  %iota = stablehlo.iota dim = 0 : tensor<5xi32>
  %sorted:2 = "stablehlo.sort"(%keys, %iota) <{dimension = 0 : i64, is_stable = true}> ({
  ^bb0(%a: tensor<i32>, %b: tensor<i32>, %ia: tensor<i32>, %ib: tensor<i32>):
    %lt = stablehlo.compare LT, %a, %b, SIGNED : (tensor<i32>, tensor<i32>) -> tensor<i1>
    stablehlo.return %lt : tensor<i1>
  }) : (tensor<5xi32>, tensor<5xi32>) -> (tensor<5xi32>, tensor<5xi32>)
  %keys_expected = stablehlo.constant dense<[0, 1, 1, 3, 3]> : tensor<5xi32>
  %order_expected = stablehlo.constant dense<[3, 1, 4, 0, 2]> : tensor<5xi32>
  stablehlo.custom_call @check.expect_eq(%sorted#0, %keys_expected) {has_side_effect = true} : (tensor<5xi32>, tensor<5xi32>) -> ()
  stablehlo.custom_call @check.expect_eq(%sorted#1, %order_expected) {has_side_effect = true} : (tensor<5xi32>, tensor<5xi32>) -> ()

  // Rows sorted in descending order (dimension -1 is 1).
  %m = stablehlo.constant dense<[[2.0, 9.0, -1.0], [0.5, 0.25, 4.0]]> : tensor<2x3xf32>
  %desc = "stablehlo.sort"(%m) <{dimension = -1 : i64}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %gt = stablehlo.compare GT, %a, %b, FLOAT : (tensor<f32>, tensor<f32>) -> tensor<i1>
    stablehlo.return %gt : tensor<i1>
  }) : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %desc_expected = stablehlo.constant dense<[[9.0, 2.0, -1.0], [4.0, 0.5, 0.25]]> : tensor<2x3xf32>
  stablehlo.custom_call @check.expect_eq(%desc, %desc_expected) {has_side_effect = true} : (tensor<2x3xf32>, tensor<2x3xf32>) -> ()

  // Total order: -inf < -0.0 < 0.0 < 1.0 < NaN.
  %t = stablehlo.constant dense<[0x7FC00000, 0.0, 1.0, -0.0, 0xFF800000]> : tensor<5xf32>
  %total = "stablehlo.sort"(%t) <{dimension = 0 : i64}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %lt = stablehlo.compare LT, %a, %b, TOTALORDER : (tensor<f32>, tensor<f32>) -> tensor<i1>
    stablehlo.return %lt : tensor<i1>
  }) : (tensor<5xf32>) -> tensor<5xf32>
  %total_bits = stablehlo.bitcast_convert %total : (tensor<5xf32>) -> tensor<5xi32>
  %total_expected = stablehlo.constant dense<[0xFF800000, 0x80000000, 0.0, 1.0, 0x7FC00000]> : tensor<5xf32>
  %total_expected_bits = stablehlo.bitcast_convert %total_expected : (tensor<5xf32>) -> tensor<5xi32>
  stablehlo.custom_call @check.expect_eq(%total_bits, %total_expected_bits) {has_side_effect = true} : (tensor<5xi32>, tensor<5xi32>) -> ()

  // top_k: the two largest of each row, ties by lower index.
  %x = stablehlo.constant dense<[[1, 5, 5, 2], [7, -1, 0, 7]]> : tensor<2x4xi32>
  %values, %indices = chlo.top_k(%x, k = 2) : tensor<2x4xi32> -> (tensor<2x2xi32>, tensor<2x2xi32>)
  %values_expected = stablehlo.constant dense<[[5, 5], [7, 7]]> : tensor<2x2xi32>
  %indices_expected = stablehlo.constant dense<[[1, 2], [0, 3]]> : tensor<2x2xi32>
  stablehlo.custom_call @check.expect_eq(%values, %values_expected) {has_side_effect = true} : (tensor<2x2xi32>, tensor<2x2xi32>) -> ()
  stablehlo.custom_call @check.expect_eq(%indices, %indices_expected) {has_side_effect = true} : (tensor<2x2xi32>, tensor<2x2xi32>) -> ()

  %half = stablehlo.constant dense<0.5> : tensor<f64>
  %inv = func.call @erf_inv_helper(%half) : (tensor<f64>) -> tensor<f64>
  %inv_expected = stablehlo.constant dense<0.4769362762044699> : tensor<f64>
  stablehlo.custom_call @check.expect_close(%inv, %inv_expected) {has_side_effect = true} : (tensor<f64>, tensor<f64>) -> ()
  return
}

func.func private @erf_inv_helper(%x: tensor<f64>) -> tensor<f64> {
  %0 = chlo.erf_inv %x : tensor<f64> -> tensor<f64>
  return %0 : tensor<f64>
}
