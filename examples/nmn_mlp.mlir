// A small Neural-Matter Network: two ⵟ-product layers (no activation
// function needed: the ⵟ-product is non-linear) and an RMS norm between them.
// Input 4 tokens of width 16 -> 32 hidden units -> 8 outputs.
func.func @main(%x: tensor<4x16xf32>, %w1: tensor<32x16xf32>, %b1: tensor<32xf32>,
                %gamma: tensor<32xf32>, %w2: tensor<8x32xf32>) -> tensor<4x8xf32> {
  %h = yat.product %x, %w1, %b1 : (tensor<4x16xf32>, tensor<32x16xf32>, tensor<32xf32>) -> tensor<4x32xf32>
  %n = yat.rms_norm %h, %gamma : (tensor<4x32xf32>, tensor<32xf32>) -> tensor<4x32xf32>
  %y = yat.product %n, %w2 {alpha = 0.5 : f32} : (tensor<4x32xf32>, tensor<8x32xf32>) -> tensor<4x8xf32>
  return %y : tensor<4x8xf32>
}
