// The cuBLAS baselines of bench/gpu/run.py: bf16 GEMM and GEMV (fp32
// accumulation), timed with CUDA events over N calls after a warm-up.
//
//   cublas_bench gemm M N K ITERATIONS    C[M,N] = A[M,K] * B[K,N]
//   cublas_bench gemv N K ITERATIONS      y[N] = W[N,K] * x[K]
//
// Prints `median_ms=<x> min_ms=<y>`, as yat-run --benchmark does; exits 2
// with one line when there is no usable GPU.

#include <cublas_v2.h>
#include <cuda_bf16.h>
#include <cuda_runtime.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace {

void fail(const char *what, const char *why) {
  std::fprintf(stderr, "cublas_bench: error: %s: %s\n", what, why);
  std::exit(2);
}

void check(cudaError_t status, const char *what) {
  if (status != cudaSuccess)
    fail(what, cudaGetErrorName(status));
}

void check(cublasStatus_t status, const char *what) {
  if (status != CUBLAS_STATUS_SUCCESS)
    fail(what, cublasGetStatusName(status));
}

__nv_bfloat16 *randomDeviceMatrix(size_t count) {
  std::vector<__nv_bfloat16> host(count);
  unsigned state = 12345;
  for (__nv_bfloat16 &value : host) {
    state = state * 1664525u + 1013904223u;
    value = __float2bfloat16((state >> 8) * (2.0f / 16777216.0f) - 1.0f);
  }
  __nv_bfloat16 *device = nullptr;
  check(cudaMalloc(&device, count * sizeof(__nv_bfloat16)), "cudaMalloc");
  check(cudaMemcpy(device, host.data(), count * sizeof(__nv_bfloat16),
                   cudaMemcpyHostToDevice),
        "cudaMemcpy");
  return device;
}

} // namespace

int main(int argc, char **argv) {
  bool gemv = argc == 5 && std::strcmp(argv[1], "gemv") == 0;
  bool gemm = argc == 6 && std::strcmp(argv[1], "gemm") == 0;
  if (!gemm && !gemv) {
    std::fprintf(stderr, "usage: cublas_bench gemm M N K ITERATIONS | "
                         "cublas_bench gemv N K ITERATIONS\n");
    return 1;
  }
  int m = gemm ? std::atoi(argv[2]) : 1;
  int n = std::atoi(argv[gemm ? 3 : 2]);
  int k = std::atoi(argv[gemm ? 4 : 3]);
  int iterations = std::atoi(argv[gemm ? 5 : 4]);
  int devices = 0;
  if (cudaGetDeviceCount(&devices) != cudaSuccess || devices == 0)
    fail("no usable GPU", "cudaGetDeviceCount found none");

  // cuBLAS is column-major: C^T[N,M] = B^T[N,K] * A^T[K,M], with the
  // row-major buffers read as their transposes.
  __nv_bfloat16 *a = randomDeviceMatrix(size_t(m) * k);
  __nv_bfloat16 *b = randomDeviceMatrix(size_t(k) * n);
  __nv_bfloat16 *c = randomDeviceMatrix(size_t(m) * n);
  cublasHandle_t handle;
  check(cublasCreate(&handle), "cublasCreate");
  float alpha = 1.0f, beta = 0.0f;
  auto run = [&] {
    check(cublasGemmEx(handle, CUBLAS_OP_N, CUBLAS_OP_N, n, m, k, &alpha, b,
                       CUDA_R_16BF, n, a, CUDA_R_16BF, k, &beta, c,
                       CUDA_R_16BF, n, CUBLAS_COMPUTE_32F,
                       CUBLAS_GEMM_DEFAULT),
          "cublasGemmEx");
  };
  run();
  check(cudaDeviceSynchronize(), "warm-up");
  cudaEvent_t start, end;
  check(cudaEventCreate(&start), "cudaEventCreate");
  check(cudaEventCreate(&end), "cudaEventCreate");
  std::vector<float> times;
  for (int i = 0; i < iterations; ++i) {
    check(cudaEventRecord(start), "cudaEventRecord");
    run();
    check(cudaEventRecord(end), "cudaEventRecord");
    check(cudaEventSynchronize(end), "cudaEventSynchronize");
    float ms = 0;
    check(cudaEventElapsedTime(&ms, start, end), "cudaEventElapsedTime");
    times.push_back(ms);
  }
  std::sort(times.begin(), times.end());
  std::printf("median_ms=%.6f min_ms=%.6f\n", times[times.size() / 2],
              times.front());
  return 0;
}
