// RUN: yat-opt %s -split-input-file -yat-cpu-microkernels="micro-rows=2 micro-vectors=2 dot-rows=2 dot-cols=2" -canonicalize | FileCheck %s

// Plain matmul (K x N right operand): 2-row x 2-vector register tiles of
// broadcast-FMA over K, then single rows, then the 8 last columns with
// masked loads and stores.
// CHECK-LABEL: func.func @matmul_plain
// CHECK-SAME: (%[[A:.*]]: memref<?x8xf32>, %[[B:.*]]: memref<8x40xf32>, %[[C:.*]]: memref<?x40xf32>)
// CHECK: %[[MASK:.*]] = arith.constant dense<[true, true, true, true, true, true, true, true, false, false, false, false, false, false, false, false]> : vector<16xi1>
// CHECK: scf.for %[[M:.*]] = %{{.*}} to %{{.*}} step %c2
// CHECK:   %[[C0:.*]] = vector.load %[[C]][%[[M]], %c0] : memref<?x40xf32>, vector<16xf32>
// CHECK:   %[[ACC:.*]]:4 = scf.for %[[K:.*]] = %c0 to %c8 step %c1 iter_args(%[[X0:.*]] = %[[C0]], %{{.*}} = %{{.*}}, %{{.*}} = %{{.*}}, %{{.*}} = %{{.*}})
// CHECK:     %[[B0:.*]] = vector.load %[[B]][%[[K]], %c0]
// CHECK:     %[[B1:.*]] = vector.load %[[B]][%[[K]], %c16]
// CHECK:     %[[A0:.*]] = memref.load %[[A]][%[[M]], %[[K]]]
// CHECK:     %[[S0:.*]] = vector.broadcast %[[A0]] : f32 to vector<16xf32>
// CHECK:     vector.fma %[[S0]], %[[B0]], %[[X0]] : vector<16xf32>
// CHECK:     vector.fma %[[S0]], %[[B1]]
// CHECK-COUNT-2: vector.fma
// CHECK:     scf.yield
// CHECK:   vector.store %[[ACC]]#0, %[[C]][%[[M]], %c0]
// CHECK: scf.for
// CHECK: scf.for
// CHECK:   vector.maskedload %[[C]][%{{.*}}, %c32], %[[MASK]]
// CHECK:     vector.maskedload %[[B]][%{{.*}}, %c32], %[[MASK]]
// CHECK:   vector.maskedstore %[[C]][%{{.*}}, %c32], %[[MASK]]
// CHECK-NOT: linalg.matmul
func.func @matmul_plain(%a: memref<?x8xf32>, %b: memref<8x40xf32>, %c: memref<?x40xf32>) {
  linalg.matmul ins(%a, %b : memref<?x8xf32>, memref<8x40xf32>) outs(%c : memref<?x40xf32>)
  return
}

// -----

// Transposed matmul (N x K right operand) on f16: lane partial sums along K
// with FMAs, the K tail (20 = 16 + 4) read with masked loads, and a halving
// tree of adds per dot product added to C.
// CHECK-LABEL: func.func @matmul_transposed
// CHECK-SAME: (%[[A:.*]]: memref<3x20xf16>, %[[B:.*]]: memref<5x20xf16>, %[[C:.*]]: memref<3x5xf32>)
// CHECK-DAG: %[[TAIL:.*]] = arith.constant dense<[true, true, true, true, false, false, false, false, false, false, false, false, false, false, false, false]> : vector<16xi1>
// CHECK: scf.for %[[N:.*]] = %c0 to %c4 step %c2
// CHECK:   %[[W:.*]] = vector.load %[[B]][%[[N]], %c0] : memref<5x20xf16>, vector<16xf16>
// CHECK:   %[[WF:.*]] = arith.extf %[[W]] : vector<16xf16> to vector<16xf32>
// CHECK:   %[[X:.*]] = vector.load %[[A]][%c0, %c0] : memref<3x20xf16>, vector<16xf16>
// CHECK:   %[[XF:.*]] = arith.extf %[[X]]
// CHECK:   %[[P:.*]] = vector.fma %[[XF]], %[[WF]], %{{.*}} : vector<16xf32>
// CHECK:   vector.maskedload %[[B]][%[[N]], %c16], %[[TAIL]]
// CHECK:   %[[Q:.*]] = vector.fma %{{.*}}, %{{.*}}, %[[P]]
// CHECK:   %[[LO:.*]] = vector.extract_strided_slice %[[Q]] {offsets = [0], sizes = [8], strides = [1]}
// CHECK:   %[[HI:.*]] = vector.extract_strided_slice %[[Q]] {offsets = [8], sizes = [8], strides = [1]}
// CHECK:   arith.addf %[[LO]], %[[HI]] : vector<8xf32>
// CHECK:   %[[SUM:.*]] = vector.extract %{{.*}}[0] : f32 from vector<1xf32>
// CHECK:   %[[OLD:.*]] = memref.load %[[C]][%c0, %[[N]]]
// CHECK:   %[[NEW:.*]] = arith.addf %[[OLD]], %[[SUM]] : f32
// CHECK:   memref.store %[[NEW]], %[[C]][%c0, %[[N]]]
// CHECK-NOT: linalg.matmul
func.func @matmul_transposed(%a: memref<3x20xf16>, %b: memref<5x20xf16>, %c: memref<3x5xf32>) {
  linalg.matmul indexing_maps = [affine_map<(m, n, k) -> (m, k)>, affine_map<(m, n, k) -> (n, k)>, affine_map<(m, n, k) -> (m, n)>]
    ins(%a, %b : memref<3x20xf16>, memref<5x20xf16>) outs(%c : memref<3x5xf32>)
  return
}

