// RUN: yat-opt %s -split-input-file -convert-yat-to-linalg | FileCheck %s

// f16 with gamma and a dynamic dim: Σ x² in f32 over the last dim, a row-wise
// sqrt(Σ x² / K + epsilon), then x / rms · gamma truncated once.

// CHECK-DAG: #[[ID3:.*]] = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
// CHECK-DAG: #[[ROW3:.*]] = affine_map<(d0, d1, d2) -> (d0, d1)>
// CHECK-DAG: #[[ID2:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[LAST:.*]] = affine_map<(d0, d1, d2) -> (d2)>
// CHECK-LABEL: func.func @rms_norm_f16
// CHECK-SAME: (%[[X:.*]]: tensor<2x?x8xf16>, %[[G:.*]]: tensor<8xf16>)
// CHECK: %[[T:.*]] = tensor.dim %[[X]], %{{.*}} : tensor<2x?x8xf16>
// CHECK: %[[K:.*]] = arith.constant 8.000000e+00 : f32
// CHECK: %[[SS:.*]] = linalg.generic {indexing_maps = [#[[ID3]], #[[ROW3]]], iterator_types = ["parallel", "parallel", "reduction"]}
// CHECK-SAME: ins(%[[X]] : tensor<2x?x8xf16>) outs(%{{.*}} : tensor<2x?xf32>)
// CHECK: %[[XE:.*]] = arith.extf %{{.*}} : f16 to f32
// CHECK: arith.mulf %[[XE]], %[[XE]] : f32
// CHECK: %[[RMSINIT:.*]] = tensor.empty(%[[T]]) : tensor<2x?xf32>
// CHECK: %[[RMS:.*]] = linalg.generic {indexing_maps = [#[[ID2]], #[[ID2]]], iterator_types = ["parallel", "parallel"]}
// CHECK-SAME: ins(%[[SS]] : tensor<2x?xf32>) outs(%[[RMSINIT]] : tensor<2x?xf32>)
// CHECK: ^bb0(%[[SUM:.*]]: f32, %{{.*}}: f32):
// CHECK: %[[MEAN:.*]] = arith.divf %[[SUM]], %[[K]] : f32
// CHECK: %[[EPS:.*]] = arith.constant 9.99999974E-6 : f32
// CHECK: %[[SHIFTED:.*]] = arith.addf %[[MEAN]], %[[EPS]] : f32
// CHECK: %[[ROOT:.*]] = math.sqrt %[[SHIFTED]] : f32
// CHECK: linalg.yield %[[ROOT]] : f32
// CHECK: %[[INIT:.*]] = tensor.empty(%[[T]]) : tensor<2x?x8xf16>
// CHECK: %[[Y:.*]] = linalg.generic {indexing_maps = [#[[ID3]], #[[ROW3]], #[[LAST]], #[[ID3]]], iterator_types = ["parallel", "parallel", "parallel"]}
// CHECK-SAME: ins(%[[X]], %[[RMS]], %[[G]] : tensor<2x?x8xf16>, tensor<2x?xf32>, tensor<8xf16>) outs(%[[INIT]] : tensor<2x?x8xf16>)
// CHECK: ^bb0(%[[XV:.*]]: f16, %[[RV:.*]]: f32, %[[GV:.*]]: f16, %{{.*}}: f16):
// CHECK: %[[XV32:.*]] = arith.extf %[[XV]] : f16 to f32
// CHECK: %[[NORMED:.*]] = arith.divf %[[XV32]], %[[RV]] : f32
// CHECK: %[[GV32:.*]] = arith.extf %[[GV]] : f16 to f32
// CHECK: %[[SCALED:.*]] = arith.mulf %[[NORMED]], %[[GV32]] : f32
// CHECK: %[[ROUNDED:.*]] = arith.truncf %[[SCALED]] : f32 to f16
// CHECK: linalg.yield %[[ROUNDED]] : f16
// CHECK: return %[[Y]] : tensor<2x?x8xf16>
func.func @rms_norm_f16(%x: tensor<2x?x8xf16>, %g: tensor<8xf16>) -> tensor<2x?x8xf16> {
  %y = yat.rms_norm %x, %g {epsilon = 1.0e-05 : f32} : (tensor<2x?x8xf16>, tensor<8xf16>) -> tensor<2x?x8xf16>
  return %y : tensor<2x?x8xf16>
}

// -----

// Without gamma and with a dynamic K (the mean divides by K converted from
// tensor.dim), f32: no multiply after the division, no extension.

// CHECK-LABEL: func.func @rms_norm_dynamic_k
// CHECK-SAME: (%[[X:.*]]: tensor<4x?xf32>)
// CHECK: %[[KDIM:.*]] = tensor.dim %[[X]], %{{.*}} : tensor<4x?xf32>
// CHECK: %[[KINT:.*]] = arith.index_castui %[[KDIM]] : index to i64
// CHECK: %[[K:.*]] = arith.uitofp %[[KINT]] : i64 to f32
// CHECK: arith.divf %{{.*}}, %[[K]] : f32
// CHECK: %[[Y:.*]] = linalg.generic {{.*}} ins(%[[X]], %{{.*}} : tensor<4x?xf32>, tensor<4xf32>)
// CHECK: %[[NORMED:.*]] = arith.divf
// CHECK-NEXT: linalg.yield %[[NORMED]] : f32
// CHECK: return %[[Y]] : tensor<4x?xf32>
func.func @rms_norm_dynamic_k(%x: tensor<4x?xf32>) -> tensor<4x?xf32> {
  %y = yat.rms_norm %x : (tensor<4x?xf32>) -> tensor<4x?xf32>
  return %y : tensor<4x?xf32>
}

// -----

// A rank-1 x reduces to a 0-d tensor.

// CHECK-LABEL: func.func @rms_norm_rank1
// CHECK: %[[SS:.*]] = linalg.generic {{.*}} iterator_types = ["reduction"]} ins(%{{.*}} : tensor<16xbf16>) outs(%{{.*}} : tensor<f32>)
// CHECK: %[[RMS:.*]] = linalg.generic {{.*}} iterator_types = []} ins(%[[SS]] : tensor<f32>) outs(%{{.*}} : tensor<f32>)
// CHECK: linalg.generic {{.*}} ins(%{{.*}}, %[[RMS]] : tensor<16xbf16>, tensor<f32>) outs(%{{.*}} : tensor<16xbf16>)
// CHECK: arith.truncf %{{.*}} : f32 to bf16
func.func @rms_norm_rank1(%x: tensor<16xbf16>) -> tensor<16xbf16> {
  %y = yat.rms_norm %x : (tensor<16xbf16>) -> tensor<16xbf16>
  return %y : tensor<16xbf16>
}
