//===- Cuda.cpp - CUDA driver detection -----------------------------------===//

#include "yat/Runtime/JIT/Cuda.h"

#include <dlfcn.h>

using namespace mlir::yat::runtime;

CudaDriverStatus mlir::yat::runtime::probeCudaDriver() {
  CudaDriverStatus status;
  // The driver is opened at run time so that yat builds and runs on hosts
  // without one. The handle stays open: unloading the driver after cuInit is
  // not supported by CUDA.
  void *driver = dlopen("libcuda.so.1", RTLD_NOW | RTLD_LOCAL);
  if (!driver) {
    status.reason = "libcuda.so.1 not found";
    return status;
  }
  using CuInit = int (*)(unsigned);
  using CuDeviceGetCount = int (*)(int *);
  auto cuInit = reinterpret_cast<CuInit>(dlsym(driver, "cuInit"));
  auto cuDeviceGetCount =
      reinterpret_cast<CuDeviceGetCount>(dlsym(driver, "cuDeviceGetCount"));
  if (!cuInit || !cuDeviceGetCount) {
    status.reason = "libcuda.so.1 does not export cuInit and cuDeviceGetCount";
    return status;
  }
  if (int result = cuInit(0)) {
    status.reason = "cuInit failed with CUDA error " + std::to_string(result);
    return status;
  }
  if (int result = cuDeviceGetCount(&status.deviceCount)) {
    status.reason =
        "cuDeviceGetCount failed with CUDA error " + std::to_string(result);
    return status;
  }
  if (status.deviceCount == 0) {
    status.reason = "no CUDA device found";
    return status;
  }
  status.usable = true;
  return status;
}
