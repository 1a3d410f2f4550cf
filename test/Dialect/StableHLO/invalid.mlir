// RUN: yat-opt %s -split-input-file -verify-diagnostics

// An op outside the subset is named in the pretty form.
func.func @outside_subset_pretty(%a: tensor<2xf32>) {
  // expected-error @+1 {{custom op 'stablehlo.cholesky' is not in yat's StableHLO subset}}
  %0 = stablehlo.cholesky %a : tensor<2xf32>
  return
}

// -----

// An op outside the subset is named in the generic form.
func.func @outside_subset_generic(%a: tensor<2xf32>) {
  // expected-error @+1 {{unregistered operation 'stablehlo.cholesky'}}
  %0 = "stablehlo.cholesky"(%a) : (tensor<2xf32>) -> tensor<2xf32>
  return
}

// -----

// An op outside the subset with a body, in the generic form JAX prints
// such ops in, is named rather than its body's terminator.
func.func @outside_subset_generic_with_body(%a: tensor<8xf32>) {
  // expected-error @+1 {{'stablehlo.all_reduce' op is not in yat's StableHLO subset}}
  %0 = "stablehlo.all_reduce"(%a) <{replica_groups = dense<0> : tensor<1x1xi64>}> ({
  ^bb0(%x: tensor<f32>, %y: tensor<f32>):
    %m = stablehlo.maximum %x, %y : tensor<f32>
    stablehlo.return %m : tensor<f32>
  }) : (tensor<8xf32>) -> tensor<8xf32>
  return
}

// -----

// An attribute that only an op outside the subset carries names that op.
func.func @outside_subset_attribute(%a: tensor<f32>, %b: tensor<f32>, %shape: tensor<1xi64>) {
  // expected-error @+1 {{'stablehlo.rng' is not in yat's StableHLO subset (see docs/STABLEHLO.md): its attribute `rng_distribution` is unknown here}}
  %0 = "stablehlo.rng"(%a, %b, %shape) <{rng_distribution = #stablehlo<rng_distribution UNIFORM>}> : (tensor<f32>, tensor<f32>, tensor<1xi64>) -> tensor<4xf32>
  return
}

// -----

// Other unknown attributes say so.
func.func @unknown_attribute(%a: tensor<2xf32>) {
  // expected-error @+1 {{unknown attribute `no_such_thing` in dialect `stablehlo`}}
  %0 = "stablehlo.abs"(%a) {x = #stablehlo.no_such_thing<>} : (tensor<2xf32>) -> tensor<2xf32>
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
  // expected-error @+1 {{expects parent op to be one of 'stablehlo.case, stablehlo.if, stablehlo.reduce, stablehlo.reduce_window, stablehlo.scatter, stablehlo.select_and_scatter, stablehlo.sort, stablehlo.while'}}
  stablehlo.return %a : tensor<f32>
}

// -----

// A composite's decomposition is a function of the same type.
func.func @composite_decomposition(%a: tensor<4xf32>) {
  // expected-error @+1 {{decomposition @missing does not name a function}}
  %0 = stablehlo.composite "my.op" %a {decomposition = @missing} : (tensor<4xf32>) -> tensor<4xf32>
  return
}

// -----

// A scatter needs inputs.
func.func @scatter_no_inputs(%i: tensor<2x1xi64>) {
  // expected-error @+1 {{expected at least one input}}
  "stablehlo.scatter"(%i) <{scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1], inserted_window_dims = [0], scatter_dims_to_operand_dims = [0], index_vector_dim = 1>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    stablehlo.return %b : tensor<f32>
  }) : (tensor<2x1xi64>) -> ()
  return
}

// -----

// One result per input.
func.func @scatter_result_count(%x: tensor<4x3xf32>, %i: tensor<2x1xi64>, %u: tensor<2x3xf32>) {
  // expected-error @+1 {{expected as many updates and results as inputs (1)}}
  %0:2 = "stablehlo.scatter"(%x, %i, %u) <{scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1], inserted_window_dims = [0], scatter_dims_to_operand_dims = [0], index_vector_dim = 1>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    stablehlo.return %b : tensor<f32>
  }) : (tensor<4x3xf32>, tensor<2x1xi64>, tensor<2x3xf32>) -> (tensor<4x3xf32>, tensor<4x3xf32>)
  return
}

// -----

// Indices are integers.
func.func @scatter_float_indices(%x: tensor<4x3xf32>, %i: tensor<2x1xf32>, %u: tensor<2x3xf32>) {
  // expected-error @+1 {{expected integer indices, got 'f32'}}
  %0 = "stablehlo.scatter"(%x, %i, %u) <{scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1], inserted_window_dims = [0], scatter_dims_to_operand_dims = [0], index_vector_dim = 1>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    stablehlo.return %b : tensor<f32>
  }) : (tensor<4x3xf32>, tensor<2x1xf32>, tensor<2x3xf32>) -> tensor<4x3xf32>
  return
}

// -----

// All inputs have one shape.
func.func @scatter_input_shapes(%x: tensor<4x3xf32>, %y: tensor<4x2xf32>, %i: tensor<2x1xi64>, %u: tensor<2x3xf32>, %v: tensor<2x3xf32>) {
  // expected-error @+1 {{expected all inputs, and all updates, to have one shape}}
  %0:2 = "stablehlo.scatter"(%x, %y, %i, %u, %v) <{scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1], inserted_window_dims = [0], scatter_dims_to_operand_dims = [0], index_vector_dim = 1>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>, %c: tensor<f32>, %d: tensor<f32>):
    stablehlo.return %c, %d : tensor<f32>, tensor<f32>
  }) : (tensor<4x3xf32>, tensor<4x2xf32>, tensor<2x1xi64>, tensor<2x3xf32>, tensor<2x3xf32>) -> (tensor<4x3xf32>, tensor<4x2xf32>)
  return
}

// -----

// Updates have the inputs' element types.
func.func @scatter_update_type(%x: tensor<4x3xf32>, %i: tensor<2x1xi64>, %u: tensor<2x3xf16>) {
  // expected-error @+1 {{expected update 0 to have element type 'f32'}}
  %0 = "stablehlo.scatter"(%x, %i, %u) <{scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1], inserted_window_dims = [0], scatter_dims_to_operand_dims = [0], index_vector_dim = 1>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    stablehlo.return %b : tensor<f32>
  }) : (tensor<4x3xf32>, tensor<2x1xi64>, tensor<2x3xf16>) -> tensor<4x3xf32>
  return
}

// -----

// Results have the inputs' types.
func.func @scatter_result_type(%x: tensor<4x3xf32>, %i: tensor<2x1xi64>, %u: tensor<2x3xf32>) {
  // expected-error @+1 {{expected result 0 of type 'tensor<4x3xf32>'}}
  %0 = "stablehlo.scatter"(%x, %i, %u) <{scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1], inserted_window_dims = [0], scatter_dims_to_operand_dims = [0], index_vector_dim = 1>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    stablehlo.return %b : tensor<f32>
  }) : (tensor<4x3xf32>, tensor<2x1xi64>, tensor<2x3xf32>) -> tensor<4x3xf16>
  return
}

// -----

// index_vector_dim is at most the indices' rank.
func.func @scatter_index_vector_dim(%x: tensor<4x3xf32>, %i: tensor<2x1xi64>, %u: tensor<2x3xf32>) {
  // expected-error @+1 {{index_vector_dim 3 is out of range for indices of rank 2}}
  %0 = "stablehlo.scatter"(%x, %i, %u) <{scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1], inserted_window_dims = [0], scatter_dims_to_operand_dims = [0], index_vector_dim = 3>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    stablehlo.return %b : tensor<f32>
  }) : (tensor<4x3xf32>, tensor<2x1xi64>, tensor<2x3xf32>) -> tensor<4x3xf32>
  return
}

// -----

// update_window_dims are sorted.
func.func @scatter_unsorted_window(%x: tensor<4x3xf32>, %i: tensor<2x1xi64>, %u: tensor<2x3xf32>) {
  // expected-error @+1 {{update_window_dims must be sorted, got [1, 0]}}
  %0 = "stablehlo.scatter"(%x, %i, %u) <{scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1, 0], scatter_dims_to_operand_dims = [0], index_vector_dim = 1>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    stablehlo.return %b : tensor<f32>
  }) : (tensor<4x3xf32>, tensor<2x1xi64>, tensor<2x3xf32>) -> tensor<4x3xf32>
  return
}

