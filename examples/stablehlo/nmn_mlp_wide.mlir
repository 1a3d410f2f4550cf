module @jit_nmn_mlp_wide attributes {mhlo.num_partitions = 1 : i32, mhlo.num_replicas = 1 : i32} {
  func.func public @main(%arg0: tensor<256x512xf32>, %arg1: tensor<f32>, %arg2: tensor<1024xf32>, %arg3: tensor<512x1024xf32>, %arg4: tensor<f32>, %arg5: tensor<256xf32>, %arg6: tensor<1024x256xf32>) -> (tensor<256x256xf32> {jax.result_info = "result"}) {
    %0 = stablehlo.dot_general %arg0, %arg3, contracting_dims = [1] x [0], precision = [DEFAULT, DEFAULT] : (tensor<256x512xf32>, tensor<512x1024xf32>) -> tensor<256x1024xf32>
    %1 = stablehlo.reshape %arg2 : (tensor<1024xf32>) -> tensor<1x1024xf32>
    %2 = stablehlo.multiply %arg0, %arg0 : tensor<256x512xf32>
    %cst = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %3 = stablehlo.reduce(%2 init: %cst) applies stablehlo.add across dimensions = [1] : (tensor<256x512xf32>, tensor<f32>) -> tensor<256xf32>
    %4 = stablehlo.broadcast_in_dim %3, dims = [0] : (tensor<256xf32>) -> tensor<256x1xf32>
    %5 = stablehlo.multiply %arg3, %arg3 : tensor<512x1024xf32>
    %cst_0 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %6 = stablehlo.reduce(%5 init: %cst_0) applies stablehlo.add across dimensions = [0] : (tensor<512x1024xf32>, tensor<f32>) -> tensor<1024xf32>
    %7 = stablehlo.broadcast_in_dim %6, dims = [1] : (tensor<1024xf32>) -> tensor<1x1024xf32>
    %8 = stablehlo.broadcast_in_dim %4, dims = [0, 1] : (tensor<256x1xf32>) -> tensor<256x1024xf32>
    %9 = stablehlo.broadcast_in_dim %7, dims = [0, 1] : (tensor<1x1024xf32>) -> tensor<256x1024xf32>
    %10 = stablehlo.add %8, %9 : tensor<256x1024xf32>
    %cst_1 = stablehlo.constant dense<2.000000e+00> : tensor<f32>
    %11 = stablehlo.broadcast_in_dim %cst_1, dims = [] : (tensor<f32>) -> tensor<256x1024xf32>
    %12 = stablehlo.multiply %11, %0 : tensor<256x1024xf32>
    %13 = stablehlo.subtract %10, %12 : tensor<256x1024xf32>
    %cst_2 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %14 = stablehlo.broadcast_in_dim %cst_2, dims = [] : (tensor<f32>) -> tensor<256x1024xf32>
    %15 = stablehlo.maximum %13, %14 : tensor<256x1024xf32>
    %16 = stablehlo.broadcast_in_dim %1, dims = [0, 1] : (tensor<1x1024xf32>) -> tensor<256x1024xf32>
    %17 = stablehlo.add %0, %16 : tensor<256x1024xf32>
    %18 = stablehlo.multiply %17, %17 : tensor<256x1024xf32>
    %19 = stablehlo.broadcast_in_dim %arg1, dims = [] : (tensor<f32>) -> tensor<256x1024xf32>
    %20 = stablehlo.multiply %19, %18 : tensor<256x1024xf32>
    %cst_3 = stablehlo.constant dense<9.99999974E-6> : tensor<f32>
    %21 = stablehlo.broadcast_in_dim %cst_3, dims = [] : (tensor<f32>) -> tensor<256x1024xf32>
    %22 = stablehlo.add %15, %21 : tensor<256x1024xf32>
    %23 = stablehlo.divide %20, %22 : tensor<256x1024xf32>
    %24 = stablehlo.dot_general %23, %arg6, contracting_dims = [1] x [0], precision = [DEFAULT, DEFAULT] : (tensor<256x1024xf32>, tensor<1024x256xf32>) -> tensor<256x256xf32>
    %25 = stablehlo.reshape %arg5 : (tensor<256xf32>) -> tensor<1x256xf32>
    %26 = stablehlo.multiply %23, %23 : tensor<256x1024xf32>
    %cst_4 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %27 = stablehlo.reduce(%26 init: %cst_4) applies stablehlo.add across dimensions = [1] : (tensor<256x1024xf32>, tensor<f32>) -> tensor<256xf32>
    %28 = stablehlo.broadcast_in_dim %27, dims = [0] : (tensor<256xf32>) -> tensor<256x1xf32>
    %29 = stablehlo.multiply %arg6, %arg6 : tensor<1024x256xf32>
    %cst_5 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %30 = stablehlo.reduce(%29 init: %cst_5) applies stablehlo.add across dimensions = [0] : (tensor<1024x256xf32>, tensor<f32>) -> tensor<256xf32>
    %31 = stablehlo.broadcast_in_dim %30, dims = [1] : (tensor<256xf32>) -> tensor<1x256xf32>
    %32 = stablehlo.broadcast_in_dim %28, dims = [0, 1] : (tensor<256x1xf32>) -> tensor<256x256xf32>
    %33 = stablehlo.broadcast_in_dim %31, dims = [0, 1] : (tensor<1x256xf32>) -> tensor<256x256xf32>
    %34 = stablehlo.add %32, %33 : tensor<256x256xf32>
    %cst_6 = stablehlo.constant dense<2.000000e+00> : tensor<f32>
    %35 = stablehlo.broadcast_in_dim %cst_6, dims = [] : (tensor<f32>) -> tensor<256x256xf32>
    %36 = stablehlo.multiply %35, %24 : tensor<256x256xf32>
    %37 = stablehlo.subtract %34, %36 : tensor<256x256xf32>
    %cst_7 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %38 = stablehlo.broadcast_in_dim %cst_7, dims = [] : (tensor<f32>) -> tensor<256x256xf32>
    %39 = stablehlo.maximum %37, %38 : tensor<256x256xf32>
    %40 = stablehlo.broadcast_in_dim %25, dims = [0, 1] : (tensor<1x256xf32>) -> tensor<256x256xf32>
    %41 = stablehlo.add %24, %40 : tensor<256x256xf32>
    %42 = stablehlo.multiply %41, %41 : tensor<256x256xf32>
    %43 = stablehlo.broadcast_in_dim %arg4, dims = [] : (tensor<f32>) -> tensor<256x256xf32>
    %44 = stablehlo.multiply %43, %42 : tensor<256x256xf32>
    %cst_8 = stablehlo.constant dense<9.99999974E-6> : tensor<f32>
    %45 = stablehlo.broadcast_in_dim %cst_8, dims = [] : (tensor<f32>) -> tensor<256x256xf32>
    %46 = stablehlo.add %39, %45 : tensor<256x256xf32>
    %47 = stablehlo.divide %44, %46 : tensor<256x256xf32>
    return %47 : tensor<256x256xf32>
  }
}
