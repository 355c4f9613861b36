"""The core's one-line errors in the window's language (ui/errors.py), from real bad files.

Italian: the message is translated, the file, line and key stay as they are, the values quoted
from the file too, and the program's numbers take Italian separators; `str()` of the same error
stays English (the command line and the logs print it). The real stage window, asked to open a
bad stage in Italian, shows its warning in Italian.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from mmtimer.core.errors import InputError
from mmtimer.core.event import load_event
from mmtimer.core.logfile import read_log
from mmtimer.core.stage import load_stage
from mmtimer.core.timefmt import FormatError, parse_duration_ms
from mmtimer.core.tomlfile import read_file_bytes
from mmtimer.ui.errors import error_shown, number_shown
from mmtimer.ui.i18n import reset_language, translations
from tests.core.test_crafted_logs import write_log
from tests.stages import FOUR_KINDS_TEXT
from tests.ui.stagerig import fake_clock, stage_window

pytestmark = pytest.mark.gui


@pytest.fixture
def italian(qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    translations().apply("it")
    yield
    reset_language()


def _refused(path: Path) -> InputError:
    with pytest.raises(InputError) as caught:
        load_stage(path)
    return caught.value


def _stage(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "bad.stage.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_bad_target_in_italian_keeps_file_line_key_and_value(
    italian: None, tmp_path: Path
) -> None:
    path = _stage(tmp_path, FOUR_KINDS_TEXT.replace('"6.00"', '"6,5x"'))
    error = _refused(path)
    english = str(error)
    assert english.startswith(f"{path}:")
    assert english.endswith(
        "section[1].targets[2]: target '6,5x': use a decimal point, not a comma"
    )
    shown = error_shown(error)
    place = f"{error.source}:{error.line}: {error.key}: "
    assert error.key == "section[1].targets[2]"
    assert shown.startswith(place)
    assert "'6,5x'" in shown  # the file's own text, as written
    assert shown == place + "tempo imposto '6,5x': usa il punto decimale, non la virgola"
    assert str(error) == english  # the error itself stays English


def test_a_stage_without_sections_in_italian(italian: None, tmp_path: Path) -> None:
    path = _stage(tmp_path, 'format = "mmtimer-stage/1"\nname = "x"\nrules = "aci-2021"\n')
    error = _refused(path)
    assert str(error) == f"{path}: section: missing"
    assert error_shown(error) == f"{path}: section: manca"


def test_a_wrong_type_names_the_value_in_italian(italian: None, tmp_path: Path) -> None:
    path = _stage(tmp_path, FOUR_KINDS_TEXT.replace('id = "CO1"', "id = 12"))
    error = _refused(path)
    assert str(error).endswith("section[3].id: must be a string, not the number 12")
    assert error_shown(error).endswith("section[3].id: deve essere un testo, non il numero 12")
    assert f":{error.line}:" in error_shown(error)


def test_a_syntax_error_keeps_the_parsers_words(italian: None, tmp_path: Path) -> None:
    path = _stage(tmp_path, 'format = "mmtimer-stage/1"\nname = \n')
    shown = error_shown(_refused(path))
    assert shown.startswith(f"{path}:2: TOML non valido: ")


def test_program_numbers_take_italian_separators(italian: None, tmp_path: Path) -> None:
    path = tmp_path / "big.stage.toml"
    path.write_bytes(b"#" * 2500)
    with pytest.raises(InputError) as caught:
        read_file_bytes(path, limit=1000)
    assert str(caught.value).endswith("(2,500 bytes; at most 1,000): not read")
    assert error_shown(caught.value) == (
        f"{path}: è più grande di qualsiasi tappa o regolamento "
        "(2.500 byte; al massimo 1.000): non letto"
    )
    assert number_shown("1,234.5") == "1.234,5"


def test_a_format_error_alone(italian: None) -> None:
    with pytest.raises(FormatError) as caught:
        parse_duration_ms("1:75")
    assert str(caught.value) == "duration '1:75': seconds must be below 60"
    assert error_shown(caught.value) == "durata '1:75': i secondi devono essere meno di 60"


def test_a_log_cut_in_its_header_and_a_bad_line(italian: None, tmp_path: Path) -> None:
    log = write_log(tmp_path / "torn.mmlog")
    header = log.read_bytes().split(b"\n", 1)[0]
    log.write_bytes(header[: len(header) // 2])
    with pytest.raises(InputError) as caught:
        read_log(log)
    assert error_shown(caught.value) == (
        f"{log}:1: la riga d'intestazione è troncata: il registro non contiene nulla di "
        "utilizzabile"
    )
    log = write_log(tmp_path / "bad.mmlog")
    lines = log.read_bytes().split(b"\n")
    lines[1] = b"[1, 2]"
    log.write_bytes(b"\n".join(lines))
    with pytest.raises(InputError) as caught:
        read_log(log)
    assert str(caught.value) == f"{log}:2: not a JSON object"
    assert error_shown(caught.value) == f"{log}:2: non è un oggetto JSON"


def test_a_bad_event_file(italian: None, tmp_path: Path) -> None:
    path = tmp_path / "rally.event.toml"
    path.write_text('format = "mmtimer-event/1"\nname = "Rally"\nday = []\n', encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_event(path)
    assert str(caught.value) == f"{path}:3: day: an event needs at least one [[day]]"
    assert error_shown(caught.value) == (
        f"{path}:3: day: un evento ha bisogno di almeno un [[day]]"
    )


def test_english_windows_show_the_english_line(qapp: QApplication, tmp_path: Path) -> None:
    reset_language()
    path = _stage(tmp_path, FOUR_KINDS_TEXT.replace('"6.00"', '"-6"'))
    error = _refused(path)
    assert error_shown(error) == str(error)


def test_the_stage_window_warns_in_italian(italian: None, qtbot: QtBot, tmp_path: Path) -> None:
    path = _stage(tmp_path, FOUR_KINDS_TEXT.replace('kind = "time-control"', 'kind = "co"'))
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = stage_window(qtbot, fake_clock(), settings, ask_resume=lambda *_: False)
    seen: list[tuple[str, str]] = []

    def read_the_box() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, read_the_box)
            return
        seen.append((box.windowTitle(), box.text()))
        box.done(0)

    QTimer.singleShot(0, read_the_box)
    assert not window.open_path(path)
    assert seen, "no warning was shown"
    title, text = seen[0]
    assert title == "Impossibile aprire la tappa"
    assert text.startswith(f"{path}:") and ": section[3].kind: " in text
    assert "'co' non è tra " in text and '"time-control"' in text
    assert window.open_error is not None and "is not one of" in window.open_error


def test_the_stage_editor_refuses_a_cell_in_italian(
    italian: None, qtbot: QtBot, tmp_path: Path
) -> None:
    from mmtimer.core.stagerows import COLUMNS
    from mmtimer.present.stageeditor import StageDraft
    from mmtimer.ui.stageeditor import StageEditor

    path = _stage(tmp_path, FOUR_KINDS_TEXT)
    warnings: list[str] = []
    editor = StageEditor(
        StageDraft.open(path),
        ask_save=lambda parent, name: "discard",
        ask_path=lambda parent, start: tmp_path / "out.stage.toml",
        warn=lambda parent, title, text: warnings.append(text),
    )
    qtbot.addWidget(editor)
    model = editor.model
    cell = model.index(0, COLUMNS.index("targets"))
    assert model.setData(cell, "15.00 6.0x")
    says = "tempo imposto '6.0x': non sono secondi come 15.00, 21 o 1:02.50"
    assert model.data(cell, Qt.ItemDataRole.ToolTipRole) == says
    check = str(model.data(model.index(0, len(COLUMNS))))
    assert check.endswith(f": {says}") and check != says  # the column's title, then the words
    assert editor.draft.problem_at(0, "targets") == (
        "target '6.0x' is not seconds like 15.00, 21 or 1:02.50"  # the draft keeps English
    )
    editor.save_as()
    assert warnings and warnings[0].endswith(f"riga 1 (PC1) targets: {says}")


def test_the_chronographs_and_the_sessions_refusals_in_italian(
    italian: None, tmp_path: Path
) -> None:
    from mmtimer.core.clock import FakeClock
    from mmtimer.core.distance import DistanceEventError, parse_factor
    from mmtimer.ui.controller import Controller

    controller = Controller(FakeClock())
    refused: list[str] = []
    controller.refused.connect(refused.append)
    controller.start_stop()
    controller.reset()  # running: the watch refuses
    assert refused == ["ferma il cronografo prima di azzerarlo"]
    with pytest.raises(DistanceEventError) as caught:
        parse_factor("9")
    assert str(caught.value) == "a calibration factor must be between 0.5 and 2, not 9"
    assert error_shown(caught.value) == "un fattore di taratura deve essere tra 0,5 e 2, non 9"


def test_the_event_panel_names_a_missing_stage_in_italian(
    italian: None, qtbot: QtBot, tmp_path: Path
) -> None:
    from tests.core.test_event import make_event
    from tests.ui.stagerig import no_unsaved_question

    path = make_event(tmp_path, count=0, scope="stage", day3_log=True)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = stage_window(qtbot, fake_clock(), settings, ask_resume=lambda *_: False)
    window.ask_unsaved = no_unsaved_question
    assert window.open_path(path, warn=False)
    text = window.events.dock.panel.problems.text()
    stage = tmp_path / "day4.stage.toml"
    assert f"tappa: {stage}: file inesistente" in text  # the file named as it is
    assert "no such file" not in text
    assert "stage: " in str(window.events.result.days[3].problem)  # the result keeps English


def test_the_crew_dialog_names_a_bad_part_in_italian(italian: None, qtbot: QtBot) -> None:
    from mmtimer.ui.dialogs import CrewDialog

    dialog = CrewDialog()
    qtbot.addWidget(dialog)
    dialog.coefficient.setText("1,8x")
    assert dialog.problem.text() == "coefficiente: '1,8x' non è un numero come 0,35"
