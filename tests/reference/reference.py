#!/usr/bin/env python3
"""A second, deliberately simple implementation of scoring and ranking.

It follows formats-v1.md sections 6 and 8.4 line by line, with exact
fractions, and shares no code with src/. It never parses YAML: it reads the
round as the plain structure that gen_round.py builds (and saves next to the
YAML files as model.json), so a mistake in a YAML reader cannot hide here.

Usage: reference.py ROUND_FOLDER/model.json   (prints the expected result)

The structure (every number is a decimal string, read exactly):
  criteria: precision, rounding, pass {total, group_percent}, fields,
            measures [[id, expr]], gates [{id, expr}], groups
            [{id, min, criteria [{id, max, weight, kind, of, ...}]}],
            tie_break [{group|criterion|field+prefer|members|proposal}]
  round:    council {quorum, deviation_percent, members [{id, role}]} or null,
            chair_proposal {selects, reason} or null
  applicants [{id, submitted_at, facts}]
  sheets     [{member, recused, scores {app {crit value}}, comments}]
"""

import datetime
import json
import sys
from fractions import Fraction


class RoundError(Exception):
    """The round is one the tool must refuse (exit status 1, no ranking)."""


def num(text):
    return Fraction(str(text))


def round_half_away(value, precision):
    scale = 10 ** precision
    scaled = value * scale
    magnitude = abs(scaled)
    whole = magnitude.numerator // magnitude.denominator
    if magnitude - whole >= Fraction(1, 2):
        whole += 1
    return Fraction(whole if scaled >= 0 else -whole, scale)


def instant(text):
    """A date or date-time as seconds since the epoch; a date is 00:00 at +07:00."""
    if len(text) == 10:
        text = text + "T00:00:00+07:00"
    return datetime.datetime.fromisoformat(text).timestamp()


# --- expressions -----------------------------------------------------------

def evaluate(expr, env):
    op = expr[0]
    if op == "num":
        return num(expr[1])
    if op == "bool":
        return expr[1]
    if op == "str":
        return expr[1]
    if op == "var":
        return env[expr[1]]
    if op == "neg":
        return -evaluate(expr[1], env)
    if op == "bin":
        left, right = evaluate(expr[2], env), evaluate(expr[3], env)
        if expr[1] == "+":
            return left + right
        if expr[1] == "-":
            return left - right
        if expr[1] == "*":
            return left * right
        if right == 0:
            raise RoundError("division by zero")
        return left / right
    if op == "cmp":
        left, right = evaluate(expr[2], env), evaluate(expr[3], env)
        return {"<": left < right, "<=": left <= right, ">": left > right,
                ">=": left >= right, "==": left == right, "!=": left != right}[expr[1]]
    if op == "and":
        return evaluate(expr[1], env) and evaluate(expr[2], env)
    if op == "or":
        return evaluate(expr[1], env) or evaluate(expr[2], env)
    if op == "not":
        return not evaluate(expr[1], env)
    if op == "if":
        return evaluate(expr[2], env) if evaluate(expr[1], env) else evaluate(expr[3], env)
    if op == "min":
        return min(evaluate(a, env) for a in expr[1])
    if op == "max":
        return max(evaluate(a, env) for a in expr[1])
    if op == "abs":
        return abs(evaluate(expr[1], env))
    raise ValueError(op)


def environment(criteria, applicant):
    """Facts (numbers as fractions) and every measure, in definition order."""
    env = {}
    for field_id, field in criteria["fields"].items():
        if field_id not in applicant["facts"]:
            continue
        value = applicant["facts"][field_id]
        env[field_id] = num(value) if field["type"] in ("number", "integer") else value
    for measure_id, expr in criteria["measures"]:
        env[measure_id] = evaluate(expr, env)
    return env


# --- scoring ---------------------------------------------------------------

def band_holds(band, value):
    if "from" in band and not value >= num(band["from"]):
        return False
    if "above" in band and not value > num(band["above"]):
        return False
    if "to" in band and not value <= num(band["to"]):
        return False
    if "below" in band and not value < num(band["below"]):
        return False
    return True


def points_of(criterion, env, best):
    kind = criterion["kind"]
    value = env.get(criterion.get("of"))
    if kind == "bands":
        for band in criterion["bands"]:
            if band_holds(band, value):
                return num(band["points"])
        return Fraction(0)
    if kind == "levels":
        return num(criterion["levels"][value])
    if kind == "flag":
        return num(criterion["flag"]) if value else Fraction(0)
    if kind == "per_unit":
        if value < 0:
            return Fraction(0)
        return min(num(criterion["max"]), num(criterion["per_unit"]) * value)
    if kind == "relative":
        if best == 0:
            return Fraction(0)
        if criterion["relative"] == "lower":
            return num(criterion["max"]) * best / value
        return num(criterion["max"]) * value / best
    raise ValueError(kind)


