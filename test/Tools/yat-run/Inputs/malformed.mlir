// Not valid MLIR: the argument list is never closed.
func.func @main(%a: tensor<2xf32> -> tensor<2xf32> {
  return %a : tensor<2xf32>
}
