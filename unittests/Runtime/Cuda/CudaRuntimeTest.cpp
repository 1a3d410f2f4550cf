//===- CudaRuntimeTest.cpp - the mgpu* ABI on a stand-in driver -----------===//
//
// Runs with YAT_CUDA_DRIVER naming FakeCudaDriver.cpp's library (set by
// ctest), so that every call reaches a driver that works on host memory.
//
//===----------------------------------------------------------------------===//

#include "yat/Runtime/Cuda/CudaRuntime.h"
#include "FakeCudaDriver.h"

#include "yat/Runtime/Cuda/CudaDriver.h"

#include "gtest/gtest.h"

#include <cstdint>
#include <cstring>
#include <dlfcn.h>
#include <map>

using namespace mlir::yat::runtime;

namespace {

/// The mgpu* functions, looked up as the JIT finds them.
template <typename Function> Function *lookup(const char *name) {
  static const std::map<std::string, void *> symbols = [] {
    std::map<std::string, void *> map;
    for (auto &[symbol, address] : getCudaRuntimeSymbols())
      map[symbol] = address;
    return map;
  }();
  auto it = symbols.find(name);
  return it == symbols.end() ? nullptr
                             : reinterpret_cast<Function *>(it->second);
}

TEST(CudaRuntimeTest, TheStandInDriverIsLoaded) {
  const CudaDriverStatus &status = probeCudaDriver();
  ASSERT_TRUE(status.usable) << status.reason;
  EXPECT_EQ(status.deviceCount, 1);
  EXPECT_EQ(getCudaErrorName(2), "CUDA_ERROR_OUT_OF_MEMORY");
  EXPECT_EQ(getCudaErrorName(12345), "CUDA error 12345");
}

TEST(CudaRuntimeTest, EveryEmittedEntryPointIsProvided) {
  // The functions LLVM 22's gpu-to-llvm and the binary translation call.
  for (const char *name :
       {"mgpuModuleLoad", "mgpuModuleUnload", "mgpuModuleGetFunction",
        "mgpuLaunchKernel", "mgpuStreamCreate", "mgpuStreamDestroy",
        "mgpuStreamSynchronize", "mgpuStreamWaitEvent", "mgpuEventCreate",
        "mgpuEventDestroy", "mgpuEventSynchronize", "mgpuEventRecord",
        "mgpuMemAlloc", "mgpuMemFree", "mgpuMemcpy", "mgpuMemset32",
        "mgpuMemset16", "mgpuMemHostRegisterMemRef", "mgpuSetDefaultDevice"})
    EXPECT_NE(lookup<void()>(name), nullptr) << name;
}

TEST(CudaRuntimeTest, AllocateCopySetAndFree) {
  auto *alloc = lookup<void *(uint64_t, void *, bool)>("mgpuMemAlloc");
  auto *memcpyFn = lookup<void(void *, void *, size_t, void *)>("mgpuMemcpy");
  auto *memset32 =
      lookup<void(void *, unsigned, size_t, void *)>("mgpuMemset32");
  auto *memset16 =
      lookup<void(void *, unsigned short, size_t, void *)>("mgpuMemset16");
  auto *freeFn = lookup<void(void *, void *)>("mgpuMemFree");
  auto *streamCreate = lookup<void *()>("mgpuStreamCreate");
  auto *streamSync = lookup<void(void *)>("mgpuStreamSynchronize");
  void *stream = streamCreate();
  ASSERT_NE(stream, nullptr);

  uint32_t host[4] = {1, 2, 3, 4};
  void *device = alloc(sizeof(host), stream, false);
  ASSERT_NE(device, nullptr);
  memcpyFn(device, host, sizeof(host), stream);
  memset32(device, 7, 2, stream);
  memset16(static_cast<char *>(device) + 12, 0x0102, 1, stream);
  uint32_t back[4] = {};
  memcpyFn(back, device, sizeof(back), stream);
  streamSync(stream);
  EXPECT_EQ(back[0], 7u);
  EXPECT_EQ(back[1], 7u);
  EXPECT_EQ(back[2], 3u);
  EXPECT_EQ(back[3] & 0xffffu, 0x0102u);
  freeFn(device, stream);
  EXPECT_FALSE(takeCudaError().has_value());
}

TEST(CudaRuntimeTest, LoadGetFunctionAndLaunch) {
  auto *load = lookup<void *(void *, size_t)>("mgpuModuleLoad");
  auto *getFunction =
      lookup<void *(void *, const char *)>("mgpuModuleGetFunction");
  auto *launch =
      lookup<void(void *, intptr_t, intptr_t, intptr_t, intptr_t, intptr_t,
                  intptr_t, int32_t, void *, void **, void **, size_t)>(
          "mgpuLaunchKernel");
  auto *unload = lookup<void(void *)>("mgpuModuleUnload");
  char image[] = "FAKE cubin";
  void *module = load(image, sizeof(image));
  ASSERT_NE(module, nullptr);
  void *function = getFunction(module, "kernel");
  ASSERT_NE(function, nullptr);
  int64_t argument = 42;
  void *parameters[] = {&argument};
  launch(function, 4, 2, 1, 128, 1, 1, 256, nullptr, parameters, nullptr, 1);
  unload(module);
  EXPECT_FALSE(takeCudaError().has_value());

  void *driver = dlopen(std::getenv("YAT_CUDA_DRIVER"), RTLD_NOW);
  ASSERT_NE(driver, nullptr);
  auto *lastLaunch = reinterpret_cast<FakeCudaLaunch *(*)()>(
      dlsym(driver, "fakeCudaLastLaunch"))();
  EXPECT_EQ(lastLaunch->grid[0], 4u);
  EXPECT_EQ(lastLaunch->grid[1], 2u);
  EXPECT_EQ(lastLaunch->block[0], 128u);
  EXPECT_EQ(lastLaunch->sharedMemoryBytes, 256u);
  EXPECT_EQ(lastLaunch->firstParameter, 42);
}

TEST(CudaRuntimeTest, FailuresAreNamedAndTheFirstIsKept) {
  auto *alloc = lookup<void *(uint64_t, void *, bool)>("mgpuMemAlloc");
  auto *load = lookup<void *(void *, size_t)>("mgpuModuleLoad");
  auto *getFunction =
      lookup<void *(void *, const char *)>("mgpuModuleGetFunction");
  EXPECT_EQ(alloc(uint64_t(1) << 50, nullptr, false), nullptr);
  char notAnImage[] = "PTX?";
  EXPECT_EQ(load(notAnImage, sizeof(notAnImage)), nullptr);
  std::optional<std::string> error = takeCudaError();
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(*error, "cuMemAlloc_v2 failed: CUDA_ERROR_OUT_OF_MEMORY");
  EXPECT_FALSE(takeCudaError().has_value());

  char image[] = "FAKE";
  EXPECT_EQ(getFunction(load(image, sizeof(image)), "missing"), nullptr);
  EXPECT_EQ(takeCudaError().value_or(""),
            "cuModuleGetFunction(\"missing\") failed: CUDA_ERROR_NOT_FOUND");
}

TEST(CudaRuntimeTest, AnUnknownDeviceIsAnError) {
  auto *setDevice = lookup<void(int32_t)>("mgpuSetDefaultDevice");
  auto *streamCreate = lookup<void *()>("mgpuStreamCreate");
  setDevice(3);
  EXPECT_EQ(streamCreate(), nullptr);
  EXPECT_EQ(takeCudaError().value_or(""),
            "cuDeviceGet(3) failed: CUDA_ERROR_INVALID_VALUE");
  setDevice(0);
  EXPECT_NE(streamCreate(), nullptr);
  EXPECT_FALSE(takeCudaError().has_value());
}

} // namespace
