// RUN: yat-opt %s -split-input-file -canonicalize | FileCheck %s

// Float arithmetic on constants folds in the element type, rounded to
// nearest even: 1/3 in f32, the f16 sum rounded to f16.
// CHECK-LABEL: func.func @float_arithmetic
// CHECK-DAG: %[[SUM:.*]] = stablehlo.constant dense<3.500000e+00> : tensor<2xf32>
// CHECK-DAG: %[[THIRD:.*]] = stablehlo.constant dense<0.333333343> : tensor<2xf32>
// CHECK-DAG: %[[HALF:.*]] = stablehlo.constant dense<1.000000e+00> : tensor<f16>
// CHECK: return %[[SUM]], %[[THIRD]], %[[HALF]]
func.func @float_arithmetic() -> (tensor<2xf32>, tensor<2xf32>, tensor<f16>) {
  %one = stablehlo.constant dense<1.0> : tensor<2xf32>
  %two = stablehlo.constant dense<2.0> : tensor<2xf32>
  %three = stablehlo.constant dense<3.0> : tensor<2xf32>
  %half = stablehlo.constant dense<0.5> : tensor<2xf32>
  %a = stablehlo.multiply %two, %three : tensor<2xf32>
  %minus_three = stablehlo.negate %three : tensor<2xf32>
  %b = stablehlo.add %a, %minus_three : tensor<2xf32>
  %minus_half = stablehlo.negate %half : tensor<2xf32>
  %c = stablehlo.subtract %b, %minus_half : tensor<2xf32>
  %d = stablehlo.divide %one, %three : tensor<2xf32>
  // (1 - 2^-11) + 2^-12 lies halfway between two f16 values: ties to even
  // give 1.0.
  %h1 = stablehlo.constant dense<0.99951171875> : tensor<f16>
  %h2 = stablehlo.constant dense<0.000244140625> : tensor<f16>
  %h = stablehlo.add %h1, %h2 : tensor<f16>
  return %c, %d, %h : tensor<2xf32>, tensor<2xf32>, tensor<f16>
}

// -----

// Non-splat constants fold element by element; maximum and minimum
// propagate NaN; remainder has the sign of the dividend (C fmod); floor and
// ceil round toward -inf and +inf.
// CHECK-LABEL: func.func @float_elements
// CHECK-DAG: %[[MAX:.*]] = stablehlo.constant dense<[2.000000e+00, 0x7FC00000, -3.500000e+00]> : tensor<3xf32>
// CHECK-DAG: %[[MIN_FLOOR:.*]] = stablehlo.constant dense<[-1.000000e+00, 0x7FC00000, -4.000000e+00]> : tensor<3xf32>
// CHECK-DAG: %[[REM:.*]] = stablehlo.constant dense<[-1.000000e+00, 1.000000e+00, -1.000000e+00]> : tensor<3xf32>
// CHECK-DAG: %[[CEIL:.*]] = stablehlo.constant dense<[-1.000000e+00, 0x7FC00000, -3.000000e+00]> : tensor<3xf32>
// CHECK: return %[[MAX]], %[[MIN_FLOOR]], %[[REM]], %[[MIN_FLOOR]], %[[CEIL]]
func.func @float_elements() -> (tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) {
  %a = stablehlo.constant dense<[-1.0, 0x7FC00000, -3.5]> : tensor<3xf32>
  %b = stablehlo.constant dense<[2.0, 1.0, -4.0]> : tensor<3xf32>
  %c = stablehlo.constant dense<[-7.0, 1.0, -3.0]> : tensor<3xf32>
  %three = stablehlo.constant dense<[3.0, 2.0, 2.0]> : tensor<3xf32>
  %max = stablehlo.maximum %a, %b : tensor<3xf32>
  %min = stablehlo.minimum %a, %b : tensor<3xf32>
  %rem = stablehlo.remainder %c, %three : tensor<3xf32>
  %floor = stablehlo.floor %a : tensor<3xf32>
  %ceil = stablehlo.ceil %a : tensor<3xf32>
  return %max, %min, %rem, %floor, %ceil : tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>
}

// -----

