"""What save and load do with special files, odd paths, the umask and temp files.

Each guarantee in docs/files.md ("Special files and paths") has a test here.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import signal
import socket
import stat
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from peacetrack import LoadError, Person, SaveError, Timeline, io
from peacetrack.io import _files, _write

T = Timeline([Person("p", "Someone")])


@contextlib.contextmanager
def within(seconds: int) -> Iterator[None]:
    """Fail, rather than hang, if the block takes longer than ``seconds``."""

    def alarm(signum: int, frame: object) -> None:
        raise TimeoutError(f"blocked for more than {seconds} s")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "pipe.json"
    os.mkfifo(path)
    return path


@pytest.fixture
def unix_socket(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "sock.json"
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(path))
        yield path


@pytest.fixture
def device_link(tmp_path: Path) -> Path:
    """A symbolic link to /dev/null: a character device behind a harmless name."""
    link = tmp_path / "device.json"
    link.symlink_to("/dev/null")
    return link


def _special(request: pytest.FixtureRequest, name: str) -> Path:
    path: Path = request.getfixturevalue(name)
    return path


SPECIAL = ["fifo", "unix_socket", "device_link"]


# -- special files: refused, left alone, never blocking ----------------------------------


@pytest.mark.parametrize("overwrite", [False, True], ids=["keep", "overwrite"])
@pytest.mark.parametrize("kind", SPECIAL)
def test_save_refuses_a_special_file_and_leaves_it(
    request: pytest.FixtureRequest, kind: str, overwrite: bool
) -> None:
    path = _special(request, kind)
    before = path.resolve().lstat().st_mode
    with within(5), pytest.raises(SaveError, match="peacetrack writes only regular files") as e:
        io.save(T, path, overwrite=overwrite)
    assert e.value.errno == errno.EPERM
    assert path.resolve().lstat().st_mode == before  # still the FIFO, socket or device
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]  # no temp file


@pytest.mark.parametrize("kind", SPECIAL)
def test_load_refuses_a_special_file_without_reading_it(
    request: pytest.FixtureRequest, kind: str
) -> None:
    path = _special(request, kind)
    with within(5), pytest.raises(LoadError, match="peacetrack reads regular files"):
        io.load(path)


def test_load_refuses_an_endless_device_at_once() -> None:
    with within(5), pytest.raises(LoadError, match="character device"):
        io.load("/dev/zero")


def test_load_refuses_a_directory(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match=r"cannot read .*directory"):
        io.load(tmp_path)


@pytest.mark.skipif(os.geteuid() != 0, reason="making a device node needs root")
def test_save_as_root_leaves_a_real_device_node(tmp_path: Path) -> None:
    node = tmp_path / "null.json"
    os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # like /dev/null
    with pytest.raises(SaveError, match="character device"):
        io.save(T, node, overwrite=True)
    assert stat.S_ISCHR(node.lstat().st_mode)


# -- paths ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("a\0b.json", "NUL"),
        ("\0", "NUL"),
        ("talks.json\0.txt", "NUL"),
        ("\ud800.json", "cannot be part of a file name"),
    ],
    ids=["nul-inside", "only-nul", "nul-before-suffix", "lone-surrogate"],
)
def test_a_path_that_names_no_file_is_a_peacetrack_error(
    tmp_path: Path, name: str, message: str
) -> None:
    path = str(tmp_path) + "/" + name
    with pytest.raises(LoadError, match=message):
        io.load(path)
    with pytest.raises(SaveError, match=message):
        io.save(T, path)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("path", ["", 3, None], ids=["empty", "number", "none"])
def test_what_is_not_a_path_is_a_peacetrack_error(path: object) -> None:
    with pytest.raises(LoadError, match="path"):
        io.load(path)  # type: ignore[arg-type]
    with pytest.raises(SaveError, match="path"):
        io.save(T, path)  # type: ignore[arg-type]


def test_a_missing_folder_is_named_not_the_temp_file(tmp_path: Path) -> None:
    target = tmp_path / "no" / "talks.json"
    with pytest.raises(FileNotFoundError) as missing:
        io.save(T, target)
    assert missing.value.filename == str(target)


def test_bytes_and_undecodable_names_work(tmp_path: Path) -> None:
    odd = tmp_path / os.fsdecode(b"caf\xe9.json")  # not UTF-8: a surrogate escape
    io.save(T, odd)
    assert io.load(odd) == T
    assert io.load(os.fsencode(odd)) == T  # type: ignore[arg-type]


@pytest.mark.parametrize("length", [1, 200, 226, 245, 255])
def test_long_file_names_save_and_load(tmp_path: Path, length: int) -> None:
    path = tmp_path / ("n" * (length - 5) + ".json" if length > 5 else "n")
    io.save(T, path)
    io.save(T, path)  # replacing it too
    assert io.load(path) == T
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


@given(st.text(st.characters(exclude_characters="/\0", exclude_categories=["Cs"]), min_size=1))
def test_every_temp_name_fits_the_limit_and_matches_our_pattern(name: str) -> None:
    target = Path("/tmp") / name
    temp = Path(_write.temp_name(target))
    assert len(os.fsencode(temp.name)) <= 255
    assert temp.parent == target.parent
    assert temp.name.startswith(".")
    assert _write._TEMP.search(temp.name)


# -- what counts as a peacetrack file ---------------------------------------------------

JSON_SCALARS = st.none() | st.booleans() | st.integers(-5, 5) | st.text(max_size=4)
JSON_VALUES = JSON_SCALARS | st.lists(JSON_SCALARS, max_size=2)


@given(
    st.dictionaries(
        st.sampled_from(["peacetrack", "records", "name", "version"]), JSON_VALUES, max_size=4
    ),
    st.booleans(),
)
def test_a_peacetrack_file_is_an_object_with_a_version_string_and_a_records_list(
    document: dict[str, object], indent: bool
) -> None:
    ours = isinstance(document.get("peacetrack"), str) and isinstance(document.get("records"), list)
    folder = Path(os.environ.get("TMPDIR", "/tmp")) / f"pt-ours-{os.getpid()}"
    folder.mkdir(exist_ok=True)
    path = folder / "doc.json"
    path.write_text(json.dumps(document, indent=2 if indent else None), encoding="utf-8")
    try:
        assert _files._is_peacetrack_file(path) is ours
    finally:
        path.unlink()
        folder.rmdir()


@pytest.mark.parametrize(
    "text",
    [
        '{"peacetrack": 1, "records": []}',
        '{"peacetrack": "1"}',
        '{"records": [], "peacetrack": {"version": "1"}}',
        '{"peacetrack": "1", "records": {}}',
        '{"name": "my settings", "peacetrack": "enabled"}',
        '[{"peacetrack": "1", "records": []}]',
    ],
    ids=["number-version", "no-records", "object-version", "records-object", "settings", "list"],
)
def test_save_does_not_take_a_json_with_a_peacetrack_key_for_ours(
    tmp_path: Path, text: str
) -> None:
    path = tmp_path / "settings.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SaveError, match="not a peacetrack file") as refused:
        io.save(T, path)
    assert refused.value.errno == errno.EEXIST
    assert path.read_text(encoding="utf-8") == text


def test_our_own_file_is_told_from_its_head_without_parsing_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "big.json"
    io.save(Timeline([Person(f"p{i}", "Someone") for i in range(20_000)]), path)
    assert path.stat().st_size > 100 * _files._HEAD_BYTES

    def no_parse(*args: object) -> object:
        raise AssertionError("parsed the whole file")

    monkeypatch.setattr(_files, "parse", no_parse)
    io.save(T, path)
    monkeypatch.undo()
    assert io.load(path) == T


def test_a_file_over_the_size_limit_is_not_ours_and_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.json"
    with path.open("wb") as file:  # sparse: no disk used
        file.truncate(io.MAX_BYTES + 1)
    with within(5), pytest.raises(SaveError, match="not a peacetrack file"):
        io.save(T, path)
    assert path.stat().st_size == io.MAX_BYTES + 1


# -- the umask -------------------------------------------------------------------------


@pytest.mark.parametrize("umask", [0o022, 0o077, 0o002, 0o027])
def test_a_new_file_follows_the_umask(tmp_path: Path, umask: int) -> None:
    previous = os.umask(umask)
    try:
        io.save(T, tmp_path / "new.json")
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "new.json").stat().st_mode) == 0o666 & ~umask


def test_an_existing_file_keeps_its_mode_whatever_the_umask(tmp_path: Path) -> None:
    path = tmp_path / "talks.json"
    io.save(T, path)
    path.chmod(0o640)
    previous = os.umask(0o077)
    try:
        io.save(T, path)
    finally:
        os.umask(previous)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


# -- temporary files left by a killed save ---------------------------------------------


def _stale(tmp_path: Path, target: Path, age: float = 3600) -> Path:
    temp = Path(_write.temp_name(target))
    temp.write_bytes(b'{"peacetrack": "1", "rec')  # half written
    old = time.time() - age
    os.utime(temp, (old, old))
    return temp


def test_the_next_save_removes_stale_temp_files_of_our_pattern_only(tmp_path: Path) -> None:
    target = tmp_path / "talks.json"
    stale = [_stale(tmp_path, target) for _ in range(3)]
    young = _stale(tmp_path, target, age=0)
    other_target = _stale(tmp_path, tmp_path / "other.json")
    not_ours = tmp_path / ".talks.json.abc123.tmp"  # mkstemp's pattern: not ours
    not_ours.write_text("someone else's")
    io.save(T, target)
    left = {p.name for p in tmp_path.iterdir()}
    assert not any(p.name in left for p in stale)
    assert {young.name, other_target.name, not_ours.name, "talks.json"} == left


_KILLED_WRITER = """
import os, sys, time
from peacetrack.io import _write
def hang(*args):
    print("writing", flush=True)
    time.sleep(60)
