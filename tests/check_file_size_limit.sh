#!/usr/bin/env bash
# A limit on the size of the files a process may write (`ulimit -f`): every
# writer fails with exit 3 and says why, instead of being killed by SIGXFSZ,
# and leaves no temporary file, folder or lock behind.
#   check_file_size_limit.sh BINARY SOURCE_DIR
set -u
export LC_ALL=C LANG=C
unset LANGUAGE
bin=$1
src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$src/criteria" "$src/samples" "$work/"
mkdir "$work/out"
round="$work/samples/thanh-ha-2023/round.yaml"
# The sample's criteria are in Vietnamese: the system's reason is said so.
vi_too_large="tệp vượt quá kích thước cho phép"
fail=0
run() { # NAME REASON COMMAND...: expect exit 3 and REASON, nothing left in out
  local name=$1
  local reason=$2
  shift 2
  # 4 blocks of 1 KiB: less than any output of the sample round.
  (ulimit -f 4 && exec "$bin" "$@") >"$work/stdout" 2>"$work/stderr"
  local status=$?
  if [ "$status" != 3 ] || ! grep -q "$reason" "$work/stderr"; then
    echo "$name: expected exit 3 and '$reason', got $status:"
    cat "$work/stderr"
    fail=1
  fi
  if [ -n "$(ls -A "$work/out")" ]; then
    echo "$name: left files behind:"
    ls -A "$work/out"
    fail=1
  fi
  rm -rf "$work/out" && mkdir "$work/out"
}
run "rank -o" "$vi_too_large" rank "$round" -f json -o "$work/out/result.json"
run "report -o" "$vi_too_large" report "$round" --no-robustness -o "$work/out/report.html"
# batch: the round cannot be written, and is an error row of the summary,
# which is small enough to be written; no temporary folder, no lock left.
(ulimit -f 4 && exec "$bin" batch "$work/samples/thanh-ha-2023" -o "$work/out/b") >"$work/stdout" 2>"$work/stderr"
status=$?
if [ "$status" != 3 ] || ! grep -q "$vi_too_large" "$work/stderr"; then
  echo "batch: expected exit 3 and '$vi_too_large', got $status:"
  cat "$work/stderr"
  fail=1
fi
left=$(ls -A "$work/out/b" 2>/dev/null)
if [ "$left" != "summary.csv" ]; then
  echo "batch: expected only summary.csv, found: $left"
  fail=1
fi
exit $fail
