"""mmtimer keeps Qt's fills on the painting thread (app.SERIAL_FILLS): a blend that Qt would
hand to its pool of GUI threads starts no thread. Run in a child process, since Qt reads the
switch once, when it first paints."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

CHILD = """
import os, sys
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap
from PySide6.QtWidgets import QApplication
if sys.argv[1] == "mmtimer":
    from mmtimer.app import make_application
    make_application()
else:
    QApplication(sys.argv[:1])
screen = QImage(600, 600, QImage.Format.Format_ARGB32_Premultiplied)
screen.fill(QColor("#333333"))
glass = QPixmap(600, 600)
glass.fill(QColor(255, 255, 255, 20))
painter = QPainter(screen)
painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
painter.drawPixmap(QRectF(0, 0, 600, 600), glass, QRectF(0, 0, 600, 600))  # 600 scanlines
painter.end()
names = [open(f"/proc/self/task/{t}/comm").read().strip() for t in os.listdir("/proc/self/task")]
print(sum(name == "Thread (pooled)" for name in names))
"""


def _pool_threads(how: str, **env_extra: str) -> int:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT), **env_extra}
    env.pop("QT_NO_GUI_THREADPOOL", None)  # the suite's own (tests/conftest.py)
    done = subprocess.run(
        [sys.executable, "-c", CHILD, how],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return int(done.stdout.split()[-1])


def test_mmtimer_paints_a_large_blend_on_its_own_thread() -> None:
    assert _pool_threads("mmtimer") == 0


def test_a_bare_qt_application_hands_the_same_blend_to_its_thread_pool() -> None:
    """The check above can fail: the same blend, without mmtimer's switch, starts pool threads
    (on one core too: Qt's pool then has one thread, and the painting thread waits for it)."""
    assert _pool_threads("bare") > 0


def test_mmtimer_can_be_told_to_keep_qts_pool() -> None:
    assert _pool_threads("mmtimer", MMTIMER_QT_THREAD_POOL="1") > 0
