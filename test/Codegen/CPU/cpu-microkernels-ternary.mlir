// RUN: yat-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(yat-cpu-microkernels{int8-dot=vnni}))' | FileCheck %s --check-prefix=VNNI
// RUN: yat-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(yat-cpu-microkernels{int8-dot=maddubs}))' | FileCheck %s --check-prefix=MADDUBS
// RUN: yat-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(yat-cpu-microkernels{int8-dot=vnni vector-width=8}))' | FileCheck %s --check-prefix=VNNI8
// RUN: yat-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(yat-cpu-microkernels{int8-dot=maddubs vector-width=8}))' | FileCheck %s --check-prefix=AVX2
// RUN: yat-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(yat-cpu-microkernels{int8-dot=none}))' | FileCheck %s --check-prefix=NONE
// RUN: yat-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(yat-cpu-microkernels{int8-dot=vnni emulate-x86-instructions=true}))' | FileCheck %s --check-prefix=VNNI-EMULATED --implicit-check-not=llvm.call_intrinsic
// RUN: yat-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(yat-cpu-microkernels{int8-dot=maddubs emulate-x86-instructions=true}))' | FileCheck %s --check-prefix=MADDUBS-EMULATED --implicit-check-not=llvm.call_intrinsic
// RUN: not yat-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(yat-cpu-microkernels{int8-dot=avx}))' 2>&1 | FileCheck %s --check-prefix=OPTION

// OPTION: yat-cpu-microkernels option 'int8-dot' must be none, vnni or maddubs, got 'avx'

#q = affine_map<(m, nb, c, kb, i, j) -> (m, kb, i, j)>
#w = affine_map<(m, nb, c, kb, i, j) -> (nb, kb, c, j)>
#acc = affine_map<(m, nb, c, kb, i, j) -> (m, nb, c)>

// VNNI-LABEL: func.func @ternary_dot
// VNNI-SAME: (%[[Q:.*]]: memref<5x2x4x4xi8>, %[[W:.*]]: memref<3x2x16x4xi8>, %[[ACC:.*]]: memref<5x3x16xi32>)
// VNNI-DAG: %[[QROWS:.*]] = memref.collapse_shape %[[Q]] {{\[\[}}0], [1, 2, 3]] : memref<5x2x4x4xi8> into memref<5x32xi8>
// VNNI-DAG: %[[BLOCKS:.*]] = memref.collapse_shape %[[W]] {{\[\[}}0], [1], [2, 3]] : memref<3x2x16x4xi8> into memref<3x2x64xi8>
// VNNI: %[[SUMS:.*]] = memref.alloca(%{{.*}}) : memref<?xi32>
// VNNI: vector.load %[[QROWS]][%{{.*}}, %{{.*}}] : memref<5x32xi8>, vector<16xi8>
// VNNI: arith.extsi {{.*}} : vector<16xi8> to vector<16xi32>
// VNNI: vector.reduction <add>
// VNNI: memref.store %{{.*}}, %[[SUMS]]
// VNNI: %[[LOOP:.*]]:{{.*}} = scf.for %[[KB:.*]] = %{{.*}} to %{{.*}} step %{{.*}} iter_args
// VNNI: %[[RAW:.*]] = vector.load %[[BLOCKS]][%{{.*}}, %[[KB]], %{{.*}}] : memref<3x2x64xi8>, vector<64xi8>
// VNNI: %[[CODES:.*]] = arith.andi %[[RAW]], %{{.*}} : vector<64xi8>
// VNNI: %[[WORD:.*]] = vector.load %[[QROWS]][%{{.*}}, %{{.*}}] : memref<5x32xi8>, vector<4xi8>
// VNNI: %[[SPLAT:.*]] = vector.broadcast %{{.*}} : i32 to vector<16xi32>
// VNNI: %[[BYTES:.*]] = vector.bitcast %[[SPLAT]] : vector<16xi32> to vector<64xi8>
// VNNI: llvm.call_intrinsic "llvm.x86.avx512.vpdpbusd.512"(%{{.*}}, %[[CODES]], %[[BYTES]]) : (vector<16xi32>, vector<64xi8>, vector<64xi8>) -> vector<16xi32>
// The next group's codes: a 16-bit shift (x86 has no byte shift) and the mask.
// VNNI: %[[HALVES:.*]] = vector.bitcast %[[RAW]] : vector<64xi8> to vector<32xi16>
// VNNI: %[[SHIFTED:.*]] = arith.shrui %[[HALVES]], %{{.*}} : vector<32xi16>
// VNNI: %[[SHIFTED_BYTES:.*]] = vector.bitcast %[[SHIFTED]] : vector<32xi16> to vector<64xi8>
// VNNI: arith.andi %[[SHIFTED_BYTES]], %{{.*}} : vector<64xi8>
// VNNI: %[[SUM:.*]] = memref.load %[[SUMS]]
// VNNI: %[[CORRECTION:.*]] = vector.broadcast %[[SUM]] : i32 to vector<16xi32>
// VNNI: %[[RESULT:.*]] = arith.subi %[[LOOP]]#0, %[[CORRECTION]] : vector<16xi32>
// VNNI: vector.store %[[RESULT]], %[[ACC]]
// VNNI-NOT: linalg.generic

