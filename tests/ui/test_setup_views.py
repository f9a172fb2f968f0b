"""Setting up through the window: the welcome view, a council, people, a committee, a meeting
and its agenda, an imported record. No JSON editing anywhere."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate

from clerk.domain.enums import PersonKind, Role, StandardItem
from clerk.services import catalogue
from clerk.services.demo import load_demo
from clerk.services.record_json import export_meeting
from clerk.storage.database import open_database
from clerk.ui.live.tables import select_key
from tests.ui.conftest import named, open_dialog


def ok(qtbot, dialog) -> None:
    dialog.accept()
    assert not dialog.isVisible(), dialog.message.text()


def test_an_empty_database_shows_the_welcome_and_opens_the_demo(
    qtbot, sqlite_database, make_window
):
    window = make_window(sqlite_database)
    assert window.stack.currentWidget() is window.welcome
    assert window.welcome.demo_button.hasFocus()
    for name in ("Open the demo", "Create a committee", "Import a meeting record"):
        assert named(window.welcome, name).isVisible()
    named(window.welcome, "Open the demo").click()
    assert window.stack.currentWidget() is window.home
    assert [c.slug for c in window.home.committees_model.rows] == ["cyp-scrutiny-board"]
    dates = [m.meeting.date for m in window.home.meetings_model.rows]
    assert dates == [date(2021, 8, 18), date(2021, 9, 20)]
    assert window.home.selected_meeting() == window.home.meetings_model.rows[1].id  # next one
    assert not window.home.resume_frame.isVisible()


def test_a_committee_and_its_first_meeting_set_up_from_nothing(
    qtbot, sqlite_database, make_window, clock
):
    window = make_window(sqlite_database)
    named(window.welcome, "Create a committee").click()
    council = open_dialog(qtbot, window)
    qtbot.keyClicks(named(council, "Council"), "Anytown Borough Council")
    ok(qtbot, council)
    editor = open_dialog(qtbot, window)
    qtbot.keyClicks(named(editor, "Name"), "Planning Committee")
    assert named(editor, "Short id").text() == "planning-committee"
    named(editor, "Quorum number (or numerator)").setValue(4)
    qtbot.keyClicks(named(editor, "Minute prefix"), "PLN")
    for name, kind, role, group in (
        ("Ahmed", "Councillor", "Chair", "Independent"),
        ("Brown", "Councillor", "Member", "Labour Group"),
        ("Clare Diaz", "Co-optee", "Co-opted (votes on education)", ""),
    ):
        named(editor, "Add member").click()
        member = open_dialog(qtbot, editor)
        named(member, "New person").click()
        qtbot.waitUntil(lambda: editor.dialog_person.isVisible())
        person = editor.dialog_person
        qtbot.keyClicks(named(person, "Name"), name)
        kinds = named(person, "Kind")
        kinds.setCurrentIndex(kinds.findText(kind))
        ok(qtbot, person)
        assert named(member, "Person").currentData() == name.lower().replace(" ", "-")
        roles = named(member, "Role")
        roles.setCurrentIndex(roles.findText(role))
        qtbot.keyClicks(named(member, "Group"), group)
        ok(qtbot, member)
    assert [r.name for r in editor.model.rows] == [
        "Councillor Ahmed",
        "Councillor Brown",
        "Clare Diaz",
    ]
    editor.accept()
    assert not editor.isVisible(), editor.message.text()
    committee = catalogue.committee(sqlite_database, "planning-committee")
    assert committee.quorum.value == 4
    assert committee.minute_prefix == "PLN"
    assert [(m.person_id, m.role, m.group) for m in committee.memberships] == [
        ("ahmed", Role.CHAIR, "Independent"),
        ("brown", Role.MEMBER, "Labour Group"),
        ("clare-diaz", Role.CO_OPTED_EDUCATION, ""),
    ]
    assert catalogue.persons(sqlite_database)["clare-diaz"].kind is PersonKind.CO_OPTEE
    assert window.stack.currentWidget() is window.home

    clock.moment = clock.moment.replace(year=2024, month=6, day=3)
    named(window.home, "New meeting").click()
    meeting = open_dialog(qtbot, window)
    assert named(meeting, "Date").date() == QDate(2024, 6, 3)
    qtbot.keyClicks(named(meeting, "Venue"), "Council Chamber")
    ok(qtbot, meeting)
    view = window.meeting_view
    assert window.stack.currentWidget() is view
    record = window.controller.record
    assert [(i.number, i.title, i.standard) for i in record.agenda()] == [
        ("1", "Apologies", StandardItem.APOLOGIES),
        ("2", "Minutes", StandardItem.MINUTES),
        ("3", "Declarations of Interest", StandardItem.DECLARATIONS),
        ("4", "Urgent Items", StandardItem.URGENT),
    ]
    view.do_edit_agenda()
    agenda = open_dialog(qtbot, view)
    named(agenda, "Add an item").click()
    item = open_dialog(qtbot, agenda)
    qtbot.keyClicks(named(item, "Title"), "Land at Mill Lane: purchase")
    exempt = named(item, "Exempt (Part II)")
    exempt.setCurrentIndex(exempt.findData(3))
    named(item, "Recommendations").setPlainText(
        "1. that the land be bought\n   a. at the price in the report\n"
        "2. that the Head of Legal complete the purchase"
    )
    ok(qtbot, item)
    added = record.agenda()[-1]
    assert (added.number, added.exempt_paragraph, added.title_is_public) == ("5", 3, True)
    assert [p.text for p in added.recommendations] == [
        "that the land be bought",
        "that the Head of Legal complete the purchase",
    ]
    assert added.recommendations[0].parts[0].text == "at the price in the report"
    assert agenda.model.rows[-1].title == "Land at Mill Lane: purchase (Part II)"
    # refused: a second item 5
    named(agenda, "Add an item").click()
    again = open_dialog(qtbot, agenda)
    named(again, "Number").setText("5")
    qtbot.keyClicks(named(again, "Title"), "Another")
    again.accept()
    assert again.isVisible()
    assert again.message.text() == "There is already an item 5 on the agenda."
    again.reject()
    select_key(agenda.view, added.id)
    named(agenda, "Move the selected item up").click()
    assert [i.number for i in record.agenda()][-2:] == ["5", "4"]
    assert window.actions["undo"].text() == "&Undo: move item 5 up"


def test_a_meeting_record_is_imported_from_the_window(
    qtbot, sqlite_database, make_window, tmp_path
):
    source = open_database(str(tmp_path / "elsewhere.sqlite3"))
    load_demo(source)
    path = tmp_path / "august.json"
    path.write_text(export_meeting(source, 1), encoding="utf-8")
    source.dispose()
    window = make_window(sqlite_database)
    meeting_id = window.import_record_file(path)
    assert meeting_id is not None
    assert window.stack.currentWidget() is window.home
    assert [m.meeting.date for m in window.home.meetings_model.rows] == [date(2021, 8, 18)]
    assert window.import_record_file(tmp_path / "missing.json") is None
    qtbot.waitUntil(lambda: window.dialog is not None and window.dialog.isVisible())
    assert "No file" in window.dialog.text()


def test_people_are_added_and_edited(qtbot, sqlite_demo, make_window):
    window = make_window(sqlite_demo)
    window.show_people()
    people = open_dialog(qtbot, window)
    named(people, "Add person").click()
    person = open_dialog(qtbot, people)
    qtbot.keyClicks(named(person, "Name"), "Bye")
    ok_refused = person.accept()
    assert ok_refused is None and person.isVisible()
    assert (
        person.message.text() == "There is already a person with the id 'bye': choose another id."
    )
    named(person, "Id").setText("bye-2")
    ok(qtbot, person)
    assert people.model.row_of("bye-2") >= 0
