// RUN: yat-run %s
// The CHLO special functions against values from Python's math module and
// scipy.special (float64, rounded to the element type), checked by the
// module itself: the library functions, lgamma and digamma at and between
// their poles, erf_inv, bessel_i1e on both sides of its series/asymptotic
// switch, next_after.
func.func @main() {
  %x = stablehlo.constant dense<[0.5, 1.0]> : tensor<2xf32>
  %tan = chlo.tan %x : tensor<2xf32> -> tensor<2xf32>
  %tan_expected = stablehlo.constant dense<[0.546302489, 1.55740772]> : tensor<2xf32>
  stablehlo.custom_call @check.expect_close(%tan, %tan_expected) {has_side_effect = true} : (tensor<2xf32>, tensor<2xf32>) -> ()
  %sinh = chlo.sinh %x : tensor<2xf32> -> tensor<2xf32>
  %sinh_expected = stablehlo.constant dense<[0.521095305, 1.17520119]> : tensor<2xf32>
  stablehlo.custom_call @check.expect_close(%sinh, %sinh_expected) {has_side_effect = true} : (tensor<2xf32>, tensor<2xf32>) -> ()
  %cosh = chlo.cosh %x : tensor<2xf32> -> tensor<2xf32>
  %cosh_expected = stablehlo.constant dense<[1.12762597, 1.54308063]> : tensor<2xf32>
  stablehlo.custom_call @check.expect_close(%cosh, %cosh_expected) {has_side_effect = true} : (tensor<2xf32>, tensor<2xf32>) -> ()
  %asin = chlo.asin %x : tensor<2xf32> -> tensor<2xf32>
  %asin_expected = stablehlo.constant dense<[0.523598776, 1.57079633]> : tensor<2xf32>
  stablehlo.custom_call @check.expect_close(%asin, %asin_expected) {has_side_effect = true} : (tensor<2xf32>, tensor<2xf32>) -> ()
  %atan = chlo.atan %x : tensor<2xf32> -> tensor<2xf32>
  %atan_expected = stablehlo.constant dense<[0.463647609, 0.785398163]> : tensor<2xf32>
  stablehlo.custom_call @check.expect_close(%atan, %atan_expected) {has_side_effect = true} : (tensor<2xf32>, tensor<2xf32>) -> ()
  %asinh = chlo.asinh %x : tensor<2xf32> -> tensor<2xf32>
  %asinh_expected = stablehlo.constant dense<[0.481211825, 0.881373587]> : tensor<2xf32>
  stablehlo.custom_call @check.expect_close(%asinh, %asinh_expected) {has_side_effect = true} : (tensor<2xf32>, tensor<2xf32>) -> ()
  %atanh = chlo.atanh %x : tensor<2xf32> -> tensor<2xf32>
  %atanh_expected = stablehlo.constant dense<[0.549306144, 0x7F800000]> : tensor<2xf32>
  stablehlo.custom_call @check.expect_close(%atanh, %atanh_expected) {has_side_effect = true} : (tensor<2xf32>, tensor<2xf32>) -> ()
  %two = stablehlo.constant dense<[2.0, 1.0]> : tensor<2xf32>
  %acosh = chlo.acosh %two : tensor<2xf32> -> tensor<2xf32>
  %acosh_expected = stablehlo.constant dense<[1.31695790, 0.0]> : tensor<2xf32>
  stablehlo.custom_call @check.expect_close(%acosh, %acosh_expected) {has_side_effect = true} : (tensor<2xf32>, tensor<2xf32>) -> ()
  %erf = chlo.erf %x : tensor<2xf32> -> tensor<2xf32>
  %erf_expected = stablehlo.constant dense<[0.520499878, 0.842700793]> : tensor<2xf32>
  stablehlo.custom_call @check.expect_close(%erf, %erf_expected) {has_side_effect = true} : (tensor<2xf32>, tensor<2xf32>) -> ()
  %erfc = chlo.erfc %x : tensor<2xf32> -> tensor<2xf32>
  %erfc_expected = stablehlo.constant dense<[0.479500122, 0.157299207]> : tensor<2xf32>
  stablehlo.custom_call @check.expect_close(%erfc, %erfc_expected) {has_side_effect = true} : (tensor<2xf32>, tensor<2xf32>) -> ()

  // lgamma: log(sqrt(pi)), log(2 sqrt(pi)), 0, Γ(3.5), Γ(-2.5), a large
  // argument, and +inf at the poles 0 and -3.
  %g = stablehlo.constant dense<[0.5, -0.5, 1.0, 3.5, -2.5, 100.0, 0.0, -3.0]> : tensor<8xf64>
  %lgamma = chlo.lgamma %g : tensor<8xf64> -> tensor<8xf64>
  %lgamma_expected = stablehlo.constant dense<[0.5723649429247004, 1.265512123484645, 0.0, 1.2009736023470738, -0.05624371649767457, 359.1342053695754, 0x7FF0000000000000, 0x7FF0000000000000]> : tensor<8xf64>
  stablehlo.custom_call @check.expect_almost_eq(%lgamma, %lgamma_expected) {has_side_effect = true} : (tensor<8xf64>, tensor<8xf64>) -> ()
  %g32 = stablehlo.convert %g : (tensor<8xf64>) -> tensor<8xf32>
  %lgamma32 = chlo.lgamma %g32 : tensor<8xf32> -> tensor<8xf32>
  %lgamma32_expected = stablehlo.constant dense<[0.572364943, 1.26551212, 0.0, 1.20097360, -0.0562437165, 359.134205, 0x7F800000, 0x7F800000]> : tensor<8xf32>
  stablehlo.custom_call @check.expect_close(%lgamma32, %lgamma32_expected) {has_side_effect = true} : (tensor<8xf32>, tensor<8xf32>) -> ()

  // digamma: -γ at 1, near a pole (-3.0074804 in f32), NaN at the pole -3.
  %d = stablehlo.constant dense<[1.0, 0.5, -0.5, 10.0, -3.0074804, -3.0]> : tensor<6xf32>
  %digamma = chlo.digamma %d : tensor<6xf32> -> tensor<6xf32>
  %digamma_expected = stablehlo.constant dense<[-0.577215665, -1.96351003, 0.0364899740, 2.25175259, 134.916626, 0x7FC00000]> : tensor<6xf32>
  stablehlo.custom_call @check.expect_close(%digamma, %digamma_expected) {has_side_effect = true} : (tensor<6xf32>, tensor<6xf32>) -> ()

  %e = stablehlo.constant dense<[0.5, -0.9, 0.999, 0.0, 1.0, 2.0]> : tensor<6xf64>
  %erfinv = chlo.erf_inv %e : tensor<6xf64> -> tensor<6xf64>
  %erfinv_expected = stablehlo.constant dense<[0.4769362762044699, -1.1630871536766743, 2.326753765513524, 0.0, 0x7FF0000000000000, 0x7FF8000000000000]> : tensor<6xf64>
  stablehlo.custom_call @check.expect_close(%erfinv, %erfinv_expected) {has_side_effect = true} : (tensor<6xf64>, tensor<6xf64>) -> ()

  %i = stablehlo.constant dense<[1.0, -2.5, 40.0, 0.0]> : tensor<4xf64>
  %i1e = chlo.bessel_i1e %i : tensor<4xf64> -> tensor<4xf64>
  %i1e_expected = stablehlo.constant dense<[0.2079104153497085, -0.20658464953126654, 0.06248222907444206, 0.0]> : tensor<4xf64>
  stablehlo.custom_call @check.expect_close(%i1e, %i1e_expected) {has_side_effect = true} : (tensor<4xf64>, tensor<4xf64>) -> ()

  // next_after: one ulp up from 1, the smallest negative subnormal from 0,
  // y itself when equal, NaN with a NaN.
  %na = stablehlo.constant dense<[1.0, 0.0, 2.0, 1.0]> : tensor<4xf32>
  %nb = stablehlo.constant dense<[2.0, -1.0, 2.0, 0x7FC00000]> : tensor<4xf32>
  %next = chlo.next_after %na, %nb : tensor<4xf32>, tensor<4xf32> -> tensor<4xf32>
  %next_expected = stablehlo.constant dense<[1.00000012, -1.40129846E-45, 2.0, 0x7FC00000]> : tensor<4xf32>
  stablehlo.custom_call @check.expect_eq(%next, %next_expected) {has_side_effect = true} : (tensor<4xf32>, tensor<4xf32>) -> ()
  return
}
