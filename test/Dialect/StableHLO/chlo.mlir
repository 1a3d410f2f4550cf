// RUN: yat-opt %s -split-input-file -verify-diagnostics | FileCheck %s
// RUN: yat-opt %s -split-input-file -verify-diagnostics -mlir-print-op-generic | FileCheck %s --check-prefix=GENERIC
// RUN: yat-opt %s -split-input-file -verify-diagnostics -mlir-print-op-generic | yat-opt -split-input-file | FileCheck %s

// The pretty form JAX prints round-trips; the generic form names the op.
// CHECK-LABEL: func.func @square_jax_form
// CHECK-SAME: (%[[X:.*]]: tensor<4x8xf32>)
// CHECK: %[[Y:.*]] = chlo.square %[[X]] : tensor<4x8xf32> -> tensor<4x8xf32>
// CHECK: return %[[Y]]
// GENERIC-LABEL: sym_name = "square_jax_form"
// GENERIC: "chlo.square"(%{{.*}}) : (tensor<4x8xf32>) -> tensor<4x8xf32>
func.func @square_jax_form(%x: tensor<4x8xf32>) -> tensor<4x8xf32> {
  %0 = chlo.square %x : tensor<4x8xf32> -> tensor<4x8xf32>
  return %0 : tensor<4x8xf32>
}

// -----

// The short form with one type parses too (integers are accepted).
// CHECK-LABEL: func.func @square_short_form
// CHECK-SAME: (%[[X:.*]]: tensor<3xi32>)
// CHECK: chlo.square %[[X]] : tensor<3xi32> -> tensor<3xi32>
// GENERIC-LABEL: sym_name = "square_short_form"
// GENERIC: "chlo.square"(%{{.*}}) : (tensor<3xi32>) -> tensor<3xi32>
func.func @square_short_form(%x: tensor<3xi32>) -> tensor<3xi32> {
  %0 = chlo.square %x : tensor<3xi32>
  return %0 : tensor<3xi32>
}

// -----

// The generic form parses and prints in the pretty form.
// CHECK-LABEL: func.func @square_generic_form
// CHECK-SAME: (%[[X:.*]]: tensor<2xbf16>)
// CHECK: chlo.square %[[X]] : tensor<2xbf16> -> tensor<2xbf16>
// GENERIC-LABEL: sym_name = "square_generic_form"
// GENERIC: "chlo.square"(%{{.*}}) : (tensor<2xbf16>) -> tensor<2xbf16>
func.func @square_generic_form(%x: tensor<2xbf16>) -> tensor<2xbf16> {
  %0 = "chlo.square"(%x) : (tensor<2xbf16>) -> tensor<2xbf16>
  return %0 : tensor<2xbf16>
}

// -----

// Operand and result must have one type.
func.func @square_types(%x: tensor<2xf32>) {
  // expected-error @+1 {{requires the same type for all operands and results}}
  %0 = chlo.square %x : tensor<2xf32> -> tensor<2xf64>
  return
}

// -----

// Any other chlo op is named in the pretty form.
func.func @chlo_outside_subset_pretty(%x: tensor<2xf32>) {
  // expected-error @+1 {{custom op 'chlo.zeta' is not in yat's StableHLO subset (see docs/STABLEHLO.md for the CHLO ops it has)}}
  %0 = chlo.zeta %x, %x : tensor<2xf32>, tensor<2xf32> -> tensor<2xf32>
  return
}

// -----

// Any other chlo op is named in the generic form.
func.func @chlo_outside_subset_generic(%x: tensor<2xf32>) {
  // expected-error @+1 {{unregistered operation 'chlo.zeta'}}
  %0 = "chlo.zeta"(%x, %x) : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  return
}

// -----

