"""``clerk --demo --screenshot FILE.png``: the demo's September meeting under way, a vote open.

The scene is recorded through the recording service exactly as a clerk would record it
(start, roll call, the item taken, a motion moved and seconded); the window then opens the
meeting where it stands and the vote panel is opened on the motion.
"""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path

from PySide6.QtWidgets import QApplication, QTabWidget

from clerk.services import catalogue
from clerk.storage.database import Database

SIZE = (1366, 768)
DEMO_DAY = date(2021, 9, 20)
AUGUST = date(2021, 8, 18)
SCENE_CLOCK = datetime(2021, 9, 20, 10, 42)


def stage_september_vote(database: Database) -> int:
    """Record the 20 September 2021 demo meeting up to a vote on item 7; its meeting id."""
    from clerk.domain.actions.attendance import Apologies, OfficerPresent, Present
    from clerk.domain.actions.motions import Move
    from clerk.domain.actions.proceedings import ConfirmMinutes, OpenItem, StartMeeting
    from clerk.domain.rules.motions import substantive_parts
    from clerk.services import signoff
    from clerk.services.recording import MeetingSession

    meeting_id = next(m.id for m in catalogue.meetings(database) if m.meeting.date == DEMO_DAY)
    august = next(m.id for m in catalogue.meetings(database) if m.meeting.date == AUGUST)
    # The Chairman approved the August minutes before this meeting confirms them (sign-off).
    signoff.circulate(database, august, on=date(2021, 8, 19), who="demo")
    signoff.approve(database, august, on=date(2021, 8, 23), who="demo")
    session = MeetingSession(database, meeting_id, who="demo", clock=lambda: SCENE_CLOCK)
    record = session.record
    items = {i.number: i.id for i in record.agenda()}
    for person in ("bye", "barnby", "mandy-darling", "douglas-dunbar", "mills", "laura-colman"):
        session.apply(Present(person))
    for person in ("tatiana-wilson", "brent-davison", "mike-cook", "jo-morrell"):
        session.apply(Apologies(person))
    for person in ("rachael-williams", "becky-thompson"):
        session.apply(OfficerPresent(person))
    session.apply(StartMeeting(at=time(9, 30)))
    session.apply(OpenItem(items["1"], at=time(9, 30)))
    session.apply(OpenItem(items["2"], at=time(9, 32)))
    session.apply(ConfirmMinutes(items["2"], date(2021, 8, 18)))
    session.apply(OpenItem(items["7"], at=time(10, 15)))
    review = session.record.items[items["7"]]
    session.apply(
        Move(
            item=review.id,
            mover="mills",
            seconder="barnby",
            preamble="That the Board recommends to the Cabinet:",
            parts=review.recommendations[:4],
        )
    )
    motion = max(session.record.motions)
    assert substantive_parts(session.record, session.record.motions[motion])
    return meeting_id


def render(window, path: Path) -> Path:
    """Lay the window out at the council-laptop size, draw it and save the PNG."""
    app = QApplication.instance()
    window.resize(*SIZE)
    window.show()
    for _ in range(3):
        app.processEvents()
    image = window.grab()
    path.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(path)):
        raise OSError(f"Could not write the screenshot {path}.")
    return path


def _settle(widget) -> None:
    app = QApplication.instance()
    widget.show()
    for _ in range(3):
        app.processEvents()


def _grab(widget, path: Path) -> Path:
    _settle(widget)
    widget.grab().save(str(path))
    return path


