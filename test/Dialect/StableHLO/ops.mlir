// RUN: yat-opt %s -split-input-file | FileCheck %s
// Pretty -> pretty is a fixed point.
// RUN: yat-opt %s -split-input-file | yat-opt -split-input-file | FileCheck %s
// Pretty -> generic -> pretty gives the same ops.
// RUN: yat-opt %s -split-input-file -mlir-print-op-generic | yat-opt -split-input-file | FileCheck %s

// Every unary elementwise op prints with a single type.
// CHECK-LABEL: func.func @unary
func.func @unary(%f: tensor<2x3xf32>, %i: tensor<4xi32>, %b: tensor<4xi1>) {
  // CHECK: stablehlo.abs %{{.*}} : tensor<2x3xf32>
  %0 = stablehlo.abs %f : tensor<2x3xf32>
  // CHECK: stablehlo.abs %{{.*}} : tensor<4xi32>
  %1 = stablehlo.abs %i : tensor<4xi32>
  // CHECK: stablehlo.ceil
  %2 = stablehlo.ceil %f : tensor<2x3xf32>
  // CHECK: stablehlo.cosine
  %3 = stablehlo.cosine %f : tensor<2x3xf32>
  // CHECK: stablehlo.exponential %{{.*}} : tensor<2x3xf32>
  %4 = stablehlo.exponential %f : tensor<2x3xf32>
  // CHECK: stablehlo.exponential_minus_one
  %5 = stablehlo.exponential_minus_one %f : tensor<2x3xf32>
  // CHECK: stablehlo.floor
  %6 = stablehlo.floor %f : tensor<2x3xf32>
  // CHECK: stablehlo.log %
  %7 = stablehlo.log %f : tensor<2x3xf32>
  // CHECK: stablehlo.log_plus_one
  %8 = stablehlo.log_plus_one %f : tensor<2x3xf32>
  // CHECK: stablehlo.logistic
  %9 = stablehlo.logistic %f : tensor<2x3xf32>
  // CHECK: stablehlo.negate %{{.*}} : tensor<4xi32>
  %10 = stablehlo.negate %i : tensor<4xi32>
  // CHECK: stablehlo.not %{{.*}} : tensor<4xi1>
  %11 = stablehlo.not %b : tensor<4xi1>
  // CHECK: stablehlo.round_nearest_afz
  %12 = stablehlo.round_nearest_afz %f : tensor<2x3xf32>
  // CHECK: stablehlo.round_nearest_even
  %13 = stablehlo.round_nearest_even %f : tensor<2x3xf32>
  // CHECK: stablehlo.rsqrt
  %14 = stablehlo.rsqrt %f : tensor<2x3xf32>
  // CHECK: stablehlo.sign %{{.*}} : tensor<4xi32>
  %15 = stablehlo.sign %i : tensor<4xi32>
  // CHECK: stablehlo.sine
  %16 = stablehlo.sine %f : tensor<2x3xf32>
  // CHECK: stablehlo.sqrt
  %17 = stablehlo.sqrt %f : tensor<2x3xf32>
  // CHECK: stablehlo.tanh
  %18 = stablehlo.tanh %f : tensor<2x3xf32>
  return
}

// -----

