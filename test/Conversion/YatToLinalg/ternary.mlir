// RUN: yat-opt %s -split-input-file -convert-yat-to-linalg | FileCheck %s

// ternarize with a dynamic K: Σ|w| per row then over the rows, the absmean
// scale max(Σ|w| / (N·K), 1e-5) as a 0-d generic, and the packing generic
// over N × K/4 × 4: w / scale rounded half to even, clamped to [-1, 1],
// converted to i8, its 2-bit code shifted to bits 2i and ORed into the byte.

// CHECK-DAG: #[[W3:.*]] = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
// CHECK-DAG: #[[SCALAR3:.*]] = affine_map<(d0, d1, d2) -> ()>
// CHECK-DAG: #[[BYTE:.*]] = affine_map<(d0, d1, d2) -> (d0, d1)>
// CHECK-LABEL: func.func @ternarize
// CHECK-SAME: (%[[W:.*]]: tensor<4x?xf32>)
// CHECK: %[[K:.*]] = tensor.dim %[[W]], %{{.*}} : tensor<4x?xf32>
// CHECK: %[[ROWS:.*]] = linalg.generic {{.*}} iterator_types = ["parallel", "reduction"]} ins(%[[W]] : tensor<4x?xf32>) outs(%{{.*}} : tensor<4xf32>)
// CHECK: %[[ABS:.*]] = math.absf %{{.*}} : f32
// CHECK: arith.addf %{{.*}}, %[[ABS]] : f32
// CHECK: %[[TOTAL:.*]] = linalg.generic {{.*}} iterator_types = ["reduction"]} ins(%[[ROWS]] : tensor<4xf32>) outs(%{{.*}} : tensor<f32>)
// CHECK: %[[N:.*]] = arith.constant 4.000000e+00 : f32
// CHECK: %[[KI:.*]] = arith.index_castui %[[K]] : index to i64
// CHECK: %[[KF:.*]] = arith.uitofp %[[KI]] : i64 to f32
// CHECK: %[[COUNT:.*]] = arith.mulf %[[N]], %[[KF]] : f32
// CHECK: %[[SCALE:.*]] = linalg.generic {{.*}} iterator_types = []} ins(%[[TOTAL]] : tensor<f32>) outs(%{{.*}} : tensor<f32>)
// CHECK: %[[MEAN:.*]] = arith.divf %{{.*}}, %[[COUNT]] : f32
// CHECK: %[[FLOOR:.*]] = arith.constant 9.99999974E-6 : f32
// CHECK: %[[S:.*]] = arith.maximumf %[[MEAN]], %[[FLOOR]] : f32
// CHECK: linalg.yield %[[S]] : f32
// CHECK: %[[C4:.*]] = arith.constant 4 : index
// CHECK: %[[KBYTES:.*]] = arith.divui %[[K]], %[[C4]] : index
// CHECK: %[[WG:.*]] = tensor.expand_shape %[[W]] {{\[}}[0], [1, 2]] output_shape [4, %[[KBYTES]], 4] : tensor<4x?xf32> into tensor<4x?x4xf32>
// CHECK: %[[ZEROS:.*]] = linalg.fill ins(%{{.*}} : i8) outs(%{{.*}} : tensor<4x?xi8>)
// CHECK: %[[PACKED:.*]] = linalg.generic {indexing_maps = [#[[W3]], #[[SCALAR3]], #[[BYTE]]], iterator_types = ["parallel", "parallel", "reduction"]}
// CHECK-SAME: ins(%[[WG]], %[[SCALE]] : tensor<4x?x4xf32>, tensor<f32>) outs(%[[ZEROS]] : tensor<4x?xi8>)
// CHECK: ^bb0(%[[WV:.*]]: f32, %[[SV:.*]]: f32, %[[BYTEV:.*]]: i8):
// CHECK: %[[RATIO:.*]] = arith.divf %[[WV]], %[[SV]] : f32
// CHECK: %[[ROUND:.*]] = math.roundeven %[[RATIO]] : f32
// CHECK: %[[LO:.*]] = arith.maxnumf %[[ROUND]], %{{.*}} : f32
// CHECK: %[[CLAMPED:.*]] = arith.minnumf %[[LO]], %{{.*}} : f32
// CHECK: %[[T:.*]] = arith.fptosi %[[CLAMPED]] : f32 to i8
// CHECK: %[[THREE:.*]] = arith.constant 3 : i8
// CHECK: %[[CODE:.*]] = arith.andi %[[T]], %[[THREE]] : i8
// CHECK: %[[I:.*]] = linalg.index 2 : index
// CHECK: %[[I8:.*]] = arith.index_cast %[[I]] : index to i8
// CHECK: %[[SHIFT:.*]] = arith.muli %[[I8]], %{{.*}} : i8
// CHECK: %[[PLACED:.*]] = arith.shli %[[CODE]], %[[SHIFT]] : i8
// CHECK: %[[OR:.*]] = arith.ori %[[BYTEV]], %[[PLACED]] : i8
// CHECK: linalg.yield %[[OR]] : i8
// CHECK: return %[[PACKED]], %[[SCALE]] : tensor<4x?xi8>, tensor<f32>
func.func @ternarize(%w: tensor<4x?xf32>) -> (tensor<4x?xi8>, tensor<f32>) {
  %p, %s = yat.ternarize %w : (tensor<4x?xf32>) -> (tensor<4x?xi8>, tensor<f32>)
  return %p, %s : tensor<4x?xi8>, tensor<f32>
}

