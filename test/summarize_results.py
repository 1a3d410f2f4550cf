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
clean. Each failing case is named, with the first line of its message,
before the counts, so that a log's last lines say what failed. The counts
are also written to summary.txt there, as `passed failed skipped`.
"""

import pathlib
import sys
import xml.etree.ElementTree as ET

SUITES = {"yat-lit": "lit.xml", "yat-pytest": "pytest.xml",
          "yat-model-zoo": "model-zoo.xml",
          "yat-python-package": "python-package.xml"}


def describe_failure(case, problem):
    """`FAILED class::name: first line of the message`."""
    name = "::".join(filter(None, (case.get("classname"), case.get("name"))))
    message = (problem.get("message") or problem.text or "").strip()
    first_line = message.splitlines()[0][:200] if message else ""
    return f"FAILED {name}: {first_line}" if first_line else f"FAILED {name}"


def count_cases(path, failures):
    """(passed, failed, skipped) of a JUnit report from lit or pytest; the
    failing cases are described into `failures`."""
    passed = failed = skipped = 0
    for case in ET.parse(path).getroot().iter("testcase"):
        problem = case.find("failure")
        if problem is None:
            problem = case.find("error")
        if problem is not None:
            failed += 1
            failures.append(describe_failure(case, problem))
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
    failures = []
    for case in ET.parse(ctest).getroot().iter("testcase"):
        name, status = case.get("name"), case.get("status")
        ctest_failed = status == "fail"
        ctest_skipped = status in ("notrun", "disabled") or \
            case.find("skipped") is not None
        report = results / SUITES[name] if name in SUITES else None
        if report is not None and report.exists():
            p, f, s = count_cases(report, failures)
            if ctest_failed and f == 0:
                f = 1
                failures.append(f"FAILED {name} (its report names no case)")
            passed, failed, skipped = passed + p, failed + f, skipped + s
        elif ctest_failed:
            failed += 1
            failures.append(f"FAILED {name}")
        elif ctest_skipped:
            skipped += 1
        else:
            passed += 1
    for line in failures:
        print(line)
    (results / "summary.txt").write_text(f"{passed} {failed} {skipped}\n")
    print(f"{passed} passed, {failed} failed, {skipped} skipped")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
