"""Five clear days (s.100B LGA 1972): bank holidays of England and Wales, worked out offline."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from clerk.domain.rules.clear_days import (
    bank_holidays,
    clear_days,
    easter_sunday,
    is_late,
    is_working_day,
    latest_publication,
)

# The published lists (GOV.UK), special cases included.
KNOWN = {
    2020: {"01-01", "04-10", "04-13", "05-08", "05-25", "08-31", "12-25", "12-28"},
    2021: {"01-01", "04-02", "04-05", "05-03", "05-31", "08-30", "12-27", "12-28"},
    2022: {
        *("01-03", "04-15", "04-18", "05-02", "06-02"),
        *("06-03", "08-29", "09-19", "12-26", "12-27"),
    },
    2023: {"01-02", "04-07", "04-10", "05-01", "05-08", "05-29", "08-28", "12-25", "12-26"},
    2012: {"01-02", "04-06", "04-09", "05-07", "06-04", "06-05", "08-27", "12-25", "12-26"},
    2011: {"01-03", "04-22", "04-25", "04-29", "05-02", "05-30", "08-29", "12-26", "12-27"},
    1995: {"01-02", "04-14", "04-17", "05-08", "05-29", "08-28", "12-25", "12-26"},
}


def test_bank_holidays_match_the_published_lists_with_their_special_cases() -> None:
    for year, days in KNOWN.items():
        expected = {date.fromisoformat(f"{year}-{d}") for d in days}
        assert bank_holidays(year) == expected, year


def test_easter_by_the_gregorian_rule() -> None:
    assert easter_sunday(2021) == date(2021, 4, 4)
    assert easter_sunday(2019) == date(2019, 4, 21)
    assert easter_sunday(2038) == date(2038, 4, 25)


def test_the_seed_was_published_on_the_last_day_that_leaves_five_clear_days() -> None:
    # Friday 10 September 2021 for Monday 20 September: Mon 13 to Fri 17 are the clear days.
    assert clear_days(date(2021, 9, 10), date(2021, 9, 20)) == 5
    assert latest_publication(date(2021, 9, 20)) == date(2021, 9, 10)
    assert is_late(date(2021, 9, 13), date(2021, 9, 20))
    assert not is_late(date(2021, 9, 10), date(2021, 9, 20))


def test_bank_holidays_do_not_count_as_clear_days() -> None:
    # Friday 4 June 2021: Thu 3, Wed 2, Tue 1, (Mon 31 May, a bank holiday), Fri 28, Thu 27.
    assert clear_days(date(2021, 5, 26), date(2021, 6, 4)) == 5
    assert clear_days(date(2021, 5, 27), date(2021, 6, 4)) == 4
    assert latest_publication(date(2021, 6, 4)) == date(2021, 5, 26)
    # Christmas and Boxing Day 2021 were observed on Monday 27 and Tuesday 28 December.
    assert not is_working_day(date(2021, 12, 28))
    # Friday 7 January 2022: Thu 6, Wed 5, Tue 4, (Mon 3, New Year), Fri 31, Thu 30 December.
    assert latest_publication(date(2022, 1, 7)) == date(2021, 12, 29)


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2060, 12, 31)))
def test_the_latest_day_is_a_working_day_and_the_next_working_day_is_too_late(day: date) -> None:
    latest = latest_publication(day)
    assert is_working_day(latest)
    assert clear_days(latest, day) >= 5
    following = latest + timedelta(days=1)
    while not is_working_day(following):
        following += timedelta(days=1)
    assert clear_days(following, day) < 5
