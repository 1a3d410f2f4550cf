// The threads option of yat-cpu-pipeline: by default the fused tile loops
// of a large yat.product run as tasks of MLIR's async runtime, while a
// small one (too little work for a dispatch) runs serially; threads=1
// gives serial loops with no call into the async runtime; all compute the
// same.
// RUN: yat-opt %s --yat-cpu-pipeline | FileCheck %s --check-prefix=PARALLEL
// RUN: yat-opt %s "--yat-cpu-pipeline=threads=1" | FileCheck %s --check-prefix=SERIAL --implicit-check-not="llvm.call @mlirAsyncRuntime"
// RUN: yat-run %s --entry=large --random-inputs --pipeline-options=threads=1 > %t.serial
// RUN: yat-run %s --entry=large --random-inputs > %t.parallel
// RUN: diff %t.serial %t.parallel

// PARALLEL-LABEL: llvm.func @large
// PARALLEL: llvm.call @mlirAsyncRuntimeCreateGroup
// PARALLEL: llvm.call @mlirAsyncRuntimeAwaitAllInGroup
// PARALLEL-LABEL: llvm.func @small
// PARALLEL-NOT: llvm.call @mlirAsyncRuntime
// PARALLEL: llvm.return
// SERIAL-LABEL: llvm.func @large
// SERIAL-LABEL: llvm.func @small
func.func @large(%x: tensor<512x256xf32>, %w: tensor<512x256xf32>) -> tensor<512x512xf32> {
  %y = yat.product %x, %w : (tensor<512x256xf32>, tensor<512x256xf32>) -> tensor<512x512xf32>
  return %y : tensor<512x512xf32>
}

func.func @small(%x: tensor<64x32xf32>, %w: tensor<48x32xf32>, %b: tensor<48xf32>) -> tensor<64x48xf32> {
  %y = yat.product %x, %w, %b : (tensor<64x32xf32>, tensor<48x32xf32>, tensor<48xf32>) -> tensor<64x48xf32>
  return %y : tensor<64x48xf32>
}
