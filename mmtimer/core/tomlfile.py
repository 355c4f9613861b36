"""Reading hand-written TOML files (stages, rule sets): read-only; errors name file, line, key.

Nothing here writes: a file is opened for reading only, so a bad file is never altered.
`KeyLocator` finds the line of a key in the text, so semantic errors (found after `tomllib` has
parsed the file) can still name a line; it is a light line scanner, not a second TOML parser, and
answers None when it cannot tell.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import re
import stat
import tomllib
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from mmtimer.core.errors import QT_TRANSLATE_NOOP, InputError, Message, Number, Text
from mmtimer.core.timefmt import shown

KeyPath = tuple[str | int, ...]
"""A key inside a document: ``("section", 2, "due")``; list indexes are 1-based, as shown."""

MAX_INTEGER = 2**53 - 1
"""The largest whole number a stage or rule set may hold (every JSON reader keeps it exact)."""
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_TOML_POSITION = re.compile(r"\s*\(at line (?P<line>\d+), column \d+\)\s*$")
_TOML_END = re.compile(r"\s*\(at end of document\)\s*$")


def key_text(path: KeyPath) -> str:
    """``("section", 2, "due")`` -> ``section[2].due`` (indexes 1-based, as in the messages)."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            name = part if _BARE_KEY.fullmatch(part) else json.dumps(part)
            out += name if not out else f".{name}"
    return out


MAX_TEXT_BYTES = 16 * 1024 * 1024
"""The largest stage or rule-set file read (a stage of 5,000 sections is under 1 MB): a bigger
file, a device (``/dev/zero``) or a pipe is refused before it is read, never read until memory
runs out or waited on forever."""
STAGE_OR_RULE_SET = Text(QT_TRANSLATE_NOOP("Errors", "stage or rule set"))
"""What a file read here is, in its message ("is larger than any stage or rule set")."""

_O_NONBLOCK: int = getattr(os, "O_NONBLOCK", 0)  # opening a FIFO must not wait for a writer
_O_BINARY: int = getattr(os, "O_BINARY", 0)


def read_file_bytes(
    path: str | Path, *, limit: int = MAX_TEXT_BYTES, what: Message = STAGE_OR_RULE_SET
) -> bytes:
    """The bytes of a regular file of at most `limit` bytes; InputError naming the file for
    anything else (missing, a folder, a device or pipe, too big, unreadable). Never writes."""
    source = str(path)
    try:
        fd = os.open(path, os.O_RDONLY | _O_NONBLOCK | _O_BINARY)
    except FileNotFoundError:
        raise InputError(source, QT_TRANSLATE_NOOP("Errors", "no such file")) from None
    except IsADirectoryError:
        raise InputError(source, QT_TRANSLATE_NOOP("Errors", "is a folder, not a file")) from None
    except PermissionError:
        raise InputError(
            source, QT_TRANSLATE_NOOP("Errors", "cannot be read: permission denied")
        ) from None
    except OSError as error:
        raise InputError(
            source, Text(QT_TRANSLATE_NOOP("Errors", "cannot be read: %1"), error.strerror or error)
        ) from None
    except ValueError as error:  # e.g. a NUL in the name (JSON and TOML can escape one)
        raise InputError(
            source, Text(QT_TRANSLATE_NOOP("Errors", "cannot be read: %1"), error)
        ) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise InputError(source, QT_TRANSLATE_NOOP("Errors", "is a folder, not a file"))
        if not stat.S_ISREG(info.st_mode):
            raise InputError(
                source,
                QT_TRANSLATE_NOOP(
                    "Errors", "is not a regular file (a device, pipe or socket): not read"
                ),
            )
        too_big = InputError(
            source,
            Text(
                QT_TRANSLATE_NOOP(
                    "Errors", "is larger than any %1 (%2 bytes; at most %3): not read"
                ),
                what,
                Number(f"{info.st_size:,}"),
                Number(f"{limit:,}"),
            ),
        )
        if info.st_size > limit:
            raise too_big
        chunks: list[bytes] = []
        size = 0
        while True:  # the file may grow while it is read: never past the limit
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:
                raise too_big
        return b"".join(chunks)
    except OSError as error:
        raise InputError(
            source, Text(QT_TRANSLATE_NOOP("Errors", "cannot be read: %1"), error.strerror or error)
        ) from None
    finally:
        os.close(fd)


