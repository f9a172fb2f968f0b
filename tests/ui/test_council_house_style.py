"""The council set-up page: house style choices with a live preview, and the code of
conduct's categories, saved to the council profile."""

from __future__ import annotations

from clerk.domain.enums import StartTimePlacement, SubstitutionWording
from clerk.services import catalogue
from tests.ui.conftest import named, open_dialog


def test_house_style_is_chosen_with_a_preview_and_saved(qtbot, sqlite_database, make_window):
    window = make_window(sqlite_database)
    named(window.welcome, "Create a committee").click()
    council = open_dialog(qtbot, window)
    qtbot.keyClicks(named(council, "Council"), "Anytown Borough Council")
    preview = named(council, "House style preview")
    assert "Councillor Brown (Vice-Chair)" in preview.text()
    assert "(Also in attendance: Councillor Dunn)" in preview.text()  # singular for one
    named(council, "Vice-chair's title").clear()
    qtbot.keyClicks(named(council, "Vice-chair's title"), "Vice-Chairman")
    heading = named(council, "Minute heading")
    heading.clear()
    qtbot.keyClicks(heading, "{prefix}{n}/{myy}")
    substitutes = named(council, "Substitutes")
    substitutes.setCurrentIndex(substitutes.findData(SubstitutionWording.ATTENDED_AS_SUBSTITUTE))
    start = named(council, "When the start time prints")
    start.setCurrentIndex(start.findData(StartTimePlacement.WITH_DATE))
    lines = preview.text().splitlines()
    assert "Councillor Brown (Vice-Chairman)" in lines
    assert lines[0] == "14 February 2024 at 10.00 am"
    assert any(line.startswith("DEV12/23. ") for line in lines)  # February 2024: 2023/24
    assert "Councillor Dunn attended as a substitute for Councillor Clark." in lines
    categories = named(council, "Interest categories (k)")
    categories.setPlainText(categories.toPlainText() + "\nown | an own interest | own | wanders")
    assert preview.text().startswith("(No preview: Line 4")
    council.accept()
    assert council.isVisible()  # refused, with the line at fault
    assert "Line 4" in council.message.text()
    categories.setPlainText(
        categories.toPlainText().replace("| own | wanders", "| own interests | stays")
    )
    council.accept()
    assert not council.isVisible(), council.message.text()
    saved = catalogue.council(sqlite_database)
    assert saved.house_style.vice_chair_title == "Vice-Chairman"
    assert saved.house_style.substitution is SubstitutionWording.ATTENDED_AS_SUBSTITUTE
    assert saved.house_style.start_time is StartTimePlacement.WITH_DATE
    assert saved.minute_heading_pattern == "{prefix}{n}/{myy}"
    assert [c.key for c in saved.interest_categories][-1] == "own"
