"""Every text colour the window uses is at least 4.5:1 against its background (WCAG 2.1 AA):
the palette's pairs, each style-sheet rule's colour on its background (or on the surfaces it
may be drawn on), and the colours the models give rows. Greyed rows were 1.9:1."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

import clerk.ui
from clerk.services.recording import MeetingSession
from clerk.ui import style
from clerk.ui.models.attendance import AttendanceModel, attendance_rows
from clerk.ui.models.votes import VoteGridModel, voter_rows
from clerk.ui.screenshot import stage_september_vote

UI = Path(clerk.ui.__file__).parent
RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
GROUPS = (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive, QPalette.ColorGroup.Disabled)
R = QPalette.ColorRole
PAIRS = (
    (R.Text, R.Base),
    (R.Text, R.AlternateBase),
    (R.WindowText, R.Window),
    (R.ButtonText, R.Button),
    (R.HighlightedText, R.Highlight),
)


def declarations(body: str) -> dict[str, str]:
    found = {}
    for declaration in body.split(";"):
        if ":" in declaration:
            name, value = declaration.split(":", 1)
            found[name.strip()] = value.strip()
    return found


def rules() -> list[tuple[str, dict[str, str]]]:
    sheet = style.stylesheet(QFont())
    return [(selector.strip(), declarations(body)) for selector, body in RULE.findall(sheet)]


def surfaces(app: QApplication) -> dict[str, str]:
    """What text without a background of its own may sit on: the palette's surfaces and the
    frames the style paints."""
    palette = app.palette()
    found = {
        f"palette {group.name} {role.name}": palette.color(group, role).name()
        for group in GROUPS
        for role in (R.Base, R.AlternateBase, R.Window, R.Button)
    }
    for selector, values in rules():
        if selector.startswith("QFrame#") and "background" in values:
            found[selector] = values["background"]
    return found


def test_the_contrast_ratio_is_computed_as_wcag_says() -> None:
    assert style.contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert style.contrast("#ffffff", "#ffffff") == pytest.approx(1.0)
    assert style.contrast("#bebebe", "#ffffff") == pytest.approx(1.86, abs=0.01)  # Fusion's grey
    assert style.contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


def test_every_palette_text_is_readable_on_its_background(styled) -> None:
    palette = styled.palette()
    faint = []
    for group in GROUPS:
        for text, background in PAIRS:
            ratio = style.contrast(
                palette.color(group, text).name(), palette.color(group, background).name()
            )
            if ratio < style.MINIMUM_CONTRAST:
                faint.append(f"{group.name} {text.name} on {background.name}: {ratio:.2f}")
    assert faint == []


def test_every_style_sheet_colour_is_readable_on_its_background(styled) -> None:
    faint = []
    plain = surfaces(styled)
    colours = {selector: values.get("color") for selector, values in rules()}
    for selector, values in rules():
        colour = values.get("color")
        background = values.get("background")
        if colour is None and background is None:
            continue
        if colour is None:  # a background under the text of the rule it varies, else black
            colour = colours.get(selector.split(":")[0]) or "#000000"
        grounds = {selector: background} if background else plain
        for where, ground in grounds.items():
            ratio = style.contrast(colour, ground)
            if ratio < style.MINIMUM_CONTRAST:
                faint.append(f"{selector}: {colour} on {ground} ({where}): {ratio:.2f}")
    assert faint == []


def test_colours_the_models_give_rows_are_readable(styled) -> None:
    palette = styled.palette()
    backgrounds = [
        palette.color(QPalette.ColorGroup.Active, role).name() for role in (R.Base, R.AlternateBase)
    ]
    literals = set()
    for path in UI.rglob("*.py"):
        if path.name == "style.py":
            continue
        literals |= set(re.findall(r'"(#[0-9a-fA-F]{6})"', path.read_text(encoding="utf-8")))
    assert "#a4262c" in literals  # the search's confidential marking, for one
    faint = [
        f"{colour} on {ground}: {style.contrast(colour, ground):.2f}"
        for colour in sorted(literals)
        for ground in backgrounds
        if style.contrast(colour, ground) < style.MINIMUM_CONTRAST
    ]
    assert faint == []


def test_greyed_rows_use_the_readable_grey(styled, sqlite_demo) -> None:
    """Members who sent apologies: greyed in the attendance list and the vote grid, legibly."""
    record = MeetingSession(sqlite_demo, stage_september_vote(sqlite_demo)).record
    item = record.current_item()
    base = styled.palette().color(QPalette.ColorGroup.Active, R.Base).name()
    model = AttendanceModel()
    model.set_rows(attendance_rows(record, item.id))
    grid = VoteGridModel()
    grid.set_rows(voter_rows(record, item))
    for table, key in ((model, "tatiana-wilson"), (grid, "tatiana-wilson")):
        brush = table.data(table.index(table.row_of(key), 0), Qt.ItemDataRole.ForegroundRole)
        colour = QColor(brush.color()).name()
        assert colour == style.DIMMED
        assert style.contrast(colour, base) >= style.MINIMUM_CONTRAST
