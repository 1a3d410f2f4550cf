// yat.product with bias, M=1 N=2816 K=1024, f32.
func.func @main(%x: tensor<1x1024xf32>, %w: tensor<2816x1024xf32>, %b: tensor<2816xf32>) -> tensor<1x2816xf32> {
  %y = yat.product %x, %w, %b : (tensor<1x1024xf32>, tensor<2816x1024xf32>, tensor<2816xf32>) -> tensor<1x2816xf32>
  return %y : tensor<1x2816xf32>
}
