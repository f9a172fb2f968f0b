"""Public minutes and trackers never carry exempt detail: a property test.

Hypothesis generates meetings with exempt items (Schedule 12A) whose every text field carries
a marker (``QZSECRET<field>``): titles that are not public, purposes, recommendations, minute
paragraphs, motions, amendments, resolutions, declarations' nature and dispensations, actions
and their comments, adjournment reasons, notes; and, on public items, a paragraph exempt on
its own (a correction to an exempt minute) and an exempt action carried there. No marker may
reach the public Word or PDF (read back with python-docx and pypdf), nor the published tracker;
the confidential version has them all.
"""

from __future__ import annotations

import re
import tempfile
from datetime import date, time
from io import BytesIO
from pathlib import Path
from zipfile import ZipFile

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from sqlalchemy import delete, select

from clerk.documents.attendance_record import compose_attendance
from clerk.documents.html import render_html
from clerk.documents.minutes import MinutesOptions, compose_minutes
from clerk.documents.model import Document
from clerk.documents.pdf import render_pdf
from clerk.documents.tracker import compose_tracker
from clerk.documents.word import render_docx
from clerk.domain.entities import (
    ActionItem,
    AgendaItem,
    Attendance,
    Comment,
    Declaration,
    Motion,
    MovementEntry,
    Paragraph,
    Part,
    ProceduralEvent,
    Resolution,
    VoteChoice,
    VoteEvent,
)
from clerk.domain.enums import (
    ActionStatus,
    AmendmentOp,
    AttendanceStatus,
    EventKind,
    InterestConduct,
    InterestKind,
    ItemState,
    MeetingStatus,
    MotionKind,
    MotionOutcome,
    Movement,
    StandardItem,
    VoteMethod,
    VoteOption,
    VoteResult,
)
from clerk.domain.record import MeetingRecord
from clerk.domain.search import SearchFilters
from clerk.services import setup
from clerk.services.attendance import HEADINGS, attendance_report, csv_text, notes, table_rows
from clerk.services.demo import load_setup
from clerk.services.recording import create_with_journal
from clerk.services.search import search
from clerk.storage.across_models import SearchEntryRow
from clerk.storage.database import Database, open_database
from clerk.storage.models import MeetingRow, table_of
from tests.core.builders import board_record
from tests.documents.readback import docx_text, outline_titles, pdf_text

MARK = "QZSECRET"
MARKER = re.compile(MARK + r"\w*")
COUNCILLORS = ["bye", "barnby", "mandy-darling", "douglas-dunbar", "mills"]


class _Ids:
    def __init__(self) -> None:
        self.counts: dict[str, int] = {}

    def __call__(self, name: str) -> int:
        self.counts[name] = self.counts.get(name, 0) + 1
        return self.counts[name]


