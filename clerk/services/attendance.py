"""The attendance record across meetings, and the six-month rule for every member.

The service gathers records and facts; the domain classifies (``attendance_record.classify``)
and decides where each member stands (``rules.six_months.position``). The report is shown in
the window, written as CSV, or composed into Word and PDF by ``clerk.documents.attendance``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import Connection

from clerk.domain.attendance_record import Tally, people_to_report, tally
from clerk.domain.entities import Committee, Person
from clerk.domain.errors import ClerkError
from clerk.domain.names import display_name
from clerk.domain.record import MeetingRecord
from clerk.domain.rules import six_months
from clerk.domain.rules.six_months import (
    AbsenceApproval,
    AttendanceSettings,
    SixMonthPosition,
)
from clerk.domain.timefmt import long_date, short_date
from clerk.services.recording import current_user
from clerk.storage import attendance_store as store
from clerk.storage import repository as repo
from clerk.storage.database import Database

#: What the attendance report reads of each meeting record.
COLLECTIONS = ("attendance", "movements")


@dataclass(frozen=True)
class Line:
    """One row of the report: a member of a committee (or a person at one committee)."""

    person: Person
    committee: Committee
    tally: Tally


@dataclass(frozen=True)
class Report:
    #: "committee" or "person".
    subject: str
    title: str
    date_from: date | None
    date_to: date | None
    as_of: date
    meetings: int
    lines: list[Line]
    #: Each person's standing under the six-month rule on ``as_of``.
    six_months: dict[str, SixMonthPosition]
    settings: AttendanceSettings
    message: str = ""
    people: dict[str, Person] = field(default_factory=dict)

    def range_words(self) -> str:
        """ "meetings from 2021-08-01 to 2021-09-30", or "all meetings"."""
        if self.date_from and self.date_to:
            return f"meetings from {self.date_from.isoformat()} to {self.date_to.isoformat()}"
        if self.date_from:
            return f"meetings from {self.date_from.isoformat()}"
        if self.date_to:
            return f"meetings up to {self.date_to.isoformat()}"
        return "all meetings"


def attendance_report(
    database: Database,
    subject: str,
    date_from: date | None = None,
    date_to: date | None = None,
    today: date | None = None,
) -> Report:
    """The attendance of a committee's members, or of one person at every committee."""
    if date_from and date_to and date_from > date_to:
        raise ClerkError(
            f"The date range is empty: {date_from.isoformat()} is after {date_to.isoformat()}."
        )
    today = today or date.today()
    as_of = min(today, date_to) if date_to else today
    with database.reading() as conn:
        persons = repo.load_persons(conn)
        committees = {c.slug: c for c in repo.list_committees(conn)}
        settings = store.load_settings(conn)
        if subject in committees:
            kind, slugs = "committee", [subject]
            title = committees[subject].name
        else:
            person = find_person(persons, subject)
            # Only the committees the person belonged to or attended: the rest say nothing.
            member_of = {
                c.slug
                for c in committees.values()
                if any(m.person_id == person.id for m in c.memberships)
            }
            kind = "person"
            slugs = sorted(member_of | store.committees_attended(conn, person.id))
            title = display_name(person)
        ids = [
            meeting_id
            for slug in slugs
            for meeting_id, _slug, meeting in repo.list_meetings(conn, slug)
            if (date_from is None or meeting.date >= date_from)
            and (date_to is None or meeting.date <= date_to)
        ]
        records = repo.load_records(conn, ids, collections=COLLECTIONS) if ids else []
        lines = _lines(records, committees, persons, None if kind == "committee" else person.id)
        people = sorted(
            {line.person.id for line in lines} | ({person.id} if kind == "person" else set())
        )
        positions = _positions(conn, people, persons, committees, as_of, settings)
    held = [r for r in records if r.meeting.status.value != "scheduled"]
    message = ""
    if not held:
        message = f"No meetings were held {_range_phrase(date_from, date_to)}."
    return Report(
        subject=kind,
        title=title,
        date_from=date_from,
        date_to=date_to,
        as_of=as_of,
        meetings=len(held),
        lines=lines,
        six_months=positions,
        settings=settings,
        message=message,
        people={p: persons[p] for p in people},
    )


def find_person(persons: dict[str, Person], subject: str) -> Person:
    if subject in persons:
        return persons[subject]
    wanted = subject.strip().lower()
    matches = [p for p in persons.values() if wanted in (p.name.lower(), display_name(p).lower())]
    if len(matches) == 1:
        return matches[0]
    raise ClerkError(
        f"'{subject}' is neither a committee nor a person in this database "
        "(see 'clerk list' for committees; people are named by their id, e.g. 'bye')."
    )


def _range_phrase(date_from: date | None, date_to: date | None) -> str:
    if date_from and date_to:
        return f"between {date_from.isoformat()} and {date_to.isoformat()}"
    if date_from:
        return f"from {date_from.isoformat()}"
    if date_to:
        return f"up to {date_to.isoformat()}"
    return "yet"


