//===- CudaRuntime.cpp - the mgpu* host ABI on the CUDA driver ------------===//

#include "yat/Runtime/Cuda/CudaRuntime.h"
#include "yat/Runtime/Cuda/CudaDriver.h"

#include "mlir/ExecutionEngine/CRunnerUtils.h"

#include <atomic>
#include <cstdint>
#include <mutex>

using namespace mlir::yat::runtime;

namespace {

std::mutex errorMutex;
std::optional<std::string> firstError;

void recordError(std::string message) {
  std::lock_guard<std::mutex> lock(errorMutex);
  if (!firstError)
    firstError = std::move(message);
}

/// The device whose primary context the calls use (mgpuSetDefaultDevice).
std::atomic<int> defaultDevice{0};

/// The driver with the default device's primary context current on this
/// thread, or nullptr (the failure recorded).
const CudaDriverApi *getDriver() {
  const CudaDriverStatus &status = probeCudaDriver();
  if (!status.usable) {
    recordError("the CUDA driver cannot be used: " + status.reason);
    return nullptr;
  }
  thread_local int currentDevice = -1;
  int device = defaultDevice.load();
  if (currentDevice == device)
    return status.api;
  const CudaDriverApi &api = *status.api;
  int handle = 0;
  void *context = nullptr;
  if (CudaResult result = api.cuDeviceGet(&handle, device)) {
    recordError("cuDeviceGet(" + std::to_string(device) +
                ") failed: " + getCudaErrorName(result));
    return nullptr;
  }
  if (CudaResult result = api.cuDevicePrimaryCtxRetain(&context, handle)) {
    recordError("cuDevicePrimaryCtxRetain failed: " + getCudaErrorName(result));
    return nullptr;
  }
  if (CudaResult result = api.cuCtxSetCurrent(context)) {
    recordError("cuCtxSetCurrent failed: " + getCudaErrorName(result));
    return nullptr;
  }
  currentDevice = device;
  return status.api;
}

/// Whether `result` is a success; records the failure of `call` if not.
bool succeeded(const char *call, CudaResult result) {
  if (result == 0)
    return true;
  recordError(std::string(call) + " failed: " + getCudaErrorName(result));
  return false;
}

CudaDevicePtr toDevicePtr(const void *pointer) {
  return reinterpret_cast<uintptr_t>(pointer);
}

} // namespace

std::optional<std::string> mlir::yat::runtime::takeCudaError() {
  std::lock_guard<std::mutex> lock(errorMutex);
  std::optional<std::string> error = std::move(firstError);
  firstError.reset();
  return error;
}

