#!/usr/bin/env python3
"""Exports the `nmn` package's layers, two small models and linear
recurrences written with `jax.lax.scan` and `jax.lax.associative_scan` from
JAX to StableHLO, with inputs and JAX's own outputs, into
examples/stablehlo/.

For every model NAME it writes
  NAME.mlir          the StableHLO module (`@main` takes the inputs, then the
                     parameters that are not baked in as constants)
  NAME.arg<i>.npy    the arguments of `@main`, in order
  NAME.expected.npy  what JAX computes for them
and manifest.json lists the models, their arguments, the yat ops that
`yat-raise-stablehlo` should produce and the package versions that wrote
them (other JAX versions may print a different module).

The modules are what users get from `jax.jit(f).lower(*args).as_text()`:
StableHLO plus the `chlo.square` that `jnp.square` lowers to (yat's
front-end accepts it), printed without locations.

Everything is seeded: running the script again rewrites identical files.

  python3 scripts/export_jax_models.py [--out examples/stablehlo]
"""

import argparse
import importlib.metadata
import json
import pathlib

import jax
import jax.numpy as jnp
import numpy as np
from flax import nnx

from nmn.nnx.layers.attention.masks import make_causal_mask
from nmn.nnx.layers.attention.yat_attention import yat_attention
from nmn.nnx.layers.conv.yat_conv import YatConv
from nmn.nnx.layers.nmn import YatNMN

ROOT = pathlib.Path(__file__).resolve().parents[1]


def stablehlo_text(fn, args):
    """The StableHLO module of `jax.jit(fn)` on `args`, as JAX prints it."""
    return jax.jit(fn).lower(*args).as_text()


def random_array(rng, shape, dtype=np.float32, scale=1.0):
    return (scale * rng.standard_normal(shape)).astype(dtype)


def functional(module, num_inputs):
    """`module` as a function of (inputs..., parameters...), and the
    parameters' current values in that order."""
    graphdef, state = nnx.split(module)
    leaves, treedef = jax.tree_util.tree_flatten(state)

    def apply(*args):
        params = jax.tree_util.tree_unflatten(treedef, args[num_inputs:])
        return nnx.merge(graphdef, params)(*args[:num_inputs])

    names = [jax.tree_util.keystr(path, simple=True, separator=".")
             .removesuffix(".value")
             for path, _ in jax.tree_util.tree_flatten_with_path(state)[0]]
    return apply, [np.asarray(leaf) for leaf in leaves], names


def set_param(param, values):
    param.set_value(jnp.asarray(values, dtype=param.get_value().dtype))


class Model:
    """One export: a function, its arguments and what raising should give."""

    def __init__(self, name, description, fn, args, arg_names, raises_to,
                 keeps=()):
        self.name = name
        self.description = description
        self.fn = fn
        self.args = args
        self.arg_names = arg_names
        self.raises_to = raises_to
        # StableHLO ops outside the raised math that stay after raising.
        self.keeps = list(keeps)


def layer_model(name, description, module, inputs, raises_to):
    apply, params, param_names = functional(module, len(inputs))
    arg_names = [f"input{i}" for i in range(len(inputs))] + param_names
    return Model(name, description, apply, list(inputs) + params, arg_names,
                 raises_to)


def constant_model(name, description, module, inputs, raises_to):
    """A model whose parameters are baked into the module as constants."""
    def apply(*args):
        return module(*args)
    arg_names = [f"input{i}" for i in range(len(inputs))]
    return Model(name, description, apply, list(inputs), arg_names, raises_to)


class RMSNormM3za(nnx.Module):
    """The RMSNorm of nmn's m3za language example: x · rsqrt(mean(x²) + eps)
    · weight."""

    def __init__(self, dim, eps=1e-6):
        self.eps = eps
        self.weight = nnx.Param(jnp.ones(dim))

    def __call__(self, x):
        var = jnp.mean(jnp.square(x), axis=-1, keepdims=True)
        return x * jax.lax.rsqrt(var + self.eps) * self.weight


class NmnMlp(nnx.Module):
    """Two ⵟ-product layers; the ⵟ-product is its own non-linearity."""

    def __init__(self, rngs):
        self.hidden = YatNMN(8, 16, rngs=rngs)
        self.out = YatNMN(16, 4, constant_alpha=True, rngs=rngs)

    def __call__(self, x):
        return self.out(self.hidden(x))


class WideNmnMlp(nnx.Module):
    """NmnMlp at a size where the cost of the layers shows."""

    def __init__(self, rngs):
        self.hidden = YatNMN(512, 1024, constant_alpha=True, rngs=rngs)
        self.out = YatNMN(1024, 256, constant_alpha=True, rngs=rngs)

    def __call__(self, x):
        return self.out(self.hidden(x))


