// RUN: yat-opt %s -split-input-file -yat-fuse-epilogue="bf16-pairs=true" | FileCheck %s

// bf16 x and w, M >= pack-min-rows, K even: each chunk of K packs the
// block's rows of w as bf16 pairs (chunk/2 x 64 x 2) and multiplies with
// a pair contraction of x reshaped to rows x chunk/2 x 2, accumulating in
// f32. K = 1100 is chunked as 512, 512 and a tail of 76.
// CHECK: #[[READ:.+]] = affine_map<(d0, d1, d2) -> (d1, d0 * 2 + d2)>
// CHECK-LABEL: func.func @bf16_pairs
// CHECK-SAME: (%[[X:.*]]: tensor<96x1100xbf16>, %[[W:.*]]: tensor<128x1100xbf16>)
// CHECK: scf.forall
// CHECK: scf.for %[[K:.*]] = %{{.*}} to %{{.*}} step %{{.*}} iter_args
// CHECK:   %[[CHUNK:.*]] = affine.min
// CHECK:   %[[WCHUNK:.*]] = tensor.extract_slice %{{.*}}[0, %[[K]]] [64, %[[CHUNK]]]
// CHECK:   %[[PAIRS:.*]] = affine.apply
// CHECK:   %[[EMPTY:.*]] = tensor.empty(%[[PAIRS]]) : tensor<?x64x2xbf16>
// CHECK:   %[[PANEL:.*]] = linalg.generic {indexing_maps = [#[[READ]], #{{.*}}], iterator_types = ["parallel", "parallel", "parallel"]} ins(%[[WCHUNK]] : tensor<64x?xbf16>) outs(%[[EMPTY]] : tensor<?x64x2xbf16>)
// CHECK:   scf.for
// CHECK:     %[[XCHUNK:.*]] = tensor.extract_slice %[[X]]
// CHECK:     %[[XPAIRS:.*]] = tensor.expand_shape %[[XCHUNK]] {{\[}}[0], [1, 2]] {{.*}} : tensor<96x?xbf16> into tensor<96x?x2xbf16>
// CHECK:     linalg.generic {{.*}} iterator_types = ["parallel", "parallel", "reduction", "reduction"]} ins(%[[XPAIRS]], %[[PANEL]] : tensor<96x?x2xbf16>, tensor<?x64x2xbf16>) outs(%{{.*}} : tensor<96x64xf32>)
// CHECK:       arith.extf
// CHECK:       arith.extf
// CHECK:       arith.mulf
// CHECK:       arith.addf
func.func @bf16_pairs(%x: tensor<96x1100xbf16>, %w: tensor<128x1100xbf16>) -> tensor<96x128xbf16> {
  %y = yat.product %x, %w : (tensor<96x1100xbf16>, tensor<128x1100xbf16>) -> tensor<96x128xbf16>
  return %y : tensor<96x128xbf16>
}

// -----

// An odd K has no pairs: the panel is the f32 transposed copy.
// CHECK-LABEL: func.func @odd_depth
// CHECK-NOT: tensor<{{.*}}x2xbf16>
// CHECK: linalg.generic {{.*}} ins(%{{.*}} : tensor<64x33xbf16>) outs(%{{.*}} : tensor<33x64xf32>)
// CHECK: linalg.matmul
func.func @odd_depth(%x: tensor<96x33xbf16>, %w: tensor<128x33xbf16>) -> tensor<96x128xbf16> {
  %y = yat.product %x, %w : (tensor<96x33xbf16>, tensor<128x33xbf16>) -> tensor<96x128xbf16>
  return %y : tensor<96x128xbf16>
}

// -----

// f32 products are unchanged by the option.
// CHECK-LABEL: func.func @f32_product
// CHECK-NOT: x2xbf16
// CHECK: linalg.transpose
// CHECK: linalg.matmul
func.func @f32_product(%x: tensor<96x64xf32>, %w: tensor<128x64xf32>) -> tensor<96x128xf32> {
  %y = yat.product %x, %w : (tensor<96x64xf32>, tensor<128x64xf32>) -> tensor<96x128xf32>
  return %y : tensor<96x128xf32>
}
