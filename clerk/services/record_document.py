"""The JSON meeting record's layout, and a meeting record to and from it (no database).

Layout (``docs/meeting-record.md``, schema ``resources/schema/meeting-record.schema.json``):
Popolo / Open Civic Data names where they exist (organization, persons, memberships, event,
motions, vote_events) and the UK local-government parts in the ``uk_local_government`` block.
Each collection of the record has its list where ``clerk.domain.collections`` places it: the
document's classes are built from that registry, so a collection is mapped, exported, read and
checked the same way as every other.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field, make_dataclass, replace
from datetime import date
from typing import Any

from clerk.domain.collections import REGISTRY, UK_BLOCK, Collection
from clerk.domain.entities import (
    Attendance,
    Committee,
    CouncilProfile,
    Meeting,
    Membership,
    Person,
    QuorumRule,
)
from clerk.domain.enums import AttendanceStatus, CommitteeKind, MotionKind, MoverNaming
from clerk.domain.errors import ClerkError, RecordFormatError
from clerk.domain.exempt import action_exempt_under
from clerk.domain.names import display_name
from clerk.domain.record import MeetingRecord
from clerk.domain.rules.remote import remote_presence_refusal
from clerk.domain.serial import from_json, to_json
from clerk.domain.validation import (
    Problem,
    council_problems,
    item_problems,
    meeting_problems,
    membership_problems,
    quorum_problems,
    signoff_day_problems,
    slug_problems,
    vote_problems,
)

FORMAT = "clerk-meeting-record"
VERSION = 1


@dataclass(frozen=True)
class Organization:
    id: str
    name: str
    classification: CommitteeKind = CommitteeKind.OTHER
    calls_itself: str = "Committee"
    quorum: QuorumRule = field(default_factory=QuorumRule)
    signatory_title: str = ""
    lists_non_voting_co_optees: bool = False
    moderngov_id: str = ""
    #: Printed where the council's minute pattern has ``{prefix}`` (absent in older records).
    minute_prefix: str = ""


def _list_of(collection: Collection) -> Any:
    """``tuple[<its entity>, ...]``: the type of a collection's list in the document."""
    return tuple.__class_getitem__((collection.entity, ...))


#: The UK local-government block: the council, then each collection held there (missing from
#: a record written before the collection existed, and read as empty).
UkBlock: Any = make_dataclass(
    "UkBlock",
    [
        ("council", CouncilProfile),
        *((c.json_key, _list_of(c), field(default=())) for c in REGISTRY if c.in_uk_block),
    ],
    frozen=True,
)

#: The whole record: the committee and people it names, the meeting, the collections with
#: Popolo names (which every record has), and the UK block.
RecordDocument: Any = make_dataclass(
    "RecordDocument",
    [
        ("format", str),
        ("version", int),
        ("organization", Organization),
        ("persons", tuple[Person, ...]),
        ("memberships", tuple[Membership, ...]),
        ("event", Meeting),
        *((c.json_key, _list_of(c)) for c in REGISTRY if not c.in_uk_block),
        (UK_BLOCK, UkBlock),
    ],
    frozen=True,
)
for _cls in (UkBlock, RecordDocument):
    _cls.__module__ = __name__  # not ``types``: where they are made, as a class statement says

#: Where each collection of a record sits in the document.
PLACES: dict[str, str] = {c.name: c.json_path for c in REGISTRY}


def _sorted(collection: dict[int, Any]) -> tuple[Any, ...]:
    return tuple(entity for _key, entity in sorted(collection.items()))


def _lists(record: MeetingRecord, in_uk_block: bool) -> dict[str, tuple[Any, ...]]:
    """The record's collections held at one level of the document, each in id order."""
    return {
        c.json_key: _sorted(record.collection(c.name))
        for c in REGISTRY
        if c.in_uk_block is in_uk_block
    }


def _entities(doc: Any, collection: Collection) -> tuple[Any, ...]:
    """One collection's list as the document holds it."""
    holder = getattr(doc, UK_BLOCK) if collection.in_uk_block else doc
    entities: tuple[Any, ...] = getattr(holder, collection.json_key)
    return entities


def referenced_people(record: MeetingRecord) -> set[str]:
    return record.referenced_people()


def record_to_document(record: MeetingRecord) -> dict[str, Any]:
    committee = record.committee
    people = referenced_people(record)
    document = RecordDocument(
        format=FORMAT,
        version=VERSION,
        organization=Organization(
            id=committee.slug,
            name=committee.name,
            classification=committee.kind,
            calls_itself=committee.calls_itself,
            quorum=committee.quorum,
            signatory_title=committee.signatory_title,
            lists_non_voting_co_optees=committee.lists_non_voting_co_optees,
            moderngov_id=committee.moderngov_id,
            minute_prefix=committee.minute_prefix,
        ),
        persons=tuple(record.persons[p] for p in sorted(people | set(record.persons))),
        memberships=committee.memberships,
        event=record.meeting,
        **_lists(record, in_uk_block=False),
        **{UK_BLOCK: UkBlock(council=record.council, **_lists(record, in_uk_block=True))},
    )
    body: dict[str, Any] = to_json(document)
    return body


