"""Every formatter a window uses, once: times, deviations, points, labels, result texts.

Times are cut (never rounded up) to the hundredth, as the timing lines show them, except the
time left before a target, whose hundredths round up so ``0.00`` shows exactly at the target.
Where the results CSV writes the same value it uses the same function (`format_deviation_s`,
`format_number` and `time_text` live in `core.csvout`, which the core's export needs; they are
re-exported here so a window imports every formatter from one place).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from mmtimer.core.clock import NS_PER_MS, NS_PER_S
from mmtimer.core.csvout import (
    format_deviation_s,
    format_number,
    measured_text,
    row_notes,
    time_text,
)
from mmtimer.core.results import ResultRow, SectionKind, StageResult
from mmtimer.core.stage import Section, TimeControl
from mmtimer.core.timefmt import (
    MS_PER_MIN,
    format_duration,
    format_seconds,
    format_time_of_day,
)
from mmtimer.present.tone import Tone, deviation_tone

__all__ = [
    "NO_OFFICIAL",
    "describe_since",
    "display_path",
    "duration_text",
    "format_chrono",
    "format_countdown",
    "format_deviation_s",
    "format_left",
    "format_number",
    "format_official",
    "format_points",
    "format_signed_deviation",
    "line_label",
    "line_word",
    "measured_text",
    "minutes_off",
    "note_text",
    "row_text",
    "time_text",
    "total_note",
]

NS_PER_CS = 10 * NS_PER_MS
NO_OFFICIAL = "--:--:--"


def format_left(left_ns: int) -> str:
    """Time left, to 1/100 s: ``12.34``, ``1:02.50``, ``1:02:03.40``; past the target ``+0.12``.

    Before the target the hundredths round up, so ``0.00`` shows exactly at the target and not
    a hundredth early; after it they count the time since (truncated), with a ``+`` (late).
    """
    if left_ns > 0:
        cs = -(-left_ns // NS_PER_CS)
        sign = ""
    else:
        cs = -left_ns // NS_PER_CS
        sign = "+" if cs else ""
    seconds, hundredths = divmod(cs, 100)
    minutes, seconds = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    if hours:
        return f"{sign}{hours}:{minutes:02d}:{seconds:02d}.{hundredths:02d}"
    if minutes:
        return f"{sign}{minutes}:{seconds:02d}.{hundredths:02d}"
    return f"{sign}{seconds}.{hundredths:02d}"


def format_countdown(left_ns: int, window_ns: int | None = None) -> str:
    """The countdown's value: the time left (`format_left`). For a time control with a due
    minute (`window_ns`: its length; `left_ns` runs to its start): before it the wait, during
    it ``in your minute, 48 s left`` (whole seconds, rounded up), after it ``+2 min late``: the
    minutes a press now scores, as the stage panel names a time card's result."""
    if window_ns is None or left_ns > 0:
        return format_left(left_ns)
    into_ns = -left_ns
    if into_ns < window_ns:
        return f"in your minute, {-(-(window_ns - into_ns) // NS_PER_S)} s left"
    return f"+{into_ns // window_ns} min late"


def format_chrono(elapsed_ns: int) -> str:
    """Chronograph time as H:MM:SS.cc, truncated to the hundredth (never rounded up)."""
    cs = max(0, elapsed_ns) // NS_PER_CS
    hours, rest = divmod(cs, 360_000)
    minutes, rest = divmod(rest, 6_000)
    seconds, hundredths = divmod(rest, 100)
    return f"{hours}:{minutes:02d}:{seconds:02d}.{hundredths:02d}"


def format_official(official_ms: int | None, decimals: int = 0) -> str:
    """Official time of day ``HH:MM:SS`` (or with hundredths); dashes when unknown."""
    if official_ms is None:
        return NO_OFFICIAL + (".--" if decimals else "")
    return format_time_of_day(official_ms, decimals)


