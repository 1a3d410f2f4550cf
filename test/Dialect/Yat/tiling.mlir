// RUN: yat-opt %s -split-input-file -transform-interpreter -canonicalize | FileCheck %s

// yat.product tiles over its result: each tile reads its rows of x and its
// rows of w (and of the bias), whole along K.
// CHECK-LABEL: func.func @product
// CHECK-SAME: (%[[X:.*]]: tensor<64x32xf32>, %[[W:.*]]: tensor<48x32xf32>, %[[B:.*]]: tensor<48xf32>)
// CHECK: scf.forall (%[[IV0:.*]], %[[IV1:.*]]) in (4, 2) shared_outs(%[[OUT:.*]] = %{{.*}})
// CHECK-DAG: %[[I:.*]] = affine.apply #{{.*}}(%[[IV0]])
// CHECK-DAG: %[[J:.*]] = affine.apply #{{.*}}(%[[IV1]])
// CHECK-DAG: %[[XT:.*]] = tensor.extract_slice %[[X]][%[[I]], 0] [16, 32] [1, 1]
// CHECK-DAG: %[[WT:.*]] = tensor.extract_slice %[[W]][%[[J]], 0] [24, 32] [1, 1]
// CHECK-DAG: %[[BT:.*]] = tensor.extract_slice %[[B]][%[[J]]] [24] [1]
// CHECK: %[[TILE:.*]] = yat.product %[[XT]], %[[WT]], %[[BT]] {alpha = 2.000000e+00 : f32, epsilon = 1.000000e-03 : f32} : (tensor<16x32xf32>, tensor<24x32xf32>, tensor<24xf32>) -> tensor<16x24xf32>
// CHECK: tensor.parallel_insert_slice %[[TILE]] into %[[OUT]][%[[I]], %[[J]]] [16, 24] [1, 1]
func.func @product(%x: tensor<64x32xf32>, %w: tensor<48x32xf32>, %b: tensor<48xf32>) -> tensor<64x48xf32> {
  %0 = yat.product %x, %w, %b {epsilon = 1.0e-03 : f32, alpha = 2.0 : f32} : (tensor<64x32xf32>, tensor<48x32xf32>, tensor<48xf32>) -> tensor<64x48xf32>
  return %0 : tensor<64x48xf32>
}
module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %op = transform.structured.match ops{["yat.product"]} in %root : (!transform.any_op) -> !transform.any_op
    %tiled, %loop = transform.structured.tile_using_forall %op tile_sizes [16, 24] : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    transform.yield
  }
}

// -----

// With leading batch dims and supplied norms, a partial last tile gives a
// dynamic tile; the norms are sliced like the rows of w.
// CHECK-LABEL: func.func @product_with_norms
// CHECK-SAME: (%[[X:.*]]: tensor<2x5x8xf32>, %[[W:.*]]: tensor<7x8xf32>, %[[N:.*]]: tensor<7xf32>)
// CHECK: scf.for %[[B:[a-z0-9]+]] =
// CHECK: scf.for %[[J:[a-z0-9]+]] =
// CHECK: %[[SIZE:.*]] = affine.min
// CHECK-DAG: %[[XT:.*]] = tensor.extract_slice %[[X]][%[[B]], 0, 0] [1, 5, 8] [1, 1, 1]
// CHECK-DAG: %[[WT:.*]] = tensor.extract_slice %[[W]][%[[J]], 0] [%[[SIZE]], 8] [1, 1]
// CHECK-DAG: %[[NT:.*]] = tensor.extract_slice %[[N]][%[[J]]] [%[[SIZE]]] [1]
// CHECK: yat.product_with_norms %[[XT]], %[[WT]] norms(%[[NT]]) : (tensor<1x5x8xf32>, tensor<?x8xf32>, tensor<?xf32>) -> tensor<1x5x?xf32>
func.func @product_with_norms(%x: tensor<2x5x8xf32>, %w: tensor<7x8xf32>, %n: tensor<7xf32>) -> tensor<2x5x7xf32> {
  %0 = yat.product_with_norms %x, %w norms(%n) : (tensor<2x5x8xf32>, tensor<7x8xf32>, tensor<7xf32>) -> tensor<2x5x7xf32>
  return %0 : tensor<2x5x7xf32>
}
module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %op = transform.structured.match ops{["yat.product_with_norms"]} in %root : (!transform.any_op) -> !transform.any_op
    %tiled, %loops:2 = transform.structured.tile_using_for %op tile_sizes [1, 0, 4] : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op)
    transform.yield
  }
}

