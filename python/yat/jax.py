"""The JAX front-end: `yat.jax.jit(f)` compiles a JAX function with yat.

    import yat.jax
    @yat.jax.jit
    def layer(x, w, b): ...            # any JAX function of arrays
    y = layer(x, w, b)                 # numpy out (output="jax" for jax.Array)

Each call signature (the pytree structure, shapes and dtypes of the array
arguments, the values of the static ones) is traced and exported once
through JAX's public API (`jax.jit(f).lower(...).as_text()`, StableHLO
text), compiled by yat (`yat.compile`, which raises ⵟ layers, attention and
the MatMul-free LM's BitLinears and scans into yat ops) and cached.

The stages are separate on purpose: `export_text` (trace and export),
`yat.compile` (compile) and the cache keyed by `signature_of` can be reused
as they are by a PJRT plugin that lets `jax.jit` itself run on yat.
"""

import functools
from typing import Any, Callable, Iterable, Optional, Sequence, Tuple, Union

import jax
import numpy as np

from .compiler import compile as _compile

__all__ = ["jit", "export_text", "JittedFunction"]


def _as_tuple(value) -> Tuple:
    if value is None:
        return ()
    if isinstance(value, (int, str)):
        return (value,)
    return tuple(value)


def export_text(f: Callable, *args, static_argnums=(), static_argnames=(),
                **kwargs) -> str:
    """The StableHLO text of `f` at `args` (arrays, or
    jax.ShapeDtypeStruct), as jax.jit lowers it for the CPU. Unused
    arguments are kept, so that the module takes every array leaf."""
    jitted = jax.jit(f, static_argnums=static_argnums,
                     static_argnames=static_argnames, keep_unused=True)
    return jitted.lower(*args, **kwargs).as_text()


_SCALAR_TYPES = (bool, int, float, complex)


def _leaf_signature(leaf):
    """(shape, dtype) of an array leaf as JAX sees it; Python scalars keep
    their type, since JAX gives them weak types."""
    if isinstance(leaf, _SCALAR_TYPES):
        return type(leaf)
    dtype = getattr(leaf, "dtype", None)
    if dtype is None:
        leaf = np.asarray(leaf)
        dtype = leaf.dtype
    return (np.shape(leaf), dtype)


def signature_of(dynamic_leaves: Sequence[Any], treedef,
                 static_values: Tuple) -> Tuple:
    """The cache key of one call: what the export depends on."""
    return (treedef, tuple(map(_leaf_signature, dynamic_leaves)),
            static_values)


class _Compiled:
    """One signature's compiled function and its output structure."""

    def __init__(self, function, out_tree):
        self.function = function
        self.out_tree = out_tree
        self.dtypes = [spec.dtype for spec in function.arguments]


class JittedFunction:
    """What `jit` returns: call it like the function it wraps."""

    def __init__(self, fun, static_argnums, static_argnames,
                 pipeline_options, output):
        if output not in ("numpy", "jax"):
            raise ValueError(f"output must be 'numpy' or 'jax', not {output!r}")
        self._fun = fun
        self._static_argnums = _as_tuple(static_argnums)
        self._static_argnames = _as_tuple(static_argnames)
        self._pipeline_options = pipeline_options
        self._output = output
        self._jitted = jax.jit(fun, static_argnums=self._static_argnums,
                               static_argnames=self._static_argnames,
                               keep_unused=True)
        self._cache = {}
        functools.update_wrapper(self, fun)

    def _split(self, args, kwargs):
        if not self._static_argnums and not self._static_argnames:
            return args, kwargs, ()
        count = len(args)
        static_nums = {i % count for i in self._static_argnums
                       if -count <= i < count}
        dynamic_args = [a for i, a in enumerate(args) if i not in static_nums]
        dynamic_kwargs = {k: v for k, v in kwargs.items()
                          if k not in self._static_argnames}
        static_values = (
            tuple((i, args[i]) for i in sorted(static_nums)),
            tuple(sorted((k, v) for k, v in kwargs.items()
                         if k in self._static_argnames)))
        return dynamic_args, dynamic_kwargs, static_values

    def lower_text(self, *args, **kwargs) -> str:
        """The StableHLO text yat compiles for these arguments."""
        return self._jitted.lower(*args, **kwargs).as_text()

    def _compile(self, args, kwargs) -> _Compiled:
        lowered = self._jitted.lower(*args, **kwargs)
        name = getattr(self._fun, "__name__", "function")
        function = _compile(lowered.as_text(),
                            pipeline_options=self._pipeline_options,
                            source_name=f"{name}.stablehlo.mlir")
        return _Compiled(function, lowered.out_tree)

    def __call__(self, *args, **kwargs):
        dynamic_args, dynamic_kwargs, static_values = self._split(args, kwargs)
        leaves, treedef = jax.tree_util.tree_flatten(
            (tuple(dynamic_args), dynamic_kwargs))
        key = signature_of(leaves, treedef, static_values)
        try:
            compiled = self._cache.get(key)
        except TypeError:
            raise TypeError("static arguments of yat.jax.jit must be "
                            "hashable") from None
        if compiled is None:
            compiled = self._compile(args, kwargs)
            self._cache[key] = compiled
        # JAX converts what it is given to the exported types (float64 to
        # float32 without x64, Python scalars to arrays); so does this. The
        # signature is the cache key, so the shapes need no second check.
        arrays = [np.asarray(leaf, dtype=dtype)
                  for leaf, dtype in zip(leaves, compiled.dtypes)]
        values = compiled.function.call_unchecked(arrays)
        if self._output == "jax":
            values = [jax.numpy.asarray(v) for v in values]
        return jax.tree_util.tree_unflatten(compiled.out_tree, values)

    @property
    def cache_size(self) -> int:
        """How many signatures have been compiled."""
        return len(self._cache)


def jit(fun: Optional[Callable] = None, *,
        static_argnums: Union[int, Iterable[int]] = (),
        static_argnames: Union[str, Iterable[str]] = (),
        pipeline_options=None, output: str = "numpy"):
    """Compiles `fun` with yat, with jax.jit's calling convention for array
    arguments: pytrees of arrays in and out, `static_argnums` and
    `static_argnames` for hashable non-array arguments, one compilation per
    signature. `pipeline_options` go to yat-cpu-pipeline (see
    yat.compile); `output` is "numpy" (default) or "jax". Usable as
    `@jit` or `@jit(static_argnums=...)`."""
    if fun is None:
        return functools.partial(jit, static_argnums=static_argnums,
                                 static_argnames=static_argnames,
                                 pipeline_options=pipeline_options,
                                 output=output)
    return JittedFunction(fun, static_argnums, static_argnames,
                          pipeline_options, output)
