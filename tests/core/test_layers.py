"""The layer rule at run time: the core imports no Qt, and only core/clock.py reads the time."""

from __future__ import annotations

import ast
import pkgutil
import subprocess
import sys
from pathlib import Path

import mmtimer.core

CORE_DIR = Path(mmtimer.core.__file__).parent
FORBIDDEN = ("PySide6", "shiboken6", "pyqtgraph", "mmtimer.ui", "mmtimer.app")


def core_modules() -> list[str]:
    return sorted(f"mmtimer.core.{info.name}" for info in pkgutil.iter_modules([str(CORE_DIR)]))


def test_there_are_core_modules_to_check() -> None:
    assert "mmtimer.core.clock" in core_modules()


def test_importing_every_core_module_loads_no_qt() -> None:
    code = (
        "import importlib, sys\n"
        f"for name in {core_modules()!r}:\n"
        "    importlib.import_module(name)\n"
        f"bad = sorted(m for m in sys.modules if m.split('.')[0] in {FORBIDDEN!r}"
        f" or any(m == f or m.startswith(f + '.') for f in {FORBIDDEN!r}))\n"
        "print(','.join(bad))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.strip() == "", f"the core pulled in: {done.stdout.strip()}"


TIME_READERS = {
    ("time", "time"),
    ("time", "time_ns"),
    ("time", "monotonic"),
    ("time", "monotonic_ns"),
    ("time", "perf_counter"),
    ("time", "perf_counter_ns"),
    ("time", "clock_gettime"),
    ("time", "clock_gettime_ns"),
    ("datetime", "now"),
    ("datetime", "utcnow"),
    ("datetime", "today"),
    ("date", "today"),
}


def _reads_time(tree: ast.AST) -> list[str]:
    found = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and (node.value.id, node.attr) in TIME_READERS
        ):
            found.append(f"line {node.lineno}: {node.value.id}.{node.attr}")
        if isinstance(node, ast.ImportFrom) and node.module in ("time", "datetime"):
            for alias in node.names:
                if (node.module, alias.name) in TIME_READERS:
                    found.append(f"line {node.lineno}: from {node.module} import {alias.name}")
    return found


def test_only_the_clock_module_reads_the_time() -> None:
    offenders = {}
    for path in sorted(CORE_DIR.glob("*.py")):
        if path.name == "clock.py":
            continue
        found = _reads_time(ast.parse(path.read_text(encoding="utf-8")))
        if found:
            offenders[path.name] = found
    assert offenders == {}


def test_the_time_check_finds_a_reader() -> None:
    assert _reads_time(ast.parse("import time\nx = time.monotonic_ns()\n"))
    assert _reads_time(ast.parse("from datetime import datetime\nd = datetime.now()\n"))
