"""Signing off the minutes: the steps, where the minutes stand, and what comes next.

Qt-free; the commands and the window call the same functions. Every step is recorded through
``MeetingSession`` on the meeting whose minutes they are, so it is in the meeting's hash-chained
journal with who recorded it and when. The steps, in order:

1. ``circulate``: the draft goes to the chair (the meeting must have closed).
2. ``approve``: the chair approves it; the journal's chain head is pinned and the record locks.
3. ``confirm``: the next suitable meeting's Minutes item confirms it as a correct record
   (``confirm_minutes`` on that meeting: see ``clerk.services.confirmation``).
4. ``sign``: in ink on the minute-book copy, or digitally (``clerk.services.signing``).
"""

from __future__ import annotations

import hashlib
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import Connection

from clerk.documents.model import Signature
from clerk.domain.actions.proceedings import ConfirmMinutes
from clerk.domain.actions.signoff import Approve, AttachSignedCopy, Circulate, Sign
from clerk.domain.entities import SignoffStep
from clerk.domain.enums import SigningMode, SignoffStepKind, StandardItem
from clerk.domain.errors import ClerkError, RuleViolation
from clerk.domain.journal import JournalEntry
from clerk.domain.record import MeetingRecord
from clerk.domain.rules.presence import presiding
from clerk.domain.signoff import integrity
from clerk.domain.signoff.confirmation import Correction, MeetingFacts, next_suitable_meeting
from clerk.domain.signoff.lifecycle import (
    MinutesStage,
    allowed_steps,
    chair_of,
    confirming_date,
    describe,
    latest,
    lock_reason,
    minutes_name,
    next_step,
    require_stage,
    sentence_start,
    signatory_title,
    stage_of,
    steps,
)
from clerk.domain.timefmt import clock, long_date
from clerk.fileio import write_bytes
from clerk.services import file_kinds
from clerk.services.catalogue import resolve_meeting
from clerk.services.confirmation import committee_meetings, facts
from clerk.services.recording import Ack, MeetingSession, apply_together
from clerk.storage import attachments
from clerk.storage import repository as repo
from clerk.storage.database import Database

SCANNED_COPY = "signed-copy"
SIGNED_PDF = "signed-pdf"
POINTS_PER_MM = 72 / 25.4


# -- where the minutes stand ------------------------------------------------------------------


@dataclass(frozen=True)
class StepRecord:
    """A step taken: the sentence ``clerk status`` prints, and who recorded it when."""

    step: SignoffStepKind
    text: str
    recorded_by: str = ""
    recorded_at: datetime | None = None


@dataclass(frozen=True)
class NextAction:
    """What comes next: the step (circulate, approve, confirm, sign, attach, close), a sentence
    for the window, and the command that takes it."""

    step: str
    text: str
    command: str


@dataclass(frozen=True)
class SignoffStatus:
    meeting_id: int
    reference: str
    heading: str
    stage: MinutesStage
    lock_reason: str | None
    signing_mode: SigningMode
    steps: tuple[StepRecord, ...]
    next: NextAction | None
    #: The steps that may be taken now: circulate, approve, confirm, print, sign, attach.
    allowed: tuple[str, ...]
    #: Where the minutes are to be confirmed: (meeting id, reference), when known.
    confirming_meeting: tuple[int, str] | None
    #: Signs of tampering found when the record was rebuilt from its journal.
    problems: tuple[str, ...]

    @property
    def locked(self) -> bool:
        return self.lock_reason is not None

    def lines(self) -> list[str]:
        """The status as ``clerk status`` prints it (the window shows the same sentences)."""
        out = [f"{self.heading} (meeting {self.meeting_id}, {self.reference})"]
        stage = self.stage.value
        if self.locked:
            stage += " (locked: the record can no longer be changed)"
        out.append(f"Stage: {stage}")
        out.append(f"Signing: {_mode_words(self.signing_mode)} (the council's profile)")
        if self.steps:
            out.append("Steps:")
            for number, step in enumerate(self.steps, start=1):
                recorded = ""
                if step.recorded_by and step.recorded_at is not None:
                    moment = local_time(step.recorded_at)
                    recorded = f" Recorded by {step.recorded_by}, {moment:%Y-%m-%d %H:%M}."
                out.append(f"  {number}. {step.text}{recorded}")
        if self.next is not None:
            out.append(f"Next: {self.next.text}")
            if self.next.command:
                out.append(f"  {self.next.command}")
        else:
            out.append("Next: nothing; the minutes are signed.")
        if self.problems:
            out.append(
                f"Record: WARNING: {len(self.problems)} sign(s) of tampering; "
                f"run 'clerk audit {self.meeting_id}'."
            )
        else:
            out.append("Record: intact (the journal's hash chain verifies and rebuilds it).")
        return out


