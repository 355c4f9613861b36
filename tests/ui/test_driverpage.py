"""The driver page's server and feed, with real clients on loopback: urllib for HTTP, a
QWebSocket for the feed. The stage is a real LiveStage on a fake clock, pressed as the window
presses it."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtWebSockets import QWebSocket, QWebSocketProtocol
from pytestqt.qtbot import QtBot

from mmtimer.core.clock import NS_PER_MS, NS_PER_S, FakeClock
from mmtimer.core.crew import Crew
from mmtimer.core.rules import load_rules
from mmtimer.core.stage import load_stage
from mmtimer.paths import resource
from mmtimer.ui.driverpage import PAGE_WORDS, DriverPageServer, _json_in_html, qr_image
from mmtimer.ui.driverwindow import live_view
from mmtimer.ui.i18n import reset_language, translations
from mmtimer.ui.livestage import LiveStage

STAGE = resource("stages", "mille-miglia-day1.stage.toml")

pytestmark = pytest.mark.gui


@pytest.fixture
def live(qtbot: QtBot, tmp_path: Path) -> LiveStage:
    stage = load_stage(STAGE)
    clock = FakeClock(500 * NS_PER_S)
    return LiveStage(stage, load_rules(stage.rules), Crew(), tmp_path / "t.mmlog", clock)


@pytest.fixture
def server(qtbot: QtBot, live: LiveStage) -> Iterator[DriverPageServer]:
    page = DriverPageServer(lambda: live_view(live), port=0, host="127.0.0.1")
    assert page.start(), page.error
    live.changed.connect(page.push)
    yield page
    page.stop()


def advance(live: LiveStage, ms: int) -> int:
    assert isinstance(live.clock, FakeClock)
    live.clock.advance_ns(ms * NS_PER_MS)
    return live.clock.now_ns()


class Reply:
    status = 0
    body = b""
    headers: dict[str, str]


def get(qtbot: QtBot, url: str) -> Reply:
    """GET `url` from another thread (the server runs on this one's event loop)."""
    reply = Reply()
    reply.headers = {}
    done = threading.Event()

    def fetch() -> None:
        try:
            with urllib.request.urlopen(url, timeout=10) as answer:
                reply.status, reply.body = answer.status, answer.read()
                reply.headers = {k.lower(): v for k, v in answer.headers.items()}
        except urllib.error.HTTPError as error:
            reply.status, reply.body = error.code, error.read()
        except OSError:  # refused: nothing listens (status 0)
            reply.status = 0
        finally:
            done.set()

    threading.Thread(target=fetch, daemon=True).start()
    qtbot.waitUntil(done.is_set, timeout=10_000)
    return reply


def base(server: DriverPageServer) -> str:
    return f"http://127.0.0.1:{server.port}"


def state(qtbot: QtBot, server: DriverPageServer) -> dict[str, Any]:
    reply = get(qtbot, f"{base(server)}/state?key={server.key}")
    assert reply.status == 200
    data = json.loads(reply.body)
    assert isinstance(data, dict)
    return data


def test_the_key_is_refused_and_accepted(qtbot: QtBot, server: DriverPageServer) -> None:
    for path in ("/", "/state", "/?key=wrong", "/state?key=" + server.key[:-1], "/other"):
        reply = get(qtbot, base(server) + path)
        assert reply.status == 403, path
        assert b"wrong key" in reply.body
    page = get(qtbot, f"{base(server)}/?key={server.key}")
    assert page.status == 200
    assert page.headers["content-type"].startswith("text/html")
    assert "default-src 'none'" in page.headers["content-security-policy"]
    text = page.body.decode("utf-8")
    assert "<script>" in text and "WebSocket" in text and "<style>" in text  # all inlined
    # nothing fetched from elsewhere: no address in the page, no file besides it
    assert "http://" not in text and "https://" not in text and "src=" not in text
    assert get(qtbot, f"{base(server)}/nope?key={server.key}").status == 404
    assert server.url("127.0.0.1") == f"http://127.0.0.1:{server.port}/?key={server.key}"


def test_every_start_has_a_new_key(qtbot: QtBot, live: LiveStage) -> None:
    keys = set()
    for _ in range(3):
        page = DriverPageServer(lambda: live_view(live), port=0, host="127.0.0.1")
        assert page.start()
        keys.add(page.key)
        page.stop()
    assert len(keys) == 3 and all(len(k) >= 12 for k in keys)


def test_the_snapshot_follows_presses(
    qtbot: QtBot, live: LiveStage, server: DriverPageServer
) -> None:
    first = state(qtbot, server)["view"]
    assert first["armed"] == "PC1 · line 1 · press at the start line"
    assert first["target"] is None and first["last"] is None
    live.press(advance(live, 1000), "key:Space")  # PC1 start: 15.00 s to line 2
    advance(live, 3000)
    after_start = state(qtbot, server)["view"]
    assert after_start["armed"] == "PC1 · line 2"
    assert after_start["target"]["left_ms"] == 12_000
    assert after_start["target"]["left"] == "12.00"
    assert after_start["last"]["label"] == "PC1 · line 1"
    live.press(advance(live, 12_040), "key:Space")  # line 2, 0.04 s late
    scored = state(qtbot, server)["view"]
    assert scored["armed"] == "PC1 · line 3"
    assert scored["last"]["deviation"] == "+0.04"
    assert scored["last"]["tone"] == "late"
    assert scored["target"]["left_ms"] == 6000  # line 3 is 6.00 s from line 2
    live.undo_last(live.clock.now_ns())
    voided = state(qtbot, server)["view"]
    assert voided["armed"] == "PC1 · line 2"
    assert voided["last"]["label"] == "PC1 · line 1"


class FeedClient:
    """A QWebSocket on the feed: every message it received."""

    def __init__(self, url: str) -> None:
        self.messages: list[dict[str, Any]] = []
        self.closed: tuple[QWebSocketProtocol.CloseCode, str] | None = None
        self.socket = QWebSocket()
        self.socket.textMessageReceived.connect(self._message)
        self.socket.disconnected.connect(self._closed)
        self.socket.open(QUrl(url))

    def _message(self, text: str) -> None:
        self.messages.append(json.loads(text))

    def _closed(self) -> None:
        self.closed = (self.socket.closeCode(), self.socket.closeReason())


def test_the_feed_pushes_each_press_and_refuses_a_wrong_key(
    qtbot: QtBot, live: LiveStage, server: DriverPageServer
) -> None:
    feed = f"ws://127.0.0.1:{server.feed_port}/feed?key="
    intruder = FeedClient(feed + "nope")
    client = FeedClient(feed + server.key)
    qtbot.waitUntil(lambda: intruder.closed is not None and len(client.messages) == 1)
    assert intruder.messages == []
    assert intruder.closed == (QWebSocketProtocol.CloseCode.CloseCodePolicyViolated, "wrong key")
    assert server.clients == 1
    live.press(advance(live, 1000), "key:Space")
    qtbot.waitUntil(lambda: len(client.messages) == 2, timeout=2000)
    pushed = client.messages[-1]
    assert pushed["view"]["armed"] == "PC1 · line 2"
    assert pushed["seq"] > client.messages[0]["seq"]
    # and once a second besides, with nothing pressed (the page's age of data)
    qtbot.waitUntil(lambda: len(client.messages) == 3, timeout=3000)
    server.stop()
    qtbot.waitUntil(lambda: client.closed is not None, timeout=3000)
    assert client.closed is not None
    assert client.closed[0] == QWebSocketProtocol.CloseCode.CloseCodeGoingAway


def test_a_taken_port_is_a_clear_error(qtbot: QtBot, live: LiveStage) -> None:
    first = DriverPageServer(lambda: live_view(live), port=0, host="127.0.0.1")
    assert first.start()
    second = DriverPageServer(lambda: live_view(live), port=first.port, host="127.0.0.1")
    assert not second.start()
    assert second.error.startswith(f"driver page: cannot listen on port {first.port}: ")
    first.stop()


@pytest.mark.skipif(
    shutil.which("zbarimg") is None,
    reason="zbarimg not installed (apt-get install zbar-tools; .ci/run installs it)",
)
def test_the_qr_code_reads_back_as_the_address(qtbot: QtBot, tmp_path: Path) -> None:
    url = "http://192.168.1.20:8765/?key=AbCdEfGhIjKl"
    path = tmp_path / "qr.png"
    assert qr_image(url, 280).save(str(path))
    done = subprocess.run(
        ["zbarimg", "--quiet", "--raw", str(path)],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert done.stdout.strip() == url, done.stderr


def test_the_qr_code_is_square_with_whole_modules(qtbot: QtBot) -> None:
    image = qr_image("http://192.168.1.20:8765/?key=abcdefghijkl", 300)
    assert image.width() == image.height() and 200 <= image.width() <= 300
    assert image.pixelColor(0, 0).name() == "#ffffff"  # the quiet zone
    dark = sum(
        image.pixelColor(x, y).name() == "#000000"
        for x in range(0, image.width(), 3)
        for y in range(0, image.height(), 3)
    )
    assert dark > 500


# -- the page in the window's language ---------------------------------------------------------
PAGE_WORDS_JS = re.compile(r"\bt\(\s*\"((?:[^\"\\]|\\.)*)\"")
PAGE_WORDS_HTML = re.compile(r"<(\w+)[^>]*\bdata-t\b[^>]*>([^<]*)</\1>")


@pytest.fixture
def english_after(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))  # the .qm compiled there
    yield
    reset_language()


def words_of(page: bytes) -> dict[str, Any]:
    found = re.search(
        rb'<script type="application/json" id="page-words">(.*?)</script>', page, re.DOTALL
    )
    assert found is not None
    words = json.loads(found.group(1))
    assert isinstance(words, dict)
    return words


def test_every_text_of_the_page_is_in_its_word_list() -> None:
    """driver.js's t("...") and index.html's data-t elements write exactly `PAGE_WORDS`: a new
    text of the page is caught here until it is listed (and so translated)."""
    folder = resource("driver")
    js = (folder / "driver.js").read_text(encoding="utf-8")
    html = (folder / "index.html").read_text(encoding="utf-8")
    used = set(PAGE_WORDS_JS.findall(js)) | {m[1] for m in PAGE_WORDS_HTML.findall(html)}
    assert "last: %1" in used and "imposed average" in used  # the patterns see both forms
    assert used == set(PAGE_WORDS)
    assert len(PAGE_WORDS) == len(set(PAGE_WORDS))


def test_the_page_and_the_feed_speak_the_windows_language(
    qtbot: QtBot, live: LiveStage, server: DriverPageServer, english_after: None
) -> None:
    live.press(advance(live, 1000), "key:Space")  # PC1 start
    live.press(advance(live, 15_040), "key:Space")  # line 2, 0.04 s late
    advance(live, 2_800)  # 3.20 s to line 3
    page_url = f"{base(server)}/?key={server.key}"
    english_page = get(qtbot, page_url).body
    assert b'<html lang="en">' in english_page
    assert words_of(english_page) == {"lang": "en", "decimal": ".", "words": {}}
    english = state(qtbot, server)
    assert english["lang"] == "en" and english["decimal_comma"] is False
    assert english["shown"] == {
        "armed": "PC1 · line 3",
        "last_label": "PC1 · line 2",
        "last_note": "",
        "total_label": "So far",
    }
    assert set(english) == {"v", "seq", "feed_port", "view", "lang", "decimal_comma", "shown"}

    assert translations().apply("it") == "it"
    italian_page = get(qtbot, page_url).body
    assert b'<html lang="it">' in italian_page
    words = words_of(italian_page)
    assert words["lang"] == "it" and words["decimal"] == ","
    assert words["words"]["last: %1"] == "ultima: %1"
    assert words["words"]["imposed average"] == "media imposta"
    assert words["words"]["LINK LOST · data %1 old"] == "COLLEGAMENTO PERSO · dati di %1 fa"
    assert set(words["words"]) <= set(PAGE_WORDS)
    # the rest of the page as it was: only the words block and the language differ
    assert (
        italian_page.replace(b'<html lang="it">', b'<html lang="en">').replace(
            json.dumps(words, ensure_ascii=False, separators=(",", ":")).encode("utf-8"),
            json.dumps(words_of(english_page), separators=(",", ":")).encode("utf-8"),
        )
        == english_page
    )
    italian = state(qtbot, server)
    assert italian["lang"] == "it" and italian["decimal_comma"] is True
    assert italian["shown"] == {
        "armed": "PC1 · linea 3",
        "last_label": "PC1 · linea 2",
        "last_note": "",
        "total_label": "Finora",
    }
    # the public fields unchanged, in English, numbers with a decimal point
    assert italian["view"] == english["view"]
    assert italian["view"]["armed"] == "PC1 · line 3"
    assert italian["view"]["last"]["deviation"] == "+0.04"
    assert italian["view"]["target"]["left"] == "3.20"

    reset_language()  # and back: the page in English again, no reload of the server
    assert get(qtbot, page_url).body == english_page
    assert state(qtbot, server)["shown"]["armed"] == "PC1 · line 3"


def test_no_stage_in_italian(qtbot: QtBot, english_after: None) -> None:
    translations().apply("it")
    page = DriverPageServer(lambda: None, port=0, host="127.0.0.1")
    assert page.start(), page.error
    try:
        assert state(qtbot, page) | {"seq": 0, "feed_port": 0} == {
            "v": 1,
            "seq": 0,
            "feed_port": 0,
            "view": None,
            "lang": "it",
            "decimal_comma": True,
            "shown": None,
        }
    finally:
        page.stop()


def test_the_words_cannot_end_their_script_block() -> None:
    text = _json_in_html({"words": {"a": "</script><script>alert(1)</script> & <!--"}})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"words": {"a": "</script><script>alert(1)</script> & <!--"}}


def test_the_documented_example_is_what_the_feed_sends(
    qtbot: QtBot, tmp_path: Path, english_after: None
) -> None:
    """docs/files.md's "Driver page feed" example, message for message (bar seq and port)."""
    text = (Path(__file__).resolve().parents[2] / "docs" / "files.md").read_text(encoding="utf-8")
    section = text[text.index("## Driver page feed (JSON)") :]
    example = json.loads(section[section.index("```json") + 7 : section.index("```\n", 20)])
    stage = load_stage(STAGE)
    clock = FakeClock(1000 * NS_PER_S)
    live = LiveStage(stage, load_rules(stage.rules), Crew(), tmp_path / "d.mmlog", clock)
    live.press(clock.now_ns(), "key:Space")
    clock.advance_ns(15_040 * NS_PER_MS)
    live.press(clock.now_ns(), "key:Space")
    clock.advance_ns(2_800 * NS_PER_MS)
    translations().apply("it")
    sent = DriverPageServer(lambda: live_view(live)).envelope()
    assert sent | {"seq": 12, "feed_port": 8766} == example
