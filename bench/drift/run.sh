#!/usr/bin/env bash
# Run the DriftWatch drift benchmark. Needs `bash bench/drift/setup.sh` once first.
# Options are passed to run.py: --runs N (default 3), --warmup N (default 1),
# --tools scipy,evidently,nannyml,driftwatch,driftwatch-ks, --no-build, --regenerate, --rows N.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here/../.."
exec "${PYTHON:-python3}" "$here/run.py" "$@"
