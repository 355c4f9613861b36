"""The driver page: one page served to a phone or tablet on the laptop's network, off by default.

Qt's own servers do the protocol work: QHttpServer (QtHttpServer) serves the page at ``/`` and a
JSON snapshot at ``/state``; QWebSocketServer (QtWebSockets) carries the live feed on the next
port (PORT + 1), because PySide6 6.11 does not bind QHttpServer's WebSocket upgrade. Every request
needs the key, a random one each start (``?key=KEY``); without it HTTP answers 403 and the feed
closes the socket (policy violation) before it sends anything. The page is read-only: the server
takes nothing from a client but GET requests.

The feed pushes the driver's view (`mmtimer.present.driver.view_json`) at once after each change of
the stage and once a second besides, so the page can tell how old its data is. The page draws the
countdown from the last state and its own clock (resources/driver/driver.js).

The page speaks the window's language (View > Language). Its own words (`PAGE_WORDS`, context
``DriverPage`` of resources/i18n/mmtimer_XX.ts) are translated when the page is served and sent in
it as a JSON block (``<script type="application/json" id="page-words">``: data, never run, so the
Content-Security-Policy has nothing to allow), with the language and its decimal separator; the
feed's English texts (armed line, last line, its note, the total's label) come translated beside
them in each message (``shown``, through `mmtimer.ui.words.shown`), with ``lang`` and
``decimal_comma``. The English fields of the feed stay as they are (docs/files.md). A page open
when the language changes sees another ``lang`` in the next message and reloads itself, so it
speaks the new language within a second.

Two facts about PySide6 6.11.3's QHttpServer, checked here: ``route()`` takes only a callable
returning ``str`` (served as text/plain with status 200; a returned QHttpServerResponse cannot
be converted), and it keeps no reference to that callable (a lambda passed in is freed, and the
route then calls whatever object takes its place). So the routes' callables are kept alive in
``self._handlers`` and only match paths; the after-request handler, the one place Python can set
a status and headers, builds every response.
"""

from __future__ import annotations

import hmac
import json
import secrets
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtHttpServer import (
    QHttpServer,
    QHttpServerRequest,
    QHttpServerResponder,
    QHttpServerResponse,
)
from PySide6.QtNetwork import (
    QAbstractSocket,
    QHostAddress,
    QHttpHeaders,
    QNetworkInterface,
    QTcpServer,
)
from PySide6.QtWebSockets import QWebSocket, QWebSocketProtocol, QWebSocketServer

from mmtimer.paths import resource
from mmtimer.present.driver import FEED_VERSION, DriverView, view_json
from mmtimer.present.i18n import decimal_separator, uses_decimal_comma, window_language
from mmtimer.ui.i18n import QT_TRANSLATE_NOOP, translate
from mmtimer.ui.words import shown

HEARTBEAT_MS = 1000  # the feed repeats the state this often, so the page sees how old it is
MAX_CLIENTS = 16
FEED_PATH = "/feed"
STATUS = QHttpServerResponder.StatusCode

ViewSource = Callable[[], DriverView | None]


def new_key() -> str:
    """A random key for one run of the server (72 bits, URL-safe)."""
    return secrets.token_urlsafe(9)


def lan_address() -> str:
    """The laptop's address on its network as a phone would reach it: the first IPv4 address of
    an interface that is up and not loopback (private ranges first); 127.0.0.1 if none."""
    found: list[str] = []
    for interface in QNetworkInterface.allInterfaces():
        flags = interface.flags()
        if not flags & QNetworkInterface.InterfaceFlag.IsUp:
            continue
        if flags & QNetworkInterface.InterfaceFlag.IsLoopBack:
            continue
        for entry in interface.addressEntries():
            address = entry.ip()
            if address.protocol() == QAbstractSocket.NetworkLayerProtocol.IPv4Protocol:
                found.append(address.toString())
    private = [a for a in found if a.startswith(("192.168.", "10.", "172."))]
    return (private or found or ["127.0.0.1"])[0]


WORDS_CONTEXT = "DriverPage"

