// REQUIRES: stablehlo
// The modules JAX exports for nmn's layers (scripts/export_jax_models.py)
// raise to yat ops, and none of the raised math is left behind.
//
// RUN: yat-opt %S/../../../examples/stablehlo/yat_nmn.mlir --yat-raise-stablehlo | FileCheck %s --check-prefix=NMN --implicit-check-not=stablehlo.dot_general --implicit-check-not=stablehlo.reduce --implicit-check-not=stablehlo.divide
// RUN: yat-opt %S/../../../examples/stablehlo/yat_nmn_nobias_sqrt2.mlir --yat-raise-stablehlo | FileCheck %s --check-prefix=NOBIAS --implicit-check-not=stablehlo.dot_general --implicit-check-not=stablehlo.reduce --implicit-check-not=stablehlo.divide
// RUN: yat-opt %S/../../../examples/stablehlo/yat_nmn_noalpha.mlir --yat-raise-stablehlo | FileCheck %s --check-prefix=NOALPHA --implicit-check-not=stablehlo.dot_general --implicit-check-not=stablehlo.reduce --implicit-check-not=stablehlo.multiply
// RUN: yat-opt %S/../../../examples/stablehlo/yat_nmn_f16.mlir --yat-raise-stablehlo | FileCheck %s --check-prefix=F16 --implicit-check-not=stablehlo.dot_general --implicit-check-not=stablehlo.reduce --implicit-check-not=stablehlo.multiply
// RUN: yat-opt %S/../../../examples/stablehlo/yat_conv1d.mlir --yat-raise-stablehlo | FileCheck %s --check-prefix=CONV1D --implicit-check-not=stablehlo.convolution --implicit-check-not=stablehlo.reduce --implicit-check-not=stablehlo.multiply
// RUN: yat-opt %S/../../../examples/stablehlo/yat_conv2d.mlir --yat-raise-stablehlo | FileCheck %s --check-prefix=CONV2D --implicit-check-not=stablehlo.convolution --implicit-check-not=stablehlo.reduce --implicit-check-not=stablehlo.divide
// RUN: yat-opt %S/../../../examples/stablehlo/yat_conv1d_grouped.mlir --yat-raise-stablehlo | FileCheck %s --check-prefix=GROUPED --implicit-check-not=stablehlo.convolution --implicit-check-not=stablehlo.reduce --implicit-check-not=stablehlo.reshape
// RUN: yat-opt %S/../../../examples/stablehlo/yat_attention.mlir --yat-raise-stablehlo | FileCheck %s --check-prefix=ATTN --implicit-check-not=stablehlo.dot_general --implicit-check-not=stablehlo.reduce --implicit-check-not=stablehlo.exponential
// RUN: yat-opt %S/../../../examples/stablehlo/yat_attention_causal.mlir --yat-raise-stablehlo | FileCheck %s --check-prefix=CAUSAL --implicit-check-not=stablehlo.dot_general --implicit-check-not=stablehlo.reduce --implicit-check-not=stablehlo.select --implicit-check-not=stablehlo.iota
// RUN: yat-opt %S/../../../examples/stablehlo/yat_attention_l1_causal.mlir --yat-raise-stablehlo | FileCheck %s --check-prefix=L1 --implicit-check-not=stablehlo.dot_general --implicit-check-not=stablehlo.reduce --implicit-check-not=stablehlo.select
// RUN: yat-opt %S/../../../examples/stablehlo/rms_norm.mlir --yat-raise-stablehlo | FileCheck %s --check-prefix=RMS --implicit-check-not=stablehlo.reduce --implicit-check-not=stablehlo.rsqrt --implicit-check-not=stablehlo.multiply
// RUN: yat-opt %S/../../../examples/stablehlo/rms_norm_m3za.mlir --yat-raise-stablehlo | FileCheck %s --check-prefix=M3ZA --implicit-check-not=stablehlo.reduce --implicit-check-not=stablehlo.rsqrt --implicit-check-not=stablehlo.multiply
// RUN: yat-opt %S/../../../examples/stablehlo/nmn_mlp.mlir --yat-raise-stablehlo | FileCheck %s --check-prefix=MLP --implicit-check-not=stablehlo.dot_general --implicit-check-not=stablehlo.reduce --implicit-check-not=stablehlo.multiply
// RUN: yat-opt %S/../../../examples/stablehlo/linear_scan.mlir --yat-raise-stablehlo | FileCheck %s --check-prefix=SCAN --implicit-check-not=stablehlo.while --implicit-check-not=stablehlo.dynamic_slice
// RUN: yat-opt %S/../../../examples/stablehlo/mlgru_scan.mlir --yat-raise-stablehlo | FileCheck %s --check-prefix=MLGRU --implicit-check-not=stablehlo.while --implicit-check-not=stablehlo.dynamic_update_slice
// RUN: yat-opt %S/../../../examples/stablehlo/associative_scan.mlir --yat-raise-stablehlo | FileCheck %s --check-prefix=ASSOC --implicit-check-not=stablehlo.pad --implicit-check-not=stablehlo.concatenate --implicit-check-not=stablehlo.slice
// RUN: yat-opt %S/../../../examples/stablehlo/associative_scan_axis1.mlir --yat-raise-stablehlo | FileCheck %s --check-prefix=ASSOC1 --implicit-check-not=stablehlo.pad --implicit-check-not=stablehlo.concatenate --implicit-check-not=stablehlo.slice
// RUN: yat-opt %S/../../../examples/stablehlo/aether_block.mlir --yat-raise-stablehlo | FileCheck %s --check-prefix=AETHER --implicit-check-not=stablehlo.dot_general --implicit-check-not=stablehlo.reduce --implicit-check-not=stablehlo.rsqrt --implicit-check-not=stablehlo.multiply

