"""The six-month rule (s.85 LGA 1972): each reading in docs/six-month-rule.md as a test."""

from __future__ import annotations

from datetime import date, time

import pytest

from clerk.domain.actions.attendance import Apologies, Present, RemoteObserver, Substitute
from clerk.domain.attendance_record import Outcome, classify
from clerk.domain.entities import Person
from clerk.domain.enums import AttendanceStatus, PersonKind
from clerk.domain.rules.six_months import (
    AbsenceApproval,
    AttendanceSettings,
    Standing,
    add_months,
    attended,
    period_end,
    position,
    qualifies,
)
from tests.core.builders import apply, board_record

COUNCILLOR = Person("bye", "Bye", PersonKind.COUNCILLOR, "Councillor")
CO_OPTEE = Person("wilson", "Tatiana Wilson", PersonKind.CO_OPTEE)
SETTINGS = AttendanceSettings(warning_weeks=4)


def approval(on: date, until: date | None = None, n: int = 1) -> AbsenceApproval:
    return AbsenceApproval(n, "bye", on, f"Minute {n}/{on.month}/{on.year % 100}", "illness", until)


@pytest.mark.parametrize(
    ("last", "ends"),
    [
        (date(2023, 10, 12), date(2024, 4, 12)),  # Bury, 2024: the corresponding date
        (date(2023, 8, 31), date(2024, 2, 29)),  # no 31 February: the month's last day (leap)
        (date(2022, 8, 31), date(2023, 2, 28)),
        (date(2023, 9, 30), date(2024, 3, 30)),  # not the month's end: the same day number
        (date(2023, 2, 28), date(2023, 8, 28)),
        (date(2023, 12, 31), date(2024, 6, 30)),
        (date(2023, 7, 15), date(2024, 1, 15)),  # across the new year
    ],
)
def test_the_period_ends_on_the_corresponding_date_six_months_on(last: date, ends: date) -> None:
    assert period_end(last) == ends
    assert add_months(last, 6) == ends


def test_the_period_runs_from_the_day_after_and_its_last_day_still_counts() -> None:
    last = date(2023, 10, 12)
    on_last_day = position(COUNCILLOR, [last, date(2024, 4, 12)], [], date(2024, 5, 1), SETTINGS)
    assert on_last_day.standing is Standing.CLEAR
    assert on_last_day.last_attendance == date(2024, 4, 12)
    day_after = position(COUNCILLOR, [last, date(2024, 4, 13)], [], date(2024, 5, 1), SETTINGS)
    assert day_after.standing is Standing.CEASED
    assert day_after.period_ends == date(2024, 4, 12)
    assert day_after.ceased_on == date(2024, 4, 13)
    # The later attendance did not restore the seat.
    assert day_after.last_attendance == last


def test_warning_within_the_councils_weeks() -> None:
    last = date(2024, 1, 10)  # ends 2024-07-10
    assert position(COUNCILLOR, [last], [], date(2024, 6, 11), SETTINGS).standing is Standing.CLEAR
    assert (
        position(COUNCILLOR, [last], [], date(2024, 6, 12), SETTINGS).standing is Standing.WARNING
    )
    assert (
        position(COUNCILLOR, [last], [], date(2024, 7, 10), SETTINGS).standing is Standing.WARNING
    )
    assert position(COUNCILLOR, [last], [], date(2024, 7, 11), SETTINGS).standing is Standing.CEASED
    eight = AttendanceSettings(warning_weeks=8)
    assert position(COUNCILLOR, [last], [], date(2024, 5, 20), eight).standing is Standing.WARNING


def test_an_approval_before_expiry_stops_the_clock() -> None:
    last = date(2024, 1, 10)
    granted = approval(date(2024, 7, 10))  # the last day of the period: still in time
    result = position(COUNCILLOR, [last], [granted], date(2025, 3, 1), SETTINGS)
    assert result.standing is Standing.APPROVED
    assert result.approval == granted and result.period_ends is None
    # Attending again starts the clock afresh from that attendance.
    back = position(COUNCILLOR, [last, date(2025, 1, 6)], [granted], date(2025, 3, 1), SETTINGS)
    assert back.standing is Standing.CLEAR and back.period_ends == date(2025, 7, 6)