// -----

// inserted_window_dims are sorted.
func.func @scatter_unsorted_inserted(%x: tensor<4x3xf32>, %i: tensor<2x1xi64>, %u: tensor<2x3xf32>) {
  // expected-error @+1 {{inserted_window_dims must be sorted, got [1, 0]}}
  %0 = "stablehlo.scatter"(%x, %i, %u) <{scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1], inserted_window_dims = [1, 0], scatter_dims_to_operand_dims = [0], index_vector_dim = 1>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    stablehlo.return %b : tensor<f32>
  }) : (tensor<4x3xf32>, tensor<2x1xi64>, tensor<2x3xf32>) -> tensor<4x3xf32>
  return
}

// -----

// update_window_dims are dims of the updates.
func.func @scatter_window_range(%x: tensor<4x3xf32>, %i: tensor<2x1xi64>, %u: tensor<2x3xf32>) {
  // expected-error @+1 {{update_window_dims value 2 is out of range for rank 2}}
  %0 = "stablehlo.scatter"(%x, %i, %u) <{scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [2], inserted_window_dims = [0], scatter_dims_to_operand_dims = [0], index_vector_dim = 1>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    stablehlo.return %b : tensor<f32>
  }) : (tensor<4x3xf32>, tensor<2x1xi64>, tensor<2x3xf32>) -> tensor<4x3xf32>
  return
}

// -----

// inserted_window_dims are dims of the inputs.
func.func @scatter_inserted_range(%x: tensor<4x3xf32>, %i: tensor<2x1xi64>, %u: tensor<2x3xf32>) {
  // expected-error @+1 {{inserted_window_dims value 2 is out of range for rank 2}}
  %0 = "stablehlo.scatter"(%x, %i, %u) <{scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1], inserted_window_dims = [2], scatter_dims_to_operand_dims = [0], index_vector_dim = 1>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    stablehlo.return %b : tensor<f32>
  }) : (tensor<4x3xf32>, tensor<2x1xi64>, tensor<2x3xf32>) -> tensor<4x3xf32>
  return
}

// -----

// input_batching_dims are dims of the inputs.
func.func @scatter_batching_range(%x: tensor<4x3xf32>, %i: tensor<2x1xi64>, %u: tensor<2x3xf32>) {
  // expected-error @+1 {{input_batching_dims value 5 is out of range for rank 2}}
  %0 = "stablehlo.scatter"(%x, %i, %u) <{scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1], input_batching_dims = [5], scatter_indices_batching_dims = [0], scatter_dims_to_operand_dims = [0], index_vector_dim = 1>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    stablehlo.return %b : tensor<f32>
  }) : (tensor<4x3xf32>, tensor<2x1xi64>, tensor<2x3xf32>) -> tensor<4x3xf32>
  return
}

// -----

// scatter_indices_batching_dims are dims of the indices.
func.func @scatter_indices_batching_range(%x: tensor<4x3xf32>, %i: tensor<2x1xi64>, %u: tensor<2x3xf32>) {
  // expected-error @+1 {{scatter_indices_batching_dims value 4 is out of range for rank 2}}
  %0 = "stablehlo.scatter"(%x, %i, %u) <{scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1], input_batching_dims = [0], scatter_indices_batching_dims = [4], scatter_dims_to_operand_dims = [0], index_vector_dim = 1>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    stablehlo.return %b : tensor<f32>
  }) : (tensor<4x3xf32>, tensor<2x1xi64>, tensor<2x3xf32>) -> tensor<4x3xf32>
  return
}

// -----

// scatter_dims_to_operand_dims are distinct.
func.func @scatter_to_operand_repeated(%x: tensor<4x3xf32>, %i: tensor<2x1xi64>, %u: tensor<2x3xf32>) {
  // expected-error @+1 {{scatter_dims_to_operand_dims value 0 is repeated}}
  %0 = "stablehlo.scatter"(%x, %i, %u) <{scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1], inserted_window_dims = [0], scatter_dims_to_operand_dims = [0, 0], index_vector_dim = 1>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    stablehlo.return %b : tensor<f32>
  }) : (tensor<4x3xf32>, tensor<2x1xi64>, tensor<2x3xf32>) -> tensor<4x3xf32>
  return
}

// -----

// Batching dims come in pairs.
func.func @scatter_batching_counts(%x: tensor<4x3xf32>, %i: tensor<2x1xi64>, %u: tensor<2x3xf32>) {
  // expected-error @+1 {{expected as many input_batching_dims as scatter_indices_batching_dims}}
  %0 = "stablehlo.scatter"(%x, %i, %u) <{scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1], inserted_window_dims = [0], scatter_indices_batching_dims = [0], scatter_dims_to_operand_dims = [0], index_vector_dim = 1>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    stablehlo.return %b : tensor<f32>
  }) : (tensor<4x3xf32>, tensor<2x1xi64>, tensor<2x3xf32>) -> tensor<4x3xf32>
  return
}

// -----

// The index vector dim is not a batching dim.
func.func @scatter_batching_index_vector(%x: tensor<4x3xf32>, %i: tensor<2x1xi64>, %u: tensor<2x3xf32>) {
  // expected-error @+1 {{scatter_indices_batching_dims must not contain index_vector_dim 1}}
  %0 = "stablehlo.scatter"(%x, %i, %u) <{scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1], input_batching_dims = [0], scatter_indices_batching_dims = [1], scatter_dims_to_operand_dims = [0], index_vector_dim = 1>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    stablehlo.return %b : tensor<f32>
  }) : (tensor<4x3xf32>, tensor<2x1xi64>, tensor<2x3xf32>) -> tensor<4x3xf32>
  return
}

// -----

// A dim is inserted or batching, not both.
func.func @scatter_inserted_batching(%x: tensor<4x3xf32>, %i: tensor<2x1xi64>, %u: tensor<2x3xf32>) {
  // expected-error @+1 {{dimension 0 is in both inserted_window_dims and input_batching_dims}}
  %0 = "stablehlo.scatter"(%x, %i, %u) <{scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1], inserted_window_dims = [0], input_batching_dims = [0], scatter_indices_batching_dims = [0], scatter_dims_to_operand_dims = [1], index_vector_dim = 1>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    stablehlo.return %b : tensor<f32>
  }) : (tensor<4x3xf32>, tensor<2x1xi64>, tensor<2x3xf32>) -> tensor<4x3xf32>
  return
}

// -----

// Start indices do not address batching dims.
func.func @scatter_to_operand_batching(%x: tensor<4x3xf32>, %i: tensor<2x1xi64>, %u: tensor<2x3xf32>) {
  // expected-error @+1 {{scatter_dims_to_operand_dims value 0 is a batching dimension}}
  %0 = "stablehlo.scatter"(%x, %i, %u) <{scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1], input_batching_dims = [0], scatter_indices_batching_dims = [0], scatter_dims_to_operand_dims = [0], index_vector_dim = 1>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    stablehlo.return %b : tensor<f32>
  }) : (tensor<4x3xf32>, tensor<2x1xi64>, tensor<2x3xf32>) -> tensor<4x3xf32>
  return
}

// -----

// One start index per scatter_dims_to_operand_dims.
func.func @scatter_index_vector_size(%x: tensor<4x3xf32>, %i: tensor<2x1xi64>, %u: tensor<2x3xf32>) {
  // expected-error @+1 {{expected 2 start indices per index vector (one per scatter_dims_to_operand_dims), got 1}}
  %0 = "stablehlo.scatter"(%x, %i, %u) <{scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1], inserted_window_dims = [0], scatter_dims_to_operand_dims = [0, 1], index_vector_dim = 1>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    stablehlo.return %b : tensor<f32>
  }) : (tensor<4x3xf32>, tensor<2x1xi64>, tensor<2x3xf32>) -> tensor<4x3xf32>
  return
}

// -----

// Every input dim is a window, inserted or batching dim.
func.func @scatter_input_rank(%x: tensor<4x3xf32>, %i: tensor<2x1xi64>, %u: tensor<2x3xf32>) {
  // expected-error @+1 {{expected the input rank 2 to equal the number of update_window_dims, inserted_window_dims and input_batching_dims}}
  %0 = "stablehlo.scatter"(%x, %i, %u) <{scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1], scatter_dims_to_operand_dims = [0], index_vector_dim = 1>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    stablehlo.return %b : tensor<f32>
  }) : (tensor<4x3xf32>, tensor<2x1xi64>, tensor<2x3xf32>) -> tensor<4x3xf32>
  return
}

