module @jit_linear_scan attributes {mhlo.num_partitions = 1 : i32, mhlo.num_replicas = 1 : i32} {
  func.func public @main(%arg0: tensor<9x2x5xf32>, %arg1: tensor<9x2x5xf32>, %arg2: tensor<2x5xf32>) -> (tensor<9x2x5xf32> {jax.result_info = "result"}) {
    %cst = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %0 = stablehlo.broadcast_in_dim %cst, dims = [] : (tensor<f32>) -> tensor<9x2x5xf32>
    %c = stablehlo.constant dense<0> : tensor<i32>
    %1:5 = stablehlo.while(%iterArg = %arg0, %iterArg_0 = %arg1, %iterArg_1 = %c, %iterArg_2 = %arg2, %iterArg_3 = %0) : tensor<9x2x5xf32>, tensor<9x2x5xf32>, tensor<i32>, tensor<2x5xf32>, tensor<9x2x5xf32>
    cond {
      %c_4 = stablehlo.constant dense<9> : tensor<i32>
      %2 = stablehlo.compare LT, %iterArg_1, %c_4, SIGNED : (tensor<i32>, tensor<i32>) -> tensor<i1>
      stablehlo.return %2 : tensor<i1>
    } do {
      %2 = func.call @dynamic_index_in_dim(%iterArg, %iterArg_1) : (tensor<9x2x5xf32>, tensor<i32>) -> tensor<2x5xf32>
      %3 = func.call @dynamic_index_in_dim(%iterArg_0, %iterArg_1) : (tensor<9x2x5xf32>, tensor<i32>) -> tensor<2x5xf32>
      %4:2 = func.call @closed_call(%iterArg_2, %2, %3) : (tensor<2x5xf32>, tensor<2x5xf32>, tensor<2x5xf32>) -> (tensor<2x5xf32>, tensor<2x5xf32>)
      %5 = func.call @dynamic_update_index_in_dim(%iterArg_3, %4#1, %iterArg_1) : (tensor<9x2x5xf32>, tensor<2x5xf32>, tensor<i32>) -> tensor<9x2x5xf32>
      %c_4 = stablehlo.constant dense<1> : tensor<i32>
      %6 = stablehlo.add %iterArg_1, %c_4 : tensor<i32>
      stablehlo.return %iterArg, %iterArg_0, %6, %4#0, %5 : tensor<9x2x5xf32>, tensor<9x2x5xf32>, tensor<i32>, tensor<2x5xf32>, tensor<9x2x5xf32>
    }
    return %1#4 : tensor<9x2x5xf32>
  }
  func.func private @dynamic_index_in_dim(%arg0: tensor<9x2x5xf32>, %arg1: tensor<i32>) -> tensor<2x5xf32> {
    %c = stablehlo.constant dense<0> : tensor<i32>
    %c_0 = stablehlo.constant dense<0> : tensor<i32>
    %0 = stablehlo.dynamic_slice %arg0, %arg1, %c, %c_0, sizes = [1, 2, 5] : (tensor<9x2x5xf32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<1x2x5xf32>
    %1 = stablehlo.reshape %0 : (tensor<1x2x5xf32>) -> tensor<2x5xf32>
    return %1 : tensor<2x5xf32>
  }
  func.func private @closed_call(%arg0: tensor<2x5xf32>, %arg1: tensor<2x5xf32>, %arg2: tensor<2x5xf32>) -> (tensor<2x5xf32>, tensor<2x5xf32>) {
    %0 = stablehlo.multiply %arg1, %arg0 : tensor<2x5xf32>
    %1 = stablehlo.add %0, %arg2 : tensor<2x5xf32>
    return %1, %1 : tensor<2x5xf32>, tensor<2x5xf32>
  }
  func.func private @dynamic_update_index_in_dim(%arg0: tensor<9x2x5xf32>, %arg1: tensor<2x5xf32>, %arg2: tensor<i32>) -> tensor<9x2x5xf32> {
    %0 = stablehlo.broadcast_in_dim %arg1, dims = [1, 2] : (tensor<2x5xf32>) -> tensor<1x2x5xf32>
    %c = stablehlo.constant dense<0> : tensor<i32>
    %c_0 = stablehlo.constant dense<0> : tensor<i32>
    %1 = stablehlo.dynamic_update_slice %arg0, %0, %arg2, %c, %c_0 : (tensor<9x2x5xf32>, tensor<1x2x5xf32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<9x2x5xf32>
    return %1 : tensor<9x2x5xf32>
  }
}
