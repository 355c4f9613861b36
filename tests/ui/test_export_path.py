"""File > Export results, in a replay window and in stage mode: one question, which suggests the
last export folder (else the Documents folder, never the app's resources or the hidden data
folder) and gives a name typed without an extension ``.csv``."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from mmtimer.core.clock import NS_PER_S, FakeClock
from mmtimer.paths import resource, resources_dir
from mmtimer.ui.controller import Controller
from mmtimer.ui.livestage import data_dir
from mmtimer.ui.replay_window import ReplayWindow, read_replay
from mmtimer.ui.stagewindow import StageWindow
from mmtimer.ui.triggers import EventStamper
from tests.ui.test_stagewindow import STAGE, end_the_stage

GOLDEN_LOG = resource("logs", "tsd-club.mmlog")


class SaveDialog:
    """QFileDialog.getSaveFileName, answered by the test: records the suggested path."""

    def __init__(self, answer: Path | None) -> None:
        self.answer = answer
        self.suggested: list[Path] = []

    def __call__(self, parent: QWidget, caption: str, start: str, *args: Any) -> tuple[str, str]:
        self.suggested.append(Path(start))
        filters = args[0].split(";;")
        return ("", "") if self.answer is None else (str(self.answer), filters[0])


TSD_CSV = "tsd-club-Club-TSD-Cascade-foothills-leg-1.csv"  # log tsd-club, stage "Club TSD - ..."


def documents() -> Path:
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(location)


@pytest.fixture
def settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> QSettings:
    """Settings of the test's own, and a home folder of its own with a Documents folder."""
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    (tmp_path / "home" / "Documents").mkdir(parents=True)
    assert documents() == tmp_path / "home" / "Documents"
    return QSettings(str(tmp_path / "mmtimer.ini"), QSettings.Format.IniFormat)


def test_the_bundled_log_suggests_documents_and_a_bare_name_gets_csv(
    qtbot: QtBot, settings: QSettings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    golden = GOLDEN_LOG.read_bytes()
    window = ReplayWindow(read_replay(GOLDEN_LOG), None, settings)
    qtbot.addWidget(window)
    folder = tmp_path / "exports"
    folder.mkdir()
    dialog = SaveDialog(folder / "leg 1")  # typed without an extension
    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    window.export_action.trigger()
    (suggested,) = dialog.suggested
    assert suggested == documents() / TSD_CSV  # the log's name and the stage's
    assert not suggested.resolve().is_relative_to(resources_dir().resolve())
    assert (folder / "leg 1.csv").is_file() and not (folder / "leg 1").exists()
    assert GOLDEN_LOG.read_bytes() == golden

    again = SaveDialog(None)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", again)
    window.export_action.trigger()  # the last export folder, remembered
    assert again.suggested == [folder / TSD_CSV]


def test_stage_mode_suggests_documents_not_the_hidden_data_folder(
    qtbot: QtBot, settings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = FakeClock(
        1_000 * NS_PER_S, utc_start=datetime.datetime(2026, 5, 13, 12, 55, tzinfo=datetime.UTC)
    )
    window = StageWindow(
        Controller(clock),
        settings,
        stamper=EventStamper(clock, "offscreen", None),
        open_sound=lambda parent: "no sound",
        ask_close=end_the_stage,
    )
    qtbot.addWidget(window)
    assert window.open_path(STAGE)
    assert window.live is not None and window.live.log_path.parent == data_dir() / "logs"
    dialog = SaveDialog(None)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    window.export_action.trigger()
    (suggested,) = dialog.suggested
    assert suggested.parent == documents()
    log_stem = window.live.log_path.name.removesuffix(".mmlog")
    assert suggested.name == f"{log_stem}-1000-Miglia-Day-1-Brescia-to-Cervia-Mila.csv"


def test_a_remembered_folder_inside_the_resources_is_not_suggested(
    qtbot: QtBot, settings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings.setValue("export/folder", str(resource("logs")))
    window = ReplayWindow(read_replay(GOLDEN_LOG), None, settings)
    qtbot.addWidget(window)
    dialog = SaveDialog(None)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    window.export_action.trigger()
    assert dialog.suggested == [documents() / TSD_CSV]


def test_a_bare_name_whose_csv_exists_asks_before_replacing_it(
    qtbot: QtBot, settings: QSettings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = ReplayWindow(read_replay(GOLDEN_LOG), None, settings)
    qtbot.addWidget(window)
    taken = tmp_path / "leg.csv"
    taken.write_text("keep me", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", SaveDialog(tmp_path / "leg"))
    asked: list[str] = []

    def decline(*args: Any) -> QMessageBox.StandardButton:
        asked.append(str(args[2]))
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", decline)
    window.export_action.trigger()
    assert asked == [f"{taken} exists already. Replace it?"]
    assert taken.read_text(encoding="utf-8") == "keep me"
