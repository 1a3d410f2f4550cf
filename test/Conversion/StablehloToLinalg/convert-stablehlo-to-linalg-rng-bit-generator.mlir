// RUN: yat-opt %s -convert-stablehlo-to-linalg | FileCheck %s

// THREE_FRY: one linalg.generic over the output computes each element from
// its indices. 3x4 32-bit values take 6 blocks (dim 1 halved): block
// counter + (i * 2 + j / 2), word j % 2 of Threefry-2x32 under the key,
// 20 rounds (rotations 13, 15, 26, 6, then 17, 29, 16, 24), five key
// injections; the new state is [key, counter + 6].
// CHECK-LABEL: func.func @rng
// CHECK-SAME: (%[[STATE:.*]]: tensor<2xi64>)
// CHECK: %[[KEY:.*]] = tensor.extract %[[STATE]][%{{.*}}] : tensor<2xi64>
// CHECK: %[[COUNTER:.*]] = tensor.extract %[[STATE]][%{{.*}}] : tensor<2xi64>
// CHECK: %[[BITS:.*]] = linalg.generic {{.*}} outs(%{{.*}} : tensor<3x4xi32>)
// CHECK: %[[J:.*]] = linalg.index 1 : index
// CHECK: %[[WORD:.*]] = arith.remui %[[J]], %c2
// CHECK: %[[PAIR:.*]] = arith.divui %[[J]], %c2
// CHECK: %[[LINEAR:.*]] = arith.addi %{{.*}}, %[[PAIR]] : index
// CHECK: %[[OFFSET:.*]] = arith.index_castui %[[LINEAR]] : index to i64
// CHECK: %[[BLOCK:.*]] = arith.addi %[[COUNTER]], %[[OFFSET]] : i64
// CHECK: arith.constant 466688986 : i32
// CHECK-COUNT-20: arith.shli
// CHECK: %[[SECOND:.*]] = arith.cmpi ne, %[[WORD]]
// CHECK: %[[PICKED:.*]] = arith.select %[[SECOND]]
// CHECK: linalg.yield %[[PICKED]] : i32
// CHECK: %[[ADVANCED:.*]] = arith.addi %[[COUNTER]], %c6_i64 : i64
// CHECK: %[[NEW_STATE:.*]] = tensor.from_elements %[[KEY]], %[[ADVANCED]] : tensor<2xi64>
// CHECK: return %[[NEW_STATE]], %[[BITS]]
func.func @rng(%state: tensor<2xui64>) -> (tensor<2xui64>, tensor<3x4xui32>) {
  %0:2 = stablehlo.rng_bit_generator %state, algorithm = THREE_FRY : (tensor<2xui64>) -> (tensor<2xui64>, tensor<3x4xui32>)
  return %0#0, %0#1 : tensor<2xui64>, tensor<3x4xui32>
}
