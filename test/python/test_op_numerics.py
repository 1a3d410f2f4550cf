"""Execution tests: every yat op, compiled and run by yat-run, against the
plain numpy formulas of yat_reference.py.

Tolerances. yat computes in f32; the reference in f64. A dot product of K
terms summed in f32 in any order is off by at most about K·u·Σ|x_k·w_k|
(u = 2⁻²⁴), and the ⵟ-distance ‖x‖² + ‖w‖² − 2x·w inherits K·u·(‖x‖² + ‖w‖²
+ 2Σ|x_k·w_k|). `yat_error_bound` propagates those two errors through
(dot + b)² / (dist + ε); the tests then demand |yat − ref| ≤ 1e-5·|ref| +
that bound. f16 and bf16 results are rounded once from f32, so they get one
rounding of the result type on top (2⁻¹¹ and 2⁻⁸ relative).
"""

import subprocess

import numpy as np
import pytest

import yat_reference as ref
from yat_harness import (PATHS_WITH_GPU, RUN_ARGS, YAT_OPT, assert_close, run, tensor_type,
                          tensor_type_of)

U32 = 2.0**-24
F32_RTOL = 1e-5
ROUNDING = {"f32": 0.0, "f16": 2.0**-11, "bf16": 2.0**-8}
# Half the spacing of f16 subnormals: results below 2⁻¹⁴ lose relative
# precision in f16 (bf16 shares f32's exponent range).
SUBNORMAL_ATOL = {"f32": 0.0, "f16": 2.0**-25, "bf16": 0.0}


def to_bf16(array):
    """Rounds float32 values to the nearest bf16 (ties to even), kept in
    float32 storage, which is how bf16 tensors travel through .npy files."""
    bits = np.asarray(array, np.float32).view(np.uint32).astype(np.uint64)
    rounded = (bits + 0x7FFF + ((bits >> 16) & 1)) & 0xFFFF0000
    return rounded.astype(np.uint32).view(np.float32)


def make(rng, shape, element, scale=1.0):
    data = (rng.standard_normal(shape) * scale).astype(np.float32)
    if element == "f16":
        return data.astype(np.float16)
    if element == "bf16":
        return to_bf16(data)
    return data


def yat_error_bound(dot_abs, dot, dist, norm_sum, k, bias, epsilon, alpha):
    """Bound on |y_f32 − y_exact| for y = alpha·(dot + b)² / (dist + ε),
    given Σ|x·w| (dot_abs), the exact dot and dist, ‖x‖² + ‖w‖² (norm_sum)
    and the reduction length k: the worst case of the numerator and the
    clamped distance over their error intervals (not a linearization, which
    fails when the distance error rivals the distance itself)."""
    ddot = k * U32 * dot_abs
    ddist = k * U32 * (norm_sum + 2 * dot_abs) + 2 * ddot
    numerator = np.abs(dot + bias)
    dist = np.maximum(dist, 0.0)
    y = alpha * numerator**2 / (dist + epsilon)
    upper = alpha * (numerator + ddot) ** 2 / (np.maximum(dist - ddist, 0.0) + epsilon)
    lower = alpha * np.maximum(numerator - ddot, 0.0) ** 2 / (dist + ddist + epsilon)
    return np.maximum(upper - y, y - lower) * (1 + 8 * U32) + 8 * U32 * y


def product_bound(x, w, bias, epsilon, alpha):
    x = x.astype(np.float64)
    w = w.astype(np.float64)
    dot = x @ w.T
    norm_sum = (x * x).sum(-1, keepdims=True) + (w * w).sum(-1)
    dist = norm_sum - 2 * dot
    b = 0.0 if bias is None else bias.astype(np.float64)
    return yat_error_bound(np.abs(x) @ np.abs(w).T, dot, dist, norm_sum,
                           x.shape[-1], b, epsilon, alpha)


def check(actual, expected, element, bound=0.0, what=""):
    rtol = F32_RTOL + ROUNDING[element]
    assert_close(actual, expected, rtol,
                 bound * (1 + ROUNDING[element]) + SUBNORMAL_ATOL[element], what)


# ---------------------------------------------------------------- product

def product_module(x_shape, w_shape, element, bias, epsilon, alpha):
    xt = tensor_type(x_shape, element)
    wt = tensor_type(w_shape, element)
    rt = tensor_type((*x_shape[:-1], w_shape[0]), element)
    args = f"%x: {xt}, %w: {wt}"
    operands, types = "%x, %w", f"{xt}, {wt}"
    if bias:
        bt = tensor_type((w_shape[0],), element)
        args += f", %b: {bt}"
        operands += ", %b"
        types += f", {bt}"
    return f"""
func.func @main({args}) -> {rt} {{
  %y = yat.product {operands} {{epsilon = {epsilon:e} : f32, alpha = {alpha:e} : f32}} : ({types}) -> {rt}
  return %y : {rt}
}}"""


