#!/usr/bin/env bash
# The SQLite writer's floor for the ingest benchmark (see sqlite_floor.c): builds the program
# against the system SQLite (the library the server links) and inserts ROWS events in
# transactions of ROWS_PER_COMMIT into a fresh database.
#   bash bench/ingest/sqlite_floor.sh [ROWS (default 1000000)] [ROWS_PER_COMMIT (default 1000)] [receipt (default)|day]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cc -O2 -o "$work/sqlite_floor" "$here/sqlite_floor.c" -lsqlite3
"$work/sqlite_floor" "$work/floor.sqlite" "${1:-1000000}" "${2:-1000}" "${3:-receipt}"
