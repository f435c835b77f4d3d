#!/usr/bin/env python3
"""Differential test: ccnscore rank --format json against reference.py.

For every seed, gen_round.py writes a random round, the tool ranks it, and
the result is compared with the reference's: listing order, rank, status,
tied, total, total_exact, group points/min/passed, criterion points/exact,
gates, the deviation warnings and the chair's proposal. A round that the
reference refuses (no quorum, a relative value out of range, no scorer
left) must make the tool exit with status 1 and write nothing.

Numbers in the JSON are read with decimal.Decimal and compared exactly
with the reference's fractions: the tool writes exact decimal text.

  differential.py CCNSCORE [--seeds N] [--first S] [--jobs J] [--keep DIR]
                  [--proposal] [--council-without-judged RATE] [--enum-labels]
                  [--fractional-seconds]
                  [--mutate SEED]

Exit status 0 when every seed agrees, 1 otherwise; each difference is
printed with its seed and the command that reproduces it.
"""

import argparse
import decimal
import json
import multiprocessing
import os
import shutil
import subprocess
import sys
import tempfile
from fractions import Fraction

sys.dont_write_bytecode = True  # leave no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_round  # noqa: E402
import reference  # noqa: E402


def as_fraction(value):
    if value is None:
        return None
    if isinstance(value, decimal.Decimal):
        return Fraction(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return Fraction(value)
    if isinstance(value, str):
        return Fraction(value)
    raise TypeError("not a number: %r" % (value,))


def compare(expected, actual):
    """A list of differences between the reference's result and the tool's JSON."""
    diffs = []

    def check(where, want, got):
        if want != got:
            diffs.append("%s: reference %s, tool %s" % (where, show(want), show(got)))

    rows = actual.get("applicants", [])
    check("listing order", [a["id"] for a in expected["applicants"]], [a.get("id") for a in rows])
    by_id = {a.get("id"): a for a in rows}
    for want in expected["applicants"]:
        got = by_id.get(want["id"])
        if got is None:
            continue
        where = "applicant " + want["id"]
        check(where + " rank", want["rank"], got.get("rank"))
        check(where + " status", want["status"], got.get("status"))
        check(where + " tied", want["tied"], got.get("tied"))
        try:
            check(where + " total", want["total"], as_fraction(got.get("total")))
            check(where + " total_exact", want["total_exact"], as_fraction(got.get("total_exact")))
            got_groups = [(g.get("id"), as_fraction(g.get("points")), as_fraction(g.get("min_exact", g.get("min"))),
                           g.get("passed")) for g in got.get("groups", [])]
            want_groups = [(g["id"], g["points"], g["min"], g["passed"]) for g in want["groups"]]
            check(where + " groups (id, points, min, passed)", want_groups, got_groups)
            got_crit = [(c.get("id"), as_fraction(c.get("points")), as_fraction(c.get("exact")))
                        for c in got.get("criteria", [])]
            want_crit = [(c["id"], c["points"], c["exact"]) for c in want["criteria"]]
            check(where + " criteria (id, points, exact)", want_crit, got_crit)
        except (TypeError, ValueError, ZeroDivisionError) as e:
            diffs.append(where + ": unreadable number: " + str(e))
        check(where + " gates", [list(g) for g in want["gates"]],
              [[g.get("id"), g.get("passed")] for g in got.get("gates", [])])
    want_warnings = sorted((w["member"], w["applicant"], w["criterion"], w["score"], w["mean"], w["explained"])
                           for w in expected["warnings"])
    try:
        got_warnings = sorted((w.get("member"), w.get("applicant"), w.get("criterion"), as_fraction(w.get("score")),
                               as_fraction(w.get("mean_exact", w.get("mean"))), w.get("explained"))
                              for w in actual.get("warnings", []) if w.get("kind") == "deviation")
        check("deviation warnings (member, applicant, criterion, score, mean, explained)",
              want_warnings, got_warnings)
    except (TypeError, ValueError) as e:
        diffs.append("warnings: unreadable number: " + str(e))
    got_proposal = actual.get("chair_proposal")
    check("chair_proposal.selects", expected["chair_proposal"],
          got_proposal.get("selects") if isinstance(got_proposal, dict) else got_proposal)
    return diffs


def show(value):
    if isinstance(value, Fraction):
        return reference.fraction_text(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(show(v) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value


def run_seed(job):
    seed, args = job
    options = {"proposal": args.proposal, "council_without_judged": args.council_without_judged,
               "enum_labels": args.enum_labels, "fractional_seconds": args.fractional_seconds}
    folder = tempfile.mkdtemp(prefix="ccnscore-diff-%d-" % seed)
    keep = False
    try:
        model = gen_round.generate(seed, options)
        gen_round.write_round(model, folder)
        try:
            expected, refused = reference.score_round(model), None
        except reference.RoundError as e:
            expected, refused = None, str(e)
        try:
            proc = subprocess.run([args.ccnscore, "rank", os.path.join(folder, "round.yaml"), "--format", "json"],
                                  capture_output=True, timeout=60)
        except subprocess.TimeoutExpired:
            proc = None
        if proc is None:
            diffs = ["the tool did not finish within 60 s"]
        elif refused is not None:
            diffs = [] if proc.returncode == 1 and not proc.stdout else [
                "the reference refuses the round (%s); the tool exited %d:\n%s" %
                (refused, proc.returncode, proc.stderr.decode(errors="replace").strip()[:2000])]
        elif proc.returncode != 0:
            diffs = ["the tool exited %d:\n%s" % (proc.returncode, proc.stderr.decode(errors="replace").strip()[:2000])]
        else:
            stdout = proc.stdout
            if args.mutate is not None and seed == args.mutate:
                stdout = mutate(stdout)
            try:
                actual = json.loads(stdout, parse_float=decimal.Decimal)
                diffs = compare(expected, actual)
            except ValueError as e:
                diffs = ["the tool's output is not JSON: %s" % e]
        if diffs and args.keep:
            target = os.path.join(args.keep, "seed-%d" % seed)
            shutil.rmtree(target, ignore_errors=True)
            shutil.copytree(folder, target)
            keep = True
        return seed, diffs, refused is not None
    finally:
        if not keep:
            shutil.rmtree(folder, ignore_errors=True)


def mutate(stdout):
    """A deliberately wrong result, to show that a difference is caught."""
    data = json.loads(stdout, parse_float=decimal.Decimal)
    for row in data["applicants"]:
        if row.get("total") is not None:
            row["total"] = row["total"] + decimal.Decimal("0.01")
            break
    else:
        data["applicants"][0]["gates"].append({"id": "G0", "passed": False})
    return json.dumps(data, default=str).encode()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("ccnscore")
    parser.add_argument("--seeds", type=int, default=300)
    parser.add_argument("--first", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--keep", metavar="DIR", help="copy every round that differs into DIR/seed-N")
    parser.add_argument("--proposal", action="store_true", help="also generate { proposal: chair } (section 8.4)")
    parser.add_argument("--council-without-judged", type=float, default=0.0, metavar="RATE",
                        help="share of rounds without a judged criterion that still get a council")
    parser.add_argument("--enum-labels", action="store_true", help="write some enum values as a map (section 8.3)")
    parser.add_argument("--fractional-seconds", action="store_true",
                        help="date-times with a fraction of a second, such as 09:30:00.5+07:00")
    parser.add_argument("--mutate", type=int, metavar="SEED", help="falsify the tool's output for this seed")
    args = parser.parse_args()

    seeds = range(args.first, args.first + args.seeds)
    failed, refused = [], 0
    with multiprocessing.Pool(args.jobs) as pool:
        for seed, diffs, was_refused in pool.imap_unordered(run_seed, [(s, args) for s in seeds]):
            refused += was_refused
            if diffs:
                failed.append(seed)
                print("seed %d differs (reproduce: %s %s --first %d --seeds 1 --keep /tmp/diff):" %
                      (seed, sys.argv[0], args.ccnscore, seed))
                for d in diffs:
                    print("  " + d)
    print("%d seeds (%d..%d), %d refused by both as invalid, %d with a difference%s" %
          (len(seeds), seeds[0], seeds[-1], refused, len(failed),
           (": " + " ".join(map(str, sorted(failed)))) if failed else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
