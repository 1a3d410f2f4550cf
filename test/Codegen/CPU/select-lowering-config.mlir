// RUN: yat-opt %s -split-input-file -yat-cpu-select-lowering-config | FileCheck %s
// RUN: yat-opt %s -split-input-file -yat-cpu-select-lowering-config="tile-rows=32 tile-cols=16 depth-tile=256 min-parallel-tiles=1" | FileCheck %s --check-prefix=SMALL
// RUN: not yat-opt %s -split-input-file -yat-cpu-select-lowering-config="tile-rows=0" 2>&1 | FileCheck %s --check-prefix=BAD

// RUN: not yat-opt %s -split-input-file -yat-cpu-select-lowering-config="min-parallel-work=-1" 2>&1 | FileCheck %s --check-prefix=NEGATIVE
// RUN: yat-opt %s -split-input-file -yat-cpu-select-lowering-config="min-parallel-work=0" | FileCheck %s --check-prefix=ALL

// BAD: yat-cpu-select-lowering-config options must be positive (min-parallel-work non-negative), got tile-rows=0 tile-cols=64 depth-tile=512 min-parallel-tiles=16 min-parallel-work=65536
// NEGATIVE: got tile-rows=96 tile-cols=64 depth-tile=512 min-parallel-tiles=16 min-parallel-work=-1

// A matmul with 16 column tiles keeps its 256 rows in one parallel tile,
// steps through them 96 at a time and sums its 1024 terms in two chunks.
// CHECK-LABEL: func.func @matmul
// CHECK: linalg.matmul {yat.lowering_config = #yat.lowering_config<tile_sizes = [256, 64, 0], inner_tile_sizes = [96, 0, 0], reduction_tile_sizes = [0, 0, 512]>}
// SMALL-LABEL: func.func @matmul
// SMALL: linalg.matmul {yat.lowering_config = #yat.lowering_config<tile_sizes = [256, 16, 0], inner_tile_sizes = [32, 0, 0], reduction_tile_sizes = [0, 0, 256]>}
func.func @matmul(%x: tensor<256x1024xf32>, %w: tensor<1024x1024xf32>, %init: tensor<256x1024xf32>) -> tensor<256x1024xf32> {
  %0 = linalg.matmul ins(%x, %w : tensor<256x1024xf32>, tensor<1024x1024xf32>) outs(%init : tensor<256x1024xf32>) -> tensor<256x1024xf32>
  return %0 : tensor<256x1024xf32>
}

// -----

// With 2 column tiles, the 512 rows are shared among 8 parallel tiles of
// 64 rows.
// CHECK-LABEL: func.func @few_columns
// CHECK: linalg.matmul {yat.lowering_config = #yat.lowering_config<tile_sizes = [64, 64, 0]>}
// SMALL-LABEL: func.func @few_columns
// SMALL: tile_sizes = [512, 16, 0], inner_tile_sizes = [32, 0, 0]
func.func @few_columns(%x: tensor<512x64xf32>, %w: tensor<64x128xf32>, %init: tensor<512x128xf32>) -> tensor<512x128xf32> {
  %0 = linalg.matmul ins(%x, %w : tensor<512x64xf32>, tensor<64x128xf32>) outs(%init : tensor<512x128xf32>) -> tensor<512x128xf32>
  return %0 : tensor<512x128xf32>
}

// -----

// Odd sizes smaller than one tile: all 7 rows in one parallel tile (never
// fewer than 16 rows), no inner level.
// CHECK-LABEL: func.func @small
// CHECK: linalg.matmul {yat.lowering_config = #yat.lowering_config<tile_sizes = [7, 64, 0]>}
func.func @small(%x: tensor<7x17xf32>, %w: tensor<17x129xf32>, %init: tensor<7x129xf32>) -> tensor<7x129xf32> {
  %0 = linalg.matmul ins(%x, %w : tensor<7x17xf32>, tensor<17x129xf32>) outs(%init : tensor<7x129xf32>) -> tensor<7x129xf32>
  return %0 : tensor<7x129xf32>
}

// -----

// Batch loops are tiled by 1 and count towards the parallel tiles (8 x 2
// here), so the rows stay whole; the keys' (N, K) layout changes nothing.
// CHECK-LABEL: func.func @batch_matmul
// CHECK: linalg.batch_matmul
// CHECK-SAME: {yat.lowering_config = #yat.lowering_config<tile_sizes = [1, 96, 64, 0]>}
func.func @batch_matmul(%q: tensor<8x96x64xf32>, %k: tensor<8x128x64xf32>, %init: tensor<8x96x128xf32>) -> tensor<8x96x128xf32> {
  %0 = linalg.batch_matmul indexing_maps = [affine_map<(b, m, n, k) -> (b, m, k)>, affine_map<(b, m, n, k) -> (b, n, k)>, affine_map<(b, m, n, k) -> (b, m, n)>] ins(%q, %k : tensor<8x96x64xf32>, tensor<8x128x64xf32>) outs(%init : tensor<8x96x128xf32>) -> tensor<8x96x128xf32>
  return %0 : tensor<8x96x128xf32>
}

