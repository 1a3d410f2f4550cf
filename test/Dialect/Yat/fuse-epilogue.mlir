// RUN: yat-opt %s -split-input-file -yat-fuse-epilogue | FileCheck %s
// RUN: yat-opt %s -split-input-file -yat-fuse-epilogue="tile-rows=16 tile-cols=32 query-tile=16 key-tile=32" | FileCheck %s --check-prefix=SMALL

// The leading dims of x are collapsed into 32 rows, and the product is
// tiled over its 32 x 1000 output into 32 x 64 tiles (tile-rows is 96, no
// more than the rows there are). Each
// tile is the reference decomposition of a tile-sized product: an f32 dot
// tile, the norms of the tile's rows of x and of w, and the epilogue that
// finishes the tile into the f16 result, inserted by parallel_insert_slice.
// CHECK-LABEL: func.func @product_few_rows
// CHECK-SAME: (%[[X:.*]]: tensor<4x8x256xf16>, %[[W:.*]]: tensor<1000x256xf16>, %[[B:.*]]: tensor<1000xf16>)
// CHECK-NOT: tensor<32x1000xf32>
// CHECK: %[[XM:.*]] = tensor.collapse_shape %[[X]] {{\[}}[0, 1], [2]]
// CHECK: %[[INIT:.*]] = tensor.empty() : tensor<32x1000xf16>
// CHECK: %[[FORALL:.*]] = scf.forall (%[[I:.*]], %[[J:.*]]) = (0, 0) to (32, 1000) step (32, 64) shared_outs(%[[OUT:.*]] = %[[INIT]])
// CHECK:   %[[TN:.*]] = affine.min #{{.*}}(%[[J]])
// CHECK:   %[[XT:.*]] = tensor.extract_slice %[[XM]][%[[I]], 0] [32, 256]
// CHECK:   %[[WT:.*]] = tensor.extract_slice %[[W]][%[[J]], 0] [%[[TN]], 256]
// CHECK:   %[[BT:.*]] = tensor.extract_slice %[[B]][%[[J]]] [%[[TN]]]
// CHECK:   %[[DOT:.*]] = linalg.matmul indexing_maps = {{.*}} ins(%[[XT]], %[[WT]] : tensor<32x256xf16>, tensor<?x256xf16>) outs(%{{.*}} : tensor<32x?xf32>)
// CHECK:   %[[XN:.*]] = linalg.generic {{.*}} iterator_types = ["parallel", "reduction"]} ins(%[[XT]] : tensor<32x256xf16>) outs(%{{.*}} : tensor<32xf32>)
// CHECK:   %[[WN:.*]] = linalg.generic {{.*}} iterator_types = ["parallel", "reduction"]} ins(%[[WT]] : tensor<?x256xf16>) outs(%{{.*}} : tensor<?xf32>)
// CHECK:   %[[Y:.*]] = linalg.generic {{.*}} ins(%[[DOT]], %[[XN]], %[[WN]], %[[BT]] : tensor<32x?xf32>, tensor<32xf32>, tensor<?xf32>, tensor<?xf16>) outs(%{{.*}} : tensor<32x?xf16>)
// CHECK:     arith.maximumf
// CHECK:     arith.divf
// CHECK:     arith.mulf %{{.*}}, %{{.*}} : f32
// CHECK:     arith.truncf %{{.*}} : f32 to f16
// CHECK:   scf.forall.in_parallel
// CHECK:     tensor.parallel_insert_slice %[[Y]] into %[[OUT]][%[[I]], %[[J]]] [32, %[[TN]]]
// CHECK: tensor.expand_shape %[[FORALL]] {{.*}} output_shape [4, 8, 1000]
// CHECK-NOT: tensor<32x1000xf32>
// CHECK-NOT: yat.product
func.func @product_few_rows(%x: tensor<4x8x256xf16>, %w: tensor<1000x256xf16>, %b: tensor<1000xf16>) -> tensor<4x8x1000xf16> {
  %y = yat.product %x, %w, %b {epsilon = 1.0e-03 : f32, alpha = 2.0 : f32} : (tensor<4x8x256xf16>, tensor<1000x256xf16>, tensor<1000xf16>) -> tensor<4x8x1000xf16>
  return %y : tensor<4x8x1000xf16>
}

