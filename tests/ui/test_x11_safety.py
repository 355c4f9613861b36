"""Safe in a moving car (issue 12), in the real app under Xvfb with real XTEST keys
(tests/xserver.py): once the stage is under way, T then Space, C then Space, G then Space, F1
then Space, the settings, a menu, then Space - each Space records its pass, and no key moves
official time. The log says so, line by line."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from tests.xserver import (
    REPO,
    XServer,
    quit_keeping_the_stage_open,
    start_program,
    start_window,
    stop,
    wait_for_lines,
    x11_marks,
)

pytestmark = x11_marks()

STAGE = REPO / "resources" / "stages" / "mille-miglia-day1.stage.toml"


def test_a_trigger_key_records_its_pass_whatever_window_or_dialog_has_it(
    xserver: XServer, tmp_path: Path
) -> None:
    log = tmp_path / "safety.mmlog"
    program, main = start_window(
        xserver, [sys.executable, "-m", "mmtimer", str(STAGE), "--log", str(log)]
    )
    lines = 1  # the header

    def expect_line(what: str) -> None:
        nonlocal lines
        lines += 1
        got = wait_for_lines(log, lines, program)
        assert len(got) >= lines, (what, got[-3:])

    def open_and_focus(key: str, title: str) -> None:
        xserver.focus(main)
        xserver.key(key)
        xserver.focus(xserver.wait_for_window(program, title))

    def gone(title: str) -> None:
        xserver.key("Escape")  # closes the dialog (Escape is no trigger key)
        deadline = time.monotonic() + 10
        while title in xserver.window_names(program.pid):
            assert time.monotonic() < deadline, f"{title!r} did not close"
            time.sleep(0.05)  # polling another process's windows

    try:
        # T: the sync dialog; M marks the minute (the first sync: it never asks). The log starts.
        open_and_focus("t", "Official time")
        xserver.key("m")
        expect_line("the sync by the full minute")
        # T then Space: a pass, not a mark; the dialog's focused button is not clicked
        xserver.key("space")
        expect_line("Space in the sync dialog")
        xserver.key("Tab", "space")  # the focus on the next button: still a pass
        expect_line("Space on a focused button of the sync dialog")
        gone("Official time")
        # C then Space: the crew dialog (read-only: the log has started) does not take it
        open_and_focus("c", "Crew (read-only)")
        xserver.key("space")
        expect_line("Space in the crew dialog")
        gone("Crew (read-only)")
        # G then Space: the line chooser does not take it
        open_and_focus("g", "Go to a line")
        xserver.key("space")
        expect_line("Space in the line chooser")
        gone("Go to a line")
        # F1 then Space: the keyboard help
        open_and_focus("F1", "Keyboard shortcuts")
        xserver.key("space")
        expect_line("Space in the keyboard help")
        gone("Keyboard shortcuts")
        # Ctrl+, then Space: the settings, whose focused check box does not toggle
        open_and_focus("ctrl+comma", "Triggers and beeps")
        xserver.key("space")
        expect_line("Space in the settings")
        gone("Triggers and beeps")
        # an open menu (Alt+T: Stage), then Space
        xserver.focus(main)
        xserver.key("alt+t")
        xserver.key("space")
        expect_line("Space in an open menu")
        xserver.key("Escape", "Escape")
        xserver.focus(main)
        quit_keeping_the_stage_open(xserver, program)
    finally:
        stop(program)
    events = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()[1:]]
    kinds = [e["type"] for e in events]
    assert kinds[0] == "sync" and events[0]["source"] == "minute"
    assert kinds[1:8] == ["pass"] * 7, kinds
    assert {e["source"] for e in events[1:8]} == {"key:Space"}
    assert kinds.count("sync") == 1  # official time never moved after the first sync
    assert [(e["section"], e["line"]) for e in events[1:8]] == [
        ("PC1", 1),
        ("PC1", 2),
        ("PC1", 3),
        ("PC2", 1),
        ("PC2", 2),
        ("PC2", 3),
        ("PC2", 4),
    ]
    assert set(kinds) <= {"sync", "pass", "note"}, kinds  # nothing else: no skip, no undo
    assert kinds[-1] == "note" and events[-1]["kept_open"] is True  # Ctrl+Q: kept open


def test_a_bad_stage_on_the_command_line_opens_the_window_with_the_error(
    xserver: XServer, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.stage.toml"
    bad.write_text('format = "mmtimer-stage/1"\nname = "x"\nrules = [\n', encoding="utf-8")
    program = start_program(xserver, [sys.executable, "-m", "mmtimer", str(bad)])
    try:
        box = xserver.wait_for_window(program, "Cannot open the stage")
        names = xserver.window_names(program.pid)
        assert "mmtimer" in names, names  # the window itself, with no stage open
        xserver.focus(box)
        xserver.key("Return")  # OK: the box closes, the window stays
        deadline = time.monotonic() + 10
        while "Cannot open the stage" in xserver.window_names(program.pid):
            assert time.monotonic() < deadline, "the box did not close"
            time.sleep(0.05)  # polling another process's windows
        assert "mmtimer" in xserver.window_names(program.pid)
        assert program.poll() is None
        xserver.focus(names["mmtimer"])
        xserver.key("ctrl+q")  # nothing under way: it quits without asking
        assert program.wait(timeout=20) == 2
        assert program.stderr is not None
        err = program.stderr.read().decode()
    finally:
        stop(program)
    (line,) = [x for x in err.splitlines() if x.startswith("mmtimer:")]
    assert line == f"mmtimer: {bad}:4: not valid TOML: Invalid value"
