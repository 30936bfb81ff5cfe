#!/usr/bin/env python3
"""DriftWatch drift benchmark: DriftWatch vs pandas+scipy, Evidently and NannyML.

Generates the workload if missing, builds the release binary if missing, runs
every tool as its own process (one at a time, never concurrently; measured runs
round-robin across the tools), takes the median wall time of --runs runs after
--warmup unmeasured runs, checks that every tool found the planted drift, and
prints a Markdown report that is also written to bench/drift/results/latest.md
(raw numbers in latest.json, each run's output in results/runs/).

Exit status: 0 ok; 1 a tool failed to run; 3 a tool ran but missed planted drift.

Standard library only; the Python peers run in their own virtual environments
(see setup.sh). Usage: bash bench/drift/run.sh [--runs N] [--warmup N] [--tools a,b]
"""
from __future__ import annotations

import argparse
import datetime as _dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
DATA = os.path.join(HERE, "data")
RESULTS = os.path.join(HERE, "results")
PEERS_PY = os.path.join(HERE, "peers.py")

EVIDENTLY_VENV = os.environ.get("DWBENCH_EVIDENTLY_VENV", "/opt/dwbench-evidently")
NANNYML_VENV = os.environ.get("DWBENCH_NANNYML_VENV", "/opt/dwbench-nannyml")


# Telemetry off: NannyML posts usage events to a web service on fit/calculate (and flushes
# them at exit), Evidently honours DO_NOT_TRACK. The benchmark measures drift detection,
# not network round trips, and must not phone home.
PEER_ENV = dict(os.environ, NML_DISABLE_USAGE_LOGGING="1", DO_NOT_TRACK="1")


def log(msg: str) -> None:
    print(f"[bench] {msg}", file=sys.stderr, flush=True)


# ------------------------------------------------------------------ tool specs
class Tool:
    def __init__(self, key, label, kind, argv_fn, python=None, baseline=None):
        self.key = key            # short id, used for --tools and file names
        self.label = label        # shown in the table
        self.kind = kind          # "python" or "driftwatch"
        self.argv_fn = argv_fn    # (out_path) -> argv
        self.python = python
        self.baseline = baseline  # for DriftWatch variants: which peer it is like-for-like with
        self.runs = []            # list of dicts: wall_s, rc, maxrss_mb, inproc...
        self.skipped = None       # reason, when not run
        self.failed = None        # reason, when a run failed
        self.verdicts = None      # {column: drifted}
        self.info = {}            # last peer JSON (versions, config, ...)


def make_tools(args, ref, cur, categorical):
    cat_arg = ",".join(categorical)

    def peer(name, python):
        return lambda out: [python, PEERS_PY, name, "--reference", ref, "--current", cur,
                            "--categorical", cat_arg, "--out", out]

    def dw(extra):
        return lambda out: [args.binary, "drift", "--reference", ref, "--current", cur,
                            "--categorical", cat_arg, "--format", "json", *extra]

    ev_py = os.path.join(EVIDENTLY_VENV, "bin", "python")
    nm_py = os.path.join(NANNYML_VENV, "bin", "python")
    scipy_py = args.scipy_python or ev_py
    return [
        Tool("scipy", "pandas + scipy (ks_2samp + chi2_contingency)", "python", peer("scipy", scipy_py), scipy_py),
        Tool("evidently", "Evidently DataDriftPreset", "python", peer("evidently", ev_py), ev_py),
        Tool("nannyml", "NannyML UnivariateDriftCalculator", "python", peer("nannyml", nm_py), nm_py),
        Tool("driftwatch", "DriftWatch `--method auto`", "driftwatch", dw([])),
        Tool("driftwatch-ks", "DriftWatch `--method ks,chisquare`", "driftwatch", dw(["--method", "ks,chisquare"]),
             baseline="scipy"),
    ]


# ------------------------------------------------------------------ running
def run_once(argv, stdout_path, stderr_path):
    """Run argv as its own process; return (wall seconds, exit code, peak RSS in MB)."""
    with open(stdout_path, "wb") as so, open(stderr_path, "wb") as se:
        t0 = time.perf_counter()
        proc = subprocess.Popen(argv, stdout=so, stderr=se, stdin=subprocess.DEVNULL, cwd=REPO, env=PEER_ENV)
        _pid, status, rusage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
    rc = os.waitstatus_to_exitcode(status)
    proc.returncode = rc
    return wall, rc, rusage.ru_maxrss / 1024.0  # ru_maxrss is in KiB on Linux


