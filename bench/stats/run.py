#!/usr/bin/env python3
"""DriftStats benchmark: DriftWatch's detectors, sketches and metrics vs River, DataSketches,
numpy and scikit-learn, on the same data, in one run.

1. Generates the inputs with numpy (seeded) into bench/stats/data/ as raw little-endian
   float64 files (numpy `tofile`), unless they are already there with the same parameters.
2. Builds the Swift executable `DriftStatsBenchmarks` in release and runs it on those files.
3. Times the Python peers in this process on the same files.
4. Prints a Markdown table (also written to bench/stats/results/latest.md; raw numbers in
   latest.json) with the ratio DriftWatch items/s ÷ peer items/s for each case.

Every case, on either side, is timed the same way: one untimed run sizes the repetitions, then
the best of N repetitions, each at least --min-seconds long (short operations are repeated
inside it). River is pure Python for most detectors, so each River detector runs on a prefix
of the stream (1,000,000 values, fewer for the slowest) and DriftWatch is timed again on
exactly that prefix for the ratio.

Run it with the interpreter that has the peers installed (requirements.txt):
    /opt/dwfix/bin/python bench/stats/run.py            # or: bash bench/stats/run.sh
Exit status: 0 ok, 1 the Swift side failed to build or run.
"""
from __future__ import annotations

import os

# One core for every peer, as for DriftWatch: no BLAS or OpenMP thread pools.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import datetime as _dt  # noqa: E402
import importlib.metadata  # noqa: E402
import json  # noqa: E402
import math  # noqa: E402
import platform  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402

import numpy as np  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
PRODUCT = "DriftStatsBenchmarks"

SEED = 20_240_917
STREAM_LENGTH = 10_000_000
METRICS_LENGTH = 1_000_000

REAL_DETECTORS = ["adwin", "kswin", "page_hinkley", "cusum"]
BINARY_DETECTORS = ["ddm", "eddm", "hddm_a", "hddm_w", "fhddm"]
# River class for each DriftWatch detector (CUSUM has none in River).
RIVER_DETECTORS = {
    "adwin": "river.drift.ADWIN",
    "kswin": "river.drift.KSWIN",
    "page_hinkley": "river.drift.PageHinkley",
    "ddm": "river.drift.binary.DDM",
    "eddm": "river.drift.binary.EDDM",
    "hddm_a": "river.drift.binary.HDDMA",
    "hddm_w": "river.drift.binary.HDDMW",
    "fhddm": "river.drift.binary.FHDDM",
}
# How much of the stream River gets: about 0.5-2 s per pass on the 2-core test machine.
# KSWIN runs scipy's ks_2samp on every update (~1,700 updates/s), so it gets 10,000.
RIVER_PREFIX = {
    "adwin": 1_000_000,
    "kswin": 10_000,
    "page_hinkley": 1_000_000,
    "ddm": 1_000_000,
    "eddm": 1_000_000,
    "hddm_a": 200_000,
    "hddm_w": 200_000,
    "fhddm": 1_000_000,
}
RIVER_QUANTILE_PREFIX = 1_000_000

DETECTOR_TARGET = 10e6  # updates per second
KLL_TARGET = 20e6  # values per second
METRICS_TARGET_SECONDS = 1.0  # "metrics on 1M predictions in milliseconds"

FILES = {
    "real_stream": "real_stream.f64",
    "binary_stream": "binary_stream.f64",
    "classification_truth": "classification_truth.f64",
    "classification_predicted": "classification_predicted.f64",
    "classification_scores": "classification_scores.f64",
    "regression_truth": "regression_truth.f64",
    "regression_predicted": "regression_predicted.f64",
}


