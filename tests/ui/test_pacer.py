"""The pacer in the stage window: the practice trial started by Space, driven on the recorded
drive (fixes played on a fake clock), a landmark confirmed with K, a factor typed; GPS off by
default, banned by a stage, and a receiver that stops never shown as live."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from mmtimer.core.clock import NS_PER_S, FakeClock
from mmtimer.core.events import Other
from mmtimer.core.logfile import LogContents, read_log
from mmtimer.core.timefmt import parse_time_of_day_ms
from mmtimer.paths import resource
from mmtimer.ui.dialogs import SyncRequest
from mmtimer.ui.gps_source import GpsMode
from mmtimer.ui.stagewindow import StageWindow
from tests.ui.stagerig import fake_clock, own_settings, show_active, stage_window

STAGE = resource("stages", "practice-average.stage.toml")
DRIVE = resource("drives", "practice.nmea")
MS = 1_000_000


@dataclass
class Rig:
    window: StageWindow
    clock: FakeClock
    log: Path
    qtbot: QtBot
    answers: list[str]

    def key(
        self, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
    ) -> None:
        self.qtbot.keyClick(self.window, key, modifier)


def make_rig(qtbot: QtBot, tmp_path: Path, stage: Path = STAGE, allow_gps: bool = True) -> Rig:
    clock = fake_clock(datetime.datetime(2026, 5, 13, 13, 10, tzinfo=datetime.UTC))
    settings = own_settings(tmp_path)
    settings.setValue("gps/allowed", allow_gps)
    window = stage_window(qtbot, clock, settings)
    answers: list[str] = []
    window.pacer.ask_text = lambda title, label, text: answers.pop(0) if answers else None
    log = tmp_path / "run.mmlog"
    assert window.open_path(stage, log)
    show_active(qtbot, window, 1400, 800)
    return Rig(window, clock, log, qtbot, answers)


@pytest.fixture
def rig(qtbot: QtBot, tmp_path: Path) -> Iterator[Rig]:
    rig = make_rig(qtbot, tmp_path)
    yield rig
    rig.window.close()


def logged(rig: Rig) -> LogContents:
    """The log as it is on disk, once the writer has caught up."""
    live = rig.window.live
    assert live is not None and live.writer is not None
    live.writer.flush()
    return read_log(rig.log, keep_torn=False)


def sync(rig: Rig, official: str) -> None:
    rig.window.apply_sync(SyncRequest(rig.clock.now_ns(), parse_time_of_day_ms(official), "typed"))


def test_without_a_distance_source_the_pacer_runs_from_the_press(rig: Rig) -> None:
    pacer = rig.window.pacer
    pacer.tick()
    assert pacer.panel.isVisible()
    assert pacer.view is not None and "sync the official time" in pacer.view.ideal_label
    sync(rig, "15:10:00")
    pacer.tick()
    assert pacer.view is not None and "press at the start marker" in pacer.view.ideal_label
    rig.key(Qt.Key.Key_Space)  # the start marker
    rig.clock.advance_ns(45 * NS_PER_S)  # 45 s at 40 km/h: 500 m
    pacer.tick()
    view = pacer.view
    assert view is not None
    assert pacer.panel.ideal_km.text() == "0.500" == view.ideal_km
    assert view.average == "40.0 km/h"
    assert view.next_change.startswith("35.0 km/h at km 1.250: in 750 m, 1:07")
    assert view.car_km == "" and "trip meter" in view.source
    # K: the bridge at km 0.700, passed 3 s before its ideal time
    rig.clock.advance_ns(15 * NS_PER_S)
    rig.key(Qt.Key.Key_K)
    pacer.tick()
    view = pacer.view
    assert view is not None and view.car_km == "0.700"
    assert view.delta_s == "3.0 s early then" and view.delta_m == "33 m ahead"
    assert not view.live and view.hold == ""
    events = [e for e in logged(rig).events if isinstance(e, Other)]
    assert [e.type for e in events] == ["start", "distance"]
    assert events[1].data == {"section": "PM1", "m": 700, "source": "landmark"}


def test_gps_off_by_default_and_a_stage_can_ban_it(qtbot: QtBot, tmp_path: Path) -> None:
    rig = make_rig(qtbot, tmp_path, allow_gps=False)
    pacer = rig.window.pacer
    assert pacer.gps.mode is GpsMode.OFF
    assert not pacer.gps_file_action.isEnabled()
    assert not pacer.open_drive(DRIVE)
    rig.window.close()
    banned = tmp_path / "banned.stage.toml"
    banned.write_text(
        STAGE.read_text(encoding="utf-8").replace(
            'rules = "aci-2021"', 'rules = "aci-2021"\ngps = false'
        ),
        encoding="utf-8",
    )
    rig = make_rig(qtbot, tmp_path / "b" if (tmp_path / "b").mkdir() is None else tmp_path, banned)
    pacer = rig.window.pacer
    assert not pacer.gps_allowed() and not pacer.gps_file_action.isEnabled()
    assert "bans GPS" in pacer.gps_file_action.toolTip()
    rig.window.close()


def test_a_simulated_drive_feeds_the_distance_and_a_lost_fix_is_never_live(rig: Rig) -> None:
    pacer = rig.window.pacer
    sync(rig, "15:11:40")
    assert pacer.open_drive(DRIVE)
    assert pacer.gps.mode is GpsMode.FILE
    rig.clock.advance_ns(8 * NS_PER_S)
    rig.key(Qt.Key.Key_Space)  # the car pulls away from the start marker at 15:11:48
    for _ in range(600):  # 60 s of the drive, frame by frame
        rig.clock.advance_ns(100 * MS)
        pacer.gps._play_due()
        pacer.tick()
    view = pacer.view
    assert view is not None and view.live and view.car_label == "car · GPS"
    car_m = int(view.car_km.replace(".", ""))
    assert 600 < car_m < 800  # about 50 km/h after the start
    assert view.delta_s and view.hold.startswith("hold ")
    assert "GPS: last fix 0." in view.source
    # the receiver stops (unplugged): after 3 s the distance is no longer live
    pacer.gps.close("GPS: the receiver stopped")
    rig.clock.advance_ns(5 * NS_PER_S)
    pacer.tick()
    view = pacer.view
    assert view is not None and not view.live
    assert "GPS lost" in view.car_label and view.delta_s.endswith("then") and view.hold == ""
    log = logged(rig)
    types = [e.type for e in log.events if isinstance(e, Other)]
    assert types[:2] == ["start", "distance"] and types.count("distance") > 100
    assert "fix" in types and log.problems == ()


def test_a_typed_factor_is_a_calibrate_event(rig: Rig) -> None:
    sync(rig, "15:10:00")
    rig.key(Qt.Key.Key_Space)
    rig.answers.append("1,0125")
    assert rig.window.pacer.type_factor()
    rig.answers.append("7")  # refused: a km typed as a factor
    assert not rig.window.pacer.type_factor()
    events = [e for e in logged(rig).events if isinstance(e, Other)]
    assert [e.data for e in events if e.type == "calibrate"] == [
        {"factor": "1.0125", "reason": "typed"}
    ]


def test_replay_plots_the_distance_channel_at_the_instant(qtbot: QtBot, tmp_path: Path) -> None:
    from mmtimer.ui.replay_window import ReplayWindow, read_replay

    settings = QSettings(str(tmp_path / "r.ini"), QSettings.Format.IniFormat)
    replay = read_replay(resource("logs", "practice-average.mmlog"))
    window = ReplayWindow(replay, FakeClock(0), settings, at_ns=200 * NS_PER_S)
    qtbot.addWidget(window)
    window.show()
    plot = window.panel.distance_plot
    qtbot.waitUntil(lambda: plot._widget is not None, timeout=10_000)
    assert plot.channel is not None and plot.channel.section == "PM1"
    assert plot._cursors[0].value() == plot.channel.elapsed_s(200 * NS_PER_S)
    other = ReplayWindow(
        read_replay(resource("logs", "mille-miglia-day1.mmlog")), FakeClock(0), settings
    )
    qtbot.addWidget(other)
    assert other.panel.distance_plot.channel is None and other.panel.distance_plot.isHidden()