// -----

// Channels-last conv: a loop over the batch and output rows around the
// outer-product kernel; rows are output positions along the innermost
// spatial dim, columns the output channels, the reduction runs over the
// window and the input channels and broadcasts input[n, oh + kh, ow + kw, c].
// CHECK-LABEL: func.func @conv
// CHECK-SAME: (%[[IN:.*]]: memref<1x3x18x8xf32>, %[[F:.*]]: memref<3x3x8x16xf32>, %[[O:.*]]: memref<1x1x16x16xf32>)
// CHECK: scf.for %[[POS:.*]] = %c0 to %c16 step %c2
// CHECK:   scf.for %[[KH:.*]] = %c0 to %c3 step %c1 iter_args
// CHECK:     scf.for %[[KW:.*]] = %c0 to %c3 step %c1 iter_args
// CHECK:       scf.for %[[CH:.*]] = %c0 to %c8 step %c1 iter_args
// CHECK:         vector.load %[[F]][%[[KH]], %[[KW]], %[[CH]], %c0] : memref<3x3x8x16xf32>, vector<16xf32>
// CHECK:         %[[COL:.*]] = affine.apply #{{.*}}(%[[POS]], %[[KW]])
// CHECK:         memref.load %[[IN]][%c0, %[[KH]], %[[COL]], %[[CH]]]
// CHECK:         vector.fma
// CHECK: vector.store %{{.*}}, %[[O]][%c0, %c0, %[[POS]], %c0]
// CHECK-NOT: linalg.conv
func.func @conv(%in: memref<1x3x18x8xf32>, %f: memref<3x3x8x16xf32>, %o: memref<1x1x16x16xf32>) {
  linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%in, %f : memref<1x3x18x8xf32>, memref<3x3x8x16xf32>) outs(%o : memref<1x1x16x16xf32>)
  return
}

// -----

// Elementwise epilogue: vectors along the innermost dim, inputs that do not
// depend on it broadcast, the body cloned on vectors (rounding to bf16
// included), and a masked step for the last 4 of 20 columns.
// CHECK-LABEL: func.func @epilogue
// CHECK-SAME: (%[[DOT:.*]]: memref<4x20xf32>, %[[ROWS:.*]]: memref<4xf32>, %[[COLS:.*]]: memref<20xf32>, %[[OUT:.*]]: memref<4x20xbf16, strided<[40, 1], offset: ?>>)
// CHECK: scf.for %[[I:.*]] = %c0 to %c4 step %c1
// CHECK:   %[[D:.*]] = vector.load %[[DOT]][%[[I]], %c0] : memref<4x20xf32>, vector<16xf32>
// CHECK:   %[[R:.*]] = memref.load %[[ROWS]][%[[I]]]
// CHECK:   %[[CV:.*]] = vector.load %[[COLS]][%c0]
// CHECK:   %[[RB:.*]] = vector.broadcast %[[R]] : f32 to vector<16xf32>
// CHECK:   %[[S:.*]] = arith.addf %[[RB]], %[[CV]] : vector<16xf32>
// CHECK:   %[[T:.*]] = arith.mulf %[[D]], %[[S]] : vector<16xf32>
// CHECK:   %[[U:.*]] = arith.truncf %[[T]] : vector<16xf32> to vector<16xbf16>
// CHECK:   vector.store %[[U]], %[[OUT]][%[[I]], %c0]
// CHECK:   vector.maskedload %[[DOT]][%[[I]], %c16]
// CHECK:   vector.maskedstore %[[OUT]][%[[I]], %c16]
// CHECK-NOT: linalg.generic
func.func @epilogue(%dot: memref<4x20xf32>, %rows: memref<4xf32>, %cols: memref<20xf32>, %out: memref<4x20xbf16, strided<[40, 1], offset: ?>>) {
  linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i)>, affine_map<(i, j) -> (j)>, affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]}
    ins(%dot, %rows, %cols : memref<4x20xf32>, memref<4xf32>, memref<20xf32>) outs(%out : memref<4x20xbf16, strided<[40, 1], offset: ?>>) {
  ^bb0(%d: f32, %r: f32, %c: f32, %o: bf16):
    %s = arith.addf %r, %c : f32
    %t = arith.mulf %d, %s : f32
    %u = arith.truncf %t : f32 to bf16
    linalg.yield %u : bf16
  }
  return
}