@st.composite
def meetings(draw: st.DrawFn) -> MeetingRecord:
    record = board_record()
    record.meeting = record.meeting.__class__(
        committee=record.meeting.committee,
        date=record.meeting.date,
        status=MeetingStatus.CLOSED,
        started_at=time(9, 30),
        ended_at=time(12, 0),
    )
    ids = _Ids()
    for person in [*COUNCILLORS, "laura-colman"]:
        entry_id = ids("attendance")
        record.attendance[entry_id] = Attendance(entry_id, person, AttendanceStatus.PRESENT)
    standard = [(StandardItem.APOLOGIES, "Apologies")]
    if draw(st.booleans()):
        standard.append((StandardItem.DECLARATIONS, "Declarations of Interest"))
    count = draw(st.integers(1, 3))
    exempt = draw(st.lists(st.booleans(), min_size=count, max_size=count))
    exempt[draw(st.integers(0, count - 1))] = True
    minute = 0
    for kind, title in standard:
        minute += 1
        item_id = ids("items")
        record.items[item_id] = AgendaItem(
            item_id, str(item_id), title, item_id, kind, minute_number=minute
        )
    for index, secret in enumerate(exempt):
        minute += 1
        item_id = ids("items")

        def text(field: str, secret: bool = secret, n: int = index) -> str:
            return f"{field} {MARK}{field}{n}" if secret else f"{field} open {n}"

        title_public = draw(st.booleans())
        record.items[item_id] = AgendaItem(
            id=item_id,
            number=str(item_id),
            title=f"Public title {index}" if title_public or not secret else text("title"),
            position=item_id,
            purpose=text("purpose"),
            report_pages=text("pages"),
            invited_officers=(text("officer"),),
            recommendations=(Part(text("recommendation")),),
            exempt_paragraph=draw(st.integers(1, 7)) if secret else None,
            title_is_public=title_public,
            public_summary=draw(st.sampled_from(["", f"Summary of item {index}."])),
            minute_number=minute,
            state=ItemState.DONE,
        )
        if secret and draw(st.booleans()):
            event_id = ids("events")
            paragraph = record.items[item_id].exempt_paragraph
            record.events[event_id] = ProceduralEvent(
                event_id, EventKind.PUBLIC_EXCLUDED, time(10, 0), item_id, paragraph
            )
        for position in range(draw(st.integers(0, 2))):
            paragraph_id = ids("paragraphs")
            record.paragraphs[paragraph_id] = Paragraph(
                paragraph_id, item_id, position, text("paragraph")
            )
        if not secret and draw(st.booleans()):  # exempt on its own: a confirmed correction
            paragraph_id = ids("paragraphs")
            record.paragraphs[paragraph_id] = Paragraph(
                paragraph_id,
                item_id,
                9,
                f"{MARK}ownparagraph{index}",
                exempt_paragraph=draw(st.integers(1, 7)),
            )
        if not secret and draw(st.booleans()):  # an exempt action carried here
            action_id = ids("actions")
            record.actions[action_id] = ActionItem(
                action_id,
                item_id,
                Part(f"{MARK}carried{index}"),
                owner=f"{MARK}carriedowner{index}",
                comments=(Comment(date(2021, 9, 21), f"{MARK}carriedcomment{index}"),),
                carried_from=f"cyp-scrutiny-board/2021-07-27#minute-9/action-{index + 1}",
                exempt_paragraph=draw(st.integers(1, 7)),
            )
        _decide(draw, record, ids, item_id, text)
        if draw(st.booleans()):
            sensitive = draw(st.booleans())
            conduct = draw(st.sampled_from(list(InterestConduct)))
            public_nature = f"public nature {index}" if draw(st.booleans()) else ""
            declaration_id = ids("declarations")
            record.declarations[declaration_id] = Declaration(
                declaration_id,
                draw(st.sampled_from(COUNCILLORS)),
                item_id,
                draw(
                    st.sampled_from(
                        [InterestKind.DISCLOSABLE_PECUNIARY, InterestKind.NON_PECUNIARY]
                    )
                ),
                nature="" if sensitive else (public_nature or text("nature")),
                sensitive=sensitive,
                conduct=conduct,
                dispensation_ref=public_nature or text("dispensation"),
                # On an exempt item the nature prints publicly only when not marked as
                # revealing exempt information; None: recorded before the mark existed.
                nature_public=True if public_nature else draw(st.sampled_from([None, False])),
            )
        if draw(st.booleans()):
            action_id = ids("actions")
            record.actions[action_id] = ActionItem(
                action_id,
                item_id,
                Part(text("action"), (Part(text("subaction")),)),
                owner=text("owner"),
                due=date(2021, 10, 1),
                status=draw(st.sampled_from(list(ActionStatus))),
                comments=(Comment(date(2021, 9, 21), text("comment")),),
            )
        if draw(st.booleans()):
            adjourned, resumed = ids("events"), ids("events")
            record.events[adjourned] = ProceduralEvent(
                adjourned, EventKind.ADJOURNED, time(10, 30), item_id, text=text("reason")
            )
            record.events[resumed] = ProceduralEvent(
                resumed, EventKind.RESUMED, time(10, 40), item_id
            )
        if draw(st.booleans()):
            note_id = ids("events")
            record.events[note_id] = ProceduralEvent(
                note_id, EventKind.NOTE, time(10, 45), item_id, text=text("note")
            )
        if draw(st.booleans()):
            movement_id = ids("movements")
            record.movements[movement_id] = MovementEntry(
                movement_id, "mills", Movement.LEFT, time(11, 0), item_id
            )
    return record