def dumps(document: dict[str, Any]) -> str:
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


# -- reading ------------------------------------------------------------------------------


def parse_document(data: Any) -> Any:
    """Validate the shape and every field; the first problem is reported with its JSON path.
    A ``RecordDocument``."""
    if not isinstance(data, dict):
        raise RecordFormatError("$", "must be a JSON object (a Clerk meeting record)")
    if data.get("format") != FORMAT:
        raise RecordFormatError("$.format", f'must be "{FORMAT}"; this is not a meeting record')
    if data.get("version") != VERSION:
        raise RecordFormatError(
            "$.version", f"must be {VERSION}; this Clerk reads version {VERSION} records"
        )
    document = from_json(RecordDocument, older_record_defaults(data))
    _check_references(document)
    return document


def older_record_defaults(data: dict[str, Any]) -> dict[str, Any]:
    """A record written before a field existed reads as it did then.

    Fields added since version 1 are optional and most default to what older records meant
    (steps with no ``order`` keep the arrangement they had; paragraphs with no ``after`` come
    first). The council's ``movers_named`` is the exception: a new profile names movers
    ``always``, but an older record's minutes named them only when contested.
    """
    uk = data.get(UK_BLOCK)
    if not isinstance(uk, dict):
        return data
    council = uk.get("council")
    if not isinstance(council, dict):
        return data
    if "movers_named" not in council:
        council = {**council, "movers_named": MoverNaming.WHEN_CONTESTED.value}
    return {**data, UK_BLOCK: {**uk, "council": council}}


def _unique_ids(entities: tuple[Any, ...], path: str) -> set[int]:
    seen: set[int] = set()
    for index, entity in enumerate(entities):
        if entity.id in seen:
            raise RecordFormatError(f"{path}[{index}].id", f"repeats id {entity.id}")
        seen.add(entity.id)
    return seen


def _check_values(doc: Any) -> None:
    """Values that parse but make no sense, with the path of the first."""
    uk = getattr(doc, UK_BLOCK)
    checks: list[tuple[str, Iterator[Problem]]] = [
        (f"$.{UK_BLOCK}.council", council_problems(uk.council)),
        ("$.organization", slug_problems("id", doc.organization.id)),
        ("$.organization.quorum", quorum_problems(doc.organization.quorum)),
    ]
    checks += [(f"$.persons[{i}]", slug_problems("id", p.id)) for i, p in enumerate(doc.persons)]
    checks += [
        (f"$.memberships[{i}]", membership_problems(m)) for i, m in enumerate(doc.memberships)
    ]
    checks += [(f"$.agenda[{i}]", item_problems(item)) for i, item in enumerate(doc.agenda)]
    for where, problems in checks:
        for name, problem in problems:
            raise RecordFormatError(f"{where}.{name}", problem)
    seen: set[str] = set()
    for index, entry in enumerate(uk.attendance):
        if entry.person_id in seen:
            raise RecordFormatError(
                f"{PLACES['attendance']}[{index}].person_id",
                f"repeats '{entry.person_id}': one attendance entry per person",
            )
        seen.add(entry.person_id)
    amendments = {m.id for m in doc.motions if m.kind is MotionKind.AMENDMENT}
    for index, motion in enumerate(doc.motions):
        if motion.amends_id is not None and (
            motion.amends_id == motion.id or motion.amends_id in amendments
        ):
            raise RecordFormatError(
                f"$.motions[{index}].amends_id",
                "an amendment amends a motion, not itself or another amendment",
            )


