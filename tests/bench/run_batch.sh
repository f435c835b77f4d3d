#!/usr/bin/env bash
# Benchmark of `ccnscore batch`: run on demand, not by CTest.
#   tests/bench/run_batch.sh [ROUNDS]    (default 1000)
# Ranks ROUNDS synthetic rounds (12 applicants x 40 criteria x 11 members)
# with --jobs 1 and --jobs 2, three runs each, and reports the median
# rounds per second, the speed-up from the second core, and peak memory
# for ROUNDS and for a fifth of them (it must not grow with the rounds).
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-1000}
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
python3 tests/bench/gen_rounds.py "$data/in" --rounds "$rounds"
cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DCCNSCORE_TESTS=OFF -DCCNSCORE_BENCH=ON >/dev/null
cmake --build build-bench -j"$(nproc)" >/dev/null
bin=build-bench/ccnscore
# Read the program from the disk, not from the page cache the linker left:
# see read_from_disk in table.py.
python3 -c 'import os, sys; fd = os.open(sys.argv[1], os.O_RDONLY); os.fsync(fd); os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)' "$bin"

# Every run writes into a new folder, and none is removed before the end:
# ext4 without a journal skips the inodes freed in the last 60 s (360 s while
# their inode-table block is dirty) whenever it allocates one, so a run right
# after the removal of 3,000 files pays for the benchmark's clean-up (see
# table.py). About 2.5 GB for 1,000 rounds.
new_out() { echo "$data/out-$(date +%s%N)"; }

# Median wall seconds of three runs of batch with `--jobs $1` over folder $2.
median_run() {
  local times=()
  for _ in 1 2 3; do
    local s e out
    out=$(new_out)
    sync # what earlier runs wrote is on the disk first: see table.py
    s=$(date +%s%N)
    "$bin" batch "$2" -o "$out" --jobs "$1" >/dev/null
    e=$(date +%s%N)
    times+=($(( (e - s) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n 2p
}

one=$(median_run 1 "$data/in")
two=$(median_run 2 "$data/in")
echo "rounds: $rounds"
echo "--jobs 1: median ${one} ms, $(( rounds * 1000 / one )) rounds/s"
echo "--jobs 2: median ${two} ms, $(( rounds * 1000 / two )) rounds/s"
echo "speed-up: $(awk -v a="$one" -v b="$two" 'BEGIN { printf "%.2f", a / b }')x"

/usr/bin/time -f "peak memory, $rounds rounds, --jobs 2: %M KB" "$bin" batch "$data/in" -o "$(new_out)" --jobs 2 2>&1 >/dev/null | tail -1
fifth=$(( rounds / 5 ))
mkdir -p "$data/part"
for r in $(seq 0 $(( fifth - 1 ))); do
  ln -s "$data/in/$(printf 'round-%04d' "$r")" "$data/part/"
done
cp "$data/in/criteria.yaml" "$data/part/"
# Symbolic links to folders are not followed by batch: give the rounds' own files.
/usr/bin/time -f "peak memory, $fifth rounds, --jobs 2: %M KB" "$bin" batch $(printf "$data/in/round-%04d " $(seq 0 $(( fifth - 1 )))) -o "$(new_out)" --jobs 2 2>&1 >/dev/null | tail -1
