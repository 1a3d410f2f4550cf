// Upstream's own CPU code generation for a 1024^3 f32 linalg.matmul, the
// baseline that yat's register-tile kernels (lib/Codegen/CPU/MatmulKernels)
// must beat to be kept. bench/run.py applies it with
//
//   yat-opt matmul.mlir
//     --transform-preload-library=transform-library-paths=bench/upstream_matmul.mlir
//     --transform-interpreter --canonicalize --loop-invariant-subset-hoisting
//     --canonicalize
//   | yat-opt "--convert-vector-to-scf=full-unroll=true lower-tensors=true target-rank=1"
//     --canonicalize
//
// and runs the result through yat-cpu-pipeline (which then only
// bufferizes, parallelizes the scf.forall and lowers to LLVM):
// - 64 x 256 parallel tiles (scf.forall, the fill fused in);
// - 8 x 32 register tiles over K one step at a time (16 AVX-512
//   accumulators; 8 x 32 was the fastest of 8x32 and 4x64, the sizes that
//   divide 1024 without masking);
// - linalg::vectorize into vector.contract, lowered to outer products and
//   FMAs; loop-invariant-subset-hoisting keeps the accumulator tile in
//   registers across the K loop.
module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %matmul = transform.structured.match ops{["linalg.matmul"]} in %root : (!transform.any_op) -> !transform.any_op
    %fill = transform.structured.match ops{["linalg.fill"]} in %root : (!transform.any_op) -> !transform.any_op
    %tile, %forall = transform.structured.tile_using_forall %matmul tile_sizes [64, 256] : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    %fused, %containing = transform.structured.fuse_into_containing_op %fill into %forall : (!transform.any_op, !transform.any_op) -> (!transform.any_op, !transform.any_op)
    %register_tile, %loops:3 = transform.structured.tile_using_for %tile tile_sizes [8, 32, 1] : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op, !transform.any_op)
    transform.structured.vectorize %register_tile {create_named_contraction} : !transform.any_op
    %func = transform.structured.match ops{["func.func"]} in %root : (!transform.any_op) -> !transform.any_op
    transform.apply_patterns to %func {
      transform.apply_patterns.vector.lower_contraction lowering_strategy = "outerproduct"
      transform.apply_patterns.vector.lower_outerproduct
      transform.apply_patterns.vector.transfer_permutation_patterns
      transform.apply_patterns.canonicalization
    } : !transform.any_op
    transform.yield
  }
}
