// yat.product with bias, M=2048 N=4096 K=1024, f32.
func.func @main(%x: tensor<2048x1024xf32>, %w: tensor<4096x1024xf32>, %b: tensor<4096xf32>) -> tensor<2048x4096xf32> {
  %y = yat.product %x, %w, %b : (tensor<2048x1024xf32>, tensor<4096x1024xf32>, tensor<4096xf32>) -> tensor<2048x4096xf32>
  return %y : tensor<2048x4096xf32>
}
