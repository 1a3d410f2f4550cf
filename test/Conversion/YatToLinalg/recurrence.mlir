// RUN: yat-opt %s -split-input-file -convert-yat-to-linalg | FileCheck %s

// f16, reverse, with h0: the f32 state starts from h0 extended, an scf.for
// runs over T with t = T − 1 − iv, and one generic per step updates the
// carried state in place (a_t · h + b_t in f32) and writes it rounded to
// f16 into the step's slice of the B × T × D result; h_last is the final
// state rounded.

// CHECK-LABEL: func.func @recurrence_reverse_f16
// CHECK-SAME: (%[[A:.*]]: tensor<2x?x4xf16>, %[[B:.*]]: tensor<2x?x4xf16>, %[[H0:.*]]: tensor<2x4xf16>)
// CHECK: %[[T:.*]] = tensor.dim %[[A]], %{{.*}} : tensor<2x?x4xf16>
// CHECK: %[[STATE0:.*]] = linalg.generic {{.*}} ins(%[[H0]] : tensor<2x4xf16>) outs(%{{.*}} : tensor<2x4xf32>)
// CHECK: arith.extf %{{.*}} : f16 to f32
// CHECK: %[[EMPTY:.*]] = tensor.empty(%[[T]]) : tensor<2x?x4xf16>
// CHECK: %[[C0:.*]] = arith.constant 0 : index
// CHECK: %[[C1:.*]] = arith.constant 1 : index
// CHECK: %[[LAST:.*]] = arith.subi %[[T]], %[[C1]] : index
// CHECK: %[[LOOP:.*]]:2 = scf.for %[[IV:.*]] = %[[C0]] to %[[T]] step %[[C1]] iter_args(%[[H:.*]] = %[[STATE0]], %[[ALL:.*]] = %[[EMPTY]]) -> (tensor<2x4xf32>, tensor<2x?x4xf16>) {
// CHECK: %[[STEP:.*]] = arith.subi %[[LAST]], %[[IV]] : index
// CHECK: %[[AT:.*]] = tensor.extract_slice %[[A]][0, %[[STEP]], 0] [2, 1, 4] [1, 1, 1] : tensor<2x?x4xf16> to tensor<2x4xf16>
// CHECK: %[[BT:.*]] = tensor.extract_slice %[[B]][0, %[[STEP]], 0] [2, 1, 4] [1, 1, 1] : tensor<2x?x4xf16> to tensor<2x4xf16>
// CHECK: %[[HT:.*]] = tensor.extract_slice %[[ALL]][0, %[[STEP]], 0] [2, 1, 4] [1, 1, 1] : tensor<2x?x4xf16> to tensor<2x4xf16>
// CHECK: %[[NEXT:.*]]:2 = linalg.generic {{.*}} ins(%[[AT]], %[[BT]] : tensor<2x4xf16>, tensor<2x4xf16>) outs(%[[H]], %[[HT]] : tensor<2x4xf32>, tensor<2x4xf16>)
// CHECK: ^bb0(%[[AV:.*]]: f16, %[[BV:.*]]: f16, %[[HV:.*]]: f32, %{{.*}}: f16):
// CHECK: %[[AE:.*]] = arith.extf %[[AV]] : f16 to f32
// CHECK: %[[DECAYED:.*]] = arith.mulf %[[AE]], %[[HV]] : f32
// CHECK: %[[BE:.*]] = arith.extf %[[BV]] : f16 to f32
// CHECK: %[[SUM:.*]] = arith.addf %[[DECAYED]], %[[BE]] : f32
// CHECK: %[[ROUNDED:.*]] = arith.truncf %[[SUM]] : f32 to f16
// CHECK: linalg.yield %[[SUM]], %[[ROUNDED]] : f32, f16
// CHECK: %[[INSERTED:.*]] = tensor.insert_slice %[[NEXT]]#1 into %[[ALL]][0, %[[STEP]], 0] [2, 1, 4] [1, 1, 1] : tensor<2x4xf16> into tensor<2x?x4xf16>
// CHECK: scf.yield %[[NEXT]]#0, %[[INSERTED]] : tensor<2x4xf32>, tensor<2x?x4xf16>
// CHECK: %[[HLAST:.*]] = linalg.generic {{.*}} ins(%[[LOOP]]#0 : tensor<2x4xf32>) outs(%{{.*}} : tensor<2x4xf16>)
// CHECK: return %[[LOOP]]#1, %[[HLAST]] : tensor<2x?x4xf16>, tensor<2x4xf16>
func.func @recurrence_reverse_f16(%a: tensor<2x?x4xf16>, %b: tensor<2x?x4xf16>, %h0: tensor<2x4xf16>) -> (tensor<2x?x4xf16>, tensor<2x4xf16>) {
  %h, %last = yat.linear_recurrence %a, %b, %h0 {reverse}
      : (tensor<2x?x4xf16>, tensor<2x?x4xf16>, tensor<2x4xf16>) -> (tensor<2x?x4xf16>, tensor<2x4xf16>)
  return %h, %last : tensor<2x?x4xf16>, tensor<2x4xf16>
}

