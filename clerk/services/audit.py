"""``clerk audit``: is the meeting's record what its journal says, and who changed what, when.

Three checks: the journal's hash chain (a journal row changed behind Clerk's back breaks it);
the record rebuilt from the journal against the stored rows (a record row changed behind
Clerk's back shows as a difference); the sign-off pins (approval and signing recorded the
journal's head, and nothing but sign-off steps follows the approval). Files kept with the
meeting are checked against their SHA-256, as recorded in the journal.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from clerk.domain.enums import SignoffStepKind
from clerk.domain.journal import JournalEntry
from clerk.domain.record import MeetingRecord
from clerk.domain.signoff import claims
from clerk.domain.signoff.lifecycle import minutes_name
from clerk.services import anchors
from clerk.services.anchors import AnchorFindings
from clerk.services.record_checks import meeting_findings
from clerk.services.signoff import SIGNED_PDF, local_time, read_file
from clerk.storage import attachments, seals
from clerk.storage import repository as repo
from clerk.storage.database import Database
from clerk.storage.seals import SealCheck


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
    register: tuple[str, ...]
    seals: tuple[str, ...]
    files: tuple[str, ...]
    files_checked: int
    changes: tuple[Change, ...]
    #: The record against the fingerprint typed from paper and the signed PDFs.
    outside: AnchorFindings = field(default_factory=AnchorFindings)
    #: Sign-off steps taken elsewhere (an imported record), not verified here.
    unverified: tuple[str, ...] = ()
    #: How many entries carry this installation's seal, when it has a record key.
    sealed: str = ""

    @property
    def problems(self) -> list[str]:
        return [
            *self.chain,
            *self.record,
            *self.signoff,
            *self.register,
            *self.seals,
            *self.files,
            *self.outside.problems,
        ]

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
        out += _section(
            "Register: the meeting, its approval and signing are where the register put them.",
            "Register: PROBLEMS:",
            self.register,
        )
        if self.seals:
            out += _section("", "Seals: PROBLEMS:", self.seals)
        elif self.sealed:
            out.append(self.sealed)
        if self.outside.notes or self.outside.problems:
            out += _section(
                "Outside the database: the record matches what was kept outside it.",
                "Outside the database: the record DOES NOT MATCH:",
                self.outside.problems,
            )
            out += [f"  - {note}" for note in self.outside.notes]
        out += [f"Sign-off: {line}" for line in self.unverified]
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


def audit_meeting(
    database: Database,
    meeting_id: int,
    fingerprint: str | None = None,
    signed_copy: Path | None = None,
) -> AuditReport:
    """The audit; ``fingerprint`` (typed from the minute-book copy) and ``signed_copy`` (a
    signed PDF held outside Clerk) are checked against the record too, as is every digitally
    signed PDF kept with the meeting."""
    outside = AnchorFindings()
    if fingerprint is not None:
        with database.reading() as conn:
            minutes, _version = repo.load_record(conn, meeting_id)
        outside += anchors.check_fingerprint(minutes, fingerprint)
    with database.reading() as conn:  # one snapshot: no false alarm while others record
        record, _version = repo.load_record(conn, meeting_id)
        entries = repo.load_journal(conn, meeting_id)
        kept = attachments.list_for(conn, meeting_id)
        contents = {a.id: attachments.content(conn, a.id) for a in kept}
        findings = meeting_findings(conn, meeting_id, record, entries)
        sealed = repo.load_journal_seals(conn, meeting_id)
    files = []
    for attachment in kept:
        actual = hashlib.sha256(contents[attachment.id]).hexdigest()
        if actual != attachment.sha256:
            files.append(
                f"The kept file {attachment.file_name} (attachment {attachment.id}) has been "
                "changed: its SHA-256 no longer matches."
            )
    for attachment in kept:
        if attachment.purpose == SIGNED_PDF:
            outside += anchors.check_signed_copy(
                record, attachment.file_name, contents[attachment.id]
            )
    if signed_copy is not None:
        outside += outside_copy(record, signed_copy)
    recorded = {a.sha256 for a in kept}
    elsewhere = claims.taken_elsewhere(record, entries)  # shown as not verified, not tampering
    unverified: tuple[str, ...] = ()
    if elsewhere and not claims.verified_here(record, elsewhere, recorded):
        unverified = (
            f"{len(elsewhere)} step(s) were taken elsewhere (the record was imported) and are "
            "not verified here: keep the signed copy with 'clerk attach'.",
        )
    for step in record.signoff.values():
        if step.id in elsewhere:
            continue
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
        register=findings.register,
        seals=findings.seals,
        files=tuple(files),
        files_checked=len(kept),
        changes=tuple(Change(e.seq, e.recorded_at, e.who, e.kind, e.label) for e in entries),
        outside=outside,
        unverified=unverified,
        sealed=seal_note(entries, sealed),
    )


def seal_note(entries: list[JournalEntry], sealed: dict[int, str]) -> str:
    """How many entries carry this installation's seal ("" without a record key)."""
    key = seals.installation_key()
    if key is None:
        return ""
    good = sum(key.check(e.hash, sealed.get(e.seq, "")) is SealCheck.GOOD for e in entries)
    return (
        f"Seals: {good} of {len(entries)} entries carry this installation's seal (record key "
        f"{key.id})."
    )


def outside_copy(record: MeetingRecord, path: Path) -> AnchorFindings:
    """A signed PDF held outside Clerk: intact under its signature, and made from this record."""
    from clerk.services.signing import verify_pdf  # pyHanko only when a PDF is checked

    data = read_file(path, "signed copy")
    checked = verify_pdf(data, path.name, use_configured=False)
    if checked.problem or not checked.signatures:
        return AnchorFindings(
            problems=(f"The signed copy {path.name} is not a signed PDF Clerk can check.",)
        )
    changed = [s for s in checked.signatures if not s.unchanged]
    if changed:
        return AnchorFindings(
            problems=(
                f"The signed copy {path.name} has changed since it was signed "
                f"({changed[0].changed_after or 'the signed bytes do not match'}).",
            )
        )
    return anchors.check_signed_copy(record, path.name, data)
