"""The navigator's card on paper: A5 or A4 pages painted from `present.card` (the stage's every
line, target, due time and ideal time), as a PDF (QPdfWriter) or on a printer (QPrinter).

The page set-up, head and flow are ui/pdfpages.py's, as for the driver's time table. Each section
has a grey head band (number, id, kind, what it asks); its rows follow in columns Line, Target,
Due, Ideal, Note (their titles at the top of every page), the times in a monospaced font; a row
where nothing is pressed (a change of average, a landmark) is lighter. A PDF is written beside
its name and renamed over it: a crash leaves the old file or the new one.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QPagedPaintDevice, QPainter

from mmtimer.core.atomicfile import atomic_write_bytes
from mmtimer.present.card import Card, CardRow, CardSection
from mmtimer.ui.fonts import MONO, SANS, load_fonts
from mmtimer.ui.pdfpages import (
    CHECK_BAND,
    DPI,
    FAINT,
    INK,
    Item,
    PageName,
    Pages,
    font,
    page_layout,
    pdf_writer,
)

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

ROW_MM = 6.0
HEAD_MM = 11.5
HEAD_SHORT_MM = 8.0  # a head without a detail line (a time control)
# Line, Target, Due, Ideal (mm); the note takes what is left.
COLUMN_MM = (16.0, 22.0, 18.0, 26.0)


def _column_titles() -> tuple[str, ...]:
    return (
        QCoreApplication.translate("NavigatorCard", "Line"),
        QCoreApplication.translate("NavigatorCard", "Target"),
        QCoreApplication.translate("NavigatorCard", "Due"),
        QCoreApplication.translate("NavigatorCard", "Ideal"),
        QCoreApplication.translate("NavigatorCard", "Note"),
    )


def _cells(pages: Pages, box: QRectF, cells: Sequence[str], *, bold: bool, faint: bool) -> None:
    p, mm = pages.painter, pages.mm
    pad = 1.2 * mm
    x = box.x() + pad
    align = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
    p.setPen(FAINT if faint else INK)
    for index, text in enumerate(cells):
        width = COLUMN_MM[index] * mm if index < len(COLUMN_MM) else box.right() - x - pad
        numeric = index in (1, 2, 3)
        strong = bold and index < len(COLUMN_MM)  # the note stays plain
        p.setFont(font(MONO if numeric else SANS, 9.5 if numeric else 8.5, bold=strong))
        shown = p.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, int(width))
        p.drawText(QRectF(x, box.y(), width, box.height()), align, shown)
        x += width


def _paint_section_head(pages: Pages, section: CardSection, box: QRectF) -> None:
    """A grey band: the section's number, id and kind, and under them what it asks."""
    p, mm = pages.painter, pages.mm
    p.fillRect(box, CHECK_BAND)
    p.setPen(INK)
    inner = box.adjusted(1.2 * mm, 0.6 * mm, -1.2 * mm, -0.6 * mm)
    share = 0.55 if section.detail else 1.0
    top = QRectF(inner.x(), inner.y(), inner.width(), inner.height() * share)
    bottom = QRectF(inner.x(), top.bottom(), inner.width(), inner.height() - top.height())
    p.setFont(font(SANS, 10, bold=True))
    left = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
    p.drawText(top, left, f"{section.number}. {section.id} · {section.title}")
    p.setFont(font(SANS, 7.5))
    detail = p.fontMetrics().elidedText(
        section.detail, Qt.TextElideMode.ElideRight, int(bottom.width())
    )
    p.drawText(bottom, left, detail)


def _paint_row(pages: Pages, row: CardRow, box: QRectF) -> None:
    cells = (row.line, row.target, row.due, row.ideal, row.note)
    _cells(pages, box, cells, bold=row.press, faint=not row.press)
    pages.rule_under(box)


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
        head_lines = [f"{rules}: {card.rules}; {card.summary}", *card.notes]
        top = pages.head(
            QCoreApplication.translate("NavigatorCard", "Navigator's card"), card.stage, head_lines
        )
        titles = _column_titles()
        items: list[tuple[Item, CardSection | CardRow]] = []
        for section in card.sections:
            height = HEAD_MM if section.detail else HEAD_SHORT_MM
            items.append((Item(height, keep_with_next=True), section))
            items.extend((Item(ROW_MM), row) for row in section.rows)

        def paint(value: CardSection | CardRow, box: QRectF) -> None:
            if isinstance(value, CardSection):
                _paint_section_head(pages, value, box.adjusted(0, 1.5 * pages.mm, 0, 0))
            else:
                _paint_row(pages, value, box)

        continued = QCoreApplication.translate("NavigatorCard", "continued")
        pages.flow(
            items,
            top,
            f"{card.stage} ({continued})",
            paint,
            titles=lambda box: _cells(pages, box, titles, bold=True, faint=True),
            titles_mm=ROW_MM,
        )
    finally:
        painter.end()
    return pages.count


def write_card_pdf(path: Path, card: Card, page: PageName = "A5") -> int:
    """Write the card's PDF at `path` (needs a QGuiApplication), replaced whole; returns the
    number of pages. OSError if it cannot be written."""
    temporary = path.with_name(f".{path.name}.part")
    title = QCoreApplication.translate("NavigatorCard", "navigator card")
    try:
        writer = pdf_writer(
            temporary,
            f"{card.stage}: {title}",
            page,
        )
        pages = paint_card(writer, DPI, card)
        del writer  # the file is complete once the writer is gone
        atomic_write_bytes(path, temporary.read_bytes())
    finally:
        temporary.unlink(missing_ok=True)
    return pages


def print_card(printer: QPrinter, card: Card, page: PageName = "A5") -> int:
    """Print the card on `printer` (its page set to `page` unless the navigator chose another
    in the print dialog); returns the number of pages."""
    if not printer.pageLayout().isValid():
        printer.setPageLayout(page_layout(page))
    return paint_card(printer, printer.resolution(), card)


__all__: Sequence[str] = ("paint_card", "print_card", "write_card_pdf")