// -----

// Two outputs (a recurrence step: the f32 state in place and the state
// rounded to bf16 into a strided slice): each vector step stores both.
// CHECK-LABEL: func.func @two_outputs
// CHECK-SAME: (%[[A:.*]]: memref<1x16xf32>, %[[STATE:.*]]: memref<1x16xf32>, %[[H:.*]]: memref<1x16xbf16, strided<[64, 1], offset: ?>>)
// CHECK: %[[AV:.*]] = vector.load %[[A]][%c0, %c0] : memref<1x16xf32>, vector<16xf32>
// CHECK: %[[SV:.*]] = vector.load %[[STATE]][%c0, %c0] : memref<1x16xf32>, vector<16xf32>
// CHECK: %[[NEXT:.*]] = arith.mulf %[[AV]], %[[SV]] : vector<16xf32>
// CHECK: %[[ROUNDED:.*]] = arith.truncf %[[NEXT]] : vector<16xf32> to vector<16xbf16>
// CHECK: vector.store %[[NEXT]], %[[STATE]][%c0, %c0]
// CHECK: vector.store %[[ROUNDED]], %[[H]][%c0, %c0]
// CHECK-NOT: linalg.generic
func.func @two_outputs(%a: memref<1x16xf32>, %state: memref<1x16xf32>, %h: memref<1x16xbf16, strided<[64, 1], offset: ?>>) {
  linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]}
    ins(%a : memref<1x16xf32>) outs(%state, %h : memref<1x16xf32>, memref<1x16xbf16, strided<[64, 1], offset: ?>>) {
  ^bb0(%av: f32, %s: f32, %o: bf16):
    %next = arith.mulf %av, %s : f32
    %rounded = arith.truncf %next : f32 to bf16
    linalg.yield %next, %rounded : f32, bf16
  }
  return
}

// -----

// Row reduction (max): a vector accumulator starting at -inf, a halving tree
// of maximumf, and the result combined with the output's value.
// CHECK-LABEL: func.func @row_max
// CHECK-SAME: (%[[S:.*]]: memref<8x32xf32>, %[[M:.*]]: memref<8xf32>)
// CHECK: %[[NEG:.*]] = arith.constant dense<0xFF800000> : vector<16xf32>
// CHECK: scf.for %[[I:.*]] = %c0 to %c8 step %c1
// CHECK:   %[[ACC:.*]] = scf.for %[[J:.*]] = %c0 to %c32 step %c16 iter_args(%[[A:.*]] = %[[NEG]]) -> (vector<16xf32>)
// CHECK:     %[[V:.*]] = vector.load %[[S]][%[[I]], %[[J]]]
// CHECK:     %[[NEXT:.*]] = arith.maximumf %[[A]], %[[V]] : vector<16xf32>
// CHECK:     scf.yield %[[NEXT]]
// CHECK:   vector.extract_strided_slice %[[ACC]] {offsets = [0], sizes = [8], strides = [1]}
// CHECK:   arith.maximumf %{{.*}}, %{{.*}} : vector<8xf32>
// CHECK:   %[[LANE:.*]] = vector.extract %{{.*}}[0] : f32 from vector<1xf32>
// CHECK:   %[[OLD:.*]] = memref.load %[[M]][%[[I]]]
// CHECK:   %[[NEW:.*]] = arith.maximumf %[[OLD]], %[[LANE]] : f32
// CHECK:   memref.store %[[NEW]], %[[M]][%[[I]]]
func.func @row_max(%s: memref<8x32xf32>, %m: memref<8xf32>) {
  linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i)>], iterator_types = ["parallel", "reduction"]}
    ins(%s : memref<8x32xf32>) outs(%m : memref<8xf32>) {
  ^bb0(%x: f32, %acc: f32):
    %y = arith.maximumf %acc, %x : f32
    linalg.yield %y : f32
  }
  return
}

// -----

