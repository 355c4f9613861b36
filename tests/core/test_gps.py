"""GPS fixes folded into distance, and NMEA sentences into fixes: filters, faults, files."""

from __future__ import annotations

import math
import tomllib
from pathlib import Path

import pytest
from geographiclib.geodesic import Geodesic
from hypothesis import given
from hypothesis import strategies as st

from mmtimer.core.errors import InputError
from mmtimer.core.gps import Fix, GpsTrack, geodesic_m, near_m
from mmtimer.core.nmea import NmeaFixes, read_nmea_file
from mmtimer.paths import resource

S = 1_000_000_000
GEO = Geodesic.WGS84
ORIGIN = (45.6, 10.3)


def along(metres: float, azimuth: float = 45.0) -> tuple[float, float]:
    point = GEO.Direct(*ORIGIN, azimuth, metres)
    return point["lat2"], point["lon2"]


def fix(t_s: float, metres: float, kmh: float | None = 50.0, **more: object) -> Fix:
    lat, lon = along(metres)
    fields: dict[str, object] = {"quality": 1, "sats": 9, "hdop": 0.9}
    fields.update(more)
    return Fix(round(t_s * S), lat, lon, speed_kmh=kmh, **fields)  # type: ignore[arg-type]


def test_a_straight_drive_measures_its_length() -> None:
    track = GpsTrack()
    for second in range(0, 101):
        assert track.add(fix(second, 14.0 * second)) == "used"
    assert track.distance_m == pytest.approx(1400.0, abs=0.01)


