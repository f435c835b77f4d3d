#!/usr/bin/env bash
# Build the libFuzzer targets with clang (sanitizers on) and run each one.
#   tests/fuzz/run.sh [--runs N | --seconds S] [TARGET...]
# Default: 20000 runs per target with a fixed seed, which is repeatable;
# --seconds runs each target for that long instead. Crashes are saved in
# build-fuzz/crashes/<target>/ (emptied at the start of each run); copy each
# into tests/fuzz/regressions/. The script fails with the status of the last
# fuzzer that failed.
set -euo pipefail
cd "$(dirname "$0")/../.."
limit=(-runs=20000 -seed=1)
targets=()
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) limit=(-runs="$2" -seed=1); shift 2 ;;
    --seconds) limit=(-max_total_time="$2"); shift 2 ;;
    *) targets+=("$1"); shift ;;
  esac
done
[ ${#targets[@]} -gt 0 ] || targets=(criteria dossier sheet expr rank)
CC=clang CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCCNSCORE_FUZZ=ON \
  -DCCNSCORE_TESTS=OFF >/dev/null
cmake --build build-fuzz -j"$(nproc)" >/dev/null
seeds=build-fuzz/seeds
rm -rf "$seeds"
python3 tests/fuzz/make_seeds.py . "$seeds"
status=0
for t in "${targets[@]}"; do
  corpus=build-fuzz/corpus/$t
  crashes=build-fuzz/crashes/$t
  # A crash file left by an earlier run must not fail this one (nor hide that it passed).
  rm -rf "$crashes"
  mkdir -p "$corpus" "$crashes"
  if [ -d "tests/fuzz/regressions/$t" ]; then
    cp tests/fuzz/regressions/$t/* "$corpus/" 2>/dev/null || true
  fi
  echo "== fuzz_$t ${limit[*]}"
  log=build-fuzz/fuzz_$t.log
  fuzz_status=0
  ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
    "build-fuzz/tests/fuzz/fuzz_$t" "${limit[@]}" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="$crashes/" -print_final_stats=1 "$corpus" "$seeds/$t" >"$log" 2>&1 || fuzz_status=$?
  grep -E "^(#[0-9]+ +DONE|Done|stat::number_of_executed_units|==[0-9]+==ERROR|SUMMARY|.*runtime error)" "$log" || true
  if [ "$fuzz_status" -ne 0 ]; then
    echo "fuzz_$t: the fuzzer exited with status $fuzz_status (log: $log)"
    status=$fuzz_status
  fi
  if [ -n "$(ls -A "$crashes")" ]; then
    echo "fuzz_$t: crash inputs in $crashes"
    [ "$status" -ne 0 ] || status=1
  fi
done
exit $status
