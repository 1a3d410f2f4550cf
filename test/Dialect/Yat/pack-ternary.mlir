// RUN: yat-opt %s --yat-pack-ternary=workers=2 --canonicalize --cse --split-input-file | FileCheck %s
// RUN: not yat-opt %s --yat-pack-ternary=workers=-1 2>&1 | FileCheck %s --check-prefix=OPTION

// OPTION: yat-pack-ternary option 'workers' must not be negative, got -1

// A constant weight is re-laid out at compile time: weight (0, 0) is -1
// (code 0 in bits 0..1 of byte 0), every other weight 0 (code 1).
// CHECK-LABEL: func.func @constant_weights
// CHECK-SAME: (%[[X:.*]]: tensor<1x16xf32>)
// CHECK: %[[W:.*]] = arith.constant dense<{{\[\[\[\[}}84, 85, 85, 85], [85, 85, 85, 85]{{.*}}> : tensor<1x1x16x4xi8>
// CHECK: %[[ABSMAX:.*]] = linalg.generic {{.*}}iterator_types = ["parallel", "reduction"]{{.*}} ins(%[[X]] : tensor<1x16xf32>)
// CHECK: math.absf
// CHECK: arith.maximumf
// CHECK: %[[SX:.*]] = linalg.generic {{.*}} ins(%[[ABSMAX]] : tensor<1xf32>)
// CHECK: %[[Q:.*]] = linalg.generic {{.*}} ins(%[[X]], %[[SX]] : tensor<1x16xf32>, tensor<1xf32>) outs(%{{.*}} : tensor<1x16xi8>)
// CHECK: math.roundeven
// CHECK: arith.fptosi
// CHECK: %[[QB:.*]] = tensor.expand_shape %[[Q]] {{\[\[}}0], [1, 2, 3]] output_shape [1, 1, 4, 4]
// CHECK: %[[ACC:.*]] = linalg.generic {{.*}}iterator_types = ["parallel", "parallel", "parallel", "reduction", "reduction", "reduction"]{{.*}} ins(%[[QB]], %[[W]] : tensor<1x1x4x4xi8>, tensor<1x1x16x4xi8>) outs(%{{.*}} : tensor<1x1x16xi32>)
// CHECK: %[[GROUP:.*]] = linalg.index 4
// CHECK: arith.shrui
// CHECK: arith.andi
// CHECK: %[[CODE:.*]] = arith.extui
// CHECK: %[[T:.*]] = arith.subi %[[CODE]]
// CHECK: %[[QI:.*]] = arith.extsi
// CHECK: arith.muli %[[QI]], %[[T]]
// CHECK: %[[Y:.*]] = linalg.generic {{.*}} ins(%[[ACC]], %{{.*}}, %[[SX]] : tensor<1x1x16xi32>, tensor<f32>, tensor<1xf32>)
// CHECK: arith.sitofp
// CHECK: arith.mulf
// CHECK: arith.divf
// CHECK: tensor.collapse_shape %[[Y]] {{\[\[}}0], [1, 2]] : tensor<1x1x16xf32> into tensor<1x16xf32>
// CHECK-NOT: yat.ternary_matmul
func.func @constant_weights(%x: tensor<1x16xf32>) -> tensor<1x16xf32> {
  %p = arith.constant dense<[[3, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]]> : tensor<16x4xi8>
  %s = arith.constant dense<0.5> : tensor<f32>
  %y = yat.ternary_matmul %x, %p, %s : (tensor<1x16xf32>, tensor<16x4xi8>, tensor<f32>) -> tensor<1x16xf32>
  return %y : tensor<1x16xf32>
}

// -----

