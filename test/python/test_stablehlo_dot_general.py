"""stablehlo.dot_general of f32 matrices (the linalg.matmul path, plain and
with a transposed right operand) and of other layouts (the generic
contraction) against numpy, on every lowering of yat-cpu-pipeline, at odd
sizes and at vector-width multiples."""

import numpy as np
import pytest

from yat_harness import PIPELINE_PATHS, assert_close, run, tensor_type

SIZES = [(1, 1, 1), (7, 17, 129), (17, 1, 7), (129, 7, 17), (32, 64, 48)]

# (lhs contracting dim, rhs contracting dim) of 2-d operands.
LAYOUTS = {"x @ w": (1, 0), "x @ w^T": (1, 1), "x^T @ w": (0, 0)}


@pytest.mark.parametrize("path", PIPELINE_PATHS)
@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("m,k,n", SIZES)
def test_matrix_product(m, k, n, layout, path):
    lhs_contract, rhs_contract = LAYOUTS[layout]
    rng = np.random.default_rng(m * 10007 + k * 101 + n)
    x = rng.standard_normal((m, k) if lhs_contract == 1 else (k, m),
                            dtype=np.float32)
    w = rng.standard_normal((k, n) if rhs_contract == 0 else (n, k),
                            dtype=np.float32)
    out = tensor_type((m, n), "f32")
    module = f"""
func.func @main(%x: {tensor_type(x.shape, "f32")}, %w: {tensor_type(w.shape, "f32")}) -> {out} {{
  %0 = stablehlo.dot_general %x, %w, contracting_dims = [{lhs_contract}] x [{rhs_contract}] : ({tensor_type(x.shape, "f32")}, {tensor_type(w.shape, "f32")}) -> {out}
  return %0 : {out}
}}"""
    (actual,) = run(module, [x, w], extra_args=PIPELINE_PATHS[path])
    x64 = x.astype(np.float64) if lhs_contract == 1 else x.T.astype(np.float64)
    w64 = w.astype(np.float64) if rhs_contract == 0 else w.T.astype(np.float64)
    expected = x64 @ w64
    # f32 sums of k terms: bound the error by the magnitudes summed.
    bound = 4 * k * np.finfo(np.float32).eps * (np.abs(x64) @ np.abs(w64))
    assert_close(actual, expected, rtol=0.0, atol=bound + 1e-30,
                 what=f"{layout} {m}x{k}x{n} ({path})")
