"""The stage editor's model, Qt-free: a stage being written, its edits, their undo, its checks.

The editor window (ui/stageeditor.py) is a thin Qt adapter over `StageDraft`: a table of rows
(`core.stagerows.Row`, one per section in driving order, each cell the text the navigator typed)
plus the stage's own terms (name, rule set, ``gps``). Everything the window does to the stage is
an `Edit` given to `StageDraft.apply`, which returns the edit that undoes it; the window's
QUndoStack only keeps those pairs. So every behaviour here is testable without Qt, and a random
run of edits undone in reverse gives back the stage it started from.

Checking: each row goes through the stage loader's own checks (`core.stagerows.check_rows`), so
a value refused says why in the loader's words, with the column it belongs to (`problem_at`);
`preview` checks a cell's text while it is still being typed. Saving (`save`) writes atomically
with the comment-keeping writer (`core.stagewrite`) and reads the file back: it must load to the
same stage, or the save says so.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from itertools import count
from pathlib import Path
from typing import Any

from mmtimer.core.atomicfile import atomic_write_text
from mmtimer.core.errors import QT_TRANSLATE_NOOP, InputError, Message, Text, as_text
from mmtimer.core.legs import Leg, parse_legs, parse_max_late_min
from mmtimer.core.roadbook import Parsed, kind_of_cell
from mmtimer.core.rules import builtin_rule_ids, looks_like_rules_path
from mmtimer.core.stage import (
    AverageTrial,
    Section,
    Stage,
    TimeControl,
    TimedSection,
    format_time_of_day_text,
    load_stage,
)
from mmtimer.core.stagerows import (
    COLUMNS,
    KINDS,
    TEMPLATES,
    USED_BY,
    Checked,
    Problem,
    Row,
    check_row,
    check_rows,
    duplicate_id,
    row_from_section,
    rows_from_stage,
    template_row,
)
from mmtimer.core.stagewrite import stage_text
from mmtimer.core.tomlfile import Reader, read_text

DEFAULT_RULES = "aci-2021"
RULES_SUFFIX = ".rules.toml"
LEG_COLUMNS: tuple[str, ...] = ("from", "to", "factor", "name")
"""A leg's cells (the stage's ``[[leg]]``): its first and last section ids, its factor, a name."""
LegRow = tuple[str, str, str, str]
"""A leg as the texts of its cells, in `LEG_COLUMNS` order."""
_LEG_KEY = re.compile(r"leg\[(?P<n>\d+)\](?:\.(?P<key>[A-Za-z_]+))?")


# -- edits ---------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class SetCells:
    """Set some cells of row `row` (column -> text)."""

    row: int
    cells: Mapping[str, str]


@dataclass(frozen=True, slots=True)
class InsertRows:
    """Insert `rows` so that the first is at `index`."""

    index: int
    rows: tuple[Row, ...]


@dataclass(frozen=True, slots=True)
class RemoveRows:
    """Remove `count` rows from `index` on."""

    index: int
    count: int


@dataclass(frozen=True, slots=True)
class MoveRow:
    """Move the row at `source` so that it ends at `target`."""

    source: int
    target: int


@dataclass(frozen=True, slots=True)
class SetTerms:
    """The stage's own terms; None leaves one as it is."""

    name: str | None = None
    rules: str | None = None
    gps_allowed: bool | None = None
    max_late: str | None = None
    """The stage's ``max_late_min`` as typed (empty: none)."""


@dataclass(frozen=True, slots=True)
class SetLegs:
    """The stage's legs, all of them (each a `LegRow`)."""

    legs: tuple[LegRow, ...]


Edit = SetCells | InsertRows | RemoveRows | MoveRow | SetTerms | SetLegs


