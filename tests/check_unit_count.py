#!/usr/bin/env python3
"""Fails unless CTest runs every doctest case of the unit tests exactly once.

    check_unit_count.py CTEST BUILD_DIR UNIT_TESTS

CTest splits a test name at ';', and doctest reads ',' and '*' in a
--test-case filter as list separator and wildcard: a registered test whose
filter matches no case runs nothing and still passes. So each CTest entry
named unit/... must select exactly one case, no two entries the same case,
and their number must equal doctest's own count (--count).
"""
import json
import re
import subprocess
import sys


def doctest_lines(command):
    """The output lines of a doctest command that are not its banner."""
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    return [line for line in out.splitlines() if line and not line.startswith("[doctest]") and not line.startswith("====")]


def main():
    ctest, build, unit_tests = sys.argv[1:4]
    listing = json.loads(subprocess.run([ctest, "--test-dir", build, "--show-only=json-v1"], capture_output=True,
                                        text=True, check=True).stdout)
    entries = [t for t in listing["tests"] if t["name"].startswith("unit/")]
    out = subprocess.run([unit_tests, "--count"], capture_output=True, text=True, check=True).stdout
    m = re.search(r"unskipped test cases passing the current filters: (\d+)", out)
    if not m:
        sys.exit(f"cannot read doctest's count from: {out}")
    expected = int(m.group(1))
    fail = False
    seen = {}
    for t in entries:
        cases = doctest_lines(t["command"] + ["--list-test-cases"])
        if len(cases) != 1:
            print(f"CTest test '{t['name']}' runs {len(cases)} doctest cases, not 1: {cases}")
            fail = True
        for case in cases:
            if case in seen:
                print(f"doctest case '{case}' runs under both '{seen[case]}' and '{t['name']}'")
                fail = True
            seen[case] = t["name"]
    if len(entries) != expected or len(seen) != expected:
        print(f"CTest has {len(entries)} unit tests running {len(seen)} distinct cases; doctest counts {expected}")
        fail = True
    if not fail:
        print(f"{expected} doctest cases, each run by exactly one CTest test")
    sys.exit(1 if fail else 0)


if __name__ == "__main__":
    main()
