"""`mmtimer check STAGE`: read a stage and its rule set, print a readable summary or the error."""

from __future__ import annotations

import argparse
import sys
from fractions import Fraction
from pathlib import Path
from typing import TextIO

from mmtimer.core.csvout import format_number
from mmtimer.core.errors import InputError
from mmtimer.core.legs import ControlTerms
from mmtimer.core.rules import KindRules, RuleSet, load_rules
from mmtimer.core.scoring import ideal_target_ns
from mmtimer.core.stage import (
    AverageTrial,
    Stage,
    TimeControl,
    TimedSection,
    load_stage,
    section_kind_name,
)
from mmtimer.core.timefmt import MS_PER_MIN, format_duration, format_km, format_time_of_day

EXIT_OK = 0
EXIT_BAD_INPUT = 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = "Check a stage file and print what it asks of the crew."
    parser.add_argument("stage", help="a stage file (.stage.toml)")


def run(args: argparse.Namespace) -> int:
    return check(Path(args.stage), sys.stdout, sys.stderr)


def check(path: Path, out: TextIO, err: TextIO) -> int:
    """Print the summary of the stage at `path` to `out`, or its one-line error to `err`."""
    try:
        stage = load_stage(path)
        rules = load_rules(stage.rules, path.parent)
    except InputError as error:
        print(f"mmtimer check: {error}", file=err)
        return EXIT_BAD_INPUT
    out.write(summary(stage, rules))
    return EXIT_OK


def _seconds(ms: int) -> str:
    if ms < MS_PER_MIN:
        whole, frac = divmod(ms, 1000)
        text = f"{whole}.{frac // 10:02d}" if frac % 10 == 0 else f"{whole}.{frac:03d}"
        return f"{text} s"
    return format_duration(ms, 2 if ms % 10 == 0 else 3)


def _exact_time(ms: Fraction) -> str:
    whole = ms.numerator // ms.denominator
    text = format_time_of_day(whole, 3 if whole % 10 else 2)
    return text if whole == ms else f"{text}..."


def _unit_text(kind: KindRules) -> str:
    return f"per {kind.unit}"


def summary(stage: Stage, rules: RuleSet) -> str:
    """The text `mmtimer check` prints."""
    lines = [
        f"Stage: {stage.name}",
        f"File:  {stage.source}",
        f"Rules: {rules.id} ({rules.name}): timed {_unit_text(rules.timed)}, "
        f"time controls {_unit_text(rules.time_control)}, "
        f"average trials {_unit_text(rules.average)}",
        f"{len(stage.sections)} sections, {stage.presses} passes to record",
        "",
    ]
    width = max(len(section.id) for section in stage.sections)
    terms = stage.control_terms()
    for number, section in enumerate(stage.sections, start=1):
        head = f"{number:2d}  {section.id:<{width}}  {section_kind_name(section)}"
        if isinstance(section, TimedSection):
            origin = "the first line" if section.targets_from == "start" else "the previous line"
            lines.append(f"{head}, {section.lines} lines, targets from {origin}")
            for line in range(2, section.lines + 1):
                reference = 1 if section.targets_from == "start" else line - 1
                lines.append(
                    f"{'':{width + 6}}line {line}: {_seconds(section.target_ms(line)):>9}"
                    f"  from line {reference}"
                )
        elif isinstance(section, TimeControl):
            due = format_time_of_day(section.due_ms, 0)
            lines.append(f"{head}, due {due[:5] if due.endswith(':00') else due}")
            if section.id in terms:
                lines.append(f"{'':{width + 6}}{_terms_text(terms[section.id], rules)}")
        elif section.start_press:
            lines.append(f"{head}, starts at the press, {_speeds(section)}")
            for check in range(1, section.lines + 1):
                lines.append(
                    f"{'':{width + 6}}check {check}: km {format_km(section.checks_m[check - 1])}"
                    f"  ideal {_exact_time(section.ideal_ms(check))} after the start"
                )
            lines.extend(_landmarks(section, width))
        else:
            lines.append(
                f"{head}, start {format_time_of_day(section.start_ms, 0)}, {_speeds(section)}"
            )
            for check in range(1, section.lines + 1):
                ideal = section.ideal_ms(check)
                scored_ms = ideal_target_ns(section, check, rules.average) // 1_000_000
                note = ""
                if scored_ms != ideal:
                    note = (
                        f"  (scored as {format_time_of_day(scored_ms, 2)} at {rules.average.unit})"
                    )
                lines.append(
                    f"{'':{width + 6}}check {check}: km {format_km(section.checks_m[check - 1])}"
                    f"  ideal {_exact_time(ideal)}{note}"
                )
            lines.extend(_landmarks(section, width))
    lines.append("")
    return "\n".join(lines)


def _landmarks(section: AverageTrial, width: int) -> list[str]:
    return [
        f"{'':{width + 6}}landmark: km {format_km(metres)}  {label}"
        for metres, label in section.landmarks
    ]


def _terms_text(terms: ControlTerms, rules: RuleSet) -> str:
    """A time control's leg factor and maximum lateness, and what the rule set makes of them."""
    parts = []
    kind = rules.time_control
    if terms.leg_factor is not None:
        where = f" ({terms.leg})" if terms.leg else ""
        allowed = kind.allows_leg_factor(terms.leg_factor)
        parts.append(
            f"leg factor {terms.leg_factor}{where}"
            + ("" if allowed else f": not allowed by {rules.id}, not applied")
        )
    if terms.max_late_min is not None:
        beyond = (
            f"{format_number(kind.beyond_max_late)} beyond it"
            if kind.beyond_max_late is not None
            else f"{rules.id} states no penalty beyond it"
        )
        parts.append(f"at most {terms.max_late_min} min late ({beyond})")
    return "; ".join(parts)


def _speeds(section: AverageTrial) -> str:
    parts = []
    for index, (from_m, kmh) in enumerate(section.speeds):
        parts.append(f"{kmh} km/h" if index == 0 else f"{kmh} km/h from km {format_km(from_m)}")
    return ", then ".join(parts)