def log(message: str) -> None:
    print(f"[bench/stats] {message}", file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------------- data
def data_parameters() -> dict:
    return {
        "seed": SEED,
        "stream_length": STREAM_LENGTH,
        "metrics_length": METRICS_LENGTH,
        "real_stream": "normal(0, 1) for the first half, then normal(1, 1): one abrupt shift of 1 sd",
        "binary_stream": "Bernoulli(0.1) errors for the first half, then Bernoulli(0.3)",
        "classification": "truth Bernoulli(0.3); score = logistic(2*(2*truth - 1) + normal(0, 2)) in (0, 1);"
        " predicted = score >= 0.5",
        "regression": "truth normal(50, 10); predicted = truth + 0.5 + normal(0, 3)",
        "format": "raw little-endian float64 (numpy tofile), no header",
    }


def generate(data_dir: str, force: bool) -> None:
    meta_path = os.path.join(data_dir, "meta.json")
    wanted = data_parameters()
    if not force and os.path.exists(meta_path):
        try:
            with open(meta_path) as f:
                have = json.load(f)
        except (OSError, ValueError):
            have = None
        complete = all(os.path.exists(os.path.join(data_dir, name)) for name in FILES.values())
        if have == wanted and complete:
            log(f"data in {short(data_dir)} is up to date")
            return
    os.makedirs(data_dir, exist_ok=True)
    log(f"generating data into {short(data_dir)} (seed {SEED})")
    rng = np.random.default_rng(SEED)
    half = STREAM_LENGTH // 2
    real = np.concatenate([rng.normal(0.0, 1.0, half), rng.normal(1.0, 1.0, STREAM_LENGTH - half)])
    binary = np.concatenate([rng.random(half) < 0.1, rng.random(STREAM_LENGTH - half) < 0.3]).astype(np.float64)
    truth = (rng.random(METRICS_LENGTH) < 0.3).astype(np.float64)
    logit = 2.0 * (2.0 * truth - 1.0) + rng.normal(0.0, 2.0, METRICS_LENGTH)
    scores = 1.0 / (1.0 + np.exp(-logit))
    predicted = (scores >= 0.5).astype(np.float64)
    regression_truth = rng.normal(50.0, 10.0, METRICS_LENGTH)
    regression_predicted = regression_truth + 0.5 + rng.normal(0.0, 3.0, METRICS_LENGTH)
    arrays = {
        "real_stream": real,
        "binary_stream": binary,
        "classification_truth": truth,
        "classification_predicted": predicted,
        "classification_scores": scores,
        "regression_truth": regression_truth,
        "regression_predicted": regression_predicted,
    }
    for key, array in arrays.items():
        array.astype("<f8").tofile(os.path.join(data_dir, FILES[key]))
    with open(meta_path, "w") as f:
        json.dump(wanted, f, indent=2)
        f.write("\n")


def load(data_dir: str, key: str) -> np.ndarray:
    return np.fromfile(os.path.join(data_dir, FILES[key]), dtype="<f8")


# ---------------------------------------------------------------------------------- Swift side
def build(scratch_path: str | None) -> str:
    base = ["swift", "build", "-c", "release", "--product", PRODUCT]
    if scratch_path:
        base += ["--scratch-path", scratch_path]
    log("building: " + " ".join(base))
    subprocess.run(base, cwd=REPO, check=True, stdout=sys.stderr)
    bin_path = subprocess.run(base + ["--show-bin-path"], cwd=REPO, check=True, capture_output=True, text=True)
    return os.path.join(bin_path.stdout.strip(), PRODUCT)


def run_swift(binary: str, data_dir: str, out_path: str, prefixes: dict, args) -> dict:
    command = [binary, "--data", data_dir, "--out", out_path, "--min-seconds", str(args.min_seconds),
               "--repetitions", str(args.repetitions)]
    for name, length in prefixes.items():
        command += ["--prefix", f"{name}={length}"]
    log("running: " + " ".join(short(part) for part in command))
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    with open(out_path) as f:
        return json.load(f)


# ---------------------------------------------------------------------------------- Python side
def measure(operation, items: int, min_seconds: float, repetitions: int, budget: float | None = None) -> dict:
    """The same protocol as the Swift side: one untimed run sizes the repetitions, then the best
    of `repetitions` repetitions of at least `min_seconds`; a slow peer stops early once it has
    used `budget` seconds (after at least one timed repetition)."""
    start = time.perf_counter()
    result = operation()
    once = max(time.perf_counter() - start, 1e-9)
    inner = max(1, math.ceil(min_seconds / once))
    best = math.inf
    spent = once
    done = 0
    for _ in range(repetitions):
        begin = time.perf_counter()
        for _ in range(inner):
            operation()
        elapsed = time.perf_counter() - begin
        best = min(best, elapsed / inner)
        spent += elapsed
        done += 1
        if budget is not None and spent >= budget:
            break
    return {"seconds": best, "items": items, "items_per_second": items / best, "result": result,
            "inner_iterations": inner, "repetitions": done}


def resolve(dotted: str):
    module_name, _, attribute = dotted.rpartition(".")
    module = __import__(module_name, fromlist=[attribute])
    return getattr(module, attribute)


def time_river_detectors(data_dir: str, prefixes: dict, args) -> dict:
    results = {}
    try:
        import river  # noqa: F401
    except ImportError as error:
        return {name: {"skipped": f"river not installed ({error})"} for name in prefixes}
    real = load(data_dir, "real_stream")
    binary = load(data_dir, "binary_stream")
    for name, length in prefixes.items():
        cls = resolve(RIVER_DETECTORS[name])
        # River's binary detectors document bool input; the real-valued ones take floats.
        values = (binary[:length] == 1).tolist() if name in BINARY_DETECTORS else real[:length].tolist()

        def operation(cls=cls, values=values):
            detector = cls()
            update = detector.update
            drifts = 0
            for value in values:
                update(value)
                if detector.drift_detected:
                    drifts += 1
            return drifts

        log(f"River {cls.__name__} on the first {length:,} values")
        results[name] = measure(operation, length, args.min_seconds, args.python_repetitions, args.python_budget)
        results[name]["peer"] = f"River {cls.__name__}"
    return results


def time_sketches(data_dir: str, args) -> dict:
    results = {}
    real = load(data_dir, "real_stream")
    half = len(real) // 2
    try:
        import datasketches as ds
    except ImportError as error:
        ds = None
        for case in ("kll_ingest", "kll_merge", "hll_ingest"):
            results[case] = {"skipped": f"datasketches not installed ({error})"}
    if ds is not None:
        def kll_ingest():
            sketch = ds.kll_doubles_sketch(200)
            sketch.update(real)  # the numpy-array overload: one C++ loop
            return sketch.get_quantile(0.5)

        log("DataSketches kll_doubles_sketch ingest")
        results["kll_ingest"] = measure(kll_ingest, len(real), args.min_seconds, args.python_repetitions)
        results["kll_ingest"]["peer"] = "DataSketches kll_doubles_sketch(200).update(ndarray)"

        first = ds.kll_doubles_sketch(200)
        first.update(real[:half])
        second = ds.kll_doubles_sketch(200)
        second.update(real[half:])
        first_bytes = first.serialize()

        def kll_merge():
            merged = ds.kll_doubles_sketch.deserialize(first_bytes)  # a fresh copy of the first sketch
            merged.merge(second)
            return merged.num_retained

        def kll_copy():
            return ds.kll_doubles_sketch.deserialize(first_bytes).num_retained

        log("DataSketches kll_doubles_sketch merge")
        results["kll_merge"] = measure(kll_merge, 1, args.min_seconds, args.python_repetitions)
        copy = measure(kll_copy, 1, args.min_seconds, args.python_repetitions)
        results["kll_merge"]["copy_seconds"] = copy["seconds"]
        results["kll_merge"]["peer"] = "DataSketches kll_doubles_sketch: deserialize (copy) + merge"

        values = real.tolist()

        def hll_ingest():
            sketch = ds.hll_sketch(14, ds.tgt_hll_type.HLL_8)
            update = sketch.update
            for value in values:  # hll_sketch has no array overload: one call per value
                update(value)
            return sketch.get_estimate()

        log("DataSketches hll_sketch ingest (one Python call per value)")
        results["hll_ingest"] = measure(hll_ingest, len(values), args.min_seconds, args.python_repetitions,
                                        args.python_budget)
        results["hll_ingest"]["peer"] = "DataSketches hll_sketch(14, HLL_8).update per value"
        del values

    try:
        from river import stats as river_stats
    except ImportError as error:
        results["kll_ingest_river"] = {"skipped": f"river not installed ({error})"}
    else:
        length = min(RIVER_QUANTILE_PREFIX, len(real))
        values = real[:length].tolist()

        def river_quantile():
            quantile = river_stats.Quantile(0.5)
            update = quantile.update
            for value in values:
                update(value)
            return quantile.get()

        log(f"River stats.Quantile(0.5) on the first {length:,} values")
        results["kll_ingest_river"] = measure(river_quantile, length, args.min_seconds, args.python_repetitions,
                                              args.python_budget)
        results["kll_ingest_river"]["peer"] = "River stats.Quantile(0.5) (P², one quantile)"

    def moments():
        mean = real.mean()
        centred = real - mean
        squared = centred * centred
        m2 = squared.sum()
        m3 = (squared * centred).sum()
        m4 = (squared * squared).sum()
        smallest, largest = real.min(), real.max()
        del m3, m4, smallest, largest  # computed, as the sketch does; the variance is the check
        return m2 / len(real)

    log("numpy moments")
    results["moments_ingest"] = measure(moments, len(real), args.min_seconds, args.python_repetitions)
    results["moments_ingest"]["peer"] = "numpy: mean, then Σd², Σd³, Σd⁴, min, max"
    return results


def time_metrics(data_dir: str, args) -> dict:
    results = {}
    try:
        from sklearn import metrics as m
    except ImportError as error:
        return {case: {"skipped": f"scikit-learn not installed ({error})"}
                for case in ("binary_metrics", "regression_metrics")}
    truth = load(data_dir, "classification_truth").astype(np.int64)
    predicted = load(data_dir, "classification_predicted").astype(np.int64)
    scores = load(data_dir, "classification_scores")

    def binary():
        m.accuracy_score(truth, predicted)
        m.precision_recall_fscore_support(truth, predicted, average="binary")
        auc = m.roc_auc_score(truth, scores)
        m.average_precision_score(truth, scores)
        m.log_loss(truth, scores, labels=[0, 1])
        m.brier_score_loss(truth, scores)
        return auc

    log("scikit-learn binary classification metrics")
    results["binary_metrics"] = measure(binary, len(truth), args.min_seconds, args.python_repetitions)
    results["binary_metrics"]["peer"] = ("scikit-learn accuracy, precision_recall_fscore_support, roc_auc, "
                                         "average_precision, log_loss, brier_score_loss")

    target = load(data_dir, "regression_truth")
    estimate = load(data_dir, "regression_predicted")

    def regression():
        m.mean_absolute_error(target, estimate)
        mse = m.mean_squared_error(target, estimate)
        math.sqrt(mse)
        m.mean_absolute_percentage_error(target, estimate)
        return m.r2_score(target, estimate)

    log("scikit-learn regression metrics")
    results["regression_metrics"] = measure(regression, len(target), args.min_seconds, args.python_repetitions)
    results["regression_metrics"]["peer"] = ("scikit-learn mean_absolute_error, mean_squared_error (+ sqrt), "
                                             "mean_absolute_percentage_error, r2_score")
    return results


# ---------------------------------------------------------------------------------- report
def rate(value: float) -> str:
    if value >= 1e6:
        return f"{value / 1e6:,.1f} M/s"
    if value >= 1e3:
        return f"{value / 1e3:,.1f} k/s"
    return f"{value:,.0f} /s"


def duration(seconds: float) -> str:
    if seconds < 1e-3:
        return f"{seconds * 1e6:,.1f} µs"
    if seconds < 1:
        return f"{seconds * 1e3:,.1f} ms"
    return f"{seconds:,.2f} s"


def number(value) -> str:
    if value is None:
        return "?"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return f"{int(value):,}"
    if isinstance(value, int):
        return f"{value:,}"
    return f"{value:.6g}"


def cell(measurement: dict, style: str) -> str:
    if style == "merge":
        return f"{duration(measurement['seconds'])}/merge ({rate(measurement['items_per_second'])})"
    if style == "metrics":
        return f"{duration(measurement['seconds'])} ({rate(measurement['items_per_second'])})"
    return rate(measurement["items_per_second"])


def machine_info() -> dict:
    cpu = "?"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    try:
        swift = subprocess.run(["swift", "--version"], capture_output=True, text=True).stdout.strip().splitlines()[0]
    except (OSError, IndexError):
        swift = "?"
    versions = {}
    for package in ("numpy", "scipy", "pandas", "river", "scikit-learn", "datasketches"):
        try:
            versions[package] = importlib.metadata.version(package)
        except importlib.metadata.PackageNotFoundError:
            versions[package] = "not installed"
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True,
                            text=True).stdout.strip()
    dirty = subprocess.run(["git", "status", "--porcelain"], cwd=REPO, capture_output=True, text=True).stdout.strip()
    return {
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "swift": swift,
        "versions": versions,
        "commit": (commit + (" (with uncommitted changes)" if dirty else "")) if commit else "?",
    }


