#!/usr/bin/env python3
"""Exports whole small models from JAX to StableHLO, with inputs and JAX's
own outputs, into examples/zoo/.

The models are the ⵟ-product networks of the `nmn` package's examples
(MiniBERT of m3za.py, the Aether ResNet, the MNIST MLP), a GPT-2-style
decoder and a CNN built from nmn's layers, and the MatMul-free LM of arXiv
2406.02528 (HGRN-bit) twice: with the recurrence as `lax.scan` and as
`lax.associative_scan`. Their weights are closed over, so they are baked
into the modules as constants (what users get from `jax.jit(model)`), and
every model is kept small enough for the whole folder to stay in the low
MiB.

For every model NAME it writes
  NAME.mlir          the StableHLO module (`@main` takes the inputs)
  NAME.arg<i>.npy    the arguments of `@main`, in order
  NAME.expected.npy  what JAX computes for them
and manifest.json lists the models, their arguments, the tolerance a run
must meet (with its reason), the yat ops that `yat-raise-stablehlo`
produces and the package versions that wrote them.

nmn's example scripts import training-only packages (wandb, orbax,
datasets, torchvision) at the top, so they cannot be imported here; the
model classes are read from the installed files and executed on their own
(`example_classes`), so the code that runs is nmn's.

Everything is seeded: running the script again rewrites identical files.

  python3 scripts/export_model_zoo.py [--out examples/zoo]
"""

import argparse
import ast
import importlib.metadata
import json
import pathlib
import sys
import typing

import jax
import jax.numpy as jnp
import numpy as np
from flax import nnx

import nmn
from nmn.nnx.layers import YatNMN
from nmn.nnx.layers.attention import MultiHeadAttention, RotaryYatAttention
from nmn.nnx.layers.attention.masks import make_causal_mask
from nmn.nnx.layers.conv import YatConv

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from export_jax_models import (  # noqa: E402
    ROOT, give_values, random_array, write_model_files)

NMN_EXAMPLES = pathlib.Path(nmn.__file__).resolve().parent / "nnx" / "examples"


def example_classes(relative_path, names):
    """The classes `names` of one of nmn's example scripts, executed from the
    installed source without the script's module-level code (device meshes,
    data loading, training-only imports). The m3za blocks partition their
    kernels over a `mesh`; without one they use the plain initializer."""
    path = NMN_EXAMPLES / relative_path
    tree = ast.parse(path.read_text(), filename=str(path))
    body = [node for node in tree.body
            if isinstance(node, ast.ClassDef) and node.name in names]
    missing = set(names) - {node.name for node in body}
    if missing:
        raise RuntimeError(f"{path} has no class {sorted(missing)}")
    namespace = {
        "__name__": f"nmn_example_{path.stem}",
        "jax": jax, "jnp": jnp, "np": np, "nnx": nnx,
        "Any": typing.Any, "List": typing.List, "Optional": typing.Optional,
        "YatNMN": YatNMN, "YatConv": YatConv,
        "RotaryYatAttention": RotaryYatAttention,
        "mesh": None,
    }
    code = compile(ast.Module(body=body, type_ignores=[]), str(path), "exec")
    exec(code, namespace)  # noqa: S102 (nmn's own example code)
    return [namespace[name] for name in names]


class ZooModel:
    """One export: a function of its inputs, the inputs, the tolerance of a
    run against JAX and what raising gives."""

    def __init__(self, name, description, fn, args, tolerance, raises_to,
                 notes=None):
        self.name = name
        self.description = description
        self.fn = fn
        self.args = args
        self.tolerance = tolerance
        self.raises_to = raises_to
        self.notes = notes or {}


# Tolerances, as |yat - jax| <= rtol * |jax| + atol * max|jax|.
FLOAT_TOLERANCE = {
    "rtol": 1e-5, "atol": 1e-5,
    "why": "f32 rounding only: yat sums dot products, norms and softmax "
           "denominators in another order than XLA and arranges the "
           "ⵟ formula differently; the largest observed difference is "
           "5e-7 of the output scale",
}


# --- 1. aether_gpt ---------------------------------------------------------

