"""The database tables (SQLAlchemy 2 typed models). No ORM object leaves ``clerk.storage``.

Meeting-scoped tables are keyed by ``(meeting_id, id)``: ids are local to a meeting, so a
meeting record exported and imported elsewhere keeps the same ids.
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any, ClassVar, cast

from sqlalchemy import (
    JSON,
    ForeignKey,
    Index,
    LargeBinary,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from clerk.domain.collections import REGISTRY


class Base(DeclarativeBase):
    type_annotation_map: ClassVar[dict[Any, Any]] = {dict[str, Any]: JSON, list[Any]: JSON}


class CouncilRow(Base):
    __tablename__ = "council"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    code_of_conduct: Mapped[str] = mapped_column(String(40))
    signatory_title: Mapped[str] = mapped_column(String(80))
    minute_heading_pattern: Mapped[str] = mapped_column(String(80))
    minute_reference_pattern: Mapped[str] = mapped_column(String(80))
    year_start_month: Mapped[int]
    year_start_day: Mapped[int]
    signing_mode: Mapped[str] = mapped_column(String(20))
    extraordinary_confirms_minutes: Mapped[bool]
    lists_officers: Mapped[bool]
    #: The council's standing words for agenda packs (``AgendaWording``).
    agenda: Mapped[dict[str, Any]]
    movers_named: Mapped[str] = mapped_column(String(20))
    #: How the council words its minutes where councils differ (``HouseStyle``).
    house_style: Mapped[dict[str, Any]]
    #: The code of conduct's categories as the council names them (``InterestCategory``).
    interest_categories: Mapped[list[Any]]


class PersonRow(Base):
    __tablename__ = "persons"
    id: Mapped[str] = mapped_column(String(80), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20))
    honorific_prefix: Mapped[str] = mapped_column(String(40))
    job_title: Mapped[str] = mapped_column(String(200))
    represents: Mapped[str] = mapped_column(String(200))
    moderngov_id: Mapped[str] = mapped_column(String(40), default="", server_default="")


class CommitteeRow(Base):
    __tablename__ = "committees"
    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(40))
    calls_itself: Mapped[str] = mapped_column(String(40))
    quorum_kind: Mapped[str] = mapped_column(String(20))
    quorum_value: Mapped[int]
    quorum_denominator: Mapped[int]
    signatory_title: Mapped[str] = mapped_column(String(80))
    lists_non_voting_co_optees: Mapped[bool] = mapped_column(default=False)
    moderngov_id: Mapped[str] = mapped_column(String(40), default="", server_default="")
    minute_prefix: Mapped[str] = mapped_column(String(20), default="", server_default="")


class MembershipRow(Base):
    __tablename__ = "memberships"
    id: Mapped[int] = mapped_column(primary_key=True)
    committee_id: Mapped[int] = mapped_column(ForeignKey("committees.id", ondelete="CASCADE"))
    person_id: Mapped[str] = mapped_column(ForeignKey("persons.id"))
    position: Mapped[int]
    role: Mapped[str] = mapped_column(String(40))
    group: Mapped[str] = mapped_column(String(120))
    start_date: Mapped[date | None]
    end_date: Mapped[date | None]


class MeetingRow(Base):
    __tablename__ = "meetings"
    __table_args__ = (UniqueConstraint("committee_id", "date", name="uq_meeting_committee_date"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    committee_id: Mapped[int] = mapped_column(ForeignKey("committees.id"), index=True)
    date: Mapped[date]
    scheduled_time: Mapped[time | None]
    venue: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(20))
    started_at: Mapped[time | None]
    ended_at: Mapped[time | None]
    current_item_id: Mapped[int | None]
    presiding_id: Mapped[str | None] = mapped_column(String(80))
    minute_number_start: Mapped[int | None]
    public_excluded: Mapped[bool]
    moderngov_id: Mapped[str] = mapped_column(String(40), default="", server_default="")
    #: Bumped by every recorded action: a second writer with a stale copy is detected.
    version: Mapped[int] = mapped_column(default=0)


class AgendaItemRow(Base):
    __tablename__ = "agenda_items"
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), primary_key=True
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(Text)
    position: Mapped[int]
    standard: Mapped[str] = mapped_column(String(20))
    purpose: Mapped[str] = mapped_column(Text)
    report_pages: Mapped[str] = mapped_column(String(40))
    invited_officers: Mapped[list[Any]]
    recommendations: Mapped[list[Any]]
    exempt_paragraph: Mapped[int | None]
    title_is_public: Mapped[bool]
    education: Mapped[bool]
    public_summary: Mapped[str] = mapped_column(Text)
    minute_number: Mapped[int | None]
    state: Mapped[str] = mapped_column(String(20))
    started_at: Mapped[time | None]
    confirms_meeting: Mapped[str] = mapped_column(String(20))
    reports: Mapped[list[Any]]
    report_to_follow: Mapped[bool]
    urgency_reason: Mapped[str] = mapped_column(Text)
    moderngov_id: Mapped[str] = mapped_column(String(40), default="", server_default="")
    documents: Mapped[list[Any]] = mapped_column(default=list, server_default="[]")
    budget: Mapped[bool]


class AttendanceRow(Base):
    __tablename__ = "attendance"
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), primary_key=True
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[str] = mapped_column(ForeignKey("persons.id"), index=True)
    status: Mapped[str] = mapped_column(String(20))
    substitute_for: Mapped[str | None] = mapped_column(String(80))
    group: Mapped[str] = mapped_column(String(120))
    capacity: Mapped[str] = mapped_column(String(200))
    representing: Mapped[str] = mapped_column(String(200))


class MovementRow(Base):
    __tablename__ = "movements"
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), primary_key=True
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[str] = mapped_column(ForeignKey("persons.id"))
    movement: Mapped[str] = mapped_column(String(20))
    at: Mapped[time]
    item_id: Mapped[int | None]
    order: Mapped[int]


class DeclarationRow(Base):
    __tablename__ = "declarations"
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), primary_key=True
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[str] = mapped_column(ForeignKey("persons.id"), index=True)
    item_id: Mapped[int]
    kind: Mapped[str] = mapped_column(String(40))
    nature: Mapped[str] = mapped_column(Text)
    sensitive: Mapped[bool]
    conduct: Mapped[str] = mapped_column(String(20))
    dispensation_ref: Mapped[str] = mapped_column(String(120))
    nature_public: Mapped[bool | None]
    category: Mapped[str] = mapped_column(String(80), default="")
    after_vote: Mapped[bool] = mapped_column(default=False)
    vote_struck: Mapped[bool] = mapped_column(default=False)


class ParagraphRow(Base):
    __tablename__ = "paragraphs"
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), primary_key=True
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int]
    position: Mapped[int]
    text: Mapped[str] = mapped_column(Text)
    after: Mapped[int]
    exempt_paragraph: Mapped[int | None]


class MotionRow(Base):
    __tablename__ = "motions"
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), primary_key=True
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int]
    kind: Mapped[str] = mapped_column(String(20))
    mover_id: Mapped[str] = mapped_column(ForeignKey("persons.id"))
    parts: Mapped[list[Any]]
    preamble: Mapped[str] = mapped_column(Text)
    seconder_id: Mapped[str | None] = mapped_column(ForeignKey("persons.id"))
    amends_id: Mapped[int | None]
    op: Mapped[str | None] = mapped_column(String(20))
    target_part: Mapped[str] = mapped_column(String(20))
    outcome: Mapped[str] = mapped_column(String(20))
    budget: Mapped[bool]
    excludes_item_id: Mapped[int | None]
    order: Mapped[int]
    outcome_order: Mapped[int]
    confirms_minutes: Mapped[bool] = mapped_column(default=False)


class VoteRow(Base):
    __tablename__ = "votes"
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), primary_key=True
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    motion_id: Mapped[int]
    method: Mapped[str] = mapped_column(String(20))
    result: Mapped[str] = mapped_column(String(10))
    yes: Mapped[int]
    no: Mapped[int]
    abstain: Mapped[int]
    choices: Mapped[list[Any]]
    casting_by: Mapped[str | None] = mapped_column(ForeignKey("persons.id"))
    casting_option: Mapped[str | None] = mapped_column(String(20))
    order: Mapped[int]


class ResolutionRow(Base):
    __tablename__ = "resolutions"
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), primary_key=True
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int]
    parts: Mapped[list[Any]]
    preamble: Mapped[str] = mapped_column(Text)
    unanimous: Mapped[bool]
    motion_id: Mapped[int | None]
    order: Mapped[int]


class ActionRow(Base):
    __tablename__ = "actions"
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), primary_key=True
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int]
    text: Mapped[dict[str, Any]]
    owner: Mapped[str] = mapped_column(String(200))
    due: Mapped[date | None]
    status: Mapped[str] = mapped_column(String(20), index=True)
    comments: Mapped[list[Any]]
    carried_from: Mapped[str] = mapped_column(String(120))
    exempt_paragraph: Mapped[int | None]


class EventRow(Base):
    __tablename__ = "events"
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), primary_key=True
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(30))
    at: Mapped[time | None]
    item_id: Mapped[int | None]
    paragraph: Mapped[int | None]
    text: Mapped[str] = mapped_column(Text)
    order: Mapped[int]
    for_item_id: Mapped[int | None]
    person_id: Mapped[str | None] = mapped_column(String(80))
    motion_id: Mapped[int | None]


class SignoffStepRow(Base):
    """The minutes' sign-off steps (circulated, approved, confirmed, signed)."""

    __tablename__ = "signoff_steps"
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), primary_key=True
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    step: Mapped[str] = mapped_column(String(30))
    on: Mapped[date]
    at: Mapped[time | None]
    person_id: Mapped[str | None] = mapped_column(ForeignKey("persons.id"))
    chain_head: Mapped[str] = mapped_column(String(64))
    confirmed_by: Mapped[str] = mapped_column(String(120))
    minute: Mapped[str] = mapped_column(String(40))
    text: Mapped[str] = mapped_column(Text)
    mode: Mapped[str | None] = mapped_column(String(20))
    signer: Mapped[str] = mapped_column(Text)
    file_name: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64))
    first_page: Mapped[int | None]
    last_page: Mapped[int | None]


