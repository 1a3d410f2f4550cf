// The generic GPU mapping of yat-gpu-pipeline, down to cubins that ptxas
// assembles (gpu-module-to-binary runs it) for sm_90 and sm_80, and host code
// on the mgpu* ABI.
// REQUIRES: ptxas
// RUN: yat-opt %s --split-input-file --yat-gpu-pipeline | FileCheck %s
// RUN: yat-opt %s --split-input-file --yat-gpu-pipeline=chip=sm_80 | FileCheck %s --check-prefix=SM80
// RUN: yat-opt %s --split-input-file --yat-gpu-pipeline=format=isa | FileCheck %s --check-prefix=PTX

// An elementwise chain: one kernel on 256-thread blocks, its result in
// host-shared memory (mgpuMemAlloc's last operand is 1).
// CHECK-LABEL: llvm.func @elementwise
// CHECK: %[[SHARED:.*]] = llvm.mlir.constant(1 : i8) : i8
// CHECK: llvm.call @mgpuMemAlloc({{.*}}, %[[SHARED]])
// CHECK: gpu.launch_func @[[KERNEL:.*]]::@{{.*}} blocks in
// CHECK-NOT: gpu.launch_func
// CHECK: gpu.binary @[[KERNEL]]  [#gpu.object<#nvvm.target<chip = "sm_90", features = "+ptx80">
// SM80-LABEL: llvm.func @elementwise
// SM80: gpu.binary @{{.*}}  [#gpu.object<#nvvm.target<chip = "sm_80"
// PTX-LABEL: llvm.func @elementwise
// PTX: assembly = "{{.*}}.target sm_90{{.*}}ex2.approx
func.func @elementwise(%a: tensor<1000xf32>, %b: tensor<1000xf32>) -> tensor<1000xf32> {
  %s = arith.addf %a, %b : tensor<1000xf32>
  %e = math.exp %s : tensor<1000xf32>
  return %e : tensor<1000xf32>
}

// -----

// yat.product by its reference lowering: the three fills, the contraction,
// both norms and the epilogue are kernels.
// CHECK-LABEL: llvm.func @product
// CHECK-COUNT-7: gpu.launch_func
// CHECK-NOT: gpu.launch_func
// CHECK: gpu.binary
// SM80-LABEL: llvm.func @product
// PTX-LABEL: llvm.func @product
// PTX: assembly = "{{.*}}div.rn.f32
func.func @product(%x: tensor<?x32xf32>, %w: tensor<48x32xf32>, %b: tensor<48xf32>) -> tensor<?x48xf32> {
  %y = yat.product %x, %w, %b {epsilon = 1.0e-3 : f32} : (tensor<?x32xf32>, tensor<48x32xf32>, tensor<48xf32>) -> tensor<?x48xf32>
  return %y : tensor<?x48xf32>
}

// -----

// A StableHLO export: the dot_general and the reduction become kernels, and
// the constant only they read is a global of their GPU module (no copy on
// the host).
// CHECK-LABEL: llvm.func @stablehlo
// CHECK-NOT: "llvm.intr.memcpy"
// CHECK: gpu.launch_func
// CHECK: gpu.binary
// PTX-LABEL: llvm.func @stablehlo
// PTX: assembly = "{{.*}}.global .align {{[0-9]+}} .b8 __constant_2x4xf32[32]
// SM80-LABEL: llvm.func @stablehlo
func.func @stablehlo(%x: tensor<8x2xf32>) -> tensor<8xf32> {
  %w = stablehlo.constant dense<[[0.5, 1.0, 1.5, 2.0], [2.5, 3.0, 3.5, 4.0]]> : tensor<2x4xf32>
  %y = stablehlo.dot_general %x, %w, contracting_dims = [1] x [0] : (tensor<8x2xf32>, tensor<2x4xf32>) -> tensor<8x4xf32>
  %zero = stablehlo.constant dense<0.0> : tensor<f32>
  %s = stablehlo.reduce(%y init: %zero) applies stablehlo.add across dimensions = [1] : (tensor<8x4xf32>, tensor<f32>) -> tensor<8xf32>
  return %s : tensor<8xf32>
}

// -----

// The other yat op families through the generic mapping, each down to
// kernels that ptxas assembles: yat.conv with strides, padding and groups,
// ⵟ-attention (causal), yat.rms_norm, yat.ternarize + yat.ternary_matmul
// (int8 activations) and yat.linear_recurrence (its time loop runs on the
// host, a kernel per step).
// CHECK-LABEL: llvm.func @conv
// CHECK: gpu.launch_func
// CHECK: gpu.binary
// SM80-LABEL: llvm.func @conv
// PTX-LABEL: llvm.func @conv
func.func @conv(%i: tensor<1x9x9x4xf32>, %f: tensor<3x3x2x6xf32>) -> tensor<1x4x5x6xf32> {
  %0 = yat.conv %i, %f {strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 0, 2>, dilations = array<i64: 2, 1>, groups = 2} : (tensor<1x9x9x4xf32>, tensor<3x3x2x6xf32>) -> tensor<1x4x5x6xf32>
  return %0 : tensor<1x4x5x6xf32>
}