def load_average() -> str:
    try:
        return " ".join(f"{value:.2f}" for value in os.getloadavg())
    except OSError:
        return "?"


def report(swift: dict, peers: dict, prefixes: dict, machine: dict) -> tuple[str, list[str]]:
    rows = []
    warnings = []

    def add(case, label, style, peer_key, check_name, target=None, target_text="—", dw_key=None, exact=False):
        dw = swift.get(case)
        peer = peers.get(peer_key) if peer_key else None
        dw_same = swift.get(dw_key) if dw_key else dw
        dw_text = cell(dw, style) if dw else "missing"
        if dw and target is not None:
            met = dw["items_per_second"] >= target if style != "metrics" else dw["seconds"] <= target
            target_text += " ✅" if met else " ❌"
        if peer is None:
            peer_name, peer_text, same_text, ratio_text, check = "none in River", "—", "—", "—", "—"
            if dw:
                check = f"{check_name} {number(dw['result'])}"
        elif "skipped" in peer:
            peer_name, peer_text, same_text, ratio_text, check = peer["skipped"], "—", "—", "—", "—"
        else:
            peer_name = peer["peer"]
            if peer["items"] > 1 and (dw is None or peer["items"] != dw["items"]):
                peer_name += f" (first {peer['items']:,})"
            peer_text = cell(peer, style)
            same_text = cell(dw_same, style) if dw_same else "missing"
            if dw_same is dw:
                same_input = style == "merge" or (dw is not None and peer["items"] == dw["items"])
                same_text = "same input" if same_input else "— (ratio uses the full input)"
            ratio_text = f"{dw_same['items_per_second'] / peer['items_per_second']:,.1f}×" if dw_same else "?"
            check = f"{check_name} {number(dw_same['result']) if dw_same else '?'} / {number(peer['result'])}"
            if exact and dw_same and dw_same["result"] != peer["result"]:
                warnings.append(f"{case}: DriftWatch detected {number(dw_same['result'])} drifts on the first "
                                f"{peer['items']:,} values, {peer_name} {number(peer['result'])}")
        rows.append(f"| {label} | {dw_text} | {peer_name} | {peer_text} | {same_text} | {ratio_text} | "
                    f"{target_text} | {check} |")

    detector_target = "≥ 10 M updates/s"
    for name in REAL_DETECTORS + BINARY_DETECTORS:
        stream = "real stream" if name in REAL_DETECTORS else "0/1 stream"
        length = prefixes.get(name)
        add(name, f"{name} ({stream})", "rate", name if name in RIVER_DETECTORS else None, "drifts",
            DETECTOR_TARGET, detector_target, dw_key=f"{name}@{length}" if length else None,
            exact=name != "kswin")
    add("kll_ingest", "kll_ingest (k = 200)", "rate", "kll_ingest", "median", KLL_TARGET, "≥ 20 M values/s")
    add("kll_ingest", "kll_ingest vs River", "rate", "kll_ingest_river", "median", KLL_TARGET, "≥ 20 M values/s",
        dw_key=f"kll_ingest@{RIVER_QUANTILE_PREFIX}")
    add("kll_merge", "kll_merge (2 × 5M values)", "merge", "kll_merge", "retained")
    add("hll_ingest", "hll_ingest (p = 14)", "rate", "hll_ingest", "estimate")
    add("moments_ingest", "moments_ingest", "rate", "moments_ingest", "variance")
    add("binary_metrics", "binary_metrics (1M)", "metrics", "binary_metrics", "ROC AUC", METRICS_TARGET_SECONDS,
        "1M in ms (< 1 s)")
    add("regression_metrics", "regression_metrics (1M)", "metrics", "regression_metrics", "R²",
        METRICS_TARGET_SECONDS, "1M in ms (< 1 s)")

    lines = [
        f"# DriftStats benchmark — {_dt.datetime.now().astimezone().strftime('%Y-%m-%d %H:%M %Z')}",
        "",
        "DriftWatch (`DriftStatsBenchmarks`, Swift, release) against River, DataSketches, numpy and "
        "scikit-learn, in one run on the same generated data (`bench/stats/data/`, seed "
        f"{SEED}). Each time is the best of several repetitions of at least 0.3 s. Detectors run with "
        "default parameters on one core over a 10,000,000-value stream; **River is timed on a prefix "
        "of the same stream** (the peer column says how long) and the ratio compares items/second "
        "with DriftWatch timed again on exactly that prefix (column 5). Ratio = DriftWatch ÷ peer "
        "items/s: above 1× DriftWatch is faster.",
        "",
        "| case | DriftWatch (full input) | peer | peer speed | DriftWatch on the peer's input | ratio DW/peer | "
        "target | check DW / peer |",
        "| --- | ---: | --- | ---: | ---: | ---: | --- | --- |",
        *rows,
        "",
        "Notes:",
        "- Check column: what each side computed on the peer's input (drifts detected, the median "
        "estimate, retained items, distinct-count estimate, variance, ROC AUC, R²), to show both did "
        "the same work. KSWIN samples its reference window at random, so its drift count need not "
        "match River's; every other River detector should match exactly.",
        "- KLL merge: one merge of two k = 200 sketches of 5M values each into a copy of the first "
        "(DriftWatch: value copy + `merge`; DataSketches: `deserialize` of the first + `merge`, the "
        f"copy alone taking {duration(peers.get('kll_merge', {}).get('copy_seconds', float('nan')))}).",
        "- DataSketches' KLL ingests the whole numpy array in one C++ call; its `hll_sketch` has no "
        "array overload, so the HLL peer pays one Python call per value. River's `stats.Quantile` "
        "is a P² estimator of one quantile, not a mergeable sketch.",
        "- DriftWatch's binary metrics also compute the confusion matrix and the expected "
        "calibration error in the same call; scikit-learn's time is the sum of the six functions.",
        "- Peers run with OMP/OpenBLAS/MKL threads = 1.",
        "",
        "Machine and versions:",
        f"- nproc {machine['nproc']}, CPU {machine['cpu']}, {machine['os']}",
        f"- Load average (1, 5, 15 min) before: {machine['load_before']}; after: {machine['load_after']} "
        "(on 2 cores anything above ~0.5 before the run means the times are inflated)",
        f"- {machine['swift']} · commit {machine['commit']}",
        f"- Python {machine['python']}: " + ", ".join(f"{k} {v}" for k, v in machine["versions"].items()),
        "",
    ]
    if warnings:
        lines += ["Warnings:", *[f"- {w}" for w in warnings], ""]
    return "\n".join(lines), warnings