def local_time(utc: datetime) -> datetime:
    return utc.replace(tzinfo=UTC).astimezone()


def _heading(record: MeetingRecord) -> str:
    return f"Minutes of the {record.committee.name}, {long_date(record.meeting.date)}"


def _step_records(record: MeetingRecord, entries: list[JournalEntry]) -> tuple[StepRecord, ...]:
    found = []
    for step in steps(record):
        entry = integrity.entry_adding_step(entries, step.id)
        found.append(
            StepRecord(
                step.step,
                describe(record, step),
                recorded_by=entry.who if entry else "",
                recorded_at=entry.recorded_at if entry else None,
            )
        )
    return tuple(found)


def _confirming(conn: Connection, record: MeetingRecord) -> MeetingFacts | None:
    confirmed = latest(record, SignoffStepKind.CONFIRMED)
    meetings = committee_meetings(conn, record.committee.slug)
    if confirmed is not None:
        return next((m for m in meetings if m.reference == confirmed.confirmed_by), None)
    return next_suitable_meeting(facts(record.meeting_id, record.meeting), meetings, record.council)


def _next_action(record: MeetingRecord, confirming: MeetingFacts | None) -> NextAction | None:
    step = next_step(record)
    if step is None:
        return None
    meeting_id = record.meeting_id
    text = step.text
    command = ""
    if step.step == "close":
        command = f"clerk replay {meeting_id} SCRIPT.jsonl (ending with the 'close' action)"
    elif step.step in ("circulate", "approve"):
        command = f"clerk {step.step} {meeting_id}"
    elif step.step == "confirm":
        if confirming is None:
            text = text[:-1] + ": none is in Clerk yet."
            command = f"create the meeting, then: clerk confirm {meeting_id} --at MEETING"
        else:
            text = text[:-1] + f", {confirming.describe()}."
            command = f"clerk confirm {meeting_id} --at {confirming.id}"
    elif step.step == "sign":
        if record.council.signing_mode is SigningMode.DIGITAL:
            command = f"clerk sign {meeting_id} --p12 CHAIR.p12 -o SIGNED.pdf"
        else:
            command = (
                f"clerk print {meeting_id} -o MINUTE-BOOK.pdf; after signing: "
                f"clerk sign {meeting_id} [--scan SCAN.pdf]"
            )
    elif step.step == "attach":
        command = f"clerk attach {meeting_id} SCAN.pdf"
    return NextAction(step.step, text, command)


def status(database: Database, meeting_id: int) -> SignoffStatus:
    """Where the minutes stand, the next step, and whether the record is intact."""
    with database.reading() as conn:
        record, _version = repo.load_record(conn, meeting_id)
        entries = repo.load_journal(conn, meeting_id)
        confirming = _confirming(conn, record)
    return SignoffStatus(
        meeting_id=meeting_id,
        reference=record.reference,
        heading=_heading(record),
        stage=stage_of(record),
        lock_reason=lock_reason(record),
        signing_mode=record.council.signing_mode,
        steps=_step_records(record, entries),
        next=_next_action(record, confirming),
        allowed=allowed_steps(record),
        confirming_meeting=(confirming.id, confirming.reference) if confirming else None,
        problems=tuple(integrity.check(entries, record)),
    )


# -- the steps --------------------------------------------------------------------------------


def circulate(
    database: Database,
    meeting_id: int,
    to: str | None = None,
    on: date | None = None,
    who: str | None = None,
) -> Ack:
    """The draft minutes go to the chair (``to``: a person id; the chair by default)."""
    session = MeetingSession(database, meeting_id, who=who)
    return session.apply(Circulate(to=to, on=on))


def approve(
    database: Database,
    meeting_id: int,
    by: str | None = None,
    on: date | None = None,
    who: str | None = None,
) -> Ack:
    """The chair's approval: pins the journal's chain head; the record is locked from now."""
    session = MeetingSession(database, meeting_id, who=who)
    _refuse_if_tampered(session, "approve")
    return session.apply(Approve(chain_head=session.tail_hash, by=by, on=on))


def _refuse_if_tampered(session: MeetingSession, doing: str) -> None:
    if session.tamper_warnings:
        raise ClerkError(
            f"The record of meeting {session.meeting_id} does not match its journal "
            f"({session.tamper_warnings[0]}); it cannot {doing} until that is resolved: "
            f"run 'clerk audit {session.meeting_id}'."
        )


def minutes_item(record: MeetingRecord) -> int:
    for item in record.agenda():
        if item.standard is StandardItem.MINUTES:
            return item.id
    raise RuleViolation(
        f"The meeting of {long_date(record.meeting.date)} has no Minutes item to confirm "
        "minutes at."
    )


