"""The JSON meeting record: export, validated all-or-nothing import.

The record's layout and its mapping to and from a meeting record are in
``clerk.services.record_document`` (no database); here a meeting is exported from the database
and a record imported into it. The layout's names are re-exported for those who import them
from here.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from clerk.domain.entities import Committee, CouncilProfile
from clerk.domain.errors import ClerkError, RecordFormatError
from clerk.services import file_kinds
from clerk.services.exempt_actions import fill_exempt_status
from clerk.services.record_document import (
    FORMAT,
    PLACES,
    VERSION,
    Organization,
    RecordDocument,
    UkBlock,
    check_sense,
    document_to_record,
    dumps,
    load_json_text,
    older_record_defaults,
    parse_document,
    record_to_document,
    referenced_people,
)
from clerk.services.recording import create_with_journal, current_user
from clerk.storage import repository as repo
from clerk.storage.database import Database

__all__ = [
    "FORMAT",
    "PLACES",
    "VERSION",
    "Organization",
    "RecordDocument",
    "UkBlock",
    "check_sense",
    "document_to_record",
    "dumps",
    "export_meeting",
    "import_document",
    "import_file",
    "linked",
    "load_json_text",
    "older_record_defaults",
    "parse_document",
    "record_to_document",
    "referenced_people",
    "same_council",
]


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
