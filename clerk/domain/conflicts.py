"""What stands in the way of bringing a meeting back: each conflict in plain words.

A check-in applies the laptop's journal entries after the team's, exactly as they were
recorded, only when nothing the meeting depends on has changed in the team's database since
the check-out. Otherwise it lists every conflict found here and changes nothing; most can be
applied anyway (the laptop's actions again, through the rules, on the team's meeting as it now
is), some cannot.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from clerk.domain.checkout import Checkout, CheckoutState, holder, when
from clerk.domain.entities import Committee, CouncilProfile, Membership, Person
from clerk.domain.journal import JournalEntry
from clerk.domain.names import display_name


class ConflictKind(StrEnum):
    BROKEN = "broken"
    HELD_ELSEWHERE = "held-elsewhere"
    ALREADY_BACK = "already-back"
    UNKNOWN = "unknown-check-out"
    AGENDA_EDITED = "agenda-edited"
    MEETING_CHANGED = "meeting-changed"
    PERSON_CHANGED = "person-changed"
    PERSON_GONE = "person-gone"
    COMMITTEE_CHANGED = "committee-changed"
    COUNCIL_CHANGED = "council-changed"
    DIFFERENT_RESULT = "different-result"


#: Conflicts that no "apply anyway" can get past.
NEVER_ANYWAY = frozenset({ConflictKind.HELD_ELSEWHERE})


@dataclass(frozen=True)
class Conflict:
    kind: ConflictKind
    text: str

    @property
    def anyway(self) -> bool:
        return self.kind not in NEVER_ANYWAY


def anyway_allowed(conflicts: Iterable[Conflict]) -> bool:
    return all(conflict.anyway for conflict in conflicts)


def check_out_conflicts(
    ours: Checkout | None, elsewhere: Checkout | None, subject: str, unsent: int, today: date
) -> list[Conflict]:
    """The check-out itself: broken, taken by another laptop, already brought back."""
    found: list[Conflict] = []
    if ours is None:
        found.append(
            Conflict(
                ConflictKind.UNKNOWN,
                f"The team's database has no record of this check-out of {subject} (was it "
                "restored from a backup?).",
            )
        )
    elif ours.state is CheckoutState.BROKEN:
        closed = when(ours.closed_at, today) if ours.closed_at else "an unknown time"
        found.append(
            Conflict(
                ConflictKind.BROKEN,
                f"The check-out of {subject} was broken in the team's database by "
                f"{ours.closed_by or 'an administrator'} at {closed}: “{ours.reason.rstrip('.')}”.",
            )
        )
    elif ours.state is not CheckoutState.OUT and unsent:
        closed = when(ours.closed_at, today) if ours.closed_at else "an earlier time"
        found.append(
            Conflict(
                ConflictKind.ALREADY_BACK,
                f"{subject[0].upper()}{subject[1:]} was already brought back at {closed}; "
                f"{unsent} entr{'y' if unsent == 1 else 'ies'} recorded on this laptop since "
                "then are not in the team's database.",
            )
        )
    if elsewhere is not None:
        found.append(
            Conflict(
                ConflictKind.HELD_ELSEWHERE,
                f"{holder(elsewhere, today)}: {subject} cannot be brought back until that "
                "check-out ends.",
            )
        )
    return found


def journal_conflicts(team_entries: Iterable[JournalEntry], subject: str) -> list[Conflict]:
    """Entries in the team's journal that the laptop never saw: the meeting changed there."""
    found = []
    for entry in team_entries:
        if entry.kind == "break_checkout":
            continue  # said by the BROKEN conflict
        moment = f"{entry.recorded_at:%Y-%m-%d %H:%M} UTC"
        if "items" in entry.changes:
            found.append(
                Conflict(
                    ConflictKind.AGENDA_EDITED,
                    f"The agenda of {subject} was edited in the team's database: "
                    f"“{entry.label}” by {entry.who} at {moment}.",
                )
            )
        else:
            found.append(
                Conflict(
                    ConflictKind.MEETING_CHANGED,
                    f"{subject[0].upper()}{subject[1:]} was changed in the team's database: "
                    f"“{entry.label}” by {entry.who} at {moment}.",
                )
            )
    return found


def _fields_changed(before: Any, after: Any) -> str:
    names = [
        f.name.replace("_", " ")
        for f in dataclasses.fields(before)
        if getattr(before, f.name) != getattr(after, f.name)
    ]
    return ", ".join(names)


def people_conflicts(
    taken: dict[str, Person], team: dict[str, Person], named: Iterable[str]
) -> list[Conflict]:
    """People the meeting names, as copied to the laptop against the team's now."""
    found = []
    for person_id in sorted(set(named)):
        before = taken.get(person_id)
        if before is None:
            continue  # added on the laptop: the laptop's own concern
        after = team.get(person_id)
        if after is None:
            found.append(
                Conflict(
                    ConflictKind.PERSON_GONE,
                    f"{display_name(before)} ('{person_id}') is no longer in the team's "
                    "database (merged into another person, or removed).",
                )
            )
        elif after != before:
            detail = _fields_changed(before, after)
            renamed = (
                f", now {display_name(after)}"
                if display_name(after) != display_name(before)
                else ""
            )
            found.append(
                Conflict(
                    ConflictKind.PERSON_CHANGED,
                    f"{display_name(before)} ('{person_id}') was changed in the team's "
                    f"database ({detail}{renamed}).",
                )
            )
    return found


def _members(memberships: tuple[Membership, ...]) -> dict[str, Membership]:
    return {m.person_id: m for m in memberships}


def committee_conflicts(
    taken: Committee, team: Committee | None, persons: dict[str, Person]
) -> list[Conflict]:
    if team is None:
        return [
            Conflict(
                ConflictKind.COMMITTEE_CHANGED,
                f"The {taken.name} is no longer in the team's database.",
            )
        ]
    found = []
    details = _fields_changed(
        dataclasses.replace(taken, memberships=()), dataclasses.replace(team, memberships=())
    )
    if details:
        found.append(
            Conflict(
                ConflictKind.COMMITTEE_CHANGED,
                f"The {taken.name} was changed in the team's database ({details}).",
            )
        )
    before, after = _members(taken.memberships), _members(team.memberships)

    def name(person_id: str) -> str:
        person = persons.get(person_id)
        return display_name(person) if person else person_id

    for person_id in sorted(before.keys() | after.keys()):
        was, now = before.get(person_id), after.get(person_id)
        if was == now:
            continue
        if was is None:
            change = f"{name(person_id)} was added"
        elif now is None:
            change = f"{name(person_id)} was removed"
        else:
            change = f"{name(person_id)}'s {_fields_changed(was, now)} changed"
        found.append(
            Conflict(
                ConflictKind.COMMITTEE_CHANGED,
                f"The membership of the {taken.name} was changed in the team's database: {change}.",
            )
        )
    return found


def council_conflicts(taken: CouncilProfile, team: CouncilProfile | None) -> list[Conflict]:
    if team is None or team == taken:
        return []
    return [
        Conflict(
            ConflictKind.COUNCIL_CHANGED,
            f"The council profile was changed in the team's database "
            f"({_fields_changed(taken, team)}).",
        )
    ]


def different_result(entry: JournalEntry, subject: str, detail: str) -> Conflict:
    return Conflict(
        ConflictKind.DIFFERENT_RESULT,
        f"Entry {entry.seq} of {subject} (“{entry.label}”) does not come out the same in the "
        f"team's database: {detail}",
    )
