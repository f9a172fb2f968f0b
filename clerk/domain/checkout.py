"""A meeting taken to a laptop and brought back: who holds it, and what may be recorded where.

The team's database keeps a check-out for each meeting that has gone to a laptop (the meeting
being recorded, and the earlier meeting whose minutes it will confirm); the laptop keeps one
for each meeting it copied, saying where from. While a check-out is out, the team's copy may be
read but not recorded on; the laptop's copy may be recorded on until it is brought back.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import StrEnum

from clerk.domain.journal import GENESIS
from clerk.domain.timefmt import long_date


class Side(StrEnum):
    #: This database is the team's: the meeting is out on a laptop.
    TEAM = "team"
    #: This database is the laptop's: the meeting is a copy from the team's.
    LAPTOP = "laptop"


class CheckoutRole(StrEnum):
    #: The meeting taken to be recorded.
    RECORD = "record"
    #: The earlier meeting whose minutes the recorded one confirms (its sign-off goes too).
    CONFIRM = "confirm"
    #: Copied for reference only (numbering, the action tracker): never recorded on the laptop.
    REFERENCE = "reference"


class CheckoutState(StrEnum):
    OUT = "out"
    #: Brought back: the laptop's entries are in the team's database.
    RETURNED = "returned"
    #: Broken by an administrator on the team's database; the laptop learns at check-in.
    BROKEN = "broken"
    #: Brought back as a JSON file for the team, not applied.
    SAVED = "saved"


@dataclass(frozen=True)
class Checkout:
    side: Side
    token: str
    role: CheckoutRole
    state: CheckoutState
    machine: str
    who: str
    #: UTC, without a zone (as the journal keeps its times).
    checked_out_at: datetime
    #: Laptop side: the team's database, as an address without any password.
    team: str = ""
    #: Laptop side: the meeting's id in the team's database.
    team_meeting_id: int | None = None
    #: The journal's last entry when the meeting was copied: the laptop's entries follow it.
    base_seq: int = 0
    base_hash: str = GENESIS
    closed_at: datetime | None = None
    closed_by: str = ""
    reason: str = ""

    @property
    def is_out(self) -> bool:
        return self.state is CheckoutState.OUT


def place(address: str) -> str:
    """A team database's address for a sentence: host and database, no scheme or user."""
    scheme, _sep, rest = address.partition("://")
    if scheme.startswith("sqlite"):
        return rest[1:] if rest.startswith("/") else rest  # sqlite:////path: the file
    rest = rest.rsplit("@", 1)[-1]
    where, _sep, query = rest.partition("?")
    if where.strip("/") == "" and "service=" in query:
        return query.split("service=", 1)[1].split("&", 1)[0]  # a PostgreSQL service file's
    return where or address


def local(moment: datetime) -> datetime:
    """A journal time (UTC without a zone) in this computer's time zone."""
    return moment.replace(tzinfo=UTC).astimezone()


def when(moment: datetime, today: date) -> str:
    """'09:02', or '09:02 on 20 September 2021' when that is not today."""
    at = local(moment)
    stamp = f"{at:%H:%M}"
    return stamp if at.date() == today else f"{stamp} on {long_date(at.date())}"


def holder(checkout: Checkout, today: date) -> str:
    """'Checked out to LAPTOP-7 by Jo Smith at 09:02'."""
    return (
        f"Checked out to {checkout.machine} by {checkout.who} at "
        f"{when(checkout.checked_out_at, today)}"
    )


def refusal(checkout: Checkout | None, today: date, carrying: str = "") -> str | None:
    """Why nothing may be recorded on a meeting with this check-out, or None.

    ``carrying``: the token of the check-in bringing this very check-out back, which alone
    may record on the team's copy while it is out.
    """
    if checkout is None:
        return None
    if checkout.side is Side.TEAM:
        if checkout.is_out and checkout.token != carrying:
            return f"{holder(checkout, today)}; recorded there until it is brought back."
        return None
    if checkout.role is CheckoutRole.REFERENCE:
        return (
            "This is a copy for reference from the team's database "
            f"({place(checkout.team)}), taken at {when(checkout.checked_out_at, today)}: "
            "record on it there."
        )
    if checkout.state is CheckoutState.OUT:
        return None
    closed = when(checkout.closed_at, today) if checkout.closed_at else "an earlier time"
    if checkout.state is CheckoutState.SAVED:
        return (
            f"This laptop's record was saved as a file for the team at {closed}: take the "
            "meeting to this laptop again to record on it."
        )
    return (
        f"Brought back to the team's database ({place(checkout.team)}) at {closed}: take it "
        "to this laptop again to record on it."
    )


def on_this_laptop(checkout: Checkout, today: date) -> str:
    """The status bar of a meeting out on this laptop."""
    return (
        f"On this laptop: taken from the team's database ({place(checkout.team)}) at "
        f"{when(checkout.checked_out_at, today)} by {checkout.who}; bring it back with "
        "Meeting, Bring back."
    )


def list_note(checkout: Checkout | None, today: date) -> str:
    """What the list of meetings says about a meeting's check-out (empty: nothing)."""
    if checkout is None:
        return ""
    since = when(checkout.checked_out_at, today)
    if checkout.side is Side.TEAM:
        return f"Checked out to {checkout.machine} by {checkout.who} since {since}"
    if checkout.role is CheckoutRole.REFERENCE:
        return f"Copy for reference from {place(checkout.team)}"
    if checkout.state is CheckoutState.OUT:
        return f"On this laptop since {since}, from {place(checkout.team)}"
    closed = when(checkout.closed_at, today) if checkout.closed_at else ""
    verb = "Saved as a file" if checkout.state is CheckoutState.SAVED else "Brought back"
    return f"{verb} at {closed}" if closed else verb
