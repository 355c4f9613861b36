"""Replace a file whole or not at all: temporary file beside it, fsync, rename, fsync the folder.

A path that is a symbolic link is written through: the file it leads to is replaced (the new
content written beside that file, in its folder, then renamed over it) and keeps its
permissions, and the link stays a link (docs/files.md says why).
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from pathlib import Path


def _create_temporary(path: Path) -> tuple[int, str]:
    """A new file beside `path`, created as a plain write would create `path` (0666 less the
    umask: mkstemp's 0600 would make an exported CSV unreadable to anyone else), or with the
    permissions of the `path` it replaces."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    while True:
        name = str(path.parent / f".{path.name}.{os.urandom(6).hex()}.tmp")
        try:
            handle = os.open(name, flags, 0o666)
        except FileExistsError:
            continue
        break
    if hasattr(os, "fchmod"):
        with contextlib.suppress(OSError):
            os.fchmod(handle, stat.S_IMODE(path.stat().st_mode))
    return handle, name


def final_target(path: Path) -> Path:
    """The file `path` names once its symbolic links are followed (`path` itself if it is not
    a link). OSError (ELOOP) for links that lead round in a circle."""
    if not os.path.islink(path):
        return path
    target = Path(os.path.realpath(path))
    if os.path.islink(target):
        raise OSError(errno.ELOOP, "the symbolic links lead round in a circle", str(path))
    return target


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Replace `path` by `data` so a crash leaves either the old file or the new one, whole.
    Through a symbolic link, the file it leads to is replaced and the link kept."""
    path = final_target(Path(path))
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
