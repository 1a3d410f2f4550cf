module @jit_yat_attention_l1_causal attributes {mhlo.num_partitions = 1 : i32, mhlo.num_replicas = 1 : i32} {
  func.func public @main(%arg0: tensor<1x4x2x8xf32>, %arg1: tensor<1x4x2x8xf32>, %arg2: tensor<1x4x2x8xf32>) -> (tensor<1x4x2x8xf32> {jax.result_info = "result"}) {
    %0 = stablehlo.iota dim = 0 : tensor<4xi32>
    %1 = stablehlo.broadcast_in_dim %0, dims = [1] : (tensor<4xi32>) -> tensor<1x4xi32>
    %2 = stablehlo.broadcast_in_dim %1, dims = [0, 1] : (tensor<1x4xi32>) -> tensor<1x4x1xi32>
    %3 = stablehlo.broadcast_in_dim %1, dims = [0, 2] : (tensor<1x4xi32>) -> tensor<1x1x4xi32>
    %4 = stablehlo.broadcast_in_dim %2, dims = [0, 1, 2] : (tensor<1x4x1xi32>) -> tensor<1x4x4xi32>
    %5 = stablehlo.broadcast_in_dim %3, dims = [0, 1, 2] : (tensor<1x1x4xi32>) -> tensor<1x4x4xi32>
    %6 = stablehlo.compare GE, %4, %5, SIGNED : (tensor<1x4x4xi32>, tensor<1x4x4xi32>) -> tensor<1x4x4xi1>
    %7 = stablehlo.broadcast_in_dim %6, dims = [0, 2, 3] : (tensor<1x4x4xi1>) -> tensor<1x1x4x4xi1>
    %8 = stablehlo.convert %7 : (tensor<1x1x4x4xi1>) -> tensor<1x1x4x4xf32>
    %9 = stablehlo.dot_general %arg0, %arg1, batching_dims = [0, 2] x [0, 2], contracting_dims = [3] x [3], precision = [DEFAULT, DEFAULT] : (tensor<1x4x2x8xf32>, tensor<1x4x2x8xf32>) -> tensor<1x2x4x4xf32>
    %10 = chlo.square %arg0 : tensor<1x4x2x8xf32> -> tensor<1x4x2x8xf32>
    %cst = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %11 = stablehlo.reduce(%10 init: %cst) applies stablehlo.add across dimensions = [3] : (tensor<1x4x2x8xf32>, tensor<f32>) -> tensor<1x4x2xf32>
    %12 = stablehlo.broadcast_in_dim %11, dims = [0, 1, 2] : (tensor<1x4x2xf32>) -> tensor<1x4x2x1xf32>
    %13 = chlo.square %arg1 : tensor<1x4x2x8xf32> -> tensor<1x4x2x8xf32>
    %cst_0 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %14 = stablehlo.reduce(%13 init: %cst_0) applies stablehlo.add across dimensions = [3] : (tensor<1x4x2x8xf32>, tensor<f32>) -> tensor<1x4x2xf32>
    %15 = stablehlo.broadcast_in_dim %14, dims = [0, 1, 2] : (tensor<1x4x2xf32>) -> tensor<1x4x2x1xf32>
    %16 = stablehlo.transpose %12, dims = [0, 2, 1, 3] : (tensor<1x4x2x1xf32>) -> tensor<1x2x4x1xf32>
    %17 = stablehlo.transpose %15, dims = [0, 2, 1, 3] : (tensor<1x4x2x1xf32>) -> tensor<1x2x4x1xf32>
    %18 = stablehlo.transpose %17, dims = [0, 1, 3, 2] : (tensor<1x2x4x1xf32>) -> tensor<1x2x1x4xf32>
    %19 = stablehlo.broadcast_in_dim %16, dims = [0, 1, 2, 3] : (tensor<1x2x4x1xf32>) -> tensor<1x2x4x4xf32>
    %20 = stablehlo.broadcast_in_dim %18, dims = [0, 1, 2, 3] : (tensor<1x2x1x4xf32>) -> tensor<1x2x4x4xf32>
    %21 = stablehlo.add %19, %20 : tensor<1x2x4x4xf32>
    %cst_1 = stablehlo.constant dense<2.000000e+00> : tensor<f32>
    %22 = stablehlo.broadcast_in_dim %cst_1, dims = [] : (tensor<f32>) -> tensor<1x2x4x4xf32>
    %23 = stablehlo.multiply %22, %9 : tensor<1x2x4x4xf32>
    %24 = stablehlo.subtract %21, %23 : tensor<1x2x4x4xf32>
    %cst_2 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %25 = stablehlo.broadcast_in_dim %cst_2, dims = [] : (tensor<f32>) -> tensor<1x2x4x4xf32>
    %26 = stablehlo.maximum %24, %25 : tensor<1x2x4x4xf32>
    %cst_3 = stablehlo.constant dense<8.000000e+00> : tensor<f32>
    %27 = stablehlo.sqrt %cst_3 : tensor<f32>
    %28 = chlo.square %9 : tensor<1x2x4x4xf32> -> tensor<1x2x4x4xf32>
    %cst_4 = stablehlo.constant dense<9.99999974E-6> : tensor<f32>
    %29 = stablehlo.broadcast_in_dim %cst_4, dims = [] : (tensor<f32>) -> tensor<1x2x4x4xf32>
    %30 = stablehlo.add %26, %29 : tensor<1x2x4x4xf32>
    %31 = stablehlo.broadcast_in_dim %27, dims = [] : (tensor<f32>) -> tensor<1x2x4x4xf32>
    %32 = stablehlo.multiply %30, %31 : tensor<1x2x4x4xf32>
    %33 = stablehlo.divide %28, %32 : tensor<1x2x4x4xf32>
    %34 = stablehlo.broadcast_in_dim %8, dims = [0, 1, 2, 3] : (tensor<1x1x4x4xf32>) -> tensor<1x2x4x4xf32>
    %cst_5 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %35 = call @_where(%34, %33, %cst_5) : (tensor<1x2x4x4xf32>, tensor<1x2x4x4xf32>, tensor<f32>) -> tensor<1x2x4x4xf32>
    %cst_6 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %36 = stablehlo.reduce(%35 init: %cst_6) applies stablehlo.add across dimensions = [3] : (tensor<1x2x4x4xf32>, tensor<f32>) -> tensor<1x2x4xf32>
    %37 = stablehlo.broadcast_in_dim %36, dims = [0, 1, 2] : (tensor<1x2x4xf32>) -> tensor<1x2x4x1xf32>
    %cst_7 = stablehlo.constant dense<9.99999974E-6> : tensor<f32>
    %38 = stablehlo.broadcast_in_dim %cst_7, dims = [] : (tensor<f32>) -> tensor<1x2x4x1xf32>
    %39 = stablehlo.add %37, %38 : tensor<1x2x4x1xf32>
    %40 = stablehlo.broadcast_in_dim %39, dims = [0, 1, 2, 3] : (tensor<1x2x4x1xf32>) -> tensor<1x2x4x4xf32>
    %41 = stablehlo.divide %35, %40 : tensor<1x2x4x4xf32>
    %cst_8 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %42 = stablehlo.broadcast_in_dim %cst_8, dims = [] : (tensor<f32>) -> tensor<1x2x4x4xf32>
    %43 = call @_where_0(%34, %41, %42) : (tensor<1x2x4x4xf32>, tensor<1x2x4x4xf32>, tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32>
    %44 = stablehlo.dot_general %arg2, %43, batching_dims = [0, 2] x [0, 1], contracting_dims = [1] x [3], precision = [DEFAULT, DEFAULT] : (tensor<1x4x2x8xf32>, tensor<1x2x4x4xf32>) -> tensor<1x2x8x4xf32>
    %45 = stablehlo.transpose %44, dims = [0, 3, 1, 2] : (tensor<1x2x8x4xf32>) -> tensor<1x4x2x8xf32>
    return %45 : tensor<1x4x2x8xf32>
  }
  func.func private @_where(%arg0: tensor<1x2x4x4xf32>, %arg1: tensor<1x2x4x4xf32>, %arg2: tensor<f32>) -> tensor<1x2x4x4xf32> {
    %cst = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %0 = stablehlo.broadcast_in_dim %cst, dims = [] : (tensor<f32>) -> tensor<1x2x4x4xf32>
    %1 = stablehlo.compare NE, %arg0, %0, FLOAT : (tensor<1x2x4x4xf32>, tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xi1>
    %2 = stablehlo.convert %arg2 : tensor<f32>
    %3 = stablehlo.broadcast_in_dim %2, dims = [] : (tensor<f32>) -> tensor<1x2x4x4xf32>
    %4 = stablehlo.select %1, %arg1, %3 : tensor<1x2x4x4xi1>, tensor<1x2x4x4xf32>
    return %4 : tensor<1x2x4x4xf32>
  }
  func.func private @_where_0(%arg0: tensor<1x2x4x4xf32>, %arg1: tensor<1x2x4x4xf32>, %arg2: tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32> {
    %cst = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %0 = stablehlo.broadcast_in_dim %cst, dims = [] : (tensor<f32>) -> tensor<1x2x4x4xf32>
    %1 = stablehlo.compare NE, %arg0, %0, FLOAT : (tensor<1x2x4x4xf32>, tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xi1>
    %2 = stablehlo.select %1, %arg1, %arg2 : tensor<1x2x4x4xi1>, tensor<1x2x4x4xf32>
    return %2 : tensor<1x2x4x4xf32>
  }
}
