// RUN: yat-opt %s -split-input-file -yat-fuse-epilogue="ops=recurrence workers=2" -canonicalize -cse | FileCheck %s --check-prefixes=CHECK,TWO
// RUN: yat-opt %s -split-input-file -yat-fuse-epilogue="ops=recurrence workers=4" -canonicalize -cse | FileCheck %s --check-prefix=FOUR
// RUN: yat-opt %s -split-input-file -yat-fuse-epilogue="ops=recurrence channel-tile=16" | FileCheck %s --check-prefix=TILE16
// RUN: not yat-opt %s -split-input-file -yat-fuse-epilogue="workers=-1" 2>&1 | FileCheck %s --check-prefix=NEGATIVE

// The MLGRU gates a = sigmoid(xf) and b = (1 - a) * xc are computed inside
// the step loop on the step's slices of xf and xc: no gate tensor is left
// outside the tile loop. With 2 batch rows for 2 workers, each tile takes
// all 40 channels; one generic per step updates the state and writes h.
// CHECK-LABEL: func.func @gates
// CHECK-SAME: (%[[XF:.*]]: tensor<2x5x40xf32>, %[[XC:.*]]: tensor<2x5x40xf32>)
// CHECK-NOT: linalg.generic
// CHECK: %[[TILES:.*]]:2 = scf.forall (%[[ROW:.*]]) in (2) shared_outs(%[[HS:.*]] = %{{.*}}, %[[LASTS:.*]] = %{{.*}})
// CHECK: %[[STEPS:.*]]:2 = scf.for %[[T:.*]] = %{{.*}} to %{{.*}} step %{{.*}} iter_args(%[[STATE:.*]] = %{{.*}}, %[[H:.*]] = %{{.*}})
// CHECK: %[[XFT:.*]] = tensor.extract_slice %[[XF]][%[[ROW]], %[[T]], 0] [1, 1, 40] [1, 1, 1]
// CHECK: %[[A:.*]] = linalg.generic {{.*}} ins(%[[XFT]] : tensor<1x1x40xf32>)
// CHECK: math.exp
// CHECK: %[[AS:.*]] = tensor.extract_slice %[[A]][0, 0, 0] [1, 1, 40] [1, 1, 1] : tensor<1x1x40xf32> to tensor<1x40xf32>
// CHECK: %[[XCT:.*]] = tensor.extract_slice %[[XC]][%[[ROW]], %[[T]], 0] [1, 1, 40] [1, 1, 1]
// CHECK: %[[B:.*]] = linalg.generic {{.*}} ins(%[[A]], %[[XCT]] : tensor<1x1x40xf32>, tensor<1x1x40xf32>)
// CHECK: %[[BS:.*]] = tensor.extract_slice %[[B]][0, 0, 0] [1, 1, 40] [1, 1, 1] : tensor<1x1x40xf32> to tensor<1x40xf32>
// CHECK: %[[HT:.*]] = tensor.extract_slice %[[H]][0, %[[T]], 0] [1, 1, 40] [1, 1, 1]
// CHECK: %[[NEXT:.*]]:2 = linalg.generic {{.*}} ins(%[[AS]], %[[BS]] : tensor<1x40xf32>, tensor<1x40xf32>) outs(%[[STATE]], %[[HT]] : tensor<1x40xf32>, tensor<1x40xf32>)
// CHECK: arith.mulf
// CHECK: arith.addf
// CHECK: %[[HN:.*]] = tensor.insert_slice %[[NEXT]]#1 into %[[H]][0, %[[T]], 0] [1, 1, 40] [1, 1, 1]
// CHECK: scf.yield %[[NEXT]]#0, %[[HN]]
// CHECK: tensor.parallel_insert_slice %[[STEPS]]#1 into %[[HS]][%[[ROW]], 0, 0] [1, 5, 40] [1, 1, 1]
// CHECK: tensor.parallel_insert_slice %[[STEPS]]#0 into %[[LASTS]][%[[ROW]], 0] [1, 40] [1, 1]
// CHECK-NOT: linalg.generic
// CHECK: return %[[TILES]]#0, %[[TILES]]#1
#id = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
func.func @gates(%xf: tensor<2x5x40xf32>, %xc: tensor<2x5x40xf32>) -> (tensor<2x5x40xf32>, tensor<2x40xf32>) {
  %e = tensor.empty() : tensor<2x5x40xf32>
  %f = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel"]} ins(%xf : tensor<2x5x40xf32>) outs(%e : tensor<2x5x40xf32>) {
  ^bb0(%in: f32, %out: f32):
    %one = arith.constant 1.0 : f32
    %n = arith.negf %in : f32
    %x = math.exp %n : f32
    %d = arith.addf %one, %x : f32
    %s = arith.divf %one, %d : f32
    linalg.yield %s : f32
  } -> tensor<2x5x40xf32>
  %b = linalg.generic {indexing_maps = [#id, #id, #id], iterator_types = ["parallel", "parallel", "parallel"]} ins(%f, %xc : tensor<2x5x40xf32>, tensor<2x5x40xf32>) outs(%e : tensor<2x5x40xf32>) {
  ^bb0(%in: f32, %c: f32, %out: f32):
    %one = arith.constant 1.0 : f32
    %g = arith.subf %one, %in : f32
    %r = arith.mulf %g, %c : f32
    linalg.yield %r : f32
  } -> tensor<2x5x40xf32>
  %h, %last = yat.linear_recurrence %f, %b : (tensor<2x5x40xf32>, tensor<2x5x40xf32>) -> (tensor<2x5x40xf32>, tensor<2x40xf32>)
  return %h, %last : tensor<2x5x40xf32>, tensor<2x40xf32>
}

