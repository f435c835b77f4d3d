#!/usr/bin/env bash
# Standard output that cannot be written is an error (exit 3), as
# ccnscore(1) promises: a full device, a closed descriptor.
#   check_stdout.sh BINARY SOURCE_DIR
set -u
bin=$1
src=$2
round="$src/samples/thanh-ha-2023/round.yaml"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0

# expect STATUS NAME OUT COMMAND...: run COMMAND with standard output
# OUT (`full`: /dev/full, `closed`), stderr into $work/err, and compare the
# exit status.
expect() {
  local want=$1 name=$2 out=$3
  shift 3
  if [ "$out" = full ]; then
    "$@" 2>"$work/err" >/dev/full
  else
    "$@" 2>"$work/err" >&-
  fi
  local got=$?
  if [ "$got" != "$want" ]; then
    echo "$name: exit status $got, expected $want; stderr:"
    cat "$work/err"
    fail=1
  fi
}
said() {
  if ! grep -q "ccnscore: error: cannot write to standard output" "$work/err"; then
    echo "$1: no message about standard output; stderr:"
    cat "$work/err"
    fail=1
  fi
}

if [ -w /dev/full ]; then
  for args in "rank $round" "rank $round -f json" "check $round" "explain $round A1" "--help"; do
    # shellcheck disable=SC2086 # the words of args are the arguments
    expect 3 "$args >/dev/full" full "$bin" $args
    said "$args >/dev/full"
  done
  # Another error keeps its own status.
  expect 1 "check of a bad round >/dev/full" full "$bin" check "$src/samples/bad/round-division/round.yaml"
  said "check of a bad round >/dev/full"
else
  echo "note: /dev/full is missing; the full-device cases are not run"
fi

expect 3 "rank with standard output closed" closed "$bin" rank "$round"
said "rank with standard output closed"

# With standard output closed, a file written with -o must not take its
# place: the file holds the output, not the output twice or a message.
expect 0 "rank -o with standard output closed" closed "$bin" rank "$round" -f json -o "$work/result.json"
"$bin" rank "$round" -f json >"$work/expected.json"
if ! cmp -s "$work/result.json" "$work/expected.json"; then
  echo "rank -o with standard output closed: the file differs from rank's standard output"
  fail=1
fi
exit $fail
