"""A sample of each house-style choice, for the council set-up page's preview: the same
wording functions the minutes use, applied to sample people and a sample meeting."""

from __future__ import annotations

from datetime import date, time

from clerk.documents import wording
from clerk.documents.attendance import also_phrase
from clerk.domain.entities import CouncilProfile, Declaration, InterestCategory, Person
from clerk.domain.enums import StartTimePlacement, SubstitutionWording
from clerk.domain.names import display_name
from clerk.domain.rules.interests import categories, kind_of
from clerk.domain.rules.numbering import format_minute

#: A meeting in February: its municipal year began the May before.
SAMPLE_DAY = date(2024, 2, 14)
SAMPLE_START = time(10, 0)


def _sample(name: str) -> Person:
    return Person(id=name.lower(), name=name)


def house_style_preview(
    council: CouncilProfile, committee_prefix: str = "DEV", body: str = "Committee"
) -> list[str]:
    """One line per choice, as the minutes would print it."""
    style = council.house_style
    chair, vice, member, other = (_sample(n) for n in ("Ahmed", "Brown", "Clark", "Dunn"))
    lines = [
        wording.date_line(SAMPLE_DAY, SAMPLE_START, style.start_time),
        f"{display_name(chair)} ({council.signatory_title})",
        f"{display_name(vice)} ({style.vice_chair_title})",
        f"{display_name(member)} ({style.in_the_chair}), when the Chair is absent",
        f"(Also in attendance: {also_phrase([other], style.also_plural_for_one is not False)})",
    ]
    if style.start_time is StartTimePlacement.AFTER_PRESENT:
        lines.append(wording.started_line(SAMPLE_START))
    elif style.start_time is StartTimePlacement.NOT_PRINTED:
        lines.append("(The start time is not printed.)")
    heading = format_minute(
        council.minute_heading_pattern,
        12,
        SAMPLE_DAY,
        (council.year_start_month, council.year_start_day),
        committee_prefix,
    )
    lines.append(f"{heading}. Minute heading (the 12th minute, {SAMPLE_DAY:%d %B %Y})")
    substitution = style.substitution
    if substitution is SubstitutionWording.MEMBERSHIP_AMENDED:
        lines.append(wording.substitution_sentence(body, "", member, other, first=True))
    elif substitution is SubstitutionWording.APOLOGIES_SUBSTITUTED_BY:
        lines.append(wording.apologies_sentence([member], [], [], False, {member.id: other}))
    else:
        lines.append(wording.apologies_sentence([member], [], [], False))
        lines.append(wording.attended_as_substitute_sentence(member, other))
    category: InterestCategory = categories(council)[0]
    declaration = Declaration(
        id=1, person_id=member.id, item_id=1, kind=kind_of(category), conduct=category.conduct
    )
    lines.append(
        wording.declaration_sentence(
            declaration, member, f"Minute {heading}", body, True, category=category
        )
    )
    lines.append(
        "Officers are listed in the minutes."
        if council.lists_officers
        else "Officers are not listed in the minutes."
    )
    return lines
