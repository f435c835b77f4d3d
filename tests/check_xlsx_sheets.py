#!/usr/bin/env python3
"""Score sheets as workbooks give the same result as the same scores in YAML.

For each bundled sample with a council: writes the blank workbooks with
`sheet --all --format xlsx`, fills them with the scores, comments and
recusals of the sample's YAML sheets through Python's own zip and XML
modules (not the libraries ccnscore uses), points a copy of the round at the
workbooks, and checks that `rank --format json` gives the same result as the
YAML sheets, apart from the inputs, which list the workbooks.

    check_xlsx_sheets.py BINARY SOURCE_DIR
"""
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
import zipfile

import yaml

NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
SAMPLES = ["bo-trai-song-da-2024", "thanh-ha-2023", "yen-quang-2024"]


def column(ref):
    return "".join(ch for ch in ref if ch.isalpha())


def cell_text(c, strings):
    v = c.find(NS + "v")
    if c.get("t") == "s" and v is not None:
        return strings[int(v.text)]
    if c.get("t") == "inlineStr":
        return "".join(t.text or "" for t in c.iter(NS + "t"))
    return v.text if v is not None else ""


def put(c, value, number):
    """Give cell `c` the `value`: a number as its decimal text, else an inline string."""
    for sub in list(c):
        c.remove(sub)
    if number:
        c.attrib.pop("t", None)
        ET.SubElement(c, NS + "v").text = value
    else:
        c.set("t", "inlineStr")
        ET.SubElement(ET.SubElement(c, NS + "is"), NS + "t").text = value


def first_empty(row, strings):
    """The first cell of `row` that holds nothing: the score cell."""
    for c in row.iter(NS + "c"):
        if cell_text(c, strings) == "":
            return c
    raise AssertionError("a row without an empty cell")


def check_layout(workbook, round_yaml):
    """The blank workbook as ccnscore(5) describes it: ids in B2 and B3, one
    row per applicant and judged criterion with its score cell the first
    empty cell, validated, and only the cells to fill in unlocked."""
    with zipfile.ZipFile(workbook) as z:
        strings = ["".join(t.text or "" for t in si.iter(NS + "t"))
                   for si in ET.fromstring(z.read("xl/sharedStrings.xml")).iter(NS + "si")]
        styles = ET.fromstring(z.read("xl/styles.xml"))
        sheets = [ET.fromstring(z.read(f"xl/worksheets/sheet{i}.xml")) for i in (1, 2)]
        custom = z.read("docProps/custom.xml").decode()
    assert "ccnscore/sheet@1" in custom, f"{workbook}: no format property"
    xfs = styles.find(NS + "cellXfs").findall(NS + "xf")

    def unlocked(c):
        p = xfs[int(c.get("s", "0"))].find(NS + "protection")
        return p is not None and p.get("locked") == "0"

    for number, ws in enumerate(sheets, 1):
        assert ws.find(NS + "sheetProtection") is not None, f"{workbook}: worksheet {number} is not protected"
    scores = sheets[0]
    cells = {c.get("r"): c for c in scores.iter(NS + "c")}
    assert cell_text(cells["B2"], strings) == round_yaml["id"], f"{workbook}: B2"
    validated = {v.get("sqref") for v in scores.find(NS + "dataValidations").iter(NS + "dataValidation")}
    rows = 0
    for row in scores.iter(NS + "row"):
        if int(row.get("r")) < 8:
            assert not any(unlocked(c) for c in row.iter(NS + "c")), f"{workbook}: row {row.get('r')} unlocked"
            continue
        rows += 1
        score = first_empty(row, strings)
        assert column(score.get("r")) == "G", f"{workbook}: score cell {score.get('r')}"
        assert score.get("r") in validated, f"{workbook}: {score.get('r')} not validated"
        for c in row.iter(NS + "c"):
            assert unlocked(c) == (column(c.get("r")) in "GH"), f"{workbook}: {c.get('r')} locked wrongly"
    assert rows > 0, f"{workbook}: no score rows"
    assert cell_text(cells["B3"], strings) == os.path.basename(workbook)[:-5], f"{workbook}: B3"


