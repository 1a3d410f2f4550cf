// yat-gpu-pipeline's matmuls on the tensor cores, down to PTX and to cubins
// that ptxas assembles for sm_90 and sm_80.
// REQUIRES: ptxas
// RUN: yat-opt %s --split-input-file --yat-gpu-pipeline | FileCheck %s
// RUN: yat-opt %s --split-input-file --yat-gpu-pipeline=chip=sm_80 | FileCheck %s --check-prefix=SM80
// RUN: yat-opt %s --split-input-file --yat-gpu-pipeline=format=isa | FileCheck %s --check-prefix=PTX
// RUN: yat-opt %s --split-input-file --yat-gpu-pipeline="format=isa tf32=true" | FileCheck %s --check-prefix=TF32

// A StableHLO f16 matmul into f32: the zero fill and the tensor-core
// kernel, whose workgroup tiles are aligned for cp.async and ldmatrix.
// CHECK-LABEL: llvm.func @matmul_f16
// CHECK-COUNT-2: gpu.launch_func
// CHECK-NOT: gpu.launch_func
// CHECK: gpu.binary
// SM80-LABEL: llvm.func @matmul_f16
// SM80: gpu.binary @{{.*}}  [#gpu.object<#nvvm.target<chip = "sm_80"
// PTX-LABEL: llvm.func @matmul_f16
// PTX: assembly = "{{.*}}.shared .align 16 .b8 {{.*}}cp.async.cg.shared.global{{.*}}ldmatrix.sync.aligned.m8n8.x4.shared.b16{{.*}}ldmatrix.sync.aligned.m8n8.x2.trans.shared.b16{{.*}}mma.sync.aligned.m16n8k16.row.col.f32.f16.f16.f32
func.func @matmul_f16(%a: tensor<128x64xf16>, %b: tensor<64x256xf16>) -> tensor<128x256xf32> {
  %0 = stablehlo.dot_general %a, %b, contracting_dims = [1] x [0], precision = [DEFAULT, DEFAULT] : (tensor<128x64xf16>, tensor<64x256xf16>) -> tensor<128x256xf32>
  return %0 : tensor<128x256xf32>
}

// -----

// A bf16 yat.product: its contraction (weights as [N, K]) on the tensor
// cores, the norms and the epilogue by the generic mapping.
// CHECK-LABEL: llvm.func @product_bf16
// CHECK: gpu.binary
// PTX-LABEL: llvm.func @product_bf16
// PTX: assembly = "{{.*}}ldmatrix.sync.aligned.m8n8.x2.shared.b16{{.*}}mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32
func.func @product_bf16(%x: tensor<128x64xbf16>, %w: tensor<128x64xbf16>, %b: tensor<128xbf16>) -> tensor<128x128xbf16> {
  %y = yat.product %x, %w, %b {epsilon = 1.0e-3 : f32} : (tensor<128x64xbf16>, tensor<128x64xbf16>, tensor<128xbf16>) -> tensor<128x128xbf16>
  return %y : tensor<128x128xbf16>
}

// -----

// f32 stays on the CUDA cores unless tf32=true.
// PTX-LABEL: llvm.func @matmul_f32
// PTX-NOT: mma.sync
// PTX: gpu.binary
// PTX-NOT: mma.sync
// TF32-LABEL: llvm.func @matmul_f32
// TF32: assembly = "{{.*}}mma.sync.aligned.m16n8k8.row.col.f32.tf32.tf32.f32
func.func @matmul_f32(%a: tensor<128x64xf32>, %b: tensor<64x128xf32>) -> tensor<128x128xf32> {
  %0 = stablehlo.dot_general %a, %b, contracting_dims = [1] x [0], precision = [DEFAULT, DEFAULT] : (tensor<128x64xf32>, tensor<64x128xf32>) -> tensor<128x128xf32>
  return %0 : tensor<128x128xf32>
}
