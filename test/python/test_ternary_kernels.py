"""Execution tests of yat.ternary_matmul's int8 kernels (yat-pack-ternary
and the byte dot products of yat-cpu-microkernels) against the numpy
formulas of yat_reference.py and against yat's reference lowering.

With activation_bits = 8 the sums are exact integers, so every path
computes the same int8 codes and the same i32 sums: the results differ from
the f64 reference by the two f32 roundings of `acc · scale / sx`. An
rms_norm in front adds its own f32 rounding, which may move a code by one
step: those tests allow two quantization steps per output.
"""

import pathlib

import numpy as np
import pytest

import yat_reference as ref
from yat_harness import run, tensor_type

U32 = 2.0**-24

# The kernel paths: the host's best byte dot products (vpdpbusd where it has
# AVX-512 VNNI), vpmaddubsw, scalar loops over the same layout, the 8-lane
# forms, one thread and four, and the AVX-512 kernels (vpdpbusd and
# vpmaddubsw on 512-bit vectors) with their instructions emulated, so that
# every host runs them.
EMULATED_AVX512 = "target-cpu=sapphirerapids emulate-x86-instructions=true"
PATHS = {
    "avx512-vnni-emulated": (f"--pipeline-options={EMULATED_AVX512}",),
    "avx512-maddubs-emulated": (
        f"--pipeline-options={EMULATED_AVX512} int8-dot=maddubs",),
    "auto": (),
    "maddubs": ("--pipeline-options=int8-dot=maddubs",),
    "scalar": ("--pipeline-options=int8-dot=none",),
    "8-lanes": ("--pipeline-options=vector-width=8",),
    "8-lanes-maddubs": ("--pipeline-options=vector-width=8 int8-dot=maddubs",),
    "1-thread": ("--pipeline-options=threads=1",),
    "4-threads": ("--pipeline-options=threads=4",),
}


def pack(t):
    """int8 N x K in {-1, 0, 1} -> the SPEC's packed N x K/4 bytes."""
    codes = (t.astype(np.int32) & 3).reshape(t.shape[0], -1, 4)
    packed = codes[..., 0] | codes[..., 1] << 2 | codes[..., 2] << 4 | codes[..., 3] << 6
    return packed.astype(np.uint8).view(np.int8)


def random_ternary(rng, n, k):
    return rng.integers(-1, 2, (n, k)).astype(np.int8)


def matmul_module(x_shape, n, scale_shape, element="f32"):
    """yat.ternary_matmul of x (`x_shape`, "?" for a dynamic dim) with packed
    N x K/4 weights and a per-tensor or per-channel f32 scale."""
    k = x_shape[-1]
    xt = tensor_type(x_shape, element)
    rt = tensor_type((*x_shape[:-1], n), element)
    pt = f"tensor<{n}x{k // 4}xi8>"
    st = tensor_type(scale_shape, "f32")
    return f"""
func.func @main(%x: {xt}, %p: {pt}, %s: {st}) -> {rt} {{
  %y = yat.ternary_matmul %x, %p, %s : ({xt}, {pt}, {st}) -> {rt}
  return %y : {rt}
}}"""


def check_exact_sums(y, expected, what):
    """Integer sums, then two f32 roundings."""
    bound = 4 * U32 * np.abs(expected) + 1e-30
    error = np.abs(y.astype(np.float64) - expected)
    assert np.all(error <= bound), f"{what}: max error {error.max()}"


@pytest.mark.parametrize("path", sorted(PATHS))
@pytest.mark.parametrize("x_shape,n,per_channel", [
    ((1, 64), 32, False),      # a GEMV: 2 blocks split over the workers
    ((1, 2560), 96, True),     # a longer K
    ((5, 48), 48, True),       # rows not a multiple of the register tile
    ((70, 64), 80, False),     # row tiles, 5 blocks
    ((2, 3, 32), 16, True),    # leading dims
    ((32,), 16, False),        # a single vector
])
def test_ternary_matmul_kernels(path, x_shape, n, per_channel):
    rng = np.random.default_rng(n * 7 + x_shape[-1])
    k = x_shape[-1]
    x = rng.standard_normal(x_shape).astype(np.float32)
    t = random_ternary(rng, n, k)
    packed = pack(t)
    scale = ((rng.random(n) + 0.5).astype(np.float32) if per_channel
             else np.array(0.7, np.float32))
    module = matmul_module(x_shape, n, scale.shape)
    (y,) = run(module, [x, packed, scale], extra_args=PATHS[path])
    check_exact_sums(y, ref.ternary_matmul(x, packed, scale, 8),
                     f"{path} {x_shape} x {n}")