// -----

// Updates have a dim per window dim and per scatter index dim.
func.func @scatter_update_rank(%x: tensor<4x3xf32>, %i: tensor<2x1xi64>, %u: tensor<2x3x1xf32>) {
  // expected-error @+1 {{expected updates of rank 2, got 3}}
  %0 = "stablehlo.scatter"(%x, %i, %u) <{scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1], inserted_window_dims = [0], scatter_dims_to_operand_dims = [0], index_vector_dim = 1>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    stablehlo.return %b : tensor<f32>
  }) : (tensor<4x3xf32>, tensor<2x1xi64>, tensor<2x3x1xf32>) -> tensor<4x3xf32>
  return
}

// -----

// A window fits in the input.
func.func @scatter_window_size(%x: tensor<4x3xf32>, %i: tensor<2x1xi64>, %u: tensor<2x5xf32>) {
  // expected-error @+1 {{update window dimension 1 of size 5 is larger than the input's 3}}
  %0 = "stablehlo.scatter"(%x, %i, %u) <{scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1], inserted_window_dims = [0], scatter_dims_to_operand_dims = [0], index_vector_dim = 1>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    stablehlo.return %b : tensor<f32>
  }) : (tensor<4x3xf32>, tensor<2x1xi64>, tensor<2x5xf32>) -> tensor<4x3xf32>
  return
}

// -----

// Update scatter dims have the index dims' sizes.
func.func @scatter_scatter_size(%x: tensor<4x3xf32>, %i: tensor<2x1xi64>, %u: tensor<3x3xf32>) {
  // expected-error @+1 {{expected update dimension 0 to have the size of scatter index dimension, 2, got 3}}
  %0 = "stablehlo.scatter"(%x, %i, %u) <{scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1], inserted_window_dims = [0], scatter_dims_to_operand_dims = [0], index_vector_dim = 1>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    stablehlo.return %b : tensor<f32>
  }) : (tensor<4x3xf32>, tensor<2x1xi64>, tensor<3x3xf32>) -> tensor<4x3xf32>
  return
}

// -----

// The update computation takes the current then the new values.
func.func @scatter_body_arity(%x: tensor<4x3xf32>, %i: tensor<2x1xi64>, %u: tensor<2x3xf32>) {
  // expected-error @+1 {{expected the update computation to take 2 arguments, got 1}}
  %0 = "stablehlo.scatter"(%x, %i, %u) <{scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1], inserted_window_dims = [0], scatter_dims_to_operand_dims = [0], index_vector_dim = 1>}> ({
  ^bb0(%a: tensor<f32>):
    stablehlo.return %a : tensor<f32>
  }) : (tensor<4x3xf32>, tensor<2x1xi64>, tensor<2x3xf32>) -> tensor<4x3xf32>
  return
}

// -----

// Its arguments are 0-d tensors of the element types.
func.func @scatter_body_types(%x: tensor<4x3xf32>, %i: tensor<2x1xi64>, %u: tensor<2x3xf32>) {
  // expected-error @+1 {{expected update computation arguments 0 and 1 to have type 'tensor<f32>'}}
  %0 = "stablehlo.scatter"(%x, %i, %u) <{scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1], inserted_window_dims = [0], scatter_dims_to_operand_dims = [0], index_vector_dim = 1>}> ({
  ^bb0(%a: tensor<f16>, %b: tensor<f16>):
    stablehlo.return %b : tensor<f16>
  }) : (tensor<4x3xf32>, tensor<2x1xi64>, tensor<2x3xf32>) -> tensor<4x3xf32>
  return
}

// -----

// It returns one value per input.
func.func @scatter_body_results(%x: tensor<4x3xf32>, %i: tensor<2x1xi64>, %u: tensor<2x3xf32>) {
  // expected-error @+1 {{expected the update computation to return 1 0-d tensors of the input element types}}
  %0 = "stablehlo.scatter"(%x, %i, %u) <{scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1], inserted_window_dims = [0], scatter_dims_to_operand_dims = [0], index_vector_dim = 1>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    stablehlo.return %a, %b : tensor<f32>, tensor<f32>
  }) : (tensor<4x3xf32>, tensor<2x1xi64>, tensor<2x3xf32>) -> tensor<4x3xf32>
  return
}

// -----

// #stablehlo.scatter names only its own fields.
func.func @scatter_unknown_field(%x: tensor<4x3xf32>, %i: tensor<2x1xi64>, %u: tensor<2x3xf32>) {
  // expected-error @+1 {{unknown scatter dimension field 'offset_dims'}}
  %0 = "stablehlo.scatter"(%x, %i, %u) <{scatter_dimension_numbers = #stablehlo.scatter<offset_dims = [1]>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    stablehlo.return %b : tensor<f32>
  }) : (tensor<4x3xf32>, tensor<2x1xi64>, tensor<2x3xf32>) -> tensor<4x3xf32>
  return
}

// -----

// Each field appears once.
func.func @scatter_duplicate_field(%x: tensor<4x3xf32>, %i: tensor<2x1xi64>, %u: tensor<2x3xf32>) {
  // expected-error @+1 {{duplicate scatter dimension field 'index_vector_dim'}}
  %0 = "stablehlo.scatter"(%x, %i, %u) <{scatter_dimension_numbers = #stablehlo.scatter<index_vector_dim = 1, index_vector_dim = 1>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    stablehlo.return %b : tensor<f32>
  }) : (tensor<4x3xf32>, tensor<2x1xi64>, tensor<2x3xf32>) -> tensor<4x3xf32>
  return
}

// -----

