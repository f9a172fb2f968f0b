"""The six-month rule: section 85 of the Local Government Act 1972.

A member of the authority who fails throughout six consecutive months from the date of their
last attendance to attend any meeting of the authority (a meeting of any of its committees or
sub-committees counts, and so does attending as its representative at a body it appoints to)
ceases to be a member, unless the failure was due to a reason the authority approved before
the six months ran out. The text, the readings Clerk takes and their sources are in
``docs/six-month-rule.md``; each reading is a test in ``tests/across``.

How Clerk counts:

- The period runs from the day after the last attendance and ends on the corresponding date
  six calendar months later (the last day of that month when it has no such date: 31 August
  to the end of February). Attending on that last day still counts; the member ceases to be
  a member the day after.
- Attendance in person counts, as a member or as a substitute member, and so does a member
  recorded as present remotely (which Clerk allows only where the law makes it presence: in
  Wales, and in England under the 2020 flexibility regulations; see ``rules.remote``). Other
  remote attendance (a remote observer) counts only where the council's setting says so (in
  England it has not counted since 7 May 2021), and always at meetings held under the 2020
  flexibility regulations (4 April 2020 to 6 May 2021).
- An approval of a reason recorded on or before the last day of the period stops the clock:
  with an end date, a fresh six months runs from that date; without one, the clock stays
  stopped until the member next attends. An approval after the period has ended is too late.
- Once a member has ceased to be a member, attending later does not restore the seat.
- The rule applies to members of the authority (councillors), not to co-opted members.
"""

from __future__ import annotations

import calendar
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from clerk.domain.attendance_record import MeetingOutcome, Outcome, presence
from clerk.domain.entities import Person
from clerk.domain.enums import AttendanceStatus, PersonKind
from clerk.domain.rules.remote import FLEXIBILITY_FROM, FLEXIBILITY_UNTIL

MONTHS = 6


@dataclass(frozen=True)
class AttendanceSettings:
    """The council's settings for the six-month rule."""

    #: Warn when the six months end within this many weeks.
    warning_weeks: int = 8
    #: Whether remote observing counts as attendance (not in England since May 2021); a
    #: member recorded as present remotely always counts.
    remote_counts: bool = False


@dataclass(frozen=True)
class AbsenceApproval:
    """The authority's approval of a member's reason for not attending (s.85(1))."""

    id: int
    person_id: str
    approved_on: date
    #: The minute recording the approval, e.g. "Minute 45/2/22 of the Council".
    minute: str
    reason: str = ""
    #: The end of the approved absence, if the approval gives one.
    until: date | None = None


class Standing(StrEnum):
    CLEAR = "clear"
    WARNING = "warning"
    APPROVED = "approved"
    CEASED = "ceased"
    #: No attendance on record and no date of taking office: nothing to count from.
    UNKNOWN = "unknown"
    #: Not a member of the authority (a co-optee, an officer): the rule does not apply.
    NOT_APPLICABLE = "not-applicable"


@dataclass(frozen=True)
class SixMonthPosition:
    standing: Standing
    last_attendance: date | None = None
    #: The last day of the current six months (attending on it still counts).
    period_ends: date | None = None
    #: The approval that stopped the clock, or the last one that restarted it.
    approval: AbsenceApproval | None = None
    #: Approvals recorded after the period had already ended (too late to count).
    late_approvals: tuple[AbsenceApproval, ...] = ()

    @property
    def ceased_on(self) -> date | None:
        """The first day out of office, for a member who ceased to be one."""
        if self.standing is not Standing.CEASED or self.period_ends is None:
            return None
        return self.period_ends + timedelta(days=1)