// -----

// Many rows: 96 x 64 tiles (a partial last row tile); the f32 dot exists
// only as a tile. The only 300 x 128 tensor is the result itself. With
// SMALL's options the tiles are 16 x 32.
// CHECK-LABEL: func.func @product_many_rows
// CHECK-SAME: (%[[X:.*]]: tensor<300x64xf32>, %[[W:.*]]: tensor<128x64xf32>)
// CHECK-COUNT-1: tensor.empty() : tensor<300x128xf32>
// CHECK: scf.forall (%[[I:.*]], %[[J:.*]]) = (0, 0) to (300, 128) step (96, 64) shared_outs(%[[OUT:.*]] =
// CHECK:   %[[ROWS:.*]] = affine.min #{{.*}}(%[[I]])
// CHECK:   %[[XT:.*]] = tensor.extract_slice %[[X]][%[[I]], 0] [%[[ROWS]], 64]
// CHECK:   %[[WT:.*]] = tensor.extract_slice %[[W]][%[[J]], 0] [64, 64]
// CHECK:   %[[DOT:.*]] = linalg.matmul {{.*}} ins(%[[XT]], %[[WT]] : tensor<?x64xf32>, tensor<64x64xf32>) outs(%{{.*}} : tensor<?x64xf32>)
// CHECK:   %[[Y:.*]] = linalg.generic {{.*}} ins(%[[DOT]], %{{.*}}, %{{.*}} : tensor<?x64xf32>, tensor<?xf32>, tensor<64xf32>) outs(%{{.*}} : tensor<?x64xf32>)
// CHECK:   tensor.parallel_insert_slice %[[Y]] into %[[OUT]][%[[I]], %[[J]]] [%[[ROWS]], 64]
// CHECK-NOT: linalg.matmul {{.*}} -> tensor<300x128xf32>
// CHECK-NOT: linalg.generic {{.*}} -> tensor<300x128xf32>
// SMALL-LABEL: func.func @product_many_rows
// SMALL: scf.forall ({{.*}}) = (0, 0) to (300, 128) step (16, 32)
// SMALL:   linalg.matmul {{.*}} ins(%{{.*}}, %{{.*}} : tensor<?x64xf32>, tensor<32x64xf32>)
func.func @product_many_rows(%x: tensor<300x64xf32>, %w: tensor<128x64xf32>) -> tensor<300x128xf32> {
  %y = yat.product %x, %w : (tensor<300x64xf32>, tensor<128x64xf32>) -> tensor<300x128xf32>
  return %y : tensor<300x128xf32>
}

// -----

// Supplied norms are read, not recomputed; only the tile's rows of x have
// their norms computed.
// CHECK-LABEL: func.func @product_with_norms
// CHECK-SAME: (%[[X:.*]]: tensor<8x16xbf16>, %[[W:.*]]: tensor<32x16xbf16>, %[[N:.*]]: tensor<32xf32>)
// CHECK: scf.forall (%{{.*}}, %[[J:.*]]) = (0, 0) to (8, 32) step (8, 32)
// CHECK:   %[[NT:.*]] = tensor.extract_slice %[[N]][%[[J]]] [32]
// CHECK-COUNT-1: iterator_types = ["parallel", "reduction"]
// CHECK:   linalg.generic {{.*}} ins(%{{.*}}, %{{.*}}, %[[NT]] : tensor<8x32xf32>, tensor<8xf32>, tensor<32xf32>)
// CHECK:     arith.truncf %{{.*}} : f32 to bf16
func.func @product_with_norms(%x: tensor<8x16xbf16>, %w: tensor<32x16xbf16>, %n: tensor<32xf32>) -> tensor<8x32xbf16> {
  %y = yat.product_with_norms %x, %w norms(%n) : (tensor<8x16xbf16>, tensor<32x16xbf16>, tensor<32xf32>) -> tensor<8x32xbf16>
  return %y : tensor<8x32xbf16>
}

// -----

