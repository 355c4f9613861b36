"""Guard against the PySide6 6.12.0 defect on Python < 3.12 (DESIGN.md).

Every void Qt call dropped a reference to None; after a few thousand calls Python aborted with
`none_dealloc`. If an upgrade brings it back, these tests fail instead of the app crashing.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPen
from pytestqt.qtbot import QtBot

CALLS = 10_000


def test_void_qt_calls_keep_none_alive(qtbot: QtBot) -> None:
    image = QImage(16, 16, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    pen = QPen(QColor("red"))
    before = sys.getrefcount(None)
    for _ in range(CALLS):
        painter.setPen(pen)  # void
        painter.drawLine(0, 0, 15, 15)  # void
    after = sys.getrefcount(None)
    painter.end()
    # Immortal None (3.12+) reports a huge constant; on 3.11 a leak shows as a fall of ~2 x CALLS.
    assert after >= before - 100, f"None refcount fell by {before - after} over {CALLS} calls"


class _Emitter(QObject):
    fired = Signal()


def test_signal_emit_keeps_true_alive(qtbot: QtBot) -> None:
    emitter = _Emitter()
    seen = []
    emitter.fired.connect(lambda: seen.append(1))
    before = sys.getrefcount(True)
    for _ in range(CALLS):
        emitter.fired.emit()
    after = sys.getrefcount(True)
    assert len(seen) == CALLS
    assert after >= before - 100, f"True refcount fell by {before - after} over {CALLS} emits"