def short(path: str) -> str:
    return os.path.relpath(path, REPO) if os.path.isabs(path) and path.startswith(REPO + os.sep) else path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", default=os.path.join(HERE, "data"), help="input folder (default bench/stats/data)")
    parser.add_argument("--out", default=os.path.join(HERE, "results", "latest.md"), help="Markdown report path")
    parser.add_argument("--regenerate", action="store_true", help="write the data even if it is up to date")
    parser.add_argument("--no-build", action="store_true", help="use the built executable as it is")
    parser.add_argument("--binary", help="run this DriftStatsBenchmarks executable instead of building one")
    parser.add_argument("--scratch-path", help="swift build --scratch-path (default: the package's .build)")
    parser.add_argument("--min-seconds", type=float, default=0.3, help="least time of one repetition (0.3)")
    parser.add_argument("--repetitions", type=int, default=5, help="DriftWatch repetitions, best taken (5)")
    parser.add_argument("--python-repetitions", type=int, default=5, help="peer repetitions, best taken (5)")
    parser.add_argument("--python-budget", type=float, default=15.0,
                        help="seconds after which a slow peer (River, per-value HLL) stops repeating (15)")
    parser.add_argument("--river-prefix", action="append", default=[], metavar="DETECTOR=N",
                        help="values River gets for DETECTOR (defaults: 1,000,000; hddm_a/hddm_w 200,000; "
                        "kswin 10,000)")
    parser.add_argument("--skip-peers", action="store_true", help="time DriftWatch only")
    args = parser.parse_args()

    prefixes = dict(RIVER_PREFIX)
    for text in args.river_prefix:
        name, _, length = text.partition("=")
        if name not in prefixes or not length.isdigit() or int(length) <= 0:
            parser.error(f"--river-prefix wants DETECTOR=N with DETECTOR in {', '.join(prefixes)}, not {text}")
        prefixes[name] = min(int(length), STREAM_LENGTH)

    data_dir = os.path.abspath(args.data)
    out_path = os.path.abspath(args.out)
    results_dir = os.path.dirname(out_path)
    os.makedirs(results_dir, exist_ok=True)
    machine = machine_info()
    machine["load_before"] = load_average()

    generate(data_dir, args.regenerate)

    binary = args.binary
    try:
        if binary is None:
            if args.no_build:
                bin_path = subprocess.run(
                    ["swift", "build", "-c", "release", "--product", PRODUCT, "--show-bin-path"]
                    + (["--scratch-path", args.scratch_path] if args.scratch_path else []),
                    cwd=REPO, check=True, capture_output=True, text=True).stdout.strip()
                binary = os.path.join(bin_path, PRODUCT)
            else:
                binary = build(args.scratch_path)
        swift_prefixes = {**prefixes, "kll_ingest": RIVER_QUANTILE_PREFIX}
        swift = run_swift(binary, data_dir, os.path.join(results_dir, "swift.json"), swift_prefixes, args)
    except (OSError, subprocess.CalledProcessError) as error:
        log(f"the Swift side failed: {error}")
        return 1

    peers = {}
    if not args.skip_peers:
        peers.update(time_river_detectors(data_dir, prefixes, args))
        peers.update(time_sketches(data_dir, args))
        peers.update(time_metrics(data_dir, args))
    machine["load_after"] = load_average()

    markdown, warnings = report(swift, peers, prefixes, machine)
    print(markdown)
    with open(out_path, "w") as f:
        f.write(markdown)
    with open(os.path.join(results_dir, "latest.json"), "w") as f:
        json.dump({"driftwatch": swift, "peers": peers, "river_prefixes": prefixes, "machine": machine,
                   "data": data_parameters()}, f, indent=2)
        f.write("\n")
    log(f"wrote {short(out_path)} and {short(os.path.join(results_dir, 'latest.json'))}")
    for warning in warnings:
        log("warning: " + warning)
    return 0


if __name__ == "__main__":
    sys.exit(main())
