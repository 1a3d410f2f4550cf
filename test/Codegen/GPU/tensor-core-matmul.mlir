// RUN: yat-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(yat-gpu-tensor-core-matmul),canonicalize,cse)' | FileCheck %s
// RUN: yat-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(yat-gpu-tensor-core-matmul{tf32=true}),canonicalize,cse)' | FileCheck %s --check-prefix=TF32

// f16 into f32, 128 x 128 blocks of 8 warps: two-stage cp.async copies of
// the A [128, 32] and B [32, 128] tiles into padded workgroup memory,
// ldmatrix (transposed for B), 4 x 4 mma.sync tiles per warp and K step of
// 16, two steps per tile of K.
// CHECK-LABEL: func.func @f16
// CHECK-SAME: (%[[A:.*]]: memref<256x128xf16>, %[[B:.*]]: memref<128x256xf16>, %[[C:.*]]: memref<256x256xf32>)
// CHECK-DAG: %[[TWO:.*]] = arith.constant 2 : index
// CHECK-DAG: %[[THREADS:.*]] = arith.constant 256 : index
// CHECK: gpu.launch blocks({{.*}}) in (%{{[a-z0-9]+}} = %[[TWO]], %{{[a-z0-9]+}} = %[[TWO]], %{{[a-z0-9]+}} = %{{[a-z0-9]+}}) threads({{.*}}) in (%{{[a-z0-9]+}} = %[[THREADS]],
// CHECK-SAME: workgroup(%[[TILE_A:.*]] : memref<2x128x40xf16, #gpu.address_space<workgroup>>, %[[TILE_B:.*]] : memref<2x32x136xf16, #gpu.address_space<workgroup>>)
// CHECK: %[[ACC:.*]] = vector.load %[[C]][%{{.*}}, %{{.*}}] : memref<256x256xf32>, vector<2xf32>
// CHECK: nvgpu.device_async_copy %[[A]][%{{.*}}, %{{.*}}], %[[TILE_A]][%{{.*}}, %{{.*}}, %{{.*}}], 8 {bypassL1}
// CHECK: nvgpu.device_async_copy %[[B]][%{{.*}}, %{{.*}}], %[[TILE_B]][%{{.*}}, %{{.*}}, %{{.*}}], 8 {bypassL1}
// CHECK: %[[FIRST:.*]] = nvgpu.device_async_create_group
// CHECK: %[[LOOP:.*]]:16 = scf.for %[[STEP:.*]] = %{{.*}} to %{{.*}} step %{{.*}} iter_args
// CHECK: %[[VALID:.*]] = arith.cmpi ult
// CHECK: %[[ELEMENTS:.*]] = arith.select %[[VALID]]
// CHECK: nvgpu.device_async_copy %[[A]][%{{.*}}, %{{.*}}], %[[TILE_A]][%{{.*}}, %{{.*}}, %{{.*}}], 8, %[[ELEMENTS]] {bypassL1}
// CHECK: %[[NEXT:.*]] = nvgpu.device_async_create_group
// CHECK: nvgpu.device_async_wait %[[NEXT]] {numGroups = 1 : i32}
// CHECK-NEXT: gpu.barrier
// CHECK: nvgpu.ldmatrix %[[TILE_A]][%{{.*}}, %{{.*}}, %{{.*}}] {numTiles = 4 : i32, transpose = false} : memref<2x128x40xf16, #gpu.address_space<workgroup>> -> vector<4x2xf16>
// CHECK: nvgpu.ldmatrix %[[TILE_B]][%{{.*}}, %{{.*}}, %{{.*}}] {numTiles = 2 : i32, transpose = true} : memref<2x32x136xf16, #gpu.address_space<workgroup>> -> vector<2x2xf16>
// CHECK-COUNT-32: nvgpu.mma.sync(%{{.*}}, %{{.*}}, %{{.*}}) {mmaShape = [16, 8, 16]} : (vector<4x2xf16>, vector<2x2xf16>, vector<2x2xf32>) -> vector<2x2xf32>
// CHECK-NOT: nvgpu.mma.sync
// CHECK: gpu.barrier
// CHECK-NEXT: scf.yield
// CHECK: %[[TOP:.*]] = vector.extract %[[LOOP]]#0[0] : vector<2xf32> from vector<2x2xf32>
// CHECK: vector.store %[[TOP]], %[[C]]
// CHECK: gpu.terminator
// CHECK-NOT: linalg.matmul
func.func @f16(%a: memref<256x128xf16>, %b: memref<128x256xf16>, %c: memref<256x256xf32>) {
  linalg.matmul ins(%a, %b : memref<256x128xf16>, memref<128x256xf16>) outs(%c : memref<256x256xf32>)
  return
}

// -----