class AetherBlock(nnx.Module):
    """An Aether-style residual block: x + YatNMN(RMSNorm(YatNMN(x)))."""

    def __init__(self, dim, hidden, rngs):
        self.up = YatNMN(dim, hidden, constant_alpha=True, rngs=rngs)
        self.norm = nnx.RMSNorm(hidden, rngs=rngs)
        self.down = YatNMN(hidden, dim, use_bias=False, constant_alpha=True,
                           rngs=rngs)

    def __call__(self, x):
        return x + self.down(self.norm(self.up(x)))


def give_values(rng, module):
    """Replaces nmn's constant initial biases, alphas and norm scales (zeros
    and ones) with random values so that the exports exercise them."""
    for path, param in nnx.iter_graph(module):
        if not isinstance(param, nnx.Param) or not path:
            continue
        name = path[-1]
        shape = param.get_value().shape
        if name == "bias":
            set_param(param, 0.5 * rng.standard_normal(shape))
        elif name in ("alpha", "scale", "weight"):
            set_param(param, 1.0 + 0.25 * rng.standard_normal(shape))


def build_models():
    models = []
    rng = np.random.default_rng(2024)

    layer = YatNMN(8, 6, rngs=nnx.Rngs(0))
    give_values(rng, layer)
    models.append(layer_model(
        "yat_nmn",
        "YatNMN(8 -> 6): bias, learnable alpha, epsilon 1e-5",
        layer, [random_array(rng, (3, 8))],
        [{"op": "yat.product", "count": 1}]))

    layer = YatNMN(8, 5, use_bias=False, constant_alpha=True, epsilon=1e-3,
                   rngs=nnx.Rngs(1))
    models.append(layer_model(
        "yat_nmn_nobias_sqrt2",
        "YatNMN(8 -> 5) on a [2, 3, 8] input: no bias, constant alpha "
        "sqrt(2) (nmn keeps it as a jax array, so the export takes it as an "
        "argument), epsilon 1e-3",
        layer, [random_array(rng, (2, 3, 8))],
        [{"op": "yat.product", "count": 1}]))

    layer = YatNMN(6, 4, use_alpha=False, epsilon=1e-4, rngs=nnx.Rngs(2))
    give_values(rng, layer)
    models.append(layer_model(
        "yat_nmn_noalpha",
        "YatNMN(6 -> 4): bias, no alpha, epsilon 1e-4",
        layer, [random_array(rng, (4, 6))],
        [{"op": "yat.product", "count": 1}]))

    layer = YatNMN(8, 4, constant_alpha=1.5, param_dtype=jnp.float16,
                   rngs=nnx.Rngs(3))
    give_values(rng, layer)
    models.append(layer_model(
        "yat_nmn_f16",
        "YatNMN(8 -> 4) with f16 parameters and input: nmn computes in f32 "
        "between converts",
        layer, [random_array(rng, (3, 8), np.float16)],
        [{"op": "yat.product", "count": 1}]))

    layer = YatConv(3, 4, kernel_size=(3,), padding="SAME", use_bias=False,
                    constant_alpha=True, rngs=nnx.Rngs(4))
    models.append(layer_model(
        "yat_conv1d",
        "YatConv 1-D, 3 -> 4 channels, kernel 3, SAME padding, no bias, "
        "alpha sqrt(2)",
        layer, [random_array(rng, (2, 9, 3))],
        [{"op": "yat.conv", "count": 1}]))

    layer = YatConv(3, 4, kernel_size=(3, 3), strides=2, padding=1,
                    rngs=nnx.Rngs(5))
    give_values(rng, layer)
    models.append(layer_model(
        "yat_conv2d",
        "YatConv 2-D, 3 -> 4 channels, 3x3 kernel, stride 2, padding 1, "
        "bias, learnable alpha",
        layer, [random_array(rng, (2, 7, 7, 3))],
        [{"op": "yat.conv", "count": 1}]))

    q, k, v = (random_array(rng, (2, 5, 2, 8), scale=0.5) for _ in range(3))

    def attention(query, key, value):
        return yat_attention(query, key, value)

    models.append(Model(
        "yat_attention",
        "nmn yat_attention on [B=2, T=5, H=2, D=8] (softmax, scale 1/sqrt(d))",
        attention, [q, k, v], ["query", "key", "value"],
        [{"op": "yat.attention", "count": 1}]))

    def causal_attention(query, key, value):
        mask = make_causal_mask(jnp.ones(query.shape[:2]))
        return yat_attention(query, key, value, mask=mask)

    models.append(Model(
        "yat_attention_causal",
        "nmn yat_attention with make_causal_mask on [2, 5, 2, 8]",
        causal_attention, [q, k, v], ["query", "key", "value"],
        [{"op": "yat.attention", "count": 1, "causal": True}]))

    norm = nnx.RMSNorm(8, rngs=nnx.Rngs(6))
    give_values(rng, norm)
    models.append(layer_model(
        "rms_norm",
        "flax nnx.RMSNorm(8), epsilon 1e-6",
        norm, [random_array(rng, (3, 8))],
        [{"op": "yat.rms_norm", "count": 1}]))

    norm = RMSNormM3za(8, eps=1e-5)
    give_values(rng, norm)
    models.append(layer_model(
        "rms_norm_m3za",
        "the RMSNorm of nmn's m3za example, epsilon 1e-5",
        norm, [random_array(rng, (2, 4, 8))],
        [{"op": "yat.rms_norm", "count": 1}]))

    mlp = NmnMlp(nnx.Rngs(7))
    give_values(rng, mlp)
    models.append(constant_model(
        "nmn_mlp",
        "YatNMN(8 -> 16) then YatNMN(16 -> 4, alpha sqrt(2)); weights baked "
        "in as constants",
        mlp, [random_array(rng, (4, 8))],
        [{"op": "yat.product", "count": 2}]))

    block = AetherBlock(8, 16, nnx.Rngs(8))
    give_values(rng, block)
    models.append(constant_model(
        "aether_block",
        "x + YatNMN(16 -> 8)(RMSNorm(YatNMN(8 -> 16)(x))); weights baked in "
        "as constants",
        block, [random_array(rng, (3, 8))],
        [{"op": "yat.product", "count": 2}, {"op": "yat.rms_norm",
                                             "count": 1}]))

    layer = YatConv(4, 6, kernel_size=(3,), feature_group_count=2,
                    padding="VALID", constant_alpha=1.0, epsilon=1e-4,
                    rngs=nnx.Rngs(9))
    give_values(rng, layer)
    models.append(layer_model(
        "yat_conv1d_grouped",
        "YatConv 1-D, 4 -> 6 channels in 2 feature groups, kernel 3, VALID "
        "padding, bias, alpha 1.0, epsilon 1e-4",
        layer, [random_array(rng, (2, 8, 4))],
        [{"op": "yat.conv", "count": 1}]))

    def l1_causal_attention(query, key, value):
        mask = make_causal_mask(jnp.ones(query.shape[:2]))
        return yat_attention(query, key, value, mask=mask, normalization="l1")

    q, k, v = (random_array(rng, (1, 4, 2, 8), scale=0.5) for _ in range(3))
    models.append(Model(
        "yat_attention_l1_causal",
        "nmn yat_attention with normalization='l1' and make_causal_mask on "
        "[1, 4, 2, 8]",
        l1_causal_attention, [q, k, v], ["query", "key", "value"],
        [{"op": "yat.attention", "count": 1, "causal": True,
          "normalization": "l1"}]))

    def linear_scan(decays, inputs, h0):
        def step(h, row):
            a, b = row
            h = a * h + b
            return h, h
        _, states = jax.lax.scan(step, h0, (decays, inputs))
        return states

    models.append(Model(
        "linear_scan",
        "jax.lax.scan of h = a_t * h + b_t over time-major [T=9, B=2, D=5] "
        "sequences from h0, returning every state",
        linear_scan,
        [random_array(rng, (9, 2, 5), scale=0.5), random_array(rng, (9, 2, 5)),
         random_array(rng, (2, 5))],
        ["decays", "inputs", "h0"],
        [{"op": "yat.linear_recurrence", "count": 1}]))

    def mlgru_mixer(forget, candidate):
        # The MLGRU token mixer of the MatMul-free LM (its projections left
        # out): f = sigmoid(forget), h_t = f_t h_{t-1} + (1 - f_t) silu(c_t)
        # over batch-major [B, T, D] inputs, scanned in reverse time.
        f = jax.nn.sigmoid(forget)
        b = (1 - f) * jax.nn.silu(candidate)

        def step(h, row):
            a, x = row
            h = a * h + x
            return h, h
        h0 = jnp.zeros(forget.shape[::2], forget.dtype)
        last, states = jax.lax.scan(step, h0, (jnp.swapaxes(f, 0, 1),
                                               jnp.swapaxes(b, 0, 1)),
                                    reverse=True)
        return jnp.swapaxes(states, 0, 1) + last[:, None, :]

    models.append(Model(
        "mlgru_scan",
        "the MLGRU recurrence of the MatMul-free LM as jax.lax.scan "
        "(reverse=True) on [B=2, T=7, D=6] gate inputs, plus the final state",
        mlgru_mixer,
        [random_array(rng, (2, 7, 6), scale=2.0),
         random_array(rng, (2, 7, 6), scale=2.0)],
        ["forget", "candidate"],
        [{"op": "yat.linear_recurrence", "count": 1}],
        keeps=["stablehlo.exponential"]))

    def combine(left, right):
        a1, b1 = left
        a2, b2 = right
        return a1 * a2, a2 * b1 + b2

    def associative_scan_time_major(decays, inputs):
        return jax.lax.associative_scan(combine, (decays, inputs))[1]

    models.append(Model(
        "associative_scan",
        "jax.lax.associative_scan of h = a_t * h + b_t from zero over the 5 "
        "steps of time-major [5, 3] sequences (an odd length)",
        associative_scan_time_major,
        [random_array(rng, (5, 3), scale=0.5), random_array(rng, (5, 3))],
        ["decays", "inputs"],
        [{"op": "yat.linear_recurrence", "count": 1}]))

    def associative_scan_axis1(decays, inputs):
        return jax.lax.associative_scan(combine, (decays, inputs), axis=1)[1]

    models.append(Model(
        "associative_scan_axis1",
        "jax.lax.associative_scan of h = a_t * h + b_t from zero along axis 1 "
        "of batch-major [2, 8, 4] sequences",
        associative_scan_axis1,
        [random_array(rng, (2, 8, 4), scale=0.5), random_array(rng, (2, 8, 4))],
        ["decays", "inputs"],
        [{"op": "yat.linear_recurrence", "count": 1}]))

    return models