def gallery(folder: Path) -> list[Path]:
    """The README's screenshots, each a real window on a fresh demo database."""
    import tempfile

    from clerk.domain.actions.attendance import Leave
    from clerk.domain.actions.declarations import Declare
    from clerk.domain.actions.motions import Resolve
    from clerk.domain.actions.paragraphs import AddParagraph, MoveParagraph
    from clerk.domain.enums import InterestKind, VoteMethod
    from clerk.domain.rules.proceedings import item_proceedings
    from clerk.services.demo import load_demo
    from clerk.storage.database import open_database
    from clerk.ui import style
    from clerk.ui.window import MainWindow

    app = QApplication.instance() or QApplication([])
    style.apply(app)
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory() as scratch:
        empty = open_database(str(Path(scratch) / "empty.sqlite3"))
        window = MainWindow(empty, clock=lambda: SCENE_CLOCK)
        written.append(render(window, folder / "ui-welcome.png"))
        window.close()

        database = open_database(str(Path(scratch) / "demo.sqlite3"))
        load_demo(database)
        meeting_id = stage_september_vote(database)
        window = MainWindow(database, clock=lambda: SCENE_CLOCK)
        written.append(render(window, folder / "ui-home-resume.png"))
        view = window.open_meeting(meeting_id)
        written.append(render(window, folder / "ui-live-vote.png"))

        panel = view.workspace.vote_panel
        panel.spins["yes"].setValue(2)
        panel.spins["no"].setValue(2)
        panel.spins["abstain"].setValue(1)
        written.append(render(window, folder / "ui-vote-tie.png"))
        panel.method_buttons[VoteMethod.RECORDED].setChecked(True)
        for row, key in enumerate("11123"):
            panel.grid_model.set_choice(row, {"1": "yes", "2": "no", "3": "abstain"}[key])
        written.append(render(window, folder / "ui-vote-recorded.png"))
        panel.method_buttons[VoteMethod.SHOW_OF_HANDS].setChecked(True)
        panel.spins["yes"].setValue(5)
        panel.spins["no"].setValue(0)
        panel.spins["abstain"].setValue(0)
        panel.record_vote()
        written.append(render(window, folder / "ui-resolution.png"))

        controller = window.controller
        item = controller.record.current_item()
        controller.perform(
            Declare(
                "douglas-dunbar",
                item.id,
                InterestKind.DISCLOSABLE_PECUNIARY,
                nature="her husband is employed by a children's services provider",
            )
        )
        controller.perform(Leave("laura-colman"))
        motion = max(controller.record.motions)
        controller.perform(Resolve(item.id, motion=motion, unanimous=True))
        controller.perform(
            AddParagraph(
                item.id,
                "Stephen Hart, Independent Chair of the Torbay Children's Service Improvement "
                "Board, presented the review of leadership, management and governance, and its "
                "eight recommendations.",
            )
        )
        # Written up after the vote, moved up to where it was said (as Alt+Up does).
        presented = max(controller.record.paragraphs)
        steps = [e.step for e in item_proceedings(controller.record, item.id)]
        controller.perform(MoveParagraph(presented, -steps.index(steps[-1])))
        controller.perform(
            AddParagraph(
                item.id,
                "As a result of the vote, the Chairman asked for a progress report on the "
                "eight recommendations at the Board's meeting in January 2022.",
            )
        )
        view.workspace.show_tab(0)
        tab = view.workspace.minute_text
        tab.view.setCurrentIndex(tab.model.index(0, 0))
        written.append(render(window, folder / "ui-live-minutes.png"))

        view.do_edit_agenda()
        editor = view.dialog
        editor.resize(900, 560)
        written.append(_grab(editor, folder / "ui-agenda-editor.png"))
        editor.view.selectRow(6)
        editor.edit_item()
        written.append(_grab(editor.dialog, folder / "ui-agenda-item.png"))
        editor.dialog.reject()
        editor.reject()

        view.workspace.do_move_motion()
        written.append(_grab(view.workspace.dialog, folder / "ui-motion-dialog.png"))
        view.workspace.dialog.reject()

        window.edit_committee("cyp-scrutiny-board")
        written.append(_grab(window.dialog, folder / "ui-committee.png"))
        window.dialog.reject()
        window.edit_council()
        window.dialog.findChild(QTabWidget).setCurrentIndex(1)  # the house style, previewed
        written.append(_grab(window.dialog, folder / "ui-council.png"))
        window.dialog.reject()
        window.show_shortcuts()
        written.append(_grab(window.dialog, folder / "ui-shortcuts.png"))
        window.close()
        database.dispose()
        empty.dispose()
    from clerk.ui.across.gallery import across_gallery
    from clerk.ui.moderngov_gallery import moderngov_gallery
    from clerk.ui.roundtrip_gallery import roundtrip_gallery
    from clerk.ui.signoff.gallery import signoff_gallery

    written += moderngov_gallery(folder, _grab)
    written += signoff_gallery(folder, render)
    written += roundtrip_gallery(folder, render)
    written += across_gallery(folder, render)
    return written


if __name__ == "__main__":  # python -m clerk.ui.screenshot docs/images
    import os
    import sys

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    for written_path in gallery(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/images")):
        print(written_path)