// -----

// An unpadded strided conv tiles its spatial dims: output columns [o, o+4)
// read input columns [2o, 2o + 9) (stride 2, a 3-wide window dilated by 1).
// Filter tiles slice the filters and their bias.
// CHECK-LABEL: func.func @conv
// CHECK-SAME: (%[[IN:.*]]: tensor<2x9x17x3xf32>, %[[F:.*]]: tensor<3x3x3x8xf32>, %[[B:.*]]: tensor<8xf32>)
// CHECK: scf.forall (%[[N:.*]], %[[IV1:.*]], %[[IV2:.*]]) in (2, 2, 2)
// CHECK-DAG: %[[O:.*]] = affine.apply #{{.*}}(%[[IV1]])
// CHECK-DAG: %[[C:.*]] = affine.apply #{{.*}}(%[[IV2]])
// CHECK: %[[START:.*]] = arith.muli %[[O]], %{{.*}} : index
// CHECK-DAG: %[[INT:.*]] = tensor.extract_slice %[[IN]][%[[N]], 0, %[[START]], 0] [1, 9, 9, 3] [1, 1, 1, 1]
// CHECK-DAG: %[[FT:.*]] = tensor.extract_slice %[[F]][0, 0, 0, %[[C]]] [3, 3, 3, 4] [1, 1, 1, 1]
// CHECK-DAG: %[[BT:.*]] = tensor.extract_slice %[[B]][%[[C]]] [4] [1]
// CHECK: yat.conv %[[INT]], %[[FT]], %[[BT]] {strides = array<i64: 1, 2>} : (tensor<1x9x9x3xf32>, tensor<3x3x3x4xf32>, tensor<4xf32>) -> tensor<1x7x4x4xf32>
func.func @conv(%in: tensor<2x9x17x3xf32>, %f: tensor<3x3x3x8xf32>, %b: tensor<8xf32>) -> tensor<2x7x8x8xf32> {
  %0 = yat.conv %in, %f, %b {strides = array<i64: 1, 2>} : (tensor<2x9x17x3xf32>, tensor<3x3x3x8xf32>, tensor<8xf32>) -> tensor<2x7x8x8xf32>
  return %0 : tensor<2x7x8x8xf32>
}
module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %op = transform.structured.match ops{["yat.conv"]} in %root : (!transform.any_op) -> !transform.any_op
    %tiled, %loop = transform.structured.tile_using_forall %op tile_sizes [1, 0, 4, 4] : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    transform.yield
  }
}

// -----