PRODUCT_CASES = [
    # x shape, N, element, bias
    ((8, 16), 32, "f32", True),
    ((3, 5, 17), 13, "f32", True),       # batch dims, K and N odd
    ((1, 1), 1, "f32", False),           # size-1 everything
    ((33,), 7, "f32", True),             # rank-1 x
    ((2, 1, 3, 65), 9, "f32", False),    # size-1 batch dim, K past a vector
    ((4, 24), 10, "f16", True),
    ((5, 20), 6, "bf16", True),
    # Sizes past the fused path's tiles: several parallel tiles, partial row
    # and column tiles, K tails of the dot-product kernel.
    ((100, 70), 130, "f32", True),
    ((2, 30, 33), 67, "bf16", True),
    ((3, 40), 70, "f16", False),
    # bf16 with parallel tiles of 16 rows or more and an even K: on hosts
    # with AVX-512 BF16 the w panels hold K pairs for vdpbf16ps. Odd M and
    # N, N tails of 1 and 6 columns past a vector, K of one pair, K chunked
    # at 512 with a tail of 76, row tiles of 96 and 4 inside a parallel tile.
    ((129, 34), 17, "bf16", True),
    ((64, 2), 1, "bf16", False),
    ((50, 128), 70, "bf16", True),
    ((7, 9, 1100), 129, "bf16", True),
    ((96, 64), 64, "bf16", False),
    ((100, 66), 1025, "bf16", True),
    # Contractions the GPU runs on the tensor cores (M and N multiples of 64
    # or 128, K of 32): 128 x 128 blocks, and 64 x 64 ones.
    ((128, 64), 128, "bf16", True),
    ((64, 96), 192, "f16", True),
]


def check_product_case(x_shape, n, element, bias, extra_args, what):
    """yat.product of one PRODUCT_CASES case, run with `extra_args`, against
    the reference."""
    rng = np.random.default_rng(abs(hash((x_shape, n, element))) % 2**32)
    k = x_shape[-1]
    x = make(rng, x_shape, element)
    w = make(rng, (n, k), element)
    b = make(rng, (n,), element) if bias else None
    epsilon, alpha = 1e-3, 1.5
    inputs = [x, w] + ([b] if bias else [])
    (y,) = run(product_module(x.shape, w.shape, element, bias, epsilon, alpha),
               inputs, extra_args=extra_args)
    expected = ref.product(x, w, b, epsilon, alpha)
    check(y, expected, element, product_bound(x, w, b, epsilon, alpha),
          f"{what} {x_shape}x{n} {element}")


@pytest.mark.parametrize("path", PATHS_WITH_GPU)
@pytest.mark.parametrize("x_shape,n,element,bias", PRODUCT_CASES)
def test_product_random(x_shape, n, element, bias, path):
    check_product_case(x_shape, n, element, bias, RUN_ARGS[path], "product")


