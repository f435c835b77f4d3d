#!/usr/bin/env python3
"""The figures of the performance table, each a ratio measured in one run.

    table.py BUILD_DIR [--runs N] [--batch-runs N] [--rounds N]

Called by table.sh, which builds BUILD_DIR first. Generates rounds of
12 applicants x 40 criteria x 11 members with gen_rounds.py, then times
whole processes: the two commands of a line in turn (A B A B ...) after one
warm-up run of each, the ratio taken pair by pair and its median quoted, so
that a drift of the machine's speed during the run cancels out. Time is wall
time; peak memory is the process's maximum resident set (getrusage).
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def run(cmd, before=None):
    """Wall seconds and peak resident KiB of one run of `cmd` (a list, or a
    function that gives the list for this run)."""
    if before:
        before()
    if callable(cmd):
        cmd = cmd()
    start = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(p.pid, 0)
    wall = time.perf_counter() - start
    p.returncode = os.waitstatus_to_exitcode(status)
    if p.returncode != 0:
        sys.exit(f"failed with status {p.returncode}: {' '.join(cmd)}")
    return wall, usage.ru_maxrss


def pair(a, b, runs, before_a=None, before_b=None):
    """Median of the A/B wall-time ratios of `runs` alternating pairs, with
    the medians of A and B and their peak memory."""
    run(a, before_a)
    run(b, before_b)
    ratios, wa, wb, ma, mb = [], [], [], [], []
    for _ in range(runs):
        ta, pa = run(a, before_a)
        tb, pb = run(b, before_b)
        ratios.append(ta / tb)
        wa.append(ta)
        wb.append(tb)
        ma.append(pa)
        mb.append(pb)
    return {"ratio": statistics.median(ratios), "min": min(ratios), "max": max(ratios),
            "a": statistics.median(wa), "b": statistics.median(wb), "peak_a": max(ma), "peak_b": max(mb)}


def read_from_disk(path):
    """Drops `path` from the page cache, so that it is read from the disk.

    A program the linker has just written stays in the page cache in the
    large blocks it was written in, and the kernel (6.x, ext4) maps a whole
    block where one page of it is read: its resident size then counts
    megabytes of the program's read-only data that it never touched (20 MiB
    instead of 11 for `rank`, the same binary copied or read again from the
    disk giving 11). Read from the disk, as an installed program is, it
    counts what it uses."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
        os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
    finally:
        os.close(fd)


# When this script last removed its files, and how long after that ext4
# without a journal keeps skipping the freed inodes (see the batch line).
REMOVED_STAMP = os.path.join(tempfile.gettempdir(), "ccnscore-bench-removed")
SETTLE_SECONDS = 60 + 300


def removed_now():
    """Notes that the files of this run were just removed."""
    with open(REMOVED_STAMP, "w", encoding="utf-8") as f:
        f.write(f"{time.time()}\n")


