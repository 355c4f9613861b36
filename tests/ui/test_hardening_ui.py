"""The window against crafted logs and a failing disk (issue 17)."""

from __future__ import annotations

from pathlib import Path

from mmtimer.core.clock import FakeClock
from mmtimer.ui.livestage import data_dir
from tests.ui.test_resume import (
    OTHER_STAGE,
    STAGE,
    UTC0,
    Answers,
    WindowMaker,
    files_in,
    make_window,
    write_log,
)

S = 1_000_000_000
__all__ = ["make_window"]  # the fixture, used by name


def huge_seq_log(path: Path) -> Path:
    """A log of STAGE left open whose last seq has 4,300 digits (a resume event would need
    4,301: more than Python writes as JSON)."""
    write_log(path)
    data = path.read_bytes()
    head, last = data.rstrip(b"\n").rsplit(b"\n", 1)
    path.write_bytes(
        head + b"\n" + last.replace(b'"seq":2,', b'"seq":' + b"9" * 4300 + b",") + b"\n"
    )
    return path


# -- item 2 ------------------------------------------------------------------------------------
def test_a_log_with_a_seq_of_4300_digits_is_not_offered_and_the_window_carries_on(
    make_window: WindowMaker,
) -> None:
    folder = data_dir() / "logs"
    folder.mkdir(parents=True)
    log = huge_seq_log(folder / "huge.mmlog")
    before = files_in(folder)
    answers = Answers(True)
    window = make_window(FakeClock(100 * S, utc_start=UTC0), answers)
    assert window.open_path(STAGE)  # no ValueError out of open_path
    assert answers.asked == []  # a log that does not read is never offered
    assert window.live is not None and window.live.log_path != log
    assert files_in(folder) == before


def test_naming_a_log_with_a_seq_of_4300_digits_is_refused_in_one_line(
    make_window: WindowMaker, tmp_path: Path
) -> None:
    log = huge_seq_log(tmp_path / "huge.mmlog")
    before = files_in(tmp_path)
    window = make_window(FakeClock(100 * S, utc_start=UTC0), Answers(True))
    assert not window.open_path(STAGE, log, warn=False)
    assert window.open_error is not None and "\n" not in window.open_error
    assert window.open_error.startswith(f"{log}:3: seq: a number of 4,300 digits is out of range")
    assert window.open_path(OTHER_STAGE)  # the window still works
    assert files_in(tmp_path) == before