def add_months(day: date, months: int) -> date:
    """The corresponding date ``months`` calendar months on, or that month's last day."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def period_end(last_attendance: date) -> date:
    """The last day of the six months that run from the day after ``last_attendance``."""
    return add_months(last_attendance, MONTHS)


def applies_to(person: Person) -> bool:
    """Section 85 concerns members of the authority: councillors, not co-optees or officers."""
    return person.kind is PersonKind.COUNCILLOR


def remote_counts_on(day: date, settings: AttendanceSettings) -> bool:
    return settings.remote_counts or FLEXIBILITY_FROM <= day <= FLEXIBILITY_UNTIL


def qualifies(result: MeetingOutcome, day: date, settings: AttendanceSettings) -> bool:
    """Whether this attendance is attendance for section 85 (any committee's meeting counts)."""
    return _counts(result.outcome, day, settings)


def attended(
    statuses: Collection[AttendanceStatus], day: date, settings: AttendanceSettings
) -> bool:
    """The same, from a person's attendance entries at one meeting."""
    return _counts(presence(statuses), day, settings)


def _counts(outcome: Outcome | None, day: date, settings: AttendanceSettings) -> bool:
    if outcome in (Outcome.IN_PERSON, Outcome.PRESENT_REMOTE):
        # Present remotely is recorded only where the law made it presence (rules.remote):
        # it is attendance whatever the setting, which is for remote observers.
        return True
    return outcome is Outcome.REMOTE and remote_counts_on(day, settings)


def position(
    person: Person,
    attendances: list[date],
    approvals: list[AbsenceApproval],
    as_of: date,
    settings: AttendanceSettings,
    took_office: date | None = None,
) -> SixMonthPosition:
    """Where ``person`` stands under section 85 on ``as_of``.

    ``attendances`` are the dates of qualifying attendance (see ``qualifies``); ``approvals``
    the council's approvals of the person's reasons; ``took_office`` the earliest date the
    person is known to have been a member, counted from when nothing has been attended yet.
    """
    if not applies_to(person):
        return SixMonthPosition(Standing.NOT_APPLICABLE)
    days = sorted({d for d in attendances if d <= as_of})
    anchor = days[0] if days else took_office
    if anchor is None:
        return SixMonthPosition(Standing.UNKNOWN)
    if took_office is not None and took_office < anchor:
        anchor = took_office
    # Walk the attendances and approvals in date order; an attendance on the same day as an
    # approval comes first.
    events: list[tuple[date, int, AbsenceApproval | None]] = [(d, 0, None) for d in days]
    events += [(a.approved_on, 1, a) for a in approvals if a.approved_on <= as_of]
    events.sort(key=lambda e: (e[0], e[1], e[2].id if e[2] else 0))
    last: date | None = None
    ends: date | None = period_end(anchor)
    stopped_by: AbsenceApproval | None = None
    restarted_by: AbsenceApproval | None = None
    late: list[AbsenceApproval] = []
    for day, _order, approval in events:
        if ends is not None and day > ends:
            if approval is not None:
                late.append(approval)
            return _ceased(last, ends, restarted_by, late, events, day)
        if approval is None:
            last, ends, stopped_by, restarted_by = day, period_end(day), None, None
        elif approval.until is None:
            ends, stopped_by = None, approval
        else:
            ends = max(ends or approval.until, period_end(approval.until))
            stopped_by, restarted_by = None, approval
    if ends is None:
        return SixMonthPosition(Standing.APPROVED, last, None, stopped_by)
    if as_of > ends:
        return SixMonthPosition(Standing.CEASED, last, ends, restarted_by, tuple(late))
    warning = (ends - as_of).days <= 7 * settings.warning_weeks
    standing = Standing.WARNING if warning else Standing.CLEAR
    return SixMonthPosition(standing, last, ends, restarted_by)


def _ceased(
    last: date | None,
    ends: date,
    restarted_by: AbsenceApproval | None,
    late: list[AbsenceApproval],
    events: list[tuple[date, int, AbsenceApproval | None]],
    after: date,
) -> SixMonthPosition:
    """Ceased at ``ends``: later approvals are noted as too late; later attendance changes
    nothing (the seat is not restored by coming back)."""
    late += [a for day, _o, a in events if a is not None and day > after and a not in late]
    return SixMonthPosition(Standing.CEASED, last, ends, restarted_by, tuple(late))
