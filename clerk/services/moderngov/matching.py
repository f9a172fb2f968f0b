"""Who and what in ModernGov is who and what in Clerk: people and committees matched by their
ModernGov id, else (typed in by hand before) by name; new ones given ids and kinds."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from clerk.domain.entities import Committee, Person, QuorumRule
from clerk.domain.enums import CommitteeKind, PersonKind, QuorumKind, Role
from clerk.services.moderngov.answers import MgAttendee, MgCouncillor
from clerk.services.moderngov.text import is_councillor_title
from clerk.services.setup import slugify

#: The last word of a committee's title, when it is what the committee calls itself.
CALLS_ITSELF = ("Board", "Committee", "Sub-Committee", "Panel", "Cabinet", "Council", "Forum")
#: Words of a party's name that mean its members are not in a political group.
NO_GROUP = ("independent", "non-aligned", "no party", "unaffiliated")


def unique_slug(base: str, taken: Iterable[str]) -> str:
    """``base`` cut to fit (80), with ``-2``, ``-3``... when taken."""
    used = set(taken)
    base = base[:76].strip("-") or "x"
    slug, n = base, 1
    while slug in used:
        n += 1
        slug = f"{base}-{n}"
    return slug


def committee_kind(title: str, category: str) -> CommitteeKind:
    words = f"{title} {category}".lower()
    if title.strip().lower() in ("council", "full council", "meeting of the council"):
        return CommitteeKind.COUNCIL
    for needle, kind in (
        ("cabinet", CommitteeKind.CABINET),
        ("executive", CommitteeKind.CABINET),
        ("scrutiny", CommitteeKind.OVERVIEW_AND_SCRUTINY),
        ("planning", CommitteeKind.PLANNING),
        ("development management", CommitteeKind.PLANNING),
        ("licensing", CommitteeKind.LICENSING),
    ):
        if needle in words:
            return kind
    return CommitteeKind.OTHER


def new_committee(title: str, category: str, moderngov_id: str, taken: Iterable[str]) -> Committee:
    kind = committee_kind(title, category)
    last = title.split()[-1] if title.split() else ""
    calls_itself = next((w for w in CALLS_ITSELF if w.lower() == last.lower()), "Committee")
    quorum = (
        QuorumRule(QuorumKind.FRACTION, 1, 4) if kind is CommitteeKind.COUNCIL else QuorumRule()
    )
    return Committee(
        slug=unique_slug(slugify(title), taken),
        name=title,
        kind=kind,
        calls_itself=calls_itself,
        quorum=quorum,
        moderngov_id=moderngov_id,
    )


def find_committee(
    committees: Iterable[Committee], moderngov_id: str, title: str
) -> Committee | None:
    listed = list(committees)
    for committee in listed:
        if committee.moderngov_id == moderngov_id:
            return committee
    for committee in listed:
        if not committee.moderngov_id and committee.name.casefold() == title.casefold():
            return committee
    return None


def find_person(persons: Iterable[Person], moderngov_id: str, name: str) -> Person | None:
    """By ModernGov id; else one not yet linked with the same name; else one whose name is
    the surname alone (Clerk's house style names councillors "Bye")."""
    listed = list(persons)
    for person in listed:
        if moderngov_id and person.moderngov_id == moderngov_id:
            return person
    free = [p for p in listed if not p.moderngov_id]
    same = [p for p in free if p.name.casefold() == name.casefold()]
    if len(same) == 1:
        return same[0]
    surname = name.split()[-1].casefold() if name.split() else ""
    by_surname = [p for p in free if p.name.casefold() == surname]
    return by_surname[0] if len(by_surname) == 1 and not same else None


@dataclass(frozen=True)
class Someone:
    """A person as ModernGov knows them, from a meeting's attendees or the councillors."""

    moderngov_id: str
    honorific: str
    name: str
    kind: PersonKind
    job_title: str = ""
    represents: str = ""


def from_councillor(councillor: MgCouncillor) -> Someone:
    return Someone(councillor.id, councillor.honorific, councillor.name, PersonKind.COUNCILLOR, "")


def from_attendee(attendee: MgAttendee) -> Someone:
    member_type = attendee.member_type.lower()
    if "officer" in member_type:
        kind = PersonKind.OFFICER
    elif is_councillor_title(attendee.honorific) or member_type in ("committee member", "member"):
        kind = PersonKind.COUNCILLOR
    elif "co-opt" in member_type or "coopt" in member_type:
        kind = PersonKind.CO_OPTEE
    else:
        kind = PersonKind.OTHER
    return Someone(
        attendee.member_id,
        attendee.honorific,
        attendee.name,
        kind,
        job_title=attendee.role if kind in (PersonKind.OFFICER, PersonKind.OTHER) else "",
        represents=attendee.role if kind is PersonKind.CO_OPTEE else "",
    )


def new_person(someone: Someone, taken: Iterable[str]) -> Person:
    honorific = someone.honorific
    if someone.kind is PersonKind.COUNCILLOR and honorific == "Councillor":
        honorific = ""  # "Councillor" is how Clerk names every councillor anyway
    return Person(
        id=unique_slug(slugify(someone.name), taken),
        name=someone.name,
        kind=someone.kind,
        honorific_prefix=honorific,
        job_title=someone.job_title,
        represents=someone.represents,
        moderngov_id=someone.moderngov_id,
    )


def link(person: Person, moderngov_id: str) -> Person:
    return replace(person, moderngov_id=moderngov_id)


def role_of(attendee: MgAttendee) -> Role | None:
    """The seat an attendee holds on the committee, or None (officer, substitute, visitor)."""
    member_type, role = attendee.member_type.lower(), attendee.role.lower()
    if "co-opt" in member_type or "coopt" in member_type:
        if "non-voting" in role or "non voting" in role:
            return Role.CO_OPTED_NON_VOTING
        education = ("diocesan", "church", "catholic", "parent governor")
        if any(word in role for word in education):
            return Role.CO_OPTED_EDUCATION  # statutory education co-optees
        return Role.CO_OPTED_NON_VOTING  # no vote unless the committee says otherwise
    if member_type not in ("committee member", "member"):
        return None
    if "vice" in role:
        return Role.VICE_CHAIR
    if "chair" in role:
        return Role.CHAIR
    return Role.MEMBER


def group_name(party: str, group: str = "") -> str:
    """The political group as minutes name it ("Liberal Democrat Group")."""
    if group:
        return group
    if not party or any(word in party.lower() for word in NO_GROUP):
        return ""
    return party if party.lower().endswith("group") else f"{party} Group"