// vpdpbusd emulated: u8 codes times s8 activations in i32, the four
// products of each lane gathered by shuffles and added to the accumulator.
// VNNI-EMULATED-LABEL: func.func @ternary_dot
// VNNI-EMULATED: scf.for {{.*}} iter_args(%[[ACC0:[^ ]*]] = %{{[^,]*}}, %
// VNNI-EMULATED: %[[CODES:.*]] = arith.andi %{{.*}} : vector<64xi8>
// VNNI-EMULATED: %[[BYTES:.*]] = vector.bitcast %{{.*}} : vector<16xi32> to vector<64xi8>
// VNNI-EMULATED: %[[U:.*]] = arith.extui %[[CODES]] : vector<64xi8> to vector<64xi32>
// VNNI-EMULATED: %[[S:.*]] = arith.extsi %[[BYTES]] : vector<64xi8> to vector<64xi32>
// VNNI-EMULATED: %[[PRODUCTS:.*]] = arith.muli %[[U]], %[[S]] : vector<64xi32>
// VNNI-EMULATED: %[[P0:.*]] = vector.shuffle %[[PRODUCTS]], %[[PRODUCTS]] [0, 4, 8,
// VNNI-EMULATED: %[[P1:.*]] = vector.shuffle %[[PRODUCTS]], %[[PRODUCTS]] [1, 5, 9,
// VNNI-EMULATED: %[[S01:.*]] = arith.addi %[[P0]], %[[P1]] : vector<16xi32>
// VNNI-EMULATED: %[[P2:.*]] = vector.shuffle %[[PRODUCTS]], %[[PRODUCTS]] [2, 6, 10,
// VNNI-EMULATED: %[[S012:.*]] = arith.addi %[[S01]], %[[P2]] : vector<16xi32>
// VNNI-EMULATED: %[[P3:.*]] = vector.shuffle %[[PRODUCTS]], %[[PRODUCTS]] [3, 7, 11,
// VNNI-EMULATED: %[[QUADS:.*]] = arith.addi %[[S012]], %[[P3]] : vector<16xi32>
// VNNI-EMULATED: arith.addi %[[ACC0]], %[[QUADS]] : vector<16xi32>

// vpmaddubsw emulated: pairs summed in i32 and saturated to i16;
// vpmaddwd with ones: pairs of i16 added in i32 (the product by one folds).
// MADDUBS-EMULATED-LABEL: func.func @ternary_dot
// MADDUBS-EMULATED: %[[PAIRS:.*]] = arith.muli %{{.*}}, %{{.*}} : vector<64xi32>
// MADDUBS-EMULATED: %[[EVEN:.*]] = vector.shuffle %[[PAIRS]], %[[PAIRS]] [0, 2, 4,
// MADDUBS-EMULATED: %[[ODD:.*]] = vector.shuffle %[[PAIRS]], %[[PAIRS]] [1, 3, 5,
// MADDUBS-EMULATED: %[[SUM:.*]] = arith.addi %[[EVEN]], %[[ODD]] : vector<32xi32>
// MADDUBS-EMULATED: %[[LOW:.*]] = arith.maxsi %[[SUM]], %{{.*}} : vector<32xi32>
// MADDUBS-EMULATED: %[[CLAMPED:.*]] = arith.minsi %[[LOW]], %{{.*}} : vector<32xi32>
// MADDUBS-EMULATED: arith.trunci %[[CLAMPED]] : vector<32xi32> to vector<32xi16>
// MADDUBS-EMULATED: %[[WIDE:.*]] = arith.extsi %{{.*}} : vector<32xi16> to vector<32xi32>
// MADDUBS-EMULATED: %[[WIDE_EVEN:.*]] = vector.shuffle %[[WIDE]], %[[WIDE]] [0, 2, 4,
// MADDUBS-EMULATED: %[[WIDE_ODD:.*]] = vector.shuffle %[[WIDE]], %[[WIDE]] [1, 3, 5,
// MADDUBS-EMULATED: %[[QUADS:.*]] = arith.addi %[[WIDE_EVEN]], %[[WIDE_ODD]] : vector<16xi32>
// MADDUBS-EMULATED: arith.addi %{{.*}}, %[[QUADS]] : vector<16xi32>

