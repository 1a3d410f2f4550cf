// RUN: yat-opt %s -split-input-file -transform-interpreter -verify-diagnostics

// With GQA (4 query heads on 2 kv heads) grouped heads tile one at a
// time: a tile of two could straddle two kv heads.
func.func @gqa_heads(%q: tensor<1x4x8x4xf32>, %k: tensor<1x2x8x4xf32>, %v: tensor<1x2x8x4xf32>) -> tensor<1x4x8x4xf32> {
  // expected-note @+4 {{when applied to this op}}
  // expected-error @+3 {{cannot tile the heads when 4 query heads share 2 kv heads (MHA and MQA heads tile in any number, grouped heads with static counts one at a time)}}
  // expected-error @+2 {{faild to tile operation}}
  // expected-error @+1 {{failed to generate tiling loops}}
  %0 = yat.attention %q, %k, %v : (tensor<1x4x8x4xf32>, tensor<1x2x8x4xf32>, tensor<1x2x8x4xf32>) -> tensor<1x4x8x4xf32>
  return %0 : tensor<1x4x8x4xf32>
}
module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %op = transform.structured.match ops{["yat.attention"]} in %root : (!transform.any_op) -> !transform.any_op
    // expected-error @+1 {{transform.structured.tile_using_forall failed to apply}}
    %tiled, %loop = transform.structured.tile_using_forall %op tile_sizes [0, 2] : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    transform.yield
  }
}

// -----

// The filters of a grouped convolution read their group's channels: a tile
// of 2 of the 3 filters of each group would straddle two groups.
func.func @grouped_filters(%in: tensor<1x6x6x4xf32>, %f: tensor<3x3x2x6xf32>) -> tensor<1x4x4x6xf32> {
  // expected-note @+4 {{when applied to this op}}
  // expected-error @+3 {{cannot tile the 6 filters of a convolution with 2 groups by 2 (a tile must lie within one group, or hold whole groups, of static size)}}
  // expected-error @+2 {{faild to tile operation}}
  // expected-error @+1 {{failed to generate tiling loops}}
  %0 = yat.conv %in, %f {groups = 2 : i64} : (tensor<1x6x6x4xf32>, tensor<3x3x2x6xf32>) -> tensor<1x4x4x6xf32>
  return %0 : tensor<1x4x4x6xf32>
}
module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %op = transform.structured.match ops{["yat.conv"]} in %root : (!transform.any_op) -> !transform.any_op
    // expected-error @+1 {{transform.structured.tile_using_forall failed to apply}}
    %tiled, %loop = transform.structured.tile_using_forall %op tile_sizes [0, 0, 0, 2] : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    transform.yield
  }
}

// -----

// Padding belongs to the whole op: a padded spatial dim cannot be tiled.
func.func @padded_rows(%in: tensor<1x6x6x3xf32>, %f: tensor<3x3x3x4xf32>) -> tensor<1x6x6x4xf32> {
  // expected-note @+4 {{when applied to this op}}
  // expected-error @+3 {{cannot tile spatial dim 0 (only unpadded dims with a static window can be tiled)}}
  // expected-error @+2 {{faild to tile operation}}
  // expected-error @+1 {{failed to generate tiling loops}}
  %0 = yat.conv %in, %f {padding = array<i64: 1, 1, 1, 1>} : (tensor<1x6x6x3xf32>, tensor<3x3x3x4xf32>) -> tensor<1x6x6x4xf32>
  return %0 : tensor<1x6x6x4xf32>
}
module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %op = transform.structured.match ops{["yat.conv"]} in %root : (!transform.any_op) -> !transform.any_op
    // expected-error @+1 {{transform.structured.tile_using_forall failed to apply}}
    %tiled, %loop = transform.structured.tile_using_forall %op tile_sizes [0, 3] : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    transform.yield
  }
}

// -----

// Every step of a recurrence needs the one before it: the steps (T) are
// never tiled.
func.func @recurrence_steps(%a: tensor<2x6x8xf32>, %b: tensor<2x6x8xf32>) -> tensor<2x6x8xf32> {
  // expected-warning @+5 {{tiling is not thread safe at axis #1}}
  // expected-note @+4 {{when applied to this op}}
  // expected-error @+3 {{cannot be tiled along its steps (T): every tile of yat.linear_recurrence scans all 6}}
  // expected-error @+2 {{faild to tile operation}}
  // expected-error @+1 {{failed to generate tiling loops}}
  %h, %last = yat.linear_recurrence %a, %b : (tensor<2x6x8xf32>, tensor<2x6x8xf32>) -> (tensor<2x6x8xf32>, tensor<2x8xf32>)
  return %h : tensor<2x6x8xf32>
}
module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %op = transform.structured.match ops{["yat.linear_recurrence"]} in %root : (!transform.any_op) -> !transform.any_op
    // expected-error @+1 {{transform.structured.tile_using_forall failed to apply}}
    %tiled, %loop = transform.structured.tile_using_forall %op tile_sizes [0, 2, 0] : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    transform.yield
  }
}
