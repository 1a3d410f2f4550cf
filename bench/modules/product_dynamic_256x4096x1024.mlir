// yat.product with bias, M=256 (dynamic) N=4096 K=1024, f32.
func.func @main(%x: tensor<?x1024xf32>, %w: tensor<4096x1024xf32>, %b: tensor<4096xf32>) -> tensor<?x4096xf32> {
  %y = yat.product %x, %w, %b : (tensor<?x1024xf32>, tensor<4096x1024xf32>, tensor<4096xf32>) -> tensor<?x4096xf32>
  return %y : tensor<?x4096xf32>
}