def _decide(draw: st.DrawFn, record: MeetingRecord, ids: _Ids, item_id: int, text: object) -> None:
    """A motion (perhaps amended), its vote and its resolution, all in the item's words."""
    assert callable(text)
    if not draw(st.booleans()):
        return
    mover, seconder = draw(st.permutations(COUNCILLORS))[:2]
    outcome = draw(st.sampled_from(list(MotionOutcome)))
    motion_id = ids("motions")
    record.motions[motion_id] = Motion(
        motion_id,
        item_id,
        MotionKind.MOTION,
        mover,
        parts=(Part(text("part"), (Part(text("subpart")),)), Part(text("part2"))),
        preamble=text("preamble"),
        seconder_id=seconder,
        outcome=outcome,
    )
    if draw(st.booleans()):
        amendment_id = ids("motions")
        amendment_outcome = draw(st.sampled_from(list(MotionOutcome)))
        record.motions[amendment_id] = Motion(
            amendment_id,
            item_id,
            MotionKind.AMENDMENT,
            seconder,
            parts=(Part(text("amendment")),),
            seconder_id=mover,
            amends_id=motion_id,
            op=draw(st.sampled_from(list(AmendmentOp))),
            target_part="1",
            outcome=amendment_outcome,
        )
        _vote(draw, record, ids, amendment_id, amendment_outcome)
    _vote(draw, record, ids, motion_id, outcome)
    if outcome is MotionOutcome.CARRIED and draw(st.booleans()):
        resolution_id = ids("resolutions")
        record.resolutions[resolution_id] = Resolution(
            resolution_id,
            item_id,
            parts=(Part(text("resolved"), (Part(text("resolvedsub")),)),),
            preamble=text("resolvedpreamble"),
            motion_id=motion_id,
        )


def _vote(
    draw: st.DrawFn, record: MeetingRecord, ids: _Ids, motion_id: int, outcome: MotionOutcome
) -> None:
    if outcome not in (MotionOutcome.CARRIED, MotionOutcome.LOST):
        return
    carried = outcome is MotionOutcome.CARRIED
    method = draw(st.sampled_from(list(VoteMethod)))
    vote_id = ids("votes")
    result = VoteResult.PASS if carried else VoteResult.FAIL
    if method is VoteMethod.ASSENT:
        vote = VoteEvent(vote_id, motion_id, method, VoteResult.PASS)
    elif draw(st.booleans()):  # a tie, settled by the chair
        casting = VoteOption.YES if carried else VoteOption.NO
        choices = tuple(
            VoteChoice(p, o)
            for p, o in zip(
                COUNCILLORS[:4],
                [VoteOption.YES, VoteOption.YES, VoteOption.NO, VoteOption.NO],
                strict=True,
            )
        )
        vote = VoteEvent(
            vote_id,
            motion_id,
            method,
            result,
            2,
            2,
            0,
            choices if method is VoteMethod.RECORDED else (),
            "bye",
            casting,
        )
    else:
        yes, no = (4, 1) if carried else (1, 4)
        options = [VoteOption.YES] * yes + [VoteOption.NO] * no
        choices = tuple(VoteChoice(p, o) for p, o in zip(COUNCILLORS, options, strict=True))
        vote = VoteEvent(
            vote_id,
            motion_id,
            method,
            result,
            yes,
            no,
            0,
            choices if method is VoteMethod.RECORDED else (),
        )
    record.votes[vote_id] = vote


def _public_text(document: Document) -> list[str]:
    """Everything a reader could see in the composed document."""
    meta = document.metadata
    return [
        *document.text_lines(),
        *document.furniture.markings,
        document.furniture.running_left,
        document.furniture.running_right,
        meta.title,
        meta.subject,
        meta.keywords,
    ]


def _docx_everything(data: bytes) -> str:
    """Every XML part of the .docx: body, headers, footers, properties."""
    archive = ZipFile(BytesIO(data))
    return "".join(
        archive.read(name).decode("utf-8") for name in archive.namelist() if name.endswith(".xml")
    )


