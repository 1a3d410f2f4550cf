"""Whole small models exported from JAX (examples/zoo/) run through yat.

scripts/export_model_zoo.py wrote each model's StableHLO module (weights
baked in as constants), its inputs and JAX's own output. For every model
this checks that
  - yat-run gives JAX's numbers with the default pipeline (raised and
    fused) and without raising (`raise-stablehlo=false`, every stablehlo op
    lowered one by one), within the tolerance the manifest gives for the
    model: |yat - jax| <= rtol * |jax| + atol * max|jax| (the manifest says
    why that bound holds; for the quantized MatMul-free LM the export keeps
    every rounded value off the rounding boundaries, so no int8 or ternary
    value rounds differently in yat and a float bound is sound);
  - yat-raise-stablehlo raises the module to the yat ops the manifest
    lists;
  - re-running the export script reproduces the committed files.
"""

import json
import subprocess
import sys

import numpy as np
import pytest

from yat_harness import ROOT, YAT_OPT, assert_close, has_raise_pass, run

ZOO = ROOT / "examples" / "zoo"
MANIFEST = json.loads((ZOO / "manifest.json").read_text())
MODELS = MANIFEST["models"]

LOWERINGS = {
    "default": (),
    "unraised": ("--pipeline-options=raise-stablehlo=false",),
}


pytestmark = pytest.mark.skipif(
    not has_raise_pass(),
    reason="yat-opt without yat-raise-stablehlo (built without StableHLO)")


def cases(lowerings=None):
    """pytest params: one per model (and lowering)."""
    params = []
    for model in MODELS:
        for lowering in lowerings or [None]:
            values = (model,) if lowering is None else (model, lowering)
            ident = model["name"] if lowering is None else \
                f"{model['name']}-{lowering}"
            params.append(pytest.param(*values, id=ident))
    return params


def tolerance(model, expected):
    bound = model["tolerance"]
    scale = float(np.max(np.abs(expected.astype(np.float64))))
    return bound["rtol"], bound["atol"] * scale


@pytest.mark.parametrize("model,lowering", cases(LOWERINGS))
def test_model_matches_jax(model, lowering):
    module_text = (ZOO / model["module"]).read_text()
    inputs = [np.load(ZOO / arg["file"]) for arg in model["args"]]
    expected = np.load(ZOO / model["expected"])
    (result,) = run(module_text, inputs, extra_args=LOWERINGS[lowering])
    assert result.dtype == expected.dtype
    rtol, atol = tolerance(model, expected)
    assert_close(result, expected, rtol, atol,
                 what=f"{model['name']} {lowering} vs JAX")


@pytest.mark.parametrize("model", cases())
def test_model_raises_to_yat_ops(model):
    proc = subprocess.run(
        [str(YAT_OPT), str(ZOO / model["module"]), "--yat-raise-stablehlo"],
        capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    for expected in model["raises_to"]:
        lines = [line for line in proc.stdout.splitlines()
                 if f"= {expected['op']} " in line]
        assert len(lines) == expected["count"], expected
        if expected["op"] == "yat.attention":
            is_causal = all("causal" in line for line in lines)
            assert is_causal == expected.get("causal", False), lines


def test_export_script_is_deterministic(tmp_path):
    """Regenerating the zoo with the package versions recorded in the
    manifest reproduces the committed files: the StableHLO text and the
    manifest byte for byte, the .npy arrays with the same dtype and shape
    and values within the model's tolerance (JAX's CPU results are not
    bit-stable across machines)."""
    pytest.importorskip("jax")
    pytest.importorskip("flax")
    pytest.importorskip("nmn")
    import importlib.metadata

    for name, version in MANIFEST["generated_with"].items():
        if importlib.metadata.version(name) != version:
            pytest.skip(f"{name} {importlib.metadata.version(name)} differs "
                        f"from {version}, which wrote the zoo")
    proc = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "export_model_zoo.py"),
         "--out", str(tmp_path)],
        capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stderr
    committed = sorted(p.name for p in ZOO.iterdir() if p.name != "README.md")
    assert sorted(p.name for p in tmp_path.iterdir()) == committed
    models = {m["name"]: m for m in MODELS}
    for name in committed:
        if not name.endswith(".npy"):
            assert (tmp_path / name).read_bytes() == \
                (ZOO / name).read_bytes(), name
            continue
        regenerated, expected = np.load(tmp_path / name), np.load(ZOO / name)
        assert regenerated.dtype == expected.dtype, name
        if expected.dtype.kind in "iub":
            np.testing.assert_array_equal(regenerated, expected, err_msg=name)
            continue
        rtol, atol = tolerance(models[name.split(".")[0]], expected)
        assert_close(regenerated, expected, rtol, atol, what=name)