// The accumulators start at their value less each row's Σ_k q; runs of 8 K
// blocks sum their pairs in 16-bit lanes, widened once per run.
// MADDUBS-LABEL: func.func @ternary_dot
// MADDUBS-SAME: %[[ACC:[^:]*]]: memref<5x3x16xi32>
// MADDUBS: %[[SUM:.*]] = memref.load %[[SUMS:.*]][
// MADDUBS: %[[CORRECTION:.*]] = vector.broadcast %[[SUM]] : i32 to vector<16xi32>
// MADDUBS: %[[OLD:.*]] = vector.load %[[ACC]]
// MADDUBS: %[[START:.*]] = arith.subi %[[OLD]], %[[CORRECTION]] : vector<16xi32>
// MADDUBS: vector.store %[[START]], %[[ACC]]
// MADDUBS: scf.for %[[KB0:.*]] = %{{.*}} to %[[KBLOCKS:.*]] step %[[HALF_STEP:.*]] {
// MADDUBS: %[[STEP_END:.*]] = arith.addi %[[KB0]], %[[HALF_STEP]]
// MADDUBS: %[[KB1:.*]] = arith.minsi %[[STEP_END]], %[[KBLOCKS]]
// MADDUBS: %[[HALF:.*]]:{{.*}} = scf.for %{{.*}} = %[[KB0]] to %[[KB1]] step %{{.*}} iter_args({{.*}}) -> (vector<32xi16>,
// MADDUBS: %[[PAIRS:.*]] = llvm.call_intrinsic "llvm.x86.avx512.pmaddubs.w.512"(%{{.*}}, %{{.*}}) : (vector<64xi8>, vector<64xi8>) -> vector<32xi16>
// MADDUBS: arith.addi %{{.*}}, %[[PAIRS]] : vector<32xi16>
// MADDUBS-NOT: pmaddw.d
// MADDUBS: scf.yield
// MADDUBS: %[[WIDE_OLD:.*]] = vector.load %[[ACC]]
// MADDUBS: %[[QUADS:.*]] = llvm.call_intrinsic "llvm.x86.avx512.pmaddw.d.512"(%[[HALF]]#0, %{{.*}}) : (vector<32xi16>, vector<32xi16>) -> vector<16xi32>
// MADDUBS: %[[WIDE:.*]] = arith.addi %[[WIDE_OLD]], %[[QUADS]] : vector<16xi32>
// MADDUBS: vector.store %[[WIDE]], %[[ACC]]
// MADDUBS-NOT: linalg.generic

// VNNI8-LABEL: func.func @ternary_dot
// VNNI8: vector.load {{.*}} : memref<3x2x64xi8>, vector<32xi8>
// VNNI8: llvm.call_intrinsic "llvm.x86.avx512.vpdpbusd.256"(%{{.*}}, %{{.*}}, %{{.*}}) : (vector<8xi32>, vector<32xi8>, vector<32xi8>) -> vector<8xi32>

// AVX2-LABEL: func.func @ternary_dot
// AVX2: arith.shrui %{{.*}}, %{{.*}} : vector<16xi16>
// AVX2: llvm.call_intrinsic "llvm.x86.avx2.pmadd.ub.sw"(%{{.*}}, %{{.*}}) : (vector<32xi8>, vector<32xi8>) -> vector<16xi16>
// AVX2: arith.addi %{{.*}}, %{{.*}} : vector<16xi16>
// AVX2: scf.yield
// AVX2: llvm.call_intrinsic "llvm.x86.avx2.pmadd.wd"(%{{.*}}, %{{.*}}) : (vector<16xi16>, vector<16xi16>) -> vector<8xi32>

