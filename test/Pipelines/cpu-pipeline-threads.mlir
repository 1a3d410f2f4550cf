// The threads option of yat-cpu-pipeline: by default the fused tile loops
// of a yat.product run as tasks of MLIR's async runtime; threads=1 gives
// serial loops with no call into the async runtime; both compute the same.
// RUN: yat-opt %s --yat-cpu-pipeline | FileCheck %s --check-prefix=PARALLEL
// RUN: yat-opt %s "--yat-cpu-pipeline=threads=1" | FileCheck %s --check-prefix=SERIAL --implicit-check-not=mlirAsyncRuntime
// RUN: yat-run %s --entry=product --random-inputs --pipeline-options=threads=1 > %t.serial
// RUN: yat-run %s --entry=product --random-inputs > %t.parallel
// RUN: diff %t.serial %t.parallel

// PARALLEL-LABEL: llvm.func @product
// PARALLEL: llvm.func @mlirAsyncRuntimeCreateGroup
// SERIAL-LABEL: llvm.func @product
func.func @product(%x: tensor<64x32xf32>, %w: tensor<48x32xf32>, %b: tensor<48xf32>) -> tensor<64x48xf32> {
  %y = yat.product %x, %w, %b : (tensor<64x32xf32>, tensor<48x32xf32>, tensor<48xf32>) -> tensor<64x48xf32>
  return %y : tensor<64x48xf32>
}
