"""Exempt detail never leaves in an export: the property test of the public minutes
(``tests/documents/test_public_confidential.py``), run on the open data and the calendar.

Hypothesis generates meetings with exempt items whose every text carries a marker
(``QZSECRET<field>``); none may reach the Open Civic Data / Popolo JSON or the iCalendar file,
and public business must (so the test can fail the other way too).
"""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from icalendar import Calendar

from clerk.domain.record import MeetingRecord
from clerk.services.calendar_ics import calendar
from clerk.services.open_data import open_data
from tests.documents.test_public_confidential import MARK, MARKER, meetings
from tests.opendata.test_export import assert_valid


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(meetings())
def test_no_exempt_detail_in_the_open_data_or_the_calendar(record: MeetingRecord) -> None:
    document = open_data([record], minutes_url="https://example.gov.uk/minutes")
    text = json.dumps(document, ensure_ascii=False)
    assert not MARKER.findall(text), MARKER.findall(text)
    ics = calendar([record], record.committee.name).decode("utf-8")
    unfolded = ics.replace("\r\n ", "")
    assert MARK not in unfolded
    assert_valid(document)
    Calendar.from_ical(ics)
    public = [i for i in record.items.values() if not i.exempt]
    for item in public:
        assert item.title in text
    public_motions = [m for m in record.motions.values() if not record.items[m.item_id].exempt]
    assert len(document["motions"]) == len(public_motions)
    exempt_votes = [
        v for v in record.votes.values() if record.items[record.motions[v.motion_id].item_id].exempt
    ]
    assert len(document["vote_events"]) == len(record.votes) - len(exempt_votes)
