// linalg.transpose of a 2048x2048 f32 matrix.
func.func @main(%a: tensor<2048x2048xf32>) -> tensor<2048x2048xf32> {
  %empty = tensor.empty() : tensor<2048x2048xf32>
  %r = linalg.transpose ins(%a : tensor<2048x2048xf32>) outs(%empty : tensor<2048x2048xf32>) permutation = [1, 0]
  return %r : tensor<2048x2048xf32>
}
