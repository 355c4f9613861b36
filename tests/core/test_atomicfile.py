"""Files replaced whole: the new file's permissions are those a plain write would give."""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from mmtimer.core.atomicfile import atomic_write_bytes, atomic_write_text

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_file_is_readable_as_the_umask_allows(tmp_path: Path, umask_022: None) -> None:
    """An exported CSV is for sharing: 0644 under umask 022, not the temporary file's 0600."""
    out = tmp_path / "results.csv"
    atomic_write_text(out, "section,line\n")
    assert out.read_text(encoding="utf-8") == "section,line\n"
    assert mode(out) == 0o644
    assert [p.name for p in tmp_path.iterdir()] == ["results.csv"]  # no temporary file left


def test_a_replaced_file_keeps_its_permissions(tmp_path: Path, umask_022: None) -> None:
    out = tmp_path / "results.csv"
    out.write_bytes(b"old")
    out.chmod(0o640)
    atomic_write_bytes(out, b"new")
    assert out.read_bytes() == b"new"
    assert mode(out) == 0o640
