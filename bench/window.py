"""The window after an action: recording one action in a 40-item meeting, through the window's
controller, until the window is repainted.

The meeting view updates only what the action changed (the ``Touched`` flags computed from
the service's ``Changes``, carried on the acknowledgement). The baseline is the same action
with the whole view refreshed, as every action did before. Offscreen (``QT_QPA_PLATFORM``
set to ``offscreen`` unless already set).

The time runs from the action submitted to the window painted: the service applies and
commits it, the views update, and the event loop runs until the paint Qt scheduled for what
changed is done (``processEvents`` until no update is pending). A further row forces a paint
of the whole window (``QWidget.repaint``) after each action: the worst case, what a window
pays that has to redraw everything (a resize, a window brought to the front).
"""

from __future__ import annotations

import os
import statistics
import time
from datetime import date, datetime
from pathlib import Path

from bench.harness import Outcome, Row, percentile
from clerk.domain.actions import Action
from clerk.domain.actions.agenda import AddItem
from clerk.domain.actions.attendance import Present
from clerk.domain.actions.motions import Move, Withdraw
from clerk.domain.actions.proceedings import AddParagraph, OpenItem, StartMeeting
from clerk.domain.entities import Part
from clerk.services import setup
from clerk.services.demo import load_setup
from clerk.services.recording import MeetingSession
from clerk.storage.database import Database, open_database

ITEMS = 40
TARGET_MS = 50.0
TEXT = (
    "Members asked about the resources available and the timescales for delivery; the "
    "Director advised that the proposals would be reviewed after twelve months."
)


def _meeting(database: Database) -> int:
    """The demo committee's meeting with 40 items, everyone present, item 5 under way."""
    demo = load_setup()
    setup.save_council(database, demo.council)
    for person in demo.persons:
        setup.save_person(database, person)
    setup.save_committee(database, demo.committee)
    meeting_id = setup.create_meeting(database, demo.committee.slug, date(2021, 8, 18), who="b")
    session = MeetingSession(database, meeting_id, who="bench")
    first = len(session.record.agenda()) + 1  # after the standard items
    for number in range(first, ITEMS + 1):
        parts = (Part("to note the report;"), Part("to agree the proposals."))
        session.apply(AddItem(str(number), f"Report {number}", recommendations=parts))
    for membership in session.record.memberships_on_day():
        session.apply(Present(membership.person_id))
    session.apply(StartMeeting())
    session.apply(OpenItem(item=session.record.agenda()[4].id))
    return meeting_id


def run(workdir: Path, cycles: int) -> Outcome:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from clerk.domain.changes import Touched
    from clerk.ui import controller as controller_module
    from clerk.ui import style
    from clerk.ui.window import MainWindow

    workdir.mkdir(parents=True, exist_ok=True)
    for stale in workdir.glob("window*.sqlite3*"):
        stale.unlink()
    database = open_database(str(workdir / "window.sqlite3"))
    meeting_id = _meeting(database)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([])
    style.apply(app)
    window = MainWindow(database, clock=lambda: datetime(2021, 8, 18, 10, 0))
    window.resize(1366, 768)
    window.show()
    window.open_meeting(meeting_id)
    app.processEvents()
    controller = window.controller
    assert controller is not None
    record = controller.record
    item = record.current_item()
    assert item is not None
    members = [m.person_id for m in record.memberships_on_day() if m.role.is_councillor_seat]

    def actions(k: int) -> list[Action]:
        mover, seconder = members[k % len(members)], members[(k + 1) % len(members)]
        return [
            AddParagraph(item.id, TEXT),
            Move(item.id, mover, item.recommendations, "", seconder),
        ]

    whole = False
    cpu: list[float] = []

    def timed(action: Action) -> float:
        started, cpu_started = time.perf_counter(), time.process_time()
        if controller.perform(action) is None:
            raise RuntimeError(f"refused: {action}")
        app.sendPostedEvents()
        app.processEvents()  # the views' updates and the paint they scheduled
        if whole:
            window.repaint()
        cpu.append((time.process_time() - cpu_started) * 1000.0)
        return (time.perf_counter() - started) * 1000.0

    def measure(rounds: int) -> list[float]:
        samples: list[float] = []
        for k in range(rounds):
            for action in actions(k):
                samples.append(timed(action))
            samples.append(timed(Withdraw(max(controller.record.motions))))
        return samples

    everything = controller_module.touched

    def whole_view(_changes: object) -> Touched:
        return Touched.everything()

    measure(2)  # warm up: caches, the first paint of each widget
    rounds = max(1, cycles // 3)
    selective: list[float] = []
    baseline: list[float] = []
    forced: list[float] = []
    selective_cpu: list[float] = []
    for _ in range(3):  # alternate, so a busy neighbour slows both alike
        cpu.clear()
        selective += measure(rounds)
        selective_cpu += cpu
        controller_module.touched = whole_view  # type: ignore[assignment]
        try:
            baseline += measure(rounds)
        finally:
            controller_module.touched = everything
        whole = True
        forced += measure(max(1, rounds // 2))
        whole = False
    service = []
    for k in range(rounds):  # the service alone: what no window can save
        started = time.perf_counter()
        controller.session.apply(actions(k)[0])
        service.append((time.perf_counter() - started) * 1000.0)
    window.close_meeting_view()
    window.close()
    window.deleteLater()
    app.processEvents()
    database.dispose()

    outcome = Outcome()
    outcome.rows.append(Row("window: the service alone (apply and commit)", "ms", service))
    outcome.rows.append(Row("window: an action, the whole view refreshed (before)", "ms", baseline))
    row = Row(
        f"window: an action in a {ITEMS}-item meeting, repainted",
        "ms",
        selective,
        baseline,
        target=f"< {TARGET_MS:.0f} ms",
    )
    outcome.rows.append(row)
    outcome.rows.append(Row("window: p95 of the above", "ms", [percentile(selective, 0.95)]))
    outcome.rows.append(Row("window: its CPU time (this process)", "ms", selective_cpu))
    outcome.rows.append(
        Row("window: the same, then the whole window painted (worst case)", "ms", forced)
    )
    outcome.figures["window_repaint_ms"] = statistics.median(selective)
    outcome.figures["window_repaint_p95_ms"] = percentile(selective, 0.95)
    outcome.figures["window_repaint_cpu_ms"] = statistics.median(selective_cpu)
    outcome.details["window"] = {
        "items": ITEMS,
        "actions_timed": len(selective),
        "median_ms": statistics.median(selective),
        "whole_view_median_ms": statistics.median(baseline),
        "whole_window_painted_median_ms": statistics.median(forced),
        "service_median_ms": statistics.median(service),
        "actions": "add a paragraph, move a motion, withdraw it (each committed)",
    }
    return outcome