// Norms that yat-cache-norms shares between two ops reading the same w are
// computed once, before the tile loops, and read by both.
// CHECK-LABEL: func.func @product_with_shared_norms
// CHECK-SAME: (%[[X:.*]]: tensor<8x16xf32>, %[[Z:.*]]: tensor<4x16xf32>, %[[W:.*]]: tensor<32x16xf32>)
// CHECK: %[[N:.*]] = linalg.generic {{.*}} iterator_types = ["parallel", "reduction"]} ins(%[[W]] : tensor<32x16xf32>)
// CHECK: scf.forall
// CHECK:   tensor.extract_slice %[[N]][%{{.*}}] [32]
// CHECK-NOT: ins(%{{.*}} : tensor<32x16xf32>) outs(%{{.*}} : tensor<32xf32>)
// CHECK: scf.forall
// CHECK:   tensor.extract_slice %[[N]][%{{.*}}] [32]
func.func @product_with_shared_norms(%x: tensor<8x16xf32>, %z: tensor<4x16xf32>, %w: tensor<32x16xf32>) -> (tensor<8x32xf32>, tensor<4x32xf32>) {
  %n = yat.squared_norms %w dims = [1] : tensor<32x16xf32> -> tensor<32xf32>
  %y = yat.product_with_norms %x, %w norms(%n) : (tensor<8x16xf32>, tensor<32x16xf32>, tensor<32xf32>) -> tensor<8x32xf32>
  %u = yat.product_with_norms %z, %w norms(%n) : (tensor<4x16xf32>, tensor<32x16xf32>, tensor<32xf32>) -> tensor<4x32xf32>
  return %y, %u : tensor<8x32xf32>, tensor<4x32xf32>
}

// -----

// A vector x: tiles of 64 outputs.
// CHECK-LABEL: func.func @product_vector
// CHECK: scf.forall (%[[J:.*]]) = (0) to (100) step (64)
// CHECK:   %[[Y:.*]] = linalg.generic {{.*}} ins(%{{.*}}, %{{.*}}, %{{.*}} : tensor<?xf32>, tensor<f32>, tensor<?xf32>)
// CHECK:   tensor.parallel_insert_slice %[[Y]] into %{{.*}}[%[[J]]]
func.func @product_vector(%x: tensor<16xf32>, %w: tensor<100x16xf32>) -> tensor<100xf32> {
  %y = yat.product %x, %w : (tensor<16xf32>, tensor<100x16xf32>) -> tensor<100xf32>
  return %y : tensor<100xf32>
}

// -----

// A weight norm left by yat-cache-norms becomes an f32 reduction.
// CHECK-LABEL: func.func @squared_norms
// CHECK: linalg.generic {indexing_maps = [#{{.*}}, #{{.*}}], iterator_types = ["parallel", "reduction"]} ins(%{{.*}} : tensor<4x6xf16>) outs(%{{.*}} : tensor<4xf32>)
// CHECK:   arith.extf
// CHECK-NOT: yat.squared_norms
func.func @squared_norms(%w: tensor<4x6xf16>) -> tensor<4xf32> {
  %n = yat.squared_norms %w dims = [1] : tensor<4x6xf16> -> tensor<4xf32>
  return %n : tensor<4xf32>
}

// -----

// Dynamic shapes are left for convert-yat-to-linalg.
// CHECK-LABEL: func.func @product_dynamic
// CHECK: yat.product
// CHECK-NOT: scf.forall
func.func @product_dynamic(%x: tensor<?x16xf32>, %w: tensor<8x16xf32>) -> tensor<?x8xf32> {
  %y = yat.product %x, %w : (tensor<?x16xf32>, tensor<8x16xf32>) -> tensor<?x8xf32>
  return %y : tensor<?x8xf32>
}

// -----