def read_text(
    path: str | Path, *, limit: int = MAX_TEXT_BYTES, what: Message = STAGE_OR_RULE_SET
) -> str:
    """The text of a UTF-8 file (see :func:`read_file_bytes`); any failure is an InputError
    naming the file. Never writes."""
    return decode_utf8(read_file_bytes(path, limit=limit, what=what), str(path))


def decode_utf8(data: bytes, source: str) -> str:
    """Bytes -> text; a non-UTF-8 file gets an error naming the line of the first bad byte."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise InputError(
            source, QT_TRANSLATE_NOOP("Errors", "is not UTF-8 text"), line=line
        ) from None
    return text.removeprefix("\ufeff")


def parse_toml(text: str, source: str) -> dict[str, Any]:
    """TOML text -> dict; a syntax error becomes an InputError with the line tomllib gives."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        line: int | None = None
        match = _TOML_POSITION.search(message)
        if match is not None:
            line = int(match["line"])
            message = message[: match.start()]
        else:
            end = _TOML_END.search(message)
            if end is not None:
                line = text.count("\n") + 1
                message = message[: end.start()]
        raise InputError(
            source, Text(QT_TRANSLATE_NOOP("Errors", "not valid TOML: %1"), message), line=line
        ) from None
    except RecursionError:
        raise InputError(
            source, QT_TRANSLATE_NOOP("Errors", "not valid TOML: nested too deeply")
        ) from None
    except ValueError:  # tomllib's int() of more than 4,300 digits (sys.get_int_max_str_digits)
        long_number = _LONG_NUMBER.search(text)
        line = None if long_number is None else text.count("\n", 0, long_number.start()) + 1
        raise InputError(
            source,
            QT_TRANSLATE_NOOP("Errors", "not valid TOML: a number with thousands of digits"),
            line=line,
        ) from None


_LONG_NUMBER = re.compile(r"[0-9_]{1000,}")


_HEADER = re.compile(r"^\s*(?P<open>\[\[?)\s*(?P<name>[^\[\]#]+?)\s*\]\]?\s*(?:#.*)?$")


def _bare_key(name: str) -> str:
    return ".".join(part.strip().strip("\"'") for part in name.split("."))


class KeyLocator:
    """Finds the line (1-based) where a key is written in a TOML text."""

    def __init__(self, text: str) -> None:
        # "\n" only, as tomllib counts lines: str.splitlines() also breaks at U+2028, U+0085...,
        # which TOML allows inside strings and comments.
        self._lines = text.split("\n")
        # (line number, table name, is array of tables) for every table header
        self._headers: list[tuple[int, str, bool]] = []
        for number, line in enumerate(self._lines, start=1):
            match = _HEADER.match(line)
            if match is not None:
                self._headers.append((number, _bare_key(match["name"]), match["open"] == "[["))

    def _top(self) -> tuple[int, int, int | None]:
        end = self._headers[0][0] - 1 if self._headers else len(self._lines)
        return 1, end, None

    def _block(self, table: str, index: int | None) -> tuple[int, int, int | None] | None:
        """(first body line, last body line, header line) of ``[table]`` or the index-th
        ``[[table]]`` (1-based); None when the text has no such header."""
        seen = 0
        for position, (number, name, is_array) in enumerate(self._headers):
            if name != table or is_array != (index is not None):
                continue
            seen += 1
            if index is not None and seen != index:
                continue
            following = self._headers[position + 1 :]
            end = following[0][0] - 1 if following else len(self._lines)
            return number + 1, end, number
        return None

    def _key_line(self, key: str, first: int, last: int) -> int | None:
        name = re.escape(key)
        pattern = re.compile(rf"^\s*(?:{name}|\"{name}\"|'{name}')\s*[=.]")
        for number in range(first, last + 1):
            if pattern.match(self._lines[number - 1]):
                return number
        return None

    def line_of(self, path: KeyPath) -> int | None:
        """The line of `path` (e.g. ``("section", 2, "due")``), else of its table, else None."""
        if not path or not isinstance(path[0], str):
            return None
        head = path[0]
        block: tuple[int, int, int | None] | None
        if len(path) >= 2 and isinstance(path[1], int):
            block, rest = self._block(head, path[1]), path[2:]
        elif (table := self._block(head, None)) is not None:
            block, rest = table, path[1:]
        else:
            block, rest = self._top(), path
        if block is None:  # e.g. an inline `section = [...]`: the line of its key
            return self._key_line(head, *self._top()[:2])
        first, last, header = block
        if rest and isinstance(rest[0], str):
            found = self._key_line(rest[0], first, last)
            if found is not None:
                return found
        return header


