#!/usr/bin/env python3
"""Seed corpora for the fuzz targets, from the project's own files.

    make_seeds.py SOURCE_DIR OUT_DIR

Writes OUT_DIR/<target>/ for criteria, dossier, sheet, expr and rank.
"""
import glob
import os
import re
import sys

src, out = sys.argv[1], sys.argv[2]


def put(target, name, data):
    os.makedirs(os.path.join(out, target), exist_ok=True)
    with open(os.path.join(out, target, name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode())


def read(path):
    with open(path, "rb") as f:
        return f.read()


def seeds(target, patterns):
    for pattern in patterns:
        for i, path in enumerate(sorted(glob.glob(os.path.join(src, pattern)))):
            if os.path.isfile(path):
                put(target, re.sub(r"[^A-Za-z0-9.-]", "_", os.path.relpath(path, src)), read(path))


seeds("criteria", ["criteria/*.yaml", "samples/bad/criteria-*.yaml", "tests/hostile/*.yaml"])
seeds("dossier", ["samples/*/dossiers/*.yaml", "samples/bad/dossier-*.yaml", "samples/bad/*/dossiers/*.yaml"])
seeds("sheet", ["samples/*/sheets/*.yaml", "samples/*/round.yaml", "samples/bad/sheet-*.yaml",
                "samples/bad/*/round.yaml", "samples/bad/*/sheets/*.yaml"])
for i, e in enumerate(["equity / investment * 100", "if(area_ha >= 20, 15, 20)", "not land_violation",
                       'wastewater == "rieng" or legal_valid', "min(equity, 1, abs(-2)) - max(3, 4)",
                       "equity_ratio >= required_equity_ratio and not (projects_done < 1)",
                       "rent / (investment - investment)"]):
    put("expr", f"expr-{i}", e)

# Whole rounds: the round file is rewritten to name c.yaml, d0.yaml.. and s0.yaml..
for round_path in sorted(glob.glob(os.path.join(src, "samples/*/round.yaml"))):
    folder = os.path.dirname(round_path)
    text = read(round_path).decode()
    dossiers = re.findall(r"^  - (dossiers/\S+)$", text, re.M)
    sheets = re.findall(r"^  - (sheets/\S+)$", text, re.M)
    text = re.sub(r"^criteria: .*$", "criteria: c.yaml", text, flags=re.M)
    for i, d in enumerate(dossiers):
        text = text.replace(f"  - {d}\n", f"  - d{i}.yaml\n")
    for i, s in enumerate(sheets):
        text = text.replace(f"  - {s}\n", f"  - s{i}.yaml\n")
    parts = [text, read(os.path.join(src, "criteria/nd66-khung-quoc-gia.yaml")).decode()]
    parts += [read(os.path.join(folder, d)).decode() for d in dossiers]
    parts += [read(os.path.join(folder, s)).decode() for s in sheets]
    put("rank", os.path.basename(folder), "\n--8<--\n".join(parts))
