"""Runs every model of examples/zoo with yat-run --target=cuda on its bundled
input, and checks each output's shape, and, with --compare, its values
against JAX's output within the manifest's tolerance. Prints one line per
model; exits 1 on the first problem.

usage: zoo-on-cuda.py YAT_RUN ZOO_DIR [--compare]"""

import json
import pathlib
import subprocess
import sys
import tempfile

import numpy as np

yat_run, zoo = sys.argv[1], pathlib.Path(sys.argv[2])
compare = "--compare" in sys.argv[3:]
manifest = json.loads((zoo / "manifest.json").read_text())
with tempfile.TemporaryDirectory() as work:
    for model in manifest["models"]:
        name = model["name"]
        output = pathlib.Path(work) / f"{name}.npy"
        inputs = [f"--input={zoo / arg['file']}" for arg in model["args"]]
        proc = subprocess.run(
            [yat_run, str(zoo / model["module"]), "--target=cuda",
             f"--output={output}", *inputs],
            capture_output=True, text=True, timeout=600)
        if proc.returncode != 0:
            sys.exit(f"{name}: yat-run failed ({proc.returncode}): "
                     f"{proc.stderr.strip()}")
        got = np.load(output)
        expected = np.load(zoo / model["expected"])
        if got.shape != expected.shape:
            sys.exit(f"{name}: shape {got.shape}, expected {expected.shape}")
        if compare:
            bound = model["tolerance"]
            scale = float(np.max(np.abs(expected.astype(np.float64))))
            np.testing.assert_allclose(got, expected, rtol=bound["rtol"],
                                       atol=bound["atol"] * scale,
                                       err_msg=name)
        print(f"{name}: {'matches JAX' if compare else 'ran'} {got.shape}")
