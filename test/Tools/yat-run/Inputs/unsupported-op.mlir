// complex numbers have no lowering in yat-cpu-pipeline.
func.func @main(%a: tensor<4xf32>) -> tensor<4xf32> {
  %empty = tensor.empty() : tensor<4xcomplex<f32>>
  %c = linalg.generic {indexing_maps = [affine_map<(i) -> (i)>, affine_map<(i) -> (i)>], iterator_types = ["parallel"]} ins(%a : tensor<4xf32>) outs(%empty : tensor<4xcomplex<f32>>) {
  ^bb0(%x: f32, %out: complex<f32>):
    %z = complex.create %x, %x : complex<f32>
    %e = complex.exp %z : complex<f32>
    linalg.yield %e : complex<f32>
  } -> tensor<4xcomplex<f32>>
  %empty2 = tensor.empty() : tensor<4xf32>
  %r = linalg.generic {indexing_maps = [affine_map<(i) -> (i)>, affine_map<(i) -> (i)>], iterator_types = ["parallel"]} ins(%c : tensor<4xcomplex<f32>>) outs(%empty2 : tensor<4xf32>) {
  ^bb0(%z: complex<f32>, %out: f32):
    %re = complex.re %z : complex<f32>
    linalg.yield %re : f32
  } -> tensor<4xf32>
  return %r : tensor<4xf32>
}
