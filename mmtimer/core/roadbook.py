"""Rows pasted from a road book (FORMATS.md section 5) -> sections, and what was not understood.

The organiser's road book comes as a spreadsheet or a PDF table; the navigator copies its rows and
pastes them (the stage editor's Paste, or ``mmtimer import TABLE.txt``). Each line of the text is
a row; its cells are split by tabs, by runs of two or more spaces, or by ``;``.

A row that starts with a section id (``PC12``, ``PC 12``, ``P.C.12``, ``CO4``, ``TC4``, ``PM3``)
is a section. Its kind comes from a kind cell (``PC``, ``CO``, ``PM``, ``timed``, ``controllo
orario``, ...) anywhere in the row, or else from the id's letters (PC, PT, PR, CT: timed; CO, TC,
CH: time control; PM, ZR, RT, AV: average). Then:

- timed: the targets in order, as ``12,30``, ``12.30``, ``1:05,40``, ``1'05"40`` (and a cell
  ``from start`` / ``dal via`` for targets timed from the first line);
- time control: the due time, ``11:32``, ``11.32``, ``11:32:00`` (or ``11h32``);
- average: the start time (or ``press``: it starts at the navigator's press), then the speed
  (``48``, ``48,0 km/h``; a change of average on the way as ``KM=KMH``, e.g. ``5,2=40``), then
  the checks in km (``2,350``), in the editor's order.

A cell without a digit in a section row (a place name, "Passo della Futa") is kept out of the
stage and said so in the row's notes. Every other row - titles, column headers in Italian or
English, notes, blank lines, a section row whose values cannot be read - is listed back in
`Parsed.not_understood` with the reason, never dropped in silence. Each section goes through the
stage loader's own checks (``section_from_json``), so a row the loader would refuse is not
understood, with the loader's message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from mmtimer.core.errors import InputError
from mmtimer.core.stage import Section, format_seconds_text, section_from_json
from mmtimer.core.timefmt import format_km

# -- cells ---------------------------------------------------------------------------------------
_CELL_SPLIT = re.compile(r"\t|;| {2,}")


def split_cells(row: str) -> list[str]:
    """A row's cells: split by tabs, ``;`` or two or more spaces; blank cells dropped."""
    return [cell.strip() for cell in _CELL_SPLIT.split(row) if cell.strip()]


# -- ids and kinds -------------------------------------------------------------------------------
_ID = re.compile(
    r"(?P<letters>(?:[A-Za-z]\.?\s?){1,3}?)\s*(?P<number>\d{1,4}[A-Za-z]?)(?=$|[\s.:)\-])",
    re.ASCII,
)
TIMED, TIME_CONTROL, AVERAGE = "timed", "time-control", "average"
KIND_OF_LETTERS: dict[str, str] = {
    **dict.fromkeys(("PC", "PT", "PR", "CT"), TIMED),
    **dict.fromkeys(("CO", "TC", "CH"), TIME_CONTROL),
    **dict.fromkeys(("PM", "ZR", "RT", "AV"), AVERAGE),
}
_KIND_WORDS: dict[str, str] = {
    **{letters.lower(): kind for letters, kind in KIND_OF_LETTERS.items()},
    "timed": TIMED,
    "timedtrial": TIMED,
    "trial": TIMED,
    "prova": TIMED,
    "cronometrata": TIMED,
    "provacronometrata": TIMED,
    "timecontrol": TIME_CONTROL,
    "control": TIME_CONTROL,
    "controllo": TIME_CONTROL,
    "controlloorario": TIME_CONTROL,
    "orario": TIME_CONTROL,
    "average": AVERAGE,
    "averagetrial": AVERAGE,
    "averagespeed": AVERAGE,
    "averagespeedtrial": AVERAGE,
    "media": AVERAGE,
    "provadimedia": AVERAGE,
    "tsd": AVERAGE,
}


def kind_of_cell(cell: str) -> str | None:
    """The section kind a kind cell names (``PC``, ``P.C.``, ``controllo orario``...), or None."""
    key = re.sub(r"[\s.\-_]", "", cell.lower())
    return _KIND_WORDS.get(key)


def match_id(cell: str) -> tuple[str, str, str] | None:
    """(normalised id, its letters, the rest of the cell) when `cell` starts with a section id:
    ``"P.C. 12"`` -> ``("PC12", "PC", "")``."""
    match = _ID.match(cell.strip())
    if match is None:
        return None
    letters = re.sub(r"[\s.]", "", match["letters"]).upper()
    if not letters:
        return None
    rest = cell.strip()[match.end() :].strip(" .:)-")
    return letters + match["number"].upper(), letters, rest


