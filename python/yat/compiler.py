"""Compile and transform module text with yat, and call compiled functions
on numpy arrays (the Python face of yat's C API, include/yat-c)."""

from typing import Mapping, NamedTuple, Optional, Sequence, Tuple, Union

import ml_dtypes
import numpy as np

from . import _yat

# yat's element type names and the numpy dtypes that hold them.
_NUMPY_DTYPES = {
    "f32": np.dtype(np.float32),
    "f64": np.dtype(np.float64),
    "f16": np.dtype(np.float16),
    "bf16": np.dtype(ml_dtypes.bfloat16),
    "i8": np.dtype(np.int8),
    "i16": np.dtype(np.int16),
    "i32": np.dtype(np.int32),
    "i64": np.dtype(np.int64),
    "ui8": np.dtype(np.uint8),
    "ui16": np.dtype(np.uint16),
    "ui32": np.dtype(np.uint32),
    "ui64": np.dtype(np.uint64),
    "i1": np.dtype(np.bool_),
    "complex<f32>": np.dtype(np.complex64),
    "complex<f64>": np.dtype(np.complex128),
}

_CODE_TO_DTYPE = {}
_DTYPE_NAMES = {}
for _code, _name, _width in _yat.element_types():
    _dtype = _NUMPY_DTYPES[_name]
    assert _dtype.itemsize == _width, _name
    _CODE_TO_DTYPE[_code] = _dtype
    _DTYPE_NAMES[_dtype] = _name
_BF16 = np.dtype(ml_dtypes.bfloat16)

_TARGETS = {"cpu": 0, "cuda": 1}


class Diagnostic(NamedTuple):
    """One compiler diagnostic: severity ("error", "warning", "note",
    "remark"), location ("file:line:col", or "" when the problem has no
    place in the source) and message."""
    severity: str
    location: str
    message: str

    def __str__(self):
        where = f"{self.location}: " if self.location else ""
        return f"{where}{self.severity}: {self.message}"


class CompileError(Exception):
    """The source does not parse, verify, transform or compile. `diagnostics`
    lists what the compiler reported, in order."""

    def __init__(self, summary: str, diagnostics: Sequence[Diagnostic]):
        self.diagnostics = list(diagnostics)
        lines = [summary] + [str(d) for d in self.diagnostics]
        super().__init__("\n".join(lines))

    @property
    def errors(self):
        return [d for d in self.diagnostics if d.severity == "error"]


class ExecutionError(RuntimeError):
    """A compiled function failed while running (e.g. a failed check.* call
    of a self-checking module)."""


class TensorType(NamedTuple):
    """An argument or result type: numpy dtype and shape, with None for a
    size known only at call time."""
    dtype: np.dtype
    shape: Tuple[Optional[int], ...]

    def __str__(self):
        """As MLIR writes it: "tensor<?x16xf32>"."""
        sizes = "".join("?x" if s is None else f"{s}x" for s in self.shape)
        return f"tensor<{sizes}{_DTYPE_NAMES[self.dtype]}>"


def _format_options(options) -> str:
    if options is None:
        return ""
    if isinstance(options, str):
        return options
    if isinstance(options, Mapping):
        def value(v):
            return str(v).lower() if isinstance(v, bool) else str(v)
        return " ".join(f"{k}={value(v)}" for k, v in options.items())
    raise TypeError("pipeline_options must be a string such as "
                    "'fuse=false threads=1' or a dict, not "
                    f"{type(options).__name__}")


def _diagnostics(raw) -> list:
    return [Diagnostic(*d) for d in raw]


def _check_source(source) -> str:
    if isinstance(source, bytes):
        return source.decode()
    if not isinstance(source, str):
        raise TypeError("source must be MLIR or StableHLO text (str), not "
                        f"{type(source).__name__}")
    return source


