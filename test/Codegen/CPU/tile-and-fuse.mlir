// RUN: yat-opt %s -split-input-file -verify-diagnostics -yat-cpu-tile-and-fuse -canonicalize -cse | FileCheck %s

// A matmul with a bias + relu epilogue and two tiling levels: parallel
// column tiles, each packing its weight panel once, then serial row tiles
// that zero, multiply and finish one tile each.
// CHECK-LABEL: func.func @matmul_epilogue
// CHECK-SAME: (%[[X:.*]]: tensor<256x128xf32>, %[[W:.*]]: tensor<128x512xf32>, %[[B:.*]]: tensor<512xf32>)
// CHECK: %[[EMPTY:.*]] = tensor.empty() : tensor<256x512xf32>
// CHECK: %[[RESULT:.*]] = scf.forall (%[[J:.*]]) = (0) to (512) step (64) shared_outs(%[[OUT:.*]] = %[[EMPTY]])
// CHECK:   %[[WSLICE:.*]] = tensor.extract_slice %[[W]][0, %[[J]]] [128, 64] [1, 1]
// CHECK:   %[[PANEL:.*]] = linalg.copy ins(%[[WSLICE]] : tensor<128x64xf32>) outs(%{{.*}} : tensor<128x64xf32>)
// CHECK:   %[[BSLICE:.*]] = tensor.extract_slice %[[B]][%[[J]]] [64] [1]
// CHECK:   %[[ROWS:.*]] = scf.for %[[I:.*]] = %{{.*}} to %{{.*}} step %{{.*}} iter_args(%[[ACC:.*]] = %{{.*}}) -> (tensor<256x64xf32>)
// CHECK:     %[[XSLICE:.*]] = tensor.extract_slice %[[X]][%[[I]], 0]
// CHECK:     %[[ZERO:.*]] = linalg.fill
// CHECK:     %[[DOT:.*]] = linalg.matmul ins(%[[XSLICE]], %[[PANEL]] : tensor<?x128xf32>, tensor<128x64xf32>) outs(%[[ZERO]] : tensor<?x64xf32>)
// CHECK:     %[[TILE:.*]] = linalg.generic {{.*}} ins(%[[DOT]], %[[BSLICE]] : tensor<?x64xf32>, tensor<64xf32>)
// CHECK:     arith.maximumf
// CHECK:     %[[NEXT:.*]] = tensor.insert_slice %[[TILE]] into %[[ACC]][%[[I]], 0]
// CHECK:     scf.yield %[[NEXT]]
// CHECK:   tensor.parallel_insert_slice %[[ROWS]] into %[[OUT]][0, %[[J]]] [256, 64]
// CHECK: return %[[RESULT]]
#id = affine_map<(d0, d1) -> (d0, d1)>
#row = affine_map<(d0, d1) -> (d1)>
func.func @matmul_epilogue(%x: tensor<256x128xf32>, %w: tensor<128x512xf32>, %b: tensor<512xf32>) -> tensor<256x512xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<256x512xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<256x512xf32>) -> tensor<256x512xf32>
  %mm = linalg.matmul {yat.lowering_config = #yat.lowering_config<tile_sizes = [256, 64, 0], inner_tile_sizes = [96, 0, 0]>} ins(%x, %w : tensor<256x128xf32>, tensor<128x512xf32>) outs(%init : tensor<256x512xf32>) -> tensor<256x512xf32>
  %y = linalg.generic {indexing_maps = [#id, #row, #id], iterator_types = ["parallel", "parallel"]} ins(%mm, %b : tensor<256x512xf32>, tensor<512xf32>) outs(%e : tensor<256x512xf32>) {
  ^bb0(%a: f32, %c: f32, %o: f32):
    %s = arith.addf %a, %c : f32
    %r = arith.maximumf %s, %zero : f32
    linalg.yield %r : f32
  } -> tensor<256x512xf32>
  return %y : tensor<256x512xf32>
}

// -----

// A batched matmul without an epilogue: one parallel tile per batch, each
// zeroing its own accumulator.
// CHECK-LABEL: func.func @batch_matmul
// CHECK: scf.forall (%[[BATCH:.*]]) in (6) shared_outs(%[[OUT:.*]] = %{{.*}})
// CHECK:   %[[ZERO:.*]] = linalg.fill ins(%{{.*}} : f32) outs(%{{.*}} : tensor<1x7x9xf32>)
// CHECK:   %[[PRODUCT:.*]] = linalg.batch_matmul
// CHECK-SAME: outs(%[[ZERO]] : tensor<1x7x9xf32>)
// CHECK-NOT: yat.lowering_config
// CHECK:   tensor.parallel_insert_slice %[[PRODUCT]] into %[[OUT]][%[[BATCH]], 0, 0] [1, 7, 9]
func.func @batch_matmul(%a: tensor<6x7x16xf32>, %b: tensor<6x9x16xf32>) -> tensor<6x7x9xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<6x7x9xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<6x7x9xf32>) -> tensor<6x7x9xf32>
  %0 = linalg.batch_matmul indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>] {yat.lowering_config = #yat.lowering_config<tile_sizes = [1, 96, 64, 0]>} ins(%a, %b : tensor<6x7x16xf32>, tensor<6x9x16xf32>) outs(%init : tensor<6x7x9xf32>) -> tensor<6x7x9xf32>
  return %0 : tensor<6x7x9xf32>
}

