// Causal softmax yat.attention, B=1 H=16 T=8192 D=64.
func.func @main(%q: tensor<1x16x8192x64xf32>, %k: tensor<1x16x8192x64xf32>, %v: tensor<1x16x8192x64xf32>) -> tensor<1x16x8192x64xf32> {
  %o = yat.attention %q, %k, %v {causal} : (tensor<1x16x8192x64xf32>, tensor<1x16x8192x64xf32>, tensor<1x16x8192x64xf32>) -> tensor<1x16x8192x64xf32>
  return %o : tensor<1x16x8192x64xf32>
}
