"""With no display, `mmtimer` says so in one line instead of Qt's abort (issue 17 item 9)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from mmtimer.display import QT_LIBRARIES, XCB_LIBRARIES, display_problem, has_library, x11_answers
from tests.xserver import start_xvfb

REPO = Path(__file__).resolve().parents[1]
ALL_LIBRARIES = {name for name, _ in (*QT_LIBRARIES, *XCB_LIBRARIES)}


def problem(
    env: dict[str, str],
    *,
    missing: frozenset[str] = frozenset(),
    answers: bool = True,
    platform: str = "linux",
) -> str | None:
    return display_problem(
        env,
        platform=platform,
        loads=lambda name: name in ALL_LIBRARIES - missing,
        answers=lambda display: answers,
    )


def test_no_display_is_one_line_naming_offscreen_and_the_x11_libraries() -> None:
    message = problem({})
    assert message is not None and "\n" not in message
    assert "needs a display" in message and "DISPLAY" in message
    assert "QT_QPA_PLATFORM=offscreen" in message
    assert "libxcb-cursor0" in message and "libxkbcommon-x11-0" in message
    with_missing = problem({}, missing=frozenset({"libxcb-cursor.so.0"}))
    assert with_missing is not None and "(libxcb-cursor0 missing here)" in with_missing


@pytest.mark.parametrize(
    "env",
    [
        {"QT_QPA_PLATFORM": "offscreen"},
        {"QT_QPA_PLATFORM": "minimal"},
        {"QT_QPA_PLATFORM": "offscreen:fontengine=freetype"},
        {"DISPLAY": ":0"},
        {"WAYLAND_DISPLAY": "wayland-0", "XDG_SESSION_TYPE": "wayland"},
        {"WAYLAND_DISPLAY": "wayland-0", "QT_QPA_PLATFORM": "wayland"},
        {"MMTIMER_NO_DISPLAY_CHECK": "1"},
    ],
)
def test_a_display_or_a_headless_platform_passes(env: dict[str, str]) -> None:
    assert problem(env) is None


def test_a_missing_xcb_library_is_named_with_its_package() -> None:
    message = problem({"DISPLAY": ":0"}, missing=frozenset({"libxcb-cursor.so.0"}))
    assert message is not None and "\n" not in message
    assert "libxcb-cursor0" in message and "apt install libxcb-cursor0" in message
    # offscreen does not load the xcb plugin: its libraries do not matter there
    assert (
        problem({"QT_QPA_PLATFORM": "offscreen"}, missing=frozenset({"libxcb-cursor.so.0"})) is None
    )


def test_a_missing_qt_library_is_named_even_offscreen() -> None:
    message = problem({"QT_QPA_PLATFORM": "offscreen"}, missing=frozenset({"libEGL.so.1"}))
    assert message is not None and "libegl1" in message and "\n" not in message


def test_an_x_server_that_does_not_answer_is_said() -> None:
    message = problem({"DISPLAY": ":42"}, answers=False)
    assert message is not None and ":42" in message and "does not answer" in message


def test_wayland_asked_for_without_a_compositor_is_said() -> None:
    message = problem({"QT_QPA_PLATFORM": "wayland"})
    assert message is not None and "WAYLAND_DISPLAY" in message
    assert problem({"QT_QPA_PLATFORM": "wayland;xcb", "DISPLAY": ":0"}) is None


def test_other_systems_are_left_to_qt() -> None:
    assert problem({}, platform="darwin") is None
    assert problem({}, platform="win32") is None


def test_the_libraries_of_this_machine_are_seen() -> None:
    if sys.platform.startswith("linux"):
        assert has_library("libc.so.6")
    assert not has_library("libmmtimer-no-such-library.so.0")


def bare_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    env.pop("MMTIMER_NO_DISPLAY_CHECK", None)
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    env.update(extra)
    return env


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the check is for Linux")
@pytest.mark.parametrize("extra", [{}, {"DISPLAY": ":87"}], ids=["no-display", "dead-display"])
def test_the_app_without_a_display_exits_with_one_line_not_an_abort(
    extra: dict[str, str],
) -> None:
    if extra and Path("/tmp/.X11-unix/X87").exists():
        pytest.skip("an X server runs on :87")
    done = subprocess.run(
        [sys.executable, "-m", "mmtimer", "--quit-after-first-frame"],
        env=bare_env(**extra),
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 1, (done.returncode, done.stderr)
    assert done.returncode != -signal.SIGABRT
    assert done.stderr.count("\n") == 1 and done.stderr.startswith("mmtimer: ")
    assert "QT_QPA_PLATFORM=offscreen" in done.stderr
    assert "qt.qpa" not in done.stderr and done.stdout == ""


@pytest.fixture
def xvfb() -> Iterator[str]:
    with start_xvfb("640x480x24") as display:  # tests/xserver.py's
        yield display


@pytest.mark.x11
def test_with_a_real_x_server_the_check_passes_and_the_window_opens(
    xvfb: str, tmp_path: Path
) -> None:
    assert x11_answers(xvfb)
    assert display_problem(bare_env(DISPLAY=xvfb)) is None
    done = subprocess.run(
        [sys.executable, "-m", "mmtimer", "--quit-after-first-frame"],
        env=bare_env(DISPLAY=xvfb, MMTIMER_HOME=str(tmp_path)),
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "first frame painted" in done.stdout