// linalg.index of the innermost dim becomes a lane index vector; exp on
// vectors becomes a polynomial approximation (no libm call per lane).
// CHECK-LABEL: func.func @mask_with_index
// CHECK: %[[LANES:.*]] = arith.constant dense<[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]> : vector<16xindex>
// CHECK: scf.for %[[I:.*]] =
// CHECK:   %[[LAST:.*]] = arith.addi %[[I]], %{{.*}} : index
// CHECK:   %[[LASTV:.*]] = vector.broadcast %[[LAST]] : index to vector<16xindex>
// CHECK:   %[[HIDE:.*]] = arith.cmpi slt, %[[LASTV]], %[[LANES]] : vector<16xindex>
// CHECK:   arith.select %[[HIDE]], %{{.*}}, %{{.*}} : vector<16xi1>, vector<16xf32>
// CHECK-NOT: math.exp
// CHECK:   vector.store
func.func @mask_with_index(%s: memref<4x16xf32>, %o: memref<4x16xf32>, %off: index) {
  linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]}
    ins(%s : memref<4x16xf32>) outs(%o : memref<4x16xf32>) {
  ^bb0(%x: f32, %y: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %l = arith.addi %i, %off : index
    %c = arith.cmpi sgt, %j, %l : index
    %ninf = arith.constant 0xFF800000 : f32
    %r = arith.select %c, %ninf, %x : f32
    %e = math.exp %r : f32
    linalg.yield %e : f32
  }
  return
}

// -----

// 2-d transpose: 16 x 16 blocks through registers (16 row loads, shuffles,
// 16 row stores), element copies for the edges (20 = 16 + 4 rows, 40 = 32 +
// 8 columns of the output).
// CHECK-LABEL: func.func @transpose
// CHECK-SAME: (%[[W:.*]]: memref<20x40xf32>, %[[P:.*]]: memref<40x20xf32>)
// CHECK: scf.for %[[R:.*]] = %c0 to %c32 step %c16
// CHECK-COUNT-16: vector.load %[[W]]
// CHECK: vector.shuffle
// CHECK-COUNT-16: vector.store %{{.*}}, %[[P]]
// CHECK: scf.for
// CHECK:   scf.for
// CHECK:     memref.load %[[W]]
// CHECK:     memref.store %{{.*}}, %[[P]]
// CHECK-NOT: linalg.transpose
func.func @transpose(%w: memref<20x40xf32>, %p: memref<40x20xf32>) {
  linalg.transpose ins(%w : memref<20x40xf32>) outs(%p : memref<40x20xf32>) permutation = [1, 0]
  return
}

// -----

// A strided copy (into the interior of a padded buffer) becomes vector
// loops with a masked tail; a contiguous copy stays a memref.copy.
// CHECK-LABEL: func.func @copies
// CHECK-SAME: (%[[A:.*]]: memref<4x30xf32>, %[[B:.*]]: memref<4x30xf32, strided<[32, 1], offset: 33>>, %[[C:.*]]: memref<4x30xf32>)
// CHECK: scf.for %[[I:.*]] = %c0 to %c4 step %c1
// CHECK:   %[[V:.*]] = vector.load %[[A]][%[[I]], %c0]
// CHECK:   vector.store %[[V]], %[[B]][%[[I]], %c0]
// CHECK:   vector.maskedload %[[A]][%[[I]], %c16]
// CHECK:   vector.maskedstore %[[B]][%[[I]], %c16]
// CHECK: memref.copy %[[A]], %[[C]]
func.func @copies(%a: memref<4x30xf32>, %b: memref<4x30xf32, strided<[32, 1], offset: 33>>, %c: memref<4x30xf32>) {
  memref.copy %a, %b : memref<4x30xf32> to memref<4x30xf32, strided<[32, 1], offset: 33>>
  memref.copy %a, %c : memref<4x30xf32> to memref<4x30xf32>
  return
}

// -----

