"""yat.jax: the nmn package's own layers and the model zoo's models through
yat.jax.jit against jax.jit, and jax.jit's calling conventions (pytrees,
static arguments, one compilation per signature)."""

import pathlib
import sys

import numpy as np
import pytest

import yat
import yat.jax

jax = pytest.importorskip("jax")
jnp = pytest.importorskip("jax.numpy")
nnx = pytest.importorskip("flax.nnx")
pytest.importorskip("nmn.nnx")

ROOT = pathlib.Path(__file__).resolve().parents[3]

# nmn and XLA reduce in f32 in their own orders (see test_nmn_reference.py).
RTOL = 1e-4


def raised_ops(jitted, *args):
    """The yat ops yat-raise-stablehlo makes of the export."""
    text = yat.opt(jitted.lower_text(*args), "yat-raise-stablehlo")
    return {op for op in ("yat.product", "yat.conv", "yat.attention",
                          "yat.rms_norm", "yat.ternary_matmul",
                          "yat.linear_recurrence") if op in text}


def test_yat_nmn_layer_with_parameters_as_a_pytree():
    from nmn.nnx.layers.nmn import YatNMN

    layer = YatNMN(in_features=24, out_features=10, use_bias=True,
                   constant_alpha=1.5, epsilon=1e-3, rngs=nnx.Rngs(0))
    layer.bias[...] = jnp.linspace(-0.5, 0.5, 10, dtype=jnp.float32)
    graphdef, state = nnx.split(layer)

    def apply(state, x):
        return nnx.merge(graphdef, state)(x, deterministic=True)

    x = np.random.default_rng(0).standard_normal((6, 24)).astype(np.float32)
    f = yat.jax.jit(apply)
    np.testing.assert_allclose(f(state, x), jax.jit(apply)(state, x),
                               rtol=RTOL, atol=1e-6)
    assert "yat.product" in raised_ops(f, state, x)


def test_yat_conv_layer():
    from nmn.nnx.layers.conv.yat_conv import YatConv

    layer = YatConv(in_features=3, out_features=8, kernel_size=(3, 3),
                    strides=(2, 1), padding=((1, 1), (0, 2)), use_bias=True,
                    constant_alpha=1.0, epsilon=1e-3, rngs=nnx.Rngs(1))
    layer.bias[...] = jnp.linspace(-0.2, 0.3, 8, dtype=jnp.float32)

    def apply(x):
        return layer(x, deterministic=True)

    x = np.random.default_rng(1).standard_normal((2, 9, 7, 3)).astype(
        np.float32)
    f = yat.jax.jit(apply)
    np.testing.assert_allclose(f(x), jax.jit(apply)(x), rtol=RTOL, atol=1e-6)
    assert "yat.conv" in raised_ops(f, x)


@pytest.mark.parametrize("normalization", ["softmax", "l1"])
def test_yat_attention(normalization):
    from nmn.nnx.layers.attention.yat_attention import yat_attention

    rng = np.random.default_rng(2)
    q, k, v = (rng.standard_normal((2, 6, 3, 8)).astype(np.float32) * 0.5
               for _ in range(3))
    mask = np.tril(np.ones((6, 6), bool))[None, None]

    def attend(q, k, v, mask):
        return yat_attention(q, k, v, mask=mask, deterministic=True,
                             normalization=normalization)

    f = yat.jax.jit(attend)
    np.testing.assert_allclose(f(q, k, v, mask), jax.jit(attend)(q, k, v, mask),
                               rtol=RTOL, atol=1e-5)


@pytest.fixture(scope="module")
def zoo_models():
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import export_model_zoo
    finally:
        sys.path.pop(0)
    return {model.name: model for model in export_model_zoo.build_models()}


ZOO = ["aether_gpt", "mini_bert", "aether_resnet", "hgrn_bit",
       "hgrn_bit_assoc", "nmn_mlp", "yat_cnn"]


