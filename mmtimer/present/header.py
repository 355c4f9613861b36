"""What the stage window shows above its face: the crew (number, names, car) and the
not-synced banner's words. Qt-free, so a replay or a test reads the same texts."""

from __future__ import annotations

from mmtimer.core.crew import Crew, crew_parts

NOT_SYNCED = "NOT SYNCED · press T to set the official time · a press still records"
NO_CREW = "no crew entered (C, before the stage starts)"


def crew_text(crew: Crew) -> str:
    """``#112 · Giulia Ferri / Marco Bassi · Alfa Romeo 6C 1750 SS (1929)``; the parts that
    are set, or `NO_CREW`."""
    parts = crew_parts(crew)
    return " · ".join(parts) if parts else NO_CREW


def header_text(stage_name: str, crew: Crew) -> str:
    """The line above the face: the crew, then the stage."""
    return f"{crew_text(crew)}   —   {stage_name}" if stage_name else crew_text(crew)
