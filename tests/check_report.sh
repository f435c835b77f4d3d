#!/usr/bin/env bash
# Renders the HTML report of every sample round, in Vietnamese and English,
# in headless Chromium to PDF, and checks that it renders, that the pages
# are A4, that no word runs past the right margin (so the A4 width holds
# the tables), and that the text a council needs is there.
#   check_report.sh BINARY SOURCE_DIR
set -u
bin=$1
src=$2
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  echo "chromium is not installed (.ci/setup installs it)"
  exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0
for round in thanh-ha-2023 yen-quang-2024 bo-trai-song-da-2024 dong-lai-2025 tan-nguyen-2026; do
  for lang in vi en; do
    html="$work/$round-$lang.html"
    pdf="$work/$round-$lang.pdf"
    "$bin" report "$src/samples/$round/round.yaml" --lang "$lang" -o "$html" || { echo "$round $lang: report failed"; fail=1; continue; }
    timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
      --disable-background-networking --disable-component-update --disable-sync --disable-dev-shm-usage \
      --user-data-dir="$work/profile" --no-pdf-header-footer --print-to-pdf="$pdf" "file://$html" >/dev/null 2>&1
    if [ ! -s "$pdf" ]; then
      echo "$round $lang: Chromium did not render the report"
      fail=1
      continue
    fi
    size=$(pdfinfo "$pdf" | awk '/^Page size/ { print int($3) "x" int($5) }')
    if [ "$size" != "594x841" ] && [ "$size" != "595x841" ] && [ "$size" != "595x842" ]; then
      echo "$round $lang: page size $size pt is not A4"
      fail=1
    fi
    # Chromium shrinks a page whose content is wider than A4 to fit: the
    # 15 pt heading then comes out smaller.
    heading_height=$(pdftotext -bbox "$pdf" - | grep -m1 '<word' |
                     sed 's/.*yMin="\([0-9.]*\)".*yMax="\([0-9.]*\)".*/\1 \2/' | awk '{ print $2 - $1 }')
    if awk -v h="$heading_height" 'BEGIN { exit !(h < 15) }'; then
      echo "$round $lang: the page was shrunk to fit (heading $heading_height pt high): something is wider than A4"
      fail=1
    fi
    # Right edge of the text: the page is 595 pt wide with a 14 mm (39.7 pt) margin.
    widest=$(pdftotext -bbox "$pdf" - | sed -n 's/.*xMax="\([0-9.]*\)".*/\1/p' | sort -g | tail -1)
    if awk -v w="$widest" 'BEGIN { exit !(w > 557) }'; then
      echo "$round $lang: text reaches x = $widest pt, past the right margin (557 pt)"
      fail=1
    fi
    text=$(pdftotext "$pdf" -)
    heading="EVALUATION REPORT"
    [ "$lang" = vi ] && heading="BÁO CÁO KẾT QUẢ ĐÁNH GIÁ"
    needles=("$heading" "SHA-256")
    # The chair's proposal that settled the tie for first (formats 1.1, 8.4).
    if [ "$round" = dong-lai-2025 ]; then
      needles+=("$([ "$lang" = vi ] && echo "đề xuất lựa chọn" || echo "proposed")")
    fi
    for needle in "${needles[@]}"; do
      if ! grep -qF "$needle" <<<"$text"; then
        echo "$round $lang: the rendered report lacks \"$needle\""
        fail=1
      fi
    done
    echo "$round $lang: $(pdfinfo "$pdf" | awk '/^Pages/ { print $2 }') A4 pages, widest text at x = $widest pt"
  done
done
exit $fail