// Conv: the input is padded once and the unpadded conv tiled through its
// TilingInterface: one batch element x 8 output rows (enough for 4096
// outputs) x 16 positions x 32 filters. Each tile is the reference
// decomposition: its f32 dot with linalg.conv_2d_nhwc_hwcf on the window
// it reads, its window sums of squares with linalg.pooling_nhwc_sum, the
// filter norms and the epilogue, in the loop.
// CHECK-LABEL: func.func @conv_padded
// CHECK-SAME: (%[[X:.*]]: tensor<2x16x16x8xbf16>, %[[F:.*]]: tensor<3x3x8x32xbf16>)
// CHECK-NOT: tensor<2x16x16x32xf32>
// CHECK: %[[P:.*]] = tensor.pad %[[X]] low[0, 1, 1, 0] high[0, 1, 1, 0]
// CHECK: scf.forall (%[[N:.*]], %[[OH:.*]], %[[OW:.*]], %[[OC:.*]]) = (0, 0, 0, 0) to (2, 16, 16, 32) step (1, 8, 16, 32)
// CHECK:   %[[WIN:.*]] = tensor.extract_slice %[[P]][%[[N]], %[[OH]], %[[OW]], 0] [1, 10, 18, 8]
// CHECK:   %[[DOT:.*]] = linalg.conv_2d_nhwc_hwcf {{.*}} ins(%[[WIN]], %{{.*}} : tensor<1x10x18x8xbf16>, tensor<3x3x8x32xbf16>) outs(%{{.*}} : tensor<1x8x16x32xf32>)
// CHECK:   %[[PATCH:.*]] = linalg.pooling_nhwc_sum {{.*}} outs(%{{.*}} : tensor<1x8x16x1xf32>)
// CHECK:   %[[Y:.*]] = linalg.generic {{.*}} ins(%[[DOT]], %{{.*}}, %{{.*}} : tensor<1x8x16x32xf32>, tensor<1x8x16xf32>, tensor<32xf32>) outs(%{{.*}} : tensor<1x8x16x32xbf16>)
// CHECK:   tensor.parallel_insert_slice %[[Y]]
// CHECK-NOT: tensor<2x16x16x32xf32>
func.func @conv_padded(%x: tensor<2x16x16x8xbf16>, %f: tensor<3x3x8x32xbf16>) -> tensor<2x16x16x32xbf16> {
  %y = yat.conv %x, %f {padding = array<i64: 1, 1, 1, 1>} : (tensor<2x16x16x8xbf16>, tensor<3x3x8x32xbf16>) -> tensor<2x16x16x32xbf16>
  return %y : tensor<2x16x16x32xbf16>
}

// -----

// Grouped conv: each tile's 3 filters lie in one group; the tile is an
// ungrouped conv of that group's 2 input channels, from channel
// 2 (f / 3).
// CHECK-LABEL: func.func @conv_grouped
// CHECK-SAME: (%[[X:.*]]: tensor<1x9x8x4xf32>, %[[F:.*]]: tensor<3x3x2x6xf32>)
// CHECK: scf.forall ({{.*}}, %[[OC:.*]]) = (0, 0, 0, 0) to (1, 4, 4, 6) step (1, 4, 4, 3)
// CHECK:   %[[G:.*]] = arith.divui %[[OC]], %{{.*}} : index
// CHECK:   %[[C:.*]] = arith.muli %[[G]], %{{.*}} : index
// CHECK:   %[[WIN:.*]] = tensor.extract_slice %[[X]][%{{.*}}, %{{.*}}, %{{.*}}, %[[C]]] [1, 9, 8, 2]
// CHECK:   linalg.conv_2d_nhwc_hwcf {dilations = dense<[1, 2]> : tensor<2xi64>, strides = dense<[2, 1]> : tensor<2xi64>} ins(%[[WIN]], %{{.*}} : tensor<1x9x8x2xf32>, tensor<3x3x2x3xf32>)
// CHECK:   linalg.pooling_nhwc_sum {dilations = dense<[1, 2]> : tensor<2xi64>, strides = dense<[2, 1]> : tensor<2xi64>}
func.func @conv_grouped(%x: tensor<1x9x8x4xf32>, %f: tensor<3x3x2x6xf32>) -> tensor<1x4x4x6xf32> {
  %y = yat.conv %x, %f {strides = array<i64: 2, 1>, dilations = array<i64: 1, 2>, groups = 2 : i64} : (tensor<1x9x8x4xf32>, tensor<3x3x2x6xf32>) -> tensor<1x4x4x6xf32>
  return %y : tensor<1x4x4x6xf32>
}

// -----

