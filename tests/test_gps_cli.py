"""`mmtimer gps`: a recorded drive measured as the window would; bad files are one line."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from mmtimer.cli import main
from mmtimer.paths import resource

DRIVE = resource("drives", "practice.nmea")


def test_the_bundled_drive_is_measured_within_half_a_percent(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["gps", str(DRIVE), "--json"]) == 0
    lines = capsys.readouterr().out.splitlines()
    figures = json.loads(lines[-1])
    truth = tomllib.loads(resource("drives", "practice.toml").read_text())["true_length_m"]
    assert abs(figures["distance_m"] - truth) / truth < 0.005
    assert figures["fixes"] > 2500 and figures["rejected"] >= 40
    assert figures["verdicts"]["jump"] == 1
    assert figures["bad_lines"]["bad checksum"] > 0
    assert figures["fix_lost"] and figures["fix_lost"][0]["for_s"] >= 4.9
    assert lines[0].startswith(f"{DRIVE}: 3.1")
    assert any("no fix for 5." in line for line in lines)


def test_without_json_it_is_text_only(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["gps", str(DRIVE)]) == 0
    out = capsys.readouterr().out
    assert "fixes:" in out and "{" not in out


@pytest.mark.parametrize(
    "content", [b"", b"PK\x03\x04 a zip file\x00\x01", b"time,lat,lon\n1,45.1,10.2\n"]
)
def test_a_foreign_file_is_one_line_naming_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes
) -> None:
    path = tmp_path / "drive.nmea"
    path.write_bytes(content)
    assert main(["gps", str(path), "--json"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith(f"mmtimer gps: {path}") and captured.err.count("\n") == 1
