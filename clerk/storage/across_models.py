"""Tables for work across meetings: the search index, and the six-month rule's records.

The search index is a plain table of searchable texts (``search_entries``); SQLite indexes it
with an FTS5 table kept in step by triggers (``search_fts``), PostgreSQL with a generated
``tsvector`` column and a GIN index. Both are made by migration 0019, not by these models.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from clerk.storage.models import Base


class SearchEntryRow(Base):
    """One searchable text of a meeting: see ``clerk.domain.search``."""

    __tablename__ = "search_entries"
    __table_args__ = (Index("ix_search_entries_entity", "meeting_id", "kind", "entity_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"))
    item_id: Mapped[int]
    kind: Mapped[str] = mapped_column(String(20))
    entity_id: Mapped[int]
    confidential: Mapped[bool]
    #: The people the entry concerns, as `` id1 id2 `` (spaces around each id).
    persons: Mapped[str] = mapped_column(String(400))
    #: Filter words for FTS5: ``cm<committee id> y<year>`` and ``conf`` when confidential.
    tags: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)


class SearchStateRow(Base):
    """One row: whether the index holds every meeting (an upgraded database builds it once)."""

    __tablename__ = "search_state"
    id: Mapped[int] = mapped_column(primary_key=True)
    built: Mapped[bool]


class AbsenceApprovalRow(Base):
    """The council's approval of a member's reason for not attending (s.85 LGA 1972)."""

    __tablename__ = "absence_approvals"
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[str] = mapped_column(ForeignKey("persons.id"), index=True)
    approved_on: Mapped[date]
    minute: Mapped[str] = mapped_column(String(200))
    reason: Mapped[str] = mapped_column(Text)
    until: Mapped[date | None]
    recorded_at: Mapped[datetime]
    who: Mapped[str] = mapped_column(String(120))


class OutsideAttendanceRow(Base):
    """A member's attendance at a body the council appoints to (counts for s.85)."""

    __tablename__ = "outside_attendance"
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[str] = mapped_column(ForeignKey("persons.id"), index=True)
    on: Mapped[date]
    body: Mapped[str] = mapped_column(String(200))
    recorded_at: Mapped[datetime]
    who: Mapped[str] = mapped_column(String(120))


class AttendanceSettingsRow(Base):
    """One row: the council's settings for the six-month rule."""

    __tablename__ = "attendance_settings"
    id: Mapped[int] = mapped_column(primary_key=True)
    warning_weeks: Mapped[int]
    remote_counts: Mapped[bool]
