// yat.conv 3x3, stride 1, same padding, with bias.
func.func @main(%x: tensor<8x56x56x64xf32>, %f: tensor<3x3x64x64xf32>, %b: tensor<64xf32>) -> tensor<8x56x56x64xf32> {
  %y = yat.conv %x, %f, %b {padding = array<i64: 1, 1, 1, 1>} : (tensor<8x56x56x64xf32>, tensor<3x3x64x64xf32>, tensor<64xf32>) -> tensor<8x56x56x64xf32>
  return %y : tensor<8x56x56x64xf32>
}
