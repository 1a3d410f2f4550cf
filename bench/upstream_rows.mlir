// Upstream's own vectorization of the row tiles that yat-cpu-tile-and-fuse
// cuts a softmax into, the baseline that yat's generic vectorizer
// (lib/Codegen/CPU/ElementwiseKernels.cpp) must beat to be kept.
// bench/run.py runs
//
//   yat-opt softmax.mlir --yat-cpu-select-lowering-config
//     --yat-cpu-tile-and-fuse --canonicalize --cse
//     --transform-preload-library=transform-library-paths=bench/upstream_rows.mlir
//     --transform-interpreter --canonicalize
//   | yat-opt "--convert-vector-to-scf=full-unroll=true lower-tensors=true target-rank=1"
//     --canonicalize
//
// and runs the result through yat-cpu-pipeline (which then bufferizes,
// parallelizes the scf.forall and lowers to LLVM). Within yat's tiles of
// 16 rows:
// - each row reduction is split by upstream's tile_reduction_using_for
//   into 16-wide partial accumulators (vector FMAs, one horizontal
//   reduction per row at the end);
// - each elementwise step is tiled into rows of 16-element vectors;
// - linalg::vectorize, then the multi-reduction and transfer lowerings.
// (Vectorizing the 16 x 4096 tiles whole, without the second tiling, did
// not finish compiling in 10 minutes.)
module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %reductions = transform.structured.match ops{["linalg.generic"]} attributes {iterator_types = [#linalg.iterator_type<parallel>, #linalg.iterator_type<reduction>]} in %root : (!transform.any_op) -> !transform.any_op
    transform.foreach %reductions : !transform.any_op {
    ^bb0(%reduction: !transform.any_op):
      %fill, %partial, %merge, %loop = transform.structured.tile_reduction_using_for %reduction by tile_sizes = [0, 16] : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op, !transform.any_op)
    }
    %elementwise = transform.structured.match ops{["linalg.generic"]} attributes {iterator_types = [#linalg.iterator_type<parallel>, #linalg.iterator_type<parallel>]} in %root : (!transform.any_op) -> !transform.any_op
    transform.foreach %elementwise : !transform.any_op {
    ^bb0(%op: !transform.any_op):
      %tile, %loops:2 = transform.structured.tile_using_for %op tile_sizes [1, 16] : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op)
    }
    %all = transform.structured.match ops{["linalg.generic", "linalg.fill", "linalg.reduce"]} in %root : (!transform.any_op) -> !transform.any_op
    transform.foreach %all : !transform.any_op {
    ^bb0(%op: !transform.any_op):
      transform.structured.vectorize %op : !transform.any_op
    }
    %func = transform.structured.match ops{["func.func"]} in %root : (!transform.any_op) -> !transform.any_op
    transform.apply_patterns to %func {
      transform.apply_patterns.vector.lower_multi_reduction lowering_strategy = "innerparallel"
      transform.apply_patterns.vector.transfer_permutation_patterns
      transform.apply_patterns.canonicalization
    } : !transform.any_op
    transform.yield
  }
}
