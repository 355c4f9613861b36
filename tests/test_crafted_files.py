"""Crafted files (issue 17): each gets one line naming the file and exit status 2, never a
traceback, a hang, memory without bound, or a clue about other files on the machine."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from mmtimer.cli import main
from mmtimer.paths import resource

EXAMPLE = resource("logs", "mille-miglia-day1.mmlog")
MB = 1024 * 1024


def log_naming_rules(tmp_path: Path, rules: str, name: str = "crafted.mmlog") -> Path:
    """The example log, its header's stage now scored by the rule-set file `rules` (not
    embedded in the header)."""
    header, rest = EXAMPLE.read_bytes().split(b"\n", 1)
    obj = json.loads(header)
    obj["stage"]["rules"] = rules
    log = tmp_path / name
    log.write_bytes(json.dumps(obj).encode() + b"\n" + rest)
    return log


def export_in_subprocess(*args: str) -> subprocess.CompletedProcess[str]:
    """`mmtimer export` in a child with a 512 MB address-space limit (Linux), so a read
    without bound fails fast instead of eating the machine."""
    code = (
        "import resource, sys\n"
        "resource.setrlimit(resource.RLIMIT_AS, (512 * 2**20, 512 * 2**20))\n"
        "from mmtimer.cli import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    return subprocess.run(
        [sys.executable, "-c", code, "export", *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


# -- item 1: a rules path that is a device, a pipe or huge is never read -----------------------
@pytest.mark.skipif(sys.platform == "win32", reason="devices and FIFOs are POSIX")
@pytest.mark.parametrize("kind", ["device", "fifo", "huge", "folder"])
def test_a_rules_file_that_is_not_a_plain_small_file_is_refused_unread(
    tmp_path: Path, kind: str
) -> None:
    target = tmp_path / "rules" / "x.rules.toml"
    target.parent.mkdir()
    if kind == "device":
        target.symlink_to("/dev/zero")
    elif kind == "fifo":
        os.mkfifo(target)
    elif kind == "huge":
        with target.open("wb") as file:
            file.truncate(2048 * MB)  # sparse: costs no disk
    else:
        target.mkdir()
    for done in (
        # the user names it
        export_in_subprocess(str(EXAMPLE), "--rules", str(target)),
        # a log names it (beside the log), and the log does not embed it
        export_in_subprocess(str(log_naming_rules(tmp_path / "rules", "x.rules.toml"))),
    ):
        assert done.returncode == 2, done.stderr
        assert done.stdout == ""
        assert done.stderr.count("\n") == 1, done.stderr
        assert "Traceback" not in done.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="devices are POSIX")
def test_a_log_naming_dev_zero_is_refused_without_reading_it(tmp_path: Path) -> None:
    log = log_naming_rules(tmp_path, "/dev/zero")
    done = export_in_subprocess(str(log))
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "MemoryError" not in done.stderr
    assert done.stderr.startswith(f"mmtimer export: {log}:1: stage.rules: ")


def test_the_user_is_told_what_is_wrong_with_a_rules_file_they_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "fifo.rules.toml"
    if hasattr(os, "mkfifo"):
        os.mkfifo(fifo)
        assert main(["export", str(EXAMPLE), "--rules", str(fifo)]) == 2
        assert "is not a regular file" in capsys.readouterr().err
    big = tmp_path / "big.rules.toml"
    with big.open("wb") as file:
        file.truncate(17 * MB)
    assert main(["export", str(EXAMPLE), "--rules", str(big)]) == 2
    assert "is larger than any stage or rule set" in capsys.readouterr().err


# -- item 8: a crafted log cannot tell which paths exist ---------------------------------------
def test_a_log_cannot_probe_paths_every_failure_reads_the_same(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    secret = tmp_path / "secret"
    secret.mkdir()
    (secret / "real.rules.toml").write_text("not = [valid", encoding="utf-8")
    (secret / "folder.rules.toml").mkdir()
    logs = tmp_path / "logs"
    logs.mkdir()
    (logs / "bad.rules.toml").write_text("format = 1\n", encoding="utf-8")
    probes = {
        "missing absolute": str(secret / "none.rules.toml"),
        "existing absolute": str(secret / "real.rules.toml"),
        "folder absolute": str(secret / "folder.rules.toml"),
        "existing up the tree": "../secret/real.rules.toml",
        "missing up the tree": "../secret/none.rules.toml",
        "missing beside": "none.rules.toml",
        "not a rule set beside": "bad.rules.toml",
        "the folder itself": "./",
    }
    messages = {}
    for name, rules in probes.items():
        log = log_naming_rules(logs, rules, "probe.mmlog")
        assert main(["export", str(log)]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1
        messages[name] = err.replace(repr(rules), "RULES")
    assert len(set(messages.values())) == 1, messages
    assert "give the rules explicitly" in messages["missing beside"]


def test_a_rules_file_beside_the_log_still_scores_it(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    text = resource("rules", "mille-miglia.rules.toml").read_text(encoding="utf-8")
    (tmp_path / "sub" / "mine.rules.toml").write_text(text, encoding="utf-8")
    log = log_naming_rules(tmp_path, "sub/mine.rules.toml")
    out = tmp_path / "out.csv"
    assert main(["export", str(log), "-o", str(out)]) == 0
    assert out.read_bytes() == resource("logs", "mille-miglia-day1.csv").read_bytes()


# -- item 3: numbers of thousands of digits ---------------------------------------------------
STAGE_HEAD = 'format = "mmtimer-stage/1"\nname = "x"\nrules = "aci-2021"\n[[section]]\n'
DIGITS = "1" * 5001
HUGE_VALUES = {
    "target string": 'id = "PC1"\nkind = "timed"\ntargets = ["' + DIGITS + '"]',
    "target number": 'id = "PC1"\nkind = "timed"\ntargets = [' + DIGITS + "]",
    "target with decimals": 'id = "PC1"\nkind = "timed"\ntargets = ["' + DIGITS + '.5"]',
    "target in minutes": 'id = "PC1"\nkind = "timed"\ntargets = ["' + DIGITS + ':00"]',
    "decimals": 'id = "PC1"\nkind = "timed"\ntargets = ["1.' + DIGITS + '"]',
    "4000-digit number": 'id = "PC1"\nkind = "timed"\ntargets = [' + DIGITS[:4000] + "]",
    "float": 'id = "PC1"\nkind = "timed"\ntargets = [1e308]',
    "due": 'id = "CO1"\nkind = "time-control"\ndue = "' + DIGITS + ':00"',
    "speed": 'id = "PM1"\nkind = "average"\nstart = "10:00"\nspeed_kmh = "'
    + DIGITS
    + '"\nchecks_km = ["1.0"]',
    "tiny speed": 'id = "PM1"\nkind = "average"\nstart = "10:00"\nspeed_kmh = "0.'
    + "0" * 4000
    + '1"\nchecks_km = ["1.0"]',
    "km": 'id = "PM1"\nkind = "average"\nstart = "10:00"\nspeed_kmh = "48"\nchecks_km = ["'
    + DIGITS
    + '"]',
}


@pytest.mark.parametrize("name", list(HUGE_VALUES))
def test_a_stage_with_a_number_of_thousands_of_digits_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    stage = tmp_path / "huge.stage.toml"
    stage.write_text(STAGE_HEAD + HUGE_VALUES[name] + "\n", encoding="utf-8")
    assert main(["check", str(stage)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1
    assert captured.err.startswith(f"mmtimer check: {stage}:")
    assert len(captured.err) < 300  # the value is cut short in the message


def test_a_log_header_stage_with_a_huge_target_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    header, rest = EXAMPLE.read_bytes().split(b"\n", 1)
    obj = json.loads(header)
    obj["stage"]["section"][0]["targets"][0] = "9" * 4000
    log = tmp_path / "huge.mmlog"
    log.write_bytes(json.dumps(obj).encode() + b"\n" + rest)
    assert main(["export", str(log)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith(f"mmtimer export: {log}:1: header stage")
