"""Errors about a user's file: they name the file, the line (where known) and the key or field."""

from __future__ import annotations

from pathlib import Path


class InputError(ValueError):
    """A file the user gave does not follow its format. `str()` is the one-line message to show.

    Form: ``FILE:LINE: KEY: what is wrong`` (line and key left out when unknown).
    """

    def __init__(
        self,
        source: str | Path,
        message: str,
        *,
        line: int | None = None,
        key: str | None = None,
    ) -> None:
        self.source = str(source)
        self.line = line
        self.key = key
        self.message = message
        super().__init__(self.one_line())

    def one_line(self) -> str:
        place = self.source if self.line is None else f"{self.source}:{self.line}"
        what = self.message if self.key is None else f"{self.key}: {self.message}"
        return f"{place}: {what}"
