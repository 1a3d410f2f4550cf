"""Proves the reason of each "results off by ulps" entry of
test/Conformance/expected-failures.txt: the file's check asks for
agreement finer than one ulp of its values, yat's result is within a few
ulps of the reference, and at the element the check rejects yat is at least
as close to the exact value (computed in complex128) as the reference that
XLA computed. Such a file can only pass by reproducing XLA's own rounding
bit for bit.
"""

import re

import numpy as np
import pytest

import yat_harness
import yat_testdata

EXPECTED_FAILURES = (yat_testdata.ROOT / "test" / "Conformance" /
                     "expected-failures.txt")
CATEGORY = "results off by ulps"

# The exact result of each listed file, from its inputs.
EXACT = {
    "stablehlo-corpus/sin_complex64_20_20.mlir":
        lambda x: np.sin(x.astype(np.complex128)),
    "stablehlo-corpus/cumprod_complex64_8_9.mlir":
        lambda x: np.cumprod(x.astype(np.complex128), axis=0),
}

TESTDATA_DIRS, TESTDATA_PROBLEM = yat_testdata.stablehlo_testdata_dirs()


def listed_files():
    """The entries of CATEGORY in expected-failures.txt."""
    files, in_category = [], False
    for line in EXPECTED_FAILURES.read_text().splitlines():
        if line.startswith("# "):
            in_category = line[2:].strip() == CATEGORY
        elif in_category and line.strip():
            files.append(line.split(":", 1)[0])
    return files


def read_constant(text, function):
    """The complex64 tensor that private function `function` returns."""
    start = text.index(f"func.func private @{function}()")
    body = text[start:text.index("\n  }\n", start)]
    hex_match = re.search(
        r'dense<"0x([0-9A-Fa-f]+)"> : tensor<([0-9x]+)xcomplex<f32>>', body)
    if hex_match:
        shape = [int(d) for d in hex_match.group(2).split("x")]
        return np.frombuffer(bytes.fromhex(hex_match.group(1)),
                             np.complex64).reshape(shape)
    list_match = re.search(r"dense<(\[.*\])> : tensor<([0-9x]+)xcomplex<f32>>",
                           body)
    shape = [int(d) for d in list_match.group(2).split("x")]
    parts = re.findall(r"\(([^,()]+),([^,()]+)\)", list_match.group(1))
    return np.array([complex(float(re_), float(im)) for re_, im in parts],
                    np.complex64).reshape(shape)


def find_file(name):
    for directory in TESTDATA_DIRS:
        if directory.name == name.split("/")[0]:
            path = directory / name.split("/")[1]
            if path.exists():
                return path
    pytest.fail(f"{name} is listed but not found in {TESTDATA_DIRS}")


def test_every_listed_file_has_a_proof():
    assert sorted(listed_files()) == sorted(EXACT)


@pytest.mark.skipif(not TESTDATA_DIRS, reason=TESTDATA_PROBLEM)
@pytest.mark.parametrize("name", sorted(EXACT))
def test_reference_rounds_no_closer_than_yat(name):
    text = find_file(name).read_text()
    inputs = read_constant(text, "inputs")
    expected = read_constant(text, "expected")
    # The module without its checks, returning what it computes.
    unchecked = "\n".join(line for line in text.splitlines()
                          if "check.expect" not in line)
    actual = yat_harness.run(unchecked, [], num_results=1)[0]
    exact = EXACT[name](inputs)

    def part_error(value, reference):
        return np.maximum(np.abs(value.real - reference.real),
                          np.abs(value.imag - reference.imag))

    mismatch = part_error(actual.astype(np.complex128),
                          expected.astype(np.complex128))
    worst = np.unravel_index(np.argmax(mismatch), mismatch.shape)
    magnitude = np.float32(max(abs(expected[worst].real),
                               abs(expected[worst].imag)))
    # The check (expect_almost_eq, 1e-3) fails, and 1e-3 is below one ulp.
    assert mismatch[worst] > 1e-3
    assert np.spacing(magnitude) > 1e-3
    # A few ulps apart, and yat no farther from the exact value there.
    assert mismatch[worst] <= 8 * np.spacing(magnitude)
    yat_error = part_error(actual[worst].astype(np.complex128), exact[worst])
    reference_error = part_error(expected[worst].astype(np.complex128),
                                 exact[worst])
    assert yat_error <= reference_error, (worst, yat_error, reference_error)
