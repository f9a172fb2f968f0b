"""The JSON meeting record: export, validated all-or-nothing import.

Layout (``docs/meeting-record.md``, schema ``resources/schema/meeting-record.schema.json``):
Popolo / Open Civic Data names where they exist (organization, persons, memberships, event,
motions, vote_events) and the UK local-government parts in the ``uk_local_government`` block.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from clerk.domain.entities import (
    ActionItem,
    AgendaItem,
    ApprovedContext,
    Attendance,
    Committee,
    CouncilProfile,
    Declaration,
    Meeting,
    Membership,
    Motion,
    MovementEntry,
    Paragraph,
    Person,
    ProceduralEvent,
    QuorumRule,
    Resolution,
    SignoffStep,
    VoteEvent,
)
from clerk.domain.enums import CommitteeKind, MotionKind, MoverNaming
from clerk.domain.errors import ClerkError, RecordFormatError
from clerk.domain.exempt import action_exempt_under
from clerk.domain.record import MeetingRecord
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
from clerk.services import file_kinds
from clerk.services.exempt_actions import fill_exempt_status
from clerk.services.recording import create_with_journal, current_user
from clerk.storage import repository as repo
from clerk.storage.database import Database

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


@dataclass(frozen=True)
class UkBlock:
    council: CouncilProfile
    attendance: tuple[Attendance, ...] = ()
    movements: tuple[MovementEntry, ...] = ()
    declarations: tuple[Declaration, ...] = ()
    minute_paragraphs: tuple[Paragraph, ...] = ()
    resolutions: tuple[Resolution, ...] = ()
    actions: tuple[ActionItem, ...] = ()
    procedural_events: tuple[ProceduralEvent, ...] = ()
    signoff: tuple[SignoffStep, ...] = ()
    approved_as: tuple[ApprovedContext, ...] = ()


@dataclass(frozen=True)
class RecordDocument:
    format: str
    version: int
    organization: Organization
    persons: tuple[Person, ...]
    memberships: tuple[Membership, ...]
    event: Meeting
    agenda: tuple[AgendaItem, ...]
    motions: tuple[Motion, ...]
    vote_events: tuple[VoteEvent, ...]
    uk_local_government: UkBlock


#: Where each collection of a record sits in the document.
PLACES: dict[str, str] = {
    "items": "$.agenda",
    "motions": "$.motions",
    "votes": "$.vote_events",
    "attendance": "$.uk_local_government.attendance",
    "movements": "$.uk_local_government.movements",
    "declarations": "$.uk_local_government.declarations",
    "paragraphs": "$.uk_local_government.minute_paragraphs",
    "resolutions": "$.uk_local_government.resolutions",
    "actions": "$.uk_local_government.actions",
    "events": "$.uk_local_government.procedural_events",
    "signoff": "$.uk_local_government.signoff",
    "approved_as": "$.uk_local_government.approved_as",
}


def _sorted(collection: dict[int, Any]) -> tuple[Any, ...]:
    return tuple(entity for _key, entity in sorted(collection.items()))


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
        ),
        persons=tuple(record.persons[p] for p in sorted(people | set(record.persons))),
        memberships=committee.memberships,
        event=record.meeting,
        agenda=_sorted(record.items),
        motions=_sorted(record.motions),
        vote_events=_sorted(record.votes),
        uk_local_government=UkBlock(
            council=record.council,
            attendance=_sorted(record.attendance),
            movements=_sorted(record.movements),
            declarations=_sorted(record.declarations),
            minute_paragraphs=_sorted(record.paragraphs),
            resolutions=_sorted(record.resolutions),
            actions=_sorted(record.actions),
            procedural_events=_sorted(record.events),
            signoff=_sorted(record.signoff),
            approved_as=_sorted(record.approved_as),
        ),
    )
    body: dict[str, Any] = to_json(document)
    return body


def dumps(document: dict[str, Any]) -> str:
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def export_meeting(database: Database, meeting_id: int) -> str:
    """The meeting as a self-contained record: everyone it may name, where numbering stands.

    A meeting not yet minuted carries the number its first minute will take, so that it can
    be recorded on another laptop and keep the council's numbering.
    """
    with database.reading() as conn:
        record, _version = repo.load_record(conn, meeting_id)
        fill_exempt_status(conn, record)  # the exempt status travels with each action
        minuted = any(item.minute_number is not None for item in record.items.values())
        if not minuted and record.meeting.minute_number_start is None:
            earlier = repo.earlier_minute_max(conn, record.meeting, record.council)
            if earlier:
                record.meeting = replace(record.meeting, minute_number_start=earlier + 1)
    return dumps(record_to_document(record))


# -- import -------------------------------------------------------------------------------


def parse_document(data: Any) -> RecordDocument:
    """Validate the shape and every field; the first problem is reported with its JSON path."""
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
    uk = data.get("uk_local_government")
    if not isinstance(uk, dict):
        return data
    council = uk.get("council")
    if not isinstance(council, dict):
        return data
    if "movers_named" not in council:
        council = {**council, "movers_named": MoverNaming.WHEN_CONTESTED.value}
    return {**data, "uk_local_government": {**uk, "council": council}}


def _unique_ids(entities: tuple[Any, ...], path: str) -> set[int]:
    seen: set[int] = set()
    for index, entity in enumerate(entities):
        if entity.id in seen:
            raise RecordFormatError(f"{path}[{index}].id", f"repeats id {entity.id}")
        seen.add(entity.id)
    return seen


def _check_values(doc: RecordDocument) -> None:
    """Values that parse but make no sense, with the path of the first."""
    checks: list[tuple[str, Iterator[Problem]]] = [
        ("$.uk_local_government.council", council_problems(doc.uk_local_government.council)),
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
    for index, entry in enumerate(doc.uk_local_government.attendance):
        if entry.person_id in seen:
            raise RecordFormatError(
                f"$.uk_local_government.attendance[{index}].person_id",
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


def _check_references(doc: RecordDocument) -> None:
    _check_values(doc)
    uk = doc.uk_local_government
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
    for name, entities in (
        ("attendance", uk.attendance),
        ("movements", uk.movements),
        ("declarations", uk.declarations),
        ("minute_paragraphs", uk.minute_paragraphs),
        ("resolutions", uk.resolutions),
        ("actions", uk.actions),
        ("procedural_events", uk.procedural_events),
        ("signoff", uk.signoff),
    ):
        path = f"$.uk_local_government.{name}"
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
    for index, resolution in enumerate(uk.resolutions):
        if resolution.motion_id is not None and resolution.motion_id not in motions:
            raise RecordFormatError(
                f"$.uk_local_government.resolutions[{index}].motion_id",
                f"names motion {resolution.motion_id}, not in $.motions",
            )


def document_to_record(doc: RecordDocument) -> MeetingRecord:
    org = doc.organization
    uk = doc.uk_local_government
    record = MeetingRecord(
        council=uk.council,
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
        ),
        persons={p.id: p for p in doc.persons},
        meeting=doc.event,
    )
    for name, entities in (
        ("items", doc.agenda),
        ("motions", doc.motions),
        ("votes", doc.vote_events),
        ("attendance", uk.attendance),
        ("movements", uk.movements),
        ("declarations", uk.declarations),
        ("paragraphs", uk.minute_paragraphs),
        ("resolutions", uk.resolutions),
        ("actions", uk.actions),
        ("events", uk.procedural_events),
        ("signoff", uk.signoff),
        ("approved_as", uk.approved_as),
    ):
        collection = record.collection(name)
        for entity in entities:
            collection[entity.id] = entity
    for key, action in sorted(record.actions.items()):  # a record written before the field
        under = action_exempt_under(record, action)
        if action.exempt_paragraph is None and under is not None:
            record.actions[key] = replace(action, exempt_paragraph=under)
    return record


def check_sense(record: MeetingRecord, today: date) -> None:
    """Values that read well but cannot be right: counts no meeting could have cast, an end
    before the start, sign-off dates before the meeting or in the future."""
    for name, problem in meeting_problems(record.meeting):
        raise RecordFormatError(f"$.event.{name}", problem)
    for index, (_key, vote) in enumerate(sorted(record.votes.items())):
        for name, problem in vote_problems(record, vote):
            raise RecordFormatError(f"$.vote_events[{index}].{name}", problem)
    for index, (_key, step) in enumerate(sorted(record.signoff.items())):
        for name, problem in signoff_day_problems(step, record.meeting.date, today):
            raise RecordFormatError(f"$.uk_local_government.signoff[{index}].{name}", problem)


def load_json_text(text: str, source: str) -> Any:
    try:
        return json.loads(text)
    except RecursionError:
        raise ClerkError(f"{source} is nested too deeply to be a meeting record.") from None
    except json.JSONDecodeError as error:
        raise ClerkError(
            f"{source} is not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})."
        ) from None


def import_document(
    database: Database, data: Any, source: str = "meeting record", who: str | None = None
) -> int:
    """Import one meeting record; returns the new meeting's id. All or nothing."""
    try:
        doc = parse_document(data)
    except RecordFormatError as error:
        raise RecordFormatError(
            error.path, f"{error.problem} (in {source}; nothing imported)"
        ) from None
    record = document_to_record(doc)
    try:
        check_sense(record, date.today())
    except RecordFormatError as error:
        raise RecordFormatError(
            error.path, f"{error.problem} (in {source}; nothing imported)"
        ) from None
    with database.transaction() as conn:
        council = repo.load_council(conn)
        if council is None:
            repo.save_council(conn, record.council)
        elif not same_council(council, record.council):
            raise RecordFormatError(
                "$.uk_local_government.council",
                f"is not this database's council profile ({council.name}); nothing imported",
            )
        existing = repo.load_persons(conn)
        for index, person in enumerate(doc.persons):
            known = existing.get(person.id)
            if known is None:
                repo.save_person(conn, person)
            elif linked(known, person) != known:
                raise RecordFormatError(
                    f"$.persons[{index}]",
                    f"differs from '{person.id}' in this database ({_differences(known, person)}); "
                    "nothing imported",
                )
            elif known != person and not known.moderngov_id:
                repo.save_person(conn, person)  # the file knows the person's ModernGov id
        try:
            committee = repo.load_committee(conn, record.committee.slug)
        except repo.NotFound:
            committee = None
        if committee is None:
            repo.save_committee(conn, record.committee)
        else:
            _merge_committee(conn, committee, record.committee)
        canonical = json.dumps(data, sort_keys=True, ensure_ascii=False).encode("utf-8")
        meeting_id = create_with_journal(
            conn,
            record,
            who=who or current_user(),
            kind="import",
            label=f"import the meeting record from {source}",
            params={"action": "import", "sha256": hashlib.sha256(canonical).hexdigest()},
        )
    return meeting_id