def format_signed_deviation(deviation_ms: int) -> str:
    """Signed seconds to 1/100, cut toward zero as the CSV writes them: ``+0.37``, ``-0.12``,
    ``0.00``."""
    text = format_deviation_s(deviation_ms)
    return text if text.startswith("-") or text == "0.00" else f"+{text}"


def format_points(value: Decimal) -> str:
    """Penalty points as a number without needless zeros: ``37``, ``1.5``, ``171``."""
    text = format_number(value)
    return text.rstrip("0").rstrip(".") if "." in text else text


def duration_text(ms: int) -> str:
    """A target duration as the stage panel lists it: ``15.00`` under a minute, else
    ``1:02.50``."""
    return format_seconds(ms, 2) if ms < MS_PER_MIN else format_duration(ms, 2)


def display_path(path: Path) -> str:
    """A path as the status bar shows it: under the home folder as ``~/...``."""
    try:
        return "~/" + path.resolve().relative_to(Path.home().resolve()).as_posix()
    except ValueError:
        return str(path)


def describe_since(seconds: int) -> str:
    """How long ago, for the status bar: ``12 s``, ``3 min 05 s``, ``1 h 02 min``."""
    minutes, seconds = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    if hours:
        return f"{hours} h {minutes:02d} min"
    if minutes:
        return f"{minutes} min {seconds:02d} s"
    return f"{seconds} s"


def note_text(row: ResultRow) -> str:
    """The row's notes, and the reference line of a timed measurement not taken from the line
    before, as the CSV writes them (``missed, void``, ``from line 1``)."""
    return ", ".join(row_notes(row))


def total_note(result: StageResult) -> str:
    """What the table's total row says: rule set, coefficient, discards, which way is better."""
    parts = [result.rules_id, f"coefficient {format_number(result.coefficient)}"]
    if result.car_factor is not None and result.car_factor != result.coefficient:
        parts.append(f"car factor {format_number(result.car_factor)} reported, not applied")
    discarded = sum(1 for row in result.rows if "discarded" in row.notes)
    if discarded:
        parts.append(f"{discarded} discarded")
    if result.coefficient != 1 or discarded:
        parts.append(f"penalties counted {format_points(result.penalties)}")
    if result.higher_is_better:
        parts.append("higher is better")
    return " · ".join(parts)


def line_word(kind: SectionKind) -> str:
    """What a section's lines are called: ``line`` (timed), ``check`` (average), ``card``."""
    return {SectionKind.TIMED: "line", SectionKind.AVERAGE: "check"}.get(kind, "card")


def line_label(section: Section | None, section_id: str, line: int) -> str:
    """A line as every window names it: ``PC1 · line 2``, ``PM1 · check 1``, ``CO1 · time
    card``. `section`: the stage's section `section_id` (None if the stage lacks it)."""
    if isinstance(section, TimeControl):
        return f"{section_id} · time card"
    kind = SectionKind.TIMED if section is None else section.kind
    return f"{section_id} · {line_word(kind)} {line}"


def minutes_off(deviation_ms: int) -> int:
    """A time control's deviation in whole minutes, cut toward zero."""
    return deviation_ms // 60_000 if deviation_ms >= 0 else -(-deviation_ms // 60_000)


def row_text(row: ResultRow) -> tuple[str, Tone]:
    """A result row as the stage panel shows it: ``+0.12 s · 12``, ``+1 min · 60`` or
    ``missed · 300``, and its tone."""
    penalty = format_points(row.penalty)
    if row.deviation_ms is None:
        return f"{' '.join(row.notes) or 'missed'} · {penalty}", Tone.LATE
    if row.kind is SectionKind.TIME_CONTROL:
        minutes = minutes_off(row.deviation_ms)
        return f"{minutes:+d} min · {penalty}", deviation_tone(minutes * 60_000)
    text = f"{format_signed_deviation(row.deviation_ms)} s · {penalty}"
    return text, deviation_tone(row.deviation_ms)