def tail(path, n=12):
    try:
        with open(path, errors="replace") as f:
            lines = f.read().strip().splitlines()
        return "\n".join(lines[-n:])
    except OSError:
        return ""


def driftwatch_verdicts(obj, columns):
    """Per-column drift verdicts from DriftWatch's JSON, tolerant of its exact layout.

    Looks for objects naming a known column (by a "column"/"feature"/"name" field or by
    their key in a parent object) that carry a boolean drift flag; the shallowest such
    object per column wins (a column-level verdict beats its per-method results, which
    are OR-ed if there is no column-level one). Falls back to a list of drifted column
    names under a key containing "drift".
    """
    columns = set(columns)
    best = {}  # column -> (depth, verdict)
    flag_keys = ("drift", "drifted", "driftDetected", "drift_detected", "isDrifted", "is_drifted", "hasDrift")
    name_keys = ("column", "feature", "name", "columnName", "column_name")

    def record(col, depth, verdict):
        if col not in best or depth < best[col][0]:
            best[col] = (depth, verdict)
        elif depth == best[col][0]:
            best[col] = (depth, best[col][1] or verdict)

    def visit(node, depth, key_hint):
        if isinstance(node, dict):
            name = next((node[k] for k in name_keys if isinstance(node.get(k), str) and node[k] in columns), None)
            if name is None and key_hint in columns:
                name = key_hint
            if name is not None:
                flag = next((node[k] for k in flag_keys if isinstance(node.get(k), bool)), None)
                if flag is not None:
                    record(name, depth, flag)
            for k, v in node.items():
                visit(v, depth + 1, k if isinstance(k, str) else None)
        elif isinstance(node, list):
            for v in node:
                visit(v, depth + 1, key_hint)

    visit(obj, 0, None)
    if best:
        return {c: v for c, (_d, v) in best.items()}

    # Fallback: {"driftedColumns": ["num_0", ...]}
    def lists(node):
        if isinstance(node, dict):
            for k, v in node.items():
                if "drift" in str(k).lower() and isinstance(v, list) and v and all(isinstance(x, str) for x in v):
                    yield v
                yield from lists(v)
        elif isinstance(node, list):
            for v in node:
                yield from lists(v)

    for names in lists(obj):
        if set(names) <= columns:
            return {c: (c in names) for c in columns}
    return None


def undefined_reasons(node, counts=None):
    """Count DriftWatch method results that carry a "reason" (no value), by reason."""
    counts = {} if counts is None else counts
    if isinstance(node, dict):
        if isinstance(node.get("reason"), str) and "method" in node:
            counts[node["reason"]] = counts.get(node["reason"], 0) + 1
        for v in node.values():
            undefined_reasons(v, counts)
    elif isinstance(node, list):
        for v in node:
            undefined_reasons(v, counts)
    return counts


def run_tool_once(tool: Tool, tag: str, measured: bool, columns) -> bool:
    """One run of one tool; records it; returns False (and marks the tool failed) on failure."""
    out_json = os.path.join(RESULTS, "runs", f"{tag}.json")
    stdout_path = os.path.join(RESULTS, "runs", f"{tag}.stdout")
    stderr_path = os.path.join(RESULTS, "runs", f"{tag}.stderr")
    argv = tool.argv_fn(out_json)
    wall, rc, rss = run_once(argv, stdout_path, stderr_path)
    ok_codes = (0, 1) if tool.kind == "driftwatch" else (0,)
    log(f"{tool.key:14s} {tag.split('-')[-1]:8s} {wall:8.3f} s  exit {rc}  peak RSS {rss:7.1f} MB")
    if rc not in ok_codes:
        tool.failed = (f"exit status {rc} (`{' '.join(argv)}`)\n" + tail(stderr_path)).strip()
        log(f"{tool.key}: FAILED: {tool.failed}")
        return False
    rec = {"wall_s": wall, "rc": rc, "maxrss_mb": rss}
    if tool.kind == "python":
        with open(out_json) as f:
            res = json.load(f)
        rec.update({k: res[k] for k in ("import_s", "read_s", "compute_s", "inprocess_s")})
        tool.info = res
        verdicts = res["drifted"]
    else:
        try:
            with open(stdout_path) as f:
                doc = json.load(f)
            verdicts = driftwatch_verdicts(doc, columns)
            if isinstance(doc, dict) and isinstance(doc.get("dataset_drift"), dict):
                tool.info["dataset_drift"] = doc["dataset_drift"]
            tool.info["undefined"] = undefined_reasons(doc)
        except (OSError, ValueError) as e:
            verdicts = None
            tool.info["parse_error"] = f"could not parse JSON output: {e}"
        tool.info["exit_codes"] = sorted(set(tool.info.get("exit_codes", [])) | {rc})
    if tool.verdicts is None or measured:
        tool.verdicts = verdicts
    if measured:
        tool.runs.append(rec)
    return True


