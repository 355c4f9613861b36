"""The stage editor and the event dialog in a real X11 window under Xvfb, typed with real XTEST
keys only (tests/xserver.py has the server). The editor: File > New stage (Ctrl+N), three
sections typed with Tab, Enter, arrows, F2 and decimal commas, the name through its Alt shortcut,
Ctrl+S and the file dialog's name typed in; the file written loads to the stage typed. The event:
File > New event from the menu's mnemonic, the name, the crew with a decimal comma, a day added
with Alt+A, Save and the file dialog; the event file reads back as typed."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path

from mmtimer.core.crew import crew_from_json
from mmtimer.core.event import load_event
from mmtimer.core.stage import AverageTrial, Stage, TimeControl, TimedSection, load_stage
from tests.xserver import REPO, XServer, start_window, stop, x11_marks

pytestmark = x11_marks()
NEW = "new stage - mmtimer stage editor"


def typed(xserver: XServer, text: str) -> None:
    """`text` key by key through XTEST (xdotool type picks the keys and their Shift)."""
    xserver.xdotool("type", "--delay", "40", text)


def wait_for_file(path: Path, program: subprocess.Popen[bytes], timeout_s: float = 20) -> None:
    """Until the program has written `path` (it runs apart)."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline and not path.exists() and program.poll() is None:
        time.sleep(0.05)  # polling another process's file
    assert path.exists(), f"{path} was not written"


def test_a_stage_typed_with_the_keyboard_only_saves_to_the_stage_typed(
    xserver: XServer, tmp_path: Path
) -> None:
    saved = tmp_path / "typed.stage.toml"
    program, _ = start_window(xserver, [sys.executable, "-m", "mmtimer"])
    try:
        xserver.key("ctrl+n")  # File > New stage
        editor = xserver.wait_for_window(program, NEW)
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
        dialog = xserver.wait_for_window(program, "Save stage")
        xserver.focus(dialog)
        typed(xserver, str(saved.with_name("typed")))  # .stage.toml is added
        xserver.key("Return")
        xserver.wait_for_window(program, "typed.stage.toml - mmtimer stage editor")
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


def test_a_new_event_typed_with_the_keyboard_only(xserver: XServer, tmp_path: Path) -> None:
    stages = tmp_path / "stages"
    stages.mkdir()
    stage = stages / "day1.stage.toml"
    shutil.copy(REPO / "resources" / "stages" / "mille-miglia-day1.stage.toml", stage)
    saved = tmp_path / "ours.event.toml"
    program, _ = start_window(xserver, [sys.executable, "-m", "mmtimer"])
    try:
        xserver.key("alt+f", "e")  # File > New event (its letter is the only E of the menu)
        dialog = xserver.wait_for_window(program, "New event")
        xserver.focus(dialog)
        typed(xserver, "1000 Miglia 2027")  # the name has the keyboard first
        xserver.key("Tab", "Tab")  # past the rules: each stage's own
        for text in ("112", "Anna Rossi", "Bruno Verdi", "Alfa Romeo 6C", "1929", "1,80"):
            typed(xserver, text)  # number, driver, navigator, car, year, coefficient
            xserver.key("Tab")
        xserver.key("alt+a")  # Add a day: its name cell is being edited
        # a mnemonic presses its button with Qt's animated click, 100 ms later: keys typed
        # before then go to the button (a space would press it again)
        time.sleep(0.5)
        typed(xserver, "Day 1")
        xserver.key("Tab")
        typed(xserver, str(stage))
        xserver.key("Tab", "Escape")  # kept; the log left empty
        xserver.key("Return")  # Save: a new event asks where
        where = xserver.wait_for_window(program, "Save the event")
        xserver.focus(where)
        xserver.key("ctrl+a")
        typed(xserver, str(saved))
        xserver.key("Return")
        wait_for_file(saved, program)
    finally:
        stop(program)
    event = load_event(saved)
    assert event.name == "1000 Miglia 2027" and event.rules is None
    assert event.crew == crew_from_json(
        {
            "number": 112,
            "driver": "Anna Rossi",
            "navigator": "Bruno Verdi",
            "car": "Alfa Romeo 6C",
            "year": 1929,
            "coefficient": "1.80",
        },
        "x",
    )
    assert [(d.name, d.stage, d.log) for d in event.days] == [
        ("Day 1", "stages/day1.stage.toml", None)  # named from the event's folder
    ]
