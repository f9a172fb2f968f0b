"""Every command, given the wrong thing, says so in one sentence and changes nothing.

A wrong ``--db`` (a folder, a text file, another program's database, nothing there), a
missing file, and the wrong kind of reference or file (a meeting where a committee is wanted,
a meeting record where a script is). The commands run in this process through
``clerk.cli.main.main``, as the ``clerk`` command runs them; a few run as real processes.
"""

from __future__ import annotations

import logging
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from clerk.cli.main import main
from tests.conftest import run_clerk
from tests.reliability.test_database_paths import snapshot

MEETING_RECORD_COMMANDS: list[list[str]] = [
    ["list"],
    ["list", "--json"],
    ["export", "1"],
    ["replay", "2", "SCRIPT"],
    ["undo", "1"],
    ["redo", "1"],
    ["minutes", "1", "-o", "OUT"],
    ["tracker", "cyp-scrutiny-board", "-o", "OUT"],
    ["status", "1"],
    ["circulate", "1"],
    ["approve", "1"],
    ["confirm", "1", "--at", "2"],
    ["print", "1", "-o", "OUT/book.pdf"],
    ["sign", "1"],
    ["attach", "1", "SCAN"],
    ["signed-copy", "1"],
    ["audit", "1"],
    ["signing-mode"],
    ["signing-mode", "digital"],
    ["backup"],
    ["backup", "--list"],
    ["check"],
]


class Run:
    def __init__(self, code: int, out: str, err: str) -> None:
        self.code, self.out, self.err = code, out, err

    @property
    def error(self) -> str:
        """The one line on stderr (the test fails if there are more)."""
        lines = self.err.strip().splitlines()
        assert len(lines) == 1, self.err
        return lines[0]


@pytest.fixture
def clerk(capsys: pytest.CaptureFixture[str]) -> Iterator[object]:
    root = logging.getLogger()
    handlers = list(root.handlers)

    def run(*argv: str) -> Run:
        code = main(list(argv))
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    yield run
    for handler in root.handlers[:]:
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("demo")
    run_clerk("--db", str(folder / "clerk.sqlite3"), "demo", check=True)
    return folder / "clerk.sqlite3"


@pytest.fixture
def demo_db(tmp_path: Path, demo_template: Path) -> Path:
    """A copy of the demo database, with its backups."""
    target = tmp_path / "db" / "clerk.sqlite3"
    shutil.copytree(demo_template.parent, target.parent)
    return target


def filled(argv: list[str], tmp_path: Path) -> list[str]:
    script = tmp_path / "s.jsonl"
    script.write_text('{"action": "present", "person": "bye"}\n')
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(b"%PDF-1.4 the signed pages")
    names = {"SCRIPT": str(script), "SCAN": str(scan), "OUT": str(tmp_path / "out")}
    return [names.get(a, a.replace("OUT", str(tmp_path / "out"))) for a in argv]


@pytest.mark.parametrize("argv", MEETING_RECORD_COMMANDS, ids=" ".join)
def test_no_database_at_the_path_is_refused_and_nothing_is_created(
    clerk: object, tmp_path: Path, argv: list[str]
) -> None:
    target = tmp_path / "mistyped" / "clerk.sqlite3"
    result = clerk("--db", str(target), *filled(argv, tmp_path))  # type: ignore[operator]
    assert result.code == 1
    assert result.error == (
        f"clerk: error: No database at {target}; `clerk init {target}` creates one."
    )
    assert not target.parent.exists()


