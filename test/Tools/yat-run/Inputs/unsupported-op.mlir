// gpu ops have no lowering in yat-cpu-pipeline.
func.func @main(%a: tensor<4xf32>) -> tensor<4xf32> {
  %i = gpu.thread_id x
  %f = arith.index_cast %i : index to i64
  %g = arith.sitofp %f : i64 to f32
  %e = tensor.empty() : tensor<4xf32>
  %r = linalg.fill ins(%g : f32) outs(%e : tensor<4xf32>) -> tensor<4xf32>
  return %r : tensor<4xf32>
}
