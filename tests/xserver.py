"""One private X server for the X11 tests: Xvfb, real XTEST keys, and the programs run on it.

Xvfb has no window manager: a window gets the keyboard focus with `xdotool windowfocus --sync`,
then keys go without `--window` (XTEST, so Qt takes them as real); keys sent to a window directly
are synthetic and Qt ignores them (DESIGN.md). Every X11 test module uses the ``xserver``
fixture (import it from here) and the helpers below; ``start_xvfb`` is the server itself, for a
test that needs a display of its own size.
"""

from __future__ import annotations

import contextlib
import ctypes
import itertools
import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from mmtimer.core.clock import NS_PER_MS, SystemClock

REPO = Path(__file__).resolve().parents[1]
MISSING = [tool for tool in ("Xvfb", "xdotool") if shutil.which(tool) is None]
SKIP_REASON = (
    f"{' and '.join(MISSING)} not installed (apt-get install -y --no-install-recommends "
    "xvfb xauth xdotool; .ci/run installs them)"
)


def x11_marks() -> list[pytest.MarkDecorator]:
    """The marks of an X11 test module: x11, slow, and a skip when the tools are missing."""
    marks = [pytest.mark.x11, pytest.mark.slow]
    if MISSING:
        marks.append(pytest.mark.skip(reason=SKIP_REASON))
    return marks


@dataclass
class XServer:
    display: str
    env: dict[str, str]

    def xdotool(self, *args: str, timeout: float = 20) -> str:
        done = subprocess.run(
            ["xdotool", *args],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=True,
        )
        return done.stdout

    def window_names(self, pid: int) -> dict[str, str]:
        """The visible windows of process `pid` now, by title (none: empty)."""
        try:
            found = self.xdotool("search", "--onlyvisible", "--pid", str(pid)).split()
        except subprocess.CalledProcessError:
            return {}  # none yet
        names = {}
        for window in found:
            with contextlib.suppress(subprocess.CalledProcessError):  # gone meanwhile
                names[self.xdotool("getwindowname", window).strip()] = window
        return names

    def wait_for_window(
        self, program: subprocess.Popen[bytes], title: str, timeout_s: float = 30
    ) -> str:
        """The id of `program`'s visible window titled `title`, once it shows. A program that
        ends first fails at once, with the end of what it wrote on stderr (a crash under load
        reads as what it is, not as a window that never came)."""
        deadline = time.monotonic() + timeout_s
        names: dict[str, str] = {}
        while time.monotonic() < deadline:
            names = self.window_names(program.pid)
            if title in names:
                return names[title]
            if program.poll() is not None:
                err = program.stderr.read().decode(errors="replace") if program.stderr else ""
                pytest.fail(
                    f"the program ended (status {program.returncode}) before a window {title!r}"
                    f" showed; the windows: {sorted(names)}; stderr: {err[-2000:]}"
                )
            time.sleep(0.05)  # polling another process's windows
        waited = time.monotonic() - deadline + timeout_s
        pytest.fail(
            f"no window {title!r} appeared in {waited:.0f} s; the windows: {sorted(names)}; "
            f"load average {os.getloadavg()[0]:.1f}"
        )

    def focus(self, window: str) -> None:
        self.xdotool("windowfocus", "--sync", window)

    def key(self, *keys: str) -> None:
        """Keys through XTEST (to whichever window has the focus), one after the other."""
        self.xdotool("key", *keys)


