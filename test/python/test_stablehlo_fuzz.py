"""Feeds yat-opt randomly mutated StableHLO files (from the conformance
test data that YAT_STABLEHLO_TESTDATA names, see yat_testdata.py) through
parsing, verification and convert-stablehlo-to-linalg: every run must end
on its own with status 0 or 1, never with a signal or a hang. Mutations are drawn from fixed seeds, so a failure reproduces."""

import os
import pathlib
import random
import re
import subprocess

import pytest

import yat_testdata

ROOT = pathlib.Path(__file__).resolve().parents[2]
BUILD = pathlib.Path(os.environ.get("YAT_BUILD_DIR", ROOT / "build"))
if not BUILD.is_absolute():
    BUILD = ROOT / BUILD
YAT_OPT = BUILD / "bin" / "yat-opt"
TESTDATA_DIRS, TESTDATA_PROBLEM = yat_testdata.stablehlo_testdata_dirs()

pytestmark = [
    pytest.mark.skipif(not YAT_OPT.exists(), reason=f"{YAT_OPT} is not built"),
    pytest.mark.skipif(not TESTDATA_DIRS, reason=TESTDATA_PROBLEM),
]

# Numbers, identifiers and punctuation of MLIR's textual form.
TOKEN = re.compile(r"-?\d+(?:\.\d+)?(?:e[-+]?\d+)?|[A-Za-z_][\w.$]*|\S")
OP_NAMES = [
    "add", "subtract", "multiply", "divide", "remainder", "maximum", "minimum",
    "power", "and", "or", "xor", "not", "negate", "abs", "sign", "exponential",
    "log", "tanh", "sqrt", "convert", "compare", "select", "clamp",
    "broadcast_in_dim", "reshape", "transpose", "concatenate", "slice", "pad",
    "reverse", "iota", "dot_general", "convolution", "reduce", "return",
    "custom_call", "composite", "constant", "gather",
]
INTERESTING_NUMBERS = ["0", "1", "-1", "2", "3", "7", "-7", "64", "65",
                       "2147483647", "-2147483648", "9223372036854775807",
                       "99999999999999999999"]
ELEMENT_TYPES = ["f32", "f16", "bf16", "f64", "i1", "i8", "i16", "i32",
                 "i64", "ui8", "f8E4M3FN", "index", "complex<f32>"]


def source_files():
    # Every op family appears in a handful of files; sampling keeps the
    # test fast while touching all of them over the seeds.
    files = yat_testdata.stablehlo_files(TESTDATA_DIRS)
    return files[::max(1, len(files) // 48)]


def mutate(text, rng):
    """Applies 1-3 random token-level or line-level mutations."""
    lines = text.splitlines()
    # Drop the big hex constants from the view of line edits sometimes, so
    # edits land on ops rather than data.
    for _ in range(rng.randint(1, 3)):
        kind = rng.randrange(7)
        index = rng.randrange(len(lines))
        line = lines[index]
        tokens = TOKEN.findall(line)
        if kind == 0 and len(lines) > 1:
            del lines[index]
        elif kind == 1:
            lines.insert(index, lines[rng.randrange(len(lines))])
        elif kind == 2 and tokens:
            # Replace one number with an interesting one.
            # (Not result numbers such as %0#1: MLIR's own parser runs out
            # of memory on %0#2147483647.)
            numbers = [m for m in re.finditer(r"(?<![#\d])-?\d+", line)]
            if numbers:
                m = rng.choice(numbers)
                line = (line[:m.start()] + rng.choice(INTERESTING_NUMBERS) +
                        line[m.end():])
                lines[index] = line
        elif kind == 3 and "stablehlo." in line:
            line = re.sub(r"stablehlo\.\w+",
                          "stablehlo." + rng.choice(OP_NAMES), line, count=1)
            lines[index] = line
        elif kind == 4 and re.search(r"x?(f|bf|i|ui)\d+>", line):
            line = re.sub(r"(f|bf|i|ui)\d+>", rng.choice(ELEMENT_TYPES) + ">",
                          line, count=1)
            lines[index] = line
        elif kind == 5 and line:
            # Delete or duplicate a character.
            pos = rng.randrange(len(line))
            if rng.random() < 0.5:
                lines[index] = line[:pos] + line[pos + 1:]
            else:
                lines[index] = line[:pos] + line[pos] + line[pos:]
        elif kind == 6:
            # Change a dimension size inside a tensor type.
            m = list(re.finditer(r"tensor<(\d+)x", line))
            if m:
                hit = rng.choice(m)
                lines[index] = (line[:hit.start(1)] +
                                rng.choice(["0", "1", "5", "1000"]) +
                                line[hit.end(1):])
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("seed", range(8))
def test_mutated_files_never_crash(seed, tmp_path):
    rng = random.Random(seed)
    for source in source_files():
        text = source.read_text()
        mutated = mutate(text, rng)
        path = tmp_path / f"{source.stem}.mlir"
        path.write_text(mutated)
        proc = subprocess.run(
            [str(YAT_OPT), str(path), "--convert-stablehlo-to-linalg",
             "-o", os.devnull],
            capture_output=True, text=True, errors="replace", timeout=60)
        assert proc.returncode in (0, 1), (
            f"yat-opt ended with status {proc.returncode} on a mutation of "
            f"{source.name} (seed {seed}):\n{proc.stderr[-2000:]}\n"
            f"--- input ---\n{mutated[:4000]}")