class ApprovedContextRow(Base):
    """The house style, committee and people as they stood at approval (one per meeting)."""

    __tablename__ = "approved_context"
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), primary_key=True
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    council: Mapped[dict[str, Any]]
    committee: Mapped[dict[str, Any]]
    persons: Mapped[list[Any]]


class RegisterRow(Base):
    """Append-only: a hash chain of meetings, approvals, signings and set-up changes."""

    __tablename__ = "register"
    id: Mapped[int] = mapped_column(primary_key=True)
    seq: Mapped[int] = mapped_column(unique=True)
    recorded_at: Mapped[datetime]
    who: Mapped[str] = mapped_column(String(120))
    kind: Mapped[str] = mapped_column(String(20))
    subject: Mapped[str] = mapped_column(String(120), index=True)
    data: Mapped[dict[str, Any]]
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    seal: Mapped[str] = mapped_column(String(100), default="", server_default="")


class AttachmentRow(Base):
    """Files kept with a meeting: the scanned signed copy, the digitally signed PDF."""

    __tablename__ = "attachments"
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    purpose: Mapped[str] = mapped_column(String(40))
    file_name: Mapped[str] = mapped_column(Text)
    media_type: Mapped[str] = mapped_column(String(100))
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int]
    content: Mapped[bytes] = mapped_column(LargeBinary)
    attached_at: Mapped[datetime]
    who: Mapped[str] = mapped_column(String(120))