@dataclass(frozen=True, slots=True)
class TermsChecked:
    """The stage's maximum lateness and legs checked by the loader: the values (None where
    refused or not checked yet) and the problems, one per leg row."""

    max_late_min: int | None
    max_late_problem: str | None
    legs: tuple[Leg, ...] | None
    """None: refused, or not checked because a section row has a problem."""
    leg_problems: tuple[Problem | None, ...]
    max_late_text: Text | None = None
    """`max_late_problem` as a window translates it."""

    @property
    def problem(self) -> Problem | None:
        """The first of them, as the stage's problem (column ``max_late_min`` or ``leg``)."""
        if self.max_late_problem is not None:
            return Problem("max_late_min", self.max_late_problem, self.max_late_text)
        for number, problem in enumerate(self.leg_problems, start=1):
            if problem is not None:
                return Problem.of(
                    "leg", Text(QT_TRANSLATE_NOOP("Errors", "leg %1: %2"), number, problem.words())
                )
        return None


@dataclass(frozen=True, slots=True)
class Totals:
    """What the stage adds up to so far (rows with a problem not counted)."""

    sections: int
    lines: int
    """Presses the stage takes: one per timing line, time control and check."""
    trials: int
    """Timed and average trials."""
    controls: int
    first_due: str | None
    last_due: str | None
    """The first and last time control's due time, in driving order."""
    problems: int
    """Rows with a value refused."""


@dataclass(frozen=True, slots=True)
class Snapshot:
    name: str
    rules: str
    gps_allowed: bool
    rows: tuple[Row, ...]
    max_late: str = ""
    legs: tuple[LegRow, ...] = ()


class SaveError(Exception):
    """The stage was not saved; the message says why (the loader's words, with the row). `text`
    is the message a window translates (ui/errors.py)."""

    def __init__(self, message: Message) -> None:
        self.text = as_text(message)
        super().__init__(str(self.text))