// -----

// One batch row for 2 workers: the 64 channels are split in two blocks of
// 32 (whole vectors of 16). A matmul producer is not elementwise: it stays
// outside, and the steps read its slices. h0 is sliced like the state.
// CHECK-LABEL: func.func @split_channels
// CHECK-SAME: (%[[X:.*]]: tensor<6x8xf32>, %[[W:.*]]: tensor<8x64xf32>, %[[B:.*]]: tensor<1x6x64xf32>, %[[H0:.*]]: tensor<1x64xf32>)
// CHECK: %[[MM:.*]] = linalg.matmul
// CHECK: %[[A:.*]] = tensor.expand_shape %[[MM]]
// CHECK: scf.forall (%[[C:.*]]) = (0) to (64) step (32)
// CHECK: %[[H0T:.*]] = tensor.extract_slice %[[H0]][0, %[[C]]] [1, 32] [1, 1]
// CHECK: scf.for %[[T:.*]] = %{{.*}} to %{{.*}} step %{{.*}} iter_args(%{{.*}} = %[[H0T]],
// CHECK-DAG: tensor.extract_slice %[[A]][0, %[[T]], %[[C]]] [1, 1, 32] [1, 1, 1] : tensor<1x6x64xf32> to tensor<1x32xf32>
// CHECK-DAG: tensor.extract_slice %[[B]][0, %[[T]], %[[C]]] [1, 1, 32] [1, 1, 1] : tensor<1x6x64xf32> to tensor<1x32xf32>
// TILE16-LABEL: func.func @split_channels
// TILE16: scf.forall (%{{.*}}, %{{.*}}) = (0, 0) to (1, 64) step (1, 16)
func.func @split_channels(%x: tensor<6x8xf32>, %w: tensor<8x64xf32>, %b: tensor<1x6x64xf32>, %h0: tensor<1x64xf32>) -> tensor<1x6x64xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<6x64xf32>
  %z = linalg.fill ins(%zero : f32) outs(%e : tensor<6x64xf32>) -> tensor<6x64xf32>
  %mm = linalg.matmul ins(%x, %w : tensor<6x8xf32>, tensor<8x64xf32>) outs(%z : tensor<6x64xf32>) -> tensor<6x64xf32>
  %a = tensor.expand_shape %mm [[0, 1], [2]] output_shape [1, 6, 64] : tensor<6x64xf32> into tensor<1x6x64xf32>
  %h, %last = yat.linear_recurrence %a, %b, %h0 : (tensor<1x6x64xf32>, tensor<1x6x64xf32>, tensor<1x64xf32>) -> (tensor<1x6x64xf32>, tensor<1x64xf32>)
  return %h : tensor<1x6x64xf32>
}

// -----

// f64 and dynamic channel counts are left for convert-yat-to-linalg.
// CHECK-LABEL: func.func @left_alone
// CHECK: yat.linear_recurrence %{{.*}} : (tensor<1x4x8xf64>
// CHECK: yat.linear_recurrence %{{.*}} : (tensor<1x4x?xf32>
// NEGATIVE: error: yat-fuse-epilogue option 'workers' must not be negative, got -1
func.func @left_alone(%a: tensor<1x4x8xf64>, %b: tensor<1x4x?xf32>) -> (tensor<1x4x8xf64>, tensor<1x4x?xf32>) {
  %h, %last = yat.linear_recurrence %a, %a : (tensor<1x4x8xf64>, tensor<1x4x8xf64>) -> (tensor<1x4x8xf64>, tensor<1x8xf64>)
  %g, %glast = yat.linear_recurrence %b, %b : (tensor<1x4x?xf32>, tensor<1x4x?xf32>) -> (tensor<1x4x?xf32>, tensor<1x?xf32>)
  return %h, %g : tensor<1x4x8xf64>, tensor<1x4x?xf32>
}

