// RUN: yat-run %s
// select_and_scatter (max_pool's gradient) on hand-computed cases, checked
// by the module itself: overlapping windows add into the same position,
// ties keep the first element (GE), and padded positions are never
// selected even when they would win.
func.func @main() {
  // Windows of 2, stride 1, over [1, 3, 3, 2]: maxima at 1, 1 (tie: the
  // first), 2; the sources 10, 20, 30 land there.
  %x = stablehlo.constant dense<[1.0, 3.0, 3.0, 2.0]> : tensor<4xf32>
  %src = stablehlo.constant dense<[10.0, 20.0, 30.0]> : tensor<3xf32>
  %zero = stablehlo.constant dense<0.0> : tensor<f32>
  %r = "stablehlo.select_and_scatter"(%x, %src, %zero) <{window_dimensions = array<i64: 2>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %ge = stablehlo.compare GE, %a, %b, FLOAT : (tensor<f32>, tensor<f32>) -> tensor<i1>
    stablehlo.return %ge : tensor<i1>
  }, {
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %s = stablehlo.add %a, %b : tensor<f32>
    stablehlo.return %s : tensor<f32>
  }) : (tensor<4xf32>, tensor<3xf32>, tensor<f32>) -> tensor<4xf32>
  %r_expected = stablehlo.constant dense<[0.0, 30.0, 30.0, 0.0]> : tensor<4xf32>
  stablehlo.custom_call @check.expect_eq(%r, %r_expected) {has_side_effect = true} : (tensor<4xf32>, tensor<4xf32>) -> ()

  // 2x2 windows, stride 2, one padded row and column in front: the first
  // window holds only x[0][0] = -5, which is selected although the padding
  // is not smaller; init 1 stays everywhere else.
  %m = stablehlo.constant dense<[[-5, 2, 7], [4, 1, 0], [3, 8, 6]]> : tensor<3x3xi32>
  %msrc = stablehlo.constant dense<[[1, 2], [3, 4]]> : tensor<2x2xi32>
  %one = stablehlo.constant dense<1> : tensor<i32>
  %p = "stablehlo.select_and_scatter"(%m, %msrc, %one) <{padding = dense<[[1, 0], [1, 0]]> : tensor<2x2xi64>, window_dimensions = array<i64: 2, 2>, window_strides = array<i64: 2, 2>}> ({
  ^bb0(%a: tensor<i32>, %b: tensor<i32>):
    %ge = stablehlo.compare GE, %a, %b, SIGNED : (tensor<i32>, tensor<i32>) -> tensor<i1>
    stablehlo.return %ge : tensor<i1>
  }, {
  ^bb0(%a: tensor<i32>, %b: tensor<i32>):
    %s = stablehlo.add %a, %b : tensor<i32>
    stablehlo.return %s : tensor<i32>
  }) : (tensor<3x3xi32>, tensor<2x2xi32>, tensor<i32>) -> tensor<3x3xi32>
  // Windows: {(0,0)} -> -5 at (0,0) gets 1; {(0,1),(0,2)} -> 7 at (0,2)
  // gets 2; {(1,0),(2,0)} -> 4 at (1,0) gets 3; {(1,1),(1,2),(2,1),(2,2)}
  // -> 8 at (2,1) gets 4.
  %p_expected = stablehlo.constant dense<[[2, 1, 3], [4, 1, 1], [1, 5, 1]]> : tensor<3x3xi32>
  stablehlo.custom_call @check.expect_eq(%p, %p_expected) {has_side_effect = true} : (tensor<3x3xi32>, tensor<3x3xi32>) -> ()
  return
}
