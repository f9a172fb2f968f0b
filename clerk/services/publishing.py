"""File → Publish: the open data and the calendars written into a folder, ready to upload."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from clerk.domain.errors import ClerkError
from clerk.fileio import write_bytes, write_text
from clerk.services import catalogue
from clerk.services.calendar_ics import committee_calendar
from clerk.services.open_data import export_open_data
from clerk.storage.database import Database


def publish(
    database: Database,
    folder: Path,
    slugs: list[str] | None = None,
    start: date | None = None,
    end: date | None = None,
    minutes_url: str = "",
    calendars: bool = True,
) -> list[Path]:
    """``open-data.json`` (or ``<committee>-open-data.json``) and ``<committee>.ics`` per
    committee; returns the files written."""
    chosen = slugs or [c.slug for c in catalogue.committees(database)]
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ClerkError(f"Cannot make the folder {folder}: {error.strerror}.") from None
    name = f"{chosen[0]}-open-data.json" if len(chosen) == 1 else "open-data.json"
    written = [
        write_text(folder / name, export_open_data(database, chosen, start, end, minutes_url))
    ]
    if calendars:
        for slug in chosen:
            if catalogue.meetings(database, slug):
                data = committee_calendar(database, slug, minutes_url)
                written.append(write_bytes(folder / f"{slug}.ics", data))
    return written
