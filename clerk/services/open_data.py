"""A committee's meetings as open data: Open Civic Data / Popolo JSON.

One document with the council, its committees and political groups (organizations), the
people, their memberships (roles, dates, on behalf of their group), the meetings (events with
their public agenda, status, location and links to the published minutes and reports), and
the motions and vote events of public business. Field names follow Popolo and Open Civic
Data; every object validates against their published schemas (``resources/schema``).
Exempt business and anything confidential never leave (``clerk.domain.publication``).
"""

from __future__ import annotations

import json
from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from clerk import __version__
from clerk.domain.entities import Committee, Membership, Person
from clerk.domain.enums import AttendanceStatus, MeetingStatus
from clerk.domain.errors import ClerkError
from clerk.domain.names import display_name
from clerk.domain.publication import is_public, public_items, public_title, public_votes
from clerk.domain.record import MeetingRecord
from clerk.services import open_data_votes
from clerk.services.setup import slugify
from clerk.storage import repository as repo
from clerk.storage.database import Database

FORMAT = "clerk-open-data"
VERSION = 1
LONDON = ZoneInfo("Europe/London")
COUNCIL_ID = "organization/council"
STATUS = {
    MeetingStatus.SCHEDULED: "confirmed",
    MeetingStatus.IN_PROGRESS: "confirmed",
    MeetingStatus.ADJOURNED: "confirmed",
    MeetingStatus.CLOSED: "passed",
    MeetingStatus.CANCELLED: "cancelled",
}
#: Who is listed as taking part, in the words of the event's participants.
PARTICIPATION = {
    AttendanceStatus.PRESENT: "present",
    AttendanceStatus.PRESENT_REMOTE: "present (remotely)",
    AttendanceStatus.SUBSTITUTE: "present (substitute)",
    AttendanceStatus.APOLOGIES: "apologies",
    AttendanceStatus.ABSENT: "absent",
    AttendanceStatus.ALSO_ATTENDING: "also in attendance",
    AttendanceStatus.OFFICER: "officer",
    AttendanceStatus.REMOTE_OBSERVER: "remote observer",
}


def person_id(key: str) -> str:
    return f"person/{key}"


def committee_id(slug: str) -> str:
    return f"organization/{slug}"


def group_id(group: str) -> str:
    return f"organization/group/{slugify(group)}"


def event_id(record: MeetingRecord) -> str:
    return f"event/{record.reference}"


def moment(day: date, at: time | None) -> str:
    """A date, or a date and time with its UK offset (the Popolo / OCD date-time pattern)."""
    if at is None:
        return day.isoformat()
    return datetime.combine(day, at, LONDON).isoformat(timespec="seconds")


def _identifiers(moderngov_id: str) -> list[dict[str, str]]:
    return [{"scheme": "moderngov", "identifier": moderngov_id}] if moderngov_id else []


def _person(person: Person) -> dict[str, Any]:
    body: dict[str, Any] = {
        "id": person_id(person.id),
        "name": display_name(person),
        "sort_name": person.name,
        "identifiers": _identifiers(person.moderngov_id),
        "extras": {"kind": person.kind.value},
    }
    prefix = display_name(person).removesuffix(person.name).strip()
    if prefix:
        body["honorific_prefix"] = prefix
    if person.job_title:
        body["extras"]["job_title"] = person.job_title
    if person.represents:
        body["extras"]["represents"] = person.represents
    return body


def _committee(committee: Committee) -> dict[str, Any]:
    return {
        "id": committee_id(committee.slug),
        "name": committee.name,
        "classification": "committee",
        "parent_id": COUNCIL_ID,
        "identifiers": _identifiers(committee.moderngov_id),
        "extras": {"kind": committee.kind.value, "calls_itself": committee.calls_itself},
    }


def _membership(committee: Committee, index: int, membership: Membership) -> dict[str, Any]:
    body: dict[str, Any] = {
        "id": f"membership/{committee.slug}/{index}",
        "person_id": person_id(membership.person_id),
        "organization_id": committee_id(committee.slug),
        "role": membership.role.value,
    }
    if membership.group:
        body["on_behalf_of_id"] = group_id(membership.group)
    if membership.start_date is not None:
        body["start_date"] = membership.start_date.isoformat()
    if membership.end_date is not None:
        body["end_date"] = membership.end_date.isoformat()
    return body


_DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _media_type(url: str) -> str:
    path = url.lower().split("?")[0]
    if path.endswith(".pdf"):
        return "application/pdf"
    return _DOCX if path.endswith(".docx") else "text/html"


