// RUN: yat-opt %s -split-input-file -verify-diagnostics

// An op outside the subset is named in the pretty form.
func.func @outside_subset_pretty(%a: tensor<2xf32>) {
  // expected-error @+1 {{custom op 'stablehlo.gather' is not in yat's StableHLO subset}}
  %0 = stablehlo.gather %a : tensor<2xf32>
  return
}

// -----

// An op outside the subset is named in the generic form.
func.func @outside_subset_generic(%a: tensor<2xf32>) {
  // expected-error @+1 {{unregistered operation 'stablehlo.gather'}}
  %0 = "stablehlo.gather"(%a) : (tensor<2xf32>) -> tensor<2xf32>
  return
}

// -----

// Binary elementwise ops need one type for operands and result.
func.func @add_types(%a: tensor<2xf32>, %b: tensor<2xf64>) {
  // expected-error @+1 {{requires the same type for all operands and results}}
  %0 = stablehlo.add %a, %b : (tensor<2xf32>, tensor<2xf64>) -> tensor<2xf32>
  return
}

// -----

// Float-only ops reject integers.
func.func @exp_int(%a: tensor<2xi32>) {
  // expected-error @+1 {{operand #0 must be ranked tensor of}}
  %0 = stablehlo.exponential %a : tensor<2xi32>
  return
}

// -----

// The compare type must fit the element type.
func.func @compare_type(%a: tensor<2xf32>) {
  // expected-error @+1 {{compare type SIGNED does not fit element type 'f32'}}
  %0 = stablehlo.compare LT, %a, %a, SIGNED : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xi1>
  return
}

// -----

