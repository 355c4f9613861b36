"""Writing a stage file that keeps the navigator's comments and layout (tomlkit).

`stage_text(stage, original)` is the TOML of `stage`; given the text of the file it was opened
from, everything the stage did not change stays as it was written: comments (whole lines and
after a value), blank lines, the order of keys, how each value was spelled (``"15.00"`` or
``15``, ``speeds`` with one pair). A section keeps the comment lines written just above its
``[[section]]`` header when it moves, and loses them only when it is deleted.

How: the text is cut into blocks - the top (format, name, rules and what precedes the first
section) and one block per ``[[section]]`` from the comment lines right above its header to the
next block. Each block is edited on its own with tomlkit (only the keys whose meaning changed are
rewritten, each keeping its comment), and the blocks are put together in the new order; a new
section is written fresh. Sections are matched to blocks by `origins` (the editor knows where each
row came from) or else by id.

The text written is checked: it must load back to `stage`. If the comment-keeping path cannot
promise that (a file laid out in a way the block cutter does not follow, such as an inline
``section = [...]``), the stage is written fresh instead - never a file that loads differently.
`save_stage_keeping(stage, path)` writes atomically (`core/atomicfile.py`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import tomlkit
import tomlkit.items
from tomlkit.exceptions import TOMLKitError

from mmtimer.core.atomicfile import atomic_write_text
from mmtimer.core.errors import InputError
from mmtimer.core.stage import (
    STAGE_FORMAT,
    Section,
    Stage,
    parse_stage,
    stage_to_json,
    stage_to_toml,
)

_SECTION_HEADER = re.compile(r"^\s*\[\[\s*(?:section|\"section\"|'section')\s*\]\]\s*(?:#.*)?$")
_KEY = r"""(?:[A-Za-z0-9_-]+|"[^"\n]*"|'[^'\n]*')"""
_ANY_HEADER = re.compile(rf"^\s*\[\[?\s*{_KEY}(?:\s*\.\s*{_KEY})*\s*\]\]?\s*(?:#.*)?$")
"""A table header line (``[x]``, ``[[leg]]``), not a line of an array written over several
lines (``  ["0.700", "bridge"],``); a line it cannot tell apart is caught by the check that the
text written loads back."""
_COMMENT = re.compile(r"^\s*#")
_BLANK = re.compile(r"^\s*$")

# The keys that say each part of a section's meaning (a part unchanged keeps its keys as written).
_PART_KEYS: dict[str, tuple[str, ...]] = {
    "leg_factor": ("leg_factor",),
    "max_late_min": ("max_late_min",),
    "targets": ("targets",),
    "targets_from": ("targets_from",),
    "due": ("due",),
    "start": ("start",),
    "speeds": ("speed_kmh", "speeds"),
    "checks": ("checks_km",),
    "landmarks": ("landmarks",),
}


@dataclass(frozen=True, slots=True)
class _Layout:
    """A stage file cut into its top block and one block per section (texts end with \\n)."""

    top: str
    sections: tuple[str, ...]
    rest: str = ""
    """Everything from the first other table after the sections on (the ``[[leg]]`` tables)."""


def _split(text: str) -> _Layout | None:
    """The blocks of `text`, or None when its layout is not one header per section."""
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    headers = [i for i, line in enumerate(lines) if _SECTION_HEADER.match(line)]
    others = [i for i, line in enumerate(lines) if _ANY_HEADER.match(line) and i not in headers]
    if not headers or (others and others[0] < headers[-1]):
        return None  # another table before or between the sections: not a layout to cut

    def with_comments_above(header: int) -> int:
        start = header
        while start > 0 and _COMMENT.match(lines[start - 1]):
            start -= 1
        return start

    starts = [with_comments_above(header) for header in headers]
    end = with_comments_above(others[0]) if others else len(lines)
    bounds = [*starts, end]
    top = "".join(lines[: starts[0]])
    blocks = tuple("".join(lines[bounds[i] : bounds[i + 1]]) for i in range(len(starts)))
    return _Layout(top, blocks, "".join(lines[end:]))


