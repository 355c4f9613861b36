"""A status bar whose messages are never cut: they wrap onto a second line, the whole text is in
the tooltip, and every message of the session stays in a log the navigator can open.

`MessageBar` is a drop-in QStatusBar: `showMessage(text, timeout_ms)` and `clearMessage()` keep
their meaning, so a window only calls `setStatusBar(MessageBar(window))`. Qt's own message area
draws one elided line over the permanent widgets' space; here the message is a word-wrapped
label in the bar's stretch space, at most two lines, elided only beyond that (with the full text
in the tooltip). Clicking the message (or the window's Help > Messages) lists the messages so
far with the time each was shown.
"""

from __future__ import annotations

from collections import deque
from datetime import datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent, QResizeEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QSizePolicy,
    QStatusBar,
    QVBoxLayout,
    QWidget,
)

from mmtimer.core.clock import Clock, SystemClock

MAX_LINES = 2
HISTORY = 200  # messages kept for the log


class _MessageLabel(QLabel):
    """The message: wraps to `MAX_LINES` lines, elides beyond them; a click opens the log."""

    clicked = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._full = ""
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def full_text(self) -> str:
        return self._full

    def set_full_text(self, text: str) -> None:
        self._full = text
        self.setToolTip(text)
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        """Show the whole text if it fits on `MAX_LINES` lines at this width, else as much of it
        as fits, ending in an ellipsis."""
        metrics = self.fontMetrics()
        width = max(self.width(), 40)
        text = self._full
        flags = int(Qt.TextFlag.TextWordWrap)
        limit = metrics.lineSpacing() * MAX_LINES
        if metrics.boundingRect(0, 0, width, 10_000, flags, text).height() > limit:
            low, high = 0, len(text)
            while low < high:  # the longest prefix that fits with its ellipsis
                middle = (low + high + 1) // 2
                candidate = text[:middle].rstrip() + "…"
                if metrics.boundingRect(0, 0, width, 10_000, flags, candidate).height() <= limit:
                    low = middle
                else:
                    high = middle - 1
            text = text[:low].rstrip() + "…"
        if text != self.text():
            self.setText(text)
        # the status bar's layout ignores height-for-width: ask for the lines the text takes
        lines = metrics.boundingRect(0, 0, width, 10_000, flags, text or " ").height()
        if self.minimumHeight() != lines:
            self.setMinimumHeight(lines)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mousePressEvent(event)


class MessageBar(QStatusBar):
    """A status bar that wraps its messages and keeps them all (see the module's docstring)."""

    def __init__(self, parent: QWidget | None = None, clock: Clock | None = None) -> None:
        super().__init__(parent)
        self._clock: Clock = clock if clock is not None else SystemClock()
        self.message_label = _MessageLabel(self)
        self.addWidget(self.message_label, 1)
        self.message_label.clicked.connect(self.show_log)
        self._history: deque[tuple[datetime, str]] = deque(maxlen=HISTORY)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.clearMessage)

    def showMessage(self, text: str, timeout: int | None = 0) -> None:
        """Show `text` (for `timeout` ms; 0: until the next message) and add it to the log."""
        if text:
            self._history.append((self._clock.utc_now().astimezone(), text))  # local time
        self.message_label.set_full_text(text)
        if timeout:
            self._timer.start(timeout)
        else:
            self._timer.stop()
        self.messageChanged.emit(text)

    def clearMessage(self) -> None:
        self._timer.stop()
        self.message_label.set_full_text("")
        self.messageChanged.emit("")

    def currentMessage(self) -> str:
        return self.message_label.full_text()

    def history(self) -> list[tuple[datetime, str]]:
        """Every message shown so far (the last `HISTORY`), oldest first."""
        return list(self._history)

    def show_log(self) -> QDialog:
        """The messages so far, in a dialog (returned for tests; it deletes itself on close)."""
        dialog = QDialog(self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowTitle(self.tr("Messages"))
        text = QPlainTextEdit(dialog)
        text.setReadOnly(True)
        text.setPlainText(
            "\n".join(f"{when:%H:%M:%S}  {message}" for when, message in self._history)
            or self.tr("No messages yet.")
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(text)
        layout.addWidget(buttons)
        dialog.resize(640, 320)
        dialog.show()
        return dialog