// bf16 with B as [N, K] (yat.product's weights), 64 x 64 blocks of 4
// warps: both tiles [64, 32] plus padding, B's fragments read without
// transposition, NVVM's mma.sync on the pairs as 32-bit registers.
// CHECK-LABEL: func.func @bf16_transposed_b
// CHECK: gpu.launch
// CHECK-SAME: workgroup(%[[TILE_A:.*]] : memref<2x64x40xbf16, #gpu.address_space<workgroup>>, %[[TILE_B:.*]] : memref<2x64x40xbf16, #gpu.address_space<workgroup>>)
// CHECK: nvgpu.ldmatrix %[[TILE_A]]{{.*}} {numTiles = 4 : i32, transpose = false} {{.*}} -> vector<4x2xbf16>
// CHECK: nvgpu.ldmatrix %[[TILE_B]]{{.*}} {numTiles = 2 : i32, transpose = false} {{.*}} -> vector<2x2xbf16>
// CHECK: %[[WORD:.*]] = vector.bitcast %{{.*}} : vector<2xbf16> to vector<1xi32>
// CHECK: %[[MMA:.*]] = nvvm.mma.sync A[{{.*}}] B[{{.*}}] C[{{.*}}] {layoutA = #nvvm.mma_layout<row>, layoutB = #nvvm.mma_layout<col>, multiplicandAPtxType = #nvvm.mma_type<bf16>, multiplicandBPtxType = #nvvm.mma_type<bf16>, shape = #nvvm.shape<m = 16, n = 8, k = 16>} : (i32, i32, f32) -> !llvm.struct<(f32, f32, f32, f32)>
// CHECK: llvm.extractvalue %[[MMA]][0]
// CHECK-NOT: linalg.matmul
#a = affine_map<(m, n, k) -> (m, k)>
#bt = affine_map<(m, n, k) -> (n, k)>
#c = affine_map<(m, n, k) -> (m, n)>
func.func @bf16_transposed_b(%a: memref<64x64xbf16>, %b: memref<128x64xbf16>, %c: memref<64x128xf32>) {
  linalg.matmul indexing_maps = [#a, #bt, #c] ins(%a, %b : memref<64x64xbf16>, memref<128x64xbf16>) outs(%c : memref<64x128xf32>)
  return
}

// -----

// f32 runs on the tf32 tensor cores only with tf32=true: K steps of 16
// elements, mma.sync m16n8k8, B's fragments by plain loads from rows
// padded by 32 bytes.
// CHECK-LABEL: func.func @f32
// CHECK: linalg.matmul
// CHECK-NOT: gpu.launch
// TF32-LABEL: func.func @f32
// TF32: gpu.launch
// TF32-SAME: workgroup(%[[TILE_A:.*]] : memref<2x128x20xf32, #gpu.address_space<workgroup>>, %[[TILE_B:.*]] : memref<2x16x136xf32, #gpu.address_space<workgroup>>)
// TF32: nvgpu.device_async_copy {{.*}}, %[[TILE_A]][%{{.*}}, %{{.*}}, %{{.*}}], 4 {bypassL1}
// TF32: nvgpu.ldmatrix %[[TILE_A]]{{.*}} -> vector<4x1xf32>
// TF32: %[[B0:.*]] = memref.load %[[TILE_B]]
// TF32: %[[B1:.*]] = memref.load %[[TILE_B]]
// TF32: %[[FRAGMENT:.*]] = vector.from_elements %[[B0]], %[[B1]] : vector<2x1xf32>
// TF32: nvgpu.mma.sync(%{{.*}}, %{{.*}}, %{{.*}}) {mmaShape = [16, 8, 8], tf32Enabled} : (vector<4x1xf32>, vector<2x1xf32>, vector<2x2xf32>) -> vector<2x2xf32>
// TF32-NOT: linalg.matmul
func.func @f32(%a: memref<128x64xf32>, %b: memref<64x128xf32>, %c: memref<128x128xf32>) {
  linalg.matmul ins(%a, %b : memref<128x64xf32>, memref<64x128xf32>) outs(%c : memref<128x128xf32>)
  return
}

// -----

// Left to the generic mapping: sizes that no block tile divides, dynamic
// sizes, an f16 accumulator, a strided view, a transposed A, tensors.
// CHECK-LABEL: func.func @unsupported
// CHECK-COUNT-6: linalg.matmul
// CHECK-NOT: gpu.launch
// TF32-LABEL: func.func @unsupported
// TF32-COUNT-6: linalg.matmul
#at = affine_map<(m, n, k) -> (k, m)>
#b = affine_map<(m, n, k) -> (k, n)>
#c = affine_map<(m, n, k) -> (m, n)>
func.func @unsupported(%a: memref<96x64xf16>, %b: memref<64x64xf16>, %c: memref<96x64xf32>,
                       %da: memref<?x64xf16>, %dc: memref<?x64xf32>,
                       %c16: memref<64x64xf16>, %wide: memref<64x128xf16>,
                       %t: tensor<64x64xf16>, %tc: tensor<64x64xf32>, %tc_buf: memref<64x64xf32>) -> tensor<64x64xf32> {
  linalg.matmul ins(%a, %b : memref<96x64xf16>, memref<64x64xf16>) outs(%c : memref<96x64xf32>)
  linalg.matmul ins(%da, %b : memref<?x64xf16>, memref<64x64xf16>) outs(%dc : memref<?x64xf32>)
  linalg.matmul ins(%b, %b : memref<64x64xf16>, memref<64x64xf16>) outs(%c16 : memref<64x64xf16>)
  %view = memref.subview %wide[0, 0] [64, 64] [1, 1] : memref<64x128xf16> to memref<64x64xf16, strided<[128, 1]>>
  linalg.matmul ins(%view, %b : memref<64x64xf16, strided<[128, 1]>>, memref<64x64xf16>) outs(%tc_buf : memref<64x64xf32>)
  linalg.matmul indexing_maps = [#at, #b, #c] ins(%b, %b : memref<64x64xf16>, memref<64x64xf16>) outs(%tc_buf : memref<64x64xf32>)
  %r = linalg.matmul ins(%t, %t : tensor<64x64xf16>, tensor<64x64xf16>) outs(%tc : tensor<64x64xf32>) -> tensor<64x64xf32>
  return %r : tensor<64x64xf32>
}

// -----

// yat.product's form: the zero fill, the contraction with B as [N, K], the
// norms, then the elementwise epilogue as the only reader of the result.
// The kernel moves to the epilogue and runs its body on the accumulators,
// which start from the fill's zero: the f32 result buffer is gone.
// CHECK-LABEL: func.func @fused_epilogue
// CHECK-SAME: (%[[X:.*]]: memref<128x64xbf16>, %[[W:.*]]: memref<128x64xbf16>, %[[XN:.*]]: memref<128xf32>, %[[WN:.*]]: memref<128xf32>)
// CHECK: %[[ZERO:.*]] = arith.constant dense<0.000000e+00> : vector<2x2xf32>
// CHECK-NOT: memref.alloc()
// CHECK-NOT: linalg.fill
// CHECK: %[[SCRATCH:.*]] = memref.alloca() : memref<128xf32>
// CHECK: linalg.fill ins(%{{.*}} : f32) outs(%[[SCRATCH]] : memref<128xf32>)
// CHECK: %[[OUT:.*]] = memref.alloc() : memref<128x128xbf16>
// CHECK-NOT: linalg.fill
// CHECK: gpu.launch
// CHECK: %[[LOOP:.*]]:16 = scf.for {{.*}} iter_args(%{{.*}} = %[[ZERO]],
// CHECK: nvvm.mma.sync
// CHECK: scf.yield
// CHECK: %[[ACC:.*]] = vector.extract %[[LOOP]]#0[0, 0] : f32 from vector<2x2xf32>
// CHECK: %[[ROW_NORM:.*]] = memref.load %[[XN]][%[[ROW:.*]]] : memref<128xf32>
// CHECK: %[[COLUMN_NORM:.*]] = memref.load %[[WN]][%[[COLUMN:.*]]] : memref<128xf32>
// CHECK: %[[SUM:.*]] = arith.addf %[[ROW_NORM]], %[[COLUMN_NORM]] : f32
// CHECK: %[[DISTANCE:.*]] = arith.subf %[[SUM]], %[[ACC]] : f32
// CHECK: %[[RESULT:.*]] = arith.truncf %{{.*}} : f32 to bf16
// CHECK: memref.store %[[RESULT]], %[[OUT]][%[[ROW]], %[[COLUMN]]] : memref<128x128xbf16>
// CHECK: gpu.terminator
// CHECK-NOT: linalg.generic
// CHECK-NOT: memref.dealloc
#a = affine_map<(m, n, k) -> (m, k)>
#bt = affine_map<(m, n, k) -> (n, k)>
#c = affine_map<(m, n, k) -> (m, n)>
#id = affine_map<(m, n) -> (m, n)>
#row = affine_map<(m, n) -> (m)>
#col = affine_map<(m, n) -> (n)>
func.func @fused_epilogue(%x: memref<128x64xbf16>, %w: memref<128x64xbf16>, %xn: memref<128xf32>, %wn: memref<128xf32>) -> memref<128x128xbf16> {
  %zero = arith.constant 0.0 : f32
  %c0 = arith.constant 0 : index
  %dot = memref.alloc() : memref<128x128xf32>
  linalg.fill ins(%zero : f32) outs(%dot : memref<128x128xf32>)
  linalg.matmul indexing_maps = [#a, #bt, #c] ins(%x, %w : memref<128x64xbf16>, memref<128x64xbf16>) outs(%dot : memref<128x128xf32>)
  %scratch = memref.alloca() : memref<128xf32>
  linalg.fill ins(%zero : f32) outs(%scratch : memref<128xf32>)
  %out = memref.alloc() : memref<128x128xbf16>
  linalg.generic {indexing_maps = [#id, #row, #col, #id], iterator_types = ["parallel", "parallel"]}
      ins(%dot, %xn, %wn : memref<128x128xf32>, memref<128xf32>, memref<128xf32>) outs(%out : memref<128x128xbf16>) {
  ^bb0(%d: f32, %xs: f32, %ws: f32, %o: bf16):
    %sum = arith.addf %xs, %ws : f32
    %distance = arith.subf %sum, %d : f32
    %square = arith.mulf %d, %d : f32
    %ratio = arith.divf %square, %distance : f32
    %r = arith.truncf %ratio : f32 to bf16
    linalg.yield %r : bf16
  }
  memref.dealloc %dot : memref<128x128xf32>
  return %out : memref<128x128xbf16>
}

// -----

// Not fused: the epilogue reads the result transposed, or an op between
// the matmul and the epilogue writes an operand of the matmul, directly or
// through a view of it. The kernel then stays where the matmul was and
// writes the result buffer.
// CHECK-LABEL: func.func @unfused_epilogues
// CHECK: linalg.fill
// CHECK: gpu.launch
// CHECK: linalg.generic
// CHECK: linalg.fill
// CHECK: gpu.launch
// CHECK: linalg.fill ins(%{{.*}} : f16) outs(%[[A:.*]] :
// CHECK: linalg.generic
// CHECK: linalg.fill
// CHECK: gpu.launch
// CHECK: linalg.fill ins(%{{.*}} : f16) outs(%[[ROW:.*]] :
// CHECK: linalg.generic
#id = affine_map<(m, n) -> (m, n)>
#tr = affine_map<(m, n) -> (n, m)>
func.func @unfused_epilogues(%a: memref<64x64xf16>, %b: memref<64x64xf16>) -> (memref<64x64xf32>, memref<64x64xf32>, memref<64x64xf32>) {
  %zero = arith.constant 0.0 : f32
  %h = arith.constant 1.0 : f16
  %dot = memref.alloc() : memref<64x64xf32>
  linalg.fill ins(%zero : f32) outs(%dot : memref<64x64xf32>)
  linalg.matmul ins(%a, %b : memref<64x64xf16>, memref<64x64xf16>) outs(%dot : memref<64x64xf32>)
  %out1 = memref.alloc() : memref<64x64xf32>
  linalg.generic {indexing_maps = [#tr, #id], iterator_types = ["parallel", "parallel"]}
      ins(%dot : memref<64x64xf32>) outs(%out1 : memref<64x64xf32>) {
  ^bb0(%d: f32, %o: f32):
    linalg.yield %d : f32
  }
  memref.dealloc %dot : memref<64x64xf32>
  %dot2 = memref.alloc() : memref<64x64xf32>
  linalg.fill ins(%zero : f32) outs(%dot2 : memref<64x64xf32>)
  linalg.matmul ins(%a, %b : memref<64x64xf16>, memref<64x64xf16>) outs(%dot2 : memref<64x64xf32>)
  linalg.fill ins(%h : f16) outs(%a : memref<64x64xf16>)
  %out2 = memref.alloc() : memref<64x64xf32>
  linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel"]}
      ins(%dot2 : memref<64x64xf32>) outs(%out2 : memref<64x64xf32>) {
  ^bb0(%d: f32, %o: f32):
    linalg.yield %d : f32
  }
  memref.dealloc %dot2 : memref<64x64xf32>
  %dot3 = memref.alloc() : memref<64x64xf32>
  linalg.fill ins(%zero : f32) outs(%dot3 : memref<64x64xf32>)
  linalg.matmul ins(%a, %b : memref<64x64xf16>, memref<64x64xf16>) outs(%dot3 : memref<64x64xf32>)
  %row = memref.subview %b[0, 0] [1, 64] [1, 1] : memref<64x64xf16> to memref<64xf16, strided<[1]>>
  linalg.fill ins(%h : f16) outs(%row : memref<64xf16, strided<[1]>>)
  %out3 = memref.alloc() : memref<64x64xf32>
  linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel"]}
      ins(%dot3 : memref<64x64xf32>) outs(%out3 : memref<64x64xf32>) {
  ^bb0(%d: f32, %o: f32):
    linalg.yield %d : f32
  }
  memref.dealloc %dot3 : memref<64x64xf32>
  return %out1, %out2, %out3 : memref<64x64xf32>, memref<64x64xf32>, memref<64x64xf32>
}
