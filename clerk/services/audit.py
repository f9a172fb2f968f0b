"""``clerk audit``: is the meeting's record what its journal says, and who changed what, when.

Three checks: the journal's hash chain (a journal row changed behind Clerk's back breaks it);
the record rebuilt from the journal against the stored rows (a record row changed behind
Clerk's back shows as a difference); the sign-off pins (approval and signing recorded the
journal's head, and nothing but sign-off steps follows the approval). Files kept with the
meeting are checked against their SHA-256, as recorded in the journal.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime

from clerk.domain.enums import SignoffStepKind
from clerk.domain.signoff import integrity
from clerk.domain.signoff.lifecycle import minutes_name
from clerk.services.signoff import local_time
from clerk.storage import attachments
from clerk.storage import repository as repo
from clerk.storage.database import Database


@dataclass(frozen=True)
class Change:
    """One journal entry: every change to the record, with who made it and when."""

    seq: int
    recorded_at: datetime
    who: str
    kind: str
    label: str


@dataclass(frozen=True)
class AuditReport:
    meeting_id: int
    reference: str
    subject: str
    entries: int
    chain: tuple[str, ...]
    record: tuple[str, ...]
    signoff: tuple[str, ...]
    files: tuple[str, ...]
    files_checked: int
    changes: tuple[Change, ...]

    @property
    def problems(self) -> list[str]:
        return [*self.chain, *self.record, *self.signoff, *self.files]

    @property
    def ok(self) -> bool:
        return not self.problems

    def lines(self, with_changes: bool = True) -> list[str]:
        out = [f"Audit of {self.subject} (meeting {self.meeting_id}, {self.reference})"]
        out += _section(
            f"Journal: {self.entries} entries; the hash chain is intact.",
            f"Journal: {self.entries} entries; the hash chain is BROKEN:",
            self.chain,
        )
        out += _section(
            "Record: the stored record matches the one rebuilt from the journal.",
            "Record: the stored record DIFFERS from the one rebuilt from the journal:",
            self.record,
        )
        out += _section(
            "Sign-off: each step pins the journal as it was when the step was taken.",
            "Sign-off: PROBLEMS:",
            self.signoff,
        )
        if self.files_checked or self.files:
            out += _section(
                f"Files: {self.files_checked} kept with the meeting, unchanged (SHA-256).",
                "Files: PROBLEMS:",
                self.files,
            )
        if self.ok:
            out.append("Result: no sign of tampering.")
        else:
            out.append(f"Result: TAMPERING DETECTED ({len(self.problems)} problem(s)).")
        if with_changes:
            out.append("Changes (every journal entry: number, time, who, what):")
            for change in self.changes:
                moment = local_time(change.recorded_at)
                out.append(
                    f"  {change.seq:>4}  {moment:%Y-%m-%d %H:%M:%S}  {change.who}  {change.label}"
                )
        return out


def _section(good: str, bad: str, problems: tuple[str, ...]) -> list[str]:
    if not problems:
        return [good]
    return [bad, *(f"  - {problem}" for problem in problems)]


def audit_meeting(database: Database, meeting_id: int) -> AuditReport:
    with database.reading() as conn:
        record, _version = repo.load_record(conn, meeting_id)
        entries = repo.load_journal(conn, meeting_id)
        kept = attachments.list_for(conn, meeting_id)
        contents = {a.id: attachments.content(conn, a.id) for a in kept}
    findings = integrity.examine(entries, record)
    files = []
    for attachment in kept:
        actual = hashlib.sha256(contents[attachment.id]).hexdigest()
        if actual != attachment.sha256:
            files.append(
                f"The kept file {attachment.file_name} (attachment {attachment.id}) has been "
                "changed: its SHA-256 no longer matches."
            )
    recorded = {a.sha256 for a in kept}
    for step in record.signoff.values():
        wants_file = step.step is SignoffStepKind.COPY_ATTACHED or (
            step.step is SignoffStepKind.SIGNED and step.sha256
        )
        if wants_file and step.sha256 not in recorded:
            files.append(
                f"The {step.step} step names {step.file_name or 'a file'} with SHA-256 "
                f"{step.sha256[:16]}..., but no kept file has that hash."
            )
    return AuditReport(
        meeting_id=meeting_id,
        reference=record.reference,
        subject=minutes_name(record),
        entries=len(entries),
        chain=findings.chain,
        record=findings.record,
        signoff=findings.signoff,
        files=tuple(files),
        files_checked=len(kept),
        changes=tuple(Change(e.seq, e.recorded_at, e.who, e.kind, e.label) for e in entries),
    )
