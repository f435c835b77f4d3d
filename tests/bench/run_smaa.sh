#!/usr/bin/env bash
# Benchmark of the SMAA-2 sampling of `ccnscore sensitivity`: run on demand.
#   tests/bench/run_smaa.sh [SAMPLES]    (default 1000000)
# One synthetic round of 12 applicants x 40 criteria; the C++ sampler with
# one thread and with every core, and a vectorised NumPy sampler of the
# same model (Debian's python3-numpy), measured in the same run.
set -euo pipefail
cd "$(dirname "$0")/../.."
samples=${1:-1000000}
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
python3 tests/bench/gen_rounds.py "$data" --rounds 1
cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DCCNSCORE_TESTS=OFF -DCCNSCORE_BENCH=ON >/dev/null
cmake --build build-bench -j"$(nproc)" >/dev/null
build-bench/tests/bench/bench_smaa "$data/round-0000/round.yaml" "$samples" "$data/matrix.txt"
# OpenBLAS is left with the machine's settings (see the environment notes).
py=python3
[ -x /usr/bin/python3 ] && py=/usr/bin/python3   # Debian's, which has python3-numpy
"$py" tests/bench/smaa_numpy.py "$data/matrix.txt" "$samples"
