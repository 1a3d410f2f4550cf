"""pytest set-up for yat's Python tests.

Under CI (CI=true) a skipped test is a failure: every skip here means a
missing tool, build product, package or data set, and CI must run every
test. Tests that need a GPU are the exception: CI never has one. They are
marked `@pytest.mark.gpu` and still say why they skipped. Expected
failures (`xfail`, which pytest reports as skipped) are not skips: they
ran, and a strict one that passes fails.
"""

import os
import sys

import pytest

sys.path.insert(0, os.path.dirname(__file__))

import yat_testdata  # noqa: E402


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "gpu: needs an NVIDIA GPU; may skip under CI")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    # An expected failure (xfail) is reported as skipped too; it ran.
    if (report.skipped and not hasattr(report, "wasxfail") and
            yat_testdata.in_ci() and item.get_closest_marker("gpu") is None):
        reason = report.longrepr[-1] if isinstance(report.longrepr, tuple) \
            else str(report.longrepr)
        report.outcome = "failed"
        report.longrepr = (f"skipped under CI=true, where every test must "
                           f"run: {reason}")
