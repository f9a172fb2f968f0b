"""The window's confirm dialog: a correction to an exempt minute stays out of the public minutes."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QWidget

from clerk.services import signoff
from clerk.services.documents import minutes_document
from clerk.services.recording import MeetingSession
from clerk.ui.signoff.dialogs import ConfirmDialog
from tests.documents.leaks import leaks
from tests.signoff.exempt_scenario import SECRET, record_october

CORRECTED = f"The Board considered the {SECRET} provider's revised finances."


def test_the_confirm_dialog_keeps_an_exempt_correction_confidential(qtbot, sqlite_demo) -> None:
    scenario = record_october(sqlite_demo)
    october = MeetingSession(sqlite_demo, scenario.october).record
    parent = QWidget()
    qtbot.addWidget(parent)
    done: list[bool] = []
    dialog = ConfirmDialog(
        parent,
        sqlite_demo,
        october,
        signoff.status(sqlite_demo, scenario.october),
        lambda: done.append(True),
    )
    assert dialog.at.currentData() == scenario.november
    index = dialog.paragraph.findData(scenario.exempt_paragraph)
    assert dialog.paragraph.itemText(index).startswith(
        f"Minute {scenario.exempt_minute} (exempt), first paragraph: "
    )
    dialog.paragraph.setCurrentIndex(index)
    dialog.new_text.setPlainText(CORRECTED)
    dialog.add_button.click()
    dialog.accept()
    assert done == [True], dialog.message.text()
    assert leaks(sqlite_demo, scenario.november, re.compile(SECRET)) == {}
    _record, confidential = minutes_document(sqlite_demo, scenario.november, confidential=True)
    assert f'Minute {scenario.exempt_minute}, first paragraph, to read: "{CORRECTED}"' in (
        confidential.text_lines()
    )
