"""Minute text typed but not yet added, kept on disk per meeting and item: it survives closing
the meeting, quitting Clerk and a crash (written as it is typed).

The drafts live in a small JSON file Clerk keeps next to its own data: beside the SQLite
database file (``clerk.db.drafts.json``), or, for a shared PostgreSQL database, in Clerk's data
folder under a name made from the database's address. They are the clerk's own unfinished
typing, not the record: nothing of them is in the meeting until the clerk adds the paragraph.
``clerk --demo`` replaces the demo's copy with a fresh one, and the old copy's drafts with it
(``DraftStore.discard``, from ``clerk.ui.app.fresh_demo``); a user's database keeps its drafts.
"""

from __future__ import annotations

import hashlib
import json
import logging
from pathlib import Path
from typing import Any

from clerk.fileio import WriteError, write_text

log = logging.getLogger(__name__)

#: item id -> (the paragraph being edited, or None for a new one; the text)
Drafts = dict[int, tuple[int | None, str]]


class DraftStore:
    def __init__(self, path: Path | None) -> None:
        self.path = path

    @classmethod
    def beside(cls, database_path: Path | None, address: str) -> DraftStore:
        """The store for a database: beside its file, else in Clerk's data folder."""
        if database_path is not None:
            return cls(database_path.with_name(database_path.name + ".drafts.json"))
        from clerk.storage.engine import data_dir

        digest = hashlib.sha256(address.encode()).hexdigest()[:16]
        return cls(data_dir() / f"drafts-{digest}.json")

    def _read(self) -> dict[str, Any]:
        if self.path is None or not self.path.exists():
            return {}
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            log.warning("Could not read the minute-text drafts %s: %s", self.path, error)
            return {}
        return data if isinstance(data, dict) else {}

    def load(self, meeting_id: int) -> Drafts:
        drafts: Drafts = {}
        for item, entry in self._read().get(str(meeting_id), {}).items():
            try:
                paragraph = entry.get("paragraph")
                drafts[int(item)] = (
                    int(paragraph) if paragraph is not None else None,
                    str(entry["text"]),
                )
            except (AttributeError, KeyError, TypeError, ValueError):
                continue  # a damaged entry: skip it, keep the others
        return drafts

    def save(self, meeting_id: int, drafts: Drafts) -> None:
        """Write this meeting's drafts (the other meetings' are kept as they are)."""
        if self.path is None:
            return
        data = self._read()
        entries = {
            str(item): {"paragraph": paragraph, "text": text}
            for item, (paragraph, text) in sorted(drafts.items())
            if text.strip()
        }
        if entries:
            data[str(meeting_id)] = entries
        elif str(meeting_id) not in data:
            return  # nothing kept, nothing to forget: no file written
        else:
            del data[str(meeting_id)]
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_text(self.path, json.dumps(data, ensure_ascii=False, indent=1), mode=0o600)
        except (OSError, WriteError) as error:
            log.warning("Could not keep the minute-text drafts in %s: %s", self.path, error)

    def discard(self) -> None:
        """Remove the drafts file, for a database Clerk itself replaced with a fresh one (the
        demo's copy; never a user's database). Only an ordinary file goes, never a link."""
        if self.path is None or self.path.is_symlink() or not self.path.is_file():
            return
        try:
            self.path.unlink()
        except OSError as error:
            log.warning("Could not remove the old minute-text drafts %s: %s", self.path, error)