// A window over the input (a depthwise conv with stride 2): the outer loops
// run in order, reductions included, and compute the input's index from
// theirs; the innermost channel loop is vectorized, its last 4 of 20 lanes
// masked.
// CHECK-LABEL: func.func @depthwise_window
// CHECK-SAME: (%[[X:.*]]: memref<1x9x20xf32>, %[[F:.*]]: memref<3x20xf32>, %[[OUT:.*]]: memref<1x4x20xf32>)
// CHECK: scf.for %[[W:.*]] = %c0 to %c4 step %c1
// CHECK:   scf.for %[[K:.*]] = %c0 to %c3 step %c1
// CHECK:     %[[POS:.*]] = affine.apply #{{.*}}(%[[W]], %[[K]])
// CHECK:     %[[XV:.*]] = vector.load %[[X]][%c0, %[[POS]], %c0] : memref<1x9x20xf32>, vector<16xf32>
// CHECK:     %[[FV:.*]] = vector.load %[[F]][%[[K]], %c0] : memref<3x20xf32>, vector<16xf32>
// CHECK:     %[[OV:.*]] = vector.load %[[OUT]][%c0, %[[W]], %c0] : memref<1x4x20xf32>, vector<16xf32>
// CHECK:     %[[P:.*]] = arith.mulf %[[XV]], %[[FV]] : vector<16xf32>
// CHECK:     %[[S:.*]] = arith.addf %[[OV]], %[[P]] : vector<16xf32>
// CHECK:     vector.store %[[S]], %[[OUT]][%c0, %[[W]], %c0]
// CHECK:     vector.maskedload %[[X]][%c0, %{{.*}}, %c16]
// CHECK:     vector.maskedstore %[[OUT]][%c0, %[[W]], %c16]
// CHECK-NOT: linalg.generic
func.func @depthwise_window(%x: memref<1x9x20xf32>, %f: memref<3x20xf32>, %out: memref<1x4x20xf32>) {
  linalg.generic {indexing_maps = [affine_map<(n, w, k, c) -> (n, w * 2 + k, c)>, affine_map<(n, w, k, c) -> (k, c)>, affine_map<(n, w, k, c) -> (n, w, c)>], iterator_types = ["parallel", "parallel", "reduction", "parallel"]}
    ins(%x, %f : memref<1x9x20xf32>, memref<3x20xf32>) outs(%out : memref<1x4x20xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %p = arith.mulf %a, %b : f32
    %s = arith.addf %acc, %p : f32
    linalg.yield %s : f32
  }
  return
}

// -----

// A reversal along an outer dim: the row index is computed from the loop's.
// Complex elements, which vectors cannot hold, are left to scalar loops.
// CHECK-LABEL: func.func @reverse_rows
// CHECK-SAME: (%[[A:.*]]: memref<4x16xf32>, %[[B:.*]]: memref<4x16xf32>, %[[C:.*]]: memref<4x16xcomplex<f32>>, %[[D:.*]]: memref<4x16xcomplex<f32>>)
// CHECK: scf.for %[[I:.*]] = %c0 to %c4 step %c1
// CHECK:   %[[ROW:.*]] = affine.apply #{{.*}}(%[[I]])
// CHECK:   %[[V:.*]] = vector.load %[[A]][%[[ROW]], %c0] : memref<4x16xf32>, vector<16xf32>
// CHECK:   vector.store %[[V]], %[[B]][%[[I]], %c0]
// CHECK: linalg.generic {{.*}} ins(%[[C]] : memref<4x16xcomplex<f32>>)
func.func @reverse_rows(%a: memref<4x16xf32>, %b: memref<4x16xf32>, %c: memref<4x16xcomplex<f32>>, %d: memref<4x16xcomplex<f32>>) {
  linalg.generic {indexing_maps = [affine_map<(i, j) -> (3 - i, j)>, affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]}
    ins(%a : memref<4x16xf32>) outs(%b : memref<4x16xf32>) {
  ^bb0(%x: f32, %y: f32):
    linalg.yield %x : f32
  }
  linalg.generic {indexing_maps = [affine_map<(i, j) -> (3 - i, j)>, affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]}
    ins(%c : memref<4x16xcomplex<f32>>) outs(%d : memref<4x16xcomplex<f32>>) {
  ^bb0(%x: complex<f32>, %y: complex<f32>):
    linalg.yield %x : complex<f32>
  }
  return
}

// -----

// A generic reading an input across its innermost dim (not a plain copy) is
// left for convert-linalg-to-loops.
// CHECK-LABEL: func.func @left_alone
// CHECK: linalg.generic
// CHECK-NOT: vector.
func.func @left_alone(%a: memref<8x8xf32>, %b: memref<8x8xf32>) {
  linalg.generic {indexing_maps = [affine_map<(i, j) -> (j, i)>, affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]}
    ins(%a, %a : memref<8x8xf32>, memref<8x8xf32>) outs(%b : memref<8x8xf32>) {
  ^bb0(%x: f32, %y: f32, %z: f32):
    %s = arith.addf %x, %y : f32
    linalg.yield %s : f32
  }
  return
}

// -----

