"""yat-raise-stablehlo on real JAX exports of the nmn package's layers.

examples/stablehlo/ holds what scripts/export_jax_models.py wrote: each
model's StableHLO module, its arguments and JAX's own output. For every
model this checks that
  - the pass raises the module to the yat ops listed in the manifest, with
    no contraction of the raised math left behind;
  - the module gives JAX's numbers through yat-cpu-pipeline three ways:
    raised (the default, fused path), raised with the plain reference
    lowering (`fuse=false`), and not raised at all (`raise-stablehlo=false`,
    every stablehlo op lowered one by one), and the raised and unraised
    results agree with each other.

Tolerance. The paths differ from JAX and from each other only by f32
rounding: the order of the K ≤ 16 term sums (dot products, squared norms,
softmax denominators) and how the ⵟ formula is arranged (yat computes
`alpha·(dot+b)²/(dist+eps)` where nmn multiplies by alpha first, or divides
by sqrt(d) after the division). The distance Σx² + Σw² − 2·dot cancels, so
its error is relative to the norms rather than to the distance; with these
well-conditioned random inputs the worst observed difference is below 1e-6
of the output's magnitude. The bound used is |a − b| ≤ 1e-5·|b| + 1e-5·max|b|
for f32 outputs, and one f16 ulp (2⁻¹⁰ relative, 1e-3 absolute on the
scale) for the f16 model, whose f32 result is rounded to f16 once.
"""

import json
import pathlib
import subprocess
import sys

import numpy as np
import pytest

from yat_harness import ROOT, YAT_OPT, assert_close, has_raise_pass, run

EXAMPLES = ROOT / "examples" / "stablehlo"
MANIFEST = json.loads((EXAMPLES / "manifest.json").read_text())
MODELS = MANIFEST["models"]

# yat-run's pipeline options for each way of compiling an export.
LOWERINGS = {
    "raised": (),
    "raised-reference": ("--pipeline-options=fuse=false",),
    "unraised": ("--pipeline-options=raise-stablehlo=false",),
}


pytestmark = pytest.mark.skipif(
    not has_raise_pass(),
    reason="yat-opt without yat-raise-stablehlo (built without StableHLO)")


def raise_module(path):
    proc = subprocess.run([str(YAT_OPT), str(path), "--yat-raise-stablehlo"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def tolerance(expected):
    scale = float(np.max(np.abs(expected.astype(np.float64))))
    if expected.dtype == np.float16:
        return 2.0 ** -10, 1e-3 * scale
    return 1e-5, 1e-5 * scale


@pytest.mark.parametrize("model", MODELS, ids=[m["name"] for m in MODELS])
def test_export_raises_to_yat_ops(model):
    text = raise_module(EXAMPLES / model["module"])
    for expected in model["raises_to"]:
        lines = [line for line in text.splitlines()
                 if f"= {expected['op']} " in line]
        assert len(lines) == expected["count"], (expected, text)
        if expected["op"] == "yat.attention":
            is_causal = all("causal" in line for line in lines)
            assert is_causal == expected.get("causal", False), lines
            is_l1 = all("#yat.normalization<l1>" in line for line in lines)
            assert is_l1 == (expected.get("normalization") == "l1"), lines
    # The contractions and scan loops of the raised math are gone; ops the
    # model computes outside it (the manifest's "keeps") may stay.
    for leftover in ("stablehlo.dot_general", "stablehlo.convolution",
                     "stablehlo.reduce", "stablehlo.exponential",
                     "stablehlo.rsqrt", "stablehlo.while"):
        if leftover not in model.get("keeps", []):
            assert leftover not in text, (leftover, text)


@pytest.mark.parametrize("model", MODELS, ids=[m["name"] for m in MODELS])
def test_raised_and_unraised_match_jax(model):
    module_text = (EXAMPLES / model["module"]).read_text()
    inputs = [np.load(EXAMPLES / arg["file"]) for arg in model["args"]]
    expected = np.load(EXAMPLES / model["expected"])
    rtol, atol = tolerance(expected)
    results = {}
    for name, args in LOWERINGS.items():
        (results[name],) = run(module_text, inputs, extra_args=args)
        assert results[name].dtype == expected.dtype, name
        assert_close(results[name], expected, rtol, atol,
                     what=f"{model['name']} {name} vs JAX")
    assert_close(results["raised"], results["unraised"], rtol, atol,
                 what=f"{model['name']} raised vs unraised")


def test_export_script_is_deterministic(tmp_path):
    """Regenerating the exports with the package versions recorded in the
    manifest (the versions scripts/requirements.txt pins) reproduces the
    committed files: the StableHLO text and the manifest byte for byte, the
    .npy arrays with the same dtype and shape and values within the
    module's tolerance above. JAX's CPU results are not bit-stable across
    machines (vector widths change summation order), so they are not
    compared bit for bit."""
    pytest.importorskip("jax")
    pytest.importorskip("flax")
    pytest.importorskip("nmn")
    import importlib.metadata

    for name, version in MANIFEST["generated_with"].items():
        if importlib.metadata.version(name) != version:
            pytest.skip(f"{name} {importlib.metadata.version(name)} differs "
                        f"from {version}, which wrote the exports")
    proc = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "export_jax_models.py"),
         "--out", str(tmp_path)],
        capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    committed = sorted(p.name for p in EXAMPLES.iterdir()
                       if p.name != "README.md")
    assert sorted(p.name for p in tmp_path.iterdir()) == committed
    for name in committed:
        if not name.endswith(".npy"):
            assert (tmp_path / name).read_bytes() == \
                (EXAMPLES / name).read_bytes(), name
            continue
        regenerated, expected = np.load(tmp_path / name), np.load(EXAMPLES / name)
        assert regenerated.dtype == expected.dtype, name
        rtol, atol = tolerance(expected)
        assert_close(regenerated, expected, rtol, atol, what=name)