def _event(record: MeetingRecord, minutes_url: str, people: set[str]) -> dict[str, Any]:
    meeting, committee = record.meeting, record.committee
    identity = event_id(record)
    votes_by_item: dict[int, list[str]] = {}
    for vote in public_votes(record):
        motion = record.motion(vote.motion_id)
        votes_by_item.setdefault(motion.item_id, []).append(
            open_data_votes.vote_event_id(identity, vote)
        )
    agenda = []
    documents: list[dict[str, Any]] = []
    for item in public_items(record):
        entry: dict[str, Any] = {
            "description": public_title(item),
            "order": item.number,
            "classification": [item.standard.value],
            "notes": [],
            "related_entities": [
                {"entity_type": "vote_event", "name": vote, "note": "vote on this item"}
                for vote in votes_by_item.get(item.id, [])
            ],
        }
        if item.minute_number is not None:
            entry["notes"].append(f"Minute {item.minute_number}")
        if not is_public(item):
            entry["notes"].append(
                f"Not for publication: paragraph {item.exempt_paragraph} of Schedule 12A to "
                "the Local Government Act 1972"
            )
            if item.public_summary.strip():
                entry["notes"].append(item.public_summary.strip())
        else:
            for resolution in record.for_item("resolutions", item.id):
                parts = open_data_votes.motion_text_of_parts(resolution.preamble, resolution.parts)
                entry["notes"].append(f"{resolution.wording} {parts}".strip())
            documents += [
                {
                    "note": f"Item {item.number}: {link.title}",
                    "url": link.url,
                    "media_type": _media_type(link.url),
                }
                for link in item.documents
            ]
        agenda.append(entry)
    participants: list[dict[str, Any]] = [
        {"name": committee.name, "type": "organization", "note": "host"}
    ]
    for _key, attendance in sorted(record.attendance.items()):
        people.add(attendance.person_id)
        participants.append(
            {
                "name": display_name(record.person(attendance.person_id)),
                "type": "person",
                "note": PARTICIPATION[attendance.status],
                "id": person_id(attendance.person_id),
            }
        )
    if minutes_url and meeting.status is MeetingStatus.CLOSED:
        base = minutes_url.rstrip("/")
        name = f"{committee.slug}-{meeting.date.isoformat()}-minutes"
        documents[0:0] = [
            {"note": "Minutes", "url": f"{base}/{name}.pdf", "media_type": "application/pdf"},
            {"note": "Minutes", "url": f"{base}/{name}.docx", "media_type": _DOCX},
        ]
    body: dict[str, Any] = {
        "id": identity,
        "name": committee.name,
        "classification": "committee-meeting",
        "start_date": moment(meeting.date, meeting.started_at or meeting.scheduled_time),
        "all_day": False,
        "status": STATUS[meeting.status],
        "description": f"{meeting.kind.value.capitalize()} meeting of the {committee.name}",
        "location": {"name": meeting.venue, "note": "", "url": None} if meeting.venue else None,
        "organization_id": committee_id(committee.slug),
        "identifiers": _identifiers(meeting.moderngov_id),
        "participants": participants,
        "agenda": agenda,
        "documents": documents,
        "media": [],
        "links": [],
        "extras": {"reference": record.reference, "kind": meeting.kind.value},
    }
    if meeting.ended_at is not None:
        body["end_date"] = moment(meeting.date, meeting.ended_at)
    return body


def open_data(records: list[MeetingRecord], minutes_url: str = "") -> dict[str, Any]:
    """The open data document for these meetings (of one council)."""
    if not records:
        raise ClerkError("There are no meetings to publish in that range.")
    council = records[0].council
    persons: dict[str, Person] = {}
    people: set[str] = set()
    committees: dict[str, Committee] = {}
    events, motions, votes = [], [], []
    for record in records:
        committees.setdefault(record.committee.slug, record.committee)
        persons.update(record.persons)
        identity, org = event_id(record), committee_id(record.committee.slug)

        def person(key: str) -> str:
            people.add(key)
            return person_id(key)

        events.append(_event(record, minutes_url, people))
        motions += open_data_votes.motions(record, identity, org, person)
        votes += open_data_votes.vote_events(record, identity, org, person)
    organizations: list[dict[str, Any]] = [
        {"id": COUNCIL_ID, "name": council.name, "classification": "legislature"}
    ]
    memberships: list[dict[str, Any]] = []
    groups: dict[str, set[str]] = {}
    for committee in committees.values():
        organizations.append(_committee(committee))
        for index, membership in enumerate(committee.memberships, start=1):
            people.add(membership.person_id)
            memberships.append(_membership(committee, index, membership))
            if membership.group:
                groups.setdefault(membership.group, set()).add(membership.person_id)
    for group, members in sorted(groups.items()):
        organizations.append(
            {"id": group_id(group), "name": group, "classification": "party", "parent_id": None}
        )
        for member in sorted(members):
            memberships.append(
                {
                    "id": f"membership/group/{slugify(group)}/{member}",
                    "person_id": person_id(member),
                    "organization_id": group_id(group),
                    "role": "member",
                }
            )
    return {
        "format": FORMAT,
        "version": VERSION,
        "generator": f"Clerk {__version__}",
        "council": council.name,
        "organizations": organizations,
        "people": [_person(persons[key]) for key in sorted(people) if key in persons],
        "memberships": memberships,
        "events": events,
        "motions": motions,
        "vote_events": votes,
    }


def committee_records(
    database: Database,
    slugs: list[str] | None = None,
    start: date | None = None,
    end: date | None = None,
) -> list[MeetingRecord]:
    """The meetings of the committees (all, when none is named) in the date range."""
    with database.reading() as conn:
        known = {c.slug for c in repo.list_committees(conn)}
        for slug in slugs or []:
            if slug not in known:
                raise repo.NotFound(f"No committee '{slug}' in this database.")
        ids = [
            meeting_id
            for meeting_id, slug, meeting in repo.list_meetings(conn)
            if (not slugs or slug in slugs)
            and (start is None or meeting.date >= start)
            and (end is None or meeting.date <= end)
        ]
        return repo.load_records(conn, ids)


def export_open_data(
    database: Database,
    slugs: list[str] | None = None,
    start: date | None = None,
    end: date | None = None,
    minutes_url: str = "",
) -> str:
    document = open_data(committee_records(database, slugs, start, end), minutes_url)
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
