#!/usr/bin/env python3
"""Generate synthetic rounds for the benchmarks.

    gen_rounds.py OUTDIR [--rounds N] [--applicants A] [--criteria C] [--members M] [--seed S]

Writes OUTDIR/criteria.yaml (C criteria in 4 groups, a quarter of them
judged, the rest spread over bands, levels, flag, per_unit and relative)
and OUTDIR/round-NNNN/ with a round file, A dossiers and M sheets each.
"""
import argparse
import os
import random


def criteria_yaml(n_criteria):
    kinds = ["bands", "levels", "flag", "per_unit", "relative", "judged", "bands", "judged"]
    lines = ["format: ccnscore/criteria@1", "id: bench", "title: Tiêu chí thử tải", "precision: 2",
             "pass:", "  total: 30", "fields:"]
    crits = []
    for i in range(n_criteria):
        kind = kinds[i % len(kinds)]
        crits.append((f"K{i:02d}", kind))
        if kind in ("bands", "per_unit", "relative"):
            lines.append(f"  f{i}: {{ type: number, min: 0 }}")
        elif kind == "levels":
            lines.append(f"  f{i}: {{ type: enum, values: [a, b, c] }}")
        elif kind == "flag":
            lines.append(f"  f{i}: {{ type: bool }}")
    lines += ["  equity: { type: number, min: 0 }", "  investment: { type: number, min: 0 }",
              "measures:", '  ratio: "equity / investment * 100"',
              "gates:", '  - { id: G1, name: Vốn tối thiểu, require: "ratio >= 15" }', "groups:"]
    per_group = (n_criteria + 3) // 4
    for g in range(4):
        lines += [f"  - id: g{g}", f"    name: Nhóm {g}", "    criteria:"]
        for cid, kind in crits[g * per_group:(g + 1) * per_group]:
            i = int(cid[1:])
            head = f"      - {{ id: {cid}, name: Tiêu chí {i}, max: 10, "
            if kind == "bands":
                lines.append(head + f"of: f{i}, bands: [{{ from: 70, points: 10 }}, {{ from: 40, below: 70, points: 6 }}, {{ points: 2 }}] }}")
            elif kind == "levels":
                lines.append(head + f"of: f{i}, levels: {{ a: 10, b: 5, c: 0 }} }}")
            elif kind == "flag":
                lines.append(head + f"of: f{i}, flag: 10 }}")
            elif kind == "per_unit":
                lines.append(head + f"of: f{i}, per_unit: 2.5 }}")
            elif kind == "relative":
                lines.append(head + f"of: f{i}, relative: lower }}")
            else:
                lines.append(head + "judged: { step: 0.5 } }")
    lines += ["tie_break:", "  - group: g0", "  - members: majority", "  - members: chair"]
    return "\n".join(lines) + "\n", crits


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("outdir")
    ap.add_argument("--rounds", type=int, default=1)
    ap.add_argument("--applicants", type=int, default=12)
    ap.add_argument("--criteria", type=int, default=40)
    ap.add_argument("--members", type=int, default=11)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    rnd = random.Random(a.seed)
    os.makedirs(a.outdir, exist_ok=True)
    text, crits = criteria_yaml(a.criteria)
    with open(os.path.join(a.outdir, "criteria.yaml"), "w") as f:
        f.write(text)
    judged = [cid for cid, kind in crits if kind == "judged"]
    for r in range(a.rounds):
        rid = f"round-{r:04d}"
        d = os.path.join(a.outdir, rid)
        os.makedirs(os.path.join(d, "dossiers"), exist_ok=True)
        os.makedirs(os.path.join(d, "sheets"), exist_ok=True)
        apps = [f"A{i:02d}" for i in range(a.applicants)]
        # Members judge an applicant alike: around a common view, within a point.
        view = {(app, c): rnd.randint(4, 16) for app in apps for c in judged}
        for app in apps:
            facts = []
            for cid, kind in crits:
                i = int(cid[1:])
                if kind == "bands":
                    facts.append(f"  f{i}: {rnd.randint(0, 100)}.{rnd.randint(0, 99):02d}")
                elif kind == "levels":
                    facts.append(f"  f{i}: {rnd.choice('abc')}")
                elif kind == "flag":
                    facts.append(f"  f{i}: {rnd.choice(['true', 'false'])}")
                elif kind == "per_unit":
                    facts.append(f"  f{i}: {rnd.randint(0, 5)}")
                elif kind == "relative":
                    facts.append(f"  f{i}: {rnd.randint(300000, 600000)}")
            facts.append(f"  equity: {rnd.randint(40, 120)}000000000")
            facts.append("  investment: 300000000000")
            with open(os.path.join(d, "dossiers", f"{app}.yaml"), "w") as f:
                f.write(f"format: ccnscore/dossier@1\napplicant:\n  id: {app}\n  name: Công ty Cổ phần Thử tải {app}\n"
                        "facts:\n" + "\n".join(facts) + "\n")
        members = [f"M{i:02d}" for i in range(a.members)]
        for m in members:
            lines = [f"format: ccnscore/sheet@1", f"round: {rid}", f"member: {m}", "scores:"]
            for app in apps:
                lines.append(f"  {app}: {{ " + ", ".join(
                    f"{c}: {(view[(app, c)] + rnd.randint(-2, 2)) / 2:g}" for c in judged) + " }")
            with open(os.path.join(d, "sheets", f"{m}.yaml"), "w") as f:
                f.write("\n".join(lines) + "\n")
        lines = ["format: ccnscore/round@1", f"id: {rid}", f"title: Vòng thử tải {r}", "criteria: ../criteria.yaml",
                 "dossiers:"] + [f"  - dossiers/{app}.yaml" for app in apps]
        lines += ["council:", "  deviation_percent: 30", "  members:"]
        lines += [f"    - {{ id: {m}, name: Thành viên {m}, role: {'chair' if k == 0 else 'member'} }}"
                  for k, m in enumerate(members)]
        lines += ["sheets:"] + [f"  - sheets/{m}.yaml" for m in members]
        with open(os.path.join(d, "round.yaml"), "w") as f:
            f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
