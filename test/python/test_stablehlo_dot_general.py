"""stablehlo.dot_general against numpy, on every lowering of
yat-cpu-pipeline, at odd sizes and at vector-width multiples: f32 matrices
in each layout, then the batched, multi-dim and half-precision forms JAX
exports (linalg.matmul / linalg.batch_matmul after a transpose and a
reshape), and the forms that stay one generic contraction (integers, f64,
matrix-vector)."""

import ml_dtypes
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


# (lhs shape, rhs shape, lhs batch, rhs batch, lhs contracting,
#  rhs contracting): the layouts of einsums in JAX models.
GENERAL_CASES = {
    # attention scores q @ k^T per head: bqhd,bkhd->bhqk
    "scores": ((2, 7, 3, 16), (2, 17, 3, 16), (0, 2), (0, 2), (3,), (3,)),
    # attention output p @ v: bhqk,bkhd->bhqd
    "weighted sum": ((2, 3, 7, 17), (2, 17, 3, 16), (0, 1), (0, 2), (3,),
                     (1,)),
    # batched x^T @ w with the batch dim last on the right
    "transposed lhs": ((4, 9, 7), (9, 5, 4), (0,), (2,), (1,), (0,)),
    # two contracting dims and two free dims on each side
    "multi-dim": ((3, 5, 2, 4), (5, 6, 4, 7), (), (), (1, 3), (0, 2)),
    # one batch of vector-width multiples
    "aligned": ((1, 32, 64), (1, 64, 48), (0,), (0,), (2,), (1,)),
    # odd sizes: 1 and 129
    "odd": ((1, 129), (129, 1), (), (), (1,), (0,)),
    # matrix-vector (no free dim on the right): the generic contraction
    "matvec": ((7, 17), (17,), (), (), (1,), (0,)),
    # a dot of vectors (0-d result): the generic contraction
    "vector dot": ((17,), (17,), (), (), (0,), (0,)),
    # an empty free dim: nothing to tile
    "empty": ((0, 5), (5, 3), (), (), (1,), (0,)),
}

DTYPES = {
    "f32": (np.float32, "f32", "f32"),
    "bf16": (ml_dtypes.bfloat16, "bf16", "bf16"),
    "f16": (np.float16, "f16", "f16"),
    "f64": (np.float64, "f64", "f64"),
    "i32": (np.int32, "i32", "i32"),
}


def _einsum_spec(lhs_rank, rhs_rank, lb, rb, lc, rc):
    letters = iter("abcdefghijklmnopqrstuvwxyz")
    lhs = [None] * lhs_rank
    rhs = [None] * rhs_rank
    for l, r in zip(lb, rb):
        lhs[l] = rhs[r] = next(letters)
    for l, r in zip(lc, rc):
        lhs[l] = rhs[r] = next(letters)
    for spec in (lhs, rhs):
        for i, letter in enumerate(spec):
            if letter is None:
                spec[i] = next(letters)
    batch = [lhs[d] for d in lb]
    free = [x for i, x in enumerate(lhs) if i not in lb and i not in lc]
    free += [x for i, x in enumerate(rhs) if i not in rb and i not in rc]
    return f"{''.join(lhs)},{''.join(rhs)}->{''.join(batch + free)}"