class AetherGPTBlock(nnx.Module):
    """A GPT-2 block without LayerNorm: x + ⵟ-attention(x), then
    x + Linear(YatNMN(x)) (the ⵟ-product is its own non-linearity)."""

    def __init__(self, dim, heads, hidden, rngs):
        self.attn = MultiHeadAttention(num_heads=heads, in_features=dim,
                                       decode=False, rngs=rngs)
        self.up = YatNMN(dim, hidden, rngs=rngs)
        self.down = nnx.Linear(hidden, dim, rngs=rngs)

    def __call__(self, x, mask):
        x = x + self.attn(x, mask=mask, deterministic=True)
        return x + self.down(self.up(x))


class AetherGPT(nnx.Module):
    """Token and learned position embeddings, ⵟ blocks, a linear head."""

    def __init__(self, vocab, maxlen, dim, heads, hidden, layers, rngs):
        self.wte = nnx.Embed(vocab, dim, rngs=rngs)
        self.wpe = nnx.Embed(maxlen, dim, rngs=rngs)
        self.blocks = nnx.List([AetherGPTBlock(dim, heads, hidden, rngs)
                                for _ in range(layers)])
        self.head = nnx.Linear(dim, vocab, rngs=rngs)

    def __call__(self, tokens):
        positions = jnp.arange(tokens.shape[1])[None, :]
        x = self.wte(tokens) + self.wpe(positions)
        mask = make_causal_mask(tokens)
        for block in self.blocks:
            x = block(x, mask)
        return self.head(x)


# --- 4. hgrn_bit -----------------------------------------------------------
# The MatMul-free LM of arXiv 2406.02528 as matmulfreellm's HGRNBit model
# writes it (inference only, so no straight-through estimators): BitLinear
# layers (RMSNorm, per-token absmax int8 activations, absmean ternary
# weights), an MLGRU token mixer and a GLU channel mixer, pre-norm residual
# blocks, a final RMSNorm and a linear head.

class RMSNorm(nnx.Module):
    """x · rsqrt(mean(x²) + eps) · weight."""

    def __init__(self, dim, eps=1e-6):
        self.eps = eps
        self.weight = nnx.Param(jnp.ones(dim))

    def __call__(self, x):
        var = jnp.mean(jnp.square(x), axis=-1, keepdims=True)
        return x * jax.lax.rsqrt(var + self.eps) * self.weight[...]


def activation_quant(x):
    """Per-token absmax int8 fake quantization (matmulfreellm's
    `activation_quant`)."""
    scale = 127.0 / jnp.maximum(jnp.max(jnp.abs(x), axis=-1, keepdims=True),
                                1e-5)
    _record_scaled(x * scale)
    return jnp.clip(jnp.round(x * scale), -128, 127) / scale


def weight_quant(w):
    """Absmean ternary fake quantization (matmulfreellm's `weight_quant`)."""
    scale = 1.0 / jnp.maximum(jnp.mean(jnp.abs(w)), 1e-5)
    return jnp.clip(jnp.round(w * scale), -1, 1) / scale


class BitLinear(nnx.Module):
    """y = activation_quant(RMSNorm(x)) @ weight_quant(W) (no bias)."""

    def __init__(self, fan_in, fan_out, rngs):
        self.norm = RMSNorm(fan_in, eps=1e-8)
        self.kernel = nnx.Param(nnx.initializers.lecun_normal()(
            rngs.params(), (fan_in, fan_out)))

    def __call__(self, x):
        x = activation_quant(self.norm(x))
        return x @ weight_quant(self.kernel[...])


def recurrence_scan(f, i):
    """h_t = f_t * h_{t-1} + i_t over axis 1 of [B, T, D], h_0 = 0."""
    def step(h, fi):
        h = fi[0] * h + fi[1]
        return h, h

    _, h = jax.lax.scan(step, jnp.zeros_like(i[:, 0]),
                        (jnp.swapaxes(f, 0, 1), jnp.swapaxes(i, 0, 1)))
    return jnp.swapaxes(h, 0, 1)


def recurrence_associative(f, i):
    """The same recurrence as a parallel prefix over (f, i) pairs."""
    def combine(a, b):
        return a[0] * b[0], b[0] * a[1] + b[1]

    _, h = jax.lax.associative_scan(combine, (f, i), axis=1)
    return h


