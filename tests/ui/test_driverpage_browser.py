"""The driver page in real headless chromium (Debian's, started here with a new empty profile):
it shows the countdown and runs it on its own clock, keeps going through a short silence of the
feed, turns red once the data is too old or the server stops, and reads in portrait and landscape;
in Italian it follows the window's language (a reload when it changes), with a decimal comma, and
its Content-Security-Policy blocks nothing of it.

Screenshots go to the test's temporary folder, or to $MMTIMER_DRIVER_SHOTS if set (the README's
pictures: ``MMTIMER_DRIVER_SHOTS=docs/images .venv/bin/python -m pytest
tests/ui/test_driverpage_browser.py``)."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from mmtimer.core.clock import NS_PER_MS, NS_PER_S, FakeClock
from mmtimer.core.crew import Crew
from mmtimer.core.distance import CarDistance
from mmtimer.core.rules import load_rules
from mmtimer.core.stage import load_stage
from mmtimer.core.timefmt import parse_time_of_day_ms
from mmtimer.paths import resource
from mmtimer.ui.dialogs import SyncRequest
from mmtimer.ui.driverpage import DriverPageServer
from mmtimer.ui.driverwindow import live_view
from mmtimer.ui.i18n import reset_language, translations
from mmtimer.ui.livestage import LiveStage
from tests.ui.chromium import Browser, missing

pytestmark = [pytest.mark.gui, pytest.mark.slow]
if missing():
    pytestmark.append(pytest.mark.skip(reason=str(missing())))

STAGE = resource("stages", "mille-miglia-day1.stage.toml")
STATE_JS = """(() => ({
  left: document.getElementById('left').textContent,
  live: document.getElementById('left').dataset.live ?? 'unset',  // unset until the first draw
  armed: document.getElementById('armed').textContent,
  last: document.getElementById('last-value').textContent,
  link: document.getElementById('link').textContent,
  lost: document.body.classList.contains('lost'),
  background: getComputedStyle(document.body).backgroundColor,
  overflow: document.documentElement.scrollWidth > window.innerWidth,
}))()"""


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    folder = os.environ.get("MMTIMER_DRIVER_SHOTS")
    return Path(folder) if folder else tmp_path


@pytest.fixture
def live(qtbot: QtBot, tmp_path: Path) -> LiveStage:
    stage = load_stage(STAGE)
    clock = FakeClock(500 * NS_PER_S)
    live = LiveStage(stage, load_rules(stage.rules), Crew(), tmp_path / "t.mmlog", clock)
    # PC1: the start, then line 2 0.04 s late; line 3 is due 6.00 s after it (and the fake
    # clock stands still from here: whatever the page counts down, it counts on its own clock)
    live.press(clock.now_ns(), "key:Space")
    clock.advance_ns(15_040 * NS_PER_MS)
    live.press(clock.now_ns(), "key:Space")
    clock.advance_ns(2_800 * NS_PER_MS)  # 3.20 s to line 3
    return live


@pytest.fixture
def server(qtbot: QtBot, live: LiveStage) -> Iterator[DriverPageServer]:
    page = DriverPageServer(lambda: live_view(live), port=0, host="127.0.0.1")
    assert page.start(), page.error
    live.changed.connect(page.push)
    yield page
    page.stop()


def wait_for(
    qtbot: QtBot, browser: Browser, test: Callable[[dict[str, Any]], bool], timeout_ms: int = 15_000
) -> dict[str, Any]:
    """The page's state once `test` holds for it (one reading: what is tested is returned)."""
    seen: dict[str, Any] = {}

    def check() -> bool:
        now = browser.evaluate(STATE_JS)  # None while the page is still loading
        if not isinstance(now, dict):
            return False
        seen.clear()
        seen.update(now)
        return test(now)

    qtbot.waitUntil(check, timeout=timeout_ms)
    return seen


def seconds(text: str) -> float:
    return float(text.lstrip("+").split(":")[-1])


