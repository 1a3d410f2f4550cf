// Upstream's own code generation of a 2048x2048 f32 linalg.transpose, the
// baseline that yat's register-block transposes (lib/Codegen/CPU/
// CopyKernels.cpp) must beat to be kept. bench/run.py runs
//
//   yat-opt transpose.mlir
//     --transform-preload-library=transform-library-paths=bench/upstream_transpose.mlir
//     --transform-interpreter --canonicalize
//   | yat-opt "--convert-vector-to-scf=full-unroll=true lower-tensors=true target-rank=1"
//     --canonicalize
//
// and runs the result through yat-cpu-pipeline: parallel tiles of 128
// rows, 16 x 16 blocks vectorized by linalg::vectorize, and the
// vector.transpose lowered with the AVX-512 `shuffle_16x16` strategy.
module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %transpose = transform.structured.match ops{["linalg.transpose"]} in %root : (!transform.any_op) -> !transform.any_op
    %tile, %forall = transform.structured.tile_using_forall %transpose tile_sizes [128, 0] : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    %block, %loops:2 = transform.structured.tile_using_for %tile tile_sizes [16, 16] : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op)
    transform.structured.vectorize %block : !transform.any_op
    %func = transform.structured.match ops{["func.func"]} in %root : (!transform.any_op) -> !transform.any_op
    transform.apply_patterns to %func {
      transform.apply_patterns.vector.lower_transpose lowering_strategy = "shuffle_16x16"
      transform.apply_patterns.vector.transfer_permutation_patterns
      transform.apply_patterns.canonicalization
    } : !transform.any_op
    transform.yield
  }
}
