#!/usr/bin/env bash
# Run the ingest benchmark (see README.md). Needs `bash bench/ingest/setup.sh` once first.
# Options are passed to run.py, e.g. --duration 15, --batches 1,100,1000,
# --connections 1:64,100:16,1000:8, --threads 1, --servers driftwatch,baseline,
# --binary PATH, --no-build. Builds .build/release/driftwatch when it is missing.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here/../.."
exec "${PYTHON:-python3}" "$here/run.py" "$@"
