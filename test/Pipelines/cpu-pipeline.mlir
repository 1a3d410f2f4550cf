// yat-cpu-pipeline takes functions on tensors to the LLVM dialect that
// mlir-translate accepts.
// RUN: yat-opt %s -split-input-file --yat-cpu-pipeline | FileCheck %s --check-prefix=LLVM
// RUN: yat-opt %s -split-input-file --yat-cpu-pipeline | mlir-translate -split-input-file --mlir-to-llvmir | FileCheck %s
// RUN: yat-opt %s -split-input-file "--yat-cpu-pipeline=c-interface=true fuse-elementwise=false" | mlir-translate -split-input-file --mlir-to-llvmir | FileCheck %s --check-prefix=CIFACE

// Nothing but the LLVM dialect is left.
// LLVM-NOT: func.func
// LLVM-NOT: linalg.
// LLVM-NOT: memref.
// LLVM-NOT: tensor.
// LLVM-NOT: scf.
// LLVM-NOT: builtin.unrealized_conversion_cast

// A yat.product becomes a function that allocates its result through
// MLIR's generic allocation function, which the runtime's buffer pool
// provides.
// CHECK-LABEL: define { ptr, ptr, i64, [2 x i64], [2 x i64] } @product(
// CHECK: call ptr @_mlir_memref_to_llvm_aligned_alloc(i64 64, i64
// CHECK-NOT: call ptr @malloc
// CIFACE-LABEL: define void @_mlir_ciface_product(ptr
func.func @product(%x: tensor<8x16xf32>, %w: tensor<32x16xf32>, %b: tensor<32xf32>) -> tensor<8x32xf32> {
  %y = yat.product %x, %w, %b : (tensor<8x16xf32>, tensor<32x16xf32>, tensor<32xf32>) -> tensor<8x32xf32>
  return %y : tensor<8x32xf32>
}

// -----

// A dynamically shaped matmul followed by an elementwise op.
// CHECK-LABEL: define { ptr, ptr, i64, [2 x i64], [2 x i64] } @matmul_tanh(
// CIFACE-LABEL: define void @_mlir_ciface_matmul_tanh(ptr
func.func @matmul_tanh(%a: tensor<?x?xf32>, %b: tensor<?x?xf32>) -> tensor<?x?xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %m = tensor.dim %a, %c0 : tensor<?x?xf32>
  %n = tensor.dim %b, %c1 : tensor<?x?xf32>
  %zero = arith.constant 0.0 : f32
  %empty = tensor.empty(%m, %n) : tensor<?x?xf32>
  %init = linalg.fill ins(%zero : f32) outs(%empty : tensor<?x?xf32>) -> tensor<?x?xf32>
  %c = linalg.matmul ins(%a, %b : tensor<?x?xf32>, tensor<?x?xf32>) outs(%init : tensor<?x?xf32>) -> tensor<?x?xf32>
  %t = linalg.map { math.tanh } ins(%c : tensor<?x?xf32>) outs(%empty : tensor<?x?xf32>)
  return %t : tensor<?x?xf32>
}

// -----

// bf16 math is computed in f32; f16, f64 and integer ops lower directly; a
// loop carrying a tensor bufferizes in place.
// CHECK-LABEL: define { { ptr, ptr, i64, [1 x i64], [1 x i64] }, { ptr, ptr, i64, [1 x i64], [1 x i64] }, { ptr, ptr, i64, [1 x i64], [1 x i64] }, { ptr, ptr, i64, [1 x i64], [1 x i64] } } @mixed(
// CHECK: call float @llvm.exp.f32
// CIFACE-LABEL: define void @_mlir_ciface_mixed(ptr
func.func @mixed(%a: tensor<4xbf16>, %h: tensor<4xf16>, %d: tensor<4xf64>, %i: tensor<4xi8>) -> (tensor<4xbf16>, tensor<4xf16>, tensor<4xf64>, tensor<4xi8>) {
  %ea = tensor.empty() : tensor<4xbf16>
  %ra = linalg.map { math.exp } ins(%a : tensor<4xbf16>) outs(%ea : tensor<4xbf16>)
  %eh = tensor.empty() : tensor<4xf16>
  %rh = linalg.map { arith.mulf } ins(%h, %h : tensor<4xf16>, tensor<4xf16>) outs(%eh : tensor<4xf16>)
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c3 = arith.constant 3 : index
  %rd = scf.for %k = %c0 to %c3 step %c1 iter_args(%acc = %d) -> (tensor<4xf64>) {
    %ed = tensor.empty() : tensor<4xf64>
    %next = linalg.map { arith.addf } ins(%acc, %d : tensor<4xf64>, tensor<4xf64>) outs(%ed : tensor<4xf64>)
    scf.yield %next : tensor<4xf64>
  }
  %ei = tensor.empty() : tensor<4xi8>
  %ri = linalg.map { arith.muli } ins(%i, %i : tensor<4xi8>, tensor<4xi8>) outs(%ei : tensor<4xi8>)
  return %ra, %rh, %rd, %ri : tensor<4xbf16>, tensor<4xf16>, tensor<4xf64>, tensor<4xi8>
}

// -----

// math.log1p is libm's log1p, not log(1 + x), which loses the low bits of
// a small x.
// CHECK-LABEL: @log_plus_one(
// CHECK: call double @log1p(double
// CHECK-NOT: @llvm.log.f64
// CIFACE-LABEL: define void @_mlir_ciface_log_plus_one(ptr
func.func @log_plus_one(%x: tensor<4xf64>) -> tensor<4xf64> {
  %e = tensor.empty() : tensor<4xf64>
  %r = linalg.map { math.log1p } ins(%x : tensor<4xf64>) outs(%e : tensor<4xf64>)
  return %r : tensor<4xf64>
}