PAGE_WORDS = (
    QT_TRANSLATE_NOOP("DriverPage", "mmtimer · driver"),
    QT_TRANSLATE_NOOP("DriverPage", "connecting…"),
    QT_TRANSLATE_NOOP("DriverPage", "connected…"),
    QT_TRANSLATE_NOOP("DriverPage", "imposed average"),
    QT_TRANSLATE_NOOP("DriverPage", "no stage open"),
    QT_TRANSLATE_NOOP("DriverPage", "no stage open in mmtimer"),
    QT_TRANSLATE_NOOP("DriverPage", "last: %1"),
    QT_TRANSLATE_NOOP("DriverPage", "%1 pts"),
    QT_TRANSLATE_NOOP("DriverPage", "ahead/behind: no distance"),
    QT_TRANSLATE_NOOP("DriverPage", "ahead %1 s"),
    QT_TRANSLATE_NOOP("DriverPage", "behind %1 s"),
    QT_TRANSLATE_NOOP("DriverPage", "%1 then (%2)"),
    QT_TRANSLATE_NOOP("DriverPage", "hold %1 km/h"),
    QT_TRANSLATE_NOOP("DriverPage", "then %1 km/h from km %2"),
    QT_TRANSLATE_NOOP("DriverPage", "ideal km %1"),
    QT_TRANSLATE_NOOP("DriverPage", "GPS lost %1 ago"),
    QT_TRANSLATE_NOOP("DriverPage", "start %1 ago"),
    QT_TRANSLATE_NOOP("DriverPage", "landmark %1 ago"),
    QT_TRANSLATE_NOOP("DriverPage", "in your minute, %1 s left"),
    QT_TRANSLATE_NOOP("DriverPage", "+%1 min late"),
    QT_TRANSLATE_NOOP("DriverPage", "live · data %1 old"),
    QT_TRANSLATE_NOOP("DriverPage", "LINK LOST · data %1 old"),
    QT_TRANSLATE_NOOP("DriverPage", "cannot reach mmtimer (%1); retrying"),
    QT_TRANSLATE_NOOP("DriverPage", "screen may sleep (no Wake Lock here)"),
    QT_TRANSLATE_NOOP("DriverPage", "screen kept on"),
    QT_TRANSLATE_NOOP("DriverPage", "screen may sleep"),
    QT_TRANSLATE_NOOP("DriverPage", "screen may sleep (%1)"),
)
"""The page's own texts, in English as driver.js and index.html write them (``t("last: %1",
label)``, ``data-t``); tests/ui/test_driverpage.py keeps this list and the page's texts equal."""


def page_words() -> dict[str, Any]:
    """The page's words in the window's language now: ``lang``, the decimal separator, and each
    text of `PAGE_WORDS` the language writes otherwise than English (the page falls back to the
    English it was written in)."""
    words = {}
    for text in PAGE_WORDS:
        done = translate(WORDS_CONTEXT, text)
        if done != text:
            words[text] = done
    language = window_language()
    return {"lang": language, "decimal": decimal_separator(language), "words": words}


