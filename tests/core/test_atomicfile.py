"""Files replaced whole: the new file's permissions are those a plain write would give."""

from __future__ import annotations

import os
import stat
import sys
import threading
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


# -- writing onto a symbolic link (issue 17 item 6): through it, the link kept -------------------
def test_a_symlink_is_written_through_and_stays_a_link(tmp_path: Path, umask_022: None) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    target = shared / "results.csv"
    target.write_bytes(b"old")
    target.chmod(0o640)
    link = tmp_path / "results.csv"
    link.symlink_to(target)
    atomic_write_bytes(link, b"new")
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_bytes() == b"new" and mode(target) == 0o640
    assert sorted(p.name for p in shared.iterdir()) == ["results.csv"]  # no temporary left
    assert sorted(p.name for p in tmp_path.iterdir()) == ["results.csv", "shared"]


def test_a_chain_of_links_and_a_relative_link_are_followed(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    target = tmp_path / "real" / "out.csv"
    target.write_bytes(b"old")
    (tmp_path / "middle.csv").symlink_to("real/out.csv")  # relative to the link's folder
    first = tmp_path / "first.csv"
    first.symlink_to(tmp_path / "middle.csv")
    atomic_write_bytes(first, b"new")
    assert target.read_bytes() == b"new"
    assert first.is_symlink() and (tmp_path / "middle.csv").is_symlink()


def test_a_dangling_link_creates_the_file_it_names(tmp_path: Path, umask_022: None) -> None:
    link = tmp_path / "out.csv"
    link.symlink_to(tmp_path / "made.csv")
    atomic_write_bytes(link, b"new")
    assert link.is_symlink() and (tmp_path / "made.csv").read_bytes() == b"new"
    assert mode(tmp_path / "made.csv") == 0o644


def test_links_in_a_circle_are_refused_and_nothing_is_written(tmp_path: Path) -> None:
    a, b = tmp_path / "a.csv", tmp_path / "b.csv"
    a.symlink_to(b)
    b.symlink_to(a)
    with pytest.raises(OSError, match="circle"):
        atomic_write_bytes(a, b"new")
    assert a.is_symlink() and b.is_symlink()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.csv", "b.csv"]


def _read_fifo(path: Path, out: list[bytes]) -> threading.Thread:
    def read() -> None:
        with open(path, "rb") as stream:
            out.append(stream.read())

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    return reader


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
@pytest.mark.parametrize("through_a_link", [False, True])
def test_a_named_pipe_is_written_into_and_stays_a_pipe(
    tmp_path: Path, through_a_link: bool
) -> None:
    """`-o` onto a pipe (or a device such as /dev/null, /dev/stdout): a rename would put a
    regular file in its place (as root, in /dev) and its reader would get nothing."""
    fifo = tmp_path / "results.pipe"
    os.mkfifo(fifo)
    target = fifo
    if through_a_link:
        target = tmp_path / "results.csv"
        target.symlink_to(fifo)
    got: list[bytes] = []
    reader = _read_fifo(fifo, got)
    atomic_write_text(target, "PC1,1\n")
    reader.join(timeout=10)
    assert got == [b"PC1,1\n"]
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        {"results.pipe", target.name}
    )  # no temporary file left beside it


def test_a_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(IsADirectoryError):
        atomic_write_text(folder, "x")
    assert list(folder.iterdir()) == []