extern "C" {

void *mgpuModuleLoad(void *data, size_t /*sizeInBytes*/) {
  const CudaDriverApi *api = getDriver();
  void *module = nullptr;
  if (api &&
      !succeeded("cuModuleLoadData", api->cuModuleLoadData(&module, data)))
    return nullptr;
  return module;
}

/// PTX, compiled by the driver when the module is loaded.
void *mgpuModuleLoadJIT(void *data, int /*optLevel*/) {
  return mgpuModuleLoad(data, 0);
}

void mgpuModuleUnload(void *module) {
  if (const CudaDriverApi *api = getDriver(); api && module)
    succeeded("cuModuleUnload", api->cuModuleUnload(module));
}

void *mgpuModuleGetFunction(void *module, const char *name) {
  const CudaDriverApi *api = getDriver();
  if (!api || !module)
    return nullptr;
  void *function = nullptr;
  CudaResult result = api->cuModuleGetFunction(&function, module, name);
  if (result) {
    recordError("cuModuleGetFunction(\"" + std::string(name) +
                "\") failed: " + getCudaErrorName(result));
    return nullptr;
  }
  return function;
}

void mgpuLaunchKernel(void *function, intptr_t gridX, intptr_t gridY,
                      intptr_t gridZ, intptr_t blockX, intptr_t blockY,
                      intptr_t blockZ, int32_t sharedMemoryBytes, void *stream,
                      void **parameters, void **extra,
                      size_t /*parameterCount*/) {
  const CudaDriverApi *api = getDriver();
  if (!api || !function)
    return;
  succeeded("cuLaunchKernel",
            api->cuLaunchKernel(function, gridX, gridY, gridZ, blockX, blockY,
                                blockZ, sharedMemoryBytes, stream, parameters,
                                extra));
}

void *mgpuStreamCreate() {
  const CudaDriverApi *api = getDriver();
  void *stream = nullptr;
  if (api)
    succeeded("cuStreamCreate", api->cuStreamCreate(&stream, /*flags=*/0));
  return stream;
}

void mgpuStreamDestroy(void *stream) {
  if (const CudaDriverApi *api = getDriver(); api && stream)
    succeeded("cuStreamDestroy_v2", api->cuStreamDestroy(stream));
}

void mgpuStreamSynchronize(void *stream) {
  if (const CudaDriverApi *api = getDriver())
    succeeded("cuStreamSynchronize", api->cuStreamSynchronize(stream));
}

void mgpuStreamWaitEvent(void *stream, void *event) {
  if (const CudaDriverApi *api = getDriver(); api && event)
    succeeded("cuStreamWaitEvent",
              api->cuStreamWaitEvent(stream, event, /*flags=*/0));
}

void *mgpuEventCreate() {
  const CudaDriverApi *api = getDriver();
  void *event = nullptr;
  // CU_EVENT_DISABLE_TIMING: these events only order streams.
  if (api)
    succeeded("cuEventCreate", api->cuEventCreate(&event, /*flags=*/2));
  return event;
}

void mgpuEventDestroy(void *event) {
  if (const CudaDriverApi *api = getDriver(); api && event)
    succeeded("cuEventDestroy_v2", api->cuEventDestroy(event));
}

void mgpuEventSynchronize(void *event) {
  if (const CudaDriverApi *api = getDriver(); api && event)
    succeeded("cuEventSynchronize", api->cuEventSynchronize(event));
}

void mgpuEventRecord(void *event, void *stream) {
  if (const CudaDriverApi *api = getDriver(); api && event)
    succeeded("cuEventRecord", api->cuEventRecord(event, stream));
}

void *mgpuMemAlloc(uint64_t bytes, void * /*stream*/, bool hostShared) {
  const CudaDriverApi *api = getDriver();
  if (!api || bytes == 0)
    return nullptr;
  CudaDevicePtr pointer = 0;
  bool ok = hostShared
                ? succeeded("cuMemAllocManaged",
                            api->cuMemAllocManaged(&pointer, bytes,
                                                   /*CU_MEM_ATTACH_GLOBAL=*/1))
                : succeeded("cuMemAlloc_v2", api->cuMemAlloc(&pointer, bytes));
  return ok ? reinterpret_cast<void *>(static_cast<uintptr_t>(pointer))
            : nullptr;
}

void mgpuMemFree(void *pointer, void * /*stream*/) {
  if (const CudaDriverApi *api = getDriver(); api && pointer)
    succeeded("cuMemFree_v2", api->cuMemFree(toDevicePtr(pointer)));
}

void mgpuMemcpy(void *destination, void *source, size_t bytes, void *stream) {
  if (const CudaDriverApi *api = getDriver(); api && bytes)
    succeeded("cuMemcpyAsync",
              api->cuMemcpyAsync(toDevicePtr(destination), toDevicePtr(source),
                                 bytes, stream));
}

void mgpuMemset32(void *destination, unsigned value, size_t count,
                  void *stream) {
  if (const CudaDriverApi *api = getDriver(); api && count)
    succeeded(
        "cuMemsetD32Async",
        api->cuMemsetD32Async(toDevicePtr(destination), value, count, stream));
}

void mgpuMemset16(void *destination, unsigned short value, size_t count,
                  void *stream) {
  if (const CudaDriverApi *api = getDriver(); api && count)
    succeeded(
        "cuMemsetD16Async",
        api->cuMemsetD16Async(toDevicePtr(destination), value, count, stream));
}

void mgpuMemHostRegister(void *pointer, uint64_t bytes) {
  if (const CudaDriverApi *api = getDriver(); api && bytes)
    succeeded("cuMemHostRegister_v2",
              api->cuMemHostRegister(pointer, bytes, /*flags=*/0));
}

void mgpuMemHostUnregister(void *pointer) {
  if (const CudaDriverApi *api = getDriver(); api && pointer)
    succeeded("cuMemHostUnregister", api->cuMemHostUnregister(pointer));
}

/// The bytes a ranked memref descriptor spans from its aligned pointer.
static uint64_t getSpannedBytes(int64_t rank,
                                StridedMemRefType<char, 1> *descriptor,
                                int64_t elementSizeBytes) {
  const int64_t *sizes = descriptor->sizes;
  const int64_t *strides = sizes + rank;
  int64_t lastElement = 0;
  for (int64_t dim = 0; dim < rank; ++dim) {
    if (sizes[dim] == 0)
      return 0;
    lastElement += (sizes[dim] - 1) * strides[dim];
  }
  return (lastElement + 1) * elementSizeBytes;
}

void mgpuMemHostRegisterMemRef(int64_t rank,
                               StridedMemRefType<char, 1> *descriptor,
                               int64_t elementSizeBytes) {
  mgpuMemHostRegister(descriptor->data + descriptor->offset * elementSizeBytes,
                      getSpannedBytes(rank, descriptor, elementSizeBytes));
}

void mgpuMemHostUnregisterMemRef(int64_t /*rank*/,
                                 StridedMemRefType<char, 1> *descriptor,
                                 int64_t elementSizeBytes) {
  mgpuMemHostUnregister(descriptor->data +
                        descriptor->offset * elementSizeBytes);
}

void mgpuSetDefaultDevice(int32_t device) { defaultDevice.store(device); }

} // extern "C"

