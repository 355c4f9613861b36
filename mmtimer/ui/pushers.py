"""The chronograph's pushers: the keys S (start / stop), P (split), L (lap), R (reset) and the
pushers painted at 2 and 4 o'clock, onto the controller's chronograph.

A window that shows another chronograph (the stage window: the current trial's, which only the
timing lines move) gives `refusal`, which names why the pushers act on nothing now; the window
says it in its status bar and the chronograph is left alone.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMenu, QWidget

from mmtimer.core.clock import NS_PER_MS
from mmtimer.ui.controller import Controller
from mmtimer.ui.dial import DialWidget, Pusher
from mmtimer.ui.facewindow import make_action
from mmtimer.ui.i18n import retranslated

PUSHER_FLASH_NS = 150 * NS_PER_MS  # a pusher shows pressed this long after its shortcut


class ChronoPushers(QObject):
    """The Chronograph menu's actions and the dial's pushers, for one window."""

    def __init__(
        self,
        window: QWidget,
        controller: Controller,
        dial: DialWidget,
        say: Callable[[str], None],
        refusal: Callable[[], str | None] = lambda: None,
    ) -> None:
        super().__init__(window)
        self.controller = controller
        self.dial = dial
        self.say = say
        self.refusal = refusal
        self._pressed_until_ns: dict[Pusher, int] = {}
        self.start_stop_action = make_action(window, "", "S")
        self.split_action = make_action(window, "", "P")
        self.lap_action = make_action(window, "", "L")
        self.reset_action = make_action(window, "", "R")
        self.menu = QMenu(window)
        for act in (self.start_stop_action, self.split_action, self.lap_action):
            self.menu.addAction(act)
        self.menu.addSeparator()
        self.menu.addAction(self.reset_action)
        retranslated(self.menu, self.retranslate)

    def retranslate(self) -> None:
        self.start_stop_action.setText(self.tr("&Start / stop"))
        self.split_action.setText(self.tr("S&plit"))
        self.lap_action.setText(self.tr("&Lap"))
        self.reset_action.setText(self.tr("&Reset"))
        self.menu.setTitle(self.tr("&Chronograph"))

    def connect_signals(self) -> None:
        """Keys and painted pushers to the controller (the window's `_connect_signals` calls it)."""
        self.start_stop_action.triggered.connect(lambda: self._key(Pusher.START_STOP))
        self.reset_action.triggered.connect(lambda: self._key(Pusher.RESET))
        self.split_action.triggered.connect(lambda: self._act(self.controller.split))
        self.lap_action.triggered.connect(lambda: self._act(self.controller.lap))
        self.dial.startStopClicked.connect(lambda: self._act(self.controller.start_stop))
        self.dial.resetClicked.connect(lambda: self._act(self.controller.reset))
        self.controller.refused.connect(lambda m: self.say(m[:1].upper() + m[1:]))

    def pressed_until_ns(self) -> list[int]:
        """When each pusher shown pressed comes back out."""
        return list(self._pressed_until_ns.values())

    def pressed(self, t_ns: int) -> tuple[bool, bool]:
        """Whether the start / stop and the reset pusher show pressed at `t_ns`."""
        until = self._pressed_until_ns
        return t_ns < until.get(Pusher.START_STOP, 0), t_ns < until.get(Pusher.RESET, 0)

    def _refused(self) -> bool:
        why = self.refusal()
        if why is not None:
            self.say(why)
        return why is not None

    def _key(self, pusher: Pusher) -> None:
        t_ns = self.controller.now_ns()  # first thing: the instant of the press
        if self._refused():
            return
        self._pressed_until_ns[pusher] = t_ns + PUSHER_FLASH_NS
        if pusher is Pusher.START_STOP:
            self.controller.start_stop(t_ns)
        else:
            self.controller.reset(t_ns)

    def _act(self, action: Callable[[int], None]) -> None:
        t_ns = self.controller.now_ns()
        if not self._refused():
            action(t_ns)
