"""Opening the database from the window: a damaged file is explained and a backup offered.

The storage layer has already moved a damaged or foreign file aside (never deleted) when
``DamagedDatabase`` reaches here; the clerk chooses to restore the newest backup, start with
an empty database, or quit. Notices (opened read-only, a backup that failed) are shown once.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QWidget

from clerk.domain.errors import ClerkError
from clerk.services import maintenance
from clerk.storage.database import DamagedDatabase, Database, open_database

RESTORE, EMPTY, QUIT = "Restore the newest backup", "Start with an empty database", "Quit"

#: Asks the clerk: (sentence, choices) -> the choice made.
Ask = Callable[[str, list[str]], str]


def ask_with_dialog(sentence: str, choices: list[str]) -> str:
    box = QMessageBox(QMessageBox.Icon.Warning, "Clerk", sentence)
    buttons = {
        box.addButton(choice, QMessageBox.ButtonRole.ActionRole): choice for choice in choices
    }
    box.exec()
    return buttons.get(box.clickedButton(), QUIT)


def open_with_recovery(target: str | None, ask: Ask = ask_with_dialog) -> Database | None:
    """The database, recovered if need be; None when the clerk chose to quit."""
    try:
        return open_database(target)
    except DamagedDatabase as damaged:
        choices = ([RESTORE] if damaged.newest_backup is not None else []) + [EMPTY, QUIT]
        sentence = f"{damaged.lead}."
        if damaged.newest_backup is not None:
            sentence += f" The newest backup is {damaged.newest_backup.name}."
        choice = ask(sentence, choices)
        if choice == RESTORE and damaged.newest_backup is not None:
            maintenance.restore(target, damaged.newest_backup)
            return open_database(target)
        if choice == EMPTY:
            return open_database(target)
        return None


def show_notices(database: Database, parent: QWidget | None = None) -> None:
    if database.notices:
        QMessageBox.information(parent, "Clerk", "\n\n".join(database.notices))


def report_failure(error: ClerkError) -> None:
    QMessageBox.critical(None, "Clerk", str(error))