// -----

// An f16 weight is extended before |w| and before the division.

// CHECK-LABEL: func.func @ternarize_f16
// CHECK: arith.extf %{{.*}} : f16 to f32
// CHECK: math.absf
// CHECK: linalg.generic {{.*}} ins(%{{.*}}, %{{.*}} : tensor<2x2x4xf16>, tensor<f32>)
// CHECK: %[[WE:.*]] = arith.extf %{{.*}} : f16 to f32
// CHECK: arith.divf %[[WE]], %{{.*}} : f32
func.func @ternarize_f16(%w: tensor<2x8xf16>) -> (tensor<2x2xi8>, tensor<f32>) {
  %p, %s = yat.ternarize %w : (tensor<2x8xf16>) -> (tensor<2x2xi8>, tensor<f32>)
  return %p, %s : tensor<2x2xi8>, tensor<f32>
}

// -----

// activation_bits = 8 (default) with a per-channel scale: the 2-bit codes are
// unpacked by shifting them to the top of the byte and arithmetic-shifting
// back; x is quantized per row by 127 / max(absmax, 1e-5) to i8; a
// linalg.matmul on i8 operands accumulates in i32; the epilogue computes
// acc · scale[n] / sx[m].

// CHECK-DAG: #[[PK:.*]] = affine_map<(d0, d1, d2) -> (d0, d1)>
// CHECK-DAG: #[[MK:.*]] = affine_map<(d0, d1, d2) -> (d0, d2)>
// CHECK-DAG: #[[NK:.*]] = affine_map<(d0, d1, d2) -> (d1, d2)>
// CHECK-DAG: #[[ID:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[ROW:.*]] = affine_map<(d0, d1) -> (d0)>
// CHECK-DAG: #[[COL:.*]] = affine_map<(d0, d1) -> (d1)>
// CHECK-LABEL: func.func @ternary_matmul_int8
// CHECK-SAME: (%[[X:.*]]: tensor<3x16xf32>, %[[P:.*]]: tensor<5x4xi8>, %[[S:.*]]: tensor<5xf32>)
// CHECK: %[[CODES:.*]] = linalg.generic {{.*}} ins(%[[P]] : tensor<5x4xi8>) outs(%{{.*}} : tensor<5x4x4xi8>)
// CHECK: %[[I:.*]] = linalg.index 2 : index
// CHECK: %[[I8:.*]] = arith.index_cast %[[I]] : index to i8
// CHECK: %[[SIX:.*]] = arith.constant 6 : i8
// CHECK: %[[TWOI:.*]] = arith.muli %[[I8]], %{{.*}} : i8
// CHECK: %[[LEFT:.*]] = arith.subi %[[SIX]], %[[TWOI]] : i8
// CHECK: %[[TOP:.*]] = arith.shli %{{.*}}, %[[LEFT]] : i8
// CHECK: %[[T:.*]] = arith.shrsi %[[TOP]], %{{.*}} : i8
// CHECK: linalg.yield %[[T]] : i8
// CHECK: %[[TW:.*]] = tensor.collapse_shape %[[CODES]] {{\[}}[0], [1, 2]] : tensor<5x4x4xi8> into tensor<5x16xi8>
// CHECK: %[[AMAX:.*]] = linalg.generic {indexing_maps = [#[[ID]], #[[ROW]]], iterator_types = ["parallel", "reduction"]} ins(%[[X]] : tensor<3x16xf32>)
// CHECK: math.absf
// CHECK: arith.maximumf
// CHECK: %[[SX:.*]] = linalg.generic {{.*}} ins(%[[AMAX]] : tensor<3xf32>) outs(%{{.*}} : tensor<3xf32>)
// CHECK: %[[FLOORED:.*]] = arith.maximumf
// CHECK: %[[C127:.*]] = arith.constant 1.270000e+02 : f32
// CHECK: arith.divf %[[C127]], %[[FLOORED]] : f32
// CHECK: %[[Q:.*]] = linalg.generic {{.*}} ins(%[[X]], %[[SX]] : tensor<3x16xf32>, tensor<3xf32>) outs(%{{.*}} : tensor<3x16xi8>)
// CHECK: %[[SCALED:.*]] = arith.mulf
// CHECK: %[[ROUND:.*]] = math.roundeven %[[SCALED]] : f32
// CHECK: arith.constant -1.280000e+02 : f32
// CHECK: arith.maxnumf %[[ROUND]]
// CHECK: arith.constant 1.270000e+02 : f32
// CHECK: arith.minnumf
// CHECK: arith.fptosi %{{.*}} : f32 to i8
// CHECK: %[[ZERO:.*]] = linalg.fill ins(%{{.*}} : i32) outs(%{{.*}} : tensor<3x5xi32>)
// CHECK: %[[ACC:.*]] = linalg.matmul indexing_maps = [#[[MK]], #[[NK]], #[[PK]]] ins(%[[Q]], %[[TW]] : tensor<3x16xi8>, tensor<5x16xi8>) outs(%[[ZERO]] : tensor<3x5xi32>)
// CHECK: %[[Y:.*]] = linalg.generic {indexing_maps = [#[[ID]], #[[COL]], #[[ROW]], #[[ID]]], iterator_types = ["parallel", "parallel"]}
// CHECK-SAME: ins(%[[ACC]], %[[S]], %[[SX]] : tensor<3x5xi32>, tensor<5xf32>, tensor<3xf32>)
// CHECK: ^bb0(%[[AV:.*]]: i32, %[[SV:.*]]: f32, %[[SXV:.*]]: f32, %{{.*}}: f32):
// CHECK: %[[AF:.*]] = arith.sitofp %[[AV]] : i32 to f32
// CHECK: %[[WS:.*]] = arith.mulf %[[AF]], %[[SV]] : f32
// CHECK: %[[YV:.*]] = arith.divf %[[WS]], %[[SXV]] : f32
// CHECK: linalg.yield %[[YV]] : f32
// CHECK: return %[[Y]] : tensor<3x5xf32>
func.func @ternary_matmul_int8(%x: tensor<3x16xf32>, %p: tensor<5x4xi8>, %s: tensor<5xf32>) -> tensor<3x5xf32> {
  %y = yat.ternary_matmul %x, %p, %s : (tensor<3x16xf32>, tensor<5x4xi8>, tensor<5xf32>) -> tensor<3x5xf32>
  return %y : tensor<3x5xf32>
}

