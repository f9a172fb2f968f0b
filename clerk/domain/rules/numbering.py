"""Minute numbers: in order through the municipal year, restarting at its first meeting."""

from datetime import date


def municipal_year_start(day: date, start_month: int, start_day: int) -> date:
    """The first day of the municipal year that ``day`` falls in."""
    this_year = date(day.year, start_month, start_day)
    return this_year if day >= this_year else date(day.year - 1, start_month, start_day)


def same_municipal_year(a: date, b: date, start_month: int, start_day: int) -> bool:
    return municipal_year_start(a, start_month, start_day) == municipal_year_start(
        b, start_month, start_day
    )


def next_minute_number(used_in_meeting: list[int], start: int | None, earlier_max: int) -> int:
    """The number for the next item minuted.

    ``start`` is the meeting's first number when the clerk set it (numbering carried over
    from a system Clerk has no record of); ``earlier_max`` is the highest number used at
    earlier meetings of the committee in the same municipal year (0 when none).
    """
    if used_in_meeting:
        return max(used_in_meeting) + 1
    if start is not None:
        return start
    return earlier_max + 1


def format_minute(
    pattern: str,
    number: int,
    meeting_date: date,
    year_start: tuple[int, int] = (5, 1),
    prefix: str = "",
) -> str:
    """Apply a council's pattern: ``{n}``, ``{n}/{month}/{yy}`` (10/7/21), ``{yyyy}``; the
    municipal year's first year ``{myy}`` / ``{myyyy}`` and the committee's ``{prefix}``:
    ``{prefix}{n}/{myy}`` gives "DEV12/23" for a meeting in February 2024 of the 2023/24 year."""
    start = municipal_year_start(meeting_date, *year_start)
    try:
        return pattern.format(
            n=number,
            month=meeting_date.month,
            mm=f"{meeting_date.month:02d}",
            yy=f"{meeting_date:%y}",
            yyyy=meeting_date.year,
            myy=f"{start:%y}",
            myyyy=start.year,
            prefix=prefix,
        )
    except (KeyError, IndexError, ValueError) as error:
        raise ValueError(f"Minute number pattern {pattern!r} is not valid: {error}") from None
