module @jit_associative_scan attributes {mhlo.num_partitions = 1 : i32, mhlo.num_replicas = 1 : i32} {
  func.func public @main(%arg0: tensor<5x3xf32>, %arg1: tensor<5x3xf32>) -> (tensor<5x3xf32> {jax.result_info = "result"}) {
    %0 = stablehlo.slice %arg0 [0:4:2, 0:3] : (tensor<5x3xf32>) -> tensor<2x3xf32>
    %1 = stablehlo.slice %arg1 [0:4:2, 0:3] : (tensor<5x3xf32>) -> tensor<2x3xf32>
    %2 = stablehlo.slice %arg0 [1:5:2, 0:3] : (tensor<5x3xf32>) -> tensor<2x3xf32>
    %3 = stablehlo.slice %arg1 [1:5:2, 0:3] : (tensor<5x3xf32>) -> tensor<2x3xf32>
    %4 = stablehlo.multiply %0, %2 : tensor<2x3xf32>
    %5 = stablehlo.multiply %2, %1 : tensor<2x3xf32>
    %6 = stablehlo.add %5, %3 : tensor<2x3xf32>
    %7 = stablehlo.slice %6 [0:1:2, 0:3] : (tensor<2x3xf32>) -> tensor<1x3xf32>
    %8 = stablehlo.slice %4 [1:2:2, 0:3] : (tensor<2x3xf32>) -> tensor<1x3xf32>
    %9 = stablehlo.slice %6 [1:2:2, 0:3] : (tensor<2x3xf32>) -> tensor<1x3xf32>
    %10 = stablehlo.multiply %8, %7 : tensor<1x3xf32>
    %11 = stablehlo.add %10, %9 : tensor<1x3xf32>
    %12 = stablehlo.slice %11 [0:0, 0:3] : (tensor<1x3xf32>) -> tensor<0x3xf32>
    %13 = stablehlo.slice %4 [2:2:2, 0:3] : (tensor<2x3xf32>) -> tensor<0x3xf32>
    %14 = stablehlo.slice %6 [2:2:2, 0:3] : (tensor<2x3xf32>) -> tensor<0x3xf32>
    %15 = stablehlo.multiply %13, %12 : tensor<0x3xf32>
    %16 = stablehlo.add %15, %14 : tensor<0x3xf32>
    %17 = stablehlo.slice %6 [0:1, 0:3] : (tensor<2x3xf32>) -> tensor<1x3xf32>
    %18 = stablehlo.concatenate %17, %16, dim = 0 : (tensor<1x3xf32>, tensor<0x3xf32>) -> tensor<1x3xf32>
    %cst = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %19 = stablehlo.pad %18, %cst, low = [0, 0], high = [1, 0], interior = [1, 0] : (tensor<1x3xf32>, tensor<f32>) -> tensor<2x3xf32>
    %cst_0 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %20 = stablehlo.pad %11, %cst_0, low = [1, 0], high = [0, 0], interior = [1, 0] : (tensor<1x3xf32>, tensor<f32>) -> tensor<2x3xf32>
    %21 = stablehlo.add %19, %20 : tensor<2x3xf32>
    %22 = stablehlo.slice %arg0 [2:5:2, 0:3] : (tensor<5x3xf32>) -> tensor<2x3xf32>
    %23 = stablehlo.slice %arg1 [2:5:2, 0:3] : (tensor<5x3xf32>) -> tensor<2x3xf32>
    %24 = stablehlo.multiply %22, %21 : tensor<2x3xf32>
    %25 = stablehlo.add %24, %23 : tensor<2x3xf32>
    %26 = stablehlo.slice %arg1 [0:1, 0:3] : (tensor<5x3xf32>) -> tensor<1x3xf32>
    %27 = stablehlo.concatenate %26, %25, dim = 0 : (tensor<1x3xf32>, tensor<2x3xf32>) -> tensor<3x3xf32>
    %cst_1 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %28 = stablehlo.pad %27, %cst_1, low = [0, 0], high = [0, 0], interior = [1, 0] : (tensor<3x3xf32>, tensor<f32>) -> tensor<5x3xf32>
    %cst_2 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %29 = stablehlo.pad %21, %cst_2, low = [1, 0], high = [1, 0], interior = [1, 0] : (tensor<2x3xf32>, tensor<f32>) -> tensor<5x3xf32>
    %30 = stablehlo.add %28, %29 : tensor<5x3xf32>
    return %30 : tensor<5x3xf32>
  }
}
