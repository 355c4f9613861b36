"""The digital readout: it repaints from the first character that changed."""

from __future__ import annotations

from PySide6.QtCore import QRect
from pytestqt.qtbot import QtBot

from mmtimer.ui.fonts import load_fonts
from mmtimer.ui.readout import Readout


def test_a_new_hundredth_repaints_only_the_end_of_the_value(qtbot: QtBot) -> None:
    load_fonts()
    readout = Readout("CHRONOGRAPH", "0:00:00.00")
    qtbot.addWidget(readout)
    readout.resize(400, 140)
    readout.set_text("0:00:12.34")
    asked: list[QRect | None] = []
    original = readout.update

    def record(*args: object) -> None:
        asked.append(args[0] if args and isinstance(args[0], QRect) else None)
        original(*args)  # type: ignore[arg-type]

    readout.update = record  # type: ignore[method-assign]
    readout.set_text("0:00:12.35")
    assert asked and asked[-1] is not None
    assert asked[-1].left() > readout.width() // 2  # the last digit only, at the right
    readout.set_text("0:00:12.35")
    assert len(asked) == 1  # the same text: nothing
    readout.set_text("10:00:12.35")  # longer: the whole widget
    assert asked[-1] is None
    assert readout.text() == "10:00:12.35"
