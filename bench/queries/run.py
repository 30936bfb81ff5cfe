#!/usr/bin/env python3
"""DriftWatch query benchmark: read endpoints over a model with many stored events.

1. Starts the release `driftwatch serve` on a fresh temporary store (monitors off, so that
   nothing but the benchmark's requests runs).
2. Declares a regression model with 20 numeric features and two segment keys, uploads a
   5,000-row reference, then loads --events events (default 10 million) with timestamps
   spread evenly over the last 24 hours, in NDJSON bodies of --body events. The server's
   resident memory (VmRSS) is read after every tenth of the load.
3. Waits until every event is profiled (the first read catches up), then sends each query
   --repeat times (after 2 warm-ups) one at a time and reports p50 and p95 latency.
4. Compares a drift evaluation of 24 hours with one of 1 hour (p50 ratio).

Prints a Markdown report and writes results/latest.md and results/latest.json.
Standard library only. Usage:
  swift build -c release --product driftwatch
  python3 bench/queries/run.py [--events N] [--binary PATH]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
RESULTS = os.path.join(HERE, "results")
FEATURES = [f"f{i:02d}" for i in range(20)]
REGIONS = ["eu", "us", "apac", "latam"]
CHANNELS = ["web", "app", "pos"]


def log(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def request(base: str, method: str, path: str, body: bytes | None = None, content_type: str = "application/json"):
    req = urllib.request.Request(base + path, data=body, method=method, headers={"Content-Type": content_type})
    try:
        with urllib.request.urlopen(req, timeout=600) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:  # a 4xx/5xx answer is a result too
        return error.code, error.read()


def rss_mib(pid: int) -> float:
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def body(start: int, count: int, total: int, now: float, seed: int) -> bytes:
    rng = random.Random(seed)
    lines = []
    for k in range(start, start + count):
        ts = now - 86_400 + 86_400 * k / total
        features = ",".join(f'"{name}":{rng.gauss(i, 1 + i / 10):.4f}' for i, name in enumerate(FEATURES))
        lines.append(
            f'{{"model_id":"bench","request_id":"r{k}","ts":{ts:.3f},"y_pred_num":{rng.random():.4f},'
            f'"latency_ms":{rng.lognormvariate(3, 0.5):.2f},"features":{{{features}}},'
            f'"segments":{{"region":"{REGIONS[k % 4]}","channel":"{CHANNELS[k % 3]}"}}}}'
        )
    return ("\n".join(lines)).encode()


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=10_000_000)
    parser.add_argument("--body", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--binary", default=os.path.join(REPO, ".build", "release", "driftwatch"))
    args = parser.parse_args()

    data = tempfile.mkdtemp(prefix="driftwatch-queries-")
    config = os.path.join(data, "config.yaml")
    with open(config, "w") as file:
        file.write("monitoring:\n  enabled: false\nlogging:\n  level: warning\n")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [args.binary, "serve", "--config", config, "--data-dir", data, "--port", str(port),
         "--max-body-bytes", str(64 << 20)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(300):
            try:
                request(base, "GET", "/health")
                break
            except OSError:
                time.sleep(0.1)
        declaration = {"id": "bench", "task": "regression",
                       "features": {name: "numeric" for name in FEATURES}, "segments": ["region", "channel"]}
        request(base, "POST", "/v1/models", json.dumps(declaration).encode())
        rng = random.Random(1)
        rows = [",".join(FEATURES)] + [
            ",".join(f"{rng.gauss(i, 1 + i / 10):.4f}" for i in range(len(FEATURES))) for _ in range(5_000)]
        request(base, "POST", "/v1/models/bench/reference", ("\n".join(rows) + "\n").encode(), "text/csv")

        now = time.time()
        memory: list[tuple[int, float]] = [(0, rss_mib(server.pid))]
        loaded = 0
        lock = threading.Lock()
        started = time.time()
        next_report = args.events // 10

        def send(start: int) -> None:
            nonlocal loaded, next_report
            count = min(args.body, args.events - start)
            status, answer = request(base, "POST", "/v1/inferences", body(start, count, args.events, now, start),
                                     "application/x-ndjson")
            accepted = json.loads(answer)["accepted"]
            if status != 200 or accepted != count:
                raise RuntimeError(f"body at {start}: status {status}, accepted {accepted} of {count}")
            with lock:
                loaded += count
                if loaded >= next_report:
                    memory.append((loaded, rss_mib(server.pid)))
                    log(f"{loaded:,} events, {loaded / (time.time() - started):,.0f}/s, "
                        f"RSS {memory[-1][1]:.0f} MiB")
                    next_report += args.events // 10

        with ThreadPoolExecutor(max_workers=2) as pool:
            list(pool.map(send, range(0, args.events, args.body)))
        load_seconds = time.time() - started
        # Labels for one prediction in 20, so that performance has something to score.
        for start in range(0, args.events, 20 * args.body):
            labels = "\n".join(
                f'{{"model_id":"bench","request_id":"r{k}","y_true_num":{(k % 7) / 7:.4f}}}'
                for k in range(start, min(start + 20 * args.body, args.events), 20))
            request(base, "POST", "/v1/labels", labels.encode(), "application/x-ndjson")

        caught = time.time()
        request(base, "GET", "/v1/models/bench/overview?window=25h")
        catch_up = time.time() - caught
        memory.append((loaded, rss_mib(server.pid)))

        queries = {
            "overview 24h": "/v1/models/bench/overview?window=24h",
            "overview 1h, one segment": "/v1/models/bench/overview?window=1h&segment=region:eu",
            "latency 24h": "/v1/models/bench/latency?window=24h",
            "segments 24h": "/v1/models/bench/segments?window=24h",
            "quality 24h": "/v1/models/bench/quality?window=24h",
            "drift 1h": "/v1/models/bench/drift?window=1h",
            "drift 24h": "/v1/models/bench/drift?window=24h",
            "performance 24h": "/v1/models/bench/performance?window=24h",
            "timeseries 24h": "/v1/models/bench/timeseries?metric=dataset_drift_share&window=24h",
        }
        timings: dict[str, dict[str, float]] = {}
        for name, path in queries.items():
            samples = []
            status = 0
            for attempt in range(args.repeat + 2):
                t0 = time.perf_counter()
                status, _ = request(base, "GET", path)
                if attempt >= 2:
                    samples.append((time.perf_counter() - t0) * 1000)
            timings[name] = {"p50_ms": percentile(samples, 0.5), "p95_ms": percentile(samples, 0.95), "status": status}
            log(f"{name}: p50 {timings[name]['p50_ms']:.1f} ms, p95 {timings[name]['p95_ms']:.1f} ms")
        ratio = timings["drift 24h"]["p50_ms"] / timings["drift 1h"]["p50_ms"]
    finally:
        server.terminate()
        server.wait(timeout=60)

    os.makedirs(RESULTS, exist_ok=True)
    result = {"events": args.events, "load_seconds": load_seconds, "catch_up_seconds": catch_up,
              "memory_mib": memory, "timings": timings, "drift_24h_over_1h": ratio,
              "when": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
    with open(os.path.join(RESULTS, "latest.json"), "w") as file:
        json.dump(result, file, indent=2)
    lines = [
        f"Query benchmark, {args.events:,} events of one model (20 features, 2 segment keys) over 24 h, "
        f"{result['when']}", "",
        f"- load: {load_seconds:.0f} s ({args.events / load_seconds:,.0f} events/s, bodies of {args.body:,}); "
        f"profiles caught up {catch_up:.1f} s after the last body",
        "- server RSS (MiB) by events stored: " + ", ".join(f"{n:,}: {m:.0f}" for n, m in memory),
        f"- drift of 24 h / drift of 1 h (p50): {ratio:.2f}", "",
        "| query | status | p50 ms | p95 ms |", "|---|---|---|---|",
    ] + [f"| {name} | {t['status']} | {t['p50_ms']:.1f} | {t['p95_ms']:.1f} |" for name, t in timings.items()]
    report = "\n".join(lines) + "\n"
    with open(os.path.join(RESULTS, "latest.md"), "w") as file:
        file.write(report)
    print(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
