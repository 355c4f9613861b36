"""The `mmtimer` command without a window."""

from __future__ import annotations

import subprocess
import sys

from mmtimer import __version__


def test_version_prints_without_a_window() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "mmtimer", "--version"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
        env={"PATH": "", "QT_QPA_PLATFORM": "none-such"},  # any attempt at a window would fail
    )
    assert done.stdout.strip() == f"mmtimer {__version__}"


def test_version_does_not_import_qt() -> None:
    code = (
        "import sys\nfrom mmtimer.cli import main\n"
        "try:\n    main(['--version'])\nexcept SystemExit:\n    pass\n"
        "print(any(m.startswith('PySide6') for m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip().endswith("False")