@contextlib.contextmanager
def start_xvfb(screen: str = "800x600x24") -> Iterator[str]:
    """Xvfb on a free display (it picks one and tells us through -displayfd), no TCP; yields
    the display name (":N")."""
    if MISSING:
        pytest.skip(SKIP_REASON)
    read_fd, write_fd = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-nolisten", "tcp", "-screen", "0", screen],
        pass_fds=(write_fd,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    try:
        with os.fdopen(read_fd, "r") as pipe:
            number = pipe.readline().strip()
        if not number:
            pytest.fail("Xvfb did not start")
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture(scope="module")
def xserver() -> Iterator[XServer]:
    """A private Xvfb for the test module, and the environment that runs Qt programs on it."""
    with start_xvfb() as display:
        env = dict(os.environ)
        env.update(DISPLAY=display, QT_QPA_PLATFORM="xcb")
        env.pop("WAYLAND_DISPLAY", None)
        yield XServer(display, env)


def program_env(xserver: XServer) -> dict[str, str]:
    """The environment of a program on the server: this tree's mmtimer, this test's folders."""
    env = dict(xserver.env)
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    for key in ("MMTIMER_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME"):  # this test's own folders
        if key in os.environ:
            env[key] = os.environ[key]
    return env


def start_program(
    xserver: XServer, argv: list[str], *, stdout: int | None = subprocess.DEVNULL
) -> subprocess.Popen[bytes]:
    """Start a program on the X server (stderr piped, stdout as asked)."""
    return subprocess.Popen(
        argv, env=program_env(xserver), cwd=REPO, stdout=stdout, stderr=subprocess.PIPE
    )


def start_window(xserver: XServer, argv: list[str]) -> tuple[subprocess.Popen[bytes], str]:
    """Start a Qt program on the X server, find its window and give it the keyboard focus."""
    program = start_program(xserver, argv)
    try:
        found = xserver.xdotool("search", "--sync", "--onlyvisible", "--pid", str(program.pid))
    except subprocess.TimeoutExpired:
        program.kill()
        _, err = program.communicate(timeout=10)
        pytest.fail(f"no window appeared: {err.decode(errors='replace')[-2000:]}")
    window_id = found.split()[0]
    xserver.focus(window_id)
    return program, window_id


def stop(program: subprocess.Popen[bytes]) -> None:
    program.terminate()
    try:
        program.wait(timeout=10)
    except subprocess.TimeoutExpired:
        program.kill()
        program.wait(timeout=10)
    for pipe in (program.stdout, program.stderr):
        if pipe is not None:
            pipe.close()  # its pipes (filterwarnings = error: no ResourceWarning)


def wait_for_lines(path: Path, count: int, program: subprocess.Popen[bytes]) -> list[str]:
    """Poll the program's output file until it holds `count` lines (the program runs apart)."""
    clock = SystemClock()
    deadline = clock.now_ns() + 20_000 * NS_PER_MS
    while clock.now_ns() < deadline:
        lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
        if len(lines) >= count:
            return lines
        if program.poll() is not None:
            break
        time.sleep(0.05)  # polling another process's file, not making logic happen
    return path.read_text(encoding="utf-8").splitlines() if path.exists() else []


def quit_keeping_the_stage_open(xserver: XServer, program: subprocess.Popen[bytes]) -> None:
    """Ctrl+Q mid-stage: mmtimer asks; Return (the default) keeps the stage open and quits."""
    xserver.key("ctrl+q")
    found = xserver.xdotool("search", "--sync", "--onlyvisible", "--name", "Leave the stage")
    xserver.focus(found.split()[0])
    xserver.key("Return")
    program.wait(timeout=20)


@dataclass(frozen=True)
class Sent:
    """When a key press reached the X server: between `before_ns` and `after_ns`."""

    before_ns: int
    after_ns: int

    @property
    def at_ns(self) -> int:
        return (self.before_ns + self.after_ns) // 2

    @property
    def uncertainty_ns(self) -> int:
        return (self.after_ns - self.before_ns + 1) // 2


def send_spaces(xserver: XServer, gaps_s: list[float]) -> list[Sent]:
    """Space, then after each gap another Space, through XTEST from this process.

    Each press is bracketed by clock readings around XTestFakeKeyEvent + XSync: XSync returns
    only once the server has processed (and stamped) the event, so the press reached the server
    between the two readings. The intervals "sent" are measured, not the planned gaps: a loaded
    machine may sleep late, and that must not count against mmtimer.
    """
    xlib = ctypes.cdll.LoadLibrary("libX11.so.6")
    xtst = ctypes.cdll.LoadLibrary("libXtst.so.6")
    xlib.XOpenDisplay.argtypes = [ctypes.c_char_p]
    xlib.XOpenDisplay.restype = ctypes.c_void_p
    xlib.XStringToKeysym.argtypes = [ctypes.c_char_p]
    xlib.XStringToKeysym.restype = ctypes.c_ulong
    xlib.XKeysymToKeycode.argtypes = [ctypes.c_void_p, ctypes.c_ulong]
    xlib.XKeysymToKeycode.restype = ctypes.c_ubyte
    xlib.XSync.argtypes = [ctypes.c_void_p, ctypes.c_int]
    xlib.XCloseDisplay.argtypes = [ctypes.c_void_p]
    xtst.XTestFakeKeyEvent.argtypes = [ctypes.c_void_p, ctypes.c_uint, ctypes.c_int, ctypes.c_ulong]
    display = xlib.XOpenDisplay(xserver.display.encode())
    if not display:
        pytest.fail(f"cannot open X display {xserver.display}")
    clock = SystemClock()
    keycode = xlib.XKeysymToKeycode(display, xlib.XStringToKeysym(b"space"))
    sent: list[Sent] = []
    try:
        planned_ns = clock.now_ns()
        for gap in [0.0, *gaps_s]:
            planned_ns += round(gap * 1e9)
            time.sleep(max(0.0, (planned_ns - clock.now_ns()) / 1e9))  # pacing the sender
            before = clock.now_ns()
            xtst.XTestFakeKeyEvent(display, keycode, 1, 0)
            xlib.XSync(display, 0)
            after = clock.now_ns()
            sent.append(Sent(before, after))
            time.sleep(0.01)  # hold the key 10 ms, as a finger does
            xtst.XTestFakeKeyEvent(display, keycode, 0, 0)
            xlib.XSync(display, 0)
    finally:
        xlib.XCloseDisplay(display)
    return sent


def interval_errors_ms(stamped_ns: list[int], sent: list[Sent]) -> list[float]:
    """How far each recorded interval is from the measured one, less the send uncertainty."""
    errors = []
    for (a, b), (s0, s1) in zip(
        itertools.pairwise(stamped_ns), itertools.pairwise(sent), strict=True
    ):
        off = abs((b - a) - (s1.at_ns - s0.at_ns))
        errors.append(max(0, off - s0.uncertainty_ns - s1.uncertainty_ns) / NS_PER_MS)
    return errors
