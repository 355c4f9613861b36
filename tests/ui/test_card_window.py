"""File > Export card PDF and File > Print card: the open stage's navigator's card."""

from __future__ import annotations

import shutil
import subprocess
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
    return done.stdout


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
    assert "6 prove, 14 passaggi da rilevare" in text
    assert "PM1 · prova di media" in text and "PC1 · prova cronometrata" in text
    assert "3 linee, ogni tempo imposto dalla linea precedente" in text
    assert "rilevamento 1" in text and "dalla linea 2" in text and "tabella di marcia" in text
    assert "15:15:31,50" in text and "valutato come" in text and "15:15:31,00" in text
    assert "poi 35,0 km/h dal km 3,000 · 2 rilevamenti" in text
    assert "Punteggio (mille-miglia)" in text
    for english in ("check 1", "from line", "timed trial", "sections", "scored as"):
        assert english not in text, english
    assert "\f" not in pdf_text(out).rstrip("\f")  # one page