// A gather keeps the element type.
func.func @gather_element_type(%t: tensor<10x4xf32>, %ids: tensor<3x1xi32>) {
  // expected-error @+1 {{expected operand and result element types to match}}
  %0 = "stablehlo.gather"(%t, %ids) <{dimension_numbers = #stablehlo.gather<offset_dims = [1], collapsed_slice_dims = [0], start_index_map = [0], index_vector_dim = 1>, slice_sizes = array<i64: 1, 4>}> : (tensor<10x4xf32>, tensor<3x1xi32>) -> tensor<3x4xf16>
  return
}

// -----

// offset_dims are sorted.
func.func @gather_offset_unsorted(%t: tensor<10x4xf32>, %ids: tensor<3x1xi32>) {
  // expected-error @+1 {{offset_dims must be sorted, got [1, 0]}}
  %0 = "stablehlo.gather"(%t, %ids) <{dimension_numbers = #stablehlo.gather<offset_dims = [1, 0], start_index_map = [0], index_vector_dim = 1>, slice_sizes = array<i64: 1, 4>}> : (tensor<10x4xf32>, tensor<3x1xi32>) -> tensor<1x4xf32>
  return
}

// -----

// offset_dims are dims of the result.
func.func @gather_offset_range(%t: tensor<10x4xf32>, %ids: tensor<3x1xi32>) {
  // expected-error @+1 {{offset_dims value 2 is out of range for rank 2}}
  %0 = "stablehlo.gather"(%t, %ids) <{dimension_numbers = #stablehlo.gather<offset_dims = [2], collapsed_slice_dims = [0], start_index_map = [0], index_vector_dim = 1>, slice_sizes = array<i64: 1, 4>}> : (tensor<10x4xf32>, tensor<3x1xi32>) -> tensor<3x4xf32>
  return
}

// -----

// collapsed_slice_dims are sorted.
func.func @gather_collapsed_unsorted(%t: tensor<10x4xf32>, %ids: tensor<3x1xi32>) {
  // expected-error @+1 {{collapsed_slice_dims must be sorted, got [1, 0]}}
  %0 = "stablehlo.gather"(%t, %ids) <{dimension_numbers = #stablehlo.gather<collapsed_slice_dims = [1, 0], start_index_map = [0], index_vector_dim = 1>, slice_sizes = array<i64: 1, 1>}> : (tensor<10x4xf32>, tensor<3x1xi32>) -> tensor<3xf32>
  return
}

// -----

// One start index per start_index_map entry.
func.func @gather_start_index_map_size(%t: tensor<10x4xf32>, %ids: tensor<3x1xi32>) {
  // expected-error @+1 {{expected 2 start indices per index vector (one per start_index_map), got 1}}
  %0 = "stablehlo.gather"(%t, %ids) <{dimension_numbers = #stablehlo.gather<offset_dims = [1], collapsed_slice_dims = [0], start_index_map = [0, 1], index_vector_dim = 1>, slice_sizes = array<i64: 1, 4>}> : (tensor<10x4xf32>, tensor<3x1xi32>) -> tensor<3x4xf32>
  return
}

// -----

// One slice size per operand dim.
func.func @gather_slice_count(%t: tensor<10x4xf32>, %ids: tensor<3x1xi32>) {
  // expected-error @+1 {{expected 2 slice sizes, got 1}}
  %0 = "stablehlo.gather"(%t, %ids) <{dimension_numbers = #stablehlo.gather<offset_dims = [1], collapsed_slice_dims = [0], start_index_map = [0], index_vector_dim = 1>, slice_sizes = array<i64: 1>}> : (tensor<10x4xf32>, tensor<3x1xi32>) -> tensor<3x4xf32>
  return
}

// -----

// A slice fits in the operand.
func.func @gather_slice_fits(%t: tensor<10x4xf32>, %ids: tensor<3x1xi32>) {
  // expected-error @+1 {{slice size 5 of dimension 1 does not fit in the operand's 4}}
  %0 = "stablehlo.gather"(%t, %ids) <{dimension_numbers = #stablehlo.gather<offset_dims = [1], collapsed_slice_dims = [0], start_index_map = [0], index_vector_dim = 1>, slice_sizes = array<i64: 1, 5>}> : (tensor<10x4xf32>, tensor<3x1xi32>) -> tensor<3x5xf32>
  return
}

// -----

// Collapsed dims take one element.
func.func @gather_collapsed_size(%t: tensor<10x4xf32>, %ids: tensor<3x1xi32>) {
  // expected-error @+1 {{expected slice size at most 1 for collapsed or batching dimension 0, got 2}}
  %0 = "stablehlo.gather"(%t, %ids) <{dimension_numbers = #stablehlo.gather<offset_dims = [1], collapsed_slice_dims = [0], start_index_map = [0], index_vector_dim = 1>, slice_sizes = array<i64: 2, 4>}> : (tensor<10x4xf32>, tensor<3x1xi32>) -> tensor<3x4xf32>
  return
}

// -----

// One offset dim per dim that keeps a window.
func.func @gather_offset_count(%t: tensor<10x4xf32>, %ids: tensor<3x1xi32>) {
  // expected-error @+1 {{expected 1 offset_dims (one per operand dimension that is neither collapsed nor batching), got 2}}
  %0 = "stablehlo.gather"(%t, %ids) <{dimension_numbers = #stablehlo.gather<offset_dims = [1, 2], collapsed_slice_dims = [0], start_index_map = [0], index_vector_dim = 1>, slice_sizes = array<i64: 1, 4>}> : (tensor<10x4xf32>, tensor<3x1xi32>) -> tensor<3x4x1xf32>
  return
}

// -----

// The result has batch dims from the indices and offset dims from the slice.
func.func @gather_result_shape(%t: tensor<10x4xf32>, %ids: tensor<3x1xi32>) {
  // expected-error @+1 {{expected result shape [3, 4], got [3, 3]}}
  %0 = "stablehlo.gather"(%t, %ids) <{dimension_numbers = #stablehlo.gather<offset_dims = [1], collapsed_slice_dims = [0], start_index_map = [0], index_vector_dim = 1>, slice_sizes = array<i64: 1, 4>}> : (tensor<10x4xf32>, tensor<3x1xi32>) -> tensor<3x3xf32>
  return
}

// -----

// One start index per dimension.
func.func @dynamic_slice_index_count(%x: tensor<3x4xf32>, %u: tensor<1x2xf32>, %i: tensor<i64>) {
  // expected-error @+1 {{expected 2 start indices, one per dimension, got 1}}
  %0 = stablehlo.dynamic_slice %x, %i, sizes = [1, 2] : (tensor<3x4xf32>, tensor<i64>) -> tensor<1x2xf32>
  return
}

// -----

// Start indices are 0-d.
func.func @dynamic_slice_index_rank(%x: tensor<3x4xf32>, %i: tensor<i64>, %v: tensor<1xi64>) {
  // expected-error @+1 {{expected start index 1 to be a 0-d tensor}}
  %0 = stablehlo.dynamic_slice %x, %i, %v, sizes = [1, 2] : (tensor<3x4xf32>, tensor<i64>, tensor<1xi64>) -> tensor<1x2xf32>
  return
}

// -----

// One slice size per dimension.
func.func @dynamic_slice_size_count(%x: tensor<3x4xf32>, %u: tensor<1x2xf32>, %i: tensor<i64>) {
  // expected-error @+1 {{expected 2 slice sizes, got 1}}
  %0 = stablehlo.dynamic_slice %x, %i, %i, sizes = [1] : (tensor<3x4xf32>, tensor<i64>, tensor<i64>) -> tensor<1xf32>
  return
}

// -----

// A slice fits in the operand.
func.func @dynamic_slice_fits(%x: tensor<3x4xf32>, %u: tensor<1x2xf32>, %i: tensor<i64>) {
  // expected-error @+1 {{slice size 5 of dimension 1 does not fit in the operand's 4}}
  %0 = stablehlo.dynamic_slice %x, %i, %i, sizes = [1, 5] : (tensor<3x4xf32>, tensor<i64>, tensor<i64>) -> tensor<1x5xf32>
  return
}

// -----

// The result has the slice sizes.
func.func @dynamic_slice_result(%x: tensor<3x4xf32>, %u: tensor<1x2xf32>, %i: tensor<i64>) {
  // expected-error @+1 {{expected result shape [1, 2], got [2, 1]}}
  %0 = stablehlo.dynamic_slice %x, %i, %i, sizes = [1, 2] : (tensor<3x4xf32>, tensor<i64>, tensor<i64>) -> tensor<2x1xf32>
  return
}

// -----

// A slice keeps the element type.
func.func @dynamic_slice_element_type(%x: tensor<3x4xf32>, %u: tensor<1x2xf32>, %i: tensor<i64>) {
  // expected-error @+1 {{expected operand and result element types to match}}
  %0 = stablehlo.dynamic_slice %x, %i, %i, sizes = [1, 2] : (tensor<3x4xf32>, tensor<i64>, tensor<i64>) -> tensor<1x2xf16>
  return
}

// -----

// The result has the operand's type.
func.func @dynamic_update_slice_result(%x: tensor<3x4xf32>, %u: tensor<1x2xf32>, %i: tensor<i64>) {
  // expected-error @+1 {{expected result type 'tensor<3x4xf32>'}}
  %0 = stablehlo.dynamic_update_slice %x, %u, %i, %i : (tensor<3x4xf32>, tensor<1x2xf32>, tensor<i64>, tensor<i64>) -> tensor<3x4xf16>
  return
}

// -----

// The update has the operand's rank and element type.
func.func @dynamic_update_slice_update_type(%x: tensor<3x4xf32>, %v: tensor<2xf32>, %i: tensor<i64>) {
  // expected-error @+1 {{expected an update of rank 2 and element type 'f32'}}
  %0 = stablehlo.dynamic_update_slice %x, %v, %i, %i : (tensor<3x4xf32>, tensor<2xf32>, tensor<i64>, tensor<i64>) -> tensor<3x4xf32>
  return
}

// -----

// The update fits in the operand.
func.func @dynamic_update_slice_fits(%x: tensor<3x4xf32>, %v: tensor<1x5xf32>, %i: tensor<i64>) {
  // expected-error @+1 {{update dimension 1 of size 5 does not fit in the operand's 4}}
  %0 = stablehlo.dynamic_update_slice %x, %v, %i, %i : (tensor<3x4xf32>, tensor<1x5xf32>, tensor<i64>, tensor<i64>) -> tensor<3x4xf32>
  return
}

// -----

// One start index per dimension.
func.func @dynamic_update_slice_index_count(%x: tensor<3x4xf32>, %u: tensor<1x2xf32>, %i: tensor<i64>) {
  // expected-error @+1 {{expected 2 start indices, one per dimension, got 3}}
  %0 = stablehlo.dynamic_update_slice %x, %u, %i, %i, %i : (tensor<3x4xf32>, tensor<1x2xf32>, tensor<i64>, tensor<i64>, tensor<i64>) -> tensor<3x4xf32>
  return
}

// -----

// A while returns the types it carries.
func.func @while_result_types(%x: tensor<i32>, %p: tensor<i1>) {
  // expected-error @+1 {{expected results of the operands' types}}
  %0 = "stablehlo.while"(%x) ({
  ^bb0(%a: tensor<i32>):
    "stablehlo.return"(%p) : (tensor<i1>) -> ()
  }, {
  ^bb0(%b: tensor<i32>):
    "stablehlo.return"(%b) : (tensor<i32>) -> ()
  }) : (tensor<i32>) -> tensor<i64>
  return
}

// -----

// The cond takes the loop-carried values.
func.func @while_cond_args(%x: tensor<i32>, %p: tensor<i1>) {
  // expected-error @+1 {{expected the cond to take the loop-carried values}}
  %0 = "stablehlo.while"(%x) ({
  ^bb0(%a: tensor<i64>):
    "stablehlo.return"(%p) : (tensor<i1>) -> ()
  }, {
  ^bb0(%b: tensor<i32>):
    "stablehlo.return"(%b) : (tensor<i32>) -> ()
  }) : (tensor<i32>) -> tensor<i32>
  return
}

// -----

// So does the body.
func.func @while_body_args(%x: tensor<i32>, %p: tensor<i1>) {
  // expected-error @+1 {{expected the body to take the loop-carried values}}
  %0 = "stablehlo.while"(%x) ({
  ^bb0(%a: tensor<i32>):
    "stablehlo.return"(%p) : (tensor<i1>) -> ()
  }, {
  ^bb0(%b: tensor<i32>, %c: tensor<i32>):
    "stablehlo.return"(%b) : (tensor<i32>) -> ()
  }) : (tensor<i32>) -> tensor<i32>
  return
}

// -----

// The cond returns one tensor<i1>.
func.func @while_cond_result(%x: tensor<i32>, %p: tensor<i1>) {
  // expected-error @+1 {{expected the cond to return one tensor<i1>}}
  %0 = "stablehlo.while"(%x) ({
  ^bb0(%a: tensor<i32>):
    "stablehlo.return"(%a) : (tensor<i32>) -> ()
  }, {
  ^bb0(%b: tensor<i32>):
    "stablehlo.return"(%b) : (tensor<i32>) -> ()
  }) : (tensor<i32>) -> tensor<i32>
  return
}

// -----

// The body returns the loop-carried values.
func.func @while_body_result(%x: tensor<i32>, %p: tensor<i1>) {
  // expected-error @+1 {{expected the body to return the loop-carried values}}
  %0 = "stablehlo.while"(%x) ({
  ^bb0(%a: tensor<i32>):
    "stablehlo.return"(%p) : (tensor<i1>) -> ()
  }, {
  ^bb0(%b: tensor<i32>):
    "stablehlo.return"(%p) : (tensor<i1>) -> ()
  }) : (tensor<i32>) -> tensor<i32>
  return
}

// -----

// The pretty header has a type per value.
func.func @while_header_types(%x: tensor<i32>, %p: tensor<i1>) {
  // expected-error @+1 {{expected 2 types, got 1}}
  %0:2 = stablehlo.while(%a = %x, %b = %x) : tensor<i32>
   cond {
    stablehlo.return %p : tensor<i1>
  } do {
    stablehlo.return %a, %b : tensor<i32>, tensor<i32>
  }
  return
}

// -----

// A hex bool constant with a byte per element holds only 0x00 and 0x01.
func.func @hex_bool_bytes() {
  // expected-error @+1 {{expected bytes 0x00 or 0x01 for the elements of 'tensor<2x2xi1>'}}
  %0 = stablehlo.constant dense<"0x01000201"> : tensor<2x2xi1>
  return
}

// -----

// Hex data has a valid size for its type.
func.func @hex_size() {
  // expected-error @+1 {{elements hex data size is invalid for provided type: 'tensor<3xf32>'}}
  %0 = stablehlo.constant dense<"0x0000803F0000"> : tensor<3xf32>
  return
}

// -----

func.func @reduce_window_counts(%x: tensor<8xf32>, %init: tensor<f32>) {
  // expected-error @+1 {{expected as many init values and results as inputs (1)}}
  %0:2 = "stablehlo.reduce_window"(%x, %init) <{window_dimensions = array<i64: 2>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    stablehlo.return %a : tensor<f32>
  }) : (tensor<8xf32>, tensor<f32>) -> (tensor<7xf32>, tensor<7xf32>)
  return
}

// -----

func.func @reduce_window_rank(%x: tensor<8x4xf32>, %init: tensor<f32>) {
  // expected-error @+1 {{expected 2 window_dimensions (one per input dimension), got 1}}
  %0 = "stablehlo.reduce_window"(%x, %init) <{window_dimensions = array<i64: 2>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    stablehlo.return %a : tensor<f32>
  }) : (tensor<8x4xf32>, tensor<f32>) -> tensor<7x4xf32>
  return
}

// -----

func.func @reduce_window_strides(%x: tensor<8xf32>, %init: tensor<f32>) {
  // expected-error @+1 {{expected 1 window_strides (one per input dimension), got 2}}
  %0 = "stablehlo.reduce_window"(%x, %init) <{window_dimensions = array<i64: 2>, window_strides = array<i64: 1, 1>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    stablehlo.return %a : tensor<f32>
  }) : (tensor<8xf32>, tensor<f32>) -> tensor<7xf32>
  return
}

// -----

func.func @reduce_window_base_dilations(%x: tensor<8xf32>, %init: tensor<f32>) {
  // expected-error @+1 {{expected 1 base_dilations (one per input dimension), got 2}}
  %0 = "stablehlo.reduce_window"(%x, %init) <{window_dimensions = array<i64: 2>, base_dilations = array<i64: 1, 1>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    stablehlo.return %a : tensor<f32>
  }) : (tensor<8xf32>, tensor<f32>) -> tensor<7xf32>
  return
}

// -----

func.func @reduce_window_window_dilations(%x: tensor<8xf32>, %init: tensor<f32>) {
  // expected-error @+1 {{expected 1 window_dilations (one per input dimension), got 0}}
  %0 = "stablehlo.reduce_window"(%x, %init) <{window_dimensions = array<i64: 2>, window_dilations = array<i64>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    stablehlo.return %a : tensor<f32>
  }) : (tensor<8xf32>, tensor<f32>) -> tensor<7xf32>
  return
}

// -----

func.func @reduce_window_padding_shape(%x: tensor<8xf32>, %init: tensor<f32>) {
  // expected-error @+1 {{expected padding of shape [1, 2]}}
  %0 = "stablehlo.reduce_window"(%x, %init) <{window_dimensions = array<i64: 2>, padding = dense<0> : tensor<1x3xi64>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    stablehlo.return %a : tensor<f32>
  }) : (tensor<8xf32>, tensor<f32>) -> tensor<7xf32>
  return
}

// -----

func.func @reduce_window_padding_rows(%x: tensor<8xf32>, %init: tensor<f32>) {
  // expected-error @+1 {{expected 1 padding rows (one per input dimension), got 2}}
  %0 = "stablehlo.reduce_window"(%x, %init) <{window_dimensions = array<i64: 2>, padding = dense<0> : tensor<2x2xi64>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    stablehlo.return %a : tensor<f32>
  }) : (tensor<8xf32>, tensor<f32>) -> tensor<7xf32>
  return
}

// -----

func.func @reduce_window_positive(%x: tensor<8xf32>, %init: tensor<f32>) {
  // expected-error @+1 {{expected positive window dimensions, strides and dilations, got [2], [0], [1] and [1]}}
  %0 = "stablehlo.reduce_window"(%x, %init) <{window_dimensions = array<i64: 2>, window_strides = array<i64: 0>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    stablehlo.return %a : tensor<f32>
  }) : (tensor<8xf32>, tensor<f32>) -> tensor<7xf32>
  return
}

// -----

func.func @reduce_window_negative(%x: tensor<8xf32>, %init: tensor<f32>) {
  // expected-error @+1 {{padding makes dimension 0 negative}}
  %0 = "stablehlo.reduce_window"(%x, %init) <{window_dimensions = array<i64: 2>, padding = dense<[[-5, -5]]> : tensor<1x2xi64>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    stablehlo.return %a : tensor<f32>
  }) : (tensor<8xf32>, tensor<f32>) -> tensor<0xf32>
  return
}

// -----

func.func @reduce_window_same_shape(%x: tensor<8xf32>, %y: tensor<4xf32>, %init: tensor<f32>) {
  // expected-error @+1 {{expected all inputs to have the same shape}}
  %0:2 = "stablehlo.reduce_window"(%x, %y, %init, %init) <{window_dimensions = array<i64: 2>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>, %c: tensor<f32>, %d: tensor<f32>):
    stablehlo.return %a, %b : tensor<f32>, tensor<f32>
  }) : (tensor<8xf32>, tensor<4xf32>, tensor<f32>, tensor<f32>) -> (tensor<7xf32>, tensor<7xf32>)
  return
}

