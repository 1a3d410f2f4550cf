// RUN: yat-opt %s -split-input-file -yat-cpu-serialize-small-foralls="min-parallel-work=100000" | FileCheck %s

// 4 tiles of an 8x8x16 matmul: 4096 multiply-adds, serial loops.
// CHECK-LABEL: func.func @small
// CHECK-NOT: scf.forall
// CHECK: scf.for %{{.*}} = %{{.*}} to %{{.*}} step
// CHECK:   linalg.matmul
func.func @small(%a: memref<16x16xf32>, %b: memref<16x16xf32>, %c: memref<16x16xf32>) {
  scf.forall (%i, %j) = (0, 0) to (16, 16) step (8, 8) {
    %sa = memref.subview %a[%i, 0] [8, 16] [1, 1] : memref<16x16xf32> to memref<8x16xf32, strided<[16, 1], offset: ?>>
    %sb = memref.subview %b[0, %j] [16, 8] [1, 1] : memref<16x16xf32> to memref<16x8xf32, strided<[16, 1], offset: ?>>
    %sc = memref.subview %c[%i, %j] [8, 8] [1, 1] : memref<16x16xf32> to memref<8x8xf32, strided<[16, 1], offset: ?>>
    linalg.matmul ins(%sa, %sb : memref<8x16xf32, strided<[16, 1], offset: ?>>, memref<16x8xf32, strided<[16, 1], offset: ?>>) outs(%sc : memref<8x8xf32, strided<[16, 1], offset: ?>>)
  }
  return
}

// -----

// 2 tiles, each an inner loop of 8 row tiles of up to 32x64x64 (an
// affine.min bounds the last one): 2 x 8 x 131072 multiply-adds stay
// parallel.
// CHECK-LABEL: func.func @large
// CHECK: scf.forall
// CHECK:   scf.for
// CHECK:     linalg.matmul
func.func @large(%a: memref<250x64xf32>, %b: memref<64x128xf32>, %c: memref<250x128xf32>) {
  %c0 = arith.constant 0 : index
  %c32 = arith.constant 32 : index
  %c250 = arith.constant 250 : index
  scf.forall (%j) = (0) to (128) step (64) {
    scf.for %i = %c0 to %c250 step %c32 {
      %rows = affine.min affine_map<(d0) -> (-d0 + 250, 32)>(%i)
      %sa = memref.subview %a[%i, 0] [%rows, 64] [1, 1] : memref<250x64xf32> to memref<?x64xf32, strided<[64, 1], offset: ?>>
      %sb = memref.subview %b[0, %j] [64, 64] [1, 1] : memref<64x128xf32> to memref<64x64xf32, strided<[128, 1], offset: ?>>
      %sc = memref.subview %c[%i, %j] [%rows, 64] [1, 1] : memref<250x128xf32> to memref<?x64xf32, strided<[128, 1], offset: ?>>
      linalg.matmul ins(%sa, %sb : memref<?x64xf32, strided<[64, 1], offset: ?>>, memref<64x64xf32, strided<[128, 1], offset: ?>>) outs(%sc : memref<?x64xf32, strided<[128, 1], offset: ?>>)
    }
  }
  return
}

// -----

// A size without an upper bound keeps the loop parallel.
// CHECK-LABEL: func.func @unknown
// CHECK: scf.forall
func.func @unknown(%a: memref<?xf32>, %n: index) {
  scf.forall (%i) in (2) {
    %s = memref.subview %a[0] [%n] [1] : memref<?xf32> to memref<?xf32, strided<[1]>>
    linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]} outs(%s : memref<?xf32, strided<[1]>>) {
    ^bb0(%o: f32):
      %t = arith.addf %o, %o : f32
      linalg.yield %t : f32
    }
  }
  return
}

// -----

// Work that multiplies past 2^64 saturates and stays parallel.
// CHECK-LABEL: func.func @huge
// CHECK: scf.forall
func.func @huge(%a: memref<1099511627776x1099511627776xf32>) {
  scf.forall (%i) in (1099511627776) {
    linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} outs(%a : memref<1099511627776x1099511627776xf32>) {
    ^bb0(%o: f32):
      %t = arith.addf %o, %o : f32
      linalg.yield %t : f32
    }
  }
  return
}

// -----

