"""stablehlo.convolution in JAX's channels-last layouts (linalg's named
convolutions, tiled per batch element and image rows, with a bias + relu
epilogue), grouped in channels-last layouts (one named convolution per
group, or one generic with the group innermost) and grouped in an NCHW
layout (the generic contraction), against numpy, on every lowering of yat-cpu-pipeline, at odd sizes and at
vector-width multiples."""

import itertools

import ml_dtypes
import numpy as np
import pytest

from yat_harness import PIPELINE_PATHS, assert_close, run, tensor_type

# name -> (input shape NHWC-style, kernel spatial dims, output features,
#          strides, padding per spatial dim, rhs dilation)
CASES = {
    "1d odd": ((3, 17, 7), (3,), 5, (1,), ((1, 1),), (1,)),
    "2d same": ((2, 9, 7, 3), (3, 3), 16, (1, 1), ((1, 1), (1, 1)), (1, 1)),
    "2d strided": ((1, 17, 13, 4), (3, 2), 7, (2, 3), ((0, 1), (2, 0)),
                   (1, 1)),
    "2d dilated": ((2, 12, 12, 8), (3, 3), 32, (1, 1), ((2, 2), (2, 2)),
                   (2, 2)),
    "2d wide": ((1, 8, 129, 2), (1, 3), 1, (1, 1), ((0, 0), (1, 1)), (1, 1)),
    "3d": ((1, 5, 6, 7, 3), (2, 2, 2), 4, (1, 1, 1),
           ((0, 0), (1, 0), (0, 1)), (1, 1, 1)),
}

DTYPES = {"f32": np.float32, "bf16": ml_dtypes.bfloat16}


def reference(x, w, strides, padding, dilation):
    """The convolution in float64: a sum over the window of matrix
    products of strided input slices with the kernel's channel matrix."""
    x = np.pad(x.astype(np.float64),
               [(0, 0)] + [tuple(p) for p in padding] + [(0, 0)])
    w = w.astype(np.float64)
    window = w.shape[:-2]
    out_shape = [
        (x.shape[1 + i] - (window[i] - 1) * dilation[i] - 1) // strides[i] + 1
        for i in range(len(window))]
    out = np.zeros([x.shape[0]] + out_shape + [w.shape[-1]])
    for offset in itertools.product(*[range(k) for k in window]):
        index = tuple(
            slice(o * d, o * d + s * (n - 1) + 1, s)
            for o, d, s, n in zip(offset, dilation, strides, out_shape))
        out += x[(slice(None),) + index] @ w[offset]
    return out


def spatial_letters(n):
    return ", ".join(str(i) for i in range(n))


@pytest.mark.parametrize("path", PIPELINE_PATHS)
@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("case", CASES)
def test_channels_last(case, dtype, path):
    in_shape, window, features, strides, padding, dilation = CASES[case]
    rng = np.random.default_rng(len(case) * 13 + len(dtype))
    numpy_type = DTYPES[dtype]
    x = rng.standard_normal(in_shape).astype(numpy_type)
    w = rng.standard_normal(window + (in_shape[-1], features)).astype(
        numpy_type)
    bias = rng.standard_normal((features,)).astype(np.float32)
    conv = reference(x, w, strides, padding, dilation)
    expected = np.maximum(conv + bias, 0.0)
    element = dtype
    n = len(window)
    letters = spatial_letters(n)
    out = tensor_type(conv.shape, element)
    xt, wt = tensor_type(x.shape, element), tensor_type(w.shape, element)
    bt = tensor_type((features,), "f32")
    pads = ", ".join(f"[{lo}, {hi}]" for lo, hi in padding)
    module = f"""
func.func @main(%x: {xt}, %w: {wt}, %b: {bt}) -> {out} {{
  %y = stablehlo.convolution(%x, %w) dim_numbers = [b, {letters}, f]x[{letters}, i, o]->[b, {letters}, f], window = {{stride = {list(strides)}, pad = [{pads}], rhs_dilate = {list(dilation)}}} {{batch_group_count = 1 : i64, feature_group_count = 1 : i64}} : ({xt}, {wt}) -> {out}
  %bc = stablehlo.convert %b : ({bt}) -> {tensor_type((features,), element)}
  %bb = stablehlo.broadcast_in_dim %bc, dims = [{n + 1}] : ({tensor_type((features,), element)}) -> {out}
  %s = stablehlo.add %y, %bb : {out}
  %zero = stablehlo.constant dense<0.0> : {out}
  %r = stablehlo.maximum %s, %zero : {out}
  return %r : {out}
}}"""
    inputs = [a.astype(np.float32) if dtype == "bf16" else a for a in (x, w)]
    (actual,) = run(module, inputs + [bias], extra_args=PIPELINE_PATHS[path])
    depth = int(np.prod(window)) * in_shape[-1]
    magnitude = reference(np.abs(x.astype(np.float64)),
                          np.abs(w.astype(np.float64)), strides, padding,
                          dilation) + np.abs(bias)
    rounding = ml_dtypes.finfo(numpy_type).eps
    # f32 sums, then (bf16) a rounding of the sum and of the biased sum.
    bound = (4 * depth * np.finfo(np.float32).eps * magnitude
             + 2 * rounding * magnitude + 1e-30)
    assert_close(np.asarray(actual, np.float64), expected, rtol=0.0,
                 atol=bound, what=f"{case} {dtype} ({path})")


