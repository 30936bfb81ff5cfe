#!/usr/bin/env python3
"""One Python peer of the DriftWatch drift benchmark, run as its own process.

    python peers.py scipy     --reference R.csv --current C.csv --categorical a,b --out result.json
    python peers.py evidently --reference R.csv --current C.csv --categorical a,b --out result.json
    python peers.py nannyml   --reference R.csv --current C.csv --categorical a,b --out result.json

The harness (run.py) times the whole process from the outside; this script
additionally records its own phases so the report can say where the time goes:

    import_s   importing the libraries (pandas, scipy / evidently / nannyml)
    read_s     pandas.read_csv of both files
    compute_s  the drift computation on the two in-memory DataFrames
               (for scipy: the 20 KS + 5 chi-square tests alone)

and writes the per-column verdicts ({"column": drifted?}) to --out as JSON.
Columns not listed in --categorical are numeric.
"""
from __future__ import annotations

import time

_T0 = time.perf_counter()

import argparse  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import platform  # noqa: E402
import sys  # noqa: E402
import warnings  # noqa: E402

ALPHA = 0.05  # significance level of the plain scipy baseline (same as DriftWatch's ks/chisquare)
NANNYML_JS_THRESHOLD = 0.1  # see run_nannyml


def _versions(*modules) -> dict:
    out = {"python": platform.python_version()}
    for m in modules:
        out[m.__name__] = getattr(m, "__version__", "?")
    return out


# --------------------------------------------------------------------------- scipy
def run_scipy(args, categorical):
    import numpy as np
    import pandas as pd
    import scipy
    from scipy import stats

    t_imported = time.perf_counter()
    ref = pd.read_csv(args.reference)
    cur = pd.read_csv(args.current)
    t_read = time.perf_counter()

    columns = list(ref.columns)
    verdicts, stats_out = {}, {}
    for col in columns:
        if col in categorical:
            r = ref[col].dropna().value_counts()
            c = cur[col].dropna().value_counts()
            levels = r.index.union(c.index)
            table = np.vstack([r.reindex(levels, fill_value=0).to_numpy(),
                               c.reindex(levels, fill_value=0).to_numpy()])
            chi2, p, _dof, _exp = stats.chi2_contingency(table)
            stats_out[col] = {"method": "chi2_contingency", "statistic": float(chi2), "p_value": float(p)}
        else:
            res = stats.ks_2samp(ref[col].dropna().to_numpy(), cur[col].dropna().to_numpy())
            p = res.pvalue
            stats_out[col] = {"method": "ks_2samp", "statistic": float(res.statistic), "p_value": float(p)}
        verdicts[col] = bool(p < ALPHA)
    t_done = time.perf_counter()
    return {
        "versions": _versions(pd, np, scipy),
        "read_s": t_read - t_imported,
        "compute_s": t_done - t_read,
        "import_s": t_imported - _T0,
        "drifted": verdicts,
        "details": stats_out,
        "config": f"ks_2samp (numeric) + chi2_contingency (categorical), alpha={ALPHA}",
    }


# ----------------------------------------------------------------------- evidently
def run_evidently(args, categorical):
    import pandas as pd
    import evidently
    from evidently import DataDefinition, Dataset, Report
    from evidently.presets import DataDriftPreset

    t_imported = time.perf_counter()
    ref = pd.read_csv(args.reference)
    cur = pd.read_csv(args.current)
    t_read = time.perf_counter()

    columns = list(ref.columns)
    numeric = [c for c in columns if c not in categorical]
    cats = [c for c in columns if c in categorical]
    definition = DataDefinition(numerical_columns=numeric, categorical_columns=cats)
    ref_ds = Dataset.from_pandas(ref, data_definition=definition)
    cur_ds = Dataset.from_pandas(cur, data_definition=definition)
    snapshot = Report([DataDriftPreset()]).run(cur_ds, ref_ds)  # run(current, reference)
    result = snapshot.dict()
    t_done = time.perf_counter()

    verdicts, details, evidently_count = {}, {}, None
    for m in result["metrics"]:
        cfg = m.get("config", {})
        kind = cfg.get("type", "")
        if kind.endswith("DriftedColumnsCount"):
            evidently_count = m["value"]["count"]
        elif kind.endswith("ValueDrift"):
            col, method, thr, val = cfg["column"], cfg["method"], cfg["threshold"], m["value"]
            # Evidently's rule: p-value tests drift when p < threshold, distances when score >= threshold.
            drifted = val < thr if "p_value" in method else val >= thr
            verdicts[col] = bool(drifted)
            details[col] = {"method": method, "threshold": thr, "value": val}
    return {
        "versions": _versions(pd, evidently),
        "read_s": t_read - t_imported,
        "compute_s": t_done - t_read,
        "import_s": t_imported - _T0,
        "drifted": verdicts,
        "details": details,
        "tool_reported_drift_count": evidently_count,
        "config": "Report([DataDriftPreset()]) with DataDefinition(numerical_columns, categorical_columns)",
    }