// -----

// A product that is also returned cannot live only in tiles: it is tiled
// alone and its consumer stays outside.
// CHECK-LABEL: func.func @two_users
// CHECK: %[[PRODUCT:.*]] = scf.forall
// CHECK:   linalg.matmul
// CHECK: %[[SUM:.*]] = linalg.generic {{.*}} ins(%[[PRODUCT]], %[[PRODUCT]] :
// CHECK: return %[[PRODUCT]], %[[SUM]]
#id2 = affine_map<(d0, d1) -> (d0, d1)>
func.func @two_users(%x: tensor<8x8xf32>) -> (tensor<8x8xf32>, tensor<8x8xf32>) {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<8x8xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<8x8xf32>) -> tensor<8x8xf32>
  %mm = linalg.matmul {yat.lowering_config = #yat.lowering_config<tile_sizes = [4, 4, 0]>} ins(%x, %x : tensor<8x8xf32>, tensor<8x8xf32>) outs(%init : tensor<8x8xf32>) -> tensor<8x8xf32>
  %y = linalg.generic {indexing_maps = [#id2, #id2, #id2], iterator_types = ["parallel", "parallel"]} ins(%mm, %mm : tensor<8x8xf32>, tensor<8x8xf32>) outs(%e : tensor<8x8xf32>) {
  ^bb0(%a: f32, %c: f32, %o: f32):
    %s = arith.addf %a, %c : f32
    linalg.yield %s : f32
  } -> tensor<8x8xf32>
  return %mm, %y : tensor<8x8xf32>, tensor<8x8xf32>
}

// -----

// Tiling works on tensors; a configured op on buffers is an error.
func.func @on_buffers(%x: memref<8x8xf32>) {
  // expected-error @below {{has a lowering_config but is not on tensors}}
  linalg.matmul {yat.lowering_config = #yat.lowering_config<tile_sizes = [4, 4, 0]>} ins(%x, %x : memref<8x8xf32>, memref<8x8xf32>) outs(%x : memref<8x8xf32>)
  return
}

// -----

// A convolution with a bias epilogue: the tiles read the input rows their
// output rows need (the window overlaps the next tile's) and finish their
// output with the bias.
// CHECK-LABEL: func.func @conv_bias
// CHECK-SAME: (%[[X:.*]]: tensor<2x10x10x4xf32>, %[[W:.*]]: tensor<3x3x4x8xf32>, %[[B:.*]]: tensor<8xf32>)
// CHECK: scf.forall (%[[N:.*]], %[[H:.*]]) = (0, 0) to (2, 8) step (1, 4)
// CHECK:   %[[XS:.*]] = tensor.extract_slice %[[X]][%[[N]], %[[H]], 0, 0] [1, 6, 10, 4]
// CHECK:   %[[ZERO:.*]] = linalg.fill {{.*}} -> tensor<1x4x8x8xf32>
// CHECK:   %[[Y:.*]] = linalg.conv_2d_nhwc_hwcf {{.*}} ins(%[[XS]], %[[W]] : tensor<1x6x10x4xf32>, tensor<3x3x4x8xf32>) outs(%[[ZERO]] : tensor<1x4x8x8xf32>)
// CHECK:   linalg.generic {{.*}} ins(%[[Y]], %[[B]] : tensor<1x4x8x8xf32>, tensor<8xf32>)
#nhwc = affine_map<(n, h, w, f) -> (n, h, w, f)>
#channel = affine_map<(n, h, w, f) -> (f)>
func.func @conv_bias(%x: tensor<2x10x10x4xf32>, %w: tensor<3x3x4x8xf32>, %b: tensor<8xf32>) -> tensor<2x8x8x8xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x8x8x8xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<2x8x8x8xf32>) -> tensor<2x8x8x8xf32>
  %y = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>, yat.lowering_config = #yat.lowering_config<tile_sizes = [1, 4, 0, 0, 0, 0, 0]>} ins(%x, %w : tensor<2x10x10x4xf32>, tensor<3x3x4x8xf32>) outs(%init : tensor<2x8x8x8xf32>) -> tensor<2x8x8x8xf32>
  %r = linalg.generic {indexing_maps = [#nhwc, #channel, #nhwc], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%y, %b : tensor<2x8x8x8xf32>, tensor<8xf32>) outs(%e : tensor<2x8x8x8xf32>) {
  ^bb0(%a: f32, %c: f32, %o: f32):
    %s = arith.addf %a, %c : f32
    linalg.yield %s : f32
  } -> tensor<2x8x8x8xf32>
  return %r : tensor<2x8x8x8xf32>
}

// -----

// Reduction chunks: the parallel tile's accumulator is zeroed once and
// carried through the chunks of the sum; each chunk packs its part of the
// weight panel and steps through the row tiles; the epilogue finishes the
// whole parallel tile after the last chunk.
// CHECK-LABEL: func.func @chunked_sum
// CHECK-SAME: (%[[X:.*]]: tensor<128x1024xf32>, %[[W:.*]]: tensor<1024x64xf32>)
// CHECK: scf.forall (%[[J:.*]]) = (0) to (64) step (32)
// CHECK:   %[[WJ:.*]] = tensor.extract_slice %[[W]][0, %[[J]]] [1024, 32]
// CHECK:   %[[ZERO:.*]] = linalg.fill {{.*}} -> tensor<128x32xf32>
// CHECK:   %[[SUM:.*]] = scf.for %[[K:.*]] = %{{.*}} to %{{.*}} step %{{.*}} iter_args(%[[ACC:.*]] = %[[ZERO]])
// CHECK:     %[[XK:.*]] = tensor.extract_slice %[[X]][0, %[[K]]] [128, 256]
// CHECK:     %[[WK:.*]] = tensor.extract_slice %[[WJ]][%[[K]], 0] [256, 32]
// CHECK:     %[[PANEL:.*]] = linalg.copy ins(%[[WK]] : tensor<256x32xf32>)
// CHECK:     scf.for %[[R:.*]] = %{{.*}} to %{{.*}} step %{{.*}} iter_args(%[[ROWS:.*]] = %[[ACC]])
// CHECK:       %[[XS:.*]] = tensor.extract_slice %[[XK]][%[[R]], 0] [%{{.*}}, 256]
// CHECK:       linalg.matmul ins(%[[XS]], %[[PANEL]] : tensor<?x256xf32>, tensor<256x32xf32>)
// CHECK:   linalg.generic {{.*}} ins(%[[SUM]] : tensor<128x32xf32>)
// CHECK:     math.exp
#id3 = affine_map<(d0, d1) -> (d0, d1)>
func.func @chunked_sum(%x: tensor<128x1024xf32>, %w: tensor<1024x64xf32>) -> tensor<128x64xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<128x64xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<128x64xf32>) -> tensor<128x64xf32>
  %mm = linalg.matmul {yat.lowering_config = #yat.lowering_config<tile_sizes = [128, 32, 0], inner_tile_sizes = [48, 0, 0], reduction_tile_sizes = [0, 0, 256]>} ins(%x, %w : tensor<128x1024xf32>, tensor<1024x64xf32>) outs(%init : tensor<128x64xf32>) -> tensor<128x64xf32>
  %y = linalg.generic {indexing_maps = [#id3, #id3], iterator_types = ["parallel", "parallel"]} ins(%mm : tensor<128x64xf32>) outs(%e : tensor<128x64xf32>) {
  ^bb0(%a: f32, %o: f32):
    %r = math.exp %a : f32
    linalg.yield %r : f32
  } -> tensor<128x64xf32>
  return %y : tensor<128x64xf32>
}

// -----

// A right operand read as (N, K) (x @ w.T) is packed as a (K, N) panel by a
// transpose, and the row tiles multiply with linalg.matmul's plain maps.
// CHECK-LABEL: func.func @transposed_weights
// CHECK-SAME: (%[[X:.*]]: tensor<192x32xf32>, %[[W:.*]]: tensor<128x32xf32>)
// CHECK: scf.forall (%[[J:.*]]) = (0) to (128) step (64)
// CHECK:   %[[WJ:.*]] = tensor.extract_slice %[[W]][%[[J]], 0] [64, 32]
// CHECK:   %[[PANEL:.*]] = linalg.transpose ins(%[[WJ]] : tensor<64x32xf32>) outs(%{{.*}} : tensor<32x64xf32>) permutation = [1, 0]
// CHECK:   scf.for
// CHECK:     linalg.matmul ins(%{{.*}}, %[[PANEL]] : tensor<96x32xf32>, tensor<32x64xf32>)
func.func @transposed_weights(%x: tensor<192x32xf32>, %w: tensor<128x32xf32>) -> tensor<192x128xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<192x128xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<192x128xf32>) -> tensor<192x128xf32>
  %0 = linalg.matmul indexing_maps = [affine_map<(m, n, k) -> (m, k)>, affine_map<(m, n, k) -> (n, k)>, affine_map<(m, n, k) -> (m, n)>] {yat.lowering_config = #yat.lowering_config<tile_sizes = [192, 64, 0], inner_tile_sizes = [96, 0, 0]>} ins(%x, %w : tensor<192x32xf32>, tensor<128x32xf32>) outs(%init : tensor<192x128xf32>) -> tensor<192x128xf32>
  return %0 : tensor<192x128xf32>
}