// Integers wrap at their width (INT_MIN stays INT_MIN under abs); division
// truncates; unsigned types divide and compare as unsigned.
// CHECK-LABEL: func.func @integers
// CHECK-DAG: %[[SUM:.*]] = stablehlo.constant dense<[-128, -3, 1]> : tensor<3xi8>
// CHECK-DAG: %[[QUOTIENT:.*]] = stablehlo.constant dense<[127, -1, -1]> : tensor<3xi8>
// CHECK-DAG: %[[UQ:.*]] = stablehlo.constant dense<[254, 6, 0]> : tensor<3xui8>
// CHECK-DAG: %[[UMAX:.*]] = stablehlo.constant dense<[254, 7, 255]> : tensor<3xui8>
// CHECK-DAG: %[[AND:.*]] = stablehlo.constant dense<[1, 0, 4]> : tensor<3xi8>
// CHECK-DAG: %[[ABS:.*]] = stablehlo.constant dense<[-128, 3, 1]> : tensor<3xi8>
// CHECK-DAG: %[[XOR:.*]] = stablehlo.constant dense<[-1, -5, 7]> : tensor<3xi8>
// CHECK: return %[[SUM]], %[[QUOTIENT]], %[[UQ]], %[[UMAX]], %[[AND]], %[[ABS]], %[[XOR]]
func.func @integers() -> (tensor<3xi8>, tensor<3xi8>, tensor<3xui8>, tensor<3xui8>, tensor<3xi8>, tensor<3xi8>, tensor<3xi8>) {
  %a = stablehlo.constant dense<[127, -7, 5]> : tensor<3xi8>
  %b = stablehlo.constant dense<[1, 4, -4]> : tensor<3xi8>
  %sum = stablehlo.add %a, %b : tensor<3xi8>
  %quotient = stablehlo.divide %a, %b : tensor<3xi8>
  %ua = stablehlo.constant dense<[254, 7, 1]> : tensor<3xui8>
  %ub = stablehlo.constant dense<[2, 3, 255]> : tensor<3xui8>
  %uquotient = stablehlo.divide %ua, %ub : tensor<3xui8>
  %umax = stablehlo.maximum %ua, %ub : tensor<3xui8>
  %masked = stablehlo.and %a, %b : tensor<3xi8>
  %abs = stablehlo.abs %sum : tensor<3xi8>
  %not = stablehlo.not %b : tensor<3xi8>
  %xor = stablehlo.xor %not, %masked : tensor<3xi8>
  %uq = stablehlo.multiply %uquotient, %ub : tensor<3xui8>
  return %sum, %quotient, %uq, %umax, %masked, %abs, %xor : tensor<3xi8>, tensor<3xi8>, tensor<3xui8>, tensor<3xui8>, tensor<3xi8>, tensor<3xi8>, tensor<3xi8>
}

// -----

// i1 is a bool: add and maximum fold as or, multiply and minimum as and.
// CHECK-LABEL: func.func @bools
// CHECK-DAG: %[[OR:.*]] = stablehlo.constant dense<true> : tensor<2xi1>
// CHECK-DAG: %[[AND:.*]] = stablehlo.constant dense<[true, false]> : tensor<2xi1>
// CHECK-DAG: %[[XOR:.*]] = stablehlo.constant dense<[false, true]> : tensor<2xi1>
// CHECK: return %[[OR]], %[[AND]], %[[XOR]], %[[OR]], %[[AND]]
func.func @bools() -> (tensor<2xi1>, tensor<2xi1>, tensor<2xi1>, tensor<2xi1>, tensor<2xi1>) {
  %t = stablehlo.constant dense<[true, false]> : tensor<2xi1>
  %f = stablehlo.constant dense<[true, true]> : tensor<2xi1>
  %or = stablehlo.add %t, %f : tensor<2xi1>
  %and = stablehlo.multiply %t, %f : tensor<2xi1>
  %xor = stablehlo.xor %t, %f : tensor<2xi1>
  %max = stablehlo.maximum %t, %f : tensor<2xi1>
  %min = stablehlo.minimum %t, %f : tensor<2xi1>
  return %or, %and, %xor, %max, %min : tensor<2xi1>, tensor<2xi1>, tensor<2xi1>, tensor<2xi1>, tensor<2xi1>
}