@pytest.mark.parametrize("path", PIPELINE_PATHS)
@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("case", GENERAL_CASES)
def test_dot_general(case, dtype, path):
    lhs_shape, rhs_shape, lb, rb, lc, rc = GENERAL_CASES[case]
    numpy_type, element, result_element = DTYPES[dtype]
    rng = np.random.default_rng(len(case) * 31 + len(dtype))
    if dtype == "i32":
        x = rng.integers(-9, 10, lhs_shape).astype(np.int32)
        w = rng.integers(-9, 10, rhs_shape).astype(np.int32)
    else:
        x = rng.standard_normal(lhs_shape).astype(numpy_type)
        w = rng.standard_normal(rhs_shape).astype(numpy_type)
    spec = _einsum_spec(len(lhs_shape), len(rhs_shape), lb, rb, lc, rc)
    x64, w64 = x.astype(np.float64), w.astype(np.float64)
    expected = np.einsum(spec, x64, w64)
    out = tensor_type(expected.shape, result_element)
    lhs_type = tensor_type(lhs_shape, element)
    rhs_type = tensor_type(rhs_shape, element)
    batching = (f"batching_dims = {list(lb)} x {list(rb)}, " if lb else "")
    module = f"""
func.func @main(%x: {lhs_type}, %w: {rhs_type}) -> {out} {{
  %0 = stablehlo.dot_general %x, %w, {batching}contracting_dims = {list(lc)} x {list(rc)} : ({lhs_type}, {rhs_type}) -> {out}
  return %0 : {out}
}}"""
    # bf16 travels as f32 arrays (exactly representable here).
    inputs = [a.astype(np.float32) if dtype == "bf16" else a for a in (x, w)]
    (actual,) = run(module, inputs, extra_args=PIPELINE_PATHS[path])
    what = f"{case} {dtype} ({path})"
    if dtype == "i32":
        np.testing.assert_array_equal(actual, expected.astype(np.int32),
                                      err_msg=what)
        return
    depth = int(np.prod([lhs_shape[d] for d in lc]))
    # Sums of `depth` terms in the accumulator (f32 for the half types,
    # f64 for f64), then one rounding to the result type.
    accumulate = np.finfo(np.float64 if dtype == "f64" else np.float32).eps
    rounding = ml_dtypes.finfo(numpy_type).eps
    magnitude = np.einsum(spec, np.abs(x64), np.abs(w64))
    bound = (4 * depth * accumulate * magnitude + rounding * np.abs(expected)
             + 1e-30)
    assert_close(np.asarray(actual, np.float64), expected, rtol=0.0,
                 atol=bound, what=what)


@pytest.mark.parametrize("path", PIPELINE_PATHS)
@pytest.mark.parametrize("m,k,n", SIZES + [(129, 33, 200)])
def test_dense_layer_epilogue(m, k, n, path):
    """`gelu(x @ w + b) + x @ w` as JAX exports a dense layer: the bias,
    the tanh gelu and the residual run in the matmul's tile loop on the
    fast path."""
    rng = np.random.default_rng(m * 7 + k * 3 + n)
    x = rng.standard_normal((m, k), dtype=np.float32)
    w = rng.standard_normal((k, n), dtype=np.float32)
    b = rng.standard_normal((n,), dtype=np.float32)
    mat = tensor_type((m, n), "f32")
    module = f"""
func.func @main(%x: {tensor_type((m, k), "f32")}, %w: {tensor_type((k, n), "f32")}, %b: {tensor_type((n,), "f32")}) -> {mat} {{
  %y = stablehlo.dot_general %x, %w, contracting_dims = [1] x [0] : ({tensor_type((m, k), "f32")}, {tensor_type((k, n), "f32")}) -> {mat}
  %bb = stablehlo.broadcast_in_dim %b, dims = [1] : ({tensor_type((n,), "f32")}) -> {mat}
  %z = stablehlo.add %y, %bb : {mat}
  %half = stablehlo.constant dense<0.5> : {mat}
  %one = stablehlo.constant dense<1.0> : {mat}
  %c = stablehlo.constant dense<0.797884583> : {mat}
  %a = stablehlo.constant dense<0.044715> : {mat}
  %z2 = stablehlo.multiply %z, %z : {mat}
  %z3 = stablehlo.multiply %z2, %z : {mat}
  %az3 = stablehlo.multiply %a, %z3 : {mat}
  %inner = stablehlo.add %z, %az3 : {mat}
  %scaled = stablehlo.multiply %c, %inner : {mat}
  %t = stablehlo.tanh %scaled : {mat}
  %onet = stablehlo.add %one, %t : {mat}
  %hz = stablehlo.multiply %half, %z : {mat}
  %g = stablehlo.multiply %hz, %onet : {mat}
  %r = stablehlo.add %g, %y : {mat}
  return %r : {mat}
}}"""
    (actual,) = run(module, [x, w, b], extra_args=PIPELINE_PATHS[path])
    x64, w64 = x.astype(np.float64), w.astype(np.float64)
    y = x64 @ w64
    z = y + b
    expected = 0.5 * z * (1 + np.tanh(0.797884583 * (z + 0.044715 * z**3))) + y
    # The sum's bound, carried through gelu (|gelu'| <= 1.13) and the
    # residual, plus a few f32 roundings of the epilogue.
    sum_bound = 4 * k * np.finfo(np.float32).eps * (np.abs(x64) @ np.abs(w64))
    bound = 2.2 * sum_bound + 1e-5 * (np.abs(expected) + np.abs(z)) + 1e-6
    assert_close(actual, expected, rtol=0.0, atol=bound,
                 what=f"dense layer {m}x{k}x{n} ({path})")
