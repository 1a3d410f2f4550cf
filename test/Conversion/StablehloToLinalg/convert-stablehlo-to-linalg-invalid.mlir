// RUN: yat-opt %s -split-input-file -convert-stablehlo-to-linalg -verify-diagnostics

// custom_call targets other than check.* are rejected by name.
func.func @unknown_target(%a: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{target 'my.kernel' is not supported (yat runs only check.expect_eq, check.expect_close, check.expect_almost_eq and check.eq)}}
  %0 = stablehlo.custom_call @my.kernel(%a) : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// Checks compare an actual and an expected tensor of one type.
func.func @check_types(%a: tensor<4xf32>, %b: tensor<4xf64>) {
  // expected-error @+1 {{'check.expect_eq' expects an actual and an expected tensor of the same type}}
  stablehlo.custom_call @check.expect_eq(%a, %b) {has_side_effect = true} : (tensor<4xf32>, tensor<4xf64>) -> ()
  return
}

// -----

// Dynamic shapes are reported.
func.func @dynamic(%a: tensor<?xf32>) -> tensor<?xf32> {
  // expected-error @+1 {{has dynamic shape 'tensor<?xf32>', but convert-stablehlo-to-linalg needs static shapes}}
  %0 = stablehlo.add %a, %a : tensor<?xf32>
  return %0 : tensor<?xf32>
}

// -----

// Integer widths other than 1, 8, 16, 32 and 64 are reported.
func.func @int4(%a: tensor<4xi4>) -> tensor<4xi4> {
  // expected-error @+1 {{has element type 'i4', which convert-stablehlo-to-linalg does not support (i1, i8, i16, i32, i64, ui8, ui16, ui32, ui64, f16, bf16, f32, f64, complex<f32> and complex<f64> are)}}
  %0 = stablehlo.add %a, %a : tensor<4xi4>
  return %0 : tensor<4xi4>
}

// -----

// batch_group_count > 1 is reported.
func.func @batch_groups(%x: tensor<2x4x3xf32>, %w: tensor<1x3x4xf32>) -> tensor<1x4x4xf32> {
  // expected-error @+1 {{has batch_group_count 2; convert-stablehlo-to-linalg supports only 1}}
  %0 = stablehlo.convolution(%x, %w) dim_numbers = [b, 0, f]x[0, i, o]->[b, 0, f], window = {} {batch_group_count = 2 : i64, feature_group_count = 1 : i64} : (tensor<2x4x3xf32>, tensor<1x3x4xf32>) -> tensor<1x4x4xf32>
  return %0 : tensor<1x4x4xf32>
}

// -----

// A reduce body may only hold ops with a scalar translation.
func.func @reduce_body(%x: tensor<4xf32>, %init: tensor<f32>) -> tensor<f32> {
  %0 = stablehlo.reduce(%x init: %init) across dimensions = [0] : (tensor<4xf32>, tensor<f32>) -> tensor<f32>
   reducer(%a: tensor<f32>, %b: tensor<f32>) {
    // expected-error @+1 {{cannot be lowered inside a stablehlo.reduce body}}
    %r = stablehlo.reshape %a : (tensor<f32>) -> tensor<1xf32>
    %s = stablehlo.reshape %r : (tensor<1xf32>) -> tensor<f32>
    stablehlo.return %s : tensor<f32>
  }
  return %0 : tensor<f32>
}

// -----

// A dense_resource constant whose blob is missing is reported.
func.func @missing_blob() -> tensor<2xf32> {
  // expected-error @+1 {{refers to dense_resource 'absent' whose data is missing from the file}}
  %0 = stablehlo.constant dense_resource<absent> : tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----

// Recursive private functions cannot be inlined.
func.func @recursive(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = call @loop(%x) : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}
func.func private @loop(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = stablehlo.negate %x : tensor<4xf32>
  // expected-error @+1 {{calls @loop recursively; recursive functions cannot be inlined}}
  %1 = call @loop(%0) : (tensor<4xf32>) -> tensor<4xf32>
  return %1 : tensor<4xf32>
}

// -----

// rng_bit_generator draws XLA's THREE_FRY bits; PHILOX and DEFAULT are
// named as not implemented.
func.func @rng_philox(%state: tensor<3xui64>) -> tensor<8xui32> {
  // expected-error @+1 {{uses algorithm PHILOX; convert-stablehlo-to-linalg implements THREE_FRY only}}
  %0:2 = stablehlo.rng_bit_generator %state, algorithm = PHILOX : (tensor<3xui64>) -> (tensor<3xui64>, tensor<8xui32>)
  return %0#1 : tensor<8xui32>
}

// -----

// A tuple that no control flow carries (here the operands of a check) is
// reported like any other unsupported type, at each op that uses it.
func.func @stray_tuple(%x: tensor<2xf32>) {
  // expected-error @+1 {{'stablehlo.tuple' op operates on 'tuple<tensor<2xf32>>', but convert-stablehlo-to-linalg needs ranked tensors}}
  %t = stablehlo.tuple %x : tuple<tensor<2xf32>>
  // expected-error @+1 {{operates on 'tuple<tensor<2xf32>>', but convert-stablehlo-to-linalg needs ranked tensors}}
  stablehlo.custom_call @check.expect_eq(%t, %t) {has_side_effect = true} : (tuple<tensor<2xf32>>, tuple<tensor<2xf32>>) -> ()
  return
}