// Every binary elementwise op prints with a single type.
// CHECK-LABEL: func.func @binary
func.func @binary(%f: tensor<2xbf16>, %i: tensor<2xi8>, %b: tensor<2xi1>) {
  // CHECK: stablehlo.add %{{.*}}, %{{.*}} : tensor<2xbf16>
  %0 = stablehlo.add %f, %f : tensor<2xbf16>
  // CHECK: stablehlo.subtract %{{.*}}, %{{.*}} : tensor<2xi8>
  %1 = stablehlo.subtract %i, %i : tensor<2xi8>
  // CHECK: stablehlo.multiply
  %2 = stablehlo.multiply %f, %f : tensor<2xbf16>
  // CHECK: stablehlo.divide
  %3 = stablehlo.divide %i, %i : tensor<2xi8>
  // CHECK: stablehlo.remainder
  %4 = stablehlo.remainder %i, %i : tensor<2xi8>
  // CHECK: stablehlo.maximum
  %5 = stablehlo.maximum %f, %f : tensor<2xbf16>
  // CHECK: stablehlo.minimum
  %6 = stablehlo.minimum %f, %f : tensor<2xbf16>
  // CHECK: stablehlo.power
  %7 = stablehlo.power %f, %f : tensor<2xbf16>
  // CHECK: stablehlo.and %{{.*}}, %{{.*}} : tensor<2xi1>
  %8 = stablehlo.and %b, %b : tensor<2xi1>
  // CHECK: stablehlo.or
  %9 = stablehlo.or %i, %i : tensor<2xi8>
  // CHECK: stablehlo.xor
  %10 = stablehlo.xor %b, %b : tensor<2xi1>
  return
}

// -----

// convert prints a single type when nothing changes and a functional type
// otherwise; compare prints its direction and optional type around the
// operands.
// CHECK-LABEL: func.func @convert_compare
func.func @convert_compare(%f: tensor<3xf16>, %g: tensor<3xf16>) -> tensor<3xi1> {
  // CHECK: stablehlo.convert %{{.*}} : tensor<3xf16>
  %0 = stablehlo.convert %f : tensor<3xf16>
  // CHECK: stablehlo.convert %{{.*}} : (tensor<3xf16>) -> tensor<3xi32>
  %1 = stablehlo.convert %f : (tensor<3xf16>) -> tensor<3xi32>
  // CHECK: stablehlo.compare  GT, %{{.*}}, %{{.*}},  FLOAT : (tensor<3xf16>, tensor<3xf16>) -> tensor<3xi1>
  %2 = stablehlo.compare  GT, %f, %g,  FLOAT : (tensor<3xf16>, tensor<3xf16>) -> tensor<3xi1>
  // CHECK: stablehlo.compare  LE, %{{.*}}, %{{.*}} : (tensor<3xi32>, tensor<3xi32>) -> tensor<3xi1>
  %3 = stablehlo.compare LE, %1, %1 : (tensor<3xi32>, tensor<3xi32>) -> tensor<3xi1>
  // CHECK: stablehlo.compare  NE, %{{.*}}, %{{.*}},  TOTALORDER
  %4 = stablehlo.compare NE, %f, %g, TOTALORDER : (tensor<3xf16>, tensor<3xf16>) -> tensor<3xi1>
  return %2 : tensor<3xi1>
}

// -----

// select and clamp print a short type list unless a 0-d operand forces the
// functional type.
// CHECK-LABEL: func.func @select_clamp
func.func @select_clamp(%p: tensor<2x2xi1>, %s: tensor<i1>, %x: tensor<2x2xf64>, %lo: tensor<f64>) {
  // CHECK: stablehlo.select %{{.*}}, %{{.*}}, %{{.*}} : tensor<2x2xi1>, tensor<2x2xf64>
  %0 = stablehlo.select %p, %x, %x : tensor<2x2xi1>, tensor<2x2xf64>
  // CHECK: stablehlo.select %{{.*}}, %{{.*}}, %{{.*}} : tensor<i1>, tensor<2x2xf64>
  %1 = stablehlo.select %s, %x, %x : (tensor<i1>, tensor<2x2xf64>, tensor<2x2xf64>) -> tensor<2x2xf64>
  // CHECK: stablehlo.clamp %{{.*}}, %{{.*}}, %{{.*}} : tensor<2x2xf64>
  %2 = stablehlo.clamp %x, %x, %x : tensor<2x2xf64>
  // CHECK: stablehlo.clamp %{{.*}}, %{{.*}}, %{{.*}} : (tensor<f64>, tensor<2x2xf64>, tensor<f64>) -> tensor<2x2xf64>
  %3 = stablehlo.clamp %lo, %x, %lo : (tensor<f64>, tensor<2x2xf64>, tensor<f64>) -> tensor<2x2xf64>
  return
}

// -----