class MLGRU(nnx.Module):
    """HGRNBitAttention: f = σ(W_f x), i = silu(W_i x)·(1 − f),
    h_t = f_t h_{t−1} + i_t, o = W_o(RMSNorm(h)·silu(W_g x))."""

    def __init__(self, dim, recurrence, rngs):
        self.i_proj = BitLinear(dim, dim, rngs)
        self.f_proj = BitLinear(dim, dim, rngs)
        self.g_proj = BitLinear(dim, dim, rngs)
        self.g_norm = RMSNorm(dim)
        self.o_proj = BitLinear(dim, dim, rngs)
        self.recurrence = recurrence

    def __call__(self, x):
        f = jax.nn.sigmoid(self.f_proj(x))
        i = jax.nn.silu(self.i_proj(x)) * (1.0 - f)
        h = self.recurrence(f, i)
        g = self.g_proj(x)
        return self.o_proj(self.g_norm(h) * jax.nn.silu(g))

    def step(self, x, state):
        """One token (x: [B, 1, D]) from the recurrent state [B, D]: the
        output and the next state."""
        f = jax.nn.sigmoid(self.f_proj(x))
        i = jax.nn.silu(self.i_proj(x)) * (1.0 - f)
        state = f[:, 0] * state + i[:, 0]
        g = self.g_proj(x)
        return self.o_proj(self.g_norm(state[:, None]) * jax.nn.silu(g)), state


class GLU(nnx.Module):
    """HGRNBitMLP: down(silu(gate) * up), gate and up from one BitLinear."""

    def __init__(self, dim, hidden, rngs):
        self.gate_proj = BitLinear(dim, 2 * hidden, rngs)
        self.down_proj = BitLinear(hidden, dim, rngs)

    def __call__(self, x):
        gate, up = jnp.split(self.gate_proj(x), 2, axis=-1)
        return self.down_proj(jax.nn.silu(gate) * up)


class HGRNBitBlock(nnx.Module):
    def __init__(self, dim, hidden, recurrence, rngs):
        self.attn_norm = RMSNorm(dim)
        self.attn = MLGRU(dim, recurrence, rngs)
        self.mlp_norm = RMSNorm(dim)
        self.mlp = GLU(dim, hidden, rngs)

    def __call__(self, x):
        x = x + self.attn(self.attn_norm(x))
        return x + self.mlp(self.mlp_norm(x))

    def step(self, x, state):
        mixed, state = self.attn.step(self.attn_norm(x), state)
        x = x + mixed
        return x + self.mlp(self.mlp_norm(x)), state


class HGRNBit(nnx.Module):
    def __init__(self, vocab, dim, hidden, layers, recurrence, rngs):
        self.embed = nnx.Embed(vocab, dim, rngs=rngs)
        self.blocks = nnx.List([HGRNBitBlock(dim, hidden, recurrence, rngs)
                                for _ in range(layers)])
        self.norm = RMSNorm(dim)
        self.head = nnx.Linear(dim, vocab, use_bias=False, rngs=rngs)

    def __call__(self, tokens):
        x = self.embed(tokens)
        for block in self.blocks:
            x = block(x)
        return self.head(self.norm(x))

    def decode(self, tokens, states):
        """One decoding step: tokens [B, 1] and the recurrent states
        [layers, B, D] in, the logits and the next states out."""
        x = self.embed(tokens)
        next_states = []
        for block, state in zip(self.blocks, states):
            x, state = block.step(x, state)
            next_states.append(state)
        return self.head(self.norm(x)), jnp.stack(next_states)


# --- 5. yat_cnn ------------------------------------------------------------

class YatCNN(nnx.Module):
    """nmn's examples have no YatConv network for MNIST; this is the MNIST
    classifier of the NMN paper in miniature: two YatConv layers (the second
    strided; the ⵟ-product is the non-linearity), a global mean and a
    linear classifier."""

    def __init__(self, rngs, channels=(4, 8), num_classes=10):
        self.conv1 = YatConv(1, channels[0], kernel_size=(3, 3), padding=1,
                             rngs=rngs)
        self.conv2 = YatConv(channels[0], channels[1], kernel_size=(3, 3),
                             strides=2, padding=1, constant_alpha=True,
                             rngs=rngs)
        self.out = nnx.Linear(channels[1], num_classes, rngs=rngs)

    def __call__(self, x):
        x = self.conv2(self.conv1(x))
        return self.out(jnp.mean(x, axis=(1, 2)))


