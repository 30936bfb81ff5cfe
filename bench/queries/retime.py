"""Times the query benchmark's reads again against a server already holding its data.

`run.py` leaves its data directory (`/tmp/driftwatch-queries-*`) in place; serve it again with
the monitors off and time the reads on an idle machine:

  .build/release/driftwatch serve --config DIR/config.yaml --data-dir DIR --port 18123 &
  python3 bench/queries/retime.py http://127.0.0.1:18123

Each read: 2 warm-ups, then 50 timed requests one at a time; prints p50 and p95. The extra
"segments 24h on whole hours" read covers the last 24 whole hours, so its window has no
minute buckets at its edges. The "…, start at minute M" reads end now and start M minutes past
an hour 24 hours back, so that the minute buckets at the start edge (60 − M per segment value)
are the same whatever the time of the run. Standard library only.
"""

import datetime
import sys
import time
import urllib.request

SAMPLES = 50


def timed(base: str, path: str) -> tuple[float, int]:
    started = time.perf_counter()
    with urllib.request.urlopen(base + path, timeout=600) as answer:
        answer.read()
        status = answer.status
    return (time.perf_counter() - started) * 1000, status


def main() -> None:
    base = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:18123"
    now = datetime.datetime.now(datetime.timezone.utc)
    end = now.replace(minute=0, second=0, microsecond=0)
    start = end - datetime.timedelta(hours=24)
    stamp = lambda moment: moment.strftime("%Y-%m-%dT%H:%M:%SZ")
    queries = {
        "overview 24h": "/v1/models/bench/overview?window=24h",
        "overview 1h, one segment": "/v1/models/bench/overview?window=1h&segment=region:eu",
        "latency 24h": "/v1/models/bench/latency?window=24h",
        "segments 24h": "/v1/models/bench/segments?window=24h",
        "segments 24h on whole hours": f"/v1/models/bench/segments?from={stamp(start)}&to={stamp(end)}",
        "quality 24h": "/v1/models/bench/quality?window=24h",
        **{
            f"{read} ending now, start at minute {minute}": (
                f"/v1/models/bench/{read}?from={stamp(start + datetime.timedelta(minutes=minute))}"
                f"&to={stamp(now + datetime.timedelta(seconds=1))}"
            )
            for read in ("overview", "segments")
            for minute in (1, 30, 59)
        },
        "drift 1h": "/v1/models/bench/drift?window=1h",
        "drift 24h": "/v1/models/bench/drift?window=24h",
        "performance 24h": "/v1/models/bench/performance?window=24h",
        "performance 24h, one segment": "/v1/models/bench/performance?window=24h&segment=region:eu",
    }
    medians = {}
    for name, path in queries.items():
        samples = []
        status = 0
        for attempt in range(2 + SAMPLES):
            milliseconds, status = timed(base, path)
            if attempt >= 2:
                samples.append(milliseconds)
        samples.sort()
        p50 = samples[len(samples) // 2]
        p95 = samples[min(len(samples) - 1, int(0.95 * len(samples)))]
        medians[name] = p50
        print(f"{name}: p50 {p50:.1f} ms, p95 {p95:.1f} ms, status {status}", flush=True)
    print(f"drift 24h / drift 1h (p50): {medians['drift 24h'] / medians['drift 1h']:.2f}")


if __name__ == "__main__":
    main()