# -- values --------------------------------------------------------------------------------------
_SECONDS = re.compile(r"(?P<s>\d+)(?:(?:[.,]|\"|″|”)(?P<f>\d{1,3}))?\s*(?:s|sec|\"|″|”)?", re.ASCII)
_MIN_SECONDS = re.compile(
    r"(?P<m>\d+)\s*(?::|'|′|’|min)\s*(?P<s>\d{1,2})(?:\s*(?:[.,]|\"|″|”|s)\s*(?P<f>\d{1,3}))?"
    r"\s*(?:\"|″|”|s|sec)?",
    re.ASCII | re.IGNORECASE,
)
_TIME_OF_DAY = re.compile(
    r"(?P<h>\d{1,2})\s*(?::|\.|h)\s*(?P<m>\d{2})(?:\s*(?::|\.|')\s*(?P<s>\d{2}))?", re.ASCII
)
_KM = re.compile(r"(?P<i>\d+)(?:[.,](?P<f>\d{1,3}))?\s*(?:km)?", re.ASCII | re.IGNORECASE)
_SPEED = re.compile(r"(?P<i>\d+)(?:[.,](?P<f>\d{1,3}))?\s*(?:km/h|kmh|kph|km/ora)?", re.IGNORECASE)
_SPEED_CHANGE = re.compile(
    r"(?:(?:da|from)\s*(?:km)?\s*)?(?P<km>\d+(?:[.,]\d{1,3})?)\s*(?:km)?\s*[=@:]\s*"
    r"(?P<kmh>\d+(?:[.,]\d{1,3})?)\s*(?:km/h|kmh|kph)?",
    re.IGNORECASE,
)
_PRESS_WORDS = {"press", "at the press", "al via", "start press"}
_FROM_START = {"fromstart", "fromthestart", "fromline1", "start", "dalvia", "dallapartenza", "via"}


def parse_duration_cell(cell: str) -> int | None:
    """A target as road books write it -> ms: ``12,30``, ``12.30``, ``1:05,40``, ``1'05"40``,
    ``65"40``, ``12,30 s``; None when the cell is not one."""
    text = cell.strip()
    match = _MIN_SECONDS.fullmatch(text)
    if match is not None:
        seconds = int(match["s"])
        if seconds >= 60:
            return None
        frac = (match["f"] or "").ljust(3, "0")
        return int(match["m"]) * 60_000 + seconds * 1000 + int(frac)
    match = _SECONDS.fullmatch(text)
    if match is not None:
        frac = (match["f"] or "").ljust(3, "0")
        return int(match["s"]) * 1000 + int(frac)
    return None


def parse_time_cell(cell: str) -> int | None:
    """A time of day -> ms since midnight: ``11:32``, ``11.32``, ``11:32:00``, ``11h32``."""
    match = _TIME_OF_DAY.fullmatch(cell.strip())
    if match is None:
        return None
    hours, minutes, seconds = int(match["h"]), int(match["m"]), int(match["s"] or 0)
    if hours > 23 or minutes > 59 or seconds > 59:
        return None
    return (hours * 3600 + minutes * 60 + seconds) * 1000


def _decimal_text(integer: str, fraction: str | None) -> str:
    return f"{integer}.{fraction}" if fraction else integer


def parse_km_cell(cell: str) -> int | None:
    """A distance in km -> metres: ``2,350``, ``2.35``, ``7 km``; None when not one."""
    match = _KM.fullmatch(cell.strip())
    if match is None:
        return None
    return int(match["i"]) * 1000 + int((match["f"] or "").ljust(3, "0"))


def parse_speed_cell(cell: str) -> Decimal | None:
    """An average in km/h -> Decimal: ``48``, ``48,0``, ``48 km/h``; None when not one."""
    match = _SPEED.fullmatch(cell.strip())
    if match is None:
        return None
    return Decimal(_decimal_text(match["i"], match["f"]))


def _hhmmss(ms: int) -> str:
    seconds = ms // 1000
    return f"{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


# -- rows ----------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class PastedSection:
    """A row understood as a section: its line in the pasted text, the section, and notes (cells
    kept out of the stage, such as a place name)."""

    line: int
    text: str
    section: Section
    notes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class NotUnderstood:
    """A row that is not a section: its line (1-based), its text, and why."""

    line: int
    text: str
    reason: str

    def one_line(self) -> str:
        return f"line {self.line}: {self.reason}: {self.text.strip()!r}"