// select's predicate is 0-d or of the operands' shape.
func.func @select_pred(%p: tensor<3xi1>, %a: tensor<2xf32>) {
  // expected-error @+1 {{expected pred to be 0-d or of shape [2]}}
  %0 = stablehlo.select %p, %a, %a : (tensor<3xi1>, tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  return
}

// -----

// select's branches and result share one type.
func.func @select_branches(%p: tensor<i1>, %a: tensor<2xf32>, %b: tensor<2xf16>) {
  // expected-error @+1 {{expected on_true, on_false and result to have the same type}}
  %0 = stablehlo.select %p, %a, %b : (tensor<i1>, tensor<2xf32>, tensor<2xf16>) -> tensor<2xf32>
  return
}

// -----

// clamp's bounds are 0-d or of the operand's shape.
func.func @clamp_bounds(%lo: tensor<3xf32>, %a: tensor<2xf32>) {
  // expected-error @+1 {{expected min to be 0-d or of shape [2]}}
  %0 = stablehlo.clamp %lo, %a, %lo : (tensor<3xf32>, tensor<2xf32>, tensor<3xf32>) -> tensor<2xf32>
  return
}

// -----

// A constant's value has the result type.
func.func @constant_type() {
  // expected-error @+1 {{expected value of type 'tensor<3xf32>', got 'tensor<2xf32>'}}
  %0 = "stablehlo.constant"() {value = dense<1.0> : tensor<2xf32>} : () -> tensor<3xf32>
  return
}

// -----

// iota's dimension is within the rank.
func.func @iota_dim() {
  // expected-error @+1 {{iota dimension 2 is out of range for rank 2}}
  %0 = stablehlo.iota dim = 2 : tensor<2x3xi32>
  return
}

// -----

// broadcast_in_dim names one result dimension per operand dimension.
func.func @broadcast_count(%a: tensor<2x3xf32>) {
  // expected-error @+1 {{expected 2 broadcast dimensions (the operand rank), got 1}}
  %0 = stablehlo.broadcast_in_dim %a, dims = [0] : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return
}

// -----

// broadcast_in_dim only expands dimensions of size 1.
func.func @broadcast_size(%a: tensor<2xf32>) {
  // expected-error @+1 {{operand dimension 0 of size 2 cannot broadcast to result dimension 1 of size 3}}
  %0 = stablehlo.broadcast_in_dim %a, dims = [1] : (tensor<2xf32>) -> tensor<4x3xf32>
  return
}

// -----

// broadcast_in_dim dimensions are distinct.
func.func @broadcast_repeat(%a: tensor<1x1xf32>) {
  // expected-error @+1 {{broadcast dimension value 0 is repeated}}
  %0 = stablehlo.broadcast_in_dim %a, dims = [0, 0] : (tensor<1x1xf32>) -> tensor<4x3xf32>
  return
}

// -----

// reshape keeps the number of elements.
func.func @reshape_count(%a: tensor<2x3xf32>) {
  // expected-error @+1 {{cannot reshape 6 elements into 8}}
  %0 = stablehlo.reshape %a : (tensor<2x3xf32>) -> tensor<8xf32>
  return
}

// -----

// transpose takes a permutation.
func.func @transpose_permutation(%a: tensor<2x3xf32>) {
  // expected-error @+1 {{permutation value 2 is out of range for rank 2}}
  %0 = stablehlo.transpose %a, dims = [2, 0] : (tensor<2x3xf32>) -> tensor<3x2xf32>
  return
}

// -----

// transpose's result is the permuted shape.
func.func @transpose_shape(%a: tensor<2x3xf32>) {
  // expected-error @+1 {{expected result shape [3, 2], got [2, 3]}}
  %0 = stablehlo.transpose %a, dims = [1, 0] : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return
}

// -----

// concatenate's inputs agree outside the joined dimension.
func.func @concatenate_sizes(%a: tensor<2x3xf32>, %b: tensor<2x4xf32>) {
  // expected-error @+1 {{input 1 has size 4 in dimension 1, expected 3}}
  %0 = stablehlo.concatenate %a, %b, dim = 0 : (tensor<2x3xf32>, tensor<2x4xf32>) -> tensor<4x3xf32>
  return
}

// -----

// concatenate's dimension is within the rank.
func.func @concatenate_dim(%a: tensor<2x3xf32>) {
  // expected-error @+1 {{dimension 2 is out of range for rank 2}}
  %0 = stablehlo.concatenate %a, %a, dim = 2 : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<4x3xf32>
  return
}

// -----

// slice stays within the operand.
func.func @slice_bounds(%a: tensor<4xf32>) {
  // expected-error @+1 {{slice 2:5 is out of bounds in dimension 0 of size 4}}
  %0 = stablehlo.slice %a [2:5] : (tensor<4xf32>) -> tensor<3xf32>
  return
}

// -----

// slice strides are positive.
func.func @slice_stride(%a: tensor<4xf32>) {
  // expected-error @+1 {{stride 0 in dimension 0 must be positive}}
  %0 = stablehlo.slice %a [0:4:0] : (tensor<4xf32>) -> tensor<4xf32>
  return
}

// -----

// pad's interior padding is not negative.
func.func @pad_interior(%a: tensor<4xf32>, %v: tensor<f32>) {
  // expected-error @+1 {{interior padding -1 in dimension 0 must be >= 0}}
  %0 = stablehlo.pad %a, %v, low = [0], high = [0], interior = [-1] : (tensor<4xf32>, tensor<f32>) -> tensor<4xf32>
  return
}

// -----

// pad's result shape follows from the padding.
func.func @pad_shape(%a: tensor<4xf32>, %v: tensor<f32>) {
  // expected-error @+1 {{expected result shape [10], got [9]}}
  %0 = stablehlo.pad %a, %v, low = [1], high = [2], interior = [1] : (tensor<4xf32>, tensor<f32>) -> tensor<9xf32>
  return
}

// -----

// reverse dimensions are distinct.
func.func @reverse_repeat(%a: tensor<4xf32>) {
  // expected-error @+1 {{dimension value 0 is repeated}}
  %0 = stablehlo.reverse %a, dims = [0, 0] : tensor<4xf32>
  return
}

// -----

// dot_general contracts dimensions of equal size.
func.func @dot_contracting(%a: tensor<2x3xf32>, %b: tensor<4x5xf32>) {
  // expected-error @+1 {{lhs contracting dimension 1 (size 3) and rhs dimension 0 (size 4) differ}}
  %0 = stablehlo.dot_general %a, %b, contracting_dims = [1] x [0] : (tensor<2x3xf32>, tensor<4x5xf32>) -> tensor<2x5xf32>
  return
}

// -----

// dot_general's result is batch, lhs free, rhs free.
func.func @dot_shape(%a: tensor<2x3xf32>, %b: tensor<3x5xf32>) {
  // expected-error @+1 {{expected result shape [2, 5], got [5, 2]}}
  %0 = stablehlo.dot_general %a, %b, contracting_dims = [1] x [0] : (tensor<2x3xf32>, tensor<3x5xf32>) -> tensor<5x2xf32>
  return
}

// -----

// dot_general's field names are checked.
func.func @dot_field(%a: tensor<2x3xf32>, %b: tensor<3x5xf32>) {
  // expected-error @+1 {{unexpected dot_general field 'contract_dims'}}
  %0 = stablehlo.dot_general %a, %b, contract_dims = [1] x [0] : (tensor<2x3xf32>, tensor<3x5xf32>) -> tensor<2x5xf32>
  return
}

// -----

// convolution's input features equal kernel input features times groups.
func.func @conv_features(%x: tensor<1x8x8x3xf32>, %w: tensor<3x3x2x4xf32>) {
  // expected-error @+1 {{input features (3) must equal kernel input features (2) times feature_group_count (1)}}
  %0 = stablehlo.convolution(%x, %w) dim_numbers = [b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f], window = {} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<1x8x8x3xf32>, tensor<3x3x2x4xf32>) -> tensor<1x6x6x4xf32>
  return
}

