"""Runs a command, echoes its stderr to stdout (for FileCheck) and fails
unless the command exited with the given status, was not killed by a
signal, printed nothing on stdout and exactly one line on stderr.

usage: expect-exit.py STATUS COMMAND [ARGS...]"""

import subprocess
import sys

expected = int(sys.argv[1])
proc = subprocess.run(sys.argv[2:], capture_output=True, text=True,
                      timeout=300)
sys.stdout.write(proc.stderr)
problems = []
if proc.returncode < 0:
    problems.append(f"killed by signal {-proc.returncode}")
elif proc.returncode != expected:
    problems.append(f"exit status {proc.returncode}, expected {expected}")
if proc.stdout:
    problems.append(f"unexpected output on stdout: {proc.stdout!r}")
if len(proc.stderr.splitlines()) != 1:
    problems.append(f"expected one line on stderr, got {proc.stderr!r}")
for problem in problems:
    print(f"expect-exit.py: {problem}", file=sys.stderr)
sys.exit(1 if problems else 0)
