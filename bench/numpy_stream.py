"""Times numpy over the bytes of a B x T x D f32 recurrence, the baselines of
yat.linear_recurrence in bench/run.py:

    python3 bench/numpy_stream.py add B T D [ITERATIONS]    # np.add(a, b, out=h)
    python3 bench/numpy_stream.py scan B T D [ITERATIONS]   # h_t = a_t * h + b_t

`add` reads a and b and writes h once (the memory traffic of the
recurrence, in numpy's one thread); `scan` is the recurrence written in
numpy, one vector operation per step. Prints `median_ms=<x> min_ms=<y>`
after one warm-up call, like yat-run --benchmark.
"""

import sys
import time

import numpy as np


def add(a, b, h):
    np.add(a, b, out=h)


def scan(a, b, h):
    state = np.zeros(a.shape[::2], dtype=a.dtype)
    for t in range(a.shape[1]):
        np.multiply(a[:, t], state, out=state)
        np.add(state, b[:, t], out=state)
        h[:, t] = state


def main(argv):
    if len(argv) not in (5, 6) or argv[1] not in ("add", "scan"):
        print(__doc__, file=sys.stderr)
        return 2
    kernel = add if argv[1] == "add" else scan
    shape = tuple(int(a) for a in argv[2:5])
    iterations = int(argv[5]) if len(argv) == 6 else 10
    rng = np.random.default_rng(0)
    a = rng.uniform(0, 1, shape).astype(np.float32)
    b = rng.uniform(-1, 1, shape).astype(np.float32)
    h = np.empty_like(a)
    kernel(a, b, h)
    times = []
    for _ in range(iterations):
        start = time.perf_counter()
        kernel(a, b, h)
        times.append((time.perf_counter() - start) * 1e3)
    times.sort()
    print(f"median_ms={float(np.median(times)):f} min_ms={times[0]:f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
