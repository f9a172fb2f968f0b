"""What every command gets: the parsed options, the database (opened on first use), output."""

from __future__ import annotations

import argparse
import shlex
import sys
from typing import TextIO

from clerk.domain.errors import ClerkError
from clerk.storage.database import DamagedDatabase, Database, open_database


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
            try:
                self._database = open_database(self.args.db)
            except DamagedDatabase as error:
                if error.newest_backup is None:
                    raise
                restore = shlex.join(
                    ["clerk", *self.db_option(), "restore", str(error.newest_backup)]
                )
                raise ClerkError(
                    f"{error.lead}; restore the newest backup with: {restore}"
                ) from None
            self.tell()
        return self._database

    def tell(self) -> None:
        """Say on stderr what the user should know about the database (read-only, ...)."""
        if self._database is not None:
            for notice in self._database.notices:
                print(f"clerk: note: {notice}", file=self.err, flush=True)
            self._database.notices.clear()

    def db_option(self) -> list[str]:
        return ["--db", self.args.db] if self.args.db else []

    def say(self, line: str) -> None:
        print(line, file=self.out, flush=True)

    def close(self) -> None:
        if self._database is not None:
            self.tell()
            self._database.dispose()