// -----

// A generic integer contraction with two M loops: the outer one is tiled
// by 1, the inner one (8 rows) is kept whole.
// CHECK-LABEL: func.func @generic_contraction
// CHECK: linalg.generic
// CHECK-SAME: yat.lowering_config = #yat.lowering_config<tile_sizes = [1, 8, 64, 0]>
func.func @generic_contraction(%a: tensor<4x8x16xi32>, %b: tensor<16x32xi32>, %init: tensor<4x8x32xi32>) -> tensor<4x8x32xi32> {
  %0 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d3)>, affine_map<(d0, d1, d2, d3) -> (d3, d2)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%a, %b : tensor<4x8x16xi32>, tensor<16x32xi32>) outs(%init : tensor<4x8x32xi32>) {
  ^bb0(%l: i32, %r: i32, %o: i32):
    %p = arith.muli %l, %r : i32
    %s = arith.addi %o, %p : i32
    linalg.yield %s : i32
  } -> tensor<4x8x32xi32>
  return %0 : tensor<4x8x32xi32>
}

// -----

// A configuration written by hand is kept; contractions with a dynamic
// loop other than the rows and contractions already inside parallel tiles
// get none.
// CHECK-LABEL: func.func @left_alone
// CHECK: linalg.matmul {yat.lowering_config = #yat.lowering_config<tile_sizes = [4, 4, 0]>}
// CHECK: linalg.matmul ins({{.*}} : tensor<8x?xf32>, tensor<?x8xf32>)
// CHECK: scf.forall
// CHECK: linalg.matmul ins({{.*}} : tensor<8x8xf32>, tensor<8x8xf32>)
// CHECK-NOT: yat.lowering_config
func.func @left_alone(%x: tensor<8x8xf32>, %a: tensor<8x?xf32>, %b: tensor<?x8xf32>) -> (tensor<8x8xf32>, tensor<8x8xf32>, tensor<8x8xf32>) {
  %0 = linalg.matmul {yat.lowering_config = #yat.lowering_config<tile_sizes = [4, 4, 0]>} ins(%x, %x : tensor<8x8xf32>, tensor<8x8xf32>) outs(%x : tensor<8x8xf32>) -> tensor<8x8xf32>
  %1 = linalg.matmul ins(%a, %b : tensor<8x?xf32>, tensor<?x8xf32>) outs(%x : tensor<8x8xf32>) -> tensor<8x8xf32>
  %2 = scf.forall (%i) in (1) shared_outs(%out = %x) -> (tensor<8x8xf32>) {
    %3 = linalg.matmul ins(%x, %x : tensor<8x8xf32>, tensor<8x8xf32>) outs(%out : tensor<8x8xf32>) -> tensor<8x8xf32>
    scf.forall.in_parallel {
      tensor.parallel_insert_slice %3 into %out[0, 0] [8, 8] [1, 1] : tensor<8x8xf32> into tensor<8x8xf32>
    }
  }
  return %0, %1, %2 : tensor<8x8xf32>, tensor<8x8xf32>, tensor<8x8xf32>
}

// -----

// Rows known only at run time (a dynamic batch): each parallel tile is a
// column panel with every row, stepped through 96 at a time; the sum of
// 1024 terms is still chunked. Elementwise ops with a dynamic shape get no
// configuration.
// CHECK-LABEL: func.func @dynamic_rows
// CHECK: linalg.matmul
// CHECK-SAME: yat.lowering_config = #yat.lowering_config<tile_sizes = [0, 64, 0], inner_tile_sizes = [96, 0, 0], reduction_tile_sizes = [0, 0, 512]>
// CHECK: linalg.generic
// CHECK-SAME: outs(%{{.+}} : tensor<?x1024xf32>) {{{$}}
func.func @dynamic_rows(%x: tensor<?x1024xf32>, %w: tensor<1024x1024xf32>, %init: tensor<?x1024xf32>) -> tensor<?x1024xf32> {
  %0 = linalg.matmul ins(%x, %w : tensor<?x1024xf32>, tensor<1024x1024xf32>) outs(%init : tensor<?x1024xf32>) -> tensor<?x1024xf32>
  %1 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} ins(%0 : tensor<?x1024xf32>) outs(%init : tensor<?x1024xf32>) {
  ^bb0(%in: f32, %out: f32):
    %r = math.exp %in : f32
    linalg.yield %r : f32
  } -> tensor<?x1024xf32>
  return %1 : tensor<?x1024xf32>
}


