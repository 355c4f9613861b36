"""`mmtimer table STAGE -o OUT.csv|OUT.pdf`: an average trial's time table (tabella di marcia).

The ideal time every 100 m (``--every`` 0.010 to 1.000 km) of each average trial of the stage, or
of the one ``--section`` names, with the speed changes, checks and landmarks marked. CSV: the
columns of docs/files.md (``section,km,ideal,mark``), written atomically. PDF: A5 pages for the
driver, made with Qt's QPdfWriter offscreen, saying how the rule set rounds ideals when it
scores. A stage that cannot be read is one line naming the file, and exit status 2.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from mmtimer.core.atomicfile import atomic_write_bytes
from mmtimer.core.errors import InputError
from mmtimer.core.rules import RuleSet, load_rules
from mmtimer.core.stage import AverageTrial, Stage, load_stage
from mmtimer.core.timefmt import FormatError, parse_km_m
from mmtimer.core.timetable import (
    DEFAULT_STEP_M,
    TableRow,
    average_sections,
    check_step,
    table_csv,
    time_table,
)

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_BAD_INPUT = 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Write an average trial's time table: the ideal time every 100 m, as CSV or as a PDF "
        "for the driver (A5)."
    )
    parser.add_argument("stage", help="a stage file (.stage.toml)")
    parser.add_argument("--section", metavar="ID", help="only this average trial (default: all)")
    parser.add_argument(
        "--every", metavar="KM", default="0.100", help="a row every KM km, 0.010 to 1.000 (0.100)"
    )
    parser.add_argument(
        "-o", "--output", metavar="OUT.csv|OUT.pdf", required=True, help="the file to write"
    )


def run(args: argparse.Namespace) -> int:
    return table(
        Path(args.stage),
        Path(args.output),
        section_id=args.section,
        every=args.every,
        out=sys.stdout,
        err=sys.stderr,
    )


def table(
    stage_path: Path,
    output: Path,
    *,
    section_id: str | None = None,
    every: str = "0.100",
    out: TextIO,
    err: TextIO,
) -> int:
    def fail(message: str, status: int = EXIT_BAD_INPUT) -> int:
        print(f"mmtimer table: {message}", file=err)
        return status

    suffix = output.suffix.lower()
    if suffix not in (".csv", ".pdf"):
        return fail(f"{output}: name it OUT.csv or OUT.pdf")
    try:
        every_m = check_step(parse_km_m(every, "--every"))
    except (FormatError, ValueError) as error:
        return fail(f"--every {every}: {error}")
    try:
        stage = load_stage(stage_path)
        rules = load_rules(stage.rules, stage_path.parent)
        sections = average_sections(stage, section_id)
    except InputError as error:
        return fail(str(error))
    except ValueError as error:
        return fail(f"{stage_path}: {error}")
    if not output.parent.is_dir():
        return fail(f"{output.parent}: no such folder")
    tables = [(section, time_table(section, every_m)) for section in sections]
    try:
        if suffix == ".csv":
            rows = [row for _, section_rows in tables for row in section_rows]
            atomic_write_bytes(output, table_csv(rows).encode("utf-8"))
            print(f"{output}: {len(rows)} rows", file=out)
        else:
            pages = _write_pdf(output, stage, rules, tables, every_m)
            print(f"{output}: {pages} page{'s' if pages != 1 else ''} (A5)", file=out)
    except OSError as error:
        return fail(f"{output}: cannot write: {error.strerror or error}", EXIT_FAILURE)
    return EXIT_OK


def _write_pdf(
    output: Path,
    stage: Stage,
    rules: RuleSet,
    tables: Sequence[tuple[AverageTrial, Sequence[TableRow]]],
    every_m: int,
) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from mmtimer.app import make_application
    from mmtimer.ui.timetable_pdf import write_table_pdf

    make_application()
    return write_table_pdf(output, stage, rules, tables, every_m)


__all__ = ("DEFAULT_STEP_M", "add_arguments", "run", "table")
