"""The stage editor in a real X11 window under Xvfb, typed with real XTEST keys only
(tests/xserver.py has the server): File > New stage (Ctrl+N), three sections typed with Tab,
Enter, arrows, F2 and decimal commas, the name through its Alt shortcut, Ctrl+S and the file
dialog's name typed in; the file written loads to the stage typed."""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path

from mmtimer.core.stage import AverageTrial, Stage, TimeControl, TimedSection, load_stage
from tests.xserver import XServer, start_window, stop, x11_marks

pytestmark = x11_marks()
NEW = "new stage - mmtimer stage editor"


def typed(xserver: XServer, text: str) -> None:
    """`text` key by key through XTEST (xdotool type picks the keys and their Shift)."""
    xserver.xdotool("type", "--delay", "40", text)


def test_a_stage_typed_with_the_keyboard_only_saves_to_the_stage_typed(
    xserver: XServer, tmp_path: Path
) -> None:
    saved = tmp_path / "typed.stage.toml"
    program, _ = start_window(xserver, [sys.executable, "-m", "mmtimer"])
    try:
        xserver.key("ctrl+n")  # File > New stage
        editor = xserver.wait_for_window(program.pid, NEW)
        xserver.focus(editor)
        # row 1: a timed trial over the template (PC1, timed, 10,00)
        typed(xserver, "PC1")
        xserver.key("Tab")
        typed(xserver, "PC")  # the road book's word for a timed trial
        xserver.key("Tab")
        typed(xserver, "15,00 6,00")
        xserver.key("Return")
        # row 2: a time control below (Ctrl+2); Tab skips the cells it does not use
        xserver.key("ctrl+2", "Tab", "Tab")
        typed(xserver, "10.42")
        xserver.key("Return")
        # row 3: an average trial
        xserver.key("ctrl+3", "Tab", "Tab")
        typed(xserver, "10:50")
        xserver.key("Tab")
        typed(xserver, "48 5,2=40")
        xserver.key("Tab")
        typed(xserver, "2,350 7,800")
        xserver.key("Return")
        # back up to the first row with the arrows, and add a line to its targets (F2, End)
        xserver.key("Home", "Up", "Up", "Right", "Right", "F2", "End")
        typed(xserver, " 4,5")
        xserver.key("Return")
        # the name, through its label's Alt shortcut
        xserver.key("alt+n")
        typed(xserver, "Day 1")
        xserver.key("Tab")
        xserver.key("ctrl+s")  # a new stage: the file dialog asks where
        dialog = xserver.wait_for_window(program.pid, "Save stage")
        xserver.focus(dialog)
        typed(xserver, str(saved.with_name("typed")))  # .stage.toml is added
        xserver.key("Return")
        xserver.wait_for_window(program.pid, "typed.stage.toml - mmtimer stage editor")
    finally:
        stop(program)
    assert load_stage(saved) == Stage(
        "Day 1",
        "aci-2021",
        (
            TimedSection("PC1", (15_000, 6_000, 4_500)),
            TimeControl("CO1", 10 * 3_600_000 + 42 * 60_000),
            AverageTrial(
                "PM1",
                10 * 3_600_000 + 50 * 60_000,
                ((0, Decimal("48")), (5_200, Decimal("40"))),
                (2_350, 7_800),
            ),
        ),
    )
