#!/usr/bin/env python3
"""Counts the tests of one ctest run and prints `N passed, N failed, N
skipped`.

    summarize_results.py BUILD/test-results

reads the JUnit reports that the run left there: ctest.xml (ctest
--output-junit) and, for the ctest tests that run whole suites, lit.xml
(yat-lit), pytest.xml (yat-pytest), model-zoo.xml (yat-model-zoo) and
python-package.xml (yat-python-package),
whose individual tests are counted in their place. A suite whose ctest
test failed counts at least one failure even if its report is missing or
clean. The counts are also written to
summary.txt there, as `passed failed skipped`.
"""

import pathlib
import sys
import xml.etree.ElementTree as ET

SUITES = {"yat-lit": "lit.xml", "yat-pytest": "pytest.xml",
          "yat-model-zoo": "model-zoo.xml",
          "yat-python-package": "python-package.xml"}


def count_cases(path):
    """(passed, failed, skipped) of a JUnit report from lit or pytest."""
    passed = failed = skipped = 0
    for case in ET.parse(path).getroot().iter("testcase"):
        if case.find("failure") is not None or case.find("error") is not None:
            failed += 1
        elif case.find("skipped") is not None:
            skipped += 1
        else:
            passed += 1
    return passed, failed, skipped


def main():
    results = pathlib.Path(sys.argv[1])
    ctest = results / "ctest.xml"
    if not ctest.exists():
        print(f"no ctest report in {results}")
        print("0 passed, 1 failed, 0 skipped")
        return 1
    passed = failed = skipped = 0
    for case in ET.parse(ctest).getroot().iter("testcase"):
        name, status = case.get("name"), case.get("status")
        ctest_failed = status == "fail"
        ctest_skipped = status in ("notrun", "disabled") or \
            case.find("skipped") is not None
        report = results / SUITES[name] if name in SUITES else None
        if report is not None and report.exists():
            p, f, s = count_cases(report)
            if ctest_failed and f == 0:
                f = 1
            passed, failed, skipped = passed + p, failed + f, skipped + s
        elif ctest_failed:
            failed += 1
        elif ctest_skipped:
            skipped += 1
        else:
            passed += 1
    (results / "summary.txt").write_text(f"{passed} {failed} {skipped}\n")
    print(f"{passed} passed, {failed} failed, {skipped} skipped")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
