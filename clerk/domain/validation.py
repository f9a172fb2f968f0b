"""Values that parse but make no sense: checked wherever they enter (set-up and import).

Each check yields ``(field, problem)`` pairs; the caller adds where the value sits.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, time

from clerk.domain.entities import (
    AgendaItem,
    CouncilProfile,
    Meeting,
    Membership,
    QuorumRule,
    SignoffStep,
    VoteEvent,
)
from clerk.domain.enums import QuorumKind, VoteMethod, VoteResult
from clerk.domain.errors import RuleViolation
from clerk.domain.record import MeetingRecord
from clerk.domain.rules.eligibility import could_have_voted
from clerk.domain.rules.numbering import format_minute
from clerk.domain.rules.votes import Tally, decide, tally_choices

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
                    "{yy}, {yyyy}, {myy}, {myyyy} and {prefix})"
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
    too_long = title_problem(item.title)
    if too_long:
        yield "title", too_long


#: The longest agenda item title Clerk takes: a heading, a bookmark, a line of the agenda.
#: Real titles run to a hundred or two characters; the report's detail goes in its purpose.
TITLE_MAX = 500


def title_problem(title: str) -> str:
    """Why a title is too long for a heading ("" when it is not)."""
    length = len(title.strip())
    if length <= TITLE_MAX:
        return ""
    return (
        f"is {length:,} characters long, and a title is at most {TITLE_MAX}: put the rest in "
        "the item's purpose"
    )


def vote_problems(record: MeetingRecord, vote: VoteEvent) -> Iterator[Problem]:
    """Counts that cannot be right: negative, more than could vote, or not the names given."""
    counts = (("yes", vote.yes), ("no", vote.no), ("abstain", vote.abstain))
    for field, value in counts:
        if value < 0:
            yield field, f"cannot be negative ({value})"
            return
    motion = record.motions.get(vote.motion_id)
    item = record.items.get(motion.item_id) if motion is not None else None
    total = vote.yes + vote.no + vote.abstain
    if item is not None:
        could = len(could_have_voted(record, item))
        if total > could:
            yield (
                "yes",
                f"{vote.yes} for + {vote.no} against + {vote.abstain} abstaining = {total}, but "
                f"only {could} members attending could vote on item {item.number}",
            )
    if vote.choices:
        named = tally_choices(vote.choices)
        if (named.yes, named.no, named.abstain) != (vote.yes, vote.no, vote.abstain):
            yield (
                "choices",
                f"name {named.yes} for, {named.no} against and {named.abstain} abstaining, but "
                f"the counts are {vote.yes}, {vote.no} and {vote.abstain}",
            )
    problem = result_problem(vote)
    if problem:
        yield "result", problem


def result_problem(vote: VoteEvent) -> str:
    """Why a vote's result is not what its counts decided ("" when it is): a majority the
    other way, a tie without the casting vote, or a casting vote the result contradicts. A
    decision by assent passes; a show of hands declared without a count keeps its result."""
    if vote.method is VoteMethod.ASSENT:
        decided = VoteResult.PASS
    elif vote.yes == vote.no == vote.abstain == 0:
        if vote.casting_option is not None:
            return (
                f"is {vote.result.value} as declared, without a count, so there was no tie for "
                "a casting vote to decide"
            )
        return ""
    else:
        try:
            decided = decide(Tally(vote.yes, vote.no, vote.abstain), vote.casting_option)
        except RuleViolation as refused:
            if vote.casting_option is None:
                return (
                    f"is {vote.result.value}, but the vote is tied ({vote.yes} to {vote.no}) "
                    "and no casting vote is recorded"
                )
            return f"is {vote.result.value}, but {str(refused)[0].lower()}{str(refused)[1:-1]}"
    if vote.result is decided:
        return ""
    how = "a decision by assent" if vote.method is VoteMethod.ASSENT else _counted(vote)
    return f"is {vote.result.value}, but {how} decided {decided.value}"


def _counted(vote: VoteEvent) -> str:
    counts = f"{vote.yes} for, {vote.no} against"
    if vote.casting_option is not None:
        return f"{counts} and the casting vote {vote.casting_option.value}"
    return counts


def ends_before_starting(started: time | None, ended: time | None) -> bool:
    """An end before the start: not a meeting that ran past midnight (begun after noon,
    ended before six in the morning), which councils' budget meetings sometimes do."""
    if started is None or ended is None or ended >= started:
        return False
    return not (started >= time(12, 0) and ended < time(6, 0))


def meeting_problems(meeting: Meeting) -> Iterator[Problem]:
    started, ended = meeting.started_at, meeting.ended_at
    if started is not None and ended is not None and ends_before_starting(started, ended):
        yield "ended_at", f"{ended:%H:%M} is before the meeting started ({started:%H:%M})"


def signoff_day_problems(step: SignoffStep, meeting_day: date, today: date) -> Iterator[Problem]:
    if step.on < meeting_day:
        yield "on", f"{step.on.isoformat()} is before the meeting ({meeting_day.isoformat()})"
    elif step.on > today:
        yield "on", f"{step.on.isoformat()} is in the future"