@dataclass
class StageDraft:
    """A stage being written: its terms, its rows, and the file it came from (if any)."""

    name: str = ""
    rules: str = DEFAULT_RULES
    rows: list[Row] = field(default_factory=list)
    gps_allowed: bool = True
    legs: tuple[LegRow, ...] = ()
    """The stage's ``[[leg]]`` tables as typed."""
    max_late: str = ""
    """The stage's ``max_late_min`` as typed (empty: none)."""
    path: Path | None = None
    original: str | None = None
    """The text of the file `path` as read (the writer keeps its comments)."""
    _saved: Snapshot | None = field(default=None, repr=False)
    _checked: Checked | None = field(default=None, repr=False)
    _terms: TermsChecked | None = field(default=None, repr=False)
    _positions: dict[int, int] = field(default_factory=dict, repr=False)
    """Where each row (by its `origin`, a token that stays with the row through moves, undo
    and redo) is in `original`: what the writer needs to keep its comments."""
    _tokens: Iterator[int] = field(default_factory=lambda: count(1 << 40), repr=False)
    _row_cache: dict[tuple[tuple[str, str], ...], Section | Problem] = field(
        default_factory=dict, repr=False
    )

    def __post_init__(self) -> None:
        self._positions = {row.origin: row.origin for row in self.rows if row.origin is not None}
        if self._saved is None:
            self._saved = self.snapshot()

    # -- making ----------------------------------------------------------------------------------
    @classmethod
    def new(cls, name: str = "") -> StageDraft:
        """A new stage: one timed trial to type over, rules `aci-2021`."""
        return cls(name=name, rows=[template_row("timed", [])])

    @classmethod
    def from_stage(
        cls, stage: Stage, path: Path | None = None, original: str | None = None
    ) -> StageDraft:
        return cls(
            name=stage.name,
            rules=stage.rules,
            rows=rows_from_stage(stage),
            gps_allowed=stage.gps_allowed,
            legs=tuple(leg_row(leg) for leg in stage.legs),
            max_late="" if stage.max_late_min is None else str(stage.max_late_min),
            path=path,
            original=original,
        )

    @classmethod
    def open(cls, path: str | Path) -> StageDraft:
        """The stage file at `path` (InputError if it does not load)."""
        target = Path(path)
        stage = load_stage(target)
        return cls.from_stage(stage, target, read_text(target))

    # -- state -----------------------------------------------------------------------------------
    def snapshot(self) -> Snapshot:
        rows = tuple(replace(r, cells={c: t for c, t in r.cells.items() if t}) for r in self.rows)
        legs = tuple(leg for leg in self.legs if any(t.strip() for t in leg))
        return Snapshot(self.name, self.rules, self.gps_allowed, rows, self.max_late.strip(), legs)

    @property
    def dirty(self) -> bool:
        """Whether the stage differs from the file it was opened from or last saved to (a new
        stage is dirty once anything is typed)."""
        return self.snapshot() != self._saved

    @property
    def base_dir(self) -> Path | None:
        return None if self.path is None else self.path.parent

    def check(self) -> Checked:
        """Every row and the stage checked by the loader (kept until the next edit)."""
        if self._checked is None:
            self._checked, self._terms = self._check_at(self.base_dir, self._row_cache)
        return self._checked

    def terms(self) -> TermsChecked:
        """The stage's maximum lateness and legs checked (kept until the next edit)."""
        self.check()
        assert self._terms is not None
        return self._terms

    def _check_at(
        self, base_dir: Path | None, cache: dict[Any, Any] | None
    ) -> tuple[Checked, TermsChecked]:
        """The rows checked, then the stage's terms against their sections (the loader's own
        checks: `core.legs`), then the whole stage with them."""
        checked = check_rows(
            self.name,
            self.rules,
            self.rows,
            base_dir,
            gps_allowed=self.gps_allowed,
            cache=cache,
        )
        terms = check_terms(self.max_late, self.legs, checked)
        if terms.problem is not None:
            problem = checked.stage_problem or terms.problem
            return replace(checked, stage=None, stage_problem=problem), terms
        if checked.stage is not None and (terms.legs or terms.max_late_min is not None):
            checked = check_rows(
                self.name,
                self.rules,
                self.rows,
                base_dir,
                legs=terms.legs or (),
                max_late_min=terms.max_late_min,
                gps_allowed=self.gps_allowed,
                cache=cache,
            )
        return checked, terms

    def leg_problem_at(self, leg: int, column: str) -> str | None:
        """The loader's message for this cell of leg `leg`, if its problem is there (a problem
        of the whole leg shows at its first cell)."""
        problem = self.leg_problem_in(leg, column)
        return None if problem is None else problem.message

    def leg_problem_in(self, leg: int, column: str) -> Problem | None:
        """The problem of leg `leg` if it shows in this cell (see `leg_problem_at`)."""
        problems = self.terms().leg_problems
        problem = problems[leg] if 0 <= leg < len(problems) else None
        if problem is None:
            return None
        where = problem.column if problem.column in LEG_COLUMNS else "from"
        return problem if where == column else None

    def row_problem(self, row: int) -> Problem | None:
        return self.check().row_problems[row]

    def problem_at(self, row: int, column: str) -> str | None:
        """The loader's message for this cell, if the row's problem is in it (a problem of the
        whole row shows at its id)."""
        problem = self.problem_in(row, column)
        return None if problem is None else problem.message

    def problem_in(self, row: int, column: str) -> Problem | None:
        """The row's problem if it shows in this cell (see `problem_at`)."""
        problem = self.row_problem(row)
        if problem is None:
            return None
        where = problem.column if problem.column in COLUMNS else "id"
        return problem if where == column else None

    def stage_problem(self) -> Problem | None:
        return self.check().stage_problem

    def preview(self, row: int, column: str, text: str) -> Problem | None:
        """The problem row `row` would have with `text` in `column` (as it is typed)."""
        edit = self.cell_edit(row, column, text)
        candidate = self.rows[row]
        if edit is not None:
            for key, value in edit.cells.items():
                candidate = candidate.with_text(key, value)
        result = check_row(candidate, row + 1)
        if isinstance(result, Problem):
            return result
        for number, other in enumerate(self.rows):
            if number != row and other.text("id").strip() == result.id:
                return duplicate_id(result.id, number + 1)
        return None

    def enabled(self, row: int, column: str) -> bool:
        """Whether the cell means something for the row's kind (id and kind always do)."""
        kind = self.rows[row].kind
        if kind is None:
            return column in ("id", "kind")
        return column in USED_BY[kind]

    def totals(self) -> Totals:
        checked = self.check()
        sections = [s for s in checked.sections if s is not None]
        dues = [s.due_ms for s in sections if isinstance(s, TimeControl)]
        return Totals(
            sections=len(sections),
            lines=sum(s.lines for s in sections),
            trials=sum(isinstance(s, TimedSection | AverageTrial) for s in sections),
            controls=len(dues),
            first_due=format_time_of_day_text(dues[0]) if dues else None,
            last_due=format_time_of_day_text(dues[-1]) if dues else None,
            problems=sum(p is not None for p in checked.row_problems),
        )

    def rules_choices(self) -> list[str]:
        """The rule sets to pick from: the built-ins, the ``.rules.toml`` files beside the
        stage, and the stage's own (if it is neither)."""
        choices = builtin_rule_ids()
        if self.base_dir is not None:
            try:
                files = sorted(p.name for p in self.base_dir.glob("*" + RULES_SUFFIX))
            except OSError:
                files = []
            choices += [name for name in files if name not in choices]
        if self.rules and self.rules not in choices:
            choices.append(self.rules)
        return choices

    # -- edits -----------------------------------------------------------------------------------
    def cell_edit(self, row: int, column: str, text: str) -> SetCells | None:
        """The edit that puts `text` in a cell (None: it is already there). A kind cell takes
        the loader's name for it (``PC`` -> ``timed``); a row given a kind whose cells are all
        empty gets that kind's template values to type over."""
        current = self.rows[row]
        cells = {column: text}
        if column == "kind":
            kind = text.strip() if text.strip() in KINDS else kind_of_cell(text)
            if kind is not None:
                cells["kind"] = kind
                values = [c for c in USED_BY[kind] if c not in ("id", "kind")]
                if kind != current.kind and not any(current.text(c).strip() for c in values):
                    cells.update({c: v for c, v in TEMPLATES[kind].items() if c != "kind"})
        cells = {c: v for c, v in cells.items() if current.text(c) != v}
        return SetCells(row, cells) if cells else None

    def template(self, kind: str) -> Row:
        """A new row of `kind` with the next free id."""
        return template_row(kind, self.rows)

    def leg_edit(self, leg: int, column: str, text: str) -> SetLegs | None:
        """The edit that puts `text` in a leg's cell (None: it is already there)."""
        cells = list(self.legs[leg])
        at = LEG_COLUMNS.index(column)
        if cells[at] == text:
            return None
        cells[at] = text
        legs = list(self.legs)
        legs[leg] = (cells[0], cells[1], cells[2], cells[3])
        return SetLegs(tuple(legs))

    def new_leg(self, at: int) -> SetLegs:
        """A leg inserted at `at`, from the section after the last leg's to the last section,
        factor 0.5, to type over."""
        ids = [row.text("id").strip() for row in self.rows]
        first = ids[0] if ids else ""
        if self.legs and self.legs[-1][1].strip() in ids:
            after = ids.index(self.legs[-1][1].strip()) + 1
            first = ids[after] if after < len(ids) else first
        legs = list(self.legs)
        legs.insert(at, (first, ids[-1] if ids else "", "0.5", ""))
        return SetLegs(tuple(legs))

    def apply(self, edit: Edit) -> Edit:
        """Make the edit; returns the edit that undoes it."""
        self._checked = None
        self._terms = None
        if isinstance(edit, SetCells):
            old = self.rows[edit.row]
            undo = SetCells(edit.row, {c: old.text(c) for c in edit.cells})
            cells = {c: t for c, t in {**old.cells, **edit.cells}.items() if t}
            self.rows[edit.row] = replace(old, cells=cells)  # an empty cell is no cell
            return undo
        if isinstance(edit, InsertRows):
            rows = [
                r if r.origin is not None else replace(r, origin=next(self._tokens))
                for r in edit.rows
            ]
            self.rows[edit.index : edit.index] = rows
            return RemoveRows(edit.index, len(edit.rows))
        if isinstance(edit, RemoveRows):
            removed = tuple(self.rows[edit.index : edit.index + edit.count])
            del self.rows[edit.index : edit.index + edit.count]
            return InsertRows(edit.index, removed)
        if isinstance(edit, MoveRow):
            row = self.rows.pop(edit.source)
            self.rows.insert(edit.target, row)
            return MoveRow(edit.target, edit.source)
        if isinstance(edit, SetLegs):
            undo_legs = SetLegs(self.legs)
            self.legs = edit.legs
            self._terms = None
            return undo_legs
        undo_terms = SetTerms(
            None if edit.name is None else self.name,
            None if edit.rules is None else self.rules,
            None if edit.gps_allowed is None else self.gps_allowed,
            None if edit.max_late is None else self.max_late,
        )
        if edit.name is not None:
            self.name = edit.name
        if edit.rules is not None:
            self.rules = edit.rules
        if edit.gps_allowed is not None:
            self.gps_allowed = edit.gps_allowed
        if edit.max_late is not None:
            self.max_late = edit.max_late
        return undo_terms

    def pasted_rows(self, parsed: Parsed) -> tuple[Row, ...]:
        """The sections of a pasted road book as rows to insert."""
        return tuple(row_from_section(pasted.section) for pasted in parsed.sections)

    # -- saving ----------------------------------------------------------------------------------
    def stage_for(self, path: Path) -> Stage:
        """The stage as it would be saved at `path` (SaveError naming the first problem)."""
        checked, _ = self._check_at(path.parent, None)
        for number, problem in enumerate(checked.row_problems, start=1):
            if problem is not None:
                row = self.rows[number - 1]
                where = f" {problem.column}" if problem.column else ""
                name: Message = row.text("id").strip() or Text(QT_TRANSLATE_NOOP("Errors", "no id"))
                raise SaveError(
                    Text(
                        QT_TRANSLATE_NOOP("Errors", "row %1 (%2)%3: %4"),
                        number,
                        name,
                        where,
                        problem.words(),
                    )
                )
        if checked.stage is None:
            problem = checked.stage_problem
            if problem is None:
                raise SaveError(QT_TRANSLATE_NOOP("Errors", "the stage does not check"))
            if problem.column == "max_late_min":
                raise SaveError(
                    Text(QT_TRANSLATE_NOOP("Errors", "%1: %2"), problem.column, problem.words())
                )
            raise SaveError(problem.words())
        return checked.stage

    def save(self, path: str | Path | None = None) -> Stage:
        """Write the stage to `path` (default: the file it came from) atomically, keeping that
        file's comments and layout; read it back, which must give the same stage. Afterwards
        the draft is the file's."""
        target = Path(path) if path is not None else self.path
        if target is None:
            raise SaveError(QT_TRANSLATE_NOOP("Errors", "no file to save to"))
        stage = self.stage_for(target)
        origins: Sequence[int | None] = [
            None if row.origin is None else self._positions.get(row.origin) for row in self.rows
        ]
        text = stage_text(stage, self.original, origins)
        try:
            atomic_write_text(target, text)
        except OSError as error:
            raise SaveError(
                Text(QT_TRANSLATE_NOOP("Errors", "%1: %2"), target, error.strerror or error)
            ) from None
        try:
            written = load_stage(target)
        except InputError as error:  # pragma: no cover - a writer bug: say so, loudly
            raise SaveError(
                Text(
                    QT_TRANSLATE_NOOP("Errors", "the file written does not load: %1"),
                    error.whole(),
                )
            ) from None
        if written != stage:  # pragma: no cover - a writer bug: say so, loudly
            raise SaveError(
                Text(
                    QT_TRANSLATE_NOOP("Errors", "%1: the file written loads to a different stage"),
                    target,
                )
            )
        self.path = target
        self.original = text
        self.rows = [
            row if row.origin is not None else replace(row, origin=next(self._tokens))
            for row in self.rows
        ]
        self._positions = {
            row.origin: i for i, row in enumerate(self.rows) if row.origin is not None
        }
        self._checked = None
        self._saved = self.snapshot()
        return stage


