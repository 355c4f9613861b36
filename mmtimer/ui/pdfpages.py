"""Printed pages, shared by the driver's time table (ui/timetable_pdf.py) and the navigator's
card (ui/card_pdf.py): the page set-up, the fonts and inks, a page head, and rows flowed down the
page in one or more columns, continued on new pages, each column headed by its column titles
when the rows have any (the card's Line, Target, Due...; the time table's km, ideal time, marks).

A page is painted on any QPagedPaintDevice: a QPdfWriter (a PDF file) or a QPrinter (a printer,
ui/card_pdf.py). Lengths are in millimetres, turned into device pixels at the device's
resolution, so the same layout prints the same on a 300 dpi PDF and a 600 dpi printer.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, TypeVar

from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)

from mmtimer.core.atomicfile import atomic_write_bytes
from mmtimer.ui.fonts import SANS, load_fonts

DPI = 300
MARGIN_MM = 10
INK = QColor("#111111")
FAINT = QColor("#666666")
RULE = QColor("#bbbbbb")
CHANGE_BAND = QColor("#ffd27a")
CHECK_BAND = QColor("#d9d9d9")

PageName = Literal["A4", "A5"]
PAGE_SIZES: dict[str, QPageSize.PageSizeId] = {
    "A4": QPageSize.PageSizeId.A4,
    "A5": QPageSize.PageSizeId.A5,
}
T = TypeVar("T")


def font(family: str, points: float, *, bold: bool = False, italic: bool = False) -> QFont:
    made = QFont(family)
    made.setPointSizeF(points)
    made.setBold(bold)
    made.setItalic(italic)
    return made


def page_layout(page: PageName = "A5") -> QPageLayout:
    """Portrait `page` with 10 mm margins."""
    return QPageLayout(
        QPageSize(PAGE_SIZES[page]),
        QPageLayout.Orientation.Portrait,
        QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
        QPageLayout.Unit.Millimeter,
    )


def pdf_writer(path: Path, title: str, page: PageName = "A5") -> QPdfWriter:
    """A PDF writer for `path` at 300 dpi on `page` (needs a QGuiApplication)."""
    load_fonts()
    writer = QPdfWriter(str(path))
    writer.setResolution(DPI)
    writer.setTitle(title)
    writer.setCreator("mmtimer")
    writer.setPageLayout(page_layout(page))
    return writer


def fit_text(
    p: QPainter,
    text: str,
    room: QRectF,
    *,
    strong: bool = False,
    italic: bool = False,
    sizes: Sequence[float] = (7.0, 6.5, 6.0),
) -> None:
    """`text` in `room` (in the sans font): on one line at the first of `sizes` at which it
    fits, else on two lines a size smaller; cut short (with an ellipsis) only when even that is
    not enough - a speed change, a landmark or a note must be read, not guessed."""
    left = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
    for points in sizes:
        p.setFont(font(SANS, points, bold=strong, italic=italic))
        if p.fontMetrics().horizontalAdvance(text) <= room.width():
            p.drawText(room, left, text)
            return
    p.setFont(font(SANS, sizes[-1] - 0.5, bold=strong, italic=italic))
    metrics = p.fontMetrics()
    wrap = left | Qt.TextFlag.TextWordWrap
    bounds = metrics.boundingRect(room.toRect(), wrap, text)
    if bounds.height() > room.height():
        text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, int(room.width() * 1.8))
    p.drawText(room, wrap, text)


def write_pdf(path: Path, title: str, page: PageName, paint: Callable[[QPdfWriter], int]) -> int:
    """A PDF at `path` painted by `paint(writer)` (which returns the number of pages), replaced
    whole: written beside its name and renamed over it, so a crash leaves the old file or the
    new one. Needs a QGuiApplication; OSError if it cannot be written."""
    temporary = path.with_name(f".{path.name}.part")
    try:
        writer = pdf_writer(temporary, title, page)
        pages = paint(writer)
        del writer  # the file is complete once the writer is gone
        atomic_write_bytes(path, temporary.read_bytes())
    finally:
        temporary.unlink(missing_ok=True)
    return pages


@dataclass(frozen=True, slots=True)
class Item:
    """Something to flow down the page: `height_mm` tall; `keep_with_next`: never the last on
    a column (a heading stays with its first row)."""

    height_mm: float
    keep_with_next: bool = False


class Pages:
    """Paints on `device` with `painter`, page after page."""

    def __init__(self, device: QPagedPaintDevice, painter: QPainter, resolution: int) -> None:
        self.device = device
        self.painter = painter
        self.first = True
        self.count = 0
        self.mm = resolution / 25.4  # device pixels per millimetre
        rect = device.pageLayout().paintRectPixels(resolution)
        self.width = float(rect.width())
        self.height = float(rect.height())

    def new_page(self) -> None:
        if not self.first:
            self.device.newPage()
        self.first = False
        self.count += 1

    def head(self, title: str, right: str, lines: Sequence[str]) -> float:
        """A page head: `title` large on the left, `right` small on the right (under the title
        when the two do not fit side by side: a long title in another language, a long stage
        name), `lines` wrapped under them, then a rule. Returns where the rows start."""
        p, mm = self.painter, self.mm
        y = 0.0
        p.setPen(INK)
        p.setFont(font(SANS, 15, bold=True))
        title_w = p.fontMetrics().horizontalAdvance(title)
        p.drawText(QRectF(0, y, self.width, 9 * mm), Qt.AlignmentFlag.AlignLeft, title)
        p.setFont(font(SANS, 8))
        right_w = p.fontMetrics().horizontalAdvance(right)
        if title_w + 4 * mm + right_w > self.width:
            y += 7.5 * mm
            box = QRectF(0, y, self.width, 30 * mm)
            bound = p.boundingRect(box, Qt.TextFlag.TextWordWrap, right)
            p.drawText(box, Qt.TextFlag.TextWordWrap, right)
            y += bound.height() + 1 * mm
        else:
            p.drawText(
                QRectF(0, y, self.width, 9 * mm),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                right,
            )
            y += 9 * mm
        p.setFont(font(SANS, 9))
        for line in lines:
            if not line:
                continue
            box = QRectF(0, y, self.width, 30 * mm)
            bound = p.boundingRect(box, Qt.TextFlag.TextWordWrap, line)
            p.drawText(box, Qt.TextFlag.TextWordWrap, line)
            y += bound.height() + 1 * mm
        p.setPen(QPen(INK, 0.3 * mm))
        p.drawLine(0, int(y), int(self.width), int(y))
        return y + 2 * mm

    def flow(
        self,
        items: Sequence[tuple[Item, T]],
        top: float,
        continued: str,
        paint: Callable[[T, QRectF], None],
        *,
        columns: int = 1,
        gap_mm: float = 4,
        titles: Callable[[QRectF], None] | None = None,
        titles_mm: float = 0,
    ) -> None:
        """Paint each item's value with `paint(value, box)` down `columns` columns from `top`;
        a full page goes on to a new one headed `continued`. `titles(box)`, if given, paints
        the column titles (`titles_mm` tall) at the head of every column, on every page: a
        continued page reads without turning back."""
        p, mm = self.painter, self.mm
        gap = gap_mm * mm
        column_w = (self.width - gap * (columns - 1)) / columns
        head = titles_mm * mm if titles is not None else 0.0
        y0 = y = top
        column = 0
        titled = -1  # the last column (page * columns + column) whose titles are painted
        for index, (item, value) in enumerate(items):
            height = item.height_mm * mm
            needed = height
            if item.keep_with_next and index + 1 < len(items):
                needed += items[index + 1][0].height_mm * mm
            if y > y0 + head and y + needed > self.height:
                column += 1
                y = y0
                if column == columns:
                    self.new_page()
                    p.setPen(FAINT)
                    p.setFont(font(SANS, 8))
                    p.drawText(QRectF(0, 0, self.width, 6 * mm), continued)
                    y0 = y = 8 * mm
                    column = 0
            x = column * (column_w + gap)
            here = self.count * columns + column
            if titles is not None and titled != here:
                titles(QRectF(x, y, column_w, head))
                titled = here
                y += head
            paint(value, QRectF(x, y, column_w, height))
            y += height

    def rule_under(self, box: QRectF) -> None:
        """A thin line under a row."""
        self.painter.setPen(QPen(RULE, 0.15 * self.mm))
        self.painter.drawLine(int(box.x()), int(box.bottom()), int(box.right()), int(box.bottom()))


__all__: Sequence[str] = (
    "CHANGE_BAND",
    "CHECK_BAND",
    "DPI",
    "FAINT",
    "INK",
    "PAGE_SIZES",
    "Item",
    "PageName",
    "Pages",
    "fit_text",
    "font",
    "page_layout",
    "pdf_writer",
    "write_pdf",
)
