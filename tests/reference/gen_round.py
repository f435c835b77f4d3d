#!/usr/bin/env python3
"""A random round generator for the differential test.

generate(seed, options) builds a round as a plain structure (see
reference.py); write_round(model, folder) writes the YAML files that
ccnscore reads (criteria.yaml, round.yaml, dossiers/, sheets/) and the
structure itself as model.json. The YAML is written here, by hand, so that
neither this generator nor the reference needs a YAML library.

The rounds aim at the places where a scorer goes wrong: band edges that hit
a fact exactly, decimals that binary floating point cannot hold (0.57 x 100,
2.675 to two places), thresholds equal to a rounded total, weights other
than 1, duplicated applicants whose judged scores are the same multiset in
another order (equal means, different members' own totals), recusals,
absent members, and every tie-break rule.
"""

import json
import os
import random
from fractions import Fraction

import reference

TRAPS = ["0.57", "0.1", "0.2", "0.3", "1.005", "2.675", "1.115", "0.285", "8.345", "4.35",
         "0.615", "0.7", "1.1", "2.5", "0.125", "33.33", "66.67", "0.045"]
NAMES = ["Công ty Cổ phần Đầu tư Hạ tầng Sông Đà", "Công ty TNHH Phát triển Công nghiệp Tân Lạc",
         "Công ty Cổ phần Xây dựng Hòa Bình Xanh", "Công ty TNHH Hạ tầng Kỹ thuật Lương Sơn",
         "Công ty Cổ phần Phát triển Cụm công nghiệp Kim Bôi", "Công ty TNHH Đầu tư Mai Châu"]
MEMBER_NAMES = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Em",
                "Đinh Thị Giang", "Bùi Văn Hải"]


def dec(value, places=6):
    """A Fraction (or int) as a plain decimal string; it must be exact at `places`."""
    value = Fraction(value)
    scaled = value * 10 ** places
    assert scaled.denominator == 1, value
    n = scaled.numerator
    sign = "-" if n < 0 else ""
    n = abs(n)
    whole, frac = divmod(n, 10 ** places)
    text = "%s%d" % (sign, whole)
    frac_text = ("%0*d" % (places, frac)).rstrip("0")
    if frac_text:
        text += "." + frac_text
    return text


