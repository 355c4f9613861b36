"""`mmtimer export EVENT.event.toml`: the whole event's results CSV (FORMATS.md section 4).

Reads the event file, its stages and the days' logs (none is changed); each day is scored as
`mmtimer export LOG` scores its log. A day whose stage or log cannot be read is named on standard
error and in its CSV row, and the rest is still written; only an event file that cannot be read
at all is an error (exit status 2).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import BinaryIO, TextIO

from mmtimer.core.atomicfile import atomic_write_bytes
from mmtimer.core.csvout import CsvLocale
from mmtimer.core.errors import InputError
from mmtimer.core.event import event_csv, event_results, load_event

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_BAD_INPUT = 2
ENV_HOME = "MMTIMER_HOME"


def is_event_file(name: str) -> bool:
    return name.endswith(".event.toml")


def logs_dir() -> Path:
    """Where the window writes its logs (the same folder as `ui.livestage.data_dir`): the data
    folder's ``logs``; ``$MMTIMER_HOME/logs`` when set."""
    home = os.environ.get(ENV_HOME)
    if home:
        return Path(home) / "logs"
    from PySide6.QtCore import QStandardPaths  # no display needed

    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericDataLocation)
    return (Path(location) / "mmtimer" if location else Path.home() / ".mmtimer") / "logs"


def export_event(
    path: Path,
    output: Path | None,
    *,
    locale: CsvLocale = "en",
    out: BinaryIO,
    err: TextIO,
    logs: Path | None = None,
) -> int:
    prog = "mmtimer export"
    try:
        event = load_event(path)
    except InputError as error:
        print(f"{prog}: {error}", file=err)
        return EXIT_BAD_INPUT
    result = event_results(event, logs if logs is not None else logs_dir())
    data = event_csv(result, locale).encode("utf-8")
    if output is None:
        out.write(data)
        out.flush()
    else:
        try:
            atomic_write_bytes(output, data)
        except OSError as error:
            print(f"{prog}: {output}: cannot write: {error.strerror or error}", file=err)
            return EXIT_FAILURE
    for day in result.days:
        if day.problem is not None:
            print(f"{prog}: day {day.number} ({day.day.name}): {day.problem}", file=err)
        elif day.result is None:
            print(f"{prog}: day {day.number} ({day.day.name}): not yet driven", file=err)
    for message in result.messages:
        print(f"{prog}: warning: {message}", file=err)
    return EXIT_OK
