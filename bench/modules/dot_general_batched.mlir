// stablehlo.dot_general, batch 8, M=256 N=512 K=512.
func.func @main(%x: tensor<8x256x512xf32>, %w: tensor<8x512x512xf32>) -> tensor<8x256x512xf32> {
  %y = stablehlo.dot_general %x, %w, batching_dims = [0] x [0], contracting_dims = [2] x [1] : (tensor<8x256x512xf32>, tensor<8x512x512xf32>) -> tensor<8x256x512xf32>
  return %y : tensor<8x256x512xf32>
}
