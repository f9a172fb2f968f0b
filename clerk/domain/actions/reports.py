"""Reports attached to agenda items: the files the agenda pack appends after the agenda.

The action records the file's name, SHA-256 and page count; the service keeps the file itself
in the database in the same transaction, so undoing the action takes the report off the item
and the journal says exactly which file was attached.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from clerk.domain.actions.base import Action, Context, register, require_not_closed
from clerk.domain.entities import Report
from clerk.domain.errors import RuleViolation
from clerk.domain.record import MeetingRecord

SHA256 = re.compile(r"^[0-9a-f]{64}$")


@dataclass(frozen=True)
class AttachReport(Action):
    """Attach a report (PDF) to an item; its "(To Follow)" mark goes."""

    kind = "attach_report"
    item: int
    file_name: str
    sha256: str
    pages: int

    def apply(self, record: MeetingRecord, ctx: Context) -> str:
        require_not_closed(record, "attach a report")
        target = record.item(self.item)
        name = self.file_name.strip()
        if not name:
            raise RuleViolation("A report needs a file name.")
        if not SHA256.match(self.sha256):
            raise RuleViolation(f"'{self.sha256}' is not a SHA-256 (64 hexadecimal digits).")
        if self.pages < 1:
            raise RuleViolation(f"The report {name} has no pages.")
        if any(r.sha256 == self.sha256 for r in target.reports):
            raise RuleViolation(f"Item {target.number} already has this report ({name}).")
        report = Report(file_name=name, sha256=self.sha256, pages=self.pages)
        record.items[target.id] = replace(
            target, reports=(*target.reports, report), report_to_follow=False
        )
        return f"attach the report {name} to item {target.number}"


@dataclass(frozen=True)
class DetachReport(Action):
    """Take a report off an item (the file stays in the database, for the journal's sake)."""

    kind = "detach_report"
    item: int
    sha256: str

    def apply(self, record: MeetingRecord, ctx: Context) -> str:
        require_not_closed(record, "take a report off the agenda")
        target = record.item(self.item)
        kept = tuple(r for r in target.reports if r.sha256 != self.sha256)
        if len(kept) == len(target.reports):
            raise RuleViolation(f"Item {target.number} has no such report.")
        gone = next(r for r in target.reports if r.sha256 == self.sha256)
        record.items[target.id] = replace(target, reports=kept)
        return f"take the report {gone.file_name} off item {target.number}"


for _cls in (AttachReport, DetachReport):
    register(_cls)