@pytest.mark.parametrize("name", ZOO)
def test_model_zoo(zoo_models, name):
    model = zoo_models[name]
    expected = np.asarray(jax.jit(model.fn)(*model.args))
    actual = yat.jax.jit(model.fn)(*model.args)
    bound = model.tolerance
    scale = float(np.max(np.abs(expected.astype(np.float64))))
    np.testing.assert_allclose(actual, expected, rtol=bound["rtol"],
                               atol=bound["atol"] * scale)


def test_zoo_list_is_complete(zoo_models):
    assert sorted(zoo_models) == sorted(ZOO)


def test_pytrees_in_and_out_and_keyword_arguments():
    def f(params, x, *, scale):
        h = jnp.tanh(x @ params["w"] + params["b"][0])
        return {"h": h * scale, "stats": (jnp.sum(h), jnp.max(h, axis=0))}

    rng = np.random.default_rng(3)
    params = {"w": rng.standard_normal((8, 4)).astype(np.float32),
              "b": [rng.standard_normal(4).astype(np.float32)]}
    x = rng.standard_normal((3, 8)).astype(np.float32)
    scale = np.float32(2.0)
    got = yat.jax.jit(f)(params, x, scale=scale)
    want = jax.jit(f)(params, x, scale=scale)
    assert jax.tree_util.tree_structure(got) == \
        jax.tree_util.tree_structure(want)
    for a, b in zip(jax.tree_util.tree_leaves(got),
                    jax.tree_util.tree_leaves(want)):
        assert isinstance(a, np.ndarray)
        np.testing.assert_allclose(a, b, rtol=1e-5, atol=1e-6)


def test_static_arguments_and_the_cache():
    calls = []

    def power(x, n, mode="square"):
        calls.append((n, mode))
        y = x
        for _ in range(n - 1):
            y = y * x
        return y if mode == "square" else -y

    f = yat.jax.jit(power, static_argnums=1, static_argnames="mode")
    x = np.arange(1, 4, dtype=np.float32)
    np.testing.assert_array_equal(f(x, 3), x ** 3)
    np.testing.assert_array_equal(f(x + 1, 3), (x + 1) ** 3)
    assert f.cache_size == 1 and len(calls) == 1          # same signature
    np.testing.assert_array_equal(f(x, 2), x ** 2)         # new static value
    np.testing.assert_array_equal(f(x, 2, mode="neg"), -x ** 2)
    np.testing.assert_array_equal(f(np.ones((2, 2), np.float32), 2), 1)
    assert f.cache_size == 4
    with pytest.raises(TypeError, match="hashable"):
        f(x, [2])


def test_decorator_forms_and_jax_output():
    @yat.jax.jit(output="jax")
    def double(x):
        return 2 * x

    y = double(jnp.arange(4, dtype=jnp.float32))
    assert isinstance(y, jax.Array)
    np.testing.assert_array_equal(np.asarray(y), [0, 2, 4, 6])
    assert double.__name__ == "double"
    with pytest.raises(ValueError, match="output must be"):
        yat.jax.jit(double, output="torch")


def test_inputs_are_converted_as_jax_converts_them():
    f = yat.jax.jit(lambda x, s: x * s)
    # float64 without x64 and a Python scalar both become f32, as in jax.jit.
    y = f(np.ones(3, np.float64), 2.5)
    assert y.dtype == np.float32
    np.testing.assert_array_equal(y, 2.5)


def test_export_text():
    text = yat.jax.export_text(lambda a, b: a @ b,
                               np.ones((2, 3), np.float32),
                               jax.ShapeDtypeStruct((3, 4), jnp.float32))
    assert "stablehlo.dot_general" in text and "func.func public @main" in text
    f = yat.compile(text)
    np.testing.assert_array_equal(
        f(np.ones((2, 3), np.float32), np.ones((3, 4), np.float32)), 3)


def test_compile_errors_reach_the_caller():
    f = yat.jax.jit(lambda x: jnp.linalg.eigh(x)[0])
    with pytest.raises(yat.CompileError) as info:
        f(np.eye(3, dtype=np.float32))
    assert info.value.errors
