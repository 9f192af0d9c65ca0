"""Files: :func:`load` reads one within its size limit, :func:`save` writes one atomically."""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from pathlib import Path

from peacetrack.errors import LoadError, PeacetrackError
from peacetrack.io._document import dumps, loads
from peacetrack.io._json import MAX_BYTES, parse
from peacetrack.timeline import Timeline


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
        For a file that cannot be read (missing, a directory, no permission), and
        for everything :func:`loads` raises it for.
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
    try:
        with open(path, "rb") as file:
            size = os.fstat(file.fileno()).st_size
            if size > max_bytes:
                raise LoadError(f"{path}: {size} bytes, more than the limit of {max_bytes}")
            data = file.read(max_bytes + 1)
    except OSError as exc:
        raise LoadError(f"cannot read {path}: {exc.strerror or exc}") from None
    try:
        return loads(data, max_bytes=max_bytes)
    except LoadError as exc:
        raise LoadError(f"{path}: {exc}") from None


def _is_peacetrack_file(path: Path) -> bool:
    try:
        with open(path, "rb") as file:
            head = file.read(4096)
    except OSError:
        return False
    if re.match(rb'\s*(?:\xef\xbb\xbf)?\s*\{\s*"peacetrack"\s*:', head):
        return True
    try:  # a hand-edited file may have its keys in another order
        document = parse(path.read_bytes(), MAX_BYTES)
    except (PeacetrackError, OSError):
        return False
    return isinstance(document, dict) and "peacetrack" in document


def save(t: Timeline, path: str | os.PathLike[str], *, overwrite: bool = False) -> None:
    """Write the timeline to a file, atomically.

    The text of :func:`dumps` goes to a temporary file in the same directory, which
    is flushed and synced to disk and then renamed over ``path``: a reader (or a
    crash) sees the old file or the new one, never a mix. If anything fails, the
    temporary file is removed and the old file is left as it was. An existing
    file keeps its permissions; a symbolic link is followed.

    Parameters
    ----------
    t
        The timeline to write.
    path
        Where to write it.
    overwrite
        Replace an existing file even if it is not a peacetrack file. An existing
        peacetrack file is always replaced.

    Raises
    ------
    FileExistsError
        If ``path`` exists, is not a peacetrack file and ``overwrite`` is false.
    IsADirectoryError
        If ``path`` is a directory.
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
    FileExistsError: ...notes.txt exists and is not a peacetrack file; pass overwrite=True ...
    >>> save(Timeline([Person("p", "A")]), target, overwrite=True)
    >>> load(target)["p"].name
    'A'
    """
    target = Path(os.path.realpath(path))
    if (
        not overwrite
        and target.exists()
        and not target.is_dir()
        and not _is_peacetrack_file(target)
    ):
        raise FileExistsError(
            f"{path} exists and is not a peacetrack file; pass overwrite=True to replace it"
        )
    write_atomic(path, (dumps(t) + "\n").encode("utf-8"))


def write_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` so that a reader, or a crash, sees the old file or
    the new one and never a mix: a temporary file in the same directory, flushed and
    synced, then renamed over ``path``. On failure the temporary file is removed and
    the old file is intact. An existing file keeps its permissions (new ones get
    0644); a symbolic link is followed.

    Raises
    ------
    IsADirectoryError
        If ``path`` is a directory.
    OSError
        If the file cannot be written.
    """
    target = Path(os.path.realpath(path))
    mode = 0o644
    if target.is_dir():
        raise IsADirectoryError(f"{path} is a directory")
    if target.exists():
        mode = target.stat().st_mode & 0o7777
    fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.chmod(temp_name, mode)
        os.replace(temp_name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise
    _sync_directory(target.parent)


def _sync_directory(directory: Path) -> None:
    """Make the rename itself durable (POSIX); harmless where unsupported."""
    flags = getattr(os, "O_DIRECTORY", 0) | os.O_RDONLY
    with contextlib.suppress(OSError):
        fd = os.open(directory, flags)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