void *mlir::yat::runtime::allocateHostSharedMemory(size_t bytes) {
  return mgpuMemAlloc(bytes, /*stream=*/nullptr, /*hostShared=*/true);
}

void mlir::yat::runtime::freeCudaMemory(void *pointer) {
  mgpuMemFree(pointer, /*stream=*/nullptr);
}

double mlir::yat::runtime::timeWithCudaEvents(llvm::function_ref<void()> work) {
  const CudaDriverApi *api = getDriver();
  if (!api)
    return -1;
  // Timing events (flags 0) on the legacy default stream, which waits for
  // the blocking streams the compiled code launches on.
  void *start = nullptr, *end = nullptr;
  if (!succeeded("cuEventCreate", api->cuEventCreate(&start, 0)) ||
      !succeeded("cuEventCreate", api->cuEventCreate(&end, 0)))
    return -1;
  float milliseconds = -1;
  if (succeeded("cuEventRecord", api->cuEventRecord(start, nullptr))) {
    work();
    if (succeeded("cuEventRecord", api->cuEventRecord(end, nullptr)) &&
        succeeded("cuEventSynchronize", api->cuEventSynchronize(end)))
      succeeded("cuEventElapsedTime",
                api->cuEventElapsedTime(&milliseconds, start, end));
  }
  api->cuEventDestroy(start);
  api->cuEventDestroy(end);
  return milliseconds;
}

std::vector<std::pair<std::string, void *>>
mlir::yat::runtime::getCudaRuntimeSymbols() {
  std::vector<std::pair<std::string, void *>> symbols;
#define YAT_MGPU_SYMBOL(name)                                                  \
  symbols.emplace_back(#name, reinterpret_cast<void *>(&name))
  YAT_MGPU_SYMBOL(mgpuModuleLoad);
  YAT_MGPU_SYMBOL(mgpuModuleLoadJIT);
  YAT_MGPU_SYMBOL(mgpuModuleUnload);
  YAT_MGPU_SYMBOL(mgpuModuleGetFunction);
  YAT_MGPU_SYMBOL(mgpuLaunchKernel);
  YAT_MGPU_SYMBOL(mgpuStreamCreate);
  YAT_MGPU_SYMBOL(mgpuStreamDestroy);
  YAT_MGPU_SYMBOL(mgpuStreamSynchronize);
  YAT_MGPU_SYMBOL(mgpuStreamWaitEvent);
  YAT_MGPU_SYMBOL(mgpuEventCreate);
  YAT_MGPU_SYMBOL(mgpuEventDestroy);
  YAT_MGPU_SYMBOL(mgpuEventSynchronize);
  YAT_MGPU_SYMBOL(mgpuEventRecord);
  YAT_MGPU_SYMBOL(mgpuMemAlloc);
  YAT_MGPU_SYMBOL(mgpuMemFree);
  YAT_MGPU_SYMBOL(mgpuMemcpy);
  YAT_MGPU_SYMBOL(mgpuMemset32);
  YAT_MGPU_SYMBOL(mgpuMemset16);
  YAT_MGPU_SYMBOL(mgpuMemHostRegister);
  YAT_MGPU_SYMBOL(mgpuMemHostUnregister);
  YAT_MGPU_SYMBOL(mgpuMemHostRegisterMemRef);
  YAT_MGPU_SYMBOL(mgpuMemHostUnregisterMemRef);
  YAT_MGPU_SYMBOL(mgpuSetDefaultDevice);
#undef YAT_MGPU_SYMBOL
  return symbols;
}
