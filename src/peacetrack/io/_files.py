"""Files: :func:`load` reads one within its size limit, :func:`save` writes one atomically."""

from __future__ import annotations

import errno
import os
import re
import stat
from pathlib import Path
from typing import Final

from peacetrack.errors import LoadError, PeacetrackError, SaveError
from peacetrack.io._document import dumps, loads
from peacetrack.io._json import MAX_BYTES, parse
from peacetrack.io._write import existing, fspath, kind_of, refuse, write_atomic
from peacetrack.timeline import Timeline

__all__ = ["load", "save", "write_atomic"]

# Opening never blocks (a FIFO swapped in after the type check), never takes a terminal.
_READ_FLAGS: Final = os.O_RDONLY | sum(
    getattr(os, flag, 0) for flag in ("O_NONBLOCK", "O_NOCTTY", "O_CLOEXEC")
)
# How every file peacetrack writes begins; a file that begins so is ours.
_OUR_HEAD: Final = re.compile(
    rb'[ \t\r\n]*(?:\xef\xbb\xbf)?[ \t\r\n]*\{[ \t\r\n]*"peacetrack"[ \t\r\n]*:[ \t\r\n]*'
    rb'"[^"\\]{0,40}"[ \t\r\n]*,[ \t\r\n]*"records"[ \t\r\n]*:[ \t\r\n]*\['
)
_HEAD_BYTES: Final = 4096


def _read_regular(name: str, max_bytes: int) -> bytes:
    """The bytes of the regular file ``name``, at most ``max_bytes`` of them; a
    :class:`LoadError` for anything else (never blocks on a FIFO, never reads a
    device)."""
    try:
        kind = kind_of(os.stat(name).st_mode)
        if kind is None:
            fd = os.open(name, _READ_FLAGS)
    except OSError as exc:
        raise LoadError(f"cannot read {name}: {exc.strerror or exc}") from None
    if kind is not None:
        raise LoadError(f"cannot read {name}: it is {kind}; peacetrack reads regular files")
    with open(fd, "rb") as file:
        status = os.fstat(fd)
        if not stat.S_ISREG(status.st_mode):  # changed since the look above
            raise LoadError(f"cannot read {name}: it is {kind_of(status.st_mode)}")
        if status.st_size > max_bytes:
            raise LoadError(f"{name}: {status.st_size} bytes, more than the limit of {max_bytes}")
        try:
            return file.read(max_bytes + 1)
        except OSError as exc:
            raise LoadError(f"cannot read {name}: {exc.strerror or exc}") from None


def load(path: str | os.PathLike[str], *, max_bytes: int = MAX_BYTES) -> Timeline:
    """Read a timeline from a peacetrack JSON file.

    Parameters
    ----------
    path
        The file to read.
    max_bytes
        Refuse a larger file before reading it.

    Returns
    -------
    Timeline

    Raises
    ------
    LoadError
        For a file that cannot be read (missing, no permission, a NUL in the path)
        or that is not a regular file (a directory, FIFO, socket or device: refused
        without reading, so it never blocks), and for everything :func:`loads`
        raises it for.
    ValidationError
        As :func:`loads`.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> from peacetrack import Party, Timeline
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> save(Timeline([Party("hnc", "HNC", "opposition")]), folder / "talks.json")
    >>> load(folder / "talks.json")["hnc"].kind.value
    'opposition'
    """
    name = fspath(path, LoadError)
    data = _read_regular(name, max_bytes)
    try:
        return loads(data, max_bytes=max_bytes)
    except LoadError as exc:
        raise LoadError(f"{name}: {exc}") from None


def _is_peacetrack_file(target: Path) -> bool:
    """Whether the regular file ``target`` is a peacetrack file: a JSON object whose
    ``"peacetrack"`` is a version string and whose ``"records"`` is a list.

    The first 4 KiB settle it for every file peacetrack writes (which begin
    ``{"peacetrack": "1", "records": [``); only a file that begins otherwise is
    parsed, and only if it is within :data:`MAX_BYTES`.
    """
    try:
        with open(os.open(target, _READ_FLAGS), "rb") as file:
            status = os.fstat(file.fileno())
            if not stat.S_ISREG(status.st_mode) or status.st_size > MAX_BYTES:
                return False
            data = file.read(_HEAD_BYTES)
            if _OUR_HEAD.match(data):
                return True
            data += file.read(MAX_BYTES + 1 - len(data))
    except OSError:
        return False
    try:
        document = parse(data, MAX_BYTES)
    except PeacetrackError:
        return False
    return (
        isinstance(document, dict)
        and isinstance(document.get("peacetrack"), str)
        and isinstance(document.get("records"), list)
    )


def save(t: Timeline, path: str | os.PathLike[str], *, overwrite: bool = False) -> None:
    """Write the timeline to a file, atomically.

    The text of :func:`dumps` goes to a temporary file in the same directory, which
    is flushed and synced to disk and then renamed over ``path``: a reader (or a
    crash) sees the old file or the new one, never a mix. If anything fails, the
    temporary file is removed and the old file is left as it was. An existing
    file keeps its permissions, a new one follows the umask; a symbolic link is
    followed. Only a regular file or a new path is written: a directory, FIFO,
    socket or device is refused and left alone. Temporary files left by a save
    that was killed are removed by the next save to the same path
    (``docs/files.md`` lists every guarantee).

    Parameters
    ----------
    t
        The timeline to write.
    path
        Where to write it.
    overwrite
        Replace an existing regular file even if it is not a peacetrack file. An
        existing peacetrack file (a JSON object whose ``"peacetrack"`` is a version
        string and whose ``"records"`` is a list) is always replaced.

    Raises
    ------
    SaveError
        If ``path`` exists and is not a peacetrack file while ``overwrite`` is false
        (``errno`` EEXIST); if it is a directory (EISDIR), a FIFO, a socket or a
        device (EPERM); if it holds a NUL character. A ``SaveError`` is an
        :class:`OSError` too.
    OSError
        If the file cannot be written; the old file is then intact.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> from peacetrack import Person, Timeline
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "notes.txt"
    >>> _ = target.write_text("my notes")
    >>> save(Timeline([Person("p", "A")]), target)
    Traceback (most recent call last):
    ...
    peacetrack.errors.SaveError: ...notes.txt exists and is not a peacetrack file; pass ...
    >>> save(Timeline([Person("p", "A")]), target, overwrite=True)
    >>> load(target)["p"].name
    'A'
    """
    name = fspath(path, SaveError)
    target = Path(os.path.realpath(name))
    if existing(target, name) is not None and not overwrite and not _is_peacetrack_file(target):
        raise refuse(
            f"{name} exists and is not a peacetrack file; pass overwrite=True to replace it",
            errno.EEXIST,
        )
    write_atomic(name, (dumps(t) + "\n").encode("utf-8"))
