#!/usr/bin/env python3
"""DriftWatch ingest benchmark: `driftwatch serve` vs a FastAPI + SQLite baseline, same run.

For each batch size (default 1, 100, 1000 events per request) and each server (DriftWatch,
then the baseline), one case:

  1. start the server on a fresh temporary store and wait for GET /health;
  2. warm up: wrk with loadgen.lua for --warmup seconds (model_id "warmup-b<batch>");
  3. measure: wrk for --duration seconds (model_id "bench-b<batch>"), then --drain seconds
     in which no new request starts and the last ones are answered;
  4. stop the server (SIGTERM), count the rows in its SQLite file per model_id and check
     that they equal the acknowledged events (200 answers x batch == sum of "accepted").

Both servers answer only after the commit, with WAL + synchronous=FULL. The load generator
(wrk) runs on the same machine and shares its cores with the server: the report says so and
shows the CPU time of each side.

Prints a Markdown report, also written to bench/ingest/results/latest.md; raw numbers go to
results/latest.json (and a timestamped copy), each wrk output and server log to results/runs/.

Exit status: 0 ok; 1 a server failed to start, crashed or could not be measured;
3 stored rows differ from the acknowledged events.

Standard library only; the baseline runs in bench/ingest/.venv (see setup.sh).
Usage: bash bench/ingest/run.sh [--duration S] [--batches 1,100,1000] [--no-build] ...
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import os
import platform
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
RESULTS = os.path.join(HERE, "results")
LOADGEN = os.path.join(HERE, "loadgen.lua")
DEFAULT_PYTHON = os.environ.get("DWBENCH_INGEST_PYTHON", os.path.join(HERE, ".venv", "bin", "python"))

# The targets for DriftWatch, in events/s: one event per request, and batches.
TARGET_SINGLE = 15_000
TARGET_BATCH = 250_000


def log(msg: str) -> None:
    print(f"[bench] {msg}", file=sys.stderr, flush=True)


# ------------------------------------------------------------------ servers
class Server:
    """How to start one server and where it keeps its rows."""

    def __init__(self, key, label, argv_fn, env_fn, db_fn, cwd):
        self.key = key
        self.label = label
        self.argv_fn = argv_fn  # (port, data_dir) -> argv
        self.env_fn = env_fn  # (data_dir) -> environment
        self.db_fn = db_fn  # (data_dir) -> path of the SQLite file
        self.cwd = cwd


def make_servers(args):
    def dw_argv(port, data_dir):
        return [
            args.binary,
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--data-dir",
            data_dir,
            *args.driftwatch_arg,
        ]

    def baseline_argv(port, data_dir):
        # One uvicorn worker process (the route's SQLite writes run in FastAPI's thread pool),
        # with uvicorn's fast event loop and HTTP parser (uvloop, httptools).
        return [
            args.python,
            "-m",
            "uvicorn",
            "baseline_app:app",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--workers",
            "1",
            "--loop",
            "uvloop",
            "--http",
            "httptools",
            "--no-access-log",
            "--log-level",
            "warning",
            # longer than the drain, so that idle connections are not closed under wrk
            "--timeout-keep-alive",
            "120",
        ]

    return {
        "driftwatch": Server(
            "driftwatch",
            "DriftWatch",
            dw_argv,
            lambda d: dict(os.environ),
            lambda d: os.path.join(d, "driftwatch.sqlite"),
            REPO,
        ),
        "baseline": Server(
            "baseline",
            "FastAPI + SQLite",
            baseline_argv,
            lambda d: dict(os.environ, BASELINE_DB=os.path.join(d, "baseline.sqlite")),
            lambda d: os.path.join(d, "baseline.sqlite"),
            HERE,
        ),
    }


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_profiles(port: int, timeout: float) -> dict:
    """After the load: how far DriftWatch's profiles trailed the store (GET /health), and how
    many seconds they took to count every stored event (None if not within `timeout`)."""
    start = time.monotonic()
    first = None
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=5) as r:
                profiles = json.load(r)["components"]["profiles"]
        except (urllib.error.URLError, OSError, KeyError, ValueError) as e:
            return {"error": f"cannot read the profiles' state from /health: {e}"}
        if first is None:
            first = profiles.get("events_behind")
        if profiles.get("status") == "ok":
            return {"events_behind_after_drain": first, "caught_up_s": round(time.monotonic() - start, 2)}
        if time.monotonic() - start > timeout:
            return {"events_behind_after_drain": first, "caught_up_s": None, "events_behind": profiles.get("events_behind")}
        time.sleep(0.2)


def wait_health(port: int, proc: subprocess.Popen, timeout: float) -> str | None:
    """None once GET /health answers 200, else why not."""
    deadline = time.monotonic() + timeout
    last = "no answer"
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return f"exited with status {proc.returncode} before answering /health"
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2) as r:
                if r.status == 200:
                    return None
                last = f"status {r.status}"
        except (urllib.error.URLError, OSError) as e:
            last = str(e)
        time.sleep(0.2)
    return f"/health did not answer 200 within {timeout:g} s ({last})"


def stop(proc: subprocess.Popen, timeout: float = 60) -> int:
    """SIGTERM (both servers finish in-flight requests and exit), SIGKILL after `timeout`."""
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            log(f"pid {proc.pid} still running {timeout:g} s after SIGTERM; killing it")
            proc.kill()
            proc.wait()
    return proc.returncode


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU time of a running process, from /proc."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return None


def machine_busy_seconds() -> float | None:
    """CPU time all processes of the machine have used so far (user, nice, system, irq, softirq)."""
    try:
        with open("/proc/stat") as f:
            fields = [int(x) for x in f.readline().split()[1:8]]
        user, nice, system, _idle, _iowait, irq, softirq = fields
        return (user + nice + system + irq + softirq) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError):
        return None


def wait_idle(limit_s: float, max_cores: float = 0.25) -> float | None:
    """Wait up to `limit_s` seconds for the machine to be idle (under `max_cores` busy over 2 s).

    Returns the last measured busy cores (None when /proc/stat cannot be read).
    """
    deadline = time.monotonic() + limit_s
    while True:
        b0 = machine_busy_seconds()
        time.sleep(2)
        b1 = machine_busy_seconds()
        if b0 is None or b1 is None:
            return None
        cores = (b1 - b0) / 2
        if cores < max_cores or time.monotonic() >= deadline:
            return cores
        log(f"machine busy ({cores:.2f} cores used by other processes); waiting")


def count_rows(db_path: str) -> dict[str, int]:
    """Rows of inference_events per model_id, read after the server has stopped."""
    conn = sqlite3.connect(db_path)
    try:
        return dict(conn.execute("SELECT model_id, COUNT(*) FROM inference_events GROUP BY model_id"))
    finally:
        conn.close()


# ------------------------------------------------------------------ load
def run_wrk(args, port, batch, connections, window, model, out_path) -> dict:
    """One wrk run; returns loadgen.lua's result line plus wrk's CPU time and command line."""
    env = dict(
        os.environ,
        LOADGEN_BATCH=str(batch),
        LOADGEN_MODEL=model,
        LOADGEN_WINDOW=f"{window:g}",
        LOADGEN_TS=args.timestamps,
    )
    threads = min(args.threads, connections)
    argv = [
        "wrk",
        "-t",
        str(threads),
        "-c",
        str(connections),
        "-d",
        f"{window + args.drain:g}s",
        "--timeout",
        f"{args.timeout:g}s",
        "-s",
        LOADGEN,
        f"http://127.0.0.1:{port}/",
    ]
    with open(out_path, "wb") as out:
        proc = subprocess.Popen(argv, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=env)
        _pid, status, rusage = os.wait4(proc.pid, 0)
    rc = os.waitstatus_to_exitcode(status)
    with open(out_path, errors="replace") as f:
        text = f.read()
    line = next((ln for ln in text.splitlines() if ln.startswith("LOADGEN_RESULT ")), None)
    if rc != 0 or line is None:
        raise RuntimeError(
            f"wrk exited with status {rc} without a result line (`{' '.join(argv)}`):\n{text.strip()[-2000:]}"
        )
    result = json.loads(line.split(" ", 1)[1])
    result["client_cpu_s"] = rusage.ru_utime + rusage.ru_stime
    result["wrk_argv"] = " ".join(argv)
    return result


def run_case(args, server: Server, batch: int, connections: int) -> dict:
    """Start the server on a fresh store, warm up, measure, stop, count what was stored."""
    tag = f"b{batch}-{server.key}"
    runs = os.path.join(RESULTS, "runs")
    if args.wait_idle > 0:
        cores = wait_idle(args.wait_idle)
        if cores is not None and cores >= 0.25:
            log(f"{tag}: still {cores:.2f} cores busy after {args.wait_idle:g} s; measuring anyway")
    data_dir = tempfile.mkdtemp(prefix=f"dw-ingest-{tag}-", dir=args.tmpdir)
    port = free_port()
    case = {
        "server": server.key,
        "label": server.label,
        "batch": batch,
        "connections": connections,
        "threads": min(args.threads, connections),
        "data_dir": data_dir,
        "error": None,
    }
    argv = server.argv_fn(port, data_dir)
    case["argv"] = " ".join(argv)
    log(f"{tag}: starting {server.label} on port {port} (store in {data_dir})")
    with open(os.path.join(runs, f"{tag}.server.log"), "wb") as server_log:
        proc = subprocess.Popen(
            argv,
            cwd=server.cwd,
            env=server.env_fn(data_dir),
            stdout=server_log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
    try:
        problem = wait_health(port, proc, args.start_timeout)
        if problem:
            raise RuntimeError(f"{server.label} did not start: {problem}")
        if args.warmup > 0:
            case["warmup"] = run_wrk(
                args,
                port,
                batch,
                connections,
                args.warmup,
                f"warmup-b{batch}",
                os.path.join(runs, f"{tag}.warmup.wrk.txt"),
            )
        case["loadavg_before"] = loadavg()
        cpu0, busy0, t0 = cpu_seconds(proc.pid), machine_busy_seconds(), time.monotonic()
        res = run_wrk(
            args, port, batch, connections, args.duration, f"bench-b{batch}", os.path.join(runs, f"{tag}.wrk.txt")
        )
        cpu1, busy1, t1 = cpu_seconds(proc.pid), machine_busy_seconds(), time.monotonic()
        case["loadavg_after"] = loadavg()
        case["result"] = res
        case["cpu_wall_s"] = t1 - t0  # the wall time over which the CPU times below were taken
        if cpu0 is not None and cpu1 is not None:
            case["server_cpu_s"] = cpu1 - cpu0
            if busy0 is not None and busy1 is not None:
                # Whatever else ran on the machine meanwhile (other processes, the kernel's own work).
                case["other_cpu_s"] = max(0.0, busy1 - busy0 - case["server_cpu_s"] - res["client_cpu_s"])
        if proc.poll() is not None:
            raise RuntimeError(f"{server.label} exited with status {proc.returncode} during the run")
        if server.key == "driftwatch":
            case["profiles"] = wait_profiles(port, args.profiles_timeout)
    except RuntimeError as e:
        case["error"] = str(e)
        log(f"{tag}: FAILED: {e}")
    finally:
        case["exit_status"] = stop(proc)

    if case["error"] is None:
        try:
            stored = count_rows(server.db_fn(data_dir))
        except sqlite3.Error as e:
            case["error"] = f"cannot count the stored rows: {e}"
        else:
            case["stored"] = stored
            check(case, stored)
    if not args.keep_data:
        shutil.rmtree(data_dir, ignore_errors=True)

    res = case.get("result")
    if res:
        log(
            f"{tag}: {res['events_per_s']:,.0f} events/s, {res['requests_per_s']:,.0f} requests/s, "
            f"p50 {res['latency_ms']['p50']:.1f} ms, p99 {res['latency_ms']['p99']:.1f} ms, "
            f"non-2xx {res['non_2xx']}, stored == acknowledged: {case.get('stored_ok')}"
        )
    return case


def check(case: dict, stored: dict[str, int]) -> None:
    """stored_ok: the rows stored for each phase equal the events its 200 answers acknowledged."""
    batch = case["batch"]
    problems = []
    for phase, model in (("warmup", f"warmup-b{batch}"), ("result", f"bench-b{batch}")):
        res = case.get(phase)
        if res is None:
            continue
        by_requests = res["ok_requests"] * batch
        rows = stored.get(model, 0)
        if not (rows == res["acknowledged_events"] == by_requests):
            problems.append(
                f"{phase}: {rows} rows stored, {res['acknowledged_events']} acknowledged "
                f'("accepted" sum), {by_requests} = 200 answers x batch'
            )
        if res["duplicates"]:
            problems.append(f"{phase}: {res['duplicates']} duplicates reported")
    extra = set(stored) - {f"warmup-b{batch}", f"bench-b{batch}"}
    if extra:
        problems.append(f"unexpected model ids stored: {sorted(extra)}")
    case["stored_ok"] = not problems
    case["stored_problems"] = problems


# ------------------------------------------------------------------ build and facts
def run_floor(args) -> dict | None:
    """SQLite alone (sqlite_floor.c): one connection inserting --floor-rows of the benchmark's
    events with the server's table, statement and settings, in transactions of the largest batch
    size, nothing else running. The ceiling of one SQLite writer on this machine, in this run."""
    if args.floor_rows <= 0:
        return None
    cc = shutil.which("cc")
    if not cc:
        return {"error": "no C compiler (`cc`): run `bash bench/ingest/setup.sh`"}
    with tempfile.TemporaryDirectory(prefix="dwbench-floor-", dir=args.tmpdir) as work:
        program = os.path.join(work, "sqlite_floor")
        build = subprocess.run(
            [cc, "-O2", "-o", program, os.path.join(HERE, "sqlite_floor.c"), "-lsqlite3"], capture_output=True, text=True
        )
        if build.returncode != 0:
            return {"error": "cannot build sqlite_floor.c: " + build.stderr.strip()[-300:]}
        per_commit = max(args.batches)
        argv = [program, os.path.join(work, "floor.sqlite"), str(args.floor_rows), str(per_commit), args.timestamps]
        if args.wait_idle > 0:
            wait_idle(args.wait_idle)
        proc = subprocess.Popen(argv, stdout=subprocess.PIPE, text=True)
        out = proc.stdout.read()
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            return {"error": f"sqlite_floor exited with status {proc.returncode}"}
        result = json.loads(out.strip().splitlines()[-1])
        cpu = usage.ru_utime + usage.ru_stime
        result["cpu_s"] = cpu
        result["cpu_us_per_row"] = cpu / result["rows"] * 1e6
        result["argv"] = " ".join(["sqlite_floor", "DB"] + argv[2:])
        log(
            f"SQLite alone: {result['rows_per_s']:,.0f} rows/s, {result['cpu_us_per_row']:.1f} µs of CPU per row "
            f"({per_commit} rows per commit, timestamps {args.timestamps})"
        )
        return result


def ensure_binary(args) -> str | None:
    """None when the binary is there (building it if missing), else why it is not."""
    if os.path.exists(args.binary):
        return None
    if args.no_build:
        return f"{args.binary} does not exist (and --no-build was given)"
    if not shutil.which("swift"):
        return f"{args.binary} does not exist and `swift` is not on PATH to build it"
    build_log = os.path.join(RESULTS, "build.log")
    cmd = ["swift", "build", "-c", "release", "--product", "driftwatch"]
    log(f"building: {' '.join(cmd)} (log: {build_log}; about 10 minutes on 2 cores)")
    with open(build_log, "wb") as f:
        rc = subprocess.run(cmd, check=False, cwd=REPO, stdout=f, stderr=subprocess.STDOUT).returncode
    if rc != 0 or not os.path.exists(args.binary):
        return f"`{' '.join(cmd)}` failed with exit status {rc} (log: {build_log})"
    return None


def cmd_out(argv, cwd=REPO) -> str | None:
    try:
        r = subprocess.run(argv, check=False, cwd=cwd, capture_output=True, text=True, timeout=60)
        return (r.stdout or r.stderr).strip() if r.returncode == 0 else None
    except (OSError, subprocess.TimeoutExpired):
        return None


def loadavg() -> str:
    try:
        with open("/proc/loadavg") as f:
            return " ".join(f.read().split()[:3])
    except OSError:
        return "?"


def first_line(path, prefix) -> str | None:
    try:
        with open(path) as f:
            for line in f:
                if line.startswith(prefix):
                    return line.split(":", 1)[1].strip() if ":" in line else line.split("=", 1)[1].strip()
    except OSError:
        pass
    return None


def machine_info(args) -> dict:
    mem = first_line("/proc/meminfo", "MemTotal")
    osname = first_line("/etc/os-release", "PRETTY_NAME=")
    swift = cmd_out(["swift", "--version"])
    commit = cmd_out(["git", "rev-parse", "--short", "HEAD"])
    dirty = cmd_out(["git", "status", "--porcelain", "--untracked-files=no"])
    wrk = cmd_out(["sh", "-c", "wrk -v 2>&1 | head -n 1"])
    wrk = wrk.split(" Copyright")[0] if wrk else None
    py_versions = cmd_out(
        [
            args.python,
            "-c",
            (
                "import json, platform, sqlite3, fastapi, pydantic, starlette, uvicorn, uvloop, httptools\n"
                "print(json.dumps({'python': platform.python_version(), 'fastapi': fastapi.__version__,"
                " 'pydantic': pydantic.VERSION, 'starlette': starlette.__version__,"
                " 'uvicorn': uvicorn.__version__, 'uvloop': uvloop.__version__,"
                " 'httptools': httptools.__version__, 'sqlite': sqlite3.sqlite_version}))"
            ),
        ]
    )
    tmp = args.tmpdir or tempfile.gettempdir()
    fs = cmd_out(["df", "-T", tmp])
    return {
        "nproc": cmd_out(["nproc"]) or str(os.cpu_count()),
        "cpu": first_line("/proc/cpuinfo", "model name") or "?",
        "memory": f"{int(mem.split()[0]) / 1024 / 1024:.1f} GiB" if mem else "?",
        "os": (osname.strip('"') if osname else platform.platform()) + f" (kernel {platform.release()})",
        "swift": swift.splitlines()[0] if swift else "not found",
        "commit": (commit + (" (with uncommitted changes)" if dirty else "")) if commit else "?",
        "driftwatch_binary": args.binary,
        "wrk": wrk or "?",
        "baseline_python": json.loads(py_versions) if py_versions else None,
        "store_dir": tmp,
        "store_filesystem": fs.splitlines()[-1].split()[1] if fs else "?",
    }


# ------------------------------------------------------------------ report
def fmt_int(x) -> str:
    return "–" if x is None else f"{x:,.0f}"


def build_report(cases, args, machine, started, floor=None) -> str:
    n = machine["nproc"]
    L = ["# DriftWatch ingest benchmark", ""]
    L.append(
        f"Run {started}. Each case: a fresh server on a fresh SQLite store, {args.warmup:g} s warm-up, "
        f"then {args.duration:g} s of load with wrk ({args.threads} thread(s)) and loadgen.lua, "
        f"then {args.drain:g} s in which the last requests are answered and no new one starts."
    )
    L.append("")
    L.append(
        f"**Client and servers share the same {n} cores**: wrk (with its Lua event generation) runs "
        f"beside the server under test, so every number here is capped by that sharing. "
        f'"CPU" is the CPU time the server, wrk and everything else on the machine used per second '
        f'of the run (in cores, out of {n}); "other" above a few hundredths means something else was '
        f"running and took cores from both."
    )
    L.append("")
    L.append(
        "Workload: `POST /v1/inferences`; each event has 20 numeric features and 2 segment tags "
        "(about 450 bytes of JSON); batch 1 sends one JSON object per request, batch N a JSON array "
        "of N. events/s = (200 answers x batch) / seconds from the first request to the last 200 answer. "
        "Durability on both sides: acknowledged only after the SQLite commit, WAL + synchronous=FULL."
    )
    L.append("")
    L.append(
        "| batch | server | connections | events/s | requests/s | p50 ms | p99 ms | non-2xx | "
        "stored = acknowledged | CPU server / wrk / other |"
    )
    L.append("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |")
    for c in cases:
        res = c.get("result")
        if c["error"] and not res:
            L.append(f"| {c['batch']} | {c['label']} | {c['connections']} | failed | | | | | | |")
            continue
        lat = res["latency_ms"]
        non2xx = str(res["non_2xx"])
        if res["statuses"]:
            non2xx += " (" + ", ".join(f"{k}: {v}" for k, v in sorted(res["statuses"].items())) + ")"
        errors = sum(res["socket_errors"].values())
        if errors:
            non2xx += f", socket errors {errors}"
        stored = c.get("stored", {}).get(f"bench-b{c['batch']}")
        ok = ("yes" if c.get("stored_ok") else "**NO**") + f" ({fmt_int(stored)})"
        wall = c["cpu_wall_s"]
        cpu = " / ".join(
            "?" if x is None else f"{x / wall:.2f}"
            for x in (c.get("server_cpu_s"), res["client_cpu_s"], c.get("other_cpu_s"))
        )
        L.append(
            f"| {c['batch']} | {c['label']} | {c['connections']} | {fmt_int(res['events_per_s'])} | "
            f"{fmt_int(res['requests_per_s'])} | {lat['p50']:.1f} | {lat['p99']:.1f} | {non2xx} | "
            f"{ok} | {cpu} |"
        )
    L.append("")

    L.append("## DriftWatch ÷ baseline")
    L.append("")
    L.append("| batch | DriftWatch events/s | FastAPI + SQLite events/s | ratio | DriftWatch target | met |")
    L.append("| ---: | ---: | ---: | ---: | ---: | --- |")
    by = {(c["server"], c["batch"]): c.get("result") for c in cases}
    for batch in args.batches:
        dw, bl = by.get(("driftwatch", batch)), by.get(("baseline", batch))
        dw_eps = dw["events_per_s"] if dw else None
        bl_eps = bl["events_per_s"] if bl else None
        ratio = f"{dw_eps / bl_eps:.1f}x" if dw_eps and bl_eps else "–"
        target = TARGET_SINGLE if batch == 1 else TARGET_BATCH
        met = "–" if dw_eps is None else ("yes" if dw_eps >= target else "no")
        L.append(f"| {batch} | {fmt_int(dw_eps)} | {fmt_int(bl_eps)} | {ratio} | {target:,} | {met} |")
    L.append("")
    L.append(
        f"Targets from the issue: at least {TARGET_SINGLE:,} events/s sent one per request and at least "
        f"{TARGET_BATCH:,} events/s in batches, with durable acknowledgement."
    )
    L.append("")
    if floor:
        L.append("## SQLite alone")
        L.append("")
        if "error" in floor:
            L.append(f"Not measured: {floor['error']}.")
        else:
            per_commit = floor["rows_per_commit"]
            dw = by.get(("driftwatch", per_commit))
            share = (
                f" DriftWatch's batches of {per_commit:,} stored {dw['events_per_s'] / floor['rows_per_s']:.0%} of that rate "
                f"while also receiving, parsing, checking and profiling every event."
                if dw
                else ""
            )
            L.append(
                f"One connection inserting {floor['rows']:,} of these events (the server's table, indexes, "
                f"statement and settings: WAL, synchronous=FULL, {per_commit:,} rows per transaction, "
                f"timestamps `{floor['timestamps']}`) with nothing else running (`bench/ingest/sqlite_floor.c`, "
                f"after the cases): **{fmt_int(floor['rows_per_s'])} rows/s**, {floor['cpu_us_per_row']:.1f} µs of "
                f"CPU per row. The batch target of {TARGET_BATCH:,} events/s on {n} cores leaves "
                f"{int(n) / TARGET_BATCH * 1e6:.0f} µs of CPU per event for everything.{share}"
            )
        L.append("")
    lags = [c for c in cases if c.get("profiles")]
    if lags:
        L.append(
            "DriftWatch's profiles (what drift, quality and performance read) after each case's drain, "
            "from `GET /health`: stored events the profiler had not counted yet, and the seconds until "
            "it had counted every one (it runs once a second, so up to a second of events is normal)."
        )
        L.append("")
        L.append("| batch | events behind after the drain | caught up after s |")
        L.append("| ---: | ---: | ---: |")
        for c in lags:
            p = c["profiles"]
            if "error" in p:
                L.append(f"| {c['batch']} | {p['error']} | |")
                continue
            caught = "not within the timeout" if p["caught_up_s"] is None else f"{p['caught_up_s']:.1f}"
            L.append(f"| {c['batch']} | {fmt_int(p['events_behind_after_drain'])} | {caught} |")
        L.append("")

    problems = []
    for c in cases:
        tag = f"batch {c['batch']}, {c['label']}"
        if c["error"]:
            problems.append(f"{tag}: {c['error']}")
        # A clean exit after SIGTERM: 0, or the signal itself (uvicorn re-raises it after its shutdown).
        if c.get("exit_status") not in (None, 0, -signal.SIGTERM):
            problems.append(f"{tag}: the server exited with status {c['exit_status']} after SIGTERM")
        for p in c.get("stored_problems", []):
            problems.append(f"{tag}: {p}")
        for phase in ("warmup", "result"):
            res = c.get(phase)
            if res and (res["non_200"] or any(res["socket_errors"].values())):
                what = [f"{n} answers with status {code}" for code, n in sorted(res["statuses"].items())]
                what += [f"{n} socket {kind} errors" for kind, n in sorted(res["socket_errors"].items()) if n]
                problems.append(
                    f"{tag} ({'warm-up' if phase == 'warmup' else 'measured'}): "
                    + ", ".join(what)
                    + " (not counted as stored)"
                )
    busy = [c for c in cases if c.get("other_cpu_s") is not None and c["other_cpu_s"] / c["cpu_wall_s"] > 0.1]
    for c in busy:
        problems.append(
            f"batch {c['batch']}, {c['label']}: other processes used "
            f"{c['other_cpu_s'] / c['cpu_wall_s']:.2f} cores during the measurement "
            f"(load average {c.get('loadavg_before')} before, {c.get('loadavg_after')} after): "
            f"the machine was not idle, so this case's numbers are depressed"
        )
    L.append("## Problems")
    L.append("")
    L.extend([f"- {p}" for p in problems] or ["None: every answer was 200 and every acknowledged event was stored."])
    L.append("")

    L.append("## Machine and versions")
    L.append("")
    L.append(f"- CPU: {machine['cpu']} · nproc {n} · memory {machine['memory']} · {machine['os']}")
    L.append(
        f"- Load average (1/5/15 min): {machine['loadavg_before']} before the run, {machine['loadavg_after']} after"
    )
    L.append(f"- DriftWatch: commit {machine['commit']}, `{short_path(args.binary)}`, built with {machine['swift']}")
    bp = machine["baseline_python"] or {}
    L.append(
        "- Baseline: "
        + (", ".join(f"{k} {v}" for k, v in bp.items()) if bp else "versions unknown")
        + "; uvicorn with one worker process, `--loop uvloop --http httptools`, no access log"
    )
    L.append(
        f"- Load generator: {machine['wrk']}, `bench/ingest/loadgen.lua`, {args.threads} thread(s), "
        f"--timeout {args.timeout:g}s, timestamps `{args.timestamps}` ("
        + (
            "no `ts`: each server stamps events on receipt, as a live model service's events are"
            if args.timestamps == "receipt"
            else "each event at a random time of 2026-11-22, as a backfill of a day"
        )
        + ")"
    )
    L.append(f"- Stores in {machine['store_dir']} ({machine['store_filesystem']})")
    L.append("")
    L.append("Server command lines:")
    L.append("")
    seen = set()
    for c in cases:
        if c["server"] not in seen:
            seen.add(c["server"])
            L.append(f"- {c['label']}: `{c['argv']}`")
    L.append("")
    return "\n".join(L)


def short_path(p: str) -> str:
    if os.path.isabs(p) and (p + os.sep).startswith(REPO + os.sep):
        return os.path.relpath(p, REPO)
    return p


# ------------------------------------------------------------------ main
def parse_connections(spec: str) -> dict[int, int]:
    out = {}
    for item in spec.split(","):
        batch, conns = item.split(":")
        out[int(batch)] = int(conns)
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument(
        "--binary",
        default=os.path.join(REPO, ".build", "release", "driftwatch"),
        help="the driftwatch binary (default: .build/release/driftwatch, built if missing)",
    )
    ap.add_argument("--no-build", action="store_true", help="never run swift build")
    ap.add_argument(
        "--python", default=DEFAULT_PYTHON, help="python of the baseline's venv (default bench/ingest/.venv/bin/python)"
    )
    ap.add_argument("--servers", default="driftwatch,baseline", help="comma-separated: driftwatch,baseline")
    ap.add_argument("--batches", default="1,100,1000", help="events per request, comma-separated")
    ap.add_argument(
        "--connections",
        default="1:64,100:16,1000:8",
        help="connections per batch size as batch:connections,... (default 1:64,100:16,1000:8; "
        "16 for a batch size not listed)",
    )
    ap.add_argument(
        "--threads",
        type=int,
        default=2,
        help="wrk threads, capped at the connections (default 2: one per core of the project's machines)",
    )
    ap.add_argument(
        "--timestamps",
        choices=["day", "receipt"],
        default="day",
        help="day (default): events stamped at random times of one day; receipt: no ts, stamped on arrival",
    )
    ap.add_argument("--duration", type=float, default=15, help="seconds of measured load per case (default 15)")
    ap.add_argument("--warmup", type=float, default=3, help="seconds of warm-up load per case (default 3; 0: none)")
    ap.add_argument("--drain", type=float, default=5, help="seconds after the load for the last answers (default 5)")
    ap.add_argument("--timeout", type=float, default=60, help="wrk's per-request timeout in seconds (default 60)")
    ap.add_argument(
        "--profiles-timeout",
        type=float,
        default=300,
        help="seconds to wait after the load for DriftWatch's profiles to count every stored event (default 300)",
    )
    ap.add_argument("--start-timeout", type=float, default=60, help="seconds to wait for /health (default 60)")
    ap.add_argument(
        "--driftwatch-arg",
        action="append",
        default=[],
        help="extra argument for `driftwatch serve` (repeatable), e.g. --driftwatch-arg=--max-pending-events=400000",
    )
    ap.add_argument(
        "--wait-idle",
        type=float,
        default=0,
        metavar="S",
        help="before each case, wait up to S seconds for other processes to leave the "
        "machine idle (default 0: do not wait)",
    )
    ap.add_argument(
        "--floor-rows",
        type=int,
        default=1_000_000,
        help="rows SQLite alone inserts for the report's ceiling (sqlite_floor.c; default 1000000; 0: skip)",
    )
    ap.add_argument("--tmpdir", default=None, help="where the fresh stores go (default: the system temp dir)")
    ap.add_argument("--keep-data", action="store_true", help="keep each case's store")
    ap.add_argument("--out", default=os.path.join(RESULTS, "latest.md"))
    args = ap.parse_args(argv)
    args.binary = os.path.abspath(args.binary)
    args.batches = [int(b) for b in args.batches.split(",")]
    conns = parse_connections(args.connections)
    servers = make_servers(args)
    chosen = [s.strip() for s in args.servers.split(",") if s.strip()]
    unknown = [s for s in chosen if s not in servers]
    if unknown:
        ap.error(f"unknown server(s) {unknown}; choose from {sorted(servers)}")
    os.makedirs(os.path.join(RESULTS, "runs"), exist_ok=True)

    if not shutil.which("wrk"):
        log("wrk is not installed: run `bash bench/ingest/setup.sh` first")
        return 1
    if "baseline" in chosen and not os.path.exists(args.python):
        log(f"{args.python} does not exist: run `bash bench/ingest/setup.sh` first (or pass --python)")
        return 1
    if "driftwatch" in chosen:
        problem = ensure_binary(args)
        if problem:
            log(problem)
            return 1

    started = _dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
    machine = machine_info(args)
    machine["loadavg_before"] = loadavg()
    log(f"nproc {machine['nproc']}, load average {machine['loadavg_before']}; client and servers share these cores")

    cases = []
    for batch in args.batches:
        for key in chosen:
            cases.append(run_case(args, servers[key], batch, conns.get(batch, 16)))
    floor = run_floor(args)
    machine["loadavg_after"] = loadavg()

    report = build_report(cases, args, machine, started, floor)
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "w") as f:
        f.write(report)
    raw = {
        "started": started,
        "machine": machine,
        "args": {k: v for k, v in vars(args).items()},
        "cases": cases,
        "sqlite_floor": floor,
    }
    stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    for name in ("latest.json", f"ingest-{stamp}.json"):
        with open(os.path.join(RESULTS, name), "w") as f:
            json.dump(raw, f, indent=2)
    print(report)
    log(f"report: {short_path(os.path.abspath(args.out))}; raw: {short_path(os.path.join(RESULTS, 'latest.json'))}")

    if any(c["error"] for c in cases):
        return 1
    if not all(c.get("stored_ok") for c in cases):
        return 3
    return 0


if __name__ == "__main__":
    sys.exit(main())
