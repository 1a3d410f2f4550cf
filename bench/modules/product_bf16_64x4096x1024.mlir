// yat.product with bias, M=64 N=4096 K=1024, bf16.
func.func @main(%x: tensor<64x1024xbf16>, %w: tensor<4096x1024xbf16>, %b: tensor<4096xbf16>) -> tensor<64x4096xbf16> {
  %y = yat.product %x, %w, %b : (tensor<64x1024xbf16>, tensor<4096x1024xbf16>, tensor<4096xbf16>) -> tensor<64x4096xbf16>
  return %y : tensor<64x4096xbf16>
}
