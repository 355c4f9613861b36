"""The time table printed for the driver: A5 pages made with Qt's own PDF writer (QPdfWriter).

The page set-up, head and flow of rows are ui/pdfpages.py's (shared with the navigator's card).

One average trial after another, each from a new page: a head (stage, trial, start, averages,
and how the rule set rounds ideals when it scores), then the rows in two columns per page, large
enough to read on the knees. Speed changes stand out in bold on an amber band, checks on a grey
band, landmarks in italics. Each column of rows is headed km, ideal time, marks, on every page.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QPainter, QPdfWriter

from mmtimer.core.errors import fill
from mmtimer.core.rules import RuleSet
from mmtimer.core.stage import AverageTrial, Stage
from mmtimer.core.timefmt import format_km, format_time_of_day
from mmtimer.core.timetable import TableRow, rounding_note
from mmtimer.present.i18n import window_number
from mmtimer.ui.fonts import MONO, SANS
from mmtimer.ui.i18n import QT_TRANSLATE_NOOP
from mmtimer.ui.pdfpages import (
    CHANGE_BAND,
    CHECK_BAND,
    DPI,
    FAINT,
    INK,
    Item,
    Pages,
    fit_text,
    font,
    write_pdf,
)
from mmtimer.ui.words import shown

ROW_MM = 6.2
TITLES_MM = 4.5
CONTEXT = "TimeTable"


def _tr(text: str, *values: str, numbers: bool = True) -> str:
    """`text` in the window's language, ``%1``... filled with `values`: numbers as the
    language writes them, or (`numbers` False: a stage's name, a section's id) as they are."""
    shown_values = [window_number(value) if numbers else value for value in values]
    return fill(QCoreApplication.translate(CONTEXT, text), shown_values)


def _speeds_text(section: AverageTrial) -> str:
    parts = []
    for index, (from_m, kmh) in enumerate(section.speeds):
        parts.append(
            _tr(QT_TRANSLATE_NOOP("TimeTable", "%1 km/h"), str(kmh))
            if index == 0
            else _tr(
                QT_TRANSLATE_NOOP("TimeTable", "%1 km/h from km %2"), str(kmh), format_km(from_m)
            )
        )
    return ", ".join(parts)


def _head(pages: Pages, stage: Stage, section: AverageTrial, note: str, every_m: int) -> float:
    start = (
        _tr(
            QT_TRANSLATE_NOOP(
                "TimeTable", "starts at your press at the start marker: times are from that press"
            )
        )
        if section.start_press
        else _tr(
            QT_TRANSLATE_NOOP("TimeTable", "start %1 official time"),
            format_time_of_day(section.start_ms, 0),
        )
    )
    every = _tr(QT_TRANSLATE_NOOP("TimeTable", "a row every %1 km"), format_km(every_m))
    lines = [f"{start}; {_speeds_text(section)}; {every}", note]
    return pages.head(section.id, stage.name, lines)


def _widths(p: QPainter) -> tuple[float, float]:
    """The km and ideal time columns' widths, in the rows' font."""
    p.setFont(font(MONO, 10, bold=True))
    metrics = p.fontMetrics()
    return metrics.horizontalAdvance("00.000"), metrics.horizontalAdvance("00:00:00.00")


def _titles(pages: Pages, box: QRectF) -> None:
    """The column titles over the rows, at the head of each column of a page."""
    p, mm = pages.painter, pages.mm
    km_w, ideal_w = _widths(p)
    pad = 1.2 * mm
    p.setPen(FAINT)
    p.setFont(font(SANS, 7, bold=True))
    bottom = Qt.AlignmentFlag.AlignBottom
    x = box.x() + pad
    km = QRectF(x, box.y(), km_w, box.height())
    p.drawText(km, bottom | Qt.AlignmentFlag.AlignRight, _tr(QT_TRANSLATE_NOOP("TimeTable", "km")))
    x += km_w + 2.5 * mm
    p.drawText(
        QRectF(x, box.y(), ideal_w, box.height()),
        bottom,
        _tr(QT_TRANSLATE_NOOP("TimeTable", "Ideal time")),
    )
    x += ideal_w + 2 * mm
    marks = QRectF(x, box.y(), box.right() - x - pad, box.height())
    p.drawText(marks, bottom, _tr(QT_TRANSLATE_NOOP("TimeTable", "Marks")))
    pages.rule_under(box)


def _row(pages: Pages, row: TableRow, box: QRectF) -> None:
    p, mm = pages.painter, pages.mm
    if row.kmh_change or row.check is not None:
        p.fillRect(box, CHANGE_BAND if row.kmh_change else CHECK_BAND)
    bold = row.kmh_change or row.check is not None or row.metres % 1000 == 0
    p.setFont(font(MONO, 10, bold=bold))
    metrics = p.fontMetrics()
    km_w = metrics.horizontalAdvance("00.000")
    ideal_w = metrics.horizontalAdvance("00:00:00.00")
    pad = 1.2 * mm
    p.setPen(INK)
    align = Qt.AlignmentFlag.AlignVCenter
    x = box.x() + pad
    p.drawText(
        QRectF(x, box.y(), km_w, box.height()),
        align | Qt.AlignmentFlag.AlignRight,
        window_number(format_km(row.metres)),
    )
    x += km_w + 2.5 * mm
    p.drawText(
        QRectF(x, box.y(), ideal_w, box.height()),
        align | Qt.AlignmentFlag.AlignLeft,
        window_number(row.ideal_text),
    )
    x += ideal_w + 2 * mm
    if row.marks:
        landmark = not row.kmh_change and row.check is None and row.metres != 0
        strong = row.kmh_change or row.check is not None
        room = QRectF(x, box.y(), box.right() - x - pad, box.height())
        marks = "; ".join(shown(mark) for mark in row.marks)  # a landmark's name as written
        fit_text(p, marks, room, strong=strong, italic=landmark)
    pages.rule_under(box)


def write_table_pdf(
    path: Path,
    stage: Stage,
    rules: RuleSet,
    tables: Sequence[tuple[AverageTrial, Sequence[TableRow]]],
    every_m: int,
) -> int:
    """Write the PDF at `path` in the window's language (needs a QGuiApplication), replaced
    whole: written beside its name and renamed over it, so a crash leaves the old file or the
    new one. Returns the number of pages; OSError if it cannot be written."""
    title = _tr(QT_TRANSLATE_NOOP("TimeTable", "%1: time table"), stage.name, numbers=False)
    return write_pdf(path, title, "A5", lambda w: _paint(w, stage, rules, tables, every_m))


def _paint(
    writer: QPdfWriter,
    stage: Stage,
    rules: RuleSet,
    tables: Sequence[tuple[AverageTrial, Sequence[TableRow]]],
    every_m: int,
) -> int:
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(_tr(QT_TRANSLATE_NOOP("TimeTable", "cannot write the PDF")))
    pages = Pages(writer, painter, DPI)
    note = shown(rounding_note(rules.average, rules.id))
    item = Item(ROW_MM)
    try:
        for section, rows in tables:
            pages.new_page()
            top = _head(pages, stage, section, note, every_m)
            pages.flow(
                [(item, row) for row in rows],
                top,
                _tr(QT_TRANSLATE_NOOP("TimeTable", "%1 (continued)"), section.id, numbers=False),
                lambda row, box: _row(pages, row, box),
                columns=2,
                titles=lambda box: _titles(pages, box),
                titles_mm=TITLES_MM,
            )
    finally:
        painter.end()
    return pages.count
