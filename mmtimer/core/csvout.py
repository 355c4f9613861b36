"""The results CSV (FORMATS.md section 3): one row per scored measurement, then the total.

UTF-8 with a byte-order mark (Excel needs it), one header row, rows in driving order. Times are
exact: targets and measured values come from integer milliseconds through `timefmt` and are cut
(never rounded up) to hundredths, as the timing lines show them; deviations likewise, with a sign.
Numbers are written as numbers; text cells that a spreadsheet could take for a formula get a
leading ``'`` (OWASP's CSV-injection rule, widened to look-alike and invisible first characters:
see :func:`formula_start` and docs/files.md).

`locale="eu"` writes ``;`` between cells and decimal commas (in numbers and in times).

When the rule set has a points table, an extra `points` column follows `note` (FORMATS.md lets
the program add optional fields; the eight columns of section 3 keep their place).
"""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Sequence
from decimal import Decimal
from typing import Literal

from mmtimer.core.crew import crew_parts
from mmtimer.core.results import ResultRow, SectionKind, StageResult
from mmtimer.core.timefmt import format_duration, format_time_of_day

CsvLocale = Literal["en", "eu"]
LOCALES: tuple[CsvLocale, ...] = ("en", "eu")
COLUMNS = ("section", "kind", "line", "target", "measured", "deviation_s", "penalty", "note")
BOM = "\ufeff"
_FORMULA_STARTS = frozenset("=+-@")
# Signs a spreadsheet may take for the four above, or that read as them: the minus sign, heavy
# plus and minus, and every dash (Unicode Pd). Full-width and small forms (＝ ﹦ ＋ ﹢ － ﹣ ＠ ﹫)
# come to = + - @ by NFKC, as an East Asian input method or a spreadsheet may fold them.
_LOOK_ALIKES = frozenset("\u2212\u2795\u2796\u2797\u00b1\u2213")


def formula_start(text: str) -> bool:
    """Whether a spreadsheet could take the text cell for a formula (OWASP, CSV injection): it
    starts with ``= + - @``, a look-alike of one (full-width, small form, a minus sign or
    dash), or with any blank, control or invisible character (tab, CR, LF, NUL, a no-break or
    zero-width space, a direction mark), which a spreadsheet may skip or trim before it looks."""
    if not text:
        return False
    first = text[0]
    if first in _FORMULA_STARTS or first in _LOOK_ALIKES:
        return True
    category = unicodedata.category(first)
    if category[0] in "CZ" or category == "Pd":  # controls, format (zero-width), spaces; dashes
        return True
    return unicodedata.normalize("NFKC", first)[:1] in _FORMULA_STARTS


def safe_text(text: str) -> str:
    """A text cell a spreadsheet will not run as a formula: a leading ``'`` where one could be
    (see :func:`formula_start`); any other text is left as it is."""
    return "'" + text if formula_start(text) else text


def format_deviation_s(deviation_ms: int) -> str:
    """Signed seconds with 2 decimals, cut toward zero: 370 -> ``0.37``, -1234 -> ``-1.23``;
    a deviation under a hundredth is ``0.00`` (never ``-0.00``)."""
    hundredths = abs(deviation_ms) // 10
    sign = "-" if deviation_ms < 0 and hundredths else ""
    return f"{sign}{hundredths // 100}.{hundredths % 100:02d}"


def format_number(value: Decimal) -> str:
    """A Decimal as plain digits (never exponent notation): ``Decimal("1.7E+2")`` -> ``170``."""
    text = format(value, "f")
    return "0" + text[len("-0") :] if text.startswith("-0") and not value else text


def time_text(row: ResultRow, ms: int) -> str:
    """A target or measured value: ``m:ss.cc`` (timed trials) or ``HH:MM:SS.cc`` (official
    time); the results table shows the same (mmtimer.present.formats)."""
    if row.kind is SectionKind.TIMED:
        return format_duration(ms, 2)
    return format_time_of_day(ms, 2)


