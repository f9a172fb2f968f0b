"""The ModernGov reader and import, fuzzed like the JSON importer: mutated answers are either
refused in one sentence with the database unchanged, or imported, and then what was imported
is what the answer said (meeting by meeting, item by item)."""

from __future__ import annotations

import copy
import os
from xml.etree import ElementTree as ET

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clerk.domain.errors import ClerkError
from clerk.services import catalogue
from clerk.services.moderngov.answers import MgMeeting
from clerk.services.moderngov.importer import import_answers
from clerk.services.moderngov.reader import read_answer
from clerk.services.moderngov.text import exempt_paragraph
from clerk.storage import repository as repo
from clerk.storage.database import Database
from tests.moderngov.helpers import ALL, council
from tests.reliability.fuzzing import NASTY, fingerprint

EXAMPLES = int(os.environ.get("CLERK_FUZZ_EXAMPLES", "0"))
FUZZ = settings(
    max_examples=EXAMPLES or 60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    derandomize=not EXAMPLES,
    database=None,
)
TEXTS = st.one_of(
    st.text(max_size=40),
    st.sampled_from([str(v) for v in NASTY if isinstance(v, str)]),
    st.sampled_from(
        [
            "31/02/2021",
            "20/09/2021",
            "13.75 pm",
            "noon",
            "&amp;amp;",
            "<b>x</b>",
            "True",
            "False",
            "Cancelled",
            "paragraph 3 of Schedule 12A",
            " \r\n ",
        ]
    ),
)


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, bytes]:
    path = draw(st.sampled_from(ALL))
    raw = path.read_bytes()
    if draw(st.integers(0, 4)) == 0:  # bytes: a slice cut, repeated or replaced
        start = draw(st.integers(0, len(raw) - 1))
        end = draw(st.integers(start, min(len(raw), start + 200)))
        how = draw(st.sampled_from(["cut", "repeat", "insert"]))
        if how == "cut":
            return path.name, raw[:start] + raw[end:]
        if how == "repeat":
            return path.name, raw[:end] + raw[start:end] + raw[end:]
        junk = draw(st.sampled_from([b"<", b"&", b"]]>", b"<!DOCTYPE x>", b"\x00", b"&lol;"]))
        return path.name, raw[:start] + junk + raw[start:]
    root = ET.fromstring(raw)
    elements = list(root.iter())
    for _ in range(draw(st.integers(1, 3))):
        target = draw(st.sampled_from(elements))
        how = draw(st.sampled_from(["text", "drop", "copy", "attr"]))
        parent = next((p for p in elements if target in list(p)), None)
        if how == "text":
            target.text = draw(TEXTS)
        elif how == "attr" and target.attrib:
            key = draw(st.sampled_from(sorted(target.attrib)))
            target.set(key, draw(TEXTS))
        elif how == "drop" and parent is not None:
            parent.remove(target)
            elements = list(root.iter())
        elif how == "copy" and parent is not None:
            parent.append(copy.deepcopy(target))
            elements = list(root.iter())
    return path.name, ET.tostring(root, encoding="utf-8")


def _check_imported(database, answers, done):  # type: ignore[no-untyped-def]
    """Each meeting written is what its GetMeeting answer says."""
    written = {d.meeting_id for d in done}
    details = {a.id: a for _name, a in answers if isinstance(a, MgMeeting)}
    for summary in catalogue.meetings(database):
        answer = details.get(summary.meeting.moderngov_id)
        if summary.id not in written or answer is None:
            continue
        with database.reading() as conn:
            record, _version = repo.load_record(conn, summary.id)
        assert record.meeting.date == answer.date
        if answer.time is not None:
            assert record.meeting.scheduled_time == answer.time
        if answer.location:
            assert record.meeting.venue == answer.location
        kept = [
            i
            for i in answer.items
            if not i.restricted or exempt_paragraph(i.title, *i.paragraphs) is not None
        ]
        assert [(i.number, i.title) for i in record.agenda()] == [(i.number, i.title) for i in kept]
        for item, source in zip(record.agenda(), kept, strict=True):
            assert item.moderngov_id == source.id
            public = {d.url for d in source.documents if not d.restricted}
            assert {d.url for d in item.documents} == public


def test_mutated_answers_are_imported_faithfully_or_refused_clearly(
    sqlite_database: Database,
) -> None:
    database = sqlite_database
    council(database)

    @FUZZ
    @given(st.lists(mutated(), min_size=1, max_size=3))
    def attempt(files: list[tuple[str, bytes]]) -> None:
        before = fingerprint(database)
        try:
            answers = [(name, read_answer(body, name)) for name, body in files]
            _plan, done = import_answers(database, answers)
        except ClerkError as error:
            message = str(error)
            assert message.strip() and "\n" not in message, message
            assert fingerprint(database) == before, f"refused, but changed: {message}"
            return
        _check_imported(database, answers, done)

    attempt()
