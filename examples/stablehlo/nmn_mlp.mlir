module @jit_nmn_mlp attributes {mhlo.num_partitions = 1 : i32, mhlo.num_replicas = 1 : i32} {
  func.func public @main(%arg0: tensor<4x8xf32>) -> (tensor<4x4xf32> {jax.result_info = "result"}) {
    %cst = stablehlo.constant dense<"0x5A9FAE3ED1AA353D07E026BEF7810ABE44A11D3FE44582BEAA5F62BD959690BEEC59A03E0D3F09BF242EB9BE7EF49B3ECB6B283E707CA6BECD2A203ECDC8063ED5C50E3ED0DD8EBEC62A80BC33FD0A3EF681003DE3C8AC3ED20500BE1A79B23ECDBA1E3E2859A1BEE1C345BE3ADE0B3F3CF8AC3EF01EFCBDD3CC6F3D6D47FC3DB750B7BE277151BE84F6163F97B79D3E4379F43C86572B3E5A5BFE3E14EE14BEB7B3E9BE43CBD63E68BD7D3EE01D8B3E039C78BE5943AE3E9BF4BF3D0828C2BD6A431FBE6629EABCE95D753DDA64A13ED30BACBED1E5DDBECBC691BDC21D34BD406869BD690A6DBDEF71DA3ED6340BBFB43192BE973EAD3EFC17053F6C58D0BEAE69ADBD80A51DBE387BAE3E1EBB8D3EC38A89BE758B85BB9FBC8D3E69258E3E783007BD7EA1B6BE3192ACBDFFDF2FBE2E66FC3D47F01BBE47312C3C74C3173F37A58D3E6E5B6D3E83A692BE9324E83EBE54C53D5414113F4EC3AC3EB467D63D86E3CE3E95140FBFAC23843E7DFC9E3E2AF1D3BE92BA113E9B226EBE4F003D3D8ECFB13EDCD78E3E59479F3EBEA3CFBD4BCC0ABFC511343D396E95BEBB7F733D5F3ACE3E6DBBA3BCDCD567BEA7ADA13DA50D15BF2976D03C6D81223EEAFC8F3D615BE93E9D1E083D637BE4BD19F8183F823278BEFD99ED3ED45B4C3E75C982BECE3265BE9A0180BEBD568ABC651E6F3E6894F93DF100B33EC207663D98A821BF"> : tensor<8x16xf32>
    %cst_0 = stablehlo.constant dense<[-0.0449861437, 0.606848776, -0.662319183, 1.15410042, 0.124623641, -0.391767949, 0.663577318, -0.263354629, -0.382543653, -0.277077764, -1.32066596, 0.324608564, -0.127658531, -0.266938418, -0.578016222, 0.703872144]> : tensor<16xf32>
    %cst_1 = stablehlo.constant dense<1.17763484> : tensor<1xf32>
    %cst_2 = stablehlo.constant dense<1.41421354> : tensor<f32>
    %cst_3 = stablehlo.constant dense<[[-0.249818981, -0.163241684, 0.275626212, 0.0298887827], [0.503541946, 0.197520122, -0.059475407, -0.359798133], [-0.0851718932, -0.169669911, 0.0853593051, -0.286792904], [0.282213748, -0.0147872474, 0.192558333, -0.448979199], [-0.218343496, -0.378955811, 0.2357364, 0.414025605], [0.203322768, 0.0584581941, -0.383068383, -0.594827116], [0.461757451, 0.354481339, -0.418457478, 3.612750e-01], [0.0355053805, -0.388610691, 0.102429181, 0.454204589], [-0.147619054, 0.366650343, -0.0914858505, -0.281197637], [-0.305853128, -0.0454609096, -0.442731678, -0.1365567], [0.276792765, -0.539165258, -0.316857129, 0.590487957], [0.432879508, -0.429648757, 0.33830747, -0.504009426], [0.24212946, -0.718252956, 0.0769768506, -0.439451814], [-0.386995822, 0.476776749, -0.233484611, -0.440465242], [-0.0822206363, 0.298843056, 0.370707154, -0.307320952], [-0.185188293, 0.0388188735, 5.407910e-01, -0.416729838]]> : tensor<16x4xf32>
    %cst_4 = stablehlo.constant dense<[-0.0721989572, -0.247382656, 0.35796392, -0.321138769]> : tensor<4xf32>
    %0 = stablehlo.dot_general %arg0, %cst, contracting_dims = [1] x [0], precision = [DEFAULT, DEFAULT] : (tensor<4x8xf32>, tensor<8x16xf32>) -> tensor<4x16xf32>
    %1 = stablehlo.reshape %cst_0 : (tensor<16xf32>) -> tensor<1x16xf32>
    %2 = stablehlo.multiply %arg0, %arg0 : tensor<4x8xf32>
    %cst_5 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %3 = stablehlo.reduce(%2 init: %cst_5) applies stablehlo.add across dimensions = [1] : (tensor<4x8xf32>, tensor<f32>) -> tensor<4xf32>
    %4 = stablehlo.broadcast_in_dim %3, dims = [0] : (tensor<4xf32>) -> tensor<4x1xf32>
    %5 = stablehlo.multiply %cst, %cst : tensor<8x16xf32>
    %cst_6 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %6 = stablehlo.reduce(%5 init: %cst_6) applies stablehlo.add across dimensions = [0] : (tensor<8x16xf32>, tensor<f32>) -> tensor<16xf32>
    %7 = stablehlo.broadcast_in_dim %6, dims = [1] : (tensor<16xf32>) -> tensor<1x16xf32>
    %8 = stablehlo.broadcast_in_dim %4, dims = [0, 1] : (tensor<4x1xf32>) -> tensor<4x16xf32>
    %9 = stablehlo.broadcast_in_dim %7, dims = [0, 1] : (tensor<1x16xf32>) -> tensor<4x16xf32>
    %10 = stablehlo.add %8, %9 : tensor<4x16xf32>
    %cst_7 = stablehlo.constant dense<2.000000e+00> : tensor<f32>
    %11 = stablehlo.broadcast_in_dim %cst_7, dims = [] : (tensor<f32>) -> tensor<4x16xf32>
    %12 = stablehlo.multiply %11, %0 : tensor<4x16xf32>
    %13 = stablehlo.subtract %10, %12 : tensor<4x16xf32>
    %cst_8 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %14 = stablehlo.broadcast_in_dim %cst_8, dims = [] : (tensor<f32>) -> tensor<4x16xf32>
    %15 = stablehlo.maximum %13, %14 : tensor<4x16xf32>
    %16 = stablehlo.broadcast_in_dim %1, dims = [0, 1] : (tensor<1x16xf32>) -> tensor<4x16xf32>
    %17 = stablehlo.add %0, %16 : tensor<4x16xf32>
    %18 = stablehlo.multiply %17, %17 : tensor<4x16xf32>
    %19 = stablehlo.broadcast_in_dim %cst_1, dims = [1] : (tensor<1xf32>) -> tensor<1x1xf32>
    %20 = stablehlo.broadcast_in_dim %19, dims = [0, 1] : (tensor<1x1xf32>) -> tensor<4x16xf32>
    %21 = stablehlo.multiply %20, %18 : tensor<4x16xf32>
    %cst_9 = stablehlo.constant dense<9.99999974E-6> : tensor<f32>
    %22 = stablehlo.broadcast_in_dim %cst_9, dims = [] : (tensor<f32>) -> tensor<4x16xf32>
    %23 = stablehlo.add %15, %22 : tensor<4x16xf32>
    %24 = stablehlo.divide %21, %23 : tensor<4x16xf32>
    %25 = stablehlo.dot_general %24, %cst_3, contracting_dims = [1] x [0], precision = [DEFAULT, DEFAULT] : (tensor<4x16xf32>, tensor<16x4xf32>) -> tensor<4x4xf32>
    %26 = stablehlo.convert %cst_2 : tensor<f32>
    %27 = stablehlo.reshape %cst_4 : (tensor<4xf32>) -> tensor<1x4xf32>
    %28 = stablehlo.multiply %24, %24 : tensor<4x16xf32>
    %cst_10 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %29 = stablehlo.reduce(%28 init: %cst_10) applies stablehlo.add across dimensions = [1] : (tensor<4x16xf32>, tensor<f32>) -> tensor<4xf32>
    %30 = stablehlo.broadcast_in_dim %29, dims = [0] : (tensor<4xf32>) -> tensor<4x1xf32>
    %31 = stablehlo.multiply %cst_3, %cst_3 : tensor<16x4xf32>
    %cst_11 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %32 = stablehlo.reduce(%31 init: %cst_11) applies stablehlo.add across dimensions = [0] : (tensor<16x4xf32>, tensor<f32>) -> tensor<4xf32>
    %33 = stablehlo.broadcast_in_dim %32, dims = [1] : (tensor<4xf32>) -> tensor<1x4xf32>
    %34 = stablehlo.broadcast_in_dim %30, dims = [0, 1] : (tensor<4x1xf32>) -> tensor<4x4xf32>
    %35 = stablehlo.broadcast_in_dim %33, dims = [0, 1] : (tensor<1x4xf32>) -> tensor<4x4xf32>
    %36 = stablehlo.add %34, %35 : tensor<4x4xf32>
    %cst_12 = stablehlo.constant dense<2.000000e+00> : tensor<f32>
    %37 = stablehlo.broadcast_in_dim %cst_12, dims = [] : (tensor<f32>) -> tensor<4x4xf32>
    %38 = stablehlo.multiply %37, %25 : tensor<4x4xf32>
    %39 = stablehlo.subtract %36, %38 : tensor<4x4xf32>
    %cst_13 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %40 = stablehlo.broadcast_in_dim %cst_13, dims = [] : (tensor<f32>) -> tensor<4x4xf32>
    %41 = stablehlo.maximum %39, %40 : tensor<4x4xf32>
    %42 = stablehlo.broadcast_in_dim %27, dims = [0, 1] : (tensor<1x4xf32>) -> tensor<4x4xf32>
    %43 = stablehlo.add %25, %42 : tensor<4x4xf32>
    %44 = stablehlo.multiply %43, %43 : tensor<4x4xf32>
    %45 = stablehlo.broadcast_in_dim %26, dims = [] : (tensor<f32>) -> tensor<4x4xf32>
    %46 = stablehlo.multiply %45, %44 : tensor<4x4xf32>
    %cst_14 = stablehlo.constant dense<9.99999974E-6> : tensor<f32>
    %47 = stablehlo.broadcast_in_dim %cst_14, dims = [] : (tensor<f32>) -> tensor<4x4xf32>
    %48 = stablehlo.add %41, %47 : tensor<4x4xf32>
    %49 = stablehlo.divide %46, %48 : tensor<4x4xf32>
    return %49 : tensor<4x4xf32>
  }
}