// A tile of filters inside one group of a grouped conv (2 groups of 4
// filters on 3 channels each, tiles of 2 filters) is an ungrouped conv of
// the group's channels: filters [f, f + 2) read channels [3 (f / 4), +3).
// CHECK-LABEL: func.func @conv_group_tiles
// CHECK-SAME: (%[[IN:.*]]: tensor<1x6x6x6xf32>, %[[F:.*]]: tensor<3x3x3x8xf32>)
// CHECK: scf.forall (%[[IV:.*]]) in (4)
// CHECK-DAG: %[[FO:.*]] = affine.apply #{{.*}}(%[[IV]])
// CHECK-DAG: %[[G:.*]] = arith.divui %[[FO]], %{{.*}} : index
// CHECK-DAG: %[[CO:.*]] = arith.muli %[[G]], %{{.*}} : index
// CHECK-DAG: %[[INT:.*]] = tensor.extract_slice %[[IN]][0, 0, 0, %[[CO]]] [1, 6, 6, 3] [1, 1, 1, 1]
// CHECK-DAG: %[[FT:.*]] = tensor.extract_slice %[[F]][0, 0, 0, %[[FO]]] [3, 3, 3, 2] [1, 1, 1, 1]
// CHECK: yat.conv %[[INT]], %[[FT]] {padding = array<i64: 1, 1, 1, 1>} : (tensor<1x6x6x3xf32>, tensor<3x3x3x2xf32>) -> tensor<1x6x6x2xf32>
func.func @conv_group_tiles(%in: tensor<1x6x6x6xf32>, %f: tensor<3x3x3x8xf32>) -> tensor<1x6x6x8xf32> {
  %0 = yat.conv %in, %f {groups = 2 : i64, padding = array<i64: 1, 1, 1, 1>} : (tensor<1x6x6x6xf32>, tensor<3x3x3x8xf32>) -> tensor<1x6x6x8xf32>
  return %0 : tensor<1x6x6x8xf32>
}
module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %op = transform.structured.match ops{["yat.conv"]} in %root : (!transform.any_op) -> !transform.any_op
    %tiled, %loop = transform.structured.tile_using_forall %op tile_sizes [0, 0, 0, 2] : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    transform.yield
  }
}

// -----

// A tile of whole groups (6 groups of 2 filters on 1 channel each, tiles
// of 4 filters) is a conv of 2 groups on their 2 channels: filters
// [f, f + 4) read channels [f / 2, f / 2 + 2).
// CHECK-LABEL: func.func @conv_whole_group_tiles
// CHECK-SAME: (%[[IN:.*]]: tensor<1x5x6xf32>, %[[F:.*]]: tensor<3x1x12xf32>)
// CHECK: scf.forall (%[[IV:.*]]) in (3)
// CHECK-DAG: %[[FO:.*]] = affine.apply #{{.*}}(%[[IV]])
// CHECK-DAG: %[[CO:.*]] = arith.divui %[[FO]], %{{.*}} : index
// CHECK-DAG: %[[INT:.*]] = tensor.extract_slice %[[IN]][0, 0, %[[CO]]] [1, 5, 2] [1, 1, 1]
// CHECK-DAG: %[[FT:.*]] = tensor.extract_slice %[[F]][0, 0, %[[FO]]] [3, 1, 4] [1, 1, 1]
// CHECK: yat.conv %[[INT]], %[[FT]] {groups = 2 : i64} : (tensor<1x5x2xf32>, tensor<3x1x4xf32>) -> tensor<1x3x4xf32>
func.func @conv_whole_group_tiles(%in: tensor<1x5x6xf32>, %f: tensor<3x1x12xf32>) -> tensor<1x3x12xf32> {
  %0 = yat.conv %in, %f {groups = 6 : i64} : (tensor<1x5x6xf32>, tensor<3x1x12xf32>) -> tensor<1x3x12xf32>
  return %0 : tensor<1x3x12xf32>
}
module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %op = transform.structured.match ops{["yat.conv"]} in %root : (!transform.any_op) -> !transform.any_op
    %tiled, %loop = transform.structured.tile_using_forall %op tile_sizes [0, 0, 4] : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    transform.yield
  }
}

// -----

