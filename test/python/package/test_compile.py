"""yat.compile, yat.opt and compiled functions: numbers against numpy
references computed here, every dtype, dynamic shapes, argument checks and
the errors a user sees."""

import gc
import threading

import ml_dtypes
import numpy as np
import pytest

import yat

PRODUCT = """
func.func @main(%x: tensor<?x24xf32>, %w: tensor<10x24xf32>, %b: tensor<10xf32>) -> tensor<?x10xf32> {
  %y = yat.product %x, %w, %b {epsilon = 1.0e-03 : f32, alpha = 1.5 : f32} : (tensor<?x24xf32>, tensor<10x24xf32>, tensor<10xf32>) -> tensor<?x10xf32>
  return %y : tensor<?x10xf32>
}
"""


def product_reference(x, w, b, alpha=1.5, epsilon=1e-3):
    """The ⵟ-product written directly, in f64."""
    x, w, b = (a.astype(np.float64) for a in (x, w, b))
    dot = x @ w.T
    distance = ((x[:, None, :] - w[None, :, :]) ** 2).sum(-1)
    return alpha * (dot + b) ** 2 / (distance + epsilon)


def product_inputs(rows, seed=0):
    rng = np.random.default_rng(seed)
    return (rng.standard_normal((rows, 24)).astype(np.float32),
            rng.standard_normal((10, 24)).astype(np.float32),
            rng.standard_normal(10).astype(np.float32))


@pytest.mark.parametrize("options", [None, "fuse=false", {"threads": 1}],
                         ids=["fast", "reference", "one-thread"])
def test_product_matches_numpy(options):
    f = yat.compile(PRODUCT, pipeline_options=options)
    for rows in (1, 7, 64):
        x, w, b = product_inputs(rows, seed=rows)
        y = f(x, w, b)
        assert y.dtype == np.float32 and y.shape == (rows, 10)
        np.testing.assert_allclose(y, product_reference(x, w, b), rtol=1e-4,
                                   atol=1e-5)


def test_signature_and_repr():
    f = yat.compile(PRODUCT)
    assert [str(t) for t in f.arguments] == [
        "tensor<?x24xf32>", "tensor<10x24xf32>", "tensor<10xf32>"]
    assert f.arguments[0].shape == (None, 24)
    assert f.results[0].dtype == np.float32
    assert "tensor<?x10xf32>" in repr(f)


ELEMENTWISE = """
func.func @main(%a: tensor<2x3x{t}>) -> tensor<2x3x{t}> {{
  %b = stablehlo.{op} %a, %a : tensor<2x3x{t}>
  return %b : tensor<2x3x{t}>
}}
"""

# (MLIR type, numpy dtype, op, numpy reference)
DTYPES = [
    ("f32", np.float32, "add", lambda a: a + a),
    ("f64", np.float64, "add", lambda a: a + a),
    ("f16", np.float16, "add", lambda a: a + a),
    ("bf16", ml_dtypes.bfloat16, "add", lambda a: a + a),
    ("i8", np.int8, "add", lambda a: a + a),
    ("i16", np.int16, "multiply", lambda a: a * a),
    ("i32", np.int32, "add", lambda a: a + a),
    ("i64", np.int64, "multiply", lambda a: a * a),
    ("ui8", np.uint8, "add", lambda a: a + a),
    ("ui16", np.uint16, "add", lambda a: a + a),
    ("ui32", np.uint32, "multiply", lambda a: a * a),
    ("ui64", np.uint64, "add", lambda a: a + a),
    ("i1", np.bool_, "xor", lambda a: a ^ a),
    ("complex<f32>", np.complex64, "multiply", lambda a: a * a),
    ("complex<f64>", np.complex128, "add", lambda a: a + a),
]


@pytest.mark.parametrize("mlir_type,dtype,op,reference", DTYPES,
                         ids=[d[0] for d in DTYPES])
def test_every_dtype(mlir_type, dtype, op, reference):
    f = yat.compile(ELEMENTWISE.format(t=mlir_type, op=op))
    values = np.array([[1, 2, 3], [4, 5, 6]])
    if dtype is np.bool_:
        values = values % 2 == 0
    if np.issubdtype(dtype, np.complexfloating):
        values = values + 1j * values[::-1]
    a = values.astype(dtype)
    assert f.arguments[0].dtype == np.dtype(dtype)
    y = f(a)
    assert y.dtype == np.dtype(dtype) and y.shape == (2, 3)
    np.testing.assert_array_equal(y, reference(a))