// Depthwise conv: a tile spans 48 whole groups (one channel and one filter
// each) and 8 rows, and its decomposition runs along the channels: the dot
// and the window sums of squares are generics with the channel innermost.
// CHECK-LABEL: func.func @conv_depthwise
// CHECK-SAME: (%[[X:.*]]: tensor<2x10x12x96xf32>, %[[F:.*]]: tensor<3x3x1x96xf32>)
// CHECK: %[[P:.*]] = tensor.pad %[[X]]
// CHECK: scf.forall (%[[N:.*]], %[[OH:.*]], %[[OW:.*]], %[[OC:.*]]) = (0, 0, 0, 0) to (2, 10, 12, 96) step (1, 8, 12, 48)
// CHECK:   %[[FT:.*]] = tensor.extract_slice %[[F]][0, 0, 0, %[[OC]]] [3, 3, 1, 48]
// CHECK:   %[[WIN:.*]] = tensor.extract_slice %[[P]][%[[N]], %[[OH]], %[[OW]], %[[OC]]] [1, %{{.*}}, 14, 48]
// CHECK:   %[[FC:.*]] = tensor.collapse_shape %[[FT]] {{\[}}[0], [1], [2, 3]] : tensor<3x3x1x48xf32> into tensor<3x3x48xf32>
// CHECK:   linalg.generic {{.*}} iterator_types = ["parallel", "parallel", "parallel", "reduction", "reduction", "parallel"]} ins(%[[WIN]], %[[FC]] : tensor<1x?x14x48xf32>, tensor<3x3x48xf32>)
// CHECK:   linalg.generic {{.*}} iterator_types = ["parallel", "parallel", "parallel", "reduction", "reduction", "parallel"]} ins(%[[WIN]], %[[FC]] : tensor<1x?x14x48xf32>, tensor<3x3x48xf32>)
// CHECK-NOT: linalg.conv
// CHECK-NOT: linalg.pooling
func.func @conv_depthwise(%x: tensor<2x10x12x96xf32>, %f: tensor<3x3x1x96xf32>) -> tensor<2x10x12x96xf32> {
  %y = yat.conv %x, %f {groups = 96 : i64, padding = array<i64: 1, 1, 1, 1>} : (tensor<2x10x12x96xf32>, tensor<3x3x1x96xf32>) -> tensor<2x10x12x96xf32>
  return %y : tensor<2x10x12x96xf32>
}

// -----