// -----

// What XLA defines differently from plain integer arithmetic is left to the
// lowering: division and remainder by zero, and INT_MIN / -1. Non-constant
// operands do not fold.
// CHECK-LABEL: func.func @not_folded
// CHECK: %[[DIV:.*]] = stablehlo.divide
// CHECK: %[[REM:.*]] = stablehlo.remainder
// CHECK: %[[OVERFLOW:.*]] = stablehlo.divide
// CHECK: %[[SUM:.*]] = stablehlo.add %arg0, %{{.*}} : tensor<2xf32>
// CHECK: return %[[DIV]], %[[REM]], %[[OVERFLOW]], %[[SUM]]
func.func @not_folded(%x: tensor<2xf32>) -> (tensor<2xi32>, tensor<2xi32>, tensor<i8>, tensor<2xf32>) {
  %a = stablehlo.constant dense<[7, 9]> : tensor<2xi32>
  %zero = stablehlo.constant dense<[0, 3]> : tensor<2xi32>
  %div = stablehlo.divide %a, %zero : tensor<2xi32>
  %rem = stablehlo.remainder %a, %zero : tensor<2xi32>
  %min = stablehlo.constant dense<-128> : tensor<i8>
  %minus_one = stablehlo.constant dense<-1> : tensor<i8>
  %overflow = stablehlo.divide %min, %minus_one : tensor<i8>
  %c = stablehlo.constant dense<1.0> : tensor<2xf32>
  %sum = stablehlo.add %x, %c : tensor<2xf32>
  return %div, %rem, %overflow, %sum : tensor<2xi32>, tensor<2xi32>, tensor<i8>, tensor<2xf32>
}

// -----

// compare folds with FLOAT semantics (NaN: only NE holds) and with the
// signedness of its compare type; TOTALORDER is left to the lowering.
// CHECK-LABEL: func.func @compare
// CHECK-DAG: %[[NAN_EQ:.*]] = stablehlo.constant dense<[false, true, false]> : tensor<3xi1>
// CHECK-DAG: %[[NAN_NE:.*]] = stablehlo.constant dense<[true, false, true]> : tensor<3xi1>
// CHECK-DAG: %[[SIGNED:.*]] = stablehlo.constant dense<true> : tensor<2xi1>
// CHECK-DAG: %[[UNSIGNED:.*]] = stablehlo.constant dense<false> : tensor<2xi1>
// CHECK-DAG: %[[TOTAL:.*]] = stablehlo.compare LT, %{{.*}}, %{{.*}}, TOTALORDER
// CHECK: return %[[NAN_EQ]], %[[NAN_NE]], %[[SIGNED]], %[[UNSIGNED]], %[[TOTAL]]
func.func @compare() -> (tensor<3xi1>, tensor<3xi1>, tensor<2xi1>, tensor<2xi1>, tensor<3xi1>) {
  %a = stablehlo.constant dense<[0x7FC00000, 1.0, -0.0]> : tensor<3xf32>
  %b = stablehlo.constant dense<[0x7FC00000, 1.0, 2.0]> : tensor<3xf32>
  %eq = stablehlo.compare EQ, %a, %b : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xi1>
  %ne = stablehlo.compare NE, %a, %b : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xi1>
  // -1 < 1 signed; as unsigned bits, 0xFF...F > 1.
  %m = stablehlo.constant dense<-1> : tensor<2xi32>
  %p = stablehlo.constant dense<1> : tensor<2xi32>
  %lt = stablehlo.compare LT, %m, %p : (tensor<2xi32>, tensor<2xi32>) -> tensor<2xi1>
  %ult = stablehlo.compare LT, %m, %p, UNSIGNED : (tensor<2xi32>, tensor<2xi32>) -> tensor<2xi1>
  %total = stablehlo.compare LT, %a, %b, TOTALORDER : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xi1>
  return %eq, %ne, %lt, %ult, %total : tensor<3xi1>, tensor<3xi1>, tensor<2xi1>, tensor<2xi1>, tensor<3xi1>
}

