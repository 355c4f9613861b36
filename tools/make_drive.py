"""Generate resources/drives/practice.nmea: a short drive whose true length is known exactly.

    .venv/bin/python tools/make_drive.py [OUT.nmea]

The car is simulated at 10 Hz on WGS84 with geographiclib: each 0.1 s step is a geodesic of
length speed x 0.1 s in the car's heading, so the true length is the sum of the steps, exactly
(written to the drive's .toml beside it, with the km of its landmarks). The road has straights,
a wide bend, S-bends, two hairpins and a stop; the receiver adds a slowly wandering error
(Gauss-Markov, 1.5 m, 30 s), a little white noise, jitter and a crawl of speed while stopped, a
5 s loss of fix (a tunnel: RMC status V, GGA quality 0), one position jumped 300 m away, and the
line faults of a real serial log: 2% of epochs dropped, some sentences cut short, bad checksums,
a line of binary noise and foreign sentences (GSV). Deterministic: a fixed seed.
"""

from __future__ import annotations

import math
import random
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from geographiclib.geodesic import Geodesic

GEO = Geodesic.WGS84
HZ = 10
DT = 1 / HZ
START = datetime(2026, 5, 13, 13, 11, 40, tzinfo=UTC)  # 15:11:40 in Italy (CEST)
ORIGIN = (45.61873, 10.36417)  # the hills north-east of Brescia
SEED = 1927

# The road: (what, length_m or seconds, speed_kmh, radius_m with sign: + left, - right)
ROAD: list[tuple[str, float, float, float]] = [
    ("stop", 8, 0, 0),
    ("straight", 700, 50, 0),
    ("bend", 130, 50, 90),
    ("straight", 420, 55, 0),
    ("bend", 45, 40, -35),
    ("bend", 45, 40, 35),
    ("bend", 45, 40, -35),
    ("straight", 350, 50, 0),
    ("stop", 20, 0, 0),
    ("straight", 300, 45, 0),
    ("bend", 80, 28, 25),  # a hairpin: about 180 degrees
    ("straight", 260, 40, 0),
    ("bend", 80, 28, -25),
    ("straight", 600, 52, 0),
    ("stop", 6, 0, 0),
]
ACCEL = 1.8  # m/s^2, gentle
TUNNEL_AT_S = 75.0  # seconds into the drive: 5 s without a fix
JUMP_AT_S = 130.0
LANDMARKS = (
    ("bridge, bend left", 2),
    ("S-bends", 4),
    ("stop sign", 8),
    ("first hairpin", 10),
    ("second hairpin", 12),
)


def _checksum(body: str) -> str:
    value = 0
    for char in body.encode("ascii"):
        value ^= char
    return f"${body}*{value:02X}"


def _lat_text(lat: float) -> tuple[str, str]:
    degrees = int(abs(lat))
    minutes = (abs(lat) - degrees) * 60
    return f"{degrees:02d}{minutes:08.5f}", "N" if lat >= 0 else "S"


def _lon_text(lon: float) -> tuple[str, str]:
    degrees = int(abs(lon))
    minutes = (abs(lon) - degrees) * 60
    return f"{degrees:03d}{minutes:08.5f}", "E" if lon >= 0 else "W"


def simulate() -> tuple[list[tuple[float, float, float, float, float]], float, list[float]]:
    """10 Hz samples (t_s, lat, lon, speed_kmh, heading) of the true path, its exact length,
    and the distance at the start of each road element."""
    lat, lon = ORIGIN
    heading = 62.0
    speed = 0.0  # m/s
    t = 0.0
    length = 0.0
    samples = [(t, lat, lon, 0.0, heading)]
    starts: list[float] = []
    for what, amount, kmh, radius in ROAD:
        starts.append(length)
        if what == "stop":
            # brake to a halt first, then wait
            while speed > 0:
                speed = max(speed - ACCEL * DT, 0.0)
                step = speed * DT
                lat, lon, heading, length = _step(lat, lon, heading, step, length)
                t += DT
                samples.append((t, lat, lon, speed * 3.6, heading))
            for _ in range(round(amount * HZ)):
                t += DT
                samples.append((t, lat, lon, 0.0, heading))
            continue
        target = kmh / 3.6
        covered = 0.0
        while covered < amount - 1e-9:
            if speed < target:
                speed = min(speed + ACCEL * DT, target)
            elif speed > target:
                speed = max(speed - ACCEL * DT, target)
            step = min(speed * DT, amount - covered)
            if radius:
                turn = math.degrees(step / abs(radius)) * (1 if radius > 0 else -1)
                heading -= turn / 2  # the chord of the arc points half way through the turn
                lat, lon, heading, length = _step(lat, lon, heading, step, length)
                heading -= turn / 2
            else:
                lat, lon, heading, length = _step(lat, lon, heading, step, length)
            covered += step
            t += DT
            samples.append((t, lat, lon, speed * 3.6, heading))
    return samples, length, starts


