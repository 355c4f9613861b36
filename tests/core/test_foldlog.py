"""fold_log_file: a log folded as it is read answers as a replay of the whole log at its end."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mmtimer.core.events import Event, Other, Pass, Void
from mmtimer.core.logfile import event_line, header_line, read_log
from mmtimer.core.replay import Replay, fold_log_file
from mmtimer.core.scoring import NotCausalError
from mmtimer.core.session import LiveSession, new_log_header
from tests.core.test_replay import UTC0, ops, run
from tests.core.test_replay_seek import recorded

S = 1_000_000_000


def write(folder: Path, session: LiveSession, events: tuple[Event, ...] | None = None) -> Path:
    path = folder / "fold.mmlog"
    header = new_log_header(session.stage, session.crew, UTC0)
    chosen = session.events if events is None else events
    path.write_bytes(header_line(header) + b"".join(event_line(e) for e in chosen))
    return path


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.tuples(ops, st.booleans()), max_size=30), st.booleans())
def test_a_folded_log_answers_as_its_replay_at_the_end(
    tmp_path: Path, actions: list[tuple[tuple[object, ...], bool]], torn: bool
) -> None:
    session = recorded([])
    t_ns = 0
    for op, undo in actions:
        t_ns += 0 if op[0] in ("void_last", "void") else int(op[1])  # type: ignore[call-overload]
        run(session, op, t_ns)
        if undo and not session.fold.closed and session.last_action() is not None:
            session.undo_last(t_ns)
    path = write(tmp_path, session)
    if torn:  # a last line cut short: reported by both, ignored by both
        with path.open("ab") as file:
            file.write(b'{"type":"pass","seq":')
    folded = fold_log_file(path)
    contents = read_log(path, keep_torn=False)
    replay = Replay(contents)
    assert folded.problems == replay.problems
    assert folded.ends_closed == contents.closed
    assert folded.closed == replay.closed_at(replay.end_ns)
    assert folded.results(live=False) == replay.final_results()
    live = not folded.closed
    assert folded.results(live=live) == replay.state_at(replay.end_ns).results
    assert (folded.stage, folded.rules, folded.crew) == (replay.stage, replay.rules, replay.crew)


def test_a_log_the_folds_cannot_take_one_event_at_a_time_says_so(tmp_path: Path) -> None:
    session = recorded([])
    session.press(10 * S)
    events = (*session.events, Void(2, 3, "names a later seq"), Pass(3, 20 * S, "PC1", 2))
    with pytest.raises(NotCausalError):
        fold_log_file(write(tmp_path, session, events))


def test_a_note_after_the_close_leaves_the_log_closed_but_not_ending_closed(
    tmp_path: Path,
) -> None:
    session = recorded([])
    session.press(10 * S)
    session.close(20 * S)
    events = (*session.events, Other(3, "note", {"text": "after"}, 30 * S))
    folded = fold_log_file(write(tmp_path, session, events))
    assert folded.closed and not folded.ends_closed
