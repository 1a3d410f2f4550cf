// --target=cuda on a driver that fails (a host-memory stand-in for
// libcuda.so, unittests/Runtime/Cuda/FakeCudaDriver.cpp, which takes no real
// cubin): the run ends with the failing driver call and the CUDA error's
// name, exit status 1, and no crash.
// RUN: env YAT_CUDA_DRIVER=%yat_lib/libYatFakeCudaDriver.so %python %S/Inputs/expect-exit.py 1 yat-run %s --target=cuda --random-inputs | FileCheck %s

// CHECK: yat-run: error: cuModuleLoadData failed: CUDA_ERROR_INVALID_IMAGE
func.func @main(%a: tensor<16xf32>) -> tensor<16xf32> {
  %e = math.exp %a : tensor<16xf32>
  return %e : tensor<16xf32>
}
