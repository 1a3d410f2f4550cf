module @jit_aether_block attributes {mhlo.num_partitions = 1 : i32, mhlo.num_replicas = 1 : i32} {
  func.func public @main(%arg0: tensor<3x8xf32>) -> (tensor<3x8xf32> {jax.result_info = "result"}) {
    %cst = stablehlo.constant dense<1.41421354> : tensor<f32>
    %cst_0 = stablehlo.constant dense<"0xC87FE33E7F04DB3CB6F2F83D241842BD5D3B2C3E44A1323E4FA6FD3DD21011BE17CAFABE185ADFBE1BB46B3E4E7EDABE66ADBCBCFF5C82BE4C5EEE3D12E1ECBE6FA32CBD035F29BE5AC6793E7AF98DBCEF42B9BC29FFA53E84EAC63EC7A943BE84667D3EA8C97B3E766D633EF41F1A3F6708B2BEFC36DEBE0C69C93DE61B34BE7C78FFBEAD5BF83D0C660C3F276139BE9372E3BCEE8BC7BE8632E93D9B6FC13D46CCD73D987D213C4F3AF2BC753E553E45FD8A3E6213C2BE0B9B50BD96B51EBEB1B5CA3EE21DDC3E7F6634BE1F59A23DE258023E9F73093E0EECB8BE9679F3BD68589FBD2DB1303E050ADFBCBCB1C5BCFCB9703DE1B05FBD1D58CA3EE31DB4BAB7878EBE0556BABED6407B3ECDFC1ABFB336E83D0E0104BC781A853C4AC6B0BCBF2E7DBE93A8C9BE0930AEBD70D5F63C7555613E9552C6BE68DFAE3E530FCA3E9722903E3092843E53F02DBE9D9F02BC86008BBDA966BA3E5BC4923DD14A0EBEE4A80C3EA57561BD3A472FBEE15D2EBC985F0E3F47D4ABBEF40F3DBE1FF7F6BB8EE6DD3D015A54BE431BBEBED4951FBD270D53BEAD91DF3E50460D3FBD8AF0BE091B163D1E3127BD23F784BE8F9E77BEC4257FBEB6478FBE77EDDFBD4475E3BE96109EBE0EE9C43DF5D2ABBECE90BB3D0C8868BEF130BBBDED9682BEB7F187BE6E0C8EBE4741073FBE4E0D3F92DB133E74C9E7BEDD7B253DB7BA763E0639183F"> : tensor<8x16xf32>
    %cst_1 = stablehlo.constant dense<[-0.654679656, 0.295600086, 0.569831252, 0.00184731698, -0.10010083, 0.173876196, -0.694312751, -0.331304461, -0.0434296057, -7.000570e-01, 0.349770606, 0.018045783, 0.331142664, -0.746576428, 0.143815979, -0.467401475]> : tensor<16xf32>
    %cst_2 = stablehlo.constant dense<[1.04556835, 0.991144239, 0.591884673, 0.59909296, 0.911284685, 1.55261016, 0.963634312, 1.18715024, 1.47222877, 1.35146046, 1.04400682, 0.546245456, 1.06485653, 1.17298925, 1.10624123, 0.881617248]> : tensor<16xf32>
    %cst_3 = stablehlo.constant dense<"0x75DE51BEB49858BECC4164BEE15729BEDA2358BDF4DAE03DD2338E3E367F203D4623713E375D38BE8D8BA63D29D4883E79803D3EA7B34ABC5FFD163E2FABBC3DF5475ABE577DDF3E5D734BBE19D7DA3D823D813E23F0203E8E541A3C32E564BE45FD86BD73159D3E20C2D9BD393C26BD31C5BA3C2A5E5A3E679CBABDAB0277BEDC5CB0BECD2FC3BB9219E33EFA9773BDD7DB0B3F9AC5823A9FD11FBEC4E3813E0C7E0C3EF6EA033D7D166C3EF51640BE35E6EBBD4C82F03D3760C83EF04979BDA8B2AE3E0FCCC03E75D5223E4B88253E8B60B5BE36A99BBE30224ABE6A1E77BEC3EA863E895EF93E0E2B04BF348595BDB967223E1A09C03EE6B41ABEF50CB0BDFE2BBC3EA662DD3ED70F4B3EA9FD27BE13A0DFBE6087683D84319CBE4F0EB3BEE6BACABE47AC64BE23F0F3BD5C661BBFA10BA33EA3C8643EDD4375BD5610DA3E8D62A03B3B12C5BEC4CB8CBE14FB8A3E967105BFDBEE78BE0BB406BFB651BA3E0C9F84BE1D5E8D3EFEE600BF0131B2BE1ED5103E10392D3E4503C0BEACBBE63EE011143FC1A1353E5E023DBE9819853BDDD72D3E2F9DA23E126C15BE9EABB63E1AE9113E27B1143E6A7B093E2CDD82BC594BDFBE78A609BFB0F5743E47F13E3E14B8953E6BC8DCBED3B1C93E5706DB3EB47655BE770282BDF991B73DE8B8E1BC97B466BE5A15C33E43FD143E8B1FEDBE5B39133FAB12D83E858D923E12A825BD"> : tensor<16x8xf32>
    %0 = stablehlo.dot_general %arg0, %cst_0, contracting_dims = [1] x [0], precision = [DEFAULT, DEFAULT] : (tensor<3x8xf32>, tensor<8x16xf32>) -> tensor<3x16xf32>
    %1 = stablehlo.convert %cst : tensor<f32>
    %2 = stablehlo.reshape %cst_1 : (tensor<16xf32>) -> tensor<1x16xf32>
    %3 = stablehlo.multiply %arg0, %arg0 : tensor<3x8xf32>
    %cst_4 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %4 = stablehlo.reduce(%3 init: %cst_4) applies stablehlo.add across dimensions = [1] : (tensor<3x8xf32>, tensor<f32>) -> tensor<3xf32>
    %5 = stablehlo.broadcast_in_dim %4, dims = [0] : (tensor<3xf32>) -> tensor<3x1xf32>
    %6 = stablehlo.multiply %cst_0, %cst_0 : tensor<8x16xf32>
    %cst_5 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %7 = stablehlo.reduce(%6 init: %cst_5) applies stablehlo.add across dimensions = [0] : (tensor<8x16xf32>, tensor<f32>) -> tensor<16xf32>
    %8 = stablehlo.broadcast_in_dim %7, dims = [1] : (tensor<16xf32>) -> tensor<1x16xf32>
    %9 = stablehlo.broadcast_in_dim %5, dims = [0, 1] : (tensor<3x1xf32>) -> tensor<3x16xf32>
    %10 = stablehlo.broadcast_in_dim %8, dims = [0, 1] : (tensor<1x16xf32>) -> tensor<3x16xf32>
    %11 = stablehlo.add %9, %10 : tensor<3x16xf32>
    %cst_6 = stablehlo.constant dense<2.000000e+00> : tensor<f32>
    %12 = stablehlo.broadcast_in_dim %cst_6, dims = [] : (tensor<f32>) -> tensor<3x16xf32>
    %13 = stablehlo.multiply %12, %0 : tensor<3x16xf32>
    %14 = stablehlo.subtract %11, %13 : tensor<3x16xf32>
    %cst_7 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %15 = stablehlo.broadcast_in_dim %cst_7, dims = [] : (tensor<f32>) -> tensor<3x16xf32>
    %16 = stablehlo.maximum %14, %15 : tensor<3x16xf32>
    %17 = stablehlo.broadcast_in_dim %2, dims = [0, 1] : (tensor<1x16xf32>) -> tensor<3x16xf32>
    %18 = stablehlo.add %0, %17 : tensor<3x16xf32>
    %19 = stablehlo.multiply %18, %18 : tensor<3x16xf32>
    %20 = stablehlo.broadcast_in_dim %1, dims = [] : (tensor<f32>) -> tensor<3x16xf32>
    %21 = stablehlo.multiply %20, %19 : tensor<3x16xf32>
    %cst_8 = stablehlo.constant dense<9.99999974E-6> : tensor<f32>
    %22 = stablehlo.broadcast_in_dim %cst_8, dims = [] : (tensor<f32>) -> tensor<3x16xf32>
    %23 = stablehlo.add %16, %22 : tensor<3x16xf32>
    %24 = stablehlo.divide %21, %23 : tensor<3x16xf32>
    %25 = chlo.square %24 : tensor<3x16xf32> -> tensor<3x16xf32>
    %cst_9 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %26 = stablehlo.reduce(%25 init: %cst_9) applies stablehlo.add across dimensions = [1] : (tensor<3x16xf32>, tensor<f32>) -> tensor<3xf32>
    %cst_10 = stablehlo.constant dense<1.600000e+01> : tensor<f32>
    %27 = stablehlo.broadcast_in_dim %cst_10, dims = [] : (tensor<f32>) -> tensor<3xf32>
    %28 = stablehlo.divide %26, %27 : tensor<3xf32>
    %cst_11 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %29 = stablehlo.broadcast_in_dim %cst_11, dims = [] : (tensor<f32>) -> tensor<3xf32>
    %30 = stablehlo.reshape %29 : (tensor<3xf32>) -> tensor<3x1xf32>
    %31 = stablehlo.reshape %28 : (tensor<3xf32>) -> tensor<3x1xf32>
    %32 = stablehlo.broadcast_in_dim %30, dims = [0, 1] : (tensor<3x1xf32>) -> tensor<3x16xf32>
    %33 = stablehlo.subtract %24, %32 : tensor<3x16xf32>
    %cst_12 = stablehlo.constant dense<9.99999997E-7> : tensor<f32>
    %34 = stablehlo.broadcast_in_dim %cst_12, dims = [] : (tensor<f32>) -> tensor<3x1xf32>
    %35 = stablehlo.add %31, %34 : tensor<3x1xf32>
    %36 = stablehlo.rsqrt %35 : tensor<3x1xf32>
    %37 = stablehlo.reshape %cst_2 : (tensor<16xf32>) -> tensor<1x16xf32>
    %38 = stablehlo.broadcast_in_dim %36, dims = [0, 1] : (tensor<3x1xf32>) -> tensor<3x16xf32>
    %39 = stablehlo.broadcast_in_dim %37, dims = [0, 1] : (tensor<1x16xf32>) -> tensor<3x16xf32>
    %40 = stablehlo.multiply %38, %39 : tensor<3x16xf32>
    %41 = stablehlo.multiply %33, %40 : tensor<3x16xf32>
    %42 = stablehlo.dot_general %41, %cst_3, contracting_dims = [1] x [0], precision = [DEFAULT, DEFAULT] : (tensor<3x16xf32>, tensor<16x8xf32>) -> tensor<3x8xf32>
    %43 = stablehlo.convert %cst : tensor<f32>
    %44 = stablehlo.multiply %41, %41 : tensor<3x16xf32>
    %cst_13 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %45 = stablehlo.reduce(%44 init: %cst_13) applies stablehlo.add across dimensions = [1] : (tensor<3x16xf32>, tensor<f32>) -> tensor<3xf32>
    %46 = stablehlo.broadcast_in_dim %45, dims = [0] : (tensor<3xf32>) -> tensor<3x1xf32>
    %47 = stablehlo.multiply %cst_3, %cst_3 : tensor<16x8xf32>
    %cst_14 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %48 = stablehlo.reduce(%47 init: %cst_14) applies stablehlo.add across dimensions = [0] : (tensor<16x8xf32>, tensor<f32>) -> tensor<8xf32>
    %49 = stablehlo.broadcast_in_dim %48, dims = [1] : (tensor<8xf32>) -> tensor<1x8xf32>
    %50 = stablehlo.broadcast_in_dim %46, dims = [0, 1] : (tensor<3x1xf32>) -> tensor<3x8xf32>
    %51 = stablehlo.broadcast_in_dim %49, dims = [0, 1] : (tensor<1x8xf32>) -> tensor<3x8xf32>
    %52 = stablehlo.add %50, %51 : tensor<3x8xf32>
    %cst_15 = stablehlo.constant dense<2.000000e+00> : tensor<f32>
    %53 = stablehlo.broadcast_in_dim %cst_15, dims = [] : (tensor<f32>) -> tensor<3x8xf32>
    %54 = stablehlo.multiply %53, %42 : tensor<3x8xf32>
    %55 = stablehlo.subtract %52, %54 : tensor<3x8xf32>
    %cst_16 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %56 = stablehlo.broadcast_in_dim %cst_16, dims = [] : (tensor<f32>) -> tensor<3x8xf32>
    %57 = stablehlo.maximum %55, %56 : tensor<3x8xf32>
    %58 = stablehlo.multiply %42, %42 : tensor<3x8xf32>
    %59 = stablehlo.broadcast_in_dim %43, dims = [] : (tensor<f32>) -> tensor<3x8xf32>
    %60 = stablehlo.multiply %59, %58 : tensor<3x8xf32>
    %cst_17 = stablehlo.constant dense<9.99999974E-6> : tensor<f32>
    %61 = stablehlo.broadcast_in_dim %cst_17, dims = [] : (tensor<f32>) -> tensor<3x8xf32>
    %62 = stablehlo.add %57, %61 : tensor<3x8xf32>
    %63 = stablehlo.divide %60, %62 : tensor<3x8xf32>
    %64 = stablehlo.add %arg0, %63 : tensor<3x8xf32>
    return %64 : tensor<3x8xf32>
  }
}
