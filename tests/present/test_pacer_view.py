"""present.pacer: the pacer's texts, and the replay's distance channel from a log."""

from __future__ import annotations

from decimal import Decimal

from mmtimer.core.distance import CarDistance
from mmtimer.core.gps import FixState
from mmtimer.core.logfile import read_log
from mmtimer.core.pacer import Schedule
from mmtimer.core.rules import load_rules
from mmtimer.core.stage import AverageTrial, stage_from_json
from mmtimer.paths import resource
from mmtimer.present.pacer import PacerTone, distance_channels, pacer_view

S = 1_000_000_000
PM = AverageTrial("PM1", 0, ((0, Decimal("48.0")), (5_200, Decimal("40.0"))), (7_800,))
FIX = FixState(True, S // 2, 9, 1, "used", 100, 2)


def test_a_live_car_behind_is_late_red_with_a_speed_to_hold() -> None:
    car = CarDistance(3_900_000, "gps", S // 2, True, Decimal(1))
    view = pacer_view(Schedule(PM), 300 * S, car, FIX, gps_on=True)
    assert (view.ideal_km, view.car_km) == ("4.000", "3.900")
    assert view.delta_s == "7.5 s late" and view.delta_m == "100 m behind"
    assert view.tone is PacerTone.LATE and view.hold == "hold 52.0 km/h"
    assert view.next_change == "40.0 km/h at km 5.200: in 1300 m, 1:30"
    assert view.source == "GPS: last fix 0.5 s ago, 9 satellites, 2 rejected"


def test_a_stale_distance_is_never_shown_as_live() -> None:
    car = CarDistance(3_900_000, "gps", 10 * S, False, Decimal(1))
    lost = FixState(False, 10 * S, 4, 1, "used", 100, 2)
    view = pacer_view(Schedule(PM), 300 * S, car, lost, gps_on=True)
    assert not view.live and view.tone is PacerTone.NEUTRAL
    assert view.car_label == "car · GPS lost 10 s ago"
    assert view.delta_s.endswith(" then") and view.hold == ""
    assert view.source.startswith("GPS: no fix for 10 s")
    # ahead/behind is taken when the reading was made (10 s ago: ideal 3866.7 m then)
    assert view.delta_m == "33 m ahead"


def test_the_practice_log_has_its_distance_channel() -> None:
    contents = read_log(resource("logs", "practice-average.mmlog"), keep_torn=False)
    stage = stage_from_json(contents.header.stage, "log")
    (channel,) = distance_channels(stage, load_rules(stage.rules), contents.events)
    assert channel.section == "PM1" and len(channel.points) > 400
    first, last = channel.points[0], channel.points[-1]
    assert first.elapsed_s == 0 and first.car_m == 0
    assert 3_100 < last.car_m < 3_200  # the drive, calibrated by 0.9985 after 42 s
    landmark = next(p for p in channel.points if p.car_m == 1250)  # confirmed at the S-bends
    assert landmark.deviation_s < 0  # the car was early there
    assert channel.elapsed_s(channel.start_t_ns + 5 * S) == 5


def test_a_log_without_distances_has_no_channel() -> None:
    contents = read_log(resource("logs", "mille-miglia-day1.mmlog"), keep_torn=False)
    stage = stage_from_json(contents.header.stage, "log")
    assert distance_channels(stage, load_rules(stage.rules), contents.events) == ()
