"""The navigator's card on paper: A5 or A4 pages painted from `present.card` (the stage's every
line, target, due time and ideal time) in the window's language (`ui.words.shown`: the words of
the catalogue, the numbers with its decimal separator), as a PDF (QPdfWriter) or on a printer
(QPrinter).

The page set-up, head and flow are ui/pdfpages.py's, as for the driver's time table. Each section
has a grey head band (number, id, kind, what it asks); its rows follow in columns Line, Target,
Due, Ideal, Note (their titles at the top of every page), the times in a monospaced font; a row
where nothing is pressed (a change of average, a landmark) is lighter. A PDF is written beside
its name and renamed over it: a crash leaves the old file or the new one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QFont, QPagedPaintDevice, QPainter

from mmtimer.present.card import Card
from mmtimer.ui.fonts import MONO, SANS, load_fonts
from mmtimer.ui.pdfpages import (
    CHECK_BAND,
    DPI,
    FAINT,
    INK,
    Item,
    PageName,
    Pages,
    fit_text,
    font,
    page_layout,
    write_pdf,
)
from mmtimer.ui.words import shown

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

ROW_MM = 5.8
HEAD_MM = 11.5
HEAD_SHORT_MM = 8.0  # a head without a detail line (a time control)
HEAD_TITLE_MM = 5.7  # the head's first line (number, id, kind)
DETAIL_LINE_MM = 3.3  # each further line of a detail that wraps
PAD_MM = 1.2
# Line, Target, Due, Ideal (mm) at the least; each grows to its longest cell (a longer word in
# another language: "rilevamento 3", "pressione") while the note keeps NOTE_MM.
COLUMN_MM = (16.0, 22.0, 18.0, 26.0)
NOTE_MM = 30.0


def _column_titles() -> tuple[str, ...]:
    return (
        QCoreApplication.translate("NavigatorCard", "Line"),
        QCoreApplication.translate("NavigatorCard", "Target"),
        QCoreApplication.translate("NavigatorCard", "Due"),
        QCoreApplication.translate("NavigatorCard", "Ideal"),
        QCoreApplication.translate("NavigatorCard", "Note"),
    )


def _cell_font(index: int, *, bold: bool) -> QFont:
    numeric = index in (1, 2, 3)
    strong = bold and index < len(COLUMN_MM)  # the note stays plain
    return font(MONO if numeric else SANS, 9.5 if numeric else 8.5, bold=strong)


def _widths(pages: Pages, rows: Sequence[Sequence[str]]) -> tuple[float, ...]:
    """The width of each column but the note (device pixels): its least, or its widest cell
    (in bold, as a pressed row prints it) if wider, the growth shared out so that the note keeps
    NOTE_MM; what still does not fit is cut with an ellipsis."""
    p, mm = pages.painter, pages.mm
    least = [width * mm for width in COLUMN_MM]
    wanted = list(least)
    for index in range(len(COLUMN_MM)):
        p.setFont(_cell_font(index, bold=True))
        metrics = p.fontMetrics()
        for cells in rows:
            wanted[index] = max(
                wanted[index], metrics.horizontalAdvance(cells[index]) + PAD_MM * mm
            )
    room = pages.width - 2 * PAD_MM * mm - NOTE_MM * mm - sum(least)
    growth = sum(w - low for w, low in zip(wanted, least, strict=True))
    share = 1.0 if growth <= room else max(room, 0.0) / growth
    return tuple(low + (w - low) * share for w, low in zip(wanted, least, strict=True))


def _cells(
    pages: Pages,
    box: QRectF,
    cells: Sequence[str],
    widths: Sequence[float],
    *,
    bold: bool,
    faint: bool,
) -> None:
    p, mm = pages.painter, pages.mm
    pad = PAD_MM * mm
    x = box.x() + pad
    align = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
    p.setPen(FAINT if faint else INK)
    for index, text in enumerate(cells):
        if index == len(widths):  # the note: smaller, or on two lines, rather than cut
            room = QRectF(x, box.y(), box.right() - x - pad, box.height())
            fit_text(p, text, room, sizes=(8.5, 7.5, 7.0))
            break
        width = widths[index]
        p.setFont(_cell_font(index, bold=bold))
        fitted = p.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, int(width))
        p.drawText(QRectF(x, box.y(), width, box.height()), align, fitted)
        x += width


def _detail_lines(pages: Pages, detail: str) -> int:
    """How many lines a section's detail takes in its head band (it wraps, never cut)."""
    if not detail:
        return 0
    p, mm = pages.painter, pages.mm
    p.setFont(font(SANS, 7.5))
    room = QRectF(0, 0, pages.width - 2 * PAD_MM * mm, 100 * mm)
    bound = p.boundingRect(room, Qt.TextFlag.TextWordWrap, detail)
    return max(1, round(bound.height() / p.fontMetrics().lineSpacing()))


