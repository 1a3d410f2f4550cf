// RUN: yat-opt %s -split-input-file -convert-yat-to-linalg | FileCheck %s

// A rank-2 f32 product: dot as a linalg.matmul with transposed-w maps, the
// two norm reductions, and one epilogue with bias, epsilon and alpha.

// CHECK-DAG: #[[MK:.*]] = affine_map<(d0, d1, d2) -> (d0, d2)>
// CHECK-DAG: #[[NK:.*]] = affine_map<(d0, d1, d2) -> (d1, d2)>
// CHECK-DAG: #[[MN3:.*]] = affine_map<(d0, d1, d2) -> (d0, d1)>
// CHECK-DAG: #[[ID:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[ROW:.*]] = affine_map<(d0, d1) -> (d0)>
// CHECK-DAG: #[[COL:.*]] = affine_map<(d0, d1) -> (d1)>
// CHECK-LABEL: func.func @product_f32_bias_alpha
// CHECK-SAME: (%[[X:.*]]: tensor<8x16xf32>, %[[W:.*]]: tensor<4x16xf32>, %[[B:.*]]: tensor<4xf32>)
// CHECK: %[[ZERO:.*]] = linalg.fill {{.*}} -> tensor<8x4xf32>
// CHECK: %[[DOT:.*]] = linalg.matmul indexing_maps = [#[[MK]], #[[NK]], #[[MN3]]]
// CHECK-SAME: ins(%[[X]], %[[W]] : tensor<8x16xf32>, tensor<4x16xf32>) outs(%[[ZERO]] : tensor<8x4xf32>)
// CHECK: %[[XN:.*]] = linalg.generic {indexing_maps = [#[[ID]], #[[ROW]]], iterator_types = ["parallel", "reduction"]}
// CHECK-SAME: ins(%[[X]] : tensor<8x16xf32>)
// CHECK: arith.mulf
// CHECK: arith.addf
// CHECK: %[[WN:.*]] = linalg.generic {indexing_maps = [#[[ID]], #[[ROW]]], iterator_types = ["parallel", "reduction"]}
// CHECK-SAME: ins(%[[W]] : tensor<4x16xf32>)
// CHECK: %[[INIT:.*]] = tensor.empty() : tensor<8x4xf32>
// CHECK: %[[Y:.*]] = linalg.generic {indexing_maps = [#[[ID]], #[[ROW]], #[[COL]], #[[COL]], #[[ID]]], iterator_types = ["parallel", "parallel"]}
// CHECK-SAME: ins(%[[DOT]], %[[XN]], %[[WN]], %[[B]] : tensor<8x4xf32>, tensor<8xf32>, tensor<4xf32>, tensor<4xf32>) outs(%[[INIT]] : tensor<8x4xf32>)
// CHECK: ^bb0(%[[D:.*]]: f32, %[[XNV:.*]]: f32, %[[WNV:.*]]: f32, %[[BV:.*]]: f32, %{{.*}}: f32):
// CHECK: %[[NORMS:.*]] = arith.addf %[[XNV]], %[[WNV]] : f32
// CHECK: %[[TWO:.*]] = arith.constant 2.000000e+00 : f32
// CHECK: %[[TWICE:.*]] = arith.mulf %[[TWO]], %[[D]] : f32
// CHECK: %[[DIFF:.*]] = arith.subf %[[NORMS]], %[[TWICE]] : f32
// CHECK: %[[DIST:.*]] = arith.maximumf %[[DIFF]], %{{.*}} : f32
// CHECK: %[[SHIFTED:.*]] = arith.addf %[[D]], %[[BV]] : f32
// CHECK: %[[SQUARE:.*]] = arith.mulf %[[SHIFTED]], %[[SHIFTED]] : f32
// CHECK: %[[EPS:.*]] = arith.constant 1.000000e-03 : f32
// CHECK: %[[DEN:.*]] = arith.addf %[[DIST]], %[[EPS]] : f32
// CHECK: %[[RATIO:.*]] = arith.divf %[[SQUARE]], %[[DEN]] : f32
// CHECK: %[[ALPHA:.*]] = arith.constant 2.500000e+00 : f32
// CHECK: %[[SCALED:.*]] = arith.mulf %[[ALPHA]], %[[RATIO]] : f32
// CHECK: linalg.yield %[[SCALED]] : f32
// CHECK: return %[[Y]] : tensor<8x4xf32>
func.func @product_f32_bias_alpha(%x: tensor<8x16xf32>, %w: tensor<4x16xf32>, %b: tensor<4xf32>) -> tensor<8x4xf32> {
  %y = yat.product %x, %w, %b {alpha = 2.5 : f32, epsilon = 1.0e-03 : f32}
      : (tensor<8x16xf32>, tensor<4x16xf32>, tensor<4xf32>) -> tensor<8x4xf32>
  return %y : tensor<8x4xf32>
}

