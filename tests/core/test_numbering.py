"""Minute numbers run through the municipal year and restart at its first meeting."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clerk.domain.actions.agenda import AddItem
from clerk.domain.actions.proceedings import OpenItem, StartMeeting
from clerk.domain.rules.numbering import (
    format_minute,
    municipal_year_start,
    next_minute_number,
    same_municipal_year,
)
from clerk.services import setup
from clerk.services.recording import MeetingSession
from clerk.storage.database import Database


def test_municipal_year_starts_in_may() -> None:
    assert municipal_year_start(date(2021, 8, 18), 5, 1) == date(2021, 5, 1)
    assert municipal_year_start(date(2022, 3, 1), 5, 1) == date(2021, 5, 1)
    assert not same_municipal_year(date(2022, 4, 30), date(2022, 5, 1), 5, 1)


def test_council_patterns() -> None:
    assert format_minute("{n}", 10, date(2021, 7, 27)) == "10"
    assert format_minute("{n}/{month}/{yy}", 10, date(2021, 7, 27)) == "10/7/21"
    with pytest.raises(ValueError, match="not valid"):
        format_minute("{nope}", 1, date(2021, 7, 27))


@given(used=st.lists(st.integers(1, 200), max_size=6), start=st.none() | st.integers(1, 50))
def test_next_number_follows_the_last_used(used: list[int], start: int | None) -> None:
    number = next_minute_number(used, start, earlier_max=13)
    if used:
        assert number == max(used) + 1
    else:
        assert number == (start if start is not None else 14)


def _take_items(database: Database, meeting_id: int, count: int) -> list[int | None]:
    session = MeetingSession(database, meeting_id)
    session.apply(StartMeeting())
    for n in range(count):
        session.apply(AddItem(number=f"X{n}", title=f"Business {n}"))
    numbers = []
    for item in session.record.agenda()[-count:]:
        session.apply(OpenItem(item=item.id))
        numbers.append(session.record.items[item.id].minute_number)
    return numbers


def test_numbers_continue_between_meetings_and_restart_in_a_new_year(
    demo_database: Database,
) -> None:
    # The demo's 18 August 2021 meeting used Minutes 14 to 17.
    september = 2
    assert _take_items(demo_database, september, 2) == [18, 19]
    october = setup.create_meeting(demo_database, "cyp-scrutiny-board", date(2021, 10, 18))
    assert _take_items(demo_database, october, 1) == [20]
    next_year = setup.create_meeting(demo_database, "cyp-scrutiny-board", date(2022, 6, 6))
    assert _take_items(demo_database, next_year, 2) == [1, 2]


def test_a_number_used_by_a_later_meeting_is_refused_until_the_start_is_set(
    sqlite_demo: Database,
) -> None:
    from clerk.domain.actions.proceedings import SetMinuteStart
    from clerk.domain.errors import RuleViolation

    assert _take_items(sqlite_demo, 2, 2) == [18, 19]  # 20 September
    early = setup.create_meeting(sqlite_demo, "cyp-scrutiny-board", date(2021, 9, 1))
    session = MeetingSession(sqlite_demo, early)
    session.apply(StartMeeting())
    with pytest.raises(RuleViolation, match="Minute 18 is already used by another meeting"):
        session.apply(OpenItem(item=1))
    with pytest.raises(RuleViolation, match="already used"):
        session.apply(SetMinuteStart(19))
    session.apply(SetMinuteStart(30))
    session.apply(OpenItem(item=1))
    assert session.record.items[1].minute_number == 30
