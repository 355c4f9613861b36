"""File > Export card PDF and File > Print card: the open stage's navigator's card."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QWidget

from mmtimer.ui.i18n import reset_language, translations
from mmtimer.ui.pdfpages import PageName
from tests.ui.test_stagewindow import Rig, rig

__all__ = ["rig"]

poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="poppler-utils (.ci/run installs it)"
)


def pdf_text(path: Path) -> str:
    done = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    )
    return unicodedata.normalize("NFKC", done.stdout)  # the PDF's ligatures ("ﬃ") as letters


@poppler
def test_export_card_pdf_from_the_file_menu(rig: Rig, tmp_path: Path) -> None:
    out = tmp_path / "day1.card.pdf"
    asked: list[str] = []

    def answer(parent: QWidget, suggested: str) -> tuple[Path, PageName]:
        asked.append(suggested)
        return out, "A4"

    window = rig.window
    window.card.ask_pdf_path = answer
    titles = [a.text() for a in window.file_menu.actions()]
    assert "Export card P&DF…" in titles and "&Print card…" in titles
    window.card.export_action.trigger()
    assert asked and asked[0].endswith("mille-miglia-day1.card.pdf")
    text = pdf_text(out)
    assert "Navigator's card" in text and "1000 Miglia - Day 1" in text
    assert "15:15:31.50" in text and "33.00" in text
    assert "Card written to" in window.statusBar().currentMessage()


@poppler
def test_print_card_paints_the_same_pages(rig: Rig, tmp_path: Path) -> None:
    out = tmp_path / "printed.pdf"

    def printer(parent: QWidget) -> QPrinter:  # the print dialog's answer: a PDF printer
        made = QPrinter(QPrinter.PrinterMode.HighResolution)
        made.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        made.setOutputFileName(str(out))
        return made

    rig.window.card.ask_printer = printer
    rig.window.card.print_action.trigger()
    text = pdf_text(out)
    assert "PM1" in text and "15:21:18.00" in text
    assert "sent to the printer (1 page)" in rig.window.statusBar().currentMessage()


def test_cancelled_export_writes_nothing(rig: Rig, tmp_path: Path) -> None:
    rig.window.card.ask_pdf_path = lambda parent, suggested: None
    assert not rig.window.card.export_pdf()
    assert not list(tmp_path.glob("*.pdf"))


@poppler
def test_the_card_prints_in_the_windows_language(
    rig: Rig, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In Italian the card's words, its notes and its numbers are Italian; the stage's own names
    stay as written, and the whole day still fits one A5 sheet."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    out = tmp_path / "giorno1.card.pdf"
    rig.window.card.ask_pdf_path = lambda parent, suggested: (out, "A5")
    translations().apply("it")
    try:
        rig.window.card.export_action.trigger()
    finally:
        reset_language()
    text = " ".join(pdf_text(out).split())
    assert "Tabella del navigatore" in text and "1000 Miglia - Day 1" in text
    assert "6 sezioni, 14 passaggi da rilevare" in text
    assert "PM1 · prova di media" in text and "PC1 · prova cronometrata" in text
    assert "3 linee, ogni tempo imposto dalla linea precedente" in text
    assert "rilevamento 1" in text and "dalla linea 2" in text and "tabella di marcia" in text
    assert "15:15:31,50" in text and "valutato come" in text and "15:15:31,00" in text
    assert "poi 35,0 km/h dal km 3,000 · 2 rilevamenti" in text
    assert "Punteggio (mille-miglia)" in text
    for english in ("check 1", "from line", "timed trial", "sections", "scored as"):
        assert english not in text, english
    assert "\f" not in pdf_text(out).rstrip("\f")  # one page


@poppler
def test_export_the_time_table_from_the_file_menu(rig: Rig, tmp_path: Path) -> None:
    out = tmp_path / "day1.table.pdf"
    asked: list[str] = []

    def answer(parent: QWidget, suggested: str) -> Path:
        asked.append(suggested)
        return out

    rig.window.card.ask_table_path = answer
    titles = [a.text() for a in rig.window.file_menu.actions()]
    assert "Export time &table PDF…" in titles
    rig.window.card.table_action.trigger()
    assert asked and asked[0].endswith("mille-miglia-day1.table.pdf")
    text = " ".join(pdf_text(out).split())
    assert "PM1" in text and "Ideal time" in text and "Marks" in text
    assert "start 15:12:00 official time" in text and "a row every 0.100 km" in text
    assert "15:15:31.50" in text and "check 1" in text
    assert "Time table written to" in rig.window.statusBar().currentMessage()


@poppler
def test_the_time_table_prints_in_the_windows_language(
    rig: Rig, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    out = tmp_path / "giorno1.table.pdf"
    rig.window.card.ask_table_path = lambda parent, suggested: out
    translations().apply("it")
    try:
        titles = [a.text() for a in rig.window.file_menu.actions()]
        assert "Esporta la tabella di &marcia in PDF…" in titles  # retranslated in place
        rig.window.card.table_action.trigger()
        said = rig.window.statusBar().currentMessage()
    finally:
        reset_language()
    assert "Tabella di marcia scritta in" in said
    text = " ".join(pdf_text(out).split())
    assert "Tempo ideale" in text and "Riferimenti" in text
    assert "partenza alle 15:12:00 ora ufficiale" in text and "una riga ogni 0,100 km" in text
    assert "40,0 km/h, 35,0 km/h dal km 3,000" in text
    assert "15:15:31,50" in text and "rilevamento 1" in text and "Punteggio (mille-miglia)" in text
    for english in ("Ideal time", "check 1", "official time", "this table"):
        assert english not in text, english
    titles = [a.text() for a in rig.window.file_menu.actions()]
    assert "Export time &table PDF…" in titles  # and back in English


def test_no_time_table_without_an_average_trial(rig: Rig) -> None:
    stage, rules, path = rig.window.card.current() or pytest.fail("no stage")
    without = replace(stage, sections=tuple(s for s in stage.sections if s.kind.value != "average"))
    rig.window.card.current = lambda: (without, rules, path)
    rig.window.card.ask_table_path = lambda parent, suggested: pytest.fail("asked for a file")
    assert not rig.window.card.export_table()
    assert "no average-speed trial" in rig.window.statusBar().currentMessage()


@pytest.mark.qt_log_ignore(r"QPainter::begin\(\): Returned false")  # Qt's own word on it
def test_a_pdf_that_cannot_be_written_is_said_and_nothing_kept(
    rig: Rig, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The card and the time table into a folder that is not there: a box names the file and
    why, the status bar says nothing was written, and the folder is not remembered."""
    from mmtimer.ui import cardactions

    said: list[tuple[str, str]] = []
    monkeypatch.setattr(
        cardactions.QMessageBox,
        "warning",
        lambda parent, title, text: said.append((title, text)),
    )
    missing = tmp_path / "no such folder"
    card = rig.window.card
    before = rig.window.statusBar().currentMessage()
    assert not card.write_pdf(missing / "day1.card.pdf")
    assert not card.write_table(missing / "day1.table.pdf")
    assert [title for title, _ in said] == ["Cannot write the card", "Cannot write the time table"]
    assert all(str(missing) in text for _, text in said)
    assert not missing.exists()
    assert rig.window.statusBar().currentMessage() == before
    assert card.settings is None or card.settings.value(cardactions.KEY_CARD_FOLDER) is None