// A ternarized constant is folded first: no f32 weight is left.
// CHECK-LABEL: func.func @ternarized_constant
// CHECK: arith.constant dense<-86> : tensor<1x1x16x4xi8>
// CHECK-NOT: yat.ternarize
// CHECK-NOT: tensor<16x16xf32>
func.func @ternarized_constant(%x: tensor<3x16xf32>) -> tensor<3x16xf32> {
  %w = arith.constant dense<0.25> : tensor<16x16xf32>
  %p, %s = yat.ternarize %w : (tensor<16x16xf32>) -> (tensor<16x4xi8>, tensor<f32>)
  %y = yat.ternary_matmul %x, %p, %s : (tensor<3x16xf32>, tensor<16x4xi8>, tensor<f32>) -> tensor<3x16xf32>
  return %y : tensor<3x16xf32>
}

// -----

// Weights known at run time are re-laid out by a generic shared by every
// tile; a GEMV's 4 blocks are split into 2 tiles of 2 blocks (2 workers),
// each quantizing x.
// CHECK-LABEL: func.func @gemv_split
// CHECK-SAME: (%[[X:.*]]: tensor<1x32xf32>, %[[P:.*]]: tensor<64x8xi8>, %[[S:.*]]: tensor<64xf32>)
// CHECK: %[[PV:.*]] = tensor.expand_shape %[[P]] {{\[\[}}0, 1], [2, 3]] output_shape [4, 16, 2, 4]
// CHECK: %[[W:.*]] = linalg.generic {{.*}}iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]{{.*}} ins(%[[PV]] : tensor<4x16x2x4xi8>) outs(%{{.*}} : tensor<4x2x16x4xi8>)
// CHECK: arith.shrsi
// CHECK: arith.ori
// CHECK: scf.forall (%[[NB:.*]]) = (0) to (4) step (2)
// CHECK: %[[ABSMAX:.*]] = linalg.generic {{.*}} ins(%[[X]] : tensor<1x32xf32>)
// CHECK: %[[SX:.*]] = linalg.generic {{.*}} ins(%[[ABSMAX]] : tensor<1xf32>)
// CHECK: %[[Q:.*]] = linalg.generic {{.*}} ins(%[[X]], %[[SX]] : tensor<1x32xf32>, tensor<1xf32>)
// CHECK: %[[QB:.*]] = tensor.expand_shape %[[Q]]
// CHECK: %[[WT:.*]] = tensor.extract_slice %[[W]][%[[NB]], 0, 0, 0] [2, 2, 16, 4]
// CHECK: linalg.generic {{.*}} ins(%[[QB]], %[[WT]] : tensor<1x2x4x4xi8>, tensor<2x2x16x4xi8>)
// CHECK: %[[ST:.*]] = tensor.extract_slice %[[S]][%{{.*}}] [32] [1]
// CHECK: tensor.expand_shape %[[ST]] {{\[\[}}0, 1]] output_shape [2, 16]
// CHECK: tensor.parallel_insert_slice
func.func @gemv_split(%x: tensor<1x32xf32>, %p: tensor<64x8xi8>, %s: tensor<64xf32>) -> tensor<1x64xf32> {
  %y = yat.ternary_matmul %x, %p, %s : (tensor<1x32xf32>, tensor<64x8xi8>, tensor<64xf32>) -> tensor<1x64xf32>
  return %y : tensor<1x64xf32>
}

// -----

// 128 rows for 2 workers: tiles of 64 rows with every column, each
// quantizing its rows; the leading dims of x are collapsed and restored.
// CHECK-LABEL: func.func @row_tiles
// CHECK: %[[ROWS:.*]] = tensor.collapse_shape %{{.*}} {{\[\[}}0, 1], [2]] : tensor<2x64x32xf32> into tensor<128x32xf32>
// CHECK: scf.forall (%[[M:.*]]) = (0) to (128) step (64)
// CHECK: %[[XT:.*]] = tensor.extract_slice %[[ROWS]][%[[M]], 0] [64, 32]
// CHECK: %[[Q:.*]] = linalg.generic {{.*}} ins(%[[XT]], %{{.*}} : tensor<64x32xf32>, tensor<64xf32>)
// CHECK: %[[QB:.*]] = tensor.expand_shape %[[Q]] {{\[\[}}0], [1, 2, 3]] output_shape [64, 2, 4, 4]
// CHECK: linalg.generic {{.*}} ins(%[[QB]], %{{.*}} : tensor<64x2x4x4xi8>, tensor<1x2x16x4xi8>)
// CHECK: %[[Y:.*]] = tensor.collapse_shape %{{.*}} {{\[\[}}0], [1, 2]] : tensor<128x1x16xf32> into tensor<128x16xf32>
// CHECK: tensor.expand_shape %[[Y]] {{\[\[}}0, 1], [2]] output_shape [2, 64, 16]
func.func @row_tiles(%x: tensor<2x64x32xf32>, %p: tensor<16x8xi8>, %s: tensor<f32>) -> tensor<2x64x16xf32> {
  %y = yat.ternary_matmul %x, %p, %s : (tensor<2x64x32xf32>, tensor<16x8xi8>, tensor<f32>) -> tensor<2x64x16xf32>
  return %y : tensor<2x64x16xf32>
}

