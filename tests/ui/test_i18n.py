"""Italian and English live: View > Language changes the open windows' menus, a dialog's Qt
buttons (qtbase_it) and the numbers (decimal comma), and back again."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog
from pytestqt.qtbot import QtBot

from mmtimer.core.clock import FakeClock
from mmtimer.paths import resource
from mmtimer.present.i18n import window_language
from mmtimer.ui.controller import Controller
from mmtimer.ui.i18n import KEY_LANGUAGE, install_language, reset_language, translations
from mmtimer.ui.mainwindow import MainWindow
from mmtimer.ui.replay_window import ReplayWindow, read_replay
from mmtimer.ui.stagewindow import StageWindow
from mmtimer.ui.words import PATTERNS, WHOLE, shown, words
from tests.ui.stagerig import fake_clock, stage_window

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def _cache_and_english_after(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    yield
    reset_language()


def _settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def _menu_titles(window: object) -> list[str]:
    bar = window.menuBar()  # type: ignore[attr-defined]
    return [a.text() for a in bar.actions()]


def test_the_menus_change_language_live_and_back(qtbot: QtBot, tmp_path: Path) -> None:
    settings = _settings(tmp_path)
    window = MainWindow(Controller(FakeClock()), settings)
    qtbot.addWidget(window)
    assert _menu_titles(window) == ["&File", "&Chronograph", "&View", "&Help"]
    window.language_menu.choose("it")
    assert window_language() == "it"
    assert _menu_titles(window) == ["&File", "&Cronografo", "&Visualizza", "&Aiuto"]
    assert window.quit_action.text() == "&Esci"
    assert window.language_menu.title() == "&Lingua"
    assert window.language_menu.choice_actions["it"].isChecked()
    assert "Lingua: Italiano" in window.statusBar().currentMessage()
    assert settings.value(KEY_LANGUAGE) == "it"
    window.language_menu.choose("en")
    assert _menu_titles(window) == ["&File", "&Chronograph", "&View", "&Help"]
    assert window.quit_action.text() == "&Quit"
    assert window.language_menu.choice_actions["en"].isChecked()


def test_the_choice_is_kept_for_the_next_start(qtbot: QtBot, tmp_path: Path) -> None:
    settings = _settings(tmp_path)
    settings.setValue(KEY_LANGUAGE, "it")
    assert install_language(settings) == "it"
    window = MainWindow(Controller(FakeClock()), settings)
    qtbot.addWidget(window)
    assert _menu_titles(window)[-1] == "&Aiuto"
    assert translations().choice == "it"


def test_compiled_on_first_use_into_the_cache(qtbot: QtBot, tmp_path: Path) -> None:
    translations().apply("it")
    assert (tmp_path / "cache" / "mmtimer" / "i18n" / "mmtimer_it.qm").is_file()
    assert translations().problems == []


def _stage_window(qtbot: QtBot, tmp_path: Path) -> StageWindow:
    window = stage_window(qtbot, fake_clock(), _settings(tmp_path), ask_resume=lambda *_: False)
    assert window.open_path(resource("stages", "mille-miglia-day1.stage.toml"), warn=False)
    return window


def test_a_dialogs_qt_buttons_in_both_directions(qtbot: QtBot, tmp_path: Path) -> None:
    window = _stage_window(qtbot, tmp_path)

    def buttons() -> set[str]:
        dialog = window.edit_settings()
        qtbot.addWidget(dialog)
        box = dialog.findChild(QDialogButtonBox)
        assert box is not None
        texts = {b.text() for b in box.buttons()}
        dialog.reject()
        return texts

    assert buttons() == {"OK", "Cancel"}
    window.language_menu.choose("it")
    assert buttons() == {"OK", "Annulla"}
    window.language_menu.choose("en")
    assert buttons() == {"OK", "Cancel"}


def test_numbers_take_a_decimal_comma_in_italian(qtbot: QtBot, tmp_path: Path) -> None:
    window = _stage_window(qtbot, tmp_path)
    window.refresh()
    assert window.chrono_readout.text() == "0:00:00.00"
    window.language_menu.choose("it")
    assert window.chrono_readout.text() == "0:00:00,00"
    assert window.chrono_readout.caption() == "CRONOGRAFO"
    assert window.official_readout.caption() == "ORA UFFICIALE"
    window.language_menu.choose("en")
    assert window.chrono_readout.text() == "0:00:00.00"
    assert window.chrono_readout.caption() == "CHRONOGRAPH"


def test_the_stage_editor_and_its_terms_speak_italian(qtbot: QtBot, tmp_path: Path) -> None:
    """The terms' row (ui/stageterms.py, moved out of the editor's class: its own context in
    the .ts) is as Italian as the rest of the editor."""
    from PySide6.QtWidgets import QLabel

    from mmtimer.ui.stageeditor import StageEditor

    translations().apply("it")
    editor = StageEditor(ask_save=lambda parent, name: "discard")  # the edit below
    qtbot.addWidget(editor)
    terms = editor.terms
    assert terms.name_edit.placeholderText() == "il nome del giorno nel road book"
    assert terms.gps_box.text() == "GPS ammesso"
    assert terms.max_late_edit.placeholderText() == "nessuno"
    assert terms.rules_box.itemText(terms.rules_box.count() - 1) == "Altro file…"
    assert "&Nome" in [label.text() for label in editor.findChildren(QLabel)]
    terms.gps_box.setChecked(not terms.gps_box.isChecked())
    assert editor.stack.undoText() == "GPS ammesso"
    # "Check": the row's validation is a Verifica; an average trial's check points are
    # rilevamenti (the sport's word), in both tables
    from PySide6.QtCore import Qt

    horizontal = Qt.Orientation.Horizontal
    for model in (editor.model, editor.leg_table.model()):
        last = model.columnCount() - 1
        assert model.headerData(last, horizontal) == "Verifica"
    checks = [editor.model.headerData(c, horizontal) for c in range(editor.model.columnCount())]
    assert "Rilevamenti (km)" in checks


def test_the_replay_window_speaks_italian(qtbot: QtBot, tmp_path: Path) -> None:
    translations().apply("it")
    replay = read_replay(resource("logs", "mille-miglia-day1.mmlog"))
    window = ReplayWindow(replay, FakeClock(), _settings(tmp_path))
    qtbot.addWidget(window)
    assert _menu_titles(window) == ["&File", "&Modifica", "&Riproduzione", "&Visualizza", "&Aiuto"]
    assert "riproduzione mmtimer" in window.windowTitle()
    window.language_menu.choose("en")
    assert "mmtimer replay" in window.windowTitle()


def test_the_csv_export_offers_the_eu_form_first_in_italian(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With a decimal comma the EU CSV (semicolons, decimal commas) comes first and is chosen
    unless the navigator picks the other; in English the comma-separated one."""
    asked: list[tuple[str, list[str]]] = []
    (tmp_path / "out").mkdir()

    def dialog(
        parent: object, caption: str, start: str, filters: str, *rest: object
    ) -> tuple[str, str]:
        choices = filters.split(";;")
        asked.append((Path(start).name, choices))
        return str(tmp_path / "out" / f"results{len(asked)}.csv"), choices[0]

    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    replay = read_replay(resource("logs", "mille-miglia-day1.mmlog"))
    window = ReplayWindow(replay, FakeClock(), _settings(tmp_path))
    qtbot.addWidget(window)
    window.language_menu.choose("it")
    window.export_action.trigger()
    name, choices = asked[-1]
    assert name.endswith(".eu.csv")
    assert choices[0].startswith("CSV, UE: punti e virgola, virgola decimale")
    eu = (tmp_path / "out" / "results1.csv").read_bytes().decode("utf-8-sig")
    assert ";" in eu.splitlines()[0]
    window.language_menu.choose("en")
    window.export_action.trigger()
    name, choices = asked[-1]
    assert not name.endswith(".eu.csv")
    assert choices[0].startswith("CSV, comma-separated")
    en = (tmp_path / "out" / "results2.csv").read_bytes().decode("utf-8-sig")
    assert ";" not in en.splitlines()[0]


