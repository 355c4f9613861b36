"""`mmtimer card STAGE [-o CARD.pdf] [--page A4|A5]`: the navigator's card of a stage.

Every line, target, due time and the ideal time at each check (present/card.py), as a PDF made
with Qt's QPdfWriter offscreen (ui/card_pdf.py, the same pages File > Export card PDF writes), or
without ``-o`` as text on standard output. The PDF is written atomically. A stage that cannot be
read is one line naming the file, and exit status 2.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TextIO

from mmtimer.core.errors import InputError
from mmtimer.core.rules import load_rules
from mmtimer.core.stage import load_stage
from mmtimer.present.card import Card, card_text, stage_card

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_BAD_INPUT = 2
PAGES = ("A5", "A4")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Write the navigator's card of a stage: every line, target, due time and the ideal "
        "time at each check, as a PDF (A5 or A4), or as text without -o."
    )
    parser.add_argument("stage", help="a stage file (.stage.toml)")
    parser.add_argument("-o", "--output", metavar="CARD.pdf", help="the PDF to write")
    parser.add_argument(
        "--page", choices=PAGES, default="A5", type=str.upper, help="the page size (A5)"
    )


def run(args: argparse.Namespace) -> int:
    output = Path(args.output) if args.output else None
    return card(Path(args.stage), output, page=args.page, out=sys.stdout, err=sys.stderr)


def card(stage_path: Path, output: Path | None, *, page: str, out: TextIO, err: TextIO) -> int:
    def fail(message: str, status: int = EXIT_BAD_INPUT) -> int:
        print(f"mmtimer card: {message}", file=err)
        return status

    if output is not None and output.suffix.lower() != ".pdf":
        return fail(f"{output}: name it CARD.pdf (without -o the card is printed as text)")
    try:
        stage = load_stage(stage_path)
        rules = load_rules(stage.rules, stage_path.parent)
    except InputError as error:
        return fail(str(error))
    made = stage_card(stage, rules)
    if output is None:
        out.write(card_text(made))
        return EXIT_OK
    if not output.parent.is_dir():
        return fail(f"{output.parent}: no such folder")
    try:
        pages = _write_pdf(output, made, page)
    except OSError as error:
        return fail(f"{output}: cannot write: {error.strerror or error}", EXIT_FAILURE)
    print(f"{output}: {pages} page{'s' if pages != 1 else ''} ({page})", file=out)
    return EXIT_OK


def _write_pdf(output: Path, made: Card, page: str) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from mmtimer.app import make_application
    from mmtimer.ui.card_pdf import write_card_pdf

    make_application()
    return write_card_pdf(output, made, "A4" if page == "A4" else "A5")


__all__ = ("add_arguments", "card", "run")