def test_the_page_counts_down_and_turns_red_when_the_link_drops(
    qtbot: QtBot, live: LiveStage, server: DriverPageServer, shots: Path
) -> None:
    browser = Browser(qtbot, server.url("127.0.0.1"), 412, 860)
    try:
        browser.resize(412, 860)
        first = wait_for(qtbot, browser, lambda s: s["live"] == "yes" and s["left"] != "--.--")
        assert first["armed"] == "PC1 · line 3"
        assert first["last"] == "+0.04 s · 4 pts"
        assert first["link"].startswith("live · data ")
        assert not first["lost"] and not first["overflow"]
        start = time.monotonic()
        assert 0 < seconds(first["left"]) <= 3.20
        # the page's own clock runs the countdown (the server's clock stands still)
        qtbot.wait(400)
        later = browser.evaluate(STATE_JS)
        elapsed = time.monotonic() - start
        assert seconds(later["left"]) < seconds(first["left"]) - 0.2
        assert seconds(later["left"]) > seconds(first["left"]) - elapsed - 0.2
        browser.screenshot(shots / "mmtimer-driver-page.png")

        # a silence of the feed (a Wi-Fi hiccup): still live for a second and more, counting on
        server._heartbeat.stop()
        qtbot.wait(1300)
        hiccup = browser.evaluate(STATE_JS)
        assert hiccup["live"] == "yes" and not hiccup["lost"], hiccup
        assert hiccup["left"] != later["left"]
        # ... but data older than 3.5 s is never shown as live, though the socket is open
        old = wait_for(qtbot, browser, lambda s: s["lost"], timeout_ms=5000)
        assert old["link"].startswith("LINK LOST · data ") and old["live"] == "no"
        server._heartbeat.start()
        wait_for(qtbot, browser, lambda s: not s["lost"] and s["live"] == "yes", timeout_ms=3000)

        # landscape, on a phone across the dashboard
        browser.resize(860, 412)
        wide = wait_for(qtbot, browser, lambda s: s["live"] == "yes")
        assert not wide["overflow"]
        browser.screenshot(shots / "mmtimer-driver-page-landscape.png")
        browser.resize(412, 860)

        # mmtimer stops: the page turns red at once and says how old its data is
        server.stop()
        lost = wait_for(
            qtbot,
            browser,
            lambda s: s["lost"] and s["background"] == "rgb(92, 13, 11)",
            timeout_ms=3000,
        )
        assert lost["link"].startswith("LINK LOST") and lost["live"] == "no"
        browser.screenshot(shots / "mmtimer-driver-page-lost.png")
    finally:
        browser.close()


def test_without_the_key_the_browser_gets_403(
    qtbot: QtBot, server: DriverPageServer, shots: Path
) -> None:
    browser = Browser(qtbot, f"http://127.0.0.1:{server.port}/?key=guess", 412, 300)
    try:
        qtbot.waitUntil(lambda: "wrong key" in (browser.evaluate("document.body.innerText") or ""))
        assert browser.evaluate("document.getElementById('left')") is None
    finally:
        browser.close()


