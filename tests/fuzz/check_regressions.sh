#!/usr/bin/env bash
# Every input that once crashed a fuzz target, run through `ccnscore check`:
# each must end with an ordinary exit status (0, 1 or 3), not a crash or a
# sanitizer report, within ten seconds.
#   check_regressions.sh BINARY SOURCE_DIR
set -u
bin=$1
src=$2
fail=0
count=0
for f in "$src"/tests/fuzz/regressions/*/*; do
  [ -f "$f" ] || continue
  count=$((count + 1))
  args=(check "$f")
  case "$f" in
    */dossier/*) args=(check --criteria "$src/criteria/nd66-khung-quoc-gia.yaml" "$f") ;;
  esac
  timeout 10 "$bin" "${args[@]}" >/dev/null 2>"$f.stderr.tmp"
  status=$?
  if [ $status -ne 0 ] && [ $status -ne 1 ] && [ $status -ne 3 ]; then
    echo "$f: exit status $status"
    head -5 "$f.stderr.tmp"
    fail=1
  fi
  rm -f "$f.stderr.tmp"
done
echo "$count regression inputs checked"
exit $fail