def _semantic_parts(section: Section) -> dict[str, Any]:
    """What each part of a section means, comparable between an old and a new section."""
    obj = _canonical(section)
    return {
        "kind": obj["kind"],
        "leg_factor": getattr(section, "leg_factor", None),
        "max_late_min": getattr(section, "max_late_min", None),
        "targets": obj.get("targets"),
        "targets_from": obj.get("targets_from", "previous") if obj["kind"] == "timed" else None,
        "due": obj.get("due"),
        "start": obj.get("start"),
        "speeds": getattr(section, "speeds", None),
        "checks": getattr(section, "checks_m", None),
        "landmarks": getattr(section, "landmarks", None),
    }


def _canonical(section: Section) -> dict[str, Any]:
    """The section as the stage file's JSON form (the writer's own spelling)."""
    stage = Stage("x", "aci-2021", (section,))
    result: dict[str, Any] = stage_to_json(stage)["section"][0]
    return result


def _set(table: Any, key: str, value: Any) -> None:
    table[key] = value  # tomlkit keeps the comment after a replaced value


def _edit_section_block(block: str, old: Section, new: Section) -> str:
    """The block of `old` rewritten to say `new`: unchanged parts are left as written."""
    if old == new:
        return block
    doc = tomlkit.parse(block)
    table = doc["section"][0]
    canonical = _canonical(new)
    if old.id != new.id:
        _set(table, "id", new.id)
    if old.kind is not new.kind:
        for key in list(table.keys()):
            if key not in ("id", "kind"):
                del table[key]
        _set(table, "kind", canonical["kind"])
        for key, value in canonical.items():
            if key not in ("id", "kind"):
                table[key] = value
        return tomlkit.dumps(doc)
    old_parts, new_parts = _semantic_parts(old), _semantic_parts(new)
    for part, keys in _PART_KEYS.items():
        if old_parts[part] == new_parts[part]:
            continue
        wanted = [key for key in keys if key in canonical]
        for key in keys:
            if key in table and key not in wanted:
                del table[key]
        for key in wanted:
            _set(table, key, canonical[key])
    return tomlkit.dumps(doc)


def _edit_top(top: str, stage: Stage, old: Stage) -> str:
    if (old.name, old.rules, old.max_late_min, old.gps_allowed) == (
        stage.name,
        stage.rules,
        stage.max_late_min,
        stage.gps_allowed,
    ):
        return top
    doc = tomlkit.parse(top)
    if old.name != stage.name or "name" not in doc:
        _set(doc, "name", stage.name)
    if old.rules != stage.rules or "rules" not in doc:
        _set(doc, "rules", stage.rules)
    if old.max_late_min != stage.max_late_min:
        if stage.max_late_min is None:
            if "max_late_min" in doc:
                del doc["max_late_min"]
        else:
            _set(doc, "max_late_min", stage.max_late_min)
    if old.gps_allowed != stage.gps_allowed:
        if stage.gps_allowed:
            if "gps" in doc:
                del doc["gps"]
        else:
            _set(doc, "gps", False)
    if "format" not in doc:
        _set(doc, "format", STAGE_FORMAT)
    return tomlkit.dumps(doc)


def _fresh_block(section: Section) -> str:
    doc = tomlkit.document()
    aot = tomlkit.aot()
    table = tomlkit.table()
    for key, value in _canonical(section).items():
        table[key] = value
    aot.append(table)
    doc["section"] = aot
    return tomlkit.dumps(doc).lstrip("\n")


def _fresh_legs(stage: Stage) -> str:
    if not stage.legs:
        return ""
    doc = tomlkit.document()
    aot = tomlkit.aot()
    for leg in stage_to_json(stage)["leg"]:
        table = tomlkit.table()
        for key, value in leg.items():
            table[key] = value
        aot.append(table)
    doc["leg"] = aot
    return tomlkit.dumps(doc).lstrip("\n")


def _edit_legs(rest: str, stage: Stage, old: Stage) -> str:
    """The ``[[leg]]`` tables of `old` (the text `rest`) rewritten to say `stage`'s legs: a leg
    kept in its place keeps its comments and the keys it did not change; legs added are
    appended, legs removed go from the end."""
    if not old.legs or not stage.legs or not rest.strip():
        return _fresh_legs(stage)
    doc = tomlkit.parse(rest)
    tables = doc["leg"]
    wanted = stage_to_json(stage)["leg"]
    was = stage_to_json(old)["leg"]
    for index, leg in enumerate(wanted):
        if index >= len(was):
            table = tomlkit.table()
            for key, value in leg.items():
                table[key] = value
            tables.append(table)
            continue
        if leg == was[index]:
            continue
        table = tables[index]
        for key in list(table.keys()):
            if key not in leg:
                del table[key]
        for key, value in leg.items():
            if key not in table or key not in was[index] or was[index][key] != value:
                _set(table, key, value)
    while len(tables) > len(wanted):
        del tables[len(tables) - 1]
    return tomlkit.dumps(doc)


