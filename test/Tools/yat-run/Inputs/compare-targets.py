"""Runs each named entry of a module with yat-run on the CPU and with
--target=cuda on the same seeded random inputs and compares every result
(|cuda - cpu| <= rtol * |cpu| + atol); prints one line per entry and exits
1 on the first mismatch.

usage: compare-targets.py YAT_RUN MODULE ENTRY..."""

import pathlib
import subprocess
import sys
import tempfile

import numpy as np

yat_run, module, entries = sys.argv[1], sys.argv[2], sys.argv[3:]
with tempfile.TemporaryDirectory() as work:
    for entry in entries:
        outputs = {}
        for target in ("cpu", "cuda"):
            base = pathlib.Path(work) / f"{entry}.{target}"
            # One --output per result: ask the module how many by a dry run.
            probe = subprocess.run(
                [yat_run, module, f"--entry={entry}", f"--target={target}",
                 "--random-inputs", "--seed=5"],
                capture_output=True, text=True, timeout=600)
            if probe.returncode != 0:
                sys.exit(f"{entry} on {target}: {probe.stderr.strip()}")
            count = probe.stdout.count("result ")
            paths = [f"{base}.{i}.npy" for i in range(count)]
            subprocess.run(
                [yat_run, module, f"--entry={entry}", f"--target={target}",
                 "--random-inputs", "--seed=5"] +
                [f"--output={p}" for p in paths], check=True, timeout=600)
            outputs[target] = [np.load(p) for p in paths]
        for cpu, cuda in zip(outputs["cpu"], outputs["cuda"]):
            np.testing.assert_allclose(cuda, cpu, rtol=1e-4, atol=1e-5,
                                       err_msg=entry)
        print(f"{entry}: {len(outputs['cpu'])} result(s) match")
