"""Five clear days: when an agenda must be published (Local Government Act 1972, s.100B).

The agenda and reports must be open to inspection at least five clear days before the
meeting. Clear days leave out the day of publication, the day of the meeting, Saturdays,
Sundays and the bank holidays of England and Wales. A late agenda is the council's risk, not
Clerk's to forbid: the pack is still produced, with a warning, and an item added late goes
in a supplementary pack with the chair's reason for urgency (s.100B(4)(b)).

Bank holidays are worked out by rule, with the one-off changes proclaimed since 1978 (when
the early May holiday began); no network is needed. A holiday proclaimed after this Clerk
was released is not known to it.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache

NOTICE_DAYS = 5

#: Holidays added for one year only (jubilees, royal weddings, the millennium, a state funeral,
#: a coronation).
EXTRA_HOLIDAYS: frozenset[date] = frozenset(
    {
        date(1981, 7, 29),  # wedding of the Prince of Wales
        date(1999, 12, 31),  # the millennium
        date(2002, 6, 3),  # Golden Jubilee
        date(2011, 4, 29),  # wedding of Prince William
        date(2012, 6, 5),  # Diamond Jubilee
        date(2022, 6, 3),  # Platinum Jubilee
        date(2022, 9, 19),  # state funeral of Queen Elizabeth II
        date(2023, 5, 8),  # coronation of King Charles III
    }
)

#: Regular holidays moved in one year: (year, which) -> the day it fell on instead.
MOVED_HOLIDAYS: dict[tuple[int, str], date] = {
    (1995, "early-may"): date(1995, 5, 8),  # 50th anniversary of VE Day
    (2020, "early-may"): date(2020, 5, 8),  # 75th anniversary of VE Day
    (2002, "spring"): date(2002, 6, 4),  # Golden Jubilee
    (2012, "spring"): date(2012, 6, 4),  # Diamond Jubilee
    (2022, "spring"): date(2022, 6, 2),  # Platinum Jubilee
}


def easter_sunday(year: int) -> date:
    """Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _first_monday(year: int, month: int) -> date:
    day = date(year, month, 1)
    return day + timedelta(days=(7 - day.weekday()) % 7)


def _last_monday(year: int, month: int) -> date:
    following = date(year + month // 12, month % 12 + 1, 1)
    day = following - timedelta(days=1)
    return day - timedelta(days=day.weekday())


def _next_weekday(day: date, taken: set[date]) -> date:
    """The substitute day for a holiday on a weekend: the next weekday not already a holiday."""
    while day.weekday() >= 5 or day in taken:
        day += timedelta(days=1)
    return day


@cache
def bank_holidays(year: int) -> frozenset[date]:
    """The bank holidays of England and Wales in ``year``, substitute days included."""
    easter = easter_sunday(year)
    days: set[date] = {easter - timedelta(days=2), easter + timedelta(days=1)}
    days.add(MOVED_HOLIDAYS.get((year, "early-may"), _first_monday(year, 5)))
    days.add(MOVED_HOLIDAYS.get((year, "spring"), _last_monday(year, 5)))
    days.add(_last_monday(year, 8))
    new_year = date(year, 1, 1)
    days.add(_next_weekday(new_year, set()))
    # Christmas Day, then Boxing Day: each on a weekend moves to the next free weekday.
    christmas = _next_weekday(date(year, 12, 25), set())
    days.add(christmas)
    days.add(_next_weekday(date(year, 12, 26), {christmas}))
    days.update(d for d in EXTRA_HOLIDAYS if d.year == year)
    return frozenset(days)


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in bank_holidays(day.year)


def clear_days(published: date, meeting: date) -> int:
    """Working days strictly between the day of publication and the day of the meeting."""
    count = 0
    day = published + timedelta(days=1)
    while day < meeting:
        if is_working_day(day):
            count += 1
        day += timedelta(days=1)
    return count


def latest_publication(meeting: date, notice: int = NOTICE_DAYS) -> date:
    """The last working day on which publishing still leaves ``notice`` clear days."""
    day, counted = meeting, 0
    while counted < notice:
        day -= timedelta(days=1)
        if is_working_day(day):
            counted += 1
    day -= timedelta(days=1)
    while not is_working_day(day):
        day -= timedelta(days=1)
    return day


def is_late(published: date, meeting: date, notice: int = NOTICE_DAYS) -> bool:
    return clear_days(published, meeting) < notice
