#!/usr/bin/env bash
# A read-only output folder: every writer fails with exit 3, says why, and
# leaves nothing behind. Root bypasses permissions, so as root the commands
# run as an unprivileged user (setpriv, uid and gid 65534); the folder is
# that user's own, made read-only.
#   check_readonly_output.sh BINARY SOURCE_DIR
set -u
# Messages before any criteria are read follow the locale: English here.
export LC_ALL=C LANG=C
unset LANGUAGE
bin=$1
src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
chmod 755 "$work" # the unprivileged user must reach what is inside
cp -r "$src/criteria" "$src/samples" "$work/"
cp "$bin" "$work/ccnscore"
chmod -R a+rX "$work"
mkdir "$work/ro" "$work/rw"
as_user=()
if [ "$(id -u)" = 0 ]; then
  if ! command -v setpriv >/dev/null; then
    echo "running as root without setpriv: cannot drop privileges"
    exit 1
  fi
  as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups)
  chown 65534:65534 "$work/ro" "$work/rw"
fi
chmod 555 "$work/ro"
fail=0
# The simulation holds only if the user really cannot write there.
if "${as_user[@]}" touch "$work/ro/probe" 2>/dev/null; then
  echo "the read-only folder is writable: permissions are not in force"
  exit 1
fi
round="$work/samples/thanh-ha-2023/round.yaml"
# The sample's criteria are in Vietnamese: once they are read, the
# system's reason is said so; batch refuses before reading any, in the
# locale's language (English here).
vi_denied="không có quyền truy cập"
run() { # NAME REASON COMMAND...: expect exit 3 and REASON, nothing in ro
  local name=$1
  local denied=$2
  shift 2
  "${as_user[@]}" "$work/ccnscore" "$@" >"$work/stdout" 2>"$work/stderr"
  local status=$?
  if [ "$status" != 3 ] || ! grep -q "$denied" "$work/stderr"; then
    echo "$name: expected exit 3 and '$denied', got $status:"
    cat "$work/stderr"
    fail=1
  fi
  if [ -n "$(ls -A "$work/ro")" ]; then
    echo "$name: left files in the read-only folder:"
    ls -A "$work/ro"
    fail=1
  fi
}
run "rank -o" "$vi_denied" rank "$round" -f json -o "$work/ro/result.json"
run "rank -f xlsx -o" "$vi_denied" rank "$round" -f xlsx -o "$work/ro/result.xlsx"
run "report -o" "$vi_denied" report "$round" --no-robustness -o "$work/ro/report.html"
run "sheet --all" "$vi_denied" sheet "$round" --all -o "$work/ro"
run "batch" "Permission denied" batch "$work/samples/thanh-ha-2023" -o "$work/ro"
# The same user can write where it may: the failures above are the folder's.
if ! "${as_user[@]}" "$work/ccnscore" rank "$round" -f json -o "$work/rw/result.json" 2>"$work/stderr"; then
  echo "rank -o into a writable folder failed:"
  cat "$work/stderr"
  fail=1
fi
exit $fail
