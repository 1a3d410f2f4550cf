// yat.product with bias, M=64 N=1024 K=4096, f32.
func.func @main(%x: tensor<64x4096xf32>, %w: tensor<1024x4096xf32>, %b: tensor<1024xf32>) -> tensor<64x1024xf32> {
  %y = yat.product %x, %w, %b : (tensor<64x4096xf32>, tensor<1024x4096xf32>, tensor<1024xf32>) -> tensor<64x1024xf32>
  return %y : tensor<64x1024xf32>
}
