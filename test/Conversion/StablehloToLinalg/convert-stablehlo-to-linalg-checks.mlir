// RUN: yat-opt %s -split-input-file -convert-stablehlo-to-linalg -mlir-print-elementsattrs-with-hex-if-larger=-1 | FileCheck %s

// check.expect_close becomes a call of the runtime with both tensors as
// unranked memrefs, a label naming the check and its location, and flags 0.
// CHECK-LABEL: func.func @expect_close
// CHECK-SAME: (%[[A:.*]]: tensor<2x3xf32>, %[[E:.*]]: tensor<2x3xf32>)
// CHECK: %[[AB:.*]] = bufferization.to_buffer %[[A]] read_only : tensor<2x3xf32> to memref<2x3xf32, strided<[?, ?], offset: ?>>
// CHECK: %[[AU:.*]] = memref.cast %[[AB]] : memref<2x3xf32, strided<[?, ?], offset: ?>> to memref<*xf32>
// CHECK: %[[EB:.*]] = bufferization.to_buffer %[[E]] read_only
// CHECK: %[[EU:.*]] = memref.cast %[[EB]]
// CHECK: %[[LABEL:.*]] = arith.constant dense<[99, 104, 101, 99, 107, 46, 101, 120, 112, 101, 99, 116, 95, 99, 108, 111, 115, 101, 32, 97, 116, 32
// CHECK: %[[LB:.*]] = bufferization.to_buffer %[[LABEL]] read_only
// CHECK: %[[LU:.*]] = memref.cast %[[LB]] : {{.*}} to memref<*xi8>
// CHECK: %[[FLAGS:.*]] = arith.constant 0 : i32
// CHECK: call @yat_check_expect_close_f32(%[[AU]], %[[EU]], %[[LU]], %[[FLAGS]]) : (memref<*xf32>, memref<*xf32>, memref<*xi8>, i32) -> i32
// CHECK: func.func private @yat_check_expect_close_f32(memref<*xf32>, memref<*xf32>, memref<*xi8>, i32) -> i32 attributes {llvm.emit_c_interface}
func.func @expect_close(%a: tensor<2x3xf32>, %e: tensor<2x3xf32>) {
  stablehlo.custom_call @check.expect_close(%a, %e) {has_side_effect = true} : (tensor<2x3xf32>, tensor<2x3xf32>) -> ()
  return
}

// -----

// A value computed through a reduction is checked with flag 1 (reassociated).
// CHECK-LABEL: func.func @expect_close_reduced
// CHECK: %[[FLAGS:.*]] = arith.constant 1 : i32
// CHECK: call @yat_check_expect_close_f32({{.*}}, %[[FLAGS]])
func.func @expect_close_reduced(%x: tensor<4x6xf32>, %init: tensor<f32>, %e: tensor<4xf32>) {
  %0 = stablehlo.reduce(%x init: %init) applies stablehlo.add across dimensions = [1] : (tensor<4x6xf32>, tensor<f32>) -> tensor<4xf32>
  %1 = stablehlo.negate %0 : tensor<4xf32>
  stablehlo.custom_call @check.expect_close(%1, %e) {has_side_effect = true} : (tensor<4xf32>, tensor<4xf32>) -> ()
  return
}

// -----

// Each kind and element type has its own entry point; check.eq returns its
// answer as a tensor<i1>.
// CHECK-LABEL: func.func @kinds
// CHECK: call @yat_check_expect_eq_i1(
// CHECK: call @yat_check_expect_almost_eq_bf16(
// CHECK: %[[OK:.*]] = call @yat_check_eq_i64(
// CHECK: %[[PASSED:.*]] = arith.cmpi ne, %[[OK]], %{{.*}} : i32
// CHECK: %[[T:.*]] = tensor.from_elements %[[PASSED]] : tensor<i1>
// CHECK: return %[[T]]
// CHECK-DAG: func.func private @yat_check_expect_eq_i1(memref<*xi1>, memref<*xi1>, memref<*xi8>, i32) -> i32
// CHECK-DAG: func.func private @yat_check_expect_almost_eq_bf16(memref<*xbf16>, memref<*xbf16>, memref<*xi8>, i32) -> i32
// CHECK-DAG: func.func private @yat_check_eq_i64(memref<*xi64>, memref<*xi64>, memref<*xi8>, i32) -> i32
func.func @kinds(%b: tensor<3xi1>, %h: tensor<3xbf16>, %i: tensor<i64>) -> tensor<i1> {
  stablehlo.custom_call @check.expect_eq(%b, %b) {has_side_effect = true} : (tensor<3xi1>, tensor<3xi1>) -> ()
  stablehlo.custom_call @check.expect_almost_eq(%h, %h) {has_side_effect = true} : (tensor<3xbf16>, tensor<3xbf16>) -> ()
  %0 = stablehlo.custom_call @check.eq(%i, %i) : (tensor<i64>, tensor<i64>) -> tensor<i1>
  return %0 : tensor<i1>
}
