"""Softmax, layernorm, column sums and long elementwise chains, written as
JAX exports them, against numpy on every lowering of yat-cpu-pipeline and
with one thread. The fused lowering cuts them into parallel tiles of whole
rows that compute the reductions they read; the sizes leave partial last
tiles (17 and 129 rows in 16 tiles) and fill whole vectors or not."""

import numpy as np
import pytest

from yat_harness import PIPELINE_PATHS, assert_close, run, tensor_type

PATHS = dict(PIPELINE_PATHS, serial=("--pipeline-options=threads=1",))

# (rows, columns); 256 x 4096 has enough work to run on several threads.
SHAPES = [(1, 7), (7, 1), (17, 129), (129, 17), (64, 128), (256, 4096)]


def softmax_module(rows, cols):
    t, v = tensor_type((rows, cols), "f32"), tensor_type((rows,), "f32")
    c = tensor_type((rows, 1), "f32")
    return f"""
func.func @main(%x: {t}) -> {t} {{
  %lowest = stablehlo.constant dense<0xFF800000> : tensor<f32>
  %max = stablehlo.reduce(%x init: %lowest) applies stablehlo.maximum across dimensions = [1] : ({t}, tensor<f32>) -> {v}
  %maxc = stablehlo.broadcast_in_dim %max, dims = [0] : ({v}) -> {c}
  %maxb = stablehlo.broadcast_in_dim %maxc, dims = [0, 1] : ({c}) -> {t}
  %shifted = stablehlo.subtract %x, %maxb : {t}
  %exp = stablehlo.exponential %shifted : {t}
  %zero = stablehlo.constant dense<0.0> : tensor<f32>
  %sum = stablehlo.reduce(%exp init: %zero) applies stablehlo.add across dimensions = [1] : ({t}, tensor<f32>) -> {v}
  %sumc = stablehlo.broadcast_in_dim %sum, dims = [0] : ({v}) -> {c}
  %sumb = stablehlo.broadcast_in_dim %sumc, dims = [0, 1] : ({c}) -> {t}
  %y = stablehlo.divide %exp, %sumb : {t}
  return %y : {t}
}}"""


def layernorm_module(rows, cols):
    t, v = tensor_type((rows, cols), "f32"), tensor_type((rows,), "f32")
    c, s = tensor_type((rows, 1), "f32"), tensor_type((cols,), "f32")
    return f"""
func.func @main(%x: {t}, %scale: {s}, %shift: {s}) -> {t} {{
  %zero = stablehlo.constant dense<0.0> : tensor<f32>
  %n = stablehlo.constant dense<{float(cols)}> : {c}
  %eps = stablehlo.constant dense<1.0e-5> : {c}
  %sum = stablehlo.reduce(%x init: %zero) applies stablehlo.add across dimensions = [1] : ({t}, tensor<f32>) -> {v}
  %sumc = stablehlo.broadcast_in_dim %sum, dims = [0] : ({v}) -> {c}
  %mean = stablehlo.divide %sumc, %n : {c}
  %meanb = stablehlo.broadcast_in_dim %mean, dims = [0, 1] : ({c}) -> {t}
  %centered = stablehlo.subtract %x, %meanb : {t}
  %square = stablehlo.multiply %centered, %centered : {t}
  %ss = stablehlo.reduce(%square init: %zero) applies stablehlo.add across dimensions = [1] : ({t}, tensor<f32>) -> {v}
  %ssc = stablehlo.broadcast_in_dim %ss, dims = [0] : ({v}) -> {c}
  %var = stablehlo.divide %ssc, %n : {c}
  %vareps = stablehlo.add %var, %eps : {c}
  %inv = stablehlo.rsqrt %vareps : {c}
  %invb = stablehlo.broadcast_in_dim %inv, dims = [0, 1] : ({c}) -> {t}
  %normed = stablehlo.multiply %centered, %invb : {t}
  %scaleb = stablehlo.broadcast_in_dim %scale, dims = [1] : ({s}) -> {t}
  %shiftb = stablehlo.broadcast_in_dim %shift, dims = [1] : ({s}) -> {t}
  %scaled = stablehlo.multiply %normed, %scaleb : {t}
  %y = stablehlo.add %scaled, %shiftb : {t}
  return %y : {t}
}}"""


def column_sum_module(rows, cols):
    t, s = tensor_type((rows, cols), "f32"), tensor_type((cols,), "f32")
    return f"""
func.func @main(%x: {t}) -> {s} {{
  %zero = stablehlo.constant dense<0.0> : tensor<f32>
  %tanh = stablehlo.tanh %x : {t}
  %sum = stablehlo.reduce(%tanh init: %zero) applies stablehlo.add across dimensions = [0] : ({t}, tensor<f32>) -> {s}
  return %sum : {s}
}}"""


def reference_softmax(x):
    x = x.astype(np.float64)
    e = np.exp(x - x.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def reference_layernorm(x, scale, shift):
    x = x.astype(np.float64)
    centered = x - x.mean(axis=1, keepdims=True)
    var = np.mean(centered * centered, axis=1, keepdims=True)
    return centered / np.sqrt(var + 1e-5) * scale + shift


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize("shape", SHAPES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_softmax(shape, path):
    rng = np.random.default_rng(shape[0] * 7 + shape[1])
    x = (rng.standard_normal(shape) * 4).astype(np.float32)
    (actual,) = run(softmax_module(*shape), [x], extra_args=PATHS[path])
    # exp, a sum of `cols` terms and a division, each a few ulp.
    assert_close(actual, reference_softmax(x), rtol=1e-5 + 2e-7 * shape[1],
                 what=f"softmax {shape} ({path})")


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize("shape", SHAPES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_layernorm(shape, path):
    rng = np.random.default_rng(shape[0] * 11 + shape[1])
    x = (rng.standard_normal(shape) + 3).astype(np.float32)
    scale = rng.standard_normal(shape[1]).astype(np.float32)
    shift = rng.standard_normal(shape[1]).astype(np.float32)
    (actual,) = run(layernorm_module(*shape), [x, scale, shift],
                    extra_args=PATHS[path])
    # Rows of one element have zero variance: the result is the shift.
    assert_close(actual, reference_layernorm(x, scale, shift),
                 rtol=1e-4, atol=1e-4 + 1e-6 * shape[1],
                 what=f"layernorm {shape} ({path})")


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize("shape", SHAPES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_column_sum(shape, path):
    rng = np.random.default_rng(shape[0] * 13 + shape[1])
    x = rng.standard_normal(shape).astype(np.float32)
    (actual,) = run(column_sum_module(*shape), [x], extra_args=PATHS[path])
    expected = np.tanh(x.astype(np.float64)).sum(axis=0)
    assert_close(actual, expected, rtol=1e-5, atol=1e-5 * shape[0],
                 what=f"column sum {shape} ({path})")


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize("size", [1, 17, 129, 1048577])
def test_long_elementwise_chain(size, path):
    rng = np.random.default_rng(size)
    x = rng.standard_normal(size).astype(np.float32)
    t = tensor_type((size,), "f32")
    module = f"""
func.func @main(%x: {t}) -> {t} {{
  %e = stablehlo.exponential %x : {t}
  %s = stablehlo.multiply %e, %x : {t}
  %y = stablehlo.tanh %s : {t}
  return %y : {t}
}}"""
    (actual,) = run(module, [x], extra_args=PATHS[path])
    x64 = x.astype(np.float64)
    assert_close(actual, np.tanh(np.exp(x64) * x64), rtol=1e-5, atol=1e-6,
                 what=f"chain {size} ({path})")
