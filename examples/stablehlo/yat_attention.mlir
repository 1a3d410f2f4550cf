module @jit_yat_attention attributes {mhlo.num_partitions = 1 : i32, mhlo.num_replicas = 1 : i32} {
  func.func public @main(%arg0: tensor<2x5x2x8xf32>, %arg1: tensor<2x5x2x8xf32>, %arg2: tensor<2x5x2x8xf32>) -> (tensor<2x5x2x8xf32> {jax.result_info = "result"}) {
    %0 = stablehlo.dot_general %arg0, %arg1, batching_dims = [0, 2] x [0, 2], contracting_dims = [3] x [3], precision = [DEFAULT, DEFAULT] : (tensor<2x5x2x8xf32>, tensor<2x5x2x8xf32>) -> tensor<2x2x5x5xf32>
    %1 = chlo.square %arg0 : tensor<2x5x2x8xf32> -> tensor<2x5x2x8xf32>
    %cst = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %2 = stablehlo.reduce(%1 init: %cst) applies stablehlo.add across dimensions = [3] : (tensor<2x5x2x8xf32>, tensor<f32>) -> tensor<2x5x2xf32>
    %3 = stablehlo.broadcast_in_dim %2, dims = [0, 1, 2] : (tensor<2x5x2xf32>) -> tensor<2x5x2x1xf32>
    %4 = chlo.square %arg1 : tensor<2x5x2x8xf32> -> tensor<2x5x2x8xf32>
    %cst_0 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %5 = stablehlo.reduce(%4 init: %cst_0) applies stablehlo.add across dimensions = [3] : (tensor<2x5x2x8xf32>, tensor<f32>) -> tensor<2x5x2xf32>
    %6 = stablehlo.broadcast_in_dim %5, dims = [0, 1, 2] : (tensor<2x5x2xf32>) -> tensor<2x5x2x1xf32>
    %7 = stablehlo.transpose %3, dims = [0, 2, 1, 3] : (tensor<2x5x2x1xf32>) -> tensor<2x2x5x1xf32>
    %8 = stablehlo.transpose %6, dims = [0, 2, 1, 3] : (tensor<2x5x2x1xf32>) -> tensor<2x2x5x1xf32>
    %9 = stablehlo.transpose %8, dims = [0, 1, 3, 2] : (tensor<2x2x5x1xf32>) -> tensor<2x2x1x5xf32>
    %10 = stablehlo.broadcast_in_dim %7, dims = [0, 1, 2, 3] : (tensor<2x2x5x1xf32>) -> tensor<2x2x5x5xf32>
    %11 = stablehlo.broadcast_in_dim %9, dims = [0, 1, 2, 3] : (tensor<2x2x1x5xf32>) -> tensor<2x2x5x5xf32>
    %12 = stablehlo.add %10, %11 : tensor<2x2x5x5xf32>
    %cst_1 = stablehlo.constant dense<2.000000e+00> : tensor<f32>
    %13 = stablehlo.broadcast_in_dim %cst_1, dims = [] : (tensor<f32>) -> tensor<2x2x5x5xf32>
    %14 = stablehlo.multiply %13, %0 : tensor<2x2x5x5xf32>
    %15 = stablehlo.subtract %12, %14 : tensor<2x2x5x5xf32>
    %cst_2 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %16 = stablehlo.broadcast_in_dim %cst_2, dims = [] : (tensor<f32>) -> tensor<2x2x5x5xf32>
    %17 = stablehlo.maximum %15, %16 : tensor<2x2x5x5xf32>
    %cst_3 = stablehlo.constant dense<8.000000e+00> : tensor<f32>
    %18 = stablehlo.sqrt %cst_3 : tensor<f32>
    %19 = chlo.square %0 : tensor<2x2x5x5xf32> -> tensor<2x2x5x5xf32>
    %cst_4 = stablehlo.constant dense<9.99999974E-6> : tensor<f32>
    %20 = stablehlo.broadcast_in_dim %cst_4, dims = [] : (tensor<f32>) -> tensor<2x2x5x5xf32>
    %21 = stablehlo.add %17, %20 : tensor<2x2x5x5xf32>
    %22 = stablehlo.broadcast_in_dim %18, dims = [] : (tensor<f32>) -> tensor<2x2x5x5xf32>
    %23 = stablehlo.multiply %21, %22 : tensor<2x2x5x5xf32>
    %24 = stablehlo.divide %19, %23 : tensor<2x2x5x5xf32>
    %cst_5 = stablehlo.constant dense<0xFF800000> : tensor<f32>
    %25 = stablehlo.reduce(%24 init: %cst_5) applies stablehlo.maximum across dimensions = [3] : (tensor<2x2x5x5xf32>, tensor<f32>) -> tensor<2x2x5xf32>
    %cst_6 = stablehlo.constant dense<0xFF800000> : tensor<f32>
    %26 = stablehlo.broadcast_in_dim %cst_6, dims = [] : (tensor<f32>) -> tensor<2x2x5xf32>
    %27 = stablehlo.maximum %26, %25 : tensor<2x2x5xf32>
    %28 = stablehlo.broadcast_in_dim %27, dims = [0, 1, 2] : (tensor<2x2x5xf32>) -> tensor<2x2x5x1xf32>
    %29 = stablehlo.broadcast_in_dim %28, dims = [0, 1, 2, 3] : (tensor<2x2x5x1xf32>) -> tensor<2x2x5x5xf32>
    %30 = stablehlo.subtract %24, %29 : tensor<2x2x5x5xf32>
    %31 = stablehlo.exponential %30 : tensor<2x2x5x5xf32>
    %cst_7 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %32 = stablehlo.reduce(%31 init: %cst_7) applies stablehlo.add across dimensions = [3] : (tensor<2x2x5x5xf32>, tensor<f32>) -> tensor<2x2x5xf32>
    %33 = stablehlo.broadcast_in_dim %32, dims = [0, 1, 2] : (tensor<2x2x5xf32>) -> tensor<2x2x5x1xf32>
    %34 = stablehlo.broadcast_in_dim %33, dims = [0, 1, 2, 3] : (tensor<2x2x5x1xf32>) -> tensor<2x2x5x5xf32>
    %35 = stablehlo.divide %31, %34 : tensor<2x2x5x5xf32>
    %36 = stablehlo.dot_general %arg2, %35, batching_dims = [0, 2] x [0, 1], contracting_dims = [1] x [3], precision = [DEFAULT, DEFAULT] : (tensor<2x5x2x8xf32>, tensor<2x2x5x5xf32>) -> tensor<2x2x8x5xf32>
    %37 = stablehlo.transpose %36, dims = [0, 3, 1, 2] : (tensor<2x2x8x5xf32>) -> tensor<2x5x2x8xf32>
    return %37 : tensor<2x5x2x8xf32>
  }
}