// -----

// 256 steps over 16 channels for 4 workers: a two-pass scan over 4 chunks
// of 64 steps (reverse); for 2 workers, two chunks would not pay, and the
// one tile (folded away) scans all steps. (1) Each chunk's final state from zero, without
// states, and the product of its decays; (2) the state after each chunk
// from h0, scanning the chunks backward; (3) each chunk again from the
// state after the chunk that follows it (the last one from h0).
// CHECK-LABEL: func.func @chunked
// FOUR-LABEL: func.func @chunked
// TWO-NOT: tensor.expand_shape
// TWO: scf.for {{.*}} to %c256 step
// FOUR-SAME: (%[[A:.*]]: tensor<1x256x16xf32>, %[[B:.*]]: tensor<1x256x16xf32>, %[[H0:.*]]: tensor<1x16xf32>)
// FOUR: %[[AS:.*]] = tensor.expand_shape %[[A]] {{\[}}[0], [1, 2], [3]] output_shape [1, 4, 64, 16]
// FOUR: %[[AR:.*]] = tensor.collapse_shape %[[AS]] {{\[}}[0, 1], [2], [3]] : tensor<1x4x64x16xf32> into tensor<4x64x16xf32>
// FOUR: %[[BR:.*]] = tensor.collapse_shape
// FOUR: %[[ENDS:.*]] = scf.forall (%{{.*}}) in (4)
// FOUR: scf.for {{.*}} -> (tensor<1x16xf32>) {
// FOUR: %[[DECAYS:.*]] = linalg.generic {{.*}} iterator_types = ["parallel", "reduction", "parallel"]} ins(%[[AR]] : tensor<4x64x16xf32>)
// FOUR: arith.mulf
// FOUR: %[[P:.*]] = tensor.expand_shape %[[DECAYS]] {{\[}}[0, 1], [2]] output_shape [1, 4, 16]
// FOUR: %[[E:.*]] = tensor.expand_shape %[[ENDS]] {{\[}}[0, 1], [2]] output_shape [1, 4, 16]
// FOUR: %[[CARRIES:.*]]:2 = scf.for {{.*}} iter_args(%{{.*}} = %[[H0]], %{{.*}} = %{{.*}})
// FOUR: %[[FIRST:.*]] = tensor.insert_slice %{{.*}} into %{{.*}}[0, 3, 0] [1, 1, 16] [1, 1, 1]
// FOUR: %[[AFTER:.*]] = tensor.extract_slice %[[CARRIES]]#1[0, 1, 0] [1, 3, 16] [1, 1, 1]
// FOUR: %[[STARTS:.*]] = tensor.insert_slice %[[AFTER]] into %[[FIRST]][0, 0, 0] [1, 3, 16] [1, 1, 1]
// FOUR: %[[STARTROWS:.*]] = tensor.collapse_shape %[[STARTS]] {{\[}}[0, 1], [2]]
// FOUR: %[[H:.*]] = scf.forall (%[[ROW:.*]]) in (4)
// FOUR: tensor.extract_slice %[[STARTROWS]][%[[ROW]], 0] [1, 16] [1, 1]
// FOUR: %[[HS:.*]] = tensor.expand_shape %[[H]] {{\[}}[0, 1], [2], [3]] output_shape [1, 4, 64, 16]
// FOUR: %[[HR:.*]] = tensor.collapse_shape %[[HS]] {{\[}}[0], [1, 2], [3]] : tensor<1x4x64x16xf32> into tensor<1x256x16xf32>
// FOUR: return %[[HR]], %[[CARRIES]]#0
func.func @chunked(%a: tensor<1x256x16xf32>, %b: tensor<1x256x16xf32>, %h0: tensor<1x16xf32>) -> (tensor<1x256x16xf32>, tensor<1x16xf32>) {
  %h, %last = yat.linear_recurrence %a, %b, %h0 {reverse} : (tensor<1x256x16xf32>, tensor<1x256x16xf32>, tensor<1x16xf32>) -> (tensor<1x256x16xf32>, tensor<1x16xf32>)
  return %h, %last : tensor<1x256x16xf32>, tensor<1x16xf32>
}
