"""Which stage log can be resumed, and what it holds (pure: it only reads).

A log without a closing event is a stage that was not ended on purpose (a crash, a kill, a flat
battery). The window offers to carry on in it, so one stage keeps one log (the question is
ui/resume.py). What is read here is only read (``read_log(keep_torn=False)``: nothing is written,
not even the torn-tail side file); the resume itself (keeping a torn last line aside, the clock
check, the ``resume`` event) is ``LiveSession.resume_log``.

Which log is offered when a stage opens without ``--log``: the most recent log (by modification
time) of the same stage in the data folder's ``logs``, if it has no closing event. A log the
navigator chose not to resume is not offered again once a newer log of the stage exists; File >
Resume a log left open still finds it (the most recent unclosed log of the stage, older or not).
"""

from __future__ import annotations

import json
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path

from mmtimer.core.clock import NS_PER_MS
from mmtimer.core.errors import QT_TRANSLATE_NOOP, InputError, Text
from mmtimer.core.events import Event, Other, Pass
from mmtimer.core.logfile import NOTE_EVENT, RESUME_EVENT, parse_utc_stamp, read_log
from mmtimer.core.session import LiveSession, log_inputs
from mmtimer.core.stage import Stage, stage_from_json
from mmtimer.core.timefmt import format_time_of_day

HEADER_PEEK_BYTES = 1 << 20
"""How much of a log's first line the folder scan reads to compare its stage (a header is small)."""


@dataclass(frozen=True, slots=True)
class ResumableLog:
    """A log of the stage left without a closing event, as the resume question describes it.

    `passes`: the passes that count (voided ones left out). `last_at`: ``HH:MM:SS`` of the last of
    them (official time once synced, else the laptop's local time), None before any pass.
    `torn`: its last line was cut short (the resume keeps it aside in a file next to the log).
    `kept_open`: its last event is the note of "Keep the stage open" (``kept_open: true``): the
    navigator quit on purpose, mmtimer did not stop.
    """

    path: Path
    passes: int
    last_at: str | None
    torn: bool = False
    kept_open: bool = False

    def choice_text(self) -> str:
        """The resume button: ``Resume NAME (7 passes, last at 15:01:32)``."""
        return f"Resume {self.path.name} ({describe_passes(self.passes, self.last_at)})"


def describe_passes(passes: int, last_at: str | None) -> str:
    words = f"{passes} pass" + ("" if passes == 1 else "es")
    return f"{words}, last at {last_at}" if last_at is not None else words


def log_summary(session: LiveSession) -> tuple[int, str | None]:
    """(passes that count, time of day of the last of them) from the session's fold."""
    fold = session.fold
    book = fold.book
    counting = [p for key in book.counting_keys() for p in book.counting_passes(key)]
    if not counting:
        return 0, None
    last: Pass = max(counting, key=lambda p: p.seq)
    official = fold.official_ns(last.t_ns)
    if official is not None:
        return len(counting), format_time_of_day(official // NS_PER_MS, 0)
    if last.utc is not None:
        try:
            return len(counting), f"{parse_utc_stamp(last.utc).astimezone():%H:%M:%S}"
        except ValueError:
            pass
    return len(counting), None


def _not_resumable(error: InputError) -> InputError:
    return InputError(
        error.source,
        Text(
            QT_TRANSLATE_NOOP(
                "Errors", "%1: it cannot be resumed (and a log is never overwritten)"
            ),
            error.message,
        ),
        line=error.line,
        key=error.key,
    )


def inspect_log(path: Path, stage: Stage) -> ResumableLog:
    """What the log at `path` holds, if it can be resumed for `stage`: it reads cleanly (a torn
    last line is allowed), has no closing event, and its header holds the same stage.

    Never writes anything. InputError (one line, naming the file) says why it cannot be resumed.
    """
    try:
        contents = read_log(path, keep_torn=False)
        logged_stage, rules, crew = log_inputs(contents)
    except InputError as error:
        raise _not_resumable(error) from None
    if contents.closed:
        line = contents.line_of(contents.last_seq)
        raise InputError(
            path,
            Text(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "the stage was ended in this log (its closing event is at line "
                    "%1): it is finished, and a log is never overwritten; give a new "
                    "file",
                ),
                line,
            ),
        )
    if logged_stage != stage:
        if logged_stage.name == stage.name:
            why = f"a log of another version of stage {stage.name!r} (its sections differ)"
        else:
            why = f"a log of stage {logged_stage.name!r}, not of {stage.name!r}"
        raise InputError(
            path,
            Text(
                QT_TRANSLATE_NOOP(
                    "Errors", "%1: it is not resumed, and a log is never overwritten"
                ),
                why,
            ),
        )
    session = LiveSession(logged_stage, rules, crew, events=contents.events)
    passes, last_at = log_summary(session)
    torn = contents.torn_tail is not None
    return ResumableLog(path, passes, last_at, torn, not torn and kept_open(contents.events))


def kept_open(events: Sequence[Event]) -> bool:
    """The log's last event is the note "Keep the stage open" writes (``kept_open: true``)."""
    last = events[-1] if events else None
    return (
        isinstance(last, Other) and last.type == NOTE_EVENT and last.data.get("kept_open") is True
    )


def _header_stage_is(path: Path, stage: Stage) -> bool:
    """A cheap first look: does the log's header line hold `stage`? (False if unreadable.)"""
    try:
        with path.open("rb") as file:
            first = file.readline(HEADER_PEEK_BYTES)
        header = json.loads(first.decode("utf-8-sig"))
        return isinstance(header, dict) and stage_from_json(header["stage"], str(path)) == stage
    except (OSError, ValueError, KeyError, TypeError, RecursionError):
        return False


def find_resumable_log(
    folder: Path,
    stage: Stage,
    *,
    latest_only: bool = True,
    exclude: Collection[Path] = (),
) -> ResumableLog | None:
    """A log of `stage` in `folder` to offer for resume, or None.

    `latest_only`: only the most recent log of the stage counts (offered if it was left open);
    otherwise the most recent of the stage's logs that can be resumed. `exclude`: logs not to
    offer (the one this window is writing).
    """
    skip = {p.resolve() for p in exclude}
    try:
        found = [(p.stat().st_mtime_ns, p) for p in folder.glob("*.mmlog") if p.is_file()]
    except OSError:
        return None
    for _, path in sorted(found, key=lambda item: (item[0], item[1].name), reverse=True):
        if path.resolve() in skip or not _header_stage_is(path, stage):
            continue
        try:
            return inspect_log(path, stage)
        except InputError:
            if latest_only:
                return None
    return None


def resume_report(session: LiveSession) -> str:
    """What the status bar says after a resume: how much the log holds, a machine restart
    bridged with the wall clock, and a cut-short last line kept aside."""
    passes, last_at = log_summary(session)
    parts = [describe_passes(passes, last_at)]
    resume = session.events[-1] if session.events else None
    if isinstance(resume, Other) and resume.type == RESUME_EVENT:
        data = resume.data
        if data.get("clock") == "bridged":
            parts.append(
                "the session clock could not continue (restart?): bridged with the wall clock"
            )
        torn = data.get("torn_tail")
        if isinstance(torn, str):
            parts.append(f"its last line was cut short by the crash and is kept in {torn}")
    problems = len(session.problems)
    if problems:
        parts.append(f"{problems} event{'s' if problems != 1 else ''} ignored (see the log)")
    return "; ".join(parts)
