"""What the stage window puts around the chronograph face, and its Driving view.

Beside the dial: the pacer of average trials, the large countdown and the PASS button (in the
face's side column), the stage panel (in its central row); above the face, the "NOT SYNCED"
banner (until official time is synced) and the crew with the stage. The theme's fixed panel
colours go to the countdown, the stage panel, the pacer, the results table and the banner. The
Driving view (D) gives the countdown and the last deviation most of the window and hides the
dial, the chronograph readouts and the stage panel; it is kept in the settings.

At each frame `show` puts the stage's Screen (present/screen.py) into those panels: the
countdown, the armed line, the line results and the results table (only when they changed), the
banner, the header and the sync's age in the status bar (beside the log's path and its alarm).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from mmtimer.core.results import StageResult
from mmtimer.present.header import NOT_SYNCED, header_text
from mmtimer.present.screen import Screen
from mmtimer.ui.livestage import LiveStage
from mmtimer.ui.readout import DEFAULT_READOUT_PX
from mmtimer.ui.themes import Theme
from mmtimer.ui.words import shown

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
        # what the stage panel and the results table show: results, current row, total label
        self._shown: tuple[StageResult | None, tuple[str, int] | None, str] = (None, None, "")
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
        self.banner.hide()
        self.header = QLabel(window)
        self.header.setContentsMargins(16, 4, 16, 0)
        window.central_column.insertWidget(0, self.banner)
        window.central_column.insertWidget(1, self.header)

    def add_status_labels(self) -> tuple[QLabel, QLabel, QLabel]:
        """The log's path, the sync's age and the log's alarm, in the window's status bar."""
        self.log_label = QLabel()
        self.sync_label = QLabel()
        self.alarm_label = QLabel()
        self.alarm_label.setStyleSheet(
            "QLabel { background: #b3261e; color: white; padding: 2px 8px; font-weight: bold; }"
        )
        self.alarm_label.hide()
        bar = self._window.statusBar()
        bar.addPermanentWidget(self.alarm_label)
        bar.addPermanentWidget(self.sync_label)
        bar.addPermanentWidget(self.log_label)
        return self.log_label, self.sync_label, self.alarm_label

    def show(self, live: LiveStage, screen: Screen, t_ns: int) -> None:
        """The stage's screen at `t_ns` in the panels around the face."""
        window = self._window
        before = self._shown
        if (
            screen.results is not before[0]
            or screen.current_row != before[1]
            or screen.total_label != before[2]
        ):
            self._show_results(live, screen)
        window.countdown.set_state(screen.countdown)
        armed = screen.armed
        window.stage_panel.set_armed(*(armed if armed is not None else (None, None)))
        self.sync_label.setText(shown(screen.sync_status))
        unsynced = not live.ended and live.official_ms(t_ns) is None
        if self.banner.isHidden() == unsynced:
            self.banner.setVisible(unsynced)
        header = shown(header_text(live.stage.name, live.crew))
        if self.header.text() != header:
            self.header.setText(header)

    def _show_results(self, live: LiveStage, screen: Screen) -> None:
        """The stage panel's line results and the results table, when the results changed
        (only the lines that changed are touched)."""
        self._shown = (screen.results, screen.current_row, screen.total_label)
        window = self._window
        window.stage_panel.show_results(live.presenter.line_results(screen.results))
        window.results_dock.set_result(screen.results, screen.total_label, screen.current_row)

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
