// The tensor-core matmuls of yat-gpu-pipeline on a GPU against the CPU, on
// the same seeded random inputs: f16 and bf16 products are exact in f32 on
// both (only the order of the sums differs); bf16 results of yat.product
// may round to a neighbouring bf16 (2^-8 relative); tf32 keeps 10 bits of
// each operand's mantissa (products off by up to 2^-10 relative, 64 of
// them per sum of inputs in [-1, 1)).
// REQUIRES: cuda
// RUN: %python %S/Inputs/compare-targets.py yat-run %s matmul_f16 matmul_bf16 matmul_f16_64 | FileCheck %s
// RUN: %python %S/Inputs/compare-targets.py --rtol=1e-2 --atol=1e-2 yat-run %s product_bf16 | FileCheck %s --check-prefix=PRODUCT
// RUN: %python %S/Inputs/compare-targets.py --cuda-pipeline-options=tf32=true --rtol=1e-2 --atol=4e-2 yat-run %s matmul_f32 | FileCheck %s --check-prefix=TF32

// CHECK: matmul_f16: 1 result(s) match
// CHECK: matmul_bf16: 1 result(s) match
// CHECK: matmul_f16_64: 1 result(s) match
// PRODUCT: product_bf16: 1 result(s) match
// TF32: matmul_f32: 1 result(s) match
func.func @matmul_f16(%a: tensor<256x96xf16>, %b: tensor<96x384xf16>) -> tensor<256x384xf32> {
  %0 = stablehlo.dot_general %a, %b, contracting_dims = [1] x [0], precision = [DEFAULT, DEFAULT] : (tensor<256x96xf16>, tensor<96x384xf16>) -> tensor<256x384xf32>
  return %0 : tensor<256x384xf32>
}
func.func @matmul_bf16(%a: tensor<128x64xbf16>, %b: tensor<64x128xbf16>) -> tensor<128x128xf32> {
  %0 = stablehlo.dot_general %a, %b, contracting_dims = [1] x [0], precision = [DEFAULT, DEFAULT] : (tensor<128x64xbf16>, tensor<64x128xbf16>) -> tensor<128x128xf32>
  return %0 : tensor<128x128xf32>
}
// 64 x 64 blocks of 4 warps (128 does not divide 192).
func.func @matmul_f16_64(%a: tensor<192x32xf16>, %b: tensor<32x64xf16>) -> tensor<192x64xf32> {
  %0 = stablehlo.dot_general %a, %b, contracting_dims = [1] x [0], precision = [DEFAULT, DEFAULT] : (tensor<192x32xf16>, tensor<32x64xf16>) -> tensor<192x64xf32>
  return %0 : tensor<192x64xf32>
}
func.func @product_bf16(%x: tensor<128x64xbf16>, %w: tensor<192x64xbf16>, %b: tensor<192xbf16>) -> tensor<128x192xbf16> {
  %y = yat.product %x, %w, %b {epsilon = 1.0e-3 : f32} : (tensor<128x64xbf16>, tensor<192x64xbf16>, tensor<192xbf16>) -> tensor<128x192xbf16>
  return %y : tensor<128x192xbf16>
}
func.func @matmul_f32(%a: tensor<128x64xf32>, %b: tensor<64x128xf32>) -> tensor<128x128xf32> {
  %0 = stablehlo.dot_general %a, %b, contracting_dims = [1] x [0], precision = [DEFAULT, DEFAULT] : (tensor<128x64xf32>, tensor<64x128xf32>) -> tensor<128x128xf32>
  return %0 : tensor<128x128xf32>
}