// NONE-LABEL: func.func @ternary_dot
// NONE: linalg.generic
// NONE-NOT: llvm.call_intrinsic
func.func @ternary_dot(%q: memref<5x2x4x4xi8>, %w: memref<3x2x16x4xi8>, %acc: memref<5x3x16xi32>) {
  linalg.generic {indexing_maps = [#q, #w, #acc], iterator_types = ["parallel", "parallel", "parallel", "reduction", "reduction", "reduction"]} ins(%q, %w : memref<5x2x4x4xi8>, memref<3x2x16x4xi8>) outs(%acc : memref<5x3x16xi32>) {
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

#q = affine_map<(m, nb, c, kb, i, j) -> (m, kb, i, j)>
#w = affine_map<(m, nb, c, kb, i, j) -> (nb, kb, c, j)>
#acc = affine_map<(m, nb, c, kb, i, j) -> (m, nb, c)>

// Another body (the code's sign bit kept: arith.shrsi) is not the ternary
// contraction.
// VNNI-LABEL: func.func @other_body
// VNNI: linalg.generic
// VNNI-NOT: llvm.call_intrinsic
// MADDUBS-LABEL: func.func @other_body
// MADDUBS: linalg.generic
// MADDUBS-NOT: llvm.call_intrinsic
func.func @other_body(%q: memref<5x2x4x4xi8>, %w: memref<3x2x16x4xi8>, %acc: memref<5x3x16xi32>) {
  linalg.generic {indexing_maps = [#q, #w, #acc], iterator_types = ["parallel", "parallel", "parallel", "reduction", "reduction", "reduction"]} ins(%q, %w : memref<5x2x4x4xi8>, memref<3x2x16x4xi8>) outs(%acc : memref<5x3x16xi32>) {
  ^bb0(%in: i8, %code_byte: i8, %out: i32):
    %group = linalg.index 4 : index
    %group8 = arith.index_cast %group : index to i8
    %c2 = arith.constant 2 : i8
    %shift = arith.muli %group8, %c2 : i8
    %shifted = arith.shrsi %code_byte, %shift : i8
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

#q = affine_map<(m, nb, c, kb, i, j) -> (m, kb, i, j)>
#w = affine_map<(m, nb, c, kb, i, j) -> (nb, kb, c, j)>
#acc = affine_map<(m, nb, c, kb, i, j) -> (m, nb, c)>

// The zero fill of the accumulator right before the contraction goes: the
// registers start at zero and the buffer is only stored.
// VNNI-LABEL: func.func @zero_filled
// VNNI-SAME: %[[ACC:[^:]*]]: memref<1x1x16xi32>
// VNNI-NOT: linalg.fill
// VNNI-NOT: vector.load %[[ACC]]
// VNNI: llvm.call_intrinsic "llvm.x86.avx512.vpdpbusd.512"
// VNNI: vector.store %{{.*}}, %[[ACC]]
// MADDUBS-LABEL: func.func @zero_filled
// MADDUBS-SAME: %[[ACC:[^:]*]]: memref<1x1x16xi32>
// MADDUBS-NOT: linalg.fill
// MADDUBS-NOT: vector.load %[[ACC]]
// MADDUBS: %[[START:.*]] = arith.subi %[[ZERO:.*]], %{{.*}} : vector<16xi32>
// MADDUBS: vector.store %[[START]], %[[ACC]]
// MADDUBS: scf.for
func.func @zero_filled(%q: memref<1x1x4x4xi8>, %w: memref<1x1x16x4xi8>, %acc: memref<1x1x16xi32>) {
  %zero = arith.constant 0 : i32
  linalg.fill ins(%zero : i32) outs(%acc : memref<1x1x16xi32>)
  linalg.generic {indexing_maps = [#q, #w, #acc], iterator_types = ["parallel", "parallel", "parallel", "reduction", "reduction", "reduction"]} ins(%q, %w : memref<1x1x4x4xi8>, memref<1x1x16x4xi8>) outs(%acc : memref<1x1x16xi32>) {
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
