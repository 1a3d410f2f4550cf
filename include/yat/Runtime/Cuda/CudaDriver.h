//===- CudaDriver.h - the CUDA driver API, opened at run time ---*- C++ -*-===//
//
// yat never links the CUDA driver: it opens libcuda.so.1 with dlopen (or the
// library YAT_CUDA_DRIVER names, which the tests use for a host-memory
// stand-in), so that it builds and runs on hosts without one. The entry
// points yat calls are declared here with the driver's C signatures, on
// opaque handles, without the toolkit's headers.
//
//===----------------------------------------------------------------------===//

#ifndef YAT_RUNTIME_CUDA_CUDADRIVER_H
#define YAT_RUNTIME_CUDA_CUDADRIVER_H

#include <cstddef>
#include <cstdint>
#include <string>

namespace mlir::yat::runtime {

/// The driver's CUresult; 0 is CUDA_SUCCESS.
using CudaResult = int;
using CudaDevicePtr = uint64_t;

/// The entry points of the driver API that yat uses, by the names the
/// driver exports (the `_v2` ones where cuda.h maps to them).
struct CudaDriverApi {
  CudaResult (*cuInit)(unsigned flags);
  CudaResult (*cuDeviceGetCount)(int *count);
  CudaResult (*cuDeviceGet)(int *device, int ordinal);
  CudaResult (*cuDevicePrimaryCtxRetain)(void **context, int device);
  CudaResult (*cuCtxSetCurrent)(void *context);
  CudaResult (*cuGetErrorName)(CudaResult error, const char **name);
  CudaResult (*cuModuleLoadData)(void **module, const void *image);
  CudaResult (*cuModuleUnload)(void *module);
  CudaResult (*cuModuleGetFunction)(void **function, void *module,
                                    const char *name);
  CudaResult (*cuLaunchKernel)(void *function, unsigned gridX, unsigned gridY,
                               unsigned gridZ, unsigned blockX, unsigned blockY,
                               unsigned blockZ, unsigned sharedMemoryBytes,
                               void *stream, void **parameters, void **extra);
  CudaResult (*cuStreamCreate)(void **stream, unsigned flags);
  CudaResult (*cuStreamDestroy)(void *stream);
  CudaResult (*cuStreamSynchronize)(void *stream);
  CudaResult (*cuStreamWaitEvent)(void *stream, void *event, unsigned flags);
  CudaResult (*cuEventCreate)(void **event, unsigned flags);
  CudaResult (*cuEventDestroy)(void *event);
  CudaResult (*cuEventRecord)(void *event, void *stream);
  CudaResult (*cuEventSynchronize)(void *event);
  CudaResult (*cuEventElapsedTime)(float *milliseconds, void *start, void *end);
  CudaResult (*cuMemAlloc)(CudaDevicePtr *pointer, size_t bytes);
  CudaResult (*cuMemAllocManaged)(CudaDevicePtr *pointer, size_t bytes,
                                  unsigned flags);
  CudaResult (*cuMemFree)(CudaDevicePtr pointer);
  CudaResult (*cuMemcpyAsync)(CudaDevicePtr destination, CudaDevicePtr source,
                              size_t bytes, void *stream);
  CudaResult (*cuMemsetD16Async)(CudaDevicePtr destination, uint16_t value,
                                 size_t count, void *stream);
  CudaResult (*cuMemsetD32Async)(CudaDevicePtr destination, uint32_t value,
                                 size_t count, void *stream);
  CudaResult (*cuMemHostRegister)(void *pointer, size_t bytes, unsigned flags);
  CudaResult (*cuMemHostUnregister)(void *pointer);
};

/// The driver, opened and initialized once per process, or why it cannot
/// be used.
struct CudaDriverStatus {
  bool usable = false;
  /// Why not, when !usable: "libcuda.so.1 not found", "cuInit failed with
  /// CUDA_ERROR_NO_DEVICE", "no CUDA device found".
  std::string reason;
  int deviceCount = 0;
  /// The entry points, when usable.
  const CudaDriverApi *api = nullptr;
};

/// Opens the driver (libcuda.so.1, or $YAT_CUDA_DRIVER), resolves its entry
/// points and calls cuInit, once per process; later calls return the same
/// status. The library stays loaded: unloading the driver after cuInit is
/// not supported by CUDA.
const CudaDriverStatus &probeCudaDriver();

/// "CUDA_ERROR_OUT_OF_MEMORY" for a driver result, or "CUDA error <n>" when
/// the driver does not name it.
std::string getCudaErrorName(CudaResult result);

} // namespace mlir::yat::runtime

#endif // YAT_RUNTIME_CUDA_CUDADRIVER_H
