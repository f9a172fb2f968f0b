"""A synthetic council: its profile, councillors elected every four years, officers,
co-optees, and committees whose membership is set for each term."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from datetime import date

from clerk.domain.entities import Committee, CouncilProfile, Membership, Person, QuorumRule
from clerk.domain.enums import CodeOfConduct, PersonKind, QuorumKind, Role
from clerk_support.synthetic.vocabulary import (
    COMMITTEES,
    EDUCATION_CO_OPTEES,
    FORENAMES,
    GROUPS,
    NON_VOTING_CO_OPTEES,
    OFFICER_TITLES,
    PLACES,
    SURNAMES,
    CommitteeType,
)

#: Councillors elected at each election; a quarter of them at most stand down each time.
SEATS = 36
TERM_YEARS = 4
TURNOVER = 0.3


@dataclass(frozen=True)
class Term:
    start: date
    end: date | None  # None: the current term
    councillors: tuple[str, ...]


@dataclass
class SyntheticCouncil:
    council: CouncilProfile
    persons: dict[str, Person]
    groups: dict[str, str]  # councillor id -> political group
    terms: list[Term]
    officers: list[str]
    committees: list[tuple[Committee, CommitteeType]] = field(default_factory=list)

    def term_on(self, day: date) -> Term:
        for term in self.terms:
            if term.start <= day and (term.end is None or day <= term.end):
                return term
        raise ValueError(f"no term of office on {day}")


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


class _Names:
    """Unique, plausible names and ids."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()
        self.surnames: set[str] = set()

    def full(self) -> tuple[str, str]:
        while True:
            forename, surname = self.rng.choice(FORENAMES), self.rng.choice(SURNAMES)
            key = slug(f"{forename} {surname}")
            if key not in self.used:
                self.used.add(key)
                return forename, surname


def build_council(
    rng: random.Random, first_year: int, years: int, committees: int
) -> SyntheticCouncil:
    place = rng.choice(PLACES)
    profile = CouncilProfile(
        name=f"{place} Council",
        code_of_conduct=CodeOfConduct.PECUNIARY_NON_PECUNIARY,
        signatory_title="Chairman",
        minute_heading_pattern="{n}",
        minute_reference_pattern="{n}/{month}/{yy}",
        year_start_month=5,
        year_start_day=1,
    )
    names = _Names(rng)
    persons: dict[str, Person] = {}
    groups: dict[str, str] = {}
    group_names = [g for g, _ in GROUPS]
    weights = [w for _, w in GROUPS]

    def councillor() -> str:
        forename, surname = names.full()
        # Minutes name councillors by surname, with the forename where two share it.
        name = surname if surname not in names.surnames else f"{forename} {surname}"
        names.surnames.add(surname)
        person_id = slug(f"{forename} {surname}")
        persons[person_id] = Person(id=person_id, name=name)
        groups[person_id] = rng.choices(group_names, weights)[0]
        return person_id

    terms: list[Term] = []
    sitting = [councillor() for _ in range(SEATS)]
    last_year = first_year + years
    for start_year in range(first_year, last_year, TERM_YEARS):
        if terms:
            leaving = set(rng.sample(sitting, int(SEATS * TURNOVER)))
            sitting = [p if p not in leaving else councillor() for p in sitting]
        end_year = start_year + TERM_YEARS
        end = date(end_year, 4, 30) if end_year < last_year else None
        terms.append(Term(date(start_year, 5, 1), end, tuple(sitting)))

    officers = []
    for title in OFFICER_TITLES:
        forename, surname = names.full()
        person_id = slug(f"{forename} {surname}")
        persons[person_id] = Person(
            id=person_id, name=f"{forename} {surname}", kind=PersonKind.OFFICER, job_title=title
        )
        officers.append(person_id)

    result = SyntheticCouncil(profile, persons, groups, terms, officers)
    for index in range(committees):
        ctype = COMMITTEES[index % len(COMMITTEES)]
        round_ = index // len(COMMITTEES)
        result.committees.append((_committee(result, ctype, round_, names), ctype))
    return result


def _committee(
    council: SyntheticCouncil, ctype: CommitteeType, round_: int, names: _Names
) -> Committee:
    rng = names.rng
    name = ctype.name if round_ == 0 else f"{ctype.name} {round_ + 1}"
    memberships: list[Membership] = []
    for term in council.terms:
        seats = (
            list(term.councillors) if ctype.size == 0 else rng.sample(term.councillors, ctype.size)
        )
        for position, person_id in enumerate(seats):
            role = (
                Role.CHAIR if position == 0 else Role.VICE_CHAIR if position == 1 else Role.MEMBER
            )
            memberships.append(
                Membership(person_id, role, council.groups[person_id], term.start, term.end)
            )
        co_optees: list[tuple[str, Role]] = []
        if ctype.education:
            co_optees += [(r, Role.CO_OPTED_EDUCATION) for r in rng.sample(EDUCATION_CO_OPTEES, 2)]
        if ctype.kind.value == "overview-and-scrutiny" or ctype.education:
            co_optees.append((rng.choice(NON_VOTING_CO_OPTEES), Role.CO_OPTED_NON_VOTING))
        for represents, role in co_optees:
            forename, surname = names.full()
            person_id = slug(f"{forename} {surname}")
            council.persons[person_id] = Person(
                id=person_id,
                name=f"{forename} {surname}",
                kind=PersonKind.CO_OPTEE,
                represents=represents,
            )
            memberships.append(Membership(person_id, role, "", term.start, term.end))
    if ctype.quorum == 0:
        quorum = QuorumRule(QuorumKind.FRACTION, 1, 4)
    else:
        quorum = QuorumRule(QuorumKind.FIXED, ctype.quorum, 1)
    return Committee(
        slug=slug(name),
        name=name,
        kind=ctype.kind,
        calls_itself=ctype.calls_itself,
        quorum=quorum,
        signatory_title="Chairman",
        memberships=tuple(memberships),
    )
