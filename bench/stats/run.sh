#!/usr/bin/env bash
# Run the DriftStats benchmark (see README.md). Options are passed to run.py, e.g.
# --no-build, --binary PATH, --scratch-path DIR, --regenerate, --skip-peers.
# DWBENCH_STATS_PYTHON picks the interpreter with the peers (default /opt/dwfix/bin/python).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here/../.."
exec "${DWBENCH_STATS_PYTHON:-/opt/dwfix/bin/python}" "$here/run.py" "$@"
