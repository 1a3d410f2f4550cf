#!/usr/bin/env python3
"""Runs one of yat's libFuzzer targets for a bounded time.

    run_fuzzer.py --fuzzer build-sanitize/bin/yat-compile-fuzzer --kind compile --seconds 120
    run_fuzzer.py --fuzzer build-sanitize/bin/yat-npy-fuzzer --kind npy --seconds 120

First every file of test/Fuzz/regressions/<kind>/ (inputs that once crashed
yat) runs once; then the fuzzer starts from a seed corpus made of the
repository's own tests and examples (compile: every .mlir under test/ and
examples/, split at `// -----`; npy: .npy files that numpy writes plus
malformed ones), with test/Fuzz/yat.dict for the compile target. Inputs it
finds are kept in --work/corpus, so a later run continues from them;
crashing inputs land in --work/artifacts.

Prints libFuzzer's final statistics and one summary line; exits 1 when a
regression input or a new input crashed, leaked, hung or set off a
sanitizer.
"""

import argparse
import io
import os
import pathlib
import re
import subprocess
import sys
import time

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parents[1]
MAX_SEED_BYTES = 64 * 1024


def compile_seeds():
    """The repository's .mlir tests and examples, one module per case."""
    sources = sorted((ROOT / "test").rglob("*.mlir")) + \
        sorted((ROOT / "examples").rglob("*.mlir"))
    for source in sources:
        text = source.read_text(errors="replace")
        for index, case in enumerate(re.split(r"(?m)^// -----\s*$", text)):
            data = case.encode()
            if case.strip() and len(data) <= MAX_SEED_BYTES:
                yield f"{source.stem}-{index}.mlir", data


def npy_seeds():
    """.npy files of every dtype and rank yat-run reads, well and badly
    formed, each behind every parameter-selector byte."""
    import numpy as np

    arrays = {
        "f32_2x3": np.arange(6, dtype=np.float32).reshape(2, 3),
        "f32_scalar": np.array(1.5, np.float32),
        "f32_4x4": np.ones((4, 4), np.float32),
        "f64_5": np.linspace(-1, 1, 5),
        "f16_3x2": np.arange(6, dtype=np.float16).reshape(3, 2),
        "i8_4": np.array([-128, -1, 0, 127], np.int8),
        "i16_2x2": np.arange(4, dtype=np.int16).reshape(2, 2),
        "i32_1x1x1": np.array([[[7]]], np.int32),
        "i64_scalar": np.array(-3, np.int64),
        "bool_3": np.array([True, False, True]),
        "f32_fortran": np.asfortranarray(np.arange(6, dtype=np.float32).reshape(2, 3)),
        "f32_empty": np.zeros((0, 4), np.float32),
        "u8_2": np.array([1, 2], np.uint8),
        "u16_3": np.array([0, 40000, 65535], np.uint16),
        "u32_2x2": np.arange(4, dtype=np.uint32).reshape(2, 2),
        "u64_scalar": np.array((1 << 64) - 1, np.uint64),
        "c64_1": np.array([1 + 2j], np.complex64),
        "c128_2": np.array([0.5 - 1j, 3j], np.complex128),
    }
    files = {}
    for name, array in arrays.items():
        buffer = io.BytesIO()
        np.save(buffer, array)
        files[name] = buffer.getvalue()
    good = files["f32_2x3"]
    files["truncated_header"] = good[:20]
    files["truncated_data"] = good[:-8]
    files["huge_shape"] = good.replace(b"(2, 3)", b"(99999999999, 99999)")
    files["negative_shape"] = good.replace(b"(2, 3)", b"(-2, 3)")
    files["big_endian"] = good.replace(b"<f4", b">f4")
    files["version_2"] = good[:6] + b"\x02\x00" + good[8:]
    for name, data in files.items():
        for selector in range(18):
            yield f"{name}-{selector}.bin", bytes([selector]) + data


def write_seeds(kind, directory):
    directory.mkdir(parents=True, exist_ok=True)
    for old in directory.iterdir():
        old.unlink()
    count = 0
    for name, data in (compile_seeds() if kind == "compile" else npy_seeds()):
        (directory / name).write_bytes(data)
        count += 1
    return count


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fuzzer", required=True, type=pathlib.Path)
    parser.add_argument("--kind", required=True, choices=["compile", "npy"])
    parser.add_argument("--seconds", type=int, default=int(
        os.environ.get("YAT_FUZZ_SECONDS", "120")))
    parser.add_argument("--work", type=pathlib.Path,
                        help="corpus and artifacts (default: next to the fuzzer)")
    parser.add_argument("--timeout", type=int, default=60,
                        help="seconds one input may take before it is a hang")
    args = parser.parse_args()

    work = args.work or args.fuzzer.parent.parent / "fuzz" / args.kind
    seeds, corpus, artifacts = work / "seeds", work / "corpus", work / "artifacts"
    corpus.mkdir(parents=True, exist_ok=True)
    artifacts.mkdir(parents=True, exist_ok=True)
    seed_count = write_seeds(args.kind, seeds)

    common = [f"-timeout={args.timeout}", "-rss_limit_mb=6144",
              f"-artifact_prefix={artifacts}/"]
    if args.kind == "compile":
        common += [f"-dict={HERE / 'yat.dict'}", f"-max_len={MAX_SEED_BYTES}"]

    # git keeps no empty directory, so a target with no regressions yet has
    # none in a fresh clone.
    regression_dir = HERE / "regressions" / args.kind
    regressions = sorted(regression_dir.iterdir()) if regression_dir.is_dir() else []
    if regressions:
        proc = subprocess.run([str(args.fuzzer), *common,
                               *map(str, regressions)],
                              capture_output=True, text=True)
        if proc.returncode != 0:
            print(proc.stderr[-6000:])
            print(f"fuzz {args.kind}: a regression input fails again")
            return 1
        print(f"fuzz {args.kind}: {len(regressions)} regression inputs pass")

    start = time.monotonic()
    proc = subprocess.run(
        [str(args.fuzzer), *common, f"-max_total_time={args.seconds}",
         "-print_final_stats=1", str(corpus), str(seeds)],
        capture_output=True, text=True)
    elapsed = time.monotonic() - start
    log = proc.stderr
    (work / "last-run.log").write_text(log)
    stats = dict(re.findall(r"^stat::(\w+):\s+(\d+)", log, re.M))
    coverage = re.findall(r"cov: (\d+) ft: (\d+)", log)
    if proc.returncode != 0:
        print(log[-8000:])
    # libFuzzer names what it found by kind; slow units (over 10 s, which a
    # loaded machine can make of a normal input) are reported, not failed.
    findings = sorted(p.name for p in artifacts.iterdir()
                      if p.name.startswith(("crash-", "leak-", "timeout-",
                                            "oom-")))
    slow = sorted(p.name for p in artifacts.iterdir()
                  if p.name.startswith("slow-unit-"))
    cov, ft = coverage[-1] if coverage else ("?", "?")
    print(f"fuzz {args.kind}: {stats.get('number_of_executed_units', '?')} "
          f"executions in {elapsed:.0f} s from {seed_count} seeds, "
          f"coverage {cov} edges / {ft} features, corpus "
          f"{len(list(corpus.iterdir()))} inputs, "
          f"{len(findings)} crashing inputs, {len(slow)} slow inputs in "
          f"{artifacts}{': ' + ', '.join(findings) if findings else ''}")
    return 1 if proc.returncode != 0 else 0


if __name__ == "__main__":
    sys.exit(main())