# --- Quantization margins --------------------------------------------------
# round() in the fake quantizations is a step function: a value that lands
# next to a rounding boundary (a .5) in JAX's f32 arithmetic may land on the
# other side of it in yat's (another summation order, another but equally
# rounded rsqrt), and that flips one int8 activation by a whole step, or a
# ternary weight between 0 and ±1: a difference far above f32 noise that
# no float tolerance covers. With round-half-even, a value exactly at .5
# after scaling is the extreme case. The export therefore keeps every
# rounded value v away from the boundaries:
#   - activations: |frac(v) - .5| >= QUANT_REL_MARGIN * max(|v|, 1) for all
#     activations the BitLinear layers quantize; the export takes the first
#     seeded token sequence that satisfies it (a few tries);
#   - weights: |w / mean|w| ∓ .5| >= WEIGHT_MARGIN; the few weights that
#     are closer are moved out of the band (the weights are random anyway).
# yat's f32 values differ from JAX's by about 1e-6 relative (the outputs
# of the float models agree to that), so a relative margin of 1e-5 leaves a
# factor of 10 and no value can round the other way; the quantized models
# are then compared with the same float tolerance as the others. The
# margin is relative because v = x * 127 / max|x| carries the relative
# error of x and of the scale. A larger margin is not practical: the two
# models quantize 2,560 activations each, and at 1e-5 about 1 in 6 seeded
# inputs clears it.
QUANT_REL_MARGIN = 1e-5
WEIGHT_MARGIN = 1e-3

_collector = None


def _record_scaled(x):
    if _collector is not None:
        _collector.append(x)


def boundary_distance(scaled):
    """Distance of each value to the nearest .5 (a rounding boundary)."""
    scaled = np.asarray(scaled, np.float64)
    return np.abs(np.abs(scaled - np.floor(scaled)) - 0.5)


def keep_weights_off_boundaries(model):
    """Moves each BitLinear weight w with w / mean|w| within WEIGHT_MARGIN
    of ±0.5 out of that band, so that weight_quant's result does not
    depend on how mean|w| is summed."""
    for _, module in nnx.iter_graph(model):
        if not isinstance(module, BitLinear):
            continue
        w = np.asarray(module.kernel[...], np.float64)
        for _ in range(10):
            mean = np.mean(np.abs(w))
            ratio = w / mean
            near = np.abs(np.abs(ratio) - 0.5) < 2 * WEIGHT_MARGIN
            if not near.any():
                break
            target = np.where(np.abs(ratio) < 0.5, 0.5 - 4 * WEIGHT_MARGIN,
                              0.5 + 4 * WEIGHT_MARGIN)
            w = np.where(near, np.sign(w) * target * mean, w)
        w32 = w.astype(np.float32)
        ratio = w32 / np.mean(np.abs(w32), dtype=np.float32)
        assert np.all(np.abs(np.abs(ratio) - 0.5) >= WEIGHT_MARGIN), "weights"
        module.kernel.set_value(jnp.asarray(w32))


def scaled_activations(model):
    """A jitted function of the tokens giving every activation the
    BitLinear layers round, scaled (v = x * 127 / max|x|)."""
    def collect(tokens):
        global _collector
        _collector = []
        try:
            model(tokens)
            return list(_collector)
        finally:
            _collector = None
    return jax.jit(collect)


def relative_margin(scaled):
    """min |frac(v) - .5| / max(|v|, 1) over all values."""
    return min(float(np.min(boundary_distance(v) /
                            np.maximum(np.abs(np.asarray(v, np.float64)), 1)))
               for v in scaled)


def tokens_clearing_margin(rng, model, shape, vocab):
    """The first seeded token sequence whose quantized activations all
    clear QUANT_REL_MARGIN."""
    collect = scaled_activations(model)
    for _ in range(200):
        tokens = rng.integers(0, vocab, shape, dtype=np.int32)
        if relative_margin(collect(tokens)) >= QUANT_REL_MARGIN:
            return tokens
    raise RuntimeError("no token sequence clears the quantization margin")


# --- The zoo ---------------------------------------------------------------

