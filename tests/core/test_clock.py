"""The session clock and official time of day."""

from __future__ import annotations

import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mmtimer.core.clock import NS_PER_S, FakeClock, OfficialTime, SyncPoint, SystemClock


def test_system_clock_is_monotonic_integer_ns() -> None:
    clock = SystemClock()
    readings = [clock.now_ns() for _ in range(1000)]
    assert all(isinstance(r, int) for r in readings)
    assert readings == sorted(readings)
    assert clock.utc_now().tzinfo is not None


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux clock choice")
def test_linux_uses_boottime_which_counts_sleep() -> None:
    assert SystemClock().source_name == "CLOCK_BOOTTIME"


def test_fake_clock_moves_only_when_told() -> None:
    clock = FakeClock(start_ns=5)
    assert clock.now_ns() == 5
    clock.advance_s(1.5)
    assert clock.now_ns() == 5 + 1_500_000_000
    with pytest.raises(ValueError, match="cannot go back"):
        clock.set_ns(0)
    assert (clock.utc_now() - FakeClock().utc_now()).total_seconds() == 1.5


def test_official_time_follows_the_latest_sync() -> None:
    official = OfficialTime()
    assert official.official_ns(10) is None
    ten_41 = (10 * 3600 + 41 * 60) * NS_PER_S
    official.add(SyncPoint(t_ns=0, official_ns=ten_41))
    assert official.official_ns(52 * NS_PER_S) == ten_41 + 52 * NS_PER_S
    # a re-sync 100 s in says the laptop ran 47 ms fast: later instants follow it, earlier do not
    official.add(SyncPoint(t_ns=100 * NS_PER_S, official_ns=ten_41 + 100 * NS_PER_S - 47_000_000))
    assert official.official_ns(99 * NS_PER_S) == ten_41 + 99 * NS_PER_S
    assert official.official_ns(101 * NS_PER_S) == ten_41 + 101 * NS_PER_S - 47_000_000


@given(
    st.lists(st.tuples(st.integers(0, 10**13), st.integers(0, 10**14)), max_size=20),
    st.integers(0, 10**13),
)
def test_official_time_uses_the_sync_at_or_before(syncs: list[tuple[int, int]], t: int) -> None:
    official = OfficialTime(SyncPoint(a, b) for a, b in syncs)
    before = [s for s in syncs if s[0] <= t]
    if not before:
        assert official.official_ns(t) is None
    else:
        latest_t = max(s[0] for s in before)
        # with several syncs at one instant, the one added last wins
        chosen = [s for s in syncs if s[0] == latest_t][-1]
        assert official.official_ns(t) == chosen[1] + (t - latest_t)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux event clock")
def test_linux_event_clock_is_monotonic_the_clock_of_x11_timestamps() -> None:
    from mmtimer.core.clock import NS_PER_MS, EventClock

    event_clock = EventClock.system()
    assert event_clock is not None
    assert event_clock.source_name == "CLOCK_MONOTONIC"
    stamp_ms = event_clock.now_ns() // NS_PER_MS % (1 << 32)
    assert -NS_PER_MS <= event_clock.lag_ns(stamp_ms) <= 50 * NS_PER_MS
