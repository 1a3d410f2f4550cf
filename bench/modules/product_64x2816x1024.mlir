// yat.product with bias, M=64 N=2816 K=1024, f32.
func.func @main(%x: tensor<64x1024xf32>, %w: tensor<2816x1024xf32>, %b: tensor<2816xf32>) -> tensor<64x2816xf32> {
  %y = yat.product %x, %w, %b : (tensor<64x1024xf32>, tensor<2816x1024xf32>, tensor<2816xf32>) -> tensor<64x2816xf32>
  return %y : tensor<64x2816xf32>
}