def _lines(
    records: list[MeetingRecord],
    committees: dict[str, Committee],
    persons: dict[str, Person],
    only: str | None,
) -> list[Line]:
    by_committee: dict[str, list[MeetingRecord]] = {}
    for record in records:
        by_committee.setdefault(record.committee.slug, []).append(record)
    lines: list[Line] = []
    for slug in sorted(by_committee, key=lambda s: committees[s].name):
        group = by_committee[slug]
        for person_id in people_to_report(group):
            if only is not None and person_id != only:
                continue
            counted = tally(group, person_id)
            if counted.counted:
                lines.append(Line(persons[person_id], committees[slug], counted))
    return lines


def _positions(
    conn: Connection,
    people: list[str],
    persons: dict[str, Person],
    committees: dict[str, Committee],
    as_of: date,
    settings: AttendanceSettings,
) -> dict[str, SixMonthPosition]:
    days = store.attendance_days(conn, people, as_of)
    outside = store.outside_attendance(conn, people)
    approvals = store.load_approvals(conn, people)
    positions: dict[str, SixMonthPosition] = {}
    for person_id in people:
        qualifying = [
            day
            for day, statuses in days.get(person_id, {}).items()
            if six_months.attended(statuses, day, settings)
        ]
        qualifying += outside.get(person_id, [])
        starts = [
            m.start_date
            for c in committees.values()
            for m in c.memberships
            if m.person_id == person_id and m.start_date is not None
        ]
        positions[person_id] = six_months.position(
            persons[person_id],
            qualifying,
            approvals.get(person_id, []),
            as_of,
            settings,
            took_office=min(starts) if starts else None,
        )
    return positions


# -- recording the rule's facts ---------------------------------------------------------------


def approve_absence(
    database: Database,
    person_id: str,
    approved_on: date,
    minute: str,
    reason: str = "",
    until: date | None = None,
) -> AbsenceApproval:
    """Record the council's approval of a member's reason for not attending."""
    if not minute.strip():
        raise ClerkError("Give the minute that records the council's approval (--minute).")
    if until is not None and until < approved_on:
        raise ClerkError(
            f"The approved absence cannot end ({until.isoformat()}) before it was approved "
            f"({approved_on.isoformat()})."
        )
    with database.transaction() as conn:
        person = _person(repo.load_persons(conn), person_id)
        if not six_months.applies_to(person):
            raise ClerkError(
                f"{display_name(person)} is not a member of the council, so the six-month "
                "rule does not apply to them; nothing was recorded."
            )
        approval = AbsenceApproval(0, person.id, approved_on, minute.strip(), reason.strip(), until)
        new_id = store.add_approval(conn, approval, current_user(), datetime.now())
    return AbsenceApproval(new_id, person.id, approved_on, minute.strip(), reason.strip(), until)


def record_outside_attendance(database: Database, person_id: str, on: date, body: str) -> int:
    """Record a member's attendance at a body the council appoints to (counts for s.85)."""
    if not body.strip():
        raise ClerkError("Name the body the member attended as the council's representative.")
    with database.transaction() as conn:
        person = _person(repo.load_persons(conn), person_id)
        return store.add_outside_attendance(
            conn, person.id, on, body.strip(), current_user(), datetime.now()
        )


def settings(database: Database) -> AttendanceSettings:
    with database.reading() as conn:
        return store.load_settings(conn)


def change_settings(
    database: Database, warning_weeks: int | None = None, remote_counts: bool | None = None
) -> AttendanceSettings:
    if warning_weeks is not None and not 0 <= warning_weeks <= 26:
        raise ClerkError(
            f"The warning must be 0 to 26 weeks before the six months end, not {warning_weeks}."
        )
    with database.transaction() as conn:
        current = store.load_settings(conn)
        changed = AttendanceSettings(
            current.warning_weeks if warning_weeks is None else warning_weeks,
            current.remote_counts if remote_counts is None else remote_counts,
        )
        store.save_settings(conn, changed)
    return changed


def _person(persons: dict[str, Person], person_id: str) -> Person:
    if person_id not in persons:
        raise ClerkError(f"No person '{person_id}' in this database; nothing was recorded.")
    return persons[person_id]


# -- the report as a table (the window, CSV, Word and PDF all show these rows) ---------------

HEADINGS = (
    "Member",
    "Committee",
    "Expected",
    "In person",
    "Remote",
    "Apologies",
    "Absent",
    "Substituted",
    "As substitute",
    "Late",
    "Left early",
    "Last attended",
    "Six months end",
    "Six-month rule",
)

STANDING_WORDS: dict[six_months.Standing, str] = {
    six_months.Standing.CLEAR: "Clear",
    six_months.Standing.WARNING: "Warning: ends soon",
    six_months.Standing.APPROVED: "Absence approved",
    six_months.Standing.CEASED: "Six months passed",
    six_months.Standing.UNKNOWN: "No attendance recorded",
    six_months.Standing.NOT_APPLICABLE: "Not a councillor",
}