// YatNMN with bias and a learnable alpha: the [K, N] kernel is transposed,
// alpha stays a multiply of the result.
// NMN-LABEL: func.func public @main
// NMN-SAME: (%[[X:.*]]: tensor<3x8xf32>, %[[ALPHA:.*]]: tensor<1xf32>, %[[B:.*]]: tensor<6xf32>, %[[W:.*]]: tensor<8x6xf32>)
// NMN: %[[A1:.*]] = stablehlo.broadcast_in_dim %[[ALPHA]], dims = [1]
// NMN: %[[A:.*]] = stablehlo.broadcast_in_dim %[[A1]], dims = [0, 1] : (tensor<1x1xf32>) -> tensor<3x6xf32>
// NMN: %[[WT:.*]] = stablehlo.transpose %[[W]], dims = [1, 0] : (tensor<8x6xf32>) -> tensor<6x8xf32>
// NMN: %[[Y:.*]] = yat.product %[[X]], %[[WT]], %[[B]] : (tensor<3x8xf32>, tensor<6x8xf32>, tensor<6xf32>) -> tensor<3x6xf32>
// NMN: %[[R:.*]] = stablehlo.multiply %[[A]], %[[Y]] : tensor<3x6xf32>
// NMN: return %[[R]]

// No bias, epsilon 1e-3, a rank-3 input; nmn's sqrt(2) is an argument.
// NOBIAS-LABEL: func.func public @main
// NOBIAS-SAME: (%[[X:.*]]: tensor<2x3x8xf32>, %[[ALPHA:.*]]: tensor<f32>, %[[W:.*]]: tensor<8x5xf32>)
// NOBIAS: %[[WT:.*]] = stablehlo.transpose %[[W]], dims = [1, 0]
// NOBIAS: %[[Y:.*]] = yat.product %[[X]], %[[WT]] {epsilon = 1.000000e-03 : f32} : (tensor<2x3x8xf32>, tensor<5x8xf32>) -> tensor<2x3x5xf32>
// NOBIAS: stablehlo.multiply %{{.*}}, %[[Y]]

// No alpha (nmn multiplies by a constant 1): nothing multiplies the result.
// NOALPHA-LABEL: func.func public @main
// NOALPHA-SAME: (%[[X:.*]]: tensor<4x6xf32>, %[[B:.*]]: tensor<4xf32>, %[[W:.*]]: tensor<6x4xf32>)
// NOALPHA: %[[WT:.*]] = stablehlo.transpose %[[W]], dims = [1, 0]
// NOALPHA: %[[Y:.*]] = yat.product %[[X]], %[[WT]], %[[B]] {epsilon = 9.99999974E-5 : f32}
// NOALPHA: return %[[Y]]

