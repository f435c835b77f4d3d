#!/usr/bin/env bash
# Benchmarks of issue "Scoring and ranking": run on demand, not by CTest.
#   tests/bench/run.sh [ROUNDS]    (default 1000)
# Generates synthetic rounds of 12 applicants x 40 criteria x 11 members,
# builds a release tree in build-bench/, and reports:
#  - one round through the real command (`ccnscore rank`): median wall time
#    of 15 runs and peak memory (GNU time);
#  - ROUNDS rounds one after another, in-process: median time per round to
#    rank and to merely parse the same files with yaml-cpp, and their ratio;
#  - ROUNDS rounds one after another through the command, total wall time.
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-1000}
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
python3 tests/bench/gen_rounds.py "$data" --rounds "$rounds"
cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DCCNSCORE_TESTS=OFF -DCCNSCORE_BENCH=ON >/dev/null
cmake --build build-bench -j"$(nproc)" >/dev/null
bin=build-bench/ccnscore
# Read the program from the disk, not from the page cache the linker left:
# see read_from_disk in table.py.
python3 -c 'import os, sys; fd = os.open(sys.argv[1], os.O_RDONLY); os.fsync(fd); os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)' "$bin"
one="$data/round-0000/round.yaml"

echo "== one round (12 applicants x 40 criteria x 11 members) through ccnscore rank --format json"
times=()
for _ in $(seq 15); do
  s=$(date +%s%N)
  "$bin" rank "$one" --format json >/dev/null
  e=$(date +%s%N)
  times+=($(( (e - s) / 1000 )))
done
median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 8p)
echo "median wall time of 15 runs: $((median / 1000)).$(printf '%03d' $((median % 1000))) ms"
if [ -x /usr/bin/time ]; then
  /usr/bin/time -f "peak resident memory: %M KB" "$bin" rank "$one" --format json 2>&1 >/dev/null | tail -1
fi

echo "== $rounds rounds one after another, in-process, ranking against parsing only"
build-bench/tests/bench/bench_rank --repeat 5 "$data"/round-*/round.yaml

echo "== $rounds rounds one after another through the command"
s=$(date +%s%N)
for r in "$data"/round-*/round.yaml; do
  "$bin" rank "$r" --format json >/dev/null
done
e=$(date +%s%N)
echo "total wall time: $(( (e - s) / 1000000 )) ms"
