// With a GPU and driver present, --target=cuda still ends with one line and
// exit status 2: yat-run compiles for the CPU only so far.
// REQUIRES: cuda
// RUN: %python %S/Inputs/expect-exit.py 2 yat-run %s --target=cuda --random-inputs | FileCheck %s

// CHECK: yat-run: error: --target=cuda is not available in this build: a CUDA driver with {{[0-9]+}} device(s) was found, but yat-run only compiles for the CPU so far
func.func @main(%a: tensor<2xf32>) -> tensor<2xf32> {
  return %a : tensor<2xf32>
}
