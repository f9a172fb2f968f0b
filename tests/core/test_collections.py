"""One registry of the record's collections: every place that deals in them follows it.

A collection added to ``MeetingRecord`` without an entry in ``clerk.domain.collections`` (or
the other way round) fails here, before it can be left out of the database, the journal's
check or the JSON record.
"""

from __future__ import annotations

import dataclasses
import typing
from typing import Any

from clerk.domain import collections
from clerk.domain.collections import REGISTRY, UK_BLOCK
from clerk.domain.record import COLLECTIONS, MeetingRecord
from clerk.domain.signoff import integrity
from clerk.services import record_json
from clerk.storage import limits, record_read
from clerk.storage.models import COLLECTION_TABLES


def record_collections() -> dict[str, Any]:
    """The fields of ``MeetingRecord`` holding entities by id, with the entity type held."""
    hints = typing.get_type_hints(MeetingRecord)
    found = {}
    for f in dataclasses.fields(MeetingRecord):
        hint = hints[f.name]
        if typing.get_origin(hint) is dict and typing.get_args(hint)[0] is int:
            found[f.name] = typing.get_args(hint)[1]
    return found


def test_the_registry_is_the_records_collections_in_order() -> None:
    held = record_collections()
    assert list(held) == [c.name for c in REGISTRY], (
        "a collection of MeetingRecord is missing from clerk.domain.collections.REGISTRY "
        "(or out of its order)"
    )
    assert held == {c.name: c.entity for c in REGISTRY}
    assert held == COLLECTIONS


def test_every_collection_is_named_once_in_each_place() -> None:
    for field in ("name", "table", "json_key", "noun", "row_noun"):
        values = [getattr(c, field) for c in REGISTRY]
        assert len(set(values)) == len(values), field
    assert collections.collection_named("votes").json_path == "$.vote_events"
    assert collections.collection_named("paragraphs").json_path == (
        "$.uk_local_government.minute_paragraphs"
    )


def test_the_storage_tables_follow_the_registry() -> None:
    assert list(COLLECTION_TABLES) == [c.name for c in REGISTRY]
    for c in REGISTRY:
        assert COLLECTION_TABLES[c.name].__tablename__ == c.table
        assert record_read.TABLES[c.name] == c.table
        assert limits.NOUNS[c.table] == c.row_noun


def test_the_integrity_check_names_every_collection() -> None:
    assert {c.name: c.noun for c in REGISTRY} == integrity.ENTITY_NAMES


def test_the_json_record_has_a_list_for_every_collection() -> None:
    """The document's lists are the registry's, each in its block, in the registry's order."""
    fixed = {"format", "version", "organization", "persons", "memberships", "event", UK_BLOCK}
    top = [f.name for f in dataclasses.fields(record_json.RecordDocument)]
    uk = [f.name for f in dataclasses.fields(record_json.UkBlock)]
    assert [name for name in top if name not in fixed] == [
        c.json_key for c in REGISTRY if not c.in_uk_block
    ]
    assert uk == ["council", *(c.json_key for c in REGISTRY if c.in_uk_block)]
    assert {c.name: c.json_path for c in REGISTRY} == record_json.PLACES
