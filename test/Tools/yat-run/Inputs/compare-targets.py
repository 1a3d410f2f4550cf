"""Runs each named entry of a module with yat-run on the CPU and with
--target=cuda on the same seeded random inputs and compares every result
(|cuda - cpu| <= rtol * |cpu| + atol, by default 1e-4 and 1e-5); prints one
line per entry and exits 1 on the first mismatch.

usage: compare-targets.py [--cuda-pipeline-options=OPTIONS] [--rtol=R]
                          [--atol=A] YAT_RUN MODULE ENTRY..."""

import argparse
import pathlib
import subprocess
import sys
import tempfile

import numpy as np

parser = argparse.ArgumentParser()
parser.add_argument("--cuda-pipeline-options", default="")
parser.add_argument("--rtol", type=float, default=1e-4)
parser.add_argument("--atol", type=float, default=1e-5)
parser.add_argument("yat_run")
parser.add_argument("module")
parser.add_argument("entries", nargs="+")
args = parser.parse_args()
yat_run, module, entries = args.yat_run, args.module, args.entries
with tempfile.TemporaryDirectory() as work:
    for entry in entries:
        outputs = {}
        for target in ("cpu", "cuda"):
            base = pathlib.Path(work) / f"{entry}.{target}"
            options = []
            if target == "cuda" and args.cuda_pipeline_options:
                options = [f"--pipeline-options={args.cuda_pipeline_options}"]
            # One --output per result: ask the module how many by a dry run.
            probe = subprocess.run(
                [yat_run, module, f"--entry={entry}", f"--target={target}",
                 "--random-inputs", "--seed=5"] + options,
                capture_output=True, text=True, timeout=600)
            if probe.returncode != 0:
                sys.exit(f"{entry} on {target}: {probe.stderr.strip()}")
            count = probe.stdout.count("result ")
            paths = [f"{base}.{i}.npy" for i in range(count)]
            subprocess.run(
                [yat_run, module, f"--entry={entry}", f"--target={target}",
                 "--random-inputs", "--seed=5"] + options +
                [f"--output={p}" for p in paths], check=True, timeout=600)
            outputs[target] = [np.load(p) for p in paths]
        for cpu, cuda in zip(outputs["cpu"], outputs["cuda"]):
            np.testing.assert_allclose(cuda, cpu, rtol=args.rtol,
                                       atol=args.atol, err_msg=entry)
        print(f"{entry}: {len(outputs['cpu'])} result(s) match")
