"""Execution tests of the yat ops' TilingInterface: each op is tiled by the
transform dialect (tile_using_forall / tile_using_for / fuse, upstream's
drivers), then the tiled module is compiled and run by yat-run on the fused
and the reference path, against the plain numpy formulas of
yat_reference.py. Sizes are odd so that the last tiles are partial
(dynamic shapes inside the loops).

Tolerances are those of test_op_numerics.py: a tile computes every output
element from the same whole rows, so the error bound of the untiled op
holds.
"""

import pathlib
import tempfile

import numpy as np
import pytest

import yat_reference as ref
from test_op_numerics import (attention_bound, check, conv_bound,
                              product_bound, yat_opt)
from yat_harness import PIPELINE_PATHS, run, tensor_type_of

TRANSFORM = """\
module attributes {{transform.with_named_sequence}} {{
  transform.named_sequence @__transform_main(%root: !transform.any_op {{transform.readonly}}) {{
    %op = transform.structured.match ops{{["{op}"]}} in %root : (!transform.any_op) -> !transform.any_op
    {tiling}
    transform.yield
  }}
}}
"""


def tile_using_forall(sizes):
    return ("%t, %l = transform.structured.tile_using_forall %op tile_sizes "
            f"{sizes} : (!transform.any_op) -> (!transform.any_op, !transform.any_op)")


def tile_using_for(sizes):
    loops = sum(1 for s in sizes if s)
    results = ", ".join(["!transform.any_op"] * (loops + 1))
    return (f"%t, %l:{loops} = transform.structured.tile_using_for %op tile_sizes "
            f"{sizes} : (!transform.any_op) -> ({results})")


def tiled(module_text, op, tiling):
    """`module_text` after the transform script that tiles `op`."""
    with tempfile.TemporaryDirectory() as tmp:
        script = pathlib.Path(tmp) / "tile.mlir"
        script.write_text(TRANSFORM.format(op=op, tiling=tiling))
        text = yat_opt(module_text,
                       f"--transform-preload-library=transform-library-paths={script}",
                       "--transform-interpreter", "--canonicalize")
    assert "scf." in text, f"{op} was not tiled:\n{text}"
    return text


def product_module(x, w, b, epsilon, alpha):
    out = tensor_type_of(np.zeros(x.shape[:-1] + (w.shape[0],), np.float32))
    args = [f"%x: {tensor_type_of(x)}", f"%w: {tensor_type_of(w)}"]
    operands, types = ["%x", "%w"], [tensor_type_of(x), tensor_type_of(w)]
    if b is not None:
        args.append(f"%b: {tensor_type_of(b)}")
        operands.append("%b")
        types.append(tensor_type_of(b))
    return f"""\
func.func @main({", ".join(args)}) -> {out} {{
  %y = yat.product {", ".join(operands)} {{epsilon = {epsilon:e} : f32, alpha = {alpha:e} : f32}} : ({", ".join(types)}) -> {out}
  return %y : {out}
}}
"""


PRODUCT_CASES = [
    # x shape, n, bias, tiling
    ((17, 9), 13, True, tile_using_forall([4, 8])),
    ((3, 7, 33), 21, False, tile_using_for([2, 0, 16])),
    ((129, 64), 70, True, tile_using_forall([64, 32])),
]


@pytest.mark.parametrize("path", PIPELINE_PATHS)
@pytest.mark.parametrize("x_shape,n,bias,tiling", PRODUCT_CASES)
def test_tiled_product(x_shape, n, bias, tiling, path):
    rng = np.random.default_rng(sum(x_shape) * 31 + n)
    x = rng.standard_normal(x_shape).astype(np.float32)
    w = rng.standard_normal((n, x_shape[-1])).astype(np.float32)
    b = rng.standard_normal(n).astype(np.float32) if bias else None
    module = tiled(product_module(x, w, b, 1e-3, 0.5), "yat.product", tiling)
    inputs = [x, w] + ([b] if bias else [])
    (y,) = run(module, inputs, extra_args=PIPELINE_PATHS[path])
    check(y, ref.product(x, w, b, 1e-3, 0.5), "f32",
          product_bound(x, w, b, 1e-3, 0.5), f"tiled product {x_shape}x{n}")