def confirm(
    database: Database,
    meeting_id: int,
    at_meeting_id: int,
    amendment: str = "",
    corrections: Sequence[Correction] = (),
    who: str | None = None,
) -> Ack:
    """Meeting ``at_meeting_id``'s Minutes item confirms the minutes of ``meeting_id``.

    Recorded on the confirming meeting (which must be under way) as ``confirm_minutes``; the
    confirmation enters the minutes' own sign-off, ``corrections`` are applied to their
    paragraphs, and their open actions are carried onto the confirming meeting's tracker item.
    """
    with database.reading() as conn:
        minutes, _version = repo.load_record(conn, meeting_id)
    session = MeetingSession(database, at_meeting_id, who=who)
    if session.record.committee.slug != minutes.committee.slug:
        raise RuleViolation(
            f"{sentence_start(minutes_name(minutes))} can only be confirmed by a meeting of the "
            f"{minutes.committee.name}; meeting {at_meeting_id} is a meeting of the "
            f"{session.record.committee.name}."
        )
    if at_meeting_id == meeting_id:
        raise RuleViolation("A meeting cannot confirm its own minutes here: choose a later one.")
    action = ConfirmMinutes(
        item=minutes_item(session.record),
        meeting_date=minutes.meeting.date,
        amendment=amendment,
        corrections=tuple(corrections),
    )
    return session.apply(action)


def signatory(database: Database, record: MeetingRecord) -> str | None:
    """Who signs: the person presiding at the confirming meeting, else the chair."""
    confirmed = latest(record, SignoffStepKind.CONFIRMED)
    if confirmed is not None:
        try:
            confirming_id = resolve_meeting(database, confirmed.confirmed_by)
        except ClerkError:
            confirming_id = None
        if confirming_id is not None:
            with database.reading() as conn:
                confirming, _version = repo.load_record(conn, confirming_id)
            person = presiding(confirming)
            if person is not None and person in record.persons:
                return person
    return chair_of(record)


def read_scan(path: Path) -> bytes:
    """The scanned signed copy: a PDF."""
    kind = file_kinds.what_is(path)
    if kind is not None and kind != file_kinds.PDF:
        raise file_kinds.WrongKindOfFile(
            f"{path} is {kind}, not a PDF: the scanned copy of the signed minutes is kept as a PDF."
        )
    content = read_file(path, "scanned copy")
    if not content.startswith(b"%PDF-"):
        raise file_kinds.WrongKindOfFile(
            f"{path} is not a PDF: the scanned copy of the signed minutes is kept as a PDF."
        )
    return content


def read_file(path: Path, what: str) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise ClerkError(f"No {what} at {path}.") from None
    except OSError as error:
        raise ClerkError(f"Cannot read the {what} {path}: {error.strerror}.") from None


def sign_wet_ink(
    database: Database,
    meeting_id: int,
    by: str | None = None,
    scan: Path | None = None,
    pages: tuple[int, int] | None = None,
    on: date | None = None,
    who: str | None = None,
) -> Ack:
    """Record the minutes signed in ink, with the scanned signed copy attached when given.

    ``pages``: the minute-book pages signed; by default those of the minute-book copy as
    ``clerk print`` makes it now.
    """
    session = MeetingSession(database, meeting_id, who=who)
    _require_mode(session.record, SigningMode.WET_INK)
    _refuse_if_tampered(session, "be signed")
    if pages is None and stage_of(session.record) is MinutesStage.CONFIRMED:
        from clerk.services.minute_book import minute_book_copy  # reportlab: only when used

        copy = minute_book_copy(database, meeting_id)
        pages = (copy.first_page, copy.last_page)
    sign = Sign(
        mode=SigningMode.WET_INK,
        chain_head=session.tail_hash,
        by=by or signatory(database, session.record),
        first_page=pages[0] if pages else None,
        last_page=pages[1] if pages else None,
        on=on,
    )
    if scan is None:
        return session.apply(sign)
    content = read_scan(scan)
    attach = AttachSignedCopy(
        file_name=scan.name, sha256=hashlib.sha256(content).hexdigest(), on=on
    )

    def keep(conn: Connection) -> None:
        attachments.add(conn, meeting_id, SCANNED_COPY, scan.name, content, session.who)

    return apply_together([(session, sign), (session, attach)], also=keep)[0]


def attach_signed_copy(
    database: Database, meeting_id: int, scan: Path, on: date | None = None, who: str | None = None
) -> Ack:
    """Attach the scanned copy of minutes signed in ink; its SHA-256 goes in the journal."""
    session = MeetingSession(database, meeting_id, who=who)
    content = read_scan(scan)
    action = AttachSignedCopy(
        file_name=scan.name, sha256=hashlib.sha256(content).hexdigest(), on=on
    )

    def keep(conn: Connection) -> None:
        attachments.add(conn, meeting_id, SCANNED_COPY, scan.name, content, session.who)

    return apply_together([(session, action)], also=keep)[0]


