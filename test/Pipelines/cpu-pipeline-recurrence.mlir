// REQUIRES: stablehlo
// yat-cpu-pipeline lowers the StableHLO gates of an MLGRU token mixer to
// linalg before yat-fuse-epilogue, which cuts yat.linear_recurrence into
// tiles of batch rows and computes the gates inside each tile's step loop;
// their per-step buffers are allocated once per tile, outside the loop. The
// plain path (fuse=false) materializes the gate tensors.
// RUN: yat-opt %s "--yat-cpu-pipeline=threads=2" --mlir-print-ir-after=buffer-loop-hoisting -o /dev/null 2>&1 | FileCheck %s
// RUN: yat-opt %s "--yat-cpu-pipeline=fuse=false" --mlir-print-ir-after=one-shot-bufferize -o /dev/null 2>&1 | FileCheck %s --check-prefix=PLAIN

// CHECK-LABEL: func.func @mlgru
// CHECK: scf.forall (%[[ROW:.*]]) in (2)
// CHECK: memref.alloc() {{.*}} : memref<1x48xf32>
// CHECK: memref.alloc() {{.*}} : memref<1x1x48xf32>
// CHECK: memref.alloc() {{.*}} : memref<1x1x48xf32>
// CHECK-NOT: memref.alloc
// CHECK: scf.for %[[T:.*]] =
// CHECK-NOT: memref.alloc
// CHECK: memref.subview %{{.*}}[%[[ROW]], %[[T]], 0] [1, 1, 48]
// CHECK: math.exp
// CHECK: linalg.generic {{.*}} outs(%{{.*}}, %{{.*}} : memref<1x48xf32>, memref<1x48xf32, strided<[528, 1], offset: ?>>)
// CHECK: arith.mulf
// CHECK: arith.addf
// CHECK: return
// PLAIN-LABEL: func.func @mlgru
// PLAIN: memref.alloc() {{.*}} : memref<2x11x48xf32>
// PLAIN: math.exp
// PLAIN: scf.for
func.func @mlgru(%xf: tensor<2x11x48xf32>, %xc: tensor<2x11x48xf32>, %h0: tensor<2x48xf32>) -> (tensor<2x11x48xf32>, tensor<2x48xf32>) {
  %one = stablehlo.constant dense<1.0> : tensor<2x11x48xf32>
  %f = stablehlo.logistic %xf : tensor<2x11x48xf32>
  %keep = stablehlo.subtract %one, %f : tensor<2x11x48xf32>
  %sc = stablehlo.logistic %xc : tensor<2x11x48xf32>
  %c = stablehlo.multiply %xc, %sc : tensor<2x11x48xf32>
  %b = stablehlo.multiply %keep, %c : tensor<2x11x48xf32>
  %h, %last = yat.linear_recurrence %f, %b, %h0 : (tensor<2x11x48xf32>, tensor<2x11x48xf32>, tensor<2x48xf32>) -> (tensor<2x11x48xf32>, tensor<2x48xf32>)
  return %h, %last : tensor<2x11x48xf32>, tensor<2x48xf32>
}
