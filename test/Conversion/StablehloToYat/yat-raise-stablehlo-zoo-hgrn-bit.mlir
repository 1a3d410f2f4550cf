// REQUIRES: stablehlo
// The MatMul-free LM (HGRN-bit) of examples/zoo, with its recurrence as
// lax.scan (a stablehlo.while) and as lax.associative_scan (slices, pads
// and concatenates): every RMSNorm raises to yat.rms_norm with its weight,
// 9 per block (the block's two, the MLGRU's output norm, one per BitLinear;
// the i/f/g projections each normalize the same input) and the final one.
// Both forms of the recurrence raise to yat.linear_recurrence, and every
// BitLinear's fake quantization (absmax int8 activations, absmean ternary
// weights) to yat.ternarize of its constant weight and yat.ternary_matmul.
//
// RUN: yat-opt %S/../../../examples/zoo/hgrn_bit.mlir --yat-raise-stablehlo | FileCheck %s --check-prefixes=CHECK,SCAN --implicit-check-not=stablehlo.rsqrt --implicit-check-not=stablehlo.while
// RUN: yat-opt %S/../../../examples/zoo/hgrn_bit_assoc.mlir --yat-raise-stablehlo | FileCheck %s --check-prefixes=CHECK,ASSOC --implicit-check-not=stablehlo.rsqrt --implicit-check-not=stablehlo.while --implicit-check-not=stablehlo.pad --implicit-check-not=stablehlo.concatenate
// RUN: yat-opt %S/../../../examples/zoo/hgrn_bit.mlir --yat-raise-stablehlo | FileCheck %s --check-prefix=COUNT
// RUN: yat-opt %S/../../../examples/zoo/hgrn_bit_assoc.mlir --yat-raise-stablehlo | FileCheck %s --check-prefix=COUNT
// RUN: yat-opt %S/../../../examples/zoo/hgrn_bit.mlir --yat-raise-stablehlo | FileCheck %s --check-prefix=RECURRENCES
// RUN: yat-opt %S/../../../examples/zoo/hgrn_bit_assoc.mlir --yat-raise-stablehlo | FileCheck %s --check-prefix=RECURRENCES
// RUN: yat-opt %S/../../../examples/zoo/hgrn_bit.mlir --yat-raise-stablehlo | FileCheck %s --check-prefix=BITLINEAR --implicit-check-not=stablehlo.round_nearest_even
// RUN: yat-opt %S/../../../examples/zoo/hgrn_bit_assoc.mlir --yat-raise-stablehlo | FileCheck %s --check-prefix=BITLINEAR --implicit-check-not=stablehlo.round_nearest_even

// The first block: attn_norm, then the BitLinear norms (epsilon 1e-8) of
// i_proj, f_proj and g_proj on its output.
// CHECK-LABEL: func.func public @main
// CHECK-SAME: (%{{.*}}: tensor<2x8xi32>) -> (tensor<2x8x32xf32>
// CHECK: %[[X:.*]] = yat.rms_norm %{{.*}}, %{{.*}} : (tensor<2x8x16xf32>, tensor<16xf32>) -> tensor<2x8x16xf32>
// CHECK: yat.rms_norm %[[X]], %{{.*}} {epsilon = 9.99999993E-9 : f32} : (tensor<2x8x16xf32>, tensor<16xf32>) -> tensor<2x8x16xf32>
// CHECK: yat.rms_norm %[[X]], %{{.*}} {epsilon = 9.99999993E-9 : f32}
// The recurrence h_t = f_t h_{t-1} + i_t over the 8 steps.
// SCAN: yat.linear_recurrence %{{.*}}, %{{.*}}, %{{.*}} : (tensor<2x8x16xf32>, tensor<2x8x16xf32>, tensor<2x16xf32>) -> (tensor<2x8x16xf32>, tensor<2x16xf32>)
// ASSOC: yat.linear_recurrence %{{.*}}, %{{.*}} : (tensor<2x8x16xf32>, tensor<2x8x16xf32>) -> (tensor<2x8x16xf32>, tensor<2x16xf32>)
// CHECK: yat.rms_norm %[[X]], %{{.*}} {epsilon = 9.99999993E-9 : f32}
// The MLGRU's output norm (g_norm), o_proj's, mlp_norm, gate_proj's and
// down_proj's (on the 32 GLU features).
// CHECK: yat.rms_norm %{{.*}}, %{{.*}} : (tensor<2x8x16xf32>, tensor<16xf32>) -> tensor<2x8x16xf32>
// CHECK: yat.rms_norm %{{.*}}, %{{.*}} {epsilon = 9.99999993E-9 : f32}
// CHECK: %[[M:.*]] = yat.rms_norm %{{.*}}, %{{.*}} : (tensor<2x8x16xf32>, tensor<16xf32>) -> tensor<2x8x16xf32>
// CHECK: yat.rms_norm %[[M]], %{{.*}} {epsilon = 9.99999993E-9 : f32}
// CHECK: yat.rms_norm %{{.*}}, %{{.*}} {epsilon = 9.99999993E-9 : f32} : (tensor<2x8x32xf32>, tensor<32xf32>) -> tensor<2x8x32xf32>
// CHECK: return %{{.*}} : tensor<2x8x32xf32>

// COUNT-COUNT-19: = yat.rms_norm
// COUNT-NOT: yat.rms_norm

// One recurrence per block, from either form.
// RECURRENCES-COUNT-2: = yat.linear_recurrence
// RECURRENCES-NOT: yat.linear_recurrence

// Every BitLinear: 6 per block (i, f, g, o; the GLU's gate+up and down),
// its [K, N] weight transposed at compile time into a constant and
// ternarized, the normalized input quantized by the matmul.
// BITLINEAR: %[[N:.*]] = yat.rms_norm %{{.*}}, %{{.*}} {epsilon = 9.99999993E-9 : f32}
// BITLINEAR: %[[W:.*]] = stablehlo.constant dense<{{.*}}> : tensor<16x16xf32>
// BITLINEAR: %[[P:.*]], %[[S:.*]] = yat.ternarize %[[W]] : (tensor<16x16xf32>) -> (tensor<16x4xi8>, tensor<f32>)
// BITLINEAR: yat.ternary_matmul %[[N]], %[[P]], %[[S]] : (tensor<2x8x16xf32>, tensor<16x4xi8>, tensor<f32>) -> tensor<2x8x16xf32>
// BITLINEAR-COUNT-11: yat.ternary_matmul
// BITLINEAR-NOT: yat.ternary_matmul
