"""The pacer panel: large, calm readouts of an average trial, rendered from present.pacer.

It only shows the `PacerView` it is given (`set_view`); a label's text is set only when it
changes, so ten frames a second cost a few label updates. The tone of ahead/behind colours one
readout (blue early, red late, green within a second), nothing flashes.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QWidget

from mmtimer.present.pacer import PacerTone, PacerView
from mmtimer.ui.fonts import MONO, SANS

TONE_COLOURS = {
    PacerTone.NEUTRAL: "#e8e8e8",
    PacerTone.ON_TIME: "#7bd88f",
    PacerTone.EARLY: "#7ab8ff",
    PacerTone.LATE: "#ff7a6e",
}


def _label(points: float, *, bold: bool = False, mono: bool = False) -> QLabel:
    label = QLabel()
    font = QFont(MONO if mono else SANS)
    font.setPointSizeF(points)
    font.setBold(bold)
    label.setFont(font)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    return label


class PacerPanel(QFrame):
    """The pacer of the armed average trial (hidden in other sections)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pacer")
        self.setStyleSheet(
            "#pacer { background: #15181c; border-radius: 8px; }"
            " QLabel { color: #e8e8e8; background: transparent; }"
            " QLabel[role='small'] { color: #9aa3ad; }"
        )
        self.title = _label(11, bold=True)
        self.source = _label(9)
        self.ideal_km = _label(40, bold=True, mono=True)
        self.ideal_label = _label(10)
        self.average = _label(20, bold=True)
        self.next_change = _label(11)
        self.car_km = _label(22, bold=True, mono=True)
        self.car_label = _label(10)
        self.delta_s = _label(22, bold=True, mono=True)
        self.delta_m = _label(13, mono=True)
        self.hold = _label(12, bold=True)
        for small in (self.source, self.ideal_label, self.car_label, self.next_change):
            small.setProperty("role", "small")
        self.next_change.setWordWrap(True)
        self.source.setWordWrap(True)
        layout = QGridLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setVerticalSpacing(2)
        right = Qt.AlignmentFlag.AlignRight
        layout.addWidget(self.title, 0, 0)
        layout.addWidget(self.average, 0, 1, right)
        layout.addWidget(self.ideal_km, 1, 0)
        layout.addWidget(self.car_km, 1, 1, right | Qt.AlignmentFlag.AlignBottom)
        layout.addWidget(self.ideal_label, 2, 0)
        layout.addWidget(self.car_label, 2, 1, right)
        layout.addWidget(self.delta_s, 3, 0, 1, 2)
        layout.addWidget(self.delta_m, 4, 0)
        layout.addWidget(self.hold, 4, 1, right)
        layout.addWidget(self.next_change, 5, 0, 1, 2)
        layout.addWidget(self.source, 6, 0, 1, 2)
        self._tone: PacerTone | None = None
        self.view: PacerView | None = None

    @staticmethod
    def _set(label: QLabel, text: str) -> None:
        if label.text() != text:
            label.setText(text)

    def set_view(self, view: PacerView) -> None:
        self.view = view
        self._set(self.title, view.title)
        self._set(self.source, view.source)
        self._set(self.ideal_km, view.ideal_km)
        self._set(self.ideal_label, view.ideal_label)
        self._set(self.average, view.average)
        self._set(self.next_change, view.next_change)
        self._set(self.car_km, view.car_km)
        self._set(self.car_label, view.car_label)
        self._set(self.delta_s, view.delta_s)
        self._set(self.delta_m, view.delta_m)
        self._set(self.hold, view.hold)
        if view.tone is not self._tone:
            self._tone = view.tone
            colour = TONE_COLOURS[view.tone]
            self.delta_s.setStyleSheet(f"color: {colour};")
        grey = "" if view.live else "color: #9aa3ad;"
        if self.car_km.styleSheet() != grey:
            self.car_km.setStyleSheet(grey)