// -----

// The rms_norm that makes x is computed inside the quantization of each
// row tile: its input is read, the normalized rows are never stored, and
// the norm is gone.
// CHECK-LABEL: func.func @rms_norm_input
// CHECK-SAME: (%[[X:.*]]: tensor<?x32xf32>, %[[G:.*]]: tensor<32xf32>
// CHECK-NOT: yat.rms_norm
// CHECK: scf.forall (%[[M:.*]]) = (0) to (%{{.*}}) step (64)
// CHECK: %[[XT:.*]] = tensor.extract_slice %[[X]][%[[M]], 0]
// CHECK: %[[SUMSQ:.*]] = linalg.generic {{.*}} ins(%[[XT]] : tensor<?x32xf32>)
// CHECK: %[[RMS:.*]] = linalg.generic {{.*}} ins(%[[SUMSQ]] : tensor<?xf32>)
// CHECK: math.sqrt
// CHECK: %[[ABSMAX:.*]] = linalg.generic {{.*}} ins(%[[XT]], %[[RMS]], %[[G]] : tensor<?x32xf32>, tensor<?xf32>, tensor<32xf32>)
// CHECK: %[[N:.*]] = arith.divf
// CHECK: arith.mulf %[[N]]
// CHECK: math.absf
// CHECK: %[[SX:.*]] = linalg.generic {{.*}} ins(%[[ABSMAX]] : tensor<?xf32>)
// CHECK: linalg.generic {{.*}} ins(%[[XT]], %[[RMS]], %[[G]], %[[SX]] : tensor<?x32xf32>, tensor<?xf32>, tensor<32xf32>, tensor<?xf32>) outs(%{{.*}} : tensor<?x32xi8>)
func.func @rms_norm_input(%x: tensor<?x32xf32>, %g: tensor<32xf32>, %p: tensor<16x8xi8>, %s: tensor<f32>) -> tensor<?x16xf32> {
  %n = yat.rms_norm %x, %g {epsilon = 1.0e-5 : f32} : (tensor<?x32xf32>, tensor<32xf32>) -> tensor<?x32xf32>
  %y = yat.ternary_matmul %n, %p, %s : (tensor<?x32xf32>, tensor<16x8xi8>, tensor<f32>) -> tensor<?x16xf32>
  return %y : tensor<?x16xf32>
}

// -----

// An rms_norm that something else reads stays.
// CHECK-LABEL: func.func @rms_norm_kept
// CHECK: %[[N:.*]] = yat.rms_norm
// CHECK: linalg.generic {{.*}}"reduction", "reduction", "reduction"]
// CHECK: return %[[N]], %{{.*}}
func.func @rms_norm_kept(%x: tensor<4x32xbf16>, %p: tensor<16x8xi8>, %s: tensor<f32>) -> (tensor<4x32xbf16>, tensor<4x16xbf16>) {
  %n = yat.rms_norm %x : (tensor<4x32xbf16>) -> tensor<4x32xbf16>
  %y = yat.ternary_matmul %n, %p, %s : (tensor<4x32xbf16>, tensor<16x8xi8>, tensor<f32>) -> tensor<4x16xbf16>
  return %n, %y : tensor<4x32xbf16>, tensor<4x16xbf16>
}