def test_arguments_that_are_not_numpy_arrays():
    f = yat.compile(ELEMENTWISE.format(t="f32", op="add"))
    # Lists take the parameter's dtype; a non-contiguous view is copied.
    np.testing.assert_array_equal(f([[1, 2, 3], [4, 5, 6]]),
                                  [[2, 4, 6], [8, 10, 12]])
    a = np.arange(12, dtype=np.float32).reshape(3, 4).T[:3, :2].T
    assert not a.flags.c_contiguous
    np.testing.assert_array_equal(f(a), a + a)


def test_argument_errors():
    f = yat.compile(PRODUCT)
    x, w, b = product_inputs(4)
    with pytest.raises(TypeError, match="takes 3 arguments but 2 were given"):
        f(x, w)
    with pytest.raises(TypeError, match=r"argument 1 of @main: expected "
                       r"tensor<10x24xf32>, got an array of dtype float64"):
        f(x, w.astype(np.float64), b)
    with pytest.raises(ValueError, match=r"argument 0 of @main: expected "
                       r"tensor<\?x24xf32>, got shape \(4, 23\)"):
        f(x[:, :23], w, b)
    with pytest.raises(ValueError, match=r"got shape \(24,\)"):
        f(x[0], w, b)
    with pytest.raises(TypeError, match="argument 2 of @main: expected "
                       r"tensor<10xf32>, got None"):
        f(x, w, None)
    with pytest.raises(TypeError, match="got an array of dtype object"):
        f(x, w, np.array([object()] * 10))
    # Nothing was broken by the failed calls.
    np.testing.assert_allclose(f(x, w, b), product_reference(x, w, b),
                               rtol=1e-4, atol=1e-5)


def test_results_are_fresh_and_writable():
    f = yat.compile(ELEMENTWISE.format(t="f32", op="add"))
    a = np.ones((2, 3), np.float32)
    first = f(a)
    first[0, 0] = 100
    second = f(a)
    assert second[0, 0] == 2 and first[0, 0] == 100
    np.testing.assert_array_equal(a, 1)   # arguments are never written


def test_several_and_no_results():
    two = yat.compile("""
func.func @main(%a: tensor<3xi32>) -> (tensor<3xi32>, tensor<i32>) {
  %zero = stablehlo.constant dense<0> : tensor<i32>
  %s = stablehlo.reduce(%a init: %zero) applies stablehlo.add across dimensions = [0] : (tensor<3xi32>, tensor<i32>) -> tensor<i32>
  return %a, %s : tensor<3xi32>, tensor<i32>
}""")
    a, s = two(np.array([1, 2, 3], np.int32))
    np.testing.assert_array_equal(a, [1, 2, 3])
    assert s.shape == () and s == 6
    none = yat.compile("func.func @main() {\n  return\n}")
    assert none() is None


def test_concurrent_calls_from_threads():
    f = yat.compile(PRODUCT)
    inputs = [product_inputs(8 + i, seed=i) for i in range(4)]
    expected = [product_reference(*args) for args in inputs]
    errors = []

    def work(index):
        try:
            for _ in range(20):
                np.testing.assert_allclose(f(*inputs[index]), expected[index],
                                           rtol=1e-4, atol=1e-5)
        except Exception as error:  # reported below
            errors.append(error)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors[0]


def test_dropping_a_function_leaves_the_others_working():
    # Functions run their parallel tile loops on the process-wide task pool
    # and async runtime; freeing one must leave them to the others.
    source = PRODUCT.replace("24x", "256x").replace("10x", "512x").replace(
        "<10xf32>", "<512xf32>")
    kept, dropped = yat.compile(source), yat.compile(source)
    rng = np.random.default_rng(5)
    x, w, b = (rng.standard_normal(shape).astype(np.float32)
               for shape in ((128, 256), (512, 256), (512,)))
    expected = product_reference(x, w, b)
    dropped(x, w, b)
    del dropped
    gc.collect()
    for _ in range(3):
        np.testing.assert_allclose(kept(x, w, b), expected, rtol=1e-4,
                                   atol=1e-3)


