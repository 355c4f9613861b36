"""The `mmtimer` command: starts the window, or runs a Qt-free subcommand (check, export...).

Nothing here imports Qt at module level: `mmtimer --version` and the subcommands that do not draw
work without a display, and the window's imports are paid only when a window is wanted. Before a
window, `mmtimer.display` checks that Qt can open one here (else one line says what is missing).
"""

from __future__ import annotations

import argparse
import gc
import importlib
import sys
from collections.abc import Callable, Sequence

from mmtimer import __version__

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2  # also: a bad input file (FORMATS.md: a clear message, never a traceback)

Command = Callable[[argparse.Namespace], int]


def _port(text: str) -> int:
    try:
        port = int(text)
    except ValueError:
        port = -1
    if not 1 <= port <= 65534:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port (1-65534)")
    return port


def _app_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mmtimer",
        description="Chronograph and regularity-rally timer. Subcommands: "
        + ", ".join(sorted(SUBCOMMANDS))
        + " (mmtimer SUBCOMMAND --help).",
    )
    parser.add_argument("--version", action="version", version=f"mmtimer {__version__}")
    parser.add_argument(
        "file",
        nargs="?",
        help="a stage (.stage.toml) to time, a log (.mmlog) to replay, or an event "
        "(.event.toml): its days listed and the next one opened",
    )
    parser.add_argument("--log", metavar="OUT.mmlog", help="where to write the stage log")
    parser.add_argument(
        "--driver-window",
        action="store_true",
        help="open the driver display: a second window, full screen (View > Driver display)",
    )
    parser.add_argument(
        "--driver-page",
        metavar="PORT",
        type=_port,
        help="serve the driver's phone page on PORT and the next one (View > Driver page)",
    )
    parser.add_argument(
        "--quit-after-first-frame",
        action="store_true",
        help="print a line when the dial has painted its first frame, then quit (start-up checks)",
    )
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="check this installation offscreen (window, rule sets, example log), print, exit",
    )
    return parser


def _run_app(args: argparse.Namespace) -> int:
    # The cyclic garbage collector stays off until the first frame (mmtimer/app.py turns it on
    # then): a start makes some hundred thousand objects that all stay alive (modules, classes,
    # Qt's enums), and collecting among them ran about 90 times before the first frame.
    gc.disable()
    try:
        # Without a display (or the libraries of Qt's platform plugin) Qt aborts the process as
        # the QApplication is made; ask first, before Qt is imported, and say it in one line.
        from mmtimer.display import display_problem

        problem = display_problem()
        if problem is not None:
            print(f"mmtimer: {problem}", file=sys.stderr)
            return EXIT_FAILURE
        from mmtimer.app import run_app

        return run_app(args)
    finally:
        gc.enable()


# Each subcommand's module (mmtimer.commands.NAME, with `add_arguments` and `run`), imported only
# when that subcommand runs: the window's start does not pay for the NMEA parser, tomlkit or PDF.
SUBCOMMANDS: dict[str, str] = {
    "card": "card",
    "check": "check",
    "export": "export",
    "gps": "gps",
    "import": "importtable",
    "screenshot": "screenshot",
    "table": "table",
}


def _subcommand(name: str) -> tuple[Callable[[argparse.ArgumentParser], None], Command]:
    """The subcommand's function that adds its arguments, and the one that runs it."""
    module = importlib.import_module(f"mmtimer.commands.{SUBCOMMANDS[name]}")
    return module.add_arguments, module.run


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list and args_list[0] in SUBCOMMANDS:
        name = args_list[0]
        add_arguments, run = _subcommand(name)
        parser = argparse.ArgumentParser(prog=f"mmtimer {name}")
        add_arguments(parser)
        return run(parser.parse_args(args_list[1:]))
    args = _app_parser().parse_args(args_list)
    if args.smoke:
        from mmtimer.commands.smoke import run_smoke

        return run_smoke()
    problem = replay_refusal(args)
    if problem is not None:
        print(f"mmtimer: {problem}", file=sys.stderr)
        return EXIT_USAGE
    return _run_app(args)


def replay_refusal(args: argparse.Namespace) -> str | None:
    """Why the options cannot go with a log opened in a replay window, or None. The driver's
    displays show a stage being timed, for the driver in the car: a replay has no driver, and
    quietly opening it without them would leave a phone waiting for a page that never comes."""
    file = args.file
    if not file or not file.endswith(".mmlog") or args.log:
        return None
    wanted = [
        option
        for option, given in (
            ("--driver-window", args.driver_window),
            ("--driver-page", args.driver_page is not None),
        )
        if given
    ]
    if not wanted:
        return None
    return (
        f"{' and '.join(wanted)}: the driver's displays follow a stage being timed, and "
        f"{file} opens in a replay window; open the stage (.stage.toml) to time it"
    )
