"""The collections of a meeting record, named once.

A ``MeetingRecord`` holds, besides its meeting, a dictionary by id of each kind of thing
recorded at it: agenda items, attendance, motions, votes and the rest. Each is one
``Collection`` here, which says everything the rest of Clerk needs to know of it: the record's
attribute (also the journal's key for its changes), the entity it holds, the database table it
is stored in, where it sits in the JSON meeting record, and how a message names one of its
entities. The record, the storage tables, the column limits' messages, the integrity check and
the JSON mapping all go through ``REGISTRY``; a test keeps it equal to the record's fields.

Adding a collection: a field of ``MeetingRecord``, an entry here, a table model in
``clerk.storage.models`` (with its migration) and an optional list in the JSON record
(``docs/meeting-record.md``).
"""

from __future__ import annotations

from dataclasses import dataclass

from clerk.domain.entities import (
    ActionItem,
    AgendaItem,
    ApprovedContext,
    Attendance,
    Declaration,
    Motion,
    MovementEntry,
    Paragraph,
    ProceduralEvent,
    Resolution,
    SignoffStep,
    VoteEvent,
)

#: The block of the JSON record holding the UK local-government collections.
UK_BLOCK = "uk_local_government"


@dataclass(frozen=True)
class Collection:
    #: The record's attribute, and the key of its changes in the journal.
    name: str
    #: The entity it holds, keyed by the entity's ``id``.
    entity: type
    #: The database table its rows are stored in.
    table: str
    #: Its key in the JSON record: at the top level (Popolo / Open Civic Data names, where
    #: every record has the list) or in the ``uk_local_government`` block (where a record
    #: written before the collection existed lacks it, and it reads as empty).
    json_key: str
    #: How a message names one of its entities ("agenda item").
    noun: str
    #: How a message about a value too large for a column names the row ("an agenda item").
    row_noun: str
    in_uk_block: bool = True

    @property
    def json_path(self) -> str:
        """Where the collection's list sits in the JSON record: ``$.agenda``."""
        return f"$.{UK_BLOCK}.{self.json_key}" if self.in_uk_block else f"$.{self.json_key}"


#: Every collection of a meeting record, in the order they are written (a row refers only to
#: collections before it) and exported.
REGISTRY: tuple[Collection, ...] = (
    Collection(
        "items",
        AgendaItem,
        table="agenda_items",
        json_key="agenda",
        noun="agenda item",
        row_noun="an agenda item",
        in_uk_block=False,
    ),
    Collection(
        "attendance",
        Attendance,
        table="attendance",
        json_key="attendance",
        noun="attendance entry",
        row_noun="an attendance entry",
    ),
    Collection(
        "movements",
        MovementEntry,
        table="movements",
        json_key="movements",
        noun="arrival or departure",
        row_noun="an arrival or departure",
    ),
    Collection(
        "declarations",
        Declaration,
        table="declarations",
        json_key="declarations",
        noun="declaration",
        row_noun="a declaration",
    ),
    Collection(
        "paragraphs",
        Paragraph,
        table="paragraphs",
        json_key="minute_paragraphs",
        noun="minute paragraph",
        row_noun="a paragraph",
    ),
    Collection(
        "motions",
        Motion,
        table="motions",
        json_key="motions",
        noun="motion",
        row_noun="a motion",
        in_uk_block=False,
    ),
    Collection(
        "votes",
        VoteEvent,
        table="votes",
        json_key="vote_events",
        noun="vote",
        row_noun="a vote",
        in_uk_block=False,
    ),
    Collection(
        "resolutions",
        Resolution,
        table="resolutions",
        json_key="resolutions",
        noun="resolution",
        row_noun="a resolution",
    ),
    Collection(
        "actions",
        ActionItem,
        table="actions",
        json_key="actions",
        noun="action",
        row_noun="an action",
    ),
    Collection(
        "events",
        ProceduralEvent,
        table="events",
        json_key="procedural_events",
        noun="procedural event",
        row_noun="a procedural event",
    ),
    Collection(
        "signoff",
        SignoffStep,
        table="signoff_steps",
        json_key="signoff",
        noun="sign-off step",
        row_noun="a sign-off step",
    ),
    Collection(
        "approved_as",
        ApprovedContext,
        table="approved_context",
        json_key="approved_as",
        noun="approved context",
        row_noun="the approved context",
    ),
)

#: Each collection by its name.
BY_NAME: dict[str, Collection] = {c.name: c for c in REGISTRY}


def collection_named(name: str) -> Collection:
    """The collection ``name`` (``KeyError`` for a name no record has)."""
    return BY_NAME[name]