def run_all(tools, args, columns):
    """Warm-up runs of every tool first, then the measured runs round-robin (tool A, B, C, A,
    B, C, ...) so that a burst of outside load is spread over the tools instead of hitting one.
    One process at a time, never concurrently."""
    runs_dir = os.path.join(RESULTS, "runs")
    shutil.rmtree(runs_dir, ignore_errors=True)  # only this run's outputs in there
    os.makedirs(runs_dir)
    active = [t for t in tools if not t.skipped]
    schedule = [(f"warmup{i + 1}", False) for i in range(args.warmup)] + \
               [(f"run{i + 1}", True) for i in range(args.runs)]
    for label, measured in schedule:
        for t in active:
            if t.failed:
                continue
            run_tool_once(t, f"{t.key}-{label}", measured, columns)


# ------------------------------------------------------------------ setup steps
def ensure_data(args):
    ref, cur, meta = (os.path.join(DATA, n) for n in ("reference.csv", "current.csv", "meta.json"))
    need = args.regenerate or not all(os.path.exists(p) for p in (ref, cur, meta))
    if not need and args.rows is not None:
        with open(meta) as f:
            need = json.load(f).get("rows") != args.rows
    if need:
        py = os.path.join(EVIDENTLY_VENV, "bin", "python")
        if not os.path.exists(py):
            py = sys.executable
        cmd = [py, os.path.join(HERE, "generate_data.py")]
        if args.rows is not None:
            cmd += ["--rows", str(args.rows)]
        log("generating data: " + " ".join(cmd))
        subprocess.run(cmd, check=True)
    with open(meta) as f:
        return ref, cur, json.load(f)


def ensure_binary(args):
    """Return None when the binary is there, else the reason it is missing."""
    if os.path.exists(args.binary) and not args.build:
        return None
    if args.no_build:
        return f"{os.path.relpath(args.binary, REPO)} does not exist (and --no-build was given)"
    if not shutil.which("swift"):
        return f"{os.path.relpath(args.binary, REPO)} does not exist and `swift` is not on PATH to build it"
    os.makedirs(RESULTS, exist_ok=True)
    build_log = os.path.join(RESULTS, "build.log")
    cmd = ["swift", "build", "-c", "release", "--product", "driftwatch"]
    log(f"building: {' '.join(cmd)} (log: {build_log})")
    with open(build_log, "wb") as f:
        rc = subprocess.run(cmd, cwd=REPO, stdout=f, stderr=subprocess.STDOUT).returncode
    if rc != 0 or not os.path.exists(args.binary):
        with open(build_log, errors="replace") as f:
            errors = [ln.strip() for ln in f if ": error:" in ln][:5]
        what = "does not exist" if not os.path.exists(args.binary) else "may be stale"
        return (f"{os.path.relpath(args.binary, REPO)} {what}: `{' '.join(cmd)}` failed with exit status {rc} "
                f"(full log: {os.path.relpath(build_log, REPO)})" + "".join("\n" + e for e in errors))
    return None


# ------------------------------------------------------------------ report
def cmd_out(argv, cwd=REPO):
    try:
        r = subprocess.run(argv, cwd=cwd, capture_output=True, text=True, timeout=60)
        return (r.stdout or r.stderr).strip() if r.returncode == 0 else None
    except (OSError, subprocess.TimeoutExpired):
        return None


