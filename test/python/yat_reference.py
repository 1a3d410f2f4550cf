"""Plain numpy implementations of SPEC.md's formulas for every yat op.

Independent of yat's lowering: each function follows the formula as written
(in float64 unless stated), so execution tests can compare yat's numbers
against it.
"""

import numpy as np


def product(x, w, bias=None, epsilon=1e-5, alpha=1.0):
    x = x.astype(np.float64)
    w = w.astype(np.float64)
    dot = x @ w.T
    dist = (x * x).sum(-1, keepdims=True) + (w * w).sum(-1) - 2.0 * dot
    dist = np.maximum(dist, 0.0)
    numerator = dot if bias is None else dot + bias.astype(np.float64)
    return alpha * numerator**2 / (dist + epsilon)


def _conv_windows(x, kernel_shape, strides, padding, dilations):
    """Gathers input windows: x is N x S.. x C; returns
    N x O.. x K.. x C with zero padding applied."""
    d = x.ndim - 2
    pad_width = [(0, 0)] + [(padding[2 * i], padding[2 * i + 1]) for i in range(d)] + [(0, 0)]
    xp = np.pad(x, pad_width)
    out_sizes = []
    for i in range(d):
        span = xp.shape[1 + i] - dilations[i] * (kernel_shape[i] - 1) - 1
        out_sizes.append(span // strides[i] + 1)
    windows = np.zeros((x.shape[0], *out_sizes, *kernel_shape, x.shape[-1]), x.dtype)
    for out_index in np.ndindex(*out_sizes):
        for k_index in np.ndindex(*kernel_shape):
            src = tuple(out_index[i] * strides[i] + k_index[i] * dilations[i] for i in range(d))
            windows[(slice(None), *out_index, *k_index)] = xp[(slice(None), *src)]
    return windows


def conv(x, filt, bias=None, strides=None, padding=None, dilations=None,
         groups=1, epsilon=1e-5, alpha=1.0):
    """x: N x S.. x C, filt: K.. x C/groups x F (channels last)."""
    d = x.ndim - 2
    strides = strides or [1] * d
    padding = padding or [0] * (2 * d)
    dilations = dilations or [1] * d
    x = x.astype(np.float64)
    filt = filt.astype(np.float64)
    kernel_shape = filt.shape[:d]
    windows = _conv_windows(x, kernel_shape, strides, padding, dilations)
    c = x.shape[-1]
    f = filt.shape[-1]
    cg, fg = c // groups, f // groups
    out = np.zeros(windows.shape[: 1 + d] + (f,))
    win_axes = tuple(range(1 + d, 1 + 2 * d + 1))
    for g in range(groups):
        wg = windows[..., g * cg:(g + 1) * cg]
        fil = filt[..., :, g * fg:(g + 1) * fg]
        dot = np.tensordot(wg, fil, axes=(win_axes, tuple(range(d + 1))))
        patch = (wg * wg).sum(axis=win_axes)[..., None]
        fnorm = (fil * fil).sum(axis=tuple(range(d + 1)))
        dist = np.maximum(patch + fnorm - 2.0 * dot, 0.0)
        b = 0.0 if bias is None else bias.astype(np.float64)[g * fg:(g + 1) * fg]
        out[..., g * fg:(g + 1) * fg] = alpha * (dot + b) ** 2 / (dist + epsilon)
    return out


def attention(q, k, v, scale=None, epsilon=1e-5, causal=False,
              normalization="softmax", l1_epsilon=1e-12):
    q = q.astype(np.float64)
    k = k.astype(np.float64)
    v = v.astype(np.float64)
    b, h, tq, dim = q.shape
    hkv, tk = k.shape[1], k.shape[2]
    if scale is None:
        scale = 1.0 / np.sqrt(dim)
    group = h // hkv
    k = np.repeat(k, group, axis=1)
    v = np.repeat(v, group, axis=1)
    dot = np.einsum("bhid,bhjd->bhij", q, k)
    dist = (q * q).sum(-1)[..., :, None] + (k * k).sum(-1)[..., None, :] - 2.0 * dot
    s = scale * dot**2 / (np.maximum(dist, 0.0) + epsilon)
    mask = np.ones((tq, tk), bool)
    if causal:
        i = np.arange(tq)[:, None]
        j = np.arange(tk)[None, :]
        mask = j <= i + (tk - tq)
    if normalization == "softmax":
        s = np.where(mask, s, -np.inf)
        row_max = s.max(-1, keepdims=True)
        row_max = np.where(np.isfinite(row_max), row_max, 0.0)
        e = np.where(mask, np.exp(s - row_max), 0.0)
        total = e.sum(-1, keepdims=True)
        p = np.where(total > 0, e / np.where(total > 0, total, 1.0), 0.0)
    else:
        s = np.where(mask, s, 0.0)
        p = s / (s.sum(-1, keepdims=True) + l1_epsilon)
    return np.einsum("bhij,bhjd->bhid", p, v)


def rms_norm(x, gamma=None, epsilon=1e-6):
    x = x.astype(np.float64)
    y = x / np.sqrt((x * x).mean(-1, keepdims=True) + epsilon)
    return y if gamma is None else y * gamma.astype(np.float64)


def ternarize(w):
    """Returns (packed int8 N x K/4, scale float32 scalar, ternary N x K)."""
    w = w.astype(np.float32)
    scale = np.float32(max(np.float32(np.abs(w).mean(dtype=np.float64)), np.float32(1e-5)))
    t = np.clip(np.round(w / scale), -1, 1).astype(np.int8)  # np.round is half-even
    codes = (t.astype(np.int32) & 0b11).reshape(w.shape[0], -1, 4)
    packed = (codes[..., 0] | codes[..., 1] << 2 | codes[..., 2] << 4 | codes[..., 3] << 6)
    return packed.astype(np.uint8).view(np.int8), scale, t


def unpack_ternary(packed):
    """int8 N x K/4 -> int8 N x K in {-1, 0, 1}."""
    bits = packed.view(np.uint8).astype(np.int32)
    codes = np.stack([(bits >> (2 * i)) & 0b11 for i in range(4)], axis=-1)
    values = np.where(codes == 0b11, -1, codes)
    return values.reshape(packed.shape[0], -1).astype(np.int8)


def ternary_matmul(x, packed, scale, activation_bits=8):
    t = unpack_ternary(packed).astype(np.float64)
    scale = np.asarray(scale, np.float64)
    x32 = x.astype(np.float32)
    if activation_bits == 8:
        sx = np.float32(127.0) / np.maximum(np.abs(x32).max(-1, keepdims=True), np.float32(1e-5))
        q = np.clip(np.round(x32 * sx), -128, 127).astype(np.int64)
        acc = q @ t.astype(np.int64).T
        return acc.astype(np.float64) * scale / sx.astype(np.float64)
    return (x32.astype(np.float64) @ t.T) * scale


def linear_recurrence(a, b, h0=None, reverse=False):
    a = a.astype(np.float64)
    b = b.astype(np.float64)
    batch, steps, width = a.shape
    h = np.zeros((batch, width)) if h0 is None else h0.astype(np.float64)
    out = np.zeros_like(a)
    order = range(steps - 1, -1, -1) if reverse else range(steps)
    for t in order:
        h = a[:, t] * h + b[:, t]
        out[:, t] = h
    return out, h
