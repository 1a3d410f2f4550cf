module @jit_yat_cnn attributes {mhlo.num_partitions = 1 : i32, mhlo.num_replicas = 1 : i32} {
  func.func public @main(%arg0: tensor<2x14x14x1xf32>) -> (tensor<2x10xf32> {jax.result_info = "result"}) {
    %cst = stablehlo.constant dense<[[[[0.0947514399, 0.256716251, -0.151055261, 0.275614589]], [[0.138291031, 0.00604030443, -0.24601306, -0.269897103]], [[0.375331819, -0.266371638, -0.00864815339, -0.285322934]]], [[[-0.178389356, -0.356272072, -0.0960777551, 0.110322647]], [[-0.173453122, -0.0922475755, 0.0292762332, 0.0369147807]], [[-0.0806852579, -0.326967865, 0.138583899, 0.355477065]]], [[[-0.273915559, 0.172056466, -0.161681741, -0.227866501]], [[-0.077654235, -0.0610464178, -0.0600631721, -0.14029254]], [[-0.110831179, -0.0305177979, 0.304801941, -0.0650451928]]]]> : tensor<3x3x1x4xf32>
    %cst_0 = stablehlo.constant dense<[-0.443748713, 0.334328413, -0.473388314, 0.578734219]> : tensor<4xf32>
    %cst_1 = stablehlo.constant dense<0.716839373> : tensor<1xf32>
    %cst_2 = stablehlo.constant dense<"0xA19A32BEAF0D503C0197273E558E433E5656C13C1BA969BE6EB5133E7873B93DED6851BE6F8C18BE207FE03D0BFC62BD9B84C9BC7E213F3D410A7EBE58EB3BBEA96F9ABC1F6A7E3E979D503EA1D6053E26A959BE178BD7BC42E5253E42192D3D496087BEA6C640BE8403B8BC8B4D91BCE736B13D7511C63D917EC5BBDD4D32BCA280C93D20A9CE3D18C2F73D3EC0523D283C603E6F542DBE67658C3D6F019EBD2469643EB43FFDBAACABF33D047588BD4459D23DB4DACC3CA8963D3D56E9E4BD649CCE3DC6BBD7BD6416A43DBB7009BDD275043DA86A3FBED2AA88BCA11483BE968DD03DFBCE59BE3756C5BD86B98BBD1A8DF13B4FD4493E4990F0BD8E7D163DB79B1F3E5E2D1EBEC6C64EBE561012BDCCEC583DCB66C53CA7CA08BEF150063E8956C8BABA66E2BD080B9A3EEA8923BD330837BE02A22D3A8D79393E37C263BE9B09E43DC97B26BC5D161F3EB43E5D3E5EFA87BEF3B722BD1F5F353ECEB8A8BDCB3AD93D66203D3E14E08F3D1421CC3C761707BE5BF96ABE54C3143E17EF94BD1F9CDE3D4B73B83D556441BEC586FF3BEAEC03BEEE121FBE87598ABE61F72F3E93F5193D06F546BE49290DBE13DDAD3D123F81BD6D58213E21D626BE3CDE8A3E5DE4853C56093EBE6A56F3BDBB1928BEA1681D3E00F2B83C55AD883C179830BE56F15A3EFC9BE33CE3F2543E546BD23D9C783EBE7FB3173BCE7F923E93FB04BED63D453EB7CF58BDBF36703D097598BD9EB72B3E1317803E291158BDA7B75E3E1DBD993D25848BBD055727BC464FDC3D36F251BEDD4016BEA1759EBD049E8BBD8070343ECE63D63DD568C03DF60954BEECE5E83D82C5443E931D3C3E9C35CB3D83AE1ABEE577263C5738B43D90BE8C3EED84DA3CE1AE733D65EB1EBA102923BC83B510BE457D173EEADB2EBE4784B43CF8C2723C3DC917BEFE3AF73CFE22C93D03616EBEA56CF43DBAD041BC94E4313EAC0E96BCEADA1ABEA45D01BDD480923D40A4DFBC8FB2013EB62F923E007F9CBB2692043EABC52BBEBC41173CA0387DBD6B3A76BD5E66003DF810853EBF81D13DABAEA73DAEB8AC3DE6BB1FBC3F10E03C5166C83D859805BDB6EA613C27AE94BD83F5343EBD8994BC5F0A353E0E2755BEA54A93BD610D00BEFC4701BC4101A4BD7B8F703E19580BBEE98E9E3D17E3803CA333E93DBED4D13C93E6B23CA7F722BD1BE1A1BDB46C0BBD3679E53C9B9EB43D27E106BED6D898BEAF89DD3CDD15033E04E8E8BD5DF626BEC769103BEA38133EB01419BEC88B803EFB4257BE25F3B23DEF024FBEFCC5C53D2A9872BE4ED88CBDE09E99BD14351FBEB65AA2BC9B6DC1BD9ADB66BD4AB82ABE9DCCE83D58D510BD671AF9BBFB27F33DF8C6B0BC9A89B2BD75B6ECBD58250ABCF0A81D3E6B455D3DF6303D3E61E1583E717A2B3E11540ABE4E6739BEE734243E6F36FB3D790C8A3EBC7A4BBEF0E39D3D728F553ECF8C26BE9381103D8BDC8CBCC3E7083E300060BC3EF3CD3D10FA2EBD60879CBDE97734BE73E3D43D30858FBE412278BEB30AB53CC80A48BE2BDADE3D2D33E6BAD3A866BDFEBA0ABEC3C7A1BC994B26BE40B810BB0394BE39FDCDA6BB3BA4193D31067F3D164290BE6098E03DDA745D3E116C9B3E"> : tensor<3x3x4x8xf32>
    %cst_3 = stablehlo.constant dense<[0.748258591, -0.487381637, 1.01461506, -0.13612856, -0.286673397, -0.543855429, -0.00250499928, 0.289297611]> : tensor<8xf32>
    %cst_4 = stablehlo.constant dense<[[-0.343182534, -0.309472024, -0.108745873, -0.576390922, -0.0727064162, 0.494609535, -0.241883397, -0.746139884, -0.16888769, 0.214146882], [0.207777992, 0.111310333, -0.171832398, -0.494646668, -0.17267853, -0.131080583, 0.0157459285, 0.262134224, 0.10357669, -0.0455279723], [0.175333261, -0.0875184834, 0.522356033, -0.671998083, 2.103910e-01, -0.168018445, 0.0455337428, 0.291879684, 0.553301573, -0.135380849], [0.0729039535, -0.684677898, 0.0233074967, -0.266060889, -0.124484822, 0.276678503, -0.315559953, 0.0827544257, 0.334026217, -0.503124952], [-0.5834319, 0.401022971, 0.687162042, 0.364240319, -0.706162453, 0.155206174, -0.435668081, 0.34894681, 0.0814498364, -0.183264345], [-0.186033458, 0.212103873, 0.221212387, -0.0161649212, 0.220074296, -0.0993413925, -0.341156065, 0.252564788, -0.314073682, -0.0821127295], [-0.0630731657, 0.0114783132, 0.29480496, -0.273087412, -0.546967149, -0.243717164, -0.0175348017, -0.705868125, 0.420404792, 0.138548642], [-0.0775864794, -0.173335269, -0.214485705, -0.11693529, 0.312489361, -3.482780e-02, -0.169417635, 0.360180736, 0.26628074, 0.408294678]]> : tensor<8x10xf32>
    %cst_5 = stablehlo.constant dense<[-0.225591317, -0.172728315, 1.06552351, -0.615593969, -0.513290107, 0.0143705867, -0.349948108, 0.493769348, -0.161869481, 0.795461297]> : tensor<10xf32>
    %0 = stablehlo.convolution(%arg0, %cst) dim_numbers = [b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f], window = {stride = [1, 1], pad = [[1, 1], [1, 1]], lhs_dilate = [1, 1], rhs_dilate = [1, 1], reverse = [false, false]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64, precision_config = [#stablehlo<precision DEFAULT>, #stablehlo<precision DEFAULT>]} : (tensor<2x14x14x1xf32>, tensor<3x3x1x4xf32>) -> tensor<2x14x14x4xf32>
    %1 = stablehlo.multiply %arg0, %arg0 : tensor<2x14x14x1xf32>
    %cst_6 = stablehlo.constant dense<1.000000e+00> : tensor<f32>
    %2 = stablehlo.broadcast_in_dim %cst_6, dims = [] : (tensor<f32>) -> tensor<3x3x1x1xf32>
    %3 = stablehlo.convolution(%1, %2) dim_numbers = [b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f], window = {stride = [1, 1], pad = [[1, 1], [1, 1]], lhs_dilate = [1, 1], rhs_dilate = [1, 1], reverse = [false, false]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64, precision_config = [#stablehlo<precision DEFAULT>, #stablehlo<precision DEFAULT>]} : (tensor<2x14x14x1xf32>, tensor<3x3x1x1xf32>) -> tensor<2x14x14x1xf32>
    %4 = stablehlo.multiply %cst, %cst : tensor<3x3x1x4xf32>
    %cst_7 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %5 = stablehlo.reduce(%4 init: %cst_7) applies stablehlo.add across dimensions = [0, 1, 2] : (tensor<3x3x1x4xf32>, tensor<f32>) -> tensor<4xf32>
    %6 = stablehlo.reshape %cst_0 : (tensor<4xf32>) -> tensor<1x1x1x4xf32>
    %7 = stablehlo.broadcast_in_dim %6, dims = [0, 1, 2, 3] : (tensor<1x1x1x4xf32>) -> tensor<2x14x14x4xf32>
    %8 = stablehlo.add %0, %7 : tensor<2x14x14x4xf32>
    %9 = stablehlo.broadcast_in_dim %5, dims = [3] : (tensor<4xf32>) -> tensor<1x1x1x4xf32>
    %10 = stablehlo.broadcast_in_dim %3, dims = [0, 1, 2, 3] : (tensor<2x14x14x1xf32>) -> tensor<2x14x14x4xf32>
    %11 = stablehlo.broadcast_in_dim %9, dims = [0, 1, 2, 3] : (tensor<1x1x1x4xf32>) -> tensor<2x14x14x4xf32>
    %12 = stablehlo.add %10, %11 : tensor<2x14x14x4xf32>
    %cst_8 = stablehlo.constant dense<2.000000e+00> : tensor<f32>
    %13 = stablehlo.broadcast_in_dim %cst_8, dims = [] : (tensor<f32>) -> tensor<2x14x14x4xf32>
    %14 = stablehlo.multiply %13, %0 : tensor<2x14x14x4xf32>
    %15 = stablehlo.subtract %12, %14 : tensor<2x14x14x4xf32>
    %cst_9 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %16 = stablehlo.broadcast_in_dim %cst_9, dims = [] : (tensor<f32>) -> tensor<2x14x14x4xf32>
    %17 = stablehlo.maximum %15, %16 : tensor<2x14x14x4xf32>
    %18 = stablehlo.multiply %8, %8 : tensor<2x14x14x4xf32>
    %cst_10 = stablehlo.constant dense<9.99999974E-6> : tensor<f32>
    %19 = stablehlo.broadcast_in_dim %cst_10, dims = [] : (tensor<f32>) -> tensor<2x14x14x4xf32>
    %20 = stablehlo.add %17, %19 : tensor<2x14x14x4xf32>
    %21 = stablehlo.divide %18, %20 : tensor<2x14x14x4xf32>
    %22 = stablehlo.broadcast_in_dim %cst_1, dims = [3] : (tensor<1xf32>) -> tensor<1x1x1x1xf32>
    %23 = stablehlo.broadcast_in_dim %22, dims = [0, 1, 2, 3] : (tensor<1x1x1x1xf32>) -> tensor<2x14x14x4xf32>
    %24 = stablehlo.multiply %21, %23 : tensor<2x14x14x4xf32>
    %25 = stablehlo.convolution(%24, %cst_2) dim_numbers = [b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f], window = {stride = [2, 2], pad = [[1, 1], [1, 1]], lhs_dilate = [1, 1], rhs_dilate = [1, 1], reverse = [false, false]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64, precision_config = [#stablehlo<precision DEFAULT>, #stablehlo<precision DEFAULT>]} : (tensor<2x14x14x4xf32>, tensor<3x3x4x8xf32>) -> tensor<2x7x7x8xf32>
    %26 = stablehlo.multiply %24, %24 : tensor<2x14x14x4xf32>
    %cst_11 = stablehlo.constant dense<1.000000e+00> : tensor<f32>
    %27 = stablehlo.broadcast_in_dim %cst_11, dims = [] : (tensor<f32>) -> tensor<3x3x4x1xf32>
    %28 = stablehlo.convolution(%26, %27) dim_numbers = [b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f], window = {stride = [2, 2], pad = [[1, 1], [1, 1]], lhs_dilate = [1, 1], rhs_dilate = [1, 1], reverse = [false, false]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64, precision_config = [#stablehlo<precision DEFAULT>, #stablehlo<precision DEFAULT>]} : (tensor<2x14x14x4xf32>, tensor<3x3x4x1xf32>) -> tensor<2x7x7x1xf32>
    %29 = stablehlo.multiply %cst_2, %cst_2 : tensor<3x3x4x8xf32>
    %cst_12 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %30 = stablehlo.reduce(%29 init: %cst_12) applies stablehlo.add across dimensions = [0, 1, 2] : (tensor<3x3x4x8xf32>, tensor<f32>) -> tensor<8xf32>
    %31 = stablehlo.reshape %cst_3 : (tensor<8xf32>) -> tensor<1x1x1x8xf32>
    %32 = stablehlo.broadcast_in_dim %31, dims = [0, 1, 2, 3] : (tensor<1x1x1x8xf32>) -> tensor<2x7x7x8xf32>
    %33 = stablehlo.add %25, %32 : tensor<2x7x7x8xf32>
    %34 = stablehlo.broadcast_in_dim %30, dims = [3] : (tensor<8xf32>) -> tensor<1x1x1x8xf32>
    %35 = stablehlo.broadcast_in_dim %28, dims = [0, 1, 2, 3] : (tensor<2x7x7x1xf32>) -> tensor<2x7x7x8xf32>
    %36 = stablehlo.broadcast_in_dim %34, dims = [0, 1, 2, 3] : (tensor<1x1x1x8xf32>) -> tensor<2x7x7x8xf32>
    %37 = stablehlo.add %35, %36 : tensor<2x7x7x8xf32>
    %cst_13 = stablehlo.constant dense<2.000000e+00> : tensor<f32>
    %38 = stablehlo.broadcast_in_dim %cst_13, dims = [] : (tensor<f32>) -> tensor<2x7x7x8xf32>
    %39 = stablehlo.multiply %38, %25 : tensor<2x7x7x8xf32>
    %40 = stablehlo.subtract %37, %39 : tensor<2x7x7x8xf32>
    %cst_14 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %41 = stablehlo.broadcast_in_dim %cst_14, dims = [] : (tensor<f32>) -> tensor<2x7x7x8xf32>
    %42 = stablehlo.maximum %40, %41 : tensor<2x7x7x8xf32>
    %43 = stablehlo.multiply %33, %33 : tensor<2x7x7x8xf32>
    %cst_15 = stablehlo.constant dense<9.99999974E-6> : tensor<f32>
    %44 = stablehlo.broadcast_in_dim %cst_15, dims = [] : (tensor<f32>) -> tensor<2x7x7x8xf32>
    %45 = stablehlo.add %42, %44 : tensor<2x7x7x8xf32>
    %46 = stablehlo.divide %43, %45 : tensor<2x7x7x8xf32>
    %cst_16 = stablehlo.constant dense<1.41421354> : tensor<f32>
    %47 = stablehlo.broadcast_in_dim %cst_16, dims = [] : (tensor<f32>) -> tensor<2x7x7x8xf32>
    %48 = stablehlo.multiply %46, %47 : tensor<2x7x7x8xf32>
    %cst_17 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %49 = stablehlo.reduce(%48 init: %cst_17) applies stablehlo.add across dimensions = [1, 2] : (tensor<2x7x7x8xf32>, tensor<f32>) -> tensor<2x8xf32>
    %cst_18 = stablehlo.constant dense<4.900000e+01> : tensor<f32>
    %50 = stablehlo.broadcast_in_dim %cst_18, dims = [] : (tensor<f32>) -> tensor<2x8xf32>
    %51 = stablehlo.divide %49, %50 : tensor<2x8xf32>
    %52 = stablehlo.dot_general %51, %cst_4, contracting_dims = [1] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x8xf32>, tensor<8x10xf32>) -> tensor<2x10xf32>
    %53 = stablehlo.reshape %cst_5 : (tensor<10xf32>) -> tensor<1x10xf32>
    %54 = stablehlo.broadcast_in_dim %53, dims = [0, 1] : (tensor<1x10xf32>) -> tensor<2x10xf32>
    %55 = stablehlo.add %52, %54 : tensor<2x10xf32>
    return %55 : tensor<2x10xf32>
  }
}