def measured_text(row: ResultRow) -> str:
    """What was measured as the CSV and the results table write it; empty if nothing was. A
    time card's arrival is shown as pressed, to the hundredth (``15:05:16.36``), though it
    scores on the rule set's unit (its due minute); other rows show the crossing on the unit
    (what the organiser's timing reads)."""
    if row.measured_ms is None:
        return ""
    if row.kind is SectionKind.TIME_CONTROL and row.raw_measured_ms is not None:
        return time_text(row, row.raw_measured_ms)
    return time_text(row, row.measured_ms)


def row_notes(row: ResultRow) -> list[str]:
    """The row's notes, and the reference line of a timed measurement not taken from the line
    before (targets from the start, or a missed line in a chain)."""
    notes = list(row.notes)
    if row.reference_line is not None and row.reference_line != row.line - 1:
        notes.append(f"from line {row.reference_line}")
    return notes


class _Cells:
    """Turns values into cell text for one locale."""

    def __init__(self, locale: CsvLocale) -> None:
        if locale not in LOCALES:
            raise ValueError(f"locale {locale!r} is not one of {', '.join(LOCALES)}")
        self.comma = locale == "eu"

    def decimal(self, text: str) -> str:
        return text.replace(".", ",") if self.comma else text

    def number(self, value: Decimal | int) -> str:
        if isinstance(value, int):
            return str(value)
        return self.decimal(format_number(value))

    def text(self, text: str) -> str:
        return safe_text(text)


def whose(result: StageResult) -> list[str]:
    """The total row's first words, where the result knows them: the stage's name, and the crew
    (``crew #112, Giulia Ferri / Marco Bassi, Alfa Romeo 6C 1750 SS (1929)``; ``no crew
    entered``)."""
    parts = [result.stage_name] if result.stage_name else []
    if result.crew is not None:
        named = crew_parts(result.crew)
        parts.append(f"crew {', '.join(named)}" if named else "no crew entered")
    return parts


def result_rows(result: StageResult, locale: CsvLocale = "en") -> list[list[str]]:
    """The CSV's rows as cell text (header row first, `total` row last)."""
    cells = _Cells(locale)
    with_points = any(row.points is not None for row in result.rows)
    rows: list[list[str]] = [[*COLUMNS, *(["points"] if with_points else [])]]
    for row in result.rows:
        measured = measured_text(row)
        deviation = "" if row.deviation_ms is None else format_deviation_s(row.deviation_ms)
        cells_of_row = [
            cells.text(row.section),
            cells.text(row.kind.value),
            cells.number(row.line),
            cells.text(cells.decimal(time_text(row, row.target_ms))),
            cells.text(cells.decimal(measured)),
            cells.decimal(deviation),
            cells.number(row.penalty),
            cells.text(", ".join(row_notes(row))),
        ]
        if with_points:
            cells_of_row.append("" if row.points is None else cells.number(row.points))
        rows.append(cells_of_row)
    note = f"{result.rules_id}, coefficient {cells.number(result.coefficient)}"
    if result.car_factor is not None and result.car_factor != result.coefficient:
        note += f" (car factor {cells.number(result.car_factor)} reported, not applied)"
    if result.higher_is_better:
        note += ", higher is better"
    note = " · ".join([*whose(result), note])
    total = ["", "total", "", "", "", "", cells.number(result.total), cells.text(note)]
    if with_points:
        total.append("")
    rows.append(total)
    return rows


def results_csv(result: StageResult, locale: CsvLocale = "en") -> str:
    """The whole CSV as text, starting with the byte-order mark; encode it as UTF-8."""
    return rows_to_csv(result_rows(result, locale), locale)


def rows_to_csv(rows: Sequence[Sequence[str]], locale: CsvLocale = "en") -> str:
    buffer = io.StringIO()
    buffer.write(BOM)
    writer = csv.writer(
        buffer,
        delimiter=";" if locale == "eu" else ",",
        lineterminator="\r\n",  # RFC 4180, what spreadsheets expect
        quoting=csv.QUOTE_MINIMAL,
    )
    writer.writerows(rows)
    return buffer.getvalue()