// -----

// Left for convert-yat-to-linalg: float activations, N or K not a multiple
// of 16, f64, two dynamic row dims.
// CHECK-LABEL: func.func @left_alone
// CHECK-COUNT-5: yat.ternary_matmul
// CHECK-NOT: scf.forall
func.func @left_alone(%x: tensor<2x32xf32>, %p: tensor<16x8xi8>, %p12: tensor<12x8xi8>, %x20: tensor<2x20xf32>, %p20: tensor<16x5xi8>, %x64: tensor<2x32xf64>, %xd: tensor<?x?x32xf32>, %s: tensor<f32>) -> (tensor<2x16xf32>, tensor<2x12xf32>, tensor<2x16xf32>, tensor<2x16xf64>, tensor<?x?x16xf32>) {
  %a = yat.ternary_matmul %x, %p, %s {activation_bits = 0 : i64} : (tensor<2x32xf32>, tensor<16x8xi8>, tensor<f32>) -> tensor<2x16xf32>
  %b = yat.ternary_matmul %x, %p12, %s : (tensor<2x32xf32>, tensor<12x8xi8>, tensor<f32>) -> tensor<2x12xf32>
  %c = yat.ternary_matmul %x20, %p20, %s : (tensor<2x20xf32>, tensor<16x5xi8>, tensor<f32>) -> tensor<2x16xf32>
  %d = yat.ternary_matmul %x64, %p, %s : (tensor<2x32xf64>, tensor<16x8xi8>, tensor<f32>) -> tensor<2x16xf64>
  %e = yat.ternary_matmul %xd, %p, %s : (tensor<?x?x32xf32>, tensor<16x8xi8>, tensor<f32>) -> tensor<?x?x16xf32>
  return %a, %b, %c, %d, %e : tensor<2x16xf32>, tensor<2x12xf32>, tensor<2x16xf32>, tensor<2x16xf64>, tensor<?x?x16xf32>
}

// -----

