"""Debian's chromium, headless, driven over the DevTools protocol from the test's own Qt event
loop (a QWebSocket), so the page under test and the server it talks to run side by side."""

from __future__ import annotations

import base64
import json
import shutil
import subprocess
import tempfile
import threading
import time
import urllib.request
from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtWebSockets import QWebSocket
from pytestqt.qtbot import QtBot

CHROMIUM = "/usr/bin/chromium"
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--remote-debugging-address=127.0.0.1",
    "--remote-debugging-port=0",
)


def missing() -> str | None:
    """Why the browser tests cannot run here, or None."""
    if not Path(CHROMIUM).exists() and shutil.which("chromium") is None:
        return "chromium not installed (apt-get install chromium; .ci/run installs it)"
    return None


def _get_json(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=10) as answer:
        return json.loads(answer.read())


class Browser:
    """One headless chromium with a new empty profile, and a DevTools session on its page."""

    def __init__(self, qtbot: QtBot, url: str, width: int, height: int) -> None:
        self.qtbot = qtbot
        # chromium's helper processes may still write into the profile a moment after it quits
        self.profile = tempfile.TemporaryDirectory(
            prefix="mmtimer-chromium-", ignore_cleanup_errors=True
        )
        binary = CHROMIUM if Path(CHROMIUM).exists() else str(shutil.which("chromium"))
        self.process = subprocess.Popen(
            [
                binary,
                *FLAGS,
                f"--user-data-dir={self.profile.name}",
                f"--window-size={width},{height}",
                url,
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        port_file = Path(self.profile.name) / "DevToolsActivePort"
        qtbot.waitUntil(port_file.exists, timeout=30_000)
        qtbot.waitUntil(lambda: len(port_file.read_text().split()) >= 2, timeout=5000)
        port = int(port_file.read_text().split()[0])
        pages = self._fetch(f"http://127.0.0.1:{port}/json/list")
        page = next(p for p in pages if p.get("type") == "page")
        self.replies: dict[int, dict[str, Any]] = {}
        self.events: list[dict[str, Any]] = []  # DevTools notifications (of domains enabled)
        self.next_id = 0
        self.socket = QWebSocket()
        self.socket.textMessageReceived.connect(self._message)
        self.socket.open(QUrl(page["webSocketDebuggerUrl"]))
        qtbot.waitUntil(self.socket.isValid, timeout=10_000)

    def _fetch(self, url: str) -> Any:
        """GET JSON from another thread while this one's event loop runs the server."""
        box: list[Any] = []

        def run() -> None:
            for _ in range(50):
                try:
                    box.append(_get_json(url))
                    return
                except OSError:
                    time.sleep(0.1)
            box.append(None)

        threading.Thread(target=run, daemon=True).start()
        self.qtbot.waitUntil(lambda: bool(box), timeout=10_000)
        assert box[0] is not None, f"no answer from {url}"
        return box[0]

    def _message(self, text: str) -> None:
        message = json.loads(text)
        if "id" in message:
            self.replies[message["id"]] = message
        elif "method" in message:
            self.events.append(message)

    def call(self, method: str, timeout_ms: int = 10_000, **params: Any) -> dict[str, Any]:
        self.next_id += 1
        number = self.next_id
        self.socket.sendTextMessage(json.dumps({"id": number, "method": method, "params": params}))
        self.qtbot.waitUntil(lambda: number in self.replies, timeout=timeout_ms)
        reply = self.replies.pop(number)
        assert "error" not in reply, reply
        result = reply["result"]
        assert isinstance(result, dict)
        return result

    def evaluate(self, expression: str) -> Any:
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        return result["result"].get("value")

    def log_entries(self) -> list[dict[str, Any]]:
        """What the page's log (DevTools Log domain, `enable_log` first) has said: CSP
        violations, network errors, console messages; each entry's source, level and text."""
        return [e["params"]["entry"] for e in self.events if e.get("method") == "Log.entryAdded"]

    def enable_log(self) -> None:
        """Follow the page's log; the entries collected before come at once (Log.enable)."""
        self.call("Log.enable")

    def screenshot(self, path: Path) -> Path:
        data = self.call("Page.captureScreenshot", format="png")["data"]
        path.write_bytes(base64.b64decode(data))
        return path

    def resize(self, width: int, height: int) -> None:
        self.call(
            "Emulation.setDeviceMetricsOverride",
            width=width,
            height=height,
            deviceScaleFactor=1,
            mobile=True,
        )

    def close(self) -> None:
        self.socket.close()
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)
        for _ in range(20):  # its helpers may write a moment longer: try again, then leave it
            try:
                shutil.rmtree(self.profile.name)
                break
            except FileNotFoundError:
                break
            except OSError:
                time.sleep(0.1)
        self.profile.cleanup()