// -----

// A convolution with 2 batch elements: one tile per batch element and per
// eighth of the output rows, the rest of the image and every output
// channel in each tile.
// CHECK-LABEL: func.func @conv
// CHECK: linalg.conv_2d_nhwc_hwcf
// CHECK-SAME: yat.lowering_config = #yat.lowering_config<tile_sizes = [1, 4, 0, 0, 0, 0, 0]>
func.func @conv(%x: tensor<2x34x34x8xf32>, %w: tensor<3x3x8x16xf32>, %init: tensor<2x32x32x16xf32>) -> tensor<2x32x32x16xf32> {
  %0 = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%x, %w : tensor<2x34x34x8xf32>, tensor<3x3x8x16xf32>) outs(%init : tensor<2x32x32x16xf32>) -> tensor<2x32x32x16xf32>
  return %0 : tensor<2x32x32x16xf32>
}

// -----

// A grouped convolution with the group innermost (as the StableHLO lowering
// writes it): the group dim, although a convolution depth dim, stays whole
// for the vector kernels; the tiles cut the batch and the output rows.
// CHECK-LABEL: func.func @conv_group_innermost
// CHECK: linalg.generic
// CHECK-SAME: yat.lowering_config = #yat.lowering_config<tile_sizes = [1, 4, 0, 0, 0, 0, 0, 0]>
func.func @conv_group_innermost(%x: tensor<2x34x34x4x32xf32>, %w: tensor<3x3x4x4x32xf32>, %init: tensor<2x32x32x4x32xf32>) -> tensor<2x32x32x4x32xf32> {
  %0 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3, d4, d5, d6, d7) -> (d0, d1 + d4, d2 + d5, d6, d7)>, affine_map<(d0, d1, d2, d3, d4, d5, d6, d7) -> (d4, d5, d6, d3, d7)>, affine_map<(d0, d1, d2, d3, d4, d5, d6, d7) -> (d0, d1, d2, d3, d7)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction", "reduction", "reduction", "parallel"]} ins(%x, %w : tensor<2x34x34x4x32xf32>, tensor<3x3x4x4x32xf32>) outs(%init : tensor<2x32x32x4x32xf32>) {
  ^bb0(%in: f32, %in_0: f32, %out: f32):
    %1 = arith.mulf %in, %in_0 : f32
    %2 = arith.addf %out, %1 : f32
    linalg.yield %2 : f32
  } -> tensor<2x32x32x4x32xf32>
  return %0 : tensor<2x32x32x4x32xf32>
}

// -----

// Shapes whose tile counts multiply past 2^64 (as a fuzzer writes them)
// saturate instead of overflowing: the batch alone gives enough tiles.
// CHECK-LABEL: func.func @huge
// CHECK: linalg.batch_matmul
// CHECK-SAME: tile_sizes = [1, 16, 64, 0]
func.func @huge(%a: tensor<1099511627776x16x4xf32>, %b: tensor<1099511627776x4x1099511627776xf32>, %c: tensor<1099511627776x16x1099511627776xf32>) -> tensor<1099511627776x16x1099511627776xf32> {
  %0 = linalg.batch_matmul ins(%a, %b : tensor<1099511627776x16x4xf32>, tensor<1099511627776x4x1099511627776xf32>) outs(%c : tensor<1099511627776x16x1099511627776xf32>) -> tensor<1099511627776x16x1099511627776xf32>
  return %0 : tensor<1099511627776x16x1099511627776xf32>
}

// -----

// The steps of a softmax are cut into 16 tiles of whole rows, the reduced
// dim and the innermost dim left whole; the fills get no configuration of
// their own (they are computed in the tiles of the ops that read them).
// CHECK-LABEL: func.func @softmax_steps
// CHECK: %[[FILL:.+]] = linalg.fill ins(
// CHECK: %[[MAX:.+]] = linalg.generic
// CHECK-SAME: ins(%{{.+}} : tensor<256x4096xf32>) outs(%[[FILL]] : tensor<256xf32>)
// CHECK-SAME: yat.lowering_config = #yat.lowering_config<tile_sizes = [16, 0]>
// CHECK: linalg.generic
// CHECK-SAME: ins(%{{.+}}, %[[MAX]] : tensor<256x4096xf32>, tensor<256xf32>)
// CHECK-SAME: yat.lowering_config = #yat.lowering_config<tile_sizes = [16, 0]>
// SMALL-LABEL: func.func @softmax_steps
// SMALL-NOT: lowering_config
func.func @softmax_steps(%x: tensor<256x4096xf32>) -> tensor<256x4096xf32> {
  %lowest = arith.constant 0xFF800000 : f32
  %empty = tensor.empty() : tensor<256xf32>
  %init = linalg.fill ins(%lowest : f32) outs(%empty : tensor<256xf32>) -> tensor<256xf32>
  %max = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0)>], iterator_types = ["parallel", "reduction"]} ins(%x : tensor<256x4096xf32>) outs(%init : tensor<256xf32>) {
  ^bb0(%in: f32, %out: f32):
    %m = arith.maximumf %out, %in : f32
    linalg.yield %m : f32
  } -> tensor<256xf32>
  %full = tensor.empty() : tensor<256x4096xf32>
  %exp = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} ins(%x, %max : tensor<256x4096xf32>, tensor<256xf32>) outs(%full : tensor<256x4096xf32>) {
  ^bb0(%in: f32, %m: f32, %out: f32):
    %d = arith.subf %in, %m : f32
    %e = math.exp %d : f32
    linalg.yield %e : f32
  } -> tensor<256x4096xf32>
  return %exp : tensor<256x4096xf32>
}

