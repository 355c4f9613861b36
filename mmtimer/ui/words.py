"""The presentation layer's words in the window's language.

present/ stays Qt-free and writes its texts in English ("PC1 · line 2 · due 10:42", "NEXT
TARGET", "+0.12 s · 12"). A window (and the driver page's feed: ui/driverpage.py) shows them
through `shown`: a whole text, or each part between the `` · `` separators, found in this
catalogue is translated (a part such as ``line 2`` through its pattern ``line %1``), then the
numbers take the language's decimal separator (present/i18n.py). What the catalogue lacks
(section ids and names from the stage file, the core's messages about files and logs) is shown
as written. tests/test_translations.py keeps every entry translated; a text present/ adds must
be added here to be translated.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from mmtimer.present.i18n import language_generation, window_number
from mmtimer.ui.i18n import QT_TRANSLATE_NOOP, translate

CONTEXT = "Present"

WHOLE = (
    QT_TRANSLATE_NOOP("Present", "CHRONOGRAPH"),
    QT_TRANSLATE_NOOP("Present", "SPLIT"),
    QT_TRANSLATE_NOOP("Present", "SPLIT / LAP"),
    QT_TRANSLATE_NOOP("Present", "OFFICIAL TIME"),
    QT_TRANSLATE_NOOP("Present", "NEXT TARGET"),
    QT_TRANSLATE_NOOP("Present", "TOTAL"),
    QT_TRANSLATE_NOOP("Present", "Total"),
    QT_TRANSLATE_NOOP("Present", "SO FAR"),
    QT_TRANSLATE_NOOP("Present", "So far"),
    QT_TRANSLATE_NOOP("Present", "running"),
    QT_TRANSLATE_NOOP("Present", "local clock"),
    QT_TRANSLATE_NOOP("Present", "no stage"),
    QT_TRANSLATE_NOOP("Present", "no sync yet"),
    QT_TRANSLATE_NOOP("Present", "Not synced"),
    QT_TRANSLATE_NOOP("Present", "Stage ended"),
    QT_TRANSLATE_NOOP("Present", "Stage done"),
    QT_TRANSLATE_NOOP("Present", "press at the start line"),
    QT_TRANSLATE_NOOP("Present", "press at the start marker: the schedule starts then"),
    QT_TRANSLATE_NOOP("Present", "sync the official time first (T)"),
    QT_TRANSLATE_NOOP("Present", "double press? Backspace undoes it"),
    QT_TRANSLATE_NOOP("Present", "double press?"),
    QT_TRANSLATE_NOOP("Present", "NOT SYNCED"),
    QT_TRANSLATE_NOOP("Present", "press T to set the official time"),
    QT_TRANSLATE_NOOP("Present", "a press still records"),
    QT_TRANSLATE_NOOP("Present", "timed trial"),
    QT_TRANSLATE_NOOP("Present", "time control"),
    QT_TRANSLATE_NOOP("Present", "average trial"),
    QT_TRANSLATE_NOOP("Present", "timed"),
    QT_TRANSLATE_NOOP("Present", "time-control"),
    QT_TRANSLATE_NOOP("Present", "average"),
    QT_TRANSLATE_NOOP("Present", "start"),
    QT_TRANSLATE_NOOP("Present", "time card"),
    QT_TRANSLATE_NOOP("Present", "missed"),
    QT_TRANSLATE_NOOP("Present", "void"),
    QT_TRANSLATE_NOOP("Present", "pending"),
    QT_TRANSLATE_NOOP("Present", "discarded"),
    QT_TRANSLATE_NOOP("Present", "capped"),
    QT_TRANSLATE_NOOP("Present", "skipped"),
    QT_TRANSLATE_NOOP("Present", "early"),
    QT_TRANSLATE_NOOP("Present", "late"),
    QT_TRANSLATE_NOOP("Present", "on time"),
    QT_TRANSLATE_NOOP("Present", "no line"),
    QT_TRANSLATE_NOOP("Present", "no start"),
    QT_TRANSLATE_NOOP("Present", "end of the trial"),
    QT_TRANSLATE_NOOP("Present", "higher is better"),
    QT_TRANSLATE_NOOP("Present", "in progress"),
    QT_TRANSLATE_NOOP("Present", "not yet driven"),
    QT_TRANSLATE_NOOP("Present", "log missing"),
    QT_TRANSLATE_NOOP("Present", "stage missing"),
    QT_TRANSLATE_NOOP("Present", "no log yet"),
    QT_TRANSLATE_NOOP("Present", "cannot be read"),
    QT_TRANSLATE_NOOP("Present", "GPS lost"),
    QT_TRANSLATE_NOOP("Present", "GPS: waiting for a fix"),
    QT_TRANSLATE_NOOP("Present", "car · GPS"),
    QT_TRANSLATE_NOOP("Present", "ahead/behind: no distance"),
    QT_TRANSLATE_NOOP("Present", "ideal"),
    QT_TRANSLATE_NOOP("Present", "end"),
    QT_TRANSLATE_NOOP("Present", "GPS off"),
    QT_TRANSLATE_NOOP("Present", "average trial from the start press"),
    QT_TRANSLATE_NOOP("Present", "no crew entered (C, before the stage starts)"),
    QT_TRANSLATE_NOOP(
        "Present", "no distance source: compare with the trip meter (K: confirm a landmark)"
    ),
    QT_TRANSLATE_NOOP("Present", "no official-time sync before the pass, so it cannot be scored"),
    # the navigator's card (present/card.py)
    QT_TRANSLATE_NOOP("Present", "average-speed trial"),
    QT_TRANSLATE_NOOP("Present", "press"),
    QT_TRANSLATE_NOOP("Present", "each target timed from the line before"),
    QT_TRANSLATE_NOOP("Present", "each target timed from the first line"),
    QT_TRANSLATE_NOOP(
        "Present", "starts at the press at the start marker (ideals after the press)"
    ),
)
"""Texts present/ writes whole (or as one part between `` · ``)."""

PATTERNS = (
    QT_TRANSLATE_NOOP("Present", "line %1"),
    QT_TRANSLATE_NOOP("Present", "check %1"),
    QT_TRANSLATE_NOOP("Present", "from line %1"),
    QT_TRANSLATE_NOOP("Present", "%1 from line 1"),
    QT_TRANSLATE_NOOP("Present", "due %1"),
    QT_TRANSLATE_NOOP("Present", "ideal %1"),
    QT_TRANSLATE_NOOP("Present", "at %1"),
    QT_TRANSLATE_NOOP("Present", "LAP %1"),
    QT_TRANSLATE_NOOP("Present", "SPLIT %1"),
    QT_TRANSLATE_NOOP("Present", "Total %1"),
    QT_TRANSLATE_NOOP("Present", "So far %1"),
    QT_TRANSLATE_NOOP("Present", "%1 pts"),
    QT_TRANSLATE_NOOP("Present", "%1 min"),
    QT_TRANSLATE_NOOP("Present", "%1 discarded"),
    QT_TRANSLATE_NOOP("Present", "coefficient %1"),
    QT_TRANSLATE_NOOP("Present", "car factor %1 reported, not applied"),
    QT_TRANSLATE_NOOP("Present", "penalties counted %1"),
    QT_TRANSLATE_NOOP("Present", "Synced %1 ago"),
    QT_TRANSLATE_NOOP("Present", "in your minute, %1 s left"),
    QT_TRANSLATE_NOOP("Present", "+%1 min late"),
    QT_TRANSLATE_NOOP("Present", "average trial from %1"),
    QT_TRANSLATE_NOOP("Present", "ahead %1"),
    QT_TRANSLATE_NOOP("Present", "%1 m ahead"),
    QT_TRANSLATE_NOOP("Present", "%1 m behind"),
    QT_TRANSLATE_NOOP("Present", "start in %1"),
    QT_TRANSLATE_NOOP("Present", "in %1 m"),
    QT_TRANSLATE_NOOP("Present", "%1 at km %2"),
    QT_TRANSLATE_NOOP("Present", "car · %1 ago"),
    QT_TRANSLATE_NOOP("Present", "distance from a landmark %1 ago"),
    QT_TRANSLATE_NOOP("Present", "landmark %1"),  # where the car's distance is from, and since
    QT_TRANSLATE_NOOP("Present", "GPS lost %1"),
    QT_TRANSLATE_NOOP("Present", "reset %1"),
    QT_TRANSLATE_NOOP("Present", "GPS: no fix for %1"),
    QT_TRANSLATE_NOOP("Present", "GPS: last fix %1 ago"),
    QT_TRANSLATE_NOOP("Present", "%1 satellites"),
    QT_TRANSLATE_NOOP("Present", "%1 rejected"),
    QT_TRANSLATE_NOOP("Present", "distance not live"),
    QT_TRANSLATE_NOOP("Present", "behind %1"),
    QT_TRANSLATE_NOOP("Present", "hold %1"),
    QT_TRANSLATE_NOOP("Present", "%1 then"),
    QT_TRANSLATE_NOOP("Present", "%1 s late"),
    QT_TRANSLATE_NOOP("Present", "%1 s early"),
    QT_TRANSLATE_NOOP("Present", "Undone: %1 (Backspace again undoes the action before it)"),
    QT_TRANSLATE_NOOP("Present", "the pass of %1"),
    QT_TRANSLATE_NOOP("Present", "the sync to %1"),
    QT_TRANSLATE_NOOP("Present", "the skip of %1"),
    QT_TRANSLATE_NOOP("Present", "the choice of %1"),
    QT_TRANSLATE_NOOP("Present", "the start press of %1"),
    QT_TRANSLATE_NOOP("Present", "Resume %1 (%2)"),
    QT_TRANSLATE_NOOP("Present", "%1 pass"),
    QT_TRANSLATE_NOOP("Present", "%1 passes"),
    QT_TRANSLATE_NOOP("Present", "last at %1"),
    QT_TRANSLATE_NOOP("Present", "%1 of %2 days driven"),
    QT_TRANSLATE_NOOP("Present", "%1 of %2 day driven"),
    QT_TRANSLATE_NOOP("Present", "total %1"),
    QT_TRANSLATE_NOOP("Present", "%1 discarded over the event"),
    # the navigator's card (present/card.py)
    QT_TRANSLATE_NOOP("Present", "%1 lines"),
    QT_TRANSLATE_NOOP("Present", "%1 sections"),
    QT_TRANSLATE_NOOP("Present", "%1 section"),
    QT_TRANSLATE_NOOP("Present", "%1 passes to record"),
    QT_TRANSLATE_NOOP("Present", "%1 pass to record"),
    QT_TRANSLATE_NOOP("Present", "%1 checks"),
    QT_TRANSLATE_NOOP("Present", "%1 check"),
    QT_TRANSLATE_NOOP("Present", "then %1 km/h from km %2"),
    QT_TRANSLATE_NOOP("Present", "%1 km/h"),
    QT_TRANSLATE_NOOP("Present", "start %1"),
    QT_TRANSLATE_NOOP("Present", "scored as %1"),
    QT_TRANSLATE_NOOP(
        "Present",
        "Scoring (%1): the exact ideal is rounded to the nearest %2 before it is compared; "
        "this card shows it cut to the hundredth.",
    ),
    QT_TRANSLATE_NOOP(
        "Present",
        "Scoring (%1): the exact ideal is cut down to the %2 before it is compared; "
        "this card shows it cut to the hundredth.",
    ),
    # the driver's time table (core/timetable.py, ui/timetable_pdf.py)
    QT_TRANSLATE_NOOP(
        "Present",
        "Scoring (%1): the exact ideal is rounded to the nearest %2 before it is compared; "
        "this table shows it cut to the hundredth.",
    ),
    QT_TRANSLATE_NOOP(
        "Present",
        "Scoring (%1): the exact ideal is cut down to the %2 before it is compared; "
        "this table shows it cut to the hundredth.",
    ),
)
"""Texts with a value or two in them (``%1``, ``%2``: a number, a time, a line, a section id)."""

_PARTS = re.compile(r"(   —   | · |  )")  # crew and stage; a line, its result, its note
_LIST = re.compile(r"(, |; )")  # between the notes of one row, the parts of a source line
_WHOLE = frozenset(WHOLE)
_EDGES = (",", ";", " ")


@cache
def _patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    compiled = []
    for pattern in PATTERNS:
        parts = re.split(r"(%[12])", pattern)
        regex = "".join(
            f"(?P<v{part[1]}>.+?)" if part in ("%1", "%2") else re.escape(part) for part in parts
        )
        compiled.append((re.compile(f"^{regex}$"), pattern))
    return tuple(compiled)


def _part(text: str) -> str | None:
    """`text` translated whole (a text of the catalogue, or one of its patterns with the values
    in it translated in turn), or None."""
    if text in _WHOLE:
        return translate(CONTEXT, text)
    for regex, pattern in _patterns():
        found = regex.match(text)
        if found is None:
            continue
        values = found.groupdict()
        if any(v.startswith(_EDGES) or v.endswith(_EDGES) for v in values.values()):
            continue  # a value cut at a separator: the text is a list, not this pattern
        done = translate(CONTEXT, pattern)
        for name, value in values.items():
            done = done.replace(f"%{name[1]}", words(value))
        return done
    return None


def words(text: str) -> str:
    """`text` from present/ in the window's language: whole, else part by part (`` · ``, then
    ``, `` and ``; ``); numbers as present/ wrote them, what the catalogue lacks as written."""
    if not text:
        return text
    done = _part(text)
    if done is not None:
        return done
    for separators in (_PARTS, _LIST):
        pieces = separators.split(text)
        if len(pieces) > 1:
            return "".join(p if i % 2 else words(p) for i, p in enumerate(pieces))
    return text


_LETTER = re.compile(r"[^\W\d_]")  # a letter of any script
# No text or pattern of the catalogue is without a letter (tests/ui/test_i18n.py), so a text
# without one - a running time, a countdown, the hour: a new one at each frame - has no word to
# translate: only its numbers change, without 50 patterns tried and the cache filled with them.


def shown(text: str) -> str:
    """`text` from present/ as the window shows it: its words and its numbers in the window's
    language (``PC1 · line 2 · +0.12 s`` -> ``PC1 · linea 2 · +0,12 s`` in Italian)."""
    if not text:
        return text
    if _LETTER.search(text) is None:
        return window_number(text)
    return _shown(text, language_generation())


@lru_cache(maxsize=8192)
def _shown(text: str, generation: int) -> str:
    """`shown`, once per text and language (a table repaints its cells often)."""
    return window_number(words(text))
