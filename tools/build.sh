#!/usr/bin/env bash
# Build the frozen app from a clean tree and smoke-test it.
#   bash tools/build.sh            one-folder build: dist/mmtimer/mmtimer
#   bash tools/build.sh --onefile  also the one-file build: dist/mmtimer-onefile
# Prints the build time, the size, and what --version and --smoke of the frozen app said.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/dev.sh setup
PY=${MMTIMER_VENV:-.venv}/bin/python
"$PY" -m pip install --quiet --disable-pip-version-check -e ".[build]"
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}

build() {
    local t0=$(date +%s)
    "$PY" -m PyInstaller --noconfirm --clean --log-level WARN mmtimer.spec
    echo "== built in $(( $(date +%s) - t0 )) s"
}

rm -rf build dist
build
exe=dist/mmtimer/mmtimer
echo "== one-folder size: $(du -sh dist/mmtimer | cut -f1)"
echo "== $exe --version: $("$exe" --version)"
echo "== $exe --smoke:"
"$exe" --smoke

if [ "${1:-}" = "--onefile" ]; then
    MMTIMER_ONEFILE=1 build
    echo "== one-file size: $(du -sh dist/mmtimer-onefile | cut -f1)"
    echo "== dist/mmtimer-onefile --version: $(dist/mmtimer-onefile --version)"
    dist/mmtimer-onefile --smoke
fi
