"""The navigator's card: every line of a stage in driving order, with what it asks.

One row per timing line, time card and average-trial check: its target (a timed trial's duration
and the line it is timed from), its due time (a time control's due minute, an average trial's
start), and the ideal time at each check (and at each change of average and landmark), cut to
the hundredth as the time table prints it (core/timetable.py computes the ideals). Where the rule
set puts the ideal on a coarser unit when it scores, the row says what is compared. Pure text:
ui/card_pdf.py lays it out on A5 or A4, ``mmtimer card`` writes it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from mmtimer.core.clock import NS_PER_MS
from mmtimer.core.rules import RuleSet
from mmtimer.core.scoring import ideal_target_ns
from mmtimer.core.stage import AverageTrial, Stage, TimeControl, TimedSection, section_kind_name
from mmtimer.core.timefmt import format_km, format_time_of_day
from mmtimer.core.timetable import rounding_note, time_table
from mmtimer.present.formats import duration_text

CARD_COLUMNS = ("Line", "Target", "Due", "Ideal", "Note")


@dataclass(frozen=True, slots=True)
class CardRow:
    """One row of the card. `press`: the navigator acts here (a line, a card, a check, an
    average trial's start); the rows in between (a change of average, a landmark) are printed
    lighter."""

    line: str
    target: str = ""
    due: str = ""
    ideal: str = ""
    note: str = ""
    press: bool = True


@dataclass(frozen=True, slots=True)
class CardSection:
    """A section's head (``PC1 · timed trial · 3 lines``) and its rows."""

    number: int
    id: str
    title: str
    detail: str
    rows: tuple[CardRow, ...]


@dataclass(frozen=True, slots=True)
class Card:
    stage: str
    rules: str
    summary: str
    sections: tuple[CardSection, ...]
    notes: tuple[str, ...] = ()


def _due(ms: int) -> str:
    text = format_time_of_day(ms, 0)
    return text[:5] if text.endswith(":00") else text


def _speeds(section: AverageTrial) -> str:
    parts = []
    for index, (from_m, kmh) in enumerate(section.speeds):
        later = f"then {kmh} km/h from km {format_km(from_m)}"
        parts.append(f"{kmh} km/h" if index == 0 else later)
    return ", ".join(parts)


def _timed(section: TimedSection) -> CardSection:
    rows = [CardRow("line 1", "start")]
    for line in range(2, section.lines + 1):
        reference = 1 if section.targets_from == "start" else line - 1
        rows.append(
            CardRow(
                f"line {line}",
                duration_text(section.target_ms(line)),
                note=f"from line {reference}",
            )
        )
    origin = "the first line" if section.targets_from == "start" else "the line before"
    return CardSection(
        0,
        section.id,
        section_kind_name(section),
        f"{section.lines} lines, each target timed from {origin}",
        tuple(rows),
    )


def _control(section: TimeControl) -> CardSection:
    row = CardRow("time card", due=_due(section.due_ms))
    return CardSection(0, section.id, section_kind_name(section), "", (row,))


def _average(section: AverageTrial, rules: RuleSet) -> CardSection:
    rows: list[CardRow] = []
    for table_row in time_table(section, 1000):
        if not table_row.marks:
            continue
        km = f"km {format_km(table_row.metres)}"
        ideal = table_row.ideal_text
        if table_row.elapsed:
            ideal = f"+{ideal}"
        if table_row.metres == 0:
            due = "press" if section.start_press else format_time_of_day(section.start_ms, 0)
            speed = "; ".join(table_row.marks).removeprefix("start ")
            rows.append(CardRow("start", km, due, "", speed))
            continue
        if table_row.check is not None:
            check = table_row.check
            note = "; ".join(m for m in table_row.marks if m != f"check {check}")
            if not section.start_press:
                scored_ms = ideal_target_ns(section, check, rules.average) // NS_PER_MS
                scored = format_time_of_day(scored_ms, 2)
                if scored != ideal:
                    note = "; ".join(filter(None, (note, f"scored as {scored}")))
            rows.append(CardRow(f"check {check}", km, "", ideal, note))
            continue
        rows.append(CardRow("", km, "", ideal, "; ".join(table_row.marks), press=False))
    start = (
        "starts at the press at the start marker (ideals after the press)"
        if section.start_press
        else f"start {format_time_of_day(section.start_ms, 0)}"
    )
    checks = f"{section.lines} check{'s' if section.lines != 1 else ''}"
    return CardSection(
        0,
        section.id,
        section_kind_name(section),
        f"{start} · {_speeds(section)} · {checks}",
        tuple(rows),
    )


def stage_card(stage: Stage, rules: RuleSet) -> Card:
    """The card of `stage` scored under `rules`."""
    sections: list[CardSection] = []
    for number, section in enumerate(stage.sections, start=1):
        if isinstance(section, TimedSection):
            made = _timed(section)
        elif isinstance(section, TimeControl):
            made = _control(section)
        else:
            made = _average(section, rules)
        sections.append(CardSection(number, made.id, made.title, made.detail, made.rows))
    notes = []
    if any(isinstance(s, AverageTrial) for s in stage.sections):
        notes.append(rounding_note(rules.average, rules.id, "card"))
    count, presses = len(stage.sections), stage.presses
    summary = (
        f"{count} section{'s' if count != 1 else ''}, "
        f"{presses} pass{'es' if presses != 1 else ''} to record"
    )
    return Card(stage.name, f"{rules.id} ({rules.name})", summary, tuple(sections), tuple(notes))


def card_text(card: Card) -> str:
    """The card as plain text (one line per row), e.g. for a test or a terminal."""
    lines = [card.stage, f"Rules: {card.rules}", card.summary, ""]
    for section in card.sections:
        head = f"{section.number:2d}  {section.id}  {section.title}"
        lines.append(f"{head}: {section.detail}" if section.detail else head)
        for row in section.rows:
            cells = (row.line, row.target, row.due, row.ideal, row.note)
            lines.append("    " + "  ".join(c for c in cells if c))
    lines.extend(["", *card.notes])
    return "\n".join(lines) + "\n"


__all__: Sequence[str] = (
    "CARD_COLUMNS",
    "Card",
    "CardRow",
    "CardSection",
    "card_text",
    "stage_card",
)
