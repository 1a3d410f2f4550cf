// RUN: yat-opt %s -split-input-file -yat-cpu-tile-and-fuse="bf16-pairs=true" -canonicalize -cse | FileCheck %s
// RUN: yat-opt %s -split-input-file -yat-cpu-tile-and-fuse -canonicalize -cse | FileCheck %s --check-prefix=NOPAIRS

// bf16 operands, an f32 accumulator, an N x K weight and an even K: each
// chunk of K packs the parallel tile's rows of w as bf16 pairs
// (chunk/2 x 64 x 2), and the row tiles multiply x viewed as rows x
// chunk/2 x 2 with a contraction over (pair, position in pair). K = 1100
// is chunked as 512, 512 and a tail of 76.
// CHECK: #[[READ:.+]] = affine_map<(d0, d1, d2) -> (d1, d0 * 2 + d2)>
// CHECK-LABEL: func.func @bf16_pairs
// CHECK-SAME: (%[[X:.*]]: tensor<192x1100xbf16>, %[[W:.*]]: tensor<128x1100xbf16>)
// CHECK: scf.forall (%[[J:.*]]) = (0) to (128) step (64)
// CHECK:   %[[WJ:.*]] = tensor.extract_slice %[[W]][%[[J]], 0] [64, 1100]
// CHECK:   scf.for %[[K:.*]] = %{{.*}} to %{{.*}} step %{{.*}} iter_args
// CHECK:     %[[CHUNK:.*]] = affine.min
// CHECK:     %[[XK:.*]] = tensor.extract_slice %[[X]][0, %[[K]]] [192, %[[CHUNK]]]
// CHECK:     %[[WK:.*]] = tensor.extract_slice %[[WJ]][0, %[[K]]] [64, %[[CHUNK]]]
// CHECK:     %[[PAIRS:.*]] = affine.apply
// CHECK:     %[[EMPTY:.*]] = tensor.empty(%[[PAIRS]]) : tensor<?x64x2xbf16>
// CHECK:     %[[PANEL:.*]] = linalg.generic {indexing_maps = [#[[READ]], #{{.*}}], iterator_types = ["parallel", "parallel", "parallel"]} ins(%[[WK]] : tensor<64x?xbf16>) outs(%[[EMPTY]] : tensor<?x64x2xbf16>)
// CHECK:     %[[XPAIRS:.*]] = tensor.expand_shape %[[XK]] {{\[}}[0], [1, 2]] {{.*}} : tensor<192x?xbf16> into tensor<192x?x2xbf16>
// CHECK:     scf.for
// CHECK:       %[[XS:.*]] = tensor.extract_slice %[[XPAIRS]]
// CHECK:       tensor.extract_slice %[[PANEL]]
// CHECK:       linalg.generic {{.*}} iterator_types = ["parallel", "parallel", "reduction", "reduction"]} ins(%[[XS]], %{{.*}} : tensor<96x?x2xbf16>, tensor<?x64x2xbf16>) outs(%{{.*}} : tensor<96x64xf32>)
// CHECK:         arith.extf
// CHECK:         arith.extf
// CHECK:         arith.mulf
// CHECK:         arith.addf
// NOPAIRS-LABEL: func.func @bf16_pairs
// NOPAIRS-NOT: x2xbf16
// NOPAIRS: linalg.transpose
// NOPAIRS: linalg.matmul
func.func @bf16_pairs(%x: tensor<192x1100xbf16>, %w: tensor<128x1100xbf16>) -> tensor<192x128xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<192x128xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<192x128xf32>) -> tensor<192x128xf32>
  %y = linalg.matmul indexing_maps = [affine_map<(m, n, k) -> (m, k)>, affine_map<(m, n, k) -> (n, k)>, affine_map<(m, n, k) -> (m, n)>] {yat.lowering_config = #yat.lowering_config<tile_sizes = [192, 64, 0], inner_tile_sizes = [96, 0, 0], reduction_tile_sizes = [0, 0, 512]>} ins(%x, %w : tensor<192x1100xbf16>, tensor<128x1100xbf16>) outs(%init : tensor<192x128xf32>) -> tensor<192x128xf32>
  return %y : tensor<192x128xf32>
}

// -----

