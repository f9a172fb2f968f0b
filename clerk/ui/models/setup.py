"""Models for setting up: committees, their meetings, people and memberships."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt

from clerk.domain.entities import Membership, Person
from clerk.domain.names import display_name
from clerk.services.catalogue import MeetingSummary
from clerk.storage.overview import CommitteeLine
from clerk.ui import labels
from clerk.ui.models.base import RowsModel


class CommitteesModel(RowsModel):
    headers = ("Committee", "Members")

    def key(self, row: CommitteeLine) -> str:
        return row.slug

    def cell(self, row: CommitteeLine, column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return row.name if column == 0 else str(row.members)
        return None


class MeetingsModel(RowsModel):
    headers = ("Date", "Time", "Venue", "Status", "Check-out")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        #: Meeting id -> what the list says about its check-out (``list_note``).
        self.notes: dict[int, str] = {}

    def set_notes(self, notes: dict[int, str]) -> None:
        if notes != self.notes:
            self.notes = notes
            if self.rowCount():
                last = self.index(self.rowCount() - 1, self.columnCount() - 1)
                self.dataChanged.emit(self.index(0, 0), last)

    def key(self, row: MeetingSummary) -> int:
        return row.id

    def cell(self, row: MeetingSummary, column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            meeting = row.meeting
            return (
                f"{meeting.date:%a} {labels.day(meeting.date)}",
                labels.at(meeting.scheduled_time),
                meeting.venue,
                labels.MEETING_STATUS[meeting.status],
                self.notes.get(row.id, ""),
            )[column]
        return None


class PeopleModel(RowsModel):
    headers = ("Name", "Kind", "Title or represents", "Id")

    def key(self, row: Person) -> str:
        return row.id

    def cell(self, row: Person, column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return (
                display_name(row),
                labels.PERSON_KIND[row.kind],
                row.job_title or row.represents,
                row.id,
            )[column]
        return None


@dataclass(frozen=True)
class MembershipRow:
    key: int
    membership: Membership
    name: str


class MembershipsModel(RowsModel):
    headers = ("Member", "Role", "Group", "From", "To")

    def cell(self, row: MembershipRow, column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            m = row.membership
            return (
                row.name,
                labels.ROLE[m.role],
                m.group,
                labels.day(m.start_date),
                labels.day(m.end_date),
            )[column]
        return None


def membership_rows(memberships: tuple[Membership, ...], persons: dict[str, Person]):
    return [
        MembershipRow(
            n,
            m,
            display_name(persons[m.person_id]) if m.person_id in persons else m.person_id,
        )
        for n, m in enumerate(memberships)
    ]
