//===- Cuda.h - CUDA driver detection ---------------------------*- C++ -*-===//

#ifndef YAT_RUNTIME_JIT_CUDA_H
#define YAT_RUNTIME_JIT_CUDA_H

#include <string>

namespace mlir::yat::runtime {

/// Whether the CUDA driver can be loaded and sees at least one device.
struct CudaDriverStatus {
  bool usable = false;
  /// Why not, when !usable: "libcuda.so.1 not found", "cuInit failed with
  /// CUDA error 100", "no CUDA device found".
  std::string reason;
  int deviceCount = 0;
};

/// Loads libcuda.so.1 with dlopen (the runtime does not link the driver) and
/// initializes it.
CudaDriverStatus probeCudaDriver();

} // namespace mlir::yat::runtime

#endif // YAT_RUNTIME_JIT_CUDA_H
