// target-cpu picks the kernels' instructions from a named x86 CPU instead of
// the host, so these checks hold on any machine: AVX-512 VNNI and BF16 for
// sapphirerapids, AVX2 for x86-64-v3, scalar loops for x86-64; with
// emulate-x86-instructions, sapphirerapids's 512-bit kernels without an x86
// instruction, so that any host can run them.
// RUN: yat-opt %s -split-input-file "--yat-cpu-pipeline=target-cpu=sapphirerapids threads=1" | FileCheck %s --check-prefix=SPR
// RUN: yat-opt %s -split-input-file "--yat-cpu-pipeline=target-cpu=sapphirerapids threads=1 int8-dot=maddubs bf16-dot-products=false" | FileCheck %s --check-prefix=SPR-MADDUBS
// RUN: yat-opt %s -split-input-file "--yat-cpu-pipeline=target-cpu=x86-64-v3 threads=1" | FileCheck %s --check-prefix=AVX2
// RUN: yat-opt %s -split-input-file "--yat-cpu-pipeline=target-cpu=x86-64 threads=1" | FileCheck %s --check-prefix=BASE --implicit-check-not=llvm.x86
// RUN: yat-opt %s -split-input-file "--yat-cpu-pipeline=target-cpu=sapphirerapids threads=1 emulate-x86-instructions=true" | FileCheck %s --check-prefix=EMULATED --implicit-check-not=llvm.x86
// RUN: not yat-opt %s "--yat-cpu-pipeline=target-cpu=pentium9" 2>&1 | FileCheck %s --check-prefix=UNKNOWN

// UNKNOWN: unknown x86 CPU 'pentium9'; use host or one of {{.*}}sapphirerapids

// SPR-LABEL: llvm.func @ternary
// SPR: llvm.call_intrinsic "llvm.x86.avx512.vpdpbusd.512"({{.*}}) : (vector<16xi32>, vector<64xi8>, vector<64xi8>) -> vector<16xi32>
// SPR-MADDUBS-LABEL: llvm.func @ternary
// SPR-MADDUBS: llvm.call_intrinsic "llvm.x86.avx512.pmaddubs.w.512"
// SPR-MADDUBS: llvm.call_intrinsic "llvm.x86.avx512.pmaddw.d.512"
// AVX2-LABEL: llvm.func @ternary
// AVX2: llvm.call_intrinsic "llvm.x86.avx2.pmadd.ub.sw"({{.*}}) : (vector<32xi8>, vector<32xi8>) -> vector<16xi16>
// AVX2: llvm.call_intrinsic "llvm.x86.avx2.pmadd.wd"
// BASE-LABEL: llvm.func @ternary
// EMULATED-LABEL: llvm.func @ternary
// EMULATED: llvm.shufflevector {{.*}} : vector<64xi32>
// EMULATED: llvm.add {{.*}} : vector<16xi32>
func.func @ternary(%x: tensor<5x64xf32>, %p: tensor<32x16xi8>, %s: tensor<f32>) -> tensor<5x32xf32> {
  %y = yat.ternary_matmul %x, %p, %s : (tensor<5x64xf32>, tensor<32x16xi8>, tensor<f32>) -> tensor<5x32xf32>
  return %y : tensor<5x32xf32>
}

// -----

// SPR-LABEL: llvm.func @bf16_product
// SPR: llvm.call_intrinsic "llvm.x86.avx512bf16.dpbf16ps.512"
// SPR-MADDUBS-LABEL: llvm.func @bf16_product
// SPR-MADDUBS-NOT: dpbf16ps
// AVX2-LABEL: llvm.func @bf16_product
// AVX2-NOT: dpbf16ps
// BASE-LABEL: llvm.func @bf16_product
// EMULATED-LABEL: llvm.func @bf16_product
// EMULATED: llvm.shufflevector {{.*}} : vector<32xf32>
// EMULATED: llvm.intr.fma({{.*}}) : (vector<16xf32>, vector<16xf32>, vector<16xf32>) -> vector<16xf32>
func.func @bf16_product(%x: tensor<64x32xbf16>, %w: tensor<16x32xbf16>, %b: tensor<16xbf16>) -> tensor<64x16xbf16> {
  %y = yat.product %x, %w, %b : (tensor<64x32xbf16>, tensor<16x32xbf16>, tensor<16xbf16>) -> tensor<64x16xbf16>
  return %y : tensor<64x16xbf16>
}
