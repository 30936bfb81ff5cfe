"""Baseline ingestion service for the ingest benchmark: FastAPI + pydantic + SQLite.

This is the kind of ingestion endpoint that older ML-monitoring stacks ship: a pydantic
model of the inference event, a FastAPI route that validates the request body, and the
standard library's sqlite3 storing the rows. Like DriftWatch it answers only after the
rows are committed, with the same durability: WAL journal and synchronous=FULL (every
commit is fsynced before the answer).

    POST /v1/inferences   one JSON object or a JSON array of objects (application/json)
                          -> 200 {"accepted": N, "duplicates": D, "request_ids": [...], "rejected": []}
                          -> 422 when any event fails validation (the whole request is refused)
    GET  /health          -> 200 {"status": "ok"}

The table has the columns of DriftWatch's inference_events (times as INTEGER Unix epoch
milliseconds, features/segments/probabilities as compact JSON text, UNIQUE (model_id,
request_id) with duplicates ignored, an index on (model_id, ts)), so both servers write the
same rows into the same shape of table.

FastAPI parses and validates the body on the event loop, then runs the plain `def` route in
its worker-thread pool. The routes share one SQLite connection behind a lock: SQLite admits
one writer at a time anyway, and a lock wakes the next writer as soon as the previous commit
is done (SQLite's own busy handler would sleep and poll). Run it under uvicorn with ONE
worker process, e.g.:

    BASELINE_DB=/tmp/baseline.sqlite uvicorn baseline_app:app --workers 1 --port 8001 \
        --loop uvloop --http httptools --no-access-log --timeout-keep-alive 120

Environment: BASELINE_DB, the SQLite file (default ./baseline.sqlite).
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
import time
from datetime import datetime, timezone

from fastapi import FastAPI
from pydantic import BaseModel

DB_PATH = os.environ.get("BASELINE_DB", "baseline.sqlite")

SCHEMA = """
CREATE TABLE IF NOT EXISTS inference_events (
    id INTEGER PRIMARY KEY,
    model_id TEXT NOT NULL,
    model_version TEXT,
    request_id TEXT NOT NULL,
    ts INTEGER NOT NULL,
    y_pred_num REAL,
    y_pred_text TEXT,
    y_proba TEXT NOT NULL DEFAULT '{}',
    latency_ms REAL,
    features TEXT NOT NULL DEFAULT '{}',
    segments TEXT NOT NULL DEFAULT '{}',
    error TEXT,
    received_at INTEGER NOT NULL,
    UNIQUE (model_id, request_id)
) STRICT;
CREATE INDEX IF NOT EXISTS inference_events_model_ts ON inference_events (model_id, ts);
"""

INSERT = """
INSERT OR IGNORE INTO inference_events
    (model_id, model_version, request_id, ts, y_pred_num, y_pred_text, y_proba,
     latency_ms, features, segments, error, received_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
"""


class InferenceEvent(BaseModel):
    """One inference event, the same JSON shape DriftWatch accepts."""

    model_id: str
    model_version: str | None = None
    request_id: str
    ts: datetime | None = None  # stamped on receipt when missing, as DriftWatch does
    y_pred_num: float | None = None
    y_pred_text: str | None = None
    y_proba: dict[str, float] = {}
    latency_ms: float | None = None
    features: dict[str, float | str | None] = {}
    segments: dict[str, str] = {}
    error: str | None = None


def _connect() -> sqlite3.Connection:
    """A connection with the benchmark's durability settings: WAL + synchronous=FULL.

    Autocommit mode (isolation_level=None): the route opens and commits its transaction
    itself. timeout: how long to wait for another process's lock before failing.
    """
    conn = sqlite3.connect(DB_PATH, timeout=60.0, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    return conn


_conn = _connect()
_conn.executescript(SCHEMA)
_write_lock = threading.Lock()  # one transaction at a time on the shared connection


def _epoch_ms(ts: datetime | None) -> int:
    if ts is None:
        ts = datetime.now(timezone.utc)
    if ts.tzinfo is None:
        ts = ts.replace(tzinfo=timezone.utc)
    return round(ts.timestamp() * 1000)


def _compact(obj: dict) -> str:
    return json.dumps(obj, separators=(",", ":"))


app = FastAPI(title="ingest benchmark baseline")


@app.get("/health")
def health() -> dict:
    return {"status": "ok"}


@app.post("/v1/inferences")
def ingest(body: InferenceEvent | list[InferenceEvent]) -> dict:
    events = body if isinstance(body, list) else [body]
    received_at = round(time.time() * 1000)
    rows = [
        (
            e.model_id,
            e.model_version,
            e.request_id,
            _epoch_ms(e.ts),
            e.y_pred_num,
            e.y_pred_text,
            _compact(e.y_proba),
            e.latency_ms,
            _compact(e.features),
            _compact(e.segments),
            e.error,
            received_at,
        )
        for e in events
    ]
    with _write_lock:
        _conn.execute("BEGIN IMMEDIATE")
        try:
            before = _conn.total_changes
            _conn.executemany(INSERT, rows)
            inserted = _conn.total_changes - before
            _conn.execute("COMMIT")  # fsynced (synchronous=FULL) before the answer goes out
        except BaseException:
            _conn.execute("ROLLBACK")
            raise
    return {
        "accepted": len(events),
        "duplicates": len(events) - inserted,
        "request_ids": [e.request_id for e in events],
        "rejected": [],
    }
