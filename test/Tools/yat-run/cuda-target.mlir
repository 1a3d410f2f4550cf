// --target=cuda on a machine without an NVIDIA GPU and driver says so in
// one line and exits with status 2.
// UNSUPPORTED: cuda
// RUN: %python %S/Inputs/expect-exit.py 2 yat-run %s --target=cuda --random-inputs | FileCheck %s

// CHECK: yat-run: error: --target=cuda needs an NVIDIA GPU and driver ({{.+}})
func.func @main(%a: tensor<2xf32>) -> tensor<2xf32> {
  return %a : tensor<2xf32>
}
