// RUN: yat-opt %s -split-input-file -convert-yat-to-linalg | FileCheck %s

// GQA (4 query heads on 2 kv heads), causal, softmax, f16: q is viewed as
// B × Hkv × H/Hkv × Tq × D; the scores mask key j for query i when
// j > i + (Tk − Tq) = i + 2 with -inf; the softmax subtracts the row maximum;
// masked entries are forced to 0 after exp and after the division; p · v
// reads the kv head, and the f32 result is truncated once and collapsed back
// to B × H × Tq × Dv.

// CHECK-DAG: #[[ID5:.*]] = affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3, d4)>
// CHECK-DAG: #[[ROW5:.*]] = affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3)>
// CHECK-DAG: #[[KEYN:.*]] = affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d4)>
// CHECK-DAG: #[[QD:.*]] = affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d1, d2, d3, d5)>
// CHECK-DAG: #[[KD:.*]] = affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d1, d4, d5)>
// CHECK-DAG: #[[QK:.*]] = affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d1, d2, d3, d4)>
// CHECK-DAG: #[[VD:.*]] = affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d1, d5, d4)>
// CHECK-LABEL: func.func @attention_gqa_causal
// CHECK-SAME: (%[[Q:.*]]: tensor<2x4x3x8xf16>, %[[K:.*]]: tensor<2x2x5x8xf16>, %[[V:.*]]: tensor<2x2x5x6xf16>)
// CHECK: %[[QG:.*]] = tensor.expand_shape %[[Q]] {{\[}}[0], [1, 2], [3], [4]] output_shape [2, 2, 2, 3, 8] : tensor<2x4x3x8xf16> into tensor<2x2x2x3x8xf16>
// CHECK: %[[QN:.*]] = linalg.generic {{.*}} ins(%[[QG]] : tensor<2x2x2x3x8xf16>) outs(%{{.*}} : tensor<2x2x2x3xf32>)
// CHECK: %[[KN:.*]] = linalg.generic {{.*}} ins(%[[K]] : tensor<2x2x5x8xf16>) outs(%{{.*}} : tensor<2x2x5xf32>)
// CHECK: %[[DOT:.*]] = linalg.generic {indexing_maps = [#[[QD]], #[[KD]], #[[QK]]], iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel", "reduction"]}
// CHECK-SAME: ins(%[[QG]], %[[K]] : tensor<2x2x2x3x8xf16>, tensor<2x2x5x8xf16>) outs(%{{.*}} : tensor<2x2x2x3x5xf32>)
// CHECK: %[[OFFSET:.*]] = arith.constant 2 : index
// CHECK: %[[S:.*]] = linalg.generic {indexing_maps = [#[[ID5]], #[[ROW5]], #[[KEYN]], #[[ID5]]], iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel"]}
// CHECK-SAME: ins(%[[DOT]], %[[QN]], %[[KN]] : tensor<2x2x2x3x5xf32>, tensor<2x2x2x3xf32>, tensor<2x2x5xf32>)
// CHECK: arith.maximumf
// CHECK: arith.divf
// CHECK: %[[SCALE:.*]] = arith.constant 0.353553385 : f32
// CHECK: %[[SCORE:.*]] = arith.mulf %[[SCALE]], %{{.*}} : f32
// CHECK: %[[I:.*]] = linalg.index 3 : index
// CHECK: %[[J:.*]] = linalg.index 4 : index
// CHECK: %[[LAST:.*]] = arith.addi %[[I]], %[[OFFSET]] : index
// CHECK: %[[MASKED:.*]] = arith.cmpi sgt, %[[J]], %[[LAST]] : index
// CHECK: %[[NEGINF:.*]] = arith.constant 0xFF800000 : f32
// CHECK: arith.select %[[MASKED]], %[[NEGINF]], %[[SCORE]] : f32
// CHECK: %[[MAXINIT:.*]] = linalg.fill ins(%{{.*}} : f32) outs(%{{.*}} : tensor<2x2x2x3xf32>)
// CHECK: %[[MAX:.*]] = linalg.generic {indexing_maps = [#[[ID5]], #[[ROW5]]], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]}
// CHECK-SAME: ins(%[[S]] : tensor<2x2x2x3x5xf32>) outs(%[[MAXINIT]] : tensor<2x2x2x3xf32>)
// CHECK: arith.maximumf
// CHECK: %[[E:.*]] = linalg.generic {{.*}} ins(%[[S]], %[[MAX]] : tensor<2x2x2x3x5xf32>, tensor<2x2x2x3xf32>)
// CHECK: ^bb0(%[[SV:.*]]: f32, %[[MV:.*]]: f32, %{{.*}}: f32):
// CHECK: %[[SHIFTED:.*]] = arith.subf %[[SV]], %[[MV]] : f32
// CHECK: %[[EXP:.*]] = math.exp %[[SHIFTED]] : f32
// CHECK: %[[EMASK:.*]] = arith.cmpi sgt
// CHECK: arith.select %[[EMASK]], %{{.*}}, %[[EXP]] : f32
// CHECK: %[[SUM:.*]] = linalg.generic {{.*}} ins(%[[E]] : tensor<2x2x2x3x5xf32>) outs(%{{.*}} : tensor<2x2x2x3xf32>)
// CHECK: %[[P:.*]] = linalg.generic {{.*}} ins(%[[E]], %[[SUM]] : tensor<2x2x2x3x5xf32>, tensor<2x2x2x3xf32>)
// CHECK: %[[RATIO:.*]] = arith.divf
// CHECK: %[[PMASK:.*]] = arith.cmpi sgt
// CHECK: arith.select %[[PMASK]], %{{.*}}, %[[RATIO]] : f32
// CHECK: %[[OUT:.*]] = linalg.generic {indexing_maps = [#[[QD]], #[[VD]], #[[QK]]], iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel", "reduction"]}
// CHECK-SAME: ins(%[[P]], %[[V]] : tensor<2x2x2x3x5xf32>, tensor<2x2x5x6xf16>) outs(%{{.*}} : tensor<2x2x2x3x6xf32>)
// CHECK: arith.extf %{{.*}} : f16 to f32
// CHECK: %[[ROUNDED:.*]] = linalg.generic {{.*}} ins(%[[OUT]] : tensor<2x2x2x3x6xf32>) outs(%{{.*}} : tensor<2x2x2x3x6xf16>)
// CHECK: arith.truncf %{{.*}} : f32 to f16
// CHECK: %[[R:.*]] = tensor.collapse_shape %[[ROUNDED]] {{\[}}[0], [1, 2], [3], [4]] : tensor<2x2x2x3x6xf16> into tensor<2x4x3x6xf16>
// CHECK: return %[[R]] : tensor<2x4x3x6xf16>
func.func @attention_gqa_causal(%q: tensor<2x4x3x8xf16>, %k: tensor<2x2x5x8xf16>, %v: tensor<2x2x5x6xf16>) -> tensor<2x4x3x6xf16> {
  %y = yat.attention %q, %k, %v {causal} : (tensor<2x4x3x8xf16>, tensor<2x2x5x8xf16>, tensor<2x2x5x6xf16>) -> tensor<2x4x3x6xf16>
  return %y : tensor<2x4x3x6xf16>
}