class Gen:
    def __init__(self, seed, options):
        self.r = random.Random(seed)
        self.o = options

    def chance(self, p):
        return self.r.random() < p

    def pick(self, seq):
        return self.r.choice(seq)

    def decimal(self, lo, hi, places):
        """A random decimal string in [lo, hi] with at most `places` decimals."""
        scale = 10 ** places
        low, high = Fraction(lo) * scale, Fraction(hi) * scale
        n = self.r.randint(-((-low.numerator) // low.denominator), high.numerator // high.denominator)
        text = dec(Fraction(n, scale))
        if text.endswith(".000") or (text.count(".") == 1 and len(text.split(".")[1]) == 3
                                     and text.split(".")[1] == "000"):
            text = text[:-4]
        return text

    def points(self, maximum):
        """Points in [0, maximum], often a trap or the maximum itself."""
        m = Fraction(maximum)
        roll = self.r.random()
        if roll < 0.15:
            return dec(m)
        if roll < 0.3:
            trap = Fraction(self.pick(TRAPS))
            if trap <= m:
                return dec(trap)
        return dec(Fraction(self.r.randint(0, int(m * 100)), 100))


def number_text(g, value_range, places, allow_exponent):
    lo, hi = value_range
    roll = g.r.random()
    if roll < 0.2:
        t = g.pick(TRAPS)
        if lo <= Fraction(t) <= hi:
            return t
    if allow_exponent and roll < 0.25:
        mantissa = g.r.randint(1, 9)
        text = "%d.%de%d" % (mantissa, g.r.randint(0, 9), g.r.randint(0, 2))
        if lo <= Fraction(text) <= hi:
            return text
    text = g.decimal(lo, hi, places)
    return text


def gen_expr_number(g, nums, depth):
    """A number expression over the names in `nums` (name -> positive?)."""
    names = list(nums)
    roll = g.r.random()
    if depth <= 0 or roll < 0.3:
        if names and g.chance(0.75):
            return ["var", g.pick(names)]
        return ["num", g.pick(TRAPS + ["2", "100", "10", "3", "0.5"])]
    if roll < 0.55:
        return ["bin", g.pick("+-*"), gen_expr_number(g, nums, depth - 1), gen_expr_number(g, nums, depth - 1)]
    if roll < 0.65:
        positive = [n for n, p in nums.items() if p]
        divisor = ["var", g.pick(positive)] if positive and g.chance(0.7) else ["num", g.pick(["3", "7", "0.57", "100"])]
        return ["bin", "/", gen_expr_number(g, nums, depth - 1), divisor]
    if roll < 0.72:
        return ["neg", gen_expr_number(g, nums, depth - 1)]
    if roll < 0.8:
        return ["if", gen_expr_bool(g, nums, {}, {}, depth - 1),
                gen_expr_number(g, nums, depth - 1), gen_expr_number(g, nums, depth - 1)]
    if roll < 0.92:
        return [g.pick(["min", "max"]), [gen_expr_number(g, nums, depth - 1) for _ in range(g.r.randint(2, 3))]]
    return ["abs", gen_expr_number(g, nums, depth - 1)]


def gen_expr_bool(g, nums, bools, enums, depth):
    roll = g.r.random()
    if depth <= 0 or roll < 0.4:
        choice = g.r.random()
        if bools and choice < 0.35:
            return ["var", g.pick(list(bools))]
        if enums and choice < 0.55:
            e = g.pick(list(enums))
            return ["cmp", g.pick(["==", "!="]), ["var", e], ["str", g.pick(enums[e])]]
        if choice < 0.58:
            return ["bool", g.chance(0.5)]
        return ["cmp", g.pick(["<", "<=", ">", ">=", "==", "!="]),
                gen_expr_number(g, nums, 1), gen_expr_number(g, nums, 1)]
    if roll < 0.65:
        return [g.pick(["and", "or"]), gen_expr_bool(g, nums, bools, enums, depth - 1),
                gen_expr_bool(g, nums, bools, enums, depth - 1)]
    return ["not", gen_expr_bool(g, nums, bools, enums, depth - 1)]


PREC = {"or": 1, "and": 2, "not": 3, "cmp": 4, "+": 5, "-": 5, "*": 6, "/": 6, "neg": 7}


def render(expr):
    """Expression text with the fewest parentheses the grammar needs."""
    text, _ = render_prec(expr)
    return text


def wrap(expr, needed):
    text, prec = render_prec(expr)
    return text if prec >= needed else "(" + text + ")"


def render_prec(expr):
    op = expr[0]
    if op == "num":
        return (expr[1], 8) if not expr[1].startswith("-") else (expr[1], 7)
    if op == "bool":
        return ("true" if expr[1] else "false"), 8
    if op == "str":
        return '"' + expr[1] + '"', 8
    if op == "var":
        return expr[1], 8
    if op == "neg":
        return "-" + wrap(expr[1], 7), 7
    if op == "bin":
        p = PREC[expr[1]]
        return wrap(expr[2], p) + " " + expr[1] + " " + wrap(expr[3], p + 1), p
    if op == "cmp":
        return wrap(expr[2], 5) + " " + expr[1] + " " + wrap(expr[3], 5), 4
    if op in ("and", "or"):
        p = PREC[op]
        return wrap(expr[1], p) + " " + op + " " + wrap(expr[2], p + 1), p
    if op == "not":
        return "not " + wrap(expr[1], 3), 3
    if op == "if":
        return "if(%s, %s, %s)" % (render(expr[1]), render(expr[2]), render(expr[3])), 8
    if op in ("min", "max"):
        return "%s(%s)" % (op, ", ".join(render(a) for a in expr[1])), 8
    if op == "abs":
        return "abs(%s)" % render(expr[1]), 8
    raise ValueError(op)


def safe_id(g, prefix, taken):
    while True:
        candidate = prefix + str(g.r.randint(1, 12))
        if candidate not in taken:
            taken.add(candidate)
            return candidate


DATES = ["2023-05-10", "2023-05-10T00:00:00+07:00", "2023-05-09T17:00:00+00:00", "2023-05-10T09:30:00+07:00",
         "2023-05-10T02:30:00+00:00", "2023-05-11", "2023-05-09T23:59:59+07:00", "2024-01-01T08:00:00+09:00",
         "2023-12-31T23:00:00+00:00", "2023-05-10T09:30:00+08:00", "2023-05-10T02:30:00Z"]
# Date-times with a fraction of a second: only with --fractional-seconds, as
# the tool reads them today but drops the fraction when it compares them.
FRACTIONAL_DATES = ["2023-05-10T09:30:00.5+07:00", "2023-05-10T09:30:00.25+07:00", "2023-05-10T02:30:00.5+00:00"]


def generate(seed, options):
    g = Gen(seed, options)
    r = g.r
    dates_used = DATES + (FRACTIONAL_DATES if options.get("fractional_seconds") else [])

    # Fields.
    fields, ranges = {}, {}
    nums, bools, enums, dates = {}, {}, {}, []
    for i in range(r.randint(1, 4)):
        name = "n%d" % i
        lo = g.pick([0, 0, Fraction(1, 100), -50, 1])
        hi = g.pick([1, 10, 100, 1000])
        spec = {"type": "number"}
        if g.chance(0.6) or lo > 0:
            spec["min"] = dec(lo)
        fields[name] = spec
        ranges[name] = (Fraction(lo), Fraction(hi))
        nums[name] = lo > 0
    for i in range(r.randint(0, 2)):
        name = "k%d" % i
        lo = g.pick([0, 1, -5])
        fields[name] = {"type": "integer", "min": str(lo), "max": "40"}
        ranges[name] = (Fraction(lo), Fraction(40))
        nums[name] = lo > 0
    for i in range(r.randint(0, 2)):
        fields["b%d" % i] = {"type": "bool"}
        bools["b%d" % i] = True
    for i in range(r.randint(0, 2)):
        values = ["v%d" % j for j in range(r.randint(2, 4))]
        fields["e%d" % i] = {"type": "enum", "values": values, "labelled": bool(options.get("enum_labels")) and g.chance(0.3)}
        enums["e%d" % i] = values
    for i in range(r.randint(0, 2)):
        fields["d%d" % i] = {"type": "date", "required": g.chance(0.5)}
        dates.append("d%d" % i)
    if g.chance(0.3):
        fields["note"] = {"type": "text", "required": False}

    # Measures (each may use the earlier ones).
    measures = []
    num_names, bool_names = dict(nums), dict(bools)
    for i in range(r.randint(0, 3)):
        name = "m%d" % i
        if g.chance(0.75) and num_names:
            if g.chance(0.3):
                source = g.pick(list(num_names))
                expr = ["bin", "*", ["var", source], ["num", g.pick(["100", "0.57", "3", "1.005"])]]
            else:
                expr = gen_expr_number(g, num_names, 2)
            measures.append([name, expr])
            num_names[name] = False
        else:
            measures.append([name, gen_expr_bool(g, num_names, bool_names, enums, 2)])
            bool_names[name] = True

    # Applicants and facts.
    taken = set()
    applicants = []
    count = r.randint(2, 7)
    for i in range(count):
        aid = g.pick(["A", "B", "a", "A1", "X-"]) + str(i + 1 + g.pick([0, 0, 9]))
        while aid in taken:
            aid += "x"
        taken.add(aid)
        if applicants and g.chance(0.35):
            original = g.pick(applicants)
            facts = dict(original["facts"])
            applicant = {"id": aid, "facts": facts, "copy_of": original["id"],
                         "submitted_at": original["submitted_at"] if g.chance(0.5) else None}
        else:
            facts = {}
            for name, spec in fields.items():
                t = spec["type"]
                if t == "number":
                    facts[name] = number_text(g, ranges[name], g.pick([0, 1, 2, 3]), True)
                elif t == "integer":
                    value = r.randint(int(ranges[name][0]), 12)
                    # YAML 1.2: 010 is ten, not octal eight.
                    facts[name] = ("0" + str(value)) if value > 0 and g.chance(0.1) else str(value)
                elif t == "bool":
                    facts[name] = g.chance(0.6)
                elif t == "enum":
                    facts[name] = g.pick(spec["values"])
                elif t == "date":
                    if spec["required"] or g.chance(0.7):
                        facts[name] = g.pick(dates_used)
                elif t == "text":
                    if g.chance(0.5):
                        facts[name] = "Ghi chú " + str(i)
            applicant = {"id": aid, "facts": facts, "copy_of": None,
                         "submitted_at": g.pick(dates_used) if g.chance(0.8) else None}
        applicant["name"] = g.pick(NAMES)
        applicants.append(applicant)

    model = {"criteria": {"fields": fields, "measures": measures}, "applicants": applicants}
    envs = {}
    for a in applicants:
        envs[a["id"]] = reference.environment(model["criteria"], a)

    def values_of(name):
        return sorted({envs[a["id"]][name] for a in applicants})

    # Gates: thresholds at the applicants' own values, so some fail.
    gates = []
    for i in range(g.pick([0, 0, 1, 1, 2, 3])):
        roll = r.random()
        num_sources = list(num_names)
        if num_sources and roll < 0.6:
            source = g.pick(num_sources)
            op = g.pick([">=", ">", "<=", "!="])
            values = values_of(source)
            # Most applicants should pass: the threshold sits near the easy end.
            easy = values[:max(1, len(values) // 3)] if op in (">=", ">") else values[-max(1, len(values) // 3):]
            threshold = g.pick(easy if op != "!=" else values)
            if op == ">" and g.chance(0.7):
                op = ">="
            if op == "<" and g.chance(0.7):
                op = "<="
            try:
                threshold_text = dec(threshold)
            except AssertionError:
                threshold_text = dec(round(threshold))
            expr = ["cmp", op, ["var", source], ["num", threshold_text]]
        else:
            expr = gen_expr_bool(g, num_names, bool_names, enums, 2)
            if g.chance(0.5):
                expr = ["or", expr, gen_expr_bool(g, num_names, bool_names, enums, 1)]
        gates.append({"id": "G%d" % (i + 1), "expr": expr})
    model["criteria"]["gates"] = gates
    competition = [a["id"] for a in applicants
                   if all(reference.evaluate(gt["expr"], envs[a["id"]]) for gt in gates)]

    # Criteria.
    groups = []
    crit_ids = []
    any_judged = False
    for gi in range(r.randint(1, 3)):
        criteria = []
        for ci in range(r.randint(1, 4)):
            cid = "C%d%d" % (gi + 1, ci + 1)
            maximum = g.pick(["10", "15", "5", "7.5", "20", "100", "0.57", "3"])
            c = {"id": cid, "max": maximum, "weight": g.pick(["1", "1", "2", "0.5", "1.5", "0.57", "3", "0.1", "1.25", "0.3"])}
            kinds = ["judged", "judged", "per_unit", "relative"]
            if num_names:
                kinds.append("bands")
                kinds.append("bands")
            if enums:
                kinds.append("levels")
            if bool_names:
                kinds.append("flag")
            kind = g.pick(kinds)
            if kind == "relative" and not any(fields[n]["type"] == "number" and ranges[n][0] >= 0 for n in nums):
                kind = "judged"
            c["kind"] = kind
            if kind == "judged":
                any_judged = True
                step = g.pick([None, None, "0.5", "0.25", "1", "0.1", "0.05"])
                if step is not None and Fraction(step) > Fraction(maximum):
                    step = None
                c["step"] = step
            elif kind == "bands":
                source = g.pick(list(num_names))
                c["of"] = source
                c["bands"] = gen_bands(g, values_of(source), maximum)
            elif kind == "levels":
                source = g.pick(list(enums))
                c["of"] = source
                c["levels"] = {v: g.points(maximum) for v in enums[source]}
            elif kind == "flag":
                c["of"] = g.pick(list(bool_names))
                c["flag"] = g.points(maximum)
            elif kind == "per_unit":
                c["of"] = g.pick(list(num_names))
                c["per_unit"] = g.pick(["100", "0.5", "2", "0.57", "1", "0.1", "5", "0.003"])
            elif kind == "relative":
                c["relative"] = g.pick(["lower", "higher"])
                candidates = [n for n in nums if fields[n]["type"] == "number" and ranges[n][0] >= 0]
                if c["relative"] == "lower":
                    candidates = [n for n in candidates if ranges[n][0] > 0] or candidates
                source = c["of"] = g.pick(candidates)
                zero_allowed = ranges[source][0] == 0
                if c["relative"] == "lower":
                    for a in applicants:
                        if Fraction(a["facts"][source]) <= 0:
                            a["facts"][source] = g.pick(["0.57", "1", "3.5", "12"])
                        if zero_allowed and a["id"] not in competition and g.chance(0.2):
                            a["facts"][source] = "0"  # outside the competition: allowed
                elif zero_allowed and g.chance(0.15):
                    for a in applicants:
                        if a["id"] in competition:
                            a["facts"][source] = "0"
            criteria.append(c)
            crit_ids.append(cid)
        group = {"id": "g%d" % (gi + 1), "criteria": criteria, "min": None}
        groups.append(group)
    # Changing a relative source can change measures and gates: recompute.
    for a in applicants:
        envs[a["id"]] = reference.environment(model["criteria"], a)
    competition = [a["id"] for a in applicants
                   if all(reference.evaluate(gt["expr"], envs[a["id"]]) for gt in gates)]

    precision = r.randint(0, 6)
    if g.chance(0.3):
        precision = g.pick([0, 2])
    model["criteria"].update({"precision": precision, "rounding": g.pick(["total", "criterion"]),
                              "groups": groups, "pass": None, "tie_break": []})

    # Council and sheets.
    council = None
    sheets = []
    want_council = any_judged or g.chance(options.get("council_without_judged", 0.0))
    if want_council:
        n_members = r.randint(1, 7)
        roles = [g.pick(["member", "member", "vice_chair"]) for _ in range(n_members)]
        if g.chance(0.8):
            roles[r.randrange(n_members)] = "chair"
        members = [{"id": "M%d" % (i + 1), "name": MEMBER_NAMES[i], "role": roles[i]} for i in range(n_members)]
        quorum = g.pick(["2/3", "1/2", "0.5", "1", "3/5", None])
        q = Fraction(quorum) if quorum else Fraction(2, 3)
        need = -(-q * n_members // 1)
        present_count = r.randint(int(need), n_members)
        if g.chance(0.02):
            present_count = max(0, int(need) - 1)  # rarely: no quorum, the tool must refuse
        present = sorted(r.sample(range(n_members), present_count))
        council = {"quorum": quorum, "members": members,
                   "deviation_percent": g.pick([None, "10", "20", "25", "12.5", "5", "33.33"])}
        judged = [c for grp in groups for c in grp["criteria"] if c["kind"] == "judged"]
        recusal_rate = g.pick([0, 0, 0.1, 0.25])
        by_original = {}
        for i in present:
            mid = members[i]["id"]
            sheet = {"member": mid, "recused": [], "scores": {}, "comments": {}}
            for a in applicants:
                source = a["copy_of"]
                if source is not None and (source, mid) in by_original:
                    recused = by_original[(source, mid)]
                else:
                    recused = g.chance(recusal_rate)
                by_original[(a["id"], mid)] = recused
                if recused:
                    sheet["recused"].append(a["id"])
                    continue
                if a["id"] not in competition and g.chance(0.5):
                    continue
                if judged:
                    sheet["scores"][a["id"]] = {c["id"]: judged_score(g, c) for c in judged}
                    for c in judged:
                        if g.chance(0.15):
                            sheet["comments"].setdefault(a["id"], {})[c["id"]] = g.pick(["", "Phương án khả thi"])
            sheets.append(sheet)
        # A copy's judged scores are the original's, permuted among the same scorers.
        for a in applicants:
            if a["copy_of"] is None or not g.chance(0.8):
                continue
            for c in judged:
                holders = [s for s in sheets if a["copy_of"] in s["scores"] and a["id"] in s["scores"]]
                values = [s["scores"][a["copy_of"]][c["id"]] for s in holders]
                r.shuffle(values)
                for s, v in zip(holders, values):
                    s["scores"][a["id"]][c["id"]] = v
    model["round"] = {"council": council, "chair_proposal": None}
    model["sheets"] = sheets

    # Tie-break rules, each at most once, in a random order.
    rules = []
    if g.chance(0.5):
        rules.append({"group": g.pick(groups)["id"]})
    if g.chance(0.5):
        rules.append({"criterion": g.pick(crit_ids)})
    if g.chance(0.6):
        candidates = ["submitted_at"] + [n for n in fields if fields[n]["type"] in ("number", "integer", "date")]
        rules.append({"field": g.pick(candidates), "prefer": g.pick(["lower", "higher"])})
    if g.chance(0.5):
        rules.append({"members": "majority"})
    if g.chance(0.5):
        rules.append({"members": "chair"})
    r.shuffle(rules)
    if options.get("proposal") and g.chance(0.5):
        rules.append({"proposal": "chair"})
    model["criteria"]["tie_break"] = rules

    # Pass rules, with thresholds often equal to a rounded total or group points.
    try:
        provisional = reference.score_round(model)
    except reference.RoundError:
        provisional = None
    scored = [row for row in (provisional["applicants"] if provisional else []) if row["total"] is not None]
    pass_rule = {}
    scale = sum(Fraction(c["max"]) * Fraction(c["weight"]) for grp in groups for c in grp["criteria"])
    if g.chance(0.6):
        if scored and g.chance(0.6):
            pass_rule["total"] = dec(min(scale, g.pick(scored)["total"]))
        else:
            pass_rule["total"] = dec(round(scale * Fraction(r.randint(0, 80), 100), 2))
    if g.chance(0.4):
        pass_rule["group_percent"] = g.pick(["30", "50", "33.33", "60", "0"])
    model["criteria"]["pass"] = pass_rule or None
    for grp in groups:
        if g.chance(0.25) and scored:
            row = g.pick(scored)
            maximum = sum(Fraction(c["max"]) * Fraction(c["weight"]) for c in grp["criteria"])
            grp["min"] = dec(min(maximum, next(x["points"] for x in row["groups"] if x["id"] == grp["id"])))

    # The chair's proposal, when a tie for first remains.
    if rules and rules[-1].get("proposal") == "chair":
        try:
            provisional = reference.score_round(model)
            tied = [row["id"] for row in provisional["applicants"] if row["status"] == "tied_first"]
            if tied and g.chance(0.8):
                model["round"]["chair_proposal"] = {"selects": g.pick(tied), "reason": "Phương án khả thi hơn",
                                                    "date": g.pick([None, "2024-06-15"])}
        except reference.RoundError:
            pass
    if options.get("proposal") and model["round"]["chair_proposal"] is None and g.chance(0.08):
        # Rarely a proposal that may be out of place (no rule, no tie, not tied, unknown id):
        # the reference decides whether the tool must refuse it.
        model["round"]["chair_proposal"] = {"selects": g.pick([a["id"] for a in applicants] + ["Z99"]),
                                            "reason": "Đề xuất của Chủ tịch Hội đồng", "date": None}
    return model


def judged_score(g, c):
    maximum = Fraction(c["max"])
    if c["step"]:
        step = Fraction(c["step"])
        return dec(step * g.r.randint(0, int(maximum / step)))
    if g.chance(0.2):
        trap = Fraction(g.pick(TRAPS))
        if trap <= maximum:
            return dec(trap)
    return dec(Fraction(g.r.randint(0, int(maximum * 100)), 100))


def gen_bands(g, values, maximum):
    """Bands that cannot overlap, with edges often exactly at the values."""
    r = g.r
    cuts = set()
    for _ in range(r.randint(1, 4)):
        if values and g.chance(0.7):
            v = g.pick(values)
        else:
            v = Fraction(r.randint(-20, 200), g.pick([1, 10, 100]))
        try:
            dec(v)
        except AssertionError:
            v = Fraction(round(v * 1000), 1000)
        cuts.add(v)
    cuts = sorted(cuts)
    bands = []
    # Intervals (-inf, c0), (c0, c1), ..., (ck, +inf); each shared edge goes to one side.
    edges_low_inclusive = [g.chance(0.5) for _ in cuts]
    for i in range(len(cuts) + 1):
        if g.chance(0.2):
            continue  # a gap: no band holds there
        band = {}
        if i > 0:
            band["from" if edges_low_inclusive[i - 1] else "above"] = dec(cuts[i - 1])
        if i < len(cuts):
            band["below" if edges_low_inclusive[i] else "to"] = dec(cuts[i])
        if not band:
            continue
        band["points"] = g.points(maximum)
        bands.append(band)
    r.shuffle(bands)
    if g.chance(0.5) or not bands:
        bands.append({"points": g.points(maximum)})
    return bands


# --- writing the YAML files ------------------------------------------------

def q(text):
    return json.dumps(text, ensure_ascii=False)


def flow(mapping):
    return "{ " + ", ".join("%s: %s" % (k, v) for k, v in mapping.items()) + " }"


def write_round(model, folder):
    os.makedirs(os.path.join(folder, "dossiers"), exist_ok=True)
    os.makedirs(os.path.join(folder, "sheets"), exist_ok=True)
    crit = model["criteria"]
    out = ["format: ccnscore/criteria@1", "id: sinh-ngau-nhien", "title: %s" % q("Tiêu chí sinh ngẫu nhiên"),
           "precision: %d" % crit["precision"], "rounding: %s" % crit["rounding"]]
    if crit["pass"]:
        out.append("pass:")
        for k, v in crit["pass"].items():
            out.append("  %s: %s" % (k, v))
    out.append("fields:")
    for name, spec in crit["fields"].items():
        items = {"type": spec["type"]}
        for k in ("min", "max"):
            if k in spec:
                items[k] = spec[k]
        if spec["type"] == "enum":
            if spec.get("labelled"):
                items["values"] = flow({v: q("Mức " + v) for v in spec["values"]})
            else:
                items["values"] = "[" + ", ".join(spec["values"]) + "]"
        if "required" in spec:
            items["required"] = "true" if spec["required"] else "false"
        out.append("  %s: %s" % (name, flow(items)))
    if crit["measures"]:
        out.append("measures:")
        for name, expr in crit["measures"]:
            out.append("  %s: %s" % (name, q(render(expr))))
    if crit["gates"]:
        out.append("gates:")
        for gate in crit["gates"]:
            out.append("  - id: %s" % gate["id"])
            out.append("    name: %s" % q("Điều kiện " + gate["id"]))
            out.append("    require: %s" % q(render(gate["expr"])))
    out.append("groups:")
    for grp in crit["groups"]:
        out.append("  - id: %s" % grp["id"])
        out.append("    name: %s" % q("Nhóm " + grp["id"]))
        if grp["min"] is not None:
            out.append("    min: %s" % grp["min"])
        out.append("    criteria:")
        for c in grp["criteria"]:
            out.append("      - id: %s" % c["id"])
            out.append("        name: %s" % q("Tiêu chí " + c["id"]))
            out.append("        max: %s" % c["max"])
            if c["weight"] != "1" or g_chance_weight(c):
                out.append("        weight: %s" % c["weight"])
            kind = c["kind"]
            if kind != "judged":
                out.append("        of: %s" % c["of"])
            if kind == "judged":
                out.append("        judged: %s" % (flow({"step": c["step"]}) if c["step"] else "{}"))
            elif kind == "bands":
                out.append("        bands:")
                for band in c["bands"]:
                    out.append("          - %s" % flow(band))
            elif kind == "levels":
                out.append("        levels: %s" % flow(c["levels"]))
            elif kind == "flag":
                out.append("        flag: %s" % c["flag"])
            elif kind == "per_unit":
                out.append("        per_unit: %s" % c["per_unit"])
            elif kind == "relative":
                out.append("        relative: %s" % c["relative"])
    if crit["tie_break"]:
        out.append("tie_break:")
        for rule in crit["tie_break"]:
            out.append("  - %s" % flow(rule))
    write(folder, "criteria.yaml", out)

    rnd = model["round"]
    out = ["format: ccnscore/round@1", "id: vong-ngau-nhien", "title: %s" % q("Vòng sinh ngẫu nhiên"),
           "criteria: criteria.yaml", "dossiers:"]
    for a in model["applicants"]:
        out.append("  - dossiers/%s.yaml" % a["id"])
    if rnd["council"]:
        council = rnd["council"]
        out.append("council:")
        if council["quorum"] is not None:
            out.append("  quorum: %s" % (q(council["quorum"]) if "/" in council["quorum"] else council["quorum"]))
        if council["deviation_percent"] is not None:
            out.append("  deviation_percent: %s" % council["deviation_percent"])
        out.append("  members:")
        for m in council["members"]:
            out.append("    - { id: %s, name: %s, role: %s }" % (m["id"], q(m["name"]), m["role"]))
        if model["sheets"]:
            out.append("sheets:")
            for s in model["sheets"]:
                out.append("  - sheets/%s.yaml" % s["member"])
    if rnd["chair_proposal"]:
        p = rnd["chair_proposal"]
        out.append("chair_proposal:")
        out.append("  selects: %s" % p["selects"])
        out.append("  reason: %s" % q(p["reason"]))
        if p.get("date"):
            out.append("  date: %s" % p["date"])
    write(folder, "round.yaml", out)

    for a in model["applicants"]:
        out = ["format: ccnscore/dossier@1", "applicant:", "  id: %s" % a["id"], "  name: %s" % q(a["name"])]
        if a["submitted_at"]:
            out.append("  submitted_at: %s" % a["submitted_at"])
        out.append("facts:" if a["facts"] else "facts: {}")
        for name, value in a["facts"].items():
            if isinstance(value, bool):
                value = "true" if value else "false"
            elif crit["fields"][name]["type"] == "text":
                value = q(value)
            out.append("  %s: %s" % (name, value))
        write(folder, os.path.join("dossiers", a["id"] + ".yaml"), out)

    for s in model["sheets"]:
        out = ["format: ccnscore/sheet@1", "round: vong-ngau-nhien", "member: %s" % s["member"]]
        if s["recused"]:
            out.append("recused: [%s]" % ", ".join(s["recused"]))
        if s["scores"]:
            out.append("scores:")
            for aid, scores in s["scores"].items():
                out.append("  %s: %s" % (aid, flow(scores)))
        else:
            out.append("scores: {}")
        if s["comments"]:
            out.append("comments:")
            for aid, comments in s["comments"].items():
                out.append("  %s: %s" % (aid, flow({k: q(v) for k, v in comments.items()})))
        write(folder, os.path.join("sheets", s["member"] + ".yaml"), out)

    with open(os.path.join(folder, "model.json"), "w", encoding="utf-8") as f:
        json.dump(model, f, ensure_ascii=False, indent=1)


def g_chance_weight(c):
    return c["id"].endswith("1")  # sometimes write the default weight out


def write(folder, name, lines):
    with open(os.path.join(folder, name), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    import argparse
    parser = argparse.ArgumentParser(description="Write one random round.")
    parser.add_argument("seed", type=int)
    parser.add_argument("folder")
    parser.add_argument("--proposal", action="store_true", help="generate { proposal: chair } rounds (8.4)")
    parser.add_argument("--council-without-judged", type=float, default=0.0, metavar="RATE")
    parser.add_argument("--enum-labels", action="store_true")
    parser.add_argument("--fractional-seconds", action="store_true")
    args = parser.parse_args()
    write_round(generate(args.seed, {"proposal": args.proposal, "enum_labels": args.enum_labels,
                                     "fractional_seconds": args.fractional_seconds,
                                     "council_without_judged": args.council_without_judged}), args.folder)
