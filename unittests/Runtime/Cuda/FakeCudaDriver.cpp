//===- FakeCudaDriver.cpp - a host-memory stand-in for libcuda.so ---------===//
//
// The driver entry points yat's CUDA runtime calls, on host memory, so that
// the runtime's logic (contexts, copies, launches, error names) and the host
// side of yat-run --target=cuda are tested on machines without a GPU: loaded
// through YAT_CUDA_DRIVER. Device memory is malloc'd, a module is an image
// starting with "FAKE" or a cubin (ELF), and a launch records its arguments
// (fakeCudaLastLaunch) instead of running anything. YAT_FAKE_CUDA_FAIL
// names one entry point that fails, with the error a real driver would give.
//
//===----------------------------------------------------------------------===//

#include "FakeCudaDriver.h"

#include <cstdint>
#include <cstdlib>
#include <cstring>

namespace {
constexpr int kSuccess = 0;
constexpr int kInvalidValue = 1;
constexpr int kOutOfMemory = 2;
constexpr int kInvalidImage = 200;
constexpr int kNotFound = 500;

int context = 0;
int stream = 0;
int event = 0;

FakeCudaLaunch lastLaunch;

/// Whether `entryPoint` is the one YAT_FAKE_CUDA_FAIL names.
bool mustFail(const char *entryPoint) {
  const char *failing = std::getenv("YAT_FAKE_CUDA_FAIL");
  return failing && std::strcmp(failing, entryPoint) == 0;
}
} // namespace

extern "C" {

FakeCudaLaunch *fakeCudaLastLaunch() { return &lastLaunch; }

int cuInit(unsigned) { return kSuccess; }
int cuDeviceGetCount(int *count) {
  *count = 1;
  return kSuccess;
}
int cuDeviceGet(int *device, int ordinal) {
  if (ordinal != 0)
    return kInvalidValue;
  *device = 0;
  return kSuccess;
}
int cuDevicePrimaryCtxRetain(void **result, int) {
  *result = &context;
  return kSuccess;
}
int cuCtxSetCurrent(void *) { return kSuccess; }

int cuGetErrorName(int error, const char **name) {
  switch (error) {
  case kSuccess:
    *name = "CUDA_SUCCESS";
    return kSuccess;
  case kInvalidValue:
    *name = "CUDA_ERROR_INVALID_VALUE";
    return kSuccess;
  case kOutOfMemory:
    *name = "CUDA_ERROR_OUT_OF_MEMORY";
    return kSuccess;
  case kInvalidImage:
    *name = "CUDA_ERROR_INVALID_IMAGE";
    return kSuccess;
  case kNotFound:
    *name = "CUDA_ERROR_NOT_FOUND";
    return kSuccess;
  }
  *name = nullptr;
  return kInvalidValue;
}

int cuModuleLoadData(void **module, const void *image) {
  const char *bytes = static_cast<const char *>(image);
  if (mustFail("cuModuleLoadData") ||
      (std::strncmp(bytes, "FAKE", 4) != 0 && std::strncmp(bytes,
                                                           "\x7f"
                                                           "ELF",
                                                           4) != 0))
    return kInvalidImage;
  *module = const_cast<void *>(image);
  return kSuccess;
}
int cuModuleUnload(void *) { return kSuccess; }
int cuModuleGetFunction(void **function, void *module, const char *name) {
  if (std::strcmp(name, "missing") == 0)
    return kNotFound;
  *function = module;
  return kSuccess;
}
int cuLaunchKernel(void *, unsigned gx, unsigned gy, unsigned gz, unsigned bx,
                   unsigned by, unsigned bz, unsigned shared, void *,
                   void **parameters, void **) {
  if (mustFail("cuLaunchKernel"))
    return kInvalidValue;
  lastLaunch = {{gx, gy, gz},
                {bx, by, bz},
                shared,
                parameters ? *static_cast<int64_t *>(parameters[0]) : 0,
                lastLaunch.launches + 1};
  return kSuccess;
}

int cuStreamCreate(void **result, unsigned) {
  *result = &stream;
  return kSuccess;
}
int cuStreamDestroy_v2(void *) { return kSuccess; }
int cuStreamSynchronize(void *) { return kSuccess; }
int cuStreamWaitEvent(void *, void *, unsigned) { return kSuccess; }
int cuEventCreate(void **result, unsigned) {
  *result = &event;
  return kSuccess;
}
int cuEventDestroy_v2(void *) { return kSuccess; }
int cuEventRecord(void *, void *) { return kSuccess; }
int cuEventSynchronize(void *) { return kSuccess; }
int cuEventElapsedTime(float *milliseconds, void *, void *) {
  *milliseconds = 1.5f;
  return kSuccess;
}

int cuMemAlloc_v2(uint64_t *pointer, size_t bytes) {
  // Anything beyond 1 TiB is out of memory, as on a real device.
  void *memory = bytes > (size_t(1) << 40) ? nullptr : std::malloc(bytes);
  if (!memory)
    return kOutOfMemory;
  *pointer = reinterpret_cast<uintptr_t>(memory);
  return kSuccess;
}
int cuMemAllocManaged(uint64_t *pointer, size_t bytes, unsigned) {
  if (mustFail("cuMemAllocManaged"))
    return kOutOfMemory;
  return cuMemAlloc_v2(pointer, bytes);
}
int cuMemFree_v2(uint64_t pointer) {
  std::free(reinterpret_cast<void *>(static_cast<uintptr_t>(pointer)));
  return kSuccess;
}
int cuMemcpyAsync(uint64_t destination, uint64_t source, size_t bytes, void *) {
  std::memcpy(reinterpret_cast<void *>(static_cast<uintptr_t>(destination)),
              reinterpret_cast<void *>(static_cast<uintptr_t>(source)), bytes);
  return kSuccess;
}
int cuMemsetD16Async(uint64_t destination, uint16_t value, size_t count,
                     void *) {
  auto *data =
      reinterpret_cast<uint16_t *>(static_cast<uintptr_t>(destination));
  for (size_t i = 0; i < count; ++i)
    data[i] = value;
  return kSuccess;
}
int cuMemsetD32Async(uint64_t destination, uint32_t value, size_t count,
                     void *) {
  auto *data =
      reinterpret_cast<uint32_t *>(static_cast<uintptr_t>(destination));
  for (size_t i = 0; i < count; ++i)
    data[i] = value;
  return kSuccess;
}
int cuMemHostRegister_v2(void *, size_t, unsigned) { return kSuccess; }
int cuMemHostUnregister(void *) { return kSuccess; }

} // extern "C"
