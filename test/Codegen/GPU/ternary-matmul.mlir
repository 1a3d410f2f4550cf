// RUN: yat-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(yat-gpu-ternary-matmul),canonicalize,cse)' | FileCheck %s

#q = affine_map<(m, nb, c, kb, i, j) -> (m, kb, i, j)>
#row = affine_map<(m, nb, c, kb, i, j) -> (m)>
#w = affine_map<(m, nb, c, kb, i, j) -> (nb, kb, c, j)>
#acc = affine_map<(m, nb, c, kb, i, j) -> (m, nb, c)>

// yat-pack-ternary's contraction on int8 activations: one warp per weight
// block row and output row (grid: ceil(NB / 4) x M, 128 threads), lanes on
// every 32nd K block, four 16-byte loads of a block, dp4a of the shifted
// and masked codes against the activations and of ones against them (their
// sum), the 16 channel sums minus it reduced by xor shuffles, lane 0
// adding them to the accumulator.
// CHECK-LABEL: func.func @int8_activations
// CHECK-SAME: (%[[Q:.*]]: memref<5x2x4x4xi8>, %[[W:.*]]: memref<7x2x16x4xi8>, %[[ACC:.*]]: memref<5x7x16xi32>)
// CHECK-DAG: %[[GRID_X:.*]] = arith.constant 2 : index
// CHECK-DAG: %[[ROWS:.*]] = arith.constant 5 : index
// CHECK-DAG: %[[THREADS:.*]] = arith.constant 128 : index
// CHECK: gpu.launch blocks(%[[BX:.*]], %[[BY:.*]], %{{.*}}) in (%{{.*}} = %[[GRID_X]], %{{.*}} = %[[ROWS]], %{{.*}} = %{{.*}}) threads(%[[TID:.*]], %{{.*}}, %{{.*}}) in (%{{.*}} = %[[THREADS]],
// CHECK: %[[BLOCK_ROW:.*]] = arith.addi
// CHECK: %[[LANE:.*]] = arith.remui %[[TID]]
// CHECK: %[[IN_RANGE:.*]] = arith.cmpi ult, %[[BLOCK_ROW]], %{{.*}}
// CHECK: scf.if %[[IN_RANGE]]
// CHECK: %[[LOOP:.*]]:17 = scf.for %[[KB:.*]] = %[[LANE]] to %{{.*}} step %{{.*}} iter_args
// CHECK: %[[BYTES:.*]] = vector.load %[[W]][%[[BLOCK_ROW]], %[[KB]], %{{.*}}, %{{.*}}] {alignment = 16 : i64} : memref<7x2x16x4xi8>, vector<16xi8>
// CHECK: %[[WORDS:.*]] = vector.bitcast %[[BYTES]] : vector<16xi8> to vector<4xi32>
// CHECK: %[[WORD:.*]] = vector.extract %[[WORDS]][0] : i32 from vector<4xi32>
// CHECK: %[[ACT:.*]] = memref.load %[[Q]][%[[BY]], %[[KB]], %{{.*}}, %{{.*}}] : memref<5x2x4x4xi8>
// CHECK: %[[QUAD:.*]] = vector.from_elements %[[ACT]], %{{.*}}, %{{.*}}, %{{.*}} : vector<4xi8>
// CHECK: nvvm.dot.accumulate.4way %{{.*}} <unsigned>, %[[QUAD]] <signed>, %{{.*}} : vector<4xi8>, vector<4xi8>
// CHECK: %[[CODES:.*]] = arith.andi %{{.*}}, %{{.*}} : i32
// CHECK: %[[CODE_BYTES:.*]] = vector.bitcast %{{.*}} : vector<1xi32> to vector<4xi8>
// CHECK: nvvm.dot.accumulate.4way %[[CODE_BYTES]] <unsigned>, %[[QUAD]] <signed>
// CHECK: scf.yield
// CHECK: %[[CHANNEL:.*]] = arith.subi %[[LOOP]]#0, %[[LOOP]]#16 : i32
// CHECK: %[[SHUFFLED:.*]], %{{.*}} = gpu.shuffle  xor %[[CHANNEL]], %{{.*}}, %{{.*}} : i32
// CHECK: %[[FIRST:.*]] = arith.cmpi eq, %[[LANE]]
// CHECK: scf.if %[[FIRST]]
// CHECK: %[[OLD:.*]] = vector.load %[[ACC]][%[[BY]], %[[BLOCK_ROW]], %{{.*}}] : memref<5x7x16xi32>, vector<16xi32>
// CHECK: %[[NEW:.*]] = arith.addi %[[OLD]], %{{.*}} : vector<16xi32>
// CHECK: vector.store %[[NEW]], %[[ACC]][%[[BY]], %[[BLOCK_ROW]], %{{.*}}]
// CHECK-NOT: linalg.generic
func.func @int8_activations(%q: memref<5x2x4x4xi8>, %w: memref<7x2x16x4xi8>, %acc: memref<5x7x16xi32>) {
  linalg.generic {indexing_maps = [#q, #w, #acc], iterator_types = ["parallel", "parallel", "parallel", "reduction", "reduction", "reduction"]} ins(%q, %w : memref<5x2x4x4xi8>, memref<7x2x16x4xi8>) outs(%acc : memref<5x7x16xi32>) {
  ^bb0(%in: i8, %code_byte: i8, %out: i32):
    %group = linalg.index 4 : index
    %group8 = arith.index_cast %group : index to i8
    %c2 = arith.constant 2 : i8
    %shift = arith.muli %group8, %c2 : i8
    %shifted = arith.shrui %code_byte, %shift : i8
    %c3 = arith.constant 3 : i8
    %code = arith.andi %shifted, %c3 : i8
    %code32 = arith.extui %code : i8 to i32
    %c1 = arith.constant 1 : i32
    %t = arith.subi %code32, %c1 : i32
    %q32 = arith.extsi %in : i8 to i32
    %product = arith.muli %q32, %t : i32
    %sum = arith.addi %out, %product : i32
    linalg.yield %sum : i32
  }
  return
}

// -----

#x = affine_map<(m, nb, c, kb, i, j) -> (m, kb, i, j)>
#row = affine_map<(m, nb, c, kb, i, j) -> (m)>
#w = affine_map<(m, nb, c, kb, i, j) -> (nb, kb, c, j)>
#acc = affine_map<(m, nb, c, kb, i, j) -> (m, nb, c)>

// The quantization fused into the body (as elementwise fusion leaves it on
// the GPU): each activation is quantized from x and the row's scale where
// it is used, with the body's own ops; a dynamic M sizes the grid; the zero
// fill of the accumulator goes, and the sums are stored, not added.
// CHECK-LABEL: func.func @fused_quantization
// CHECK-SAME: (%[[X:.*]]: memref<?x2x4x4xf32>, %[[SCALE:.*]]: memref<?xf32>, %[[W:.*]]: memref<3x2x16x4xi8>, %[[ACC:.*]]: memref<?x3x16xi32>)
// CHECK: %[[ROWS:.*]] = memref.dim %[[ACC]], %{{.*}}
// CHECK: gpu.launch blocks(%{{.*}}, %[[BY:.*]], %{{.*}}) in (%{{.*}} = %{{.*}}, %{{.*}} = %[[ROWS]],
// CHECK: %[[XV:.*]] = memref.load %[[X]][%[[BY]], %{{.*}}, %{{.*}}, %{{.*}}] : memref<?x2x4x4xf32>
// CHECK: %[[S:.*]] = memref.load %[[SCALE]][%[[BY]]] : memref<?xf32>
// CHECK: %[[SCALED:.*]] = arith.mulf %[[XV]], %[[S]] : f32
// CHECK: %[[ROUNDED:.*]] = math.roundeven %[[SCALED]] : f32
// CHECK: %[[QV:.*]] = arith.fptosi %{{.*}} : f32 to i8
// CHECK: vector.from_elements %[[QV]], %{{.*}}, %{{.*}}, %{{.*}} : vector<4xi8>
// CHECK: nvvm.dot.accumulate.4way
// CHECK: scf.if
// CHECK-NOT: vector.load %[[ACC]]
// CHECK: vector.store %{{.*}}, %[[ACC]]
// CHECK-NOT: linalg.generic
// CHECK-NOT: linalg.fill
func.func @fused_quantization(%x: memref<?x2x4x4xf32>, %scale: memref<?xf32>, %w: memref<3x2x16x4xi8>, %acc: memref<?x3x16xi32>) {
  %lo = arith.constant -128.0 : f32
  %hi = arith.constant 127.0 : f32
  %zero = arith.constant 0 : i32
  linalg.fill ins(%zero : i32) outs(%acc : memref<?x3x16xi32>)
  linalg.generic {indexing_maps = [#x, #row, #w, #acc], iterator_types = ["parallel", "parallel", "parallel", "reduction", "reduction", "reduction"]} ins(%x, %scale, %w : memref<?x2x4x4xf32>, memref<?xf32>, memref<3x2x16x4xi8>) outs(%acc : memref<?x3x16xi32>) {
  ^bb0(%in: f32, %s: f32, %code_byte: i8, %out: i32):
    %scaled = arith.mulf %in, %s : f32
    %rounded = math.roundeven %scaled : f32
    %low = arith.maxnumf %rounded, %lo : f32
    %clamped = arith.minnumf %low, %hi : f32
    %qv = arith.fptosi %clamped : f32 to i8
    %group = linalg.index 4 : index
    %group8 = arith.index_cast %group : index to i8
    %c2 = arith.constant 2 : i8
    %shift = arith.muli %group8, %c2 : i8
    %shifted = arith.shrui %code_byte, %shift : i8
    %c3 = arith.constant 3 : i8
    %code = arith.andi %shifted, %c3 : i8
    %code32 = arith.extui %code : i8 to i32
    %c1 = arith.constant 1 : i32
    %t = arith.subi %code32, %c1 : i32
    %q32 = arith.extsi %qv : i8 to i32
    %product = arith.muli %q32, %t : i32
    %sum = arith.addi %out, %product : i32
    linalg.yield %sum : i32
  }
  return
}

// -----

#q = affine_map<(m, nb, c, kb, i, j) -> (m, kb, i, j)>
#perchannel = affine_map<(m, nb, c, kb, i, j) -> (c)>
#w = affine_map<(m, nb, c, kb, i, j) -> (nb, kb, c, j)>
#acc = affine_map<(m, nb, c, kb, i, j) -> (m, nb, c)>

// Left alone: an activation that depends on the output channel, and an
// accumulator that is a strided view.
// CHECK-LABEL: func.func @unsupported
// CHECK-COUNT-2: linalg.generic
// CHECK-NOT: gpu.launch
func.func @unsupported(%x: memref<2x2x4x4xf32>, %s: memref<16xf32>, %q: memref<2x2x4x4xi8>, %w: memref<1x2x16x4xi8>, %acc: memref<2x1x16xi32>, %wide: memref<2x2x16xi32>) {
  linalg.generic {indexing_maps = [#q, #perchannel, #w, #acc], iterator_types = ["parallel", "parallel", "parallel", "reduction", "reduction", "reduction"]} ins(%x, %s, %w : memref<2x2x4x4xf32>, memref<16xf32>, memref<1x2x16x4xi8>) outs(%acc : memref<2x1x16xi32>) {
  ^bb0(%in: f32, %scale: f32, %code_byte: i8, %out: i32):
    %scaled = arith.mulf %in, %scale : f32
    %qv = arith.fptosi %scaled : f32 to i8
    %group = linalg.index 4 : index
    %group8 = arith.index_cast %group : index to i8
    %c2 = arith.constant 2 : i8
    %shift = arith.muli %group8, %c2 : i8
    %shifted = arith.shrui %code_byte, %shift : i8
    %c3 = arith.constant 3 : i8
    %code = arith.andi %shifted, %c3 : i8
    %code32 = arith.extui %code : i8 to i32
    %c1 = arith.constant 1 : i32
    %t = arith.subi %code32, %c1 : i32
    %q32 = arith.extsi %qv : i8 to i32
    %product = arith.muli %q32, %t : i32
    %sum = arith.addi %out, %product : i32
    linalg.yield %sum : i32
  }
  %view = memref.subview %wide[0, 0, 0] [2, 1, 16] [1, 1, 1] : memref<2x2x16xi32> to memref<2x1x16xi32, strided<[32, 16, 1]>>
  linalg.generic {indexing_maps = [#q, #w, #acc], iterator_types = ["parallel", "parallel", "parallel", "reduction", "reduction", "reduction"]} ins(%q, %w : memref<2x2x4x4xi8>, memref<1x2x16x4xi8>) outs(%view : memref<2x1x16xi32, strided<[32, 16, 1]>>) {
  ^bb0(%in: i8, %code_byte: i8, %out: i32):
    %group = linalg.index 4 : index
    %group8 = arith.index_cast %group : index to i8
    %c2 = arith.constant 2 : i8
    %shift = arith.muli %group8, %c2 : i8
    %shifted = arith.shrui %code_byte, %shift : i8
    %c3 = arith.constant 3 : i8
    %code = arith.andi %shifted, %c3 : i8
    %code32 = arith.extui %code : i8 to i32
    %c1 = arith.constant 1 : i32
    %t = arith.subi %code32, %c1 : i32
    %q32 = arith.extsi %in : i8 to i32
    %product = arith.muli %q32, %t : i32
    %sum = arith.addi %out, %product : i32
    linalg.yield %sum : i32
  }
  return
}
