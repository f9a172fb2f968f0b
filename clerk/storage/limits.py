"""What fits in a column, checked before writing, the same on SQLite and PostgreSQL.

SQLite stores any length of text and 64-bit whole numbers; PostgreSQL refuses text longer
than a ``VARCHAR(n)`` and numbers beyond 32 bits. Checking here first turns either refusal
into one clear sentence naming the field, with nothing written.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import Integer, String, Table

from clerk.domain.collections import REGISTRY
from clerk.domain.errors import ClerkError

INT_MAX = 2**31 - 1

#: How a row of each table is named in a message (the record's collections name their own).
NOUNS = {
    "council": "the council",
    "persons": "a person",
    "committees": "a committee",
    "memberships": "a membership",
    "meetings": "the meeting",
    "journal": "a journal entry",
    "register": "a register entry",
    **{c.table: c.row_noun for c in REGISTRY},
}


class DoesNotFit(ClerkError):
    """A value is too long or too large for the database; nothing was written."""


def _preview(text: str) -> str:
    short = text if len(text) <= 40 else text[:37] + "..."
    return short.encode("unicode_escape").decode("ascii") if not short.isprintable() else short


def fit(table: Table, values: Mapping[str, Any]) -> Mapping[str, Any]:
    """``values`` unchanged when every one fits its column; else ``DoesNotFit``."""
    noun = NOUNS.get(table.name, table.name)
    for name, value in values.items():
        column = table.columns.get(name)
        if column is None or value is None:
            continue
        field = name.replace("_", " ")
        if isinstance(column.type, String) and isinstance(value, str):
            if "\x00" in value:
                raise DoesNotFit(
                    f"The {field} of {noun} contains a NUL character, which cannot be stored."
                )
            length = column.type.length
            if length is not None and len(value) > length:
                raise DoesNotFit(
                    f"The {field} of {noun} is too long ({len(value)} characters; at most "
                    f"{length} fit): '{_preview(value)}'."
                )
        elif (
            isinstance(column.type, Integer)
            and isinstance(value, int)
            and not -INT_MAX <= value <= INT_MAX
        ):
            raise DoesNotFit(f"The {field} of {noun} is too large a number ({value}).")
    return values
