"""The driver's two displays as the stage window offers them: View > Driver display (a second
window, full screen on the screen chosen) and View > Driver page (the phone page, with its
address and QR code in a small window), with ``--driver-window`` and ``--driver-page PORT`` on
the command line. The stage window makes one `DriverDisplays`, puts its actions in the View menu
and tells it when the stage changes; everything else is here (the driver window follows the
stage window's theme on its own).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Qt
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication, QKeySequence, QPixmap, QScreen
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from mmtimer.present.driver import DriverView
from mmtimer.ui.driverwindow import CarSource, DriverWindow, live_view
from mmtimer.ui.i18n import plural, retranslated
from mmtimer.ui.livestage import LiveStage
from mmtimer.ui.themes import Theme

if TYPE_CHECKING:  # QtHttpServer and QtWebSockets load only when the page is turned on
    from mmtimer.ui.driverpage import DriverPageServer

KEY_SCREEN = "driver/screen"  # the name of the screen the driver display goes on
KEY_PORT = "driver/port"
DEFAULT_PORT = 8765
QR_PX = 280


class DriverPageDialog(QDialog):
    """The page's address and QR code, and how many pages follow it (not modal: the stage
    window keeps the keyboard)."""

    def __init__(self, server: DriverPageServer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModal(False)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.server = server
        layout = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.address = QLabel(server.url())
        self.address.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.address.setStyleSheet("font-size: 15px; font-weight: bold;")
        layout.addWidget(self.address)
        self.qr = QLabel()
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        from mmtimer.ui.driverpage import qr_image  # noqa: PLC0415 - lazy, as the server

        self.qr.setPixmap(QPixmap.fromImage(qr_image(server.url(), QR_PX)))
        layout.addWidget(self.qr)
        self.clients = QLabel()
        layout.addWidget(self.clients)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.hide)
        # A focused button would take Space; the trigger's filter watches the stage window only.
        for button in buttons.buttons():
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout.addWidget(buttons)
        server.clientsChanged.connect(self.show_clients)
        retranslated(self, self.retranslate)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Driver page"))
        self.intro.setText(
            self.tr(
                "On the driver's phone or tablet, on the same network as this laptop, open this "
                "address or scan the code. The page only shows; it changes nothing."
            )
        )
        self.qr.setAccessibleName(self.tr("QR code of the driver page's address"))
        self.show_clients(self.server.clients)

    def show_clients(self, count: int) -> None:
        self.clients.setText(
            self.tr("no page connected yet")
            if count == 0
            else plural(self.tr("%n page(s) connected", "", count), count)
        )


class DriverDisplays(QObject):
    """The driver window and the driver page of one stage window."""

    def __init__(
        self,
        host: QWidget,
        settings: QSettings,
        live_of: Callable[[], LiveStage | None],
        theme_of: Callable[[], Theme],
        *,
        notify: Callable[[str], None] | None = None,
        car_of: CarSource | None = None,
    ) -> None:
        super().__init__(host)
        self.host = host
        self.settings = settings
        self.live_of = live_of
        self.theme_of = theme_of
        self.notify = notify or (lambda text: None)
        self.car_of = car_of  # the car's distance in an average trial (the pacer's odometer)
        self.window: DriverWindow | None = None
        self.server: DriverPageServer | None = None
        self.dialog: DriverPageDialog | None = None
        self.page_host: str | None = None  # None: every interface (tests: 127.0.0.1)

        self.window_action = QAction(self)
        self.window_action.setCheckable(True)
        self.window_action.setShortcut(QKeySequence("Ctrl+Shift+D"))
        self.window_action.toggled.connect(self._window_toggled)
        self.page_action = QAction(self)
        self.page_action.setCheckable(True)
        self.page_action.toggled.connect(self._page_toggled)
        self.screen_menu = QMenu(host)
        self.screen_menu.aboutToShow.connect(self._fill_screens)
        self._screens = QActionGroup(self)
        retranslated(self.screen_menu, self.retranslate)

    def retranslate(self) -> None:
        self.window_action.setText(self.tr("&Driver display"))
        self.window_action.setStatusTip(self.tr("A second window, full screen, for the driver"))
        self.page_action.setText(self.tr("Driver &page (phone)"))
        self.page_action.setStatusTip(self.tr("Serve the driver's page to a phone on this network"))
        self.screen_menu.setTitle(self.tr("Driver display &screen"))

    def actions(self) -> tuple[QAction | QMenu, ...]:
        return (self.window_action, self.screen_menu, self.page_action)

    def view(self) -> DriverView | None:
        live = self.live_of()
        return None if live is None else live_view(live, car_of=self.car_of)

    # -- the driver window -----------------------------------------------------------------------
    def chosen_screen(self) -> QScreen | None:
        """The screen saved in the settings; else another screen than the stage window's (the
        car's second display); else the stage window's own."""
        screens = QGuiApplication.screens()
        saved = str(self.settings.value(KEY_SCREEN, "") or "")
        for screen in screens:
            if screen.name() == saved:
                return screen
        own = self.host.screen()
        others = [s for s in screens if s is not own]
        return others[0] if others else own

    def _fill_screens(self) -> None:
        self.screen_menu.clear()
        chosen = self.chosen_screen()
        for screen in QGuiApplication.screens():
            size = screen.geometry()
            act = self.screen_menu.addAction(f"{screen.name()} ({size.width()}x{size.height()})")
            act.setCheckable(True)
            act.setChecked(screen is chosen)
            act.setData(screen.name())
            self._screens.addAction(act)
        self._screens.triggered.connect(self._screen_chosen, Qt.ConnectionType.UniqueConnection)

    def _screen_chosen(self, act: QAction) -> None:
        self.choose_screen(str(act.data()))

    def choose_screen(self, name: str) -> None:
        self.settings.setValue(KEY_SCREEN, name)
        if self.window is not None:
            self.window.show_on(self.chosen_screen())

    def open_window(self) -> DriverWindow:
        if self.window is None:
            self.window = DriverWindow(self.theme_of(), self.view)
            self.window.theme_source = self.theme_of  # follows View > Theme
            self.window.key_target = self.host
        self.window.show_on(self.chosen_screen())
        self.window_action.setChecked(True)
        return self.window

    def close_window(self) -> None:
        if self.window is not None:
            self.window.stop()
            self.window.close()
            self.window.deleteLater()
            self.window = None
        self.window_action.setChecked(False)

    def _window_toggled(self, on: bool) -> None:
        if on and self.window is None:
            self.open_window()
        elif not on and self.window is not None:
            self.close_window()

    # -- the driver page -------------------------------------------------------------------------
    def start_page(self, port: int | None = None) -> bool:
        """Serve the page on `port` (default: the last one used, else 8765); print its address
        on standard output and show it with its QR code. False (and said) when it cannot."""
        if self.server is not None and self.server.running:
            return True
        chosen = port if port is not None else _port(self.settings.value(KEY_PORT, DEFAULT_PORT))
        from mmtimer.ui.driverpage import DriverPageServer  # noqa: PLC0415 - lazy: Qt's
        # HTTP and WebSocket modules cost the start ~40 ms and most navigators never use them

        server = DriverPageServer(self.view, port=chosen, host=self.page_host, parent=self)
        if not server.start():
            self.notify(server.error)
            print(f"mmtimer: {server.error}", file=sys.stderr, flush=True)
            self.page_action.setChecked(False)
            return False
        self.server = server
        self.settings.setValue(KEY_PORT, server.port)
        print(f"driver page: {server.url()}", flush=True)
        self.dialog = DriverPageDialog(server, self.host)
        self.dialog.show()
        self.notify(self.tr("Driver page: %1").replace("%1", server.url()))
        self.page_action.setChecked(True)
        return True

    def stop_page(self) -> None:
        if self.dialog is not None:
            self.dialog.hide()
            self.dialog.deleteLater()
            self.dialog = None
        if self.server is not None:
            self.server.stop()
            self.server.deleteLater()
            self.server = None
        self.page_action.setChecked(False)

    def _page_toggled(self, on: bool) -> None:
        if on and self.server is None:
            self.start_page()
        elif not on and self.server is not None:
            self.stop_page()

    # -- what the stage window tells -------------------------------------------------------------
    def stage_changed(self) -> None:
        """After each change of the stage: the page gets it at once (the window repaints on
        its own timer)."""
        if self.server is not None:
            self.server.push()

    def shutdown(self) -> None:
        self.stop_page()
        self.close_window()


def _port(value: object) -> int:
    """A port from the settings (INI files give strings); the default if it is not one."""
    try:
        port = int(str(value))
    except ValueError:
        return DEFAULT_PORT
    return port if 0 < port <= 65535 else DEFAULT_PORT