CONV_CASES = [
    # x shape, filter shape, strides, padding, groups, tiling
    # Unpadded and strided, tiled over batch, output columns and filters.
    ((2, 9, 17, 3), (3, 3, 3, 10), [1, 2], None, 1,
     tile_using_forall([1, 0, 3, 4])),
    # 3 groups of 4 filters on 5 channels each, padded: tiles of 2 filters
    # inside a group are ungrouped convs of the group's channels.
    ((2, 7, 9, 15), (3, 2, 5, 12), None, [1, 1, 0, 0], 3,
     tile_using_forall([1, 0, 0, 2])),
    # Depthwise, tiles of 4 whole groups.
    ((1, 7, 9, 12), (3, 3, 1, 12), [2, 1], [1, 1, 1, 1], 12,
     tile_using_forall([0, 0, 0, 4])),
]


@pytest.mark.parametrize("path", PIPELINE_PATHS)
@pytest.mark.parametrize("x_shape,f_shape,strides,padding,groups,tiling",
                         CONV_CASES)
def test_tiled_conv(x_shape, f_shape, strides, padding, groups, tiling, path):
    rng = np.random.default_rng(sum(x_shape) + groups)
    x = rng.standard_normal(x_shape).astype(np.float32)
    f = rng.standard_normal(f_shape).astype(np.float32)
    b = rng.standard_normal(f_shape[-1]).astype(np.float32)
    expected = ref.conv(x, f, b, strides=strides, padding=padding,
                        groups=groups)
    out = tensor_type_of(expected.astype(np.float32))
    attrs = [f"groups = {groups} : i64"]
    for name, values in (("strides", strides), ("padding", padding)):
        if values:
            attrs.append(f"{name} = array<i64: {', '.join(map(str, values))}>")
    module = f"""\
func.func @main(%x: {tensor_type_of(x)}, %f: {tensor_type_of(f)}, %b: {tensor_type_of(b)}) -> {out} {{
  %y = yat.conv %x, %f, %b {{{', '.join(attrs)}}} : ({tensor_type_of(x)}, {tensor_type_of(f)}, {tensor_type_of(b)}) -> {out}
  return %y : {out}
}}
"""
    module = tiled(module, "yat.conv", tiling)
    (y,) = run(module, [x, f, b], extra_args=PIPELINE_PATHS[path])
    spatial = len(x_shape) - 2
    check(y, expected, "f32",
          conv_bound(x, f, b, strides or [1] * spatial, padding, [1] * spatial,
                     groups, 1e-5, 1.0),
          f"tiled conv groups={groups}")


ATTENTION_CASES = [
    # B, H, Hkv, Tq, Tk, causal, tiling
    (2, 4, 4, 9, 11, False, tile_using_forall([1, 3, 4])),   # MHA: heads, rows
    (1, 3, 1, 7, 7, False, tile_using_forall([0, 2, 3, 5])),  # MQA, Dv tiles
    (2, 4, 2, 6, 9, True, tile_using_forall([1])),             # causal: batch
    # causal query rows read a key prefix; GQA heads one at a time
    (2, 4, 2, 7, 9, True, tile_using_forall([1, 1, 3])),
    (1, 6, 2, 17, 17, True, tile_using_for([0, 1, 4, 5])),
]


@pytest.mark.parametrize("path", PIPELINE_PATHS)
@pytest.mark.parametrize("b,h,hkv,tq,tk,causal,tiling", ATTENTION_CASES)
def test_tiled_attention(b, h, hkv, tq, tk, causal, tiling, path):
    rng = np.random.default_rng(b * 100 + h * 10 + tq)
    q = rng.standard_normal((b, h, tq, 8)).astype(np.float32)
    k = rng.standard_normal((b, hkv, tk, 8)).astype(np.float32)
    v = rng.standard_normal((b, hkv, tk, 12)).astype(np.float32)
    out = tensor_type_of(np.zeros((b, h, tq, 12), np.float32))
    attrs = "{causal}" if causal else ""
    module = f"""\
func.func @main(%q: {tensor_type_of(q)}, %k: {tensor_type_of(k)}, %v: {tensor_type_of(v)}) -> {out} {{
  %o = yat.attention %q, %k, %v {attrs} : ({tensor_type_of(q)}, {tensor_type_of(k)}, {tensor_type_of(v)}) -> {out}
  return %o : {out}
}}
"""
    module = tiled(module, "yat.attention", tiling)
    (o,) = run(module, [q, k, v], extra_args=PIPELINE_PATHS[path])
    scale = 1.0 / np.sqrt(8)
    check(o, ref.attention(q, k, v, causal=causal), "f32",
          attention_bound(q, k, v, scale, 1e-5, causal),
          f"tiled attention causal={causal}")
