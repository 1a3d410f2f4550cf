// RUN: yat-opt %s -split-input-file -yat-cpu-decompose-pads | FileCheck %s
// RUN: yat-opt %s -split-input-file -yat-cpu-decompose-pads -yat-cpu-select-lowering-config="min-parallel-tiles=2 min-parallel-work=0" | FileCheck %s --check-prefix=CONFIG

// A zero pad becomes a fill of the padded shape and a copy of the source
// into the slice of it that the source fills. The fill, which is no op's
// destination alone, and the copy each get a parallel configuration.
// CHECK-LABEL: func.func @pad_constant
// CHECK-SAME: (%[[X:.*]]: tensor<2x6x6x8xf32>)
// CHECK: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK: %[[EMPTY:.*]] = tensor.empty() : tensor<2x8x8x8xf32>
// CHECK: %[[FILL:.*]] = linalg.fill ins(%[[ZERO]] : f32) outs(%[[EMPTY]] : tensor<2x8x8x8xf32>)
// CHECK: %[[SLICE:.*]] = tensor.extract_slice %[[FILL]][0, 1, 1, 0] [2, 6, 6, 8] [1, 1, 1, 1]
// CHECK: %[[COPY:.*]] = linalg.copy ins(%[[X]] : tensor<2x6x6x8xf32>) outs(%[[SLICE]] : tensor<2x6x6x8xf32>)
// CHECK: %[[PADDED:.*]] = tensor.insert_slice %[[COPY]] into %[[FILL]][0, 1, 1, 0] [2, 6, 6, 8] [1, 1, 1, 1]
// CHECK: return %[[PADDED]]
// CONFIG-LABEL: func.func @pad_constant
// CONFIG: linalg.fill {{.*}}yat.lowering_config
// CONFIG: linalg.copy {{.*}}yat.lowering_config
func.func @pad_constant(%x: tensor<2x6x6x8xf32>) -> tensor<2x8x8x8xf32> {
  %zero = arith.constant 0.0 : f32
  %p = tensor.pad %x low[0, 1, 1, 0] high[0, 1, 1, 0] {
  ^bb0(%a: index, %b: index, %c: index, %d: index):
    tensor.yield %zero : f32
  } : tensor<2x6x6x8xf32> to tensor<2x8x8x8xf32>
  return %p : tensor<2x8x8x8xf32>
}

// -----

// A padding value computed at run time is filled the same way.
// CHECK-LABEL: func.func @pad_runtime_value
// CHECK-SAME: (%[[X:.*]]: tensor<5xf32>, %[[V:.*]]: f32)
// CHECK: %[[FILL:.*]] = linalg.fill ins(%[[V]] : f32)
// CHECK: %[[SLICE:.*]] = tensor.extract_slice %[[FILL]][2] [5] [1]
// CHECK: %[[COPY:.*]] = linalg.copy ins(%[[X]] : tensor<5xf32>) outs(%[[SLICE]] : tensor<5xf32>)
// CHECK: tensor.insert_slice %[[COPY]] into %[[FILL]][2] [5] [1]
func.func @pad_runtime_value(%x: tensor<5xf32>, %v: f32) -> tensor<8xf32> {
  %p = tensor.pad %x low[2] high[1] {
  ^bb0(%i: index):
    tensor.yield %v : f32
  } : tensor<5xf32> to tensor<8xf32>
  return %p : tensor<8xf32>
}

// -----

// A fill that is only the destination of another op is left to be cut with
// that op.
// CONFIG-LABEL: func.func @fill_of_destination
// CONFIG: linalg.fill ins(%{{.*}} : f32) outs(%{{.*}} : tensor<64x64xf32>)
// CONFIG: linalg.matmul {{.*}}yat.lowering_config
func.func @fill_of_destination(%a: tensor<64x64xf32>, %b: tensor<64x64xf32>) -> tensor<64x64xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<64x64xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<64x64xf32>) -> tensor<64x64xf32>
  %m = linalg.matmul ins(%a, %b : tensor<64x64xf32>, tensor<64x64xf32>) outs(%f : tensor<64x64xf32>) -> tensor<64x64xf32>
  return %m : tensor<64x64xf32>
}