// -----

// convert folds with the op's rules: floats round to nearest even, floats
// to integers truncate toward zero and saturate (NaN is 0), integers wrap
// or extend by the signedness of their type, anything to i1 is x != 0.
// CHECK-LABEL: func.func @convert
// CHECK-DAG: %[[BF16:.*]] = stablehlo.constant dense<[1.000000e+00, 1.015630e+00]> : tensor<2xbf16>
// CHECK-DAG: %[[I8:.*]] = stablehlo.constant dense<[-2, 127, -128, 0]> : tensor<4xi8>
// CHECK-DAG: %[[U8:.*]] = stablehlo.constant dense<[0, 255]> : tensor<2xui8>
// CHECK-DAG: %[[WRAP:.*]] = stablehlo.constant dense<[44, -1]> : tensor<2xi8>
// CHECK-DAG: %[[ZEXT:.*]] = stablehlo.constant dense<255> : tensor<2xi32>
// CHECK-DAG: %[[BOOL:.*]] = stablehlo.constant dense<[true, false, true]> : tensor<3xi1>
// CHECK-DAG: %[[FLOAT:.*]] = stablehlo.constant dense<[-1.000000e+00, 4.000000e+00]> : tensor<2xf16>
// CHECK-DAG: %[[FROM_BOOL:.*]] = stablehlo.constant dense<[1.000000e+00, 0.000000e+00]> : tensor<2xf32>
// CHECK: return %[[BF16]], %[[I8]], %[[U8]], %[[WRAP]], %[[ZEXT]], %[[BOOL]], %[[FLOAT]], %arg0, %[[FROM_BOOL]]
func.func @convert(%x: tensor<2xf32>) -> (tensor<2xbf16>, tensor<4xi8>, tensor<2xui8>, tensor<2xi8>, tensor<2xi32>, tensor<3xi1>, tensor<2xf16>, tensor<2xf32>, tensor<2xf32>) {
  // 1 + 2^-8 lies halfway between two bf16 values (ties to even: 1.0);
  // 1 + 3 * 2^-8 rounds up to 1 + 2^-6.
  %f = stablehlo.constant dense<[1.00390625, 1.01171875]> : tensor<2xf32>
  %bf16 = stablehlo.convert %f : (tensor<2xf32>) -> tensor<2xbf16>
  %g = stablehlo.constant dense<[-2.9, 1.0e10, 0xFF800000, 0x7FC00000]> : tensor<4xf32>
  %i8 = stablehlo.convert %g : (tensor<4xf32>) -> tensor<4xi8>
  %h = stablehlo.constant dense<[-3.5, 300.0]> : tensor<2xf32>
  %u8 = stablehlo.convert %h : (tensor<2xf32>) -> tensor<2xui8>
  %w = stablehlo.constant dense<[300, 255]> : tensor<2xi32>
  %wrap = stablehlo.convert %w : (tensor<2xi32>) -> tensor<2xi8>
  %u = stablehlo.constant dense<255> : tensor<2xui8>
  %zext = stablehlo.convert %u : (tensor<2xui8>) -> tensor<2xi32>
  %z = stablehlo.constant dense<[0x7FC00000, -0.0, 0.5]> : tensor<3xf32>
  %bool = stablehlo.convert %z : (tensor<3xf32>) -> tensor<3xi1>
  %n = stablehlo.constant dense<[-1, 4]> : tensor<2xi32>
  %float = stablehlo.convert %n : (tensor<2xi32>) -> tensor<2xf16>
  %same = stablehlo.convert %x : (tensor<2xf32>) -> tensor<2xf32>
  // true is 1, not -1.
  %flags = stablehlo.constant dense<[true, false]> : tensor<2xi1>
  %from_bool = stablehlo.convert %flags : (tensor<2xi1>) -> tensor<2xf32>
  return %bf16, %i8, %u8, %wrap, %zext, %bool, %float, %same, %from_bool : tensor<2xbf16>, tensor<4xi8>, tensor<2xui8>, tensor<2xi8>, tensor<2xi32>, tensor<3xi1>, tensor<2xf16>, tensor<2xf32>, tensor<2xf32>
}

