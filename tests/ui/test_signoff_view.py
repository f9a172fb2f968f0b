"""The sign-off view: the demo's 18 August 2021 minutes from draft to signed through the
window, in wet ink and digitally; verify and audit from the window; locked meetings read-only;
a tampered record announced."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QToolButton
from sqlalchemy import text

from clerk.domain.enums import SigningMode
from clerk.domain.signoff.lifecycle import MinutesStage
from clerk.services import audit, signoff
from clerk.services.recording import MeetingSession
from clerk.storage.database import Database
from clerk.ui.help import shortcuts_html
from clerk.ui.live.tables import select_key
from clerk.ui.shortcuts import RECORDING
from tests.conftest import run_clerk
from tests.signoff.helpers import AUGUST, SEPTEMBER, approved, make_pki
from tests.ui.conftest import named, open_dialog

CTRL = Qt.KeyboardModifier.ControlModifier
MINUTES_HEADING = "Minutes of the Children and Young People's Overview and Scrutiny Board"


def press(qtbot, widget, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    top = widget.window()
    if not top.isActiveWindow():
        top.activateWindow()
        qtbot.waitUntil(top.isActiveWindow)
    qtbot.keyClick(widget, key, modifier)


def step_texts(view) -> list[str]:
    return [row.step.text for row in view.steps_model.rows]


def set_day(field, day: date) -> None:
    field.setDate(QDate(day.year, day.month, day.day))


def db_path(database: Database) -> str:
    return database.engine.url.database


# -- the walk, step by step, through the window ------------------------------------------------


def circulate_and_approve(qtbot, view) -> None:
    """The primary button twice: circulated on 19 August, approved on 23 August."""
    assert view.status.stage is MinutesStage.DRAFT
    assert view.next_text.text() == "Circulate the draft minutes to the Chairman (Councillor Bye)."
    assert not view.step_buttons["approve"].isEnabled()
    assert view.step_reasons["approve"].text() == (
        "Not yet: circulate the draft to the Chairman first."
    )
    assert view.primary.text() == "Circulate the draft…"
    view.primary.click()
    dialog = open_dialog(qtbot, view)
    assert named(dialog, "To").currentData() == "bye"
    set_day(named(dialog, "On"), date(2021, 8, 19))
    dialog.accept()
    assert not dialog.isVisible()
    assert view.status.stage is MinutesStage.CIRCULATED
    assert step_texts(view) == ["Circulated to Councillor Bye on 19 August 2021."]
    assert view.steps_model.rows[0].step.recorded_by == "test-clerk"
    assert view.message.text() == "Recorded: Circulated to Councillor Bye on 19 August 2021."

    assert view.primary.text() == "Record the approval…"
    press(qtbot, view.steps_view, Qt.Key.Key_Return, CTRL)  # the next step, from the keyboard
    dialog = open_dialog(qtbot, view)
    set_day(named(dialog, "On"), date(2021, 8, 23))
    dialog.accept()
    assert view.status.stage is MinutesStage.APPROVED
    assert step_texts(view)[1].startswith("Approved by Councillor Bye on 23 August 2021 (record ")
    assert view.lock_banner.isVisible()
    assert (
        "The minutes of 18 August 2021 were approved by Councillor Bye on 23 August 2021 and "
        "are locked" in view.lock_banner.text()
    )
    assert not view.step_buttons["circulate"].isEnabled()
    assert view.step_reasons["circulate"].text() == (
        "The Chairman has approved them: the record is locked."
    )


def open_september_at_its_minutes(qtbot, window, clock):
    """Record the start of the 20 September meeting with the window's live controls."""
    clock.moment = clock.moment.replace(month=9, day=20, hour=9, minute=30)
    window.show_home()
    select_key(window.home.meetings, SEPTEMBER)
    named(window.home, "Open (record)").click()
    view = window.meeting_view
    assert window.controller.meeting_id == SEPTEMBER
    for person in ("bye", "barnby", "douglas-dunbar", "mills"):
        view.attendance.select_person(person)
        view.attendance.do_present()
    press(qtbot, window, Qt.Key.Key_F5)
    press(qtbot, window, Qt.Key.Key_PageDown, CTRL)  # Apologies
    clock.set(9, 32)
    press(qtbot, window, Qt.Key.Key_PageDown, CTRL)  # Minutes
    assert window.controller.record.current_item().title == "Minutes"
    return view