// Ternary matmuls of one x with constant weights are merged: one
// quantization of x, one contraction over the weights stacked along N (the
// per-tensor scales become per-channel ones) and slices of its result.
// Ternary matmuls of one x with constant weights are merged: x is
// quantized once per row tile for one contraction over the weights stacked
// along N (the per-tensor scales become per-channel ones), and the results
// are slices of its result.
// CHECK-LABEL: func.func @merged_siblings
// CHECK-SAME: (%[[X:.*]]: tensor<16x16xf32>)
// CHECK-DAG: %[[SCALE:.*]] = arith.constant dense<{{\[\[}}5.000000e-01, {{[^]]*}}], [2.000000e+00, {{[^]]*}}], [1.500000e+00, {{[^]]*}}]]> : tensor<3x16xf32>
// CHECK-DAG: %[[W:.*]] = arith.constant dense<"0x{{.*}}"> : tensor<3x1x16x4xi8>
// CHECK: %[[TILES:.*]] = scf.forall (%[[ROW:.*]]) = (0) to (16) step (8)
// CHECK: %[[ROWS:.*]] = tensor.extract_slice %[[X]][%[[ROW]], 0] [8, 16]
// CHECK: %[[ABSMAX:.*]] = linalg.generic {{.*}} ins(%[[ROWS]] : tensor<8x16xf32>)
// CHECK: %[[SX:.*]] = linalg.generic {{.*}} ins(%[[ABSMAX]] : tensor<8xf32>)
// CHECK: %[[Q:.*]] = linalg.generic {{.*}} ins(%[[ROWS]], %[[SX]] : tensor<8x16xf32>, tensor<8xf32>)
// CHECK: %[[QB:.*]] = tensor.expand_shape %[[Q]]
// CHECK: %[[ACC:.*]] = linalg.generic {{.*}} ins(%[[QB]], %[[W]] : tensor<8x1x4x4xi8>, tensor<3x1x16x4xi8>)
// CHECK: linalg.generic {{.*}} ins(%[[ACC]], %[[SCALE]], %[[SX]] : tensor<8x3x16xi32>, tensor<3x16xf32>, tensor<8xf32>)
// CHECK-NOT: linalg.generic
// CHECK: %[[Y:.*]] = tensor.collapse_shape %[[TILES]] {{\[\[}}0], [1, 2]] : tensor<16x3x16xf32> into tensor<16x48xf32>
// CHECK: %[[A:.*]] = tensor.extract_slice %[[Y]][0, 0] [16, 16] [1, 1]
// CHECK: %[[B:.*]] = tensor.extract_slice %[[Y]][0, 16] [16, 16] [1, 1]
// CHECK: %[[C:.*]] = tensor.extract_slice %[[Y]][0, 32] [16, 16] [1, 1]
// CHECK: return %[[A]], %[[B]], %[[C]]
// CHECK-NOT: yat.ternary_matmul
func.func @merged_siblings(%x: tensor<16x16xf32>) -> (tensor<16x16xf32>, tensor<16x16xf32>, tensor<16x16xf32>) {
  %pa = arith.constant dense<1> : tensor<16x4xi8>
  %pb = arith.constant dense<4> : tensor<16x4xi8>
  %pc = arith.constant dense<0> : tensor<16x4xi8>
  %sa = arith.constant dense<0.5> : tensor<f32>
  %sb = arith.constant dense<2.0> : tensor<f32>
  %sc = arith.constant dense<1.5> : tensor<16xf32>
  %a = yat.ternary_matmul %x, %pa, %sa : (tensor<16x16xf32>, tensor<16x4xi8>, tensor<f32>) -> tensor<16x16xf32>
  %b = yat.ternary_matmul %x, %pb, %sb : (tensor<16x16xf32>, tensor<16x4xi8>, tensor<f32>) -> tensor<16x16xf32>
  %c = yat.ternary_matmul %x, %pc, %sc : (tensor<16x16xf32>, tensor<16x4xi8>, tensor<16xf32>) -> tensor<16x16xf32>
  return %a, %b, %c : tensor<16x16xf32>, tensor<16x16xf32>, tensor<16x16xf32>
}

// -----

// Not merged: weights known only at run time, another x, or an op in
// another block.
// CHECK-LABEL: func.func @not_merged
// CHECK-COUNT-4: scf.forall (
// CHECK-NOT: scf.forall (
// CHECK: return
func.func @not_merged(%x: tensor<16x16xf32>, %x2: tensor<16x16xf32>, %p: tensor<16x4xi8>, %flag: i1) -> (tensor<16x16xf32>, tensor<16x16xf32>, tensor<16x16xf32>, tensor<16x16xf32>) {
  %pa = arith.constant dense<1> : tensor<16x4xi8>
  %pb = arith.constant dense<4> : tensor<16x4xi8>
  %s = arith.constant dense<0.5> : tensor<f32>
  %a = yat.ternary_matmul %x, %pa, %s : (tensor<16x16xf32>, tensor<16x4xi8>, tensor<f32>) -> tensor<16x16xf32>
  %b = yat.ternary_matmul %x, %p, %s : (tensor<16x16xf32>, tensor<16x4xi8>, tensor<f32>) -> tensor<16x16xf32>
  %c = yat.ternary_matmul %x2, %pa, %s : (tensor<16x16xf32>, tensor<16x4xi8>, tensor<f32>) -> tensor<16x16xf32>
  %d = scf.if %flag -> tensor<16x16xf32> {
    %e = yat.ternary_matmul %x, %pb, %s : (tensor<16x16xf32>, tensor<16x4xi8>, tensor<f32>) -> tensor<16x16xf32>
    scf.yield %e : tensor<16x16xf32>
  } else {
    scf.yield %x : tensor<16x16xf32>
  }
  return %a, %b, %c, %d : tensor<16x16xf32>, tensor<16x16xf32>, tensor<16x16xf32>, tensor<16x16xf32>
}
