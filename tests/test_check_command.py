"""`mmtimer check STAGE`: a readable summary, or one error line and exit status 2."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from mmtimer.cli import main
from mmtimer.paths import resource

MM_DAY1 = resource("stages", "mille-miglia-day1.stage.toml")


def test_check_prints_sections_targets_and_ideal_times(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(MM_DAY1)]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert "Stage: 1000 Miglia - Day 1, Brescia to Cervia-Milano Marittima" in out
    assert "Rules: mille-miglia" in out
    assert "6 sections, 14 passes to record" in out
    assert "PC1  timed trial, 3 lines, targets from the previous line" in out
    assert "line 3:    6.00 s  from line 2" in out
    assert "PC3  timed trial, 3 lines, targets from the first line" in out
    assert "line 3:   17.50 s  from line 1" in out
    assert "CO1  time control, due 15:05" in out
    assert "40.0 km/h, then 35.0 km/h from km 3.000" in out
    # 2.350 km at 40 km/h = 211.5 s after 15:12:00; scored on the second by the rule set
    assert "check 1: km 2.350  ideal 15:15:31.50  (scored as 15:15:31.00 at 1s)" in out
    assert "check 2: km 5.800  ideal 15:21:18.00\n" in out


def test_check_of_the_tsd_example(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(resource("stages", "tsd-club.stage.toml"))]) == 0
    out = capsys.readouterr().out
    assert "Rules: tsd-cscc" in out
    assert "check 4: km 12.400  ideal 09:19:41.00" in out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("format = 1 2", "bad.stage.toml:1: not valid TOML"),
        (
            'format = "mmtimer-stage/1"\nname = "x"\nrules = "nope"\n'
            '[[section]]\nid = "CO1"\nkind = "time-control"\ndue = "10:00"\n',
            "bad.stage.toml:3: rules: unknown rule set",
        ),
    ],
)
def test_check_of_a_bad_file_prints_one_line_and_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, expected: str
) -> None:
    path = tmp_path / "bad.stage.toml"
    path.write_text(text, encoding="utf-8")
    assert main(["check", str(path)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1
    assert expected in err
    assert path.read_text(encoding="utf-8") == text


def test_check_reports_a_bad_rule_set_file_next_to_the_stage(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stage = MM_DAY1.read_text(encoding="utf-8").replace('"mille-miglia"', '"club.rules.toml"')
    (tmp_path / "day.stage.toml").write_text(stage, encoding="utf-8")
    (tmp_path / "club.rules.toml").write_text('format = "mmtimer-rules/1"\n', encoding="utf-8")
    assert main(["check", str(tmp_path / "day.stage.toml")]) == 2
    assert "club.rules.toml: id: missing" in capsys.readouterr().err


def test_check_in_a_subprocess_has_no_traceback_and_no_qt(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "mmtimer", "check", str(tmp_path / "none.stage.toml")],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={"PATH": "", "QT_QPA_PLATFORM": "none-such"},
    )
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.strip() == f"mmtimer check: {tmp_path / 'none.stage.toml'}: no such file"


def test_check_shows_each_time_controls_leg_factor_and_maximum(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stage = tmp_path / "conc.stage.toml"
    stage.write_text(
        'format = "mmtimer-stage/1"\nname = "Concentration"\nrules = "aci-2021"\n'
        "max_late_min = 15\n"
        '[[section]]\nid = "CO1"\nkind = "time-control"\ndue = "10:00"\n'
        '[[section]]\nid = "CO2"\nkind = "time-control"\ndue = "11:00"\n'
        '[[leg]]\nname = "concentration"\nfrom = "CO1"\nto = "CO1"\nfactor = "0.5"\n',
        encoding="utf-8",
    )
    assert main(["check", str(stage)]) == 0
    out = capsys.readouterr().out
    assert (
        "leg factor 0.5 (concentration): not allowed by aci-2021, not applied; "
        "at most 15 min late (1000 beyond it)\n" in out
    )
    assert (
        " 2  CO2  time control, due 11:00\n         at most 15 min late (1000 beyond it)\n" in out
    )
    monte = stage.read_text(encoding="utf-8").replace("aci-2021", "monte-carlo-historique")
    stage.write_text(monte, encoding="utf-8")
    assert main(["check", str(stage)]) == 0
    out = capsys.readouterr().out
    assert (
        "leg factor 0.5 (concentration); at most 15 min late "
        "(monte-carlo-historique states no penalty beyond it)\n" in out
    )
