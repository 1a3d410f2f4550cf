// RUN: yat-run %s
// reduce_window on small hand-computed cases, checked by the module
// itself: max_pool with -inf padding, a cumulative sum (JAX's cumsum),
// base and window dilation, strides, two inputs (an argmax), unsigned
// elements and an empty result.
func.func @main() {
  %x = stablehlo.constant dense<[[1.0, 5.0, 2.0, 0.0], [3.0, -1.0, 4.0, 8.0], [7.0, 6.0, -2.0, 9.0]]> : tensor<3x4xf32>
  %ninf = stablehlo.constant dense<0xFF800000> : tensor<f32>
  // 2x2 windows, stride 2, one row of -inf padding below.
  %pool = "stablehlo.reduce_window"(%x, %ninf) <{padding = dense<[[0, 1], [0, 0]]> : tensor<2x2xi64>, window_dimensions = array<i64: 2, 2>, window_strides = array<i64: 2, 2>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %m = stablehlo.maximum %a, %b : tensor<f32>
    stablehlo.return %m : tensor<f32>
  }) : (tensor<3x4xf32>, tensor<f32>) -> tensor<2x2xf32>
  %pool_expected = stablehlo.constant dense<[[5.0, 8.0], [7.0, 9.0]]> : tensor<2x2xf32>
  stablehlo.custom_call @check.expect_eq(%pool, %pool_expected) {has_side_effect = true} : (tensor<2x2xf32>, tensor<2x2xf32>) -> ()

  // Cumulative sum along dim 1: window 4 padded with 3 zeros in front.
  %zero = stablehlo.constant dense<0.0> : tensor<f32>
  %cumsum = "stablehlo.reduce_window"(%x, %zero) <{padding = dense<[[0, 0], [3, 0]]> : tensor<2x2xi64>, window_dimensions = array<i64: 1, 4>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %s = stablehlo.add %a, %b : tensor<f32>
    stablehlo.return %s : tensor<f32>
  }) : (tensor<3x4xf32>, tensor<f32>) -> tensor<3x4xf32>
  %cumsum_expected = stablehlo.constant dense<[[1.0, 6.0, 8.0, 8.0], [3.0, 2.0, 6.0, 14.0], [7.0, 13.0, 11.0, 20.0]]> : tensor<3x4xf32>
  stablehlo.custom_call @check.expect_eq(%cumsum, %cumsum_expected) {has_side_effect = true} : (tensor<3x4xf32>, tensor<3x4xf32>) -> ()

  // Base dilation 2 spreads [1, 2, 3] to [1, 0, 2, 0, 3] (init 0 between);
  // windows of 3 taps 2 apart stride 1 read positions {0,2,4}: 1 + 2 + 3.
  %v = stablehlo.constant dense<[1, 2, 3]> : tensor<3xi32>
  %izero = stablehlo.constant dense<0> : tensor<i32>
  %dil = "stablehlo.reduce_window"(%v, %izero) <{base_dilations = array<i64: 2>, window_dilations = array<i64: 2>, window_dimensions = array<i64: 3>}> ({
  ^bb0(%a: tensor<i32>, %b: tensor<i32>):
    %s = stablehlo.add %a, %b : tensor<i32>
    stablehlo.return %s : tensor<i32>
  }) : (tensor<3xi32>, tensor<i32>) -> tensor<1xi32>
  %dil_expected = stablehlo.constant dense<[6]> : tensor<1xi32>
  stablehlo.custom_call @check.expect_eq(%dil, %dil_expected) {has_side_effect = true} : (tensor<1xi32>, tensor<1xi32>) -> ()
  // Base dilation alone, window 2: [1, 0, 2, 0, 3] -> [1, 2, 2, 3].
  %dil2 = "stablehlo.reduce_window"(%v, %izero) <{base_dilations = array<i64: 2>, window_dimensions = array<i64: 2>}> ({
  ^bb0(%a: tensor<i32>, %b: tensor<i32>):
    %s = stablehlo.add %a, %b : tensor<i32>
    stablehlo.return %s : tensor<i32>
  }) : (tensor<3xi32>, tensor<i32>) -> tensor<4xi32>
  %dil2_expected = stablehlo.constant dense<[1, 2, 2, 3]> : tensor<4xi32>
  stablehlo.custom_call @check.expect_eq(%dil2, %dil2_expected) {has_side_effect = true} : (tensor<4xi32>, tensor<4xi32>) -> ()

  // Argmax over windows of 2 (two inputs, ties keep the first).
  %w = stablehlo.constant dense<[3.0, 9.0, 9.0, 1.0]> : tensor<4xf32>
  %idx = stablehlo.iota dim = 0 : tensor<4xi32>
  %neg = stablehlo.constant dense<-1> : tensor<i32>
  %am:2 = "stablehlo.reduce_window"(%w, %idx, %ninf, %neg) <{window_dimensions = array<i64: 2>}> ({
  ^bb0(%av: tensor<f32>, %ai: tensor<i32>, %bv: tensor<f32>, %bi: tensor<i32>):
    %ge = stablehlo.compare GE, %av, %bv, FLOAT : (tensor<f32>, tensor<f32>) -> tensor<i1>
    %sv = stablehlo.select %ge, %av, %bv : tensor<i1>, tensor<f32>
    %si = stablehlo.select %ge, %ai, %bi : tensor<i1>, tensor<i32>
    stablehlo.return %sv, %si : tensor<f32>, tensor<i32>
  }) : (tensor<4xf32>, tensor<4xi32>, tensor<f32>, tensor<i32>) -> (tensor<3xf32>, tensor<3xi32>)
  %am_expected = stablehlo.constant dense<[1, 1, 2]> : tensor<3xi32>
  stablehlo.custom_call @check.expect_eq(%am#1, %am_expected) {has_side_effect = true} : (tensor<3xi32>, tensor<3xi32>) -> ()

  // Unsigned minimum: 200 < 255 (not negative).
  %u = stablehlo.constant dense<[200, 255, 7]> : tensor<3xui8>
  %umax = stablehlo.constant dense<255> : tensor<ui8>
  %umin = "stablehlo.reduce_window"(%u, %umax) <{window_dimensions = array<i64: 2>}> ({
  ^bb0(%a: tensor<ui8>, %b: tensor<ui8>):
    %m = stablehlo.minimum %a, %b : tensor<ui8>
    stablehlo.return %m : tensor<ui8>
  }) : (tensor<3xui8>, tensor<ui8>) -> tensor<2xui8>
  %umin_expected = stablehlo.constant dense<[200, 7]> : tensor<2xui8>
  stablehlo.custom_call @check.expect_eq(%umin, %umin_expected) {has_side_effect = true} : (tensor<2xui8>, tensor<2xui8>) -> ()

  // A window larger than the input: nothing to reduce.
  %none = "stablehlo.reduce_window"(%v, %izero) <{window_dimensions = array<i64: 4>}> ({
  ^bb0(%a: tensor<i32>, %b: tensor<i32>):
    %s = stablehlo.add %a, %b : tensor<i32>
    stablehlo.return %s : tensor<i32>
  }) : (tensor<3xi32>, tensor<i32>) -> tensor<0xi32>
  %none_expected = stablehlo.constant dense<> : tensor<0xi32>
  stablehlo.custom_call @check.expect_eq(%none, %none_expected) {has_side_effect = true} : (tensor<0xi32>, tensor<0xi32>) -> ()
  return
}