// Integer division is left to scalar loops: a masked-off lane could divide
// by zero and trap.
// CHECK-LABEL: func.func @integer_division
// CHECK: linalg.generic
// CHECK: arith.divsi %{{.*}}, %{{.*}} : i32
// CHECK-NOT: vector.
func.func @integer_division(%a: memref<4x20xi32>, %b: memref<4x20xi32>, %c: memref<4x20xi32>) {
  linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]}
    ins(%a, %b : memref<4x20xi32>, memref<4x20xi32>) outs(%c : memref<4x20xi32>) {
  ^bb0(%x: i32, %y: i32, %z: i32):
    %q = arith.divsi %x, %y : i32
    linalg.yield %q : i32
  }
  return
}

// -----

// Static sizes get exact remainder tiles: 7 rows are one 2-row tile loop
// (rows 0..5) and a single 1-row tile at row 6; 24 columns are one panel of
// two vectors, the second masked to 8 lanes.
// CHECK-LABEL: func.func @matmul_static_remainders
// CHECK: scf.for %{{.*}} = %c0 to %c6 step %c2
// CHECK:   scf.for {{.*}} -> (vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>)
// CHECK: vector.load %{{.*}}[%c6, %c0]
// CHECK: vector.maskedload %{{.*}}[%c6, %c16]
// CHECK: scf.for {{.*}} -> (vector<16xf32>, vector<16xf32>)
// CHECK: vector.maskedstore %{{.*}}[%c6, %c16]
func.func @matmul_static_remainders(%a: memref<7x8xf32>, %b: memref<8x24xf32>, %c: memref<7x24xf32>) {
  linalg.matmul ins(%a, %b : memref<7x8xf32>, memref<8x24xf32>) outs(%c : memref<7x24xf32>)
  return
}

// -----

// A scalar (non-buffer) input is broadcast; a fill on buffers is the same
// generic, its value stored vector by vector.
// CHECK-LABEL: func.func @scalar_input
// CHECK-SAME: (%[[S:.*]]: f32, %[[O:.*]]: memref<32xf32>, %[[P:.*]]: memref<4x20xf32, strided<[40, 1], offset: ?>>)
// CHECK: scf.for %[[I:.*]] = %c0 to %c32 step %c16
// CHECK:   %[[OV:.*]] = vector.load %[[O]][%[[I]]]
// CHECK:   %[[SV:.*]] = vector.broadcast %[[S]] : f32 to vector<16xf32>
// CHECK:   %[[SUM:.*]] = arith.addf %[[SV]], %[[OV]] : vector<16xf32>
// CHECK:   vector.store %[[SUM]], %[[O]][%[[I]]]
// CHECK: scf.for %[[R:.*]] = %c0 to %c4 step %c1
// CHECK:   %[[FV:.*]] = vector.broadcast %[[S]] : f32 to vector<16xf32>
// CHECK:   vector.store %[[FV]], %[[P]][%[[R]], %c0]
// CHECK:   vector.maskedstore %[[P]][%[[R]], %c16]
// CHECK-NOT: linalg.
func.func @scalar_input(%s: f32, %o: memref<32xf32>, %p: memref<4x20xf32, strided<[40, 1], offset: ?>>) {
  linalg.generic {indexing_maps = [affine_map<(i) -> ()>, affine_map<(i) -> (i)>], iterator_types = ["parallel"]}
    ins(%s : f32) outs(%o : memref<32xf32>) {
  ^bb0(%x: f32, %y: f32):
    %z = arith.addf %x, %y : f32
    linalg.yield %z : f32
  }
  linalg.fill ins(%s : f32) outs(%p : memref<4x20xf32, strided<[40, 1], offset: ?>>)
  return
}

// -----

// A reduction over an outer dim with a parallel innermost dim (the norms of
// HWCF filters, one per output channel) runs the outer loops in order and
// updates output vectors.
// CHECK-LABEL: func.func @column_norms
// CHECK-SAME: (%[[F:.*]]: memref<9x32xf32>, %[[N:.*]]: memref<32xf32>)
// CHECK: scf.for %[[K:.*]] = %c0 to %c9 step %c1
// CHECK:   scf.for %[[J:.*]] = %c0 to %c32 step %c16
// CHECK:     %[[V:.*]] = vector.load %[[F]][%[[K]], %[[J]]]
// CHECK:     %[[ACC:.*]] = vector.load %[[N]][%[[J]]]
// CHECK:     %[[SQ:.*]] = arith.mulf %[[V]], %[[V]] : vector<16xf32>
// CHECK:     %[[SUM:.*]] = arith.addf %[[ACC]], %[[SQ]] : vector<16xf32>
// CHECK:     vector.store %[[SUM]], %[[N]][%[[J]]]
// CHECK-NOT: linalg.generic
func.func @column_norms(%f: memref<9x32xf32>, %n: memref<32xf32>) {
  linalg.generic {indexing_maps = [affine_map<(k, j) -> (k, j)>, affine_map<(k, j) -> (j)>], iterator_types = ["reduction", "parallel"]}
    ins(%f : memref<9x32xf32>) outs(%n : memref<32xf32>) {
  ^bb0(%x: f32, %acc: f32):
    %sq = arith.mulf %x, %x : f32
    %sum = arith.addf %acc, %sq : f32
    linalg.yield %sum : f32
  }
  return
}

