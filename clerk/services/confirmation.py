"""Confirming the minutes of a meeting that is in Clerk: what else the resolution records.

When meeting B's Minutes item confirms the minutes of meeting A, and A is in Clerk, the same
transaction records the confirmation in A's sign-off (with any corrections the resolution made
to A's paragraphs) and carries A's open actions onto B's action tracker item. This module works
out those linked actions; ``MeetingSession.apply`` records them with the confirmation.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import Connection

from clerk.domain.actions import Action
from clerk.domain.actions.proceedings import ConfirmMinutes
from clerk.domain.actions.signoff import CarryForward, RecordConfirmation
from clerk.domain.entities import AgendaItem, Meeting, Paragraph
from clerk.domain.errors import RuleViolation
from clerk.domain.exempt import paragraph_exempt_under
from clerk.domain.record import MeetingRecord
from clerk.domain.rules.motions import motion_words
from clerk.domain.rules.numbering import format_minute
from clerk.domain.signoff.confirmation import (
    Correction,
    ExemptAmendment,
    MeetingFacts,
    carried_copy,
    check_confirming_meeting,
    open_actions,
    tracker_item,
)
from clerk.domain.timefmt import long_date
from clerk.services.exempt_actions import fill_exempt_status
from clerk.storage import repository as repo

ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth")


@dataclass(frozen=True)
class Link:
    """The confirmation as recorded, and the actions that go with it."""

    action: ConfirmMinutes
    here: tuple[Action, ...]
    minutes_meeting_id: int
    there: tuple[Action, ...]


def facts(meeting_id: int, meeting: Meeting) -> MeetingFacts:
    return MeetingFacts(meeting_id, meeting.committee, meeting.date, meeting.kind, meeting.status)


def committee_meetings(conn: Connection, slug: str) -> list[MeetingFacts]:
    return [facts(meeting_id, m) for meeting_id, _slug, m in repo.list_meetings(conn, slug)]


def find_minutes_meeting(conn: Connection, slug: str, day: date) -> int | None:
    try:
        return repo.find_meeting(conn, slug, day)
    except repo.NotFound:
        return None


def minute_reference(record: MeetingRecord, number: int | None) -> str:
    if number is None:
        return ""
    council = record.council
    return format_minute(
        council.minute_reference_pattern,
        number,
        record.meeting.date,
        (council.year_start_month, council.year_start_day),
        record.committee.minute_prefix,
    )


def correction_wording(minutes: MeetingRecord, correction: Correction) -> str:
    """'Minute 17/8/21, second paragraph, to read: "..."'."""
    paragraph = _paragraph(minutes, correction)
    item = minutes.item(paragraph.item_id)
    siblings = [p.id for p in minutes.paragraphs_for(item.id)]
    index = siblings.index(paragraph.id)
    nth = ORDINALS[index] if index < len(ORDINALS) else f"{index + 1}th"
    new = correction.text.strip()
    return f'Minute {minute_of(minutes, item)}, {nth} paragraph, to read: "{new}"'


def amendment_wording(minutes: MeetingRecord, corrections: tuple[Correction, ...]) -> str:
    """'Minute 17/8/21, second paragraph, to read: "..."' for each correction."""
    return "; ".join(correction_wording(minutes, c) for c in corrections)


def _paragraph(minutes: MeetingRecord, correction: Correction) -> Paragraph:
    paragraph = minutes.paragraphs.get(correction.paragraph)
    if paragraph is None:
        raise RuleViolation(
            f"The minutes of {long_date(minutes.meeting.date)} have no paragraph "
            f"{correction.paragraph} to correct."
        )
    return paragraph


def minute_of(minutes: MeetingRecord, item: AgendaItem) -> str:
    return minute_reference(minutes, item.minute_number) or f"item {item.number}"


def split_corrections(
    minutes: MeetingRecord, action: ConfirmMinutes
) -> tuple[str, tuple[ExemptAmendment, ...]]:
    """The public amendment wording and the amendments to exempt minutes (confidential).

    Corrections to an exempt minute are worded for the confidential minutes only, one
    amendment per exempt minute. When the clerk worded the amendment and any correction is to
    an exempt minute, that wording is confidential too: it may quote the exempt text.
    """
    public: list[Correction] = []
    exempt: dict[int, tuple[int, list[str]]] = {}  # item id -> (Schedule 12A paragraph, wording)
    for correction in action.corrections:
        paragraph = _paragraph(minutes, correction)
        under = paragraph_exempt_under(minutes, paragraph)
        if under is None:
            public.append(correction)
        else:
            exempt.setdefault(paragraph.item_id, (under, []))[1].append(
                correction_wording(minutes, correction)
            )
    amendment = action.amendment.strip()
    amendments = [
        ExemptAmendment(minute_of(minutes, minutes.item(item_id)), under, "; ".join(words))
        for item_id, (under, words) in exempt.items()
    ]
    if amendments and amendment:
        first = amendments[0]
        amendments.append(ExemptAmendment(first.minute, first.paragraph, amendment))
        amendment = ""
    if not amendment and public:
        amendment = amendment_wording(minutes, tuple(public))
    return amendment, tuple(amendments)


def confidential_wording(action: ConfirmMinutes) -> str:
    """The whole amendment, exempt parts included: what the confirmed minutes' own sign-off
    records (it belongs to them, exempt minutes and all)."""
    return "; ".join(
        text
        for text in (action.amendment.strip(), *(e.text for e in action.exempt_amendments))
        if text
    )


def confirmation_link(conn: Connection, record: MeetingRecord, action: Action) -> Link | None:
    """The linked actions for a confirmation of minutes that are in Clerk; None otherwise."""
    if not isinstance(action, ConfirmMinutes) or action.meeting_date >= record.meeting.date:
        return None
    slug = record.committee.slug
    minutes_id = find_minutes_meeting(conn, slug, action.meeting_date)
    if minutes_id is None:
        if action.corrections:
            raise RuleViolation(
                f"The meeting of {long_date(action.meeting_date)} is not in Clerk, so its "
                "minutes cannot be corrected here: record the amendment's wording only."
            )
        return None
    minutes, _version = repo.load_record(conn, minutes_id)
    fill_exempt_status(conn, minutes)  # carried copies keep the exempt status where they go
    item = record.item(action.item)
    meetings = [m for m in committee_meetings(conn, slug) if m.id != record.meeting_id]
    here = facts(record.meeting_id, record.meeting)
    check_confirming_meeting(
        facts(minutes_id, minutes.meeting), here, [*meetings, here], record.council
    )
    recorded = action
    if action.motion is not None and not action.amendment.strip():
        recorded = replace(action, amendment=motion_words(record, record.motion(action.motion)))
    if action.corrections:
        amendment, exempt = split_corrections(minutes, recorded)
        recorded = replace(recorded, amendment=amendment, exempt_amendments=exempt)
    tracker = tracker_item(record)
    carried = tuple(carried_copy(minutes, a) for a in open_actions(minutes))
    here_actions: tuple[Action, ...] = ()
    if tracker is not None:
        here_actions = (
            CarryForward(item=tracker.id, from_meeting=minutes.reference, actions=carried),
        )
    return Link(
        action=recorded,
        here=here_actions,
        minutes_meeting_id=minutes_id,
        there=(
            RecordConfirmation(
                confirmed_by=record.reference,
                confirmed_on=record.meeting.date,
                minute=minute_reference(record, item.minute_number),
                amendment=confidential_wording(recorded),
                corrections=action.corrections,
            ),
        ),
    )
