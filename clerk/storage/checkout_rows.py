"""Check-out rows to ``Checkout`` values, with no SQLAlchemy: the first screen reads them too."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from clerk.domain.checkout import Checkout, CheckoutRole, CheckoutState, Side


def _when(value: Any) -> Any:
    """SQLite through the standard library gives a stored date-time back as text."""
    if isinstance(value, str):
        return datetime.fromisoformat(value)
    return value


def checkout_from_row(row: Any) -> Checkout:
    """``row``: a mapping of column to value (an SQLAlchemy row mapping, or a dict)."""
    return Checkout(
        side=Side(row["side"]),
        token=row["token"],
        role=CheckoutRole(row["role"]),
        state=CheckoutState(row["state"]),
        machine=row["machine"],
        who=row["who"],
        checked_out_at=_when(row["checked_out_at"]),
        team=row["team"],
        team_meeting_id=row["team_meeting_id"],
        base_seq=row["base_seq"],
        base_hash=row["base_hash"],
        closed_at=_when(row["closed_at"]),
        closed_by=row["closed_by"],
        reason=row["reason"],
    )


def current_per_meeting(rows: Iterable[Any]) -> dict[int, Checkout]:
    """The check-out that says the most about each meeting, from its rows in id order: one out
    on a laptop (team side), else the latest copy taken from the team (laptop side)."""
    found: dict[int, Checkout] = {}
    for row in rows:
        checkout = checkout_from_row(row)
        held = found.get(row["meeting_id"])
        if held is not None and held.side is Side.TEAM:
            continue  # one out on a laptop says the most
        if checkout.side is Side.LAPTOP or checkout.is_out:
            found[row["meeting_id"]] = checkout
    return found