class Function:
    """A compiled function: call it with numpy arrays (or anything
    np.asarray takes) and get numpy arrays back: the one result itself, a
    tuple for several, None for none. Keep it and call it as often as
    needed."""

    def __init__(self, executable, entry: str):
        self._executable = executable
        self.entry = entry
        self.arguments = tuple(
            TensorType(_CODE_TO_DTYPE[code], shape)
            for code, shape in executable.arguments)
        self.results = tuple(
            TensorType(_CODE_TO_DTYPE[code], shape)
            for code, shape in executable.results)
        self._codes = [code for code, _ in executable.arguments]
        self._storage = [_storage_view_dtype(t.dtype) for t in self.arguments]
        self._has_bf16 = any(self._storage)
        self._bf16_results = any(t.dtype == _BF16 for t in self.results)

    def __repr__(self):
        arguments = ", ".join(map(str, self.arguments))
        results = ", ".join(map(str, self.results))
        return f"<yat.Function @{self.entry}({arguments}) -> ({results})>"

    def _prepare(self, args):
        if len(args) != len(self.arguments):
            raise TypeError(
                f"@{self.entry} takes {len(self.arguments)} argument"
                f"{'' if len(self.arguments) == 1 else 's'} but "
                f"{len(args)} {'was' if len(args) == 1 else 'were'} given")
        arrays = []
        for index, (arg, expected) in enumerate(zip(args, self.arguments)):
            if isinstance(arg, np.ndarray):
                array = arg
            elif arg is None:
                raise TypeError(f"argument {index} of @{self.entry}: "
                                f"expected {expected}, got None")
            elif hasattr(arg, "__array__") or hasattr(arg, "dtype"):
                array = np.asarray(arg)          # JAX arrays and the like
            else:
                array = np.asarray(arg, dtype=expected.dtype)  # lists, scalars
            if array.dtype != expected.dtype:
                raise TypeError(
                    f"argument {index} of @{self.entry}: expected {expected}, "
                    f"got an array of dtype {array.dtype}")
            if array.ndim != len(expected.shape) or any(
                    want is not None and want != got
                    for want, got in zip(expected.shape, array.shape)):
                raise ValueError(
                    f"argument {index} of @{self.entry}: expected {expected}, "
                    f"got shape {tuple(array.shape)}")
            # (np.ascontiguousarray would make a 0-d array 1-d.)
            arrays.append(np.asarray(array, order="C"))
        return arrays

    def __call__(self, *args):
        values = self.call_unchecked(self._prepare(args))
        if len(values) == 1:
            return values[0]
        return tuple(values) if values else None

    def call_unchecked(self, arrays):
        """Calls on C-contiguous arrays of the parameters' dtypes (shapes
        are still checked by yat); returns the list of results."""
        try:
            values = self._executable.call(self._storage_views(arrays),
                                           self._codes)
        except RuntimeError as error:
            raise ExecutionError(str(error)) from None
        if self._bf16_results:
            values = [v.view(_BF16) if t.dtype == _BF16 else v
                      for v, t in zip(values, self.results)]
        return values

    def _storage_views(self, arrays):
        if not self._has_bf16:
            return arrays
        return [a.view(s) if s else a for a, s in zip(arrays, self._storage)]

    def benchmark(self, *args, iterations: int = 100):
        """Times `iterations` calls after a warm-up, inside yat (no Python
        overhead); returns (median_ms, min_ms)."""
        if iterations <= 0:
            raise ValueError("iterations must be positive")
        arrays = self._storage_views(self._prepare(args))
        try:
            return self._executable.benchmark(arrays, self._codes, iterations)
        except RuntimeError as error:
            raise ExecutionError(str(error)) from None


def _storage_view_dtype(dtype):
    # bf16 crosses into C++ as its uint16 bits.
    return np.dtype(np.uint16) if dtype == _BF16 else None


def compile(source: Union[str, bytes], entry: str = "main",
            target: str = "cpu", pipeline_options=None, *,
            source_name: str = "<source>", opt_level: int = 3) -> Function:
    """Compiles `entry` of `source` (yat, linalg-on-tensors or StableHLO
    text, as JAX exports it) with yat-cpu-pipeline.

    pipeline_options: options of yat-cpu-pipeline, as text
    ("fuse=false threads=1") or a dict ({"fuse": False, "threads": 1}).
    source_name: the file name that diagnostics' locations use.
    Raises CompileError with the compiler's diagnostics on failure."""
    source = _check_source(source)
    if target not in _TARGETS:
        raise ValueError(f"unknown target {target!r}; yat has "
                         f"{', '.join(map(repr, _TARGETS))}")
    executable, raw = _yat.compile(
        source, source_name, entry, _format_options(pipeline_options),
        _TARGETS[target], int(opt_level))
    if executable is None:
        raise CompileError(f"cannot compile @{entry} of {source_name}",
                           _diagnostics(raw))
    return Function(executable, entry)


def opt(source: Union[str, bytes], pipeline: str, *,
        source_name: str = "<source>") -> str:
    """Runs a textual pass pipeline, like yat-opt's --pass-pipeline, on
    `source` and returns the result as text. `pipeline` is a list of passes
    ("yat-cache-norms,canonicalize") or an anchored pipeline
    ("builtin.module(...)"). Raises CompileError on failure."""
    source = _check_source(source)
    if not isinstance(pipeline, str):
        raise TypeError("pipeline must be a string such as "
                        "'convert-yat-to-linalg,canonicalize'")
    text, raw = _yat.transform(source, source_name, pipeline)
    if text is None:
        raise CompileError(f"cannot run '{pipeline}' on {source_name}",
                           _diagnostics(raw))
    return text