// -----

// Outer dims shorter than the 16 tiles are cut by 1 and the next one
// takes the rest of the cuts: 8 images x 2 halves of the rows.
// CHECK-LABEL: func.func @few_images
// CHECK: yat.lowering_config = #yat.lowering_config<tile_sizes = [1, 16, 0, 0]>
func.func @few_images(%x: tensor<8x32x32x32xf32>) -> tensor<8x32x32x32xf32> {
  %empty = tensor.empty() : tensor<8x32x32x32xf32>
  %0 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%x : tensor<8x32x32x32xf32>) outs(%empty : tensor<8x32x32x32xf32>) {
  ^bb0(%in: f32, %out: f32):
    %r = arith.maximumf %in, %out : f32
    linalg.yield %r : f32
  } -> tensor<8x32x32x32xf32>
  return %0 : tensor<8x32x32x32xf32>
}

// -----

// A 1-d op is cut along its only dim, in chunks of a multiple of 64
// elements (2000000 / 16 = 125000, rounded up to 125056); one of 7
// elements is left whole.
// CHECK-LABEL: func.func @vector
// CHECK: linalg.generic
// CHECK-SAME: yat.lowering_config = #yat.lowering_config<tile_sizes = [125056]>
// CHECK: linalg.generic
// CHECK-SAME: outs(%{{.+}} : tensor<7xf32>) {{{$}}
func.func @vector(%x: tensor<2000000xf32>, %y: tensor<7xf32>) -> (tensor<2000000xf32>, tensor<7xf32>) {
  %0 = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>, affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]} ins(%x : tensor<2000000xf32>) outs(%x : tensor<2000000xf32>) {
  ^bb0(%in: f32, %out: f32):
    %r = math.exp %in : f32
    linalg.yield %r : f32
  } -> tensor<2000000xf32>
  %1 = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>, affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]} ins(%y : tensor<7xf32>) outs(%y : tensor<7xf32>) {
  ^bb0(%in: f32, %out: f32):
    %r = math.exp %in : f32
    linalg.yield %r : f32
  } -> tensor<7xf32>
  return %0, %1 : tensor<2000000xf32>, tensor<7xf32>
}

// -----

// A reversal (an indexing map that is no projected permutation) is left
// alone: upstream's tiling misjudges the slices it reads.
// CHECK-LABEL: func.func @reversal
// CHECK-NOT: lowering_config
func.func @reversal(%x: tensor<64x64xf32>) -> tensor<64x64xf32> {
  %empty = tensor.empty() : tensor<64x64xf32>
  %0 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, -d1 + 63)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} ins(%x : tensor<64x64xf32>) outs(%empty : tensor<64x64xf32>) {
  ^bb0(%in: f32, %out: f32):
    linalg.yield %in : f32
  } -> tensor<64x64xf32>
  return %0 : tensor<64x64xf32>
}

// -----

// 2^15 iterations, under the default min-parallel-work of 2^16: the op
// runs serially anyway, and tiles would only add loop overhead.
// CHECK-LABEL: func.func @little_work
// CHECK-NOT: lowering_config
// ALL-LABEL: func.func @little_work
// ALL: yat.lowering_config = #yat.lowering_config<tile_sizes = [1, 0]>
func.func @little_work(%x: tensor<16x2048xf32>) -> tensor<16x2048xf32> {
  %0 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} ins(%x : tensor<16x2048xf32>) outs(%x : tensor<16x2048xf32>) {
  ^bb0(%in: f32, %out: f32):
    %r = math.exp %in : f32
    linalg.yield %r : f32
  } -> tensor<16x2048xf32>
  return %0 : tensor<16x2048xf32>
}
