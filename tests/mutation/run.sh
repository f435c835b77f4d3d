#!/usr/bin/env bash
# Mutation testing: change one operator at a time in the scoring, loading
# and model code, rebuild, run the unit and golden tests, and report the
# share of mutants that the tests kill. Run on demand, not in CI: every
# mutant is a rebuild.
#   tests/mutation/run.sh [--sample N] [--seed S] [--timeout SEC] [--list] [--only FILE]
#                         [--exclude PATH]... [PATH...]
# PATH: files or folders to mutate, from the top of the tree (default
# src/score src/load src/model);
# --exclude PATH leaves out that file or every file under that folder (for
# code being rewritten elsewhere, whose mutants would be wasted).
# --sample N takes N mutants at random with seed S (default 1), so the same
# command mutates the same places; --list prints the mutants and stops;
# --only FILE runs the mutants listed in FILE (as --list or survivors.txt
# write them), e.g. the survivors of the last run once new tests are in.
# The tree is copied into build-mutation/tree and built in
# build-mutation/tree/build (with ccache when it is installed, and with
# _GLIBCXX_ASSERTIONS), so the working tree is never touched. A mutant that
# does not compile is counted apart; the score is killed / compiled.
# Survivors are listed at the end and in build-mutation/survivors.txt.
set -euo pipefail
caller=$PWD
cd "$(dirname "$0")/../.."
sample=0
seed=1
timeout=300
list=0
only=
paths=()
excludes=()
while [ $# -gt 0 ]; do
  case "$1" in
    --sample) sample=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --timeout) timeout=$2; shift 2 ;;
    --list) list=1; shift ;;
    --only) case "$2" in /*) only=$2 ;; *) only=$caller/$2 ;; esac; shift 2 ;;
    --exclude) excludes+=("${2%/}"); shift 2 ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    -*) echo "run.sh: unknown option $1" >&2; exit 2 ;;
    *) paths+=("$1"); shift ;;
  esac
done
[ ${#paths[@]} -gt 0 ] || paths=(src/score src/load src/model)

files=$(find "${paths[@]}" -type f \( -name '*.cpp' -o -name '*.hpp' \) | LC_ALL=C sort)
excluded() {
  local e
  for e in ${excludes[@]+"${excludes[@]}"}; do
    case "$1" in "$e" | "$e"/*) return 0 ;; esac
  done
  return 1
}
kept=
for f in $files; do excluded "$f" || kept+="$f"$'\n'
done
files=$kept
if [ -n "$only" ]; then
  all=$(cat "$only")
  for e in ${excludes[@]+"${excludes[@]}"}; do
    all=$(printf '%s\n' "$all" | awk -F: -v e="$e" '$1 != e && index($1, e "/") != 1')
  done
else
  all=$(python3 tests/mutation/mutants.py list $files)
fi
if [ "$sample" -gt 0 ]; then
  # shuf with a repeatable byte stream as its randomness: same seed, same sample.
  all=$(printf '%s\n' "$all" | shuf -n "$sample" --random-source=<(openssl enc -aes-128-ctr -nosalt \
        -pass "pass:$seed" -pbkdf2 </dev/zero 2>/dev/null) | LC_ALL=C sort -t: -k1,1 -k2,2n -k3,3n)
fi
if [ "$list" = 1 ]; then
  printf '%s\n' "$all"
  exit 0
fi

out=build-mutation
tree=$out/tree
rm -rf "$tree"
mkdir -p "$tree"
cp -a CMakeLists.txt src tests samples criteria man "$tree/"
launcher=()
if command -v ccache >/dev/null; then
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
# _GLIBCXX_ASSERTIONS turns an index past the end of a vector or a read of an
# empty optional into an abort: a mutant that only causes such undefined
# behaviour is then killed for sure, not by luck.
cmake -S "$tree" -B "$tree/build" "${launcher[@]}" -DCMAKE_CXX_FLAGS=-D_GLIBCXX_ASSERTIONS >/dev/null
build() { cmake --build "$tree/build" -j"$(nproc)" --target ccnscore unit_tests >"$out/build.log" 2>&1; }
suite() {
  (timeout -k 10 "$timeout" "$tree/build/tests/unit_tests" --minimal >/dev/null 2>&1) 2>/dev/null &&
    ctest --test-dir "$tree/build" -R '^golden/' --no-tests=error --timeout "$timeout" --stop-on-failure \
      >/dev/null 2>&1
}
echo "== building the unmutated tree"
build || { echo "run.sh: the unmutated tree does not build, see $out/build.log" >&2; exit 1; }
suite || { echo "run.sh: the tests fail on the unmutated tree" >&2; exit 1; }

total=0; killed=0; survived=0; broken=0
: >"$out/survivors.txt"
while IFS= read -r m; do
  [ -n "$m" ] || continue
  total=$((total + 1))
  file=${m%%:*}
  cp -p "$tree/$file" "$tree/$file.orig"
  python3 tests/mutation/mutants.py apply "$tree" "$m"
  if ! build; then
    verdict="does not compile"; broken=$((broken + 1))
  elif suite 2>/dev/null; then # (the shell's "Segmentation fault" notices)
    verdict="SURVIVED"; survived=$((survived + 1)); echo "$m" >>"$out/survivors.txt"
  else
    verdict="killed"; killed=$((killed + 1))
  fi
  mv "$tree/$file.orig" "$tree/$file"
  touch "$tree/$file" # newer than the mutant's object, so the next build restores it
  printf '%-60s %s\n' "$m" "$verdict"
done <<<"$all"

compiled=$((killed + survived))
echo "== $total mutants: $killed killed, $survived survived, $broken did not compile"
if [ "$compiled" -gt 0 ]; then
  echo "== mutation score: $killed / $compiled = $(awk -v k="$killed" -v c="$compiled" 'BEGIN { printf "%.1f", 100 * k / c }') %" \
       "of the mutants that compile"
fi
if [ "$survived" -gt 0 ]; then
  echo "== survivors:"
  while IFS= read -r m; do
    IFS=: read -r f l _ o n <<<"$m"
    printf '%s  (%s -> %s)\n    %s\n' "$m" "$o" "$n" "$(sed -n "${l}p" "$f" | sed 's/^ *//')"
  done <"$out/survivors.txt"
fi