// -----

// f16 with batch dims: the contraction keeps them (no reshape), extends the
// operands to f32 inside the body, and the epilogue truncates once; alpha = 1
// adds no multiply.

// CHECK-DAG: #[[XMAP:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d3)>
// CHECK-DAG: #[[WMAP:.*]] = affine_map<(d0, d1, d2, d3) -> (d2, d3)>
// CHECK-DAG: #[[OMAP:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>
// CHECK-LABEL: func.func @product_f16_batched
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x16xf16>, %[[W:.*]]: tensor<4x16xf16>)
// CHECK-NOT: tensor.collapse_shape
// CHECK: %[[DOT:.*]] = linalg.generic {indexing_maps = [#[[XMAP]], #[[WMAP]], #[[OMAP]]], iterator_types = ["parallel", "parallel", "parallel", "reduction"]}
// CHECK-SAME: ins(%[[X]], %[[W]] : tensor<2x3x16xf16>, tensor<4x16xf16>) outs(%{{.*}} : tensor<2x3x4xf32>)
// CHECK: ^bb0(%[[XV:.*]]: f16, %[[WV:.*]]: f16, %[[ACC:.*]]: f32):
// CHECK: %[[XE:.*]] = arith.extf %[[XV]] : f16 to f32
// CHECK: %[[WE:.*]] = arith.extf %[[WV]] : f16 to f32
// CHECK: %[[PROD:.*]] = arith.mulf %[[XE]], %[[WE]] : f32
// CHECK: %[[SUM:.*]] = arith.addf %[[ACC]], %[[PROD]] : f32
// CHECK: linalg.yield %[[SUM]] : f32
// CHECK: %[[XN:.*]] = linalg.generic {{.*}} ins(%[[X]] : tensor<2x3x16xf16>) outs(%{{.*}} : tensor<2x3xf32>)
// CHECK: %[[WN:.*]] = linalg.generic {{.*}} ins(%[[W]] : tensor<4x16xf16>) outs(%{{.*}} : tensor<4xf32>)
// CHECK: %[[Y:.*]] = linalg.generic {{.*}} ins(%[[DOT]], %[[XN]], %[[WN]] : tensor<2x3x4xf32>, tensor<2x3xf32>, tensor<4xf32>) outs(%{{.*}} : tensor<2x3x4xf16>)
// CHECK: %[[RATIO:.*]] = arith.divf
// CHECK-NEXT: %[[ROUNDED:.*]] = arith.truncf %[[RATIO]] : f32 to f16
// CHECK-NEXT: linalg.yield %[[ROUNDED]] : f16
// CHECK: return %[[Y]] : tensor<2x3x4xf16>
func.func @product_f16_batched(%x: tensor<2x3x16xf16>, %w: tensor<4x16xf16>) -> tensor<2x3x4xf16> {
  %y = yat.product %x, %w : (tensor<2x3x16xf16>, tensor<4x16xf16>) -> tensor<2x3x4xf16>
  return %y : tensor<2x3x4xf16>
}

// -----

// Dynamic sizes are read with tensor.dim; bf16 operands and the bf16 bias are
// extended to f32.

