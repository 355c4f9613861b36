"""Where a new stage log goes: the naming policy (pure; the data folder itself is the window's).

``<folder>/2026-05-13_075802-<stage>.mmlog`` (local time), the stage named by its file's stem
(or its name), cut to 40 safe characters; numbered ``-2``, ``-3``... if the file exists, since a
log is never overwritten.
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

from mmtimer.core.stage import Stage

LOGS_FOLDER = "logs"
"""The data folder's subfolder that holds the logs (the resume offer looks there too)."""


def log_stem(stage: Stage, stage_path: Path | None) -> str:
    """The stage part of a log's name: safe characters only, at most 40."""
    stem = stage_path.name.split(".")[0] if stage_path is not None else stage.name
    return re.sub(r"[^A-Za-z0-9_-]+", "-", stem).strip("-")[:40] or "stage"


def new_log_path(folder: Path, stage: Stage, stage_path: Path | None, when: datetime) -> Path:
    """A log path in `folder` for a stage opened at `when` that names no existing file."""
    base = f"{when.astimezone():%Y-%m-%d_%H%M%S}-{log_stem(stage, stage_path)}"
    path = folder / f"{base}.mmlog"
    number = 2
    while path.exists():
        path = folder / f"{base}-{number}.mmlog"
        number += 1
    return path
