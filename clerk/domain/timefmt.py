"""Times and dates as minutes print them: "11.05 am", "18 August 2021", "18/8/21".

Month and day names are English whatever the process locale (Qt sets the locale from the
desktop, and minutes are published in English).
"""

from datetime import date, time

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def clock(at: time) -> str:
    hour = at.hour % 12 or 12
    suffix = "am" if at.hour < 12 else "pm"
    return f"{hour}.{at.minute:02d} {suffix}"


def long_date(day: date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def weekday_date(day: date) -> str:
    return f"{WEEKDAYS[day.weekday()]}, {long_date(day)}"


def short_date(day: date) -> str:
    return f"{day.day}/{day.month}/{day:%y}"