// -----

// The bf16 pair contraction (yat-cpu-tile-and-fuse's bf16-pairs panels): a
// 2-row x 2-vector tile per step of a pair, each row's pair of A broadcast
// as one 32-bit word, 16 columns of pairs of B per vector, and one
// x86vector.avx512.dot per row and vector; the last 6 columns (38 = 32 + 6)
// load 12 bf16 of each pair vector and store 6 f32 lanes.
// CHECK-LABEL: func.func @bf16_pairs
// CHECK-SAME: (%[[A:.*]]: memref<?x5x2xbf16>, %[[B:.*]]: memref<5x38x2xbf16>, %[[C:.*]]: memref<?x38xf32>)
// CHECK: scf.for %[[M:.*]] = %{{.*}} to %{{.*}} step %c2
// CHECK:   %[[ACC:.*]]:4 = scf.for %[[P:.*]] = %c0 to %c5 step %c1 iter_args
// CHECK:     %[[B0:.*]] = vector.load %[[B]][%[[P]], %c0, %c0] : memref<5x38x2xbf16>, vector<32xbf16>
// CHECK:     %[[B1:.*]] = vector.load %[[B]][%[[P]], %c16, %c0] : memref<5x38x2xbf16>, vector<32xbf16>
// CHECK:     %[[PAIR:.*]] = vector.load %[[A]][%[[M]], %[[P]], %c0] : memref<?x5x2xbf16>, vector<2xbf16>
// CHECK:     %[[WORD:.*]] = vector.bitcast %[[PAIR]] : vector<2xbf16> to vector<1xi32>
// CHECK:     %[[SCALAR:.*]] = vector.extract %[[WORD]][0] : i32 from vector<1xi32>
// CHECK:     %[[WORDS:.*]] = vector.broadcast %[[SCALAR]] : i32 to vector<16xi32>
// CHECK:     %[[LHS:.*]] = vector.bitcast %[[WORDS]] : vector<16xi32> to vector<32xbf16>
// CHECK:     x86vector.avx512.dot %{{.*}}, %[[LHS]], %[[B0]] : vector<32xbf16> -> vector<16xf32>
// CHECK:     x86vector.avx512.dot %{{.*}}, %[[LHS]], %[[B1]] : vector<32xbf16> -> vector<16xf32>
// CHECK-COUNT-2: x86vector.avx512.dot
// CHECK:   vector.store %[[ACC]]#0, %[[C]][%[[M]], %c0]
// CHECK: vector.maskedload %[[B]][%{{.*}}, %c32, %c0], %{{.*}}, %{{.*}} : memref<5x38x2xbf16>, vector<32xi1>, vector<32xbf16> into vector<32xbf16>
// CHECK: vector.maskedstore %[[C]][%{{.*}}, %c32]
// CHECK-NOT: linalg.generic
func.func @bf16_pairs(%a: memref<?x5x2xbf16>, %b: memref<5x38x2xbf16>, %c: memref<?x38xf32>) {
  linalg.generic {indexing_maps = [affine_map<(m, n, p, j) -> (m, p, j)>, affine_map<(m, n, p, j) -> (p, n, j)>, affine_map<(m, n, p, j) -> (m, n)>], iterator_types = ["parallel", "parallel", "reduction", "reduction"]} ins(%a, %b : memref<?x5x2xbf16>, memref<5x38x2xbf16>) outs(%c : memref<?x38xf32>) {
  ^bb0(%x: bf16, %y: bf16, %acc: f32):
    %xf = arith.extf %x : bf16 to f32
    %yf = arith.extf %y : bf16 to f32
    %p = arith.mulf %xf, %yf : f32
    %s = arith.addf %acc, %p : f32
    linalg.yield %s : f32
  }
  return
}

// -----

