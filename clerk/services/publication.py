"""The five-clear-days clock for an agenda (s.100B LGA 1972), as the pack screen shows it.

Kept apart from the pack's building (which needs the documents packages) so the window can
show the latest day to publish before anything is generated.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from clerk.domain.rules.clear_days import NOTICE_DAYS, clear_days, latest_publication
from clerk.domain.timefmt import weekday_date


@dataclass(frozen=True)
class PublicationCheck:
    """The five-clear-days clock for a meeting, against a day of publication."""

    meeting: date
    published: date
    latest: date
    clear_days: int

    @property
    def late(self) -> bool:
        return self.clear_days < NOTICE_DAYS

    def warning(self) -> str | None:
        if not self.late:
            return None
        days = "clear day" if self.clear_days == 1 else "clear days"
        return (
            f"Published on {weekday_date(self.published)}, the agenda gives "
            f"{self.clear_days} {days} before the meeting of {weekday_date(self.meeting)}; "
            f"the law asks for {NOTICE_DAYS} (Local Government Act 1972, s.100B): the latest "
            f"day to publish was {weekday_date(self.latest)}."
        )


def publication_check(meeting: date, published: date) -> PublicationCheck:
    return PublicationCheck(
        meeting=meeting,
        published=published,
        latest=latest_publication(meeting),
        clear_days=clear_days(published, meeting),
    )