// -----

func.func @reduce_window_init(%x: tensor<8xf32>, %init: tensor<i32>) {
  // expected-error @+1 {{expected init value 0 to be a 0-d tensor of 'f32'}}
  %0 = "stablehlo.reduce_window"(%x, %init) <{window_dimensions = array<i64: 2>}> ({
  ^bb0(%a: tensor<i32>, %b: tensor<i32>):
    stablehlo.return %a : tensor<i32>
  }) : (tensor<8xf32>, tensor<i32>) -> tensor<7xf32>
  return
}

// -----

func.func @reduce_window_result_type(%x: tensor<8xf32>, %init: tensor<f32>) {
  // expected-error @+1 {{expected result 0 to have element type 'f32'}}
  %0 = "stablehlo.reduce_window"(%x, %init) <{window_dimensions = array<i64: 2>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    stablehlo.return %a : tensor<f32>
  }) : (tensor<8xf32>, tensor<f32>) -> tensor<7xf16>
  return
}

// -----

func.func @reduce_window_result_shape(%x: tensor<8xf32>, %init: tensor<f32>) {
  // expected-error @+1 {{expected result shape [4], got [7]}}
  %0 = "stablehlo.reduce_window"(%x, %init) <{window_dimensions = array<i64: 2>, window_strides = array<i64: 2>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    stablehlo.return %a : tensor<f32>
  }) : (tensor<8xf32>, tensor<f32>) -> tensor<7xf32>
  return
}