// The special functions JAX prints, in CHLO's form.
// CHECK-LABEL: func.func @special_functions
// CHECK-SAME: (%[[X:.*]]: tensor<3xf32>)
// CHECK: chlo.tan %[[X]] : tensor<3xf32> -> tensor<3xf32>
// CHECK: chlo.lgamma %[[X]] : tensor<3xf32> -> tensor<3xf32>
// CHECK: chlo.bessel_i1e %[[X]] : tensor<3xf32> -> tensor<3xf32>
// CHECK: chlo.next_after %[[X]], %[[X]] : tensor<3xf32>, tensor<3xf32> -> tensor<3xf32>
// GENERIC-LABEL: sym_name = "special_functions"
// GENERIC: "chlo.erf_inv"(%{{.*}}) : (tensor<3xf32>) -> tensor<3xf32>
func.func @special_functions(%x: tensor<3xf32>) {
  %0 = chlo.tan %x : tensor<3xf32> -> tensor<3xf32>
  %1 = chlo.lgamma %x : tensor<3xf32> -> tensor<3xf32>
  %2 = chlo.bessel_i1e %x : tensor<3xf32> -> tensor<3xf32>
  %3 = chlo.next_after %x, %x : tensor<3xf32>, tensor<3xf32> -> tensor<3xf32>
  %4 = chlo.erf_inv %x : tensor<3xf32> -> tensor<3xf32>
  return
}

// -----

// asin, acosh, asinh, atan, atanh, sinh, cosh and tan take complex numbers
// too.
// CHECK-LABEL: func.func @complex_special_functions
// CHECK: chlo.asin %{{.*}} : tensor<3xcomplex<f32>> -> tensor<3xcomplex<f32>>
// CHECK: chlo.acosh %{{.*}} : tensor<3xcomplex<f64>> -> tensor<3xcomplex<f64>>
func.func @complex_special_functions(%z: tensor<3xcomplex<f32>>, %w: tensor<3xcomplex<f64>>) {
  %0 = chlo.asin %z : tensor<3xcomplex<f32>> -> tensor<3xcomplex<f32>>
  %1 = chlo.acosh %w : tensor<3xcomplex<f64>> -> tensor<3xcomplex<f64>>
  return
}

// -----

// The other special functions take only floats.
func.func @special_function_of_complex(%z: tensor<3xcomplex<f32>>) {
  // expected-error @+1 {{operand #0 must be ranked tensor of 16-bit float or bfloat16 type or 32-bit float or 64-bit float values, but got 'tensor<3xcomplex<f32>>'}}
  %0 = chlo.lgamma %z : tensor<3xcomplex<f32>> -> tensor<3xcomplex<f32>>
  return
}

// -----

// The special functions take floats.
func.func @special_function_of_integers(%x: tensor<3xi32>) {
  // expected-error @+1 {{operand #0 must be ranked tensor of 16-bit float or bfloat16 type or 32-bit float or 64-bit float values, but got 'tensor<3xi32>'}}
  %0 = chlo.lgamma %x : tensor<3xi32> -> tensor<3xi32>
  return
}

// -----

// top_k in CHLO's form.
// CHECK-LABEL: func.func @top_k
// CHECK: %{{.*}}, %{{.*}} = chlo.top_k(%{{.*}}, k = 2) : tensor<5x3xf32> -> (tensor<5x2xf32>, tensor<5x2xi32>)
func.func @top_k(%x: tensor<5x3xf32>) {
  %v, %i = chlo.top_k(%x, k = 2) : tensor<5x3xf32> -> (tensor<5x2xf32>, tensor<5x2xi32>)
  return
}

// -----

func.func @top_k_scalar(%x: tensor<f32>) {
  // expected-error @+1 {{expected an operand of rank 1 or more}}
  %v, %i = chlo.top_k(%x, k = 0) : tensor<f32> -> (tensor<f32>, tensor<i32>)
  return
}

// -----

func.func @top_k_too_many(%x: tensor<5x3xf32>) {
  // expected-error @+1 {{k = 4 is not in [0, 3], the size of the last dimension}}
  %v, %i = chlo.top_k(%x, k = 4) : tensor<5x3xf32> -> (tensor<5x4xf32>, tensor<5x4xi32>)
  return
}

// -----

func.func @top_k_types(%x: tensor<5x3xf32>) {
  // expected-error @+1 {{expected results of types 'tensor<5x2xf32>' and 'tensor<5x2xi32>'}}
  %v, %i = chlo.top_k(%x, k = 2) : tensor<5x3xf32> -> (tensor<5x2xf32>, tensor<5x2xi64>)
  return
}