def tiny_aether_resnet(widths, num_classes, rngs):
    """nmn's Aether ResNet (aether_resnet50_tpu.py: BasicBlock with a
    YatConv then a Conv, 1x1 downsampling, 7x7 stem, 3x3 max-pool, global
    mean, YatNMN head) with its hard-coded widths 64..512 replaced by
    `widths`: only the constructor is restated, the blocks, `_make_layer`
    and the forward pass are nmn's."""
    BasicBlock, _, ResNet = example_classes(
        "vision/aether_resnet50_tpu.py",
        ["BasicBlock", "DownsampleBlock", "ResNet"])

    class TinyAetherResNet(ResNet):
        def __init__(self, block_cls, layers, widths, num_classes, rngs):
            self.in_channels = widths[0]
            self.dtype = jnp.float32
            self.tie_yat_kernels = False
            self.yat_kernel_bank_size = None
            self.yat_kernel_bank_id = "resnet-yat"
            self.use_yat_head = True
            self.conv1 = nnx.Conv(3, widths[0], kernel_size=(7, 7), strides=2,
                                  padding=3, use_bias=False, rngs=rngs)
            self.layer1 = self._make_layer(block_cls, widths[0], layers[0],
                                           rngs=rngs)
            self.layer2 = self._make_layer(block_cls, widths[1], layers[1],
                                           stride=2, rngs=rngs)
            self.layer3 = self._make_layer(block_cls, widths[2], layers[2],
                                           stride=2, rngs=rngs)
            self.layer4 = self._make_layer(block_cls, widths[3], layers[3],
                                           stride=2, rngs=rngs)
            self.feature_dim = widths[3] * block_cls.expansion
            self.head = YatNMN(self.feature_dim, num_classes, use_bias=False,
                               constant_alpha=True, rngs=rngs)

    return TinyAetherResNet(BasicBlock, [1, 1, 1, 1], widths, num_classes,
                            rngs)


def constant(module):
    """`module` as a function of its inputs, weights closed over."""
    def apply(*args):
        return module(*args)
    return apply


