"""`mmtimer export`: the CSV on standard output or in a file; clear errors; the log untouched."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from mmtimer.cli import main
from mmtimer.paths import resource

EXAMPLE = resource("logs", "mille-miglia-day1.mmlog")


def copy_example(tmp_path: Path) -> Path:
    log = tmp_path / "day1.mmlog"
    log.write_bytes(EXAMPLE.read_bytes())
    return log


def test_export_writes_the_csv_to_standard_output(tmp_path: Path) -> None:
    log = copy_example(tmp_path)
    done = subprocess.run(
        [sys.executable, "-m", "mmtimer", "export", str(log)],
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == resource("logs", "mille-miglia-day1.csv").read_bytes()
    assert b"reported, not applied" in done.stderr  # the scoring's message, as a warning
    assert sorted(p.name for p in tmp_path.iterdir()) == ["day1.mmlog"]


def test_export_to_a_file_in_the_eu_locale(tmp_path: Path) -> None:
    log = copy_example(tmp_path)
    out = tmp_path / "out.csv"
    assert main(["export", str(log), "-o", str(out), "--locale", "eu"]) == 0
    assert out.read_bytes() == resource("logs", "mille-miglia-day1.eu.csv").read_bytes()
    assert log.read_bytes() == EXAMPLE.read_bytes()


def test_export_under_other_rules(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    log = copy_example(tmp_path)
    assert main(["export", str(log), "--rules", "year-factor"]) == 0
    out = capsysbinary.readouterr().out.decode("utf-8")
    lines = out.splitlines()
    assert lines[-1] == (
        ',total,,,,,274.77,"1000 Miglia - Day 1, Brescia to Cervia-Milano Marittima · crew #112, '
        'Giulia Ferri / Marco Bassi, Alfa Romeo 6C 1750 SS (1929) · year-factor, coefficient 1.29"'
    )
    assert lines[4] == 'PC2,timed,3,0:09.80,,,300,"missed, discarded"'


def test_export_refuses_to_overwrite_the_log(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = copy_example(tmp_path)
    assert main(["export", str(log), "-o", str(log)]) == 2
    assert "would overwrite the log itself" in capsys.readouterr().err
    assert log.read_bytes() == EXAMPLE.read_bytes()


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda b: b.replace(b'"seq":9,', b'"seq":9,,', 1), ":10: not a valid JSON line ("),
        (lambda b: b[b.index(b"\n") + 1 :], ":1: type: the first line must be the header"),
        (lambda b: b"", ": empty log: no header line"),
    ],
)
def test_a_bad_log_is_one_line_naming_file_and_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], damage: object, message: str
) -> None:
    log = tmp_path / "bad.mmlog"
    data = damage(EXAMPLE.read_bytes())  # type: ignore[operator]
    log.write_bytes(data)
    assert main(["export", str(log)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1
    assert captured.err.startswith(f"mmtimer export: {log}") and message in captured.err
    assert log.read_bytes() == data


def test_a_torn_log_exports_what_it_holds_and_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = tmp_path / "torn.mmlog"
    data = EXAMPLE.read_bytes()[:-20]
    log.write_bytes(data)
    assert main(["export", str(log), "-o", str(tmp_path / "out.csv")]) == 0
    err = capsys.readouterr().err
    assert f"warning: {log}:24: last line cut short (crash or power loss): ignored" in err
    assert log.read_bytes() == data
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv", "torn.mmlog"]


def test_a_missing_log_or_unknown_rules_is_a_clean_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", str(tmp_path / "none.mmlog")]) == 2
    assert "cannot read the log" in capsys.readouterr().err
    log = copy_example(tmp_path)
    assert main(["export", str(log), "--rules", "no-such-rules"]) == 2
    assert "unknown rule set" in capsys.readouterr().err


def test_what_a_log_holds_that_scoring_skips_is_reported_by_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = tmp_path / "odd.mmlog"
    lines = EXAMPLE.read_bytes().splitlines(keepends=True)[:8]  # header and seq 1..7
    lines += [
        b'{"type":"lap-marker","seq":8,"t_ns":152000000000,"colour":"red"}\n',
        b'{"type":"pass","seq":9,"t_ns":153000000000,"section":"PC9","line":1}\n',
        b'{"type":"void","seq":10,"ref":7,"reason":"undo the undo"}\n',
    ]
    log.write_bytes(b"".join(lines))
    assert main(["export", str(log), "-o", str(tmp_path / "out.csv")]) == 0
    err = capsys.readouterr().err.splitlines()
    assert (
        f"mmtimer export: warning: {log}:9: event type 'lap-marker' is unknown to this "
        "version: kept and skipped"
    ) in err
    assert (
        f"mmtimer export: warning: {log}:10: pass seq 9: ignored: the stage has no section 'PC9'"
    ) in err
    assert (
        f"mmtimer export: warning: {log}:11: void seq 10: ignored: event 7 is a void: a void "
        "cannot be undone; press the line again instead"
    ) in err
    csv_text = (tmp_path / "out.csv").read_text(encoding="utf-8-sig")
    assert "PC9" not in csv_text


def test_a_rules_file_name_the_system_cannot_take_is_a_clean_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # JSON (and TOML) may escape a NUL into a string; the OS refuses such a name with a
    # ValueError, not an OSError.
    log = tmp_path / "nul.mmlog"
    data = EXAMPLE.read_bytes().replace(b'"rules":"mille-miglia"', b'"rules":"a\\u0000.toml"', 1)
    log.write_bytes(data)
    assert main(["export", str(log)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith(f"mmtimer export: {log}:1: stage.rules: ")
    assert log.read_bytes() == data


def test_export_onto_a_symlink_writes_through_and_keeps_the_link(tmp_path: Path) -> None:
    log = copy_example(tmp_path)
    (tmp_path / "shared").mkdir()
    target = tmp_path / "shared" / "day1.csv"
    target.write_bytes(b"last week's results")
    link = tmp_path / "day1.csv"
    link.symlink_to(target)
    assert main(["export", str(log), "-o", str(link)]) == 0
    assert link.is_symlink()
    assert target.read_bytes() == resource("logs", "mille-miglia-day1.csv").read_bytes()
    log_link = tmp_path / "log.csv"
    log_link.symlink_to(log)
    assert main(["export", str(log), "-o", str(log_link)]) == 2  # through a link: still the log
    assert log.read_bytes() == EXAMPLE.read_bytes()


def replay_export(log: Path) -> tuple[str, list[str]]:
    """What export wrote before it streamed: the whole log read, folded by the replay."""
    from mmtimer.core.csvout import results_csv
    from mmtimer.core.logfile import read_log
    from mmtimer.core.replay import Replay

    replay = Replay(read_log(log, keep_torn=False), rules_base_dir=Path.cwd())
    result = replay.final_results()
    return results_csv(result), [*replay.problems, *(f"{log}: {m}" for m in result.messages)]


def test_the_streamed_export_writes_what_the_replay_scores(tmp_path: Path) -> None:
    """Export folds the log as it reads it (issue 17: bounded memory); the same CSV and the
    same warnings as a replay of the whole log, on the examples and a long synthetic log."""
    from mmtimer.commands.export import export_csv
    from mmtimer.core.crew import Crew
    from mmtimer.core.logfile import event_line, header_line
    from mmtimer.core.session import new_log_header
    from tests.benchmarks.bench_log import UTC0, big_log, five_day_stage

    stage = five_day_stage()
    long_log = tmp_path / "long.mmlog"
    long_log.write_bytes(
        header_line(new_log_header(stage, Crew(number=1), UTC0))
        + b"".join(event_line(e) for e in big_log(stage, 20_000))
        + b'{"type":"pass","seq":20001,"t_'  # torn
    )
    odd = tmp_path / "odd.mmlog"
    lines = EXAMPLE.read_bytes().splitlines(keepends=True)[:8]
    lines += [
        b'{"type":"lap-marker","seq":8,"t_ns":152000000000,"colour":"red"}\n',
        b'{"type":"pass","seq":12,"t_ns":153000000000,"section":"PC9","line":1}\n',
        b'{"type":"void","seq":13,"ref":7,"reason":"undo the undo"}\n',
    ]
    odd.write_bytes(b"".join(lines))
    ahead = tmp_path / "ahead.mmlog"  # a void naming a later seq: not causal, read whole
    ahead.write_bytes(
        b"".join(EXAMPLE.read_bytes().splitlines(keepends=True)[:8])
        + b'{"type":"void","seq":8,"ref":9,"reason":"edited"}\n'
        + b'{"type":"pass","seq":9,"t_ns":153000000000,"section":"PC1","line":1}\n'
    )
    for log in (EXAMPLE, resource("logs", "tsd-club.mmlog"), long_log, odd, ahead):
        assert export_csv(log) == replay_export(log), log
