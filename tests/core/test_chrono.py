"""The chronograph behaves as the watch: properties over random pusher sequences."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mmtimer.core.chrono import ChronoAction, ChronoError, Chronograph

S = 1_000_000_000


def test_start_stop_reset_like_the_watch() -> None:
    chrono = Chronograph().start(10 * S)
    assert chrono.running
    assert chrono.elapsed_ns(12 * S) == 2 * S
    with pytest.raises(ChronoError, match="stop the chronograph"):
        chrono.reset()
    chrono = chrono.start_stop(13 * S)
    assert not chrono.running
    assert chrono.elapsed_ns(99 * S) == 3 * S  # frozen while stopped
    chrono = chrono.start_stop(20 * S)  # restart adds on
    assert chrono.elapsed_ns(21 * S) == 4 * S
    chrono = chrono.stop(21 * S).reset()
    assert chrono == Chronograph()


def test_split_and_lap_need_a_running_chronograph() -> None:
    with pytest.raises(ChronoError):
        Chronograph().split(0)
    chrono = Chronograph().start(0).split(5 * S).lap(7 * S).lap(10 * S)
    assert [m.elapsed_ns for m in chrono.marks] == [5 * S, 7 * S, 10 * S]
    assert chrono.lap_times_ns(12 * S) == (7 * S, 3 * S, 2 * S)


@st.composite
def pusher_sequences(draw: st.DrawFn) -> list[tuple[ChronoAction, int]]:
    steps = draw(
        st.lists(
            st.tuples(st.sampled_from(list(ChronoAction)), st.integers(0, 10**11)), max_size=40
        )
    )
    t = 0
    out = []
    for action, gap in steps:
        t += gap
        out.append((action, t))
    return out


def run(seq: list[tuple[ChronoAction, int]]) -> list[tuple[int, Chronograph]]:
    chrono = Chronograph()
    states = [(0, chrono)]
    for action, t in seq:
        try:
            chrono = chrono.apply(action, t)
        except ChronoError:
            continue  # a pusher pressed where the watch ignores it
        states.append((t, chrono))
    return states


@given(pusher_sequences(), st.integers(0, 10**11))
def test_elapsed_never_negative_grows_while_running_frozen_while_stopped(
    seq: list[tuple[ChronoAction, int]], probe_gap: int
) -> None:
    for t, chrono in run(seq):
        elapsed = chrono.elapsed_ns(t)
        later = chrono.elapsed_ns(t + probe_gap)
        assert elapsed >= 0
        if chrono.running:
            assert later == elapsed + probe_gap
        else:
            assert later == elapsed


@given(pusher_sequences(), st.integers(0, 10**11))
def test_laps_add_up_to_the_elapsed_time(seq: list[tuple[ChronoAction, int]], gap: int) -> None:
    t, chrono = run(seq)[-1]
    assert sum(chrono.lap_times_ns(t + gap)) == chrono.elapsed_ns(t + gap)
    assert all(lap >= 0 for lap in chrono.lap_times_ns(t + gap))
