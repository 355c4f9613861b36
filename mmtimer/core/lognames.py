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
    return safe_name(stem) or "stage"


def safe_name(text: str, limit: int = 40) -> str:
    """Safe characters only (letters, digits, ``_``, ``-``), at most `limit`."""
    return re.sub(r"[^A-Za-z0-9_-]+", "-", text).strip("-")[:limit]


def results_stem(stage_name: str | None, log_path: Path | None) -> str:
    """The suggested name of a results CSV (without ``.csv``): the log's name and the stage's,
    ``2026-05-13_075802-mille-miglia-day1-1000-Miglia-Day-1-Brescia-to-Cervia-Mila`` (the stage's
    name said once when the log's name holds it already)."""
    log = log_path.name.removesuffix(".mmlog") if log_path is not None else ""
    stage = re.sub(r"[^A-Za-z0-9_]+", "-", stage_name or "").strip("-")[:40].strip("-")
    if stage and stage.lower() in log.lower():
        stage = ""
    return "-".join(part for part in (log, stage) if part) or "results"


def new_log_path(folder: Path, stage: Stage, stage_path: Path | None, when: datetime) -> Path:
    """A log path in `folder` for a stage opened at `when` that names no existing file."""
    base = f"{when.astimezone():%Y-%m-%d_%H%M%S}-{log_stem(stage, stage_path)}"
    path = folder / f"{base}.mmlog"
    number = 2
    while path.exists():
        path = folder / f"{base}-{number}.mmlog"
        number += 1
    return path
