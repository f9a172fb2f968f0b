"""The words of an agenda that every council writes its own way, with Clerk's defaults.

A council's profile (``AgendaWording``) may give its own text for each standard item and for
the front sheet; where it gives none, these are used. Texts may name {body} ("Board"),
{committee} (its full name), {chair} (the signatory title) and, for the Minutes, {dates}.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from clerk.domain.entities import AgendaItem, AgendaWording
from clerk.domain.enums import CodeOfConduct, StandardItem
from clerk.domain.names import join_names
from clerk.domain.record import MeetingRecord
from clerk.domain.timefmt import long_date

APOLOGIES = (
    "To receive apologies for absence, including notifications of any changes to the "
    "membership of the {body}."
)
MINUTES = (
    "To confirm as a correct record the Minutes of the {meetings} of the {committee} held on "
    "{dates}."
)
MINUTES_UNKNOWN = (
    "To confirm as a correct record the Minutes of the previous meeting of the {body}."
)
URGENT = "To consider any other items that the {chair} decides are urgent."

DECLARATIONS: dict[CodeOfConduct, str] = {
    CodeOfConduct.PECUNIARY_NON_PECUNIARY: (
        "a) To receive declarations of non-pecuniary interests in respect of items on this "
        "agenda.\n\n"
        "For reference: a member who declares a non-pecuniary interest may stay in the "
        "meeting, speak and vote on the matter.\n\n"
        "b) To receive declarations of disclosable pecuniary interests in respect of items on "
        "this agenda.\n\n"
        "For reference: a member with a disclosable pecuniary interest in a matter takes no "
        "part in the discussion or the vote on it and leaves the meeting while it is "
        "considered, unless a dispensation has been granted (Localism Act 2011, s.31)."
    ),
    CodeOfConduct.LGA_MODEL_2020: (
        "To receive declarations of disclosable pecuniary interests, other registrable "
        "interests and non-registrable interests in respect of items on this agenda.\n\n"
        "For reference: a member with a disclosable pecuniary interest in a matter takes no "
        "part in the discussion or the vote on it and leaves the meeting while it is "
        "considered, unless a dispensation has been granted (Localism Act 2011, s.31). The "
        "council's code of conduct says when a member with another interest must do the same."
    ),
}

CONTACT_LEAD = (
    "For information relating to this meeting or to request a copy in another format or "
    "language please contact:"
)


def fill(template: str, values: dict[str, str]) -> str:
    """``{name}`` replaced by its value; any other brace is left as it is."""
    text = template
    for name, value in values.items():
        text = text.replace("{" + name + "}", value)
    return text


def dates_phrase(days: Sequence[date]) -> str:
    """ "18 August 2021", or "27 July 2021 and 18 August 2021"."""
    return join_names([long_date(day) for day in days])


def chair_title(record: MeetingRecord) -> str:
    return record.committee.signatory_title or record.council.signatory_title


def standard_text(item: AgendaItem, record: MeetingRecord, confirms: Sequence[date]) -> str:
    """What the agenda says of an item: its own purpose, else for a standard item the
    council's wording (or Clerk's)."""
    if item.purpose.strip():
        return item.purpose.strip()
    wording: AgendaWording = record.council.agenda
    values = {
        "body": record.committee.calls_itself,
        "committee": record.committee.name,
        "chair": chair_title(record),
        "dates": dates_phrase(confirms),
        "meetings": "meetings" if len(confirms) > 1 else "meeting",
    }
    if item.standard is StandardItem.APOLOGIES:
        return fill(wording.apologies or APOLOGIES, values)
    if item.standard is StandardItem.MINUTES:
        if wording.minutes and confirms:
            return fill(wording.minutes, values)
        return fill(MINUTES if confirms else MINUTES_UNKNOWN, values)
    if item.standard is StandardItem.DECLARATIONS:
        return fill(wording.declarations or DECLARATIONS[record.council.code_of_conduct], values)
    if item.standard is StandardItem.URGENT:
        return fill(wording.urgent or URGENT, values)
    return ""


def paragraphs(text: str) -> list[str]:
    """Text split at blank lines; single line breaks inside a paragraph are kept."""
    blocks = [block.strip() for block in text.replace("\r\n", "\n").split("\n\n")]
    return [block for block in blocks if block]


def venue_phrase(venue: str) -> str:
    """ "the Meadfoot Room - Town Hall" as the seed says it."""
    venue = venue.strip()
    return venue if venue.lower().startswith("the ") else f"the {venue}"
