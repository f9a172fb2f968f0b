"""Values that parse but make no sense: checked wherever they enter (set-up and import).

Each check yields ``(field, problem)`` pairs; the caller adds where the value sits.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from clerk.domain.entities import AgendaItem, CouncilProfile, Membership, QuorumRule
from clerk.domain.enums import QuorumKind
from clerk.domain.rules.numbering import format_minute

SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")
Problem = tuple[str, str]


def slug_problems(field: str, value: str) -> Iterator[Problem]:
    if not SLUG.match(value):
        yield (
            field,
            (
                f"'{value}' must be lower-case letters, digits and hyphens (at most 80), "
                "starting with a letter or digit"
            ),
        )


def council_problems(council: CouncilProfile) -> Iterator[Problem]:
    if not council.name.strip():
        yield "name", "must not be empty"
    try:
        date(2001, council.year_start_month, council.year_start_day)
    except ValueError:
        yield (
            "year_start_month",
            (f"{council.year_start_month}/{council.year_start_day} is not a day of the year"),
        )
    for field in ("minute_heading_pattern", "minute_reference_pattern"):
        pattern = getattr(council, field)
        try:
            format_minute(pattern, 1, date(2021, 8, 18))
        except ValueError:
            yield (
                field,
                (
                    f"{pattern!r} is not a minute number pattern (use {{n}}, {{month}}, {{mm}}, "
                    "{yy} and {yyyy})"
                ),
            )


def quorum_problems(quorum: QuorumRule) -> Iterator[Problem]:
    if quorum.value < 1:
        yield "value", "must be at least 1"
    if quorum.denominator < 1:
        yield "denominator", "must be at least 1"
    if quorum.kind is QuorumKind.FRACTION and quorum.value > quorum.denominator:
        yield "value", "a fraction of the seats cannot be more than all of them"


def membership_problems(membership: Membership) -> Iterator[Problem]:
    start, end = membership.start_date, membership.end_date
    if start is not None and end is not None and end < start:
        yield "end_date", f"{end.isoformat()} is before the start date {start.isoformat()}"


def item_problems(item: AgendaItem) -> Iterator[Problem]:
    if item.exempt_paragraph is not None and not 1 <= item.exempt_paragraph <= 7:
        yield "exempt_paragraph", "Schedule 12A has paragraphs 1 to 7"
    if not item.title.strip():
        yield "title", "must not be empty"
