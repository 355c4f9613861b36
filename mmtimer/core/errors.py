"""Errors about a user's file: they name the file, the line (where known) and the key or field.

Every message is a template marked for translation, ``QT_TRANSLATE_NOOP("Errors", "must be at
least %1, not %2")``, and its arguments: a `Text`. `str()` of an error fills the template in
English, which files, logs and the command line show; a window renders the same template in
its language (ui/errors.py), so the core stays Qt-free and lupdate (tools/i18n.py) extracts the
templates from these calls. An argument is shown as it is (a value quoted from the user's file, a
key, an id: never translated), as a `Number` (a number the program writes: the window writes it
with its language's separators) or as a `Text` (a message inside a message, translated in turn).
tests/core/test_error_texts.py refuses a message that is not a marked template.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

CONTEXT = "Errors"
"""The translation context of every core message."""

_PLACEHOLDER = re.compile(r"%([1-9])")


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark `text` for lupdate (in `context`, always ``"Errors"`` here); the window translates it
    where it shows it. Qt's own lives in PySide6, which the core never imports."""
    return text


class Number(str):
    """A number the program writes into a message, in English form (``16,777,216``, ``0.5``):
    a window writes its separators in its language. A value quoted from the user's file is a
    plain `str` instead (shown as the file has it)."""

    __slots__ = ()


def fill(template: str, values: Sequence[str]) -> str:
    """`template` with ``%1``..``%9`` replaced by `values` (in one pass: a value holding ``%2``
    stays as it is)."""
    return _PLACEHOLDER.sub(lambda found: values[int(found[1]) - 1], template)


class Text:
    """A message: a marked template and its arguments. `str()` is the English text."""

    __slots__ = ("args", "template")

    def __init__(self, template: str, *args: object) -> None:
        self.template = template
        self.args = args

    def __str__(self) -> str:
        return fill(self.template, [str(arg) for arg in self.args])

    def __repr__(self) -> str:
        return f"Text({self.template!r}{''.join(f', {a!r}' for a in self.args)})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Text):
            return NotImplemented
        return (self.template, self.args) == (other.template, other.args)

    def __hash__(self) -> int:
        return hash((self.template, tuple(str(a) for a in self.args)))


Message = str | Text
"""What an error is given: a marked template without arguments, or a `Text`."""


def as_text(message: Message) -> Text:
    return message if isinstance(message, Text) else Text(message)


class MessageError(ValueError):
    """An error whose message is a marked template: `text` for a window to translate, `str()`
    its English (the chronograph's, the session's, a typed value's refusals)."""

    def __init__(self, message: Message) -> None:
        self.text = as_text(message)
        super().__init__(str(self.text))


class InputError(ValueError):
    """A file the user gave does not follow its format. `str()` is the one-line message to show.

    Form: ``FILE:LINE: KEY: what is wrong`` (line and key left out when unknown). `text` is
    the message (template and arguments) a window translates; `message` its English.
    """

    def __init__(
        self,
        source: str | Path,
        message: Message,
        *,
        line: int | None = None,
        key: str | None = None,
    ) -> None:
        self.source = str(source)
        self.line = line
        self.key = key
        self.text = as_text(message)
        self.message = str(self.text)
        super().__init__(self.one_line())

    def place(self) -> str:
        """``FILE:LINE``, or ``FILE`` when the line is unknown."""
        return self.source if self.line is None else f"{self.source}:{self.line}"

    def whole(self) -> Text:
        """The one line as a message: the place and key as they are, then the message."""
        where = self.place() if self.key is None else f"{self.place()}: {self.key}"
        return Text(QT_TRANSLATE_NOOP("Errors", "%1: %2"), where, self.text)

    def one_line(self) -> str:
        what = self.message if self.key is None else f"{self.key}: {self.message}"
        return f"{self.place()}: {what}"
