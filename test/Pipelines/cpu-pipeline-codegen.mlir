// yat-cpu-pipeline runs the CPU code generator on contractions that are not
// yat ops: a matmul + bias + gelu-like epilogue is one scf.forall of tiles
// after yat-cpu-tile-and-fuse, and the plain path (fuse=false) leaves it
// untiled.
// RUN: yat-opt %s --yat-cpu-pipeline --mlir-print-ir-after=yat-cpu-tile-and-fuse -o /dev/null 2>&1 | FileCheck %s
// RUN: yat-opt %s "--yat-cpu-pipeline=fuse=false" --mlir-print-ir-after=one-shot-bufferize -o /dev/null 2>&1 | FileCheck %s --check-prefix=PLAIN

// CHECK-LABEL: func.func @dense_tanh
// CHECK: scf.forall
// CHECK:   linalg.fill
// CHECK:   linalg.matmul
// CHECK:   linalg.generic
// CHECK:     math.tanh
// CHECK:   scf.forall.in_parallel
// CHECK-NOT: yat.lowering_config
// PLAIN-LABEL: func.func @dense_tanh
// PLAIN-NOT: scf.forall
// PLAIN: linalg.matmul
// PLAIN-NOT: scf.forall
#id = affine_map<(d0, d1) -> (d0, d1)>
#row = affine_map<(d0, d1) -> (d1)>
func.func @dense_tanh(%x: tensor<64x32xf32>, %w: tensor<32x128xf32>, %b: tensor<128xf32>) -> tensor<64x128xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<64x128xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<64x128xf32>) -> tensor<64x128xf32>
  %mm = linalg.matmul ins(%x, %w : tensor<64x32xf32>, tensor<32x128xf32>) outs(%init : tensor<64x128xf32>) -> tensor<64x128xf32>
  %y = linalg.generic {indexing_maps = [#id, #row, #id], iterator_types = ["parallel", "parallel"]} ins(%mm, %b : tensor<64x128xf32>, tensor<128xf32>) outs(%e : tensor<64x128xf32>) {
  ^bb0(%a: f32, %c: f32, %o: f32):
    %s = arith.addf %a, %c : f32
    %t = math.tanh %s : f32
    linalg.yield %t : f32
  } -> tensor<64x128xf32>
  return %y : tensor<64x128xf32>
}