// CHECK-LABEL: func.func @product_dynamic
// CHECK-SAME: (%[[X:.*]]: tensor<?x?x?xbf16>, %[[W:.*]]: tensor<?x?xbf16>, %[[B:.*]]: tensor<?xbf16>)
// CHECK-DAG: %[[B0:.*]] = tensor.dim %[[X]], %{{.*}} : tensor<?x?x?xbf16>
// CHECK-DAG: %[[B1:.*]] = tensor.dim %[[X]], %{{.*}} : tensor<?x?x?xbf16>
// CHECK-DAG: %[[N:.*]] = tensor.dim %[[W]], %{{.*}} : tensor<?x?xbf16>
// CHECK: %[[DOTINIT:.*]] = tensor.empty(%[[B0]], %[[B1]], %[[N]]) : tensor<?x?x?xf32>
// CHECK: %[[DOT:.*]] = linalg.generic {{.*}} ins(%[[X]], %[[W]] : tensor<?x?x?xbf16>, tensor<?x?xbf16>)
// CHECK: arith.extf %{{.*}} : bf16 to f32
// CHECK: %[[INIT:.*]] = tensor.empty(%[[B0]], %[[B1]], %[[N]]) : tensor<?x?x?xbf16>
// CHECK: %[[Y:.*]] = linalg.generic {{.*}} ins(%[[DOT]], %{{.*}}, %{{.*}}, %[[B]] : tensor<?x?x?xf32>, tensor<?x?xf32>, tensor<?xf32>, tensor<?xbf16>) outs(%[[INIT]] : tensor<?x?x?xbf16>)
// CHECK: ^bb0(%[[D:.*]]: f32, %{{.*}}: f32, %{{.*}}: f32, %[[BV:.*]]: bf16, %{{.*}}: bf16):
// CHECK: %[[BE:.*]] = arith.extf %[[BV]] : bf16 to f32
// CHECK: arith.addf %[[D]], %[[BE]] : f32
// CHECK: arith.truncf %{{.*}} : f32 to bf16
// CHECK: return %[[Y]] : tensor<?x?x?xbf16>
func.func @product_dynamic(%x: tensor<?x?x?xbf16>, %w: tensor<?x?xbf16>, %b: tensor<?xbf16>) -> tensor<?x?x?xbf16> {
  %y = yat.product %x, %w, %b : (tensor<?x?x?xbf16>, tensor<?x?xbf16>, tensor<?xbf16>) -> tensor<?x?x?xbf16>
  return %y : tensor<?x?x?xbf16>
}

// -----

// A rank-1 x is one token: a matvec-shaped contraction over k with no batch
// dims.

// CHECK-DAG: #[[XK:.*]] = affine_map<(d0, d1) -> (d1)>
// CHECK-DAG: #[[NK:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[N:.*]] = affine_map<(d0, d1) -> (d0)>
// CHECK-LABEL: func.func @product_rank1
// CHECK-SAME: (%[[X:.*]]: tensor<16xf32>, %[[W:.*]]: tensor<4x16xf32>)
// CHECK: %[[DOT:.*]] = linalg.generic {indexing_maps = [#[[XK]], #[[NK]], #[[N]]], iterator_types = ["parallel", "reduction"]}
// CHECK-SAME: ins(%[[X]], %[[W]] : tensor<16xf32>, tensor<4x16xf32>) outs(%{{.*}} : tensor<4xf32>)
// CHECK: %[[XN:.*]] = linalg.generic {{.*}} iterator_types = ["reduction"]} ins(%[[X]] : tensor<16xf32>) outs(%{{.*}} : tensor<f32>)
// CHECK: %[[Y:.*]] = linalg.generic {{.*}} ins(%[[DOT]], %[[XN]], %{{.*}} : tensor<4xf32>, tensor<f32>, tensor<4xf32>) outs(%{{.*}} : tensor<4xf32>)
// CHECK: return %[[Y]] : tensor<4xf32>
func.func @product_rank1(%x: tensor<16xf32>, %w: tensor<4x16xf32>) -> tensor<4xf32> {
  %y = yat.product %x, %w : (tensor<16xf32>, tensor<4x16xf32>) -> tensor<4xf32>
  return %y : tensor<4xf32>
}

// -----

// f64 computes in f64: no extension, f64 accumulators and constants.

// CHECK-LABEL: func.func @product_f64
// CHECK-NOT: arith.extf
// CHECK: linalg.matmul {{.*}} outs(%{{.*}} : tensor<2x4xf64>)
// CHECK: %[[Y:.*]] = linalg.generic {{.*}} outs(%{{.*}} : tensor<2x4xf64>)
// CHECK: arith.constant 2.000000e+00 : f64
// CHECK: arith.maximumf %{{.*}}, %{{.*}} : f64
// CHECK: arith.divf %{{.*}}, %{{.*}} : f64
// CHECK-NOT: arith.truncf
// CHECK: return %[[Y]]
func.func @product_f64(%x: tensor<2x8xf64>, %w: tensor<4x8xf64>) -> tensor<2x4xf64> {
  %y = yat.product %x, %w : (tensor<2x8xf64>, tensor<4x8xf64>) -> tensor<2x4xf64>
  return %y : tensor<2x4xf64>
}

