"""stablehlo.gather of whole rows (embedding lookups, copied row by row)
and of partial rows (the element loop) against numpy, on every lowering of
yat-cpu-pipeline, with out-of-range indices (clamped, as StableHLO says)
and odd sizes."""

import numpy as np
import pytest

from yat_harness import PIPELINE_PATHS, run, tensor_type

# name -> (table shape, indices shape, index_vector_dim, slice width)
CASES = {
    "rows explicit index dim": ((37, 129), (3, 5, 1), 2, 129),
    "rows implicit index dim": ((7, 17), (11,), 1, 17),
    "rows of a 3-d table": ((9, 2, 8), (4, 1), 1, None),
    "half rows": ((10, 16), (6, 1), 1, 8),
}

DTYPES = {"f32": (np.float32, "f32"), "i32": (np.int32, "i32")}


@pytest.mark.parametrize("path", PIPELINE_PATHS)
@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("case", CASES)
def test_gather(case, dtype, path):
    table_shape, ids_shape, index_vector_dim, width = CASES[case]
    numpy_type, element = DTYPES[dtype]
    rng = np.random.default_rng(len(case) + len(dtype))
    table = (rng.standard_normal(table_shape) * 100).astype(numpy_type)
    # Some indices fall outside the table on both sides.
    ids = rng.integers(-3, table_shape[0] + 3, ids_shape).astype(np.int32)
    row_dims = list(table_shape[1:])
    if width is not None:
        row_dims[-1] = width
    positions = ids_shape if index_vector_dim == len(ids_shape) \
        else ids_shape[:-1]
    out_shape = tuple(positions) + tuple(row_dims)
    offset_dims = list(range(len(positions), len(out_shape)))
    slice_sizes = ", ".join(str(s) for s in [1] + row_dims)
    tt, it = tensor_type(table_shape, element), tensor_type(ids_shape, "i32")
    ot = tensor_type(out_shape, element)
    module = f"""
func.func @main(%t: {tt}, %i: {it}) -> {ot} {{
  %0 = "stablehlo.gather"(%t, %i) <{{dimension_numbers = #stablehlo.gather<offset_dims = {offset_dims}, collapsed_slice_dims = [0], start_index_map = [0], index_vector_dim = {index_vector_dim}>, slice_sizes = array<i64: {slice_sizes}>}}> : ({tt}, {it}) -> {ot}
  return %0 : {ot}
}}"""
    (actual,) = run(module, [table, ids], extra_args=PIPELINE_PATHS[path])
    rows = np.clip(ids.reshape(positions), 0, table_shape[0] - 1)
    expected = table[rows][..., :row_dims[-1]]
    np.testing.assert_array_equal(actual, expected,
                                  err_msg=f"{case} {dtype} ({path})")
