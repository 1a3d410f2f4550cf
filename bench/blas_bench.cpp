//===- blas_bench.cpp - OpenBLAS baselines for bench/run.py ---------------===//
//
// Times the OpenBLAS computations the yat benchmarks compare against:
//
//   blas_bench sgemm M N K ITERATIONS
//     C[M, N] = X[M, K] · W[N, K]ᵀ with cblas_sgemm (row major, W
//     transposed), the plain matmul inside a ⵟ-product layer.
//   blas_bench sgemv N K ITERATIONS
//     y[N] = W[N, K] · x[K] with cblas_sgemv (row major), the f32 form of a
//     one-token BitLinear layer.
//   blas_bench sgemm_batched B M N K ITERATIONS
//     C[b, M, N] = X[b, M, K] · W[b, K, N] for each b with cblas_sgemm (row
//     major, nothing transposed), a batched matmul such as attention's.
//   blas_bench conv N H W C F KH KW ITERATIONS
//     a stride-1, zero-padded ("same") channels-last convolution as
//     im2col followed by cblas_sgemm, the plain conv of the same shape as a
//     ⵟ-conv layer.
//
// After one warm-up call, prints `median_ms=<x> min_ms=<y>` (the format of
// yat-run --benchmark) and the OpenBLAS core it runs on. Threads come from
// OPENBLAS_NUM_THREADS.
//
//===----------------------------------------------------------------------===//

#include <cblas.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <random>
#include <string>
#include <vector>

extern "C" char *openblas_get_corename(void);
extern "C" int openblas_get_num_threads(void);

namespace {

std::vector<float> randomArray(size_t size, unsigned seed) {
  std::mt19937 generator(seed);
  std::uniform_real_distribution<float> distribution(-1.0f, 1.0f);
  std::vector<float> values(size);
  for (float &value : values)
    value = distribution(generator);
  return values;
}

void report(const std::function<void()> &call, int iterations) {
  call();
  std::vector<double> times;
  for (int i = 0; i < iterations; ++i) {
    auto start = std::chrono::steady_clock::now();
    call();
    auto end = std::chrono::steady_clock::now();
    times.push_back(
        std::chrono::duration<double, std::milli>(end - start).count());
  }
  std::sort(times.begin(), times.end());
  size_t middle = times.size() / 2;
  double median = times.size() % 2 ? times[middle]
                                   : (times[middle - 1] + times[middle]) / 2;
  std::printf("median_ms=%f min_ms=%f\n", median, times.front());
  std::printf("openblas_core=%s openblas_threads=%d\n", openblas_get_corename(),
              openblas_get_num_threads());
}

int usage() {
  std::fprintf(stderr, "usage: blas_bench sgemm M N K ITERATIONS\n"
                       "       blas_bench sgemv N K ITERATIONS\n"
                       "       blas_bench sgemm_batched B M N K ITERATIONS\n"
                       "       blas_bench conv N H W C F KH KW ITERATIONS\n");
  return 2;
}

} // namespace

int main(int argc, char **argv) {
  if (argc < 2)
    return usage();
  std::string mode = argv[1];
  std::vector<long> args;
  for (int i = 2; i < argc; ++i) {
    char *end = nullptr;
    long value = std::strtol(argv[i], &end, 10);
    if (!end || *end || value <= 0)
      return usage();
    args.push_back(value);
  }
  if (mode == "sgemm" && args.size() == 4) {
    long m = args[0], n = args[1], k = args[2];
    std::vector<float> x = randomArray(m * k, 1), w = randomArray(n * k, 2);
    std::vector<float> y(m * n);
    report(
        [&] {
          cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, m, n, k, 1.0f,
                      x.data(), k, w.data(), k, 0.0f, y.data(), n);
        },
        static_cast<int>(args[3]));
    return 0;
  }
  if (mode == "sgemv" && args.size() == 3) {
    long n = args[0], k = args[1];
    std::vector<float> x = randomArray(k, 1), w = randomArray(n * k, 2);
    std::vector<float> y(n);
    report(
        [&] {
          cblas_sgemv(CblasRowMajor, CblasNoTrans, n, k, 1.0f, w.data(), k,
                      x.data(), 1, 0.0f, y.data(), 1);
        },
        static_cast<int>(args[2]));
    return 0;
  }
  if (mode == "sgemm_batched" && args.size() == 5) {
    long batch = args[0], m = args[1], n = args[2], k = args[3];
    std::vector<float> x = randomArray(batch * m * k, 1),
                       w = randomArray(batch * k * n, 2);
    std::vector<float> y(batch * m * n);
    report(
        [&] {
          for (long b = 0; b < batch; ++b)
            cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, m, n, k,
                        1.0f, x.data() + b * m * k, k, w.data() + b * k * n, n,
                        0.0f, y.data() + b * m * n, n);
        },
        static_cast<int>(args[4]));
    return 0;
  }
  if (mode == "conv" && args.size() == 8) {
    long batch = args[0], height = args[1], width = args[2], channels = args[3],
         filters = args[4], kh = args[5], kw = args[6];
    long padH = (kh - 1) / 2, padW = (kw - 1) / 2;
    std::vector<float> input =
        randomArray(batch * height * width * channels, 1);
    // HWCF filter: row (kh, kw, c) of a (KH·KW·C) x F matrix.
    std::vector<float> filter = randomArray(kh * kw * channels * filters, 2);
    long rows = batch * height * width, depth = kh * kw * channels;
    std::vector<float> columns(rows * depth);
    std::vector<float> output(rows * filters);
    report(
        [&] {
          // im2col: one row of KH·KW·C input values per output position.
          for (long n = 0; n < batch; ++n)
            for (long oh = 0; oh < height; ++oh)
              for (long ow = 0; ow < width; ++ow) {
                float *row =
                    columns.data() + ((n * height + oh) * width + ow) * depth;
                for (long i = 0; i < kh; ++i)
                  for (long j = 0; j < kw; ++j) {
                    long ih = oh + i - padH, iw = ow + j - padW;
                    float *dst = row + (i * kw + j) * channels;
                    if (ih < 0 || ih >= height || iw < 0 || iw >= width) {
                      std::memset(dst, 0, channels * sizeof(float));
                      continue;
                    }
                    std::memcpy(dst,
                                input.data() +
                                    ((n * height + ih) * width + iw) * channels,
                                channels * sizeof(float));
                  }
              }
          cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, rows, filters,
                      depth, 1.0f, columns.data(), depth, filter.data(),
                      filters, 0.0f, output.data(), filters);
        },
        static_cast<int>(args[7]));
    return 0;
  }
  return usage();
}
