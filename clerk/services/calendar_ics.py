"""A committee's meetings as an iCalendar file (RFC 5545), for members to subscribe to.

Built with the ``icalendar`` library. Each meeting is one event whose UID never changes, so a
calendar that subscribed sees a time, venue or agenda change, and a cancellation
(``STATUS:CANCELLED``, with a higher ``SEQUENCE``), as an update of the same event. Times are
UK local time (Europe/London, its VTIMEZONE included). The description lists the public
agenda: an exempt item's title only when it is public.
"""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

from clerk import APP_NAME, __version__
from clerk.domain.enums import MeetingStatus
from clerk.domain.errors import ClerkError
from clerk.domain.publication import public_items, public_title
from clerk.domain.record import MeetingRecord
from clerk.services.open_data import committee_records
from clerk.services.setup import slugify
from clerk.storage.database import Database

LONDON = ZoneInfo("Europe/London")


def meeting_uid(record: MeetingRecord) -> str:
    council = slugify(record.council.name)
    return f"{record.committee.slug}-{record.meeting.date.isoformat()}@{council}.clerk"


def _event(record: MeetingRecord, stamp: datetime, minutes_url: str) -> Event:
    meeting, committee = record.meeting, record.committee
    event = Event()
    event.add("uid", meeting_uid(record))
    event.add("dtstamp", stamp)
    cancelled = meeting.status is MeetingStatus.CANCELLED
    event.add("sequence", 1 if cancelled else 0)
    event.add("summary", committee.name)
    start = meeting.started_at or meeting.scheduled_time
    if start is None:
        event.add("dtstart", meeting.date)
    else:
        event.add("dtstart", datetime.combine(meeting.date, start, LONDON))
        if meeting.ended_at is not None and meeting.ended_at > start:
            event.add("dtend", datetime.combine(meeting.date, meeting.ended_at, LONDON))
    if meeting.venue:
        event.add("location", meeting.venue)
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    lines = [f"{item.number}. {public_title(item)}" for item in public_items(record)]
    note = "This meeting has been cancelled." if cancelled else ""
    description = "\n".join(filter(None, [note, "Agenda:" if lines else "", *lines]))
    if description:
        event.add("description", description)
    if minutes_url and meeting.status is MeetingStatus.CLOSED:
        name = f"{committee.slug}-{meeting.date.isoformat()}-minutes.pdf"
        event.add("url", f"{minutes_url.rstrip('/')}/{name}")
    return event


def calendar(records: list[MeetingRecord], name: str, minutes_url: str = "") -> bytes:
    cal = Calendar()
    cal.add("prodid", f"-//{APP_NAME} {__version__}//Committee meetings//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", "Europe/London")
    stamp = datetime.now(UTC).replace(microsecond=0)
    for record in records:
        cal.add_component(_event(record, stamp, minutes_url))
    cal.add_missing_timezones()
    data: bytes = cal.to_ical()
    return data


def committee_calendar(database: Database, slug: str, minutes_url: str = "") -> bytes:
    records = committee_records(database, [slug])
    if not records:
        raise ClerkError(f"The committee '{slug}' has no meetings to put in a calendar.")
    return calendar(records, records[0].committee.name, minutes_url)