def _check_references(doc: Any) -> None:
    _check_values(doc)
    people: set[str] = set()
    for index, person in enumerate(doc.persons):
        if person.id in people:
            raise RecordFormatError(f"$.persons[{index}].id", f"repeats person '{person.id}'")
        people.add(person.id)

    def check_person(path: str, person_id: str | None) -> None:
        if person_id is not None and person_id not in people:
            raise RecordFormatError(path, f"names person '{person_id}', who is not in $.persons")

    for index, membership in enumerate(doc.memberships):
        check_person(f"$.memberships[{index}].person_id", membership.person_id)
    check_person("$.event.presiding_id", doc.event.presiding_id)
    if doc.event.committee != doc.organization.id:
        raise RecordFormatError(
            "$.event.committee", f"must be the organization's id '{doc.organization.id}'"
        )
    items = _unique_ids(doc.agenda, "$.agenda")

    def item(path: str, item_id: int | None) -> None:
        if item_id is not None and item_id not in items:
            raise RecordFormatError(path, f"names agenda item {item_id}, which is not in $.agenda")

    item("$.event.current_item_id", doc.event.current_item_id)
    # The UK block's collections name people and agenda items the same way; the Popolo ones
    # (the agenda, motions and vote events) are checked each in its own way below.
    for collection in REGISTRY:
        if not collection.in_uk_block:
            continue
        path = collection.json_path
        entities = _entities(doc, collection)
        _unique_ids(entities, path)
        for index, entity in enumerate(entities):
            if hasattr(entity, "person_id"):
                check_person(f"{path}[{index}].person_id", entity.person_id)
            if hasattr(entity, "item_id"):
                item(f"{path}[{index}].item_id", entity.item_id)
            if isinstance(entity, Attendance):
                check_person(f"{path}[{index}].substitute_for", entity.substitute_for)
    motions = _unique_ids(doc.motions, "$.motions")
    for index, motion in enumerate(doc.motions):
        item(f"$.motions[{index}].item_id", motion.item_id)
        check_person(f"$.motions[{index}].mover_id", motion.mover_id)
        check_person(f"$.motions[{index}].seconder_id", motion.seconder_id)
        if motion.amends_id is not None and motion.amends_id not in motions:
            raise RecordFormatError(
                f"$.motions[{index}].amends_id",
                f"names motion {motion.amends_id}, not in $.motions",
            )
    _unique_ids(doc.vote_events, "$.vote_events")
    for index, vote in enumerate(doc.vote_events):
        if vote.motion_id not in motions:
            raise RecordFormatError(
                f"$.vote_events[{index}].motion_id",
                f"names motion {vote.motion_id}, not in $.motions",
            )
        check_person(f"$.vote_events[{index}].casting_by", vote.casting_by)
        for choice_index, choice in enumerate(vote.choices):
            check_person(
                f"$.vote_events[{index}].choices[{choice_index}].person_id", choice.person_id
            )
    for index, resolution in enumerate(getattr(doc, UK_BLOCK).resolutions):
        if resolution.motion_id is not None and resolution.motion_id not in motions:
            raise RecordFormatError(
                f"{PLACES['resolutions']}[{index}].motion_id",
                f"names motion {resolution.motion_id}, not in $.motions",
            )


def document_to_record(doc: Any) -> MeetingRecord:
    """The meeting record a ``RecordDocument`` holds."""
    org = doc.organization
    record = MeetingRecord(
        council=getattr(doc, UK_BLOCK).council,
        committee=Committee(
            slug=org.id,
            name=org.name,
            kind=org.classification,
            calls_itself=org.calls_itself,
            quorum=org.quorum,
            signatory_title=org.signatory_title,
            memberships=doc.memberships,
            lists_non_voting_co_optees=org.lists_non_voting_co_optees,
            moderngov_id=org.moderngov_id,
            minute_prefix=org.minute_prefix,
        ),
        persons={p.id: p for p in doc.persons},
        meeting=doc.event,
    )
    for c in REGISTRY:
        held = record.collection(c.name)
        for entity in _entities(doc, c):
            held[entity.id] = entity
    for key, action in sorted(record.actions.items()):  # a record written before the field
        under = action_exempt_under(record, action)
        if action.exempt_paragraph is None and under is not None:
            record.actions[key] = replace(action, exempt_paragraph=under)
    return record


def check_sense(record: MeetingRecord, today: date) -> None:
    """Values that read well but cannot be right: counts no meeting could have cast, an end
    before the start, sign-off dates before the meeting or in the future, a member present
    remotely where the law did not make remote attendance presence."""
    for name, problem in meeting_problems(record.meeting):
        raise RecordFormatError(f"$.event.{name}", problem)
    for index, (_key, vote) in enumerate(sorted(record.votes.items())):
        for name, problem in vote_problems(record, vote):
            raise RecordFormatError(f"{PLACES['votes']}[{index}].{name}", problem)
    for index, (_key, step) in enumerate(sorted(record.signoff.items())):
        for name, problem in signoff_day_problems(step, record.meeting.date, today):
            raise RecordFormatError(f"{PLACES['signoff']}[{index}].{name}", problem)
    for index, (_key, entry) in enumerate(sorted(record.attendance.items())):
        if entry.status is AttendanceStatus.PRESENT_REMOTE:
            name = display_name(record.person(entry.person_id))
            refusal = remote_presence_refusal(record.council, record.meeting.date, name)
            if refusal is not None:
                raise RecordFormatError(f"{PLACES['attendance']}[{index}].status", refusal)


def load_json_text(text: str, source: str) -> Any:
    try:
        return json.loads(text)
    except RecursionError:
        raise ClerkError(f"{source} is nested too deeply to be a meeting record.") from None
    except json.JSONDecodeError as error:
        raise ClerkError(
            f"{source} is not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})."
        ) from None