@pytest.mark.parametrize("path", sorted(PATHS))
@pytest.mark.parametrize("sign", [1, -1])
def test_ternary_matmul_kernels_largest_sums(path, sign):
    """Every activation at the largest code (+127 or -127) and every weight
    +1 or -1: the largest sums a row can reach, 127 · K, which the maddubs
    kernels build from 16-bit partial sums (an overflow there would wrap)."""
    n, k = 32, 4096
    x = np.full((3, k), sign, np.float32)
    t = np.ones((n, k), np.int8)
    t[1::2] = -1
    packed = pack(t)
    scale = np.array(1.0, np.float32)
    (y,) = run(matmul_module((3, k), n, ()), [x, packed, scale],
               extra_args=PATHS[path])
    expected = ref.ternary_matmul(x, packed, scale, 8)
    assert np.abs(expected).max() == k, "the test's own sums"
    check_exact_sums(y, expected, f"{path} largest sums, sign {sign}")


def host_flags():
    """The CPU flags of /proc/cpuinfo (Linux's names: avx512_vnni)."""
    text = pathlib.Path("/proc/cpuinfo").read_text()
    line = next(l for l in text.splitlines() if l.startswith("flags"))
    return set(line.split(":", 1)[1].split())


# What target-cpu=sapphirerapids lets the kernels use, in Linux's names.
AVX512_KERNEL_FLAGS = {"avx512f", "avx512bw", "avx512vl", "avx512_vnni",
                       "avx512_bf16"}


@pytest.mark.parametrize("cpu", ["x86-64", "x86-64-v3", "sapphirerapids"])
def test_ternary_matmul_for_a_target_cpu(cpu):
    """Kernels built for a named CPU give the same sums where the host can
    run them; yat-run refuses, naming the instructions, where it cannot."""
    rng = np.random.default_rng(21)
    n, k = 48, 128
    x = rng.standard_normal((5, k)).astype(np.float32)
    packed = pack(random_ternary(rng, n, k))
    scale = np.array(0.4, np.float32)
    args = (f"--pipeline-options=target-cpu={cpu}",)
    needed = {"x86-64": set(), "x86-64-v3": {"avx2"},
              "sapphirerapids": AVX512_KERNEL_FLAGS}[cpu]
    missing = needed - host_flags()
    if missing:
        with pytest.raises(RuntimeError, match="has instructions this host "
                           "lacks"):
            run(matmul_module((5, k), n, ()), [x, packed, scale],
                extra_args=args)
        return
    (y,) = run(matmul_module((5, k), n, ()), [x, packed, scale],
               extra_args=args)
    check_exact_sums(y, ref.ternary_matmul(x, packed, scale, 8),
                     f"target-cpu={cpu}")


@pytest.mark.parametrize("element", ["bf16", "f16"])
def test_ternary_matmul_kernels_half_precision(element):
    rng = np.random.default_rng(11)
    n, k = 48, 64
    x = rng.standard_normal((3, k)).astype(np.float32)
    if element == "f16":
        x = x.astype(np.float16)
    else:
        # bf16 values, carried as f32 by the harness.
        x = (x.view(np.uint32) & 0xFFFF0000).view(np.float32)
    t = random_ternary(rng, n, k)
    packed = pack(t)
    scale = np.array(0.3, np.float32)
    module = matmul_module((3, k), n, (), element)
    (y,) = run(module, [x, packed, scale])
    expected = ref.ternary_matmul(x.astype(np.float32), packed, scale, 8)
    rounding = 2.0**-8 if element == "bf16" else 2.0**-11
    error = np.abs(y.astype(np.float64) - expected)
    assert np.all(error <= (rounding + 4 * U32) * np.abs(expected)), error.max()