def yat_opt(module_text, *args):
    """The output of yat-opt on `module_text`."""
    proc = subprocess.run([str(YAT_OPT), "-", *args], input=module_text,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def test_product_bf16_takes_pair_dot_products():
    """For a CPU with AVX-512 BF16 (target-cpu=sapphirerapids, whatever the
    host), a bf16 yat.product with an even K and parallel tiles of at least
    16 rows is computed with vdpbf16ps (the numbers are checked by the bf16
    cases of test_product_random on such hosts);
    bf16-dot-products=false turns it off, and an AVX2 CPU has none."""
    module = product_module((64, 32), (16, 32), "bf16", True, 1e-5, 1.0)
    lowered = yat_opt(module, "--yat-cpu-pipeline=target-cpu=sapphirerapids")
    assert "x86.avx512bf16.dpbf16ps" in lowered
    lowered = yat_opt(module, "--yat-cpu-pipeline=target-cpu=sapphirerapids "
                      "bf16-dot-products=false")
    assert "dpbf16ps" not in lowered
    lowered = yat_opt(module, "--yat-cpu-pipeline=target-cpu=x86-64-v3")
    assert "dpbf16ps" not in lowered


@pytest.mark.parametrize("x_shape,n,element,bias",
                         [c for c in PRODUCT_CASES if c[2] == "bf16"])
def test_product_bf16_pair_kernel_emulated(x_shape, n, element, bias):
    """The vdpbf16ps kernels of an AVX-512 BF16 CPU, with the instruction
    emulated so that any host runs them, against the same reference and
    bounds as test_product_random."""
    options = "target-cpu=sapphirerapids emulate-x86-instructions=true"
    module = product_module(x_shape, (n, x_shape[-1]), element, bias, 1e-3,
                            1.5)
    assert "dpbf16ps" not in yat_opt(module, f"--yat-cpu-pipeline={options}")
    check_product_case(x_shape, n, element, bias,
                       (f"--pipeline-options={options}",),
                       "emulated vdpbf16ps product")


def test_product_defaults_match_spec():
    """Omitted attributes take epsilon = 1e-5 and alpha = 1."""
    rng = np.random.default_rng(7)
    x = make(rng, (4, 8), "f32")
    w = make(rng, (3, 8), "f32")
    module = """
func.func @main(%x: tensor<4x8xf32>, %w: tensor<3x8xf32>) -> tensor<4x3xf32> {
  %y = yat.product %x, %w : (tensor<4x8xf32>, tensor<3x8xf32>) -> tensor<4x3xf32>
  return %y : tensor<4x3xf32>
}"""
    (y,) = run(module, [x, w])
    check(y, ref.product(x, w), "f32", product_bound(x, w, None, 1e-5, 1.0))


def test_product_zero_distance():
    """x == w row by row: with values exact in f32 the distance is exactly 0,
    so y = alpha·(dot + b)²/ε, large but finite; a zero row gives 0."""
    x = np.array([[1.0, -2.0, 0.5, 4.0], [0.0, 0.0, 0.0, 0.0]], np.float32)
    w = np.array([[1.0, -2.0, 0.5, 4.0], [0.25, 0.5, -1.0, 2.0]], np.float32)
    b = np.array([0.5, -1.0], np.float32)
    (y,) = run(product_module(x.shape, w.shape, "f32", True, 1e-5, 1.0), [x, w, b])
    expected = ref.product(x, w, b, 1e-5, 1.0)
    assert expected[0, 0] == pytest.approx((21.25 + 0.5) ** 2 / 1e-5)
    check(y, expected, "f32", 0.0, "zero distance")


def test_product_large_magnitudes_stay_finite():
    """Values near 1e4: ‖x‖² ~ 1e9, far from f32 overflow, but the
    cancellation in ‖x‖² + ‖w‖² − 2x·w is severe; the clamp keeps the
    distance non-negative and the bound covers the rest."""
    rng = np.random.default_rng(11)
    x = (rng.standard_normal((6, 32)) * 1e4).astype(np.float32)
    w = (x[:4] + rng.standard_normal((4, 32)).astype(np.float32)).astype(np.float32)
    (y,) = run(product_module(x.shape, w.shape, "f32", False, 1e-2, 1.0), [x, w])
    expected = ref.product(x, w, None, 1e-2, 1.0)
    assert np.all(y >= 0)
    check(y, expected, "f32", product_bound(x, w, None, 1e-2, 1.0), "large")


def test_product_dynamic_shapes():
    rng = np.random.default_rng(3)
    x = make(rng, (5, 12), "f32")
    w = make(rng, (7, 12), "f32")
    module = """
func.func @main(%x: tensor<?x?xf32>, %w: tensor<?x?xf32>) -> tensor<?x?xf32> {
  %y = yat.product %x, %w : (tensor<?x?xf32>, tensor<?x?xf32>) -> tensor<?x?xf32>
  return %y : tensor<?x?xf32>
}"""
    (y,) = run(module, [x, w])
    check(y, ref.product(x, w), "f32", product_bound(x, w, None, 1e-5, 1.0))


@pytest.mark.parametrize("path", PATHS_WITH_GPU)
@pytest.mark.parametrize("rows", [1, 7, 17, 129, 300])
@pytest.mark.parametrize("n,k", [(129, 17), (128, 1100)])
def test_product_dynamic_batch(rows, n, k, path):
    """A batch of rows known only at run time, with static weights: the
    fused path takes every row in each parallel column tile, 96 at a time
    (and sums longer than 512 in chunks)."""
    rng = np.random.default_rng(rows * 31 + n + k)
    x = make(rng, (rows, k), "f32")
    w = make(rng, (n, k), "f32")
    b = make(rng, (n,), "f32")
    module = f"""
func.func @main(%x: tensor<?x{k}xf32>, %w: tensor<{n}x{k}xf32>, %b: tensor<{n}xf32>) -> tensor<?x{n}xf32> {{
  %y = yat.product %x, %w, %b : (tensor<?x{k}xf32>, tensor<{n}x{k}xf32>, tensor<{n}xf32>) -> tensor<?x{n}xf32>
  return %y : tensor<?x{n}xf32>
}}"""
    (y,) = run(module, [x, w, b], extra_args=RUN_ARGS[path])
    check(y, ref.product(x, w, b), "f32", product_bound(x, w, b, 1e-5, 1.0),
          f"dynamic batch {rows}x{k} @ {n} ({path})")


# ------------------------------------------------------------------- conv

def conv_bound(x, filt, bias, strides, padding, dilations, groups, epsilon, alpha):
    """The product bound applied to each window (same algebra, K = window
    size × channels per group)."""
    x = x.astype(np.float64)
    filt = filt.astype(np.float64)
    d = x.ndim - 2
    windows = ref._conv_windows(x, filt.shape[:d], strides or [1] * d,
                                padding or [0] * (2 * d), dilations or [1] * d)
    c, f = x.shape[-1], filt.shape[-1]
    cg, fg = c // groups, f // groups
    out_shape = windows.shape[: 1 + d] + (f,)
    bound = np.zeros(out_shape)
    axes = tuple(range(1 + d, 2 * d + 2))
    for g in range(groups):
        wg = windows[..., g * cg:(g + 1) * cg]
        fil = filt[..., g * fg:(g + 1) * fg]
        dot = np.tensordot(wg, fil, axes=(axes, tuple(range(d + 1))))
        dot_abs = np.tensordot(np.abs(wg), np.abs(fil), axes=(axes, tuple(range(d + 1))))
        norm_sum = (wg * wg).sum(axis=axes)[..., None] + (fil * fil).sum(axis=tuple(range(d + 1)))
        b = 0.0 if bias is None else bias.astype(np.float64)[g * fg:(g + 1) * fg]
        k = int(np.prod(filt.shape[:d])) * cg
        bound[..., g * fg:(g + 1) * fg] = yat_error_bound(
            dot_abs, dot, norm_sum - 2 * dot, norm_sum, k, b, epsilon, alpha)
    return bound


CONV_CASES = [
    # input shape, filter shape, strides, padding, dilations, groups, bias, element
    ((2, 10, 3), (3, 3, 5), None, None, None, 1, True, "f32"),
    ((1, 9, 8, 4), (3, 3, 2, 6), [2, 1], [1, 1, 0, 2], [1, 2], 2, False, "f32"),
    ((1, 7, 7, 3), (3, 3, 3, 4), [1, 1], [1, 1, 1, 1], None, 1, True, "f32"),
    ((1, 4, 5, 3, 2), (2, 2, 2, 2, 3), [1, 2, 1], None, None, 1, True, "f32"),
    ((3, 6, 6, 4), (1, 1, 4, 5), None, None, None, 1, False, "f32"),   # 1x1
    ((1, 8, 8, 4), (3, 3, 1, 4), None, [1, 1, 1, 1], None, 4, True, "f32"),  # depthwise
    ((1, 6, 6, 2), (3, 3, 2, 3), None, None, None, 1, True, "f16"),
    ((1, 6, 5, 2), (2, 2, 2, 3), [2, 2], None, None, 1, False, "bf16"),
    # More output positions and channels than one fused tile holds.
    ((2, 9, 70, 5), (3, 3, 5, 70), None, [1, 1, 1, 1], None, 1, True, "f32"),
    # Grouped tiles: several output rows per tile (depthwise, multiplier 2),
    # 1-d and 3-d groups, and 65 filters per group in tiles of 13.
    ((2, 17, 7, 16), (3, 3, 1, 32), None, [1, 1, 1, 1], None, 16, True, "f32"),
    ((1, 129, 6), (3, 2, 9), [2], None, None, 3, False, "f32"),
    ((1, 3, 4, 5, 4), (2, 2, 2, 2, 4), None, None, None, 2, True, "bf16"),
    ((1, 5, 7, 4), (1, 1, 2, 130), None, None, None, 2, False, "f32"),
    # Depthwise, vectorized along the channels: odd and vector-width
    # channel counts, strides and dilations, 1-d to 3-d, bf16.
    ((1, 7, 17, 20), (3, 3, 1, 20), [1, 2], [1, 1, 1, 1], None, 20, True, "f32"),
    ((2, 129, 17), (5, 1, 17), None, [2, 2], [2], 17, False, "f32"),
    ((1, 6, 6, 64), (3, 3, 1, 64), None, [1, 1, 1, 1], None, 64, True, "bf16"),
    ((1, 4, 5, 6, 7), (2, 2, 2, 1, 7), None, None, None, 7, True, "f32"),
    # One position, one channel, one filter.
    ((1, 1, 1, 1), (1, 1, 1, 1), None, None, None, 1, True, "f32"),
]


def attr_list(name, values):
    if values is None:
        return []
    return [f"{name} = array<i64: {', '.join(map(str, values))}>"]


@pytest.mark.parametrize("in_shape,f_shape,strides,padding,dilations,groups,bias,element",
                         CONV_CASES)
@pytest.mark.parametrize("path", PATHS_WITH_GPU)
def test_conv_random(in_shape, f_shape, strides, padding, dilations, groups, bias, element,
                     path):
    rng = np.random.default_rng(abs(hash((in_shape, f_shape, groups))) % 2**32)
    x = make(rng, in_shape, element)
    filt = make(rng, f_shape, element, 0.5)
    b = make(rng, (f_shape[-1],), element) if bias else None
    epsilon, alpha = 1e-3, 0.75
    expected = ref.conv(x, filt, b, strides, padding, dilations, groups, epsilon, alpha)
    attrs = (attr_list("strides", strides) + attr_list("padding", padding)
             + attr_list("dilations", dilations)
             + [f"groups = {groups} : i64", f"epsilon = {epsilon:e} : f32",
                f"alpha = {alpha:e} : f32"])
    xt, ft = tensor_type(x.shape, element), tensor_type(filt.shape, element)
    rt = tensor_type(expected.shape, element)
    args, operands, types = f"%x: {xt}, %f: {ft}", "%x, %f", f"{xt}, {ft}"
    if bias:
        bt = tensor_type(b.shape, element)
        args, operands, types = args + f", %b: {bt}", operands + ", %b", types + f", {bt}"
    module = f"""
func.func @main({args}) -> {rt} {{
  %y = yat.conv {operands} {{{', '.join(attrs)}}} : ({types}) -> {rt}
  return %y : {rt}
}}"""
    (y,) = run(module, [x, filt] + ([b] if bias else []),
               extra_args=RUN_ARGS[path])
    bound = conv_bound(x, filt, b, strides, padding, dilations, groups, epsilon, alpha)
    check(y, expected, element, bound, f"conv {in_shape} {f_shape} {element}")


# -------------------------------------------------------------- attention

def attention_bound(q, k, v, scale, epsilon, causal):
    """Each score s = scale·dot²/(dist+ε) carries the product bound; softmax
    turns an absolute score error δ into a relative weight error of at most
    e^{2δ} − 1, and p·v sums weights times |v|."""
    q64, k64 = q.astype(np.float64), k.astype(np.float64)
    group = q.shape[1] // k.shape[1]
    k64 = np.repeat(k64, group, axis=1)
    dot = np.einsum("bhid,bhjd->bhij", q64, k64)
    dot_abs = np.einsum("bhid,bhjd->bhij", np.abs(q64), np.abs(k64))
    norm_sum = (q64**2).sum(-1)[..., None] + (k64**2).sum(-1)[..., None, :]
    ds = yat_error_bound(dot_abs, dot, norm_sum - 2 * dot, norm_sum,
                         q.shape[-1], 0.0, epsilon, scale)
    delta = ds.max(-1, keepdims=True)
    vmax = np.abs(v).max()
    return np.broadcast_to((np.expm1(2 * delta) + 8 * U32 * q.shape[2]) * vmax,
                           q.shape[:3] + (v.shape[-1],))


ATTENTION_CASES = [
    # B, H, Hkv, Tq, Tk, D, Dv, causal, normalization, element
    (2, 4, 4, 8, 8, 16, 16, False, "softmax", "f32"),    # MHA
    (1, 4, 2, 5, 9, 8, 12, True, "softmax", "f32"),      # GQA, causal decode Tq < Tk
    (1, 3, 1, 1, 7, 8, 8, True, "softmax", "f32"),       # MQA, a single query
    (2, 2, 2, 6, 6, 4, 4, True, "l1", "f32"),
    (1, 2, 1, 3, 5, 8, 4, False, "l1", "f32"),
    (1, 2, 2, 4, 4, 8, 8, True, "softmax", "f16"),
    (1, 2, 1, 4, 6, 8, 8, False, "softmax", "bf16"),
    # Several query and key tiles of the fused path, the last ones partial.
    (1, 4, 2, 70, 150, 16, 24, True, "softmax", "f32"),
    (1, 2, 2, 70, 150, 16, 24, False, "l1", "f32"),
]


@pytest.mark.parametrize("path", PATHS_WITH_GPU)
@pytest.mark.parametrize("b,h,hkv,tq,tk,d,dv,causal,norm,element", ATTENTION_CASES)
def test_attention_random(b, h, hkv, tq, tk, d, dv, causal, norm, element, path):
    rng = np.random.default_rng(b * 1000 + h * 100 + tq * 10 + tk)
    q = make(rng, (b, h, tq, d), element, 0.5)
    k = make(rng, (b, hkv, tk, d), element, 0.5)
    v = make(rng, (b, hkv, tk, dv), element)
    scale = 0.3 if norm == "softmax" else None
    attrs = [f"normalization = #yat.normalization<{norm}>"]
    if causal:
        attrs.append("causal")
    if scale is not None:
        attrs.append(f"scale = {scale:e} : f32")
    qt, kt, vt = (tensor_type(a.shape, element) for a in (q, k, v))
    rt = tensor_type((b, h, tq, dv), element)
    module = f"""
func.func @main(%q: {qt}, %k: {kt}, %v: {vt}) -> {rt} {{
  %o = yat.attention %q, %k, %v {{{', '.join(attrs)}}} : ({qt}, {kt}, {vt}) -> {rt}
  return %o : {rt}
}}"""
    (o,) = run(module, [q, k, v], extra_args=RUN_ARGS[path])
    expected = ref.attention(q, k, v, scale, 1e-5, causal, norm)
    used_scale = scale if scale is not None else 1 / np.sqrt(d)
    bound = attention_bound(q, k, v, used_scale, 1e-5, causal)
    check(o, expected, element, bound, f"attention {norm} causal={causal} {element}")


@pytest.mark.parametrize("path", PATHS_WITH_GPU)
@pytest.mark.parametrize("b,tq,tk,causal,norm", [
    (2, 70, 150, True, "softmax"),   # several query tiles and key blocks
    (1, 1, 129, True, "softmax"),    # one decoding step
    (1, 9, 5, True, "softmax"),      # more queries than keys: rows 0-3 see none
    (1, 100, 5, True, "softmax"),    # a whole query tile sees no key
    (3, 17, 17, False, "l1"),
])
def test_attention_dynamic_shapes(b, tq, tk, causal, norm, path):
    """Batch and sequence lengths known only at run time (GQA, 4 query heads
    on 2 kv heads). A causal row that sees no key yields 0."""
    rng = np.random.default_rng(b * 100 + tq * 10 + tk)
    q = make(rng, (b, 4, tq, 16), "f32", 0.5)
    k = make(rng, (b, 2, tk, 16), "f32", 0.5)
    v = make(rng, (b, 2, tk, 8), "f32")
    attrs = [f"normalization = #yat.normalization<{norm}>"]
    if causal:
        attrs.append("causal")
    module = f"""
func.func @main(%q: tensor<?x4x?x16xf32>, %k: tensor<?x2x?x16xf32>, %v: tensor<?x2x?x8xf32>) -> tensor<?x4x?x8xf32> {{
  %o = yat.attention %q, %k, %v {{{', '.join(attrs)}}} : (tensor<?x4x?x16xf32>, tensor<?x2x?x16xf32>, tensor<?x2x?x8xf32>) -> tensor<?x4x?x8xf32>
  return %o : tensor<?x4x?x8xf32>
}}"""
    (o,) = run(module, [q, k, v], extra_args=RUN_ARGS[path])
    expected = ref.attention(q, k, v, None, 1e-5, causal, norm)
    bound = attention_bound(q, k, v, 0.25, 1e-5, causal)
    check(o, expected, "f32", bound,
          f"dynamic attention {b}x{tq}x{tk} {norm} causal={causal}")
    if causal and tq > tk:
        assert np.all(o[:, :, :tq - tk] == 0)


def test_attention_identical_query_and_key():
    """q_i == k_j makes the distance exactly 0 (exact values), so that score is
    dot²/ε and dominates the softmax: the output is that key's value row."""
    q = np.array([[[[1.0, 2.0, 0.0, -1.0]]]], np.float32)       # 1x1x1x4
    k = np.array([[[[0.5, 0.0, 1.0, 0.0], [1.0, 2.0, 0.0, -1.0]]]], np.float32)
    v = np.array([[[[1.0, 2.0], [3.0, 4.0]]]], np.float32)
    module = """
func.func @main(%q: tensor<1x1x1x4xf32>, %k: tensor<1x1x2x4xf32>, %v: tensor<1x1x2x2xf32>) -> tensor<1x1x1x2xf32> {
  %o = yat.attention %q, %k, %v : (tensor<1x1x1x4xf32>, tensor<1x1x2x4xf32>, tensor<1x1x2x2xf32>) -> tensor<1x1x1x2xf32>
  return %o : tensor<1x1x1x2xf32>
}"""
    (o,) = run(module, [q, k, v])
    np.testing.assert_allclose(o, [[[[3.0, 4.0]]]], rtol=1e-6)


# --------------------------------------------------------------- rms_norm

@pytest.mark.parametrize("shape,gamma,element", [
    ((4, 64), True, "f32"), ((2, 3, 17), False, "f32"), ((1, 1), True, "f32"),
    ((3, 40), True, "f16"), ((2, 24), True, "bf16")])
def test_rms_norm_random(shape, gamma, element):
    rng = np.random.default_rng(shape[-1])
    x = make(rng, shape, element, 3.0)
    g = make(rng, (shape[-1],), element) if gamma else None
    xt, rt = tensor_type(shape, element), tensor_type(shape, element)
    args, operands, types = f"%x: {xt}", "%x", xt
    if gamma:
        gt = tensor_type(g.shape, element)
        args, operands, types = args + f", %g: {gt}", "%x, %g", f"{xt}, {gt}"
    module = f"""
func.func @main({args}) -> {rt} {{
  %y = yat.rms_norm {operands} {{epsilon = 1.0e-05 : f32}} : ({types}) -> {rt}
  return %y : {rt}
}}"""
    (y,) = run(module, [x] + ([g] if gamma else []))
    expected = ref.rms_norm(x, g, 1e-5)
    # mean of K squares: K·u relative, halved by the square root.
    check(y, expected, element, np.abs(expected) * shape[-1] * U32, "rms_norm")


# ---------------------------------------------------------------- ternary

def ternarize_module(n, k):
    return f"""
func.func @main(%w: tensor<{n}x{k}xf32>) -> (tensor<{n}x{k // 4}xi8>, tensor<f32>) {{
  %p, %s = yat.ternarize %w : (tensor<{n}x{k}xf32>) -> (tensor<{n}x{k // 4}xi8>, tensor<f32>)
  return %p, %s : tensor<{n}x{k // 4}xi8>, tensor<f32>
}}"""


@pytest.mark.parametrize("n,k", [(8, 16), (5, 36), (1, 4), (16, 128)])
def test_ternarize_packs_like_spec(n, k):
    rng = np.random.default_rng(n * k)
    w = rng.standard_normal((n, k)).astype(np.float32)
    packed, scale = run(ternarize_module(n, k), [w], num_results=2)
    _, ref_scale, _ = ref.ternarize(w)
    # mean(|w|) over n·k terms in f32.
    assert abs(float(scale) - float(ref_scale)) <= n * k * U32 * float(ref_scale)
    # Given yat's scale, the packing is exact.
    t = np.clip(np.round(w / np.float32(scale)), -1, 1).astype(np.int8)
    assert np.array_equal(ref.unpack_ternary(packed), t)
    codes = (t.astype(np.int32) & 3).reshape(n, -1, 4)
    expected = (codes[..., 0] | codes[..., 1] << 2 | codes[..., 2] << 4
                | codes[..., 3] << 6).astype(np.uint8).view(np.int8)
    assert np.array_equal(packed, expected)


@pytest.mark.parametrize("n,k,element", [(8, 16, "f32"), (5, 36, "f32"),
                                         (7, 20, "bf16"), (3, 8, "f64")])
def test_ternarize_folds_constant_weights(n, k, element):
    """A constant weight is ternarized at compile time: same scale and,
    given it, the same packing as the spec."""
    rng = np.random.default_rng(n + k)
    w = make(rng, (n, k), element)
    wt = tensor_type((n, k), element)
    values = ", ".join(
        "[" + ", ".join(repr(float(v)) for v in row) + "]"
        for row in w.astype(np.float64))
    module = f"""
func.func @main() -> (tensor<{n}x{k // 4}xi8>, tensor<f32>) {{
  %w = arith.constant dense<[{values}]> : {wt}
  %p, %s = yat.ternarize %w : ({wt}) -> (tensor<{n}x{k // 4}xi8>, tensor<f32>)
  return %p, %s : tensor<{n}x{k // 4}xi8>, tensor<f32>
}}"""
    folded = subprocess.run([str(YAT_OPT), "-canonicalize"], input=module,
                            capture_output=True, text=True, check=True).stdout
    assert "yat.ternarize" not in folded and f"x{k}x" not in folded, folded
    packed, scale = run(module, [], num_results=2)
    exact = w.astype(np.float64)
    ref_scale = max(np.abs(exact).mean(), 1e-5)
    assert abs(float(scale) - ref_scale) <= n * k * U32 * ref_scale
    t = np.clip(np.round(exact / float(scale)), -1, 1).astype(np.int8)
    assert np.array_equal(ref.unpack_ternary(packed), t)


def test_ternarize_tiny_weights_use_the_scale_floor():
    """mean|w| below 1e-5 takes scale = 1e-5; exact ties round to even."""
    w = np.array([[0.0, 5e-6, -1.5e-5, 1.5e-5]], np.float32)
    packed, scale = run(ternarize_module(1, 4), [w], num_results=2)
    assert float(scale) == pytest.approx(1e-5, rel=1e-7)
    # 0 → 0, 0.5 → 0 (even), −1.5 → −2 → clamp −1, 1.5 → 2 → clamp 1
    assert list(ref.unpack_ternary(packed)[0]) == [0, 0, -1, 1]


def ternary_matmul_module(x_shape, n, scale_shape, bits):
    k = x_shape[-1]
    xt = tensor_type(x_shape, "f32")
    pt = f"tensor<{n}x{k // 4}xi8>"
    st = tensor_type(scale_shape, "f32")
    rt = tensor_type((*x_shape[:-1], n), "f32")
    return f"""
func.func @main(%x: {xt}, %p: {pt}, %s: {st}) -> {rt} {{
  %y = yat.ternary_matmul %x, %p, %s {{activation_bits = {bits} : i64}} : ({xt}, {pt}, {st}) -> {rt}
  return %y : {rt}
}}"""


@pytest.mark.parametrize("x_shape,n,per_channel,bits", [
    ((4, 16), 8, False, 8), ((2, 3, 32), 5, True, 8), ((1, 4), 1, False, 8),
    ((6, 20), 7, True, 0), ((3, 64), 9, False, 0)])
def test_ternary_matmul_random(x_shape, n, per_channel, bits):
    rng = np.random.default_rng(n + x_shape[-1])
    k = x_shape[-1]
    x = rng.standard_normal(x_shape).astype(np.float32)
    t = rng.integers(-1, 2, (n, k)).astype(np.int8)
    codes = (t.astype(np.int32) & 3).reshape(n, -1, 4)
    packed = (codes[..., 0] | codes[..., 1] << 2 | codes[..., 2] << 4
              | codes[..., 3] << 6).astype(np.uint8).view(np.int8)
    scale = (rng.random(n) + 0.5).astype(np.float32) if per_channel \
        else np.array(0.7, np.float32)
    (y,) = run(ternary_matmul_module(x_shape, n, scale.shape, bits), [x, packed, scale])
    expected = ref.ternary_matmul(x, packed, scale, bits)
    # activation_bits 8: exact integer sums, then two f32 roundings.
    # activation_bits 0: an f32 sum of K terms.
    if bits == 8:
        bound = 4 * U32 * np.abs(expected)
    else:
        bound = k * U32 * (np.abs(x) @ np.abs(t.astype(np.float64)).T) * np.abs(scale)
    check(y, expected, "f32", bound, f"ternary_matmul bits={bits}")


def test_ternarize_then_ternary_matmul_round_trip():
    """ternarize → ternary_matmul equals the float matmul of the dequantized
    weight t·scale: exactly up to f32 sums with activation_bits = 0, and
    within the int8 quantization error (half a step per term) with 8."""
    rng = np.random.default_rng(2024)
    n, k = 12, 48
    w = rng.standard_normal((n, k)).astype(np.float32)
    x = rng.standard_normal((5, k)).astype(np.float32)
    module = f"""
func.func @main(%x: tensor<5x{k}xf32>, %w: tensor<{n}x{k}xf32>) -> (tensor<5x{n}xf32>, tensor<5x{n}xf32>, tensor<f32>) {{
  %p, %s = yat.ternarize %w : (tensor<{n}x{k}xf32>) -> (tensor<{n}x{k // 4}xi8>, tensor<f32>)
  %y0 = yat.ternary_matmul %x, %p, %s {{activation_bits = 0 : i64}} : (tensor<5x{k}xf32>, tensor<{n}x{k // 4}xi8>, tensor<f32>) -> tensor<5x{n}xf32>
  %y8 = yat.ternary_matmul %x, %p, %s : (tensor<5x{k}xf32>, tensor<{n}x{k // 4}xi8>, tensor<f32>) -> tensor<5x{n}xf32>
  return %y0, %y8, %s : tensor<5x{n}xf32>, tensor<5x{n}xf32>, tensor<f32>
}}"""
    y0, y8, scale = run(module, [x, w], num_results=3)
    t = np.clip(np.round(w / np.float32(scale)), -1, 1).astype(np.float64)
    dequantized = t * float(scale)
    expected = x.astype(np.float64) @ dequantized.T
    abs_terms = np.abs(x) @ np.abs(dequantized).T
    check(y0, expected, "f32", k * U32 * abs_terms, "round trip, bits 0")
    step = np.abs(x).max(-1, keepdims=True) / 127.0
    quantization = 0.5 * step * (np.abs(t) @ np.ones(k)) * float(scale)
    check(y8, expected, "f32", quantization + k * U32 * abs_terms, "round trip, bits 8")


# ------------------------------------------------------- linear_recurrence

def recurrence_module(b, t, d, element, with_h0, reverse):
    """@main(a, b[, h0]) -> (h, h_last) of one yat.linear_recurrence."""
    at, st = tensor_type((b, t, d), element), tensor_type((b, d), element)
    args, operands, types = f"%a: {at}, %b: {at}", "%a, %b", f"{at}, {at}"
    if with_h0:
        args, operands, types = (args + f", %h0: {st}", operands + ", %h0",
                                 types + f", {st}")
    attrs = " {reverse}" if reverse else ""
    return f"""
func.func @main({args}) -> ({at}, {st}) {{
  %h, %last = yat.linear_recurrence {operands}{attrs} : ({types}) -> ({at}, {st})
  return %h, %last : {at}, {st}
}}"""


# The fused path cuts the channels into blocks (for the host's workers) and
# scans every block; odd channel counts leave masked vector tails.
@pytest.mark.parametrize("path", PATHS_WITH_GPU)
@pytest.mark.parametrize("b,t,d,with_h0,reverse,element", [
    (2, 8, 16, True, False, "f32"), (1, 1, 3, False, False, "f32"),
    (3, 13, 5, False, True, "f32"), (2, 6, 8, True, True, "f32"),
    (1, 7, 129, True, False, "f32"), (1, 17, 64, False, False, "f32"),
    (1, 129, 17, True, True, "f32"), (1, 3, 1, True, False, "f32"),
    (1, 9, 4, True, False, "f16"), (2, 5, 6, False, True, "bf16"),
    (1, 7, 33, True, False, "bf16")])
def test_linear_recurrence_random(b, t, d, with_h0, reverse, element, path):
    rng = np.random.default_rng(b * 100 + t * 10 + d)
    a = make(rng, (b, t, d), element, 0.5)
    x = make(rng, (b, t, d), element)
    h0 = make(rng, (b, d), element) if with_h0 else None
    module = recurrence_module(b, t, d, element, with_h0, reverse)
    h, last = run(module, [a, x] + ([h0] if with_h0 else []), num_results=2,
                  extra_args=RUN_ARGS[path])
    expected_h, expected_last = ref.linear_recurrence(a, x, h0, reverse)
    # Each step adds at most two f32 roundings of terms bounded by max|h|.
    bound = 2 * t * U32 * (np.abs(expected_h).max() + np.abs(x.astype(np.float64)).max())
    check(h, expected_h, element, bound, "h")
    check(last, expected_last, element, bound, "h_last")


@pytest.mark.parametrize("threads", [4, 8])
@pytest.mark.parametrize("b,t,d,with_h0,reverse", [
    (1, 256, 16, True, False), (1, 320, 7, False, True),
    (3, 960, 40, True, True), (1, 195, 3, True, False)])
def test_linear_recurrence_chunked(b, t, d, with_h0, reverse, threads):
    """Long f32 scans over few channels run as a two-pass scan over chunks
    of steps when the workers need 3 or more chunks of 64 or more steps
    that divide the steps (all these but 3 x 960 x 40 on 4 threads, which
    gets its 4 tiles from 3 rows and 2 chunks, too few)."""
    rng = np.random.default_rng(t + d)
    a = make(rng, (b, t, d), "f32", 0.5)
    x = make(rng, (b, t, d), "f32")
    h0 = make(rng, (b, d), "f32") if with_h0 else None
    module = recurrence_module(b, t, d, "f32", with_h0, reverse)
    h, last = run(module, [a, x] + ([h0] if with_h0 else []), num_results=2,
                  extra_args=(f"--pipeline-options=threads={threads}",))
    expected_h, expected_last = ref.linear_recurrence(a, x, h0, reverse)
    # The chunk's decay product and carry add a few roundings per step.
    bound = 4 * t * U32 * (np.abs(expected_h).max() + np.abs(x).max())
    check(h, expected_h, "f32", bound, "h")
    check(last, expected_last, "f32", bound, "h_last")


@pytest.mark.parametrize("path", PATHS_WITH_GPU)
def test_linear_recurrence_dynamic_steps(path):
    """Batch and step counts known only at run time."""
    rng = np.random.default_rng(11)
    a = make(rng, (2, 19, 40), "f32", 0.5)
    x = make(rng, (2, 19, 40), "f32")
    module = """
func.func @main(%a: tensor<?x?x40xf32>, %b: tensor<?x?x40xf32>) -> (tensor<?x?x40xf32>, tensor<?x40xf32>) {
  %h, %last = yat.linear_recurrence %a, %b {reverse} : (tensor<?x?x40xf32>, tensor<?x?x40xf32>) -> (tensor<?x?x40xf32>, tensor<?x40xf32>)
  return %h, %last : tensor<?x?x40xf32>, tensor<?x40xf32>
}"""
    h, last = run(module, [a, x], num_results=2,
                  extra_args=RUN_ARGS[path])
    expected_h, expected_last = ref.linear_recurrence(a, x, None, True)
    bound = 2 * 19 * U32 * (np.abs(expected_h).max() + np.abs(x).max())
    check(h, expected_h, "f32", bound, "h")
    check(last, expected_last, "f32", bound, "h_last")


@pytest.mark.parametrize("path", PATHS_WITH_GPU)
@pytest.mark.parametrize("d", [7, 48, 129])
def test_linear_recurrence_mlgru_gates(d, path):
    """The MLGRU token mixer's gates, written in StableHLO: f = sigmoid(xf)
    and (1 - f) * silu(xc) feed the recurrence (the fused path computes
    them inside its step loop)."""
    rng = np.random.default_rng(d)
    xf = make(rng, (2, 11, d), "f32", 2.0)
    xc = make(rng, (2, 11, d), "f32", 2.0)
    h0 = make(rng, (2, d), "f32")
    tt, st = tensor_type((2, 11, d), "f32"), tensor_type((2, d), "f32")
    module = f"""
func.func @main(%xf: {tt}, %xc: {tt}, %h0: {st}) -> ({tt}, {st}) {{
  %one = stablehlo.constant dense<1.0> : {tt}
  %f = stablehlo.logistic %xf : {tt}
  %keep = stablehlo.subtract %one, %f : {tt}
  %sc = stablehlo.logistic %xc : {tt}
  %c = stablehlo.multiply %xc, %sc : {tt}
  %b = stablehlo.multiply %keep, %c : {tt}
  %h, %last = yat.linear_recurrence %f, %b, %h0 : ({tt}, {tt}, {st}) -> ({tt}, {st})
  return %h, %last : {tt}, {st}
}}"""
    h, last = run(module, [xf, xc, h0], num_results=2,
                  extra_args=RUN_ARGS[path])
    f = 1.0 / (1.0 + np.exp(-xf.astype(np.float64)))
    c = xc / (1.0 + np.exp(-xc.astype(np.float64)))
    expected_h, expected_last = ref.linear_recurrence(f, (1.0 - f) * c, h0)
    # The gates cost a few roundings each (exp, division) per step.
    bound = 16 * 11 * U32 * (np.abs(expected_h).max() + np.abs(c).max())
    check(h, expected_h, "f32", bound, "h")
    check(last, expected_last, "f32", bound, "h_last")