def confirm_at_september(qtbot, window, view, correct: bool) -> None:
    """From the September meeting: F9, the August minutes, confirmed at its Minutes item."""
    press(qtbot, window, Qt.Key.Key_F9)
    assert window.stack.currentWidget() is view
    assert view.meeting_id == SEPTEMBER
    assert view.next_text.text() == "Finish recording the meeting and close it."
    view.meetings.setCurrentIndex(view.meetings.findData(AUGUST))  # "Minutes of:"
    assert view.meeting_id == AUGUST
    assert view.next_text.text() == (
        "Confirm them as a correct record at the next suitable meeting, 20 September 2021 "
        "(meeting 2)."
    )
    view.primary.click()
    dialog = open_dialog(qtbot, view)
    assert dialog.at.currentData() == SEPTEMBER
    if correct:
        paragraph = next(
            value for text_, value in _choices(dialog) if text_.startswith("Minute 17/8/21, second")
        )
        dialog.paragraph.setCurrentIndex(dialog.paragraph.findData(paragraph))
        dialog.new_text.setPlainText("Members heard that 133 young people were supported.")
        dialog.add_button.click()
        assert dialog.list.count() == 1
        assert dialog.list.item(0).text() == (
            'Minute 17/8/21, second paragraph, to read: "Members heard that 133 young people '
            'were supported."'
        )
    dialog.accept()
    assert not dialog.isVisible(), dialog.message.text()
    assert view.status.stage is MinutesStage.CONFIRMED
    assert step_texts(view)[2].startswith(
        "Confirmed as a correct record at the meeting of 20 September 2021 (Minute "
    )
    # The September meeting held open by the window was reloaded: it shows the resolution.
    september = window.controller
    assert september.session.tail_hash == MeetingSession(september.session.database, 2).tail_hash
    minutes_item = september.record.current_item().id
    shown = [row.text for row in window.meeting_view.workspace.paragraphs_model.rows]
    assert window.meeting_view.workspace.item_id == minutes_item
    assert shown[-1].startswith(
        "The Minutes of the meeting of the Board held on 18 August 2021 were confirmed as a "
        "correct record"
    )


def _choices(dialog) -> list[tuple[str, int]]:
    box = dialog.paragraph
    return [(box.itemText(i), box.itemData(i)) for i in range(box.count())]


# -- wet ink ----------------------------------------------------------------------------------


