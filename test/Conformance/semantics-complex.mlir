// RUN: yat-run %s
// Complex numbers on hand-computed cases, checked by the module itself:
// arithmetic, parts, conversions, comparison, a contraction and a
// reduction, and data movement of complex tensors.
func.func @main() {
  %a = stablehlo.constant dense<[(1.0, 2.0), (3.0, -1.0)]> : tensor<2xcomplex<f32>>
  %b = stablehlo.constant dense<[(0.0, 1.0), (2.0, 2.0)]> : tensor<2xcomplex<f32>>
  // (1+2i)(i) = -2+i; (3-i)(2+2i) = 8+4i.
  %mul = stablehlo.multiply %a, %b : tensor<2xcomplex<f32>>
  %mul_expected = stablehlo.constant dense<[(-2.0, 1.0), (8.0, 4.0)]> : tensor<2xcomplex<f32>>
  stablehlo.custom_call @check.expect_eq(%mul, %mul_expected) {has_side_effect = true} : (tensor<2xcomplex<f32>>, tensor<2xcomplex<f32>>) -> ()
  // (1+2i)/i = 2-i; (3-i)/(2+2i) = (3-i)(2-2i)/8 = (4-8i)/8 = 0.5-i.
  %div = stablehlo.divide %a, %b : tensor<2xcomplex<f32>>
  %div_expected = stablehlo.constant dense<[(2.0, -1.0), (0.5, -1.0)]> : tensor<2xcomplex<f32>>
  stablehlo.custom_call @check.expect_close(%div, %div_expected) {has_side_effect = true} : (tensor<2xcomplex<f32>>, tensor<2xcomplex<f32>>) -> ()
  %re = stablehlo.real %a : (tensor<2xcomplex<f32>>) -> tensor<2xf32>
  %im = stablehlo.imag %a : (tensor<2xcomplex<f32>>) -> tensor<2xf32>
  %re_expected = stablehlo.constant dense<[1.0, 3.0]> : tensor<2xf32>
  %im_expected = stablehlo.constant dense<[2.0, -1.0]> : tensor<2xf32>
  stablehlo.custom_call @check.expect_eq(%re, %re_expected) {has_side_effect = true} : (tensor<2xf32>, tensor<2xf32>) -> ()
  stablehlo.custom_call @check.expect_eq(%im, %im_expected) {has_side_effect = true} : (tensor<2xf32>, tensor<2xf32>) -> ()
  // conj through complex(re, -im); equality with NE.
  %neg_im = stablehlo.negate %im : tensor<2xf32>
  %conj = stablehlo.complex %re, %neg_im : tensor<2xcomplex<f32>>
  %conj_expected = stablehlo.constant dense<[(1.0, -2.0), (3.0, 1.0)]> : tensor<2xcomplex<f32>>
  stablehlo.custom_call @check.expect_eq(%conj, %conj_expected) {has_side_effect = true} : (tensor<2xcomplex<f32>>, tensor<2xcomplex<f32>>) -> ()
  %ne = stablehlo.compare NE, %a, %conj : (tensor<2xcomplex<f32>>, tensor<2xcomplex<f32>>) -> tensor<2xi1>
  %ne_expected = stablehlo.constant dense<[true, true]> : tensor<2xi1>
  stablehlo.custom_call @check.expect_eq(%ne, %ne_expected) {has_side_effect = true} : (tensor<2xi1>, tensor<2xi1>) -> ()
  // Conversions: to f32 keeps the real part; from i32 the imaginary part
  // is 0; complex<f32> to complex<f64> widens both parts.
  %to_real = stablehlo.convert %a : (tensor<2xcomplex<f32>>) -> tensor<2xf32>
  stablehlo.custom_call @check.expect_eq(%to_real, %re_expected) {has_side_effect = true} : (tensor<2xf32>, tensor<2xf32>) -> ()
  %i = stablehlo.constant dense<[5, -7]> : tensor<2xi32>
  %from_int = stablehlo.convert %i : (tensor<2xi32>) -> tensor<2xcomplex<f64>>
  %from_int_expected = stablehlo.constant dense<[(5.0, 0.0), (-7.0, 0.0)]> : tensor<2xcomplex<f64>>
  stablehlo.custom_call @check.expect_eq(%from_int, %from_int_expected) {has_side_effect = true} : (tensor<2xcomplex<f64>>, tensor<2xcomplex<f64>>) -> ()
  // exp(i pi/2) = i.
  %half_pi = stablehlo.constant dense<(0.0, 1.5707963267948966)> : tensor<complex<f64>>
  %exp = stablehlo.exponential %half_pi : tensor<complex<f64>>
  %exp_expected = stablehlo.constant dense<(6.123233995736766E-17, 1.0)> : tensor<complex<f64>>
  stablehlo.custom_call @check.expect_close(%exp, %exp_expected) {has_side_effect = true} : (tensor<complex<f64>>, tensor<complex<f64>>) -> ()
  // Dot product (a · b, no conjugation) = (-2+i) + (8+4i) = 6+5i, and the
  // same as a reduction of the products.
  %dot = stablehlo.dot_general %a, %b, contracting_dims = [0] x [0] : (tensor<2xcomplex<f32>>, tensor<2xcomplex<f32>>) -> tensor<complex<f32>>
  %dot_expected = stablehlo.constant dense<(6.0, 5.0)> : tensor<complex<f32>>
  stablehlo.custom_call @check.expect_eq(%dot, %dot_expected) {has_side_effect = true} : (tensor<complex<f32>>, tensor<complex<f32>>) -> ()
  %zero = stablehlo.constant dense<(0.0, 0.0)> : tensor<complex<f32>>
  %sum = stablehlo.reduce(%mul init: %zero) applies stablehlo.add across dimensions = [0] : (tensor<2xcomplex<f32>>, tensor<complex<f32>>) -> tensor<complex<f32>>
  stablehlo.custom_call @check.expect_eq(%sum, %dot_expected) {has_side_effect = true} : (tensor<complex<f32>>, tensor<complex<f32>>) -> ()
  // Data movement: reverse and concatenate.
  %rev = stablehlo.reverse %a, dims = [0] : tensor<2xcomplex<f32>>
  %cat = stablehlo.concatenate %a, %rev, dim = 0 : (tensor<2xcomplex<f32>>, tensor<2xcomplex<f32>>) -> tensor<4xcomplex<f32>>
  %cat_expected = stablehlo.constant dense<[(1.0, 2.0), (3.0, -1.0), (3.0, -1.0), (1.0, 2.0)]> : tensor<4xcomplex<f32>>
  stablehlo.custom_call @check.expect_eq(%cat, %cat_expected) {has_side_effect = true} : (tensor<4xcomplex<f32>>, tensor<4xcomplex<f32>>) -> ()
  return
}
