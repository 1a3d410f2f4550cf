module @jit_mlgru_scan attributes {mhlo.num_partitions = 1 : i32, mhlo.num_replicas = 1 : i32} {
  func.func public @main(%arg0: tensor<2x7x6xf32>, %arg1: tensor<2x7x6xf32>) -> (tensor<2x7x6xf32> {jax.result_info = "result"}) {
    %0 = stablehlo.negate %arg0 : tensor<2x7x6xf32>
    %1 = stablehlo.exponential %0 : tensor<2x7x6xf32>
    %cst = stablehlo.constant dense<1.000000e+00> : tensor<f32>
    %2 = stablehlo.broadcast_in_dim %cst, dims = [] : (tensor<f32>) -> tensor<2x7x6xf32>
    %3 = stablehlo.add %2, %1 : tensor<2x7x6xf32>
    %cst_0 = stablehlo.constant dense<1.000000e+00> : tensor<f32>
    %4 = stablehlo.broadcast_in_dim %cst_0, dims = [] : (tensor<f32>) -> tensor<2x7x6xf32>
    %5 = stablehlo.divide %4, %3 : tensor<2x7x6xf32>
    %cst_1 = stablehlo.constant dense<1.000000e+00> : tensor<f32>
    %6 = stablehlo.broadcast_in_dim %cst_1, dims = [] : (tensor<f32>) -> tensor<2x7x6xf32>
    %7 = stablehlo.subtract %6, %5 : tensor<2x7x6xf32>
    %8 = call @silu(%arg1) : (tensor<2x7x6xf32>) -> tensor<2x7x6xf32>
    %9 = stablehlo.multiply %7, %8 : tensor<2x7x6xf32>
    %cst_2 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %10 = stablehlo.broadcast_in_dim %cst_2, dims = [] : (tensor<f32>) -> tensor<2x6xf32>
    %11 = stablehlo.transpose %5, dims = [1, 0, 2] : (tensor<2x7x6xf32>) -> tensor<7x2x6xf32>
    %12 = stablehlo.transpose %9, dims = [1, 0, 2] : (tensor<2x7x6xf32>) -> tensor<7x2x6xf32>
    %cst_3 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %13 = stablehlo.broadcast_in_dim %cst_3, dims = [] : (tensor<f32>) -> tensor<7x2x6xf32>
    %c = stablehlo.constant dense<0> : tensor<i32>
    %14:5 = stablehlo.while(%iterArg = %11, %iterArg_4 = %12, %iterArg_5 = %c, %iterArg_6 = %10, %iterArg_7 = %13) : tensor<7x2x6xf32>, tensor<7x2x6xf32>, tensor<i32>, tensor<2x6xf32>, tensor<7x2x6xf32>
    cond {
      %c_8 = stablehlo.constant dense<7> : tensor<i32>
      %19 = stablehlo.compare LT, %iterArg_5, %c_8, SIGNED : (tensor<i32>, tensor<i32>) -> tensor<i1>
      stablehlo.return %19 : tensor<i1>
    } do {
      %c_8 = stablehlo.constant dense<7> : tensor<i32>
      %19 = stablehlo.subtract %c_8, %iterArg_5 : tensor<i32>
      %c_9 = stablehlo.constant dense<1> : tensor<i32>
      %20 = stablehlo.subtract %19, %c_9 : tensor<i32>
      %21 = func.call @dynamic_index_in_dim(%iterArg, %20) : (tensor<7x2x6xf32>, tensor<i32>) -> tensor<2x6xf32>
      %22 = func.call @dynamic_index_in_dim(%iterArg_4, %20) : (tensor<7x2x6xf32>, tensor<i32>) -> tensor<2x6xf32>
      %23:2 = func.call @closed_call(%iterArg_6, %21, %22) : (tensor<2x6xf32>, tensor<2x6xf32>, tensor<2x6xf32>) -> (tensor<2x6xf32>, tensor<2x6xf32>)
      %24 = func.call @dynamic_update_index_in_dim(%iterArg_7, %23#1, %20) : (tensor<7x2x6xf32>, tensor<2x6xf32>, tensor<i32>) -> tensor<7x2x6xf32>
      %c_10 = stablehlo.constant dense<1> : tensor<i32>
      %25 = stablehlo.add %iterArg_5, %c_10 : tensor<i32>
      stablehlo.return %iterArg, %iterArg_4, %25, %23#0, %24 : tensor<7x2x6xf32>, tensor<7x2x6xf32>, tensor<i32>, tensor<2x6xf32>, tensor<7x2x6xf32>
    }
    %15 = stablehlo.transpose %14#4, dims = [1, 0, 2] : (tensor<7x2x6xf32>) -> tensor<2x7x6xf32>
    %16 = stablehlo.broadcast_in_dim %14#3, dims = [0, 2] : (tensor<2x6xf32>) -> tensor<2x1x6xf32>
    %17 = stablehlo.broadcast_in_dim %16, dims = [0, 1, 2] : (tensor<2x1x6xf32>) -> tensor<2x7x6xf32>
    %18 = stablehlo.add %15, %17 : tensor<2x7x6xf32>
    return %18 : tensor<2x7x6xf32>
  }
  func.func private @silu(%arg0: tensor<2x7x6xf32>) -> tensor<2x7x6xf32> {
    %0 = stablehlo.negate %arg0 : tensor<2x7x6xf32>
    %1 = stablehlo.exponential %0 : tensor<2x7x6xf32>
    %cst = stablehlo.constant dense<1.000000e+00> : tensor<f32>
    %2 = stablehlo.broadcast_in_dim %cst, dims = [] : (tensor<f32>) -> tensor<2x7x6xf32>
    %3 = stablehlo.add %2, %1 : tensor<2x7x6xf32>
    %cst_0 = stablehlo.constant dense<1.000000e+00> : tensor<f32>
    %4 = stablehlo.broadcast_in_dim %cst_0, dims = [] : (tensor<f32>) -> tensor<2x7x6xf32>
    %5 = stablehlo.divide %4, %3 : tensor<2x7x6xf32>
    %6 = stablehlo.multiply %arg0, %5 : tensor<2x7x6xf32>
    return %6 : tensor<2x7x6xf32>
  }
  func.func private @dynamic_index_in_dim(%arg0: tensor<7x2x6xf32>, %arg1: tensor<i32>) -> tensor<2x6xf32> {
    %c = stablehlo.constant dense<0> : tensor<i32>
    %c_0 = stablehlo.constant dense<0> : tensor<i32>
    %0 = stablehlo.dynamic_slice %arg0, %arg1, %c, %c_0, sizes = [1, 2, 6] : (tensor<7x2x6xf32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<1x2x6xf32>
    %1 = stablehlo.reshape %0 : (tensor<1x2x6xf32>) -> tensor<2x6xf32>
    return %1 : tensor<2x6xf32>
  }
  func.func private @closed_call(%arg0: tensor<2x6xf32>, %arg1: tensor<2x6xf32>, %arg2: tensor<2x6xf32>) -> (tensor<2x6xf32>, tensor<2x6xf32>) {
    %0 = stablehlo.multiply %arg1, %arg0 : tensor<2x6xf32>
    %1 = stablehlo.add %0, %arg2 : tensor<2x6xf32>
    return %1, %1 : tensor<2x6xf32>, tensor<2x6xf32>
  }
  func.func private @dynamic_update_index_in_dim(%arg0: tensor<7x2x6xf32>, %arg1: tensor<2x6xf32>, %arg2: tensor<i32>) -> tensor<7x2x6xf32> {
    %0 = stablehlo.broadcast_in_dim %arg1, dims = [1, 2] : (tensor<2x6xf32>) -> tensor<1x2x6xf32>
    %c = stablehlo.constant dense<0> : tensor<i32>
    %c_0 = stablehlo.constant dense<0> : tensor<i32>
    %1 = stablehlo.dynamic_update_slice %arg0, %0, %arg2, %c, %c_0 : (tensor<7x2x6xf32>, tensor<1x2x6xf32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<7x2x6xf32>
    return %1 : tensor<7x2x6xf32>
  }
}