def test_the_august_minutes_are_signed_in_wet_ink_through_the_window(
    qtbot, sqlite_demo, make_window, clock, tmp_path
):
    window = make_window(sqlite_demo)
    window.show_home()
    select_key(window.home.meetings, AUGUST)
    named(window.home, "Open (record)").click()
    meeting = window.meeting_view
    assert not meeting.lock_banner.isVisible()
    assert window.actions["present"].isEnabled()

    press(qtbot, window, Qt.Key.Key_F9)  # from the meeting view
    view = window.signoff_view
    assert window.stack.currentWidget() is view
    assert view.title.text() == f"{MINUTES_HEADING}, 18 August 2021"
    circulate_and_approve(qtbot, view)

    press(qtbot, view.steps_view, Qt.Key.Key_Escape)  # back to the meeting, now read-only
    assert window.stack.currentWidget() is meeting
    assert meeting.lock_banner.isVisible()
    assert not window.actions["present"].isEnabled()
    assert not meeting.workspace.add_paragraph_button.isEnabled()

    september = open_september_at_its_minutes(qtbot, window, clock)
    assert not september.lock_banner.isVisible()
    confirm_at_september(qtbot, window, view, correct=True)
    corrected = MeetingSession(sqlite_demo, AUGUST).record
    assert "Members heard that 133 young people were supported." in [
        p.text for p in corrected.paragraphs.values()
    ]

    # Wet ink: print the minute-book copy, then record the signature with the scan.
    assert view.next_text.text() == "Print the minute-book copy; the Chairman signs it in ink."
    assert view.print_first.isVisible()
    view.print_first.click()
    printing = open_dialog(qtbot, view)
    out = tmp_path / "out" / "minute-book.pdf"
    printing.out.setText(str(out))
    printing.action_button.click()
    qtbot.waitUntil(
        lambda: printing.file is not None or printing.message.isVisible(), timeout=60_000
    )
    assert printing.file == out, printing.message.text()
    assert out.read_bytes().startswith(b"%PDF")
    assert printing.message.text().startswith(f"{out}: minute-book pages 1 to ")
    assert printing.open_file_button.isVisible() and printing.open_folder_button.isVisible()
    printing.reject()

    scan = tmp_path / "signed-scan.pdf"
    scan.write_bytes(b"%PDF-1.4 the minute-book pages as signed by the Chairman")
    assert view.primary.text() == "Record the signature…"
    view.primary.click()
    signing = open_dialog(qtbot, view)
    assert signing.on.date().toPython() == date(2021, 9, 20)  # the confirming meeting
    assert signing.by.currentData() == "bye"
    signing.scan.setText(str(scan))
    signing.action_button.click()
    qtbot.waitUntil(lambda: not signing.isVisible() or signing.message.isVisible(), timeout=60_000)
    assert not signing.isVisible(), signing.message.text()

    assert view.status.stage is MinutesStage.SIGNED
    texts = step_texts(view)
    assert texts[3].startswith("Signed in ink by Councillor Bye on 20 September 2021 (minute-book")
    assert texts[4].startswith("Signed copy signed-scan.pdf attached on ")
    assert view.next_text.text() == "Nothing: the minutes are signed."
    assert not view.primary.isVisible()
    assert [f.file_name for f in view.files_model.rows] == ["signed-scan.pdf"]
    saved = view.save_copy_to(view.files_model.rows[0].id, tmp_path / "copy.pdf")
    assert saved is not None and saved.read_bytes() == scan.read_bytes()
    assert view.step_buttons["attach"].isEnabled()  # a better scan can still be attached
    assert signoff.status(sqlite_demo, AUGUST).problems == ()


# -- digitally --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def pki(tmp_path_factory):
    return make_pki(tmp_path_factory.mktemp("pki"))