// Constants: dense lists, splats, hex blobs, booleans and zero-size tensors.
// CHECK-LABEL: func.func @constants
func.func @constants() {
  // CHECK: stablehlo.constant dense<[1.000000e+00, 2.000000e+00]> : tensor<2xf32>
  %0 = stablehlo.constant dense<[1.0, 2.0]> : tensor<2xf32>
  // CHECK: stablehlo.constant dense<7> : tensor<2x2xi64>
  %1 = stablehlo.constant dense<7> : tensor<2x2xi64>
  // CHECK: stablehlo.constant dense<[1.000000e+00, 2.000000e+00]> : tensor<2xf32>
  %2 = stablehlo.constant dense<"0x0000803F00000040"> : tensor<2xf32>
  // CHECK: stablehlo.constant dense<[true, false]> : tensor<2xi1>
  %3 = stablehlo.constant dense<[true, false]> : tensor<2xi1>
  // CHECK: stablehlo.constant dense<> : tensor<2x0xbf16>
  %4 = stablehlo.constant dense<> : tensor<2x0xbf16>
  return
}

// -----

// Data movement ops with their attribute sugar.
// CHECK-LABEL: func.func @data_movement
func.func @data_movement(%x: tensor<2x3xi16>, %v: tensor<i16>) {
  // CHECK: stablehlo.iota dim = 1 : tensor<2x3xi16>
  %0 = stablehlo.iota dim = 1 : tensor<2x3xi16>
  // CHECK: stablehlo.broadcast_in_dim %{{.*}}, dims = [1, 2] : (tensor<2x3xi16>) -> tensor<4x2x3xi16>
  %1 = stablehlo.broadcast_in_dim %x, dims = [1, 2] : (tensor<2x3xi16>) -> tensor<4x2x3xi16>
  // CHECK: stablehlo.broadcast_in_dim %{{.*}}, dims = [] : (tensor<i16>) -> tensor<2x3xi16>
  %2 = stablehlo.broadcast_in_dim %v, dims = [] : (tensor<i16>) -> tensor<2x3xi16>
  // CHECK: stablehlo.reshape %{{.*}} : (tensor<2x3xi16>) -> tensor<3x1x2xi16>
  %3 = stablehlo.reshape %x : (tensor<2x3xi16>) -> tensor<3x1x2xi16>
  // CHECK: stablehlo.transpose %{{.*}}, dims = [1, 0] : (tensor<2x3xi16>) -> tensor<3x2xi16>
  %4 = stablehlo.transpose %x, dims = [1, 0] : (tensor<2x3xi16>) -> tensor<3x2xi16>
  // CHECK: stablehlo.concatenate %{{.*}}, %{{.*}}, dim = 0 : (tensor<2x3xi16>, tensor<2x3xi16>) -> tensor<4x3xi16>
  %5 = stablehlo.concatenate %x, %x, dim = 0 : (tensor<2x3xi16>, tensor<2x3xi16>) -> tensor<4x3xi16>
  // CHECK: stablehlo.slice %{{.*}} [0:2, 1:3] : (tensor<2x3xi16>) -> tensor<2x2xi16>
  %6 = stablehlo.slice %x [0:2, 1:3:1] : (tensor<2x3xi16>) -> tensor<2x2xi16>
  // CHECK: stablehlo.slice %{{.*}} [1:2, 0:3:2] : (tensor<2x3xi16>) -> tensor<1x2xi16>
  %7 = stablehlo.slice %x [1:2, 0:3:2] : (tensor<2x3xi16>) -> tensor<1x2xi16>
  // CHECK: stablehlo.pad %{{.*}}, %{{.*}}, low = [0, -1], high = [1, 2], interior = [1, 0] : (tensor<2x3xi16>, tensor<i16>) -> tensor<4x4xi16>
  %8 = stablehlo.pad %x, %v, low = [0, -1], high = [1, 2], interior = [1, 0] : (tensor<2x3xi16>, tensor<i16>) -> tensor<4x4xi16>
  // CHECK: stablehlo.reverse %{{.*}}, dims = [0, 1] : tensor<2x3xi16>
  %9 = stablehlo.reverse %x, dims = [0, 1] : tensor<2x3xi16>
  return
}

