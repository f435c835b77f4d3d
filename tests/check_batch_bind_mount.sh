#!/usr/bin/env bash
# batch --force with OUTDIR mounted (bind mount) over the folder of the
# inputs: the output folder is recognised by device and inode, not by its
# path, so the inputs are skipped and never replaced. Needs a private mount
# namespace (unshare -m, as root); skipped (77) without one.
#   check_batch_bind_mount.sh BINARY SOURCE_DIR
set -u
bin=$1
src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/data" "$work/out"
cp -r "$src/criteria" "$work/criteria"
cp -r "$src/samples/thanh-ha-2023" "$work/data/thanh-ha-2023"
if ! unshare -m true 2>/dev/null; then
  echo "no private mount namespace here (unshare -m): skipped"
  exit 77
fi
fail=0
# The output folder is the inputs' folder under another path.
unshare -m bash -c 'mount --bind "$1/data" "$1/out" && "$2" batch "$1/data" -o "$1/out" --force' _ "$work" "$bin" \
  >"$work/stdout" 2>"$work/stderr"
status=$?
for f in round.yaml dossiers/a1.yaml sheets/m1.yaml; do
  if ! cmp -s "$src/samples/thanh-ha-2023/$f" "$work/data/thanh-ha-2023/$f"; then
    echo "the input $f was replaced or removed"
    fail=1
  fi
done
if [ "$status" != 0 ] || ! grep -q "^0 rounds ranked" "$work/stdout"; then
  echo "expected no round ranked and exit 0, got $status:"
  cat "$work/stdout" "$work/stderr"
  fail=1
fi
exit $fail
