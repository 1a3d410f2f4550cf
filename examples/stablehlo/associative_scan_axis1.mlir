module @jit_associative_scan_axis1 attributes {mhlo.num_partitions = 1 : i32, mhlo.num_replicas = 1 : i32} {
  func.func public @main(%arg0: tensor<2x8x4xf32>, %arg1: tensor<2x8x4xf32>) -> (tensor<2x8x4xf32> {jax.result_info = "result"}) {
    %0 = stablehlo.slice %arg0 [0:2, 0:7:2, 0:4] : (tensor<2x8x4xf32>) -> tensor<2x4x4xf32>
    %1 = stablehlo.slice %arg1 [0:2, 0:7:2, 0:4] : (tensor<2x8x4xf32>) -> tensor<2x4x4xf32>
    %2 = stablehlo.slice %arg0 [0:2, 1:8:2, 0:4] : (tensor<2x8x4xf32>) -> tensor<2x4x4xf32>
    %3 = stablehlo.slice %arg1 [0:2, 1:8:2, 0:4] : (tensor<2x8x4xf32>) -> tensor<2x4x4xf32>
    %4 = stablehlo.multiply %0, %2 : tensor<2x4x4xf32>
    %5 = stablehlo.multiply %2, %1 : tensor<2x4x4xf32>
    %6 = stablehlo.add %5, %3 : tensor<2x4x4xf32>
    %7 = stablehlo.slice %4 [0:2, 0:3:2, 0:4] : (tensor<2x4x4xf32>) -> tensor<2x2x4xf32>
    %8 = stablehlo.slice %6 [0:2, 0:3:2, 0:4] : (tensor<2x4x4xf32>) -> tensor<2x2x4xf32>
    %9 = stablehlo.slice %4 [0:2, 1:4:2, 0:4] : (tensor<2x4x4xf32>) -> tensor<2x2x4xf32>
    %10 = stablehlo.slice %6 [0:2, 1:4:2, 0:4] : (tensor<2x4x4xf32>) -> tensor<2x2x4xf32>
    %11 = stablehlo.multiply %7, %9 : tensor<2x2x4xf32>
    %12 = stablehlo.multiply %9, %8 : tensor<2x2x4xf32>
    %13 = stablehlo.add %12, %10 : tensor<2x2x4xf32>
    %14 = stablehlo.slice %13 [0:2, 0:1:2, 0:4] : (tensor<2x2x4xf32>) -> tensor<2x1x4xf32>
    %15 = stablehlo.slice %11 [0:2, 1:2:2, 0:4] : (tensor<2x2x4xf32>) -> tensor<2x1x4xf32>
    %16 = stablehlo.slice %13 [0:2, 1:2:2, 0:4] : (tensor<2x2x4xf32>) -> tensor<2x1x4xf32>
    %17 = stablehlo.multiply %15, %14 : tensor<2x1x4xf32>
    %18 = stablehlo.add %17, %16 : tensor<2x1x4xf32>
    %19 = stablehlo.slice %18 [0:2, 0:0, 0:4] : (tensor<2x1x4xf32>) -> tensor<2x0x4xf32>
    %20 = stablehlo.slice %11 [0:2, 2:2:2, 0:4] : (tensor<2x2x4xf32>) -> tensor<2x0x4xf32>
    %21 = stablehlo.slice %13 [0:2, 2:2:2, 0:4] : (tensor<2x2x4xf32>) -> tensor<2x0x4xf32>
    %22 = stablehlo.multiply %20, %19 : tensor<2x0x4xf32>
    %23 = stablehlo.add %22, %21 : tensor<2x0x4xf32>
    %24 = stablehlo.slice %13 [0:2, 0:1, 0:4] : (tensor<2x2x4xf32>) -> tensor<2x1x4xf32>
    %25 = stablehlo.concatenate %24, %23, dim = 1 : (tensor<2x1x4xf32>, tensor<2x0x4xf32>) -> tensor<2x1x4xf32>
    %cst = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %26 = stablehlo.pad %25, %cst, low = [0, 0, 0], high = [0, 1, 0], interior = [0, 1, 0] : (tensor<2x1x4xf32>, tensor<f32>) -> tensor<2x2x4xf32>
    %cst_0 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %27 = stablehlo.pad %18, %cst_0, low = [0, 1, 0], high = [0, 0, 0], interior = [0, 1, 0] : (tensor<2x1x4xf32>, tensor<f32>) -> tensor<2x2x4xf32>
    %28 = stablehlo.add %26, %27 : tensor<2x2x4xf32>
    %29 = stablehlo.slice %28 [0:2, 0:1, 0:4] : (tensor<2x2x4xf32>) -> tensor<2x1x4xf32>
    %30 = stablehlo.slice %4 [0:2, 2:4:2, 0:4] : (tensor<2x4x4xf32>) -> tensor<2x1x4xf32>
    %31 = stablehlo.slice %6 [0:2, 2:4:2, 0:4] : (tensor<2x4x4xf32>) -> tensor<2x1x4xf32>
    %32 = stablehlo.multiply %30, %29 : tensor<2x1x4xf32>
    %33 = stablehlo.add %32, %31 : tensor<2x1x4xf32>
    %34 = stablehlo.slice %6 [0:2, 0:1, 0:4] : (tensor<2x4x4xf32>) -> tensor<2x1x4xf32>
    %35 = stablehlo.concatenate %34, %33, dim = 1 : (tensor<2x1x4xf32>, tensor<2x1x4xf32>) -> tensor<2x2x4xf32>
    %cst_1 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %36 = stablehlo.pad %35, %cst_1, low = [0, 0, 0], high = [0, 1, 0], interior = [0, 1, 0] : (tensor<2x2x4xf32>, tensor<f32>) -> tensor<2x4x4xf32>
    %cst_2 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %37 = stablehlo.pad %28, %cst_2, low = [0, 1, 0], high = [0, 0, 0], interior = [0, 1, 0] : (tensor<2x2x4xf32>, tensor<f32>) -> tensor<2x4x4xf32>
    %38 = stablehlo.add %36, %37 : tensor<2x4x4xf32>
    %39 = stablehlo.slice %38 [0:2, 0:3, 0:4] : (tensor<2x4x4xf32>) -> tensor<2x3x4xf32>
    %40 = stablehlo.slice %arg0 [0:2, 2:8:2, 0:4] : (tensor<2x8x4xf32>) -> tensor<2x3x4xf32>
    %41 = stablehlo.slice %arg1 [0:2, 2:8:2, 0:4] : (tensor<2x8x4xf32>) -> tensor<2x3x4xf32>
    %42 = stablehlo.multiply %40, %39 : tensor<2x3x4xf32>
    %43 = stablehlo.add %42, %41 : tensor<2x3x4xf32>
    %44 = stablehlo.slice %arg1 [0:2, 0:1, 0:4] : (tensor<2x8x4xf32>) -> tensor<2x1x4xf32>
    %45 = stablehlo.concatenate %44, %43, dim = 1 : (tensor<2x1x4xf32>, tensor<2x3x4xf32>) -> tensor<2x4x4xf32>
    %cst_3 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %46 = stablehlo.pad %45, %cst_3, low = [0, 0, 0], high = [0, 1, 0], interior = [0, 1, 0] : (tensor<2x4x4xf32>, tensor<f32>) -> tensor<2x8x4xf32>
    %cst_4 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %47 = stablehlo.pad %38, %cst_4, low = [0, 1, 0], high = [0, 0, 0], interior = [0, 1, 0] : (tensor<2x4x4xf32>, tensor<f32>) -> tensor<2x8x4xf32>
    %48 = stablehlo.add %46, %47 : tensor<2x8x4xf32>
    return %48 : tensor<2x8x4xf32>
  }
}