// -----

// A result type more static than the operands gets a tensor.cast.

// CHECK-LABEL: func.func @product_refined_result
// CHECK: %[[Y:.*]] = linalg.generic {{.*}} outs(%{{.*}} : tensor<?x4xf32>)
// CHECK: %[[CAST:.*]] = tensor.cast %[[Y]] : tensor<?x4xf32> to tensor<3x4xf32>
// CHECK: return %[[CAST]] : tensor<3x4xf32>
func.func @product_refined_result(%x: tensor<?x8xf32>, %w: tensor<4x8xf32>) -> tensor<3x4xf32> {
  %y = yat.product %x, %w : (tensor<?x8xf32>, tensor<4x8xf32>) -> tensor<3x4xf32>
  return %y : tensor<3x4xf32>
}

// -----

// yat.product_with_norms (made by yat-cache-norms) reads the supplied f32
// norms: only x's norms are reduced.

// CHECK-LABEL: func.func @product_with_norms
// CHECK-SAME: (%[[X:.*]]: tensor<2x8xf16>, %[[W:.*]]: tensor<4x8xf16>, %[[NORMS:.*]]: tensor<4xf32>)
// CHECK: %[[DOT:.*]] = linalg.matmul
// CHECK: %[[XN:.*]] = linalg.generic {{.*}} ins(%[[X]] : tensor<2x8xf16>)
// CHECK-NOT: ins(%[[W]] : tensor<4x8xf16>)
// CHECK: %[[Y:.*]] = linalg.generic {{.*}} ins(%[[DOT]], %[[XN]], %[[NORMS]] : tensor<2x4xf32>, tensor<2xf32>, tensor<4xf32>) outs(%{{.*}} : tensor<2x4xf16>)
// CHECK: return %[[Y]]
func.func @product_with_norms(%x: tensor<2x8xf16>, %w: tensor<4x8xf16>, %norms: tensor<4xf32>) -> tensor<2x4xf16> {
  %y = yat.product_with_norms %x, %w norms(%norms) : (tensor<2x8xf16>, tensor<4x8xf16>, tensor<4xf32>) -> tensor<2x4xf16>
  return %y : tensor<2x4xf16>
}

// -----

// yat.squared_norms reduces its dims in f32, the kept dims parallel and
// first; f64 weights are rounded to f32 before squaring.

// CHECK-DAG: #[[IN:.*]] = affine_map<(d0, d1, d2, d3) -> (d1, d2, d3, d0)>
// CHECK-DAG: #[[OUT:.*]] = affine_map<(d0, d1, d2, d3) -> (d0)>
// CHECK-LABEL: func.func @squared_norms
// CHECK-SAME: (%[[F:.*]]: tensor<3x3x2x?xf64>)
// CHECK: %[[F_DIM:.*]] = tensor.dim %[[F]], %{{.*}} : tensor<3x3x2x?xf64>
// CHECK: %[[INIT:.*]] = tensor.empty(%[[F_DIM]]) : tensor<?xf32>
// CHECK: %[[ZERO:.*]] = linalg.fill ins(%{{.*}} : f32) outs(%[[INIT]] : tensor<?xf32>)
// CHECK: %[[N:.*]] = linalg.generic {indexing_maps = [#[[IN]], #[[OUT]]], iterator_types = ["parallel", "reduction", "reduction", "reduction"]}
// CHECK-SAME: ins(%[[F]] : tensor<3x3x2x?xf64>) outs(%[[ZERO]] : tensor<?xf32>)
// CHECK: %[[V:.*]] = arith.truncf %{{.*}} : f64 to f32
// CHECK: arith.mulf %[[V]], %[[V]] : f32
// CHECK: return %[[N]] : tensor<?xf32>
func.func @squared_norms(%f: tensor<3x3x2x?xf64>) -> tensor<?xf32> {
  %n = yat.squared_norms %f dims = [0, 1, 2] : tensor<3x3x2x?xf64> -> tensor<?xf32>
  return %n : tensor<?xf32>
}