// -----

// dot_general prints batching dims only when present, and the precision
// config in short form.
// CHECK-LABEL: func.func @dot_general
func.func @dot_general(%a: tensor<2x3x4xf32>, %b: tensor<2x4x5xf32>, %m: tensor<3x4xi8>, %n: tensor<4xi8>) {
  // CHECK: stablehlo.dot_general %{{.*}}, %{{.*}}, batching_dims = [0] x [0], contracting_dims = [2] x [1], precision = [DEFAULT, HIGHEST] : (tensor<2x3x4xf32>, tensor<2x4x5xf32>) -> tensor<2x3x5xf32>
  %0 = stablehlo.dot_general %a, %b, batching_dims = [0] x [0], contracting_dims = [2] x [1], precision = [DEFAULT, HIGHEST] : (tensor<2x3x4xf32>, tensor<2x4x5xf32>) -> tensor<2x3x5xf32>
  // CHECK: stablehlo.dot_general %{{.*}}, %{{.*}}, contracting_dims = [1] x [0] : (tensor<3x4xi8>, tensor<4xi8>) -> tensor<3xi32>
  %1 = stablehlo.dot_general %m, %n, contracting_dims = [1] x [0] : (tensor<3x4xi8>, tensor<4xi8>) -> tensor<3xi32>
  return
}

// -----

