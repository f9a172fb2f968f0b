"""Opening the database from the window: a damaged file is explained and a backup offered.

The storage layer has already moved a damaged Clerk database aside (never deleted) when
``DamagedDatabase`` reaches here; the clerk chooses to restore the newest backup, start with
an empty database, or quit. Where there is no database yet, the clerk chooses to create a new
one there or quit. Something that is not a Clerk database is refused (``NotAClerkDatabase``,
a ``ClerkError``) and left as it is. Notices (opened read-only, a backup that failed) are
shown once.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QWidget

from clerk.domain.errors import ClerkError
from clerk.storage.database import Access, DamagedDatabase, Database, NoDatabase, open_database

RESTORE, EMPTY, QUIT = "Restore the newest backup", "Start with an empty database", "Quit"
CREATE = "Create a new database"

#: Asks the clerk: (sentence, choices) -> the choice made.
Ask = Callable[[str, list[str]], str]


def ask_with_dialog(sentence: str, choices: list[str]) -> str:
    box = QMessageBox(QMessageBox.Icon.Warning, "Clerk", sentence)
    buttons = {
        box.addButton(choice, QMessageBox.ButtonRole.ActionRole): choice for choice in choices
    }
    box.exec()
    return buttons.get(box.clickedButton(), QUIT)


def open_with_recovery(
    target: str | None, ask: Ask = ask_with_dialog, access: Access = Access.WRITE
) -> Database | None:
    """The database, recovered or created if need be; None when the clerk chose to quit.

    ``access`` is CREATE for Clerk's own default database (the first start makes it) and
    WRITE for one the clerk named: a new database there is made only when the clerk says so.
    """
    try:
        return open_database(target, access=access)
    except NoDatabase as missing:
        question = (
            "Make it a new Clerk database?" if missing.empty else "Create a new database there?"
        )
        if ask(f"{missing.lead}. {question}", [CREATE, QUIT]) == CREATE:
            return open_database(target, access=Access.CREATE)
        return None
    except DamagedDatabase as damaged:
        choices = ([RESTORE] if damaged.newest_backup is not None else []) + [EMPTY, QUIT]
        sentence = f"{damaged.lead}."
        if damaged.newest_backup is not None:
            sentence += f" The newest backup is {damaged.newest_backup.name}."
        choice = ask(sentence, choices)
        if choice == RESTORE and damaged.newest_backup is not None:
            from clerk.services import maintenance

            maintenance.restore(target, damaged.newest_backup)
            return open_database(target)
        if choice == EMPTY:
            return open_database(target, access=Access.CREATE)
        return None


def show_notices(database: Database, parent: QWidget | None = None) -> None:
    if database.notices:
        QMessageBox.information(parent, "Clerk", "\n\n".join(database.notices))


def report_failure(error: ClerkError) -> None:
    QMessageBox.critical(None, "Clerk", str(error))
