func.func @main(%a: tensor<1x4096x2048xf32>, %b: tensor<1x4096x2048xf32>) -> tensor<1x4096x2048xf32> {
  %h, %last = yat.linear_recurrence %a, %b : (tensor<1x4096x2048xf32>, tensor<1x4096x2048xf32>) -> (tensor<1x4096x2048xf32>, tensor<1x2048xf32>)
  return %h : tensor<1x4096x2048xf32>
}
