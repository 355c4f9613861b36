"""The plain chronograph window: the dial as centrepiece, large readouts beside it, the pushers.

Its face (ui/chronoface.py, in ui/facewindow.py's window) shows the controller's chronograph and
the laptop's time of day (or the controller's own official time once synced), as
`present.face.chronograph_face` says; the Chronograph keys and the painted pushers drive it
(ui/pushers.py). The stage window (ui/stagewindow.py) is the same kind of window around a stage.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget

from mmtimer.present.face import chronograph_face
from mmtimer.ui.controller import Controller
from mmtimer.ui.dialstate import DialState
from mmtimer.ui.facewindow import (
    ACTIVE_INTERVAL_MS,
    INACTIVE_INTERVAL_MS,
    LONGEST_WAIT_MS,
    FaceWindow,
)
from mmtimer.ui.pushers import PUSHER_FLASH_NS, ChronoPushers
from mmtimer.ui.readout import Readout
from mmtimer.ui.words import shown

__all__ = [
    "ACTIVE_INTERVAL_MS",
    "INACTIVE_INTERVAL_MS",
    "LONGEST_WAIT_MS",
    "PUSHER_FLASH_NS",
    "MainWindow",
]


class MainWindow(FaceWindow):
    """The chronograph window. It reads the controller's state each frame; the repaint timer
    only decides when to look (a tick is never counted as time, DESIGN.md)."""

    def __init__(
        self,
        controller: Controller,
        settings: QSettings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(controller, settings, ("chrono", "mark", "official", "countdown"), parent)
        # The stage countdown comes with a stage (the stage window): here its slot waits.
        self.countdown_readout: Readout = self.face.readout("countdown")
        self.countdown_readout.set_note(shown("no stage"))
        self.countdown_readout.set_dimmed(True)
        self.pushers = ChronoPushers(
            self, controller, self.dial, lambda m: self.statusBar().showMessage(m, 4000)
        )
        self.chrono_menu = self.pushers.menu
        self.menuBar().insertMenu(self.view_menu.menuAction(), self.chrono_menu)
        self.start_stop_action = self.pushers.start_stop_action
        self.split_action = self.pushers.split_action
        self.lap_action = self.pushers.lap_action
        self.reset_action = self.pushers.reset_action
        self._connect_signals()
        self._restore_settings()
        self.refresh()

    def _connect_signals(self) -> None:
        """All of the window's wiring, in one place."""
        self._connect_window_signals()
        self.pushers.connect_signals()
        self.controller.chronoChanged.connect(self.refresh)

    def retranslate(self) -> None:
        super().retranslate()
        self.countdown_readout.set_note(shown("no stage"))

    def pending_until_ns(self) -> list[int]:
        return self.pushers.pressed_until_ns()

    def refresh(self) -> None:
        """Read the state at this instant and hand it to the dial and the readouts."""
        controller = self.controller
        t_ns = controller.now_ns()
        synced = controller.official_time.sync_at(t_ns) is not None
        view = chronograph_face(
            controller.chronograph, t_ns, controller.official_ms(t_ns), synced=synced
        )
        start, reset = self.pushers.pressed(t_ns)
        self.show_face(
            view,
            DialState(
                chrono_elapsed_ns=view.chrono_elapsed_ns,
                chrono_running=view.chrono_running,
                official_ms=view.official_ms,
                date=controller.date_at(t_ns),
                start_stop_pressed=start,
                reset_pressed=reset,
            ),
            t_ns,
        )
