"""Another Clerk, in another process: a clerk at the table recording on command."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from tests.conftest import ROOT

#: The child: opens the database as Clerk does, then applies one action per stdin line
#: (JSON, as in a script) and answers "ok SEQ", or "error: MESSAGE".
_CHILD = """
import json, sys
from clerk.domain.actions import action_from_json
from clerk.domain.errors import ClerkError
from clerk.services.recording import MeetingSession
from clerk.storage.database import open_database

database = open_database(sys.argv[1])
session = MeetingSession(database, int(sys.argv[2])) if sys.argv[2] != "0" else None
print("open " + json.dumps(database.notices), flush=True)
for line in sys.stdin:
    try:
        ack = session.apply(action_from_json(json.loads(line)))
        print(f"ok {ack.seq}", flush=True)
    except ClerkError as error:
        print(f"error: {error}", flush=True)
database.dispose()
"""


def child_env() -> dict[str, str]:
    """The environment for a ``python -m clerk`` child running this checkout."""
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


class OtherClerk:
    """``with OtherClerk(db, meeting) as clerk: clerk.record({...})``."""

    def __init__(self, database: str | Path, meeting: int = 0) -> None:
        env = child_env()
        self.child = subprocess.Popen(
            [sys.executable, "-c", _CHILD, str(database), str(meeting)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        self.pid = self.child.pid
        first = self._read()
        if not first.startswith("open "):
            self.close()
            raise AssertionError(f"the other Clerk did not open: {first!r}")
        self.notices: list[str] = json.loads(first[5:])

    def _read(self) -> str:
        assert self.child.stdout is not None
        return self.child.stdout.readline().strip()

    def record(self, action: dict[str, Any]) -> str:
        assert self.child.stdin is not None
        self.child.stdin.write(json.dumps(action) + "\n")
        self.child.stdin.flush()
        return self._read()

    def close(self) -> None:
        if self.child.stdin is not None and not self.child.stdin.closed:
            self.child.stdin.close()
        self.child.wait(timeout=60)

    def kill(self) -> None:
        self.child.kill()
        self.child.wait(timeout=60)

    def __enter__(self) -> OtherClerk:
        return self

    def __exit__(self, *_exc: object) -> None:
        if self.child.poll() is None:
            self.close()