@dataclass(frozen=True, slots=True)
class Parsed:
    """What a pasted table gave: sections in the order pasted, and every other row."""

    sections: tuple[PastedSection, ...]
    not_understood: tuple[NotUnderstood, ...]

    @property
    def fully_understood(self) -> bool:
        """True when no row with any text in it was left out (blank lines do not count)."""
        return all(not row.text.strip() for row in self.not_understood)


class RowError(ValueError):
    """A section row whose values cannot be read; the message says why."""


_HEADER_WORDS = {
    # Italian
    "prova", "prove", "tipo", "tempo", "tempi", "orario", "ora", "media", "velocità",
    "velocita", "rilevamento", "rilevamenti", "controllo", "partenza", "settore", "località",
    "localita", "note", "tratto", "distanza", "numero", "n.", "n°", "km", "sigla",
    # English
    "id", "trial", "kind", "type", "target", "targets", "time", "due", "speed", "average",
    "check", "checks", "start", "notes", "section", "sections", "distance", "no.", "place",
}  # fmt: skip


def _looks_like_header(cells: list[str]) -> bool:
    words = [re.sub(r"[()\[\]:/]", " ", cell).lower().split() for cell in cells]
    flat = [w for ws in words for w in ws]
    return len(flat) >= 2 and sum(w in _HEADER_WORDS for w in flat) >= max(2, len(flat) // 2)


def _reason_not_a_section(cells: list[str]) -> str:
    if not cells:
        return "blank line"
    if _looks_like_header(cells):
        return "column headers, not a section"
    return "does not start with a section id (PC12, CO4, PM3...)"


def parse_roadbook(text: str) -> Parsed:
    """Every row of a pasted table: sections (checked as the loader checks them) and the rest."""
    sections: list[PastedSection] = []
    rejected: list[NotUnderstood] = []
    seen: dict[str, int] = {}
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[-1] == "":
        lines.pop()  # the newline that ends the last row is not a blank row
    for number, row in enumerate(lines, start=1):
        cells = split_cells(row.replace("\ufeff", ""))
        found = match_id(cells[0]) if cells else None
        if found is None:
            rejected.append(NotUnderstood(number, row, _reason_not_a_section(cells)))
            continue
        section_id, letters, rest = found
        values = ([rest] if rest else []) + cells[1:]
        try:
            obj, notes = _section_object(section_id, letters, values)
            section = section_from_json(obj, f"line {number}")
        except RowError as error:
            rejected.append(NotUnderstood(number, row, f"{section_id}: {error}"))
            continue
        except InputError as error:
            rejected.append(NotUnderstood(number, row, f"{section_id}: {error.message}"))
            continue
        if section_id in seen:
            why = f"{section_id}: duplicate id (also line {seen[section_id]})"
            rejected.append(NotUnderstood(number, row, why))
            continue
        seen[section_id] = number
        sections.append(PastedSection(number, row, section, tuple(notes)))
    return Parsed(tuple(sections), tuple(rejected))


def _section_object(
    section_id: str, letters: str, cells: list[str]
) -> tuple[dict[str, object], list[str]]:
    """The section as the stage file's JSON form, from the row's cells after the id."""
    kind: str | None = None
    values: list[str] = []
    notes: list[str] = []
    for cell in cells:
        cell_kind = kind_of_cell(cell)
        if cell_kind is not None and kind is None:
            kind = cell_kind
            continue
        values.append(cell)
    if kind is None:
        kind = KIND_OF_LETTERS.get(letters)
    if kind is None:
        raise RowError(
            f"the letters {letters!r} do not say the kind: add a kind cell (PC, CO or PM)"
        )
    if kind == TIMED:
        return _timed(section_id, values, notes), notes
    if kind == TIME_CONTROL:
        return _time_control(section_id, values, notes), notes
    return _average(section_id, values, notes), notes


def _is_text(cell: str) -> bool:
    return not any(ch.isdigit() for ch in cell)


def _timed(section_id: str, cells: list[str], notes: list[str]) -> dict[str, object]:
    targets: list[int] = []
    from_start = False
    for cell in cells:
        if re.sub(r"[\s.\-_]", "", cell.lower()) in _FROM_START:
            from_start = True
            continue
        value = parse_duration_cell(cell)
        if value is not None:
            targets.append(value)
            continue
        parts = [parse_duration_cell(token) for token in cell.split()]
        if len(parts) > 1 and all(part is not None for part in parts):
            targets.extend(part for part in parts if part is not None)
            continue
        if _is_text(cell):
            notes.append(f"left out: {cell!r}")
            continue
        raise RowError(f"{cell!r} is not a target (12,30 or 1'05\"40)")
    if not targets:
        raise RowError("a timed trial needs its targets (12,30 or 1'05\"40)")
    obj: dict[str, object] = {
        "id": section_id,
        "kind": TIMED,
        "targets": [format_seconds_text(ms) for ms in targets],
    }
    if from_start:
        obj["targets_from"] = "start"
    return obj


def _time_control(section_id: str, cells: list[str], notes: list[str]) -> dict[str, object]:
    due: int | None = None
    for cell in cells:
        value = parse_time_cell(cell)
        if value is not None and due is None:
            due = value
            continue
        if _is_text(cell):
            notes.append(f"left out: {cell!r}")
            continue
        if value is not None:
            raise RowError(f"two due times ({_hhmmss(due or 0)[:5]} and {cell!r}): which one?")
        raise RowError(f"{cell!r} is not a due time (11:32 or 11.32)")
    if due is None:
        raise RowError("a time control needs its due time (11:32 or 11.32)")
    return {"id": section_id, "kind": TIME_CONTROL, "due": _hhmmss(due)}


def _average(section_id: str, cells: list[str], notes: list[str]) -> dict[str, object]:
    tokens: list[str] = []
    press = False
    for cell in cells:
        if cell.strip().lower() in _PRESS_WORDS and not tokens:
            press = True  # start = "press": the schedule starts at the navigator's press
            tokens.append("00:00")
        elif _is_text(cell):
            notes.append(f"left out: {cell!r}")
        elif _SPEED.fullmatch(cell) or _KM.fullmatch(cell) or _SPEED_CHANGE.fullmatch(cell):
            tokens.append(cell)  # "48 km/h", "2,350 km", "5,2 = 40" stay whole
        else:
            tokens.extend(_join_units(cell.split()))
    if not tokens:
        raise RowError("an average trial needs its start time, average and checks")
    start = parse_time_cell(tokens[0])
    if start is None:
        raise RowError(f"{tokens[0]!r} is not the start time (10:50 or 10:50:00)")
    speeds: list[tuple[int, Decimal]] = []
    checks: list[int] = []
    for token in tokens[1:]:
        change = _SPEED_CHANGE.fullmatch(token)
        has_unit = re.search(r"km/h|kmh|kph", token, re.IGNORECASE) is not None
        if change is not None:
            km, kmh = parse_km_cell(change["km"]), parse_speed_cell(change["kmh"])
            if km is None or kmh is None:
                raise RowError(f"{token!r} is not a change of average (5,2=40)")
            if checks:
                raise RowError(f"{token!r}: the averages come before the checks")
            if not speeds and km != 0:
                raise RowError(f"{token!r}: give the first average (from km 0) before its changes")
            speeds.append((km, kmh))
        elif not speeds or has_unit:
            kmh = parse_speed_cell(token)
            if kmh is None:
                raise RowError(f"{token!r} is not an average in km/h (48 or 48,0)")
            if speeds:
                raise RowError(f"{token!r}: a second average needs the km it starts at (5,2=40)")
            speeds.append((0, kmh))
        else:
            metres = parse_km_cell(token)
            if metres is None:
                raise RowError(f"{token!r} is not a check in km (2,350)")
            checks.append(metres)
    if not speeds:
        raise RowError("an average trial needs its average in km/h (48 or 48,0)")
    if not checks:
        raise RowError("an average trial needs at least one check in km (2,350)")
    obj: dict[str, object] = {
        "id": section_id,
        "kind": AVERAGE,
        "start": "press" if press else _hhmmss(start),
    }
    if len(speeds) == 1:
        obj["speed_kmh"] = str(speeds[0][1])
    else:
        obj["speeds"] = [[format_km(km), str(kmh)] for km, kmh in speeds]
    obj["checks_km"] = [format_km(m) for m in checks]
    return obj


def _join_units(tokens: list[str]) -> list[str]:
    """``["48", "km/h", "2,3", "km"]`` -> ``["48 km/h", "2,3 km"]``: a unit goes with its number."""
    out: list[str] = []
    for token in tokens:
        if out and token.lower() in ("km", "km/h", "kmh", "kph"):
            out[-1] = f"{out[-1]} {token}"
        else:
            out.append(token)
    return out
