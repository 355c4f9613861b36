"""Before the first window: can Qt open one here? One line saying what is missing, not an abort.

Without a display, or without the system libraries its platform plugin needs, Qt prints a few
lines about plugins and aborts the process (SIGABRT) as the QApplication is made: nothing can
catch that. So on Linux the launcher asks first, without importing Qt: which platform Qt would
pick (``QT_QPA_PLATFORM``, else Wayland or X11 from the session's variables), whether that
platform has a display to talk to (``WAYLAND_DISPLAY``; ``DISPLAY``, and the X server answers),
and whether the libraries of the plugin load. Anything else (macOS, Windows, a headless
platform such as offscreen) is left to Qt. ``MMTIMER_NO_DISPLAY_CHECK=1`` skips the check.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

SKIP_VARIABLE = "MMTIMER_NO_DISPLAY_CHECK"

# (shared object, Debian/Ubuntu package): what Qt's GUI module itself loads on Linux
QT_LIBRARIES = (
    ("libGL.so.1", "libgl1"),
    ("libEGL.so.1", "libegl1"),
    ("libxkbcommon.so.0", "libxkbcommon0"),
    ("libfontconfig.so.1", "libfontconfig1"),
    ("libglib-2.0.so.0", "libglib2.0-0"),
    ("libdbus-1.so.3", "libdbus-1-3"),
)
# ... and what its X11 (xcb) platform plugin needs besides (Qt 6.5+ needs xcb-cursor)
XCB_LIBRARIES = (
    ("libxcb-cursor.so.0", "libxcb-cursor0"),
    ("libxcb-icccm.so.4", "libxcb-icccm4"),
    ("libxcb-image.so.0", "libxcb-image0"),
    ("libxcb-keysyms.so.1", "libxcb-keysyms1"),
    ("libxcb-render-util.so.0", "libxcb-render-util0"),
    ("libxcb-shape.so.0", "libxcb-shape0"),
    ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
)
HEADLESS_PLATFORMS = frozenset(
    {"offscreen", "minimal", "minimalegl", "vnc", "linuxfb", "eglfs", "vkkhrdisplay"}
)
OFFSCREEN_HINT = "or set QT_QPA_PLATFORM=offscreen to run with no window shown"


def has_library(name: str) -> bool:
    """Whether the shared library `name` loads (as the dynamic linker would find it for Qt)."""
    candidates = [name]
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root is not None:  # a PyInstaller build may carry its own copy
        candidates.append(str(Path(frozen_root) / name))
    for candidate in candidates:
        try:
            ctypes.CDLL(candidate)
        except OSError:
            continue
        return True
    return False


def x11_answers(display: str) -> bool:
    """Whether the X server named by `display` accepts a connection (libxcb, as Qt connects)."""
    try:
        xcb = ctypes.CDLL("libxcb.so.1")
    except OSError:
        return False
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
    xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
    xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
    connection = xcb.xcb_connect(display.encode(), None)
    if connection and xcb.xcb_connection_has_error(connection) == 0:
        # Kept open for the life of the process: an X server whose last client leaves resets
        # itself (Xvfb does), and Qt's own connection, a moment later, would find it resetting.
        _KEPT.append(connection)
        return True
    if connection:
        xcb.xcb_disconnect(connection)
    return False


_KEPT: list[int] = []


def _missing(libraries: tuple[tuple[str, str], ...], loads: Callable[[str], bool]) -> list[str]:
    return [package for name, package in libraries if not loads(name)]


def _platforms(environ: Mapping[str, str]) -> list[str]:
    """The platform plugins Qt would try, in order, by name."""
    requested = environ.get("QT_QPA_PLATFORM", "")
    names = [part.split(":")[0].strip().lower() for part in requested.split(";")]
    names = [name for name in names if name]
    if names:
        return names
    if environ.get("XDG_SESSION_TYPE") == "wayland" and environ.get("WAYLAND_DISPLAY"):
        return ["wayland", "xcb"]
    return ["xcb"]


def display_problem(
    environ: Mapping[str, str] | None = None,
    *,
    platform: str = sys.platform,
    loads: Callable[[str], bool] = has_library,
    answers: Callable[[str], bool] = x11_answers,
) -> str | None:
    """Why a window cannot open here (one line), or None when Qt should be able to (or when
    this check cannot tell: then Qt decides)."""
    env = os.environ if environ is None else environ
    if not platform.startswith("linux") or env.get(SKIP_VARIABLE):
        return None
    missing = _missing(QT_LIBRARIES, loads)
    if missing:
        return (
            f"Qt cannot start: missing system libraries {', '.join(missing)} "
            f"(Debian/Ubuntu: apt install {' '.join(missing)})"
        )
    platforms = _platforms(env)
    first = platforms[0]
    if first in HEADLESS_PLATFORMS:
        return None
    wayland = bool(env.get("WAYLAND_DISPLAY"))
    if "wayland" in first and wayland:
        return None  # Qt's Wayland plugin comes with the wheel; the compositor is there
    display = env.get("DISPLAY", "")
    xcb_missing = _missing(XCB_LIBRARIES, loads)
    x11_needs = f"an X11 desktop also needs {' '.join(package for _, package in XCB_LIBRARIES)}" + (
        f" ({', '.join(xcb_missing)} missing here)" if xcb_missing else ""
    )
    if "xcb" not in platforms:
        if not any("wayland" in name for name in platforms):
            return None  # a platform this check does not know: Qt says what it thinks
        return (
            f"no Wayland display to open a window on (WAYLAND_DISPLAY is not set, and "
            f"QT_QPA_PLATFORM={env.get('QT_QPA_PLATFORM', '')}): run mmtimer in a desktop "
            f"session, {OFFSCREEN_HINT}"
        )
    if not display:
        return (
            "mmtimer needs a display: neither DISPLAY nor WAYLAND_DISPLAY is set (no desktop "
            f"session), so no window can open; run it in a desktop session, {OFFSCREEN_HINT}; "
            f"{x11_needs}"
        )
    if xcb_missing:
        return (
            f"Qt cannot open a window on the X11 display {display}: missing system libraries "
            f"{', '.join(xcb_missing)} (Debian/Ubuntu: apt install {' '.join(xcb_missing)}), "
            f"{OFFSCREEN_HINT}"
        )
    if not answers(display):
        return (
            f"mmtimer needs a display: the X11 display {display} (DISPLAY) does not answer or "
            f"refuses the connection; run it in a desktop session, {OFFSCREEN_HINT}"
        )
    return None
