"""Writing a file safely: regular files or new paths only, atomically, no litter.

:func:`write_atomic` is the one way peacetrack writes a file (``io.save`` and every
``-o`` of the command line). The rules it keeps:

- Only a regular file or a path that does not exist yet is written. A directory, a
  FIFO, a socket or a device (after following symbolic links) is refused with a
  :class:`~peacetrack.errors.SaveError` and left alone: never replaced, never
  opened, so a FIFO cannot block and a device cannot be read.
- A path holding a NUL character is refused the same way (the operating system
  cannot name such a file).
- The data go to a temporary file in the target's folder, named
  ``.<name>.peacetrack-<12 hex digits>.tmp`` (the name cut short so that the whole
  fits the file system's limit of 255 bytes), flushed and synced, then renamed over
  the target. On any failure the temporary file is removed.
- A writer holds a lock (``flock``) on its temporary file until the rename. A
  temporary file of this pattern, for this target, that nobody holds locked and
  that is older than :data:`STALE_SECONDS` was left by a writer that died (``kill
  -9``, a power cut) and is removed by the next write to the same target.
- A new file gets mode ``0o666`` less the process umask, as ``open()`` would give
  it; an existing file keeps its mode.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import stat
import time
from pathlib import Path
from typing import Final

from peacetrack.errors import SaveError
from peacetrack.io._json import short

try:
    import fcntl
except ImportError:  # pragma: no cover - not POSIX: no locks, so no cleanup either
    fcntl = None  # type: ignore[assignment]

STALE_SECONDS: Final = 60.0
"""How old an unlocked temporary file of ours must be before a write removes it."""

_NAME_MAX: Final = 255  # bytes in one file name, on every common file system
_SUFFIX: Final = ".peacetrack-{}.tmp"
_TOKEN_DIGITS: Final = 12
_TEMP = re.compile(rf"\.peacetrack-[0-9a-f]{{{_TOKEN_DIGITS}}}\.tmp")


def refuse(message: str, code: int) -> SaveError:
    """A :class:`SaveError` saying ``message``, with ``errno`` set to ``code``."""
    error = SaveError(message)
    error.errno = code
    return error


def fspath(path: str | os.PathLike[str], error: type[Exception]) -> str:
    """``path`` as a string, or ``error`` when it cannot name a file (empty, a NUL
    in it, text the file system cannot encode, not a path at all)."""
    try:
        name = os.fspath(path)
    except TypeError:
        raise error(f"expected a file path, got {type(path).__name__}") from None
    if isinstance(name, bytes):
        name = os.fsdecode(name)
    if not name:
        raise error("an empty path names no file")
    if "\0" in name:
        raise error(f"{short(repr(name))}: a file path cannot hold a NUL character")
    try:
        os.fsencode(name)
    except UnicodeEncodeError as exc:
        raise error(
            f"{short(repr(name))}: character {exc.object[exc.start]!r} at {exc.start} "
            "cannot be part of a file name here"
        ) from None
    return name


def kind_of(mode: int) -> str | None:
    """What a non-regular file is, in words; ``None`` for a regular file."""
    for test, kind in (
        (stat.S_ISREG, None),
        (stat.S_ISDIR, "a directory"),
        (stat.S_ISFIFO, "a FIFO (named pipe)"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
    ):
        if test(mode):
            return kind
    return "not a regular file"


def existing(target: Path, name: str) -> os.stat_result | None:
    """The status of ``target`` (links followed) if it is a regular file, ``None``
    if nothing is there; a :class:`SaveError` for anything else."""
    try:
        status = target.stat()
    except FileNotFoundError:
        return None
    kind = kind_of(status.st_mode)
    if kind == "a directory":
        raise refuse(f"{name} is a directory; give a file name to write to", errno.EISDIR)
    if kind is not None:
        raise refuse(f"{name} is {kind}; peacetrack writes only regular files", errno.EPERM)
    return status


def temp_name(target: Path) -> str:
    """A fresh temporary name beside ``target`` whose length fits :data:`_NAME_MAX`."""
    suffix = _SUFFIX.format(secrets.token_hex(_TOKEN_DIGITS // 2))
    return str(target.parent / ("." + _stem(target.name, _NAME_MAX - 1 - len(suffix)) + suffix))


def _stem(name: str, room: int) -> str:
    """``name`` cut to at most ``room`` bytes as the file system encodes it (whole
    characters only)."""
    name = name[:room]
    while len(os.fsencode(name)) > room:
        name = name[:-1]
    return name


def _is_stale_temp(entry: os.DirEntry[str], stem: str, now: float) -> bool:
    tail = entry.name[1 + len(stem) :]
    return (
        entry.name.startswith("." + stem)
        and _TEMP.fullmatch(tail) is not None
        and entry.is_file(follow_symlinks=False)
        and now - entry.stat(follow_symlinks=False).st_mtime > STALE_SECONDS
    )


def remove_stale_temps(target: Path) -> list[str]:
    """Remove temporary files of ours for ``target`` left by a writer that died;
    return their names. One that a live writer holds (locked) is left alone."""
    if fcntl is None:  # pragma: no cover
        return []
    stem = _stem(target.name, _NAME_MAX - 1 - len(_SUFFIX.format("0" * _TOKEN_DIGITS)))
    removed = []
    now = time.time()
    with contextlib.suppress(OSError), os.scandir(target.parent) as entries:
        for entry in entries:
            if not _is_stale_temp(entry, stem, now):
                continue
            with contextlib.suppress(OSError):
                flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0)
                fd = os.open(entry.path, flags)
                try:
                    if not stat.S_ISREG(os.fstat(fd).st_mode):
                        continue
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # raises if held
                    os.unlink(entry.path)
                    removed.append(entry.name)
                finally:
                    os.close(fd)
    return removed


def write_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` so that a reader, or a crash, sees the old file or
    the new one and never a mix (see the module notes for every rule).

    Raises
    ------
    SaveError
        If ``path`` is a directory, a FIFO, a socket or a device, or holds a NUL.
    OSError
        If the file cannot be written; the old file is then intact.
    """
    name = fspath(path, SaveError)
    target = Path(os.path.realpath(name))
    status = existing(target, name)
    remove_stale_temps(target)
    temp, fd = _create_temp(target)
    try:
        if fcntl is not None:  # held until the file is closed, after the rename
            with contextlib.suppress(OSError):  # a file system without locks
                fcntl.flock(fd, fcntl.LOCK_EX)
        with os.fdopen(fd, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
            if status is not None:
                os.chmod(temp, stat.S_IMODE(status.st_mode))
            existing(target, name)  # still a regular file, or still nothing
            os.replace(temp, target)  # while the lock is held
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    _sync_directory(target.parent)


def _create_temp(target: Path) -> tuple[str, int]:
    """Create a new temporary file beside ``target`` (mode 0o666 less the umask)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    flags |= getattr(os, "O_CLOEXEC", 0)
    while True:
        temp = temp_name(target)
        try:
            return temp, os.open(temp, flags, 0o666)
        except FileExistsError:  # pragma: no cover - 48 random bits collided
            continue
        except OSError as exc:  # name the target, not the temporary file
            raise type(exc)(exc.errno, exc.strerror, str(target)) from None


def _sync_directory(directory: Path) -> None:
    """Make the rename itself durable (POSIX); harmless where unsupported."""
    flags = getattr(os, "O_DIRECTORY", 0) | os.O_RDONLY
    with contextlib.suppress(OSError):
        fd = os.open(directory, flags)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
