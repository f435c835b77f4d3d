#!/usr/bin/env bash
# Without libzip, which ccnscore opens only when it first reads a workbook:
# the commands that read no workbook work as before, and `check` still warns
# about a workbook beside the round that no entry names (it cannot tell
# whether it is a score sheet) instead of failing for the library. libzip is
# hidden in a mount namespace of its own; without the rights for that, the
# test is skipped (status 77).
#   check_without_libzip.sh BINARY SOURCE_DIR
set -u
export LC_ALL=C LANG=C
unset LANGUAGE
bin=$1
src=$2
if [ "${1:-}" != "--inside" ]; then
  lib=$(ldconfig -p 2>/dev/null | awk '/libzip\.so\.[0-9]/ { print $NF; exit }')
  if [ -z "$lib" ] || [ "$(id -u)" != 0 ] || ! unshare -m true 2>/dev/null; then
    echo "cannot hide libzip here (needs root and mount namespaces): skipped"
    exit 77
  fi
  exec unshare -m bash "$0" --inside "$(readlink -f "$lib")" "$bin" "$src"
fi
lib=$2
bin=$3
src=$4
mount --bind /dev/null "$lib" || { echo "cannot hide $lib: skipped"; exit 77; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$src/criteria" "$src/samples" "$work/"
round="$work/samples/thanh-ha-2023/round.yaml"
fail=0
# A workbook that no entry names, beside the round.
printf 'not a zip' >"$work/samples/thanh-ha-2023/m9.xlsx"
"$bin" check "$round" --lang en >"$work/out" 2>"$work/err"
status=$?
if [ "$status" != 0 ] || ! grep -q "m9.xlsx is a workbook in the round's folders that may be a score sheet" "$work/err"; then
  echo "check with a workbook beside the round: expected exit 0 and a warning, got $status:"
  cat "$work/err"
  fail=1
fi
if ! "$bin" rank "$round" -f json >/dev/null 2>"$work/err"; then
  echo "rank of a round of YAML files failed:"
  cat "$work/err"
  fail=1
fi
# A round that names a workbook needs the library: exit 69, said as such.
# (libxlsxwriter, which writes the blank workbook, is not hidden.)
if ! "$bin" sheet "$round" --member M1 --format xlsx -o "$work/samples/thanh-ha-2023/sheets/m1.xlsx" 2>"$work/err"; then
  echo "sheet --format xlsx failed:"
  cat "$work/err"
  fail=1
fi
sed -i 's|sheets/m1.yaml|sheets/m1.xlsx|' "$round"
rm -f "$work/samples/thanh-ha-2023/m9.xlsx"
"$bin" check "$round" --lang en >"$work/out" 2>"$work/err"
status=$?
if [ "$status" != 69 ] || ! grep -q "cannot load the library" "$work/err"; then
  echo "check of a round that names a workbook: expected exit 69, got $status:"
  cat "$work/err"
  fail=1
fi
exit $fail