def rules_reference(file: Path, stage_dir: Path | None) -> str:
    """How a stage in the folder `stage_dir` names the rule-set file `file`: its path relative
    to that folder, with forward slashes (as the stage format says); absolute when the stage has
    no folder yet (a new stage) or the file is on another drive."""
    target = Path(os.path.abspath(file))
    if stage_dir is None:
        return target.as_posix()
    try:
        return Path(os.path.relpath(target, os.path.abspath(stage_dir))).as_posix()
    except ValueError:  # another drive (Windows)
        return target.as_posix()


def rules_moved(rules: str, old_dir: Path | None, new_dir: Path) -> str:
    """The stage's `rules` once it is saved in `new_dir` rather than `old_dir`: a built-in stays
    as it is; a file is named again from `new_dir` (an absolute path, a new stage's, becomes
    relative), so it still names the same file."""
    if rules in builtin_rule_ids() or not looks_like_rules_path(rules):
        return rules
    path = Path(rules)
    if not path.is_absolute():
        if old_dir is None or os.path.abspath(old_dir) == os.path.abspath(new_dir):
            return rules
        path = old_dir / path
    return rules_reference(path, new_dir)


def leg_row(leg: Leg) -> LegRow:
    return (leg.first, leg.last, str(leg.factor), leg.name)