// MHA attention tiles over batch, heads and (non-causal) query rows; k and
// v follow the head tile, v the column tile.
// CHECK-LABEL: func.func @attention
// CHECK-SAME: (%[[Q:.*]]: tensor<2x4x16x8xf32>, %[[K:.*]]: tensor<2x4x32x8xf32>, %[[V:.*]]: tensor<2x4x32x6xf32>)
// CHECK: scf.forall (%[[B:.*]], %[[IV1:.*]], %[[IV2:.*]]) in (2, 2, 2)
// CHECK-DAG: %[[H:.*]] = affine.apply #{{.*}}(%[[IV1]])
// CHECK-DAG: %[[T:.*]] = affine.apply #{{.*}}(%[[IV2]])
// CHECK-DAG: %[[QT:.*]] = tensor.extract_slice %[[Q]][%[[B]], %[[H]], %[[T]], 0] [1, 2, 8, 8] [1, 1, 1, 1]
// CHECK-DAG: %[[KT:.*]] = tensor.extract_slice %[[K]][%[[B]], %[[H]], 0, 0] [1, 2, 32, 8] [1, 1, 1, 1]
// CHECK-DAG: %[[VT:.*]] = tensor.extract_slice %[[V]][%[[B]], %[[H]], 0, 0] [1, 2, 32, 6] [1, 1, 1, 1]
// CHECK: yat.attention %[[QT]], %[[KT]], %[[VT]] {normalization = #yat.normalization<l1>} : (tensor<1x2x8x8xf32>, tensor<1x2x32x8xf32>, tensor<1x2x32x6xf32>) -> tensor<1x2x8x6xf32>
func.func @attention(%q: tensor<2x4x16x8xf32>, %k: tensor<2x4x32x8xf32>, %v: tensor<2x4x32x6xf32>) -> tensor<2x4x16x6xf32> {
  %0 = yat.attention %q, %k, %v {normalization = #yat.normalization<l1>} : (tensor<2x4x16x8xf32>, tensor<2x4x32x8xf32>, tensor<2x4x32x6xf32>) -> tensor<2x4x16x6xf32>
  return %0 : tensor<2x4x16x6xf32>
}
module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %op = transform.structured.match ops{["yat.attention"]} in %root : (!transform.any_op) -> !transform.any_op
    %tiled, %loop = transform.structured.tile_using_forall %op tile_sizes [1, 2, 8] : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    transform.yield
  }
}

// -----

// Causal GQA attention (4 query heads on 2 kv heads, Tk − Tq = 4) tiled one
// query head and 4 query rows at a time: head h reads kv head h / 2, and the
// rows [r, r + 4) read the keys [0, r + 8) that they see.
// CHECK-LABEL: func.func @attention_causal_gqa
// CHECK-SAME: (%[[Q:.*]]: tensor<1x4x12x8xf32>, %[[K:.*]]: tensor<1x2x16x8xf32>, %[[V:.*]]: tensor<1x2x16x6xf32>)
// CHECK: scf.forall (%[[H:.*]], %[[IV:.*]]) in (4, 3)
// CHECK-DAG: %[[ROW:.*]] = affine.apply #{{.*}}(%[[IV]])
// CHECK-DAG: %[[KVH:.*]] = arith.divui %[[H]], %{{.*}} : index
// CHECK-DAG: %[[KEYS:.*]] = arith.addi %[[ROW]], %{{.*}} : index
// CHECK-DAG: %[[QT:.*]] = tensor.extract_slice %[[Q]][0, %[[H]], %[[ROW]], 0] [1, 1, 4, 8] [1, 1, 1, 1]
// CHECK-DAG: %[[KT:.*]] = tensor.extract_slice %[[K]][0, %[[KVH]], 0, 0] [1, 1, %[[KEYS]], 8] [1, 1, 1, 1]
// CHECK-DAG: %[[VT:.*]] = tensor.extract_slice %[[V]][0, %[[KVH]], 0, 0] [1, 1, %[[KEYS]], 6] [1, 1, 1, 1]
// CHECK: yat.attention %[[QT]], %[[KT]], %[[VT]] {causal} : (tensor<1x1x4x8xf32>, tensor<1x1x?x8xf32>, tensor<1x1x?x6xf32>) -> tensor<1x1x4x6xf32>
func.func @attention_causal_gqa(%q: tensor<1x4x12x8xf32>, %k: tensor<1x2x16x8xf32>, %v: tensor<1x2x16x6xf32>) -> tensor<1x4x12x6xf32> {
  %0 = yat.attention %q, %k, %v {causal} : (tensor<1x4x12x8xf32>, tensor<1x2x16x8xf32>, tensor<1x2x16x6xf32>) -> tensor<1x4x12x6xf32>
  return %0 : tensor<1x4x12x6xf32>
}
module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %op = transform.structured.match ops{["yat.attention"]} in %root : (!transform.any_op) -> !transform.any_op
    %tiled, %loop = transform.structured.tile_using_forall %op tile_sizes [0, 1, 4] : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    transform.yield
  }
}