def _pdf_everything(data: bytes, document: Document) -> str:
    reader = PdfReader(BytesIO(data))
    outline = outline_titles(reader.outline)
    meta = reader.metadata or {}
    return " ".join([pdf_text(data, document.furniture), *outline, *map(str, meta.values())])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(meetings())
def test_no_exempt_detail_in_the_composed_public_minutes_or_tracker(record: MeetingRecord) -> None:
    public = compose_minutes(record, MinutesOptions(confidential=False))
    leaks = MARKER.findall(" ".join(_public_text(public)))
    assert not leaks, leaks
    tracker = compose_tracker(record.council, record.committee, [record])
    leaks = MARKER.findall(" ".join(_public_text(tracker)))
    assert not leaks, leaks
    confidential = compose_minutes(record, MinutesOptions(confidential=True))
    assert "Confidential: not for publication" in confidential.furniture.markings
    for item in record.items.values():
        if item.exempt and record.paragraphs_for(item.id):
            assert any(MARK in line for line in confidential.text_lines())
        for paragraph in record.paragraphs_for(item.id):
            if paragraph.exempt_paragraph is not None:
                assert paragraph.text in confidential.text_lines()
            elif not item.exempt:
                assert paragraph.text in public.text_lines()


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(meetings())
def test_no_exempt_detail_reaches_the_public_word_or_pdf(record: MeetingRecord) -> None:
    for document in (
        compose_minutes(record, MinutesOptions(confidential=False)),
        compose_tracker(record.council, record.committee, [record]),
    ):
        word, pdf = render_docx(document), render_pdf(document)
        assert not MARKER.findall(_docx_everything(word))
        assert not MARKER.findall(_pdf_everything(pdf, document))
        assert not MARKER.findall(render_html(document).decode("utf-8"))
        assert docx_text(word) == pdf_text(pdf, document.furniture)
    confidential = compose_minutes(record, MinutesOptions(confidential=True))
    word = render_docx(confidential)
    exempt_words = [
        p.text
        for p in record.paragraphs.values()
        if record.items[p.item_id].exempt or p.exempt_paragraph is not None
    ]
    for paragraph in exempt_words:
        assert paragraph in docx_text(word)


# -- the search index and the attendance record: public outputs too ---------------------------

_SEARCH_DB: dict[str, Database] = {}


def _search_database() -> Database:
    """One SQLite database for every example (each example replaces the meeting)."""
    if "db" not in _SEARCH_DB:
        database = open_database(str(Path(tempfile.mkdtemp()) / "search.sqlite3"))
        demo = load_setup()
        setup.save_council(database, demo.council)
        for person in demo.persons:
            setup.save_person(database, person)
        setup.save_committee(database, demo.committee)
        _SEARCH_DB["db"] = database
    return _SEARCH_DB["db"]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(meetings())
def test_no_exempt_detail_in_a_public_search_or_the_attendance_record(
    record: MeetingRecord,
) -> None:
    database = _search_database()
    with database.transaction() as conn:
        conn.execute(delete(table_of(MeetingRow)))
        create_with_journal(conn, record, "test", "import", "Imported", {})
    markers = set()
    with database.reading() as conn:
        for body, confidential in conn.execute(
            select(SearchEntryRow.body, SearchEntryRow.confidential)
        ):
            found = MARKER.findall(body)
            assert not found or confidential, found
            markers.update(found)
    for marker in sorted(markers):
        public = search(database, marker)
        shown = [r.title + " " + r.snippet + " " + r.where for r in public.results]
        assert not MARKER.findall(" ".join(shown)), shown
        secret = search(database, marker, SearchFilters(include_confidential=True))
        assert secret.results and all(r.confidential for r in secret.results)
    report = attendance_report(database, record.committee.slug, today=record.meeting.date)
    rendered = csv_text(report) + " ".join(
        compose_attendance(
            "Council", report.title, "", HEADINGS, table_rows(report), notes(report)
        ).text_lines()
    )
    assert not MARKER.findall(rendered)
