"""The time table printed for the driver: A5 pages made with Qt's own PDF writer (QPdfWriter).

One average trial after another, each from a new page: a head (stage, trial, start, averages,
and how the rule set rounds ideals when it scores), then the rows in two columns per page, large
enough to read on the knees. Speed changes stand out in bold on an amber band, checks on a grey
band, landmarks in italics.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen

from mmtimer.core.rules import RuleSet
from mmtimer.core.stage import AverageTrial, Stage
from mmtimer.core.timefmt import format_km, format_time_of_day
from mmtimer.core.timetable import TableRow, rounding_note
from mmtimer.ui.fonts import MONO, SANS, load_fonts

DPI = 300
MM = DPI / 25.4  # device pixels per millimetre
ROW_MM = 6.2
CHANGE_BAND = QColor("#ffd27a")
CHECK_BAND = QColor("#d9d9d9")
INK = QColor("#111111")
FAINT = QColor("#666666")


def _font(family: str, points: float, *, bold: bool = False, italic: bool = False) -> QFont:
    font = QFont(family)
    font.setPointSizeF(points)
    font.setBold(bold)
    font.setItalic(italic)
    return font


def _speeds_text(section: AverageTrial) -> str:
    parts = []
    for index, (from_m, kmh) in enumerate(section.speeds):
        parts.append(f"{kmh} km/h" if index == 0 else f"{kmh} km/h from km {format_km(from_m)}")
    return ", ".join(parts)


class _Pages:
    """Paints rows into two columns per A5 page, starting new pages as needed."""

    def __init__(self, writer: QPdfWriter, painter: QPainter) -> None:
        self.writer = writer
        self.painter = painter
        self.first = True
        self.count = 0
        rect = writer.pageLayout().paintRectPixels(DPI)
        self.width = float(rect.width())
        self.height = float(rect.height())

    def new_page(self) -> None:
        if not self.first:
            self.writer.newPage()
        self.first = False
        self.count += 1

    def head(self, stage: Stage, section: AverageTrial, note: str, every_m: int) -> float:
        p = self.painter
        y = 0.0
        p.setPen(INK)
        p.setFont(_font(SANS, 15, bold=True))
        p.drawText(QRectF(0, y, self.width, 9 * MM), Qt.AlignmentFlag.AlignLeft, section.id)
        p.setFont(_font(SANS, 8))
        p.drawText(
            QRectF(0, y, self.width, 9 * MM),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            stage.name,
        )
        y += 9 * MM
        start = (
            "starts at your press at the start marker: times are from that press"
            if section.start_press
            else f"start {format_time_of_day(section.start_ms, 0)} official time"
        )
        p.setFont(_font(SANS, 9))
        lines = [
            f"{start}; {_speeds_text(section)}; a row every {format_km(every_m)} km",
            note,
        ]
        for line in lines:
            box = QRectF(0, y, self.width, 12 * MM)
            bound = p.boundingRect(box, Qt.TextFlag.TextWordWrap, line)
            p.drawText(box, Qt.TextFlag.TextWordWrap, line)
            y += bound.height() + 1 * MM
        p.setPen(QPen(INK, 0.3 * MM))
        p.drawLine(0, int(y), int(self.width), int(y))
        return y + 2 * MM

    def rows(self, rows: Sequence[TableRow], top: float, continued: str) -> None:
        p = self.painter
        gap = 4 * MM
        column_w = (self.width - gap) / 2
        row_h = ROW_MM * MM
        y0 = top
        column = 0
        y = y0
        for row in rows:
            if y + row_h > self.height:
                column += 1
                y = y0
                if column == 2:
                    self.new_page()
                    p.setPen(FAINT)
                    p.setFont(_font(SANS, 8))
                    p.drawText(QRectF(0, 0, self.width, 6 * MM), continued)
                    y0 = y = 8 * MM
                    column = 0
            x = column * (column_w + gap)
            self._row(row, QRectF(x, y, column_w, row_h))
            y += row_h

    def _row(self, row: TableRow, box: QRectF) -> None:
        p = self.painter
        if row.kmh_change or row.check is not None:
            p.fillRect(box, CHANGE_BAND if row.kmh_change else CHECK_BAND)
        bold = row.kmh_change or row.check is not None or row.metres % 1000 == 0
        number_font = _font(MONO, 10, bold=bold)
        p.setFont(number_font)
        metrics = p.fontMetrics()
        km_w = metrics.horizontalAdvance("00.000")
        ideal_w = metrics.horizontalAdvance("00:00:00.00")
        pad = 1.2 * MM
        p.setPen(INK)
        align = Qt.AlignmentFlag.AlignVCenter
        x = box.x() + pad
        p.drawText(
            QRectF(x, box.y(), km_w, box.height()),
            align | Qt.AlignmentFlag.AlignRight,
            format_km(row.metres),
        )
        x += km_w + 2.5 * MM
        p.drawText(
            QRectF(x, box.y(), ideal_w, box.height()),
            align | Qt.AlignmentFlag.AlignLeft,
            row.ideal_text,
        )
        x += ideal_w + 2 * MM
        if row.marks:
            landmark = not row.kmh_change and row.check is None and row.metres != 0
            strong = row.kmh_change or row.check is not None
            room = QRectF(x, box.y(), box.right() - x - pad, box.height())
            self._marks("; ".join(row.marks), room, strong=strong, italic=landmark)
        p.setPen(QPen(QColor("#bbbbbb"), 0.15 * MM))
        p.drawLine(int(box.x()), int(box.bottom()), int(box.right()), int(box.bottom()))

    def _marks(self, text: str, room: QRectF, *, strong: bool, italic: bool) -> None:
        """A row's marks in the room beside its numbers: on one line at 7 pt if they fit, else
        smaller, else on two lines; cut short (with an ellipsis) only when even that is not
        enough - a speed change or a landmark must be read, not guessed."""
        p = self.painter
        left = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
        for points in (7.0, 6.5, 6.0):
            p.setFont(_font(SANS, points, bold=strong, italic=italic))
            if p.fontMetrics().horizontalAdvance(text) <= room.width():
                p.drawText(room, left, text)
                return
        p.setFont(_font(SANS, 5.5, bold=strong, italic=italic))
        metrics = p.fontMetrics()
        wrap = left | Qt.TextFlag.TextWordWrap
        bounds = metrics.boundingRect(room.toRect(), wrap, text)
        if bounds.height() > room.height():
            text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, int(room.width() * 1.8))
        p.drawText(room, wrap, text)


def write_table_pdf(
    path: Path,
    stage: Stage,
    rules: RuleSet,
    tables: Sequence[tuple[AverageTrial, Sequence[TableRow]]],
    every_m: int,
) -> int:
    """Write the PDF (needs a QGuiApplication); returns the number of pages."""
    load_fonts()
    writer = QPdfWriter(str(path))
    writer.setResolution(DPI)
    writer.setTitle(f"{stage.name}: time table")
    writer.setCreator("mmtimer")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A5),
            QPageLayout.Orientation.Portrait,
            QMarginsF(10, 10, 10, 10),
            QPageLayout.Unit.Millimeter,
        )
    )
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"{path}: cannot write the PDF")
    pages = _Pages(writer, painter)
    note = rounding_note(rules.average, rules.id)
    try:
        for section, rows in tables:
            pages.new_page()
            top = pages.head(stage, section, note, every_m)
            pages.rows(rows, top, f"{section.id} (continued)")
    finally:
        painter.end()
    return pages.count