def _json_in_html(value: object) -> str:
    """`value` as JSON that cannot end the script block it is put in (``</script>``) or open a
    comment: ``<``, ``>`` and ``&`` escaped as JSON escapes."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def page_template() -> str:
    """resources/driver/index.html with its stylesheet and script inlined, so the one page is
    the whole of it (and needs the key like everything else); its words not yet put in."""
    folder = resource("driver")
    html = (folder / "index.html").read_text(encoding="utf-8")
    css = (folder / "driver.css").read_text(encoding="utf-8")
    js = (folder / "driver.js").read_text(encoding="utf-8")
    html = html.replace('<link rel="stylesheet" href="driver.css">', f"<style>\n{css}</style>")
    html = html.replace('<script src="driver.js"></script>', f"<script>\n{js}</script>")
    return html


def load_page(template: str | None = None) -> bytes:
    """The page as served now: `page_template` (default: read afresh) in the window's language,
    its words (`page_words`) in a JSON block before the script and ``<html lang>`` set. A page
    keeps the language it was served in; it reloads itself when the feed says another."""
    html = page_template() if template is None else template
    words = page_words()
    block = f'<script type="application/json" id="page-words">{_json_in_html(words)}</script>\n'
    html = html.replace('<html lang="en">', f'<html lang="{words["lang"]}">', 1)
    html = html.replace("<script>\n", block + "<script>\n", 1)
    return html.encode("utf-8")


# The page fetches nothing from outside (the car has no internet): the policy says so to the
# browser too. The feed is on another port of this host, hence ws: in connect-src.
PAGE_HEADERS = (
    ("Cache-Control", "no-store"),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
    (
        "Content-Security-Policy",
        "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
        "img-src data:; connect-src 'self' ws:; base-uri 'none'; form-action 'none'",
    ),
)


class DriverPageServer(QObject):
    """Serves the driver page and its feed while started. `source` gives the view to show (None:
    no stage open); call `push` after each change of the stage."""

    clientsChanged = Signal(int)

    def __init__(
        self,
        source: ViewSource,
        *,
        port: int = 0,
        host: str | None = None,
        key: str | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.source = source
        self.requested_port = port
        # None: every interface (the phone is on the laptop's network); tests pass 127.0.0.1
        self.host = host
        self.key = key or new_key()
        self.error = ""
        self.seq = 0
        self._template = page_template()
        self._pages: dict[str, bytes] = {}  # the page served, by language
        self._http: QHttpServer | None = None
        self._tcp: QTcpServer | None = None
        self._feed: QWebSocketServer | None = None
        self._clients: list[QWebSocket] = []
        self._handlers: list[Callable[..., object]] = []  # kept alive: see the module docstring
        self._heartbeat = QTimer(self)
        self._heartbeat.setInterval(HEARTBEAT_MS)
        self._heartbeat.timeout.connect(self.push)

    # -- start and stop --------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self._tcp is not None

    @property
    def port(self) -> int:
        return self._tcp.serverPort() if self._tcp is not None else 0

    @property
    def feed_port(self) -> int:
        return self._feed.serverPort() if self._feed is not None else 0

    @property
    def clients(self) -> int:
        return len(self._clients)

    def _address(self) -> QHostAddress:
        if self.host is None:
            return QHostAddress(QHostAddress.SpecialAddress.AnyIPv4)
        return QHostAddress(self.host)

    def start(self) -> bool:
        """Listen on the port (0: any free one) and the next one for the feed; False with
        `error` set when a port is taken or refused."""
        if self.running:
            return True
        self.error = ""
        tcp = QTcpServer(self)
        if not tcp.listen(self._address(), self.requested_port):
            self.error = f"driver page: cannot listen on port {self.requested_port}: " + (
                tcp.errorString()
            )
            tcp.deleteLater()
            return False
        feed = QWebSocketServer("mmtimer", QWebSocketServer.SslMode.NonSecureMode, self)
        feed_port = tcp.serverPort() + 1 if self.requested_port else 0
        if not feed.listen(self._address(), feed_port):
            self.error = (
                f"driver page: cannot listen on port {feed_port} for the live feed: "
                + feed.errorString()
            )
            tcp.close()
            tcp.deleteLater()
            feed.deleteLater()
            return False
        http = QHttpServer(self)
        for path in ("/", "/state"):
            handler = self._matched
            self._handlers.append(handler)
            http.route(path, handler)
        after = self._after
        self._handlers.append(after)
        http.addAfterRequestHandler(self, after)
        if not http.bind(tcp):
            self.error = "driver page: the HTTP server could not take the port"
            tcp.close()
            feed.close()
            return False
        feed.newConnection.connect(self._new_client)
        self._http, self._tcp, self._feed = http, tcp, feed
        self._heartbeat.start()
        return True

    def stop(self) -> None:
        """Close every client and both ports (the pages turn red at once)."""
        self._heartbeat.stop()
        for client in list(self._clients):
            client.close(QWebSocketProtocol.CloseCode.CloseCodeGoingAway, "mmtimer stopped")
            client.deleteLater()
        had = bool(self._clients)
        self._clients.clear()
        if self._feed is not None:
            self._feed.close()
            self._feed.deleteLater()
        if self._tcp is not None:
            self._tcp.close()
        if self._http is not None:
            self._http.deleteLater()  # it owns the bound QTcpServer
        self._http = self._tcp = self._feed = None
        self._handlers.clear()
        if had:
            self.clientsChanged.emit(0)

    def url(self, address: str | None = None) -> str:
        """``http://ADDRESS:PORT/?key=KEY``: the LAN address unless given (or bound to one)."""
        host = address or self.host or lan_address()
        return f"http://{host}:{self.port}/?key={self.key}"

    # -- HTTP ------------------------------------------------------------------------------------
    def _matched(self, request: QHttpServerRequest) -> str:
        return ""  # the response is built in _after

    def key_ok(self, given: str) -> bool:
        return hmac.compare_digest(given.encode("utf-8"), self.key.encode("utf-8"))

    def _after(self, request: QHttpServerRequest, response: QHttpServerResponse) -> None:
        path = request.url().path()
        given = request.query().queryItemValue("key")
        if not self.key_ok(given):
            status, mime, body = STATUS.Forbidden, b"text/plain; charset=utf-8", b"wrong key\n"
        elif request.method() != QHttpServerRequest.Method.Get:
            status, mime, body = (
                STATUS.MethodNotAllowed,
                b"text/plain; charset=utf-8",
                b"read-only\n",
            )
        elif path == "/":
            status, mime, body = STATUS.Ok, b"text/html; charset=utf-8", self.page()
        elif path == "/state":
            status, mime, body = STATUS.Ok, b"application/json", self.snapshot().encode("utf-8")
        else:
            status, mime, body = STATUS.NotFound, b"text/plain; charset=utf-8", b"not found\n"
        built = QHttpServerResponse(mime, body, status)
        headers = built.headers()
        for name, value in PAGE_HEADERS:
            headers.append(name, value)
        if status == STATUS.MethodNotAllowed:
            headers.append(QHttpHeaders.WellKnownHeader.Allow, "GET")
        built.setHeaders(headers)
        response.swap(built)

    def page(self) -> bytes:
        """The page in the window's language now (made once per language)."""
        language = window_language()
        if language not in self._pages:
            self._pages[language] = load_page(self._template)
        return self._pages[language]

    # -- the feed --------------------------------------------------------------------------------
    def envelope(self) -> dict[str, Any]:
        """What `/state` answers and the feed sends: the view (None: no stage open), a
        sequence number and the feed's port; then the window's language (``lang``,
        ``decimal_comma``) and the view's English texts in it (``shown``, None with no view)."""
        view = self.source()
        return {
            "v": FEED_VERSION,
            "seq": self.seq,
            "feed_port": self.feed_port,
            "view": None if view is None else view_json(view),
            "lang": window_language(),
            "decimal_comma": uses_decimal_comma(),
            "shown": None if view is None else shown_texts(view),
        }

    def snapshot(self) -> str:
        return json.dumps(self.envelope(), separators=(",", ":"))

    def _new_client(self) -> None:
        feed = self._feed
        if feed is None:
            return
        while feed.hasPendingConnections():
            client = feed.nextPendingConnection()
            url = client.requestUrl()
            given = _query_value(url.query(), "key")
            if url.path() != FEED_PATH or not self.key_ok(given):
                client.close(QWebSocketProtocol.CloseCode.CloseCodePolicyViolated, "wrong key")
                client.deleteLater()
                continue
            if len(self._clients) >= MAX_CLIENTS:
                client.close(QWebSocketProtocol.CloseCode.CloseCodeBadOperation, "too many pages")
                client.deleteLater()
                continue
            client.disconnected.connect(self._client_left)
            self._clients.append(client)
            self.seq += 1
            client.sendTextMessage(self.snapshot())
            self.clientsChanged.emit(len(self._clients))

    def _client_left(self) -> None:
        before = len(self._clients)
        self._clients = [c for c in self._clients if c.state() != _UNCONNECTED]
        if len(self._clients) != before:
            self.clientsChanged.emit(len(self._clients))

    def push(self) -> None:
        """Send the current view to every page now."""
        if not self._clients:
            return
        self.seq += 1
        message = self.snapshot()
        for client in self._clients:
            client.sendTextMessage(message)
            client.flush()


