"""What the ModernGov web service answers, as plain values (after the quirks are undone)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time


@dataclass(frozen=True)
class MgCommittee:
    id: str
    title: str
    category: str = ""
    expired: bool = False
    deleted: bool = False


@dataclass(frozen=True)
class MgMeetingSummary:
    """One meeting in a GetMeetings answer."""

    id: str
    committee_id: str
    date: date
    status: str = ""
    time: time | None = None

    @property
    def cancelled(self) -> bool:
        return "cancel" in self.status.lower()


@dataclass(frozen=True)
class MgDocument:
    title: str
    url: str
    restricted: bool = False


@dataclass(frozen=True)
class MgAgendaItem:
    id: str
    number: str
    title: str
    paragraphs: tuple[str, ...] = ()
    restricted: bool = False
    documents: tuple[MgDocument, ...] = ()


@dataclass(frozen=True)
class MgAttendee:
    member_id: str
    honorific: str
    name: str
    member_type: str = ""
    role: str = ""
    attendance: str = ""
    party: str = ""
    ward: str = ""


@dataclass(frozen=True)
class MgMeeting:
    """A GetMeeting answer: one meeting in full."""

    id: str
    committee_id: str
    committee_title: str
    date: date
    time: time | None = None
    location: str = ""
    status: str = ""
    items: tuple[MgAgendaItem, ...] = ()
    attendees: tuple[MgAttendee, ...] = ()
    documents: tuple[MgDocument, ...] = ()

    @property
    def cancelled(self) -> bool:
        return "cancel" in self.status.lower()


@dataclass(frozen=True)
class MgCouncillor:
    id: str
    honorific: str
    name: str
    ward: str = ""
    party: str = ""
    group: str = ""
    key_posts: str = ""


@dataclass(frozen=True)
class Committees:
    """A GetCommittees answer."""

    committees: tuple[MgCommittee, ...]


@dataclass(frozen=True)
class MeetingList:
    """A GetMeetings (or GetMeetingsByDate) answer."""

    meetings: tuple[MgMeetingSummary, ...]


@dataclass(frozen=True)
class Councillors:
    """A GetCouncillorsByWard answer: every ward's councillors."""

    councillors: tuple[MgCouncillor, ...]


Answer = Committees | MeetingList | MgMeeting | Councillors

#: How each answer is named in messages, by its operation.
OPERATIONS: dict[type, str] = {
    Committees: "GetCommittees",
    MeetingList: "GetMeetings",
    MgMeeting: "GetMeeting",
    Councillors: "GetCouncillorsByWard",
}
