"""Input errors read as one line naming the file, line and key."""

from __future__ import annotations

from mmtimer.core.errors import InputError


def test_one_line_names_file_line_and_key() -> None:
    error = InputError("day1.stage.toml", "must be a string", line=7, key="section[2].due")
    assert str(error) == "day1.stage.toml:7: section[2].due: must be a string"
    assert str(InputError("x.mmlog", "empty file")) == "x.mmlog: empty file"
