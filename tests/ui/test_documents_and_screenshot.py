"""Documents generated off the UI thread; ``clerk --demo --screenshot``."""

from __future__ import annotations

import struct

import pytest

from clerk.ui import documents
from tests.conftest import run_clerk
from tests.documents.conftest import record_september
from tests.ui.conftest import named, open_dialog


def png_size(path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", header[16:24])


def test_the_screenshot_command_renders_the_demo_vote_at_laptop_size(tmp_path):
    out = tmp_path / "shot.png"
    result = run_clerk("--demo", "--screenshot", str(out))
    assert result.returncode == 0, result.stderr
    assert png_size(out) == (1366, 768)


def test_minutes_are_generated_off_the_ui_thread_then_offered(
    qtbot, sqlite_demo, make_window, tmp_path
):
    pytest.importorskip(documents.SERVICE)
    window = make_window(sqlite_demo)
    window.generate_minutes(1)
    dialog = open_dialog(qtbot, window)
    dialog.folder.setText(str(tmp_path / "out"))
    named(dialog, "Progress")
    dialog.generate_button.click()
    qtbot.waitUntil(lambda: dialog.files.count() > 0, timeout=60_000)
    paths = dialog.paths
    assert {p.suffix for p in paths} == {".docx", ".pdf"}
    assert all(p.is_file() and p.stat().st_size > 0 for p in paths)
    assert dialog.open_file_button.isVisible() and dialog.open_folder_button.isVisible()
    assert dialog.chosen_file() == paths[0]


def test_the_tracker_is_generated_from_the_window(qtbot, sqlite_demo, make_window, tmp_path):
    pytest.importorskip(documents.SERVICE)
    window = make_window(sqlite_demo)
    window.open_meeting(2)
    window.run_command("generate_tracker")  # the open meeting's committee
    dialog = open_dialog(qtbot, window)
    assert dialog.what.text() == (
        "The action tracker of the Children and Young People's Overview and Scrutiny Board."
    )
    dialog.folder.setText(str(tmp_path))
    dialog.pdf.setChecked(False)
    dialog.open_only.setChecked(False)
    dialog.generate_button.click()
    qtbot.waitUntil(lambda: dialog.files.count() > 0, timeout=60_000)
    assert [p.name for p in dialog.paths] == ["cyp-scrutiny-board-action-tracker.docx"]


def test_the_web_version_is_written_from_the_window_for_public_documents_only(
    qtbot, sqlite_demo, make_window, tmp_path
):
    pytest.importorskip(documents.SERVICE)
    record_september(sqlite_demo)  # a Part II item: the minutes have a confidential version
    window = make_window(sqlite_demo)
    window.generate_minutes(2)
    dialog = open_dialog(qtbot, window)
    dialog.confidential.click()
    assert not dialog.html.isEnabled()  # never a web version of the confidential minutes
    dialog.public.setChecked(True)
    assert dialog.html.isEnabled()
    dialog.reject()
    window.generate_minutes(1)
    dialog = open_dialog(qtbot, window)
    dialog.folder.setText(str(tmp_path))
    dialog.word.setChecked(False)
    dialog.pdf.setChecked(False)
    assert dialog.html.text() == "&HTML (web page)"
    dialog.html.click()
    dialog.generate_button.click()
    qtbot.waitUntil(lambda: dialog.files.count() > 0, timeout=60_000)
    (path,) = dialog.paths
    assert path.name == "cyp-scrutiny-board-2021-08-18-minutes.html"
    assert path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_the_tracker_dialog_says_so_when_documents_cannot_be_made(
    qtbot, sqlite_demo, make_window, monkeypatch
):
    monkeypatch.setattr(documents, "SERVICE", "clerk.services.not_in_this_build")
    window = make_window(sqlite_demo)
    window.generate_tracker("cyp-scrutiny-board")
    dialog = open_dialog(qtbot, window)
    assert dialog.open_only.isChecked()
    dialog.generate_button.click()
    assert "cannot produce documents" in dialog.message.text()
    dialog.word.setChecked(False)
    dialog.pdf.setChecked(False)
    dialog.generate_button.click()
    assert dialog.message.text() == "Choose Word, PDF, HTML or more than one."


def test_the_confidential_version_is_offered_only_for_a_meeting_with_exempt_business(
    qtbot, sqlite_demo, make_window
):
    """The domain says whether there is anything exempt: August had nothing (the choice is
    disabled, its tooltip says why), September had a Part II item (the choice is there)."""
    record_september(sqlite_demo)
    window = make_window(sqlite_demo)
    window.generate_minutes(1)
    dialog = open_dialog(qtbot, window)
    assert dialog.public.isChecked() and dialog.public.isEnabled()
    assert not dialog.confidential.isEnabled()
    reason = (
        "This meeting had no exempt business, so its minutes have no confidential version: "
        "the public minutes are the whole record."
    )
    assert dialog.confidential.toolTip() == reason
    assert dialog.confidential.accessibleDescription() == reason
    dialog.confidential.click()  # a disabled choice cannot be taken
    assert dialog.public.isChecked() and not dialog.confidential.isChecked()
    dialog.reject()
    window.generate_minutes(2)
    dialog = open_dialog(qtbot, window)
    assert dialog.confidential.isEnabled() and dialog.confidential.toolTip() == ""
    dialog.confidential.click()
    assert dialog.confidential.isChecked()