// f16 parameters: nmn's converts to f32 stay around the f32 yat.product, a
// constant alpha 1.5 becomes the attribute.
// F16-LABEL: func.func public @main
// F16-SAME: (%[[X:.*]]: tensor<3x8xf16>, %[[B:.*]]: tensor<4xf16>, %[[W:.*]]: tensor<8x4xf16>)
// F16-DAG: %[[X32:.*]] = stablehlo.convert %[[X]] : (tensor<3x8xf16>) -> tensor<3x8xf32>
// F16-DAG: %[[W32:.*]] = stablehlo.convert %[[W]] : (tensor<8x4xf16>) -> tensor<8x4xf32>
// F16-DAG: %[[B32:.*]] = stablehlo.convert %[[B]] : (tensor<4xf16>) -> tensor<4xf32>
// F16: %[[WT:.*]] = stablehlo.transpose %[[W32]], dims = [1, 0]
// F16: %[[Y:.*]] = yat.product %[[X32]], %[[WT]], %[[B32]] {alpha = 1.500000e+00 : f32} : (tensor<3x8xf32>, tensor<4x8xf32>, tensor<4xf32>) -> tensor<3x4xf32>
// F16: %[[Y16:.*]] = stablehlo.convert %[[Y]] : (tensor<3x4xf32>) -> tensor<3x4xf16>
// F16: return %[[Y16]]

// 1-D YatConv, SAME padding, alpha sqrt(2) as a constant.
// CONV1D-LABEL: func.func public @main
// CONV1D-SAME: (%[[X:.*]]: tensor<2x9x3xf32>, %[[F:.*]]: tensor<3x3x4xf32>)
// CONV1D: %[[Y:.*]] = yat.conv %[[X]], %[[F]] {alpha = 1.41421354 : f32, padding = array<i64: 1, 1>} : (tensor<2x9x3xf32>, tensor<3x3x4xf32>) -> tensor<2x9x4xf32>
// CONV1D: return %[[Y]]

// 2-D YatConv, stride 2, padding 1, bias, learnable alpha.
// CONV2D-LABEL: func.func public @main
// CONV2D-SAME: (%[[X:.*]]: tensor<2x7x7x3xf32>, %[[ALPHA:.*]]: tensor<1xf32>, %[[B:.*]]: tensor<4xf32>, %[[F:.*]]: tensor<3x3x3x4xf32>)
// CONV2D: %[[Y:.*]] = yat.conv %[[X]], %[[F]], %[[B]] {padding = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>} : (tensor<2x7x7x3xf32>, tensor<3x3x3x4xf32>, tensor<4xf32>) -> tensor<2x4x4x4xf32>
// CONV2D: stablehlo.multiply %{{.*}}, %[[Y]] : tensor<2x4x4x4xf32>

// YatConv with two feature groups: nmn repeats each group's patch norm
// along the group's filters (broadcast + reshape).
// GROUPED-LABEL: func.func public @main
// GROUPED-SAME: (%[[X:.*]]: tensor<2x8x4xf32>, %[[B:.*]]: tensor<6xf32>, %[[F:.*]]: tensor<3x2x6xf32>)
// GROUPED: %[[Y:.*]] = yat.conv %[[X]], %[[F]], %[[B]] {epsilon = 9.99999974E-5 : f32, groups = 2 : i64} : (tensor<2x8x4xf32>, tensor<3x2x6xf32>, tensor<6xf32>) -> tensor<2x6x6xf32>
// GROUPED: return %[[Y]]

// nmn's yat_attention on [B, T, H, D]: transposes to [B, H, T, D] and
// back; nmn's 1/sqrt(d) is yat's default scale.
// ATTN-LABEL: func.func public @main
// ATTN-SAME: (%[[Q:.*]]: tensor<2x5x2x8xf32>, %[[K:.*]]: tensor<2x5x2x8xf32>, %[[V:.*]]: tensor<2x5x2x8xf32>)
// ATTN: %[[QT:.*]] = stablehlo.transpose %[[Q]], dims = [0, 2, 1, 3] : (tensor<2x5x2x8xf32>) -> tensor<2x2x5x8xf32>
// ATTN: %[[KT:.*]] = stablehlo.transpose %[[K]], dims = [0, 2, 1, 3]
// ATTN: %[[VT:.*]] = stablehlo.transpose %[[V]], dims = [0, 2, 1, 3]
// ATTN: %[[O:.*]] = yat.attention %[[QT]], %[[KT]], %[[VT]] : (tensor<2x2x5x8xf32>, tensor<2x2x5x8xf32>, tensor<2x2x5x8xf32>) -> tensor<2x2x5x8xf32>
// ATTN: %[[R:.*]] = stablehlo.transpose %[[O]], dims = [0, 2, 1, 3] : (tensor<2x2x5x8xf32>) -> tensor<2x5x2x8xf32>
// ATTN: return %[[R]]

