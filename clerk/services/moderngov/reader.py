"""ModernGov web-service answers (XML) to plain values, safely.

The XML is parsed by defusedxml with document type declarations forbidden: a ModernGov
answer never has one, and an entity-expansion bomb or an external entity needs one. Every
problem is one sentence naming the file and what is wrong; nothing half-read is returned.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time
from typing import TypeVar
from xml.etree.ElementTree import Element, ParseError

import defusedxml
import defusedxml.ElementTree as SafeET

from clerk.domain.errors import ClerkError, one_line
from clerk.services.moderngov.answers import (
    Answer,
    Committees,
    Councillors,
    MeetingList,
    MgAgendaItem,
    MgAttendee,
    MgCommittee,
    MgCouncillor,
    MgDocument,
    MgMeeting,
    MgMeetingSummary,
)
from clerk.services.moderngov.text import (
    BadValue,
    clean,
    flag,
    html_paragraphs,
    parse_date,
    parse_time,
    split_honorific,
)

#: No real answer comes near this (a council's whole GetCommittees is ~100 kB).
MAX_BYTES = 20_000_000

T = TypeVar("T")


class ModernGovError(ClerkError):
    """A ModernGov answer that cannot be read; nothing was imported."""


def _name(element: Element) -> str:
    return element.tag.rsplit("}", 1)[-1].lower() if isinstance(element.tag, str) else ""


def _child(element: Element, name: str) -> Element | None:
    for child in element:
        if _name(child) == name:
            return child
    return None


def _children(element: Element, name: str) -> list[Element]:
    return [child for child in element if _name(child) == name]


def _text(element: Element, *names: str) -> str:
    """The first of the named children (or attributes) that has text; quirks undone."""
    attributes = {key.rsplit("}", 1)[-1].lower(): value for key, value in element.attrib.items()}
    for name in names:
        if attributes.get(name, "").strip():
            return clean(attributes[name])
        child = _child(element, name)
        if child is not None:
            value = clean("".join(child.itertext()))
            if value:
                return value
    return ""


def _raw(element: Element, name: str) -> str:
    child = _child(element, name)
    return "".join(child.itertext()) if child is not None else ""


def _list(element: Element, wrapper: str, name: str) -> list[Element]:
    """``<wrapper><name/>...</wrapper>`` (or the items directly under ``element``)."""
    holder = _child(element, wrapper)
    return _children(holder if holder is not None else element, name)


def parse(data: bytes, source: str) -> Element:
    if len(data) > MAX_BYTES:
        raise ModernGovError(f"{source} is too large to be a ModernGov answer; nothing imported.")
    if not data.strip():
        raise ModernGovError(f"{source} is empty; nothing imported.")
    try:
        root: Element = SafeET.fromstring(data, forbid_dtd=True)
    except defusedxml.DefusedXmlException:
        raise ModernGovError(
            f"{source} declares a document type or entities, which a ModernGov answer never "
            "does (an XML bomb or an external entity): it was refused and nothing imported."
        ) from None
    except ParseError as error:
        line, column = error.position
        raise ModernGovError(
            f"{source} is not well-formed XML (line {line}, column {column + 1}); nothing imported."
        ) from None
    except (ValueError, RecursionError):
        raise ModernGovError(f"{source} cannot be read as XML; nothing imported.") from None
    return root


def read_answer(data: bytes, source: str) -> Answer:
    """Any of the four answers Clerk reads, told apart by the root element."""
    root = parse(data, source)
    kind = _name(root)
    readers: dict[str, Callable[[Element, str], Answer]] = {
        "committees": _committees,
        "getmeetings": _meeting_list,
        "getmeetingsbydate": _meeting_list,
        "meetings": _meeting_list,
        "meeting": _meeting,
        "councillorsbyward": _councillors,
        "councillorsbywardid": _councillors,
    }
    reader = readers.get(kind)
    if reader is None:
        shown = one_line(kind[:40]) or "none"
        raise ModernGovError(
            f"{source} is not a ModernGov answer Clerk reads (its root element is <{shown}>; "
            "expected GetCommittees, GetMeetings, GetMeeting or GetCouncillorsByWard); "
            "nothing imported."
        )
    try:
        return reader(root, source)
    except ModernGovProblem as error:
        raise ModernGovError(
            f"{one_line(source)}: {one_line(str(error))}; nothing imported."
        ) from None


def read_as(data: bytes, source: str, expected: type[T]) -> T:
    """An answer that must be of one kind (the URL form asks for a particular operation)."""
    from clerk.services.moderngov.answers import OPERATIONS

    answer = read_answer(data, source)
    if not isinstance(answer, expected):
        raise ModernGovError(
            f"{source} is a {OPERATIONS[type(answer)]} answer, not the "
            f"{OPERATIONS[expected]} answer asked for; nothing imported."
        )
    return answer


class ModernGovProblem(ClerkError):
    """Something wrong inside an answer; the reader adds the source and "nothing imported"."""


def _required(element: Element, what: str, *names: str) -> str:
    value = _text(element, *names)
    if not value:
        raise ModernGovProblem(f"{what} has no {names[0]}")
    return value


def _committees(root: Element, source: str) -> Committees:
    committees = []
    for element in _list(root, "committees", "committee"):
        committee_id = _required(element, "a committee", "committeeid")
        committees.append(
            MgCommittee(
                id=committee_id,
                title=_required(element, f"committee {committee_id}", "committeetitle"),
                category=_text(element, "committeecategory", "committeetype"),
                expired=flag(_text(element, "committeeexpired")),
                deleted=flag(_text(element, "committeedeleted")),
            )
        )
    return Committees(tuple(committees))


def _meeting_list(root: Element, source: str) -> MeetingList:
    meetings = []
    for element in _list(root, "meetings", "meeting"):
        meeting_id = _required(element, "a meeting", "meetingid")
        what = f"meeting {meeting_id}"
        meetings.append(
            MgMeetingSummary(
                id=meeting_id,
                committee_id=_required(element, what, "committeeid"),
                date=_dated(element, what),
                status=_text(element, "meetingstatus"),
                time=_timed(element, what),
            )
        )
    return MeetingList(tuple(meetings))


def _dated(element: Element, what: str) -> date:
    try:
        return parse_date(_required(element, what, "meetingdate"))
    except BadValue as error:
        raise ModernGovProblem(f"{what} has date '{error.value}', which {error.problem}") from None


def _timed(element: Element, what: str) -> time | None:
    try:
        return parse_time(_text(element, "meetingtime"))
    except BadValue as error:
        raise ModernGovProblem(f"{what} has time '{error.value}', which {error.problem}") from None


def _documents(element: Element) -> tuple[MgDocument, ...]:
    documents = []
    for doc in _list(element, "linkeddocuments", "linkeddoc"):
        title, url = _text(doc, "title"), _text(doc, "url")
        if title and url:
            documents.append(MgDocument(title, url, flag(_text(doc, "isrestricted"))))
    return tuple(documents)


def _meeting(root: Element, source: str) -> MgMeeting:
    meeting_id = _required(root, "the meeting", "meetingid")
    what = f"meeting {meeting_id}"
    items = []
    for position, element in enumerate(_list(root, "agendaitems", "agendaitem"), start=1):
        title = _text(element, "agendaitemtitle")
        if not title:
            continue  # a heading row or a blank line in the agenda
        number = _text(element, "fulldisplaynumberformat", "displaynumber", "agendaitemnumber")
        items.append(
            MgAgendaItem(
                id=_text(element, "agendaitemid") or f"{meeting_id}-{position}",
                number=number.strip().rstrip(".").strip() or str(position),
                title=title,
                paragraphs=tuple(html_paragraphs(_raw(element, "agendatext"))),
                restricted=flag(_text(element, "isrestricted")),
                documents=_documents(element),
            )
        )
    attendees = []
    for element in _list(root, "attendees", "attendee"):
        honorific, name = split_honorific(_text(element, "name", "fullusername"))
        if not name:
            continue
        attendees.append(
            MgAttendee(
                member_id=_text(element, "memberid", "userid", "councillorid"),
                honorific=honorific,
                name=name,
                member_type=_text(element, "membertype"),
                role=_text(element, "roledescription"),
                attendance=_text(element, "attendance"),
                party=_text(element, "politicalparty", "politicalpartytitle"),
                ward=_text(element, "ward", "wardtitle"),
            )
        )
    return MgMeeting(
        id=meeting_id,
        committee_id=_required(root, what, "committeeid"),
        committee_title=_text(root, "committeetitle", "committeename"),
        date=_dated(root, what),
        time=_timed(root, what),
        location=_text(root, "meetinglocation", "location"),
        status=_text(root, "meetingstatus"),
        items=tuple(items),
        attendees=tuple(attendees),
        documents=_documents(root),
    )


def _councillors(root: Element, source: str) -> Councillors:
    councillors = []
    for ward in _list(root, "wards", "ward"):
        ward_title = _text(ward, "wardtitle")
        for element in _list(ward, "councillors", "councillor"):
            councillor_id = _required(element, "a councillor", "councillorid")
            honorific, name = split_honorific(
                _required(element, f"councillor {councillor_id}", "fullusername")
            )
            councillors.append(
                MgCouncillor(
                    id=councillor_id,
                    honorific=honorific or "Councillor",
                    name=name,
                    ward=ward_title,
                    party=_text(element, "politicalpartytitle"),
                    group=_text(element, "politicalgrouptitle"),
                    key_posts=_text(element, "keyposts"),
                )
            )
    return Councillors(tuple(councillors))
