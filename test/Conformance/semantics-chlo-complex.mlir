// RUN: yat-run %s
// The CHLO functions of complex numbers, against numpy's (C99's principal
// branches) within expect_close's 3 ulp: ordinary values, both sides of
// the branch cuts (-3 + 0i, 3 - 0i), zero, tiny values, |z| = 1e200 (the
// asymptotic form) and large imaginary parts. complex<f32> computes in f64
// and rounds once, so it is checked against numpy's complex128 results
// rounded to complex64.
func.func @main() {
  // chlo.acosh
  %acosh_z = stablehlo.constant dense<[(2.0, 3.0), (-0.5, 0.25), (0.25, -4.0), (-3.0, 0.0), (3.0, -0.0), (0.0, 0.0), (1.0e-10, 1.0e-12), (1.0e+200, -1.0e+199), (-0.007, 20.0)]> : tensor<9xcomplex<f64>>
  %acosh = chlo.acosh %acosh_z : tensor<9xcomplex<f64>> -> tensor<9xcomplex<f64>>
  %acosh_expected = stablehlo.constant dense<[(1.9833870299165355, 1.0001435424737972), (0.28139605624529274, 2.0724051800703975), (2.096493106256753, -1.5102300523741323), (1.762747174039086, 3.141592653589793), (1.762747174039086, -0.0), (0.0, 1.5707963267948966), (1.0e-12, 1.5707963266948965), (461.2151409447957, -0.09966865249116204), (3.68950393000993, 1.571145890099319)]> : tensor<9xcomplex<f64>>
  stablehlo.custom_call @check.expect_close(%acosh, %acosh_expected) {has_side_effect = true} : (tensor<9xcomplex<f64>>, tensor<9xcomplex<f64>>) -> ()
  %acosh_z32 = stablehlo.constant dense<[(2.0, 3.0), (-0.5, 0.25), (0.25, -4.0), (-3.0, 0.0), (3.0, -0.0), (0.0, 0.0), (1.000000013351432e-10, 9.999999960041972e-13), (-0.007000000216066837, 20.0)]> : tensor<8xcomplex<f32>>
  %acosh32 = chlo.acosh %acosh_z32 : tensor<8xcomplex<f32>> -> tensor<8xcomplex<f32>>
  %acosh32_expected = stablehlo.constant dense<[(1.9833869934082031, 1.0001435279846191), (0.2813960611820221, 2.0724050998687744), (2.0964930057525635, -1.5102300643920898), (1.7627471685409546, 3.1415927410125732), (1.7627471685409546, -0.0), (0.0, 1.5707963705062866), (9.999999960041972e-13, 1.5707963705062866), (3.6895039081573486, 1.5711458921432495)]> : tensor<8xcomplex<f32>>
  stablehlo.custom_call @check.expect_close(%acosh32, %acosh32_expected) {has_side_effect = true} : (tensor<8xcomplex<f32>>, tensor<8xcomplex<f32>>) -> ()
  // chlo.asin
  %asin_z = stablehlo.constant dense<[(2.0, 3.0), (-0.5, 0.25), (0.25, -4.0), (-3.0, 0.0), (3.0, -0.0), (0.0, 0.0), (1.0e-10, 1.0e-12), (1.0e+200, -1.0e+199), (-0.007, 20.0)]> : tensor<9xcomplex<f64>>
  %asin = chlo.asin %asin_z : tensor<9xcomplex<f64>> -> tensor<9xcomplex<f64>>
  %asin_expected = stablehlo.constant dense<[(0.5706527843210994, 1.9833870299165355), (-0.5016088532755008, 0.28139605624529274), (0.06056627442076438, -2.096493106256753), (-1.5707963267948966, 1.762747174039086), (1.5707963267948966, -1.762747174039086), (0.0, 0.0), (9.999999999999999e-11, 1.0e-12), (1.4711276743037345, -461.2151409447957), (-0.000349563304422267, 3.68950393000993)]> : tensor<9xcomplex<f64>>
  stablehlo.custom_call @check.expect_close(%asin, %asin_expected) {has_side_effect = true} : (tensor<9xcomplex<f64>>, tensor<9xcomplex<f64>>) -> ()
  %asin_z32 = stablehlo.constant dense<[(2.0, 3.0), (-0.5, 0.25), (0.25, -4.0), (-3.0, 0.0), (3.0, -0.0), (0.0, 0.0), (1.000000013351432e-10, 9.999999960041972e-13), (-0.007000000216066837, 20.0)]> : tensor<8xcomplex<f32>>
  %asin32 = chlo.asin %asin_z32 : tensor<8xcomplex<f32>> -> tensor<8xcomplex<f32>>
  %asin32_expected = stablehlo.constant dense<[(0.5706527829170227, 1.9833869934082031), (-0.5016088485717773, 0.2813960611820221), (0.06056627258658409, -2.0964930057525635), (-1.5707963705062866, 1.7627471685409546), (1.5707963705062866, -1.7627471685409546), (0.0, 0.0), (1.000000013351432e-10, 9.999999960041972e-13), (-0.00034956331364810467, 3.6895039081573486)]> : tensor<8xcomplex<f32>>
  stablehlo.custom_call @check.expect_close(%asin32, %asin32_expected) {has_side_effect = true} : (tensor<8xcomplex<f32>>, tensor<8xcomplex<f32>>) -> ()
  // chlo.asinh
  %asinh_z = stablehlo.constant dense<[(2.0, 3.0), (-0.5, 0.25), (0.25, -4.0), (-3.0, 0.0), (3.0, -0.0), (0.0, 0.0), (1.0e-10, 1.0e-12), (1.0e+200, -1.0e+199), (-0.007, 20.0)]> : tensor<9xcomplex<f64>>
  %asinh = chlo.asinh %asinh_z : tensor<9xcomplex<f64>> -> tensor<9xcomplex<f64>>
  %asinh_expected = stablehlo.constant dense<[(1.9686379257930964, 0.9646585044076028), (-0.4926756834207706, 0.2243284526346675), (2.0655835152052973, -1.506344919991575), (-1.8184464592320668, 0.0), (1.8184464592320668, -0.0), (0.0, 0.0), (1.0e-10, 1.0e-12), (461.2151409447957, -0.09966865249116204), (-3.6882539288417004, 1.5704458884872707)]> : tensor<9xcomplex<f64>>
  stablehlo.custom_call @check.expect_close(%asinh, %asinh_expected) {has_side_effect = true} : (tensor<9xcomplex<f64>>, tensor<9xcomplex<f64>>) -> ()
  %asinh_z32 = stablehlo.constant dense<[(2.0, 3.0), (-0.5, 0.25), (0.25, -4.0), (-3.0, 0.0), (3.0, -0.0), (0.0, 0.0), (1.000000013351432e-10, 9.999999960041972e-13), (-0.007000000216066837, 20.0)]> : tensor<8xcomplex<f32>>
  %asinh32 = chlo.asinh %asinh_z32 : tensor<8xcomplex<f32>> -> tensor<8xcomplex<f32>>
  %asinh32_expected = stablehlo.constant dense<[(1.9686379432678223, 0.9646584987640381), (-0.49267569184303284, 0.22432845830917358), (2.0655834674835205, -1.5063449144363403), (-1.8184465169906616, 0.0), (1.8184465169906616, -0.0), (0.0, 0.0), (1.000000013351432e-10, 9.999999960041972e-13), (-3.688253879547119, 1.5704458951950073)]> : tensor<8xcomplex<f32>>
  stablehlo.custom_call @check.expect_close(%asinh32, %asinh32_expected) {has_side_effect = true} : (tensor<8xcomplex<f32>>, tensor<8xcomplex<f32>>) -> ()
  // chlo.atan
  %atan_z = stablehlo.constant dense<[(2.0, 3.0), (-0.5, 0.25), (0.25, -4.0), (-3.0, 0.0), (3.0, -0.0), (0.0, 0.0), (1.0e-10, 1.0e-12), (1.0e+200, -1.0e+199), (-0.007, 20.0)]> : tensor<9xcomplex<f64>>
  %atan = chlo.atan %atan_z : tensor<9xcomplex<f64>> -> tensor<9xcomplex<f64>>
  %atan_expected = stablehlo.constant dense<[(1.4099210495965755, 0.22907268296853878), (-0.4842544903299662, 0.20058661813123432), (1.5542049087116474, -0.25430692122149867), (-1.2490457723982544, 0.0), (1.2490457723982544, -0.0), (0.0, 0.0), (1.0e-10, 9.999999999999998e-13), (1.5707963267948966, -9.900990099009903e-202), (-1.5707787829374091, 0.050041723122751805)]> : tensor<9xcomplex<f64>>
  stablehlo.custom_call @check.expect_close(%atan, %atan_expected) {has_side_effect = true} : (tensor<9xcomplex<f64>>, tensor<9xcomplex<f64>>) -> ()
  %atan_z32 = stablehlo.constant dense<[(2.0, 3.0), (-0.5, 0.25), (0.25, -4.0), (-3.0, 0.0), (3.0, -0.0), (0.0, 0.0), (1.000000013351432e-10, 9.999999960041972e-13), (-0.007000000216066837, 20.0)]> : tensor<8xcomplex<f32>>
  %atan32 = chlo.atan %atan_z32 : tensor<8xcomplex<f32>> -> tensor<8xcomplex<f32>>
  %atan32_expected = stablehlo.constant dense<[(1.4099210500717163, 0.2290726900100708), (-0.48425447940826416, 0.20058661699295044), (1.5542049407958984, -0.2543069124221802), (-1.249045729637146, 0.0), (1.249045729637146, -0.0), (0.0, 0.0), (1.000000013351432e-10, 9.999999960041972e-13), (-1.570778727531433, 0.05004172399640083)]> : tensor<8xcomplex<f32>>
  stablehlo.custom_call @check.expect_close(%atan32, %atan32_expected) {has_side_effect = true} : (tensor<8xcomplex<f32>>, tensor<8xcomplex<f32>>) -> ()
  // chlo.atanh
  %atanh_z = stablehlo.constant dense<[(2.0, 3.0), (-0.5, 0.25), (0.25, -4.0), (-3.0, 0.0), (3.0, -0.0), (0.0, 0.0), (1.0e-10, 1.0e-12), (1.0e+200, -1.0e+199), (-0.007, 20.0)]> : tensor<9xcomplex<f64>>
  %atanh = chlo.atanh %atanh_z : tensor<9xcomplex<f64>> -> tensor<9xcomplex<f64>>
  %atanh_expected = stablehlo.constant dense<[(0.14694666622552977, 1.3389725222944935), (-0.500370000052531, 0.3143981432077165), (0.014656210836880889, -1.3266799176095636), (-0.34657359027997264, 1.5707963267948966), (0.34657359027997264, -1.5707963267948966), (0.0, 0.0), (1.0e-10, 1.0e-12), (9.9009900990099e-201, -1.5707963267948966), (-1.7456356976265842e-05, 1.5208379371674425)]> : tensor<9xcomplex<f64>>
  stablehlo.custom_call @check.expect_close(%atanh, %atanh_expected) {has_side_effect = true} : (tensor<9xcomplex<f64>>, tensor<9xcomplex<f64>>) -> ()
  %atanh_z32 = stablehlo.constant dense<[(2.0, 3.0), (-0.5, 0.25), (0.25, -4.0), (-3.0, 0.0), (3.0, -0.0), (0.0, 0.0), (1.000000013351432e-10, 9.999999960041972e-13), (-0.007000000216066837, 20.0)]> : tensor<8xcomplex<f32>>
  %atanh32 = chlo.atanh %atanh_z32 : tensor<8xcomplex<f32>> -> tensor<8xcomplex<f32>>
  %atanh32_expected = stablehlo.constant dense<[(0.14694666862487793, 1.338972568511963), (-0.5003700256347656, 0.3143981397151947), (0.014656211249530315, -1.3266799449920654), (-0.3465735912322998, 1.5707963705062866), (0.3465735912322998, -1.5707963705062866), (0.0, 0.0), (1.000000013351432e-10, 9.999999960041972e-13), (-1.745635745464824e-05, 1.5208379030227661)]> : tensor<8xcomplex<f32>>
  stablehlo.custom_call @check.expect_close(%atanh32, %atanh32_expected) {has_side_effect = true} : (tensor<8xcomplex<f32>>, tensor<8xcomplex<f32>>) -> ()
  // chlo.cosh
  %cosh_z = stablehlo.constant dense<[(2.0, 3.0), (-0.5, 0.25), (0.25, -4.0), (-3.0, 0.0), (0.0, 0.0), (1.0e-10, 1.0e-12)]> : tensor<6xcomplex<f64>>
  %cosh = chlo.cosh %cosh_z : tensor<6xcomplex<f64>> -> tensor<6xcomplex<f64>>
  %cosh_expected = stablehlo.constant dense<[(-3.7245455049153224, 0.5118225699873846), (1.0925708047319176, -0.12892104172809826), (-0.6741765932114464, 0.19117763170593868), (10.067661995777765, -0.0), (1.0, 0.0), (1.0, 1.0e-22)]> : tensor<6xcomplex<f64>>
  stablehlo.custom_call @check.expect_close(%cosh, %cosh_expected) {has_side_effect = true} : (tensor<6xcomplex<f64>>, tensor<6xcomplex<f64>>) -> ()
  %cosh_z32 = stablehlo.constant dense<[(2.0, 3.0), (-0.5, 0.25), (0.25, -4.0), (-3.0, 0.0), (0.0, 0.0), (1.000000013351432e-10, 9.999999960041972e-13)]> : tensor<6xcomplex<f32>>
  %cosh32 = chlo.cosh %cosh_z32 : tensor<6xcomplex<f32>> -> tensor<6xcomplex<f32>>
  %cosh32_expected = stablehlo.constant dense<[(-3.724545478820801, 0.5118225812911987), (1.0925707817077637, -0.1289210468530655), (-0.6741765737533569, 0.191177636384964), (10.067662239074707, -0.0), (1.0, 0.0), (1.0, 1.000000031374395e-22)]> : tensor<6xcomplex<f32>>
  stablehlo.custom_call @check.expect_close(%cosh32, %cosh32_expected) {has_side_effect = true} : (tensor<6xcomplex<f32>>, tensor<6xcomplex<f32>>) -> ()
  // chlo.sinh
  %sinh_z = stablehlo.constant dense<[(2.0, 3.0), (-0.5, 0.25), (0.25, -4.0), (-3.0, 0.0), (0.0, 0.0), (1.0e-10, 1.0e-12)]> : tensor<6xcomplex<f64>>
  %sinh = chlo.sinh %sinh_z : tensor<6xcomplex<f64>> -> tensor<6xcomplex<f64>>
  %sinh_expected = stablehlo.constant dense<[(-3.59056458998578, 0.5309210862485197), (-0.504895714387995, 0.2789791283502615), (-0.16511842943323699, 0.7805760076821464), (-10.017874927409903, 0.0), (0.0, 0.0), (1.0e-10, 1.0e-12)]> : tensor<6xcomplex<f64>>
  stablehlo.custom_call @check.expect_close(%sinh, %sinh_expected) {has_side_effect = true} : (tensor<6xcomplex<f64>>, tensor<6xcomplex<f64>>) -> ()
  %sinh_z32 = stablehlo.constant dense<[(2.0, 3.0), (-0.5, 0.25), (0.25, -4.0), (-3.0, 0.0), (0.0, 0.0), (1.000000013351432e-10, 9.999999960041972e-13)]> : tensor<6xcomplex<f32>>
  %sinh32 = chlo.sinh %sinh_z32 : tensor<6xcomplex<f32>> -> tensor<6xcomplex<f32>>
  %sinh32_expected = stablehlo.constant dense<[(-3.590564489364624, 0.5309211015701294), (-0.5048956871032715, 0.2789791226387024), (-0.16511842608451843, 0.7805759906768799), (-10.017874717712402, 0.0), (0.0, 0.0), (1.000000013351432e-10, 9.999999960041972e-13)]> : tensor<6xcomplex<f32>>
  stablehlo.custom_call @check.expect_close(%sinh32, %sinh32_expected) {has_side_effect = true} : (tensor<6xcomplex<f32>>, tensor<6xcomplex<f32>>) -> ()
  // chlo.tan
  %tan_z = stablehlo.constant dense<[(2.0, 3.0), (-0.5, 0.25), (0.25, -4.0), (-3.0, 0.0), (0.0, 0.0), (1.0e-10, 1.0e-12), (1.5, -30.0)]> : tensor<7xcomplex<f64>>
  %tan = chlo.tan %tan_z : tensor<7xcomplex<f64>> -> tensor<7xcomplex<f64>>
  %tan_expected = stablehlo.constant dense<[(-0.0037640256415042484, 1.0032386273536096), (-0.504500702698564, 0.3124206925025888), (0.00032146938724942286, -0.9994113292958511), (0.1425465430742778, 0.0), (0.0, 0.0), (1.0e-10, 1.0e-12), (2.4714377388160938e-27, -1.0)]> : tensor<7xcomplex<f64>>
  stablehlo.custom_call @check.expect_close(%tan, %tan_expected) {has_side_effect = true} : (tensor<7xcomplex<f64>>, tensor<7xcomplex<f64>>) -> ()
  %tan_z32 = stablehlo.constant dense<[(2.0, 3.0), (-0.5, 0.25), (0.25, -4.0), (-3.0, 0.0), (0.0, 0.0), (1.000000013351432e-10, 9.999999960041972e-13), (1.5, -30.0)]> : tensor<7xcomplex<f32>>
  %tan32 = chlo.tan %tan_z32 : tensor<7xcomplex<f32>> -> tensor<7xcomplex<f32>>
  %tan32_expected = stablehlo.constant dense<[(-0.0037640256341546774, 1.0032386779785156), (-0.504500687122345, 0.31242069602012634), (0.0003214693861082196, -0.9994113445281982), (0.14254654943943024, 0.0), (0.0, 0.0), (1.000000013351432e-10, 9.999999960041972e-13), (2.4714376603692652e-27, -1.0)]> : tensor<7xcomplex<f32>>
  stablehlo.custom_call @check.expect_close(%tan32, %tan32_expected) {has_side_effect = true} : (tensor<7xcomplex<f32>>, tensor<7xcomplex<f32>>) -> ()
  return
}