// With make_causal_mask: the iota/compare mask, the selects with the f32
// minimum and nmn's all-rows-have-a-key select are gone; `causal` is set.
// CAUSAL-LABEL: func.func public @main
// CAUSAL: %[[O:.*]] = yat.attention %{{.*}}, %{{.*}}, %{{.*}} {causal} : (tensor<2x2x5x8xf32>, tensor<2x2x5x8xf32>, tensor<2x2x5x8xf32>) -> tensor<2x2x5x8xf32>
// CAUSAL: %[[R:.*]] = stablehlo.transpose %[[O]], dims = [0, 2, 1, 3]
// CAUSAL: return %[[R]]

// normalization="l1" with the causal mask: masked scores are zeroed,
// p = s / (Σ s + epsilon).
// L1-LABEL: func.func public @main
// L1: %[[O:.*]] = yat.attention %{{.*}}, %{{.*}}, %{{.*}} {causal, l1_epsilon = 9.99999974E-6 : f32, normalization = #yat.normalization<l1>} : (tensor<1x2x4x8xf32>, tensor<1x2x4x8xf32>, tensor<1x2x4x8xf32>) -> tensor<1x2x4x8xf32>
// L1: %[[R:.*]] = stablehlo.transpose %[[O]], dims = [0, 2, 1, 3]
// L1: return %[[R]]

// flax's nnx.RMSNorm (it subtracts a zero mean first).
// RMS-LABEL: func.func public @main
// RMS-SAME: (%[[X:.*]]: tensor<3x8xf32>, %[[G:.*]]: tensor<8xf32>)
// RMS: %[[Y:.*]] = yat.rms_norm %[[X]], %[[G]] : (tensor<3x8xf32>, tensor<8xf32>) -> tensor<3x8xf32>
// RMS: return %[[Y]]

// nmn's m3za RMSNorm on a rank-3 input, epsilon 1e-5.
// M3ZA-LABEL: func.func public @main
// M3ZA-SAME: (%[[X:.*]]: tensor<2x4x8xf32>, %[[G:.*]]: tensor<8xf32>)
// M3ZA: %[[Y:.*]] = yat.rms_norm %[[X]], %[[G]] {epsilon = 9.99999974E-6 : f32} : (tensor<2x4x8xf32>, tensor<8xf32>) -> tensor<2x4x8xf32>
// M3ZA: return %[[Y]]

// Two YatNMN layers with constant weights: the learnable alpha baked in
// as a constant folds into the attribute.
// MLP-LABEL: func.func public @main
// MLP-SAME: (%[[X:.*]]: tensor<4x8xf32>)
// MLP: %[[H:.*]] = yat.product %[[X]], %{{.*}}, %{{.*}} {alpha = 1.17763484 : f32} : (tensor<4x8xf32>, tensor<16x8xf32>, tensor<16xf32>) -> tensor<4x16xf32>
// MLP: %[[Y:.*]] = yat.product %[[H]], %{{.*}}, %{{.*}} {alpha = 1.41421354 : f32} : (tensor<4x16xf32>, tensor<4x16xf32>, tensor<4xf32>) -> tensor<4x4xf32>
// MLP: return %[[Y]]

