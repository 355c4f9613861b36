"""`mmtimer import` (road-book rows -> stage) and `mmtimer export EVENT.event.toml`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from mmtimer.cli import main
from mmtimer.core.stage import TimeControl, TimedSection, load_stage
from mmtimer.paths import resource

TABLE = (
    "TAPPA 2 - ROAD BOOK\n"
    "Prova\tTipo\tTempi\n"
    "PC 1\tPC\t15,00\t6,00\n"
    "CO 1\tCO\t10.42\n"
    "PC 2  1'05\"40  0'21\"50\n"
    "nota: prova annullata se piove\n"
    "\n"
)


def test_import_writes_the_stage_says_the_default_rules_and_lists_rows_not_understood(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table = tmp_path / "tappa2.txt"
    table.write_text(TABLE, encoding="utf-8")
    out = tmp_path / "tappa2.stage.toml"
    assert main(["import", str(table), "-o", str(out)]) == 0
    stage = load_stage(out)
    assert stage.rules == "aci-2021" and stage.name == "tappa2"
    assert stage.sections == (
        TimedSection("PC1", (15_000, 6_000)),
        TimeControl("CO1", (10 * 60 + 42) * 60_000),
        TimedSection("PC2", (65_400, 21_500)),
    )
    captured = capsys.readouterr()
    assert "rules: aci-2021 (the default" in captured.err
    assert f"{table}:1: not understood" in captured.err
    assert f"{table}:2: not understood: column headers" in captured.err
    assert f"{table}:6: not understood" in captured.err and "prova annullata" in captured.err
    assert "blank line 7" in captured.err
    assert "3 sections, 7 presses; 3 rows not understood" in captured.out


def test_import_with_rules_and_name(tmp_path: Path) -> None:
    table = tmp_path / "t.txt"
    table.write_text("PC1  10,00\n", encoding="utf-8")
    out = tmp_path / "s.stage.toml"
    assert (
        main(["import", str(table), "-o", str(out), "--rules", "year-factor", "--name", "Giro"])
        == 0
    )
    stage = load_stage(out)
    assert (stage.rules, stage.name) == ("year-factor", "Giro")


@pytest.mark.parametrize(
    ("table", "extra", "message"),
    [
        ("Tappa 1\nnote\n", [], "no row is a section"),
        ("PC1  10,00\n", ["--rules", "nope"], "does not check"),
        ("PC1  10,00\n", ["--rules", "missing.rules.toml"], "not found next to the stage"),
    ],
)
def test_import_refuses_a_stage_that_does_not_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], table: str, extra: list[str], message: str
) -> None:
    source = tmp_path / "t.txt"
    source.write_text(table, encoding="utf-8")
    out = tmp_path / "s.stage.toml"
    assert main(["import", str(source), "-o", str(out), *extra]) == 2
    assert message in capsys.readouterr().err
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["t.txt"]


def test_import_never_replaces_a_file_without_force_and_keeps_its_comments_with_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "s.stage.toml"
    out.write_text(
        'format = "mmtimer-stage/1"\nname = "x"\nrules = "aci-2021"\n\n'
        '# the castle\n[[section]]\nid = "PC1"  # keep me\nkind = "timed"\ntargets = ["9.00"]\n',
        encoding="utf-8",
    )
    before = out.read_bytes()
    source = tmp_path / "t.txt"
    source.write_text("PC1  10,00\nCO1  11:00\n", encoding="utf-8")
    assert main(["import", str(source), "-o", str(out)]) == 2
    assert "exists; --force" in capsys.readouterr().err
    assert out.read_bytes() == before
    assert main(["import", str(source), "-o", str(out), "--force", "--name", "x"]) == 0
    text = out.read_text(encoding="utf-8")
    assert "# the castle" in text and "# keep me" in text and '"10.00"' in text
    assert len(load_stage(out).sections) == 2


def test_import_from_standard_input(tmp_path: Path) -> None:
    out = tmp_path / "s.stage.toml"
    done = subprocess.run(
        [sys.executable, "-m", "mmtimer", "import", "-", "-o", str(out)],
        input="PM1;10:50;48;2,350;7,800\n",
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert load_stage(out).sections[0].lines == 2


def test_import_of_a_missing_table_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import", str(tmp_path / "nope.txt"), "-o", str(tmp_path / "s.stage.toml")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "nope.txt: no such file" in err


# -- the event export --------------------------------------------------------------------------
EVENT = resource("events", "mille-miglia-2027.event.toml")


def test_export_of_the_example_event_is_its_golden_csv(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "event.csv"
    assert main(["export", str(EVENT), "-o", str(out)]) == 0
    assert out.read_bytes() == resource("events", "mille-miglia-2027.event.csv").read_bytes()
    err = capsys.readouterr().err
    assert "day 3 (Day 3 - Roma to Parma): not yet driven" in err


def test_the_event_total_is_the_days_totals(tmp_path: Path) -> None:
    import csv
    import io

    text = resource("events", "mille-miglia-2027.event.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    day_totals = [r for r in rows if r["kind"] == "total" and r["penalty"]]
    assert [r["penalty"] for r in day_totals] == ["513", "412"]  # the two logs' own CSVs
    assert rows[-1]["kind"] == "event" and rows[-1]["penalty"] == "925"
    for day, golden in (("1", "mille-miglia-day1.csv"), ("2", "mille-miglia-day2.csv")):
        own = list(csv.DictReader(io.StringIO(resource("logs", golden).read_text("utf-8-sig"))))
        mine = [r for r in rows if r["day"] == day]
        assert [r["penalty"] for r in mine] == [r["penalty"] for r in own]


def test_export_of_an_event_with_a_missing_stage_still_writes_the_rest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    event = tmp_path / "e.event.toml"
    stage = resource("stages", "mille-miglia-day1.stage.toml")
    log = resource("logs", "mille-miglia-day1.mmlog")
    event.write_text(
        'format = "mmtimer-event/1"\nname = "E"\n'
        f'[[day]]\nstage = "{stage}"\nlog = "{log}"\n'
        '[[day]]\nname = "Lost"\nstage = "lost.stage.toml"\n',
        encoding="utf-8",
    )
    out = tmp_path / "e.csv"
    assert main(["export", str(event), "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8-sig")
    assert (
        text.splitlines()[-1] == ",,event,,,,,513,1 of 2 days driven (the others are not counted)"
    )
    assert "lost.stage.toml: no such file" in capsys.readouterr().err


def test_export_of_a_bad_event_file_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    event = tmp_path / "e.event.toml"
    event.write_text(
        'format = "mmtimer-event/1"\nname = "E"\n[[day]]\nstagee = "x"\n', encoding="utf-8"
    )
    assert main(["export", str(event)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "e.event.toml:4: day[1].stagee: unknown key" in err