def test_the_default_database_missing_names_plain_clerk_init(
    clerk: object, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("CLERK_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("CLERK_DB", raising=False)
    result = clerk("list")  # type: ignore[operator]
    default = tmp_path / "home" / "data" / "clerk.sqlite3"
    assert result.error == f"clerk: error: No database at {default}; `clerk init` creates one."
    created = clerk("init")  # type: ignore[operator]
    assert created.out.splitlines()[0] == f"Created an empty Clerk database at {default}."
    listed = clerk("list")  # type: ignore[operator]
    assert listed.code == 0 and "No committees yet" in listed.out


def make_not_clerk(kind: str, path: Path) -> None:
    if kind == "folder":
        path.mkdir()
        (path / "letter.docx").write_bytes(b"PK\x03\x04 a letter")
    elif kind == "text":
        path.write_text("Notes from the Board\n")
    else:
        with sqlite3.connect(path) as conn:
            conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY)")
        conn.close()


WORDS = {
    "folder": "is a folder, not a Clerk database: give the database file's path",
    "text": "is not a Clerk database (it is not an SQLite database file)",
    "sqlite": "is another program's SQLite database, not a Clerk database",
}


@pytest.mark.parametrize("kind", list(WORDS))
@pytest.mark.parametrize(
    "argv",
    [["init"], ["demo"], ["import", "RECORD"], ["restore", "BACKUP"], *MEETING_RECORD_COMMANDS],
    ids=" ".join,
)
def test_a_db_that_is_not_a_clerk_database_is_refused_and_left_alone(
    clerk: object, tmp_path: Path, demo_db: Path, kind: str, argv: list[str]
) -> None:
    record = tmp_path / "record.json"
    assert clerk("--db", str(demo_db), "export", "1", "-o", str(record)).code == 0  # type: ignore[operator]
    backup = tmp_path / "backup.sqlite3"
    shutil.copy(demo_db, backup)
    place = tmp_path / "place"
    place.mkdir()
    target = place / "Documents"
    make_not_clerk(kind, target)
    before = snapshot(place)
    args = [{"RECORD": str(record), "BACKUP": str(backup)}.get(a, a) for a in argv]
    result = clerk("--db", str(target), *filled(args, tmp_path))  # type: ignore[operator]
    assert result.code == 1
    assert (
        result.error
        == f"clerk: error: {target} {WORDS[kind]}" + result.error.split(WORDS[kind], 1)[1]
    )
    assert result.error.endswith("; Clerk has left it as it is.")
    assert snapshot(place) == before


def test_the_issues_cases_as_real_processes(tmp_path: Path) -> None:
    """`clerk --db ~/Documents list` and a text file given as --db: untouched."""
    documents = tmp_path / "Documents"
    documents.mkdir()
    (documents / "agenda.pdf").write_bytes(b"%PDF-1.4 agenda")
    notes = tmp_path / "notes.txt"
    notes.write_text("Board notes")
    before = snapshot(tmp_path)
    for target, command in [(documents, "list"), (notes, "list"), (notes, "demo")]:
        result = run_clerk("--db", str(target), command)
        assert result.returncode == 1
        assert result.stderr.count("\n") == 1 and "Clerk has left it as it is." in result.stderr
    assert snapshot(tmp_path) == before


def test_init_makes_one_database_and_leaves_an_existing_one(clerk: object, tmp_path: Path) -> None:
    target = tmp_path / "new" / "board.sqlite3"
    made = clerk("init", str(target))  # type: ignore[operator]
    assert made.code == 0
    assert made.out.splitlines() == [
        f"Created an empty Clerk database at {target}.",
        f"Next: 'clerk --db {target} demo' loads the demo, 'clerk --db {target} import "
        "FILE.json' a meeting record.",
    ]
    again = clerk("init", str(target))  # type: ignore[operator]
    assert again.out.strip() == (
        f"{target} is already a Clerk database (0 meeting(s)); nothing was changed."
    )
    both = clerk("--db", str(tmp_path / "a.sqlite3"), "init", str(target))  # type: ignore[operator]
    assert both.error == (
        "clerk: error: Give the database once: 'clerk init PATH' or 'clerk --db PATH init'."
    )
    empty = tmp_path / "empty.sqlite3"
    empty.touch()
    refused = clerk("--db", str(empty), "list")  # type: ignore[operator]
    assert refused.error == (
        f"clerk: error: {empty} is empty, not yet a Clerk database; "
        f"`clerk init {empty}` makes it one."
    )
    assert clerk("init", str(empty)).code == 0  # type: ignore[operator]
    assert clerk("--db", str(empty), "list").code == 0  # type: ignore[operator]


def test_a_damaged_database_is_moved_only_by_a_command_that_writes(
    clerk: object, demo_db: Path
) -> None:
    data = demo_db.read_bytes()
    demo_db.write_bytes(data[:20_000])
    folder = demo_db.parent
    reading = clerk("--db", str(demo_db), "list")  # type: ignore[operator]
    assert reading.error.startswith(f"clerk: error: {demo_db} is damaged (SQLite says: ")
    assert "Clerk has left it as it is; restore the newest backup with: clerk --db" in (
        reading.error
    )
    assert demo_db.read_bytes() == data[:20_000]
    assert not list(folder.glob("*.damaged-*"))
    writing = clerk("--db", str(demo_db), "undo", "1")  # type: ignore[operator]
    assert "so Clerk moved it aside to" in writing.error
    assert "restore the newest backup with: clerk --db" in writing.error
    (moved,) = [p for p in folder.glob("*.damaged-*") if not p.name.endswith(("-wal", "-shm"))]
    assert moved.read_bytes() == data[:20_000]


# -- the wrong kind of reference or file ------------------------------------------------------


def wrong_kinds(tmp_path: Path, demo_db: Path) -> list[tuple[list[str], str]]:
    record = tmp_path / "board.clerkmeeting"
    script = tmp_path / "september.jsonl"
    script.write_text('{"action": "present", "person": "bye"}\n')
    word = tmp_path / "minutes.docx"
    word.write_bytes(b"PK\x03\x04\x14\x00\x06\x00word/document.xml")
    notes = tmp_path / "notes.txt"
    notes.write_text("not a scan")
    folder = tmp_path / "folder"
    folder.mkdir()
    db = str(demo_db)
    return [
        (
            ["tracker", "cyp-scrutiny-board/2021-08-18"],
            "'cyp-scrutiny-board/2021-08-18' is a meeting, not a committee: give the committee, "
            "cyp-scrutiny-board.",
        ),
        (
            ["tracker", "1"],
            "'1' is a meeting (cyp-scrutiny-board/2021-08-18), not a committee: give the "
            "committee, cyp-scrutiny-board.",
        ),
        (
            ["tracker", "scrutiny"],
            "No committee 'scrutiny' in this database (its committees: cyp-scrutiny-board).",
        ),
        (
            ["minutes", "cyp-scrutiny-board"],
            "'cyp-scrutiny-board' is a committee, not a meeting: give one of its meetings, for "
            "example cyp-scrutiny-board/2021-09-20 (meeting 2; 'clerk list' shows them all).",
        ),
        (
            ["status", "2021-08-18"],
            "'2021-08-18' is a date, not a meeting: give the committee too, "
            "cyp-scrutiny-board/2021-08-18 (meeting 1).",
        ),
        (
            ["export", "2021-08-19"],
            "'2021-08-19' is a date, not a meeting, and no meeting in this database is on it.",
        ),
        (["audit", "7"], "No meeting 7 in this database (see 'clerk list')."),
        (
            ["import", db],
            f"{db} is a Clerk database, not a meeting record: give it as the database, "
            f"'clerk --db {db} ...'.",
        ),
        (
            ["import", str(script)],
            f"{script} is a script of actions (JSON lines), not a meeting record: record it on "
            f"a meeting with 'clerk replay MEETING {script}'.",
        ),
        (["import", str(word)], f"{word} is a Word document, not a meeting record."),
        (["import", str(folder)], f"{folder} is a folder, not a meeting record."),
        (["import", str(tmp_path / "gone.json")], f"No file {tmp_path / 'gone.json'}."),
        (
            ["replay", "2", str(record)],
            f"{record} is a Clerk meeting record, not a script of actions: import it with "
            f"'clerk import {record}'.",
        ),
        (["replay", "2", db], f"{db} is a Clerk database, not a script of actions."),
        (
            ["replay", "2", str(tmp_path / "gone.jsonl")],
            f"No script file {tmp_path / 'gone.jsonl'}.",
        ),
        (
            ["restore", str(record)],
            f"{record} is a Clerk meeting record, not a Clerk backup: import it with "
            f"'clerk import {record}'.",
        ),
        (
            ["restore", str(folder)],
            f"{folder} is a folder, not a Clerk backup: give a backup file ('clerk backup "
            "--list' lists them).",
        ),
        (
            ["restore", str(tmp_path / "gone.sqlite3")],
            f"No backup file {tmp_path / 'gone.sqlite3'}.",
        ),
        (
            ["attach", "1", str(notes)],
            f"{notes} is not a PDF: the scanned copy of the signed minutes is kept as a PDF.",
        ),
        (
            ["attach", "1", str(word)],
            f"{word} is a Word document, not a PDF: the scanned copy of the signed minutes is "
            "kept as a PDF.",
        ),
        (["attach", "1", str(tmp_path / "gone.pdf")], f"No scanned copy at {tmp_path}/gone.pdf."),
        (["verify", str(word)], f"{word} is a Word document, not a signed PDF."),
        (["verify", str(tmp_path / "gone.pdf")], f"No file {tmp_path / 'gone.pdf'}."),
    ]


def test_every_wrong_kind_of_reference_or_file_is_named(
    clerk: object, tmp_path: Path, demo_db: Path
) -> None:
    record = tmp_path / "board.clerkmeeting"
    assert clerk("--db", str(demo_db), "export", "1", "-o", str(record)).code == 0  # type: ignore[operator]
    # The attach cases need approved minutes (attaching comes after approval).
    assert clerk("--db", str(demo_db), "circulate", "1").code == 0  # type: ignore[operator]
    assert clerk("--db", str(demo_db), "approve", "1").code == 0  # type: ignore[operator]
    before = dump(demo_db)
    failures = []
    for argv, sentence in wrong_kinds(tmp_path, demo_db):
        result = clerk("--db", str(demo_db), *argv)  # type: ignore[operator]
        if result.code != 1 or result.err.strip() != f"clerk: error: {sentence}":
            failures.append((argv, result.code, result.err))
    assert failures == []
    assert dump(demo_db) == before


def dump(path: Path) -> list[str]:
    """The database's content as SQL, whatever its pages look like."""
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def test_clerk_db_naming_a_folder_is_refused_like_db(
    clerk: object, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    folder = tmp_path / "Documents"
    folder.mkdir()
    monkeypatch.setenv("CLERK_DB", str(folder))
    before = snapshot(tmp_path)
    for argv in (["list"], ["demo"], ["init"]):
        result = clerk(*argv)  # type: ignore[operator]
        assert result.error.startswith(f"clerk: error: {folder} is a folder, not a Clerk database")
    missing = tmp_path / "typo.sqlite3"
    monkeypatch.setenv("CLERK_DB", str(missing))
    result = clerk("status", "1")  # type: ignore[operator]
    assert result.error == (
        f"clerk: error: No database at {missing}; `clerk init {missing}` creates one."
    )
    assert snapshot(tmp_path) == before
