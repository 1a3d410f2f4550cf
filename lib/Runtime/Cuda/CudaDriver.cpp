//===- CudaDriver.cpp - the CUDA driver API, opened at run time -----------===//

#include "yat/Runtime/Cuda/CudaDriver.h"

#include <cstdlib>
#include <dlfcn.h>

using namespace mlir::yat::runtime;

/// Resolves every entry point of `api` in `library`; the name of the first
/// one that is missing, or nullptr.
static const char *resolveEntryPoints(void *library, CudaDriverApi &api) {
  struct Entry {
    const char *name;
    void **slot;
  };
#define YAT_CUDA_ENTRY(field, symbol)                                          \
  Entry { symbol, reinterpret_cast<void **>(&api.field) }
  const Entry entries[] = {
      YAT_CUDA_ENTRY(cuInit, "cuInit"),
      YAT_CUDA_ENTRY(cuDeviceGetCount, "cuDeviceGetCount"),
      YAT_CUDA_ENTRY(cuDeviceGet, "cuDeviceGet"),
      YAT_CUDA_ENTRY(cuDevicePrimaryCtxRetain, "cuDevicePrimaryCtxRetain"),
      YAT_CUDA_ENTRY(cuCtxSetCurrent, "cuCtxSetCurrent"),
      YAT_CUDA_ENTRY(cuGetErrorName, "cuGetErrorName"),
      YAT_CUDA_ENTRY(cuModuleLoadData, "cuModuleLoadData"),
      YAT_CUDA_ENTRY(cuModuleUnload, "cuModuleUnload"),
      YAT_CUDA_ENTRY(cuModuleGetFunction, "cuModuleGetFunction"),
      YAT_CUDA_ENTRY(cuLaunchKernel, "cuLaunchKernel"),
      YAT_CUDA_ENTRY(cuStreamCreate, "cuStreamCreate"),
      YAT_CUDA_ENTRY(cuStreamDestroy, "cuStreamDestroy_v2"),
      YAT_CUDA_ENTRY(cuStreamSynchronize, "cuStreamSynchronize"),
      YAT_CUDA_ENTRY(cuStreamWaitEvent, "cuStreamWaitEvent"),
      YAT_CUDA_ENTRY(cuEventCreate, "cuEventCreate"),
      YAT_CUDA_ENTRY(cuEventDestroy, "cuEventDestroy_v2"),
      YAT_CUDA_ENTRY(cuEventRecord, "cuEventRecord"),
      YAT_CUDA_ENTRY(cuEventSynchronize, "cuEventSynchronize"),
      YAT_CUDA_ENTRY(cuEventElapsedTime, "cuEventElapsedTime"),
      YAT_CUDA_ENTRY(cuMemAlloc, "cuMemAlloc_v2"),
      YAT_CUDA_ENTRY(cuMemAllocManaged, "cuMemAllocManaged"),
      YAT_CUDA_ENTRY(cuMemFree, "cuMemFree_v2"),
      YAT_CUDA_ENTRY(cuMemcpyAsync, "cuMemcpyAsync"),
      YAT_CUDA_ENTRY(cuMemsetD16Async, "cuMemsetD16Async"),
      YAT_CUDA_ENTRY(cuMemsetD32Async, "cuMemsetD32Async"),
      YAT_CUDA_ENTRY(cuMemHostRegister, "cuMemHostRegister_v2"),
      YAT_CUDA_ENTRY(cuMemHostUnregister, "cuMemHostUnregister"),
  };
#undef YAT_CUDA_ENTRY
  for (const Entry &entry : entries) {
    *entry.slot = dlsym(library, entry.name);
    if (!*entry.slot)
      return entry.name;
  }
  return nullptr;
}

static CudaDriverStatus openDriver() {
  CudaDriverStatus status;
  const char *override = std::getenv("YAT_CUDA_DRIVER");
  std::string path = override && *override ? override : "libcuda.so.1";
  void *library = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!library) {
    status.reason = path + " not found";
    return status;
  }
  static CudaDriverApi api;
  if (const char *missing = resolveEntryPoints(library, api)) {
    status.reason = path + " does not export " + missing;
    return status;
  }
  if (CudaResult result = api.cuInit(0)) {
    // cuGetErrorName works before cuInit succeeds.
    const char *name = nullptr;
    api.cuGetErrorName(result, &name);
    status.reason = std::string("cuInit failed with ") +
                    (name ? name : "CUDA error " + std::to_string(result));
    return status;
  }
  if (CudaResult result = api.cuDeviceGetCount(&status.deviceCount)) {
    status.reason =
        "cuDeviceGetCount failed with CUDA error " + std::to_string(result);
    return status;
  }
  if (status.deviceCount == 0) {
    status.reason = "no CUDA device found";
    return status;
  }
  status.usable = true;
  status.api = &api;
  return status;
}

const CudaDriverStatus &mlir::yat::runtime::probeCudaDriver() {
  static const CudaDriverStatus status = openDriver();
  return status;
}

std::string mlir::yat::runtime::getCudaErrorName(CudaResult result) {
  const CudaDriverStatus &status = probeCudaDriver();
  const char *name = nullptr;
  if (status.api && status.api->cuGetErrorName(result, &name) == 0 && name)
    return name;
  return "CUDA error " + std::to_string(result);
}
