// RUN: yat-opt %s -split-input-file | FileCheck %s
// The generic form (with #stablehlo attributes, in an attribute dictionary
// or a property dictionary) parses and prints in the pretty form.

// Enum attributes: #stablehlo<comparison_direction ...> and
// #stablehlo<comparison_type ...>.
// CHECK-LABEL: func.func @compare
func.func @compare(%a: tensor<4xf32>, %b: tensor<4xf32>) -> (tensor<4xi1>, tensor<4xi1>) {
  // CHECK: stablehlo.compare  GT, %{{.*}}, %{{.*}},  FLOAT : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xi1>
  %0 = "stablehlo.compare"(%a, %b) {comparison_direction = #stablehlo<comparison_direction GT>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xi1>
  // CHECK: stablehlo.compare  EQ, %{{.*}}, %{{.*}} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xi1>
  %1 = "stablehlo.compare"(%a, %b) <{comparison_direction = #stablehlo<comparison_direction EQ>}> : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xi1>
  return %0, %1 : tensor<4xi1>, tensor<4xi1>
}

// -----

// #stablehlo.dot and #stablehlo<precision ...>.
// CHECK-LABEL: func.func @dot_general
func.func @dot_general(%a: tensor<2x3x4xf32>, %b: tensor<2x4x5xf32>) -> tensor<2x3x5xf32> {
  // CHECK: stablehlo.dot_general %{{.*}}, %{{.*}}, batching_dims = [0] x [0], contracting_dims = [2] x [1], precision = [DEFAULT, HIGH]
  %0 = "stablehlo.dot_general"(%a, %b) {dot_dimension_numbers = #stablehlo.dot<lhs_batching_dimensions = [0], rhs_batching_dimensions = [0], lhs_contracting_dimensions = [2], rhs_contracting_dimensions = [1]>, precision_config = [#stablehlo<precision DEFAULT>, #stablehlo<precision HIGH>]} : (tensor<2x3x4xf32>, tensor<2x4x5xf32>) -> tensor<2x3x5xf32>
  return %0 : tensor<2x3x5xf32>
}

// -----

// #stablehlo.conv in the compact and the explicit (raw) form, with the window
// attributes as arrays and a padding tensor.
// CHECK-LABEL: func.func @convolution
func.func @convolution(%x: tensor<1x8x8x3xf32>, %w: tensor<3x3x3x4xf32>) -> (tensor<1x4x4x4xf32>, tensor<1x4x4x4xf32>) {
  // CHECK: stablehlo.convolution(%{{.*}}, %{{.*}}) dim_numbers = [b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f], window = {stride = [2, 2], pad = {{\[\[}}1, 1], [1, 1]], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64}
  %0 = "stablehlo.convolution"(%x, %w) {dimension_numbers = #stablehlo.conv<[b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f]>, window_strides = array<i64: 2, 2>, padding = dense<1> : tensor<2x2xi64>, rhs_dilation = array<i64: 1, 1>, feature_group_count = 1 : i64, batch_group_count = 1 : i64} : (tensor<1x8x8x3xf32>, tensor<3x3x3x4xf32>) -> tensor<1x4x4x4xf32>
  // CHECK: stablehlo.convolution(%{{.*}}, %{{.*}}) dim_numbers = [b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f], window = {stride = [2, 2], pad = {{\[\[}}1, 1], [1, 1]], reverse = [true, false]}
  %1 = "stablehlo.convolution"(%x, %w) <{dimension_numbers = #stablehlo.conv<raw input_batch_dimension = 0, input_feature_dimension = 3, input_spatial_dimensions = [1, 2], kernel_input_feature_dimension = 2, kernel_output_feature_dimension = 3, kernel_spatial_dimensions = [0, 1], output_batch_dimension = 0, output_feature_dimension = 3, output_spatial_dimensions = [1, 2]>, window_strides = array<i64: 2, 2>, padding = dense<[[1, 1], [1, 1]]> : tensor<2x2xi64>, window_reversal = array<i1: true, false>, feature_group_count = 1 : i64, batch_group_count = 1 : i64}> : (tensor<1x8x8x3xf32>, tensor<3x3x3x4xf32>) -> tensor<1x4x4x4xf32>
  return %0, %1 : tensor<1x4x4x4xf32>, tensor<1x4x4x4xf32>
}

// -----

// reduce with a region in generic form; a single binary op prints as
// `applies`.
// CHECK-LABEL: func.func @reduce
func.func @reduce(%x: tensor<4x6xi32>, %init: tensor<i32>) -> tensor<4xi32> {
  // CHECK: stablehlo.reduce(%{{.*}} init: %{{.*}}) applies stablehlo.maximum across dimensions = [1] : (tensor<4x6xi32>, tensor<i32>) -> tensor<4xi32>
  %0 = "stablehlo.reduce"(%x, %init) ({
  ^bb0(%a: tensor<i32>, %b: tensor<i32>):
    %m = "stablehlo.maximum"(%a, %b) : (tensor<i32>, tensor<i32>) -> tensor<i32>
    "stablehlo.return"(%m) : (tensor<i32>) -> ()
  }) {dimensions = array<i64: 1>} : (tensor<4x6xi32>, tensor<i32>) -> tensor<4xi32>
  return %0 : tensor<4xi32>
}

// -----

// Data movement ops with array attributes.
// CHECK-LABEL: func.func @data_movement
func.func @data_movement(%x: tensor<2x3xf32>, %v: tensor<f32>) {
  // CHECK: stablehlo.broadcast_in_dim %{{.*}}, dims = [0, 2]
  %0 = "stablehlo.broadcast_in_dim"(%x) {broadcast_dimensions = array<i64: 0, 2>} : (tensor<2x3xf32>) -> tensor<2x5x3xf32>
  // CHECK: stablehlo.transpose %{{.*}}, dims = [1, 0]
  %1 = "stablehlo.transpose"(%x) {permutation = array<i64: 1, 0>} : (tensor<2x3xf32>) -> tensor<3x2xf32>
  // CHECK: stablehlo.slice %{{.*}} [0:2:2, 1:3]
  %2 = "stablehlo.slice"(%x) {start_indices = array<i64: 0, 1>, limit_indices = array<i64: 2, 3>, strides = array<i64: 2, 1>} : (tensor<2x3xf32>) -> tensor<1x2xf32>
  // CHECK: stablehlo.pad %{{.*}}, %{{.*}}, low = [1, 0], high = [0, 0], interior = [0, 1]
  %3 = "stablehlo.pad"(%x, %v) {edge_padding_low = array<i64: 1, 0>, edge_padding_high = array<i64: 0, 0>, interior_padding = array<i64: 0, 1>} : (tensor<2x3xf32>, tensor<f32>) -> tensor<3x5xf32>
  // CHECK: stablehlo.iota dim = 0 : tensor<5xf32>
  %4 = "stablehlo.iota"() {iota_dimension = 0 : i64} : () -> tensor<5xf32>
  // CHECK: stablehlo.concatenate %{{.*}}, %{{.*}}, dim = 1
  %5 = "stablehlo.concatenate"(%x, %x) {dimension = 1 : i64} : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x6xf32>
  // CHECK: stablehlo.reverse %{{.*}}, dims = [1]
  %6 = "stablehlo.reverse"(%x) {dimensions = array<i64: 1>} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  // CHECK: stablehlo.constant dense<1.500000e+00> : tensor<2xf32>
  %7 = "stablehlo.constant"() {value = dense<1.5> : tensor<2xf32>} : () -> tensor<2xf32>
  return
}

// -----

// custom_call with its target name and API version; composite with its
// decomposition.
// CHECK-LABEL: func.func @calls
func.func @calls(%a: tensor<4xf32>) -> tensor<4xf32> {
  // CHECK: stablehlo.custom_call @check.expect_eq(%{{.*}}, %{{.*}}) {api_version = #stablehlo<custom_call_api_version API_VERSION_ORIGINAL>, has_side_effect = true}
  "stablehlo.custom_call"(%a, %a) {call_target_name = "check.expect_eq", has_side_effect = true, api_version = #stablehlo<custom_call_api_version API_VERSION_ORIGINAL>} : (tensor<4xf32>, tensor<4xf32>) -> ()
  // CHECK: stablehlo.composite "my.id" %{{.*}} {decomposition = @identity} : (tensor<4xf32>) -> tensor<4xf32>
  %0 = "stablehlo.composite"(%a) {name = "my.id", decomposition = @identity} : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}
func.func private @identity(%x: tensor<4xf32>) -> tensor<4xf32> {
  return %x : tensor<4xf32>
}

// -----

// stablehlo.scatter, as JAX prints it: #stablehlo.scatter prints its
// non-empty fields and a non-zero index_vector_dim.
// CHECK-LABEL: func.func @scatter
func.func @scatter(%x: tensor<4x3xf32>, %i: tensor<2x1xi64>, %u: tensor<2x3xf32>) -> tensor<4x3xf32> {
  // CHECK: "stablehlo.scatter"(%{{.*}}, %{{.*}}, %{{.*}}) <{indices_are_sorted = true, scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1], inserted_window_dims = [0], scatter_dims_to_operand_dims = [0], index_vector_dim = 1>}>
  // CHECK: ^bb0(%[[OLD:.*]]: tensor<f32>, %[[NEW:.*]]: tensor<f32>):
  // CHECK:   %[[SUM:.*]] = stablehlo.add %[[OLD]], %[[NEW]] : tensor<f32>
  // CHECK:   stablehlo.return %[[SUM]] : tensor<f32>
  %0 = "stablehlo.scatter"(%x, %i, %u) <{indices_are_sorted = true, scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1], inserted_window_dims = [0], scatter_dims_to_operand_dims = [0], index_vector_dim = 1>}> ({
  ^bb0(%old: tensor<f32>, %new: tensor<f32>):
    %s = stablehlo.add %old, %new : tensor<f32>
    stablehlo.return %s : tensor<f32>
  }) : (tensor<4x3xf32>, tensor<2x1xi64>, tensor<2x3xf32>) -> tensor<4x3xf32>
  return %0 : tensor<4x3xf32>
}

// -----

// Batching dims, fields in any order, and no fields at all.
// CHECK-LABEL: func.func @scatter_batching
func.func @scatter_batching(%x: tensor<2x5xi32>, %i: tensor<2x3x1xi32>, %u: tensor<2x3xi32>, %s: tensor<i32>, %v: tensor<i32>) -> (tensor<2x5xi32>, tensor<i32>) {
  // CHECK: #stablehlo.scatter<inserted_window_dims = [1], input_batching_dims = [0], scatter_indices_batching_dims = [0], scatter_dims_to_operand_dims = [1], index_vector_dim = 2>
  %0 = "stablehlo.scatter"(%x, %i, %u) <{scatter_dimension_numbers = #stablehlo.scatter<index_vector_dim = 2, scatter_dims_to_operand_dims = [1], inserted_window_dims = [1], input_batching_dims = [0], scatter_indices_batching_dims = [0]>}> ({
  ^bb0(%a: tensor<i32>, %b: tensor<i32>):
    stablehlo.return %b : tensor<i32>
  }) : (tensor<2x5xi32>, tensor<2x3x1xi32>, tensor<2x3xi32>) -> tensor<2x5xi32>
  // CHECK: #stablehlo.scatter<>
  %empty = stablehlo.constant dense<> : tensor<0xi32>
  %1 = "stablehlo.scatter"(%s, %empty, %v) <{scatter_dimension_numbers = #stablehlo.scatter<>}> ({
  ^bb0(%a: tensor<i32>, %b: tensor<i32>):
    stablehlo.return %b : tensor<i32>
  }) : (tensor<i32>, tensor<0xi32>, tensor<i32>) -> tensor<i32>
  return %0, %1 : tensor<2x5xi32>, tensor<i32>
}

// -----

// stablehlo.gather as JAX prints it (an embedding lookup), and the generic
// forms of the dynamic slices, which print in the pretty form.
// CHECK-LABEL: func.func @gather
func.func @gather(%table: tensor<10x4xf32>, %ids: tensor<3x1xi32>, %i: tensor<i64>) -> (tensor<3x4xf32>, tensor<2x4xf32>) {
  // CHECK: "stablehlo.gather"(%{{.*}}, %{{.*}}) <{dimension_numbers = #stablehlo.gather<offset_dims = [1], collapsed_slice_dims = [0], start_index_map = [0], index_vector_dim = 1>, indices_are_sorted = false, slice_sizes = array<i64: 1, 4>}> : (tensor<10x4xf32>, tensor<3x1xi32>) -> tensor<3x4xf32>
  %0 = "stablehlo.gather"(%table, %ids) <{dimension_numbers = #stablehlo.gather<offset_dims = [1], collapsed_slice_dims = [0], start_index_map = [0], index_vector_dim = 1>, indices_are_sorted = false, slice_sizes = array<i64: 1, 4>}> : (tensor<10x4xf32>, tensor<3x1xi32>) -> tensor<3x4xf32>
  %zero = stablehlo.constant dense<0> : tensor<i64>
  // CHECK: stablehlo.dynamic_slice %{{.*}}, %{{.*}}, %{{.*}}, sizes = [2, 4] : (tensor<10x4xf32>, tensor<i64>, tensor<i64>) -> tensor<2x4xf32>
  %1 = "stablehlo.dynamic_slice"(%table, %i, %zero) <{slice_sizes = array<i64: 2, 4>}> : (tensor<10x4xf32>, tensor<i64>, tensor<i64>) -> tensor<2x4xf32>
  return %0, %1 : tensor<3x4xf32>, tensor<2x4xf32>
}

// -----

// The generic form of stablehlo.while prints in the pretty form.
// CHECK-LABEL: func.func @while_generic
// CHECK: stablehlo.while(%[[I:.*]] = %{{.*}}) : tensor<i32> cond {
// CHECK:   stablehlo.compare  LT, %[[I]], %[[I]]
// CHECK: } do {
// CHECK:   stablehlo.return %[[I]] : tensor<i32>
func.func @while_generic(%x: tensor<i32>) -> tensor<i32> {
  %0 = "stablehlo.while"(%x) ({
  ^bb0(%a: tensor<i32>):
    %lt = "stablehlo.compare"(%a, %a) <{comparison_direction = #stablehlo<comparison_direction LT>}> : (tensor<i32>, tensor<i32>) -> tensor<i1>
    "stablehlo.return"(%lt) : (tensor<i1>) -> ()
  }, {
  ^bb0(%b: tensor<i32>):
    "stablehlo.return"(%b) : (tensor<i32>) -> ()
  }) : (tensor<i32>) -> tensor<i32>
  return %0 : tensor<i32>
}

// -----

// reduce_window, as JAX prints max_pool and cumulative sums: generic form
// with window attributes and a body; it prints generic too.
// CHECK-LABEL: func.func @reduce_window
// CHECK: %[[R:.*]] = "stablehlo.reduce_window"(%{{.*}}, %{{.*}}) <{padding = dense<{{\[\[}}0, 0], [1, 1], [1, 1], [0, 0]]> : tensor<4x2xi64>, window_dimensions = array<i64: 1, 3, 3, 1>, window_strides = array<i64: 1, 2, 2, 1>}> ({
// CHECK: ^bb0(%[[ACC:.*]]: tensor<f32>, %[[X:.*]]: tensor<f32>):
// CHECK:   %[[M:.*]] = stablehlo.maximum %[[ACC]], %[[X]] : tensor<f32>
// CHECK:   stablehlo.return %[[M]] : tensor<f32>
// CHECK: }) : (tensor<1x8x8x2xf32>, tensor<f32>) -> tensor<1x4x4x2xf32>
func.func @reduce_window(%x: tensor<1x8x8x2xf32>, %init: tensor<f32>) -> tensor<1x4x4x2xf32> {
  %0 = "stablehlo.reduce_window"(%x, %init) <{padding = dense<[[0, 0], [1, 1], [1, 1], [0, 0]]> : tensor<4x2xi64>, window_dimensions = array<i64: 1, 3, 3, 1>, window_strides = array<i64: 1, 2, 2, 1>}> ({
  ^bb0(%acc: tensor<f32>, %v: tensor<f32>):
    %m = stablehlo.maximum %acc, %v : tensor<f32>
    stablehlo.return %m : tensor<f32>
  }) : (tensor<1x8x8x2xf32>, tensor<f32>) -> tensor<1x4x4x2xf32>
  return %0 : tensor<1x4x4x2xf32>
}

// -----

// sort: generic form with a comparator; it prints generic too.
// CHECK-LABEL: func.func @sort
// CHECK: %[[R:.*]]:2 = "stablehlo.sort"(%{{.*}}, %{{.*}}) <{dimension = 1 : i64, is_stable = true}> ({
// CHECK: ^bb0(%[[A:.*]]: tensor<f32>, %[[B:.*]]: tensor<f32>, %{{.*}}: tensor<i32>, %{{.*}}: tensor<i32>):
// CHECK:   %[[LT:.*]] = stablehlo.compare  LT, %[[A]], %[[B]],  TOTALORDER
// CHECK:   stablehlo.return %[[LT]] : tensor<i1>
// CHECK: }) : (tensor<2x5xf32>, tensor<2x5xi32>) -> (tensor<2x5xf32>, tensor<2x5xi32>)
func.func @sort(%x: tensor<2x5xf32>, %i: tensor<2x5xi32>) -> tensor<2x5xf32> {
  %0:2 = "stablehlo.sort"(%x, %i) <{dimension = 1 : i64, is_stable = true}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>, %ia: tensor<i32>, %ib: tensor<i32>):
    %lt = stablehlo.compare LT, %a, %b, TOTALORDER : (tensor<f32>, tensor<f32>) -> tensor<i1>
    stablehlo.return %lt : tensor<i1>
  }) : (tensor<2x5xf32>, tensor<2x5xi32>) -> (tensor<2x5xf32>, tensor<2x5xi32>)
  return %0#0 : tensor<2x5xf32>
}

// -----

// select_and_scatter: generic form with its two bodies.
// CHECK-LABEL: func.func @select_and_scatter
// CHECK: "stablehlo.select_and_scatter"(%{{.*}}, %{{.*}}, %{{.*}}) <{window_dimensions = array<i64: 2>, window_strides = array<i64: 2>}> ({
// CHECK:   stablehlo.compare  GE
// CHECK: }, {
// CHECK:   stablehlo.add
// CHECK: }) : (tensor<4xf32>, tensor<2xf32>, tensor<f32>) -> tensor<4xf32>
func.func @select_and_scatter(%x: tensor<4xf32>, %s: tensor<2xf32>, %init: tensor<f32>) -> tensor<4xf32> {
  %0 = "stablehlo.select_and_scatter"(%x, %s, %init) <{window_dimensions = array<i64: 2>, window_strides = array<i64: 2>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %ge = stablehlo.compare GE, %a, %b, FLOAT : (tensor<f32>, tensor<f32>) -> tensor<i1>
    stablehlo.return %ge : tensor<i1>
  }, {
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %sum = stablehlo.add %a, %b : tensor<f32>
    stablehlo.return %sum : tensor<f32>
  }) : (tensor<4xf32>, tensor<2xf32>, tensor<f32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// if and case: generic form with their branches.
// CHECK-LABEL: func.func @if_and_case
// CHECK: "stablehlo.if"(%{{.*}}) ({
// CHECK:   stablehlo.return %{{.*}} : tensor<2xf32>
// CHECK: }, {
// CHECK: }) : (tensor<i1>) -> tensor<2xf32>
// CHECK: "stablehlo.case"(%{{.*}}) ({
// CHECK: }, {
// CHECK: }, {
// CHECK: }) : (tensor<i32>) -> tensor<2xf32>
func.func @if_and_case(%p: tensor<i1>, %i: tensor<i32>, %x: tensor<2xf32>) {
  %0 = "stablehlo.if"(%p) ({
    stablehlo.return %x : tensor<2xf32>
  }, {
    %n = stablehlo.negate %x : tensor<2xf32>
    stablehlo.return %n : tensor<2xf32>
  }) : (tensor<i1>) -> tensor<2xf32>
  %1 = "stablehlo.case"(%i) ({
    stablehlo.return %x : tensor<2xf32>
  }, {
    stablehlo.return %0 : tensor<2xf32>
  }, {
    %n = stablehlo.negate %x : tensor<2xf32>
    stablehlo.return %n : tensor<2xf32>
  }) : (tensor<i32>) -> tensor<2xf32>
  return
}

// -----

// tuple and get_tuple_element in generic form, with the index as an
// attribute.
// CHECK-LABEL: func.func @tuples
// CHECK: %[[PAIR:.*]] = stablehlo.tuple %{{.*}}, %{{.*}} : tuple<tensor<2xf32>, tensor<i32>>
// CHECK: stablehlo.get_tuple_element %[[PAIR]][1] : (tuple<tensor<2xf32>, tensor<i32>>) -> tensor<i32>
func.func @tuples(%x: tensor<2xf32>, %i: tensor<i32>) -> tensor<i32> {
  %pair = "stablehlo.tuple"(%x, %i) : (tensor<2xf32>, tensor<i32>) -> tuple<tensor<2xf32>, tensor<i32>>
  %0 = "stablehlo.get_tuple_element"(%pair) {index = 1 : i32} : (tuple<tensor<2xf32>, tensor<i32>>) -> tensor<i32>
  return %0 : tensor<i32>
}

// -----

// fft in generic form, with #stablehlo<fft_type ...>.
// CHECK-LABEL: func.func @fft
// CHECK: stablehlo.fft %{{.*}}, type =  IRFFT, length = [8] : (tensor<2x5xcomplex<f64>>) -> tensor<2x8xf64>
func.func @fft(%z: tensor<2x5xcomplex<f64>>) -> tensor<2x8xf64> {
  %0 = "stablehlo.fft"(%z) <{fft_length = array<i64: 8>, fft_type = #stablehlo<fft_type IRFFT>}> : (tensor<2x5xcomplex<f64>>) -> tensor<2x8xf64>
  return %0 : tensor<2x8xf64>
}

// -----

// rng_bit_generator in generic form, with #stablehlo<rng_algorithm ...>.
// CHECK-LABEL: func.func @rng_bit_generator
// CHECK: stablehlo.rng_bit_generator %{{.*}}, algorithm =  PHILOX : (tensor<3xui64>) -> (tensor<3xui64>, tensor<8xf32>)
func.func @rng_bit_generator(%state: tensor<3xui64>) -> tensor<8xf32> {
  %0:2 = "stablehlo.rng_bit_generator"(%state) <{rng_algorithm = #stablehlo<rng_algorithm PHILOX>}> : (tensor<3xui64>) -> (tensor<3xui64>, tensor<8xf32>)
  return %0#1 : tensor<8xf32>
}
