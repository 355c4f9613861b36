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
from mmtimer.present.tone import Tone
from mmtimer.ui.fonts import MONO, SANS
from mmtimer.ui.i18n import retranslated
from mmtimer.ui.themes import Panel
from mmtimer.ui.words import shown

TONE_COLOURS = {
    PacerTone.NEUTRAL: "#e8e8e8",
    PacerTone.ON_TIME: "#7bd88f",
    PacerTone.EARLY: "#7ab8ff",
    PacerTone.LATE: "#ff7a6e",
}
GROUND, TEXT, SMALL = "#15181c", "#e8e8e8", "#9aa3ad"


def _style(ground: str, text: str, small: str) -> str:
    return (
        f"#pacer {{ background: {ground}; border-radius: 8px; }}"
        f" QLabel {{ color: {text}; background: transparent; }}"
        f" QLabel[role='small'] {{ color: {small}; }}"
    )


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
        self.setStyleSheet(_style(GROUND, TEXT, SMALL))
        self._tones = dict(TONE_COLOURS)
        self._small = SMALL
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
        retranslated(self, self.retranslate)

    def set_panel(self, panel: Panel) -> None:
        """Take a theme's fixed panel colours (Night: dim amber on black; Daylight: dark on
        white), as the countdown beside it does."""
        small = panel.tone(Tone.IDLE)
        self.setStyleSheet(_style(panel.background, panel.text, small))
        self._small = small
        self._tones = {
            PacerTone.NEUTRAL: panel.text,
            PacerTone.ON_TIME: panel.tone(Tone.EXACT),
            PacerTone.EARLY: panel.tone(Tone.EARLY),
            PacerTone.LATE: panel.tone(Tone.LATE),
        }
        self._tone = None  # recolour at the next view
        if self.view is not None:
            self.set_view(self.view)

    @staticmethod
    def _set(label: QLabel, text: str) -> None:
        text = shown(text)  # present's words and numbers in the window's language
        if label.text() != text:
            label.setText(text)

    def retranslate(self) -> None:
        if self.view is not None:
            self.set_view(self.view)

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
            colour = self._tones[view.tone]
            self.delta_s.setStyleSheet(f"color: {colour};")
        grey = "" if view.live else f"color: {self._small};"
        if self.car_km.styleSheet() != grey:
            self.car_km.setStyleSheet(grey)
