"""The sentences a clerk writes, built from what was recorded.

Each function returns plain text in the house style of the seed's minutes (Torbay, 2021):
the substitution and apologies sentences, declarations, arrivals and departures, adjournments,
notes and changes of chair. Motions, votes and resolutions: ``decision_wording``.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, time

from clerk.domain.entities import Declaration, InterestCategory, MovementEntry, Person
from clerk.domain.enums import (
    InterestConduct,
    InterestKind,
    Movement,
    PersonKind,
    StartTimePlacement,
)
from clerk.domain.names import councillors_phrase, display_name, join_names
from clerk.domain.timefmt import clock, long_date

SCHEDULE_12A = "Part 1 of Schedule 12A to the Local Government Act 1972"

INTEREST_PHRASES: dict[InterestKind, str] = {
    InterestKind.DISCLOSABLE_PECUNIARY: "a disclosable pecuniary interest",
    InterestKind.OTHER_REGISTRABLE: "an other registrable interest",
    InterestKind.NON_REGISTRABLE: "a non-registrable interest",
    InterestKind.NON_PECUNIARY: "a non-pecuniary interest",
    InterestKind.PREDETERMINATION: "that they had predetermined the matter",
}


def sentence(text: str) -> str:
    """Text ending in exactly one full stop (or its own ? or !)."""
    text = text.strip()
    return text if text.endswith((".", "?", "!")) else f"{text}."


def people_phrase(people: Iterable[Person]) -> str:
    """ "Councillors Barnby and Loxton and Laura Colman": councillors grouped, then others."""
    people = list(people)
    councillors = [p for p in people if p.kind is PersonKind.COUNCILLOR and not p.honorific_prefix]
    others = [display_name(p) for p in people if p not in councillors]
    parts = ([councillors_phrase(councillors)] if councillors else []) + others
    return join_names(parts)


def paragraphs_phrase(paragraphs: Iterable[int]) -> str:
    numbers = sorted(set(paragraphs))
    word = "paragraph" if len(numbers) == 1 else "paragraphs"
    return f"{word} {join_names([str(n) for n in numbers])}"


# -- apologies ----------------------------------------------------------------------------


def substitution_sentence(
    body: str, group: str, member: Person, substitute: Person, first: bool
) -> str:
    """The seed's wording for a group's substitution."""
    lead = "It was reported that" if first else "It was also reported that"
    wishes = f", in accordance with the wishes of the {group}," if group else ""
    return (
        f"{lead}{wishes} the membership of the {body} had been amended to include "
        f"{display_name(substitute)} instead of {display_name(member)}."
    )


def attended_as_substitute_sentence(member: Person, substitute: Person) -> str:
    """ "Councillor Howgate attended as a substitute for Councillor Mandy Darling." """
    return f"{display_name(substitute)} attended as a substitute for {display_name(member)}."


def _substituted_phrase(people: list[Person], substituted_by: dict[str, Person]) -> str:
    """ "Councillors Bye (substituted by Councillor Howgate) and Mills": councillors grouped
    under one title as ``people_phrase`` does, each followed by who took their seat."""

    def note(person: Person) -> str:
        substitute = substituted_by.get(person.id)
        return f" (substituted by {display_name(substitute)})" if substitute else ""

    plain = [p for p in people if p.kind is PersonKind.COUNCILLOR and not p.honorific_prefix]
    others = [display_name(p) + note(p) for p in people if p not in plain]
    parts: list[str] = []
    if plain:
        title = "Councillor" if len(plain) == 1 else "Councillors"
        parts.append(f"{title} {join_names([p.name + note(p) for p in plain])}")
    return join_names(parts + others)


def apologies_sentence(
    councillors: list[Person],
    co_opted: list[Person],
    non_voting: list[Person],
    also: bool,
    substituted_by: dict[str, Person] | None = None,
) -> str:
    """ "Apologies for absence were also received from Tatiana Wilson (Co-opted Member) and
    Mike Cook and Jo Morrell (non-voting Co-opted Members)." With ``substituted_by``, each
    substituted councillor is followed by "(substituted by Councillor Y)"."""
    groups: list[str] = []
    if councillors:
        groups.append(_substituted_phrase(councillors, substituted_by or {}))
    if co_opted:
        label = "Co-opted Member" if len(co_opted) == 1 else "Co-opted Members"
        groups.append(f"{join_names([display_name(p) for p in co_opted])} ({label})")
    if non_voting:
        label = (
            "non-voting Co-opted Member" if len(non_voting) == 1 else "non-voting Co-opted Members"
        )
        groups.append(f"{join_names([display_name(p) for p in non_voting])} ({label})")
    were = "were also received" if also else "were received"
    return f"Apologies for absence {were} from {join_names(groups)}."


def representation_sentence(person: Person, capacity: str, representing: str) -> str:
    """ "Councillor Steve Darling represented Councillor Law as Cabinet Member." """
    who = display_name(person)
    capacity, representing = capacity.strip(), representing.strip()
    if representing and capacity:
        return f"{who} represented {representing} as {capacity}."
    if representing:
        return f"{who} represented {representing}."
    return f"{who} attended as {capacity}."


# -- declarations -------------------------------------------------------------------------


INTEREST_PLURALS: dict[InterestKind, str] = {
    InterestKind.DISCLOSABLE_PECUNIARY: "disclosable pecuniary interests",
    InterestKind.OTHER_REGISTRABLE: "other registrable interests",
    InterestKind.NON_REGISTRABLE: "non-registrable interests",
    InterestKind.NON_PECUNIARY: "non-pecuniary interests",
    InterestKind.PREDETERMINATION: "that they had predetermined the matter",
}


def declaration_sentence(
    declaration: Declaration,
    person: Person | list[Person],
    where: str,
    body: str,
    show_detail: bool,
    category: InterestCategory | None = None,
) -> str:
    """ "Councillor X declared a disclosable pecuniary interest in Minute 17 as ... and left
    the meeting for that item." Several members with the same kind of interest in the same
    item, the same nature and the same conduct are one sentence ("Councillors A, B and C
    declared disclosable pecuniary interests in ..."). The nature of a sensitive interest is
    never given; a declaration made without one prints without one; the nature and the
    dispensation reference are left out when ``show_detail`` is false (an exempt item in the
    public minutes, marked as revealing exempt information). A statement that is not an
    interest is minuted as said."""
    people = person if isinstance(person, list) else [person]
    who = people_phrase(people)
    if category is None:
        phrase = (INTEREST_PHRASES if len(people) == 1 else INTEREST_PLURALS).get(
            declaration.kind, "an interest"
        )
    else:
        phrase = category.wording if len(people) == 1 else category.plural or category.wording
    nature = declaration.nature.strip().rstrip(".")
    if declaration.kind is InterestKind.STATEMENT:
        if nature and show_detail:
            return f"{who} stated in respect of {where} that {nature}."
        return f"{who} made a statement in respect of {where}."
    text = f"{who} declared {phrase} in {where}"
    if declaration.sensitive:
        text += (
            " (a sensitive interest, whose nature is not recorded)"
            if len(people) == 1
            else " (sensitive interests, whose nature is not recorded)"
        )
    elif nature and show_detail:
        text += f" as {nature}"
    if declaration.after_vote:
        text += ", after the vote on the item had been taken,"
    conduct = declaration.conduct
    if conduct is InterestConduct.LEFT:
        text = f"{text} and left the meeting for that item."
    elif conduct is InterestConduct.SPOKE_THEN_LEFT:
        text = (
            f"{text}, addressed the {body} as a member of the public may, and then left the "
            "meeting for that item."
        )
    elif conduct is InterestConduct.DISPENSATION:
        reference = declaration.dispensation_ref.strip()
        granted = f"a dispensation ({reference})" if reference and show_detail else "a dispensation"
        text = f"{text} and, having been granted {granted}, remained in the meeting."
    elif conduct is InterestConduct.TOOK_NO_PART:
        text = (
            f"{text} and remained in the meeting but took no part in the debate or vote on "
            "the item."
        )
    else:
        text = f"{text} and remained in the meeting."
    text = text.replace(",, ", ", ")
    if declaration.after_vote:
        their = "Their vote was" if len(people) == 1 else "Their votes were"
        struck = "struck from the record" if declaration.vote_struck else "allowed to stand"
        text += f" {their} {struck}."
    return text


def dispensation_for_all_sentence(where: str, body: str, reference: str) -> str:
    """ "A dispensation (D/2024/1) had been granted to all members of the Council to take part
    in the discussion and vote on Minute 8." """
    granted = f"A dispensation ({reference})" if reference else "A dispensation"
    return (
        f"{granted} had been granted to all members of the {body} to take part in the "
        f"discussion and vote on {where}."
    )


# -- the meeting's course -----------------------------------------------------------------


def note_sentence(at: time | None, text: str) -> str:
    """A timed note, as the clerk wrote it, with its time: "The microphones failed. (10.45 am)"."""
    return f"{sentence(text)} ({clock(at)})" if at is not None else sentence(text)


def presiding_sentence(person: Person) -> str:
    """ "Councillor White took the chair." """
    return f"{display_name(person)} took the chair."


def _titled(person: Person, title: str) -> str:
    return f"The {title}, {display_name(person)}," if title else display_name(person)


def presiding_for_item_sentence(person: Person, title: str) -> str:
    """ "The Vice-Chair, Councillor White, took the chair for this item." """
    return f"{_titled(person, title)} took the chair for this item."


def chair_resumed_sentence(person: Person, title: str) -> str:
    """ "The Chairman, Councillor Bye, resumed the chair." """
    return f"{_titled(person, title)} resumed the chair."


def readmission_sentence(at: time | None) -> str:
    """ "The press and public were readmitted to the meeting at 11.40 am." """
    when = f" at {clock(at)}" if at is not None else ""
    return f"The press and public were readmitted to the meeting{when}."


def movement_sentence(entry: MovementEntry, person: Person, during: str | None) -> str:
    """ "Councillor X left the meeting at 11.05 am during consideration of Minute 17." """
    verb = "arrived at the meeting" if entry.movement is Movement.ARRIVED else "left the meeting"
    text = f"{display_name(person)} {verb} at {clock(entry.at)}"
    return f"{text} during consideration of {during}." if during else f"{text}."


def adjournment_sentence(adjourned: time | None, resumed: time | None, reason: str) -> str:
    """ "The meeting adjourned at 11.05 am and reconvened at 11.20 am." """
    text = "The meeting adjourned"
    if adjourned is not None:
        text += f" at {clock(adjourned)}"
    if reason.strip():
        text += f" ({reason.strip().rstrip('.')})"
    if resumed is not None:
        text += f" and reconvened at {clock(resumed)}"
    return f"{text}."


def exclusion_sentence(where: str, paragraph: int) -> str:
    """The resolution excluding the press and public, with its Schedule 12A paragraph."""
    return (
        f"Prior to consideration of {where}, the press and public were formally excluded from "
        "the meeting on the grounds that the item involved the likely disclosure of exempt "
        f"information as defined in paragraph {paragraph} of {SCHEDULE_12A}."
    )


def withheld_sentence(paragraph: int) -> str:
    """What the public minutes say of an exempt item with no public summary."""
    return (
        "The detail of this minute is not published: it contains exempt information as "
        f"defined in paragraph {paragraph} of {SCHEDULE_12A}."
    )


def exempt_note(paragraph: int) -> str:
    """The confidential minutes' note on an exempt item."""
    return f"Not for publication: exempt information under paragraph {paragraph} of {SCHEDULE_12A}."


def date_line(day: date, started: time | None, placement: StartTimePlacement) -> str:
    """ "20 September 2021", or with the start time where house style puts it there."""
    if started is not None and placement is StartTimePlacement.WITH_DATE:
        return f"{long_date(day)} at {clock(started)}"
    return long_date(day)


def started_line(at: time) -> str:
    return f"(Meeting started at {clock(at)})"


def ended_line(at: time) -> str:
    return f"(Meeting ended at {clock(at)})"