// The Aether-style block x + YatNMN(RMSNorm(YatNMN(x))).
// AETHER-LABEL: func.func public @main
// AETHER-SAME: (%[[X:.*]]: tensor<3x8xf32>)
// AETHER: %[[UP:.*]] = yat.product %[[X]], %{{.*}}, %{{.*}} {alpha = 1.41421354 : f32} : (tensor<3x8xf32>, tensor<16x8xf32>, tensor<16xf32>) -> tensor<3x16xf32>
// AETHER: %[[N:.*]] = yat.rms_norm %[[UP]], %{{.*}} : (tensor<3x16xf32>, tensor<16xf32>) -> tensor<3x16xf32>
// AETHER: %[[DOWN:.*]] = yat.product %[[N]], %{{.*}} {alpha = 1.41421354 : f32} : (tensor<3x16xf32>, tensor<8x16xf32>) -> tensor<3x8xf32>
// AETHER: %[[R:.*]] = stablehlo.add %[[X]], %[[DOWN]]
// AETHER: return %[[R]]

// jax.lax.scan over time-major [9, 2, 5] sequences from h0: the loop is one
// recurrence on the [2, 9, 5] views; its states go back to [9, 2, 5].
// SCAN-LABEL: func.func public @main
// SCAN-SAME: (%[[A:.*]]: tensor<9x2x5xf32>, %[[B:.*]]: tensor<9x2x5xf32>, %[[H0:.*]]: tensor<2x5xf32>)
// SCAN: %[[AT:.*]] = stablehlo.transpose %[[A]], dims = [1, 0, 2]
// SCAN: %[[BT:.*]] = stablehlo.transpose %[[B]], dims = [1, 0, 2]
// SCAN: %[[H:.*]], %{{.*}} = yat.linear_recurrence %[[AT]], %[[BT]], %[[H0]] : (tensor<2x9x5xf32>, tensor<2x9x5xf32>, tensor<2x5xf32>)
// SCAN: %[[HT:.*]] = stablehlo.transpose %[[H]], dims = [1, 0, 2] : (tensor<2x9x5xf32>) -> tensor<9x2x5xf32>
// SCAN: return %[[HT]]

// The MLGRU's reversed lax.scan (JAX indexes row (T - i) - 1) on the gates
// swapped to time-major: the swaps cancel, so the recurrence reads the
// gates in their [B, T, D] layout; its final state is used too.
// MLGRU-LABEL: func.func public @main
// MLGRU: stablehlo.exponential
// MLGRU: %[[H:.*]], %[[LAST:.*]] = yat.linear_recurrence %{{.*}}, %{{.*}}, %{{.*}} {reverse} : (tensor<2x7x6xf32>, tensor<2x7x6xf32>, tensor<2x6xf32>) -> (tensor<2x7x6xf32>, tensor<2x6xf32>)
// MLGRU: stablehlo.broadcast_in_dim %[[LAST]], dims = [0, 2]

// jax.lax.associative_scan over the 5 steps of [5, 3] sequences (odd
// length): the unrolled odd/even tree is one recurrence on [1, 5, 3] views
// from a zero state.
// ASSOC-LABEL: func.func public @main
// ASSOC-SAME: (%[[A:.*]]: tensor<5x3xf32>, %[[B:.*]]: tensor<5x3xf32>)
// ASSOC: %[[A3:.*]] = stablehlo.reshape %[[A]] : (tensor<5x3xf32>) -> tensor<1x5x3xf32>
// ASSOC: %[[B3:.*]] = stablehlo.reshape %[[B]] : (tensor<5x3xf32>) -> tensor<1x5x3xf32>
// ASSOC: %[[H:.*]], %{{.*}} = yat.linear_recurrence %[[A3]], %[[B3]] : (tensor<1x5x3xf32>, tensor<1x5x3xf32>) -> (tensor<1x5x3xf32>, tensor<1x3xf32>)
// ASSOC: %[[R:.*]] = stablehlo.reshape %[[H]] : (tensor<1x5x3xf32>) -> tensor<5x3xf32>
// ASSOC: return %[[R]]

// Along axis 1 of [2, 8, 4]: already the [B, T, D] layout.
// ASSOC1-LABEL: func.func public @main
// ASSOC1-SAME: (%[[A:.*]]: tensor<2x8x4xf32>, %[[B:.*]]: tensor<2x8x4xf32>)
// ASSOC1: %[[H:.*]], %{{.*}} = yat.linear_recurrence %[[A]], %[[B]] : (tensor<2x8x4xf32>, tensor<2x8x4xf32>)
// ASSOC1: return %[[H]]