// Pairs that are not contiguous (a strided B) are not the pair
// contraction: no dot products.
// CHECK-LABEL: func.func @bf16_pairs_strided
// CHECK-NOT: x86vector.avx512.dot
func.func @bf16_pairs_strided(%a: memref<4x5x2xbf16>, %b: memref<5x16x2xbf16, strided<[64, 4, 1]>>, %c: memref<4x16xf32>) {
  linalg.generic {indexing_maps = [affine_map<(m, n, p, j) -> (m, p, j)>, affine_map<(m, n, p, j) -> (p, n, j)>, affine_map<(m, n, p, j) -> (m, n)>], iterator_types = ["parallel", "parallel", "reduction", "reduction"]} ins(%a, %b : memref<4x5x2xbf16>, memref<5x16x2xbf16, strided<[64, 4, 1]>>) outs(%c : memref<4x16xf32>) {
  ^bb0(%x: bf16, %y: bf16, %acc: f32):
    %xf = arith.extf %x : bf16 to f32
    %yf = arith.extf %y : bf16 to f32
    %p = arith.mulf %xf, %yf : f32
    %s = arith.addf %acc, %p : f32
    linalg.yield %s : f32
  }
  return
}

// -----

// Packing a bf16 pair panel (out[p, c, i] = in[c, 2p + i]): each pair is a
// 32-bit word, so 16 x 16 blocks of words are transposed in registers;
// the 4 columns past the last block (20 = 16 + 4) and the pairs past the
// last block (17 = 16 + 1) are copied element by element.
// CHECK-LABEL: func.func @bf16_pair_pack
// CHECK-SAME: (%[[IN:.*]]: memref<20x34xbf16>, %[[OUT:.*]]: memref<17x20x2xbf16>)
// CHECK: %[[ROW:.*]] = vector.load %[[IN]][%c0, %c0] : memref<20x34xbf16>, vector<32xbf16>
// CHECK: vector.bitcast %[[ROW]] : vector<32xbf16> to vector<16xi32>
// CHECK-COUNT-15: vector.load %[[IN]]
// CHECK: vector.shuffle
// CHECK: %[[WORDS:.*]] = vector.bitcast %{{.*}} : vector<16xi32> to vector<32xbf16>
// CHECK: vector.store %[[WORDS]], %[[OUT]][%c0, %c0, %c0] : memref<17x20x2xbf16>, vector<32xbf16>
// CHECK: scf.for %{{.*}} = %c16 to %c20 step %c1
// CHECK:   memref.load %[[IN]]
// CHECK: scf.for %{{.*}} = %c0 to %c20 step %c1
// CHECK:   memref.load %[[IN]][%{{.*}}, %c32]
// CHECK:   memref.store %{{.*}}, %[[OUT]][%c16, %{{.*}}, %c0]
// CHECK-NOT: linalg.generic
func.func @bf16_pair_pack(%in: memref<20x34xbf16>, %out: memref<17x20x2xbf16>) {
  linalg.generic {indexing_maps = [affine_map<(p, c, i) -> (c, p * 2 + i)>, affine_map<(p, c, i) -> (p, c, i)>], iterator_types = ["parallel", "parallel", "parallel"]} ins(%in : memref<20x34xbf16>) outs(%out : memref<17x20x2xbf16>) {
  ^bb0(%x: bf16, %y: bf16):
    linalg.yield %x : bf16
  }
  return
}

// -----

// A transpose that moves the innermost dim ((b, t, h, d) -> (b, h, d, t))
// is copied plane by plane: loops over b and h around a 2-d transpose of
// the (t, d) plane of the input into the (d, t) plane of the output, in
// 16 x 16 register blocks.
// CHECK-LABEL: func.func @transpose_planes
// CHECK-SAME: (%[[IN:.*]]: memref<2x32x3x16xf32>, %[[OUT:.*]]: memref<2x3x16x32xf32>)
// CHECK: scf.for %[[B:.*]] = %c0 to %c2 step %c1
// CHECK:   scf.for %[[H:.*]] = %c0 to %c3 step %c1
// CHECK:     %[[INPLANE:.*]] = memref.subview %[[IN]][%[[B]], 0, %[[H]], 0] [1, 32, 1, 16] [1, 1, 1, 1] : memref<2x32x3x16xf32> to memref<32x16xf32, strided<[48, 1], offset: ?>>
// CHECK:     %[[OUTPLANE:.*]] = memref.subview %[[OUT]][%[[B]], %[[H]], 0, 0] [1, 1, 16, 32] [1, 1, 1, 1] : memref<2x3x16x32xf32> to memref<16x32xf32, strided<[32, 1], offset: ?>>
// CHECK:     vector.load %[[INPLANE]]
// CHECK:     vector.shuffle
// CHECK:     vector.store %{{.*}}, %[[OUTPLANE]]
// CHECK-NOT: linalg.transpose
func.func @transpose_planes(%in: memref<2x32x3x16xf32>, %out: memref<2x3x16x32xf32>) {
  linalg.transpose ins(%in : memref<2x32x3x16xf32>) outs(%out : memref<2x3x16x32xf32>) permutation = [0, 2, 3, 1]
  return
}