def _ends_blank(text: str) -> bool:
    return text.endswith("\n\n") or text == ""


def stage_text(
    stage: Stage,
    original: str | None = None,
    origins: Sequence[int | None] | None = None,
) -> str:
    """The TOML text of `stage`, keeping `original`'s comments and layout where it can.

    `origins[i]`: the index (0-based) in the original file of the section that became
    ``stage.sections[i]``, or None for a new one; by default sections are matched by id.
    """
    if original is None:
        return fresh_stage_text(stage)
    try:
        old = parse_stage(original, "<original>")
    except InputError:
        return fresh_stage_text(stage)
    layout = _split(original)
    if layout is None or len(layout.sections) != len(old.sections):
        return fresh_stage_text(stage)
    if origins is None:
        index_of = {section.id: i for i, section in enumerate(old.sections)}
        origins = [index_of.get(section.id) for section in stage.sections]
    if len(origins) != len(stage.sections):
        raise ValueError("origins must name one original index (or None) per section")
    try:
        text = _assemble(stage, old, layout, origins)
        written = parse_stage(text, "<written>")
    except (InputError, TOMLKitError, KeyError, TypeError, ValueError):
        return fresh_stage_text(stage)
    if written != stage:
        return fresh_stage_text(stage)
    return text


def fresh_stage_text(stage: Stage) -> str:
    """A new stage file as a person would write it: one line per key, arrays on one line, a
    blank line between sections."""
    top = tomlkit.document()
    top["format"] = STAGE_FORMAT
    top["name"] = stage.name
    top["rules"] = stage.rules
    if stage.max_late_min is not None:
        top["max_late_min"] = stage.max_late_min
    if not stage.gps_allowed:
        top["gps"] = False
    text = tomlkit.dumps(top) + "".join("\n" + _fresh_block(s) for s in stage.sections)
    if stage.legs:
        text += "\n" + _fresh_legs(stage)
    if parse_stage(text, "<written>") != stage:  # pragma: no cover - a writer bug: be safe
        return stage_to_toml(stage)
    return text


def _assemble(stage: Stage, old: Stage, layout: _Layout, origins: Sequence[int | None]) -> str:
    used: set[int] = set()
    parts = [_edit_top(layout.top, stage, old)]
    previous: int | None = -1  # the top block
    for section, wanted in zip(stage.sections, origins, strict=True):
        valid = wanted is not None and wanted not in used and 0 <= wanted < len(old.sections)
        origin = wanted if valid else None
        if origin is None:
            block = _fresh_block(section)
        else:
            used.add(origin)
            block = _edit_section_block(layout.sections[origin], old.sections[origin], section)
        follows_as_before = origin is not None and previous is not None and origin == previous + 1
        if not follows_as_before and not _ends_blank(parts[-1]):
            parts[-1] += "\n"
        parts.append(block)
        previous = origin
    rest = layout.rest if stage.legs == old.legs else _edit_legs(layout.rest, stage, old)
    if rest:
        if not _ends_blank(parts[-1]):
            parts[-1] += "\n"
        parts.append(rest)
    text = "".join(parts)
    if (layout.rest or layout.sections[-1]).endswith("\n\n"):
        return text  # the file ended with blank lines: so does the new one
    return text.rstrip("\n") + "\n"


def save_stage_keeping(
    stage: Stage, path: str | Path, origins: Sequence[int | None] | None = None
) -> str:
    """Write `stage` to `path` atomically, keeping the comments of the file there (if it is a
    stage); returns the text written."""
    target = Path(path)
    try:
        original: str | None = target.read_text(encoding="utf-8").removeprefix("\ufeff")
    except (OSError, UnicodeDecodeError):
        original = None
    text = stage_text(stage, original, origins)
    atomic_write_text(target, text)
    return text
