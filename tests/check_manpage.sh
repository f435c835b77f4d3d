#!/usr/bin/env bash
# Fails when a command or option of ccnscore is missing from man/ccnscore.1,
# or when mandoc -Tlint finds anything above style level in the pages.
#   check_manpage.sh BINARY SOURCE_DIR
set -u
bin=$1
src=$2
page="$src/man/ccnscore.1"
fail=0
# The option names are the same in every language; the group names that
# this reads are English, so the locale is cleared.
unset LC_ALL LC_MESSAGES LANG
commands=$("$bin" --help | awk '/^Subcommands:/{f=1;next} f&&/^  [a-z]/{print $1}')
[ -n "$commands" ] || { echo "no commands found in --help"; exit 1; }
for cmd in "" $commands; do
  if [ -n "$cmd" ] && ! grep -q "^\.Cm $cmd\b\|Cm $cmd " "$page"; then
    echo "command '$cmd' is not in $page"
    fail=1
  fi
  for opt in $("$bin" $cmd --help | grep -oE -- '(^|[ ,])--?[a-zA-Z][a-z0-9-]*' | grep -oE -- '--?[a-zA-Z][a-z0-9-]*' | sort -u); do
    name=${opt#-}
    name=${name#-}
    escaped=${name//-/\\\\-} # hyphens inside a name may be written \- in roff
    if ! grep -qE -- "(Fl |\\\\-)($name|$escaped)\b" "$page"; then
      echo "option '$opt' of '${cmd:-ccnscore}' is not in $page"
      fail=1
    fi
  done
done
lint=$(mandoc -Tlint "$src"/man/*.[1-8] 2>&1 | grep -vE 'STYLE|mandoc: see')
if [ -n "$lint" ]; then
  echo "$lint"
  fail=1
fi
[ $fail -eq 0 ] && echo "man pages cover every command and option and pass mandoc -Tlint"
exit $fail
