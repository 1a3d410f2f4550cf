"""Times the unfused ⵟ-product formula in numpy, the way the nmn package
computes a layer: the matmul, both squared norms, the distance, the square
and the division as separate numpy operations, each materializing an
M x N (or N x K) array.

    OPENBLAS_NUM_THREADS=2 python3 bench/numpy_formula.py M N K [ITERATIONS]

Prints `median_ms=<x> min_ms=<y>` after one warm-up call, like
yat-run --benchmark, and the BLAS numpy uses.
"""

import sys
import time

import numpy as np


def nmn_product(x, w, bias, epsilon=1e-5, alpha=1.0):
    dot = x @ w.T
    x_norms = np.sum(x * x, axis=-1, keepdims=True)
    w_norms = np.sum(w * w, axis=-1)
    distance = np.maximum(x_norms + w_norms - 2.0 * dot, 0.0)
    return alpha * (dot + bias) ** 2 / (distance + epsilon)


def main(argv):
    if len(argv) not in (4, 5):
        print(__doc__, file=sys.stderr)
        return 2
    m, n, k = (int(a) for a in argv[1:4])
    iterations = int(argv[4]) if len(argv) == 5 else 10
    rng = np.random.default_rng(0)
    x = rng.uniform(-1, 1, (m, k)).astype(np.float32)
    w = rng.uniform(-1, 1, (n, k)).astype(np.float32)
    bias = rng.uniform(-1, 1, (n,)).astype(np.float32)
    nmn_product(x, w, bias)
    times = []
    for _ in range(iterations):
        start = time.perf_counter()
        nmn_product(x, w, bias)
        times.append((time.perf_counter() - start) * 1e3)
    times.sort()
    print(f"median_ms={float(np.median(times)):f} min_ms={times[0]:f}")
    blas = np.show_config(mode="dicts")["Build Dependencies"]["blas"]
    print(f"numpy_blas={blas.get('name')} {blas.get('version')}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