// A copy counts its bytes: 1024 rows of 16 f32 (65536 bytes) stay serial,
// 1024 rows of 32 f32 (131072 bytes) and of 16 f64 stay parallel.
// CHECK-LABEL: func.func @row_gathers
// CHECK: scf.for
// CHECK:   scf.for
// CHECK:     memref.copy {{.*}} : memref<16xf32,
// CHECK: scf.forall
// CHECK:   memref.copy {{.*}} : memref<32xf32,
// CHECK: scf.forall
// CHECK:   memref.copy {{.*}} : memref<16xf64,
func.func @row_gathers(%table: memref<100x32xf32>, %table64: memref<100x16xf64>, %out16: memref<8x128x16xf32>, %out32: memref<8x128x32xf32>, %out64: memref<8x128x16xf64>) {
  scf.forall (%i, %j) in (8, 128) {
    %row = memref.subview %table[%j, 0] [1, 16] [1, 1] : memref<100x32xf32> to memref<16xf32, strided<[1], offset: ?>>
    %dst = memref.subview %out16[%i, %j, 0] [1, 1, 16] [1, 1, 1] : memref<8x128x16xf32> to memref<16xf32, strided<[1], offset: ?>>
    memref.copy %row, %dst : memref<16xf32, strided<[1], offset: ?>> to memref<16xf32, strided<[1], offset: ?>>
  }
  scf.forall (%i, %j) in (8, 128) {
    %row = memref.subview %table[%j, 0] [1, 32] [1, 1] : memref<100x32xf32> to memref<32xf32, strided<[1], offset: ?>>
    %dst = memref.subview %out32[%i, %j, 0] [1, 1, 32] [1, 1, 1] : memref<8x128x32xf32> to memref<32xf32, strided<[1], offset: ?>>
    memref.copy %row, %dst : memref<32xf32, strided<[1], offset: ?>> to memref<32xf32, strided<[1], offset: ?>>
  }
  scf.forall (%i, %j) in (8, 128) {
    %row = memref.subview %table64[%j, 0] [1, 16] [1, 1] : memref<100x16xf64> to memref<16xf64, strided<[1], offset: ?>>
    %dst = memref.subview %out64[%i, %j, 0] [1, 1, 16] [1, 1, 1] : memref<8x128x16xf64> to memref<16xf64, strided<[1], offset: ?>>
    memref.copy %row, %dst : memref<16xf64, strided<[1], offset: ?>> to memref<16xf64, strided<[1], offset: ?>>
  }
  return
}

// -----

// 2 tiles of 16384 elements: an add (32768 units of work) runs serially,
// an exp (9 units an element: 294912) stays parallel, a division (3 units:
// 98304) runs serially.
// CHECK-LABEL: func.func @elementwise_costs
// CHECK: scf.for
// CHECK:   arith.addf
// CHECK: scf.forall
// CHECK:   math.exp
// CHECK: scf.for
// CHECK:   arith.divf
func.func @elementwise_costs(%a: memref<32x1024xf32>, %b: memref<32x1024xf32>) {
  scf.forall (%i) = (0) to (32) step (16) {
    %sa = memref.subview %a[%i, 0] [16, 1024] [1, 1] : memref<32x1024xf32> to memref<16x1024xf32, strided<[1024, 1], offset: ?>>
    %sb = memref.subview %b[%i, 0] [16, 1024] [1, 1] : memref<32x1024xf32> to memref<16x1024xf32, strided<[1024, 1], offset: ?>>
    linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} ins(%sa : memref<16x1024xf32, strided<[1024, 1], offset: ?>>) outs(%sb : memref<16x1024xf32, strided<[1024, 1], offset: ?>>) {
    ^bb0(%x: f32, %y: f32):
      %r = arith.addf %x, %y : f32
      linalg.yield %r : f32
    }
  }
  scf.forall (%i) = (0) to (32) step (16) {
    %sa = memref.subview %a[%i, 0] [16, 1024] [1, 1] : memref<32x1024xf32> to memref<16x1024xf32, strided<[1024, 1], offset: ?>>
    %sb = memref.subview %b[%i, 0] [16, 1024] [1, 1] : memref<32x1024xf32> to memref<16x1024xf32, strided<[1024, 1], offset: ?>>
    linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} ins(%sa : memref<16x1024xf32, strided<[1024, 1], offset: ?>>) outs(%sb : memref<16x1024xf32, strided<[1024, 1], offset: ?>>) {
    ^bb0(%x: f32, %y: f32):
      %r = math.exp %x : f32
      linalg.yield %r : f32
    }
  }
  scf.forall (%i) = (0) to (32) step (16) {
    %sa = memref.subview %a[%i, 0] [16, 1024] [1, 1] : memref<32x1024xf32> to memref<16x1024xf32, strided<[1024, 1], offset: ?>>
    %sb = memref.subview %b[%i, 0] [16, 1024] [1, 1] : memref<32x1024xf32> to memref<16x1024xf32, strided<[1024, 1], offset: ?>>
    linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} ins(%sa : memref<16x1024xf32, strided<[1024, 1], offset: ?>>) outs(%sb : memref<16x1024xf32, strided<[1024, 1], offset: ?>>) {
    ^bb0(%x: f32, %y: f32):
      %r = arith.divf %x, %y : f32
      linalg.yield %r : f32
    }
  }
  return
}
