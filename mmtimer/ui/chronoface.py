"""The chronograph face: the dial and its readouts, one widget for every window that shows them.

The plain chronograph window (ui/mainwindow.py), the stage window (ui/stagewindow.py) and the
replay (ui/replay_panel.py) each hold one `ChronoFace`; what it shows comes from the
presentation layer (`present.face.FaceView`, `present.screen.ReadoutView`), never worked out
here. Readouts sit beside the dial (a column, the windows) or below it (a grid, the replay).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

from mmtimer.present.face import FaceView
from mmtimer.present.screen import ReadoutView
from mmtimer.ui.dial import DialWidget
from mmtimer.ui.dialstate import DialState
from mmtimer.ui.readout import Readout
from mmtimer.ui.themes import DEFAULT_THEME, theme_named
from mmtimer.ui.words import shown

READOUTS: dict[str, tuple[str, str]] = {
    "chrono": ("CHRONOGRAPH", "0:00:00.00"),
    "mark": ("SPLIT", "0:00:00.00"),
    "official": ("OFFICIAL TIME", "00:00:00"),
    "countdown": ("NEXT TARGET", "-0:00.00"),
    "total": ("TOTAL", "00000.00"),
}
"""Each readout a face may have: its first caption and the widest text it shows."""


class ChronoFace(QWidget):
    """The dial and the named readouts (``chrono``, ``mark``, ``official``, ``countdown``,
    ``total``), beside the dial in a column (`side_panel`, which a window may add to) or
    below it in a grid of two columns (`below`)."""

    def __init__(
        self,
        names: Sequence[str],
        parent: QWidget | None = None,
        *,
        below: bool = False,
        theme: str = DEFAULT_THEME,
        max_px: int = 96,
        templates: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAutoFillBackground(True)
        self.dial = DialWidget(self, theme)
        self.readouts: dict[str, Readout] = {}
        for name in names:
            caption, template = READOUTS[name]
            template = (templates or {}).get(name, template)
            self.readouts[name] = Readout(shown(caption), template, self, max_px=max_px)
        self._captions = {name: READOUTS[name][0] for name in names}
        self._shown: dict[str, ReadoutView] = {}
        self.side_panel = QVBoxLayout()
        if below:
            grid = QGridLayout()
            grid.setSpacing(8)
            for index, readout in enumerate(self.readouts.values()):
                grid.addWidget(readout, index // 2, index % 2)
            column = QVBoxLayout(self)
            column.setContentsMargins(8, 8, 8, 8)
            column.addWidget(self.dial, 1)
            column.addLayout(grid)
        else:
            self.side_panel.setContentsMargins(8, 24, 24, 24)
            self.side_panel.setSpacing(18)
            for name, readout in self.readouts.items():
                if name == "countdown":
                    self.side_panel.addStretch(1)
                self.side_panel.addWidget(readout)
            if "countdown" not in self.readouts:
                self.side_panel.addStretch(1)
            row = QHBoxLayout(self)
            row.setContentsMargins(12, 0, 0, 0)  # the window's row adds 12 above and below
            row.addWidget(self.dial, 3)
            row.addLayout(self.side_panel, 2)

    def readout(self, name: str) -> Readout:
        return self.readouts[name]

    def show_readout(self, name: str, view: ReadoutView) -> None:
        """Show `view` on the readout `name`, its words and numbers in the window's language."""
        self._shown[name] = view
        readout = self.readouts[name]
        readout.set_caption(shown(view.caption))
        readout.set_text(shown(view.text))
        readout.set_note(shown(view.note))
        readout.set_dimmed(view.dimmed)

    def retranslate(self) -> None:
        """The readouts again in the current language (what each showed last)."""
        for name, readout in self.readouts.items():
            view = self._shown.get(name)
            if view is None:
                readout.set_caption(shown(self._captions[name]))
            else:
                self.show_readout(name, view)

    def show_face(self, view: FaceView, dial: DialState) -> None:
        """Show `view`: the dial's state (built from it, with the date and the pushers'
        pressed look) and the chronograph, mark and official readouts it has."""
        self.dial.set_state(dial)
        shown_views = (("chrono", view.chrono), ("mark", view.mark), ("official", view.official))
        for name, readout_view in shown_views:
            if name in self.readouts:
                self.show_readout(name, readout_view)

    def set_theme(self, name: str) -> None:
        theme = theme_named(name)
        self.dial.set_theme(theme.name)
        palette = self.palette()
        palette.setColor(self.backgroundRole(), theme.background)
        self.setPalette(palette)
        for readout in self.readouts.values():
            readout.set_colors(theme.readout, theme.readout_dim)