def test_a_parked_car_that_jitters_adds_nothing() -> None:
    track = GpsTrack()
    track.add(fix(0, 0, kmh=0.0))
    for step in range(1, 300):
        wobble = GEO.Direct(*ORIGIN, step * 37 % 360, 3 + step % 5)
        verdict = track.add(Fix(step * S // 10, wobble["lat2"], wobble["lon2"], 1, 0.4, 7, 1.2))
        assert verdict == "stopped"
    assert track.distance_m == 0


def test_one_fix_far_away_is_a_jump_and_costs_nothing() -> None:
    track = GpsTrack()
    for second in range(0, 10):
        track.add(fix(second, 14.0 * second))
    far = GEO.Direct(*ORIGIN, 300, 500)
    assert track.add(Fix(10 * S, far["lat2"], far["lon2"], 1, 50.0, 9, 0.9)) == "jump"
    for second in range(11, 21):
        assert track.add(fix(second, 14.0 * second)) == "used"
    assert track.distance_m == pytest.approx(280.0, abs=0.01)
    assert track.rejected == 1


def test_a_jump_that_lasts_becomes_the_new_place_without_counting_the_gap() -> None:
    track = GpsTrack()
    for second in range(0, 5):
        track.add(fix(second, 14.0 * second))
    verdicts = [track.add(fix(second, 2000 + 14.0 * second)) for second in range(5, 12)]
    assert verdicts[:3] == ["jump", "jump", "regained"]
    assert set(verdicts[3:]) == {"used"}
    # 0..4 s counted (56 m); taken again at 7 s, then 4 steps (56 m); the gap is not counted
    assert track.distance_m == pytest.approx(56 + 56, abs=0.01)


def test_fixes_without_quality_or_precision_or_in_the_past_are_rejected() -> None:
    track = GpsTrack()
    assert track.add(fix(0, 0)) == "used"
    assert track.add(fix(1, 14, quality=0)) == "no fix"
    assert track.add(fix(2, 28, quality=6)) == "no fix"  # dead reckoning is not a measurement
    assert track.add(Fix(3 * S, math.nan, 10.0, 1)) == "no fix"
    assert track.add(fix(4, 56, hdop=25.0)) == "poor"
    assert track.add(fix(4, 56)) == "stale"
    assert track.add(fix(5, 70)) == "used"
    assert track.distance_m == pytest.approx(70.0, abs=0.01)
    state = track.state(5 * S)
    assert state.good and state.used == 2 and state.rejected == 5


def test_the_fix_state_goes_bad_when_fixes_stop_coming() -> None:
    track = GpsTrack()
    track.add(fix(0, 0))
    assert track.state(2 * S).good
    state = track.state(10 * S)
    assert not state.good and state.age_ns == 10 * S and state.sats == 9


coordinates = st.floats(allow_nan=True, allow_infinity=True, width=32)


@given(
    st.lists(
        st.tuples(
            st.integers(0, 10 * S),
            coordinates,
            coordinates,
            st.integers(-1, 9),
            st.none() | st.floats(-10, 400),
            st.none() | st.floats(allow_nan=True),
        ),
        max_size=40,
    )
)
def test_any_fixes_give_a_finite_distance_that_never_falls(
    fixes: list[tuple[int, float, float, int, float | None, float | None]],
) -> None:
    track = GpsTrack()
    previous = 0.0
    for t_ns, lat, lon, quality, kmh, hdop in fixes:
        track.add(Fix(t_ns, lat, lon, quality, kmh, None, hdop))
        assert math.isfinite(track.distance_m) and track.distance_m >= previous
        previous = track.distance_m


# -- NMEA ---------------------------------------------------------------------------------------
def sentence(body: str) -> bytes:
    value = 0
    for char in body.encode():
        value ^= char
    return f"${body}*{value:02X}\r\n".encode()


RMC = "GPRMC,101500.00,A,4536.00000,N,01018.00000,E,27.00,45.0,130526,,,A"
GGA = "GPGGA,101500.00,4536.00000,N,01018.00000,E,1,08,0.9,120.0,M,47.0,M,,"


def test_an_epoch_of_rmc_and_gga_is_one_fix_with_speed_quality_and_satellites() -> None:
    parser = NmeaFixes()
    assert parser.feed_line(sentence(RMC)) == []  # waits: the receiver's pattern is not known
    assert parser.feed_line(sentence(GGA)) == []
    (first,) = parser.feed_line(sentence(RMC.replace("101500.00", "101500.10")))
    assert first.quality == 1 and first.sats == 8 and first.hdop == 0.9
    assert first.speed_kmh == pytest.approx(27 * 1.852)
    assert first.lat == pytest.approx(45.6) and first.lon == pytest.approx(10.3)
    # from now on an epoch is given out as soon as both sentences are in
    assert len(parser.feed_line(sentence(GGA.replace("101500.00", "101500.10")))) == 1


def test_status_v_and_quality_0_are_fixes_without_quality() -> None:
    parser = NmeaFixes()
    lines = [
        sentence("GPRMC,101500.00,V,,,,,,,130526,,,N"),
        sentence("GPGGA,101500.00,,,,,0,00,99.9,,M,,M,,"),
    ]
    (only,) = parser.feed_lines(lines)
    assert only.quality == 0 and not only.has_position


def test_bad_sentences_are_counted_and_skipped_never_raised() -> None:
    parser = NmeaFixes()
    good = sentence(RMC)
    bad_sum = good[:-4] + (b"00" if good[-4:-2] != b"00" else b"11") + b"\r\n"
    for line in (bad_sum, b"$GPRMC,1015", b"hello", b"\x00\xff\xfe", good):
        parser.feed_line(line)
    assert parser.problems["bad checksum"] == 1
    assert parser.problems["cut short"] == 1
    assert parser.problems["not NMEA"] == 2
    assert parser.sentences == 1


@given(st.binary(max_size=200))
def test_any_bytes_are_taken_without_an_exception(data: bytes) -> None:
    parser = NmeaFixes()
    for line in data.split(b"\n"):
        parser.feed_line(line)
    parser.flush()


@given(st.text(alphabet="$GPRMCA,.*0123456789NSEW", max_size=90))
def test_any_sentence_like_text_is_taken_without_an_exception(text: str) -> None:
    parser = NmeaFixes()
    parser.feed_line(text)
    parser.feed_line(sentence(text.lstrip("$").split("*")[0] or "GPRMC"))
    parser.flush()


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b'{"type": "header"}\n{"type": "pass"}\n',
        b"\x89PNG\r\n\x1a\n\x00\x00",
        b"$GPRMC,1*00\n",
    ],
)
def test_a_foreign_or_corrupt_file_is_one_line_naming_it(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "drive.nmea"
    path.write_bytes(content)
    with pytest.raises(InputError) as caught:
        read_nmea_file(path)
    message = str(caught.value)
    assert message.startswith(str(path)) and "\n" not in message
    assert path.read_bytes() == content


def test_a_missing_file_is_one_line_naming_it(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read"):
        read_nmea_file(tmp_path / "none.nmea")


def test_the_bundled_drive_measures_within_half_a_percent_of_its_true_length() -> None:
    drive = resource("drives", "practice.nmea")
    truth = tomllib.loads(resource("drives", "practice.toml").read_text())["true_length_m"]
    recorded = read_nmea_file(drive)
    assert recorded.problems["bad checksum"] > 0 and recorded.problems["cut short"] > 0
    assert recorded.problems["not NMEA"] == 1  # the binary noise
    track = GpsTrack()
    verdicts = [track.add(one) for one in recorded.fixes]
    assert "jump" in verdicts and "no fix" in verdicts and "stopped" in verdicts
    assert abs(track.distance_m - truth) / truth < 0.005


def test_geodesic_distance_is_wgs84() -> None:
    # one degree of latitude at the equator is 110574.389 m on WGS84
    assert geodesic_m(0, 0, 1, 0) == pytest.approx(110_574.389, abs=0.01)


@given(
    st.floats(min_value=-80, max_value=80),
    st.floats(min_value=-180, max_value=180),
    st.floats(min_value=0, max_value=360),
    st.floats(min_value=0, max_value=1000),
)
def test_the_thresholds_local_distance_is_the_geodesic_within_a_millimetre(
    lat: float, lon: float, azimuth: float, metres: float
) -> None:
    """The track judges jumps, stops and the least step on `near_m` (cheaper); it must agree
    with the geodesic to well under the thresholds' scale (the metres counted are geodesics)."""
    there = GEO.Direct(lat, lon, azimuth, metres)
    near = near_m(lat, lon, there["lat2"], there["lon2"])
    assert near == pytest.approx(there["s12"], abs=1e-3)
