"""Unexpected errors: a dialog with copyable details, and the rotating log.

The hook never quits the application and never touches the meeting: everything acknowledged
is already committed, so after "Continue" the clerk carries on recording.
"""

from __future__ import annotations

import logging
import sys
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from clerk import __version__
from clerk.storage.engine import log_dir

log = logging.getLogger("clerk.ui")
LOG_NAME = "clerk.log"


def ensure_log() -> Path | None:
    """The rotating log file, set up if the command line has not done it already."""
    folder = log_dir()
    path = folder / LOG_NAME
    root = logging.getLogger()
    for handler in root.handlers:
        if isinstance(handler, RotatingFileHandler) and Path(handler.baseFilename) == path:
            return path
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    if root.level > logging.INFO or root.level == logging.NOTSET:
        root.setLevel(logging.INFO)
    return path


class ErrorDialog(QDialog):
    def __init__(self, details: str, log_path: Path | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Clerk: something went wrong")
        self.setAccessibleName("Unexpected error")
        layout = QVBoxLayout(self)
        where = f" It is also written to the log: {log_path}." if log_path else ""
        intro = QLabel(
            "Clerk hit an unexpected problem. Everything recorded so far is saved, and you "
            f"can carry on recording. Please send these details to your support team.{where}"
        )
        intro.setWordWrap(True)
        intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(intro)
        self.details = QPlainTextEdit(details)
        self.details.setReadOnly(True)
        self.details.setAccessibleName("Error details")
        self.details.setMinimumSize(640, 240)
        layout.addWidget(self.details, 1)
        buttons = QDialogButtonBox()
        copy = buttons.addButton("&Copy details", QDialogButtonBox.ButtonRole.ActionRole)
        copy.setAccessibleName("Copy details")
        copy.clicked.connect(self.copy)
        carry_on = buttons.addButton("C&ontinue recording", QDialogButtonBox.ButtonRole.AcceptRole)
        carry_on.setDefault(True)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)

    def copy(self) -> None:
        QApplication.clipboard().setText(self.details.toPlainText())


class ExceptHook:
    """``sys.excepthook`` for the window: log, then show the details (never quit)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.parent = parent
        self.log_path = ensure_log()
        self.dialog: ErrorDialog | None = None
        self._showing = False

    def install(self) -> None:
        sys.excepthook = self

    def __call__(
        self,
        kind: type[BaseException],
        error: BaseException,
        tb: TracebackType | None,
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        details = f"Clerk {__version__}\n" + "".join(traceback.format_exception(kind, error, tb))
        log.error("unexpected error in the window\n%s", details)
        if self._showing or QApplication.instance() is None:
            return  # one dialog at a time; the log has every error
        self._showing = True
        self.dialog = ErrorDialog(details, self.log_path, self.parent)
        self.dialog.finished.connect(self._closed)
        self.dialog.open()

    def _closed(self, _result: int) -> None:
        self._showing = False
