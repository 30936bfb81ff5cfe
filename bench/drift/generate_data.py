#!/usr/bin/env python3
"""Generate the DriftWatch drift benchmark workload.

Writes bench/drift/data/reference.csv and bench/drift/data/current.csv
(or --out-dir): ROWS rows each, 20 numeric features num_0..num_19 and
5 categorical features cat_0..cat_4 with string levels L0..L9.

Drift planted in current.csv (and only there):
  * num_0..num_4  : mean shifted by +0.3 standard deviations
  * cat_0, cat_1  : level frequencies changed
Everything else is drawn from the same distribution in both files.

A small fraction of cells (default 0.1 %) is left empty so CSV parsers have
to handle missing values. Seeded, so the files are byte-identical between runs.
"""
from __future__ import annotations

import argparse
import json
import os
import sys

import numpy as np

N_NUMERIC = 20
N_CATEGORICAL = 5
N_LEVELS = 10
SHIFTED_NUMERIC = [f"num_{i}" for i in range(5)]
SHIFTED_CATEGORICAL = ["cat_0", "cat_1"]
SHIFT_STD = 0.3


def numeric_params(rng: np.random.Generator):
    """Per-column (kind, loc, scale) so columns are not all identical N(0,1)."""
    params = []
    for i in range(N_NUMERIC):
        kind = ["normal", "lognormal", "gamma", "uniform"][i % 4] if i >= 5 else "normal"
        loc = float(rng.uniform(-50, 50))
        scale = float(rng.uniform(0.5, 20))
        params.append((kind, loc, scale))
    return params


def draw_numeric(rng, kind, loc, scale, n):
    if kind == "normal":
        x = rng.standard_normal(n)
        std = 1.0
    elif kind == "lognormal":
        x = rng.lognormal(0.0, 0.5, n)
        std = float(np.sqrt((np.exp(0.25) - 1) * np.exp(0.25)))
    elif kind == "gamma":
        x = rng.gamma(2.0, 1.0, n)
        std = float(np.sqrt(2.0))
    else:  # uniform
        x = rng.uniform(0.0, 1.0, n)
        std = float(np.sqrt(1 / 12))
    return loc + scale * x, scale * std


def level_probs(rng: np.random.Generator):
    p = rng.dirichlet(np.full(N_LEVELS, 5.0))
    return p


def shifted_probs(p: np.ndarray) -> np.ndarray:
    # Move mass from the most frequent half to the least frequent half:
    # swap the probabilities of the 3 most and 3 least common levels.
    q = p.copy()
    order = np.argsort(p)
    lo, hi = order[:3], order[-3:][::-1]
    q[lo], q[hi] = p[hi], p[lo]
    return q / q.sum()


def make_frame(rng, n, num_params, cat_probs, current: bool, missing_rate: float):
    cols: dict[str, np.ndarray] = {}
    for i, (kind, loc, scale) in enumerate(num_params):
        name = f"num_{i}"
        x, std = draw_numeric(rng, kind, loc, scale, n)
        if current and name in SHIFTED_NUMERIC:
            x = x + SHIFT_STD * std
        cols[name] = x
    levels = np.array([f"L{k}" for k in range(N_LEVELS)])
    for j, p in enumerate(cat_probs):
        name = f"cat_{j}"
        if current and name in SHIFTED_CATEGORICAL:
            p = shifted_probs(p)
        cols[name] = levels[rng.choice(N_LEVELS, size=n, p=p)]
    missing = {name: rng.random(n) < missing_rate for name in cols}
    return cols, missing


def write_csv(path: str, cols, missing, n: int, chunk: int = 20000):
    names = list(cols)
    tmp = path + ".tmp"
    with open(tmp, "w", newline="\n") as f:
        f.write(",".join(names) + "\n")
        for start in range(0, n, chunk):
            stop = min(n, start + chunk)
            parts = []
            for name in names:
                v = cols[name][start:stop]
                if v.dtype.kind == "f":
                    s = np.char.mod("%.6g", v)
                else:
                    s = v.astype(str)
                s = s.astype(object)
                s[missing[name][start:stop]] = ""
                parts.append(s)
            rows = zip(*parts)
            f.write("".join(",".join(r) + "\n" for r in rows))
    os.replace(tmp, path)


def main(argv=None) -> int:
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rows", type=int, default=100_000, help="rows per file (default 100000)")
    ap.add_argument("--seed", type=int, default=20240601)
    ap.add_argument("--missing-rate", type=float, default=0.001, help="fraction of empty cells (default 0.001)")
    ap.add_argument("--out-dir", default=os.path.join(here, "data"))
    args = ap.parse_args(argv)

    os.makedirs(args.out_dir, exist_ok=True)
    rng = np.random.default_rng(args.seed)
    num_params = numeric_params(rng)
    cat_probs = [level_probs(rng) for _ in range(N_CATEGORICAL)]

    for label, current in (("reference", False), ("current", True)):
        cols, missing = make_frame(rng, args.rows, num_params, cat_probs, current, args.missing_rate)
        write_csv(os.path.join(args.out_dir, f"{label}.csv"), cols, missing, args.rows)

    meta = {
        "rows": args.rows,
        "seed": args.seed,
        "missing_rate": args.missing_rate,
        "numeric": [f"num_{i}" for i in range(N_NUMERIC)],
        "categorical": [f"cat_{j}" for j in range(N_CATEGORICAL)],
        "shifted_numeric": SHIFTED_NUMERIC,
        "shifted_categorical": SHIFTED_CATEGORICAL,
        "shift_std": SHIFT_STD,
        "numeric_kinds": [k for k, _, _ in num_params],
    }
    with open(os.path.join(args.out_dir, "meta.json"), "w") as f:
        json.dump(meta, f, indent=2)
    print(f"wrote {args.out_dir}/reference.csv and current.csv ({args.rows} rows each)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