// A parallel tile of 64 rows without inner tiles still packs its pair
// panel: 64 rows read it.
// CHECK-LABEL: func.func @pairs_without_inner_tiles
// CHECK: scf.forall
// CHECK:   linalg.generic {{.*}} outs(%{{.*}} : tensor<32x64x2xbf16>)
// CHECK:   linalg.generic {{.*}} iterator_types = ["parallel", "parallel", "reduction", "reduction"]} {{.*}} outs(%{{.*}} : tensor<64x64xf32>)
func.func @pairs_without_inner_tiles(%x: tensor<64x64xbf16>, %w: tensor<128x64xbf16>) -> tensor<64x128xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<64x128xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<64x128xf32>) -> tensor<64x128xf32>
  %y = linalg.matmul indexing_maps = [affine_map<(m, n, k) -> (m, k)>, affine_map<(m, n, k) -> (n, k)>, affine_map<(m, n, k) -> (m, n)>] {yat.lowering_config = #yat.lowering_config<tile_sizes = [64, 64, 0]>} ins(%x, %w : tensor<64x64xbf16>, tensor<128x64xbf16>) outs(%init : tensor<64x128xf32>) -> tensor<64x128xf32>
  return %y : tensor<64x128xf32>
}

// -----

// Too few rows to repay the packing: the weight is read in place.
// CHECK-LABEL: func.func @few_rows
// CHECK-NOT: x2xbf16
// CHECK: linalg.matmul
func.func @few_rows(%x: tensor<8x64xbf16>, %w: tensor<128x64xbf16>) -> tensor<8x128xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<8x128xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<8x128xf32>) -> tensor<8x128xf32>
  %y = linalg.matmul indexing_maps = [affine_map<(m, n, k) -> (m, k)>, affine_map<(m, n, k) -> (n, k)>, affine_map<(m, n, k) -> (m, n)>] {yat.lowering_config = #yat.lowering_config<tile_sizes = [8, 64, 0]>} ins(%x, %w : tensor<8x64xbf16>, tensor<128x64xbf16>) outs(%init : tensor<8x128xf32>) -> tensor<8x128xf32>
  return %y : tensor<8x128xf32>
}

// -----

// An odd K has no pairs: the panel is the transposed copy.
// CHECK-LABEL: func.func @odd_depth
// CHECK-NOT: x2xbf16
// CHECK: linalg.transpose ins(%{{.*}} : tensor<64x33xbf16>) outs(%{{.*}} : tensor<33x64xbf16>)
// CHECK: linalg.matmul
func.func @odd_depth(%x: tensor<192x33xbf16>, %w: tensor<128x33xbf16>) -> tensor<192x128xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<192x128xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<192x128xf32>) -> tensor<192x128xf32>
  %y = linalg.matmul indexing_maps = [affine_map<(m, n, k) -> (m, k)>, affine_map<(m, n, k) -> (n, k)>, affine_map<(m, n, k) -> (m, n)>] {yat.lowering_config = #yat.lowering_config<tile_sizes = [192, 64, 0], inner_tile_sizes = [96, 0, 0]>} ins(%x, %w : tensor<192x33xbf16>, tensor<128x33xbf16>) outs(%init : tensor<192x128xf32>) -> tensor<192x128xf32>
  return %y : tensor<192x128xf32>
}

// -----

// f32 operands are unchanged by the option.
// CHECK-LABEL: func.func @f32_matmul
// CHECK-NOT: x2x
// CHECK: linalg.transpose
// CHECK: linalg.matmul
func.func @f32_matmul(%x: tensor<192x64xf32>, %w: tensor<128x64xf32>) -> tensor<192x128xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<192x128xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<192x128xf32>) -> tensor<192x128xf32>
  %y = linalg.matmul indexing_maps = [affine_map<(m, n, k) -> (m, k)>, affine_map<(m, n, k) -> (n, k)>, affine_map<(m, n, k) -> (m, n)>] {yat.lowering_config = #yat.lowering_config<tile_sizes = [192, 64, 0], inner_tile_sizes = [96, 0, 0]>} ins(%x, %w : tensor<192x64xf32>, tensor<128x64xf32>) outs(%init : tensor<192x128xf32>) -> tensor<192x128xf32>
  return %y : tensor<192x128xf32>
}
