"""Part II reports: left out of the public pack (the item stays, with its reason), in the
members' pack with every page marked confidential. Late items: a supplementary pack of just
those, with the reason for urgency. And the legal clock's warning, which never refuses."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest

from clerk.domain.actions.agenda import AddItem
from clerk.domain.errors import ClerkError
from clerk.services import setup
from clerk.services.agenda_pack import PackOptions, build_pack
from clerk.services.recording import MeetingSession
from clerk.services.reports import attach_report
from clerk.storage.database import Database
from tests.agenda.helpers import page_reference, pages
from tests.agenda.pdfs import make_pdf
from tests.documents.readback import docx_text

MEETING_DAY = date(2021, 10, 18)
REASON = "The consultation closes before the Board next meets"


@pytest.fixture
def october(sqlite_demo: Database, tmp_path: Path) -> int:
    """The Board's meeting of 18 October 2021: the standard items, a public report (4 pages),
    a Part II report (3 pages, paragraph 3), and an item added late (2 pages)."""
    meeting_id = setup.create_meeting(
        sqlite_demo, "cyp-scrutiny-board", MEETING_DAY, at=time(10, 0), venue="Town Hall"
    )
    session = MeetingSession(sqlite_demo, meeting_id)
    session.apply(AddItem(number="5", title="School Places", purpose="To note the forecast."))
    session.apply(
        AddItem(
            number="6",
            title="Residential Placement Contract",
            purpose="To consider the award of the contract.",
            invited_officers=("the Head of Commissioning",),
            exempt_paragraph=3,
        )
    )
    session.apply(AddItem(number="7", title="Youth Consultation Response", urgency_reason=REASON))
    for item, name, count in (("5", "places", 4), ("6", "contract", 3), ("7", "youth", 2)):
        path = tmp_path / f"{name}.pdf"
        path.write_bytes(make_pdf(count, name.upper()))
        attach_report(sqlite_demo, meeting_id, item, path)
    return meeting_id


def _build(database: Database, meeting_id: int, **options: object) -> tuple[list[str], str]:
    pack = build_pack(database, meeting_id, PackOptions(published=date(2021, 10, 8), **options))
    text = pages(pack.pdf)
    return text, " ".join(t for t in text if "Agenda Item" not in t)


def test_the_public_pack_leaves_the_part_two_report_out_but_lists_the_item(
    sqlite_demo: Database, october: int
) -> None:
    text, agenda = _build(sqlite_demo, october)
    assert not any("CONTRACT page" in page for page in text)
    assert "Part II: Items in respect of which the press and public may be excluded" in agenda
    assert "paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972" in agenda
    assert "6. Residential Placement Contract" in agenda
    assert page_reference(agenda, "6", "Residential Placement Contract") is None
    assert "The report is not for publication" in agenda
    # The Part II item's purpose and invited officers are withheld with its report.
    assert "To consider the award of the contract." not in agenda
    assert "Head of Commissioning" not in agenda
    first, last = page_reference(agenda, "7", "Youth Consultation Response") or (0, 0)
    assert "YOUTH page 1 of 2" in text[first - 1] and "YOUTH page 2 of 2" in text[last - 1]
    assert f"Reason for urgency: {REASON}." in agenda


def test_the_members_pack_has_it_marked_confidential_on_every_page(
    sqlite_demo: Database, october: int
) -> None:
    text, agenda = _build(sqlite_demo, october, members=True)
    first, last = page_reference(agenda, "6", "Residential Placement Contract") or (0, 0)
    assert last - first + 1 == 3
    assert "To consider the award of the contract." in agenda
    assert "Head of Commissioning has been invited" in agenda
    for page in range(first, last + 1):
        assert "CONTRACT page" in text[page - 1]
        assert "Confidential: not for publication" in text[page - 1]
    assert not any(
        "Confidential: not for publication (Schedule 12A" in page
        for number, page in enumerate(text, start=1)
        if not first <= number <= last
    )
    # the late item's report moved on by the three pages
    public = page_reference(_build(sqlite_demo, october)[1], "7", "Youth Consultation Response")
    members = page_reference(agenda, "7", "Youth Consultation Response")
    assert public is not None and members is not None and members[0] == public[0] + 3


def test_the_supplementary_pack_lists_only_the_late_items_with_the_reason(
    sqlite_demo: Database, october: int
) -> None:
    text, agenda = _build(sqlite_demo, october, supplementary=True)
    assert "SUPPLEMENTARY AGENDA" in agenda
    assert "7. Youth Consultation Response" in agenda
    assert f"Reason for urgency: {REASON}." in agenda
    for other in ("5. School Places", "1. Apologies", "6. Residential"):
        assert other not in agenda
    assert sum("YOUTH page" in page for page in text) == 2


def test_a_late_pack_is_still_made_with_a_warning(
    sqlite_demo: Database, october: int, tmp_path: Path
) -> None:
    from clerk.services.agenda_pack import generate_agenda_pack

    written = generate_agenda_pack(
        sqlite_demo, october, ["docx,pdf"], tmp_path, published=date(2021, 10, 13)
    )
    assert [p.name for p in written.paths] == [
        "cyp-scrutiny-board-2021-10-18-agenda.docx",
        "cyp-scrutiny-board-2021-10-18-agenda.pdf",
    ]
    assert written.check.late and written.check.latest == date(2021, 10, 8)
    warning = written.check.warning() or ""
    assert "gives 2 clear days" in warning and "Friday, 8 October 2021" in warning
    assert "Wednesday, 13 October 2021" in docx_text(written.paths[0].read_bytes())


def test_a_meeting_with_no_agenda_says_so(sqlite_demo: Database) -> None:
    meeting_id = setup.create_meeting(
        sqlite_demo, "cyp-scrutiny-board", date(2021, 11, 15), standard_items=False
    )
    with pytest.raises(ClerkError, match="has no agenda"):
        build_pack(sqlite_demo, meeting_id, PackOptions(published=date(2021, 11, 1)))
    with pytest.raises(ClerkError, match="no item added late"):
        build_pack(sqlite_demo, 1, PackOptions(published=date(2021, 8, 1), supplementary=True))
