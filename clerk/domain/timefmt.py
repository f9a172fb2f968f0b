"""Times and dates as minutes print them: "11.05 am", "18 August 2021", "18/8/21"."""

from datetime import date, time


def clock(at: time) -> str:
    hour = at.hour % 12 or 12
    suffix = "am" if at.hour < 12 else "pm"
    return f"{hour}.{at.minute:02d} {suffix}"


def long_date(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def weekday_date(day: date) -> str:
    return f"{day:%A}, {day.day} {day:%B %Y}"


def short_date(day: date) -> str:
    return f"{day.day}/{day.month}/{day:%y}"