_UNCONNECTED = QAbstractSocket.SocketState.UnconnectedState


def shown_texts(view: DriverView) -> dict[str, str]:
    """The view's English texts as the window shows them (its language, its decimal
    separator): what the page writes in place of ``armed``, ``last.label``, ``last.note`` and
    ``total.label``. Names from the stage file (section ids) stay as written."""
    return {
        "armed": shown(view.armed_label),
        "last_label": shown(view.last_label),
        "last_note": shown(view.last_note),
        "total_label": shown(view.total_label),
    }


def _query_value(query: str, name: str) -> str:
    for part in query.split("&"):
        key, _, value = part.partition("=")
        if key == name:
            return value
    return ""


def qr_image(text: str, size_px: int, *, dark: str = "#000000", light: str = "#ffffff") -> QImage:
    """`text` as a QR code (the `qrcode` package's matrix, with its quiet zone) painted in a
    square image of about `size_px` (whole pixels per module, so a camera reads it)."""
    import qrcode  # noqa: PLC0415 - only when the page is started

    code = qrcode.QRCode(border=4, error_correction=qrcode.constants.ERROR_CORRECT_M)
    code.add_data(text)
    code.make(fit=True)
    matrix: list[list[bool]] = code.get_matrix()
    modules = len(matrix)
    scale = max(1, size_px // modules)
    image = QImage(modules * scale, modules * scale, QImage.Format.Format_RGB32)
    image.fill(QColor(light))
    painter = QPainter(image)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(dark))
    for y, row in enumerate(matrix):
        for x, on in enumerate(row):
            if on:
                painter.drawRect(QRectF(x * scale, y * scale, scale, scale))
    painter.end()
    return image


def page_files() -> tuple[Path, ...]:
    """The page's files (for the build's check that they ship)."""
    folder = resource("driver")
    return (folder / "index.html", folder / "driver.css", folder / "driver.js")