def test_benchmark():
    f = yat.compile(PRODUCT)
    median_ms, min_ms = f.benchmark(*product_inputs(16), iterations=5)
    assert 0 < min_ms <= median_ms
    with pytest.raises(ValueError, match="iterations must be positive"):
        f.benchmark(*product_inputs(16), iterations=0)


def test_parse_error_carries_location():
    with pytest.raises(yat.CompileError) as info:
        yat.compile("func.func @main() {\n  %x = foo.bar\n}",
                    source_name="model.mlir")
    (error,) = info.value.errors
    assert error.location == "model.mlir:2:8"
    assert "not found for custom op 'foo.bar'" in error.message
    assert "model.mlir:2:8: error: Dialect `foo' not found" in str(info.value)


def test_verifier_error_names_the_op():
    source = PRODUCT.replace("tensor<10x24xf32>, tensor<10xf32>) ->",
                             "tensor<10x24xf32>, tensor<9xf32>) ->")
    source = source.replace("%b: tensor<10xf32>", "%b: tensor<9xf32>")
    with pytest.raises(yat.CompileError) as info:
        yat.compile(source, source_name="product.mlir")
    first = info.value.errors[0]
    assert first.location == "product.mlir:3:8"
    assert "'yat.product' op" in first.message


def test_unsupported_stablehlo_op_is_a_compile_error():
    source = """
func.func @main(%a: tensor<4xf32>) -> tensor<4xf32> {
  %b = stablehlo.custom_call @not_a_target(%a) : (tensor<4xf32>) -> tensor<4xf32>
  return %b : tensor<4xf32>
}"""
    with pytest.raises(yat.CompileError, match="not_a_target"):
        yat.compile(source)


@pytest.mark.parametrize("kwargs,message", [
    ({"entry": "run"}, r"no function '@run' in the module \(functions: @main\)"),
    ({"pipeline_options": "tile=banana"},
     "invalid yat-cpu-pipeline options 'tile=banana'"),
])
def test_compile_option_errors(kwargs, message):
    with pytest.raises(yat.CompileError, match=message):
        yat.compile(PRODUCT, **kwargs)


def test_cuda_target():
    # With a GPU the product runs there and matches the CPU; without one the
    # compile error says what is missing.
    x, w, b = product_inputs(16)
    try:
        f = yat.compile(PRODUCT, target="cuda")
    except yat.CompileError as error:
        assert "target cuda needs an NVIDIA GPU and driver" in str(error)
        return
    np.testing.assert_allclose(f(x, w, b), product_reference(x, w, b),
                               rtol=1e-4, atol=1e-5)


def test_bad_python_arguments():
    with pytest.raises(ValueError, match="unknown target 'tpu'"):
        yat.compile(PRODUCT, target="tpu")
    with pytest.raises(TypeError, match="source must be MLIR or StableHLO"):
        yat.compile(42)
    with pytest.raises(TypeError, match="pipeline_options must be"):
        yat.compile(PRODUCT, pipeline_options=3)


def test_failed_check_is_an_execution_error():
    f = yat.compile("""
func.func @main() {
  %a = stablehlo.constant dense<[1.0, 2.0]> : tensor<2xf32>
  %b = stablehlo.constant dense<[1.0, 2.5]> : tensor<2xf32>
  stablehlo.custom_call @check.expect_close(%a, %b) {has_side_effect = true} : (tensor<2xf32>, tensor<2xf32>) -> ()
  return
}""", source_name="check.mlir")
    with pytest.raises(yat.ExecutionError,
                       match=r"check.expect_close at check.mlir:5:3 failed"):
        f()


def test_opt_runs_a_pipeline():
    text = yat.opt(PRODUCT, "convert-yat-to-linalg,canonicalize")
    assert "yat.product" not in text and "linalg.matmul" in text
    cached = yat.opt(PRODUCT, "builtin.module(yat-cache-norms)")
    assert "func.func @main" in cached


def test_opt_errors():
    with pytest.raises(yat.CompileError,
                       match="'no-such-pass' does not refer to a registered"):
        yat.opt(PRODUCT, "no-such-pass")
    with pytest.raises(yat.CompileError, match="<source>:1:1"):
        yat.opt("}", "canonicalize")
    with pytest.raises(TypeError, match="pipeline must be a string"):
        yat.opt(PRODUCT, None)