def loadavg():
    try:
        with open("/proc/loadavg") as f:
            return " ".join(f.read().split()[:3])
    except OSError:
        return "?"


def machine_info(args):
    cpu = "?"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    mem = "?"
    try:
        with open("/proc/meminfo") as f:
            for line in f:
                if line.startswith("MemTotal"):
                    mem = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    osname = platform.platform()
    try:
        with open("/etc/os-release") as f:
            for line in f:
                if line.startswith("PRETTY_NAME="):
                    osname = line.split("=", 1)[1].strip().strip('"') + f" (kernel {platform.release()})"
    except OSError:
        pass
    swift = cmd_out(["swift", "--version"])
    commit = cmd_out(["git", "rev-parse", "--short", "HEAD"])
    dirty = cmd_out(["git", "status", "--porcelain", "--untracked-files=no"])
    return {
        "loadavg": loadavg(),
        "nproc": cmd_out(["nproc"]) or str(os.cpu_count()),
        "cpu": cpu,
        "memory": mem,
        "os": osname,
        "swift": swift.splitlines()[0] if swift else "not found",
        "commit": (commit + (" (with uncommitted changes)" if dirty else "")) if commit else "no commit yet",
        "driftwatch_version": cmd_out([args.binary, "--version"]) if os.path.exists(args.binary) else None,
    }


def short_path(p):
    """A path relative to the repository when it is inside it, else unchanged."""
    if os.path.isabs(p) and (p + os.sep).startswith(REPO + os.sep):
        return os.path.relpath(p, REPO)
    return p


def med(xs):
    return statistics.median(xs) if xs else None


def fmt(x, nd=2):
    return "–" if x is None else f"{x:.{nd}f}"


def ratio(x, base):
    if x is None or not base:
        return "–"
    r = x / base
    return f"{r:.0f}×" if r >= 100 else (f"{r:.1f}×" if r >= 10 else f"{r:.2f}×")


def verdict_summary(tool, meta):
    if tool.verdicts is None:
        return None, "could not read verdicts" + (f" ({tool.info['parse_error']})" if "parse_error" in tool.info else "")
    shifted = meta["shifted_numeric"] + meta["shifted_categorical"]
    others = [c for c in meta["numeric"] + meta["categorical"] if c not in shifted]
    missing = [c for c in shifted + others if c not in tool.verdicts]
    hit = [c for c in shifted if tool.verdicts.get(c)]
    fp = [c for c in others if tool.verdicts.get(c)]
    total = sum(bool(v) for v in tool.verdicts.values())
    ok = len(hit) == len(shifted)
    text = f"{total} drifted: {len(hit)}/{len(shifted)} shifted, {len(fp)}/{len(others)} unshifted"
    if fp:
        text += f" ({', '.join(fp)})"
    if missing:
        text += f"; no verdict for {len(missing)} column(s)"
    undefined = tool.info.get("undefined") or {}
    if undefined:
        text += "; results without a value: " + ", ".join(f"{n}× “{r}”" for r, n in sorted(undefined.items()))
    return ok, text


