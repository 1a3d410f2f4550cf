"""Feeds yat-opt mutated yat modules (the dialect's own test cases with
numbers, types, attributes and tokens changed at random) and runs the yat
passes on whatever still parses: every run must end with status 0 or 1,
never a signal or an assertion. Mutations come from fixed seeds, so a
failure reproduces."""

import os
import pathlib
import random
import re
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
BUILD = pathlib.Path(os.environ.get("YAT_BUILD_DIR", ROOT / "build"))
if not BUILD.is_absolute():
    BUILD = ROOT / BUILD
YAT_OPT = BUILD / "bin" / "yat-opt"

pytestmark = pytest.mark.skipif(not YAT_OPT.exists(), reason=f"{YAT_OPT} is not built")

SOURCES = ["ops.mlir", "invalid.mlir", "cache-norms.mlir"]
PIPELINES = [
    [],
    ["--yat-cache-norms", "--convert-yat-to-linalg"],
    ["--yat-fuse-epilogue", "--convert-yat-to-linalg"],
]


def cases():
    """Every `// -----` case of the yat dialect tests, comments dropped."""
    for name in SOURCES:
        text = (ROOT / "test" / "Dialect" / "Yat" / name).read_text()
        for case in text.split("// -----"):
            body = "\n".join(l for l in case.splitlines() if not l.lstrip().startswith("//"))
            if "yat." in body:
                yield body


TYPE_SWAPS = ["f32", "f16", "bf16", "f64", "i8", "i32", "index", "?"]


def mutate(text, rng):
    tokens = re.split(r"(\W)", text)
    for _ in range(rng.randint(1, 3)):
        i = rng.randrange(len(tokens))
        choice = rng.random()
        if tokens[i].isdigit():
            tokens[i] = str(rng.choice([0, 1, 2, 3, 4, 7, 64, 2**31, -1]))
        elif re.fullmatch(r"(f|bf|i)\d+", tokens[i]):
            tokens[i] = rng.choice(TYPE_SWAPS)
        elif choice < 0.3:
            tokens[i] = ""
        elif choice < 0.6 and len(tokens) > 1:
            j = rng.randrange(len(tokens))
            tokens[i], tokens[j] = tokens[j], tokens[i]
        else:
            tokens[i] = rng.choice(["x", "0", "-", ",", "(", ")", ">", "<", "[", "]",
                                    "{", "}", "dims", "norms", "causal", "reverse",
                                    "%x", "1.0e+40", "-0.0", "nan", "0x7FC00000"])
    return "".join(tokens)


@pytest.mark.parametrize("seed", range(12))
def test_mutated_yat_modules_never_crash(seed):
    rng = random.Random(seed)
    base = list(cases())
    accepted = 0
    for _ in range(25):
        module = mutate(rng.choice(base), rng)
        passes = rng.choice(PIPELINES)
        proc = subprocess.run([str(YAT_OPT), "-", *passes], input=module,
                              capture_output=True, text=True, timeout=60)
        assert proc.returncode in (0, 1), (
            f"yat-opt {' '.join(passes)} ended with {proc.returncode} on:\n"
            f"{module}\nstderr:\n{proc.stderr[-2000:]}")
        accepted += proc.returncode == 0
    # Some mutants must survive parsing, or the passes were never exercised.
    assert accepted >= 3, f"only {accepted} of 25 mutants parsed"
