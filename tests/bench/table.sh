#!/usr/bin/env bash
# The performance table: every line measured as a ratio in one run, on rounds
# of 12 applicants x 40 criteria x 11 members. Run on demand, not by CTest.
#   tests/bench/table.sh [--runs N] [--batch-runs N] [--rounds N]
# Builds a release tree in build-bench/, then runs tests/bench/table.py.
# Needs python3 with PyYAML (python3-yaml) for the Python yardstick.
set -euo pipefail
cd "$(dirname "$0")/../.."
cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DCCNSCORE_TESTS=OFF -DCCNSCORE_BENCH=ON >/dev/null
cmake --build build-bench -j"$(nproc)" --target ccnscore bench_yaml_loadfile >/dev/null
exec python3 tests/bench/table.py build-bench "$@"
