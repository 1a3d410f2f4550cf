// RUN: yat-run %s
// triangular_solve and fft on hand-computed cases, checked by the module
// itself. The solves use a with values in both triangles, so reading the
// wrong one shows; x is [1, 2, 3] throughout and b = op(a) x (or x op(a)).
func.func @main() {
  %a = stablehlo.constant dense<[[2.0, 7.0, 9.0], [1.0, 4.0, 8.0], [3.0, -1.0, 5.0]]> : tensor<3x3xf32>
  %x = stablehlo.constant dense<[[1.0], [2.0], [3.0]]> : tensor<3x1xf32>
  %x_row = stablehlo.constant dense<[[1.0, 2.0, 3.0]]> : tensor<1x3xf32>

  // L x = b: forward substitution.
  %b1 = stablehlo.constant dense<[[2.0], [9.0], [16.0]]> : tensor<3x1xf32>
  %x1 = "stablehlo.triangular_solve"(%a, %b1) <{left_side = true, lower = true, transpose_a = #stablehlo<transpose NO_TRANSPOSE>, unit_diagonal = false}> : (tensor<3x3xf32>, tensor<3x1xf32>) -> tensor<3x1xf32>
  stablehlo.custom_call @check.expect_close(%x1, %x) {has_side_effect = true} : (tensor<3x1xf32>, tensor<3x1xf32>) -> ()
  // U x = b: backward substitution.
  %b2 = stablehlo.constant dense<[[43.0], [32.0], [15.0]]> : tensor<3x1xf32>
  %x2 = "stablehlo.triangular_solve"(%a, %b2) <{left_side = true, lower = false, transpose_a = #stablehlo<transpose NO_TRANSPOSE>, unit_diagonal = false}> : (tensor<3x3xf32>, tensor<3x1xf32>) -> tensor<3x1xf32>
  stablehlo.custom_call @check.expect_close(%x2, %x) {has_side_effect = true} : (tensor<3x1xf32>, tensor<3x1xf32>) -> ()
  // L^T x = b.
  %b3 = stablehlo.constant dense<[[13.0], [5.0], [15.0]]> : tensor<3x1xf32>
  %x3 = "stablehlo.triangular_solve"(%a, %b3) <{left_side = true, lower = true, transpose_a = #stablehlo<transpose TRANSPOSE>, unit_diagonal = false}> : (tensor<3x3xf32>, tensor<3x1xf32>) -> tensor<3x1xf32>
  stablehlo.custom_call @check.expect_close(%x3, %x) {has_side_effect = true} : (tensor<3x1xf32>, tensor<3x1xf32>) -> ()
  // x L = b, with x a row.
  %b4 = stablehlo.constant dense<[[13.0, 5.0, 15.0]]> : tensor<1x3xf32>
  %x4 = "stablehlo.triangular_solve"(%a, %b4) <{left_side = false, lower = true, transpose_a = #stablehlo<transpose NO_TRANSPOSE>, unit_diagonal = false}> : (tensor<3x3xf32>, tensor<1x3xf32>) -> tensor<1x3xf32>
  stablehlo.custom_call @check.expect_close(%x4, %x_row) {has_side_effect = true} : (tensor<1x3xf32>, tensor<1x3xf32>) -> ()
  // x U^T = b.
  %b5 = stablehlo.constant dense<[[43.0, 32.0, 15.0]]> : tensor<1x3xf32>
  %x5 = "stablehlo.triangular_solve"(%a, %b5) <{left_side = false, lower = false, transpose_a = #stablehlo<transpose TRANSPOSE>, unit_diagonal = false}> : (tensor<3x3xf32>, tensor<1x3xf32>) -> tensor<1x3xf32>
  stablehlo.custom_call @check.expect_close(%x5, %x_row) {has_side_effect = true} : (tensor<1x3xf32>, tensor<1x3xf32>) -> ()
  // L x = b with a unit diagonal (a's diagonal is not read), in bf16.
  %a_bf16 = stablehlo.convert %a : (tensor<3x3xf32>) -> tensor<3x3xbf16>
  %b6 = stablehlo.constant dense<[[1.0], [3.0], [4.0]]> : tensor<3x1xbf16>
  %x6 = "stablehlo.triangular_solve"(%a_bf16, %b6) <{left_side = true, lower = true, transpose_a = #stablehlo<transpose NO_TRANSPOSE>, unit_diagonal = true}> : (tensor<3x3xbf16>, tensor<3x1xbf16>) -> tensor<3x1xbf16>
  %x_bf16 = stablehlo.convert %x : (tensor<3x1xf32>) -> tensor<3x1xbf16>
  stablehlo.custom_call @check.expect_close(%x6, %x_bf16) {has_side_effect = true} : (tensor<3x1xbf16>, tensor<3x1xbf16>) -> ()
  // A batch of two 2x2 lower systems.
  %a7 = stablehlo.constant dense<[[[2.0, 5.0], [1.0, 4.0]], [[1.0, 5.0], [3.0, 2.0]]]> : tensor<2x2x2xf64>
  %b7 = stablehlo.constant dense<[[[2.0], [9.0]], [[3.0], [7.0]]]> : tensor<2x2x1xf64>
  %x7 = "stablehlo.triangular_solve"(%a7, %b7) <{left_side = true, lower = true, transpose_a = #stablehlo<transpose NO_TRANSPOSE>, unit_diagonal = false}> : (tensor<2x2x2xf64>, tensor<2x2x1xf64>) -> tensor<2x2x1xf64>
  %x7_expected = stablehlo.constant dense<[[[1.0], [2.0]], [[3.0], [-1.0]]]> : tensor<2x2x1xf64>
  stablehlo.custom_call @check.expect_close(%x7, %x7_expected) {has_side_effect = true} : (tensor<2x2x1xf64>, tensor<2x2x1xf64>) -> ()
  // conj(L)^T x = b on complex numbers: L = [[1+i, _], [2, 1-i]],
  // x = [1, i].
  %a8 = stablehlo.constant dense<[[(1.0, 1.0), (9.0, 9.0)], [(2.0, 0.0), (1.0, -1.0)]]> : tensor<2x2xcomplex<f32>>
  %b8 = stablehlo.constant dense<[[(1.0, 1.0)], [(-1.0, 1.0)]]> : tensor<2x1xcomplex<f32>>
  %x8 = "stablehlo.triangular_solve"(%a8, %b8) <{left_side = true, lower = true, transpose_a = #stablehlo<transpose ADJOINT>, unit_diagonal = false}> : (tensor<2x2xcomplex<f32>>, tensor<2x1xcomplex<f32>>) -> tensor<2x1xcomplex<f32>>
  %x8_expected = stablehlo.constant dense<[[(1.0, 0.0)], [(0.0, 1.0)]]> : tensor<2x1xcomplex<f32>>
  stablehlo.custom_call @check.expect_close(%x8, %x8_expected) {has_side_effect = true} : (tensor<2x1xcomplex<f32>>, tensor<2x1xcomplex<f32>>) -> ()

  // FFT of [1, 2, 3, 4] and of [0, 1, 0, 0] (a batch of two), and back.
  %signal = stablehlo.constant dense<[[(1.0, 0.0), (2.0, 0.0), (3.0, 0.0), (4.0, 0.0)], [(0.0, 0.0), (1.0, 0.0), (0.0, 0.0), (0.0, 0.0)]]> : tensor<2x4xcomplex<f32>>
  %spectrum = stablehlo.fft %signal, type = FFT, length = [4] : (tensor<2x4xcomplex<f32>>) -> tensor<2x4xcomplex<f32>>
  %spectrum_expected = stablehlo.constant dense<[[(10.0, 0.0), (-2.0, 2.0), (-2.0, 0.0), (-2.0, -2.0)], [(1.0, 0.0), (0.0, -1.0), (-1.0, 0.0), (0.0, 1.0)]]> : tensor<2x4xcomplex<f32>>
  stablehlo.custom_call @check.expect_close(%spectrum, %spectrum_expected) {has_side_effect = true} : (tensor<2x4xcomplex<f32>>, tensor<2x4xcomplex<f32>>) -> ()
  %back = stablehlo.fft %spectrum_expected, type = IFFT, length = [4] : (tensor<2x4xcomplex<f32>>) -> tensor<2x4xcomplex<f32>>
  stablehlo.custom_call @check.expect_close(%back, %signal) {has_side_effect = true} : (tensor<2x4xcomplex<f32>>, tensor<2x4xcomplex<f32>>) -> ()
  // 2-d FFT of [[1, 2], [3, 4]].
  %square = stablehlo.constant dense<[[(1.0, 0.0), (2.0, 0.0)], [(3.0, 0.0), (4.0, 0.0)]]> : tensor<2x2xcomplex<f64>>
  %square_spectrum = stablehlo.fft %square, type = FFT, length = [2, 2] : (tensor<2x2xcomplex<f64>>) -> tensor<2x2xcomplex<f64>>
  %square_expected = stablehlo.constant dense<[[(10.0, 0.0), (-2.0, 0.0)], [(-4.0, 0.0), (0.0, 0.0)]]> : tensor<2x2xcomplex<f64>>
  stablehlo.custom_call @check.expect_close(%square_spectrum, %square_expected) {has_side_effect = true} : (tensor<2x2xcomplex<f64>>, tensor<2x2xcomplex<f64>>) -> ()
  // RFFT keeps n / 2 + 1 values, for an even and an odd length; IRFFT
  // goes back.
  %even = stablehlo.constant dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>
  %even_half = stablehlo.fft %even, type = RFFT, length = [4] : (tensor<4xf32>) -> tensor<3xcomplex<f32>>
  %even_half_expected = stablehlo.constant dense<[(10.0, 0.0), (-2.0, 2.0), (-2.0, 0.0)]> : tensor<3xcomplex<f32>>
  stablehlo.custom_call @check.expect_close(%even_half, %even_half_expected) {has_side_effect = true} : (tensor<3xcomplex<f32>>, tensor<3xcomplex<f32>>) -> ()
  %even_back = stablehlo.fft %even_half_expected, type = IRFFT, length = [4] : (tensor<3xcomplex<f32>>) -> tensor<4xf32>
  stablehlo.custom_call @check.expect_close(%even_back, %even) {has_side_effect = true} : (tensor<4xf32>, tensor<4xf32>) -> ()
  %odd = stablehlo.constant dense<[1.0, 2.0, 3.0]> : tensor<3xf64>
  %odd_half = stablehlo.fft %odd, type = RFFT, length = [3] : (tensor<3xf64>) -> tensor<2xcomplex<f64>>
  %odd_half_expected = stablehlo.constant dense<[(6.0, 0.0), (-1.5, 0.8660254037844386)]> : tensor<2xcomplex<f64>>
  stablehlo.custom_call @check.expect_close(%odd_half, %odd_half_expected) {has_side_effect = true} : (tensor<2xcomplex<f64>>, tensor<2xcomplex<f64>>) -> ()
  %odd_back = stablehlo.fft %odd_half_expected, type = IRFFT, length = [3] : (tensor<2xcomplex<f64>>) -> tensor<3xf64>
  stablehlo.custom_call @check.expect_close(%odd_back, %odd) {has_side_effect = true} : (tensor<3xf64>, tensor<3xf64>) -> ()
  return
}
