"""yat-run on modules written at the "linalg on tensors" level with arith
and math ops applied to whole tensors (which yat-cpu-pipeline turns into
elementwise linalg.generic ops), against numpy.

Tolerance: one f32 rounding per op and libm-quality exp/tanh, so
|yat - numpy| <= 1e-6·|numpy| + 1e-7.
"""

import numpy as np
import pytest

from yat_harness import PIPELINE_PATHS, assert_close, run

MODULE = """\
func.func @main(%x: tensor<3x4xf32>, %y: tensor<3x4xf32>) -> (tensor<3x4xf32>, tensor<3x4xi1>) {
  %sum = arith.addf %x, %y : tensor<3x4xf32>
  %prod = arith.mulf %sum, %x : tensor<3x4xf32>
  %e = math.exp %prod : tensor<3x4xf32>
  %t = math.tanh %e : tensor<3x4xf32>
  %gt = arith.cmpf ogt, %x, %y : tensor<3x4xf32>
  return %t, %gt : tensor<3x4xf32>, tensor<3x4xi1>
}
"""


@pytest.mark.parametrize("path", PIPELINE_PATHS)
def test_elementwise_arith_and_math_on_tensors(path):
    rng = np.random.default_rng(7)
    x = rng.uniform(-1, 1, (3, 4)).astype(np.float32)
    y = rng.uniform(-1, 1, (3, 4)).astype(np.float32)
    t, gt = run(MODULE, [x, y], num_results=2,
                extra_args=PIPELINE_PATHS[path])
    x64, y64 = x.astype(np.float64), y.astype(np.float64)
    assert_close(t, np.tanh(np.exp((x64 + y64) * x64)), 1e-6, 1e-7,
                 what=f"tanh(exp((x + y) * x)) on the {path} path")
    np.testing.assert_array_equal(gt, x > y)