// -----

func.func @reduce_window_body(%x: tensor<8xf32>, %init: tensor<f32>) {
  // expected-error @+1 {{expected body arguments 0 and 1 to have type 'tensor<f32>'}}
  %0 = "stablehlo.reduce_window"(%x, %init) <{window_dimensions = array<i64: 2>}> ({
  ^bb0(%a: tensor<f64>, %b: tensor<f64>):
    %c = stablehlo.constant dense<0.0> : tensor<f32>
    stablehlo.return %c : tensor<f32>
  }) : (tensor<8xf32>, tensor<f32>) -> tensor<7xf32>
  return
}

// -----

func.func @bitcast_split(%x: tensor<4xi32>) {
  // expected-error @+1 {{cannot split 32-bit elements into 24-bit ones}}
  %0 = "stablehlo.bitcast_convert"(%x) : (tensor<4xi32>) -> tensor<4x1xi24>
  return
}

// -----

func.func @bitcast_join(%x: tensor<4x3xi16>) {
  // expected-error @+1 {{expected the operand's last dimension to hold 2 16-bit elements per 32-bit result element}}
  %0 = stablehlo.bitcast_convert %x : (tensor<4x3xi16>) -> tensor<4xi32>
  return
}

// -----

func.func @bitcast_shape(%x: tensor<4xf32>) {
  // expected-error @+1 {{expected result shape [4, 2], got [4, 4]}}
  %0 = stablehlo.bitcast_convert %x : (tensor<4xf32>) -> tensor<4x4xi16>
  return
}

// -----

func.func @reduce_precision_format(%x: tensor<4xf32>) {
  // expected-error @+1 {{expected a format such as e5m10, got 'f5m10'}}
  %0 = stablehlo.reduce_precision %x, format = f5m10 : tensor<4xf32>
  return
}

// -----

func.func @reduce_precision_exponent(%x: tensor<4xf32>) {
  // expected-error @+1 {{attribute 'exponent_bits' failed to satisfy constraint: 32-bit signless integer attribute whose value is positive}}
  %0 = stablehlo.reduce_precision %x, format = e0m10 : tensor<4xf32>
  return
}

// -----

func.func @sort_results(%x: tensor<4xf32>) {
  // expected-error @+1 {{expected as many results as inputs (1)}}
  %0:2 = "stablehlo.sort"(%x) ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %lt = stablehlo.compare LT, %a, %b : (tensor<f32>, tensor<f32>) -> tensor<i1>
    stablehlo.return %lt : tensor<i1>
  }) : (tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>)
  return
}

// -----

func.func @sort_result_type(%x: tensor<4xf32>) {
  // expected-error @+1 {{expected result 0 of type 'tensor<4xf32>'}}
  %0 = "stablehlo.sort"(%x) ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %lt = stablehlo.compare LT, %a, %b : (tensor<f32>, tensor<f32>) -> tensor<i1>
    stablehlo.return %lt : tensor<i1>
  }) : (tensor<4xf32>) -> tensor<4xf16>
  return
}

// -----

func.func @sort_dimension(%x: tensor<4xf32>) {
  // expected-error @+1 {{dimension 1 is out of range for rank 1}}
  %0 = "stablehlo.sort"(%x) <{dimension = 1 : i64}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %lt = stablehlo.compare LT, %a, %b : (tensor<f32>, tensor<f32>) -> tensor<i1>
    stablehlo.return %lt : tensor<i1>
  }) : (tensor<4xf32>) -> tensor<4xf32>
  return
}

// -----

func.func @sort_comparator_arity(%x: tensor<4xf32>) {
  // expected-error @+1 {{expected the comparator to take 2 arguments, got 1}}
  %0 = "stablehlo.sort"(%x) ({
  ^bb0(%a: tensor<f32>):
    %lt = stablehlo.compare LT, %a, %a : (tensor<f32>, tensor<f32>) -> tensor<i1>
    stablehlo.return %lt : tensor<i1>
  }) : (tensor<4xf32>) -> tensor<4xf32>
  return
}

// -----

func.func @sort_comparator_types(%x: tensor<4xf32>) {
  // expected-error @+1 {{expected comparator arguments 0 and 1 to have type 'tensor<f32>'}}
  %0 = "stablehlo.sort"(%x) ({
  ^bb0(%a: tensor<i32>, %b: tensor<i32>):
    %lt = stablehlo.compare LT, %a, %b : (tensor<i32>, tensor<i32>) -> tensor<i1>
    stablehlo.return %lt : tensor<i1>
  }) : (tensor<4xf32>) -> tensor<4xf32>
  return
}

// -----

func.func @sort_comparator_result(%x: tensor<4xf32>) {
  // expected-error @+1 {{expected the comparator to return one 'tensor<i1>'}}
  %0 = "stablehlo.sort"(%x) ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    stablehlo.return %a : tensor<f32>
  }) : (tensor<4xf32>) -> tensor<4xf32>
  return
}

// -----

func.func @select_and_scatter_attrs(%x: tensor<4xf32>, %s: tensor<2xf32>, %init: tensor<f32>) {
  // expected-error @+1 {{expected 1 window_dimensions (one per operand dimension), got 2}}
  %0 = "stablehlo.select_and_scatter"(%x, %s, %init) <{window_dimensions = array<i64: 2, 2>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %ge = stablehlo.compare GE, %a, %b : (tensor<f32>, tensor<f32>) -> tensor<i1>
    stablehlo.return %ge : tensor<i1>
  }, {
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    stablehlo.return %a : tensor<f32>
  }) : (tensor<4xf32>, tensor<2xf32>, tensor<f32>) -> tensor<4xf32>
  return
}

// -----

func.func @select_and_scatter_attrs(%x: tensor<4xf32>, %s: tensor<2xf32>, %init: tensor<f32>) {
  // expected-error @+1 {{expected positive window dimensions and strides, got [2] and [0]}}
  %0 = "stablehlo.select_and_scatter"(%x, %s, %init) <{window_dimensions = array<i64: 2>, window_strides = array<i64: 0>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %ge = stablehlo.compare GE, %a, %b : (tensor<f32>, tensor<f32>) -> tensor<i1>
    stablehlo.return %ge : tensor<i1>
  }, {
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    stablehlo.return %a : tensor<f32>
  }) : (tensor<4xf32>, tensor<2xf32>, tensor<f32>) -> tensor<4xf32>
  return
}

// -----

