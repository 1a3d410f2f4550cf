// yat.product with bias, M=1024 N=1024 K=1024, f32.
func.func @main(%x: tensor<1024x1024xf32>, %w: tensor<1024x1024xf32>, %b: tensor<1024xf32>) -> tensor<1024x1024xf32> {
  %y = yat.product %x, %w, %b : (tensor<1024x1024xf32>, tensor<1024x1024xf32>, tensor<1024xf32>) -> tensor<1024x1024xf32>
  return %y : tensor<1024x1024xf32>
}