def build_timing_models():
    """Exports timed by the README's main job on random inputs: only their
    modules are saved (their weights are arguments, too large to bundle)."""
    rng = np.random.default_rng(99)
    mlp = WideNmnMlp(nnx.Rngs(11))
    give_values(rng, mlp)
    return [layer_model(
        "nmn_mlp_wide",
        "YatNMN(512 -> 1024) then YatNMN(1024 -> 256) on 256 tokens, weights "
        "as arguments",
        mlp, [random_array(rng, (256, 512))],
        [{"op": "yat.product", "count": 2}])]


def write_model_files(out, model):
    """Writes NAME.mlir, NAME.arg<i>.npy and NAME.expected.npy of `model`
    into `out`; returns the StableHLO text, the argument file names and
    JAX's result."""
    model.fn.__name__ = model.name
    text = stablehlo_text(model.fn, model.args)
    (out / f"{model.name}.mlir").write_text(text)
    arg_files = []
    for i, arg in enumerate(model.args):
        path = out / f"{model.name}.arg{i}.npy"
        np.save(path, np.asarray(arg))
        arg_files.append(path.name)
    expected = np.asarray(jax.jit(model.fn)(*model.args))
    np.save(out / f"{model.name}.expected.npy", expected)
    return text, arg_files, expected


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=pathlib.Path,
                        default=ROOT / "examples" / "stablehlo")
    options = parser.parse_args()
    out = options.out
    out.mkdir(parents=True, exist_ok=True)

    manifest = []
    for model in build_models():
        _, arg_files, expected = write_model_files(out, model)
        manifest.append({
            "name": model.name,
            "description": model.description,
            "module": f"{model.name}.mlir",
            "args": [{"name": n, "file": f, "shape": list(a.shape),
                      "dtype": str(np.asarray(a).dtype)}
                     for n, f, a in zip(model.arg_names, arg_files,
                                        model.args)],
            "expected": f"{model.name}.expected.npy",
            "raises_to": model.raises_to,
        })
        if model.keeps:
            manifest[-1]["keeps"] = model.keeps
        print(f"exported {model.name}: {len(model.args)} args, output "
              f"{expected.shape} {expected.dtype}")
    for model in build_timing_models():
        model.fn.__name__ = model.name
        (out / f"{model.name}.mlir").write_text(
            stablehlo_text(model.fn, model.args))
        print(f"exported {model.name} (module only)")
    versions = {name: importlib.metadata.version(name)
                for name in ("jax", "jaxlib", "flax", "nmn", "numpy")}
    (out / "manifest.json").write_text(
        json.dumps({"generated_with": versions, "models": manifest},
                   indent=2) + "\n")


if __name__ == "__main__":
    main()
