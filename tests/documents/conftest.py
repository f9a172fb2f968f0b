"""The demo's documents, written once per module through the real service on a real database."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from clerk.services.demo import load_demo
from clerk.services.documents import generate_minutes, generate_tracker
from clerk.storage.database import Database, open_database


@dataclass
class DemoFiles:
    database: Database
    folder: Path

    def read(self, name: str) -> bytes:
        return (self.folder / name).read_bytes()


MINUTES = "cyp-scrutiny-board-2021-08-18-minutes"
TRACKER = "cyp-scrutiny-board-action-tracker"


@pytest.fixture(scope="module")
def demo_files(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DemoFiles]:
    home = tmp_path_factory.mktemp("home")
    folder = tmp_path_factory.mktemp("out")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CLERK_HOME", str(home))
        database = open_database(str(folder / "demo.sqlite3"))
        load_demo(database)
        generate_minutes(database, 1, ["docx,pdf"], confidential=False, out_dir=folder)
        generate_minutes(database, 1, ["docx", "pdf"], confidential=True, out_dir=folder)
        generate_tracker(database, "cyp-scrutiny-board", ["docx,pdf"], False, out_dir=folder)
        yield DemoFiles(database, folder)
        database.dispose()
