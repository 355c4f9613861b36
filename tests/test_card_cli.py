"""`mmtimer card`: the navigator's card as text and as an A5 or A4 PDF, read back with poppler."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from mmtimer.cli import main
from mmtimer.paths import resource

DAY1 = resource("stages", "mille-miglia-day1.stage.toml")
PRACTICE = resource("stages", "practice-average.stage.toml")
poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="poppler-utils (.ci/run installs it)"
)


def pdf_text(path: Path) -> str:
    done = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    )
    return done.stdout


def page_size(path: Path) -> str:
    done = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    return next(line for line in done.stdout.splitlines() if line.startswith("Page size"))


def test_text_card_lists_every_line_target_due_and_ideal(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["card", str(DAY1)]) == 0
    out = capsys.readouterr().out
    # PC2: four lines, 21.50 s then 9.80 s then 33.00 s, each from the line before
    assert "line 2  21.50  from line 1" in out
    assert "line 4  33.00  from line 3" in out
    # PC3: targets from the first line
    assert "line 3  17.50  from line 1" in out
    assert "time card  15:05" in out and "time card  15:40" in out
    # PM1 from 15:12:00 at 40 km/h: km 2.350 takes 2.35 / 40 h = 211.5 s -> 15:15:31.50; the
    # rule set cuts it to the second when it scores. 35 km/h from km 3.000 (reached at
    # 15:16:30.00): km 5.800 is 2.8 / 35 h = 288 s later -> 15:21:18.00.
    assert "check 1  km 2.350  15:15:31.50  scored as 15:15:31.00" in out
    assert "km 3.000  15:16:30.00  35.0 km/h" in out
    assert "check 2  km 5.800  15:21:18.00" in out
    assert "start  km 0.000  15:12:00  40.0 km/h" in out


@poppler
def test_pdf_card_a5_reads_back(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "card.pdf"
    assert main(["card", str(DAY1), "-o", str(out)]) == 0
    assert "1 page (A5)" in capsys.readouterr().out
    text = pdf_text(out)
    for needle in ("Navigator's card", "PC1", "PC2", "CO1", "PM1", "PC3", "CO2"):
        assert needle in text
    for needle in ("21.50", "33.00", "15:05", "15:40", "15:15:31.50", "15:21:18.00"):
        assert needle in text
    assert page_size(out).endswith("(A5)")
    assert not list(tmp_path.glob(".*.part"))


@poppler
def test_pdf_card_a4_and_a_long_stage_runs_on(tmp_path: Path) -> None:
    stage = tmp_path / "long.stage.toml"
    sections = "".join(
        f'[[section]]\nid = "PC{n}"\nkind = "timed"\ntargets = ["1{n % 10}.00", "6.00"]\n\n'
        for n in range(1, 61)
    )
    stage.write_text(f'format = "mmtimer-stage/1"\nname = "Long"\nrules = "aci-2021"\n\n{sections}')
    out = tmp_path / "card.pdf"
    assert main(["card", str(stage), "-o", str(out), "--page", "A4"]) == 0
    text = pdf_text(out)
    assert page_size(out).endswith("(A4)")
    assert "PC1 " in text and "PC60" in text
    assert "Long (continued)" in text  # 60 sections do not fit one page


def test_bad_stage_and_bad_output_are_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stage = tmp_path / "bad.stage.toml"
    stage.write_text('format = "mmtimer-stage/1"\nname = 3\n', encoding="utf-8")
    assert main(["card", str(stage), "-o", str(tmp_path / "c.pdf")]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"mmtimer card: {stage}") and err.count("\n") == 1
    assert main(["card", str(DAY1), "-o", str(tmp_path / "c.txt")]) == 2
    assert "name it CARD.pdf" in capsys.readouterr().err
    assert not (tmp_path / "c.pdf").exists()


def page_text(path: Path, page: int) -> str:
    done = subprocess.run(
        ["pdftotext", "-layout", "-f", str(page), "-l", str(page), str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


@poppler
def test_every_page_of_the_card_repeats_the_column_titles(tmp_path: Path) -> None:
    stage = tmp_path / "long.stage.toml"
    sections = "".join(
        f'[[section]]\nid = "PC{n}"\nkind = "timed"\ntargets = ["1{n % 10}.00", "6.00"]\n\n'
        for n in range(1, 31)
    )
    stage.write_text(f'format = "mmtimer-stage/1"\nname = "Long"\nrules = "aci-2021"\n\n{sections}')
    out = tmp_path / "card.pdf"
    assert main(["card", str(stage), "-o", str(out)]) == 0
    pages = int(
        subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True)
        .stdout.split("Pages:")[1]
        .split()[0]
    )
    assert pages >= 3
    for page in range(1, pages + 1):
        lines = [line.split() for line in page_text(out, page).splitlines() if line.strip()]
        titles = ["Line", "Target", "Due", "Ideal", "Note"]
        first_row = next(i for i, words in enumerate(lines) if words[:1] == ["line"])
        assert titles in lines[:first_row], (page, lines[:first_row])  # above the rows
        if page > 1:
            assert lines[0] == ["Long", "(continued)"]