// -----

// activation_bits = 0, a per-tensor scale and f16 x with batch dims: the
// codes are converted to f32, the contraction keeps the batch dims and
// extends x, and the epilogue multiplies by the 0-d scale and truncates.

// CHECK-DAG: #[[SCALAR:.*]] = affine_map<(d0, d1, d2) -> ()>
// CHECK-DAG: #[[XMAP:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d3)>
// CHECK-DAG: #[[WMAP:.*]] = affine_map<(d0, d1, d2, d3) -> (d2, d3)>
// CHECK-LABEL: func.func @ternary_matmul_float
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x8xf16>, %[[P:.*]]: tensor<4x2xi8>, %[[S:.*]]: tensor<f32>)
// CHECK: linalg.generic {{.*}} ins(%[[P]] : tensor<4x2xi8>) outs(%{{.*}} : tensor<4x2x4xf32>)
// CHECK: arith.shrsi
// CHECK: arith.sitofp %{{.*}} : i8 to f32
// CHECK: %[[TW:.*]] = tensor.collapse_shape %{{.*}} : tensor<4x2x4xf32> into tensor<4x8xf32>
// CHECK-NOT: math.roundeven
// CHECK: %[[DOT:.*]] = linalg.generic {indexing_maps = [#[[XMAP]], #[[WMAP]], #{{.*}}], iterator_types = ["parallel", "parallel", "parallel", "reduction"]}
// CHECK-SAME: ins(%[[X]], %[[TW]] : tensor<2x3x8xf16>, tensor<4x8xf32>) outs(%{{.*}} : tensor<2x3x4xf32>)
// CHECK: arith.extf %{{.*}} : f16 to f32
// CHECK: %[[Y:.*]] = linalg.generic {indexing_maps = [#{{.*}}, #[[SCALAR]], #{{.*}}], iterator_types = ["parallel", "parallel", "parallel"]}
// CHECK-SAME: ins(%[[DOT]], %[[S]] : tensor<2x3x4xf32>, tensor<f32>) outs(%{{.*}} : tensor<2x3x4xf16>)
// CHECK: %[[PROD:.*]] = arith.mulf
// CHECK: arith.truncf %[[PROD]] : f32 to f16
// CHECK: return %[[Y]] : tensor<2x3x4xf16>
func.func @ternary_matmul_float(%x: tensor<2x3x8xf16>, %p: tensor<4x2xi8>, %s: tensor<f32>) -> tensor<2x3x4xf16> {
  %y = yat.ternary_matmul %x, %p, %s {activation_bits = 0 : i64} : (tensor<2x3x8xf16>, tensor<4x2xi8>, tensor<f32>) -> tensor<2x3x4xf16>
  return %y : tensor<2x3x4xf16>
}

