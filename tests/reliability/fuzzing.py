"""Hypothesis strategies for bad input: random JSON, and mutations of valid documents."""

from __future__ import annotations

import copy
import hashlib
from typing import Any

from hypothesis import strategies as st
from sqlalchemy import select

from clerk.storage.database import Database
from clerk.storage.models import Base

#: Values that have broken readers before: wrong types, edge numbers, odd strings.
NASTY: list[Any] = [
    None,
    True,
    False,
    0,
    -1,
    2**31,
    2**63,
    -(2**63) - 1,
    10**30,
    1.5,
    float("1e308"),
    "",
    " ",
    "\x00",
    "x" * 5000,
    "2021-02-30",
    "25:61",
    "9999-12-31",
    "0000-01-01",
    "09:30:00.5",
    "é\u202e\ud7ff",
    [],
    {},
    [None],
    {"text": "x"},
]

json_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=30),
    st.sampled_from(NASTY),
)
json_values = st.recursive(
    json_scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.text(max_size=12), inner, max_size=4),
    ),
    max_leaves=20,
)


def paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in a JSON value, as a tuple of keys and indexes."""
    found = [prefix]
    if isinstance(value, dict):
        for key, inner in value.items():
            found.extend(paths(inner, (*prefix, key)))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            found.extend(paths(inner, (*prefix, index)))
    return found


def _parent(document: Any, path: tuple[Any, ...]) -> Any:
    node = document
    for key in path[:-1]:
        node = node[key]
    return node


@st.composite
def mutations(draw: st.DrawFn, valid: Any, rounds: int = 3) -> Any:
    """A valid document with one to ``rounds`` random changes: a value replaced, a key
    removed or added, a list element dropped or repeated, two values swapped."""
    document = copy.deepcopy(valid)
    for _ in range(draw(st.integers(min_value=1, max_value=rounds))):
        places = paths(document)
        path = draw(st.sampled_from(places))
        how = draw(st.sampled_from(["replace", "remove", "add", "drop", "repeat", "swap", "nasty"]))
        if not path:
            if how in ("replace", "nasty"):
                document = draw(json_values)
            continue
        parent, key = _parent(document, path), path[-1]
        if how == "replace":
            parent[key] = draw(json_values)
        elif how == "nasty":
            parent[key] = draw(st.sampled_from(NASTY))
        elif how == "remove":
            del parent[key]
        elif how == "add" and isinstance(parent, dict):
            parent[draw(st.text(max_size=10))] = draw(json_values)
        elif how == "drop" and isinstance(parent[key], list) and parent[key]:
            parent[key].pop(draw(st.integers(0, len(parent[key]) - 1)))
        elif how == "repeat" and isinstance(parent[key], list) and parent[key]:
            parent[key].append(copy.deepcopy(draw(st.sampled_from(parent[key]))))
        elif how == "swap":
            other = draw(st.sampled_from(places))
            if other and not _overlaps(path, other):
                other_parent, other_key = _parent(document, other), other[-1]
                parent[key], other_parent[other_key] = other_parent[other_key], parent[key]
    return document


def _overlaps(a: tuple[Any, ...], b: tuple[Any, ...]) -> bool:
    shorter = min(len(a), len(b))
    return a[:shorter] == b[:shorter]


def fingerprint(database: Database) -> str:
    """A digest of every row of every table: equal digests, an unchanged database."""
    digest = hashlib.sha256()
    with database.reading() as conn:
        for table in Base.metadata.sorted_tables:
            rows = conn.execute(select(table).order_by(*table.primary_key.columns)).all()
            digest.update(f"{table.name}:{sorted(map(repr, rows))}".encode())
    return digest.hexdigest()