// -----

// Upstream's tile-and-fuse driver: the relu consumer is tiled, yat.product
// is fused into each tile (generateResultTileValue) and the scaling of x in
// front of it into the product's tile.
// CHECK-LABEL: func.func @fuse_producer_and_consumer
// CHECK-SAME: (%[[X:.*]]: tensor<64x32xf32>, %[[W:.*]]: tensor<48x32xf32>)
// CHECK: scf.for %[[I:[a-z0-9]+]] =
// CHECK: scf.for %[[J:[a-z0-9]+]] =
// CHECK: %[[XT:.*]] = tensor.extract_slice %[[X]][%[[I]], 0] [16, 32] [1, 1]
// CHECK: %[[SCALED:.*]] = linalg.generic {{.*}} ins(%[[XT]] : tensor<16x32xf32>)
// CHECK: %[[WT:.*]] = tensor.extract_slice %[[W]][%[[J]], 0] [16, 32] [1, 1]
// CHECK: %[[P:.*]] = yat.product %[[SCALED]], %[[WT]] : (tensor<16x32xf32>, tensor<16x32xf32>) -> tensor<16x16xf32>
// CHECK: linalg.generic {{.*}} ins(%[[P]] : tensor<16x16xf32>)
// CHECK: arith.maximumf
func.func @fuse_producer_and_consumer(%x: tensor<64x32xf32>, %w: tensor<48x32xf32>) -> tensor<64x48xf32> {
  %c = arith.constant 2.0 : f32
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<64x32xf32>
  %scaled = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} ins(%x : tensor<64x32xf32>) outs(%e : tensor<64x32xf32>) {
  ^bb0(%a: f32, %o: f32):
    %m = arith.mulf %a, %c : f32
    linalg.yield %m : f32
  } -> tensor<64x32xf32>
  %0 = yat.product %scaled, %w : (tensor<64x32xf32>, tensor<48x32xf32>) -> tensor<64x48xf32>
  %e2 = tensor.empty() : tensor<64x48xf32>
  %relu = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]} ins(%0 : tensor<64x48xf32>) outs(%e2 : tensor<64x48xf32>) {
  ^bb0(%a: f32, %o: f32):
    %m = arith.maximumf %a, %zero : f32
    linalg.yield %m : f32
  } -> tensor<64x48xf32>
  return %relu : tensor<64x48xf32>
}
module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %ops = transform.structured.match ops{["linalg.generic"]} in %root : (!transform.any_op) -> !transform.any_op
    %producer, %consumer = transform.split_handle %ops : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    %tiled, %loops:2 = transform.structured.fuse %consumer tile_sizes [16, 16] : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op)
    transform.yield
  }
}

// -----

