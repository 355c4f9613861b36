#!/usr/bin/env bash
# Build the frozen app from a clean tree and smoke-test it.
#   bash tools/build.sh            one-folder build: dist/mmtimer/mmtimer
#   bash tools/build.sh --onefile  also the one-file build: dist/mmtimer-onefile
# Prints the build time, the size (goal: at most 200 MB), the frozen app's time to its first painted
# frame (goal: at most 0.6 s) and its CPU time to it, and what --version and --smoke said. The smoke test
# plays the beeps when there is an audio output: with pulseaudio installed and no sound server
# running (CI), a private one with a null sink serves for the smoke test and is stopped after it.
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
echo "== one-folder size: $(du -sm dist/mmtimer | cut -f1) MB (du -sh: $(du -sh dist/mmtimer | cut -f1); goal: at most 200 MB)"
echo "== $exe --version: $("$exe" --version)"
echo "== $exe check (a subcommand, imported by name): $("$exe" check resources/stages/mille-miglia-day1.stage.toml | head -1)"
"$PY" - "$exe" <<'PY'
import os, re, statistics, subprocess, sys, tempfile, time
exe = sys.argv[1]
env = {**os.environ, "XDG_CONFIG_HOME": tempfile.mkdtemp(prefix="mmtimer-build-")}
def once():
    start = time.perf_counter()
    p = subprocess.Popen([exe, "--quit-after-first-frame"], stdout=subprocess.PIPE,
                         stderr=subprocess.DEVNULL, text=True, env=env)
    line = p.stdout.readline()
    elapsed = time.perf_counter() - start
    p.wait(timeout=30)
    if "first frame" not in line:
        raise SystemExit(f"unexpected output: {line!r}")
    cpu = re.search(r"CPU ([0-9.]+) s", line)  # the app's own CPU time to its first frame
    return elapsed, float(cpu[1]) if cpu else float("nan")
once()  # the file cache
runs = [once() for _ in range(5)]
wall, cpu = [r[0] for r in runs], [r[1] for r in runs]
load = os.getloadavg()
print(f"== {exe} first painted frame: median {statistics.median(wall):.3f} s, max {max(wall):.3f} s over 5 runs (goal: at most 0.6 s)")
print(f"== {exe} CPU time to the first frame: median {statistics.median(cpu):.3f} s, max {max(cpu):.3f} s (less sensitive to load than the wall time; load average {load[0]:.2f})")
PY
pulse_pid=""
if command -v pulseaudio >/dev/null && ! pactl info >/dev/null 2>&1; then
    export PULSE_RUNTIME_PATH
    PULSE_RUNTIME_PATH=$(mktemp -d /tmp/mmtimer-pulse-XXXXXX)
    pulseaudio --daemonize=no --exit-idle-time=-1 -n --log-level=error \
        --load="module-null-sink sink_name=mmtimer_smoke" --load=module-native-protocol-unix \
        >/dev/null 2>&1 &
    pulse_pid=$!
    for _ in $(seq 50); do pactl info >/dev/null 2>&1 && break; sleep 0.1; done
    echo "== a private pulseaudio with a null sink for the smoke test (pid $pulse_pid)"
fi
echo "== $exe --smoke:"
status=0
"$exe" --smoke || status=$?
if [ -n "$pulse_pid" ]; then kill "$pulse_pid" 2>/dev/null || true; fi
[ "$status" -eq 0 ] || exit "$status"

if [ "${1:-}" = "--onefile" ]; then
    MMTIMER_ONEFILE=1 build
    echo "== one-file size: $(du -sh dist/mmtimer-onefile | cut -f1)"
    echo "== dist/mmtimer-onefile --version: $(dist/mmtimer-onefile --version)"
    dist/mmtimer-onefile --smoke
fi
