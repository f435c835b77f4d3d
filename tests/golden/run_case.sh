#!/usr/bin/env bash
# Run one golden case of the command line and compare with what it expects.
#   run_case.sh BINARY CASE_DIR SOURCE_DIR
# A case folder holds `args` (one argument per line, run from SOURCE_DIR),
# and the expected `stdout`, `stderr` and exit `status`.
# The locale is cleared, so a case without --lang speaks the criteria's language
# or English.
# With CCNSCORE_UPDATE_GOLDEN=1 the expectations are rewritten instead, and
# the change is printed: read it (tests/README.md) before committing it. The
# update refuses to run when CI is set: CI checks, it never rewrites.
set -u
bin=$1
case_dir=$2
src=$3
mapfile -t args <"$case_dir/args"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$src" && env -u NO_COLOR -u LC_ALL -u LC_MESSAGES -u LANG "$bin" "${args[@]}" >"$work/stdout" 2>"$work/stderr" </dev/null)
status=$?
if [ -n "${CCNSCORE_UPDATE_GOLDEN:-}" ]; then
  if [ -n "${CI:-}" ]; then
    echo "CCNSCORE_UPDATE_GOLDEN is set with CI=$CI: golden files are never rewritten in CI"
    exit 1
  fi
  echo "$status" >"$work/status"
  for f in stdout stderr status; do
    diff -uN --label "$case_dir/$f (before)" --label "$case_dir/$f (now)" "$case_dir/$f" "$work/$f"
    cp "$work/$f" "$case_dir/$f"
  done
  exit 0
fi
fail=0
diff -u "$case_dir/stdout" "$work/stdout" || fail=1
diff -u "$case_dir/stderr" "$work/stderr" || fail=1
expected=$(cat "$case_dir/status")
if [ "$expected" != "$status" ]; then
  echo "exit status: expected $expected, got $status"
  fail=1
fi
exit $fail
