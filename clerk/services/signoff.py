"""Signing off the minutes: the steps (where the minutes stand: ``signoff_status``).

Qt-free; the commands and the window call the same functions, so nothing here is written for
one of them: a refusal says what is wrong (``RecordDoesNotMatchJournal``) and the commands add
the command that helps (``clerk.cli.signoff_commands``); where the signature goes on the page
is the documents' business (``clerk.documents.signature_field``). Every step is recorded through
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
from datetime import date
from pathlib import Path

from sqlalchemy import Connection

from clerk.documents.model import Signature
from clerk.domain.actions.proceedings import ConfirmMinutes
from clerk.domain.actions.signoff import (
    Approve,
    AttachSignedCopy,
    Circulate,
    KeepSignedCopy,
    Sign,
)
from clerk.domain.enums import SigningMode, SignoffStepKind, StandardItem
from clerk.domain.errors import ClerkError, RuleViolation
from clerk.domain.fingerprint import approval_head, minutes_fingerprint
from clerk.domain.record import MeetingRecord
from clerk.domain.rules.presence import presiding
from clerk.domain.signoff.confirmation import Correction
from clerk.domain.signoff.lifecycle import (
    MinutesStage,
    chair_of,
    confirming_date,
    latest,
    minutes_name,
    require_stage,
    sentence_start,
    signatory_title,
    stage_of,
)
from clerk.domain.timefmt import clock, long_date
from clerk.fileio import write_bytes
from clerk.services import file_kinds
from clerk.services.anchors import APPROVED_KEYWORD, RECORD_KEYWORD
from clerk.services.catalogue import resolve_meeting
from clerk.services.recording import Ack, MeetingSession, apply_together
from clerk.services.signoff_status import (  # re-exported: the window and commands use them
    NextAction as NextAction,
)
from clerk.services.signoff_status import SignoffStatus as SignoffStatus
from clerk.services.signoff_status import StepRecord as StepRecord
from clerk.services.signoff_status import local_time as local_time
from clerk.services.signoff_status import mode_words
from clerk.services.signoff_status import status as status
from clerk.storage import attachments
from clerk.storage import repository as repo
from clerk.storage.database import Database

SCANNED_COPY = "signed-copy"
SIGNED_PDF = "signed-pdf"


class RecordDoesNotMatchJournal(ClerkError):
    """A step refused: the meeting's record does not match its journal (tampering)."""

    def __init__(self, meeting_id: int, finding: str, doing: str) -> None:
        super().__init__(
            f"The record of meeting {meeting_id} does not match its journal ({finding}); it "
            f"cannot {doing} until that is resolved."
        )
        self.meeting_id = meeting_id


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
        raise RecordDoesNotMatchJournal(session.meeting_id, session.tamper_warnings[0], doing)


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
    it is printed now (``minute_book.minute_book_copy``).
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
    """Attach the scanned copy of minutes signed in ink; its SHA-256 goes in the journal.

    For minutes signed elsewhere (an imported record), the signed copy (a scan or the signed
    PDF) whose SHA-256 the signing recorded is kept, and verifies the steps taken elsewhere.
    """
    session = MeetingSession(database, meeting_id, who=who)
    content = read_scan(scan)
    digest = hashlib.sha256(content).hexdigest()
    named = {step.sha256 for step in session.record.signoff.values() if step.sha256}
    action: AttachSignedCopy | KeepSignedCopy = (
        KeepSignedCopy(file_name=scan.name, sha256=digest)
        if digest in named
        else AttachSignedCopy(file_name=scan.name, sha256=digest, on=on)
    )

    def keep(conn: Connection) -> None:
        attachments.add(conn, meeting_id, SCANNED_COPY, scan.name, content, session.who)

    return apply_together([(session, action)], also=keep)[0]


def _require_mode(record: MeetingRecord, mode: SigningMode) -> None:
    if record.council.signing_mode is not mode:
        raise RuleViolation(
            f"{record.council.name} signs minutes {mode_words(record.council.signing_mode)} "
            f"(its profile), not {mode_words(mode)}."
        )


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
    from clerk.documents.signature_field import render_for_signing
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
    # The signature covers the heads: the record as approved and as signed, kept outside the
    # database in the signed file (``clerk audit`` compares them with the journal).
    keywords = f"{RECORD_KEYWORD}{head} {APPROVED_KEYWORD}{approval_head(record)}"
    document = replace(document, metadata=replace(document.metadata, keywords=keywords))
    pdf, field = render_for_signing(document)
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
        printed = [
            "Signed digitally by",
            credentials.common_name,
            title,
            f"{long_date(now.date())}, {clock(now.time())} {now:%Z}".strip(),
            f"Fingerprint {minutes_fingerprint(record)}",
        ]
        stamp = signing.stamp_style(
            printed,
            field,
            Path(folder),
        )
        signed = signing.sign_pdf(
            pdf,
            credentials,
            reason=reason,
            location=record.council.name,
            field=field,
            stamp=stamp,
            printed=printed,
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