// yat.linear_recurrence tiles batch rows and channels; each tile scans all
// steps and reads its channels of a, b and h0, and both results are
// written back from the tile.
// CHECK-LABEL: func.func @recurrence
// CHECK-SAME: (%[[A:.*]]: tensor<2x5x40xf32>, %[[B:.*]]: tensor<2x5x40xf32>, %[[H0:.*]]: tensor<2x40xf32>)
// CHECK: scf.forall (%[[ROW:.*]], %[[BLOCK:.*]]) in (2, 3) shared_outs(%[[HS:.*]] = %{{.*}}, %[[LASTS:.*]] = %{{.*}})
// CHECK-DAG: %[[C:.*]] = affine.apply #{{.*}}(%[[BLOCK]])
// CHECK-DAG: %[[N:.*]] = affine.min #{{.*}}(%[[BLOCK]])
// CHECK-DAG: %[[AT:.*]] = tensor.extract_slice %[[A]][%[[ROW]], 0, %[[C]]] [1, 5, %[[N]]] [1, 1, 1]
// CHECK-DAG: %[[BT:.*]] = tensor.extract_slice %[[B]][%[[ROW]], 0, %[[C]]] [1, 5, %[[N]]] [1, 1, 1]
// CHECK-DAG: %[[H0T:.*]] = tensor.extract_slice %[[H0]][%[[ROW]], %[[C]]] [1, %[[N]]] [1, 1]
// CHECK: %[[H:.*]], %[[LAST:.*]] = yat.linear_recurrence %[[AT]], %[[BT]], %[[H0T]] {reverse} : (tensor<1x5x?xf32>, tensor<1x5x?xf32>, tensor<1x?xf32>) -> (tensor<1x5x?xf32>, tensor<1x?xf32>)
// CHECK: tensor.parallel_insert_slice %[[H]] into %[[HS]][%[[ROW]], 0, %[[C]]] [1, 5, %[[N]]] [1, 1, 1]
// CHECK: tensor.parallel_insert_slice %[[LAST]] into %[[LASTS]][%[[ROW]], %[[C]]] [1, %[[N]]] [1, 1]
func.func @recurrence(%a: tensor<2x5x40xf32>, %b: tensor<2x5x40xf32>, %h0: tensor<2x40xf32>) -> (tensor<2x5x40xf32>, tensor<2x40xf32>) {
  %h, %last = yat.linear_recurrence %a, %b, %h0 {reverse} : (tensor<2x5x40xf32>, tensor<2x5x40xf32>, tensor<2x40xf32>) -> (tensor<2x5x40xf32>, tensor<2x40xf32>)
  return %h, %last : tensor<2x5x40xf32>, tensor<2x40xf32>
}
module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %op = transform.structured.match ops{["yat.linear_recurrence"]} in %root : (!transform.any_op) -> !transform.any_op
    %tiled, %loop = transform.structured.tile_using_forall %op tile_sizes [1, 0, 16] : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    transform.yield
  }
}

// -----

// With dynamic batch and step counts, a tile takes every step (the
// tensor.dim of a that the driver passes for an untiled dim).
// CHECK-LABEL: func.func @recurrence_dynamic
// CHECK-SAME: (%[[A:.*]]: tensor<?x?x8xf32>, %[[B:.*]]: tensor<?x?x8xf32>)
// CHECK: scf.for %[[ROW:[a-z0-9]+]] =
// CHECK: scf.for %[[C:[a-z0-9]+]] =
// CHECK: %[[T:.*]] = tensor.dim %[[A]], %c1
// CHECK: %[[AT:.*]] = tensor.extract_slice %[[A]][%[[ROW]], 0, %[[C]]] [1, %[[T]], 4] [1, 1, 1]
// CHECK: yat.linear_recurrence %[[AT]], %{{.*}} : (tensor<1x?x4xf32>, tensor<1x?x4xf32>) -> (tensor<1x?x4xf32>, tensor<1x4xf32>)
func.func @recurrence_dynamic(%a: tensor<?x?x8xf32>, %b: tensor<?x?x8xf32>) -> tensor<?x8xf32> {
  %h, %last = yat.linear_recurrence %a, %b : (tensor<?x?x8xf32>, tensor<?x?x8xf32>) -> (tensor<?x?x8xf32>, tensor<?x8xf32>)
  return %last : tensor<?x8xf32>
}
module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %op = transform.structured.match ops{["yat.linear_recurrence"]} in %root : (!transform.any_op) -> !transform.any_op
    %tiled, %loops:2 = transform.structured.tile_using_for %op tile_sizes [1, 0, 4] : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op)
    transform.yield
  }
}
