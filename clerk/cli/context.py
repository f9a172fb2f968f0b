"""What every command gets: the parsed options, the database (opened on first use), output."""

from __future__ import annotations

import argparse
import os
import shlex
import sys
from typing import TextIO

from clerk.domain.errors import ClerkError
from clerk.storage.database import Access, DamagedDatabase, Database, NoDatabase, open_database


def how_to_create(error: NoDatabase, named: bool = True) -> ClerkError:
    """'No database at PATH; `clerk init PATH` creates one.' (plain ``clerk init`` for the
    default database, when --db and CLERK_DB did not name one)."""
    init = shlex.join(["clerk", "init", *([str(error.path)] if named else [])])
    verb = "makes it one" if error.empty else "creates one"
    return ClerkError(f"{error.lead}; `{init}` {verb}.")


class CommandContext:
    def __init__(
        self, args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None
    ) -> None:
        self.args = args
        self.out = out or sys.stdout
        self.err = err or sys.stderr
        self._database: Database | None = None

    @property
    def access(self) -> Access:
        """What the command does with the database (each command says, with ``access=``)."""
        access: Access = getattr(self.args, "access", Access.READ)
        return access

    @property
    def database(self) -> Database:
        if self._database is None:
            try:
                self._database = open_database(self.args.db, access=self.access)
            except NoDatabase as error:
                named = self.args.db is not None or bool(os.environ.get("CLERK_DB"))
                raise how_to_create(error, named) from None
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
