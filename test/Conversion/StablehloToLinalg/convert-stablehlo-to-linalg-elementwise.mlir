// RUN: yat-opt %s -split-input-file -convert-stablehlo-to-linalg | FileCheck %s

// A float add becomes one parallel linalg.generic around arith.addf.
// CHECK-LABEL: func.func @add_f32
// CHECK-SAME: (%[[A:.*]]: tensor<2x3xf32>, %[[B:.*]]: tensor<2x3xf32>)
// CHECK: %[[INIT:.*]] = tensor.empty() : tensor<2x3xf32>
// CHECK: %[[R:.*]] = linalg.generic
// CHECK-SAME: iterator_types = ["parallel", "parallel"]
// CHECK-SAME: ins(%[[A]], %[[B]] : tensor<2x3xf32>, tensor<2x3xf32>) outs(%[[INIT]] : tensor<2x3xf32>)
// CHECK: ^bb0(%[[X:.*]]: f32, %[[Y:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT: %[[S:.*]] = arith.addf %[[X]], %[[Y]] : f32
// CHECK-NEXT: linalg.yield %[[S]] : f32
// CHECK: return %[[R]]
func.func @add_f32(%a: tensor<2x3xf32>, %b: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = stablehlo.add %a, %b : tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// On i1, add is a logical or and multiply a logical and.
// CHECK-LABEL: func.func @bool_arith
// CHECK: arith.ori
// CHECK: arith.andi
func.func @bool_arith(%a: tensor<4xi1>, %b: tensor<4xi1>) -> tensor<4xi1> {
  %0 = stablehlo.add %a, %b : tensor<4xi1>
  %1 = stablehlo.multiply %0, %b : tensor<4xi1>
  return %1 : tensor<4xi1>
}

// -----

// Integer division guards the divisor: x / 0 = -1 and INT_MIN / -1 =
// INT_MIN, as XLA defines them.
// CHECK-LABEL: func.func @divide_i32
// CHECK: ^bb0(%[[X:.*]]: i32, %[[Y:.*]]: i32, %{{.*}}: i32):
// CHECK-DAG: %[[ZERO:.*]] = arith.constant 0 : i32
// CHECK-DAG: %[[ONE:.*]] = arith.constant 1 : i32
// CHECK: %[[IS_ZERO:.*]] = arith.cmpi eq, %[[Y]], %[[ZERO]]
// CHECK: %[[UNSAFE:.*]] = arith.ori %[[IS_ZERO]], %{{.*}} : i1
// CHECK: %[[SAFE:.*]] = arith.select %[[UNSAFE]], %[[ONE]], %[[Y]]
// CHECK: %[[Q:.*]] = arith.divsi %[[X]], %[[SAFE]]
// CHECK: %[[R:.*]] = arith.select %[[IS_ZERO]], %{{.*}}, %[[Q]]
// CHECK: linalg.yield %[[R]]
func.func @divide_i32(%a: tensor<4xi32>, %b: tensor<4xi32>) -> tensor<4xi32> {
  %0 = stablehlo.divide %a, %b : tensor<4xi32>
  return %0 : tensor<4xi32>
}

// -----

// Integer remainder keeps the dividend on a zero divisor.
// CHECK-LABEL: func.func @remainder_i8
// CHECK: ^bb0(%[[X:.*]]: i8, %{{.*}}: i8, %{{.*}}: i8):
// CHECK: %[[IS_ZERO:.*]] = arith.cmpi eq
// CHECK: %[[R:.*]] = arith.remsi %[[X]]
// CHECK: arith.select %[[IS_ZERO]], %[[X]], %[[R]]
func.func @remainder_i8(%a: tensor<4xi8>, %b: tensor<4xi8>) -> tensor<4xi8> {
  %0 = stablehlo.remainder %a, %b : tensor<4xi8>
  return %0 : tensor<4xi8>
}

// -----

// Float remainder is C's fmod.
// CHECK-LABEL: func.func @remainder_f64
// CHECK: arith.remf %{{.*}}, %{{.*}} : f64
func.func @remainder_f64(%a: tensor<4xf64>, %b: tensor<4xf64>) -> tensor<4xf64> {
  %0 = stablehlo.remainder %a, %b : tensor<4xf64>
  return %0 : tensor<4xf64>
}

// -----

// maximum/minimum propagate NaN (arith.maximumf/minimumf); integers compare
// signed.
// CHECK-LABEL: func.func @max_min
// CHECK: arith.maximumf
// CHECK: arith.minsi
func.func @max_min(%a: tensor<4xf32>, %i: tensor<4xi32>) -> (tensor<4xf32>, tensor<4xi32>) {
  %0 = stablehlo.maximum %a, %a : tensor<4xf32>
  %1 = stablehlo.minimum %i, %i : tensor<4xi32>
  return %0, %1 : tensor<4xf32>, tensor<4xi32>
}

// -----

// f16 transcendental functions compute in f32 and round once.
// CHECK-LABEL: func.func @exp_f16
// CHECK: ^bb0(%[[X:.*]]: f16, %{{.*}}: f16):
// CHECK-NEXT: %[[W:.*]] = arith.extf %[[X]] : f16 to f32
// CHECK-NEXT: %[[E:.*]] = math.exp %[[W]] : f32
// CHECK-NEXT: %[[R:.*]] = arith.truncf %[[E]] : f32 to f16
// CHECK-NEXT: linalg.yield %[[R]] : f16
func.func @exp_f16(%a: tensor<4xf16>) -> tensor<4xf16> {
  %0 = stablehlo.exponential %a : tensor<4xf16>
  return %0 : tensor<4xf16>
}

// -----

// log_plus_one avoids cancellation: log(u) * x / (u - 1) with u = 1 + x.
// CHECK-LABEL: func.func @log1p
// CHECK: ^bb0(%[[X:.*]]: f32, %{{.*}}: f32):
// CHECK: %[[U:.*]] = arith.addf %{{.*}}, %[[X]]
// CHECK: %[[LOG:.*]] = math.log %[[U]]
// CHECK: %[[NUM:.*]] = arith.mulf %[[LOG]], %[[X]]
// CHECK: %[[DEN:.*]] = arith.subf %[[U]]
// CHECK: arith.divf %[[NUM]], %[[DEN]]
func.func @log1p(%a: tensor<4xf32>) -> tensor<4xf32> {
  %0 = stablehlo.log_plus_one %a : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// exponential_minus_one avoids cancellation: (u - 1) * x / log(u) with
// u = e^x.
// CHECK-LABEL: func.func @expm1
// CHECK: ^bb0(%[[X:.*]]: f64, %{{.*}}: f64):
// CHECK: %[[U:.*]] = math.exp %[[X]]
// CHECK: %[[UM1:.*]] = arith.subf %[[U]]
// CHECK: %[[NUM:.*]] = arith.mulf %[[UM1]], %[[X]]
// CHECK: %[[LOG:.*]] = math.log %[[U]]
// CHECK: arith.divf %[[NUM]], %[[LOG]]
func.func @expm1(%a: tensor<4xf64>) -> tensor<4xf64> {
  %0 = stablehlo.exponential_minus_one %a : tensor<4xf64>
  return %0 : tensor<4xf64>
}

// -----

// logistic is 1 / (1 + e^-x).
// CHECK-LABEL: func.func @logistic
// CHECK: ^bb0(%[[X:.*]]: f32, %{{.*}}: f32):
// CHECK: %[[NEG:.*]] = arith.negf %[[X]]
// CHECK: %[[E:.*]] = math.exp %[[NEG]]
// CHECK: %[[D:.*]] = arith.addf %{{.*}}, %[[E]]
// CHECK: arith.divf %{{.*}}, %[[D]]
func.func @logistic(%a: tensor<4xf32>) -> tensor<4xf32> {
  %0 = stablehlo.logistic %a : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// The remaining unary float ops map to math ops.
// CHECK-LABEL: func.func @math_ops
// CHECK: math.absf
// CHECK: math.ceil
// CHECK: math.floor
// CHECK: math.round
// CHECK: math.roundeven
// CHECK: math.cos
// CHECK: math.sin
// CHECK: math.tanh
// CHECK: math.sqrt
// CHECK: math.log
// CHECK: math.sqrt
// CHECK: arith.divf
// CHECK: math.powf
func.func @math_ops(%a: tensor<4xf32>) -> tensor<4xf32> {
  %0 = stablehlo.abs %a : tensor<4xf32>
  %1 = stablehlo.ceil %0 : tensor<4xf32>
  %2 = stablehlo.floor %1 : tensor<4xf32>
  %3 = stablehlo.round_nearest_afz %2 : tensor<4xf32>
  %4 = stablehlo.round_nearest_even %3 : tensor<4xf32>
  %5 = stablehlo.cosine %4 : tensor<4xf32>
  %6 = stablehlo.sine %5 : tensor<4xf32>
  %7 = stablehlo.tanh %6 : tensor<4xf32>
  %8 = stablehlo.sqrt %7 : tensor<4xf32>
  %9 = stablehlo.log %8 : tensor<4xf32>
  %10 = stablehlo.rsqrt %9 : tensor<4xf32>
  %11 = stablehlo.power %10, %a : tensor<4xf32>
  return %11 : tensor<4xf32>
}

// -----

// Integer unary ops: abs, negate (0 - x), not (xor with all ones), sign.
// CHECK-LABEL: func.func @int_unary
// CHECK: math.absi
// CHECK: arith.subi
// CHECK: %[[ONES:.*]] = arith.constant -1 : i16
// CHECK: arith.xori %{{.*}}, %[[ONES]]
// CHECK: arith.cmpi ne
// CHECK: arith.cmpi slt
// CHECK: arith.select
func.func @int_unary(%a: tensor<4xi16>) -> tensor<4xi16> {
  %0 = stablehlo.abs %a : tensor<4xi16>
  %1 = stablehlo.negate %0 : tensor<4xi16>
  %2 = stablehlo.not %1 : tensor<4xi16>
  %3 = stablehlo.sign %2 : tensor<4xi16>
  return %3 : tensor<4xi16>
}

// -----

// Float sign keeps NaN and signed zeros: only x < 0 and x > 0 are replaced.
// CHECK-LABEL: func.func @sign_f32
// CHECK: ^bb0(%[[X:.*]]: f32, %{{.*}}: f32):
// CHECK: %[[POS:.*]] = arith.cmpf ogt, %[[X]]
// CHECK: %[[NEG:.*]] = arith.cmpf olt, %[[X]]
// CHECK: %[[R:.*]] = arith.select %[[NEG]], %{{.*}}, %[[X]]
// CHECK: arith.select %[[POS]], %{{.*}}, %[[R]]
func.func @sign_f32(%a: tensor<4xf32>) -> tensor<4xf32> {
  %0 = stablehlo.sign %a : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// Integer power squares and multiplies over every exponent bit.
// CHECK-LABEL: func.func @power_i8
// CHECK-COUNT-8: arith.muli %{{.*}}, %{{.*}} : i8
func.func @power_i8(%a: tensor<4xi8>, %b: tensor<4xi8>) -> tensor<4xi8> {
  %0 = stablehlo.power %a, %b : tensor<4xi8>
  return %0 : tensor<4xi8>
}

// -----

// compare picks ordered predicates for FLOAT (NE is unordered), signed or
// unsigned predicates for integers and bit patterns for TOTALORDER.
// CHECK-LABEL: func.func @compare
// CHECK: arith.cmpf olt
// CHECK: arith.cmpf une
// CHECK: arith.cmpi sge
// CHECK: arith.cmpi ugt
// CHECK: arith.bitcast %{{.*}} : f32 to i32
// CHECK: arith.cmpi slt
func.func @compare(%f: tensor<4xf32>, %i: tensor<4xi32>, %b: tensor<4xi1>) -> (tensor<4xi1>, tensor<4xi1>, tensor<4xi1>, tensor<4xi1>, tensor<4xi1>) {
  %0 = stablehlo.compare LT, %f, %f, FLOAT : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xi1>
  %1 = stablehlo.compare NE, %f, %f, FLOAT : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xi1>
  %2 = stablehlo.compare GE, %i, %i, SIGNED : (tensor<4xi32>, tensor<4xi32>) -> tensor<4xi1>
  %3 = stablehlo.compare GT, %b, %b, UNSIGNED : (tensor<4xi1>, tensor<4xi1>) -> tensor<4xi1>
  %4 = stablehlo.compare LT, %f, %f, TOTALORDER : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xi1>
  return %0, %1, %2, %3, %4 : tensor<4xi1>, tensor<4xi1>, tensor<4xi1>, tensor<4xi1>, tensor<4xi1>
}

// -----

// A 0-d predicate is read through a constant indexing map.
// CHECK-DAG: #[[ID:.*]] = affine_map<(d0) -> (d0)>
// CHECK-DAG: #[[SCALAR:.*]] = affine_map<(d0) -> ()>
// CHECK-LABEL: func.func @select_scalar_pred
// CHECK: linalg.generic {indexing_maps = [#[[SCALAR]], #[[ID]], #[[ID]], #[[ID]]]
// CHECK: arith.select
func.func @select_scalar_pred(%p: tensor<i1>, %a: tensor<4xf32>, %b: tensor<4xf32>) -> tensor<4xf32> {
  %0 = stablehlo.select %p, %a, %b : (tensor<i1>, tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// clamp is min(max(x, lo), hi) with 0-d bounds broadcast.
// CHECK-LABEL: func.func @clamp
// CHECK: ^bb0(%[[LO:.*]]: i32, %[[X:.*]]: i32, %[[HI:.*]]: i32, %{{.*}}: i32):
// CHECK-NEXT: %[[M:.*]] = arith.maxsi %[[X]], %[[LO]]
// CHECK-NEXT: %[[R:.*]] = arith.minsi %[[M]], %[[HI]]
// CHECK-NEXT: linalg.yield %[[R]]
func.func @clamp(%lo: tensor<i32>, %x: tensor<4xi32>, %hi: tensor<i32>) -> tensor<4xi32> {
  %0 = stablehlo.clamp %lo, %x, %hi : (tensor<i32>, tensor<4xi32>, tensor<i32>) -> tensor<4xi32>
  return %0 : tensor<4xi32>
}

// -----

// float -> int truncates, saturates at the range and maps NaN to 0.
// CHECK-LABEL: func.func @convert_f32_to_i8
// CHECK: ^bb0(%[[X:.*]]: f32, %{{.*}}: i8):
// CHECK: %[[T:.*]] = arith.fptosi %[[X]] : f32 to i8
// CHECK-DAG: %[[HI:.*]] = arith.constant 1.280000e+02 : f32
// CHECK-DAG: %[[LO:.*]] = arith.constant -1.280000e+02 : f32
// CHECK: %[[BIG:.*]] = arith.cmpf oge, %[[X]], %[[HI]]
// CHECK: %[[SMALL:.*]] = arith.cmpf ole, %[[X]], %[[LO]]
// CHECK: %[[NAN:.*]] = arith.cmpf uno, %[[X]], %[[X]]
// CHECK: %[[A:.*]] = arith.select %[[BIG]], %{{.*}}, %[[T]]
// CHECK: %[[B:.*]] = arith.select %[[SMALL]], %{{.*}}, %[[A]]
// CHECK: arith.select %[[NAN]], %{{.*}}, %[[B]]
func.func @convert_f32_to_i8(%a: tensor<4xf32>) -> tensor<4xi8> {
  %0 = stablehlo.convert %a : (tensor<4xf32>) -> tensor<4xi8>
  return %0 : tensor<4xi8>
}

// -----

// Conversions to i1 test against zero; i1 converts as unsigned; f16 and
// bf16 convert through f32.
// CHECK-LABEL: func.func @convert_misc
// CHECK: arith.cmpf une
// CHECK: arith.cmpi ne
// CHECK: arith.uitofp %{{.*}} : i1 to f32
// CHECK: arith.extui %{{.*}} : i1 to i32
// CHECK: arith.extf %{{.*}} : f16 to f32
// CHECK-NEXT: arith.truncf %{{.*}} : f32 to bf16
func.func @convert_misc(%f: tensor<4xf64>, %i: tensor<4xi64>, %h: tensor<4xf16>) -> (tensor<4xf32>, tensor<4xi32>, tensor<4xbf16>) {
  %0 = stablehlo.convert %f : (tensor<4xf64>) -> tensor<4xi1>
  %1 = stablehlo.convert %i : (tensor<4xi64>) -> tensor<4xi1>
  %2 = stablehlo.convert %0 : (tensor<4xi1>) -> tensor<4xf32>
  %3 = stablehlo.convert %1 : (tensor<4xi1>) -> tensor<4xi32>
  %4 = stablehlo.convert %h : (tensor<4xf16>) -> tensor<4xbf16>
  return %2, %3, %4 : tensor<4xf32>, tensor<4xi32>, tensor<4xbf16>
}