def build_models():
    models = []
    rng = np.random.default_rng(2406)

    vocab, seq = 32, 8
    gpt = AetherGPT(vocab=vocab, maxlen=seq, dim=16, heads=2, hidden=32,
                    layers=2, rngs=nnx.Rngs(0))
    give_values(rng, gpt)
    models.append(ZooModel(
        "aether_gpt",
        "GPT-2-style decoder without LayerNorm: token + position embeddings "
        "(vocab 32, 8 positions, width 16), 2 blocks of causal multi-head "
        "ⵟ-attention (nmn MultiHeadAttention, 2 heads) and a YatNMN(16 -> "
        "32) + Linear(32 -> 16) feed-forward, a linear head",
        constant(gpt), [rng.integers(0, vocab, (2, seq), dtype=np.int32)],
        FLOAT_TOLERANCE,
        [{"op": "yat.attention", "count": 2, "causal": True},
         {"op": "yat.product", "count": 2}]))

    MiniBERT, = example_classes(
        "language/m3za.py",
        ["RMSNorm", "ModernTransformerBlock", "TokenEmbedding", "MiniBERT"])[3:]
    bert = MiniBERT(maxlen=seq, vocab_size=vocab, embed_dim=16, num_heads=2,
                    feed_forward_dim=32, num_transformer_blocks=2,
                    rngs=nnx.Rngs(1))
    models.append(ZooModel(
        "mini_bert",
        "nmn's m3za MiniBERT (vocab 32, 8 positions, width 16, 2 heads, "
        "feed-forward 32, 2 blocks): rotary ⵟ-attention in its Performer "
        "(SLAY) mode as m3za configures it, YatNMN + Linear feed-forward, "
        "logits through the tied embedding",
        constant(bert), [rng.integers(0, vocab, (2, seq), dtype=np.int32)],
        FLOAT_TOLERANCE,
        # The Performer (SLAY) attention approximates the ⵟ kernel with
        # random features, so it has no ⵟ-attention to raise.
        [{"op": "yat.product", "count": 2}]))

    resnet = tiny_aether_resnet((4, 8, 16, 16), 10, nnx.Rngs(2))
    models.append(ZooModel(
        "aether_resnet",
        "nmn's Aether ResNet (BasicBlock [1, 1, 1, 1]) with widths 4, 8, 16, "
        "16 instead of 64..512 on a 2x32x32x3 image: 7x7/2 stem, 3x3/2 "
        "max-pool, YatConv + Conv blocks, global mean, YatNMN head",
        constant(resnet), [random_array(rng, (2, 32, 32, 3))],
        FLOAT_TOLERANCE,
        [{"op": "yat.conv", "count": 4}, {"op": "yat.product", "count": 1}]))

    # Either form of the recurrence raises to yat.linear_recurrence, one per
    # block.
    for name, recurrence, how in (
            ("hgrn_bit", recurrence_scan, "lax.scan"),
            ("hgrn_bit_assoc", recurrence_associative,
             "lax.associative_scan")):
        # Both exports have the same weights and tokens.
        lm = HGRNBit(vocab=vocab, dim=16, hidden=32, layers=2,
                     recurrence=recurrence, rngs=nnx.Rngs(3))
        give_values(np.random.default_rng(3), lm)
        keep_weights_off_boundaries(lm)
        tokens = tokens_clearing_margin(
            np.random.default_rng(2406), lm, (2, seq), vocab)
        models.append(ZooModel(
            name,
            "MatMul-free LM (HGRN-bit, arXiv 2406.02528; vocab 32, width 16, "
            "GLU 32, 2 blocks): BitLinear layers (RMSNorm, absmax int8 "
            "activations, absmean ternary weights), MLGRU token mixer with "
            f"the recurrence as {how}, GLU channel mixer, linear head",
            constant(lm), [tokens],
            {"rtol": 1e-5, "atol": 1e-5,
             "why": "f32 tolerance: every rounded activation v is at least "
                    "quant_relative_margin * max(|v|, 1) from a .5 rounding "
                    "boundary in JAX (the export picks the tokens so) and "
                    "every weight ratio w/mean|w| 1e-3 from ±0.5, ten times "
                    "yat's f32 differences (yat.ternarize divides by the "
                    "mean where JAX multiplies by its inverse), so no int8 "
                    "or ternary value (round-half-even ties included) "
                    "rounds the other way and the integer sums agree"},
            # Every RMSNorm: 9 per block (the block's two, the MLGRU's
            # output norm, one per BitLinear) and the final one; every
            # BitLinear (6 per block) becomes a ternarize of its weight and
            # an int8 ternary matmul.
            [{"op": "yat.rms_norm", "count": 19},
             {"op": "yat.linear_recurrence", "count": 2},
             {"op": "yat.ternarize", "count": 12},
             {"op": "yat.ternary_matmul", "count": 12}],
            # The bound the tokens were chosen to clear, not the margin
            # measured: that one depends on the machine's XLA code.
            {"quant_relative_margin": QUANT_REL_MARGIN}))

    Mlp, = example_classes("vision/mnist.py", ["YatMLP"])
    mlp = Mlp(rngs=nnx.Rngs(4), hidden1=16, hidden2=16)
    give_values(rng, mlp)
    models.append(ZooModel(
        "nmn_mlp",
        "nmn's MNIST YatMLP (nnx/examples/vision/mnist.py) with hidden "
        "widths 16 and 16: flatten, YatNMN(784 -> 16), YatNMN(16 -> 16), "
        "Linear(16 -> 10) on 2 MNIST-shaped images",
        constant(mlp), [rng.uniform(0, 1, (2, 28, 28, 1)).astype(np.float32)],
        FLOAT_TOLERANCE, [{"op": "yat.product", "count": 2}]))

    cnn = YatCNN(nnx.Rngs(5))
    give_values(rng, cnn)
    models.append(ZooModel(
        "yat_cnn",
        "a YatConv CNN for MNIST-shaped input (2x14x14x1): YatConv 3x3 "
        "1 -> 4, YatConv 3x3/2 4 -> 8 (alpha sqrt(2)), global mean, "
        "Linear(8 -> 10)",
        constant(cnn), [rng.uniform(0, 1, (2, 14, 14, 1)).astype(np.float32)],
        FLOAT_TOLERANCE, [{"op": "yat.conv", "count": 2}]))
    return models


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=pathlib.Path,
                        default=ROOT / "examples" / "zoo")
    options = parser.parse_args()
    out = options.out
    out.mkdir(parents=True, exist_ok=True)

    manifest = []
    for model in build_models():
        text, arg_files, expected = write_model_files(out, model)
        entry = {
            "name": model.name,
            "description": model.description,
            "module": f"{model.name}.mlir",
            "args": [{"file": f, "shape": list(a.shape),
                      "dtype": str(np.asarray(a).dtype)}
                     for f, a in zip(arg_files, model.args)],
            "expected": f"{model.name}.expected.npy",
            "tolerance": model.tolerance,
            "raises_to": model.raises_to,
        }
        entry.update(model.notes)
        manifest.append(entry)
        print(f"exported {model.name}: output {expected.shape} "
              f"{expected.dtype}, {len(text)} bytes of StableHLO")
    versions = {name: importlib.metadata.version(name)
                for name in ("jax", "jaxlib", "flax", "nmn", "numpy")}
    (out / "manifest.json").write_text(
        json.dumps({"generated_with": versions, "models": manifest},
                   indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