class JournalRow(Base):
    """Append-only: every recorded action, undo and redo, with the changes it made."""

    __tablename__ = "journal"
    __table_args__ = (
        UniqueConstraint("meeting_id", "seq", name="uq_journal_meeting_seq"),
        Index("ix_journal_script", "meeting_id", "script_id", "script_line"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"))
    seq: Mapped[int]
    recorded_at: Mapped[datetime]
    who: Mapped[str] = mapped_column(String(120))
    kind: Mapped[str] = mapped_column(String(40))
    label: Mapped[str] = mapped_column(Text)
    params: Mapped[dict[str, Any]]
    changes: Mapped[dict[str, Any]]
    undoes: Mapped[int | None]
    redoes: Mapped[int | None]
    script_id: Mapped[str] = mapped_column(String(64))
    script_line: Mapped[int | None]
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    #: The moment the action saw (see ``JournalEntry.context``); None on older entries.
    context: Mapped[dict[str, Any] | None]
    #: HMAC of ``hash`` under the installation's record key (``clerk.storage.seals``), or "".
    seal: Mapped[str] = mapped_column(String(100), default="", server_default="")


class CheckoutRow(Base):
    """A meeting out on a laptop (on the team's database), or copied from the team's (on the
    laptop's): see ``clerk.domain.checkout``."""

    __tablename__ = "checkouts"
    __table_args__ = (
        # One laptop at a time: at most one check-out out per meeting.
        Index(
            "uq_checkout_out",
            "meeting_id",
            unique=True,
            sqlite_where=text("state = 'out'"),
            postgresql_where=text("state = 'out'"),
        ),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    side: Mapped[str] = mapped_column(String(10))
    token: Mapped[str] = mapped_column(String(40), index=True)
    role: Mapped[str] = mapped_column(String(20))
    state: Mapped[str] = mapped_column(String(20))
    machine: Mapped[str] = mapped_column(String(120))
    who: Mapped[str] = mapped_column(String(120))
    checked_out_at: Mapped[datetime]
    team: Mapped[str] = mapped_column(Text)
    team_meeting_id: Mapped[int | None]
    base_seq: Mapped[int]
    base_hash: Mapped[str] = mapped_column(String(64))
    closed_at: Mapped[datetime | None]
    closed_by: Mapped[str] = mapped_column(String(120))
    reason: Mapped[str] = mapped_column(Text)
    #: Laptop side: the council, committee and people as copied (JSON), to tell at check-in
    #: what changed in the team's database since.
    depends: Mapped[dict[str, Any] | None]


#: The meeting-scoped table for each collection of a meeting record, in the registry's order
#: (``clerk.domain.collections``: each collection names its table).
COLLECTION_TABLES: dict[str, type[Base]] = {
    c.name: next(m.class_ for m in Base.registry.mappers if m.class_.__tablename__ == c.table)
    for c in REGISTRY
}


def table_of(model: type[Base]) -> Table:
    """The Core table of a model, for bulk statements."""
    return cast(Table, model.__table__)
