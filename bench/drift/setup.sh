#!/usr/bin/env bash
# Create (or bring up to date) the two virtual environments of the drift benchmark:
#   /opt/dwbench-evidently  evidently 0.7 + pandas + scipy   (requirements-evidently.txt)
#   /opt/dwbench-nannyml    nannyml 0.13 + pandas + scipy    (requirements-nannyml.txt)
# Each is pinned: top-level pins in requirements-*.txt, every transitive dependency in
# lock-*.txt (used as pip constraints). Re-running is cheap: pip skips what is installed.
#
# Environment: DWBENCH_PYTHON (default: python3, must be 3.9-3.12 for NannyML),
#              DWBENCH_EVIDENTLY_VENV, DWBENCH_NANNYML_VENV (default: the paths above).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
py="${DWBENCH_PYTHON:-python3}"
ev="${DWBENCH_EVIDENTLY_VENV:-/opt/dwbench-evidently}"
nm="${DWBENCH_NANNYML_VENV:-/opt/dwbench-nannyml}"

if ! "$py" -c 'import sys; sys.exit(not ((3, 9) <= sys.version_info[:2] < (3, 13)))'; then
    echo "setup.sh: $py is $("$py" --version 2>&1); NannyML 0.13 needs Python 3.9-3.12." >&2
    echo "          Set DWBENCH_PYTHON to such an interpreter (e.g. DWBENCH_PYTHON=python3.11)." >&2
    exit 2
fi

make_venv() {  # make_venv DIR NAME
    local dir="$1" name="$2"
    if [ ! -x "$dir/bin/python" ]; then
        echo "[setup] creating $dir with $("$py" --version 2>&1)"
        "$py" -m venv "$dir"
    fi
    echo "[setup] installing $name into $dir"
    "$dir/bin/python" -m pip install --disable-pip-version-check -q \
        -r "$here/requirements-$name.txt" -c "$here/lock-$name.txt"
}

make_venv "$ev" evidently
make_venv "$nm" nannyml

echo "[setup] checking imports"
"$ev/bin/python" -c 'import evidently, pandas, scipy, numpy
from evidently import Report, Dataset, DataDefinition
from evidently.presets import DataDriftPreset
print("  evidently", evidently.__version__, "pandas", pandas.__version__, "scipy", scipy.__version__)'
NML_DISABLE_USAGE_LOGGING=1 "$nm/bin/python" -c 'import nannyml, pandas, scipy
print("  nannyml", nannyml.__version__, "pandas", pandas.__version__, "scipy", scipy.__version__)'
echo "[setup] done; now: bash bench/drift/run.sh"