def build_report(tools, meta, args, machine, started):
    by_key = {t.key: t for t in tools}
    dw_auto = med([r["wall_s"] for r in by_key["driftwatch"].runs]) if "driftwatch" in by_key else None
    dw_ks = med([r["wall_s"] for r in by_key["driftwatch-ks"].runs]) if "driftwatch-ks" in by_key else None

    L = []
    L.append("# DriftWatch drift benchmark")
    L.append("")
    L.append(f"Run {started} · {args.runs} measured run(s) per tool after {args.warmup} warm-up run(s); "
             f"median shown, (min–max) beside it. Each run is a separate process, one at a time.")
    L.append("")
    L.append(f"Workload: `bench/drift/data/reference.csv` and `current.csv`, {meta['rows']:,} rows each, "
             f"{len(meta['numeric'])} numeric + {len(meta['categorical'])} categorical columns "
             f"(10 levels), ~{meta['missing_rate'] * 100:g}% empty cells. Planted drift: "
             f"{', '.join(meta['shifted_numeric'])} shifted by {meta['shift_std']} std; "
             f"{', '.join(meta['shifted_categorical'])} with changed level frequencies.")
    L.append("")
    L.append("| Tool | Wall s, end to end | peer / DriftWatch auto | peer / DriftWatch ks,chisquare "
             "| Peak RSS MB | Drift found | Check |")
    L.append("| --- | ---: | ---: | ---: | ---: | --- | :---: |")
    for t in tools:
        walls = [r["wall_s"] for r in t.runs]
        if t.skipped or t.failed or not walls:
            L.append(f"| {t.label} | {'skipped' if t.skipped else 'FAILED'} | – | – | – | "
                     f"see *Not measured* below | – |")
            continue
        m = med(walls)
        ratio_auto, ratio_ks = ratio(m, dw_auto), ratio(m, dw_ks)
        ok, text = verdict_summary(t, meta)
        check = "✅" if ok else ("❓" if ok is None else "❌")
        rng = f" ({min(walls):.2f}–{max(walls):.2f})" if len(walls) > 1 else ""
        L.append(f"| {t.label} | **{m:.2f}**{rng} | {ratio_auto} | {ratio_ks} | "
                 f"{med([r['maxrss_mb'] for r in t.runs]):.0f} | {text} | {check} |")
    L.append("")
    L.append("Ratios are the peer's median wall time over DriftWatch's (higher = DriftWatch faster). "
             "The like-for-like pair is pandas + scipy vs DriftWatch `--method ks,chisquare` "
             "(same tests, same α = 0.05; DriftWatch also applies its default Benjamini–Hochberg "
             "correction to the verdicts). Wall time is the whole process: interpreter start, imports, "
             "reading both CSV files, the drift computation and writing the result.")
    L.append("")

    py = [t for t in tools if t.kind == "python" and t.runs]
    if py:
        L.append("Where the Python peers' time goes (medians, seconds, measured inside the process):")
        L.append("")
        L.append("| Tool | Interpreter start, imports, exit | read_csv ×2 | Drift computation (in memory) | Read + compute |")
        L.append("| --- | ---: | ---: | ---: | ---: |")
        for t in py:
            rs = t.runs
            startup = med([r["wall_s"] - r["inprocess_s"] for r in rs])
            L.append(f"| {t.label} | {fmt(startup)} | {fmt(med([r['read_s'] for r in rs]))} | "
                     f"{fmt(med([r['compute_s'] for r in rs]), 3)} | {fmt(med([r['inprocess_s'] for r in rs]))} |")
        L.append("")
        if "scipy" in by_key and by_key["scipy"].runs:
            s = med([r["compute_s"] for r in by_key["scipy"].runs])
            extra = f"; DriftWatch ks,chisquare end to end: {dw_ks:.3f} s" if dw_ks else ""
            L.append(f"pandas + scipy in-memory only (20× ks_2samp + 5× chi2_contingency on loaded "
                     f"DataFrames): **{s:.3f} s**{extra}.")
            L.append("")

    notes = [t for t in tools if t.skipped or t.failed]
    if notes:
        L.append("Not measured:")
        L.append("")
        for t in notes:
            body = (t.skipped or t.failed).replace("\n", "\n    ")
            L.append(f"- {t.label}: {'skipped' if t.skipped else 'failed'}: {body}")
        L.append("")

    L.append("Configuration:")
    L.append("")
    for t in tools:
        if t.kind == "python" and t.info.get("config"):
            L.append(f"- {t.label}: `{t.info['config']}`")
        elif t.kind == "driftwatch":
            argv = t.argv_fn("-")
            note = ""
            if t.info.get("exit_codes"):
                note = f" (exit status {', '.join(map(str, t.info['exit_codes']))}"
                dd = t.info.get("dataset_drift")
                if dd:
                    note += (f"; dataset drift {'detected' if dd.get('detected') else 'not detected'}: "
                             f"{dd.get('drifted')}/{dd.get('total')} columns, share threshold {dd.get('threshold')}")
                note += ")"
            L.append(f"- {t.label}: `{' '.join(short_path(a) for a in argv)}`"
                     + note)
    L.append("")

    L.append("Machine and versions:")
    L.append("")
    L.append(f"- CPU: {machine['cpu']} · nproc {machine['nproc']} · memory {machine['memory']}")
    L.append(f"- OS: {machine['os']}")
    L.append(f"- Load average (1, 5, 15 min) before the runs: {machine['loadavg_before']}; after: "
             f"{machine['loadavg']}. On a 2-core machine anything above ~0.5 before the runs means "
             f"something else was busy and the times are inflated.")
    L.append(f"- Swift: {machine['swift']} · DriftWatch commit {machine['commit']}"
             + (f" · `driftwatch --version`: {machine['driftwatch_version']}" if machine['driftwatch_version'] else ""))
    for t in py:
        v = ", ".join(f"{k} {val}" for k, val in t.info.get("versions", {}).items())
        L.append(f"- {t.label} ({os.path.dirname(os.path.dirname(t.python))}): {v}")
    L.append("")
    return "\n".join(L)