// convolution prints its layout, the window attributes that are set and the
// group counts.
// CHECK-LABEL: func.func @convolution
func.func @convolution(%x: tensor<1x8x8x3xf32>, %w: tensor<3x3x3x4xf32>, %y: tensor<2x6x5x5xf32>, %k: tensor<6x3x2x2xf32>) {
  // CHECK: stablehlo.convolution(%{{.*}}, %{{.*}}) dim_numbers = [b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f], window = {stride = [2, 2], pad = {{\[\[}}1, 1], [1, 1]], lhs_dilate = [1, 1], rhs_dilate = [1, 1], reverse = [false, true]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64, precision_config = [#stablehlo<precision DEFAULT>, #stablehlo<precision DEFAULT>]} : (tensor<1x8x8x3xf32>, tensor<3x3x3x4xf32>) -> tensor<1x4x4x4xf32>
  %0 = stablehlo.convolution(%x, %w) dim_numbers = [b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f], window = {stride = [2, 2], pad = [[1, 1], [1, 1]], lhs_dilate = [1, 1], rhs_dilate = [1, 1], reverse = [0, 1]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64, precision_config = [#stablehlo<precision DEFAULT>, #stablehlo<precision DEFAULT>]} : (tensor<1x8x8x3xf32>, tensor<3x3x3x4xf32>) -> tensor<1x4x4x4xf32>
  // CHECK: stablehlo.convolution(%{{.*}}, %{{.*}}) dim_numbers = [b, f, 0, 1]x[o, i, 0, 1]->[b, f, 0, 1], window = {} {batch_group_count = 1 : i64, feature_group_count = 2 : i64} : (tensor<2x6x5x5xf32>, tensor<6x3x2x2xf32>) -> tensor<2x6x4x4xf32>
  %1 = stablehlo.convolution(%y, %k) dim_numbers = [b, f, 0, 1]x[o, i, 0, 1]->[b, f, 0, 1], window = {} {batch_group_count = 1 : i64, feature_group_count = 2 : i64} : (tensor<2x6x5x5xf32>, tensor<6x3x2x2xf32>) -> tensor<2x6x4x4xf32>
  return
}

// -----

// reduce prints the short `applies` form for a single binary op on the block
// arguments and the `reducer` form otherwise (here: argmax).
// CHECK-LABEL: func.func @reduce
func.func @reduce(%x: tensor<4x6xf32>, %i: tensor<4x6xi32>, %zero: tensor<f32>, %c0: tensor<i32>) -> (tensor<4xf32>, tensor<6xf32>, tensor<6xi32>) {
  // CHECK: stablehlo.reduce(%{{.*}} init: %{{.*}}) applies stablehlo.add across dimensions = [1] : (tensor<4x6xf32>, tensor<f32>) -> tensor<4xf32>
  %0 = stablehlo.reduce(%x init: %zero) applies stablehlo.add across dimensions = [1] : (tensor<4x6xf32>, tensor<f32>) -> tensor<4xf32>
  // CHECK: stablehlo.reduce(%{{.*}} init: %{{.*}}), (%{{.*}} init: %{{.*}}) across dimensions = [0] : (tensor<4x6xf32>, tensor<4x6xi32>, tensor<f32>, tensor<i32>) -> (tensor<6xf32>, tensor<6xi32>)
  // CHECK-NEXT: reducer(%[[A:.*]]: tensor<f32>, %[[B:.*]]: tensor<f32>) (%[[IA:.*]]: tensor<i32>, %[[IB:.*]]: tensor<i32>)
  // CHECK-NEXT: %[[GT:.*]] = stablehlo.compare  GT, %[[A]], %[[B]],  FLOAT
  // CHECK-NEXT: %[[V:.*]] = stablehlo.select %[[GT]], %[[A]], %[[B]] : tensor<i1>, tensor<f32>
  // CHECK-NEXT: %[[I:.*]] = stablehlo.select %[[GT]], %[[IA]], %[[IB]] : tensor<i1>, tensor<i32>
  // CHECK-NEXT: stablehlo.return %[[V]], %[[I]] : tensor<f32>, tensor<i32>
  %1:2 = stablehlo.reduce(%x init: %zero), (%i init: %c0) across dimensions = [0] : (tensor<4x6xf32>, tensor<4x6xi32>, tensor<f32>, tensor<i32>) -> (tensor<6xf32>, tensor<6xi32>)
   reducer(%a: tensor<f32>, %b: tensor<f32>) (%ia: tensor<i32>, %ib: tensor<i32>) {
    %gt = stablehlo.compare GT, %a, %b, FLOAT : (tensor<f32>, tensor<f32>) -> tensor<i1>
    %v = stablehlo.select %gt, %a, %b : tensor<i1>, tensor<f32>
    %j = stablehlo.select %gt, %ia, %ib : tensor<i1>, tensor<i32>
    stablehlo.return %v, %j : tensor<f32>, tensor<i32>
  }
  return %0, %1#0, %1#1 : tensor<4xf32>, tensor<6xf32>, tensor<6xi32>
}

// -----

// custom_call keeps its target as a symbol and its attributes; composite
// names its decomposition.
// CHECK-LABEL: func.func @calls
func.func @calls(%a: tensor<4xf32>, %b: tensor<4xf32>) -> tensor<4xf32> {
  // CHECK: stablehlo.custom_call @check.expect_close(%{{.*}}, %{{.*}}) {has_side_effect = true} : (tensor<4xf32>, tensor<4xf32>) -> ()
  stablehlo.custom_call @check.expect_close(%a, %b) {has_side_effect = true} : (tensor<4xf32>, tensor<4xf32>) -> ()
  // CHECK: stablehlo.custom_call @my_target(%{{.*}}) {backend_config = "cfg"} : (tensor<4xf32>) -> tensor<4xf32>
  %0 = stablehlo.custom_call @my_target(%a) {backend_config = "cfg"} : (tensor<4xf32>) -> tensor<4xf32>
  // CHECK: stablehlo.composite "my.double" %{{.*}} {composite_attributes = {factor = 2 : i64}, decomposition = @double, version = 1 : i32} : (tensor<4xf32>) -> tensor<4xf32>
  %1 = stablehlo.composite "my.double" %a {composite_attributes = {factor = 2 : i64}, decomposition = @double, version = 1 : i32} : (tensor<4xf32>) -> tensor<4xf32>
  return %1 : tensor<4xf32>
}
func.func private @double(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = stablehlo.add %x, %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// dynamic_slice and dynamic_update_slice, as JAX prints them.
// CHECK-LABEL: func.func @dynamic_slices
func.func @dynamic_slices(%x: tensor<3x4xf32>, %u: tensor<1x2xf32>, %i: tensor<i64>, %j: tensor<i32>) -> (tensor<1x2xf32>, tensor<3x4xf32>) {
  // CHECK: %[[S:.*]] = stablehlo.dynamic_slice %{{.*}}, %{{.*}}, %{{.*}}, sizes = [1, 2] : (tensor<3x4xf32>, tensor<i64>, tensor<i32>) -> tensor<1x2xf32>
  %0 = stablehlo.dynamic_slice %x, %i, %j, sizes = [1, 2] : (tensor<3x4xf32>, tensor<i64>, tensor<i32>) -> tensor<1x2xf32>
  // CHECK: %[[U:.*]] = stablehlo.dynamic_update_slice %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}} : (tensor<3x4xf32>, tensor<1x2xf32>, tensor<i64>, tensor<i32>) -> tensor<3x4xf32>
  %1 = stablehlo.dynamic_update_slice %x, %u, %i, %j : (tensor<3x4xf32>, tensor<1x2xf32>, tensor<i64>, tensor<i32>) -> tensor<3x4xf32>
  // CHECK: return %[[S]], %[[U]]
  return %0, %1 : tensor<1x2xf32>, tensor<3x4xf32>
}

// -----

// stablehlo.while as JAX prints it: the header names the loop-carried
// values for both regions.
// CHECK-LABEL: func.func @while_loop
// CHECK-SAME: (%[[N:.*]]: tensor<i64>, %[[X:.*]]: tensor<2xf32>)
// CHECK: %[[ZERO:.*]] = stablehlo.constant dense<0> : tensor<i64>
// CHECK: %[[LOOP:.*]]:2 = stablehlo.while(%[[I:.*]] = %[[ZERO]], %[[ACC:.*]] = %[[X]]) : tensor<i64>, tensor<2xf32> cond {
// CHECK:   %[[LT:.*]] = stablehlo.compare  LT, %[[I]], %[[N]],  SIGNED
// CHECK:   stablehlo.return %[[LT]] : tensor<i1>
// CHECK: } do {
// CHECK:   %[[NEXT:.*]] = stablehlo.add %[[I]], %{{.*}} : tensor<i64>
// CHECK:   %[[TWICE:.*]] = stablehlo.add %[[ACC]], %[[ACC]] : tensor<2xf32>
// CHECK:   stablehlo.return %[[NEXT]], %[[TWICE]] : tensor<i64>, tensor<2xf32>
// CHECK: return %[[LOOP]]#1
func.func @while_loop(%n: tensor<i64>, %x: tensor<2xf32>) -> tensor<2xf32> {
  %zero = stablehlo.constant dense<0> : tensor<i64>
  %one = stablehlo.constant dense<1> : tensor<i64>
  %0:2 = stablehlo.while(%iterArg = %zero, %iterArg_0 = %x) : tensor<i64>, tensor<2xf32>
   cond {
    %lt = stablehlo.compare  LT, %iterArg, %n,  SIGNED : (tensor<i64>, tensor<i64>) -> tensor<i1>
    stablehlo.return %lt : tensor<i1>
  } do {
    %next = stablehlo.add %iterArg, %one : tensor<i64>
    %twice = stablehlo.add %iterArg_0, %iterArg_0 : tensor<2xf32>
    stablehlo.return %next, %twice : tensor<i64>, tensor<2xf32>
  }
  return %0#1 : tensor<2xf32>
}

// -----

// JAX's module wrapper, result attributes and dense_resource constants parse.
// CHECK-LABEL: module @jit_main attributes {mhlo.num_partitions = 1 : i32
// CHECK: func.func public @main() -> (tensor<2xf32> {jax.result_info = "", mhlo.layout_mode = "default"})
// CHECK: stablehlo.constant dense_resource<weights> : tensor<2xf32>
module @jit_main attributes {mhlo.num_partitions = 1 : i32, mhlo.num_replicas = 1 : i32} {
  func.func public @main() -> (tensor<2xf32> {jax.result_info = "", mhlo.layout_mode = "default"}) {
    %0 = stablehlo.constant dense_resource<weights> : tensor<2xf32>
    return %0 : tensor<2xf32>
  }
}
{-#
  dialect_resources: {
    builtin: {
      weights: "0x040000000000803F00000040"
    }
  }
#-}

// -----

// Bit ops, the float tests and conversions JAX prints.
// CHECK-LABEL: func.func @bits_and_floats
// CHECK-SAME: (%[[I:.*]]: tensor<4xi32>, %[[F:.*]]: tensor<4xf32>)
// CHECK: stablehlo.shift_left %[[I]], %[[I]] : tensor<4xi32>
// CHECK: stablehlo.shift_right_logical %[[I]], %[[I]] : tensor<4xi32>
// CHECK: stablehlo.shift_right_arithmetic %[[I]], %[[I]] : tensor<4xi32>
// CHECK: stablehlo.popcnt %[[I]] : tensor<4xi32>
// CHECK: stablehlo.cbrt %[[F]] : tensor<4xf32>
// CHECK: stablehlo.atan2 %[[F]], %[[F]] : tensor<4xf32>
// CHECK: stablehlo.is_finite %[[F]] : (tensor<4xf32>) -> tensor<4xi1>
// CHECK: stablehlo.reduce_precision %[[F]], format = e5m10 : tensor<4xf32>
// CHECK: stablehlo.bitcast_convert %[[F]] : (tensor<4xf32>) -> tensor<4xi32>
// CHECK: stablehlo.bitcast_convert %[[F]] : (tensor<4xf32>) -> tensor<4x2xui16>
// CHECK: stablehlo.bitcast_convert %{{.*}} : (tensor<4x2xui16>) -> tensor<4xf32>
func.func @bits_and_floats(%i: tensor<4xi32>, %f: tensor<4xf32>) {
  %0 = stablehlo.shift_left %i, %i : tensor<4xi32>
  %1 = stablehlo.shift_right_logical %i, %i : tensor<4xi32>
  %2 = stablehlo.shift_right_arithmetic %i, %i : tensor<4xi32>
  %3 = stablehlo.popcnt %i : tensor<4xi32>
  %4 = stablehlo.cbrt %f : tensor<4xf32>
  %5 = stablehlo.atan2 %f, %f : tensor<4xf32>
  %6 = stablehlo.is_finite %f : (tensor<4xf32>) -> tensor<4xi1>
  %7 = stablehlo.reduce_precision %f, format = e5m10 : tensor<4xf32>
  %8 = stablehlo.bitcast_convert %f : (tensor<4xf32>) -> tensor<4xi32>
  %9 = stablehlo.bitcast_convert %f : (tensor<4xf32>) -> tensor<4x2xui16>
  %10 = stablehlo.bitcast_convert %9 : (tensor<4x2xui16>) -> tensor<4xf32>
  return
}

// -----

// tuple and get_tuple_element, and a while loop that carries a nested
// tuple.
// CHECK-LABEL: func.func @tuples
// CHECK: %[[PAIR:.*]] = stablehlo.tuple %{{.*}}, %{{.*}} : tuple<tensor<2xf32>, tensor<i32>>
// CHECK: %[[NESTED:.*]] = stablehlo.tuple %{{.*}}, %[[PAIR]] : tuple<tensor<i32>, tuple<tensor<2xf32>, tensor<i32>>>
// CHECK: %[[LOOP:.*]] = stablehlo.while(%[[STATE:.*]] = %[[NESTED]]) : tuple<tensor<i32>, tuple<tensor<2xf32>, tensor<i32>>>
// CHECK: stablehlo.get_tuple_element %[[STATE]][0] : (tuple<tensor<i32>, tuple<tensor<2xf32>, tensor<i32>>>) -> tensor<i32>
// CHECK: stablehlo.return %[[STATE]] : tuple<tensor<i32>, tuple<tensor<2xf32>, tensor<i32>>>
// CHECK: stablehlo.get_tuple_element %[[LOOP]][1] : (tuple<tensor<i32>, tuple<tensor<2xf32>, tensor<i32>>>) -> tuple<tensor<2xf32>, tensor<i32>>
func.func @tuples(%x: tensor<2xf32>, %i: tensor<i32>) -> tuple<tensor<2xf32>, tensor<i32>> {
  %pair = stablehlo.tuple %x, %i : tuple<tensor<2xf32>, tensor<i32>>
  %nested = stablehlo.tuple %i, %pair : tuple<tensor<i32>, tuple<tensor<2xf32>, tensor<i32>>>
  %loop = stablehlo.while(%state = %nested) : tuple<tensor<i32>, tuple<tensor<2xf32>, tensor<i32>>>
  cond {
    %n = stablehlo.get_tuple_element %state[0] : (tuple<tensor<i32>, tuple<tensor<2xf32>, tensor<i32>>>) -> tensor<i32>
    %lt = stablehlo.compare LT, %n, %n, SIGNED : (tensor<i32>, tensor<i32>) -> tensor<i1>
    stablehlo.return %lt : tensor<i1>
  } do {
    stablehlo.return %state : tuple<tensor<i32>, tuple<tensor<2xf32>, tensor<i32>>>
  }
  %inner = stablehlo.get_tuple_element %loop[1] : (tuple<tensor<i32>, tuple<tensor<2xf32>, tensor<i32>>>) -> tuple<tensor<2xf32>, tensor<i32>>
  return %inner : tuple<tensor<2xf32>, tensor<i32>>
}

// -----

// fft prints its type and lengths; triangular_solve has no pretty form and
// prints generically, with its transpose attribute.
// CHECK-LABEL: func.func @fft_and_triangular_solve
// CHECK: stablehlo.fft %{{.*}}, type =  RFFT, length = [16] : (tensor<4x16xf32>) -> tensor<4x9xcomplex<f32>>
// CHECK: stablehlo.fft %{{.*}}, type =  IFFT, length = [4, 16] : (tensor<4x16xcomplex<f32>>) -> tensor<4x16xcomplex<f32>>
// CHECK: "stablehlo.triangular_solve"(%{{.*}}, %{{.*}}) <{left_side = true, lower = true, transpose_a = #stablehlo<transpose ADJOINT>, unit_diagonal = false}> : (tensor<4x4xf32>, tensor<4x3xf32>) -> tensor<4x3xf32>
func.func @fft_and_triangular_solve(%x: tensor<4x16xf32>, %z: tensor<4x16xcomplex<f32>>, %a: tensor<4x4xf32>, %b: tensor<4x3xf32>) {
  %0 = stablehlo.fft %x, type = RFFT, length = [16] : (tensor<4x16xf32>) -> tensor<4x9xcomplex<f32>>
  %1 = stablehlo.fft %z, type = IFFT, length = [4, 16] : (tensor<4x16xcomplex<f32>>) -> tensor<4x16xcomplex<f32>>
  %2 = "stablehlo.triangular_solve"(%a, %b) <{left_side = true, lower = true, transpose_a = #stablehlo<transpose ADJOINT>, unit_diagonal = false}> : (tensor<4x4xf32>, tensor<4x3xf32>) -> tensor<4x3xf32>
  return
}

// -----

// rng_bit_generator prints its algorithm.
// CHECK-LABEL: func.func @rng_bit_generator
// CHECK: %{{.*}}, %{{.*}} = stablehlo.rng_bit_generator %{{.*}}, algorithm =  THREE_FRY : (tensor<2xui64>) -> (tensor<2xui64>, tensor<4x4xui32>)
func.func @rng_bit_generator(%state: tensor<2xui64>) -> tensor<4x4xui32> {
  %new_state, %bits = stablehlo.rng_bit_generator %state, algorithm = THREE_FRY : (tensor<2xui64>) -> (tensor<2xui64>, tensor<4x4xui32>)
  return %bits : tensor<4x4xui32>
}
