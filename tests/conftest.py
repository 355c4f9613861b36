"""Test set-up shared by every test: offscreen Qt, and settings that never touch the user's."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from mmtimer.app import SERIAL_FILLS
from tests.xserver import xserver  # noqa: F401 - the X11 tests' fixture, for every test module

# No timed assertions (project rule): a Hypothesis example that takes long on a loaded 2-core
# machine is not a failure.
settings.register_profile("mmtimer", deadline=None)
settings.load_profile("mmtimer")

# Qt reads these when the QApplication is made (pytest-qt makes it on first use of qtbot).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
# and the tests paint as mmtimer does, every fill on the painting thread (mmtimer.app)
os.environ.setdefault(*SERIAL_FILLS)


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Point QSettings (INI format), the data folder and the cache at a temporary place for every
    test."""
    root = tmp_path_factory.mktemp("settings")
    keys = ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "MMTIMER_HOME")
    old = {k: os.environ.get(k) for k in keys}
    os.environ["XDG_CONFIG_HOME"] = str(root / "config")
    os.environ["XDG_CACHE_HOME"] = str(root / "cache")  # compiled translations (ui/i18n.py)
    os.environ["XDG_DATA_HOME"] = str(root / "data")
    os.environ["MMTIMER_HOME"] = str(root / "mmtimer")
    yield root
    for key, value in old.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value
