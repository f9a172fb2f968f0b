"""The agenda pack from the window: reports attached in the agenda editor, File → Agenda pack…
off the UI thread with progress, the five-clear-days warning, then the files offered."""

from __future__ import annotations

from datetime import date, datetime

from pypdf import PdfReader

from clerk.ui.live.tables import select_key
from clerk.ui.setup.agenda import AgendaEditor
from tests.agenda.pdfs import make_pdf
from tests.ui.conftest import named, open_dialog


def test_a_report_is_attached_and_removed_in_the_agenda_editor(
    qtbot, sqlite_demo, make_window, tmp_path
):
    window = make_window(sqlite_demo)
    window.open_meeting(2)
    editor = AgendaEditor(window.controller, window)
    qtbot.addWidget(editor)
    item = next(i for i in window.controller.record.items.values() if i.number == "5")
    select_key(editor.view, item.id)
    bad = tmp_path / "notes.pdf"
    bad.write_text("plain text", encoding="utf-8")
    editor.attach(bad)
    assert editor.message.text() == "notes.pdf is not a PDF."
    good = tmp_path / "pledge.pdf"
    good.write_bytes(make_pdf(3))
    editor.attach(good)
    row = editor.model.index(item.position - 1, editor.model.TITLE)
    assert "report: pledge.pdf (3 pages)" in row.data()
    assert window.actions["undo"].text() == "&Undo: attach the report pledge.pdf to item 5"
    (report,) = window.controller.record.items[item.id].reports
    editor.detach(report.sha256)
    assert window.controller.record.items[item.id].reports == ()
    window.undo()
    assert window.controller.record.items[item.id].reports == (report,)


def test_the_pack_is_made_off_the_ui_thread_and_warns_when_late(
    qtbot, sqlite_demo, make_window, clock, tmp_path
):
    clock.moment = datetime(2021, 9, 14, 16, 0)
    window = make_window(sqlite_demo)
    window.open_meeting(2)
    window.run_command("agenda_pack")
    dialog = open_dialog(qtbot, window)
    assert "Publish by Friday, 10 September 2021" in dialog.deadline.text()
    warning = named(dialog, "Publication warning")
    assert warning.isVisible() and "gives 3 clear days" in warning.text()
    dialog.published.setDate(date(2021, 9, 10))
    assert not warning.isVisible()
    dialog.folder.setText(str(tmp_path))
    steps = []
    dialog.signals.step.connect(lambda done, total, what: steps.append((done, total)))
    dialog.generate_button.click()
    qtbot.waitUntil(lambda: dialog.files.count() > 0, timeout=120_000)
    assert [p.name for p in dialog.paths] == [
        "cyp-scrutiny-board-2021-09-20-agenda.docx",
        "cyp-scrutiny-board-2021-09-20-agenda.pdf",
    ]
    assert steps and steps[-1][0] == steps[-1][1] - 1  # progress reached the last step
    assert dialog.chosen_file() == dialog.paths[1]  # the whole pack is offered first
    assert dialog.open_file_button.isVisible() and dialog.open_folder_button.isVisible()
    first = PdfReader(str(dialog.paths[1])).pages[0].extract_text()
    assert "Friday, 10 September 2021" in first
