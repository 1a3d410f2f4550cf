"""yat against the `nmn` package's own JAX layers (nmn.nnx): the dense
YatNMN layer, YatConv and the ⵟ-attention, on the same inputs and weights.

nmn computes in f32 with XLA's reduction order, so the tolerance is an f32
reduction bound (see test_op_numerics.py), taken loosely as 1e-4 relative
for these well-conditioned random inputs.
"""

import numpy as np
import pytest

from yat_harness import run, tensor_type

jax = pytest.importorskip("jax")
jnp = pytest.importorskip("jax.numpy")
nnx = pytest.importorskip("flax.nnx")
nmn_nnx = pytest.importorskip("nmn.nnx")

RTOL = 1e-4


def test_dense_layer_matches_nmn():
    from nmn.nnx.layers.nmn import YatNMN

    layer = YatNMN(in_features=24, out_features=10, use_bias=True,
                   constant_alpha=1.5, epsilon=1e-3, rngs=nnx.Rngs(0))
    # nmn initializes the bias to zero; give it values so it is exercised.
    layer.bias.value = jnp.linspace(-0.5, 0.5, 10, dtype=jnp.float32)
    rng = np.random.default_rng(0)
    x = rng.standard_normal((6, 24)).astype(np.float32)
    expected = np.asarray(layer(jnp.asarray(x), deterministic=True))

    w = np.asarray(layer.kernel.value).T.copy()   # nmn stores [in, out]
    b = np.asarray(layer.bias.value)
    module = """
func.func @main(%x: tensor<6x24xf32>, %w: tensor<10x24xf32>, %b: tensor<10xf32>) -> tensor<6x10xf32> {
  %y = yat.product %x, %w, %b {epsilon = 1.0e-03 : f32, alpha = 1.5 : f32} : (tensor<6x24xf32>, tensor<10x24xf32>, tensor<10xf32>) -> tensor<6x10xf32>
  return %y : tensor<6x10xf32>
}"""
    (y,) = run(module, [x, w, b])
    np.testing.assert_allclose(y, expected, rtol=RTOL, atol=1e-6)


def test_conv_matches_nmn():
    from nmn.nnx.layers.conv.yat_conv import YatConv

    layer = YatConv(in_features=3, out_features=8, kernel_size=(3, 3),
                    strides=(2, 1), padding=((1, 1), (0, 2)), use_bias=True,
                    constant_alpha=1.0, epsilon=1e-3, rngs=nnx.Rngs(1))
    layer.bias.value = jnp.linspace(-0.2, 0.3, 8, dtype=jnp.float32)
    rng = np.random.default_rng(1)
    x = rng.standard_normal((2, 9, 7, 3)).astype(np.float32)
    expected = np.asarray(layer(jnp.asarray(x), deterministic=True))

    filt = np.asarray(layer.kernel.value)        # 3 x 3 x 3 x 8, as yat wants
    b = np.asarray(layer.bias.value)
    rt = tensor_type(expected.shape, "f32")
    module = f"""
func.func @main(%x: tensor<2x9x7x3xf32>, %f: tensor<3x3x3x8xf32>, %b: tensor<8xf32>) -> {rt} {{
  %y = yat.conv %x, %f, %b {{strides = array<i64: 2, 1>, padding = array<i64: 1, 1, 0, 2>, epsilon = 1.0e-03 : f32}} : (tensor<2x9x7x3xf32>, tensor<3x3x3x8xf32>, tensor<8xf32>) -> {rt}
  return %y : {rt}
}}"""
    (y,) = run(module, [x, filt, b])
    np.testing.assert_allclose(y, expected, rtol=RTOL, atol=1e-6)


@pytest.mark.parametrize("normalization", ["softmax", "l1"])
def test_attention_matches_nmn(normalization):
    from nmn.nnx.layers.attention.yat_attention import yat_attention

    rng = np.random.default_rng(2)
    b, t, h, d = 2, 6, 3, 8
    q = (rng.standard_normal((b, t, h, d)) * 0.5).astype(np.float32)
    k = (rng.standard_normal((b, t, h, d)) * 0.5).astype(np.float32)
    v = rng.standard_normal((b, t, h, d)).astype(np.float32)
    causal = np.tril(np.ones((t, t), bool))[None, None]
    expected = np.asarray(yat_attention(
        jnp.asarray(q), jnp.asarray(k), jnp.asarray(v), mask=jnp.asarray(causal),
        deterministic=True, normalization=normalization))   # [b, t, h, d]

    # nmn divides by Σs + epsilon (the score epsilon) under l1.
    extra = "l1_epsilon = 1.0e-05 : f32, " if normalization == "l1" else ""
    # yat takes [B, H, T, D].
    q_, k_, v_ = (np.ascontiguousarray(a.transpose(0, 2, 1, 3)) for a in (q, k, v))
    ty = tensor_type((b, h, t, d), "f32")
    module = f"""
func.func @main(%q: {ty}, %k: {ty}, %v: {ty}) -> {ty} {{
  %o = yat.attention %q, %k, %v {{causal, normalization = #yat.normalization<{normalization}>}} : ({ty}, {ty}, {ty}) -> {ty}
  return %o : {ty}
}}"""
    (o,) = run(module.replace("normalization = #yat", extra + "normalization = #yat"),
               [q_, k_, v_])
    np.testing.assert_allclose(o.transpose(0, 2, 1, 3), expected, rtol=RTOL, atol=1e-5)