def fill(workbook, sheet):
    """Write the scores, comments and recusals of the YAML `sheet` into `workbook`."""
    with zipfile.ZipFile(workbook) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    strings = ["".join(t.text or "" for t in si.iter(NS + "t"))
               for si in ET.fromstring(parts["xl/sharedStrings.xml"]).iter(NS + "si")]
    scores = sheet.get("scores") or {}
    comments = sheet.get("comments") or {}
    recused = sheet.get("recused") or []
    filled = 0
    listed = set()
    scores_xml = ET.fromstring(parts["xl/worksheets/sheet1.xml"])
    for row in scores_xml.iter(NS + "row"):
        texts = {column(c.get("r")): cell_text(c, strings) for c in row.iter(NS + "c")}
        app, crit = texts.get("A"), texts.get("C")
        listed.add(app)
        score = (scores.get(app) or {}).get(crit)
        if score is None:
            continue
        cell = first_empty(row, strings)
        put(cell, score, True)
        filled += 1
        comment = (comments.get(app) or {}).get(crit)
        if comment:
            # The comment cell follows the score cell.
            cells = list(row.iter(NS + "c"))
            put(cells[cells.index(cell) + 1], comment, False)
    # The workbook lists only the applicants that pass the gates; a YAML
    # sheet may score the others too, and those scores are ignored.
    expected = sum(len(v or {}) for a, v in scores.items() if a in listed)
    assert filled == expected, f"{workbook}: filled {filled} scores of {expected}"
    recusal_xml = ET.fromstring(parts["xl/worksheets/sheet2.xml"])
    for row in recusal_xml.iter(NS + "row"):
        cells = list(row.iter(NS + "c"))
        if cells and cell_text(cells[0], strings) in recused:
            put(first_empty(row, strings), "x", False)
    # Without registering the namespace, ElementTree writes it with a prefix
    # (ns0:c): the reader must not depend on how a writer names it.
    parts["xl/worksheets/sheet1.xml"] = ET.tostring(scores_xml, encoding="UTF-8", xml_declaration=True)
    parts["xl/worksheets/sheet2.xml"] = ET.tostring(recusal_xml, encoding="UTF-8", xml_declaration=True)
    with zipfile.ZipFile(workbook, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)


def rank(binary, round_path):
    p = subprocess.run([binary, "rank", round_path, "--format", "json"], capture_output=True, text=True)
    if p.returncode != 0:
        raise AssertionError(f"rank {round_path}: exit {p.returncode}\n{p.stderr}")
    return json.loads(p.stdout)


def check_sample(binary, src, work, name):
    shutil.copytree(os.path.join(src, "samples", name), os.path.join(work, "samples", name))
    folder = os.path.join(work, "samples", name)
    round_path = os.path.join(folder, "round.yaml")
    p = subprocess.run([binary, "sheet", round_path, "--all", "--format", "xlsx", "-o",
                        os.path.join(folder, "so-cham")], capture_output=True, text=True)
    if p.returncode != 0:
        raise AssertionError(f"sheet {name}: exit {p.returncode}\n{p.stderr}")
    with open(round_path, encoding="utf-8") as f:
        round_text = f.read()
    # BaseLoader keeps every scalar as its text: a score goes into the cell
    # exactly as the YAML sheet writes it.
    round_yaml = yaml.load(round_text, Loader=yaml.BaseLoader)
    entries = round_yaml["sheets"]
    for entry in entries:
        with open(os.path.join(folder, entry), encoding="utf-8") as f:
            sheet = yaml.load(f, Loader=yaml.BaseLoader)
        workbook = f"so-cham/{sheet['member']}.xlsx"
        check_layout(os.path.join(folder, workbook), round_yaml)
        fill(os.path.join(folder, workbook), sheet)
        round_text = re.sub(rf"^(\s*- ){re.escape(entry)}$", rf"\g<1>{workbook}", round_text, flags=re.M)
    xlsx_round = os.path.join(folder, "round-xlsx.yaml")
    with open(xlsx_round, "w", encoding="utf-8") as f:
        f.write(round_text)
    from_yaml = rank(binary, round_path)
    from_xlsx = rank(binary, xlsx_round)
    sheets = [i for i in from_xlsx["inputs"] if i["role"] == "sheet"]
    assert len(sheets) == len(entries), f"{name}: inputs list {len(sheets)} sheets"
    for i in sheets:
        assert i["path"].endswith(".xlsx"), f"{name}: input {i['path']}"
        with open(os.path.join(folder, i["path"]), "rb") as f:
            assert i["sha256"] == hashlib.sha256(f.read()).hexdigest(), f"{name}: sha256 of {i['path']}"
    del from_yaml["inputs"], from_xlsx["inputs"]
    # Each sheet's record names its file, as inputs do, and a YAML sheet may
    # hold scores for a disqualified applicant, which are ignored (formats 5)
    # and have no row in a workbook; the other scores must agree.
    out = {a["id"] for a in from_yaml["applicants"] if a["status"] == "disqualified"}
    for result in (from_yaml, from_xlsx):
        for sheet in result.get("sheets", []):
            del sheet["path"]
            sheet["scores"] = {k: v for k, v in sheet["scores"].items() if k not in out}
    assert from_yaml == from_xlsx, f"{name}: the workbooks give another result than the YAML sheets"


def main():
    binary, src = os.path.abspath(sys.argv[1]), sys.argv[2]
    work = tempfile.mkdtemp()
    try:
        shutil.copytree(os.path.join(src, "criteria"), os.path.join(work, "criteria"))
        for name in SAMPLES:
            check_sample(binary, src, work, name)
    finally:
        shutil.rmtree(work)
    print(f"{len(SAMPLES)} samples: workbooks and YAML sheets give the same result")


if __name__ == "__main__":
    main()
