// yat-run --target=cuda on a host-memory stand-in for the CUDA driver
// (unittests/Runtime/Cuda/FakeCudaDriver.cpp): the host side of a run (the
// cubins loaded, arguments staged in host-shared memory, kernels launched,
// results copied out and freed) completes, and a failing driver call ends
// the run with its name and the CUDA error's, exit status 1, no crash.
// RUN: env YAT_CUDA_DRIVER=%yat_lib/libYatFakeCudaDriver.so yat-run %s --target=cuda --random-inputs | FileCheck %s --check-prefix=RUNS
// RUN: env YAT_CUDA_DRIVER=%yat_lib/libYatFakeCudaDriver.so yat-run %s --target=cuda --random-inputs --benchmark=3 | FileCheck %s --check-prefix=TIMES
// RUN: env YAT_CUDA_DRIVER=%yat_lib/libYatFakeCudaDriver.so YAT_FAKE_CUDA_FAIL=cuModuleLoadData %python %S/Inputs/expect-exit.py 1 yat-run %s --target=cuda --random-inputs | FileCheck %s --check-prefix=IMAGE
// RUN: env YAT_CUDA_DRIVER=%yat_lib/libYatFakeCudaDriver.so YAT_FAKE_CUDA_FAIL=cuMemAllocManaged %python %S/Inputs/expect-exit.py 1 yat-run %s --target=cuda --random-inputs | FileCheck %s --check-prefix=MEMORY
// RUN: env YAT_CUDA_DRIVER=%yat_lib/libYatFakeCudaDriver.so YAT_FAKE_CUDA_FAIL=cuLaunchKernel %python %S/Inputs/expect-exit.py 1 yat-run %s --target=cuda --random-inputs | FileCheck %s --check-prefix=LAUNCH

// RUNS: result 0: tensor<16xf32>
// TIMES: median_ms={{[0-9.]+}} min_ms={{[0-9.]+}}
// IMAGE: yat-run: error: cuModuleLoadData failed: CUDA_ERROR_INVALID_IMAGE
// MEMORY: yat-run: error: cuMemAllocManaged failed: CUDA_ERROR_OUT_OF_MEMORY
// LAUNCH: yat-run: error: cuLaunchKernel failed: CUDA_ERROR_INVALID_VALUE
func.func @main(%a: tensor<16xf32>) -> tensor<16xf32> {
  %e = math.exp %a : tensor<16xf32>
  return %e : tensor<16xf32>
}