// -----

// convolution's result shape follows from the window.
func.func @conv_shape(%x: tensor<1x8x8x3xf32>, %w: tensor<3x3x3x4xf32>) {
  // expected-error @+1 {{expected result shape [1, 4, 4, 4], got [1, 6, 6, 4]}}
  %0 = stablehlo.convolution(%x, %w) dim_numbers = [b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f], window = {stride = [2, 2], pad = [[1, 1], [1, 1]]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<1x8x8x3xf32>, tensor<3x3x3x4xf32>) -> tensor<1x6x6x4xf32>
  return
}

// -----

// The compact convolution layout names each dimension once.
func.func @conv_layout(%x: tensor<1x8x8x3xf32>, %w: tensor<3x3x3x4xf32>) {
  // expected-error @+1 {{'b' appears twice}}
  %0 = stablehlo.convolution(%x, %w) dim_numbers = [b, 0, b, f]x[0, 1, i, o]->[b, 0, 1, f], window = {} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<1x8x8x3xf32>, tensor<3x3x3x4xf32>) -> tensor<1x6x6x4xf32>
  return
}

// -----

// Window fields are checked.
func.func @conv_window(%x: tensor<1x8x8x3xf32>, %w: tensor<3x3x3x4xf32>) {
  // expected-error @+1 {{unknown window field 'strides'}}
  %0 = stablehlo.convolution(%x, %w) dim_numbers = [b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f], window = {strides = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<1x8x8x3xf32>, tensor<3x3x3x4xf32>) -> tensor<1x6x6x4xf32>
  return
}

// -----

// reduce's init values are 0-d tensors of the input's element type.
func.func @reduce_init(%x: tensor<4xf32>, %init: tensor<1xf32>) {
  // expected-error @+1 {{expected init value 0 to be a 0-d tensor of 'f32'}}
  %0 = "stablehlo.reduce"(%x, %init) ({
  ^bb0(%a: tensor<1xf32>, %b: tensor<1xf32>):
    "stablehlo.return"(%a) : (tensor<1xf32>) -> ()
  }) {dimensions = array<i64: 0>} : (tensor<4xf32>, tensor<1xf32>) -> tensor<f32>
  return
}

// -----

// reduce's body takes two arguments per input.
func.func @reduce_body(%x: tensor<4xf32>, %init: tensor<f32>) {
  // expected-error @+1 {{expected the body to take 2 arguments, got 1}}
  %0 = "stablehlo.reduce"(%x, %init) ({
  ^bb0(%a: tensor<f32>):
    "stablehlo.return"(%a) : (tensor<f32>) -> ()
  }) {dimensions = array<i64: 0>} : (tensor<4xf32>, tensor<f32>) -> tensor<f32>
  return
}

// -----

// The short reduce form only names binary ops.
func.func @reduce_applies(%x: tensor<4xf32>, %init: tensor<f32>) {
  // expected-error @+1 {{expected a binary stablehlo op after 'applies', got 'stablehlo.negate'}}
  %0 = stablehlo.reduce(%x init: %init) applies stablehlo.negate across dimensions = [0] : (tensor<4xf32>, tensor<f32>) -> tensor<f32>
  return
}

// -----

// stablehlo.return only ends a reduce body.
func.func @return_parent(%a: tensor<f32>) {
  // expected-error @+1 {{expects parent op 'stablehlo.reduce'}}
  stablehlo.return %a : tensor<f32>
}

// -----

// A composite's decomposition is a function of the same type.
func.func @composite_decomposition(%a: tensor<4xf32>) {
  // expected-error @+1 {{decomposition @missing does not name a function}}
  %0 = stablehlo.composite "my.op" %a {decomposition = @missing} : (tensor<4xf32>) -> tensor<4xf32>
  return
}
