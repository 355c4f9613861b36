"""The stage as the stage panel lists it: each section, its lines, what each line targets."""

from __future__ import annotations

from dataclasses import dataclass

from mmtimer.core.clock import NS_PER_MS
from mmtimer.core.rules import RuleSet
from mmtimer.core.scoring import ideal_target_ns
from mmtimer.core.stage import Stage, TimeControl, TimedSection
from mmtimer.core.timefmt import format_duration, format_km, format_time_of_day
from mmtimer.present.formats import duration_text


@dataclass(frozen=True, slots=True)
class LineView:
    """One timing line (or check, or time card): its label and what it targets."""

    label: str  # "line 2", "check 1", "time card"
    target: str  # "15.00", "due 10:42", "km 2.350 · 10:52:56.25"


@dataclass(frozen=True, slots=True)
class SectionView:
    id: str
    title: str  # "timed trial", "time control", "average trial from 10:50:00"
    lines: tuple[LineView, ...]


def section_views(stage: Stage, rules: RuleSet) -> tuple[SectionView, ...]:
    """What the panel shows of a stage: each section's lines and their targets."""
    views: list[SectionView] = []
    for section in stage.sections:
        if isinstance(section, TimedSection):
            lines = [LineView("line 1", "start")]
            for line in range(2, section.lines + 1):
                target = duration_text(section.target_ms(line))
                if section.targets_from == "start":
                    target += " from line 1"
                lines.append(LineView(f"line {line}", target))
            views.append(SectionView(section.id, "timed trial", tuple(lines)))
        elif isinstance(section, TimeControl):
            due = format_time_of_day(section.due_ms, 0)[:5]
            views.append(
                SectionView(section.id, "time control", (LineView("time card", f"due {due}"),))
            )
        else:
            start = format_time_of_day(section.start_ms, 0)
            checks = []
            for check in range(1, section.lines + 1):
                km = format_km(section.checks_m[check - 1])
                if section.start_press:  # the ideal is known once the start is pressed
                    ideal = format_duration(
                        int(section.ideal_elapsed_ms(section.checks_m[check - 1])), 2
                    )
                    checks.append(LineView(f"check {check}", f"km {km} · +{ideal}"))
                    continue
                ideal_ms = ideal_target_ns(section, check, rules.average) // NS_PER_MS
                checks.append(
                    LineView(f"check {check}", f"km {km} · {format_time_of_day(ideal_ms, 2)}")
                )
            title = (
                "average trial from the start press"
                if section.start_press
                else (f"average trial from {start}")
            )
            views.append(SectionView(section.id, title, tuple(checks)))
    return tuple(views)
