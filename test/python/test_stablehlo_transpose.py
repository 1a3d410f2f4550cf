"""stablehlo.transpose with permutations that move the innermost dim
(attention's (b, t, h, d) -> (b, h, d, t) and back) against numpy, on every
lowering of yat-cpu-pipeline: the fused lowering copies them through 2-d
planes in register blocks, so the sizes cover whole blocks, partial
blocks and dims of 1."""

import numpy as np
import pytest

from yat_harness import PIPELINE_PATHS, run, tensor_type

CASES = [
    # shape, permutation
    ((1, 256, 8, 64), (0, 2, 3, 1)),
    ((1, 8, 64, 256), (0, 3, 1, 2)),
    ((2, 17, 3, 33), (0, 2, 3, 1)),
    ((3, 7, 129, 5), (0, 3, 1, 2)),
    ((17, 20, 1), (2, 0, 1)),
    ((7, 33, 18), (1, 2, 0)),
    ((5, 16, 16), (2, 0, 1)),
]


@pytest.mark.parametrize("path", PIPELINE_PATHS)
@pytest.mark.parametrize("shape,permutation", CASES,
                         ids=lambda c: "x".join(map(str, c)))
def test_transpose(shape, permutation, path):
    rng = np.random.default_rng(sum(shape))
    x = rng.standard_normal(shape).astype(np.float32)
    out_shape = tuple(shape[p] for p in permutation)
    it, ot = tensor_type(shape, "f32"), tensor_type(out_shape, "f32")
    dims = ", ".join(map(str, permutation))
    module = f"""
func.func @main(%x: {it}) -> {ot} {{
  %y = stablehlo.transpose %x, dims = [{dims}] : ({it}) -> {ot}
  return %y : {ot}
}}"""
    (actual,) = run(module, [x], extra_args=PIPELINE_PATHS[path])
    np.testing.assert_array_equal(actual, np.transpose(x, permutation),
                                  err_msg=f"{shape} {permutation} ({path})")
