"""Alt+letter reaches one item: no two items of one menu share their underlined letter, nor two
things Alt+letter reaches from the window itself (its menus, its labels' fields, its buttons),
in English and in Italian, in the stage window, the stage editor and the replay."""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel, QMainWindow, QMenu
from pytestqt.qtbot import QtBot

from mmtimer.core.clock import FakeClock
from mmtimer.paths import resource
from mmtimer.ui.i18n import reset_language, translations
from tests.ui.stagerig import fake_clock, own_settings, show_active, stage_window

pytestmark = pytest.mark.gui


def mnemonic(text: str) -> str | None:
    """The letter after a single ``&`` (``&&`` is a plain ampersand), lower case; None if none."""
    plain = text.replace("&&", "")
    at = plain.find("&")
    return plain[at + 1].lower() if 0 <= at < len(plain) - 1 else None


def clashes(window: QMainWindow) -> list[str]:
    """Each menu (and the menu bar) whose visible items share a letter: ``File: o: &Open…,
    Resume a log left &open…``."""
    found: list[str] = []

    def check(where: str, texts: list[str]) -> None:
        by_letter: dict[str, list[str]] = defaultdict(list)
        for text in texts:
            letter = mnemonic(text)
            if letter is not None:
                by_letter[letter].append(text)
        found.extend(
            f"{where}: {letter}: {', '.join(same)}"
            for letter, same in by_letter.items()
            if len(same) > 1
        )

    def walk(menu: QMenu, where: str) -> None:
        shown = [a for a in menu.actions() if a.isVisible() and not a.isSeparator()]
        check(where, [a.text() for a in shown])
        for act in shown:
            sub = act.menu()
            if isinstance(sub, QMenu):
                walk(sub, f"{where} > {act.text()}")

    bar = window.menuBar().actions()
    # What Alt+letter reaches from the window: its menus, the fields its labels name, its buttons
    labels = [
        w.text() for w in window.findChildren(QLabel) if w.buddy() is not None and w.isVisible()
    ]
    buttons = [w.text() for w in window.findChildren(QAbstractButton) if w.isVisible()]
    check("window", [a.text() for a in bar] + labels + buttons)
    for act in bar:
        sub = act.menu()
        if isinstance(sub, QMenu):
            walk(sub, act.text())
    return found


@pytest.fixture(params=["en", "it"])
def language(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[str]:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    translations().apply(request.param)
    yield request.param
    reset_language()


def test_the_stage_windows_menus(qtbot: QtBot, tmp_path: Path, language: str) -> None:
    clock = fake_clock(datetime.datetime(2026, 5, 13, 12, 55, tzinfo=datetime.UTC))
    window = stage_window(qtbot, clock, own_settings(tmp_path), ask_resume=lambda *_: False)
    stage = resource("stages", "practice-average.stage.toml")  # every menu, Distance included
    assert window.open_path(stage, tmp_path / "run.mmlog", warn=False)
    show_active(qtbot, window, 1400, 900)
    assert clashes(window) == []


def test_the_replays_menus(qtbot: QtBot, tmp_path: Path, language: str) -> None:
    from mmtimer.ui.replay_window import ReplayWindow, read_replay

    found = read_replay(resource("logs", "practice-average.mmlog"))
    window = ReplayWindow(found, FakeClock(0), own_settings(tmp_path))
    qtbot.addWidget(window)
    assert clashes(window) == []


def test_the_stage_editors_menus_and_fields(qtbot: QtBot, language: str) -> None:
    from mmtimer.present.stageeditor import StageDraft
    from mmtimer.ui.stageeditor import StageEditor

    editor = StageEditor(
        StageDraft.new(),
        ask_save=lambda parent, name: "discard",
        ask_path=lambda parent, start: None,
        warn=lambda parent, title, text: None,
    )
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    assert clashes(editor) == []


def test_a_clash_is_found() -> None:
    assert mnemonic("&Open…") == "o" and mnemonic("Rock && roll") is None
    assert mnemonic("Res&ume") == "u" and mnemonic("A && &B") == "b"
