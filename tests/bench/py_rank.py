#!/usr/bin/env python3
"""An independent Python implementation of `ccnscore rank ROUND --format json`,
the yardstick of tests/bench/table.sh: it reads the round's YAML files with
PyYAML (its C loader when there is one), numbers kept exact as `fractions`,
and scores them with tests/reference/reference.py.

    py_rank.py ROUND.yaml     (prints the ranking as JSON)

It reads what the benchmark's rounds use (formats-v1 sections 2 to 5: fields,
measures, gates, groups and every scoring kind, tie-break rules, council,
recusals, comments); it checks nothing, since it is timed, not trusted.
"""

import json
import os
import re
import sys
from fractions import Fraction

import yaml

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "reference"))
import reference  # noqa: E402

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class ExactLoader(Loader):
    """Numbers stay the text they were written as, for exact fractions."""


for tag in ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float"):
    ExactLoader.add_constructor(tag, lambda loader, node: loader.construct_scalar(node))
ExactLoader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))


def load(path):
    with open(path, encoding="utf-8") as f:
        return yaml.load(f, Loader=ExactLoader)


TOKEN = re.compile(r'\s*(?:(\d+(?:\.\d+)?)|("[^"]*")|([A-Za-z_][A-Za-z0-9_]*)|(<=|>=|==|!=|[-+*/<>(),]))')


def parse_expression(text):
    """An expression (formats-v1 2.2) as the tuples reference.py evaluates."""
    tokens = []
    pos = 0
    while pos < len(text.rstrip()):
        m = TOKEN.match(text, pos)
        number, string, name, op = m.groups()
        tokens.append(("num", number) if number else ("str", string[1:-1]) if string else
                      ("name", name) if name else ("op", op))
        pos = m.end()
    tokens.append(("end", None))
    at = [0]

    def peek(value=None):
        kind, v = tokens[at[0]]
        return v == value if value is not None else (kind, v)

    def take():
        at[0] += 1
        return tokens[at[0] - 1]

    def or_():
        left = and_()
        while peek("or"):
            take()
            left = ("or", left, and_())
        return left

    def and_():
        left = not_()
        while peek("and"):
            take()
            left = ("and", left, not_())
        return left

    def not_():
        if peek("not"):
            take()
            return ("not", not_())
        left = sum_()
        if peek()[1] in ("<", "<=", ">", ">=", "==", "!="):
            return ("cmp", take()[1], left, sum_())
        return left

    def sum_():
        left = prod()
        while peek()[1] in ("+", "-") and peek()[0] == "op":
            left = ("bin", take()[1], left, prod())
        return left

    def prod():
        left = unary()
        while peek()[1] in ("*", "/") and peek()[0] == "op":
            left = ("bin", take()[1], left, unary())
        return left

    def unary():
        if peek("-"):
            take()
            return ("neg", unary())
        return atom()

    def atom():
        kind, v = take()
        if kind in ("num", "str"):
            return (kind, v)
        if v == "(":
            inner = or_()
            take()
            return inner
        if v in ("true", "false"):
            return ("bool", v == "true")
        if v in ("if", "min", "max", "abs") and peek("("):
            take()
            args = [or_()]
            while peek(","):
                take()
                args.append(or_())
            take()
            if v == "if":
                return ("if", *args)
            return ("abs", args[0]) if v == "abs" else (v, args)
        return ("var", v)

    return or_()


def criterion_model(c):
    out = {"id": c["id"], "max": c["max"], "weight": c.get("weight", "1"), "of": c.get("of")}
    for kind in ("bands", "levels", "flag", "per_unit", "relative", "judged"):
        if kind in c:
            out["kind"] = kind
            out[kind] = c[kind]
    return out


def model_of(round_path):
    base = os.path.dirname(round_path)
    rnd = load(round_path)
    crit = load(os.path.join(base, rnd["criteria"]))
    passing = crit.get("pass") or {}
    criteria = {
        "precision": int(crit.get("precision", 2)),
        "rounding": crit.get("rounding", "total"),
        "pass": {k: str(v) for k, v in passing.items()},
        "fields": crit["fields"],
        "measures": [[k, parse_expression(v)] for k, v in (crit.get("measures") or {}).items()],
        "gates": [{"id": g["id"], "expr": parse_expression(g["require"])} for g in crit.get("gates") or []],
        "groups": [{"id": g["id"], "min": g.get("min"), "criteria": [criterion_model(c) for c in g["criteria"]]}
                   for g in crit["groups"]],
        "tie_break": crit.get("tie_break") or [],
    }
    council = rnd.get("council")
    applicants = []
    for path in rnd["dossiers"]:
        d = load(os.path.join(base, path))
        applicants.append({"id": d["applicant"]["id"], "submitted_at": d["applicant"].get("submitted_at"),
                           "facts": d["facts"]})
    sheets = []
    for path in rnd.get("sheets") or []:
        s = load(os.path.join(base, path))
        sheets.append({"member": s["member"], "recused": s.get("recused") or [], "scores": s.get("scores") or {},
                       "comments": s.get("comments") or {}})
    return {
        "criteria": criteria,
        "round": {"council": council and {"quorum": council.get("quorum"),
                                          "deviation_percent": council.get("deviation_percent"),
                                          "members": council["members"]},
                  "chair_proposal": rnd.get("chair_proposal")},
        "applicants": applicants,
        "sheets": sheets,
    }


def main():
    try:
        result = reference.score_round(model_of(sys.argv[1]))
    except reference.RoundError as e:
        print("error:", e, file=sys.stderr)
        return 1
    print(json.dumps(result, default=lambda v: reference.fraction_text(v) if isinstance(v, Fraction) else str(v),
                     ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
