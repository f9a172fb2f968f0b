"""Starting the window on a damaged database: explained in a sentence, the backup offered."""

from __future__ import annotations

from pathlib import Path

from clerk.services import catalogue, maintenance
from clerk.services.demo import load_demo
from clerk.storage.database import open_database
from clerk.ui.startup import EMPTY, QUIT, RESTORE, open_with_recovery


def damaged_with_backup(tmp_path: Path) -> tuple[str, Path]:
    path = tmp_path / "clerk.sqlite3"
    database = open_database(str(path))
    load_demo(database)
    backup = maintenance.backup_now(database, tmp_path / "before.sqlite3")
    database.dispose()
    path.write_bytes(b"this is not a database any more" * 100)
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
    assert list(tmp_path.glob("clerk.sqlite3.*damaged*")) or list(tmp_path.glob("*not-clerk*"))


def test_quitting_leaves_the_moved_file_and_opens_nothing(tmp_path: Path) -> None:
    target, _backup = damaged_with_backup(tmp_path)
    assert open_with_recovery(target, lambda sentence, choices: QUIT) is None
    moved = [p for p in tmp_path.iterdir() if "damaged" in p.name or "not-clerk" in p.name]
    assert moved and moved[0].read_bytes().startswith(b"this is not a database")