def _step(
    lat: float, lon: float, heading: float, step: float, length: float
) -> tuple[float, float, float, float]:
    if step <= 0:
        return lat, lon, heading, length
    leg = GEO.Direct(lat, lon, heading, step)
    return leg["lat2"], leg["lon2"], leg["azi2"], length + leg["s12"]


def sentences(samples: list[tuple[float, float, float, float, float]]) -> list[str]:
    rng = random.Random(SEED)
    bias_n = bias_e = 0.0
    sigma, tau = 1.5, 30.0
    keep = math.exp(-DT / tau)
    out: list[str] = []
    for t, true_lat, true_lon, kmh, heading in samples:
        lat, lon = true_lat, true_lon
        bias_n = bias_n * keep + rng.gauss(0, sigma * math.sqrt(1 - keep * keep))
        bias_e = bias_e * keep + rng.gauss(0, sigma * math.sqrt(1 - keep * keep))
        north = bias_n + rng.gauss(0, 0.05)
        east = bias_e + rng.gauss(0, 0.05)
        shown_kmh = max(kmh + rng.gauss(0, 0.3), 0.0)
        if kmh == 0:
            north += rng.gauss(0, 1.2)  # a parked receiver wanders
            east += rng.gauss(0, 1.2)
            shown_kmh = abs(rng.gauss(0, 0.6))
        offset = math.hypot(north, east)
        if offset > 0:
            moved = GEO.Direct(lat, lon, math.degrees(math.atan2(east, north)), offset)
            lat, lon = moved["lat2"], moved["lon2"]
        if abs(t - JUMP_AT_S) < DT / 2:
            moved = GEO.Direct(lat, lon, 300.0, 300.0)  # multipath: one fix 300 m away
            lat, lon = moved["lat2"], moved["lon2"]
        when = START + timedelta(seconds=round(t, 1))
        hms = when.strftime("%H%M%S") + f".{when.microsecond // 10_000:02d}"
        dmy = when.strftime("%d%m%y")
        in_tunnel = TUNNEL_AT_S <= t < TUNNEL_AT_S + 5
        lat_t, ns = _lat_text(lat)
        lon_t, ew = _lon_text(lon)
        course = f"{heading % 360:.1f}"
        knots = f"{shown_kmh / 1.852:.2f}"
        if in_tunnel:
            rmc = f"GPRMC,{hms},V,,,,,,,{dmy},,,N"
            gga = f"GPGGA,{hms},,,,,0,00,99.9,,M,,M,,"
        else:
            rmc = f"GPRMC,{hms},A,{lat_t},{ns},{lon_t},{ew},{knots},{course},{dmy},,,A"
            sats = 9 + int(3 * math.sin(t / 40))
            hdop = f"{0.8 + 0.2 * math.sin(t / 17):.1f}"
            gga = f"GPGGA,{hms},{lat_t},{ns},{lon_t},{ew},1,{sats:02d},{hdop},132.4,M,47.1,M,,"
        if rng.random() < 0.02:
            continue  # a dropped epoch
        for body in (rmc, gga):
            line = _checksum(body)
            roll = rng.random()
            if roll < 0.01:
                position = rng.randrange(7, len(line) - 4)
                line = (
                    line[:position] + ("7" if line[position] != "7" else "3") + line[position + 1 :]
                )
            elif roll < 0.015:
                line = line[: rng.randrange(10, len(line) - 3)]  # cut short on the wire
            elif roll < 0.02:
                continue  # one sentence of the epoch lost
            out.append(line)
        if abs(t % 1.0) < DT / 2:
            out.append(
                _checksum("GPGSV,1,1,04,03,41,111,42,04,15,270,37,06,61,010,45,13,26,292,40")
            )
        if abs(t - 200.0) < DT / 2:
            out.append("\x00\xb5b\x01\x07\\\x00garbage from a baud-rate mismatch")
    return out


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else Path("resources/drives/practice.nmea")
    samples, length, starts = simulate()
    lines = sentences(samples)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\r\n".join(lines) + "\r\n", encoding="latin-1", newline="")
    landmarks = "\n".join(
        f'  ["{starts[index] / 1000:.3f}", "{name}"],' for name, index in LANDMARKS
    )
    meta = out.with_suffix(".toml")
    meta.write_text(
        "# Written by tools/make_drive.py with the drive beside it: do not edit by hand.\n"
        f'drive = "{out.name}"\n'
        f"true_length_m = {length:.3f}  # the sum of the simulated 0.1 s geodesic steps\n"
        f"duration_s = {samples[-1][0]:.1f}\n"
        f'start_utc = "{START.isoformat().replace("+00:00", "Z")}"\n'
        f"# road-book km of the landmarks along it (start of each road element)\n"
        f"landmarks_km = [\n{landmarks}\n]\n",
        encoding="utf-8",
    )
    print(f"{out}: {len(lines)} lines, {samples[-1][0]:.1f} s, true length {length:.3f} m")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
