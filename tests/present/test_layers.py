"""The layer rule for the presentation layer at run time: mmtimer.present imports no Qt,
pyqtgraph or mmtimer.ui, and reads no clock (every function takes the instant it shows)."""

from __future__ import annotations

import ast
import pkgutil
import subprocess
import sys
from pathlib import Path

import mmtimer.present
from tests.core.test_layers import FORBIDDEN, _reads_time

PRESENT_DIR = Path(mmtimer.present.__file__).parent


def present_modules() -> list[str]:
    return sorted(
        f"mmtimer.present.{info.name}" for info in pkgutil.iter_modules([str(PRESENT_DIR)])
    )


def test_there_are_present_modules_to_check() -> None:
    assert {"mmtimer.present.screen", "mmtimer.present.formats"} <= set(present_modules())


def test_importing_every_present_module_loads_no_qt() -> None:
    code = (
        "import importlib, sys\n"
        f"for name in {present_modules()!r}:\n"
        "    importlib.import_module(name)\n"
        f"bad = sorted(m for m in sys.modules if m.split('.')[0] in {FORBIDDEN!r}"
        f" or any(m == f or m.startswith(f + '.') for f in {FORBIDDEN!r}))\n"
        "print(','.join(bad))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.strip() == "", f"the presentation layer pulled in: {done.stdout.strip()}"


def test_no_present_module_reads_the_time() -> None:
    offenders = {}
    for path in sorted(PRESENT_DIR.glob("*.py")):
        found = _reads_time(ast.parse(path.read_text(encoding="utf-8")))
        if found:
            offenders[path.name] = found
    assert offenders == {}
