#!/usr/bin/env bash
# Renders the HTML report (the minutes, then the annex) of every sample
# round, in Vietnamese and English, and the paper score sheets of the rounds
# with a council, in headless Chromium to PDF, and checks that they render,
# that the pages are A4, that no word runs past the right margin (so the A4
# width holds the tables), and that the text a council needs is there: the
# national title and motto of an administrative document among it.
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
rounds=(thanh-ha-2023 yen-quang-2024 bo-trai-song-da-2024 dong-lai-2025 tan-nguyen-2026)
for round in "${rounds[@]}"; do
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
    # 15 pt title of the minutes then comes out smaller.
    title="MINUTES"
    [ "$lang" = vi ] && title="BIÊN"
    heading_height=$(pdftotext -bbox "$pdf" - | grep -m1 ">$title</word>" |
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
    if [ "$lang" = vi ]; then
      needles=("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" "Độc lập - Tự do - Hạnh phúc" "BIÊN BẢN" "Nơi nhận:"
               "PHỤ LỤC" "BÁO CÁO KẾT QUẢ ĐÁNH GIÁ")
    else
      needles=("SOCIALIST REPUBLIC OF VIETNAM" "Independence - Freedom - Happiness" "MINUTES" "Recipients:"
               "ANNEX" "EVALUATION REPORT")
    fi
    needles+=("SHA-256")
    # The meeting that the round records (formats 1.1, 8.7).
    if [ "$round" = tan-nguyen-2026 ]; then
      needles+=("01/BB-HĐ" "Nguyễn Văn Hải" "Thực hiện nhiệm vụ đột xuất")
    fi
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
# The paper score sheets (form 01): one A4 page per member, nothing past
# the right margin (the page is 595 pt wide with a 12 mm, 34 pt, margin).
for round in bo-trai-song-da-2024 dong-lai-2025 tan-nguyen-2026; do
  html="$work/$round-sheets.html"
  pdf="$work/$round-sheets.pdf"
  "$bin" sheet "$src/samples/$round/round.yaml" --all -f html -o "$html" || { echo "$round: sheet failed"; fail=1; continue; }
  timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync --disable-dev-shm-usage \
    --user-data-dir="$work/profile" --no-pdf-header-footer --print-to-pdf="$pdf" "file://$html" >/dev/null 2>&1
  if [ ! -s "$pdf" ]; then
    echo "$round: Chromium did not render the paper sheets"
    fail=1
    continue
  fi
  size=$(pdfinfo "$pdf" | awk '/^Page size/ { print int($3) "x" int($5) }')
  if [ "$size" != "594x841" ] && [ "$size" != "595x841" ] && [ "$size" != "595x842" ]; then
    echo "$round sheets: page size $size pt is not A4"
    fail=1
  fi
  pages=$(pdfinfo "$pdf" | awk '/^Pages/ { print $2 }')
  members=$(grep -c 'class="page"' "$html")
  if [ "$pages" != "$members" ]; then
    echo "$round sheets: $pages pages for $members members: a member's sheet does not fit on one A4 page"
    fail=1
  fi
  widest=$(pdftotext -bbox "$pdf" - | sed -n 's/.*xMax="\([0-9.]*\)".*/\1/p' | sort -g | tail -1)
  if awk -v w="$widest" 'BEGIN { exit !(w > 562) }'; then
    echo "$round sheets: text reaches x = $widest pt, past the right margin (562 pt)"
    fail=1
  fi
  text=$(pdftotext "$pdf" -)
  for needle in "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" "Độc lập - Tự do - Hạnh phúc" "PHIẾU CHẤM ĐIỂM" "(Ký, ghi rõ họ tên)"; do
    if ! grep -qF "$needle" <<<"$text"; then
      echo "$round sheets: the rendered sheets lack \"$needle\""
      fail=1
    fi
  done
  echo "$round sheets: $pages A4 pages for $members members, widest text at x = $widest pt"
done
# The ranking tables on A4, measured in the browser at the width of the
# page's text (182 mm, 688 CSS pixels): a name takes at most three lines, and
# a status is never broken inside a word nor runs out of its cell. The
# samples, and a round whose applicants have very long names.
for round in "${rounds[@]}" long-names; do
  yaml="$src/samples/$round/round.yaml"
  [ "$round" = long-names ] && yaml="$src/tests/report/long-names/round.yaml"
  for lang in vi en; do
    html="$work/probe-$round-$lang.html"
    "$bin" report "$yaml" --lang "$lang" -o "$html" --no-robustness || { echo "$round $lang: report failed"; fail=1; continue; }
    cp "$src/tests/report/probe.js" "$work/probe.js"
    sed -i 's|</body>|<script src="probe.js"></script></body>|' "$html"
    probe=$(timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
      --disable-background-networking --disable-component-update --disable-sync --disable-dev-shm-usage \
      --user-data-dir="$work/profile" --hide-scrollbars --window-size=688,1000 --dump-dom "file://$html" 2>/dev/null |
      sed -n 's/.*data-probe="\([^"]*\)".*/\1/p')
    if [ -z "$probe" ]; then
      echo "$round $lang: the ranking tables could not be measured"
      fail=1
      continue
    fi
    most=0
    while read -r name_lines broken fits; do
      [ "$name_lines" -gt "$most" ] && most=$name_lines
      if [ "$name_lines" -gt 3 ]; then
        echo "$round $lang: a name in a ranking table takes $name_lines lines on A4 (at most 3)"
        fail=1
      fi
      if [ "$broken" != 0 ] || [ "$fits" != fits ]; then
        echo "$round $lang: a status in a ranking table is broken inside a word or runs out of its cell"
        fail=1
      fi
    done < <(tr '|' '\n' <<<"$probe")
    echo "$round $lang: ranking tables measured, $(tr '|' '\n' <<<"$probe" | wc -l) rows, names over at most $most lines"
  done
done
exit $fail