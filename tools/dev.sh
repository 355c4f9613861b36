#!/usr/bin/env bash
# Set up .venv (once, or when pyproject.toml changes) and run mmtimer or its checks.
#   bash tools/dev.sh run [ARGS...]   start the app (default: the bundled example stage)
#   bash tools/dev.sh test [PYTEST_ARGS...]   ruff, ruff format --check, mypy --strict,
#                                     import-linter, then pytest
#   bash tools/dev.sh setup           only set up .venv
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
VENV=${MMTIMER_VENV:-.venv}

setup() {
    local stamp="$VENV/.mmtimer-installed"
    if [ ! -x "$VENV/bin/python" ]; then
        "$PYTHON" -m venv "$VENV"
    fi
    if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
        "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade pip
        "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -e ".[test]"
        touch "$stamp"
    fi
}

checks() {
    local py="$VENV/bin/python"
    echo "== ruff check";        "$py" -m ruff check .
    echo "== ruff format";       "$py" -m ruff format --check .
    echo "== mypy --strict";     "$py" -m mypy
    echo "== import-linter";     "$VENV/bin/lint-imports"
    echo "== pytest"
    QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen} "$py" -m pytest "$@"
}

cmd=${1:-test}
shift || true
case "$cmd" in
    setup) setup ;;
    run) setup; exec "$VENV/bin/python" -m mmtimer "$@" ;;
    test) setup; checks "$@" ;;
    *) echo "usage: bash tools/dev.sh run|test|setup [ARGS...]" >&2; exit 2 ;;
esac
