// RUN: yat-opt %s -split-input-file -convert-stablehlo-to-linalg | FileCheck %s

// triangular_solve is a loop nest over the batch and the columns of b,
// then a forward substitution for a lower a: unknown i subtracts the
// products with unknowns 0..i-1 from b and divides by a[i, i]. bf16
// solves in f32 and rounds once at the end.
// CHECK-LABEL: func.func @solve_lower
// CHECK-SAME: (%[[A:.*]]: tensor<2x3x3xbf16>, %[[B:.*]]: tensor<2x3x4xbf16>)
// CHECK: %[[EMPTY:.*]] = tensor.empty() : tensor<2x3x4xf32>
// CHECK: scf.for %[[BATCH:.*]] = %{{.*}} to %{{.*}} iter_args(%{{.*}} = %[[EMPTY]])
// CHECK: scf.for %[[COL:.*]] = %{{.*}} to %{{.*}} iter_args
// CHECK: %[[SOLVED:.*]] = scf.for %[[I:.*]] = %{{.*}} to %{{.*}} step %{{.*}} iter_args(%[[X:.*]] = %{{.*}})
// CHECK: %[[RHS:.*]] = tensor.extract %[[B]][%[[BATCH]], %[[I]], %[[COL]]]
// CHECK: %[[RHS32:.*]] = arith.extf %[[RHS]] : bf16 to f32
// CHECK: %[[DOT:.*]] = scf.for %[[J:.*]] = %{{.*}} to %[[I]] step %{{.*}} iter_args(%[[ACC:.*]] = %[[RHS32]]) -> (f32)
// CHECK: %[[KNOWN:.*]] = tensor.extract %[[X]][%[[BATCH]], %[[J]], %[[COL]]]
// CHECK: %[[AIJ:.*]] = tensor.extract %[[A]][%[[BATCH]], %[[I]], %[[J]]]
// CHECK: %[[AIJ32:.*]] = arith.extf %[[AIJ]]
// CHECK: %[[PRODUCT:.*]] = arith.mulf %[[AIJ32]], %[[KNOWN]]
// CHECK: arith.subf %[[ACC]], %[[PRODUCT]]
// CHECK: %[[AII:.*]] = tensor.extract %[[A]][%[[BATCH]], %[[I]], %[[I]]]
// CHECK: %[[AII32:.*]] = arith.extf %[[AII]]
// CHECK: %[[VALUE:.*]] = arith.divf %[[DOT]], %[[AII32]]
// CHECK: tensor.insert %[[VALUE]] into %[[X]][%[[BATCH]], %[[I]], %[[COL]]]
// CHECK: linalg.generic
// CHECK: arith.truncf %{{.*}} : f32 to bf16
func.func @solve_lower(%a: tensor<2x3x3xbf16>, %b: tensor<2x3x4xbf16>) -> tensor<2x3x4xbf16> {
  %0 = "stablehlo.triangular_solve"(%a, %b) <{left_side = true, lower = true, transpose_a = #stablehlo<transpose NO_TRANSPOSE>, unit_diagonal = false}> : (tensor<2x3x3xbf16>, tensor<2x3x4xbf16>) -> tensor<2x3x4xbf16>
  return %0 : tensor<2x3x4xbf16>
}

// -----

// x conj(L)^T = b (a on the right, ADJOINT) is conj(L) x^T = b^T: a
// forward substitution along the rows of b that reads a[i, j] conjugated;
// a unit diagonal divides by nothing.
// CHECK-LABEL: func.func @solve_right_adjoint
// CHECK-SAME: (%[[A:.*]]: tensor<3x3xcomplex<f32>>, %[[B:.*]]: tensor<4x3xcomplex<f32>>)
// CHECK: scf.for %[[ROW:.*]] = %{{.*}} to %{{.*}} iter_args
// CHECK: scf.for %[[I:.*]] = %{{.*}} to %{{.*}} step %{{.*}} iter_args(%[[X:.*]] = %{{.*}})
// CHECK: %[[RHS:.*]] = tensor.extract %[[B]][%[[ROW]], %[[I]]]
// CHECK: %[[DOT:.*]] = scf.for %[[J:.*]] = %{{.*}} to %[[I]] step %{{.*}} iter_args(%[[ACC:.*]] = %[[RHS]]) -> (complex<f32>)
// CHECK: %[[KNOWN:.*]] = tensor.extract %[[X]][%[[ROW]], %[[J]]]
// CHECK: %[[AIJ:.*]] = tensor.extract %[[A]][%[[I]], %[[J]]]
// CHECK: %[[CONJ:.*]] = complex.conj %[[AIJ]]
// CHECK: %[[PRODUCT:.*]] = complex.mul %[[CONJ]], %[[KNOWN]]
// CHECK: complex.sub %[[ACC]], %[[PRODUCT]]
// CHECK-NOT: complex.div
// CHECK: tensor.insert %[[DOT]] into %[[X]][%[[ROW]], %[[I]]]
func.func @solve_right_adjoint(%a: tensor<3x3xcomplex<f32>>, %b: tensor<4x3xcomplex<f32>>) -> tensor<4x3xcomplex<f32>> {
  %0 = "stablehlo.triangular_solve"(%a, %b) <{left_side = false, lower = true, transpose_a = #stablehlo<transpose ADJOINT>, unit_diagonal = true}> : (tensor<3x3xcomplex<f32>>, tensor<4x3xcomplex<f32>>) -> tensor<4x3xcomplex<f32>>
  return %0 : tensor<4x3xcomplex<f32>>
}

// -----

// RFFT of length [3, 8]: the real-to-half DFT along the last dim (in f64,
// 8 inputs to 5 outputs, weights e^{-2πi (n k mod 8)/8}), then a full DFT
// along dim 1, then the conversion to complex<f32>. (The maps print
// above the function.)
// CHECK-DAG: #[[$IN_LAST:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d3)>
// CHECK-DAG: #[[$OUT:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>
// CHECK-DAG: #[[$IN_MID:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d3, d2)>
// CHECK-LABEL: func.func @rfft
// CHECK: %[[WIDE:.*]] = linalg.generic {{.*}} ins(%{{.*}} : tensor<2x3x8xf32>) outs(%{{.*}} : tensor<2x3x8xf64>)
// CHECK: %[[HALF:.*]] = linalg.generic {indexing_maps = [#[[$IN_LAST]], #[[$OUT]]], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%[[WIDE]] : tensor<2x3x8xf64>) outs(%{{.*}} : tensor<2x3x5xcomplex<f64>>)
// CHECK: %[[N:.*]] = linalg.index 3
// CHECK: %[[K:.*]] = linalg.index 2
// CHECK: %[[NK:.*]] = arith.muli %[[N]], %[[K]]
// CHECK: arith.remui %[[NK]], %c8
// CHECK: math.cos
// CHECK: math.sin
// CHECK: arith.negf
// CHECK: %[[FULL:.*]] = linalg.generic {indexing_maps = [#[[$IN_MID]], #[[$OUT]]], {{.*}} ins(%[[HALF]] : tensor<2x3x5xcomplex<f64>>) outs(%{{.*}} : tensor<2x3x5xcomplex<f64>>)
// CHECK: arith.remui %{{.*}}, %c3
// CHECK: linalg.generic {{.*}} ins(%[[FULL]] : tensor<2x3x5xcomplex<f64>>) outs(%{{.*}} : tensor<2x3x5xcomplex<f32>>)
func.func @rfft(%x: tensor<2x3x8xf32>) -> tensor<2x3x5xcomplex<f32>> {
  %0 = stablehlo.fft %x, type = RFFT, length = [3, 8] : (tensor<2x3x8xf32>) -> tensor<2x3x5xcomplex<f32>>
  return %0 : tensor<2x3x5xcomplex<f32>>
}

// -----

// IRFFT of length 8 from the 5 values of the half spectrum: x[n] =
// Re(X[k]) cos - Im(X[k]) sin, weighted c_k / 8 with c_k = 1 for k = 0 and
// k = 4, 2 otherwise.
// CHECK-LABEL: func.func @irfft
// CHECK: linalg.generic {{.*}} iterator_types = ["parallel", "reduction"]} ins(%{{.*}} : tensor<5xcomplex<f64>>) outs(%{{.*}} : tensor<8xf64>)
// CHECK: %[[K:.*]] = linalg.index 1
// CHECK: %[[TWICE:.*]] = arith.addi %[[K]], %[[K]]
// CHECK: %[[IS_ZERO:.*]] = arith.cmpi eq, %[[K]]
// CHECK: %[[IS_NYQUIST:.*]] = arith.cmpi eq, %[[TWICE]], %c8
// CHECK: %[[SINGLE:.*]] = arith.ori %[[IS_ZERO]], %[[IS_NYQUIST]]
// CHECK: arith.select %[[SINGLE]], %{{.*}}, %{{.*}} : f64
// CHECK: %[[RE:.*]] = complex.re
// CHECK: %[[IM:.*]] = complex.im
// CHECK: arith.subf
func.func @irfft(%z: tensor<5xcomplex<f64>>) -> tensor<8xf64> {
  %0 = stablehlo.fft %z, type = IRFFT, length = [8] : (tensor<5xcomplex<f64>>) -> tensor<8xf64>
  return %0 : tensor<8xf64>
}
