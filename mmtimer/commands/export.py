"""`mmtimer export LOG`: score a stage log and write the results CSV (FORMATS.md section 3).

Reads the log only (it is never changed, and nothing is written next to it); the CSV goes to
standard output, or with ``-o`` to a file written atomically. A log that cannot be read is one
line on standard error naming the file and the line, and exit status 2. What the reader or the
scoring had to say about a log that can be scored (a torn last line, an ignored void) goes to
standard error too, after the CSV is written.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import BinaryIO, TextIO

from mmtimer.core.atomicfile import atomic_write_bytes
from mmtimer.core.csvout import LOCALES, CsvLocale, results_csv
from mmtimer.core.errors import InputError
from mmtimer.core.logfile import read_log
from mmtimer.core.replay import Replay, fold_log_file
from mmtimer.core.scoring import NotCausalError

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_BAD_INPUT = 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Score a stage log, or every day of an event, and write the results as CSV (UTF-8 with "
        "BOM)."
    )
    parser.add_argument("log", help="a stage log (.mmlog), or an event (.event.toml)")
    parser.add_argument(
        "-o", "--output", metavar="OUT.csv", help="write here (default: standard output)"
    )
    parser.add_argument(
        "--rules",
        metavar="ID_OR_FILE",
        help="score with this rule set (a built-in id or a .rules.toml file) instead of the "
        "stage's",
    )
    parser.add_argument(
        "--locale",
        choices=LOCALES,
        default="en",
        help="en: comma-separated, decimal point (default); eu: semicolons, decimal commas",
    )


def run(args: argparse.Namespace) -> int:
    from mmtimer.commands import event_export

    if event_export.is_event_file(args.log):
        if args.rules is not None:
            print(
                "mmtimer export: --rules is for one log; an event's days keep theirs",
                file=sys.stderr,
            )
            return EXIT_BAD_INPUT
        out = None if args.output is None else Path(args.output)
        return event_export.export_event(
            Path(args.log), out, locale=args.locale, out=sys.stdout.buffer, err=sys.stderr
        )
    return export(
        Path(args.log),
        None if args.output is None else Path(args.output),
        rules_ref=args.rules,
        locale=args.locale,
        out=sys.stdout.buffer,
        err=sys.stderr,
    )


def export_csv(
    log: Path, *, rules_ref: str | None = None, locale: CsvLocale = "en"
) -> tuple[str, list[str]]:
    """The CSV text of a log, and the warnings (reader problems, scoring messages).

    The log is read as a stream and each event folded as it comes (`fold_log_file`), so memory
    is what the folds keep, not the log: a 1,000,000-event log exports in about 70 MB. A log
    that the fold cannot take one event at a time (a void naming a later seq, edited by hand)
    is read whole and scored by the replay instead, with the same answers. Raises InputError
    for a log (or rule set) that cannot be used.
    """
    try:
        folded = fold_log_file(log, rules_ref=rules_ref, rules_base_dir=Path.cwd())
    except NotCausalError:
        contents = read_log(log, keep_torn=False)
        replay = Replay(contents, rules_ref=rules_ref, rules_base_dir=Path.cwd())
        result = replay.final_results()
        warnings = [*replay.problems, *(f"{log}: {message}" for message in result.messages)]
        return results_csv(result, locale), warnings
    result = folded.results(live=False)
    warnings = [*folded.problems, *(f"{log}: {message}" for message in result.messages)]
    return results_csv(result, locale), warnings


def export(
    log: Path,
    output: Path | None,
    *,
    rules_ref: str | None = None,
    locale: CsvLocale = "en",
    out: BinaryIO,
    err: TextIO,
) -> int:
    """Write the CSV of `log` to `output` (or `out`); errors and warnings to `err`."""
    try:
        text, warnings = export_csv(log, rules_ref=rules_ref, locale=locale)
    except InputError as error:
        print(f"mmtimer export: {error}", file=err)
        return EXIT_BAD_INPUT
    data = text.encode("utf-8")
    if output is None:
        out.write(data)
        out.flush()
    else:
        if _same_file(output, log):
            print(f"mmtimer export: {output}: would overwrite the log itself", file=err)
            return EXIT_BAD_INPUT
        try:
            atomic_write_bytes(output, data)
        except OSError as error:
            print(f"mmtimer export: {output}: cannot write: {error.strerror or error}", file=err)
            return EXIT_FAILURE
    for warning in warnings:
        print(f"mmtimer export: warning: {warning}", file=err)
    return EXIT_OK


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and a.samefile(b))
    except OSError:
        return False