def test_ternary_matmul_dynamic_rows():
    rng = np.random.default_rng(5)
    n, k = 32, 48
    module = matmul_module(("?", k), n, ())
    t = random_ternary(rng, n, k)
    packed = pack(t)
    scale = np.array(0.9, np.float32)
    for rows in (1, 9, 130):
        x = rng.standard_normal((rows, k)).astype(np.float32)
        (y,) = run(module, [x, packed, scale])
        check_exact_sums(y, ref.ternary_matmul(x, packed, scale, 8),
                         f"{rows} dynamic rows")


def test_constant_weights_match_weights_passed_at_run_time():
    """A constant packed weight (re-laid out at compile time) and the same
    weight passed as an argument (re-laid out by a generic at run time)
    give the same results, and the same as the reference lowering."""
    rng = np.random.default_rng(8)
    n, k = 48, 64
    t = random_ternary(rng, n, k)
    packed = pack(t)
    values = ", ".join(
        "[" + ", ".join(str(v) for v in row) + "]" for row in packed)
    x = rng.standard_normal((4, k)).astype(np.float32)
    constant = f"""
func.func @main(%x: tensor<4x{k}xf32>) -> tensor<4x{n}xf32> {{
  %p = arith.constant dense<[{values}]> : tensor<{n}x{k // 4}xi8>
  %s = arith.constant dense<0.5> : tensor<f32>
  %y = yat.ternary_matmul %x, %p, %s : (tensor<4x{k}xf32>, tensor<{n}x{k // 4}xi8>, tensor<f32>) -> tensor<4x{n}xf32>
  return %y : tensor<4x{n}xf32>
}}"""
    (from_constant,) = run(constant, [x])
    (from_reference,) = run(constant, [x],
                            extra_args=("--pipeline-options=fuse=false",))
    (from_argument,) = run(matmul_module((4, k), n, ()),
                           [x, packed, np.array(0.5, np.float32)])
    expected = ref.ternary_matmul(x, packed, np.float32(0.5), 8)
    for y, what in ((from_constant, "constant"), (from_reference, "reference"),
                    (from_argument, "argument")):
        check_exact_sums(y, expected, what)


def test_ternarized_constant_weights():
    """yat.ternarize of a constant folds and is re-laid out at compile time;
    the compiled module holds no f32 copy of the weight."""
    rng = np.random.default_rng(21)
    n, k = 32, 64
    w = rng.standard_normal((n, k)).astype(np.float32)
    values = ", ".join("[" + ", ".join(repr(float(v)) for v in row) + "]"
                       for row in w)
    module = f"""
func.func @main(%x: tensor<2x{k}xf32>) -> tensor<2x{n}xf32> {{
  %w = arith.constant dense<[{values}]> : tensor<{n}x{k}xf32>
  %p, %s = yat.ternarize %w : (tensor<{n}x{k}xf32>) -> (tensor<{n}x{k // 4}xi8>, tensor<f32>)
  %y = yat.ternary_matmul %x, %p, %s : (tensor<2x{k}xf32>, tensor<{n}x{k // 4}xi8>, tensor<f32>) -> tensor<2x{n}xf32>
  return %y : tensor<2x{n}xf32>
}}"""
    x = rng.standard_normal((2, k)).astype(np.float32)
    (y,) = run(module, [x])
    packed, scale, _ = ref.ternarize(w)
    check_exact_sums(y, ref.ternary_matmul(x, packed, scale, 8), "ternarized")


@pytest.mark.parametrize("path", ["auto", "scalar", "8-lanes"])
@pytest.mark.parametrize("with_gamma,element", [(True, "f32"), (False, "f32"),
                                                (True, "bf16")])