// Flash-style attention: upstream's tiling cuts the op into a forall over
// (batch, head, 64-query tile). Head h reads kv head h / 2 (GQA) and, causal,
// the tile of rows [r, r + 64) reads the keys [0, r + 64) it sees. Each tile
// runs a key loop carrying the row max, the row sum and the 64 x 64
// accumulator, peeled so that the full 128-key blocks get static shapes.
// Keys are transposed block by block; no 512 x 512 score matrix exists.
// CHECK-LABEL: func.func @attention_causal_gqa
// CHECK-NOT: tensor<1x4x512x512xf32>
// CHECK: scf.forall (%[[B:.*]], %[[H:.*]], %[[R:.*]]) = (0, 0, 0) to (1, 4, 512) step (1, 1, 64)
// CHECK:   %[[HKV:.*]] = arith.divui %[[H]], %{{.*}} : index
// CHECK:   %[[KEYS:.*]] = arith.addi %[[R]], %{{.*}} : index
// CHECK:   tensor.extract_slice %{{.*}}[%[[B]], %[[HKV]], 0, 0] [1, 1, %[[KEYS]], 64]
// CHECK:   %{{.*}}:3 = scf.for %[[J:.*]] = %{{.*}} to %[[FULL:.*]] step %{{.*}} iter_args(%[[MAX:.*]] = %{{.*}}, %[[SUM:.*]] = %{{.*}}, %[[ACC:.*]] = %{{.*}}) -> (tensor<64xf32>, tensor<64xf32>, tensor<64x64xf32>)
// CHECK:     %[[KT:.*]] = linalg.generic {{.*}} ins(%{{.*}} : tensor<?x64xf32>) outs(%{{.*}} : tensor<64x?xf32>)
// CHECK:     %[[DOT:.*]] = linalg.matmul ins(%{{.*}}, %[[KT]] : tensor<64x64xf32>, tensor<64x?xf32>)
// CHECK:     %[[S:.*]] = linalg.generic {{.*}} ins(%[[DOT]], {{.*}})
// CHECK:       linalg.index 0
// CHECK:       linalg.index 1
// CHECK:       arith.cmpi sgt
// CHECK:       arith.select
// CHECK:     linalg.generic {{.*}} iterator_types = ["parallel", "reduction"]} ins(%[[S]] : tensor<64x?xf32>)
// CHECK:     math.exp
// CHECK:     math.exp
// CHECK:     %[[RESCALED:.*]] = linalg.generic {{.*}} outs(%[[ACC]] : tensor<64x64xf32>)
// CHECK:     %[[PV:.*]] = linalg.matmul ins(%{{.*}}, %{{.*}} : tensor<64x?xf32>, tensor<?x64xf32>) outs(%[[RESCALED]] : tensor<64x64xf32>)
// CHECK:     scf.yield %{{.*}}, %{{.*}}, %[[PV]]
// CHECK:   scf.for %{{.*}} = %[[FULL]] to
// CHECK:   arith.divf
// CHECK:   tensor.parallel_insert_slice
// CHECK-NOT: tensor<1x4x512x512xf32>
// SMALL-LABEL: func.func @attention_causal_gqa
// SMALL-NOT: x512x512x
// SMALL: scf.forall ({{.*}}) = (0, 0, 0) to (1, 4, 512) step (1, 1, 16)
// SMALL: linalg.matmul ins(%{{.*}}, %{{.*}} : tensor<16x64xf32>, tensor<64x?xf32>) outs(%{{.*}} : tensor<16x?xf32>)
// SMALL-NOT: x512x512x
func.func @attention_causal_gqa(%q: tensor<1x4x512x64xf32>, %k: tensor<1x2x512x64xf32>, %v: tensor<1x2x512x64xf32>) -> tensor<1x4x512x64xf32> {
  %o = yat.attention %q, %k, %v {causal} : (tensor<1x4x512x64xf32>, tensor<1x2x512x64xf32>, tensor<1x2x512x64xf32>) -> tensor<1x4x512x64xf32>
  return %o : tensor<1x4x512x64xf32>
}

// -----

// l1 normalization carries only the row sum and the accumulator; without
// causal the key loop runs over all keys: one full block of 128, then the
// last 72 in a loop of their own.
// CHECK-LABEL: func.func @attention_l1
// CHECK: scf.forall ({{.*}}) = (0, 0, 0) to (2, 3, 10) step (1, 1, 10)
// CHECK:   %[[MAIN:.*]]:2 = scf.for %[[J:.*]] = %{{.*}} to %{{.*}} step %{{.*}} iter_args(%{{.*}} = %{{.*}}, %{{.*}} = %{{.*}}) -> (tensor<10xf32>, tensor<10x16xf32>)
// CHECK-NOT:   math.exp
// CHECK:     linalg.matmul
// CHECK:   scf.for %{{.*}} = %{{.*}} to %{{.*}} step %{{.*}} iter_args(%{{.*}} = %[[MAIN]]#0, %{{.*}} = %[[MAIN]]#1)
// CHECK:   arith.addf %{{.*}}, %{{.*}} : f32
// CHECK:   arith.divf
// CHECK:   arith.truncf %{{.*}} : f32 to f16
func.func @attention_l1(%q: tensor<2x3x10x8xf16>, %k: tensor<2x3x200x8xf16>, %v: tensor<2x3x200x16xf16>) -> tensor<2x3x10x16xf16> {
  %o = yat.attention %q, %k, %v {normalization = #yat.normalization<l1>} : (tensor<2x3x10x8xf16>, tensor<2x3x200x8xf16>, tensor<2x3x200x16xf16>) -> tensor<2x3x10x16xf16>
  return %o : tensor<2x3x10x16xf16>
}

// -----

// Empty tensors are left for convert-yat-to-linalg.
// CHECK-LABEL: func.func @product_empty
// CHECK: yat.product
// CHECK-NOT: scf.forall
func.func @product_empty(%x: tensor<0x16xf32>, %w: tensor<8x16xf32>) -> tensor<0x8xf32> {
  %y = yat.product %x, %w : (tensor<0x16xf32>, tensor<8x16xf32>) -> tensor<0x8xf32>
  return %y : tensor<0x8xf32>
}
