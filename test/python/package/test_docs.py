"""The Python examples of docs/PYTHON.md run as written (from the
repository root, as the guide's paths assume)."""

import os
import pathlib
import re

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[3]
GUIDE = ROOT / "docs" / "PYTHON.md"
BLOCKS = re.findall(r"```python\n(.*?)```", GUIDE.read_text(), re.S)


def test_the_guide_has_examples():
    assert len(BLOCKS) >= 3


@pytest.mark.parametrize("index", range(len(BLOCKS)))
def test_guide_example_runs(index, monkeypatch, capsys):
    monkeypatch.chdir(ROOT)
    exec(compile(BLOCKS[index], f"{GUIDE}:block{index}", "exec"), {})
    output = capsys.readouterr().out
    if "yat.CompileError" in BLOCKS[index]:
        assert "model.mlir:2:23: error: use of value '%x'" in output