def test_rms_norm_fused_into_quantization(path, with_gamma, element):
    """rms_norm → ternary_matmul: the norm is computed inside the
    quantization. Against the reference lowering and numpy, within two
    quantization steps (the f32 sums of squares may round differently)."""
    rng = np.random.default_rng(3)
    rows, n, k = 6, 32, 64
    x = rng.standard_normal((rows, k)).astype(np.float32) * 3
    gamma = (rng.random(k) + 0.5).astype(np.float32)
    if element == "bf16":
        x = (x.view(np.uint32) & 0xFFFF0000).view(np.float32)
        gamma = (gamma.view(np.uint32) & 0xFFFF0000).view(np.float32)
    t = random_ternary(rng, n, k)
    packed = pack(t)
    scale = np.array(0.25, np.float32)
    xt = f"tensor<{rows}x{k}x{element}>"
    gt = f"tensor<{k}x{element}>"
    rt = f"tensor<{rows}x{n}x{element}>"
    norm_operands = "%x, %g" if with_gamma else "%x"
    norm_types = f"{xt}, {gt}" if with_gamma else xt
    module = f"""
func.func @main(%x: {xt}, %g: {gt}, %p: tensor<{n}x{k // 4}xi8>, %s: tensor<f32>) -> {rt} {{
  %n = yat.rms_norm {norm_operands} {{epsilon = 1.0e-5 : f32}} : ({norm_types}) -> {xt}
  %y = yat.ternary_matmul %n, %p, %s : ({xt}, tensor<{n}x{k // 4}xi8>, tensor<f32>) -> {rt}
  return %y : {rt}
}}"""
    inputs = [x, gamma, packed, scale]
    (y,) = run(module, inputs, extra_args=PATHS[path])
    (reference,) = run(module, inputs,
                       extra_args=("--pipeline-options=fuse=false",))
    normalized = ref.rms_norm(x, gamma if with_gamma else None, 1e-5)
    normalized = normalized.astype(np.float32)
    if element == "bf16":
        normalized = (normalized.view(np.uint32) + 0x7FFF
                      + ((normalized.view(np.uint32) >> 16) & 1)) & 0xFFFF0000
        normalized = normalized.astype(np.uint32).view(np.float32)
    expected = ref.ternary_matmul(normalized, packed, scale, 8)
    sx = 127.0 / np.abs(normalized).max(-1, keepdims=True)
    step = 2 * float(scale) / sx * 1.01
    rounding = 2.0**-8 if element == "bf16" else 0.0
    for actual, what in ((y, path), (reference, "reference")):
        error = np.abs(actual.astype(np.float64) - expected)
        allowed = step + (rounding + 4 * U32) * np.abs(expected)
        assert np.all(error <= allowed), f"{what}: max error {error.max()}"


@pytest.mark.parametrize("x_dims,rows", [(("?", 3), (2, 3)),     # packed
                                         (("?", "?"), (2, 3)),   # reference
                                         ((0,), (0,))])          # no rows
def test_ternary_matmul_dynamic_shapes(x_dims, rows):
    """Dynamic row dims and a per-channel scale of dynamic size: one dynamic
    row dim takes the packed kernels, two take the reference lowering (see
    yat-pack-ternary), no rows give an empty result."""
    rng = np.random.default_rng(17)
    n, k = 32, 32
    t = random_ternary(rng, n, k)
    packed = pack(t)
    scale = (rng.random(n) + 0.5).astype(np.float32)
    xt = tensor_type((*x_dims, k), "f32")
    rt = tensor_type((*x_dims, n), "f32")
    module = f"""
func.func @main(%x: {xt}, %p: tensor<{n}x{k // 4}xi8>, %s: tensor<?xf32>) -> {rt} {{
  %y = yat.ternary_matmul %x, %p, %s : ({xt}, tensor<{n}x{k // 4}xi8>, tensor<?xf32>) -> {rt}
  return %y : {rt}
}}"""
    x = rng.standard_normal((*rows, k)).astype(np.float32)
    (y,) = run(module, [x, packed, scale])
    assert y.shape == (*rows, n)
    if y.size:
        check_exact_sums(y, ref.ternary_matmul(x, packed, scale, 8),
                         f"{x_dims}")
