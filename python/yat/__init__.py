"""yat: an MLIR compiler for geometric (NMN) and MatMul-free neural networks.

    import numpy as np, yat
    f = yat.compile(open("model.mlir").read())   # MLIR or StableHLO text
    y = f(np.ones((2, 3), np.float32), ...)      # numpy in, numpy out

`yat.opt(source, pipeline)` runs a pass pipeline and returns the text;
`yat.jax.jit(f)` compiles a JAX function with yat. Compiler problems raise
`yat.CompileError`, which carries the diagnostics and their locations.
"""

from .compiler import (CompileError, Diagnostic, ExecutionError, Function,
                       compile, opt)

__all__ = ["CompileError", "Diagnostic", "ExecutionError", "Function",
           "compile", "opt"]
__version__ = "0.1.0"
