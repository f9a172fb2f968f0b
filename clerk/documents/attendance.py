"""Who was there: the "-: Present :-" block, and the Apologies minute's sentences."""

from __future__ import annotations

from clerk.documents import wording
from clerk.documents.minute_context import MinuteContext
from clerk.documents.model import Align, Block, Para
from clerk.domain.entities import Person
from clerk.domain.enums import (
    AttendanceStatus,
    PersonKind,
    Role,
    StandardItem,
    SubstitutionWording,
)
from clerk.domain.names import display_name, join_names

PRESENT_MARK = "-: Present :-"
CO_OPTED_VOTING = (Role.CO_OPTED_VOTING, Role.CO_OPTED_EDUCATION)


def with_status(ctx: MinuteContext, status: AttendanceStatus) -> list[Person]:
    entries = sorted(ctx.record.attendance.values(), key=lambda e: e.id)
    return [ctx.persons[e.person_id] for e in entries if e.status is status]


def also_phrase(people: list[Person], plural_for_one: bool = True) -> str:
    """The seed's "(Also in attendance: Councillors Steve Darling)": councillors under the
    plural title, as Torbay prints it even for one (``plural_for_one``), then anyone else by
    name."""
    councillors = [p for p in people if p.kind is PersonKind.COUNCILLOR and not p.honorific_prefix]
    others = [display_name(p) for p in people if p not in councillors]
    parts: list[str] = []
    if councillors:
        title = "Councillors" if plural_for_one or len(councillors) > 1 else "Councillor"
        parts.append(f"{title} " + join_names([p.name for p in councillors]))
    parts.extend(others)
    return "; ".join(parts)


def _with_represents(person: Person) -> str:
    name = display_name(person)
    return f"{name}, {person.represents}" if person.represents else name


def _with_job(person: Person) -> str:
    name = display_name(person)
    return f"{name}, {person.job_title}" if person.job_title else name


def remote_attendance_sentence(people: list[Person]) -> str:
    """ "Councillors Sharon Barton and Pat Dobbie attended remotely.": the members listed as
    present who attended by video (and were present, where the law makes that presence)."""
    return f"{wording.people_phrase(people)} attended remotely."


def present_block(ctx: MinuteContext) -> list[Block]:
    record = ctx.record
    persons = ctx.persons
    centre = Align.CENTRE
    style = record.council.house_style
    lines: list[Block] = [Para(PRESENT_MARK, align=centre, space_before=True)]
    memberships = record.memberships_on_day()
    chair = ctx.chair_id
    if chair is not None and ctx.attended(chair):
        membership = record.membership_of(chair)
        title = (
            ctx.chair_title
            if membership is not None and membership.role is Role.CHAIR
            else style.in_the_chair
        )
        lines.append(Para(f"{display_name(persons[chair])} ({title})", align=centre))
    for membership in memberships:
        pid = membership.person_id
        if membership.role is Role.VICE_CHAIR and pid != chair and ctx.attended(pid):
            title = style.vice_chair_title
            lines.append(Para(f"{display_name(persons[pid])} ({title})", align=centre))
    councillors = [
        persons[m.person_id]
        for m in memberships
        if m.role is Role.MEMBER and m.person_id != chair and ctx.attended(m.person_id)
    ]
    councillors += [p for p in with_status(ctx, AttendanceStatus.SUBSTITUTE) if p.id != chair]
    if councillors:
        lines.append(Para(wording.people_phrase(councillors), align=centre))
    for roles, label in (
        (CO_OPTED_VOTING, "Co-opted Member"),
        ((Role.CO_OPTED_NON_VOTING,), "Non-voting Co-opted Member"),
    ):
        people = [
            persons[m.person_id]
            for m in memberships
            if m.role in roles and ctx.attended(m.person_id)
        ]
        if people:
            heading = label if len(people) == 1 else f"{label}s"
            lines.append(Para(heading, underline=True, align=centre, space_before=True))
            lines.extend(Para(_with_represents(p), align=centre) for p in people)
    attended_remotely = with_status(ctx, AttendanceStatus.PRESENT_REMOTE)
    if attended_remotely:
        everyone = len(attended_remotely) > 1 and all(
            e.status is AttendanceStatus.PRESENT_REMOTE
            for e in record.attendance.values()
            if ctx.attended(e.person_id)
        )
        sentence = (
            "All members present attended remotely."
            if everyone
            else remote_attendance_sentence(attended_remotely)
        )
        lines.append(Para(sentence, align=centre, space_before=True))
    also = with_status(ctx, AttendanceStatus.ALSO_ATTENDING)
    plural_for_one = style.also_plural_for_one is not False
    if also:
        lines.append(
            Para(
                f"(Also in attendance: {also_phrase(also, plural_for_one)})",
                align=centre,
                space_before=True,
            )
        )
    remote = with_status(ctx, AttendanceStatus.REMOTE_OBSERVER)
    if remote:
        names = join_names([display_name(p) for p in remote])
        lines.append(Para(f"(Observing remotely, not present: {names})", align=centre))
    if record.council.lists_officers:
        officers = with_status(ctx, AttendanceStatus.OFFICER)
        if officers:
            names = "; ".join(_with_job(p) for p in officers)
            lines.append(Para(f"(Officers: {names})", align=centre))
    return lines


