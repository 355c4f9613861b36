"""The benchmarks are not run by the test suite (they print figures and take minutes), so a
rename in mmtimer could break one unnoticed: every name a benchmark imports from mmtimer, at
the top or inside a function, must still exist."""

from __future__ import annotations

import ast
import importlib
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

BENCHMARKS = sorted((Path(__file__).parent / "benchmarks").glob("bench_*.py"))


@pytest.mark.parametrize("path", BENCHMARKS, ids=lambda p: p.name)
def test_every_name_a_benchmark_imports_from_mmtimer_exists(path: Path) -> None:
    missing = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("mmtimer"):
            module = importlib.import_module(node.module or "")
            missing += [
                f"{node.module}.{a.name}" for a in node.names if not hasattr(module, a.name)
            ]
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("mmtimer"):
                    importlib.import_module(alias.name)
    assert not missing, f"{path.name} imports names that are gone: {missing}"


# Each benchmark in miniature: the smallest arguments that still run every measure once.
MINIATURE = {
    "bench_big_log.py": ["--events", "2000"],
    "bench_cpu.py": ["--seconds", "0.5", "--rounds", "1", "--offscreen", "--sweep"],
    "bench_dial.py": ["--frames", "2", "--seconds", "0.2"],
    "bench_driverpage.py": ["--presses", "4"],
    "bench_gps.py": [],
    "bench_keypress.py": ["--presses", "20"],
    "bench_log.py": ["--events", "1000", "--presses", "10", "--appends", "10"],
    "bench_pacer.py": [],
    "bench_replay.py": ["--events", "2000", "--seeks", "3"],
    "bench_scoring.py": [],
    "bench_stageeditor.py": [],
    "bench_startup.py": ["--runs", "1"],
}


def test_every_benchmark_has_a_miniature() -> None:
    assert sorted(MINIATURE) == [p.name for p in BENCHMARKS]


@pytest.mark.parametrize("name", sorted(MINIATURE))
def test_every_benchmark_runs_in_miniature(name: str, tmp_path: Path) -> None:
    """A benchmark that calls a method mmtimer renamed fails here, not on the day it is needed.
    Only that it runs and prints figures is checked: its figures are not asserted."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path))
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")
    env["XDG_DATA_HOME"] = str(tmp_path / "data")
    done = subprocess.run(
        [sys.executable, str(Path(__file__).parent / "benchmarks" / name), *MINIATURE[name]],
        capture_output=True,
        text=True,
        env=env,
        timeout=240,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert re.search(r"\d", done.stdout), f"{name} printed no figure:\n{done.stdout}"
