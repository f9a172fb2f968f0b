"""Starting the window: a damaged database explained in a sentence with the backup offered;
no database where the clerk pointed, a new one only if the clerk says so; anything that is
not a Clerk database refused and left as it is."""

from __future__ import annotations

from pathlib import Path

import pytest

from clerk.services import catalogue, maintenance
from clerk.services.demo import load_demo
from clerk.storage.database import Access, NotAClerkDatabase, open_database
from clerk.ui.startup import CREATE, EMPTY, QUIT, RESTORE, open_with_recovery


def damaged_with_backup(tmp_path: Path) -> tuple[str, Path]:
    path = tmp_path / "clerk.sqlite3"
    database = open_database(str(path))
    load_demo(database)
    backup = maintenance.backup_now(database, tmp_path / "before.sqlite3")
    database.dispose()
    damaged = path.read_bytes()[:4096] + b"this is not a database any more" * 100
    path.write_bytes(damaged)
    return str(path), backup


def test_restoring_the_newest_backup_from_the_window(tmp_path: Path) -> None:
    target, _backup = damaged_with_backup(tmp_path)
    asked: list[tuple[str, list[str]]] = []

    def ask(sentence: str, choices: list[str]) -> str:
        asked.append((sentence, choices))
        return RESTORE

    database = open_with_recovery(target, ask)
    assert database is not None
    ((sentence, choices),) = asked
    assert choices == [RESTORE, EMPTY, QUIT]
    assert "moved" in sentence and "newest backup" in sentence
    assert "\n" not in sentence
    # The newest automatic backup (made when the August meeting closed) is back in place.
    assert (
        next(m.reference for m in catalogue.meetings(database)) == "cyp-scrutiny-board/2021-08-18"
    )
    assert list(tmp_path.glob("clerk.sqlite3.damaged-*"))


def test_quitting_leaves_the_moved_file_and_opens_nothing(tmp_path: Path) -> None:
    target, _backup = damaged_with_backup(tmp_path)
    assert open_with_recovery(target, lambda sentence, choices: QUIT) is None
    moved = [p for p in tmp_path.glob("*.damaged-*") if not p.name.endswith(("-wal", "-shm"))]
    assert moved and moved[0].read_bytes().endswith(b"this is not a database any more")


def test_no_database_where_the_clerk_pointed_is_created_only_when_asked(tmp_path: Path) -> None:
    target = tmp_path / "typo" / "clerk.sqlite3"
    asked: list[tuple[str, list[str]]] = []

    def quit_(sentence: str, choices: list[str]) -> str:
        asked.append((sentence, choices))
        return QUIT

    assert open_with_recovery(str(target), quit_) is None
    assert asked == [(f"No database at {target}. Create a new database there?", [CREATE, QUIT])]
    assert not target.parent.exists()  # not even the folder

    database = open_with_recovery(str(target), lambda sentence, choices: CREATE)
    assert database is not None
    assert database.is_empty() is False  # a new Clerk database, tables and all
    database.dispose()


def test_clerks_own_database_is_made_on_the_first_start_without_asking(tmp_path: Path) -> None:
    target = tmp_path / "data" / "clerk.sqlite3"

    def never(sentence: str, choices: list[str]) -> str:
        raise AssertionError(f"asked: {sentence}")

    database = open_with_recovery(str(target), never, access=Access.CREATE)
    assert database is not None and target.exists()
    database.dispose()


@pytest.mark.parametrize("content", [None, b"Agenda for Tuesday\n"])
def test_something_that_is_not_a_clerk_database_is_refused_untouched(
    tmp_path: Path, content: bytes | None
) -> None:
    target = tmp_path / "Documents"
    if content is None:
        target.mkdir()
        (target / "letter.txt").write_text("Dear Sir")
    else:
        target.write_bytes(content)
    before = sorted(p.name for p in tmp_path.iterdir())

    def never(sentence: str, choices: list[str]) -> str:
        raise AssertionError(f"asked: {sentence}")

    with pytest.raises(NotAClerkDatabase, match="Clerk has left it as it is"):
        open_with_recovery(str(target), never)
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    if content is None:
        assert (target / "letter.txt").read_text() == "Dear Sir"
    else:
        assert target.read_bytes() == content