class Reader:
    """Typed access to a parsed document; every problem raises InputError with line and key."""

    def __init__(self, source: str, locator: KeyLocator | None = None) -> None:
        self.source = source
        self.locator = locator

    def error(self, path: KeyPath, message: Message) -> InputError:
        line = self.locator.line_of(path) if self.locator is not None else None
        return InputError(self.source, message, line=line, key=key_text(path) or None)

    def refuse_unknown(self, table: Mapping[str, Any], allowed: Sequence[str], at: KeyPath) -> None:
        for key in table:
            if key not in allowed:
                expected = ", ".join(allowed)
                raise self.error(
                    (*at, key),
                    Text(
                        QT_TRANSLATE_NOOP("Errors", "unknown key (expected one of: %1)"), expected
                    ),
                )

    def table(self, value: Any, path: KeyPath) -> Mapping[str, Any]:
        if not isinstance(value, Mapping):
            raise self.error(
                path, Text(QT_TRANSLATE_NOOP("Errors", "must be a table, not %1"), describe(value))
            )
        return value

    def array(self, value: Any, path: KeyPath) -> Sequence[Any]:
        if not isinstance(value, list | tuple):
            raise self.error(
                path, Text(QT_TRANSLATE_NOOP("Errors", "must be an array, not %1"), describe(value))
            )
        return value

    def string(self, value: Any, path: KeyPath, *, empty: bool = False) -> str:
        if not isinstance(value, str):
            raise self.error(
                path, Text(QT_TRANSLATE_NOOP("Errors", "must be a string, not %1"), describe(value))
            )
        if not empty and not value.strip():
            raise self.error(path, QT_TRANSLATE_NOOP("Errors", "must not be empty"))
        return value

    def choice(self, value: Any, path: KeyPath, choices: Sequence[str]) -> str:
        text = self.string(value, path)
        if text not in choices:
            options = ", ".join(f'"{c}"' for c in choices)
            raise self.error(
                path, Text(QT_TRANSLATE_NOOP("Errors", "%1 is not one of %2"), repr(text), options)
            )
        return text

    def integer(self, value: Any, path: KeyPath, *, minimum: int | None = None) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.error(
                path,
                Text(
                    QT_TRANSLATE_NOOP("Errors", "must be a whole number, not %1"), describe(value)
                ),
            )
        if minimum is not None and value < minimum:
            raise self.error(
                path,
                Text(QT_TRANSLATE_NOOP("Errors", "must be at least %1, not %2"), minimum, value),
            )
        if abs(value) > MAX_INTEGER:
            raise self.error(
                path,
                Text(QT_TRANSLATE_NOOP("Errors", "%1 is larger than any value here"), shown(value)),
            )
        return value

    def boolean(self, value: Any, path: KeyPath) -> bool:
        if not isinstance(value, bool):
            raise self.error(
                path,
                Text(QT_TRANSLATE_NOOP("Errors", "must be true or false, not %1"), describe(value)),
            )
        return value


def describe(value: Any) -> Text:
    """A short, user-facing name for what was found where something else was expected (the
    value itself as the file has it, never translated)."""
    if isinstance(value, bool):
        return Text(QT_TRANSLATE_NOOP("Errors", "the boolean %1"), str(value).lower())
    if isinstance(value, _dt.datetime | _dt.date | _dt.time):
        return Text(
            QT_TRANSLATE_NOOP(
                "Errors", 'the TOML date/time %1 (write times as strings, e.g. "10:42")'
            ),
            value,
        )
    if isinstance(value, float):
        return Text(
            QT_TRANSLATE_NOOP("Errors", 'the float %1 (write decimals as strings, e.g. "%2")'),
            repr(value),
            value,
        )
    if isinstance(value, int):
        return Text(QT_TRANSLATE_NOOP("Errors", "the number %1"), value)
    if isinstance(value, str):
        return Text(QT_TRANSLATE_NOOP("Errors", "the string %1"), repr(value))
    if isinstance(value, Mapping):
        return Text(QT_TRANSLATE_NOOP("Errors", "a table"))
    if isinstance(value, list | tuple):
        return Text(QT_TRANSLATE_NOOP("Errors", "an array"))
    if value is None:
        return Text(QT_TRANSLATE_NOOP("Errors", "null"))
    return Text(QT_TRANSLATE_NOOP("Errors", "a value of type %1"), type(value).__name__)
