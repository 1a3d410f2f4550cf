//===- CudaRuntime.h - the mgpu* host ABI on the CUDA driver ----*- C++ -*-===//
//
// Host code that LLVM 22's `gpu-to-llvm` and the GPU binary's translation
// emit calls `mgpu*` functions (mgpuModuleLoad(ptr, i64),
// mgpuModuleGetFunction, mgpuLaunchKernel, mgpuStream*, mgpuEvent*,
// mgpuMemAlloc(i64, ptr, i8), mgpuMemcpy, mgpuMemset16/32, mgpuMemFree,
// ...). yat implements them on the CUDA driver API that CudaDriver.h opens
// at run time; no MLIR CUDA runtime library is needed.
//
// The ABI has no error results. A failing call records its failure, named
// by the driver ("cuMemAlloc_v2 failed: CUDA_ERROR_OUT_OF_MEMORY"), returns
// a null handle where it returns one, and the caller of the compiled code
// reads the first failure with takeCudaError() afterwards.
//
//===----------------------------------------------------------------------===//

#ifndef YAT_RUNTIME_CUDA_CUDARUNTIME_H
#define YAT_RUNTIME_CUDA_CUDARUNTIME_H

#include "llvm/ADT/STLFunctionalExtras.h"

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace mlir::yat::runtime {

/// Every mgpu* function and its address, for the JIT's symbol map.
std::vector<std::pair<std::string, void *>> getCudaRuntimeSymbols();

/// The first failure of an mgpu* call since the last call of this function,
/// as one line, and forgets it.
std::optional<std::string> takeCudaError();

/// `bytes` of host-shared (managed) memory, which both the host and the
/// kernels read and write, as `gpu.alloc host_shared` gives; nullptr with
/// the failure recorded. Free it with freeCudaMemory.
void *allocateHostSharedMemory(size_t bytes);

/// Frees memory of the driver (mgpuMemFree).
void freeCudaMemory(void *pointer);

/// Runs `work` between two CUDA events on the default stream and returns
/// the milliseconds between them, or a negative number with the failure
/// recorded.
double timeWithCudaEvents(llvm::function_ref<void()> work);

} // namespace mlir::yat::runtime

#endif // YAT_RUNTIME_CUDA_CUDARUNTIME_H
