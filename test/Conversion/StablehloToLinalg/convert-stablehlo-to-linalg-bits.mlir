// RUN: yat-opt %s -split-input-file -convert-stablehlo-to-linalg | FileCheck %s

// A shift by the bit width or more (the amount read as unsigned) gives 0;
// LLVM's shift alone would be poison there.
// CHECK-LABEL: func.func @shift_left
// CHECK: ^bb0(%[[X:.*]]: i32, %[[N:.*]]: i32, %{{.*}}: i32):
// CHECK:   %[[W:.*]] = arith.constant 32 : i32
// CHECK:   %[[OK:.*]] = arith.cmpi ult, %[[N]], %[[W]] : i32
// CHECK:   %[[S:.*]] = arith.shli %[[X]], %[[N]] : i32
// CHECK:   %[[Z:.*]] = arith.constant 0 : i32
// CHECK:   %[[R:.*]] = arith.select %[[OK]], %[[S]], %[[Z]] : i32
// CHECK:   linalg.yield %[[R]] : i32
func.func @shift_left(%x: tensor<4xi32>, %n: tensor<4xi32>) -> tensor<4xi32> {
  %0 = stablehlo.shift_left %x, %n : tensor<4xi32>
  return %0 : tensor<4xi32>
}

// -----

// An arithmetic shift clamps the amount to width - 1 instead.
// CHECK-LABEL: func.func @shift_right_arithmetic
// CHECK: ^bb0(%[[X:.*]]: i8, %[[N:.*]]: i8, %{{.*}}: i8):
// CHECK:   %[[OK:.*]] = arith.cmpi ult, %[[N]], %{{.*}} : i8
// CHECK:   %[[MAX:.*]] = arith.constant 7 : i8
// CHECK:   %[[AMOUNT:.*]] = arith.select %[[OK]], %[[N]], %[[MAX]] : i8
// CHECK:   arith.shrsi %[[X]], %[[AMOUNT]] : i8
func.func @shift_right_arithmetic(%x: tensor<4xi8>, %n: tensor<4xi8>) -> tensor<4xi8> {
  %0 = stablehlo.shift_right_arithmetic %x, %n : tensor<4xi8>
  return %0 : tensor<4xi8>
}

// -----

// CHECK-LABEL: func.func @popcnt_cbrt_atan2_is_finite
// CHECK: math.ctpop %{{.*}} : i16
// CHECK: math.cbrt %{{.*}} : f32
// CHECK: math.atan2 %{{.*}}, %{{.*}} : f32
// CHECK: %[[ABS:.*]] = math.absf %{{.*}} : f32
// CHECK: arith.cmpf one, %[[ABS]], %{{.*}} : f32
func.func @popcnt_cbrt_atan2_is_finite(%i: tensor<4xi16>, %f: tensor<4xf32>) -> (tensor<4xi16>, tensor<4xf32>, tensor<4xf32>, tensor<4xi1>) {
  %0 = stablehlo.popcnt %i : tensor<4xi16>
  %1 = stablehlo.cbrt %f : tensor<4xf32>
  %2 = stablehlo.atan2 %f, %f : tensor<4xf32>
  %3 = stablehlo.is_finite %f : (tensor<4xf32>) -> tensor<4xi1>
  return %0, %1, %2, %3 : tensor<4xi16>, tensor<4xf32>, tensor<4xf32>, tensor<4xi1>
}

// -----

// reduce_precision works on the bits: round the 13 dropped mantissa bits
// to nearest even, then map exponents outside f16's range to inf or zero.
// CHECK-LABEL: func.func @reduce_precision
// CHECK: %[[BITS:.*]] = arith.bitcast %{{.*}} : f32 to i32
// CHECK: arith.shrui %[[BITS]], %{{.*}} : i32
// CHECK: %[[MASK:.*]] = arith.constant -8192 : i32
// CHECK: arith.andi %{{.*}}, %[[MASK]] : i32
// CHECK: arith.cmpi ugt
// CHECK: arith.cmpi ule
// CHECK: arith.bitcast %{{.*}} : i32 to f32
// CHECK: arith.cmpf uno
func.func @reduce_precision(%f: tensor<4xf32>) -> tensor<4xf32> {
  %0 = stablehlo.reduce_precision %f, format = e5m10 : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// Splitting reads the operand without the new last dim and keeps the bits
// of the part that dim selects; joining ors the parts in a reduction.
// CHECK-DAG: #[[DROP:.*]] = affine_map<(d0, d1) -> (d0)>
// CHECK-LABEL: func.func @bitcast_split_join
// CHECK: %[[SPLIT:.*]] = linalg.generic {indexing_maps = [#[[DROP]], #{{.*}}], iterator_types = ["parallel", "parallel"]}
// CHECK:   arith.bitcast %{{.*}} : f32 to i32
// CHECK:   linalg.index 1 : index
// CHECK:   arith.shrui
// CHECK:   arith.trunci %{{.*}} : i32 to i16
// CHECK: linalg.generic {{.*}} iterator_types = ["parallel", "reduction"]} ins(%[[SPLIT]] : tensor<3x2xi16>) outs(%{{.*}} : tensor<3xi32>)
// CHECK:   arith.extui %{{.*}} : i16 to i32
// CHECK:   arith.shli
// CHECK:   arith.ori
// CHECK: arith.bitcast %{{.*}} : i32 to f32
func.func @bitcast_split_join(%f: tensor<3xf32>) -> tensor<3xf32> {
  %0 = stablehlo.bitcast_convert %f : (tensor<3xf32>) -> tensor<3x2xui16>
  %1 = stablehlo.bitcast_convert %0 : (tensor<3x2xui16>) -> tensor<3xf32>
  return %1 : tensor<3xf32>
}

// -----

// CHLO special functions: library ones become math ops (in f32 for f16);
// lgamma computes in f64 and rounds once.
// CHECK-LABEL: func.func @chlo
// CHECK: %[[W:.*]] = arith.extf %{{.*}} : f16 to f32
// CHECK: %[[T:.*]] = math.tan %[[W]] : f32
// CHECK: arith.truncf %[[T]] : f32 to f16
// CHECK: arith.extf %{{.*}} : f32 to f64
// CHECK: math.log
// CHECK: arith.truncf %{{.*}} : f64 to f32
func.func @chlo(%h: tensor<4xf16>, %f: tensor<4xf32>) -> (tensor<4xf16>, tensor<4xf32>) {
  %0 = chlo.tan %h : tensor<4xf16> -> tensor<4xf16>
  %1 = chlo.lgamma %f : tensor<4xf32> -> tensor<4xf32>
  return %0, %1 : tensor<4xf16>, tensor<4xf32>
}