_write.os.replace = hang
_write.write_atomic(sys.argv[1], b"{}")
"""


def test_a_killed_save_leaves_a_temp_file_the_next_save_removes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A writer killed with SIGKILL mid-save: its temp file stays while it lives (it
    holds the lock), and is removed by the next save once it is dead."""
    target = tmp_path / "talks.json"
    io.save(T, target)
    before = target.read_bytes()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    writer = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(_KILLED_WRITER), str(target)],
        stdout=subprocess.PIPE,
        env=env,
        text=True,
    )
    try:
        assert writer.stdout is not None
        assert writer.stdout.readline() == "writing\n"
        (temp,) = [p for p in tmp_path.iterdir() if p.name != "talks.json"]
        monkeypatch.setattr(_write, "STALE_SECONDS", -1.0)  # age alone would not spare it
        io.save(T, target)
        assert temp.exists()  # locked by a live writer: left alone
    finally:
        writer.send_signal(signal.SIGKILL)
        writer.wait()
        if writer.stdout is not None:
            writer.stdout.close()
    assert target.read_bytes() == before  # the killed save never touched the target
    io.save(T, target)
    assert [p.name for p in tmp_path.iterdir()] == ["talks.json"]


@pytest.mark.parametrize(
    "text",
    [
        '\ufeff{"peacetrack": "1", "records": []}',
        '{"peacetrack": "1", "records": [{"type": "party", "id": "x"',
        '\n  {\n  "records": [],\n  "peacetrack": "2"\n}\n',
    ],
    ids=["with-bom", "truncated-by-a-crash", "keys-reordered-newer-version"],
)
def test_save_replaces_what_is_a_peacetrack_file(tmp_path: Path, text: str) -> None:
    path = tmp_path / "talks.json"
    path.write_text(text, encoding="utf-8")
    io.save(T, path)
    assert io.load(path) == T