def _role(ctx: MinuteContext, person_id: str) -> Role | None:
    membership = ctx.record.membership_of(person_id)
    return membership.role if membership is not None else None


def substitutions(ctx: MinuteContext) -> list[tuple[Person, Person, str]]:
    """(member, substitute, group) for each substitution, in the order recorded."""
    record = ctx.record
    found: list[tuple[Person, Person, str]] = []
    for entry in sorted(record.attendance.values(), key=lambda e: e.id):
        if entry.status is not AttendanceStatus.SUBSTITUTE or entry.substitute_for is None:
            continue
        membership = record.membership_of(entry.substitute_for)
        group = entry.group or (membership.group if membership else "")
        found.append((ctx.persons[entry.substitute_for], ctx.persons[entry.person_id], group))
    return found


def apologies_text(ctx: MinuteContext) -> list[str]:
    """The Apologies minute: substitutions, apologies, representation; or that there were none.

    A substituted member keeps their apology; the council's house style words the two:
    Torbay's "membership ... amended to include Y instead of X" (the apology not repeated),
    "Apologies ... from X (substituted by Y)", or the apologies then "Y attended as a
    substitute for X"."""
    record = ctx.record
    style = record.council.house_style.substitution
    texts: list[str] = []
    subs = substitutions(ctx)
    apologies = with_status(ctx, AttendanceStatus.APOLOGIES)
    apologising = {p.id for p in apologies}
    substituted_by = {member.id: substitute for member, substitute, _ in subs}
    after: list[str] = []
    if style is SubstitutionWording.MEMBERSHIP_AMENDED:
        for index, (member, substitute, group) in enumerate(subs):
            texts.append(
                wording.substitution_sentence(ctx.body, group, member, substitute, index == 0)
            )
        apologies = [p for p in apologies if p.id not in substituted_by]
        substituted_by = {}
    else:
        after = [
            wording.attended_as_substitute_sentence(member, substitute)
            for member, substitute, _ in subs
            if style is SubstitutionWording.ATTENDED_AS_SUBSTITUTE or member.id not in apologising
        ]
        if style is SubstitutionWording.ATTENDED_AS_SUBSTITUTE:
            substituted_by = {}
    if apologies:
        roles = {p.id: _role(ctx, p.id) for p in apologies}
        councillors = [
            p for p in apologies if roles[p.id] in (None, Role.CHAIR, Role.VICE_CHAIR, Role.MEMBER)
        ]
        co_opted = [p for p in apologies if roles[p.id] in CO_OPTED_VOTING]
        non_voting = [p for p in apologies if roles[p.id] is Role.CO_OPTED_NON_VOTING]
        texts.append(
            wording.apologies_sentence(
                councillors, co_opted, non_voting, also=bool(texts), substituted_by=substituted_by
            )
        )
    texts.extend(after)
    for entry in sorted(record.attendance.values(), key=lambda e: e.id):
        if entry.status is AttendanceStatus.ALSO_ATTENDING and (
            entry.capacity.strip() or entry.representing.strip()
        ):
            texts.append(
                wording.representation_sentence(
                    ctx.persons[entry.person_id], entry.capacity, entry.representing
                )
            )
    apologies_item = next(i for i in ctx.minuted if i.standard is StandardItem.APOLOGIES)
    if not texts and not record.paragraphs_for(apologies_item.id):
        texts.append("No apologies for absence were received.")
    return texts