def test_the_august_minutes_are_signed_digitally_and_verify_as_clerk_verify_does(
    qtbot, sqlite_demo, make_window, clock, tmp_path, pki
):
    window = make_window(sqlite_demo)
    window.show_home()
    select_key(window.home.meetings, AUGUST)
    named(window.home, "Sign-off").click()  # from the list of meetings
    view = window.signoff_view
    assert window.stack.currentWidget() is view and view.meeting_id == AUGUST

    view.mode_button.click()  # the council's signing mode
    council = open_dialog(qtbot, window)
    mode = named(council, "Minutes are signed")
    mode.setCurrentIndex(mode.findData(SigningMode.DIGITAL))
    council.accept()
    assert "signs minutes digitally (its profile)" in view.mode.text()
    assert not view.step_buttons["print"].isEnabled()
    assert view.step_reasons["print"].text() == (
        "Not used: the council signs digitally (its profile)."
    )

    circulate_and_approve(qtbot, view)
    open_september_at_its_minutes(qtbot, window, clock)
    confirm_at_september(qtbot, window, view, correct=False)

    assert view.primary.text() == "Sign digitally…"
    assert not view.print_first.isVisible()
    view.primary.click()
    dialog = open_dialog(qtbot, view)
    out = tmp_path / "signed" / "minutes-signed.pdf"
    dialog.p12.setText(str(pki.p12))
    dialog.out.setText(str(out))
    dialog.passphrase.setText("not the passphrase")
    dialog.action_button.click()
    qtbot.waitUntil(lambda: dialog.message.isVisible(), timeout=60_000)
    assert dialog.message.text().startswith(
        "chair.p12 could not be opened: the passphrase is wrong or it is not a PKCS#12"
    )
    assert signoff.status(sqlite_demo, AUGUST).stage is MinutesStage.CONFIRMED  # nothing recorded
    assert not out.exists()

    dialog.passphrase.setText(pki.passphrase.decode())
    dialog.action_button.click()
    assert dialog.passphrase.text() == ""  # not kept in the window
    qtbot.waitUntil(
        lambda: dialog.file is not None or "could not" in dialog.message.text(), timeout=60_000
    )
    assert dialog.file == out, dialog.message.text()
    assert dialog.message.text().startswith(f"Signed by Councillor Bye: {out} (SHA-256 ")
    assert view.status.stage is MinutesStage.SIGNED
    assert step_texts(view)[3].startswith("Signed digitally by Councillor Bye on ")
    assert [f.file_name for f in view.files_model.rows] == ["minutes-signed.pdf"]

    dialog.verify_button.click()  # "Verify it…": runs at once, with the configured roots only
    verify = open_dialog(qtbot, view)
    qtbot.waitUntil(lambda: verify.verdict.isVisible(), timeout=60_000)
    untrusted = run_clerk("verify", str(out))
    assert untrusted.returncode == 1
    assert verify.lines() == untrusted.stdout.splitlines()
    assert verify.verdict.text().startswith("NOT TRUSTED")

    verify.add_root(pki.root)
    verify.action_button.click()
    qtbot.waitUntil(lambda: verify.verdict.text().startswith("VALID"), timeout=60_000)
    trusted = run_clerk("verify", str(out), "--trust", str(pki.root))
    assert trusted.returncode == 0, trusted.stdout
    assert verify.lines() == trusted.stdout.splitlines()
    assert verify.lines()[-1] == (
        "Result: VALID: signed by Councillor Bye; the certificate is trusted; the file is "
        "unchanged."
    )

    changed = bytearray(out.read_bytes())
    changed[len(changed) // 2] ^= 0x01
    altered = tmp_path / "altered.pdf"
    altered.write_bytes(bytes(changed))
    verify.file_field.setText(str(altered))
    verify.action_button.click()
    qtbot.waitUntil(
        lambda: verify.lines()[-1:] != [] and "altered" in verify.lines()[0], timeout=60_000
    )
    assert verify.lines()[-1].startswith("Result: NOT VALID")
    assert verify.verdict.objectName() == "verdictBad"


def test_verify_is_on_the_file_menu_without_a_meeting(qtbot, sqlite_demo, make_window, tmp_path):
    window = make_window(sqlite_demo)
    window.run_command("verify")
    dialog = open_dialog(qtbot, window)
    dialog.action_button.click()
    assert dialog.message.text() == "Choose the signed PDF to verify."
    missing = tmp_path / "nowhere.pdf"
    dialog.file_field.setText(str(missing))
    dialog.action_button.click()
    qtbot.waitUntil(lambda: dialog.message.text().startswith("No file"), timeout=60_000)
    assert dialog.message.text() == f"No file {missing}."


# -- locked and tampered ----------------------------------------------------------------------


def test_an_approved_meeting_opens_read_only(qtbot, sqlite_demo, make_window):
    approved(sqlite_demo)
    window = make_window(sqlite_demo)
    view = window.open_meeting(AUGUST)
    before = window.controller.session.tail_hash
    assert view.lock_banner.isVisible()
    assert view.lock_banner.text().startswith(
        "<b>Read-only.</b> The minutes of 18 August 2021 were approved by Councillor Bye on "
        "23 August 2021 and are locked"
    )
    assert [c for c in RECORDING if window.actions[c].isEnabled()] == []
    assert not window.actions["undo"].isEnabled() and not window.actions["redo"].isEnabled()
    assert window.actions["signoff"].isEnabled() and window.actions["audit"].isEnabled()
    workspace = view.workspace
    for button in (workspace.add_paragraph_button, workspace.resolve_button):
        assert not button.isEnabled()
    assert workspace.editor.isReadOnly()
    assert not any(b.isEnabled() for b in view.attendance.findChildren(QToolButton))

    # Still readable: another item, its tabs.
    view.agenda.select_item(6)
    assert workspace.heading.text() == "Minute 17 (item 6): Exploitation Update"
    assert not workspace.add_paragraph_button.isEnabled()  # locked again for the new item
    workspace.show_tab(2)
    assert workspace.tabs.currentIndex() == 2

    # Keys do nothing to the record, and Enter on the agenda says why.
    view.attendance.select_person("bye")
    press(qtbot, view.attendance.view, Qt.Key.Key_A)
    press(qtbot, view.agenda.view, Qt.Key.Key_Return)
    assert view.banner.text().startswith("Read-only: The minutes of 18 August 2021 were approved")
    assert MeetingSession(sqlite_demo, AUGUST).tail_hash == before

    window.open_meeting(SEPTEMBER)  # an open meeting records again
    assert not window.meeting_view.lock_banner.isVisible()
    assert window.actions["present"].isEnabled()


def test_a_record_changed_behind_clerks_back_shows_the_banner_and_the_audit(
    qtbot, sqlite_demo, make_window
):
    with sqlite_demo.transaction() as conn:
        conn.execute(
            text(
                "UPDATE paragraphs SET text = 'Members noted the report.' "
                "WHERE meeting_id = 1 AND id = 4"
            )
        )
    window = make_window(sqlite_demo)
    view = window.open_meeting(AUGUST)
    assert view.tamper.isVisible()
    assert view.tamper.label.text().startswith(
        "<b>Warning: the record of meeting 1 does not match its journal.</b> Minute paragraph 4"
    )
    view.tamper.audit_button.click()
    dialog = open_dialog(qtbot, window)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=60_000)
    assert dialog.lines() == audit.audit_meeting(sqlite_demo, AUGUST).lines()
    assert dialog.verdict.text() == "Result: TAMPERING DETECTED (1 problem(s))."
    dialog.reject()

    signoff.circulate(sqlite_demo, AUGUST, on=date(2021, 8, 19))
    press(qtbot, window, Qt.Key.Key_F9)
    page = window.signoff_view
    assert page.tamper.isVisible()
    assert not page.primary.isEnabled()  # approving is refused until it is resolved
    assert page.step_reasons["approve"].text() == (
        "Refused until the record matches its journal again: see the audit."
    )


