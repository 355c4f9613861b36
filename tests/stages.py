"""Stages, crews and rule sets that several test files share (one copy of each, Qt-free).

`FOUR_KINDS_TEXT`: a timed chain (PC1), a chain timed from its start (PC2), a time control
(CO1, due 10:42) and an average trial (PM1, 10:50:00 at 36 km/h, checks at 1 and 2 km): the
stage of the live session's tests. `RACE_TEXT`: the same four kinds on a short clock (10:01,
10:02:00, checks 5 s apart) and an average trial started by a press (PM2), for random
sequences of presses, undos and the rest (live equals replay).
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from mmtimer.core.crew import Crew
from mmtimer.core.rules import load_rules
from mmtimer.core.session import LiveSession
from mmtimer.core.stage import Stage, parse_stage

S = 1_000_000_000  # ns per second
MS = 1_000_000  # ns per millisecond
H_MS = 3_600_000  # ms per hour
UTC0 = datetime(2026, 5, 13, 8, 0, tzinfo=UTC)
CREW_7 = Crew(number=7)
FORMATS_CREW = Crew(
    112, "Giulia Ferri", "Marco Bassi", "Alfa Romeo 6C 1750 SS", 1929, Decimal("1.80")
)
"""The crew of FORMATS.md's examples (the log header's, the event file's)."""

FOUR_KINDS_TEXT = """
format = "mmtimer-stage/1"
name = "Test stage"
rules = "aci-2021"

[[section]]
id = "PC1"
kind = "timed"
targets = ["15.00", "6.00"]

[[section]]
id = "PC2"
kind = "timed"
targets = ["8.00", "17.50"]
targets_from = "start"

[[section]]
id = "CO1"
kind = "time-control"
due = "10:42"

[[section]]
id = "PM1"
kind = "average"
start = "10:50:00"
speed_kmh = "36.0"
checks_km = ["1.000", "2.000"]
"""

RACE_TEXT = """
format = "mmtimer-stage/1"
name = "live equals replay"
rules = "aci-2021"

[[section]]
id = "PC1"
kind = "timed"
targets = ["4.00", "3.00"]

[[section]]
id = "CO1"
kind = "time-control"
due = "10:01"

[[section]]
id = "PC2"
kind = "timed"
targets = ["2.00", "5.00"]
targets_from = "start"

[[section]]
id = "PM1"
kind = "average"
start = "10:02:00"
speed_kmh = "36"
checks_km = ["0.050", "0.100"]

[[section]]
id = "PM2"
kind = "average"
start = "press"
speed_kmh = "36"
checks_km = ["0.050"]
"""


def four_kinds(text: str = FOUR_KINDS_TEXT) -> Stage:
    """The four-kinds stage (or `text`, e.g. it with one value replaced)."""
    return parse_stage(text, "test.stage.toml")


def new_session(stage: Stage | None = None, crew: Crew = CREW_7) -> LiveSession:
    """A live session of `stage` (the four-kinds stage) under its own rule set, no log."""
    stage = stage or four_kinds()
    return LiveSession(stage, load_rules(stage.rules), crew)
