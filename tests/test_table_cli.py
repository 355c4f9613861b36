"""`mmtimer table`: the time table as CSV and as an A5 PDF; bad input is one line."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from mmtimer.cli import main
from mmtimer.paths import resource

PRACTICE = resource("stages", "practice-average.stage.toml")


def test_csv_of_one_trial_every_100_m(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "pm2.csv"
    assert main(["table", str(PRACTICE), "--section", "PM2", "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text[1:])))
    assert rows[0] == ["section", "km", "ideal", "mark"]
    assert rows[1] == ["PM2", "0.000", "15:40:00.00", "start 48.0 km/h"]
    assert ["PM2", "0.100", "15:40:07.50", ""] in rows  # 100 m at 48 km/h: 7.5 s
    assert ["PM2", "2.350", "15:42:56.25", "check 1"] in rows
    assert ["PM2", "5.200", "15:46:30.00", "40.0 km/h"] in rows
    assert rows[-1] == ["PM2", "11.250", "15:55:14.02", "check 3"]  # 14.022... cut, not rounded
    assert {row[0] for row in rows[1:]} == {"PM2"}
    assert "rows" in capsys.readouterr().out


def test_every_takes_km_from_10_m_to_1_km(tmp_path: Path) -> None:
    out = tmp_path / "t.csv"
    assert main(["table", str(PRACTICE), "--every", "1", "-o", str(out)]) == 0
    kms = [row[1] for row in csv.reader(io.StringIO(out.read_text(encoding="utf-8")[1:]))]
    assert "1.000" in kms and "0.100" not in kms
    assert {row for row in kms[1:]} >= {"0.000", "1.000", "2.000", "3.000"}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--every", "0.005"], "0.010 to 1.000 km"),
        (["--every", "2"], "0.010 to 1.000 km"),
        (["--every", "abc"], "--every abc"),
        (["--section", "PC9"], "no average trial 'PC9'"),
    ],
)
def test_bad_options_are_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    out = tmp_path / "t.csv"
    assert main(["table", str(PRACTICE), *args, "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1
    assert not out.exists()


def test_a_bad_stage_is_one_line_naming_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stage = tmp_path / "bad.stage.toml"
    stage.write_text('format = "mmtimer-stage/1"\nname = 3\n', encoding="utf-8")
    assert main(["table", str(stage), "-o", str(tmp_path / "t.csv")]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"mmtimer table: {stage}") and err.count("\n") == 1


def test_a_stage_without_average_trials_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stage = resource("stages", "mille-miglia-day1.stage.toml")
    assert main(["table", str(stage), "--section", "PC1", "-o", str(tmp_path / "t.csv")]) == 2
    assert "average trials: PM1" in capsys.readouterr().err


def test_an_output_that_is_neither_csv_nor_pdf_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["table", str(PRACTICE), "-o", str(tmp_path / "t.xlsx")]) == 2
    assert "OUT.csv or OUT.pdf" in capsys.readouterr().err


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils (.ci/run installs it)")
def test_the_pdf_is_a5_with_the_marks_and_the_rounding_note(tmp_path: Path) -> None:
    out = tmp_path / "table.pdf"
    done = subprocess.run(
        [sys.executable, "-m", "mmtimer", "table", str(PRACTICE), "-o", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "(A5)" in done.stdout
    assert out.read_bytes().startswith(b"%PDF")
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True)
    size = next(line for line in info.stdout.splitlines() if line.startswith("Page size"))
    width, height = (float(v) for v in size.split(":")[1].split("pts")[0].split(" x "))
    assert abs(width - 419.5) < 1.5 and abs(height - 595.3) < 1.5  # A5 in points
    text = subprocess.run(
        ["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "PM1" in text and "PM2" in text
    assert "check 1" in text and "35.0 km/h" in text and "stop sign" in text
    # marks longer than their room are made smaller or wrapped, not cut short
    assert "start 40.0 km/h" in text and "bridge, bend left" in text and "…" not in text
    assert "15:42:56.25" in text  # PM2 check 1
    assert "cut down to the 1s" in text  # how aci-2021 rounds ideals when it scores
    assert "starts at your press" in text


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils (.ci/run installs it)")
def test_a_time_table_over_pages_heads_every_column_with_its_titles(tmp_path: Path) -> None:
    stage = tmp_path / "long.stage.toml"
    stage.write_text(
        'format = "mmtimer-stage/1"\nname = "Long"\nrules = "aci-2021"\n\n[[section]]\n'
        'id = "PM1"\nkind = "average"\nstart = "10:00"\nspeed_kmh = "40"\n'
        'checks_km = ["5.000", "12.000"]\n',
        encoding="utf-8",
    )
    out = tmp_path / "table.pdf"
    assert main(["table", str(stage), "-o", str(out)]) == 0
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True)
    pages = int(info.stdout.split("Pages:")[1].split()[0])
    assert pages == 3  # 121 rows, 2 columns of 25 or so a page
    for page in range(1, pages + 1):
        text = subprocess.run(
            ["pdftotext", "-layout", "-f", str(page), "-l", str(page), str(out), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        heads = [line.split() for line in text.splitlines() if "Ideal time" in line]
        titles = ["km", "Ideal", "time", "Marks"]
        assert heads and heads[0] in (titles, titles * 2), (page, heads)  # a column or two
        if page > 1:
            assert "PM1 (continued)" in text
