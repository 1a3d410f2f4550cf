//===- FakeCudaDriver.h - what the stand-in driver records -------*- C++
//-*-===//

#ifndef YAT_UNITTESTS_RUNTIME_CUDA_FAKECUDADRIVER_H
#define YAT_UNITTESTS_RUNTIME_CUDA_FAKECUDADRIVER_H

#include <cstdint>

/// The last cuLaunchKernel call (fakeCudaLastLaunch()).
struct FakeCudaLaunch {
  unsigned grid[3];
  unsigned block[3];
  unsigned sharedMemoryBytes;
  int64_t firstParameter;
  int launches;
};

#endif // YAT_UNITTESTS_RUNTIME_CUDA_FAKECUDADRIVER_H