// -----

// Dynamic sizes: the unpacked weight is N × (K/4)·4 and the i32 contraction
// keeps the dynamic batch dims of x.

// CHECK-LABEL: func.func @ternary_matmul_dynamic
// CHECK-SAME: (%[[X:.*]]: tensor<?x?x?xbf16>, %[[P:.*]]: tensor<?x?xi8>, %[[S:.*]]: tensor<?xf32>)
// CHECK: %[[N:.*]] = tensor.dim %[[P]], %{{.*}} : tensor<?x?xi8>
// CHECK: %[[KB:.*]] = tensor.dim %[[P]], %{{.*}} : tensor<?x?xi8>
// CHECK: tensor.empty(%[[N]], %[[KB]]) : tensor<?x?x4xi8>
// CHECK: tensor.collapse_shape %{{.*}} {{\[}}[0], [1, 2]] : tensor<?x?x4xi8> into tensor<?x?xi8>
// CHECK: linalg.generic {{.*}} ins(%{{.*}}, %{{.*}} : tensor<?x?x?xi8>, tensor<?x?xi8>) outs(%{{.*}} : tensor<?x?x?xi32>)
// CHECK: arith.extsi %{{.*}} : i8 to i32
// CHECK: arith.extsi %{{.*}} : i8 to i32
// CHECK: arith.muli
// CHECK: arith.addi
// CHECK: arith.truncf %{{.*}} : f32 to bf16
func.func @ternary_matmul_dynamic(%x: tensor<?x?x?xbf16>, %p: tensor<?x?xi8>, %s: tensor<?xf32>) -> tensor<?x?x?xbf16> {
  %y = yat.ternary_matmul %x, %p, %s : (tensor<?x?x?xbf16>, tensor<?x?xi8>, tensor<?xf32>) -> tensor<?x?x?xbf16>
  return %y : tensor<?x?x?xbf16>
}
