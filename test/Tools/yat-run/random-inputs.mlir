// --random-inputs: the same seed gives the same arguments, another seed
// others; floats lie in [-1, 1), integers in [-8, 8], and the values drawn
// for a seed are fixed (std::mt19937_64 with yat's own mapping), so they
// are checked exactly.
// RUN: rm -rf %t && mkdir -p %t
// RUN: yat-run %s --random-inputs --seed=7 > %t/seed7.txt
// RUN: yat-run %s --random-inputs --seed=7 > %t/seed7-again.txt
// RUN: yat-run %s --random-inputs --seed=8 > %t/seed8.txt
// RUN: diff %t/seed7.txt %t/seed7-again.txt
// RUN: not diff %t/seed7.txt %t/seed8.txt
// RUN: yat-run %s --random-inputs > %t/default.txt
// RUN: yat-run %s --random-inputs --seed=0 | diff %t/default.txt -
// RUN: yat-run %s --random-inputs --seed=7 --output=%t/f.npy --output=%t/i.npy --output=%t/b.npy --output=%t/s.npy
// RUN: %python -c "import numpy as np; f, i, b = (np.load('%t/' + n + '.npy') for n in 'fib'); assert f.dtype == np.float32 and f.shape == (64, 16) and f.min() >= -1 and f.max() < 1 and f.std() > 0.4, f; assert i.dtype == np.int32 and i.min() >= -8 and i.max() <= 8 and len(set(i.ravel().tolist())) > 10, i; assert b.dtype == np.bool_ and 0 < b.sum() < b.size, b"
// RUN: FileCheck %s --strict-whitespace --input-file=%t/seed7.txt

// CHECK:      result 3: tensor<4xi8>
// CHECK-NEXT: {{^\[}}-1 -3 -1 -5]{{$}}
func.func @main(%f: tensor<64x16xf32>, %i: tensor<256xi32>, %b: tensor<4x4xi1>, %s: tensor<4xi8>) -> (tensor<64x16xf32>, tensor<256xi32>, tensor<4x4xi1>, tensor<4xi8>) {
  return %f, %i, %b, %s : tensor<64x16xf32>, tensor<256xi32>, tensor<4x4xi1>, tensor<4xi8>
}