// -----

// A softmax: the divide is tiled by rows and computes in each tile the
// rows of the max, the exponentials and the sum it reads. The
// exponentials, read by both the sum and the divide, are computed once per
// tile (after CSE); the scale vector, read whole by every tile, is left
// outside.
// CHECK-LABEL: func.func @softmax
// CHECK-SAME: (%[[X:.*]]: tensor<64x128xf32>, %[[S:.*]]: tensor<128xf32>)
// CHECK: %[[SCALE:.*]] = linalg.generic {{.*}} ins(%[[S]] : tensor<128xf32>)
// CHECK: %[[RESULT:.*]] = scf.forall (%[[I:.*]]) = (0) to (64) step (16) shared_outs(%[[OUT:.*]] = %{{.*}})
// CHECK:   %[[ROWS:.*]] = tensor.extract_slice %[[X]][%[[I]], 0] [16, 128] [1, 1]
// CHECK:   %[[LOWEST:.*]] = linalg.fill {{.*}} -> tensor<16xf32>
// CHECK:   %[[MAX:.*]] = linalg.generic {{.*}} ins(%[[ROWS]] : tensor<16x128xf32>) outs(%[[LOWEST]] : tensor<16xf32>)
// CHECK:   %[[EXP:.*]] = linalg.generic {{.*}} ins(%[[ROWS]], %[[MAX]] : tensor<16x128xf32>, tensor<16xf32>)
// CHECK:     math.exp
// CHECK-NOT: math.exp
// CHECK:   %[[ZERO:.*]] = linalg.fill {{.*}} -> tensor<16xf32>
// CHECK:   %[[SUM:.*]] = linalg.generic {{.*}} ins(%[[EXP]] : tensor<16x128xf32>) outs(%[[ZERO]] : tensor<16xf32>)
// CHECK-NOT: math.exp
// CHECK:   %[[TILE:.*]] = linalg.generic {{.*}} ins(%[[EXP]], %[[SUM]], %[[SCALE]] : tensor<16x128xf32>, tensor<16xf32>, tensor<128xf32>)
// CHECK:   tensor.parallel_insert_slice %[[TILE]] into %[[OUT]][%[[I]], 0] [16, 128]
// CHECK-NOT: scf.forall
// CHECK: return %[[RESULT]]
#id = affine_map<(d0, d1) -> (d0, d1)>
#rows = affine_map<(d0, d1) -> (d0)>
#cols = affine_map<(d0, d1) -> (d1)>
#config = #yat.lowering_config<tile_sizes = [16, 0]>
func.func @softmax(%x: tensor<64x128xf32>, %s: tensor<128xf32>) -> tensor<64x128xf32> {
  %lowest = arith.constant 0xFF800000 : f32
  %zero = arith.constant 0.0 : f32
  %vector = tensor.empty() : tensor<128xf32>
  %scale = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>, affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]} ins(%s : tensor<128xf32>) outs(%vector : tensor<128xf32>) {
  ^bb0(%in: f32, %out: f32):
    %r = math.sqrt %in : f32
    linalg.yield %r : f32
  } -> tensor<128xf32>
  %empty = tensor.empty() : tensor<64xf32>
  %init = linalg.fill ins(%lowest : f32) outs(%empty : tensor<64xf32>) -> tensor<64xf32>
  %max = linalg.generic {indexing_maps = [#id, #rows], iterator_types = ["parallel", "reduction"]} ins(%x : tensor<64x128xf32>) outs(%init : tensor<64xf32>) attrs = {yat.lowering_config = #config} {
  ^bb0(%in: f32, %out: f32):
    %m = arith.maximumf %out, %in : f32
    linalg.yield %m : f32
  } -> tensor<64xf32>
  %full = tensor.empty() : tensor<64x128xf32>
  %exp = linalg.generic {indexing_maps = [#id, #rows, #id], iterator_types = ["parallel", "parallel"]} ins(%x, %max : tensor<64x128xf32>, tensor<64xf32>) outs(%full : tensor<64x128xf32>) attrs = {yat.lowering_config = #config} {
  ^bb0(%in: f32, %m: f32, %out: f32):
    %d = arith.subf %in, %m : f32
    %e = math.exp %d : f32
    linalg.yield %e : f32
  } -> tensor<64x128xf32>
  %zeros = linalg.fill ins(%zero : f32) outs(%empty : tensor<64xf32>) -> tensor<64xf32>
  %sum = linalg.generic {indexing_maps = [#id, #rows], iterator_types = ["parallel", "reduction"]} ins(%exp : tensor<64x128xf32>) outs(%zeros : tensor<64xf32>) attrs = {yat.lowering_config = #config} {
  ^bb0(%in: f32, %out: f32):
    %a = arith.addf %out, %in : f32
    linalg.yield %a : f32
  } -> tensor<64xf32>
  %y = linalg.generic {indexing_maps = [#id, #rows, #cols, #id], iterator_types = ["parallel", "parallel"]} ins(%exp, %sum, %scale : tensor<64x128xf32>, tensor<64xf32>, tensor<128xf32>) outs(%full : tensor<64x128xf32>) attrs = {yat.lowering_config = #config} {
  ^bb0(%e: f32, %t: f32, %c: f32, %out: f32):
    %q = arith.divf %e, %t : f32
    %r = arith.mulf %q, %c : f32
    linalg.yield %r : f32
  } -> tensor<64x128xf32>
  return %y : tensor<64x128xf32>
}

// -----

// An op without a kernel of its own takes parallel tile sizes only.
func.func @inner_sizes(%x: tensor<64x128xf32>) -> tensor<64x128xf32> {
  %full = tensor.empty() : tensor<64x128xf32>
  // expected-error @+1 {{'linalg.generic' op has inner or reduction tile sizes, which only matrix products and convolutions take}}
  %y = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} ins(%x : tensor<64x128xf32>) outs(%full : tensor<64x128xf32>) attrs = {yat.lowering_config = #yat.lowering_config<tile_sizes = [16, 0], inner_tile_sizes = [4, 0]>} {
  ^bb0(%in: f32, %out: f32):
    %r = math.exp %in : f32
    linalg.yield %r : f32
  } -> tensor<64x128xf32>
  return %y : tensor<64x128xf32>
}

// -----

// A reduction that only the epilogue reads, through the column loop: each
// parallel tile spans every row, so it computes the norms of its own
// columns of w, with no work done twice, and w is read while in cache.
// CHECK-LABEL: func.func @norms_in_tile
// CHECK-SAME: (%[[X:.*]]: tensor<8x32xf32>, %[[W:.*]]: tensor<128x32xf32>)
// CHECK-NOT: ins(%[[W]] : tensor<128x32xf32>)
// CHECK: scf.forall (%[[J:.*]]) = (0) to (128) step (64)
// CHECK:   %[[WJ:.*]] = tensor.extract_slice %[[W]][%[[J]], 0] [64, 32]
// CHECK:   %[[DOT:.*]] = linalg.matmul {{.*}} ins(%[[X]], %[[WJ]] :
// CHECK:   %[[NORMS:.*]] = linalg.generic {{.*}} iterator_types = ["parallel", "reduction"]} ins(%[[WJ]] : tensor<64x32xf32>) outs(%{{.*}} : tensor<64xf32>)
// CHECK:   linalg.generic {{.*}} ins(%[[DOT]], %[[NORMS]] : tensor<8x64xf32>, tensor<64xf32>)
#nk = affine_map<(d0, d1) -> (d0, d1)>
#n = affine_map<(d0, d1) -> (d0)>
#col = affine_map<(d0, d1) -> (d1)>
func.func @norms_in_tile(%x: tensor<8x32xf32>, %w: tensor<128x32xf32>) -> tensor<8x128xf32> {
  %zero = arith.constant 0.0 : f32
  %en = tensor.empty() : tensor<128xf32>
  %n0 = linalg.fill ins(%zero : f32) outs(%en : tensor<128xf32>) -> tensor<128xf32>
  %norms = linalg.generic {indexing_maps = [#nk, #n], iterator_types = ["parallel", "reduction"]} ins(%w : tensor<128x32xf32>) outs(%n0 : tensor<128xf32>) {
  ^bb0(%a: f32, %o: f32):
    %sq = arith.mulf %a, %a : f32
    %s = arith.addf %o, %sq : f32
    linalg.yield %s : f32
  } -> tensor<128xf32>
  %e = tensor.empty() : tensor<8x128xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<8x128xf32>) -> tensor<8x128xf32>
  %mm = linalg.matmul indexing_maps = [affine_map<(m, n, k) -> (m, k)>, affine_map<(m, n, k) -> (n, k)>, affine_map<(m, n, k) -> (m, n)>] {yat.lowering_config = #yat.lowering_config<tile_sizes = [8, 64, 0]>} ins(%x, %w : tensor<8x32xf32>, tensor<128x32xf32>) outs(%init : tensor<8x128xf32>) -> tensor<8x128xf32>
  %y = linalg.generic {indexing_maps = [#nk, #col, #nk], iterator_types = ["parallel", "parallel"]} ins(%mm, %norms : tensor<8x128xf32>, tensor<128xf32>) outs(%e : tensor<8x128xf32>) {
  ^bb0(%a: f32, %c: f32, %o: f32):
    %s = arith.subf %c, %a : f32
    linalg.yield %s : f32
  } -> tensor<8x128xf32>
  return %y : tensor<8x128xf32>
}

// -----

// With more than one tile of rows, every row tile would recompute the
// norms of its columns: they are computed once, outside the tiles.
// CHECK-LABEL: func.func @norms_outside_tiles
// CHECK-SAME: (%[[X:.*]]: tensor<8x32xf32>, %[[W:.*]]: tensor<128x32xf32>)
// CHECK: %[[NORMS:.*]] = linalg.generic {{.*}} ins(%[[W]] : tensor<128x32xf32>)
// CHECK: scf.forall (%{{.*}}, %[[J:.*]]) = (0, 0) to (8, 128) step (4, 64)
// CHECK:   tensor.extract_slice %[[NORMS]][%[[J]]] [64]
// CHECK-NOT: iterator_types = ["parallel", "reduction"]
#nk2 = affine_map<(d0, d1) -> (d0, d1)>
#n2 = affine_map<(d0, d1) -> (d0)>
#col2 = affine_map<(d0, d1) -> (d1)>
func.func @norms_outside_tiles(%x: tensor<8x32xf32>, %w: tensor<128x32xf32>) -> tensor<8x128xf32> {
  %zero = arith.constant 0.0 : f32
  %en = tensor.empty() : tensor<128xf32>
  %n0 = linalg.fill ins(%zero : f32) outs(%en : tensor<128xf32>) -> tensor<128xf32>
  %norms = linalg.generic {indexing_maps = [#nk2, #n2], iterator_types = ["parallel", "reduction"]} ins(%w : tensor<128x32xf32>) outs(%n0 : tensor<128xf32>) {
  ^bb0(%a: f32, %o: f32):
    %sq = arith.mulf %a, %a : f32
    %s = arith.addf %o, %sq : f32
    linalg.yield %s : f32
  } -> tensor<128xf32>
  %e = tensor.empty() : tensor<8x128xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<8x128xf32>) -> tensor<8x128xf32>
  %mm = linalg.matmul indexing_maps = [affine_map<(m, n, k) -> (m, k)>, affine_map<(m, n, k) -> (n, k)>, affine_map<(m, n, k) -> (m, n)>] {yat.lowering_config = #yat.lowering_config<tile_sizes = [4, 64, 0]>} ins(%x, %w : tensor<8x32xf32>, tensor<128x32xf32>) outs(%init : tensor<8x128xf32>) -> tensor<8x128xf32>
  %y = linalg.generic {indexing_maps = [#nk2, #col2, #nk2], iterator_types = ["parallel", "parallel"]} ins(%mm, %norms : tensor<8x128xf32>, tensor<128xf32>) outs(%e : tensor<8x128xf32>) {
  ^bb0(%a: f32, %c: f32, %o: f32):
    %s = arith.subf %c, %a : f32
    linalg.yield %s : f32
  } -> tensor<8x128xf32>
  return %y : tensor<8x128xf32>
}

// -----

// A parallel tile of 64 rows without inner tiles transposes its N x K
// weight columns into a K x N panel for the outer-product kernel; a tile
// of 8 rows reads them in place.
// CHECK-LABEL: func.func @panel_without_inner_tiles
// CHECK: scf.forall
// CHECK:   %[[PANEL:.*]] = linalg.transpose ins(%{{.*}} : tensor<64x32xf32>) outs(%{{.*}} : tensor<32x64xf32>) permutation = [1, 0]
// CHECK:   linalg.matmul ins(%{{.*}}, %[[PANEL]] : tensor<64x32xf32>, tensor<32x64xf32>)
// CHECK: scf.forall
// CHECK-NOT: linalg.transpose
// CHECK:   linalg.matmul indexing_maps
#nk_map = affine_map<(m, n, k) -> (n, k)>
func.func @panel_without_inner_tiles(%x: tensor<64x32xf32>, %w: tensor<128x32xf32>, %z: tensor<8x32xf32>) -> (tensor<64x128xf32>, tensor<8x128xf32>) {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<64x128xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<64x128xf32>) -> tensor<64x128xf32>
  %y = linalg.matmul indexing_maps = [affine_map<(m, n, k) -> (m, k)>, #nk_map, affine_map<(m, n, k) -> (m, n)>] {yat.lowering_config = #yat.lowering_config<tile_sizes = [64, 64, 0]>} ins(%x, %w : tensor<64x32xf32>, tensor<128x32xf32>) outs(%init : tensor<64x128xf32>) -> tensor<64x128xf32>
  %e8 = tensor.empty() : tensor<8x128xf32>
  %init8 = linalg.fill ins(%zero : f32) outs(%e8 : tensor<8x128xf32>) -> tensor<8x128xf32>
  %u = linalg.matmul indexing_maps = [affine_map<(m, n, k) -> (m, k)>, #nk_map, affine_map<(m, n, k) -> (m, n)>] {yat.lowering_config = #yat.lowering_config<tile_sizes = [8, 64, 0]>} ins(%z, %w : tensor<8x32xf32>, tensor<128x32xf32>) outs(%init8 : tensor<8x128xf32>) -> tensor<8x128xf32>
  return %y, %u : tensor<64x128xf32>, tensor<8x128xf32>
}