def test_presents_words_part_by_part(qtbot: QtBot) -> None:
    """ui/words.py: whole texts, parts between separators, patterns with values; what the
    catalogue lacks (a section id, a rule-set id) is left as written."""
    translations().apply("it")
    assert shown("PC1 · line 2 · +0.12 s · 12") == "PC1 · linea 2 · +0,12 s · 12"
    assert shown("pending, from line 1") == "in attesa, dalla linea 1"
    assert (
        shown("mille-miglia · coefficient 1 · car factor 1.80 reported, not applied")
        == "mille-miglia · coefficiente 1 · fattore vettura 1,80 indicato, non applicato"
    )
    assert shown("CO1 · time card") == "CO1 · tabella di marcia"
    assert shown(
        "Undone: the pass of PC1 · line 3 (Backspace again undoes the action before it)"
    ) == (
        "Annullato: il passaggio di PC1 · linea 3 (Backspace di nuovo annulla l'azione precedente)"
    )
    reset_language()
    assert shown("pending, from line 1") == "pending, from line 1"


def test_a_text_without_a_letter_only_takes_the_decimal_separator(qtbot: QtBot) -> None:
    """`shown` passes a text without a letter (a running time, new at each frame) by the
    catalogue: right only while every text and pattern of it has a letter."""
    values = [p.replace("%1", "").replace("%2", "") for p in PATTERNS]
    assert [t for t in (*WHOLE, *values) if not any(c.isalpha() for c in t)] == []
    translations().apply("it")
    for text in ("0:01:23.45", "+0.12", "10:42:05", "-1:02.30 · 12", "12.5"):
        assert shown(text) == words(text).replace(".", ",")
    assert shown("0:01:23.45") == "0:01:23,45"
    assert shown("+0.12 s") == "+0,12 s"  # a letter: through the catalogue
