"""A calm look for three hours at the table: the system font size, visible focus, few colours.

Sizes are relative to the application font (which follows the system setting), never fixed
points, so a clerk who has enlarged their system font gets larger text everywhere.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

FOCUS = "#1a5fb4"
#: Greyed text (absent members, disabled buttons, hints): dimmer than black and still at least
#: 4.5:1 on every surface it is drawn on (tests/ui/test_contrast.py computes each pair).
DIMMED = "#5d6268"
#: The least contrast any text may have with its background (WCAG 2.1 AA, normal text).
MINIMUM_CONTRAST = 4.5


def luminance(colour: str) -> float:
    """The relative luminance of an sRGB colour "#rrggbb" (WCAG 2.1)."""
    value = QColor(colour)

    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * linear(value.red())
        + 0.7152 * linear(value.green())
        + 0.0722 * linear(value.blue())
    )


def contrast(foreground: str, background: str) -> float:
    """The contrast ratio of two colours, 1 to 21."""
    light, dark = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def palette(base: QPalette) -> QPalette:
    """The style's palette with readable greyed text and selection: Fusion's disabled text
    (#bebebe, 1.9:1 on white) and selection (white on #308cc6, 3.7:1) are too faint."""
    result = QPalette(base)
    disabled = QPalette.ColorGroup.Disabled
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.ButtonText,
    ):
        result.setColor(disabled, role, QColor(DIMMED))
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        result.setColor(group, QPalette.ColorRole.Highlight, QColor(FOCUS))
        result.setColor(group, QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    result.setColor(disabled, QPalette.ColorRole.Highlight, QColor(DIMMED))
    result.setColor(disabled, QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    return result


def stylesheet(base: QFont) -> str:
    size = base.pointSizeF() if base.pointSizeF() > 0 else 10.0
    return f"""
QWidget {{ font-size: {size:.1f}pt; }}
QLabel#meetingTitle {{ font-size: {size * 1.3:.1f}pt; font-weight: 600; }}
QLabel#welcomeTitle {{ font-size: {size * 2:.1f}pt; font-weight: 600; }}
QLabel#itemHeading {{ font-size: {size * 1.2:.1f}pt; font-weight: 600; }}
QLabel#voteTitle {{ font-weight: 600; }}
QLabel#panelHeading {{ font-weight: 600; padding-top: 2px; }}
QLabel#hint, QLabel#meetingState, QLabel#itemDetails {{ color: #4a4f55; }}
QFrame#meetingHeader {{ background: #f3f4f6; border: 1px solid #d5d8dc; border-radius: 4px; }}
QLabel#questionLine {{ font-weight: 600; }}
QLabel#quorate, QLabel#inquorate, QLabel#quorumPending, QLabel#meetingOver {{
    padding: 4px 10px; border-radius: 4px; font-weight: 600; }}
QLabel#quorate {{ background: #e3f1e6; color: #1e5631; border: 1px solid #8cc09a; }}
QLabel#inquorate {{ background: #fbe4e1; color: #8a1c10; border: 2px solid #c0392b; }}
QLabel#quorumPending {{ background: #eef0f2; color: #33383d; border: 1px solid #c2c7cc; }}
QLabel#meetingOver {{ background: #eef0f2; color: #33383d; border: 1px solid #c2c7cc; }}
QLabel#refusal {{ background: #fff4d6; color: #4d3800; border: 1px solid #d9a400;
    border-radius: 4px; padding: 6px; }}
QLabel#notice {{ background: #e8f0fb; color: #14365f; border: 1px solid #8fb0dc;
    border-radius: 4px; padding: 6px; }}
QLabel#outcome {{ font-weight: 600; padding: 2px 0; }}
QFrame#votePanel {{ border: 2px solid #7a8793; border-radius: 4px; background: #fbfbfc; }}
QScrollArea#votePanelScroll, QWidget#votePanelBody {{ background: #fbfbfc; border: none; }}
QFrame#votePanel QSpinBox {{ font-size: {size * 1.3:.1f}pt; font-weight: 600; }}
QFrame#resumeBanner {{ background: #e8f0fb; border: 2px solid #1a5fb4; border-radius: 6px; }}
QLabel#lockBanner {{ background: #eef0f2; color: #22272c; border: 2px solid #5d6b78;
    border-radius: 4px; padding: 6px 10px; }}
QFrame#tamperBanner {{ background: #fbe4e1; border: 2px solid #c0392b; border-radius: 4px; }}
QFrame#tamperBanner QLabel {{ color: #8a1c10; }}
QFrame#nextStep {{ background: #f3f7fc; border: 1px solid #8fb0dc; border-radius: 6px; }}
QLabel#stageDone {{ color: #1e5631; padding: 2px 6px; }}
QLabel#stageCurrent {{ background: #1a5fb4; color: white; font-weight: 600; padding: 2px 8px;
    border-radius: 4px; }}
QLabel#stageTodo {{ color: {DIMMED}; padding: 2px 6px; }}
QLabel#verdictGood {{ background: #e3f1e6; color: #1e5631; border: 1px solid #8cc09a;
    border-radius: 4px; padding: 6px; font-weight: 600; }}
QLabel#verdictBad {{ background: #fbe4e1; color: #8a1c10; border: 2px solid #c0392b;
    border-radius: 4px; padding: 6px; font-weight: 600; }}
QLabel#hint:disabled {{ color: {DIMMED}; }}
QPushButton, QToolButton {{
    border: 2px solid #aab2ba; border-radius: 4px; background: #fafbfc;
    padding: 3px 10px; min-height: {size * 1.6:.0f}px; outline: none; }}
QPushButton:hover, QToolButton:hover {{ background: #eef2f6; }}
QPushButton:pressed, QToolButton:pressed {{ background: #dce3ea; }}
QPushButton:default {{ border-color: #5d6b78; }}
QPushButton:focus, QToolButton:focus {{ border-color: {FOCUS}; background: #e8f0fb; }}
QPushButton:disabled, QToolButton:disabled {{ color: {DIMMED}; border-color: #d5d9dd;
    background: #f4f5f6; }}
QToolButton {{ padding: 3px 4px; }}
QPushButton#bigButton {{ text-align: left; padding: 8px 14px; }}
QPushButton#primaryButton {{ background: #1a5fb4; color: white; border-color: #134a8e;
    font-weight: 600; padding: 5px 14px; }}
QPushButton#primaryButton:hover {{ background: #1c6ad0; }}
QPushButton#primaryButton:focus {{ border-color: #0b2f5c; background: #1a5fb4; }}
QPushButton#primaryButton:disabled {{ background: #f4f5f6; color: {DIMMED};
    border-color: #d5d9dd; }}
QCheckBox:focus, QRadioButton:focus {{ color: {FOCUS}; }}
QLineEdit:focus, QPlainTextEdit:focus, QSpinBox:focus, QComboBox:focus, QDateEdit:focus,
QTimeEdit:focus, QTableView:focus, QListView:focus, QListWidget:focus {{
    border: 2px solid {FOCUS}; }}
QTableView::item:selected:focus, QListView::item:selected:focus {{
    background: {FOCUS}; color: white; }}
QTabBar::tab:selected {{ font-weight: 600; }}
"""


def apply(app: QApplication) -> None:
    app.setStyle("Fusion")
    app.setPalette(palette(app.style().standardPalette()))
    app.setStyleSheet(stylesheet(app.font()))