# ------------------------------------------------------------------------- nannyml
def run_nannyml(args, categorical):
    import pandas as pd
    import nannyml as nml
    from nannyml.thresholds import ConstantThreshold

    t_imported = time.perf_counter()
    ref = pd.read_csv(args.reference)
    cur = pd.read_csv(args.current)
    t_read = time.perf_counter()

    columns = list(ref.columns)
    cats = [c for c in columns if c in categorical]
    kwargs = dict(
        column_names=columns,
        treat_as_categorical=cats,
        # One chunk per data set: the whole current set is judged at once, like the other tools.
        chunk_number=1,
    )
    if not args.nannyml_default_thresholds:
        # NannyML's default threshold for jensen_shannon is mean + 3 std of the *reference
        # chunks'* scores. With the reference as a single chunk that std is 0, the threshold
        # collapses to ~0 and every column alerts (25/25 here). A constant threshold of 0.1
        # (Evidently's default for Jensen-Shannon) keeps the verdicts meaningful; the methods
        # stay NannyML's defaults (jensen_shannon for continuous and categorical columns).
        kwargs["thresholds"] = {"jensen_shannon": ConstantThreshold(upper=NANNYML_JS_THRESHOLD)}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "The resulting number of chunks is too low"
        calc = nml.UnivariateDriftCalculator(**kwargs)
        calc.fit(ref)
        res = calc.calculate(cur)
        df = res.filter(period="analysis").to_df()
    t_done = time.perf_counter()

    if len(df) != 1:
        raise SystemExit(f"nannyml: expected 1 analysis chunk, got {len(df)}")
    row = df.iloc[0]
    verdicts, details = {}, {}
    for col in columns:
        methods = sorted({m for (c, m, _f) in df.columns if c == col})
        alerts = {m: bool(row[(col, m, "alert")]) for m in methods}
        verdicts[col] = any(alerts.values())
        details[col] = {m: {"value": float(row[(col, m, "value")]),
                            "upper_threshold": None if pd.isna(row[(col, m, "upper_threshold")])
                            else float(row[(col, m, "upper_threshold")]),
                            "alert": alerts[m]} for m in methods}
    return {
        "versions": _versions(pd, nml),
        "read_s": t_read - t_imported,
        "compute_s": t_done - t_read,
        "import_s": t_imported - _T0,
        "drifted": verdicts,
        "details": details,
        "config": "UnivariateDriftCalculator(default methods, chunk_number=1"
                  + (")" if args.nannyml_default_thresholds
                     else f", thresholds={{'jensen_shannon': ConstantThreshold(upper={NANNYML_JS_THRESHOLD})}})"),
    }


PEERS = {"scipy": run_scipy, "evidently": run_evidently, "nannyml": run_nannyml}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("peer", choices=sorted(PEERS))
    ap.add_argument("--reference", required=True)
    ap.add_argument("--current", required=True)
    ap.add_argument("--categorical", default="", help="comma-separated categorical column names")
    ap.add_argument("--out", help="write the result JSON here (default: stdout)")
    ap.add_argument("--nannyml-default-thresholds", action="store_true",
                    help="nannyml: keep the default (reference-chunk std) thresholds")
    args = ap.parse_args(argv)
    categorical = {c for c in args.categorical.split(",") if c}

    result = PEERS[args.peer](args, categorical)
    result["peer"] = args.peer
    result["inprocess_s"] = result["read_s"] + result["compute_s"]
    result["pid"] = os.getpid()
    text = json.dumps(result, indent=1, default=str)
    if args.out:
        with open(args.out, "w") as f:
            f.write(text)
    else:
        sys.stdout.write(text + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
