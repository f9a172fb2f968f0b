"""What every command gets: the parsed options, the database (opened on first use), output."""

from __future__ import annotations

import argparse
import sys
from typing import TextIO

from clerk.storage.database import Database, open_database


class CommandContext:
    def __init__(
        self, args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None
    ) -> None:
        self.args = args
        self.out = out or sys.stdout
        self.err = err or sys.stderr
        self._database: Database | None = None

    @property
    def database(self) -> Database:
        if self._database is None:
            self._database = open_database(self.args.db)
        return self._database

    def say(self, line: str) -> None:
        print(line, file=self.out, flush=True)

    def close(self) -> None:
        if self._database is not None:
            self._database.dispose()
