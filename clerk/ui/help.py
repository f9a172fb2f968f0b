"""Help, Keyboard shortcuts: every command and its keys, from the one table the menus use."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from clerk.ui.shortcuts import COMMANDS, PANEL_KEYS, keys_text


def shortcuts_html() -> str:
    groups: dict[str, list[tuple[str, str]]] = {}
    for command in COMMANDS:
        if not command.keys:
            continue
        text = command.text.replace("&", "").rstrip("…")
        if command.where:
            text += f" ({command.where})"
        elif command.under_way:
            text += " (on the item under way)"
        groups.setdefault(command.group, []).append((keys_text(command), text))
    for group, keys, text in PANEL_KEYS:
        groups.setdefault(group, []).append((keys, text))
    html = [
        "<h2>Keyboard shortcuts</h2><p>Commands that record are greyed while the meeting is "
        "read-only. Those marked “on the item under way” record there even while you look at "
        "another item (the window shows it first).</p>"
    ]
    for group, rows in groups.items():
        html.append(f"<h3>{escape(group)}</h3><table cellpadding='3'>")
        for keys, text in rows:
            html.append(
                f"<tr><td width='190'><b>{escape(keys)}</b></td><td>{escape(text)}</td></tr>"
            )
        html.append("</table>")
    return "".join(html)


class ShortcutsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        self.setAccessibleName("Keyboard shortcuts")
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser()
        self.browser.setAccessibleName("Keyboard shortcuts")
        self.browser.setHtml(shortcuts_html())
        layout.addWidget(self.browser)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 640)
