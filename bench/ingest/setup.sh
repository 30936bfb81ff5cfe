#!/usr/bin/env bash
# Prepare the ingest benchmark (see README.md):
#   - wrk, the load generator (Debian package `wrk`), installed with apt-get when missing;
#   - a C compiler and SQLite's headers (`gcc`, `libsqlite3-dev`) for sqlite_floor.c, the
#     report's measurement of SQLite alone;
#   - bench/ingest/.venv with the FastAPI + SQLite baseline's packages, pinned in
#     requirements.txt (fastapi, pydantic, uvicorn, uvloop, httptools and their dependencies).
# Re-running is cheap: apt-get and pip skip what is installed.
#
# Environment: DWBENCH_INGEST_PYTHON_BASE, the interpreter the venv is made from (default python3,
# 3.10 or later).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
py="${DWBENCH_INGEST_PYTHON_BASE:-python3}"
venv="$here/.venv"

if ! "$py" -c 'import sys; sys.exit(sys.version_info[:2] < (3, 10))'; then
    echo "setup.sh: $py is $("$py" --version 2>&1); the baseline needs Python 3.10 or later." >&2
    echo "          Set DWBENCH_INGEST_PYTHON_BASE to such an interpreter." >&2
    exit 2
fi

if ! command -v wrk >/dev/null 2>&1; then
    echo "[setup] installing wrk"
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq wrk
fi
echo "[setup] $(wrk -v 2>&1 | head -n 1 | sed 's/ Copyright.*//')"

if ! command -v cc >/dev/null 2>&1 || [ ! -f /usr/include/sqlite3.h ]; then
    echo "[setup] installing gcc and libsqlite3-dev"
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq gcc libsqlite3-dev
fi

if [ ! -x "$venv/bin/python" ]; then
    echo "[setup] creating $venv with $("$py" --version 2>&1)"
    "$py" -m venv "$venv"
fi
echo "[setup] installing the baseline's packages into $venv"
"$venv/bin/python" -m pip install --disable-pip-version-check -q -r "$here/requirements.txt"

echo "[setup] checking imports"
"$venv/bin/python" -c 'import fastapi, pydantic, uvicorn, uvloop, httptools, sqlite3
print("  fastapi", fastapi.__version__, "pydantic", pydantic.VERSION, "uvicorn", uvicorn.__version__,
      "uvloop", uvloop.__version__, "httptools", httptools.__version__, "sqlite", sqlite3.sqlite_version)'
echo "[setup] done; now: bash bench/ingest/run.sh"
