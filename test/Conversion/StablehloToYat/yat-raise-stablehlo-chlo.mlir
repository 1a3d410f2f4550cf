// REQUIRES: stablehlo
// RUN: yat-opt %S/Inputs/rms_norm_chlo.mlir --yat-raise-stablehlo | FileCheck %s --check-prefix=JAX --implicit-check-not=chlo.square --implicit-check-not=stablehlo.reduce --implicit-check-not=stablehlo.rsqrt --implicit-check-not=stablehlo.multiply
// RUN: yat-opt %s -split-input-file --yat-raise-stablehlo | FileCheck %s --implicit-check-not=chlo.square

// flax's nnx.RMSNorm as jax.jit(...).lower(...).as_text() prints it, with
// x² written `chlo.square`, raises to yat.rms_norm (its scale of ones is
// dropped).
// JAX-LABEL: func.func public @main
// JAX-SAME: (%[[X:.*]]: tensor<4x8xf32>)
// JAX: %[[Y:.*]] = yat.rms_norm %[[X]] : (tensor<4x8xf32>) -> tensor<4x8xf32>
// JAX: return %[[Y]]

// A chlo.square that no pattern raises is left as stablehlo.multiply x, x,
// also in a module without any stablehlo op.
// CHECK-LABEL: func.func @square_only
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>)
// CHECK: %[[Y:.*]] = stablehlo.multiply %[[X]], %[[X]] : tensor<2x3xf32>
// CHECK: return %[[Y]]
func.func @square_only(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = chlo.square %x : tensor<2x3xf32> -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}