func.func @select_and_scatter_attrs(%x: tensor<4xf32>, %s: tensor<3xf32>, %init: tensor<f32>) {
  // expected-error @+1 {{expected a source of shape [2] (one element per window), got [3]}}
  %0 = "stablehlo.select_and_scatter"(%x, %s, %init) <{window_dimensions = array<i64: 2>, window_strides = array<i64: 2>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %ge = stablehlo.compare GE, %a, %b : (tensor<f32>, tensor<f32>) -> tensor<i1>
    stablehlo.return %ge : tensor<i1>
  }, {
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    stablehlo.return %a : tensor<f32>
  }) : (tensor<4xf32>, tensor<3xf32>, tensor<f32>) -> tensor<4xf32>
  return
}

// -----

func.func @select_and_scatter_attrs(%x: tensor<4xf32>, %s: tensor<2xf32>, %init: tensor<f32>) {
  // expected-error @+1 {{expected padding of shape [1, 2]}}
  %0 = "stablehlo.select_and_scatter"(%x, %s, %init) <{window_dimensions = array<i64: 2>, padding = dense<0> : tensor<1x3xi64>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %ge = stablehlo.compare GE, %a, %b : (tensor<f32>, tensor<f32>) -> tensor<i1>
    stablehlo.return %ge : tensor<i1>
  }, {
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    stablehlo.return %a : tensor<f32>
  }) : (tensor<4xf32>, tensor<2xf32>, tensor<f32>) -> tensor<4xf32>
  return
}

// -----

func.func @select_and_scatter_init(%x: tensor<4xf32>, %s: tensor<3xf32>, %init: tensor<2xf32>) {
  // expected-error @+1 {{expected a 0-d init value and a source of 'f32'}}
  %0 = "stablehlo.select_and_scatter"(%x, %s, %init) <{window_dimensions = array<i64: 2>}> ({
  ^bb0(%a: tensor<2xf32>, %b: tensor<2xf32>):
    %ge = stablehlo.constant dense<true> : tensor<i1>
    stablehlo.return %ge : tensor<i1>
  }, {
  ^bb0(%a: tensor<2xf32>, %b: tensor<2xf32>):
    stablehlo.return %a : tensor<2xf32>
  }) : (tensor<4xf32>, tensor<3xf32>, tensor<2xf32>) -> tensor<4xf32>
  return
}

// -----

func.func @select_and_scatter_result(%x: tensor<4xf32>, %s: tensor<3xf32>, %init: tensor<f32>) {
  // expected-error @+1 {{expected a result of the operand's type 'tensor<4xf32>'}}
  %0 = "stablehlo.select_and_scatter"(%x, %s, %init) <{window_dimensions = array<i64: 2>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %ge = stablehlo.compare GE, %a, %b : (tensor<f32>, tensor<f32>) -> tensor<i1>
    stablehlo.return %ge : tensor<i1>
  }, {
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    stablehlo.return %a : tensor<f32>
  }) : (tensor<4xf32>, tensor<3xf32>, tensor<f32>) -> tensor<5xf32>
  return
}

// -----

func.func @select_and_scatter_select_body(%x: tensor<4xf32>, %s: tensor<3xf32>, %init: tensor<f32>) {
  // expected-error @+1 {{expected select to take two 'tensor<f32>' and return one 'tensor<i1>'}}
  %0 = "stablehlo.select_and_scatter"(%x, %s, %init) <{window_dimensions = array<i64: 2>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    stablehlo.return %a : tensor<f32>
  }, {
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    stablehlo.return %a : tensor<f32>
  }) : (tensor<4xf32>, tensor<3xf32>, tensor<f32>) -> tensor<4xf32>
  return
}

// -----

func.func @select_and_scatter_scatter_body(%x: tensor<4xf32>, %s: tensor<3xf32>, %init: tensor<f32>) {
  // expected-error @+1 {{expected scatter to take two 'tensor<f32>' and return one 'tensor<f32>'}}
  %0 = "stablehlo.select_and_scatter"(%x, %s, %init) <{window_dimensions = array<i64: 2>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %ge = stablehlo.compare GE, %a, %b : (tensor<f32>, tensor<f32>) -> tensor<i1>
    stablehlo.return %ge : tensor<i1>
  }, {
  ^bb0(%a: tensor<f32>):
    stablehlo.return %a : tensor<f32>
  }) : (tensor<4xf32>, tensor<3xf32>, tensor<f32>) -> tensor<4xf32>
  return
}

// -----

func.func @if_branch_types(%p: tensor<i1>, %x: tensor<2xf32>) {
  // expected-error @+1 {{expected branch 1 to take no arguments and return the result types}}
  %0 = "stablehlo.if"(%p) ({
    stablehlo.return %x : tensor<2xf32>
  }, {
    %c = stablehlo.constant dense<1.0> : tensor<f32>
    stablehlo.return %c : tensor<f32>
  }) : (tensor<i1>) -> tensor<2xf32>
  return
}

// -----

func.func @if_predicate_rank(%p: tensor<2xi1>, %x: tensor<2xf32>) {
  // expected-error @+1 {{expected a 0-d predicate}}
  %0 = "stablehlo.if"(%p) ({
    stablehlo.return %x : tensor<2xf32>
  }, {
    stablehlo.return %x : tensor<2xf32>
  }) : (tensor<2xi1>) -> tensor<2xf32>
  return
}

// -----

func.func @case_index_rank(%i: tensor<2xi32>, %x: tensor<2xf32>) {
  // expected-error @+1 {{expected a 0-d index}}
  %0 = "stablehlo.case"(%i) ({
    stablehlo.return %x : tensor<2xf32>
  }) : (tensor<2xi32>) -> tensor<2xf32>
  return
}

// -----

func.func @case_no_branches(%i: tensor<i32>) {
  // expected-error @+1 {{expected at least one branch}}
  "stablehlo.case"(%i) : (tensor<i32>) -> ()
  return
}

// -----

func.func @case_branch_types(%i: tensor<i32>, %x: tensor<2xf32>) {
  // expected-error @+1 {{expected branch 0 to take no arguments and return the result types}}
  %0 = "stablehlo.case"(%i) ({
  ^bb0(%a: tensor<f32>):
    stablehlo.return %x : tensor<2xf32>
  }) : (tensor<i32>) -> tensor<2xf32>
  return
}

// -----

func.func @tuple_wrong_type(%x: tensor<2xf32>, %i: tensor<i32>) {
  // expected-error @+1 {{expected result type 'tuple<tensor<i32>, tensor<2xf32>>' to be the tuple of the operand types}}
  %0 = "stablehlo.tuple"(%x, %i) : (tensor<2xf32>, tensor<i32>) -> tuple<tensor<i32>, tensor<2xf32>>
  return
}

// -----

func.func @get_tuple_element_out_of_range(%t: tuple<tensor<2xf32>, tensor<i32>>) {
  // expected-error @+1 {{index 2 is out of range for 'tuple<tensor<2xf32>, tensor<i32>>'}}
  %0 = stablehlo.get_tuple_element %t[2] : (tuple<tensor<2xf32>, tensor<i32>>) -> tensor<i32>
  return
}

// -----

func.func @get_tuple_element_wrong_type(%t: tuple<tensor<2xf32>, tensor<i32>>) {
  // expected-error @+1 {{expected result type 'tensor<2xf32>' of element 0, got 'tensor<i32>'}}
  %0 = stablehlo.get_tuple_element %t[0] : (tuple<tensor<2xf32>, tensor<i32>>) -> tensor<i32>
  return
}

// -----