def test_an_average_trial_shows_the_imposed_average(
    qtbot: QtBot, tmp_path: Path, shots: Path
) -> None:
    stage = load_stage(STAGE)
    clock = FakeClock(500 * NS_PER_S)
    live = LiveStage(stage, load_rules(stage.rules), Crew(), tmp_path / "pm.mmlog", clock)
    assert live.select_section("PM1", clock.now_ns())
    # PM1 starts at 15:12:00 at 40 km/h (35 from km 3): synced 3 min later, the ideal car is
    # at km 2.000 and check 1 (km 2.350) is due in 31.50 s
    live.sync(SyncRequest(clock.now_ns(), parse_time_of_day_ms("15:15:00"), "typed"))
    car: dict[str, CarDistance | None] = {"now": None}  # what the stage window's pacer has
    server = DriverPageServer(
        lambda: live_view(live, car_of=lambda t_ns: car["now"]), port=0, host="127.0.0.1"
    )
    assert server.start(), server.error
    browser = Browser(qtbot, server.url("127.0.0.1"), 412, 860)
    try:
        browser.resize(412, 860)
        wait_for(qtbot, browser, lambda s: s["live"] == "yes" and s["left"] != "--.--")
        texts = browser.evaluate(
            "['avg-speed', 'avg-ahead', 'avg-next', 'armed'].map("
            "id => document.getElementById(id).textContent)"
        )
        assert browser.evaluate("document.getElementById('average').hidden") is False
        assert texts[0] == "40.0 km/h"
        assert texts[1] == "ahead/behind: no distance"
        assert texts[2] == "ideal km 2.000 · then 35.0 km/h from km 3.000"
        assert texts[3].startswith("PM1 · check 1")
        browser.screenshot(shots / "mmtimer-driver-page-average.png")

        # the car's distance from the pacer: a landmark at km 1.950 confirmed 20 s ago (the
        # ideal car was at km 1.778 then): ahead then, greyed, with its age - never as live
        car["now"] = CarDistance(1_950_000, "landmark", 20 * NS_PER_S, False, Decimal(1))
        server.push()
        stale_js = (
            "(() => { const e = document.getElementById('avg-ahead'); return"
            " [e.textContent, e.classList.contains('stale'), getComputedStyle(e).color]; })()"
        )
        qtbot.waitUntil(lambda: "then" in (browser.evaluate(stale_js) or [""])[0], timeout=5000)
        text, stale, colour = browser.evaluate(stale_js)
        assert text == "ahead 15.5 s · 172 m then (landmark 20 s ago)" and stale
        assert colour == "rgb(138, 138, 138)"  # the dim grey, not the live white
        browser.screenshot(shots / "mmtimer-driver-page-average-stale.png")
        # a live GPS reading: ahead now, with the average to hold, not greyed
        car["now"] = CarDistance(2_100_000, "gps", 300 * NS_PER_MS, True, Decimal(1))
        server.push()
        qtbot.waitUntil(lambda: "hold" in (browser.evaluate(stale_js) or [""])[0], timeout=5000)
        text, stale, colour = browser.evaluate(stale_js)
        assert text.startswith("ahead 9.0 s · 100 m · hold ") and not stale
        assert colour == "rgb(242, 239, 230)"
    finally:
        browser.close()
        server.stop()


WORDS_JS = """(() => ({
  lang: document.documentElement.lang,
  title: document.title,
  label: document.getElementById('last-label').textContent,
  total: document.getElementById('total').textContent,
  caption: document.querySelector('#average .caption').textContent,
  awake: document.getElementById('awake').textContent,
}))()"""


def quietly(browser: Browser, expression: str) -> Any:
    """`expression` on the page, or None while it reloads (no context to evaluate in)."""
    try:
        return browser.evaluate(expression)
    except AssertionError:
        return None


def csp_violations(browser: Browser) -> list[str]:
    """What the page's log says the Content-Security-Policy blocked."""
    return [
        entry["text"]
        for entry in browser.log_entries()
        if "Content Security Policy" in entry.get("text", "")
        or entry.get("source") in ("security", "violation")
    ]


@pytest.fixture
def english_after(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))  # the .qm compiled there
    yield
    reset_language()