def _require_mode(record: MeetingRecord, mode: SigningMode) -> None:
    if record.council.signing_mode is not mode:
        raise RuleViolation(
            f"{record.council.name} signs minutes {_mode_words(record.council.signing_mode)} "
            f"(its profile), not {_mode_words(mode)}: see 'clerk signing-mode'."
        )


def _mode_words(mode: SigningMode) -> str:
    return "digitally" if mode is SigningMode.DIGITAL else "in wet ink"


def signed_step(record: MeetingRecord) -> SignoffStep | None:
    return latest(record, SignoffStepKind.SIGNED)


def signed_copies(database: Database, meeting_id: int) -> list[attachments.Attachment]:
    with database.reading() as conn:
        return attachments.list_for(conn, meeting_id)


def attachment_content(database: Database, attachment_id: int) -> bytes:
    with database.reading() as conn:
        return attachments.content(conn, attachment_id)


def set_signing_mode(database: Database, mode: SigningMode) -> None:
    """The council's way of signing minutes: wet ink or digital."""
    with database.transaction() as conn:
        council = repo.load_council(conn)
        if council is None:
            raise ClerkError("This database has no council profile; import or load the demo.")
        repo.save_council(conn, replace(council, signing_mode=mode))


# -- signing digitally ------------------------------------------------------------------------


@dataclass(frozen=True)
class DigitallySigned:
    path: Path
    signer: str
    sha256: str
    ack: Ack


def sign_digital(
    database: Database,
    meeting_id: int,
    p12: Path,
    passphrase: bytes,
    out: Path,
    by: str | None = None,
    who: str | None = None,
) -> DigitallySigned:
    """Sign the confirmed minutes with the chair's certificate (PAdES): the signed PDF is
    written to ``out`` and kept with the meeting; the step records its SHA-256 and signer."""
    from clerk.services import signing  # pyHanko loads only when signing

    session = MeetingSession(database, meeting_id, who=who)
    record = session.record
    _require_mode(record, SigningMode.DIGITAL)
    require_stage(record, (MinutesStage.CONFIRMED,), f"sign {minutes_name(record)}")
    _refuse_if_tampered(session, "be signed")
    credentials = signing.load_credentials(p12, passphrase)
    # reportlab is imported when a PDF is made, not when Clerk starts.
    from clerk.documents.pdf import SIGNATURE_MARK, render_pdf_marked
    from clerk.services.minute_book import final_document

    now = session.clock()
    head = session.tail_hash
    title = signatory_title(record)
    signature = Signature(
        title,
        signed=f"Signed digitally by {credentials.common_name}",
        dated=f"Date: {long_date(now.date())}",
        boxed=True,
    )
    document = final_document(record, signature)
    document = replace(
        document, metadata=replace(document.metadata, keywords=f"clerk-record:{head}")
    )
    pdf, marks = render_pdf_marked(document)
    page, _x1, y1, x2, y2 = marks[SIGNATURE_MARK]
    right = (
        document.geometry.page(document.landscape)[0] - document.geometry.right
    ) * POINTS_PER_MM
    box = (int(x2) + 12, int(y1), int(right) - 2, int(y2))
    confirmed = latest(record, SignoffStepKind.CONFIRMED)
    reason = f"The {title} signs {minutes_name(record)} as a correct record"
    if confirmed is not None:
        day = confirming_date(confirmed.confirmed_by)
        minute = f" (Minute {confirmed.minute})" if confirmed.minute else ""
        when = long_date(day) if day else confirmed.confirmed_by
        reason = (
            f"Confirmed as a correct record at the meeting of {when}{minute}; signed by the {title}"
        )
    with tempfile.TemporaryDirectory(prefix="clerk-stamp-") as folder:
        stamp = signing.stamp_style(
            [
                "Signed digitally by",
                credentials.common_name,
                title,
                f"{long_date(now.date())}, {clock(now.time())} {now:%Z}".strip(),
                f"Record {head[:12]}",
            ],
            box[2] - box[0],
            box[3] - box[1],
            Path(folder),
        )
        signed = signing.sign_pdf(
            pdf,
            credentials,
            reason=reason,
            location=record.council.name,
            placement=signing.Placement(page - 1, box),
            stamp=stamp,
        )
    digest = hashlib.sha256(signed).hexdigest()
    sign = Sign(
        mode=SigningMode.DIGITAL,
        chain_head=head,
        by=by or signatory(database, record),
        signer=credentials.common_name,
        file_name=out.name,
        sha256=digest,
    )

    def keep(conn: Connection) -> None:
        attachments.add(conn, meeting_id, SIGNED_PDF, out.name, signed, session.who)

    ack = apply_together([(session, sign)], also=keep)[0]
    path = write_bytes(out, signed)
    return DigitallySigned(path, credentials.common_name, digest, ack)