func.func @triangular_solve_element_types(%a: tensor<2x2xf32>, %b: tensor<2x1xf64>) {
  // expected-error @+1 {{expected a and b of one element type, got 'f32' and 'f64'}}
  %0 = "stablehlo.triangular_solve"(%a, %b) <{left_side = true, lower = true, transpose_a = #stablehlo<transpose NO_TRANSPOSE>, unit_diagonal = false}> : (tensor<2x2xf32>, tensor<2x1xf64>) -> tensor<2x1xf64>
  return
}

// -----

func.func @triangular_solve_result(%a: tensor<2x2xf32>, %b: tensor<2x1xf32>) {
  // expected-error @+1 {{expected result type 'tensor<2x1xf32>', got 'tensor<1x2xf32>'}}
  %0 = "stablehlo.triangular_solve"(%a, %b) <{left_side = true, lower = true, transpose_a = #stablehlo<transpose NO_TRANSPOSE>, unit_diagonal = false}> : (tensor<2x2xf32>, tensor<2x1xf32>) -> tensor<1x2xf32>
  return
}

// -----

func.func @triangular_solve_rank(%a: tensor<2xf32>, %b: tensor<2xf32>) {
  // expected-error @+1 {{expected a and b of one rank, at least 2, got 'tensor<2xf32>' and 'tensor<2xf32>'}}
  %0 = "stablehlo.triangular_solve"(%a, %b) <{left_side = true, lower = true, transpose_a = #stablehlo<transpose NO_TRANSPOSE>, unit_diagonal = false}> : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  return
}

// -----

func.func @triangular_solve_square(%a: tensor<2x3xf32>, %b: tensor<2x1xf32>) {
  // expected-error @+1 {{expected square matrices in a, got 'tensor<2x3xf32>'}}
  %0 = "stablehlo.triangular_solve"(%a, %b) <{left_side = true, lower = true, transpose_a = #stablehlo<transpose NO_TRANSPOSE>, unit_diagonal = false}> : (tensor<2x3xf32>, tensor<2x1xf32>) -> tensor<2x1xf32>
  return
}

// -----

func.func @triangular_solve_batch(%a: tensor<2x3x3xf32>, %b: tensor<4x3x1xf32>) {
  // expected-error @+1 {{expected the batch dimensions of a 'tensor<2x3x3xf32>' and b 'tensor<4x3x1xf32>' to match}}
  %0 = "stablehlo.triangular_solve"(%a, %b) <{left_side = true, lower = true, transpose_a = #stablehlo<transpose NO_TRANSPOSE>, unit_diagonal = false}> : (tensor<2x3x3xf32>, tensor<4x3x1xf32>) -> tensor<4x3x1xf32>
  return
}

// -----

func.func @triangular_solve_side(%a: tensor<3x3xf32>, %b: tensor<3x2xf32>) {
  // expected-error @+1 {{expected dimension 1 of b 'tensor<3x2xf32>' to be 3 (right side)}}
  %0 = "stablehlo.triangular_solve"(%a, %b) <{left_side = false, lower = true, transpose_a = #stablehlo<transpose NO_TRANSPOSE>, unit_diagonal = false}> : (tensor<3x3xf32>, tensor<3x2xf32>) -> tensor<3x2xf32>
  return
}

// -----

func.func @triangular_solve_transpose(%a: tensor<3x3xf32>, %b: tensor<3x2xf32>) {
  // expected-error @+1 {{expected transpose_a to be NO_TRANSPOSE, TRANSPOSE or ADJOINT}}
  %0 = "stablehlo.triangular_solve"(%a, %b) <{left_side = true, lower = true, transpose_a = #stablehlo<transpose TRANSPOSE_INVALID>, unit_diagonal = false}> : (tensor<3x3xf32>, tensor<3x2xf32>) -> tensor<3x2xf32>
  return
}

// -----

func.func @fft_lengths(%z: tensor<2x2x2x2xcomplex<f32>>) {
  // expected-error @+1 {{expected 1 to 3 fft lengths, got 4}}
  %0 = stablehlo.fft %z, type = FFT, length = [2, 2, 2, 2] : (tensor<2x2x2x2xcomplex<f32>>) -> tensor<2x2x2x2xcomplex<f32>>
  return
}

// -----

func.func @fft_positive(%z: tensor<2x1xcomplex<f32>>) {
  // expected-error @+1 {{expected positive fft lengths, got [0]}}
  %0 = stablehlo.fft %z, type = FFT, length = [0] : (tensor<2x1xcomplex<f32>>) -> tensor<2x1xcomplex<f32>>
  return
}

// -----

func.func @fft_rank(%z: tensor<4xcomplex<f32>>) {
  // expected-error @+1 {{expected operand 'tensor<4xcomplex<f32>>' and result 'tensor<1x4xcomplex<f32>>' of one rank, at least 1}}
  %0 = stablehlo.fft %z, type = FFT, length = [4] : (tensor<4xcomplex<f32>>) -> tensor<1x4xcomplex<f32>>
  return
}

// -----

func.func @fft_real_operand(%x: tensor<4xf32>) {
  // expected-error @+1 {{expected a complex operand for FFT, got 'tensor<4xf32>'}}
  %0 = stablehlo.fft %x, type = FFT, length = [4] : (tensor<4xf32>) -> tensor<4xcomplex<f32>>
  return
}

// -----

func.func @fft_result_element(%z: tensor<4xcomplex<f32>>) {
  // expected-error @+1 {{expected a result element type complex of the operand's for FFT, got 'tensor<4xcomplex<f64>>'}}
  %0 = stablehlo.fft %z, type = FFT, length = [4] : (tensor<4xcomplex<f32>>) -> tensor<4xcomplex<f64>>
  return
}

// -----

func.func @irfft_result_precision(%z: tensor<3xcomplex<f32>>) {
  // expected-error @+1 {{expected result element type 'f32' for IRFFT, got 'f64'}}
  %0 = stablehlo.fft %z, type = IRFFT, length = [4] : (tensor<3xcomplex<f32>>) -> tensor<4xf64>
  return
}

// -----

func.func @fft_leading_dims(%z: tensor<2x4xcomplex<f32>>) {
  // expected-error @+1 {{expected the leading dimensions of operand 'tensor<2x4xcomplex<f32>>' and result 'tensor<3x4xcomplex<f32>>' to match}}
  %0 = stablehlo.fft %z, type = FFT, length = [4] : (tensor<2x4xcomplex<f32>>) -> tensor<3x4xcomplex<f32>>
  return
}

// -----

func.func @rfft_operand_length(%x: tensor<5xf32>) {
  // expected-error @+1 {{expected operand dimension 0 to be 4 for RFFT of length [4], got 'tensor<5xf32>'}}
  %0 = stablehlo.fft %x, type = RFFT, length = [4] : (tensor<5xf32>) -> tensor<3xcomplex<f32>>
  return
}

// -----

func.func @rfft_result_half(%x: tensor<4xf32>) {
  // expected-error @+1 {{expected result dimension 0 to be 3 for RFFT of length [4], got 'tensor<4xcomplex<f32>>'}}
  %0 = stablehlo.fft %x, type = RFFT, length = [4] : (tensor<4xf32>) -> tensor<4xcomplex<f32>>
  return
}

// -----

func.func @rfft_complex_operand(%z: tensor<4xcomplex<f32>>) {
  // expected-error @+1 {{expected a real operand for RFFT, got 'tensor<4xcomplex<f32>>'}}
  %0 = stablehlo.fft %z, type = RFFT, length = [4] : (tensor<4xcomplex<f32>>) -> tensor<3xcomplex<f32>>
  return
}

// -----

func.func @irfft_complex_result(%z: tensor<3xcomplex<f32>>) {
  // expected-error @+1 {{expected a result element type of the operand's precision for IRFFT, got 'tensor<4xcomplex<f32>>'}}
  %0 = stablehlo.fft %z, type = IRFFT, length = [4] : (tensor<3xcomplex<f32>>) -> tensor<4xcomplex<f32>>
  return
}

// -----

func.func @rng_state_type(%state: tensor<2xui64>) {
  // expected-error @+1 {{expected output_state of the initial state's type 'tensor<2xui64>', got 'tensor<2xi64>'}}
  %0:2 = stablehlo.rng_bit_generator %state, algorithm = THREE_FRY : (tensor<2xui64>) -> (tensor<2xi64>, tensor<4xui32>)
  return
}

// -----

func.func @rng_state_rank(%state: tensor<1x2xui64>) {
  // expected-error @+1 {{expected a 1-d initial state, got 'tensor<1x2xui64>'}}
  %0:2 = stablehlo.rng_bit_generator %state, algorithm = THREE_FRY : (tensor<1x2xui64>) -> (tensor<1x2xui64>, tensor<4xui32>)
  return
}

// -----

func.func @rng_state_size(%state: tensor<3xui64>) {
  // expected-error @+1 {{expected a state of 2 elements for THREE_FRY, got 'tensor<3xui64>'}}
  %0:2 = stablehlo.rng_bit_generator %state, algorithm = THREE_FRY : (tensor<3xui64>) -> (tensor<3xui64>, tensor<4xui32>)
  return
}

// -----

func.func @rng_bool_output(%state: tensor<2xui64>) {
  // expected-error @+1 {{expected an output of integers or floats, got 'tensor<4xi1>'}}
  %0:2 = stablehlo.rng_bit_generator %state, algorithm = THREE_FRY : (tensor<2xui64>) -> (tensor<2xui64>, tensor<4xi1>)
  return
}