// -----

// f32, forward, no h0: the state starts at zero, t is the induction variable
// itself, the state is written without a conversion and is h_last.

// CHECK-LABEL: func.func @recurrence_forward_f32
// CHECK-SAME: (%[[A:.*]]: tensor<3x5x2xf32>, %[[B:.*]]: tensor<3x5x2xf32>)
// CHECK: %[[ZERO:.*]] = linalg.fill ins(%{{.*}} : f32) outs(%{{.*}} : tensor<3x2xf32>)
// CHECK: %[[EMPTY:.*]] = tensor.empty() : tensor<3x5x2xf32>
// CHECK: %[[C5:.*]] = arith.constant 5 : index
// CHECK-NOT: arith.subi
// CHECK: %[[LOOP:.*]]:2 = scf.for %[[IV:.*]] = %{{.*}} to %[[C5]] step %{{.*}} iter_args(%[[H:.*]] = %[[ZERO]], %[[ALL:.*]] = %[[EMPTY]])
// CHECK: tensor.extract_slice %[[A]][0, %[[IV]], 0] [3, 1, 2] [1, 1, 1] : tensor<3x5x2xf32> to tensor<3x2xf32>
// CHECK: %[[NEXT:.*]]:2 = linalg.generic {{.*}} outs(%[[H]], %{{.*}} : tensor<3x2xf32>, tensor<3x2xf32>)
// CHECK-NOT: arith.truncf
// CHECK: linalg.yield %[[SUM:.*]], %[[SUM]] : f32, f32
// CHECK: %[[INSERTED:.*]] = tensor.insert_slice %[[NEXT]]#1 into %[[ALL]][0, %[[IV]], 0] [3, 1, 2] [1, 1, 1]
// CHECK: scf.yield %[[NEXT]]#0, %[[INSERTED]]
// CHECK: return %[[LOOP]]#1, %[[LOOP]]#0 : tensor<3x5x2xf32>, tensor<3x2xf32>
func.func @recurrence_forward_f32(%a: tensor<3x5x2xf32>, %b: tensor<3x5x2xf32>) -> (tensor<3x5x2xf32>, tensor<3x2xf32>) {
  %h, %last = yat.linear_recurrence %a, %b : (tensor<3x5x2xf32>, tensor<3x5x2xf32>) -> (tensor<3x5x2xf32>, tensor<3x2xf32>)
  return %h, %last : tensor<3x5x2xf32>, tensor<3x2xf32>
}

// -----

// With h unused, the loop carries the state only and writes no states.
// CHECK-LABEL: func.func @recurrence_last_only
// CHECK: %[[LOOP:.*]] = scf.for {{.*}} -> (tensor<3x2xf32>) {
// CHECK-NOT: tensor.insert_slice
// CHECK: %[[NEXT:.*]] = linalg.generic {{.*}} outs(%{{.*}} : tensor<3x2xf32>)
// CHECK: scf.yield %[[NEXT]] : tensor<3x2xf32>
// CHECK: return %[[LOOP]] : tensor<3x2xf32>
func.func @recurrence_last_only(%a: tensor<3x5x2xf32>, %b: tensor<3x5x2xf32>) -> tensor<3x2xf32> {
  %h, %last = yat.linear_recurrence %a, %b : (tensor<3x5x2xf32>, tensor<3x5x2xf32>) -> (tensor<3x5x2xf32>, tensor<3x2xf32>)
  return %last : tensor<3x2xf32>
}