@pytest.mark.parametrize("path", PIPELINE_PATHS)
def test_grouped_nchw(path):
    """NCHW x OIHW with two feature groups stays one generic contraction."""
    rng = np.random.default_rng(7)
    x = rng.standard_normal((2, 6, 5, 7)).astype(np.float32)
    w = rng.standard_normal((4, 3, 2, 3)).astype(np.float32)
    out_shape = (2, 4, 4, 5)
    module = f"""
func.func @main(%x: tensor<2x6x5x7xf32>, %w: tensor<4x3x2x3xf32>) -> {tensor_type(out_shape, "f32")} {{
  %0 = stablehlo.convolution(%x, %w) dim_numbers = [b, f, 0, 1]x[o, i, 0, 1]->[b, f, 0, 1], window = {{}} {{batch_group_count = 1 : i64, feature_group_count = 2 : i64}} : (tensor<2x6x5x7xf32>, tensor<4x3x2x3xf32>) -> {tensor_type(out_shape, "f32")}
  return %0 : {tensor_type(out_shape, "f32")}
}}"""
    (actual,) = run(module, [x, w], extra_args=PIPELINE_PATHS[path])
    expected = np.zeros(out_shape)
    for g in range(2):
        xg = x[:, 3 * g:3 * g + 3].transpose(0, 2, 3, 1)
        wg = w[2 * g:2 * g + 2].transpose(2, 3, 1, 0)
        expected[:, 2 * g:2 * g + 2] = reference(
            xg, wg, (1, 1), ((0, 0), (0, 0)), (1, 1)).transpose(0, 3, 1, 2)
    bound = 4 * 18 * np.finfo(np.float32).eps * np.abs(expected).max() + 1e-6
    assert_close(actual, expected, rtol=0.0, atol=bound,
                 what=f"grouped NCHW ({path})")


# name -> (input shape NHWC-style, kernel spatial dims, groups, output
#          features per group, strides, padding per spatial dim)
GROUPED_CASES = {
    # 16 and more features per group: a named convolution per group.
    "2 groups of 3 -> 16": ((2, 7, 9, 6), (3, 3), 2, 16, (1, 1),
                            ((1, 1), (1, 1))),
    "3 groups, 17 out": ((1, 9, 5, 3), (2, 3), 3, 17, (2, 1),
                         ((0, 1), (1, 1))),
    # Fewer: the group innermost.
    "32 groups of 4": ((2, 7, 6, 128), (3, 3), 32, 4, (1, 1),
                       ((1, 1), (1, 1))),
    "depthwise 17": ((1, 9, 7, 17), (3, 3), 17, 1, (2, 2), ((1, 1), (1, 1))),
    "depthwise x2 1d": ((3, 129, 7), (5,), 7, 2, (1,), ((2, 2),)),
    "depthwise 16 3d": ((1, 4, 5, 6, 16), (2, 2, 2), 16, 1, (1, 1, 1),
                        ((0, 0), (1, 0), (0, 1))),
    "2 groups of 5 -> 7": ((1, 6, 6, 10), (1, 1), 2, 7, (1, 1),
                           ((0, 0), (0, 0))),
}


@pytest.mark.parametrize("path", PIPELINE_PATHS)
@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("case", GROUPED_CASES)
def test_grouped_channels_last(case, dtype, path):
    in_shape, window, groups, group_out, strides, padding = GROUPED_CASES[
        case]
    rng = np.random.default_rng(len(case) * 7 + len(dtype))
    numpy_type = DTYPES[dtype]
    group_in = in_shape[-1] // groups
    x = rng.standard_normal(in_shape).astype(numpy_type)
    w = rng.standard_normal(window + (group_in, groups * group_out)).astype(
        numpy_type)
    dilation = (1,) * len(window)

    def grouped(x, w):
        return np.concatenate(
            [reference(x[..., g * group_in:(g + 1) * group_in],
                       w[..., g * group_out:(g + 1) * group_out], strides,
                       padding, dilation) for g in range(groups)], axis=-1)

    expected = grouped(x, w)
    n = len(window)
    letters = spatial_letters(n)
    out = tensor_type(expected.shape, dtype)
    xt, wt = tensor_type(x.shape, dtype), tensor_type(w.shape, dtype)
    pads = ", ".join(f"[{lo}, {hi}]" for lo, hi in padding)
    module = f"""
func.func @main(%x: {xt}, %w: {wt}) -> {out} {{
  %y = stablehlo.convolution(%x, %w) dim_numbers = [b, {letters}, f]x[{letters}, i, o]->[b, {letters}, f], window = {{stride = {list(strides)}, pad = [{pads}]}} {{batch_group_count = 1 : i64, feature_group_count = {groups} : i64}} : ({xt}, {wt}) -> {out}
  return %y : {out}
}}"""
    inputs = [a.astype(np.float32) if dtype == "bf16" else a for a in (x, w)]
    (actual,) = run(module, inputs, extra_args=PIPELINE_PATHS[path])
    depth = int(np.prod(window)) * group_in
    magnitude = grouped(np.abs(x.astype(np.float64)),
                        np.abs(w.astype(np.float64)))
    rounding = ml_dtypes.finfo(numpy_type).eps
    bound = (4 * depth * np.finfo(np.float32).eps * magnitude
             + rounding * magnitude + 1e-30)
    assert_close(np.asarray(actual, np.float64), expected, rtol=0.0,
                 atol=bound, what=f"{case} {dtype} ({path})")
