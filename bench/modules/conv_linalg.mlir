// A plain convolution of the same shape: zero padding and
// linalg.conv_2d_nhwc_hwcf.
func.func @main(%x: tensor<8x56x56x64xf32>, %f: tensor<3x3x64x64xf32>) -> tensor<8x56x56x64xf32> {
  %zero = arith.constant 0.0 : f32
  %p = tensor.pad %x low[0, 1, 1, 0] high[0, 1, 1, 0] {
  ^bb0(%i: index, %j: index, %k: index, %l: index):
    tensor.yield %zero : f32
  } : tensor<8x56x56x64xf32> to tensor<8x58x58x64xf32>
  %e = tensor.empty() : tensor<8x56x56x64xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<8x56x56x64xf32>) -> tensor<8x56x56x64xf32>
  %y = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%p, %f : tensor<8x58x58x64xf32>, tensor<3x3x64x64xf32>) outs(%init : tensor<8x56x56x64xf32>) -> tensor<8x56x56x64xf32>
  return %y : tensor<8x56x56x64xf32>
}