// -----

// select with a constant predicate picks an operand; with constant
// operands too, it folds element by element.
// CHECK-LABEL: func.func @select
// CHECK-SAME: (%[[X:.*]]: tensor<3xf32>, %[[Y:.*]]: tensor<3xf32>)
// CHECK-DAG: %[[MIXED:.*]] = stablehlo.constant dense<[1.000000e+00, 2.000000e+00, 1.000000e+00]> : tensor<3xf32>
// CHECK: return %[[X]], %[[Y]], %[[MIXED]]
func.func @select(%x: tensor<3xf32>, %y: tensor<3xf32>) -> (tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) {
  %t = stablehlo.constant dense<true> : tensor<i1>
  %f = stablehlo.constant dense<false> : tensor<3xi1>
  %a = stablehlo.select %t, %x, %y : tensor<i1>, tensor<3xf32>
  %b = stablehlo.select %f, %x, %y : tensor<3xi1>, tensor<3xf32>
  %p = stablehlo.constant dense<[true, false, true]> : tensor<3xi1>
  %one = stablehlo.constant dense<1.0> : tensor<3xf32>
  %two = stablehlo.constant dense<2.0> : tensor<3xf32>
  %c = stablehlo.select %p, %one, %two : tensor<3xi1>, tensor<3xf32>
  return %a, %b, %c : tensor<3xf32>, tensor<3xf32>, tensor<3xf32>
}

// -----

// Broadcasts of constants, transposes of splats, reshapes of constants,
// and the identity forms fold.
// CHECK-LABEL: func.func @data_movement
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>)
// CHECK-DAG: %[[BCAST:.*]] = stablehlo.constant dense<5.000000e-01> : tensor<4x3xf32>
// CHECK-DAG: %[[RESHAPED:.*]] = stablehlo.constant dense<{{\[\[}}1, 2], [3, 4]]> : tensor<2x2xi32>
// CHECK-DAG: %[[SPLAT_T:.*]] = stablehlo.constant dense<2.000000e+00> : tensor<3x2xf32>
// CHECK-DAG: %[[ROWS:.*]] = stablehlo.constant dense<{{\[\[}}7, 7, 7], [8, 8, 8]]> : tensor<2x3xi32>
// CHECK-NOT: stablehlo.broadcast_in_dim
// CHECK-NOT: stablehlo.reshape
// CHECK-NOT: stablehlo.transpose
// CHECK: return %[[BCAST]], %[[RESHAPED]], %[[SPLAT_T]], %[[X]], %[[X]], %[[X]], %[[ROWS]]
func.func @data_movement(%x: tensor<2x3xf32>) -> (tensor<4x3xf32>, tensor<2x2xi32>, tensor<3x2xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xi32>) {
  %h = stablehlo.constant dense<0.5> : tensor<3xf32>
  %b = stablehlo.broadcast_in_dim %h, dims = [1] : (tensor<3xf32>) -> tensor<4x3xf32>
  %v = stablehlo.constant dense<[1, 2, 3, 4]> : tensor<4xi32>
  %r = stablehlo.reshape %v : (tensor<4xi32>) -> tensor<2x2xi32>
  %s = stablehlo.constant dense<2.0> : tensor<2x3xf32>
  %t = stablehlo.transpose %s, dims = [1, 0] : (tensor<2x3xf32>) -> tensor<3x2xf32>
  %same_b = stablehlo.broadcast_in_dim %x, dims = [0, 1] : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %same_r = stablehlo.reshape %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %same_t = stablehlo.transpose %x, dims = [0, 1] : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %col = stablehlo.constant dense<[7, 8]> : tensor<2xi32>
  %rows = stablehlo.broadcast_in_dim %col, dims = [0] : (tensor<2xi32>) -> tensor<2x3xi32>
  return %b, %r, %t, %same_b, %same_r, %same_t, %rows : tensor<4x3xf32>, tensor<2x2xi32>, tensor<3x2xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xi32>
}
