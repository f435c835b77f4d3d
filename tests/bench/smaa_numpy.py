#!/usr/bin/env python3
"""A straightforward vectorised NumPy implementation of the same SMAA-2
sampling as `ccnscore sensitivity`, for comparison.

    smaa_numpy.py MATRIX SAMPLES

MATRIX: first line the weights, then one line of points per applicant.
Prints the median of 3 runs and the winner's first-rank acceptability.
"""
import sys
import time

import numpy as np


def smaa(weights, points, samples, spread=0.10, chunk=100_000, seed=1):
    rng = np.random.default_rng(seed)
    m, n = points.shape
    counts = np.zeros((m, m), dtype=np.int64)
    central = np.zeros((m, n))
    firsts = np.zeros(m, dtype=np.int64)
    done = 0
    while done < samples:
        k = min(chunk, samples - done)
        w = weights * (1.0 + spread * (2.0 * rng.random((k, n)) - 1.0))
        totals = w @ points.T                                   # (k, m)
        ranks = (totals[:, None, :] > totals[:, :, None]).sum(axis=2)  # (k, m)
        for a in range(m):
            counts[a] += np.bincount(ranks[:, a], minlength=m)
        first = np.argmin(ranks, axis=1)
        np.add.at(central, first, w)
        firsts += np.bincount(first, minlength=m)
        done += k
    return counts / samples, central / np.maximum(firsts, 1)[:, None]


def main():
    rows = [list(map(float, line.split())) for line in open(sys.argv[1]) if line.strip()]
    weights = np.array(rows[0])
    points = np.array(rows[1:])
    samples = int(sys.argv[2])
    times = []
    for _ in range(3):
        t0 = time.perf_counter()
        acc, _ = smaa(weights, points, samples)
        times.append(time.perf_counter() - t0)
    times.sort()
    print(f"numpy: median {times[1]:.3f} s (first-rank acceptability of the winner {acc[0][0]:.4f})")


if __name__ == "__main__":
    main()