def all_criteria(criteria):
    return [c for group in criteria["groups"] for c in group["criteria"]]


def totals(criteria, points):
    """(criterion -> rounded weighted points, group -> points, total) as in 6.4."""
    precision = criteria["precision"]
    weighted = {c["id"]: points[c["id"]] * num(c["weight"]) for c in all_criteria(criteria)}
    rounded = {cid: round_half_away(w, precision) for cid, w in weighted.items()}
    source = rounded if criteria["rounding"] == "criterion" else weighted
    groups = {}
    for group in criteria["groups"]:
        exact = sum((source[c["id"]] for c in group["criteria"]), Fraction(0))
        groups[group["id"]] = round_half_away(exact, precision)
    total = round_half_away(sum(source.values(), Fraction(0)), precision)
    return weighted, rounded, groups, total


def score_round(model):
    criteria, round_, applicants = model["criteria"], model["round"], model["applicants"]
    precision = criteria["precision"]
    crits = all_criteria(criteria)
    judged = [c for c in crits if c["kind"] == "judged"]
    council = round_["council"]
    members = council["members"] if council else []
    sheets = {s["member"]: s for s in model["sheets"]}
    present = [m["id"] for m in members if m["id"] in sheets]

    # 6.1 step 2: gates.
    envs, gates, competition = {}, {}, []
    for a in applicants:
        env = environment(criteria, a)
        envs[a["id"]] = env
        gates[a["id"]] = [(g["id"], bool(evaluate(g["expr"], env))) for g in criteria["gates"]]
        if all(passed for _, passed in gates[a["id"]]):
            competition.append(a["id"])

    # Step 3: quorum.
    if judged:
        quorum = num(council["quorum"] or "2/3")
        if not len(present) >= quorum * len(members):
            raise RoundError("no quorum")

    # Step 4: every criterion. 6.2: relative best over the competition.
    best = {}
    for c in crits:
        if c["kind"] != "relative":
            continue
        values = [envs[a][c["of"]] for a in competition]
        if c["relative"] == "lower":
            if any(v <= 0 for v in values):
                raise RoundError("relative lower: a value <= 0")
            best[c["id"]] = min(values) if values else None
        else:
            if any(v < 0 for v in values):
                raise RoundError("relative higher: a negative value")
            best[c["id"]] = max(values) if values else None

    def scorers(applicant_id):
        return [m for m in present if applicant_id not in sheets[m].get("recused", [])]

    points, own_points, warnings = {}, {}, []
    deviation = num(council["deviation_percent"]) if council and council.get("deviation_percent") is not None else None
    for a in competition:
        p = {}
        for c in crits:
            if c["kind"] != "judged":
                p[c["id"]] = points_of(c, envs[a], best.get(c["id"]))
        own = {m: dict(p) for m in scorers(a)}
        for c in judged:
            who = scorers(a)
            if not who:
                raise RoundError("no scorer left for " + a)
            scores = {m: num(sheets[m]["scores"][a][c["id"]]) for m in who}
            mean = sum(scores.values(), Fraction(0)) / len(scores)
            p[c["id"]] = mean
            for m in who:
                own[m][c["id"]] = scores[m]
                if deviation is not None and abs(scores[m] - mean) * 100 > deviation * num(c["max"]):
                    comment = sheets[m].get("comments", {}).get(a, {}).get(c["id"], "")
                    warnings.append({"member": m, "applicant": a, "criterion": c["id"],
                                     "score": scores[m], "mean": mean, "explained": comment != ""})
        points[a] = p
        own_points[a] = own

    # Step 5: sums, rounding, pass rules.
    result = {}
    pass_rule = criteria.get("pass") or {}
    pass_total = num(pass_rule.get("total", "0"))
    group_percent = num(pass_rule.get("group_percent", "0"))
    for a in competition:
        weighted, rounded, groups, total = totals(criteria, points[a])
        group_rows = []
        for group in criteria["groups"]:
            maximum = sum((num(c["max"]) * num(c["weight"]) for c in group["criteria"]), Fraction(0))
            minimum = num(group["min"]) if group.get("min") is not None else group_percent * maximum / 100
            group_rows.append({"id": group["id"], "points": groups[group["id"]], "min": minimum,
                               "passed": groups[group["id"]] >= minimum})
        qualified = total >= pass_total and all(g["passed"] for g in group_rows)
        own_totals = {m: totals(criteria, own_points[a][m])[3] for m in own_points[a]}
        result[a] = {"total": total, "total_exact": sum(weighted.values(), Fraction(0)),
                     "groups": group_rows, "qualified": qualified,
                     "criteria": [{"id": c["id"], "points": rounded[c["id"]], "exact": weighted[c["id"]]}
                                  for c in crits],
                     "own": own_totals, "rounded": rounded, "group_points": groups}

    # 6.6 and 6.7: ranking.
    chair = next((m["id"] for m in members if m["role"] == "chair"), None)
    facts_by_id = {a["id"]: a for a in applicants}

    def rule_key(rule, subset):
        """A sort key per applicant: a bigger key is better."""
        if "group" in rule:
            return {a: result[a]["group_points"][rule["group"]] for a in subset}
        if "criterion" in rule:
            return {a: result[a]["rounded"][rule["criterion"]] for a in subset}
        if "field" in rule:
            keys = {}
            for a in subset:
                if rule["field"] == "submitted_at":
                    raw = facts_by_id[a].get("submitted_at")
                else:
                    raw = facts_by_id[a]["facts"].get(rule["field"])
                if raw is None:
                    keys[a] = (0, 0)
                    continue
                kind = "date" if rule["field"] == "submitted_at" else criteria["fields"][rule["field"]]["type"]
                value = instant(raw) if kind == "date" else num(raw)
                keys[a] = (1, -value if rule["prefer"] == "lower" else value)
            return keys
        if rule.get("members") == "majority":
            voters = [m for m in present if all(m in result[a]["own"] for a in subset)]
            counts = {a: 0 for a in subset}
            for m in voters:
                for a in subset:
                    if all(result[a]["own"][m] > result[b]["own"][m] for b in subset if b != a):
                        counts[a] += 1
            return counts
        if rule.get("members") == "chair":
            if chair is None or not all(chair in result[a]["own"] for a in subset):
                return {a: 0 for a in subset}
            return {a: result[a]["own"][chair] for a in subset}
        return {a: 0 for a in subset}  # proposal: chair decides nothing on its own

    def order(subset, rules):
        """A list of tied sets, best first."""
        if len(subset) == 1 or not rules:
            return [sorted(subset)]
        keys = rule_key(rules[0], subset)
        out = []
        for value in sorted(set(keys.values()), reverse=True):
            out.extend(order([a for a in subset if keys[a] == value], rules[1:]))
        return out

    qualified = [a for a in competition if result[a]["qualified"]]
    tied_sets = []
    for total in sorted({result[a]["total"] for a in qualified}, reverse=True):
        tied_sets.extend(order([a for a in qualified if result[a]["total"] == total], criteria["tie_break"]))

    proposal = round_.get("chair_proposal")
    has_rule = bool(criteria["tie_break"]) and criteria["tie_break"][-1].get("proposal") == "chair"
    if proposal is not None:
        if not has_rule:
            raise RoundError("chair_proposal without the rule")
        if proposal["selects"] not in facts_by_id:
            raise RoundError("chair_proposal selects no applicant")
        if not tied_sets or len(tied_sets[0]) < 2:
            raise RoundError("chair_proposal but no tie for first")
        if proposal["selects"] not in tied_sets[0]:
            raise RoundError("chair_proposal selects one not tied for first")
        rest = [a for a in tied_sets[0] if a != proposal["selects"]]
        tied_sets = [[proposal["selects"]], rest] + tied_sets[1:]

    listing, position = [], 1
    for tied in tied_sets:
        for a in tied:
            if position == 1:
                status = "selected" if len(tied) == 1 else "tied_first"
            else:
                status = "qualified"
            listing.append(dict(id=a, rank=position, status=status, tied=len(tied) > 1, **result[a]))
        position += len(tied)
    not_qualified = sorted((a for a in competition if not result[a]["qualified"]),
                           key=lambda a: (-result[a]["total"], a))
    for a in not_qualified:
        listing.append(dict(id=a, rank=None, status="not_qualified", tied=False, **result[a]))
    for a in sorted(a["id"] for a in applicants if a["id"] not in competition):
        listing.append({"id": a, "rank": None, "status": "disqualified", "tied": False, "total": None,
                        "total_exact": None, "groups": [], "criteria": []})
    for row in listing:
        row["gates"] = gates[row["id"]]
        for key in ("qualified", "own", "rounded", "group_points"):
            row.pop(key, None)
    return {"applicants": listing, "warnings": warnings,
            "chair_proposal": proposal["selects"] if proposal else None}


def fraction_text(value):
    return str(value.numerator) if value.denominator == 1 else "%d/%d" % (value.numerator, value.denominator)


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        model = json.load(f)
    try:
        expected = score_round(model)
    except RoundError as e:
        print("error:", e)
        return 1
    print(json.dumps(expected, default=lambda v: fraction_text(v) if isinstance(v, Fraction) else str(v),
                     ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