@pytest.mark.usefixtures("english_after")
def test_the_page_follows_the_window_into_italian(
    qtbot: QtBot, server: DriverPageServer, shots: Path, tmp_path: Path
) -> None:
    browser = Browser(qtbot, server.url("127.0.0.1"), 412, 860)
    try:
        browser.resize(412, 860)
        browser.enable_log()
        english = wait_for(qtbot, browser, lambda s: s["live"] == "yes" and s["left"] != "--.--")
        assert english["armed"] == "PC1 · line 3" and english["last"] == "+0.04 s · 4 pts"
        assert "." in english["left"] and english["link"].startswith("live · data ")
        assert browser.evaluate(WORDS_JS)["lang"] == "en"

        # View > Language > Italiano in the app: the next message says "it", the page reloads
        translations().apply("it")
        server.push()
        qtbot.waitUntil(
            lambda: (quietly(browser, WORDS_JS) or {}).get("lang") == "it", timeout=10_000
        )
        italian = wait_for(
            qtbot,
            browser,
            lambda s: s["live"] == "yes" and s["left"] != "--.--" and s["link"] != "connessione…",
        )
        assert italian["armed"] == "PC1 · linea 3"
        assert italian["last"] == "+0,04 s · 4 pt"
        assert "," in italian["left"] and "." not in italian["left"]
        assert 0 < float(italian["left"].replace(",", ".")) <= 3.20
        assert italian["link"].startswith("in diretta · dati di ")
        assert italian["link"].endswith(" s fa") and "," in italian["link"]
        assert not italian["lost"] and not italian["overflow"]
        words = browser.evaluate(WORDS_JS)
        assert words["title"] == "mmtimer · pilota"
        assert words["label"] == "ultima: PC1 · linea 2"
        assert words["total"] == "Finora 4 pt"
        assert words["caption"] == "media imposta"
        assert words["awake"].startswith(("lo schermo può spegnersi", "schermo tenuto acceso"))
        browser.screenshot(shots / "mmtimer-driver-page-italiano.png")

        # mmtimer stops: the red page says so in Italian
        server.stop()
        lost = wait_for(qtbot, browser, lambda s: s["lost"], timeout_ms=3000)
        assert lost["link"].startswith("COLLEGAMENTO PERSO · dati di ")
        browser.screenshot(tmp_path / "mmtimer-driver-page-italiano-lost.png")

        # nothing of the page was blocked by its policy (the words block is data, not a
        # script)... and the check can see a blocked load: an image from elsewhere
        assert csp_violations(browser) == []
        browser.evaluate(
            "(() => { const i = new Image(); i.src = 'http://127.0.0.1:9/x.png';"
            " document.body.append(i); })()"
        )
        qtbot.waitUntil(lambda: bool(csp_violations(browser)), timeout=5000)
    finally:
        browser.close()


def test_an_average_trial_in_italian(qtbot: QtBot, tmp_path: Path, english_after: None) -> None:
    translations().apply("it")
    stage = load_stage(STAGE)
    clock = FakeClock(500 * NS_PER_S)
    live = LiveStage(stage, load_rules(stage.rules), Crew(), tmp_path / "pm.mmlog", clock)
    assert live.select_section("PM1", clock.now_ns())
    live.sync(SyncRequest(clock.now_ns(), parse_time_of_day_ms("15:15:00"), "typed"))
    # a landmark at km 1.950 confirmed 20 s ago: ahead then, with its age
    car = CarDistance(1_950_000, "landmark", 20 * NS_PER_S, False, Decimal(1))
    server = DriverPageServer(
        lambda: live_view(live, car_of=lambda t_ns: car), port=0, host="127.0.0.1"
    )
    assert server.start(), server.error
    browser = Browser(qtbot, server.url("127.0.0.1"), 412, 860)
    try:
        browser.resize(412, 860)
        browser.enable_log()
        wait_for(qtbot, browser, lambda s: s["live"] == "yes" and s["left"] != "--.--")
        texts = browser.evaluate(
            "['avg-speed', 'avg-ahead', 'avg-next', 'armed'].map("
            "id => document.getElementById(id).textContent)"
        )
        assert texts[0] == "40,0 km/h"
        assert texts[1] == "anticipo 15,5 s · 172 m allora (riferimento 20 s fa)"
        assert texts[2] == "km ideale 2,000 · poi 35,0 km/h dal km 3,000"
        assert texts[3].startswith("PM1 · rilevamento 1")
        browser.screenshot(tmp_path / "mmtimer-driver-page-italiano-average.png")
        assert csp_violations(browser) == []
    finally:
        browser.close()
        server.stop()
