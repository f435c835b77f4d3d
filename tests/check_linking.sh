#!/usr/bin/env bash
# What the program is linked with, as the dynamic loader sees it: libraries
# named here are loaded at every start, so only the ones every command needs
# may be. libxlsxwriter and libzip are opened on first use
# (src/util/shared_library.hpp); with CCNSCORE_STATIC_DEPS, GMP, libyaml,
# ICU, pugixml, libcrypto, fmt and the C++ runtime (libstdc++, libgcc_s) are
# in the program itself, and the program is not position-independent, so
# that the loader has next to nothing to relocate.
#   check_linking.sh OBJDUMP BINARY STATIC(ON|OFF)
set -euo pipefail
objdump=$1 binary=$2 static=$3

needed=$("$objdump" -p "$binary" | awk '$1 == "NEEDED" { print $2 }')
if [[ -z $needed ]]; then
  echo "no NEEDED entries read from $binary: is it a dynamic executable?" >&2
  exit 1
fi
echo "$binary needs:" $needed

refused=(libxlsxwriter libzip libminizip libbz2)
status=0
if [[ $(tr '[:lower:]' '[:upper:]' <<<"$static") =~ ^(ON|1|TRUE|YES)$ ]]; then
  refused+=(libyaml-cpp libyaml libicu libgmp libpugixml libcrypto libfmt libstdc++ libgcc_s)
  # A position-independent executable is "DYNAMIC" to objdump, a fixed one EXEC_P.
  if ! "$objdump" -f "$binary" | grep -q 'EXEC_P'; then
    echo "error: $binary is position-independent: each start relocates it" >&2
    status=1
  fi
fi
for library in $needed; do
  for name in "${refused[@]}"; do
    if [[ $library == "$name"* ]]; then
      echo "error: $binary is linked with $library, which would be loaded at every start" >&2
      status=1
    fi
  done
done
exit $status
