#!/usr/bin/env python3
"""Reads the workbook of `rank --format xlsx` with Python's own zip and XML
readers (not the library that wrote it) and checks its values.

    check_xlsx.py BINARY SOURCE_DIR
"""
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
import zipfile

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}


def cells(book, sheet, strings):
    """Rows of a sheet as lists of (reference, value, style)."""
    root = ET.fromstring(book.read(f"xl/worksheets/{sheet}.xml"))
    rows = []
    for row in root.iterfind(".//m:sheetData/m:row", NS):
        out = {}
        for c in row.iterfind("m:c", NS):
            ref = "".join(ch for ch in c.get("r") if ch.isalpha())
            v = c.find("m:v", NS)
            if v is None:
                continue
            value = strings[int(v.text)] if c.get("t") == "s" else float(v.text)
            out[ref] = (value, c.get("s"))
        rows.append(out)
    return rows


def main():
    binary, src = sys.argv[1], sys.argv[2]
    failures = []

    def check(cond, what):
        if not cond:
            failures.append(what)

    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "ket-qua.xlsx")
        subprocess.run([binary, "rank", os.path.join(src, "samples/bo-trai-song-da-2024/round.yaml"),
                        "--format", "xlsx", "-o", out], check=True)
        with zipfile.ZipFile(out) as book:
            sst = ET.fromstring(book.read("xl/sharedStrings.xml"))
            strings = ["".join(t.text or "" for t in si.iterfind(".//m:t", NS)) for si in sst.iterfind("m:si", NS)]
            workbook = ET.fromstring(book.read("xl/workbook.xml"))
            names = [s.get("name") for s in workbook.iterfind(".//m:sheet", NS)]
            check(names == ["Xếp hạng", "Điểm tiêu chí", "Điểm thành viên"], f"sheet names {names}")
            styles = ET.fromstring(book.read("xl/styles.xml"))
            formats = [f.get("formatCode") for f in styles.iterfind(".//m:numFmt", NS)]
            check("0.00" in formats, f"number formats {formats}")
            ranking = cells(book, "sheet1", strings)
            check(ranking[0]["C"][0] == "Tên doanh nghiệp", f"header {ranking[0]}")
            first = ranking[1]
            check(first["A"][0] == 1.0, f"rank {first}")
            check(first["B"][0] == "C1", f"id {first}")
            check(first["C"][0] == "Công ty Cổ phần Đầu tư và Phát triển Hạ tầng Hòa Bình Xanh", f"name {first}")
            check(first["E"][0] == 94.7 and first["E"][1] is not None, f"total {first}")
            second = ranking[2]
            check(second["E"][0] == 69.13, f"total of C4 {second}")
            check(second["F"][0] == 9.88, f"group of C4 {second}")
            check(ranking[4]["D"][0] == "bị loại" and "E" not in ranking[4], f"disqualified row {ranking[4]}")
            members = cells(book, "sheet3", strings)
            recused = [r for r in members[1:] if r["A"][0] == "C4" and r["C"][0] == "M3"]
            check(len(recused) == 3 and all(r["F"][0] == "không chấm (xung đột lợi ích)" for r in recused),
                  f"recused rows {recused}")
            deviation = [r for r in members[1:] if r["A"][0] == "C1" and r["B"][0] == "TC4" and r["C"][0] == "M5"]
            check(len(deviation) == 1 and deviation[0]["E"][0] == 4.0 and "G" in deviation[0], f"M5's row {deviation}")
        # A tie for first settled by the chair's proposal is noted under the ranking (formats 1.1, 8.4).
        out = os.path.join(tmp, "dong-lai.xlsx")
        subprocess.run([binary, "rank", os.path.join(src, "samples/dong-lai-2025/round.yaml"),
                        "--format", "xlsx", "-o", out], check=True)
        with zipfile.ZipFile(out) as book:
            sst = ET.fromstring(book.read("xl/sharedStrings.xml"))
            strings = ["".join(t.text or "" for t in si.iterfind(".//m:t", NS)) for si in sst.iterfind("m:si", NS)]
            ranking = cells(book, "sheet1", strings)
            check(ranking[1]["B"][0] == "D2" and ranking[1]["D"][0] == "được đề xuất lựa chọn", f"first {ranking[1]}")
            note = ranking[-1]["A"][0]
            check("đề xuất lựa chọn D2" in note and "18/09/2025" in note and "Phương án bồi thường" in note,
                  f"proposal note {note}")

        # A name longer than a cell holds is cut visibly, with a warning, never left out.
        shutil.copytree(os.path.join(src, "samples"), os.path.join(tmp, "samples"))
        shutil.copytree(os.path.join(src, "criteria"), os.path.join(tmp, "criteria"))
        dossier = os.path.join(tmp, "samples/bo-trai-song-da-2024/dossiers/c1.yaml")
        with open(dossier, encoding="utf-8") as f:
            text = f.read()
        old = "name: Công ty Cổ phần Đầu tư và Phát triển Hạ tầng Hòa Bình Xanh"
        check(old in text, "the sample's name of C1")
        with open(dossier, "w", encoding="utf-8") as f:
            f.write(text.replace(old, "name: Công ty " + "Hòa Bình " * 5000))
        long_out = os.path.join(tmp, "dai.xlsx")
        run = subprocess.run([binary, "rank", os.path.join(tmp, "samples/bo-trai-song-da-2024/round.yaml"),
                              "--format", "xlsx", "-o", long_out], capture_output=True, text=True)
        check(run.returncode == 0, f"status {run.returncode} for a long name: {run.stderr}")
        # In the round's language (its criteria are Vietnamese), as every word a person reads.
        check(f"{long_out}: cảnh báo: trang “Xếp hạng”, ô C2: đoạn chữ dài" in run.stderr
              and "đã cắt bớt và kết thúc bằng “…”" in run.stderr, f"no warning of the cut: {run.stderr}")
        with zipfile.ZipFile(long_out) as book:
            sst = ET.fromstring(book.read("xl/sharedStrings.xml"))
            strings = ["".join(t.text or "" for t in si.iterfind(".//m:t", NS)) for si in sst.iterfind("m:si", NS)]
            name = cells(book, "sheet1", strings)[1].get("C", ("",))[0]
            check(len(name) == 32767 and name.startswith("Công ty Hòa Bình") and name.endswith("…"),
                  f"the cut name has {len(name)} characters and ends in {name[-3:]!r}")
    for f in failures:
        print("FAIL:", f)
    if not failures:
        print("the workbook holds the ranking, the criteria and the members' scores as expected")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
