"""Every item model passes Qt's model tester, before and while the record changes."""

from __future__ import annotations

from datetime import date, time

import pytest

from clerk.domain.actions.attendance import Leave
from clerk.domain.actions.declarations import Declare
from clerk.domain.entities import VoteChoice
from clerk.domain.enums import InterestKind, VoteOption
from clerk.services import catalogue
from clerk.services.recording import MeetingSession
from clerk.ui.models.agenda import AgendaModel, agenda_rows
from clerk.ui.models.attendance import AttendanceModel, attendance_rows
from clerk.ui.models.business import (
    ActionsModel,
    DeclarationsModel,
    MotionsModel,
    ParagraphsModel,
    action_rows,
    declaration_rows,
    motion_rows,
    paragraph_rows,
)
from clerk.ui.models.setup import (
    CommitteesModel,
    MeetingsModel,
    MembershipsModel,
    PeopleModel,
    membership_rows,
)
from clerk.ui.models.votes import VoteGridModel, voter_rows
from clerk.ui.screenshot import stage_september_vote


@pytest.fixture
def august(sqlite_demo):
    meeting_id = next(
        m.id for m in catalogue.meetings(sqlite_demo) if m.meeting.date == date(2021, 8, 18)
    )
    return MeetingSession(sqlite_demo, meeting_id).record


@pytest.fixture
def september(sqlite_demo):
    session = MeetingSession(sqlite_demo, stage_september_vote(sqlite_demo))
    item = session.record.current_item()
    session.apply(Declare("mills", item.id, InterestKind.NON_PECUNIARY, nature="a governor"))
    return session


def check(qtmodeltester, model, rows) -> None:
    model.set_rows(rows)
    assert model.rowCount() == len(rows) > 0
    qtmodeltester.check(model, force_py=False)
    qtmodeltester.check(model, force_py=True)


def test_meeting_record_models(qtmodeltester, august):
    item = next(i for i in august.agenda() if i.title == "Exploitation Update")
    check(qtmodeltester, AgendaModel(), agenda_rows(august))
    check(qtmodeltester, AttendanceModel(), attendance_rows(august, item.id))
    check(qtmodeltester, ParagraphsModel(), paragraph_rows(august, item.id))
    check(qtmodeltester, MotionsModel(), motion_rows(august, item.id))
    check(qtmodeltester, ActionsModel(), action_rows(august))


def test_declarations_and_vote_grid_models(qtmodeltester, september):
    record = september.record
    item = record.current_item()
    check(qtmodeltester, DeclarationsModel(), declaration_rows(record, item.id))
    grid = VoteGridModel()
    check(qtmodeltester, grid, voter_rows(record, item))
    assert grid.rows[0].eligible
    assert grid.set_choice(0, VoteOption.YES)
    assert grid.choices() == (VoteChoice(grid.rows[0].key, VoteOption.YES),)
    qtmodeltester.check(grid, force_py=False)


def test_set_up_models(qtmodeltester, sqlite_demo):
    committees = catalogue.committees(sqlite_demo)
    persons = catalogue.persons(sqlite_demo)
    check(qtmodeltester, CommitteesModel(), committees)
    check(qtmodeltester, MeetingsModel(), catalogue.meetings(sqlite_demo))
    check(qtmodeltester, PeopleModel(), list(persons.values()))
    check(qtmodeltester, MembershipsModel(), membership_rows(committees[0].memberships, persons))


def test_models_stay_valid_while_the_record_changes(qtmodeltester, september):
    """A live model keeps its rows (dataChanged) on a status change and resets on new rows."""
    record = september.record
    item = record.current_item()
    model = AttendanceModel()
    model.set_rows(attendance_rows(record, item.id))
    qtmodeltester.check(model, force_py=False)
    resets = []
    model.modelReset.connect(lambda: resets.append(True))
    changed = []
    model.dataChanged.connect(lambda *_: changed.append(True))
    september.apply(Leave("barnby", at=time(10, 50)))
    model.set_rows(attendance_rows(record, item.id))
    assert changed and not resets  # same people: the view keeps its selection
    row = model.rows[model.row_of("barnby")]
    assert row.status == "Left 10.50 am (Minute 20)" and not row.present
    september.undo()
    september.apply(Declare("barnby", item.id, InterestKind.DISCLOSABLE_PECUNIARY, nature="x"))
    model.set_rows(attendance_rows(record, item.id))
    assert model.rows[model.row_of("barnby")].withdrawn
    grid = VoteGridModel()
    grid.set_rows(voter_rows(record, item))
    qtmodeltester.check(grid, force_py=False)
    refused = []
    grid.refused.connect(refused.append)
    barnby = grid.row_of("barnby")
    assert not grid.set_choice(barnby, None)
    assert refused == [
        "Councillor Barnby declared a disclosable pecuniary interest in this item "
        "and has withdrawn."
    ]
