"""Files out: written atomically. An unwritable folder, a full disk and a writer that fails
half-way each give one clear error, leave no partial file, and keep the previous file."""

from __future__ import annotations

import os
import re
import resource
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from clerk.fileio import WriteError, atomic_write, write_text
from clerk.storage.database import open_database
from tests.conftest import ROOT, run_clerk
from tests.reliability.script_gen import generate, prepare


@contextmanager
def mounted_tmpfs(folder: Path, options: str) -> Iterator[Path]:
    """A real small or read-only file system (tests run as root, where chmod stops nothing)."""
    if os.geteuid() != 0:
        pytest.skip("mounting a test file system needs root (CI runs as root)")
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)], check=True)
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


@pytest.fixture
def read_only_folder(tmp_path: Path) -> Iterator[Path]:
    """A folder on a read-only disk, holding one earlier export."""
    with mounted_tmpfs(tmp_path / "ro", "size=1m") as folder:
        (folder / "minutes.json").write_text("the previous export\n")
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
        yield folder


@pytest.fixture
def full_disk(tmp_path: Path) -> Iterator[Path]:
    """A folder on a 256 KiB disk with 8 KiB free, holding one earlier export."""
    with mounted_tmpfs(tmp_path / "full", "size=256k") as folder:
        (folder / "minutes.json").write_text("the previous export\n")
        filler = folder / "filler"
        with open(filler, "wb", buffering=0) as handle:
            try:
                while True:
                    handle.write(b"\0" * 4096)
                    handle.flush()
            except OSError:
                pass
        os.truncate(filler, max(0, filler.stat().st_size - 8192))
        yield folder


@pytest.fixture
def demo_db(tmp_path: Path) -> Path:
    path = tmp_path / "clerk.sqlite3"
    run_clerk("--db", str(path), "demo", check=True)
    return path


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


def one_line_error(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 1, result
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    return lines[0]


def test_export_into_a_read_only_folder(demo_db: Path, read_only_folder: Path) -> None:
    target = read_only_folder / "minutes.json"
    result = run_clerk("--db", str(demo_db), "export", "1", "-o", str(target))
    assert one_line_error(result) == (
        f"clerk: error: Cannot write to {read_only_folder}: it is on a read-only disk. "
        "Nothing was written."
    )
    assert target.read_text() == "the previous export\n"
    assert leftovers(read_only_folder) == []


def test_backup_into_a_read_only_folder(demo_db: Path, read_only_folder: Path) -> None:
    result = run_clerk("--db", str(demo_db), "backup", "-o", str(read_only_folder / "b.sqlite3"))
    assert "it is on a read-only disk. Nothing was written." in one_line_error(result)
    assert not (read_only_folder / "b.sqlite3").exists()


def test_export_onto_a_full_disk(demo_db: Path, full_disk: Path) -> None:
    target = full_disk / "minutes.json"
    result = run_clerk("--db", str(demo_db), "export", "1", "-o", str(target))
    assert one_line_error(result) == (
        f"clerk: error: Cannot write {target}: the disk is full. Nothing was written."
    )
    assert target.read_text() == "the previous export\n"
    assert leftovers(full_disk) == []


def test_backup_onto_a_full_disk(demo_db: Path, full_disk: Path) -> None:
    target = full_disk / "backup.sqlite3"
    result = run_clerk("--db", str(demo_db), "backup", "-o", str(target))
    assert one_line_error(result) == (
        f"clerk: error: Cannot write {target}: the disk is full. Nothing was written."
    )
    assert not target.exists()
    assert leftovers(full_disk) == []


def test_a_folder_that_is_a_file(demo_db: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "report.txt"
    blocker.write_text("a file, not a folder")
    result = run_clerk("--db", str(demo_db), "export", "1", "-o", str(blocker / "minutes.json"))
    assert one_line_error(result).startswith(f"clerk: error: Cannot write {blocker}/minutes.json")
    assert result.stderr.strip().endswith("Nothing was written.")


def test_a_process_stopped_from_writing_half_way(tmp_path: Path) -> None:
    """The operating system refuses writes beyond 64 KiB into any one file (a file-size limit:
    room for SQLite's working files, not for this long meeting's export), so the real command
    fails in the middle of writing the export."""
    db = tmp_path / "clerk.sqlite3"
    database = open_database(str(db))
    meeting = prepare(database)
    generate(database, meeting, seed=5, actions=800)
    database.dispose()
    target = tmp_path / "minutes.json"
    target.write_text("the previous export\n")

    def limit() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (65536, 65536))

    whole = run_clerk("--db", str(db), "export", str(meeting), check=True).stdout
    assert len(whole.encode()) > 2 * 65536
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    result = subprocess.run(
        [sys.executable, "-m", "clerk", "--db", str(db), "export", str(meeting), "-o", str(target)],
        env=env,
        capture_output=True,
        text=True,
        preexec_fn=limit,
        timeout=120,
    )
    assert re.fullmatch(
        rf"clerk: error: Cannot write {re.escape(str(target))}: .*Nothing was written\.",
        one_line_error(result),
    )
    assert target.read_text() == "the previous export\n"
    assert leftovers(tmp_path) == []


def test_a_writer_that_raises_half_way_leaves_the_previous_file(tmp_path: Path) -> None:
    target = tmp_path / "minutes.json"
    target.write_text("the previous export\n")

    class Interrupted(Exception):
        pass

    def half(temp: Path) -> None:
        with open(temp, "w") as handle:
            handle.write("{ half of a new")
            handle.flush()
            raise Interrupted("stopped half-way")

    with pytest.raises(Interrupted):
        atomic_write(target, half)
    assert target.read_text() == "the previous export\n"
    assert leftovers(tmp_path) == []

    def fails(temp: Path) -> None:
        temp.write_text("{ half")
        raise OSError(28, "No space left on device")

    with pytest.raises(WriteError, match=r"the disk is full\. Nothing was written\."):
        atomic_write(target, fails)
    assert target.read_text() == "the previous export\n"
    assert leftovers(tmp_path) == []


def test_a_written_file_has_the_usual_permissions(tmp_path: Path) -> None:
    mask = os.umask(0o022)
    try:
        new = write_text(tmp_path / "new.json", "{}")
        assert new.stat().st_mode & 0o777 == 0o644
        kept = tmp_path / "kept.json"
        kept.write_text("old")
        kept.chmod(0o640)
        write_text(kept, "new")
        assert kept.stat().st_mode & 0o777 == 0o640
    finally:
        os.umask(mask)


def test_clerk_writes_files_only_through_fileio() -> None:
    """No module writes a file directly: exports, backups and documents go through
    ``clerk.fileio`` (the writer lock file aside, which holds no data)."""
    allowed = {"clerk/fileio.py", "clerk/storage/locking.py"}
    direct = re.compile(r"\.write_(text|bytes)\(|open\([^)]*[\"'][wax]b?\+?[\"']")
    offenders = []
    for path in sorted((ROOT / "clerk").rglob("*.py")):
        name = path.relative_to(ROOT).as_posix()
        if name in allowed:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if direct.search(line):
                offenders.append(f"{name}:{number}: {line.strip()}")
    assert offenders == []