def same_council(here: CouncilProfile, incoming: CouncilProfile) -> bool:
    """The same council, whatever the file says of the agenda's wording and the house style
    (which are the database's own, and which records written before them do not carry)."""
    return replace(incoming, agenda=here.agenda, house_style=here.house_style) == here


def _differences(old: Any, new: Any) -> str:
    changed = [
        f"{name} {getattr(old, name)!r} here, {getattr(new, name)!r} in the file"
        for name in old.__dataclass_fields__
        if getattr(old, name) != getattr(new, name)
    ]
    return "; ".join(changed)


def linked(known: Any, incoming: Any) -> Any:
    """``incoming`` with the ModernGov id Clerk already has when the file has none (a record
    written before the ids, or by a Clerk not linked to ModernGov): a missing id is no
    difference. Two different ids are."""
    if known.moderngov_id and not incoming.moderngov_id:
        return replace(incoming, moderngov_id=known.moderngov_id)
    return incoming


def _merge_committee(conn: Any, committee: Committee, incoming: Committee) -> None:
    """An existing committee keeps its settings; the file may add members it lacks, no more."""
    # How the agenda's front sheet looks is the database's own business: a file from
    # elsewhere (or from before the setting existed) does not change it.
    settings = linked(
        committee,
        replace(
            incoming,
            memberships=committee.memberships,
            lists_non_voting_co_optees=committee.lists_non_voting_co_optees,
        ),
    )
    if not committee.moderngov_id and settings.moderngov_id:
        committee = replace(committee, moderngov_id=settings.moderngov_id)
        repo.save_committee(conn, committee)
    if settings != committee:
        raise RecordFormatError(
            "$.organization",
            f"differs from the committee '{committee.slug}' in this database "
            f"({_differences(committee, settings)}); nothing imported",
        )
    held = {m.person_id for m in committee.memberships}
    added = []
    for index, membership in enumerate(incoming.memberships):
        if membership in committee.memberships:
            continue
        if membership.person_id in held:
            raise RecordFormatError(
                f"$.memberships[{index}]",
                f"conflicts with the membership of '{membership.person_id}' in this database; "
                "nothing imported",
            )
        added.append(membership)
    if added:
        repo.save_committee(conn, replace(committee, memberships=(*committee.memberships, *added)))


def import_file(database: Database, path: Path, who: str | None = None) -> int:
    file_kinds.require(
        path,
        "a meeting record",
        frozenset({file_kinds.MEETING_RECORD}),
        {
            file_kinds.CLERK_DATABASE: f"give it as the database, 'clerk --db {path} ...'",
            file_kinds.SCRIPT: f"record it on a meeting with 'clerk replay MEETING {path}'",
        },
    )
    try:
        text = path.read_text(encoding="utf-8-sig")  # a byte-order mark is accepted
    except FileNotFoundError:
        raise ClerkError(f"No file {path}.") from None
    except UnicodeDecodeError:
        raise ClerkError(f"{path} is not a UTF-8 text file.") from None
    except OSError as error:
        raise ClerkError(f"Cannot read {path}: {error.strerror}.") from None
    return import_document(database, load_json_text(text, str(path)), source=path.name, who=who)