def check_terms(max_late: str, legs: Sequence[LegRow], checked: Checked) -> TermsChecked:
    """The stage's ``max_late_min`` and ``[[leg]]`` tables as typed, through the loader's own
    checks; the legs only once every section row checks (they name its sections)."""
    reader = Reader("stage")
    max_late_min: int | None = None
    max_late_problem: str | None = None
    max_late_text: Text | None = None
    text = max_late.strip()
    if text:
        value: object = int(text) if text.isdigit() else text
        try:
            max_late_min = parse_max_late_min(value, ("max_late_min",), reader)
        except InputError as error:
            max_late_problem, max_late_text = error.message, error.text
    problems: list[Problem | None] = [None] * len(legs)
    rows_ok = checked.sections and all(s is not None for s in checked.sections)
    if not legs:
        return TermsChecked(max_late_min, max_late_problem, (), (), max_late_text)
    if not rows_ok or any(p is not None for p in checked.row_problems):
        return TermsChecked(max_late_min, max_late_problem, None, tuple(problems), max_late_text)
    sections = [s for s in checked.sections if s is not None]
    raw = [_leg_object(leg) for leg in legs]
    try:
        parsed: tuple[Leg, ...] | None = parse_legs(raw, sections, reader)
    except InputError as error:
        parsed = None
        match = _LEG_KEY.fullmatch(error.key or "")
        number = int(match["n"]) - 1 if match else 0
        column = match["key"] if match else None
        if 0 <= number < len(problems):
            problems[number] = Problem.of(column, error.text)
    return TermsChecked(max_late_min, max_late_problem, parsed, tuple(problems), max_late_text)


def _leg_object(leg: LegRow) -> dict[str, Any]:
    first, last, factor, name = (text.strip() for text in leg)
    obj: dict[str, Any] = {}
    if first:
        obj["from"] = first
    if last:
        obj["to"] = last
    if factor:
        obj["factor"] = factor.replace(",", ".")
    if name:
        obj["name"] = name
    return obj


def describe_section(section: Section) -> str:
    """A section's values in one line, as the editor's cells show them (for the paste preview)."""
    row = row_from_section(section)
    used = [c for c in USED_BY[section.kind.value] if c not in ("id", "kind") and row.text(c)]
    return "  ".join(row.text(c) for c in used)


__all__ = [
    "DEFAULT_RULES",
    "LEG_COLUMNS",
    "Edit",
    "InsertRows",
    "LegRow",
    "MoveRow",
    "RemoveRows",
    "SaveError",
    "SetCells",
    "SetLegs",
    "SetTerms",
    "StageDraft",
    "TermsChecked",
    "Totals",
    "describe_section",
    "rules_moved",
    "rules_reference",
]
