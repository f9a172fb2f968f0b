"""What an import from ModernGov would add and change, worked out before anything is written.

The plan is the preview (``clerk import-moderngov --dry-run``, the window's preview dialog)
and what the import then writes, so the two cannot disagree. A meeting's changes are found
by applying its ``import_moderngov`` action to a copy of the meeting: the domain decides what
changes, the preview only describes it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, time, timedelta

from clerk.domain.actions.base import Context
from clerk.domain.actions.importing import ImportedItem, ImportModernGov, recorded_reason
from clerk.domain.changes import Changes, diff
from clerk.domain.entities import Committee, Link, Meeting, Membership, Person
from clerk.domain.enums import CommitteeKind, MeetingKind, StandardItem
from clerk.domain.errors import ClerkError, RuleViolation
from clerk.domain.names import join_names
from clerk.domain.record import MeetingRecord
from clerk.domain.timefmt import long_date
from clerk.services.moderngov import matching
from clerk.services.moderngov.answers import (
    Answer,
    Committees,
    Councillors,
    MeetingList,
    MgAgendaItem,
    MgCommittee,
    MgMeeting,
    MgMeetingSummary,
)
from clerk.services.moderngov.text import exempt_paragraph, report_pages
from clerk.storage import repository as repo
from clerk.storage.database import Database


@dataclass(frozen=True)
class Options:
    from_date: date | None = None
    include_cancelled: bool = False
    include_expired: bool = False


@dataclass(frozen=True)
class Line:
    """One line of the preview: ``add``, ``change``, ``link``, ``skip`` or ``note``."""

    kind: str
    text: str


@dataclass
class MeetingPlan:
    moderngov_id: str
    committee: str
    day: date
    meeting_id: int | None
    action: ImportModernGov | None
    lines: list[Line] = field(default_factory=list)

    @property
    def reference(self) -> str:
        return f"{self.committee}/{self.day.isoformat()}"


@dataclass
class Plan:
    persons: dict[str, Person] = field(default_factory=dict)
    committees: dict[str, Committee] = field(default_factory=dict)
    meetings: list[MeetingPlan] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)

    def say(self, kind: str, text: str) -> None:
        self.lines.append(Line(kind, text))

    @property
    def empty(self) -> bool:
        return not self.persons and not self.committees and not self.writes

    @property
    def writes(self) -> list[MeetingPlan]:
        return [m for m in self.meetings if m.action is not None]

    def all_lines(self) -> list[Line]:
        lines = list(self.lines)
        for meeting in self.meetings:
            lines += meeting.lines
        return lines

    def count(self, kind: str) -> int:
        return sum(1 for line in self.all_lines() if line.kind == kind)


def _standard(title: str) -> StandardItem:
    words = title.lower()
    if words.startswith("apolog"):
        return StandardItem.APOLOGIES
    if words.startswith("minutes"):
        return StandardItem.MINUTES
    if "declaration" in words and "interest" in words:
        return StandardItem.DECLARATIONS
    if words.startswith("urgent"):
        return StandardItem.URGENT
    return StandardItem.BUSINESS


class _Planner:
    def __init__(self, database: Database, answers: list[tuple[str, Answer]], options: Options):
        self.database = database
        self.options = options
        self.plan = Plan()
        self.mg_committees: dict[str, MgCommittee] = {}
        self.details: dict[str, MgMeeting] = {}
        self.summaries: dict[str, MgMeetingSummary] = {}
        self.councillors = []
        for source, answer in answers:
            if isinstance(answer, Committees):
                self.mg_committees.update({c.id: c for c in answer.committees})
            elif isinstance(answer, MgMeeting):
                if self.details.get(answer.id, answer) != answer:
                    raise ClerkError(
                        f"ModernGov meeting {answer.id} is given twice, differently "
                        f"(again in {source}); nothing imported."
                    )
                self.details[answer.id] = answer
            elif isinstance(answer, MeetingList):
                self.summaries.update({m.id: m for m in answer.meetings})
            elif isinstance(answer, Councillors):
                self.councillors += list(answer.councillors)
        with database.reading() as conn:
            self.council = repo.load_council(conn)
            self.persons = repo.load_persons(conn)
            self.committees = {c.slug: c for c in repo.list_committees(conn)}
            self.meetings = repo.list_meetings(conn)

    # -- people ---------------------------------------------------------------------------

    def person(self, someone: matching.Someone) -> Person:
        known = {**self.persons, **self.plan.persons}
        found = matching.find_person(known.values(), someone.moderngov_id, someone.name)
        if found is not None:
            if someone.moderngov_id and not found.moderngov_id:
                linked = matching.link(found, someone.moderngov_id)
                self.plan.persons[found.id] = linked
                self.plan.say(
                    "link", f"{found.name} ({found.id}) is ModernGov member {someone.moderngov_id}"
                )
                return linked
            return found
        person = matching.new_person(someone, known)
        self.plan.persons[person.id] = person
        what = {"councillor": "councillor", "officer": "officer", "co-optee": "co-optee"}
        kind = what.get(person.kind.value, "person")
        self.plan.say("add", f"{kind} {someone.honorific} {person.name}".replace("  ", " "))
        return person

    # -- committees -----------------------------------------------------------------------

    def committee(self, moderngov_id: str, title: str, category: str = "") -> Committee:
        known = {**self.committees, **self.plan.committees}
        found = matching.find_committee(known.values(), moderngov_id, title)
        if found is not None:
            if not found.moderngov_id:
                found = replace(found, moderngov_id=moderngov_id)
                self.plan.committees[found.slug] = found
                self.plan.say("link", f"{found.name} is ModernGov committee {moderngov_id}")
            return found
        committee = matching.new_committee(title, category, moderngov_id, known)
        self.plan.committees[committee.slug] = committee
        self.plan.say(
            "add",
            f"committee {committee.name} ({committee.slug}); quorum {committee.quorum.value}"
            f"{'/' + str(committee.quorum.denominator) if committee.quorum.denominator > 1 else ''}"
            ": check it under Set up",
        )
        return committee

    def committee_for(self, moderngov_id: str, title: str) -> Committee | None:
        listed = self.mg_committees.get(moderngov_id)
        expired = listed is not None and (listed.expired or listed.deleted)
        if expired and not self.options.include_expired:
            return None
        title = listed.title if listed is not None else title
        if not title:
            known = {**self.committees, **self.plan.committees}.values()
            found = next((c for c in known if c.moderngov_id == moderngov_id), None)
            if found is None:
                raise ClerkError(
                    f"ModernGov committee {moderngov_id} is neither in Clerk nor in the answers "
                    "given: add its GetCommittees answer; nothing imported."
                )
            return found
        return self.committee(moderngov_id, title, listed.category if listed else "")

    # -- memberships ----------------------------------------------------------------------

    def memberships(self, committee: Committee, meeting: MgMeeting, lines: list[Line]) -> Committee:
        by_id = {c.id: c for c in self.councillors}
        memberships = list(committee.memberships)
        listed: set[str] = set()
        for attendee in meeting.attendees:
            person = self.person(matching.from_attendee(attendee))
            role = matching.role_of(attendee)
            if role is None:
                continue
            listed.add(person.id)
            councillor = by_id.get(attendee.member_id)
            group = matching.group_name(
                attendee.party or (councillor.party if councillor else ""),
                councillor.group if councillor else "",
            )
            active = [
                m for m in memberships if m.person_id == person.id and m.active_on(meeting.date)
            ]
            if not active:
                memberships.append(Membership(person.id, role, group, start_date=meeting.date))
                lines.append(
                    Line(
                        "add",
                        f"{person.name} to {committee.name} as {role.value} "
                        f"from {long_date(meeting.date)}",
                    )
                )
            elif active[0].role is not role:
                old = active[0]
                if old.start_date is not None and old.start_date >= meeting.date:
                    lines.append(
                        Line(
                            "note",
                            f"ModernGov has {person.name} as {role.value} of {committee.name} on "
                            f"{long_date(meeting.date)}; Clerk has {old.role.value} (not changed)",
                        )
                    )
                    continue
                index = memberships.index(old)
                memberships[index] = replace(old, end_date=meeting.date - timedelta(days=1))
                memberships.append(replace(old, role=role, start_date=meeting.date, end_date=None))
                lines.append(
                    Line(
                        "change",
                        f"{person.name}: {old.role.value} → {role.value} of {committee.name} from "
                        f"{long_date(meeting.date)}",
                    )
                )
        known = {**self.persons, **self.plan.persons}
        unlisted = [
            known[m.person_id].name if m.person_id in known else m.person_id
            for m in memberships
            if m.active_on(meeting.date) and m.person_id not in listed
        ]
        if unlisted and meeting.attendees:
            lines.append(
                Line(
                    "note",
                    f"ModernGov does not list {join_names(unlisted)} for "
                    f"{long_date(meeting.date)}; "
                    "Clerk's membership is left as it is",
                )
            )
        changed = replace(committee, memberships=tuple(memberships))
        if changed != committee:
            self.plan.committees[committee.slug] = changed
        return changed

    # -- meetings -------------------------------------------------------------------------

    def items(self, meeting: MgMeeting, lines: list[Line]) -> tuple[ImportedItem, ...]:
        items = []
        for source in meeting.items:
            item = self.item(source, lines)
            if item is not None:
                items.append(item)
        return tuple(items)

    def item(self, source: MgAgendaItem, lines: list[Line]) -> ImportedItem | None:
        pages, paragraphs = report_pages(list(source.paragraphs))
        paragraph = None
        if source.restricted:
            paragraph = exempt_paragraph(source.title, *source.paragraphs)
            if paragraph is None:
                lines.append(
                    Line(
                        "skip",
                        f"item {source.number} ({source.title}) is restricted in ModernGov but "
                        "does not say which paragraph of Schedule 12A applies: add it by hand",
                    )
                )
                return None
        return ImportedItem(
            moderngov_id=source.id,
            number=source.number,
            title=source.title,
            standard=_standard(source.title),
            purpose="\n".join(paragraphs),
            report_pages=pages,
            exempt_paragraph=paragraph,
            documents=tuple(Link(d.title, d.url) for d in source.documents if not d.restricted),
        )

    def existing(self, committee: str, moderngov_id: str, day: date) -> int | None:
        for meeting_id, _slug, meeting in self.meetings:
            if meeting.moderngov_id == moderngov_id:
                return meeting_id
        for meeting_id, slug, meeting in self.meetings:
            if slug == committee and meeting.date == day and not meeting.moderngov_id:
                return meeting_id
        return None

    def meeting(self, known: MgMeeting | MgMeetingSummary, detail: MgMeeting | None) -> None:
        """``known``: the meeting in full (GetMeeting) or as listed (GetMeetings)."""
        mg_id, day, committee_id = known.id, known.date, known.committee_id
        cancelled = known.cancelled
        if self.options.from_date is not None and day < self.options.from_date:
            return
        title = f"ModernGov meeting {mg_id} ({long_date(day)})"
        if cancelled and not self.options.include_cancelled:
            self.plan.say("skip", f"{title}: cancelled (ask for cancelled meetings to include it)")
            return
        committee = self.committee_for(committee_id, detail.committee_title if detail else "")
        if committee is None:
            self.plan.say("skip", f"{title}: its committee {committee_id} has expired")
            return
        plan = MeetingPlan(mg_id, committee.slug, day, None, None)
        self.plan.meetings.append(plan)
        meeting_id = self.existing(committee.slug, mg_id, day)
        record = self._record(committee, day, meeting_id)
        where = f"the meeting of {long_date(day)} ({committee.name})"
        if meeting_id is not None and record.meeting.date != day:
            plan.lines.append(
                Line(
                    "skip",
                    f"ModernGov meeting {mg_id} has moved from {long_date(record.meeting.date)} "
                    f"to {long_date(day)}: Clerk keeps its date; change it by hand",
                )
            )
            return
        reason = recorded_reason(record) if meeting_id is not None else None
        if reason is not None:
            # Nothing from a recorded meeting may change it, its membership on the day included.
            plan.lines.append(Line("skip", f"{where}: already recorded in Clerk ({reason})"))
            return
        if detail is not None:
            committee = self.memberships(committee, detail, plan.lines)
            record.committee = committee
        kind = MeetingKind.ORDINARY
        status = known.status.lower()
        if "extraordinary" in status:
            kind = MeetingKind.EXTRAORDINARY
        elif "budget" in status and committee.kind is CommitteeKind.COUNCIL:
            kind = MeetingKind.BUDGET
        if kind is MeetingKind.ORDINARY:
            kind = record.meeting.kind
        action = ImportModernGov(
            moderngov_id=mg_id,
            scheduled_time=known.time,
            venue=detail.location if detail else "",
            meeting_kind=kind,
            cancelled=cancelled,
            agenda=detail is not None,
            items=self.items(detail, plan.lines) if detail else (),
        )
        plan.meeting_id = meeting_id
        before = record.snapshot()
        try:
            action.apply(record, Context(now=record.meeting.scheduled_time or _NOON, today=day))
        except RuleViolation as error:
            plan.lines.insert(0, Line("skip", f"{where}: {error}"))
            return
        changes = diff(before, record)
        if meeting_id is not None and changes.empty:
            plan.lines.insert(0, Line("note", f"{where}: unchanged"))
            return
        plan.action = action
        head = "add" if meeting_id is None else "change"
        plan.lines[0:0] = [Line(head, where), *describe(changes, meeting_id is None)]
        return

    def _record(self, committee: Committee, day: date, meeting_id: int | None) -> MeetingRecord:
        if meeting_id is not None:
            with self.database.reading() as conn:
                record, _version = repo.load_record(conn, meeting_id)
            return record
        if self.council is None:
            raise ClerkError(
                "Set up the council profile before importing meetings from ModernGov "
                "(Set up, Council profile); nothing imported."
            )
        return MeetingRecord(self.council, committee, {}, Meeting(committee.slug, day))

    def run(self) -> Plan:
        for councillor in self.councillors:
            self.person(matching.from_councillor(councillor))
        wanted = sorted(
            {*self.details, *self.summaries},
            key=lambda i: (self._day(i), i),
        )
        for mg_id in wanted:
            detail = self.details.get(mg_id)
            self.meeting(detail or self.summaries[mg_id], detail)
        if not wanted:
            for listed in self.mg_committees.values():
                if (listed.expired or listed.deleted) and not self.options.include_expired:
                    self.plan.say("skip", f"committee {listed.title}: expired in ModernGov")
                    continue
                self.committee(listed.id, listed.title, listed.category)
        return self.plan

    def _day(self, mg_id: str) -> date:
        found = self.details.get(mg_id) or self.summaries[mg_id]
        return found.date


_NOON = time(12, 0)


def describe(changes: Changes, new: bool) -> list[Line]:
    """An action's changes as preview lines."""
    lines: list[Line] = []
    if changes.meeting is not None:
        before, after = changes.meeting
        for name in ("scheduled_time", "venue", "kind", "status"):
            old, value = getattr(before, name), getattr(after, name)
            if old != value and value not in (None, ""):
                shown = value.strftime("%H:%M") if hasattr(value, "strftime") else str(value)
                verb = "set" if new or old in (None, "") else "change"
                lines.append(Line("change", f"  {name.replace('_', ' ')}: {verb} to {shown}"))
    for _key, (old, new_item) in sorted(changes.entities.get("items", {}).items()):
        if old is None:
            exempt = f" (exempt, paragraph {new_item.exempt_paragraph})" if new_item.exempt else ""
            lines.append(Line("add", f"  item {new_item.number}: {new_item.title}{exempt}"))
        elif new_item is None:
            lines.append(Line("change", f"  remove item {old.number} ({old.title})"))
        else:
            fields = [
                f.replace("_", " ")
                for f in ("number", "title", "purpose", "report_pages", "exempt_paragraph")
                if getattr(old, f) != getattr(new_item, f)
            ]
            if fields:
                lines.append(
                    Line(
                        "change",
                        f"  item {new_item.number} ({new_item.title}): {', '.join(fields)}",
                    )
                )
    return lines


def make_plan(database: Database, answers: list[tuple[str, Answer]], options: Options) -> Plan:
    """The preview of importing ``answers`` (source name, answer); nothing is written."""
    return _Planner(database, answers, options).run()