def _head_mm(lines: int) -> float:
    if lines == 0:
        return HEAD_SHORT_MM
    return HEAD_MM + (lines - 1) * DETAIL_LINE_MM


def _paint_section_head(pages: Pages, number: str, detail: str, box: QRectF) -> None:
    """A grey band: the section's number, id and kind, and under them what it asks."""
    p, mm = pages.painter, pages.mm
    p.fillRect(box, CHECK_BAND)
    p.setPen(INK)
    inner = box.adjusted(PAD_MM * mm, 0.6 * mm, -PAD_MM * mm, -0.6 * mm)
    title_h = HEAD_TITLE_MM * mm if detail else inner.height()
    top = QRectF(inner.x(), inner.y(), inner.width(), title_h)
    bottom = QRectF(inner.x(), top.bottom(), inner.width(), inner.height() - title_h)
    p.setFont(font(SANS, 10, bold=True))
    left = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
    p.drawText(top, left, number)
    p.setFont(font(SANS, 7.5))
    p.drawText(bottom, Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap, detail)


@dataclass(frozen=True, slots=True)
class _Head:
    number: str  # "1. PC1 · timed trial", in the window's language
    detail: str


@dataclass(frozen=True, slots=True)
class _Row:
    cells: tuple[str, ...]  # in the window's language
    press: bool


def paint_card(device: QPagedPaintDevice, resolution: int, card: Card) -> int:
    """Paint `card` on `device` (a QPdfWriter or a QPrinter set up with its page); returns the
    number of pages. OSError if the device cannot be painted on."""
    load_fonts()
    painter = QPainter()
    if not painter.begin(device):
        raise OSError(
            QCoreApplication.translate("NavigatorCard", "cannot paint the card on this device")
        )
    pages = Pages(device, painter, resolution)
    try:
        pages.new_page()
        rules = QCoreApplication.translate("NavigatorCard", "Rules")
        head_lines = [f"{rules}: {card.rules}; {shown(card.summary)}", *map(shown, card.notes)]
        top = pages.head(
            QCoreApplication.translate("NavigatorCard", "Navigator's card"), card.stage, head_lines
        )
        titles = _column_titles()
        rows = [
            tuple(map(shown, (row.line, row.target, row.due, row.ideal, row.note)))
            for section in card.sections
            for row in section.rows
        ]
        widths = _widths(pages, [titles, *rows])
        items: list[tuple[Item, _Head | _Row]] = []
        shown_rows = iter(rows)
        for section in card.sections:
            detail = shown(section.detail)
            number = f"{section.number}. {section.id} · {shown(section.title)}"
            height = _head_mm(_detail_lines(pages, detail))
            items.append((Item(height, keep_with_next=True), _Head(number, detail)))
            for row in section.rows:
                items.append((Item(ROW_MM), _Row(next(shown_rows), row.press)))

        def paint(value: _Head | _Row, box: QRectF) -> None:
            if isinstance(value, _Head):
                box = box.adjusted(0, 1.5 * pages.mm, 0, 0)
                _paint_section_head(pages, value.number, value.detail, box)
            else:
                _cells(pages, box, value.cells, widths, bold=value.press, faint=not value.press)
                pages.rule_under(box)

        continued = QCoreApplication.translate("NavigatorCard", "continued")
        pages.flow(
            items,
            top,
            f"{card.stage} ({continued})",
            paint,
            titles=lambda box: _cells(pages, box, titles, widths, bold=True, faint=True),
            titles_mm=ROW_MM,
        )
    finally:
        painter.end()
    return pages.count


def write_card_pdf(path: Path, card: Card, page: PageName = "A5") -> int:
    """Write the card's PDF at `path` (needs a QGuiApplication), replaced whole; returns the
    number of pages. OSError if it cannot be written."""
    title = QCoreApplication.translate("NavigatorCard", "navigator card")
    return write_pdf(path, f"{card.stage}: {title}", page, lambda w: paint_card(w, DPI, card))


def print_card(printer: QPrinter, card: Card, page: PageName = "A5") -> int:
    """Print the card on `printer` (its page set to `page` unless the navigator chose another
    in the print dialog); returns the number of pages."""
    if not printer.pageLayout().isValid():
        printer.setPageLayout(page_layout(page))
    return paint_card(printer, printer.resolution(), card)


__all__: Sequence[str] = ("paint_card", "print_card", "write_card_pdf")