def settle_after_removal():
    """Waits until an earlier run's removal of its files no longer slows the
    creation of new ones (see the batch line)."""
    try:
        with open(REMOVED_STAMP, encoding="utf-8") as f:
            removed = float(f.read())
    except (OSError, ValueError):
        return
    left = removed + SETTLE_SECONDS - time.time()
    if left > 0:
        print(f"(waiting {left:.0f} s: an earlier run removed its files less than "
              f"{SETTLE_SECONDS} s ago, and ext4 without a journal skips freed inodes that long)", flush=True)
        time.sleep(left)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("build")
    ap.add_argument("--runs", type=int, default=7, help="pairs per line (default 7)")
    ap.add_argument("--batch-runs", type=int, default=3, help="pairs for the batch line (default 3)")
    ap.add_argument("--rounds", type=int, default=1000, help="rounds for the batch line (default 1000)")
    opt = ap.parse_args()
    bin_ = os.path.join(opt.build, "ccnscore")
    loadfile = os.path.join(opt.build, "tests", "bench", "bench_yaml_loadfile")
    for program in (bin_, loadfile):
        read_from_disk(program)
    data = tempfile.mkdtemp(prefix="ccnscore-bench-")
    try:
        subprocess.run([sys.executable, os.path.join(HERE, "gen_rounds.py"), os.path.join(data, "in"),
                        "--rounds", str(opt.rounds)], check=True)
        ids = [f"round-{r:04d}" for r in range(opt.rounds)]
        one = os.path.join(data, "in", ids[0])
        round_yaml = os.path.join(one, "round.yaml")
        files = ([os.path.join(data, "in", "criteria.yaml"), round_yaml]
                 + sorted(os.path.join(one, "dossiers", f) for f in os.listdir(os.path.join(one, "dossiers")))
                 + sorted(os.path.join(one, "sheets", f) for f in os.listdir(os.path.join(one, "sheets"))))
        rank = [bin_, "rank", round_yaml, "--format", "json"]
        rows = []

        def line(what, figure, target, r, unit="×"):
            rows.append((what, figure, target, r))
            print(f"{what}: {figure}", flush=True)

        r = pair(rank, [loadfile] + files, opt.runs)
        line(f"`rank --format json` ÷ `YAML::LoadFile` on the same {len(files)} files", f"{r['ratio']:.2f}×",
             "≤ 1.0×", r)
        peak_rank = r["peak_a"]
        r = pair([sys.executable, os.path.join(HERE, "py_rank.py"), round_yaml], rank, opt.runs)
        line("independent Python implementation (PyYAML + `fractions`) ÷ `rank --format json`",
             f"{r['ratio']:.1f}×", "≥ 20×", r)
        r = pair([bin_, "sensitivity", round_yaml], rank, opt.runs)
        line("`sensitivity` (default options) ÷ `rank`", f"{r['ratio']:.1f}× ({r['a']:.2f} s)", "≤ 6×", r)
        r = pair([bin_, "report", round_yaml], rank, opt.runs)
        line("`report` (with its robustness section) ÷ `rank`", f"{r['ratio']:.1f}× ({r['a']:.2f} s)", "≤ 8×", r)

        # Every batch run writes into a folder of its own, and none is
        # removed before the line is done. On ext4 without a journal (this
        # machine's disk), creating a file skips every free inode of its
        # group that was freed less than 60 s ago, or 360 s ago while its
        # block of the inode table is dirty (RECENTCY_MIN and RECENTCY_DIRTY
        # in fs/ext4/ialloc.c), reading each on the way: after the removal of
        # thousands of files, every file created costs system time in
        # proportion (perf: `recently_deleted`, `find_get_block_common`). A
        # run that follows the removal of another run's 3,000 files pays for
        # the benchmark's own clean-up, which no secretariat writing a new
        # folder pays; so does a table run that starts less than six minutes
        # after the previous one removed its folders, which is why the line
        # waits for that (settle_after_removal). The line needs about 2.5 GB
        # on the disk for 1,000 rounds. Each run starts once what the runs
        # before it wrote is on the disk (sync, not timed): else its fsyncs
        # wait behind the writing back of gigabytes that are not its own.
        outs = []

        def new_out():
            outs.append(os.path.join(data, f"out-{len(outs)}"))
            return outs[-1]

        def batch(jobs, folders):
            """The batch command, into a new output folder at each run."""
            return lambda: [bin_, "batch"] + folders + ["-o", new_out(), "--jobs", jobs]

        settle_after_removal()
        r = pair(batch("1", [os.path.join(data, "in")]), batch("2", [os.path.join(data, "in")]),
                 opt.batch_runs, os.sync, os.sync)
        line(f"`batch --jobs 2` ÷ `--jobs 1`, {opt.rounds} rounds with reports (speed-up)",
             f"{r['ratio']:.2f}× ({r['a']:.1f} s → {r['b']:.1f} s)", "≥ 1.7×", r)
        size = sum(os.path.getsize(os.path.join(outs[-1], i, "report.html")) for i in ids) / len(ids)
        print(f"mean report.html: {size / 1024:.0f} KiB", flush=True)
        peak_many = r["peak_b"]
        fifth = max(1, opt.rounds // 5)
        _, peak_few = run(batch("2", [os.path.join(data, "in", i) for i in ids[:fifth]]), os.sync)
        line("peak memory: one round (`rank`); `batch --jobs 2` over "
             f"{fifth} and {opt.rounds} rounds",
             f"{peak_rank / 1024:.1f} MiB; {peak_few / 1024:.1f} MiB and {peak_many / 1024:.1f} MiB",
             "< 20 MB, flat in rounds", None)
        for out in outs:
            shutil.rmtree(out, ignore_errors=True)
        removed_now()
        print()
        print("| what | measured | target |")
        print("|---|---|---|")
        for what, figure, target, _ in rows:
            print(f"| {what} | {figure} | {target} |")
        print()
        print("ratios: median of the pairs' ratios; min..max of the pairs:")
        for what, _, _, r in rows:
            if r:
                print(f"  {r['min']:.2f}..{r['max']:.2f}  {what}")
    finally:
        shutil.rmtree(data, ignore_errors=True)
        removed_now()


if __name__ == "__main__":
    main()