def test_the_sign_off_key_is_listed_in_help() -> None:
    html = shortcuts_html()
    assert "<b>F9</b></td><td>Sign-off the minutes</td>" in html
    assert "Esc or Alt+Left" in html


def test_the_sign_off_screenshots_are_drawn_at_laptop_size(styled, tmp_path) -> None:
    from clerk.ui.screenshot import SIZE, render
    from clerk.ui.signoff.gallery import signoff_gallery
    from tests.ui.test_documents_and_screenshot import png_size

    written = signoff_gallery(tmp_path, render)
    assert [p.name for p in written] == [
        "ui-signoff.png",
        "ui-signoff-confirm.png",
        "ui-signoff-signed.png",
        "ui-signoff-locked.png",
        "ui-signoff-digital.png",
        "ui-signoff-verify.png",
    ]
    for path in written:
        if path.name not in ("ui-signoff-confirm.png", "ui-signoff-verify.png"):  # dialogs
            assert png_size(path) == SIZE


def test_the_sign_off_view_has_no_clashing_alt_keys(qtbot, sqlite_demo, make_window) -> None:
    from PySide6.QtWidgets import QWidget

    from tests.ui.test_errors_and_help import mnemonics

    window = make_window(sqlite_demo)
    menus = [a.text()[a.text().index("&") + 1].lower() for a in window.menuBar().actions()]
    view = window.show_signoff(AUGUST)
    for stage in ("draft", "approved", "confirmed"):
        if stage == "approved":
            approved(sqlite_demo)
        if stage == "confirmed":
            from tests.signoff.helpers import under_way

            under_way(sqlite_demo, SEPTEMBER)
            signoff.confirm(sqlite_demo, AUGUST, SEPTEMBER)
        view.refresh()
        letters = menus + mnemonics(view.findChildren(QWidget))
        clashes = {letter for letter in letters if letters.count(letter) > 1}
        assert not clashes, (stage, clashes)
    assert view.print_first.isVisible()