def test_an_approval_after_expiry_is_too_late() -> None:
    last = date(2024, 1, 10)
    late = approval(date(2024, 7, 11))
    result = position(COUNCILLOR, [last], [late], date(2024, 9, 1), SETTINGS)
    assert result.standing is Standing.CEASED
    assert result.period_ends == date(2024, 7, 10)
    assert result.late_approvals == (late,)


def test_an_approval_with_an_end_date_restarts_six_months_from_it() -> None:
    last = date(2024, 1, 10)
    granted = approval(date(2024, 5, 1), until=date(2024, 9, 30))
    result = position(COUNCILLOR, [last], [granted], date(2024, 12, 1), SETTINGS)
    assert result.standing is Standing.CLEAR
    assert result.period_ends == date(2025, 3, 30)
    assert position(COUNCILLOR, [last], [granted], date(2025, 3, 31), SETTINGS).standing is (
        Standing.CEASED
    )


def test_an_approval_before_the_last_attendance_is_spent() -> None:
    early = approval(date(2023, 12, 1))
    result = position(COUNCILLOR, [date(2024, 1, 10)], [early], date(2024, 8, 1), SETTINGS)
    assert result.standing is Standing.CEASED


def test_co_optees_are_not_members_of_the_authority() -> None:
    assert position(CO_OPTEE, [], [], date(2024, 8, 1), SETTINGS).standing is (
        Standing.NOT_APPLICABLE
    )


def test_never_attended_counts_from_taking_office_or_says_unknown() -> None:
    assert position(COUNCILLOR, [], [], date(2024, 8, 1), SETTINGS).standing is Standing.UNKNOWN
    result = position(COUNCILLOR, [], [], date(2024, 8, 1), SETTINGS, took_office=date(2024, 5, 9))
    assert result.standing is Standing.CLEAR and result.period_ends == date(2024, 11, 9)


def test_a_substitutes_attendance_counts() -> None:
    record = board_record(day=date(2024, 3, 4))
    apply(record, Present("bye"), Substitute(person="howgate", replaces="mandy-darling"))
    substitute = classify(record, "howgate")
    assert substitute.outcome is Outcome.IN_PERSON and substitute.substitute_for == "mandy-darling"
    assert qualifies(substitute, record.meeting.date, SETTINGS)
    member = classify(record, "mandy-darling")
    assert member.outcome is Outcome.APOLOGIES and member.substituted_by == "howgate"
    assert not qualifies(member, record.meeting.date, SETTINGS)


def test_remote_attendance_counts_only_by_setting_or_under_the_2020_regulations() -> None:
    remote = {AttendanceStatus.REMOTE_OBSERVER}
    assert not attended(remote, date(2021, 5, 7), SETTINGS)
    assert attended(remote, date(2021, 5, 6), SETTINGS)  # the last day of the 2020 regulations
    assert attended(remote, date(2020, 4, 4), SETTINGS)
    assert not attended(remote, date(2020, 4, 3), SETTINGS)
    assert attended(remote, date(2023, 1, 5), AttendanceSettings(remote_counts=True))
    record = board_record(day=date(2022, 3, 4))
    apply(record, RemoteObserver("bye"), Apologies("barnby"))
    assert classify(record, "bye").outcome is Outcome.REMOTE
    assert not qualifies(classify(record, "bye"), record.meeting.date, SETTINGS)
    assert not attended({AttendanceStatus.APOLOGIES}, date(2022, 3, 4), SETTINGS)


def test_attendance_late_or_leaving_early_still_counts() -> None:
    from clerk.domain.actions.attendance import Arrive, Leave
    from clerk.domain.actions.proceedings import StartMeeting

    record = board_record(day=date(2024, 3, 4))
    apply(record, Present("barnby"), StartMeeting(at=time(9, 30)), Arrive("bye", at=time(10, 0)))
    apply(record, Leave("barnby", at=time(11, 0)))
    bye, barnby = classify(record, "bye"), classify(record, "barnby")
    assert bye.outcome is Outcome.IN_PERSON and bye.arrived_late
    assert barnby.outcome is Outcome.IN_PERSON and barnby.left_early
