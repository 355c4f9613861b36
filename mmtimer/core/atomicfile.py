"""Replace a file whole or not at all: temporary file beside it, fsync, rename, fsync the folder."""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from pathlib import Path


def _create_temporary(path: Path) -> tuple[int, str]:
    """A new file beside `path`, created as a plain write would create `path` (0666 less the
    umask: mkstemp's 0600 would make an exported CSV unreadable to anyone else), or with the
    permissions of the `path` it replaces."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    while True:
        name = str(path.parent / f".{path.name}.{secrets.token_hex(6)}.tmp")
        try:
            handle = os.open(name, flags, 0o666)
        except FileExistsError:
            continue
        break
    if hasattr(os, "fchmod"):
        with contextlib.suppress(OSError):
            os.fchmod(handle, stat.S_IMODE(path.stat().st_mode))
    return handle, name


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Replace `path` by `data` so a crash leaves either the old file or the new one, whole."""
    directory = path.parent
    handle, temp_name = _create_temporary(path)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp_name, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp_name)
        raise
    if hasattr(os, "O_DIRECTORY"):  # make the rename itself durable (POSIX)
        with contextlib.suppress(OSError):
            dir_fd = os.open(directory, os.O_RDONLY | os.O_DIRECTORY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)


def atomic_write_text(path: Path, text: str) -> None:
    """`atomic_write_bytes` of UTF-8 text with `\\n` line ends on every platform."""
    atomic_write_bytes(path, text.encode("utf-8"))
