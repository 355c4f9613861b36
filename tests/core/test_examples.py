"""The example logs in resources/logs/: each exports to its golden CSV; they are reproducible."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from mmtimer.commands.export import export_csv
from mmtimer.core.logfile import read_log
from mmtimer.core.replay import Replay
from mmtimer.paths import resource

LOGS = sorted(resource("logs").glob("*.mmlog"))
ROOT = Path(__file__).resolve().parents[2]


def test_there_is_an_example_log_for_each_example_stage() -> None:
    stages = {p.name.removesuffix(".stage.toml") for p in resource("stages").glob("*.stage.toml")}
    assert {p.name.removesuffix(".mmlog") for p in LOGS} == stages


@pytest.mark.parametrize("log", LOGS, ids=lambda p: p.name)
@pytest.mark.parametrize(("locale", "suffix"), [("en", ".csv"), ("eu", ".eu.csv")])
def test_each_example_log_exports_to_its_golden_csv(log: Path, locale: str, suffix: str) -> None:
    golden = log.with_name(log.name.removesuffix(".mmlog") + suffix)
    text, warnings = export_csv(log, locale=locale)  # type: ignore[arg-type]
    assert text.encode("utf-8") == golden.read_bytes()
    assert all("reported, not applied" in w for w in warnings)


@pytest.mark.parametrize("log", LOGS, ids=lambda p: p.name)
def test_each_example_log_reads_cleanly_and_ends_closed(log: Path) -> None:
    contents = read_log(log, keep_torn=False)
    assert contents.problems == () and contents.closed
    replay = Replay(contents)
    assert replay.problems == ()
    assert replay.final_state().armed is None  # every line of the stage was dealt with


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "make_example_logs", ROOT / "tools" / "make_example_logs.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_example_logs"] = module
    spec.loader.exec_module(module)
    return module


def test_the_generator_reproduces_every_example_byte_for_byte(tmp_path: Path) -> None:
    written = _generator().make_all(tmp_path)
    assert sorted(p.name for p in written) == sorted(
        p.name for p in resource("logs").iterdir() if p.suffix in (".mmlog", ".csv")
    )
    for path in written:
        assert path.read_bytes() == resource("logs", path.name).read_bytes(), path.name
