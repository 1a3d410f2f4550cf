// An entry that takes and returns (nested) tuples passes their tensors,
// depth first: here a tuple<tensor<2xf32>, tuple<tensor<i32>>> argument is
// two inputs, and the tuple result prints as two results.
// REQUIRES: stablehlo
// RUN: rm -rf %t && mkdir -p %t
// RUN: %python -c "import numpy as np; np.save('%t/x.npy', np.array([1.5, -2.0], np.float32)); np.save('%t/s.npy', np.array(3, np.int32))"
// RUN: yat-run %s --input=%t/x.npy --input=%t/s.npy | FileCheck %s
// A missing tensor is reported against the flattened arguments.
// RUN: not yat-run %s --input=%t/x.npy 2>&1 | FileCheck %s --check-prefix=MISSING

// CHECK:      result 0: tensor<i32>
// CHECK-NEXT: 4
// CHECK-NEXT: result 1: tensor<2xf32>
// CHECK-NEXT: [ 3. -4.]
// MISSING: '@main' takes 2 arguments but 1 --input file was given
func.func @main(%p: tuple<tensor<2xf32>, tuple<tensor<i32>>>) -> tuple<tensor<i32>, tensor<2xf32>> {
  %x = stablehlo.get_tuple_element %p[0] : (tuple<tensor<2xf32>, tuple<tensor<i32>>>) -> tensor<2xf32>
  %q = stablehlo.get_tuple_element %p[1] : (tuple<tensor<2xf32>, tuple<tensor<i32>>>) -> tuple<tensor<i32>>
  %s = stablehlo.get_tuple_element %q[0] : (tuple<tensor<i32>>) -> tensor<i32>
  %one = stablehlo.constant dense<1> : tensor<i32>
  %s1 = stablehlo.add %s, %one : tensor<i32>
  %x2 = stablehlo.add %x, %x : tensor<2xf32>
  %r = stablehlo.tuple %s1, %x2 : tuple<tensor<i32>, tensor<2xf32>>
  return %r : tuple<tensor<i32>, tensor<2xf32>>
}