// -----

// CHECK-LABEL: llvm.func @attention
// CHECK: gpu.launch_func
// CHECK: gpu.binary
// SM80-LABEL: llvm.func @attention
// PTX-LABEL: llvm.func @attention
// PTX: assembly = "{{.*}}ex2.approx
func.func @attention(%q: tensor<2x4x8x16xf32>, %k: tensor<2x4x8x16xf32>, %v: tensor<2x4x8x16xf32>) -> tensor<2x4x8x16xf32> {
  %0 = yat.attention %q, %k, %v {causal} : (tensor<2x4x8x16xf32>, tensor<2x4x8x16xf32>, tensor<2x4x8x16xf32>) -> tensor<2x4x8x16xf32>
  return %0 : tensor<2x4x8x16xf32>
}

// -----

// The sum of squares of a row on one warp (yat-gpu-warp-reductions).
// CHECK-LABEL: llvm.func @rms_norm
// CHECK: gpu.launch_func
// CHECK: gpu.binary
// SM80-LABEL: llvm.func @rms_norm
// PTX-LABEL: llvm.func @rms_norm
// PTX-DAG: assembly = "{{.*}}shfl.sync.bfly.b32
// PTX-DAG: assembly = "{{.*}}sqrt.approx.f32
func.func @rms_norm(%x: tensor<4x64xf32>, %g: tensor<64xf32>) -> tensor<4x64xf32> {
  %0 = yat.rms_norm %x, %g : (tensor<4x64xf32>, tensor<64xf32>) -> tensor<4x64xf32>
  return %0 : tensor<4x64xf32>
}

// -----

// yat-pack-ternary's blocks at compile time; the contraction on dp4a with
// the quantization (cvt.rni) in the kernel.
// CHECK-LABEL: llvm.func @ternary
// CHECK: gpu.launch_func
// CHECK: gpu.binary
// SM80-LABEL: llvm.func @ternary
// PTX-LABEL: llvm.func @ternary
// PTX: assembly = "{{.*}}cvt.rni{{.*}}dp4a.u32.s32{{.*}}shfl.sync.bfly.b32
func.func @ternary(%x: tensor<3x64xf32>, %w: tensor<32x64xf32>) -> tensor<3x32xf32> {
  %packed, %scale = yat.ternarize %w : (tensor<32x64xf32>) -> (tensor<32x16xi8>, tensor<f32>)
  %0 = yat.ternary_matmul %x, %packed, %scale : (tensor<3x64xf32>, tensor<32x16xi8>, tensor<f32>) -> tensor<3x32xf32>
  return %0 : tensor<3x32xf32>
}

// -----

// The scan over T inside one kernel (yat-gpu-pointwise-loops), a thread
// per (b, d): no loop on the host, one launch.
// CHECK-LABEL: llvm.func @recurrence
// CHECK-NOT: llvm.br
// CHECK: gpu.launch_func
// CHECK-NOT: gpu.launch_func
// CHECK: gpu.binary
// SM80-LABEL: llvm.func @recurrence
// PTX-LABEL: llvm.func @recurrence
func.func @recurrence(%a: tensor<2x8x16xf32>, %b: tensor<2x8x16xf32>, %h0: tensor<2x16xf32>) -> (tensor<2x8x16xf32>, tensor<2x16xf32>) {
  %h, %last = yat.linear_recurrence %a, %b, %h0 : (tensor<2x8x16xf32>, tensor<2x8x16xf32>, tensor<2x16xf32>) -> (tensor<2x8x16xf32>, tensor<2x16xf32>)
  return %h, %last : tensor<2x8x16xf32>, tensor<2x16xf32>
}

// -----

// A gather (an embedding lookup, as JAX exports it): the front-end lowers
// it to scf.for loops, not linalg, so it runs on the host, on host-shared
// memory.
// CHECK-LABEL: llvm.func @gather
// CHECK: llvm.call @mgpuMemAlloc
// CHECK-NOT: gpu.launch_func
// CHECK: llvm.return
// SM80-LABEL: llvm.func @gather
// PTX-LABEL: llvm.func @gather
func.func @gather(%table: tensor<32x16xf32>, %ids: tensor<2x8xi32>) -> tensor<2x8x16xf32> {
  %idx = stablehlo.reshape %ids : (tensor<2x8xi32>) -> tensor<2x8x1xi32>
  %0 = "stablehlo.gather"(%table, %idx) <{dimension_numbers = #stablehlo.gather<offset_dims = [2], collapsed_slice_dims = [0], start_index_map = [0], index_vector_dim = 2>, indices_are_sorted = false, slice_sizes = array<i64: 1, 16>}> : (tensor<32x16xf32>, tensor<2x8x1xi32>) -> tensor<2x8x16xf32>
  return %0 : tensor<2x8x16xf32>
}
