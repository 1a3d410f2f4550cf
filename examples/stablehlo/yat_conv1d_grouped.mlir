module @jit_yat_conv1d_grouped attributes {mhlo.num_partitions = 1 : i32, mhlo.num_replicas = 1 : i32} {
  func.func public @main(%arg0: tensor<2x8x4xf32>, %arg1: tensor<6xf32>, %arg2: tensor<3x2x6xf32>) -> (tensor<2x6x6xf32> {jax.result_info = "result"}) {
    %0 = stablehlo.convolution(%arg0, %arg2) dim_numbers = [b, 0, f]x[0, i, o]->[b, 0, f], window = {stride = [1], pad = [[0, 0]], lhs_dilate = [1], rhs_dilate = [1], reverse = [false]} {batch_group_count = 1 : i64, feature_group_count = 2 : i64, precision_config = [#stablehlo<precision DEFAULT>, #stablehlo<precision DEFAULT>]} : (tensor<2x8x4xf32>, tensor<3x2x6xf32>) -> tensor<2x6x6xf32>
    %1 = stablehlo.multiply %arg0, %arg0 : tensor<2x8x4xf32>
    %cst = stablehlo.constant dense<1.000000e+00> : tensor<f32>
    %2 = stablehlo.broadcast_in_dim %cst, dims = [] : (tensor<f32>) -> tensor<3x2x2xf32>
    %3 = stablehlo.convolution(%1, %2) dim_numbers = [b, 0, f]x[0, i, o]->[b, 0, f], window = {stride = [1], pad = [[0, 0]], lhs_dilate = [1], rhs_dilate = [1], reverse = [false]} {batch_group_count = 1 : i64, feature_group_count = 2 : i64, precision_config = [#stablehlo<precision DEFAULT>, #stablehlo<precision DEFAULT>]} : (tensor<2x8x4xf32>, tensor<3x2x2xf32>) -> tensor<2x6x2xf32>
    %4 = stablehlo.broadcast_in_dim %3, dims = [0, 1, 2] : (tensor<2x6x2xf32>) -> tensor<2x6x2x3xf32>
    %5 = stablehlo.reshape %4 : (tensor<2x6x2x3xf32>) -> tensor<2x6x6xf32>
    %6 = stablehlo.multiply %arg2, %arg2 : tensor<3x2x6xf32>
    %cst_0 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %7 = stablehlo.reduce(%6 init: %cst_0) applies stablehlo.add across dimensions = [0, 1] : (tensor<3x2x6xf32>, tensor<f32>) -> tensor<6xf32>
    %8 = stablehlo.reshape %arg1 : (tensor<6xf32>) -> tensor<1x1x6xf32>
    %9 = stablehlo.broadcast_in_dim %8, dims = [0, 1, 2] : (tensor<1x1x6xf32>) -> tensor<2x6x6xf32>
    %10 = stablehlo.add %0, %9 : tensor<2x6x6xf32>
    %11 = stablehlo.broadcast_in_dim %7, dims = [2] : (tensor<6xf32>) -> tensor<1x1x6xf32>
    %12 = stablehlo.broadcast_in_dim %11, dims = [0, 1, 2] : (tensor<1x1x6xf32>) -> tensor<2x6x6xf32>
    %13 = stablehlo.add %5, %12 : tensor<2x6x6xf32>
    %cst_1 = stablehlo.constant dense<2.000000e+00> : tensor<f32>
    %14 = stablehlo.broadcast_in_dim %cst_1, dims = [] : (tensor<f32>) -> tensor<2x6x6xf32>
    %15 = stablehlo.multiply %14, %0 : tensor<2x6x6xf32>
    %16 = stablehlo.subtract %13, %15 : tensor<2x6x6xf32>
    %cst_2 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %17 = stablehlo.broadcast_in_dim %cst_2, dims = [] : (tensor<f32>) -> tensor<2x6x6xf32>
    %18 = stablehlo.maximum %16, %17 : tensor<2x6x6xf32>
    %19 = stablehlo.multiply %10, %10 : tensor<2x6x6xf32>
    %cst_3 = stablehlo.constant dense<9.99999974E-5> : tensor<f32>
    %20 = stablehlo.broadcast_in_dim %cst_3, dims = [] : (tensor<f32>) -> tensor<2x6x6xf32>
    %21 = stablehlo.add %18, %20 : tensor<2x6x6xf32>
    %22 = stablehlo.divide %19, %21 : tensor<2x6x6xf32>
    %cst_4 = stablehlo.constant dense<1.000000e+00> : tensor<f32>
    %23 = stablehlo.broadcast_in_dim %cst_4, dims = [] : (tensor<f32>) -> tensor<2x6x6xf32>
    %24 = stablehlo.multiply %22, %23 : tensor<2x6x6xf32>
    return %24 : tensor<2x6x6xf32>
  }
}
