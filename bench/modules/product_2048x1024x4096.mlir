// yat.product with bias, M=2048 N=1024 K=4096, f32.
func.func @main(%x: tensor<2048x4096xf32>, %w: tensor<1024x4096xf32>, %b: tensor<1024xf32>) -> tensor<2048x1024xf32> {
  %y = yat.product %x, %w, %b : (tensor<2048x4096xf32>, tensor<1024x4096xf32>, tensor<1024xf32>) -> tensor<2048x1024xf32>
  return %y : tensor<2048x1024xf32>
}
