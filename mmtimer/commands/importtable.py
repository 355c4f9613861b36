"""`mmtimer import TABLE.txt -o STAGE.stage.toml`: a stage from rows copied out of a road book.

The rows are read as FORMATS.md section 5 says (`core.roadbook`, the parser the stage editor's
Paste uses). What was understood is printed; every row that was not is listed on standard error
with its line and why. The stage is written (atomically) only when it checks as `mmtimer check`
would read it, and never over an existing file unless ``--force`` is given (the file's comments
are then kept for the sections it still has).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

from mmtimer.core.errors import InputError
from mmtimer.core.roadbook import Parsed, parse_roadbook
from mmtimer.core.rules import builtin_rule_ids, load_rules
from mmtimer.core.stage import Stage, parse_stage, section_kind_name
from mmtimer.core.stagewrite import save_stage_keeping, stage_text
from mmtimer.core.tomlfile import read_text

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_BAD_INPUT = 2
DEFAULT_RULES = "aci-2021"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Make a stage from road-book rows copied out of a spreadsheet or a PDF (cells split by "
        "tabs, two or more spaces, or ;). Rows not understood are listed; nothing is written "
        "unless the stage checks."
    )
    parser.add_argument("table", help="a text file with the pasted rows ('-': standard input)")
    parser.add_argument("-o", "--output", required=True, metavar="STAGE.stage.toml")
    parser.add_argument(
        "--rules",
        metavar="ID_OR_FILE",
        help=f"the stage's rule set: {', '.join(builtin_rule_ids())}, or a .rules.toml path "
        f"relative to the stage (default: {DEFAULT_RULES})",
    )
    parser.add_argument("--name", help="the stage's name (default: the table file's name)")
    parser.add_argument(
        "--force", action="store_true", help="replace an existing stage file (its comments stay)"
    )


def run(args: argparse.Namespace) -> int:
    return import_table(
        args.table,
        Path(args.output),
        rules=args.rules,
        name=args.name,
        force=args.force,
        out=sys.stdout,
        err=sys.stderr,
        stdin=sys.stdin,
    )


def describe_parsed(parsed: Parsed, source: str) -> tuple[list[str], list[str]]:
    """(lines about the sections understood, lines about every row not understood)."""
    understood = []
    for pasted in parsed.sections:
        section = pasted.section
        notes = f"  ({'; '.join(pasted.notes)})" if pasted.notes else ""
        understood.append(
            f"  line {pasted.line}: {section.id}, {section_kind_name(section)}, "
            f"{section.lines} {'line' if section.lines == 1 else 'lines'}{notes}"
        )
    blank = [row.line for row in parsed.not_understood if not row.text.strip()]
    rejected = [
        f"{source}:{row.line}: not understood: {row.reason}: {row.text.strip()!r}"
        for row in parsed.not_understood
        if row.text.strip()
    ]
    if blank:
        lines = ", ".join(str(n) for n in blank)
        rejected.append(f"{source}: blank {'line' if len(blank) == 1 else 'lines'} {lines}")
    return understood, rejected


def import_table(
    table: str,
    output: Path,
    *,
    rules: str | None,
    name: str | None,
    force: bool,
    out: TextIO,
    err: TextIO,
    stdin: TextIO,
) -> int:
    prog = "mmtimer import"
    try:
        text = stdin.read() if table == "-" else read_text(table)
    except InputError as error:
        print(f"{prog}: {error}", file=err)
        return EXIT_BAD_INPUT
    source = "<stdin>" if table == "-" else table
    if rules is None:
        rules = DEFAULT_RULES
        print(f"{prog}: rules: {DEFAULT_RULES} (the default; --rules to choose another)", file=err)
    if name is None:
        name = "Imported stage" if table == "-" else Path(table).name.split(".")[0]
    parsed = parse_roadbook(text)
    understood, rejected = describe_parsed(parsed, source)
    for line in rejected:
        print(f"{prog}: {line}", file=err)
    if not parsed.sections:
        print(
            f"{prog}: {source}: no row is a section (PC12, CO4, PM3...): nothing written", file=err
        )
        return EXIT_BAD_INPUT
    if output.exists() and not force:
        print(f"{prog}: {output}: exists; --force to replace it (nothing written)", file=err)
        return EXIT_BAD_INPUT
    stage = Stage(name, rules, tuple(p.section for p in parsed.sections))
    try:
        checked = parse_stage(stage_text(stage), str(output), output.parent)
        load_rules(checked.rules, output.parent)
    except InputError as error:
        print(f"{prog}: the stage does not check, nothing written: {error}", file=err)
        return EXIT_BAD_INPUT
    try:
        save_stage_keeping(stage, output)
    except OSError as error:
        print(f"{prog}: {output}: cannot write: {error.strerror or error}", file=err)
        return EXIT_FAILURE
    missed = sum(1 for row in parsed.not_understood if row.text.strip())
    print(
        f"{output}: {len(stage.sections)} sections, {stage.presses} presses"
        + (f"; {missed} rows not understood (listed above)" if missed else ""),
        file=out,
    )
    for line in understood:
        print(line, file=out)
    return EXIT_OK
