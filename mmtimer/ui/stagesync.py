"""Official time in the stage window: the sync dialog (T), the 0.1 s nudges (+ and -), and the
time of day the face shows.

The stage keeps its official time (every sync is an event in its log, `LiveStage.sync`); this
collaborator of `StageWindow` only asks the stage and hands it what the navigator chose. With no
stage open a sync is refused (the status bar says so) and the face shows the laptop's time.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from mmtimer.core.timefmt import DAY_MS
from mmtimer.ui.dialogs import SyncDialog, SyncRequest

if TYPE_CHECKING:
    from mmtimer.ui.stagewindow import StageWindow


class StageSync:
    """The stage window's official time: its one sync dialog, made when first asked for."""

    def __init__(self, window: StageWindow) -> None:
        self._window = window
        self.dialog: SyncDialog | None = None

    def show_dialog(self) -> SyncDialog:
        window = self._window
        if self.dialog is None:
            dialog = SyncDialog(
                window.trigger.stamper,
                self.official_at,
                lambda: self.shown_official_ms(window.controller.now_ns()),
                self._last_sync_ns,
                window,
            )
            dialog.sync_requested.connect(self.apply)
            self.dialog = dialog
        if self.dialog.isVisible():
            self.dialog.raise_()
        self.dialog.show()
        self.dialog.activateWindow()
        return self.dialog

    def official_at(self, t_ns: int) -> int | None:
        live = self._window.live
        return None if live is None else live.official_ms(t_ns)

    def shown_official_ms(self, t_ns: int) -> int:
        """The time of day the face shows: the stage's official time, else the laptop's."""
        official = self.official_at(t_ns)
        local = self._window.controller.official_ms(t_ns) or 0
        return local if official is None else official % DAY_MS

    def _last_sync_ns(self) -> int | None:
        live = self._window.live
        return None if live is None else live.last_sync_clock_ns()

    def apply(self, request: SyncRequest) -> None:
        window = self._window
        if window.live is None:
            window.statusBar().showMessage(
                QCoreApplication.translate("StageSync", "Open a stage to sync its official time"),
                5000,
            )
            return
        window.live.sync(request)  # the face reads it from the stage at the next frame

    def nudge(self, delta_ms: int) -> None:
        window = self._window
        t_ns = window.controller.now_ns()
        official = self.official_at(t_ns)
        if official is None:
            window.statusBar().showMessage(
                QCoreApplication.translate("StageSync", "Sync the official time first (T)"), 5000
            )
            return
        self.apply(SyncRequest(t_ns, official + delta_ms, "nudge"))
