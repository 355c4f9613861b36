"""What the stage window puts around the chronograph face, and its Driving view.

Beside the dial: the pacer of average trials, the large countdown and the PASS button (in the
face's side column), the stage panel (in its central row); above the face, the "NOT SYNCED"
banner (until official time is synced) and the crew with the stage. The theme's fixed panel
colours go to the countdown, the stage panel, the pacer, the results table and the banner. The
Driving view (D) gives the countdown and the last deviation most of the window and hides the
dial, the chronograph readouts and the stage panel; it is kept in the settings.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from mmtimer.present.header import NOT_SYNCED
from mmtimer.ui.readout import DEFAULT_READOUT_PX
from mmtimer.ui.themes import Theme

if TYPE_CHECKING:
    from mmtimer.ui.stagewindow import StageWindow

KEY_DRIVING = "view/driving"
OFFICIAL_MIN_PX = 40  # official time's digits never smaller (a docked results table, issue 12)
STAGE_COUNTDOWN_MIN_PX = 124  # the countdown's least height beside the dial and the pacer
DRIVING_OFFICIAL_PX = 44  # the official time's digits in the Driving view (96 beside the dial)


class StageLayout:
    """Places the stage's widgets around `window`'s face (its countdown, PASS button, stage
    panel and pacer, made before), and makes the banner and the header above it."""

    def __init__(self, window: StageWindow) -> None:
        self._window = window
        side = window.side_panel
        side.addWidget(window.pacer.panel, 3)
        side.addWidget(window.countdown, 3)
        side.addWidget(window.trigger_button, 1)
        window.central_row.addWidget(window.stage_panel, 2)
        window.official_readout.set_min_px(OFFICIAL_MIN_PX)
        # tighter than the plain chronograph's column: with an average trial's pacer shown too,
        # the window must still fit its default 1180x720
        side.setContentsMargins(8, 8, 24, 8)
        side.setSpacing(8)
        window.central_row.setContentsMargins(0, 6, 0, 6)
        window.countdown.setMinimumHeight(STAGE_COUNTDOWN_MIN_PX)
        # Above the face: the not-synced banner (until official time is synced) and the crew.
        self.banner = QLabel(NOT_SYNCED, window)
        self.banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.banner.setWordWrap(True)
        self.banner.setAccessibleName("Official time not synced")
        self.banner.hide()
        self.header = QLabel(window)
        self.header.setAccessibleName("Crew and stage")
        self.header.setContentsMargins(16, 4, 16, 0)
        window.central_column.insertWidget(0, self.banner)
        window.central_column.insertWidget(1, self.header)

    def set_theme(self, theme: Theme) -> None:
        """The theme's fixed colours on the panels beside the dial: the countdown, the stage
        panel, the pacer, the banner, the table (the window's own: ui/facewindow.py)."""
        window = self._window
        panel = theme.panel
        window.countdown.set_panel(panel)
        window.stage_panel.set_panel(panel)
        window.pacer.panel.set_panel(panel)
        window.results_dock.model.set_tone_colours(theme.table)
        self.banner.setStyleSheet(
            f"QLabel {{ background: {panel.banner_background}; color: {panel.banner_text};"
            " font-size: 26px; font-weight: bold; padding: 10px 16px; }"
        )
        self.header.setStyleSheet(
            f"QLabel {{ color: {theme.readout}; background: transparent; font-size: 18px; }}"
        )

    def set_driving(self, on: bool) -> None:
        """The Driving view (D): the countdown and the last deviation take most of the window;
        the dial, the chronograph readouts and the stage panel are hidden. Kept in the
        settings."""
        window = self._window
        for widget in (window.dial, window.chrono_readout, window.mark_readout, window.stage_panel):
            widget.setHidden(on)
        window.official_readout.set_max_px(DRIVING_OFFICIAL_PX if on else DEFAULT_READOUT_PX)
        window.countdown.set_driving(on)
        # the room the readouts leave goes to the countdown, not to the gap above it
        panel = window.side_panel
        for index in range(panel.count()):
            item = panel.itemAt(index)
            if item is not None and item.spacerItem() is not None:
                panel.setStretch(index, 0 if on else 1)
        panel.setStretchFactor(window.countdown, 12 if on else 3)
        if window.driving_action.isChecked() != on:
            window.driving_action.setChecked(on)
        window.settings.setValue(KEY_DRIVING, on)

    def restore_driving(self) -> None:
        """The Driving view as it was last left."""
        driving = self._window.settings.value(KEY_DRIVING, False)
        self.set_driving(driving is True or str(driving).lower() == "true")
