"""Slow work off the UI thread: signing, verifying, printing, auditing.

``start(pool, work, done, failed)`` runs ``work()`` in a ``QRunnable`` on the pool and calls
``done(result)`` or ``failed(message)`` back on the UI thread: the job's signals reach them
through a relay object that lives on the UI thread, so they run there even when they are
lambdas. A ``ClerkError`` is reported in its own words; anything else with its traceback, and
is logged. The same shape as ``clerk.ui.documents.Job``, for work that returns any value.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from clerk.domain.errors import ClerkError

log = logging.getLogger(__name__)


class JobSignals(QObject):
    finished = Signal(object)
    failed = Signal(str)


class BackgroundJob(QRunnable):
    def __init__(self, work: Callable[[], Any]) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the owner keeps it until it reports
        self.work = work
        self.signals = JobSignals()

    def run(self) -> None:
        try:
            result = self.work()
        except ClerkError as error:
            self.signals.failed.emit(str(error))
        except Exception as error:  # shown to the clerk and logged; the record is untouched
            detail = "".join(traceback.format_exception(error))
            log.error("background work failed\n%s", detail)
            self.signals.failed.emit(f"{type(error).__name__}: {error}\n\n{detail}")
        else:
            self.signals.finished.emit(result)


class Relay(QObject):
    """Calls the callbacks on the thread it lives on (the UI thread that made it)."""

    def __init__(self, done: Callable[[Any], None], failed: Callable[[str], None]) -> None:
        super().__init__()
        self._done = done
        self._failed = failed

    @Slot(object)
    def finished(self, result: Any) -> None:
        self._done(result)

    @Slot(str)
    def failed(self, message: str) -> None:
        self._failed(message)


def start(
    pool: QThreadPool | None,
    work: Callable[[], Any],
    done: Callable[[Any], None],
    failed: Callable[[str], None],
) -> BackgroundJob:
    """Run ``work`` on the pool (the global one by default); keep the returned job alive."""
    job = BackgroundJob(work)
    job.relay = Relay(done, failed)
    job.signals.finished.connect(job.relay.finished)
    job.signals.failed.connect(job.relay.failed)
    (pool or QThreadPool.globalInstance()).start(job)
    return job
