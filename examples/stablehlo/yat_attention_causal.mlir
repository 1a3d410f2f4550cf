module @jit_yat_attention_causal attributes {mhlo.num_partitions = 1 : i32, mhlo.num_replicas = 1 : i32} {
  func.func public @main(%arg0: tensor<2x5x2x8xf32>, %arg1: tensor<2x5x2x8xf32>, %arg2: tensor<2x5x2x8xf32>) -> (tensor<2x5x2x8xf32> {jax.result_info = "result"}) {
    %0 = stablehlo.iota dim = 0 : tensor<5xi32>
    %1 = stablehlo.broadcast_in_dim %0, dims = [1] : (tensor<5xi32>) -> tensor<2x5xi32>
    %2 = stablehlo.broadcast_in_dim %1, dims = [0, 1] : (tensor<2x5xi32>) -> tensor<2x5x1xi32>
    %3 = stablehlo.broadcast_in_dim %1, dims = [0, 2] : (tensor<2x5xi32>) -> tensor<2x1x5xi32>
    %4 = stablehlo.broadcast_in_dim %2, dims = [0, 1, 2] : (tensor<2x5x1xi32>) -> tensor<2x5x5xi32>
    %5 = stablehlo.broadcast_in_dim %3, dims = [0, 1, 2] : (tensor<2x1x5xi32>) -> tensor<2x5x5xi32>
    %6 = stablehlo.compare GE, %4, %5, SIGNED : (tensor<2x5x5xi32>, tensor<2x5x5xi32>) -> tensor<2x5x5xi1>
    %7 = stablehlo.broadcast_in_dim %6, dims = [0, 2, 3] : (tensor<2x5x5xi1>) -> tensor<2x1x5x5xi1>
    %8 = stablehlo.convert %7 : (tensor<2x1x5x5xi1>) -> tensor<2x1x5x5xf32>
    %9 = stablehlo.dot_general %arg0, %arg1, batching_dims = [0, 2] x [0, 2], contracting_dims = [3] x [3], precision = [DEFAULT, DEFAULT] : (tensor<2x5x2x8xf32>, tensor<2x5x2x8xf32>) -> tensor<2x2x5x5xf32>
    %10 = chlo.square %arg0 : tensor<2x5x2x8xf32> -> tensor<2x5x2x8xf32>
    %cst = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %11 = stablehlo.reduce(%10 init: %cst) applies stablehlo.add across dimensions = [3] : (tensor<2x5x2x8xf32>, tensor<f32>) -> tensor<2x5x2xf32>
    %12 = stablehlo.broadcast_in_dim %11, dims = [0, 1, 2] : (tensor<2x5x2xf32>) -> tensor<2x5x2x1xf32>
    %13 = chlo.square %arg1 : tensor<2x5x2x8xf32> -> tensor<2x5x2x8xf32>
    %cst_0 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %14 = stablehlo.reduce(%13 init: %cst_0) applies stablehlo.add across dimensions = [3] : (tensor<2x5x2x8xf32>, tensor<f32>) -> tensor<2x5x2xf32>
    %15 = stablehlo.broadcast_in_dim %14, dims = [0, 1, 2] : (tensor<2x5x2xf32>) -> tensor<2x5x2x1xf32>
    %16 = stablehlo.transpose %12, dims = [0, 2, 1, 3] : (tensor<2x5x2x1xf32>) -> tensor<2x2x5x1xf32>
    %17 = stablehlo.transpose %15, dims = [0, 2, 1, 3] : (tensor<2x5x2x1xf32>) -> tensor<2x2x5x1xf32>
    %18 = stablehlo.transpose %17, dims = [0, 1, 3, 2] : (tensor<2x2x5x1xf32>) -> tensor<2x2x1x5xf32>
    %19 = stablehlo.broadcast_in_dim %16, dims = [0, 1, 2, 3] : (tensor<2x2x5x1xf32>) -> tensor<2x2x5x5xf32>
    %20 = stablehlo.broadcast_in_dim %18, dims = [0, 1, 2, 3] : (tensor<2x2x1x5xf32>) -> tensor<2x2x5x5xf32>
    %21 = stablehlo.add %19, %20 : tensor<2x2x5x5xf32>
    %cst_1 = stablehlo.constant dense<2.000000e+00> : tensor<f32>
    %22 = stablehlo.broadcast_in_dim %cst_1, dims = [] : (tensor<f32>) -> tensor<2x2x5x5xf32>
    %23 = stablehlo.multiply %22, %9 : tensor<2x2x5x5xf32>
    %24 = stablehlo.subtract %21, %23 : tensor<2x2x5x5xf32>
    %cst_2 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %25 = stablehlo.broadcast_in_dim %cst_2, dims = [] : (tensor<f32>) -> tensor<2x2x5x5xf32>
    %26 = stablehlo.maximum %24, %25 : tensor<2x2x5x5xf32>
    %cst_3 = stablehlo.constant dense<8.000000e+00> : tensor<f32>
    %27 = stablehlo.sqrt %cst_3 : tensor<f32>
    %28 = chlo.square %9 : tensor<2x2x5x5xf32> -> tensor<2x2x5x5xf32>
    %cst_4 = stablehlo.constant dense<9.99999974E-6> : tensor<f32>
    %29 = stablehlo.broadcast_in_dim %cst_4, dims = [] : (tensor<f32>) -> tensor<2x2x5x5xf32>
    %30 = stablehlo.add %26, %29 : tensor<2x2x5x5xf32>
    %31 = stablehlo.broadcast_in_dim %27, dims = [] : (tensor<f32>) -> tensor<2x2x5x5xf32>
    %32 = stablehlo.multiply %30, %31 : tensor<2x2x5x5xf32>
    %33 = stablehlo.divide %28, %32 : tensor<2x2x5x5xf32>
    %34 = stablehlo.broadcast_in_dim %8, dims = [0, 1, 2, 3] : (tensor<2x1x5x5xf32>) -> tensor<2x2x5x5xf32>
    %cst_5 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %35 = stablehlo.broadcast_in_dim %cst_5, dims = [] : (tensor<f32>) -> tensor<2x2x5x5xf32>
    %36 = stablehlo.compare NE, %34, %35, FLOAT : (tensor<2x2x5x5xf32>, tensor<2x2x5x5xf32>) -> tensor<2x2x5x5xi1>
    %37 = stablehlo.convert %36 : tensor<2x2x5x5xi1>
    %c = stablehlo.constant dense<false> : tensor<i1>
    %38 = stablehlo.reduce(%37 init: %c) applies stablehlo.or across dimensions = [3] : (tensor<2x2x5x5xi1>, tensor<i1>) -> tensor<2x2x5xi1>
    %39 = stablehlo.broadcast_in_dim %38, dims = [0, 1, 2] : (tensor<2x2x5xi1>) -> tensor<2x2x5x1xi1>
    %cst_6 = stablehlo.constant dense<-3.40282347E+38> : tensor<f32>
    %40 = call @_where(%34, %33, %cst_6) : (tensor<2x2x5x5xf32>, tensor<2x2x5x5xf32>, tensor<f32>) -> tensor<2x2x5x5xf32>
    %cst_7 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %41 = call @_where_0(%39, %40, %cst_7) : (tensor<2x2x5x1xi1>, tensor<2x2x5x5xf32>, tensor<f32>) -> tensor<2x2x5x5xf32>
    %cst_8 = stablehlo.constant dense<0xFF800000> : tensor<f32>
    %42 = stablehlo.reduce(%41 init: %cst_8) applies stablehlo.maximum across dimensions = [3] : (tensor<2x2x5x5xf32>, tensor<f32>) -> tensor<2x2x5xf32>
    %cst_9 = stablehlo.constant dense<0xFF800000> : tensor<f32>
    %43 = stablehlo.broadcast_in_dim %cst_9, dims = [] : (tensor<f32>) -> tensor<2x2x5xf32>
    %44 = stablehlo.maximum %43, %42 : tensor<2x2x5xf32>
    %45 = stablehlo.broadcast_in_dim %44, dims = [0, 1, 2] : (tensor<2x2x5xf32>) -> tensor<2x2x5x1xf32>
    %46 = stablehlo.broadcast_in_dim %45, dims = [0, 1, 2, 3] : (tensor<2x2x5x1xf32>) -> tensor<2x2x5x5xf32>
    %47 = stablehlo.subtract %41, %46 : tensor<2x2x5x5xf32>
    %48 = stablehlo.exponential %47 : tensor<2x2x5x5xf32>
    %cst_10 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %49 = stablehlo.reduce(%48 init: %cst_10) applies stablehlo.add across dimensions = [3] : (tensor<2x2x5x5xf32>, tensor<f32>) -> tensor<2x2x5xf32>
    %50 = stablehlo.broadcast_in_dim %49, dims = [0, 1, 2] : (tensor<2x2x5xf32>) -> tensor<2x2x5x1xf32>
    %51 = stablehlo.broadcast_in_dim %50, dims = [0, 1, 2, 3] : (tensor<2x2x5x1xf32>) -> tensor<2x2x5x5xf32>
    %52 = stablehlo.divide %48, %51 : tensor<2x2x5x5xf32>
    %cst_11 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %53 = stablehlo.broadcast_in_dim %cst_11, dims = [] : (tensor<f32>) -> tensor<2x2x5x5xf32>
    %54 = call @_where_1(%34, %52, %53) : (tensor<2x2x5x5xf32>, tensor<2x2x5x5xf32>, tensor<2x2x5x5xf32>) -> tensor<2x2x5x5xf32>
    %55 = stablehlo.dot_general %arg2, %54, batching_dims = [0, 2] x [0, 1], contracting_dims = [1] x [3], precision = [DEFAULT, DEFAULT] : (tensor<2x5x2x8xf32>, tensor<2x2x5x5xf32>) -> tensor<2x2x8x5xf32>
    %56 = stablehlo.transpose %55, dims = [0, 3, 1, 2] : (tensor<2x2x8x5xf32>) -> tensor<2x5x2x8xf32>
    return %56 : tensor<2x5x2x8xf32>
  }
  func.func private @_where(%arg0: tensor<2x2x5x5xf32>, %arg1: tensor<2x2x5x5xf32>, %arg2: tensor<f32>) -> tensor<2x2x5x5xf32> {
    %cst = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %0 = stablehlo.broadcast_in_dim %cst, dims = [] : (tensor<f32>) -> tensor<2x2x5x5xf32>
    %1 = stablehlo.compare NE, %arg0, %0, FLOAT : (tensor<2x2x5x5xf32>, tensor<2x2x5x5xf32>) -> tensor<2x2x5x5xi1>
    %2 = stablehlo.broadcast_in_dim %arg2, dims = [] : (tensor<f32>) -> tensor<2x2x5x5xf32>
    %3 = stablehlo.select %1, %arg1, %2 : tensor<2x2x5x5xi1>, tensor<2x2x5x5xf32>
    return %3 : tensor<2x2x5x5xf32>
  }
  func.func private @_where_0(%arg0: tensor<2x2x5x1xi1>, %arg1: tensor<2x2x5x5xf32>, %arg2: tensor<f32>) -> tensor<2x2x5x5xf32> {
    %0 = stablehlo.convert %arg2 : tensor<f32>
    %1 = stablehlo.broadcast_in_dim %arg0, dims = [0, 1, 2, 3] : (tensor<2x2x5x1xi1>) -> tensor<2x2x5x5xi1>
    %2 = stablehlo.broadcast_in_dim %0, dims = [] : (tensor<f32>) -> tensor<2x2x5x5xf32>
    %3 = stablehlo.select %1, %arg1, %2 : tensor<2x2x5x5xi1>, tensor<2x2x5x5xf32>
    return %3 : tensor<2x2x5x5xf32>
  }
  func.func private @_where_1(%arg0: tensor<2x2x5x5xf32>, %arg1: tensor<2x2x5x5xf32>, %arg2: tensor<2x2x5x5xf32>) -> tensor<2x2x5x5xf32> {
    %cst = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %0 = stablehlo.broadcast_in_dim %cst, dims = [] : (tensor<f32>) -> tensor<2x2x5x5xf32>
    %1 = stablehlo.compare NE, %arg0, %0, FLOAT : (tensor<2x2x5x5xf32>, tensor<2x2x5x5xf32>) -> tensor<2x2x5x5xi1>
    %2 = stablehlo.select %1, %arg1, %arg2 : tensor<2x2x5x5xi1>, tensor<2x2x5x5xf32>
    return %2 : tensor<2x2x5x5xf32>
  }
}