def standing_words(position: SixMonthPosition) -> str:
    words = STANDING_WORDS[position.standing]
    if position.approval is not None and position.standing is six_months.Standing.APPROVED:
        words += f" ({position.approval.minute})"
    if position.late_approvals:
        words += f"; approval {position.late_approvals[0].minute} came after the six months"
    return words


def table_rows(report: Report) -> list[tuple[str, ...]]:
    """One row per line of the report, in ``HEADINGS`` order."""
    rows: list[tuple[str, ...]] = []
    for line in report.lines:
        t = line.tally
        position = report.six_months.get(
            line.person.id, SixMonthPosition(six_months.Standing.UNKNOWN)
        )
        rows.append(
            (
                display_name(line.person),
                line.committee.name,
                str(t.expected),
                str(t.in_person),
                str(t.remote),
                str(t.apologies),
                str(t.absent),
                str(t.substituted),
                str(t.as_substitute),
                str(t.late),
                str(t.left_early),
                position.last_attendance.isoformat() if position.last_attendance else "",
                position.period_ends.isoformat() if position.period_ends else "",
                standing_words(position),
            )
        )
    return rows


def shown_table(report: Report) -> tuple[tuple[str, ...], list[tuple[str, ...]]]:
    """The table as the Word and PDF documents print it (landscape A4): the column every row
    shares is left out (a committee's report: the committee; a person's: the member),
    substitutes sent and acted share a column and so do late and left early, and dates are
    in the house style (18/8/21). The CSV keeps every column as ``HEADINGS`` has them."""
    rows = [_printed(row) for row in table_rows(report)]
    headings = _printed(HEADINGS, heading=True)
    same = 1 if report.subject == "committee" else 0  # the column every row shares
    return _without(headings, same), [_without(row, same) for row in rows]


def _printed(row: tuple[str, ...], heading: bool = False) -> tuple[str, ...]:
    if heading:
        return (*row[:7], "Subst. sent / acted", "Late / left early", *row[11:13], "Standing")
    dates = tuple(short_date(date.fromisoformat(v)) if v else "" for v in row[11:13])
    return (*row[:7], f"{row[7]} / {row[8]}", f"{row[9]} / {row[10]}", *dates, row[13])


def _without(values: tuple[str, ...], index: int) -> tuple[str, ...]:
    return values[:index] + values[index + 1 :]


def notes(report: Report) -> list[str]:
    """The sentences under the table: what counts, the settings, any warnings."""
    settings = report.settings
    remote = "A member present remotely (in Wales; in England until 6 May 2021) counts. " + (
        "Remote observing counts as attendance (the council's setting)."
        if settings.remote_counts
        else "Remote observing does not count (in England, not since 7 May 2021)."
    )
    lines = [
        f"Six-month rule (section 85, Local Government Act 1972) as at {long_date(report.as_of)}: "
        "attendance at any meeting of the council or its committees counts. " + remote,
        f"A warning is shown when the six months end within {settings.warning_weeks} weeks.",
    ]
    for person_id, position in report.six_months.items():
        person = report.people.get(person_id)
        if person is None:
            continue
        if position.standing is six_months.Standing.WARNING and position.period_ends:
            lines.append(
                f"{display_name(person)}: the six months end on {long_date(position.period_ends)}."
            )
        elif position.standing is six_months.Standing.CEASED and position.period_ends:
            lines.append(
                f"{display_name(person)}: six months without attendance ended on "
                f"{long_date(position.period_ends)} with no reason approved in time."
            )
    return lines


def csv_text(report: Report) -> str:
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADINGS)
    writer.writerows(table_rows(report))
    return out.getvalue()


def write_report(report: Report, council: str, formats: list[str], out_dir: Path) -> list[Path]:
    """Write the report as CSV, Word and/or PDF (all rendered before any file is written)."""
    from clerk.documents.attendance_record import compose_attendance
    from clerk.services.documents import RENDERERS, write_documents

    names = [f.strip().lower().lstrip(".") for entry in formats for f in entry.split(",")]
    names = list(dict.fromkeys(n for n in names if n))
    unknown = [n for n in names if n != "csv" and n not in RENDERERS]
    if unknown or not names:
        raise ClerkError(
            f"'{', '.join(unknown) or ''}' is not a format Clerk writes here: give csv, docx, "
            "pdf or a list of them, e.g. csv,pdf."
        )
    stem = "attendance-" + _slug(report.title)
    document = compose_attendance(
        council,
        report.title,
        f"{report.range_words().capitalize()}: {report.meetings} held",
        *shown_table(report),
        notes(report),
        empty=report.message,
    )
    extra = {"csv": csv_text(report).encode("utf-8")} if "csv" in names else {}
    return write_documents(document, [n for n in names if n != "csv"], out_dir, stem, extra, names)


def _slug(text: str) -> str:
    words = "".join(c.lower() if c.isalnum() else " " for c in text).split()
    return "-".join(words) or "report"