# ------------------------------------------------------------------ main
def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=int(os.environ.get("DWBENCH_RUNS", 3)),
                    help="measured runs per tool (default 3, or $DWBENCH_RUNS)")
    ap.add_argument("--warmup", type=int, default=int(os.environ.get("DWBENCH_WARMUP", 1)),
                    help="unmeasured warm-up runs per tool first (default 1)")
    ap.add_argument("--tools", default="scipy,evidently,nannyml,driftwatch,driftwatch-ks",
                    help="comma-separated subset of: scipy,evidently,nannyml,driftwatch,driftwatch-ks")
    ap.add_argument("--binary", default=os.path.join(REPO, ".build", "release", "driftwatch"))
    ap.add_argument("--no-build", action="store_true", help="don't build the binary when it is missing")
    ap.add_argument("--build", action="store_true", help="run `swift build -c release --product driftwatch` "
                    "even if the binary exists (it is incremental, so cheap when up to date)")
    ap.add_argument("--rows", type=int, default=None, help="rows per file (regenerates data if different)")
    ap.add_argument("--regenerate", action="store_true", help="regenerate the data even if present")
    ap.add_argument("--scipy-python", default=None, help="python for the pandas+scipy peer "
                    "(default: the Evidently venv's)")
    ap.add_argument("--out", default=os.path.join(RESULTS, "latest.md"))
    args = ap.parse_args(argv)
    if args.runs < 1:
        ap.error("--runs must be at least 1")
    args.binary = os.path.abspath(args.binary)
    started = _dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")

    ref, cur, meta = ensure_data(args)
    categorical = meta["categorical"]
    columns = meta["numeric"] + categorical
    wanted = [k for k in args.tools.split(",") if k]
    tools = [t for t in make_tools(args, ref, cur, categorical) if t.key in wanted]
    unknown = set(wanted) - {t.key for t in tools}
    if unknown:
        ap.error(f"unknown tool(s): {', '.join(sorted(unknown))}")

    for t in tools:
        if t.kind == "python" and not os.path.exists(t.python):
            t.skipped = f"{t.python} not found: run `bash bench/drift/setup.sh` first"
    if any(t.kind == "driftwatch" for t in tools):
        missing = ensure_binary(args)
        if missing:
            log("SKIPPING DriftWatch: " + missing)
            for t in tools:
                if t.kind == "driftwatch":
                    t.skipped = missing

    os.makedirs(RESULTS, exist_ok=True)
    load_before = loadavg()
    run_all(tools, args, columns)

    machine = machine_info(args)
    machine["loadavg_before"] = load_before
    report = build_report(tools, meta, args, machine, started)
    print(report)
    with open(args.out, "w") as f:
        f.write(report + "\n")
    raw = {
        "started": started, "machine": machine, "meta": meta,
        "args": {k: v for k, v in vars(args).items()},
        "tools": {t.key: {"label": t.label, "runs": t.runs, "skipped": t.skipped, "failed": t.failed,
                          "verdicts": t.verdicts, "info": t.info} for t in tools},
    }
    with open(os.path.splitext(args.out)[0] + ".json", "w") as f:
        json.dump(raw, f, indent=1, default=str)
    log(f"wrote {short_path(os.path.abspath(args.out))}")

    bad = [t for t in tools if t.failed]
    wrong = [t for t in tools if t.runs and verdict_summary(t, meta)[0] is not True]
    for t in wrong:
        log(f"CHECK FAILED: {t.label} did not flag every shifted feature: {verdict_summary(t, meta)[1]}")
    return 1 if bad else (3 if wrong else 0)


if __name__ == "__main__":
    sys.exit(main())