// -----

// MHA, l1 normalization, explicit scale, f32: no head reshape, no mask, no
// exp; p = s / (Σ_j s + l1_epsilon).

// CHECK-DAG: #[[QD:.*]] = affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d4)>
// CHECK-DAG: #[[KD:.*]] = affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d3, d4)>
// CHECK-LABEL: func.func @attention_mha_l1
// CHECK-SAME: (%[[Q:.*]]: tensor<1x2x3x4xf32>, %[[K:.*]]: tensor<1x2x5x4xf32>, %[[V:.*]]: tensor<1x2x5x4xf32>)
// CHECK-NOT: tensor.expand_shape
// CHECK-NOT: linalg.index
// CHECK-NOT: math.exp
// CHECK: %[[DOT:.*]] = linalg.generic {indexing_maps = [#[[QD]], #[[KD]], #{{.*}}]
// CHECK-SAME: ins(%[[Q]], %[[K]] : tensor<1x2x3x4xf32>, tensor<1x2x5x4xf32>)
// CHECK: %[[S:.*]] = linalg.generic {{.*}} ins(%[[DOT]], %{{.*}}, %{{.*}} : tensor<1x2x3x5xf32>, tensor<1x2x3xf32>, tensor<1x2x5xf32>)
// CHECK: arith.constant 5.000000e-01 : f32
// CHECK: %[[SUM:.*]] = linalg.generic {{.*}} iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%[[S]] : tensor<1x2x3x5xf32>)
// CHECK: ^bb0(%[[SV:.*]]: f32, %[[ACC:.*]]: f32):
// CHECK: arith.addf %[[ACC]], %[[SV]] : f32
// CHECK: %[[P:.*]] = linalg.generic {{.*}} ins(%[[S]], %[[SUM]] : tensor<1x2x3x5xf32>, tensor<1x2x3xf32>)
// CHECK: ^bb0(%[[PS:.*]]: f32, %[[PSUM:.*]]: f32, %{{.*}}: f32):
// CHECK: %[[L1EPS:.*]] = arith.constant 1.000000e-03 : f32
// CHECK: %[[DEN:.*]] = arith.addf %[[PSUM]], %[[L1EPS]] : f32
// CHECK: %[[PV:.*]] = arith.divf %[[PS]], %[[DEN]] : f32
// CHECK-NEXT: linalg.yield %[[PV]] : f32
// CHECK: %[[OUT:.*]] = linalg.generic {{.*}} ins(%[[P]], %[[V]] : tensor<1x2x3x5xf32>, tensor<1x2x5x4xf32>)
// CHECK: return %[[OUT]] : tensor<1x2x3x4xf32>
func.func @attention_mha_l1(%q: tensor<1x2x3x4xf32>, %k: tensor<1x2x5x4xf32>, %v: tensor<1x2x5x4xf32>) -> tensor<1x2x3x4xf32> {
  %y = yat.attention %q, %k, %v {normalization = #yat.normalization<l1>, scale = 0.5 : f32, l1_epsilon = 1.0e-03 : f32}
      : (tensor<1x2x3x4xf32>, tensor<1x2x5x4xf32>, tensor<1x2x5x4xf32>) -> tensor<1x2x3x4xf32>
  return %y : tensor<1x2x3x4xf32>
}

// -----

// Causal l1: masked scores are 0 (they drop out of the row sum) and the
// probabilities of masked keys are forced to 0.

// CHECK-LABEL: func.func @attention_causal_l1
// CHECK: %[[S:.*]] = linalg.generic {{.*}} ins(%{{.*}}, %{{.*}}, %{{.*}} : tensor<1x1x4x4xf32>, tensor<1x1x4xf32>, tensor<1x1x4xf32>)
// CHECK: %[[MASKED:.*]] = arith.cmpi sgt
// CHECK: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK: arith.select %[[MASKED]], %[[ZERO]], %{{.*}} : f32
// CHECK: %[[SUM:.*]] = linalg.generic {{.*}} ins(%[[S]] : tensor<1x1x4x4xf32>)
// CHECK: linalg.generic {{.*}} ins(%[[S]], %[[SUM]] : tensor<1x1x4x4xf32>, tensor<1x1x4xf32>)
// CHECK: arith.divf
// CHECK: arith.cmpi sgt
// CHECK: arith.select
func.func @attention_causal_l1(%q: tensor<1x1x4x4xf32>, %k: tensor<1x1x4x4xf32>, %v: tensor<1x1x4x4xf32>) -> tensor<1x1x4x4xf32> {
  %y = yat.attention %q, %k, %v {causal, normalization = #yat.normalization<l1>}
      : (tensor<1x1x4x4xf32>, tensor<1x1x4x4xf32>, tensor<1x1x4x4xf32>) -> tensor<1x1x4x4xf32>
  return %y : tensor<1x1x4x4xf32>
}

// -----

// Dynamic shapes: the head group size is H / Hkv at run time, k and v are
// gathered to one copy per query head (tensor.extract at head h / group),
// and the causal offset is Tk − Tq from tensor.dim.

// CHECK-LABEL: func.func @attention_dynamic
// CHECK-SAME: (%[[Q:.*]]: tensor<?x?x?x?xf32>, %[[K:.*]]: tensor<?x?x?x?xf32>, %[[V:.*]]: tensor<?x?x?x?xf32>)
// CHECK: %[[C2:.*]] = arith.constant 2 : index
// CHECK-NEXT: %[[TQ:.*]] = tensor.dim %[[Q]], %[[C2]] : tensor<?x?x?x?xf32>
// CHECK-NEXT: %[[C2K:.*]] = arith.constant 2 : index
// CHECK-NEXT: %[[TK:.*]] = tensor.dim %[[K]], %[[C2K]] : tensor<?x?x?x?xf32>
// CHECK: %[[C1:.*]] = arith.constant 1 : index
// CHECK-NEXT: %[[H:.*]] = tensor.dim %[[Q]], %[[C1]] : tensor<?x?x?x?xf32>
// CHECK-NEXT: %[[C1K:.*]] = arith.constant 1 : index
// CHECK-NEXT: %[[HKV:.*]] = tensor.dim %[[K]], %[[C1K]] : tensor<?x?x?x?xf32>
// CHECK-NEXT: %[[GROUP:.*]] = arith.divui %[[H]], %[[HKV]] : index
// CHECK: %[[KREP:.*]] = linalg.generic {{.*}} outs(%{{.*}} : tensor<?x?x?x?xf32>)
// CHECK: %[[KH:.*]] = linalg.index 1 : index
// CHECK: %[[KVH:.*]] = arith.divui %[[KH]], %[[GROUP]] : index
// CHECK: tensor.extract %[[K]][%{{.*}}, %[[KVH]], %{{.*}}, %{{.*}}] : tensor<?x?x?x?xf32>
// CHECK: %[[VREP:.*]] = linalg.generic {{.*}} outs(%{{.*}} : tensor<?x?x?x?xf32>)
// CHECK: tensor.extract %[[V]]
// CHECK: %[[OFFSET:.*]] = arith.subi %[[TK]], %[[TQ]] : index
// CHECK: linalg.index 3 : index
// CHECK: arith.addi %{{.*}}, %[[OFFSET]] : index
// CHECK: linalg.generic {{.*}} ins(%{{.*}}, %[[VREP]] : tensor<?x?x?x?xf32>, tensor<?x?x?x?xf32>)
func.func @attention_dynamic(%q: tensor<?x?x?x?xf32>, %k: tensor<?x?x?x?xf32>, %v: tensor<?x?x?x?xf32>) -> tensor<?x?x?x?xf32> {
  %y = yat.attention %q, %k, %v {causal, scale = 0.5 : f32} : (tensor<?x?x?x?xf32>, tensor<?x?x?x?xf32>, tensor<?x?x?x?xf32>) -> tensor<?x?x?x?xf32>
  return %y : tensor<?x?x?x?xf32>
}
